"""Finding interacting medicines in the profile's list: whole names, any case."""

from __future__ import annotations

import pytest

from imuran_cli.core.medicines import match_medicines, words
from imuran_cli.knowledge.medicines import load_medicines

MEDICINES = load_medicines()


def found(*entries: str) -> list[tuple[str, str, str]]:
    return [(m.entry, m.group.id, m.name) for m in match_medicines(list(entries), MEDICINES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allopurinol 100 mg", ("allopurinol", "mg")),
        ("Bactrim-DS 800/160", ("bactrim", "ds")),
        ("allopurinol100mg", ("allopurinol", "mg")),
        ("  ", ()),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("entry", "group", "name"),
    [
        ("Allopurinol 100 mg", "xanthine-oxidase-inhibitors", "allopurinol"),
        ("ALLOPURINOL", "xanthine-oxidase-inhibitors", "allopurinol"),
        ("allopurinol100mg", "xanthine-oxidase-inhibitors", "allopurinol"),
        ("Zyloprim 300", "xanthine-oxidase-inhibitors", "Zyloprim"),
        ("Duzallo", "xanthine-oxidase-inhibitors", "Duzallo"),
        ("oxypurinol", "xanthine-oxidase-inhibitors", "oxypurinol"),
        ("Uloric 40 mg tablets", "febuxostat", "Uloric"),
        ("adenuric", "febuxostat", "Adenuric"),
        ("warfarin sodium 5 mg", "vitamin-k-antagonists", "warfarin"),
        ("Marevan", "vitamin-k-antagonists", "Marevan"),
        ("enalaprilat IV", "ace-inhibitors", "enalaprilat"),
        ("Vasotec IV", "ace-inhibitors", "Vasotec IV"),  # the longest name is reported
        ("Lotrel 5/20", "ace-inhibitors", "Lotrel"),
        ("Bactrim DS twice daily", "co-trimoxazole", "Bactrim DS"),
        ("bactrim", "co-trimoxazole", "Bactrim"),
        ("co-trimoxazole 960mg", "co-trimoxazole", "co-trimoxazole"),
        ("Co trimoxazole", "co-trimoxazole", "co-trimoxazole"),
        ("cotrimoxazole", "co-trimoxazole", "cotrimoxazole"),
        ("trimethoprim/sulfamethoxazole", "co-trimoxazole", "trimethoprim-sulfamethoxazole"),
        ("Trimethoprim 200mg", "co-trimoxazole", "trimethoprim"),
        ("Novo-Trimel", "co-trimoxazole", "Novo-Trimel"),
        ("Mesalamine 1.2 g", "aminosalicylates", "mesalamine"),
        ("sfRowasa enema", "aminosalicylates", "sfRowasa"),
        ("Rowasa", "aminosalicylates", "Rowasa"),
        ("Mezavant XL", "aminosalicylates", "Mezavant XL"),
        ("Salazopyrin EN-Tabs", "aminosalicylates", "Salazopyrin EN-Tabs"),
        ("Ribavirin", "ribavirin", "ribavirin"),
    ],
)
def test_a_name_matches_as_a_whole_word(entry, group, name):
    assert found(entry) == [(entry, group, name)]


@pytest.mark.parametrize(
    "entry",
    [
        "nystatin",  # 'statin' is an unsafe stem, and not an interaction anyway
        "cilastatin",
        "Zurampic",  # lesinurad alone is not a xanthine oxidase inhibitor
        "lesinurad",
        "paracetamol 500 mg",
        "allopurinolate",  # not the whole word
        "prewarfarin",
        "Rowasas",
        "sulfamethoxazole",  # only sold with trimethoprim, which is the listed name
        "pyridostigmine",
        "prednisolone",
        "",
    ],
)
def test_other_words_do_not_match(entry):
    assert found(entry) == []


def test_one_match_per_entry_and_group_in_file_order():
    assert found("lisinopril", "Bactrim DS (trimethoprim)", "Uloric and allopurinol") == [
        ("lisinopril", "ace-inhibitors", "lisinopril"),
        ("Bactrim DS (trimethoprim)", "co-trimoxazole", "Bactrim DS"),
        ("Uloric and allopurinol", "xanthine-oxidase-inhibitors", "allopurinol"),
        ("Uloric and allopurinol", "febuxostat", "Uloric"),
    ]


def test_display_name():
    matches = match_medicines(["Zyloprim", "allopurinol", "co-trimoxazole"], MEDICINES)
    assert [m.display_name() for m in matches] == [
        "Zyloprim (allopurinol)",
        "Allopurinol",
        "Co-trimoxazole",
    ]


def test_no_entries():
    assert match_medicines([], MEDICINES) == []
