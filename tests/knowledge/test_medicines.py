"""The medicine knowledge: every group of the reference (Part A and B), valid and sourced."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from imuran_cli.core.medicines import name_words
from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import DATA_DIR
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.medicines import (
    Medicine,
    Medicines,
    load_medicines,
    medicines_from,
    parse_names,
)
from imuran_cli.knowledge.sources import load_sources

MEDICINES = load_medicines()
GROUPS = {group.id: group for group in MEDICINES.groups}
RAW = tomllib.loads((DATA_DIR / "medicines.toml").read_text(encoding="utf-8"))

# The severity each strength of warning maps to (issue 12).
SEVERITY_OF_STRENGTH = {
    "boxed-warning": "urgent",
    "contraindicated": "urgent",
    "avoid": "urgent",
    "not-advised": "urgent",
    "reduce-dose": "urgent",
    "use-with-caution": "caution",
    "monitor": "caution",
    "reported": "caution",
    "possible": "caution",
    "ask-which-kind": "caution",
    "not-live": "info",
}

# Every row of the reference, by the groups that hold it.
ROWS = {
    ("A", "1"): {"xanthine-oxidase-inhibitors", "febuxostat"},
    ("A", "2"): {"vitamin-k-antagonists"},
    ("A", "3"): {"ace-inhibitors"},
    ("A", "4"): {"co-trimoxazole"},
    ("A", "5"): {"aminosalicylates"},
    ("A", "6"): {"ribavirin"},
    ("A", "7a"): {
        "myelosuppressive-drugs",
        "alkylating-agents",
        "cimetidine-indometacin",
        "methotrexate",
        "clozapine",
    },
    ("A", "7b"): {"live-vaccines", "vaccines-live-or-not", "non-live-vaccines"},
    ("A", "8"): {"neuromuscular-blockers-azathioprine"},
    ("B", "1"): {"telithromycin"},
    ("B", "2"): {"fluoroquinolones"},
    ("B", "3"): {"aminoglycosides"},
    ("B", "4"): {"macrolides"},
    ("B", "5"): {"magnesium-iv", "magnesium-oral"},
    ("B", "6"): {"botulinum-toxins"},
    ("B", "7"): {"beta-blockers"},
    ("B", "8"): {"calcium-channel-blockers"},
    ("B", "9"): {"quinine-family"},
    ("B", "10"): {"penicillamine-mg"},
    ("B", "11"): {"checkpoint-inhibitors"},
    ("B", "12"): {"statins"},
    ("B", "13"): {"iodinated-contrast"},
    ("B", "14"): {"neuromuscular-blockers"},
    ("B", "15"): {"corticosteroids"},
    ("B", "16"): {"deferoxamine", "interferon-alfa", "medsafe-classes", "lithium-phenytoin"},
}

# The severities the issue names, group by group.
SEVERITIES = {
    "xanthine-oxidase-inhibitors": "urgent",
    "febuxostat": "urgent",
    "ribavirin": "urgent",
    "live-vaccines": "urgent",
    "telithromycin": "urgent",
    "fluoroquinolones": "urgent",
    "aminoglycosides": "urgent",
    "magnesium-iv": "urgent",
    "botulinum-toxins": "urgent",
    "penicillamine-mg": "urgent",
    "macrolides": "caution",
    "beta-blockers": "caution",
    "statins": "caution",
    "quinine-family": "caution",
    "checkpoint-inhibitors": "caution",
    "iodinated-contrast": "caution",
    "neuromuscular-blockers": "caution",
    "neuromuscular-blockers-azathioprine": "caution",
    "calcium-channel-blockers": "caution",
    "corticosteroids": "info",
    "non-live-vaccines": "info",
}


def all_names(group_id: str) -> set[str]:
    group = GROUPS[group_id]
    return {name for medicine in MEDICINES.members(group) for name in medicine.names()}


def test_the_file_validates_with_pydantic():
    TypeAdapter(Medicines).validate_python(RAW)


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["groups"][0].update(kind="warning"),
        lambda data: data["groups"][0].update(severity="high"),
        lambda data: data["groups"][0].update(strength="dangerous"),
        lambda data: data["groups"][0].update(colour="red"),
        lambda data: data["live_vaccines"].update(months_after_stopping="three"),
    ],
)
def test_pydantic_refuses_a_broken_file(change):
    data = tomllib.loads((DATA_DIR / "medicines.toml").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(ValidationError):
        TypeAdapter(Medicines).validate_python(data)


def test_groups_cover_every_row_of_both_parts_in_order():
    rows: dict[tuple[str, str], set[str]] = {}
    for group in MEDICINES.groups:
        rows.setdefault((group.part, group.row), set()).add(group.id)
    assert rows == ROWS
    parts = [group.part for group in MEDICINES.groups]
    assert parts == sorted(parts)  # Part A first


def test_ids_are_unique():
    assert len(GROUPS) == len(MEDICINES.groups)


@pytest.mark.parametrize("group", MEDICINES.groups, ids=lambda g: g.id)
def test_severity_follows_the_strength_of_the_warning(group):
    expected = SEVERITY_OF_STRENGTH[group.strength]
    if group.id == "corticosteroids":
        expected = "info"  # they treat MG: the one exception (issue 12)
    assert group.severity == expected
    if group.local is not None:
        assert group.local.severity == SEVERITY_OF_STRENGTH[group.local.strength]


@pytest.mark.parametrize(("group_id", "severity"), SEVERITIES.items())
def test_severities_named_by_the_issue(group_id, severity):
    assert GROUPS[group_id].severity == severity


def test_eye_and_ear_forms_are_a_caution():
    assert GROUPS["fluoroquinolones"].local is not None
    assert GROUPS["fluoroquinolones"].local.routes == ("eye", "ear")
    assert GROUPS["fluoroquinolones"].local.severity == "caution"
    assert GROUPS["aminoglycosides"].local is not None
    assert GROUPS["aminoglycosides"].local.routes == ("eye",)  # outside the eye: urgent


def test_corticosteroids_are_never_to_be_avoided():
    assert "avoid" not in GROUPS["corticosteroids"].message.casefold()


@pytest.mark.parametrize("group", MEDICINES.groups, ids=lambda g: g.id)
def test_every_group_cites_known_sources_and_names_the_medicine(group):
    known = load_sources().ids()
    assert group.sources and set(group.sources) <= known
    assert group.message.startswith("{name}")
    texts = [group.message]
    if group.local is not None:
        assert set(group.local.sources) <= known
        texts.append(group.local.message)
    for medicine in MEDICINES.members(group):
        assert set(medicine.sources) <= known
        if medicine.message is not None:
            texts.append(medicine.message)
    for text in texts:
        assert "{name}" in text
        assert ("{window}" in text) == (group.kind == "live-vaccine")


def test_every_group_has_medicines():
    for group in MEDICINES.groups:
        assert MEDICINES.members(group), group.id


def test_row_8_of_part_a_is_row_14_of_part_b():
    assert GROUPS["neuromuscular-blockers-azathioprine"].medicines_of == "neuromuscular-blockers"
    assert all_names("neuromuscular-blockers-azathioprine") == all_names("neuromuscular-blockers")
    assert all_names("penicillamine-mg") == all_names("myelosuppressive-drugs")


def test_kinds():
    kinds = {group.id: group.kind for group in MEDICINES.groups}
    for group in MEDICINES.groups:
        if group.part == "B":
            assert group.kind == "mg-caution", group.id
    assert kinds["live-vaccines"] == kinds["vaccines-live-or-not"] == "live-vaccine"
    assert kinds["non-live-vaccines"] == "non-live-vaccine"
    assert kinds["methotrexate"] == kinds["neuromuscular-blockers-azathioprine"] == "interaction"


# Names listed under two medicines on purpose: combination products.
COMBINATIONS = {"Lotrel", "Tarka", "Caduet", "Coveram", "Prestalia", "Triplixam"}


def test_a_name_means_one_medicine_unless_it_is_a_combination():
    meaning: dict[tuple[str, ...], set[str]] = {}
    for group in MEDICINES.groups:
        for medicine in MEDICINES.members(group):
            for name in medicine.names():
                meaning.setdefault(name_words(name), set()).add(medicine.generic)
    shared = {key for key, generics in meaning.items() if len(generics) > 1}
    assert shared == {name_words(name) for name in COMBINATIONS}


def test_known_names_are_never_listed_medicines():
    listed = {
        name_words(name)
        for group in MEDICINES.groups
        for medicine in MEDICINES.members(group)
        for name in medicine.names()
    }
    for entry in MEDICINES.known:
        for name in entry.names():
            assert name_words(name) not in listed, name


def test_no_name_repeats_within_a_medicine_and_every_name_has_words():
    for group in MEDICINES.groups:
        for medicine in MEDICINES.members(group):
            names = medicine.names()
            assert len(names) == len(set(names)), medicine.generic
            assert all(name_words(name) for name in names), medicine.generic


def test_no_unsafe_stem_is_a_name():
    for group in MEDICINES.groups:
        for medicine in MEDICINES.members(group):
            for name in medicine.names():
                assert name_words(name) not in {("statin",), ("mycin",), ("mab",), ("salazine",)}


def test_known_not_live_vaccines_are_never_live():
    """The reference's 'NOT live' list: never in a live group."""
    not_live = {"Shingrix", "Typhim Vi", "Typherix", "Dukoral", "Euvichol", "IPV", "Vimkunya"}
    not_live |= {"Jynneos", "Imvanex", "Ixiaro"}
    assert not_live <= all_names("non-live-vaccines")
    assert not not_live & (all_names("live-vaccines") | all_names("vaccines-live-or-not"))


def test_live_vaccine_window_is_three_months():
    window = MEDICINES.live_vaccines
    assert window.months_after_stopping == 3
    assert "{months}" in window.taking
    assert "{until}" in window.stopped and "{stopped_on}" in window.stopped
    assert "{until}" in window.ended


def test_the_texts_without_findings_say_what_the_issue_asks():
    assert "not in imuran's list; this does not mean it is safe: ask your pharmacist" in (
        MEDICINES.unknown.message.casefold()
    )
    assert "safe" not in MEDICINES.unknown.message.replace("is safe", "")
    assert "no interaction" in MEDICINES.nothing_listed.message.casefold()
    assert "no mg warning" in MEDICINES.nothing_listed.message.casefold()


def test_dose_effects_belong_to_known_codes():
    effects = load_dosing().medicine_effects
    codes = {group.code for group in MEDICINES.groups}
    assert set(effects) <= codes
    assert GROUPS["xanthine-oxidase-inhibitors"].code == "xanthine-oxidase-inhibitor"
    assert GROUPS["febuxostat"].code == "febuxostat"
    others = [
        g for g in MEDICINES.groups if g.id not in ("xanthine-oxidase-inhibitors", "febuxostat")
    ]
    assert {group.code for group in others} == {"interaction"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("allopurinol : Zyloprim, Aloprim", [Medicine("allopurinol", (), ("Zyloprim", "Aloprim"))]),
        ("oxipurinol = oxypurinol", [Medicine("oxipurinol", ("oxypurinol",))]),
        ("thiopurinol", [Medicine("thiopurinol")]),
        (
            "# a comment\nmesalazine = mesalamine : Asacol,\n  Asacol HD\n\nolsalazine : Dipentum",
            [
                Medicine("mesalazine", ("mesalamine",), ("Asacol", "Asacol HD")),
                Medicine("olsalazine", (), ("Dipentum",)),
            ],
        ),
        ("", []),
    ],
)
def test_parse_names(text, expected):
    assert list(parse_names(text)) == expected


def test_names_blocks_read_back_to_every_line():
    """Each non-comment line of each block is one medicine (guards the mini-format)."""
    for raw in RAW["groups"]:
        text = raw.get("names", "")
        lines = [
            line for line in text.splitlines() if line.strip() and not line.startswith(("#", " "))
        ]
        assert len(parse_names(text)) == len(lines), raw["id"]
        for medicine in parse_names(text):
            for name in medicine.names():
                assert name and name == name.strip() and not {":", "=", ","} & set(name)


def test_the_data_file_is_in_the_package():
    assert Path(DATA_DIR, "medicines.toml").is_file()


def test_the_fast_loader_agrees_with_the_generic_builder():
    built = build(Medicines, RAW)
    groups = tuple(
        group._replace(medicines=parse_names(group.names) + group.medicines)
        for group in built.groups
    )
    assert load_medicines() == built._replace(groups=groups)
    assert medicines_from(RAW) == load_medicines()
