"""The interacting medicines: every name of the reference (Part A rows 1-6), sourced."""

from __future__ import annotations

import pytest

from imuran_cli.core.medicines import match_medicines, words
from imuran_cli.knowledge.dosing import load_dosing
from imuran_cli.knowledge.medicines import load_medicines
from imuran_cli.knowledge.sources import load_sources

MEDICINES = load_medicines()
GROUPS = {group.id: group for group in MEDICINES.groups}

# Every generic and brand name of medicine-names.md, Part A rows 1 to 6.
EXPECTED: dict[str, set[str]] = {
    "xanthine-oxidase-inhibitors": {
        "allopurinol", "Zyloprim", "Aloprim", "Zyloric", "Caplenal", "Tipuric", "Progout",
        "Allosig", "Lopurin", "Cosuric", "Rimapurinol", "Uricto", "Duzallo", "oxipurinol",
        "oxypurinol", "thiopurinol",
    },
    "febuxostat": {"febuxostat", "Uloric", "Adenuric", "Feburic", "topiroxostat", "Topiloric",
                   "Uriadec"},
    "vitamin-k-antagonists": {
        "warfarin", "Coumadin", "Jantoven", "Marevan", "Warfilone", "acenocoumarol", "Sintrom",
        "Sinthrome", "phenprocoumon", "Marcumar", "Marcoumar", "Falithrom", "phenindione",
        "Dindevan", "fluindione", "Previscan",
    },
    "ace-inhibitors": {
        "benazepril", "Lotensin", "Lotrel", "Lotensin HCT", "captopril", "Capoten",
        "Capozide", "Acepril", "cilazapril", "Inhibace", "Vascace", "enalapril", "Vasotec",
        "Epaned", "Innovace", "Renitec", "Vaseretic", "enalaprilat", "Vasotec IV",
        "fosinopril", "Monopril", "Staril", "imidapril", "Tanatril", "lisinopril", "Zestril",
        "Prinivil", "Qbrelis", "Carace", "Zestoretic", "Prinzide", "moexipril", "Univasc",
        "Uniretic", "Perdix", "perindopril", "Aceon", "Coversyl", "Coversyl Plus",
        "Prestalia", "Coveram", "Triplixam", "quinapril", "Accupril", "Accupro", "Accuretic",
        "ramipril", "Altace", "Tritace", "trandolapril", "Mavik", "Gopten", "Odrik", "Tarka",
        "zofenopril", "Zofenil", "spirapril", "delapril", "temocapril",
    },
    "co-trimoxazole": {
        "co-trimoxazole", "trimethoprim-sulfamethoxazole", "Bactrim", "Bactrim DS", "Septra",
        "Septra DS", "Sulfatrim", "Septrin", "Resprim", "Novo-Trimel", "trimethoprim",
        "Primsol", "Proloprim", "Trimpex", "Triprim", "Alprim", "Monotrim",
    },
    "aminosalicylates": {
        "mesalazine", "mesalamine", "Asacol", "Asacol HD", "Delzicol", "Lialda", "Apriso",
        "Pentasa", "Canasa", "Rowasa", "sfRowasa", "Octasa", "Salofalk", "Mezavant XL",
        "Asacol MR", "Zintasa", "Ipocol", "Mesren", "Salcrozine", "Mezavant", "Asacol 800",
        "Mesasal", "Mesavancol", "sulfasalazine", "Azulfidine", "Azulfidine EN-tabs",
        "Salazopyrin", "Salazopyrin EN-Tabs", "olsalazine", "Dipentum", "balsalazide",
        "Colazal", "Giazo", "Colazide",
    },
    "ribavirin": {
        "ribavirin", "Rebetol", "Copegus", "Ribasphere", "RibaPak", "Moderiba", "Virazole",
        "Ibavyr",
    },
}  # fmt: skip


def names(group_id: str) -> set[str]:
    return {name for medicine in GROUPS[group_id].medicines for name in medicine.names()}


def test_the_groups_are_rows_1_to_6():
    assert list(GROUPS) == list(EXPECTED)


@pytest.mark.parametrize("group_id", list(EXPECTED))
def test_every_name_of_the_reference_is_listed(group_id):
    missing = EXPECTED[group_id] - names(group_id)
    assert not missing, f"{group_id} lacks {sorted(missing)}"


@pytest.mark.parametrize("group_id", list(EXPECTED))
def test_every_name_matches_itself_in_a_profile_entry(group_id):
    for name in names(group_id):
        matches = match_medicines([f"{name.upper()} 100 mg"], MEDICINES)
        assert [m.group.id for m in matches] == [group_id], name


def test_no_name_is_in_two_groups_and_none_repeats():
    seen: dict[tuple[str, ...], str] = {}
    for group in MEDICINES.groups:
        listed = [name for medicine in group.medicines for name in medicine.names()]
        assert len(listed) == len(set(listed)), f"{group.id} lists a name twice"
        for name in listed:
            key = words(name)
            assert key, f"{name!r} has no words to match"
            # "Asacol 800" matches as "asacol": a repeat inside one group is harmless.
            assert seen.get(key, group.id) == group.id, f"{name!r} is also in {seen[key]}"
            seen[key] = group.id


def test_no_unsafe_stem_is_a_name():
    for group in MEDICINES.groups:
        for medicine in group.medicines:
            for name in medicine.names():
                assert words(name) not in {("statin",), ("mycin",), ("mab",), ("salazine",)}


@pytest.mark.parametrize(
    ("group_id", "code", "severity"),
    [
        ("xanthine-oxidase-inhibitors", "xanthine-oxidase-inhibitor", "urgent"),
        ("febuxostat", "febuxostat", "urgent"),
        ("vitamin-k-antagonists", "interaction", "caution"),
        ("ace-inhibitors", "interaction", "caution"),
        ("co-trimoxazole", "interaction", "caution"),
        ("aminosalicylates", "interaction", "caution"),
        ("ribavirin", "interaction", "caution"),
    ],
)
def test_codes_and_severities(group_id, code, severity):
    group = GROUPS[group_id]
    assert (group.code, group.severity) == (code, severity)


def test_every_group_cites_known_sources_and_names_the_medicine():
    known = load_sources().ids()
    for group in MEDICINES.groups:
        assert set(group.sources) <= known
        assert group.message.format(name="Example").startswith("Example ")


def test_dose_effects_belong_to_known_codes():
    effects = load_dosing().medicine_effects
    codes = {group.code for group in MEDICINES.groups}
    assert set(effects) <= codes
    assert effects["xanthine-oxidase-inhibitor"].low_factor == 0.25
    assert effects["xanthine-oxidase-inhibitor"].high_factor == 0.25
    assert effects["febuxostat"].no_dose is True
