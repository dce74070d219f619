"""Symptom search: the lay-phrasing table, ranking rules, emergencies, timing, properties."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile, parse_profile
from imuran_cli.core.side_effects import (
    GroupSummary,
    SearchIndex,
    SideEffectsResult,
    build_index,
    edit_distance,
    look_up_side_effects,
    normalize,
    search,
    select_matches,
    stem,
)
from imuran_cli.knowledge._check import check_data
from imuran_cli.knowledge._data import build
from imuran_cli.knowledge._files import read_data
from imuran_cli.knowledge.limits import load_limits
from imuran_cli.knowledge.side_effects import SideEffects, load_side_effects
from imuran_cli.knowledge.sources import load_sources

TODAY = dt.date(2026, 11, 25)
KNOWLEDGE = load_side_effects()
INDEX = build_index(KNOWLEDGE)

LEAFLET_EFFECTS = {
    "early": [
        "fever",
        "nausea",
        "vomiting",
        "joint-pain",
        "rash",
        "stomach-upset",
        "pancreatitis",
    ],
    "after-first-week": ["low-white-cells", "liver-inflammation", "hair-thinning"],
    "long-term": ["infection", "cancer-risk"],
}
OTHER_EFFECTS = [
    "low-platelets",
    "hypersensitivity",
    "anaphylaxis",
    "breathing-or-swallowing",
    "mg-flare",
    "chickenpox-shingles",
    "sun-skin-cancer",
    # Issue 13: every common symptom answered.
    "diarrhoea",
    "headache",
    "appetite-loss",
    "anaemia",
    "vomiting-blood",
    "chest-pain",
    "lymph-signs",
    "brain-infection",
    "skin-nail-darkening",
    "double-dose",
    "pregnancy",
]


def answer(query: str | None, profile: Profile | None = None) -> SideEffectsResult:
    return look_up_side_effects(KNOWLEDGE, query, profile, TODAY)


def ranked(query: str) -> list[str]:
    return [match.id for match in answer(query).matches]


def profile_with(**prescription: Any) -> Profile:
    return parse_profile({"schema_version": 2, "prescription": prescription}, load_limits(), TODAY)


# ---------------------------------------------------------------- the lay-phrasing table

# (what a person types, the effect that must rank first). Several per effect, with
# misspellings, plurals, lay words and odd punctuation.
PHRASINGS: list[tuple[str, str]] = [
    # early
    ("fever", "fever"),
    ("high temperature", "fever"),
    ("feaver", "fever"),
    ("I feel feverish", "fever"),
    ("temprature", "fever"),
    ("nausea", "nausea"),
    ("nasuea", "nausea"),
    ("feeling sick", "nausea"),
    ("queasy", "nausea"),
    ("I feel nauseous", "nausea"),
    ("throwing up", "vomiting"),
    ("vomitting", "vomiting"),
    ("being sick", "vomiting"),
    ("I threw up", "vomiting"),
    ("puking", "vomiting"),
    ("joint pain", "joint-pain"),
    ("my joints ache", "joint-pain"),
    ("sore joints", "joint-pain"),
    ("joint pian", "joint-pain"),
    ("Joint-Pain!!", "joint-pain"),
    ("rash", "rash"),
    ("rashes", "rash"),
    ("skin rash", "rash"),
    ("hives", "rash"),
    ("upset stomach", "stomach-upset"),
    ("upset tummy", "stomach-upset"),
    ("indigestion", "stomach-upset"),
    ("stomache upset", "stomach-upset"),
    ("tummy pain", "pancreatitis"),
    ("stomach ache", "pancreatitis"),
    ("abdominal pain", "pancreatitis"),
    ("pancreatitus", "pancreatitis"),
    ("pain in my belly after fatty food", "pancreatitis"),
    # after the first week
    ("low white cell count", "low-white-cells"),
    ("low wbc", "low-white-cells"),
    ("neutropenia", "low-white-cells"),
    ("leucopenia", "low-white-cells"),
    ("mouth ulcers", "low-white-cells"),
    ("dark urine", "liver-inflammation"),
    ("yellow eyes", "liver-inflammation"),
    ("jaundice", "liver-inflammation"),
    ("jaundise", "liver-inflammation"),
    ("my pee is dark", "liver-inflammation"),
    ("pale stools", "liver-inflammation"),
    ("clay coloured poo", "liver-inflammation"),
    ("itchy skin", "liver-inflammation"),
    ("hepatitis", "liver-inflammation"),
    ("hair falling out", "hair-thinning"),
    ("hair loss", "hair-thinning"),
    ("losing my hair", "hair-thinning"),
    ("thinning hair", "hair-thinning"),
    ("hair los", "hair-thinning"),
    ("alopecia", "hair-thinning"),
    # long-term
    ("sore throat", "infection"),
    ("sore throats", "infection"),
    ("a cold", "infection"),
    ("cough", "infection"),
    ("infections", "infection"),
    ("burning when I pee", "infection"),
    ("flu", "infection"),
    ("cancer", "cancer-risk"),
    ("lymphoma", "cancer-risk"),
    ("tumor", "cancer-risk"),
    # other
    ("bruises", "low-platelets"),
    ("bruising", "low-platelets"),
    ("brusing", "low-platelets"),
    ("bleeding gums", "low-platelets"),
    ("nosebleeds", "low-platelets"),
    ("black stools", "low-platelets"),
    ("tiny red spots on my skin", "low-platelets"),
    ("allergic reaction", "hypersensitivity"),
    ("allergy", "hypersensitivity"),
    ("flu-like symptoms", "hypersensitivity"),
    ("shivering", "hypersensitivity"),
    ("dizzy", "hypersensitivity"),
    ("muscle aches", "hypersensitivity"),
    ("fever and rash", "hypersensitivity"),
    ("swollen lips", "anaphylaxis"),
    ("my face is swelling", "anaphylaxis"),
    ("anaphylaxis", "anaphylaxis"),
    ("anaphalaxis", "anaphylaxis"),
    ("blistering rash", "anaphylaxis"),
    ("swollen tongue", "anaphylaxis"),
    ("wheezing", "anaphylaxis"),
    ("can't breathe", "breathing-or-swallowing"),
    ("difficulty breathing", "breathing-or-swallowing"),
    ("short of breath", "breathing-or-swallowing"),
    ("shortness of breth", "breathing-or-swallowing"),
    ("trouble swallowing", "breathing-or-swallowing"),
    ("cant swalow", "breathing-or-swallowing"),
    ("choking", "breathing-or-swallowing"),
    ("breathless", "breathing-or-swallowing"),
    ("I can not swallow", "breathing-or-swallowing"),
    ("myasthenic crisis", "breathing-or-swallowing"),
    ("double vision", "mg-flare"),
    ("weak arms", "mg-flare"),
    ("slurred speach", "mg-flare"),
    ("my MG is getting worse", "mg-flare"),
    ("shingles", "chickenpox-shingles"),
    ("shingels", "chickenpox-shingles"),
    ("chicken pox", "chickenpox-shingles"),
    ("my grandson has chickenpox", "chickenpox-shingles"),
    ("sunburn", "sun-skin-cancer"),
    ("new mole", "sun-skin-cancer"),
    ("skin cancer", "sun-skin-cancer"),
    ("melanoma", "sun-skin-cancer"),
]


def test_the_table_is_big_and_covers_every_effect():
    assert len(PHRASINGS) >= 60
    wanted = {effect.id for effect in KNOWLEDGE.effects}
    covered = [expected for _, expected in PHRASINGS]
    covered += [expected for _, expected, _ in ISSUE_13_PHRASES + OWN_PHRASES]
    assert wanted == set(covered)
    assert all(covered.count(effect_id) >= 3 for effect_id in wanted)


@pytest.mark.parametrize(("query", "expected"), PHRASINGS, ids=[q for q, _ in PHRASINGS])
def test_lay_phrasing_ranks_the_right_effect_first(query: str, expected: str):
    result = answer(query)
    assert result.found
    assert result.matches[0].id == expected


# ---------------------------------------------------------------- every common symptom (issue 13)

# (what a person types, the entry that must come first, its urgency). First the phrases of
# issue 13, item 6, then our own lay phrasings with typos, plurals and filler.
ISSUE_13_PHRASES: list[tuple[str, str, str]] = [
    ("diarrhoea", "diarrhoea", "soon"),
    ("runny stools", "diarrhoea", "soon"),
    ("headache", "headache", "soon"),
    ("loss of appetite", "appetite-loss", "soon"),
    ("tiredness", "anaemia", "urgent"),
    ("exhausted", "anaemia", "urgent"),
    ("pale skin", "anaemia", "urgent"),
    ("anaemia", "anaemia", "urgent"),
    ("blood in the urine", "low-platelets", "urgent"),
    ("vomiting blood", "vomiting-blood", "emergency"),
    ("chest pain", "chest-pain", "emergency"),
    ("drooping eyelids", "mg-flare", "urgent"),
    ("head drop", "mg-flare", "urgent"),
    ("swollen glands", "lymph-signs", "urgent"),
    ("night sweats", "lymph-signs", "urgent"),
    ("weight loss", "lymph-signs", "urgent"),
    ("losing weight", "lymph-signs", "urgent"),
    ("new confusion", "brain-infection", "urgent"),
    ("seizures", "brain-infection", "urgent"),
    ("darker skin", "skin-nail-darkening", "soon"),
    ("darker nails", "skin-nail-darkening", "soon"),
    ("a missed period", "pregnancy", "urgent"),
    ("accidental double dose", "double-dose", "urgent"),
    ("took two doses", "double-dose", "urgent"),
]

OWN_PHRASES: list[tuple[str, str, str]] = [
    ("diarrea", "diarrhoea", "soon"),
    ("diahrrea", "diarrhoea", "soon"),
    ("I've got the runs", "diarrhoea", "soon"),
    ("loose poos", "diarrhoea", "soon"),
    ("watery stool", "diarrhoea", "soon"),
    ("headaches", "headache", "soon"),
    ("head ache every day", "headache", "soon"),
    ("my head hurts", "headache", "soon"),
    ("lost my apetite", "appetite-loss", "soon"),
    ("not hungry lately", "appetite-loss", "soon"),
    ("poor appetite", "appetite-loss", "soon"),
    ("always tired", "anaemia", "urgent"),
    ("exausted all the time", "anaemia", "urgent"),
    ("tired all the time", "anaemia", "urgent"),
    ("no energy", "anaemia", "urgent"),
    ("looking very pale", "anaemia", "urgent"),
    ("cold hands and feet", "anaemia", "urgent"),
    ("anemia", "anaemia", "urgent"),
    ("blood in my pee", "low-platelets", "urgent"),
    ("bloody urin", "low-platelets", "urgent"),
    ("pink wee", "low-platelets", "urgent"),
    ("throwing up blood", "vomiting-blood", "emergency"),
    ("vomitting blood", "vomiting-blood", "emergency"),
    ("blood in my vomit", "vomiting-blood", "emergency"),
    ("chest pains", "chest-pain", "emergency"),
    ("tight chest", "chest-pain", "emergency"),
    ("pain in my chest", "chest-pain", "emergency"),
    ("chest hurts when i walk", "chest-pain", "emergency"),
    ("droopy eyelids", "mg-flare", "urgent"),
    ("my eyelid is drooping", "mg-flare", "urgent"),
    ("my eyes are drooping", "mg-flare", "urgent"),
    ("cant hold my head up", "mg-flare", "urgent"),
    ("weak neck", "mg-flare", "urgent"),
    ("swolen glands in my neck", "lymph-signs", "urgent"),
    ("lump in my armpit", "lymph-signs", "urgent"),
    ("night sweat", "lymph-signs", "urgent"),
    ("sweating at night", "lymph-signs", "urgent"),
    ("lost weight without trying", "lymph-signs", "urgent"),
    ("confused", "brain-infection", "urgent"),
    ("had a seizure", "brain-infection", "urgent"),
    ("convulsions", "brain-infection", "urgent"),
    ("memory loss", "brain-infection", "urgent"),
    ("skin getting darker", "skin-nail-darkening", "soon"),
    ("dark nails", "skin-nail-darkening", "soon"),
    ("brown patches", "skin-nail-darkening", "soon"),
    ("missed my period", "pregnancy", "urgent"),
    ("period is late", "pregnancy", "urgent"),
    ("I might be pregnant", "pregnancy", "urgent"),
    ("pregnent", "pregnancy", "urgent"),
    ("took a double dose", "double-dose", "urgent"),
    ("took too many tablets", "double-dose", "urgent"),
    ("I took my tablets twice", "double-dose", "urgent"),
    ("overdose", "double-dose", "urgent"),
]


def test_the_issue_13_table_is_big_enough():
    assert len(OWN_PHRASES) >= 40
    assert len({query.casefold() for query, _, _ in ISSUE_13_PHRASES + OWN_PHRASES}) == len(
        ISSUE_13_PHRASES + OWN_PHRASES
    )


@pytest.mark.parametrize(
    ("query", "expected", "urgency"),
    ISSUE_13_PHRASES + OWN_PHRASES,
    ids=[q for q, _, _ in ISSUE_13_PHRASES + OWN_PHRASES],
)
def test_every_common_symptom_finds_its_entry_and_urgency(query: str, expected: str, urgency: str):
    result = answer(query)
    assert result.found
    first = result.matches[0]
    assert (first.id, first.urgency) == (expected, urgency)
    assert first.urgency == next(e.urgency for e in KNOWLEDGE.effects if e.id == expected)


@pytest.mark.parametrize(
    ("query", "first", "never"),
    [
        ("pale skin", "anaemia", "liver-inflammation"),  # not "pale stools"
        ("pale stools", "liver-inflammation", "anaemia"),
        ("chest pain", "chest-pain", "infection"),  # not "chest infection"
        ("chest infection", "infection", "chest-pain"),
        ("dark urine", "liver-inflammation", "skin-nail-darkening"),
        ("yellow skin", "liver-inflammation", "skin-nail-darkening"),
        ("blood in my urine", "low-platelets", "liver-inflammation"),
        ("runny nose", "infection", "diarrhoea"),
        ("vomiting blood", "vomiting-blood", "pancreatitis"),
        ("swollen glands", "lymph-signs", "anaphylaxis"),
        ("missed dose", None, "pregnancy"),
        ("rabies", None, "pregnancy"),  # not a typo of "babies"
    ],
)
def test_a_symptom_is_not_answered_by_an_unrelated_entry(query: str, first: str | None, never: str):
    ids = ranked(query)
    if first is not None:
        assert ids[0] == first
    assert never not in ids


@pytest.mark.parametrize(
    ("query", "names", "rest_first"),
    [
        ("yellow fever vaccine", ["yellow fever vaccine"], None),
        ("Yellow-Fever vaccination", ["yellow fever vaccination"], None),
        ("vaccine for yellow fever", ["vaccine for yellow fever"], None),
        ("flu jab", ["flu jab"], None),
        ("shingles vaccine", ["shingles vaccine"], None),
        ("rash after my shingles vaccine", ["shingles vaccine"], "rash"),
        ("fever after the flu jab", ["flu jab"], "fever"),
        ("my lips are swelling after the covid booster", ["covid booster"], "anaphylaxis"),
    ],
)
def test_a_named_vaccine_is_not_a_symptom_and_points_to_imuran_check(
    query: str, names: list[str], rest_first: str | None
):
    result = answer(query)
    assert result.check is not None
    assert result.check.names == names
    assert result.check.command.startswith("imuran check ")
    assert "imuran check" in result.check.text
    assert result.check.sources == ["LEAFLET"]
    ids = [match.id for match in result.matches]
    if rest_first is None:
        assert ids == [] and result.found is False
        assert result.suggestions == []
        assert result.messages[0] == result.check.text
    else:
        assert ids[0] == rest_first
    if "fever" in query and rest_first is None:
        assert "fever" not in ids


def test_yellow_fever_vaccine_names_the_command():
    check = answer("yellow fever vaccine").check
    assert check is not None
    assert check.command == 'imuran check "yellow fever vaccine"'


def test_a_named_medicine_points_to_imuran_check():
    names = ["ciprofloxacin", "Bactrim DS", "allopurinol"]
    result = look_up_side_effects(KNOWLEDGE, "can I take Bactrim DS", None, TODAY, names)
    assert result.check is not None and result.check.names == ["bactrim ds"]
    assert result.check.command == 'imuran check "bactrim ds"'
    only = look_up_side_effects(KNOWLEDGE, "ciprofloxacin", None, TODAY, names)
    assert only.check is not None and only.matches == []
    with_symptom = look_up_side_effects(KNOWLEDGE, "rash since allopurinol", None, TODAY, names)
    assert with_symptom.matches[0].id == "rash"
    assert with_symptom.check is not None and with_symptom.check.names == ["allopurinol"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("my grandson has chickenpox", "chickenpox-shingles"),
        ("herpes zoster", "chickenpox-shingles"),
        ("I think I have influenza", "infection"),
        ("covid", "infection"),
    ],
)
def test_a_vaccine_s_other_name_that_is_a_symptom_stays_a_symptom(query: str, first: str):
    """Vaccine names of the medicines knowledge include "chickenpox" and "influenza"."""
    names = ["chickenpox", "chicken pox", "herpes zoster", "zoster", "influenza", "covid"]
    result = look_up_side_effects(KNOWLEDGE, query, None, TODAY, names)
    assert result.matches[0].id == first
    assert result.check is None
    vaccine = look_up_side_effects(KNOWLEDGE, "chickenpox vaccine", None, TODAY, names)
    assert vaccine.check is not None and vaccine.matches == []


def test_a_medicine_word_without_a_name_points_to_imuran_check():
    result = answer("can I take antibiotics")
    assert result.check is not None
    assert result.check.names == [] and result.check.command == "imuran check NAME"


def test_a_symptom_alone_has_no_check_pointer():
    assert answer("sore throat").check is None


def test_a_missed_period_gives_the_leaflet_and_names_imuran_pregnancy():
    first = answer("missed period").matches[0]
    assert first.id == "pregnancy" and first.source == "LEAFLET"
    assert first.see_also == "imuran pregnancy"
    assert first.note is not None
    for leaflet_fact in ("birth defects", "4 to 6 months", "neurologist"):
        assert leaflet_fact in first.note
    assert first.is_side_effect is False


def test_a_double_dose_says_what_the_prescribing_information_says():
    first = answer("took two doses").matches[0]
    assert first.id == "double-dose" and first.urgency_label == "URGENT"
    assert "poison centre" in first.action and "doctor" in first.action
    assert first.note is not None and "one to two weeks later" in first.note
    assert "CH-OD" in first.sources


# ---------------------------------------------------------------- emergencies

EMERGENCY_PHRASES = [
    "difficulty breathing",
    "difficulty swallowing",
    "trouble breathing",
    "can't breathe",
    "cannot breathe",
    "I cant breath",
    "struggling to breathe",
    "hard to swallow",
    "short of breath",
    "breathlessness",
    "gasping",
    "choking on my food",
    "food going down the wrong way",
    "swollen face",
    "swollen lips",
    "lips swelling up",
    "my face is puffy",
    "throat closing",
    "tongue swelling",
    "BREATHING!!!",
    "swalowing",
    "I woke up this morning and could not swallow my breakfast properly",
    "help my wife says her lips and face are swelling after the tablet",
    "a bit of a rash and now I find it hard to breathe",
]


@pytest.mark.parametrize("query", EMERGENCY_PHRASES)
def test_an_emergency_is_never_unmatched(query: str):
    result = answer(query)
    assert result.found
    assert any(match.urgency == "emergency" for match in result.matches)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("difficulty breathing", "breathing-or-swallowing"), ("swollen lips", "anaphylaxis")],
)
def test_mg_safety_entries_are_emergencies(query: str, expected: str):
    first = answer(query).matches[0]
    assert first.id == expected
    assert first.urgency == "emergency"
    assert first.urgency_label == "EMERGENCY"
    assert first.urgency_advice == "call emergency services now"
    assert first.group == "other"


@pytest.mark.parametrize(
    ("query", "expected", "urgency"),
    [
        ("vomiting", "vomiting", "urgent"),
        ("being sick", "vomiting", "urgent"),
        ("keep being sick", "vomiting", "urgent"),
        ("severe vomitting", "vomiting", "urgent"),
        ("persistent vomiting", "vomiting", "urgent"),
        ("can't stop throwing up", "vomiting", "urgent"),
        ("nausea", "nausea", "soon"),
        ("feeling sick in the first week", "nausea", "soon"),
        ("a bit queasy", "nausea", "soon"),
    ],
)
def test_vomiting_is_urgent_and_mild_nausea_stays_soon(query: str, expected: str, urgency: str):
    """Issue 13: severe or persistent vomiting is URGENT (myaware), not for the next visit."""
    first = answer(query).matches[0]
    assert (first.id, first.urgency) == (expected, urgency)
    if expected == "vomiting":
        assert "next visit" not in first.action
        assert "MYAWARE" in first.sources


def test_cancer_risk_gives_the_labels_and_keeps_the_leaflet():
    """Issue 13: the US boxed warning and the European label's view, with the leaflet's."""
    first = answer("cancer").matches[0]
    assert (first.id, first.urgency) == ("cancer-risk", "info")
    assert first.note is not None
    for said in ("US label", "boxed warning", "lymphoma", "label used outside the US", "grows"):
        assert said in first.note
    assert "how strong and how long" in first.note
    assert "leaflet calls the extra risk uncertain" in first.note
    assert "skin" in first.action and "SPF 30" in first.action and "sun" in first.action
    assert first.sources[0] == "LEAFLET"
    assert {"DM", "MIMS-AR", "NHS-SE"} <= set(first.sources)


def test_breathing_keeps_the_mg_crisis_without_denying_a_side_effect():
    """Issue 13: breathlessness is also a reason the sources give to stop and seek help."""
    first = answer("can't breathe").matches[0]
    assert (first.id, first.urgency) == ("breathing-or-swallowing", "emergency")
    assert first.note is not None and "myasthenic crisis" in first.note
    assert "not a side effect" not in first.note
    for cause in ("allergic reaction", "anaemia", "lung reaction"):
        assert cause in first.note
    assert "myasthenia gravis" in first.action
    assert first.is_side_effect is True
    assert "not a side effect" not in (first.starts + first.action)


def test_emergencies_survive_the_cut_off():
    noisy = "pain rash fever sick cough dizzy itchy tummy joints hair swollen lips"
    ids = ranked(noisy)
    assert "anaphylaxis" in ids


# ---------------------------------------------------------------- ranking rules


@pytest.mark.parametrize(
    ("query", "first", "then"),
    [
        # A name or synonym ranks above a sign of another effect.
        ("fever", "fever", "infection"),
        ("rash", "rash", "hypersensitivity"),
        ("throwing up", "vomiting", "hypersensitivity"),
        ("difficulty breathing", "breathing-or-swallowing", "anaphylaxis"),
        # A shared sign: the effect the leaflet ties it to first.
        ("sore throat", "infection", "low-white-cells"),
        # A sign both leaflet effects share: the more urgent first.
        ("tummy pain", "pancreatitis", "stomach-upset"),
    ],
)
def test_ranking(query: str, first: str, then: str):
    ids = ranked(query)
    assert ids[0] == first
    assert then in ids[1:]


def _with_shared_sign(*effects: tuple[str, str, str]) -> SideEffects:
    """The knowledge plus made-up effects (id, urgency, sign source) sharing one sign."""
    data = copy.deepcopy(read_data("side_effects.toml"))
    for effect_id, urgency, source in effects:
        data["effects"].append(
            {
                "id": effect_id,
                "name": f"Made-up {effect_id}",
                "group": "other",
                "urgency": urgency,
                "action": "Test only.",
                "sources": ["PROJECT"],
                "signs": [{"sign": "glowing ears", "source": source}],
            }
        )
    assert check_data("side_effects.toml", data) == []
    return build(SideEffects, data)


def _first_ids(knowledge: SideEffects, query: str) -> list[str]:
    return [m.id for m in look_up_side_effects(knowledge, query, None, TODAY).matches]


def test_shared_sign_ranks_the_more_urgent_first():
    knowledge = _with_shared_sign(("a-soon", "soon", "NHS-SE"), ("b-urgent", "urgent", "NHS-SE"))
    assert _first_ids(knowledge, "glowing ears") == ["b-urgent", "a-soon"]


def test_shared_sign_ranks_the_leaflet_tie_before_urgency():
    knowledge = _with_shared_sign(
        ("a-emergency", "emergency", "NHS-SE"), ("b-leaflet", "soon", "LEAFLET")
    )
    assert _first_ids(knowledge, "glowing ears") == ["b-leaflet", "a-emergency"]


def test_matches_are_cut_to_the_maximum():
    assert len(answer("pain").matches) <= KNOWLEDGE.search.max_matches


def test_match_records_what_matched():
    first = answer("dark urine").matches[0]
    assert first.match_kind == "sign"
    assert first.matched == ["dark urine"]
    assert first.score is not None and first.score >= KNOWLEDGE.search.min_score
    assert answer("jaundice").matches[0].match_kind == "synonym"
    assert answer("hair thinning").matches[0].match_kind == "name"


# ---------------------------------------------------------------- no match


@pytest.mark.parametrize("query", ["xyzzy", "???", "the and of"])
def test_no_match_suggests_names_and_advises(query: str):
    result = answer(query)
    assert result.found is False
    assert result.matches == []
    assert 1 <= len(result.suggestions) <= KNOWLEDGE.search.max_suggestions
    names = {effect.name for effect in KNOWLEDGE.effects}
    assert set(result.suggestions) <= names
    assert any("contact your doctor" in message for message in result.messages)
    assert any("emergency services" in message for message in result.messages)
    assert result.sources


# ---------------------------------------------------------------- the overview (no query)


@pytest.mark.parametrize("query", [None, "", "   "])
def test_no_query_lists_every_effect_by_group(query: str | None):
    result = answer(query)
    assert result.query is None
    assert [m.id for m in result.matches] == [e.id for e in KNOWLEDGE.effects]
    groups: dict[str, GroupSummary] = {group.id: group for group in result.groups}
    for group_id, effects in LEAFLET_EFFECTS.items():
        assert groups[group_id].in_leaflet
        assert groups[group_id].effects[: len(effects)] == effects
    assert groups["early"].resolves_on_stopping is True
    assert groups["after-first-week"].resolves_on_stopping is True
    assert groups["long-term"].resolves_on_stopping is None
    assert set(groups["other"].effects) == set(OTHER_EFFECTS)
    assert result.sources[0] == "LEAFLET"


def test_overview_warning_signs_need_a_doctor_most_urgent_first():
    warnings = answer(None).warning_signs
    assert warnings[0].urgency == "emergency"
    assert {w.urgency for w in warnings} == {"emergency", "urgent"}
    liver = next(w for w in warnings if w.id == "liver-inflammation")
    assert "dark urine" in liver.signs


# ---------------------------------------------------------------- timing (profile start date)


@pytest.mark.parametrize(
    ("started_on", "effect", "expected_now", "text"),
    [
        ("2026-11-25", "fever", True, "you are in week 1: this group can start now"),
        (
            "2026-11-20",
            "liver-inflammation",
            False,
            "you are in week 1: this group usually starts after the first week",
        ),
        ("2026-11-18", "liver-inflammation", True, "you are in week 2: this group can start now"),
        (
            "2025-11-25",
            "infection",
            None,
            "you are in week 53: this is a long-term risk that grows with time",
        ),
        (
            "2026-11-01",
            "hypersensitivity",
            True,
            "you are in week 4: this usually happens in the first weeks",
        ),
    ],
)
def test_timing_from_the_start_date(
    started_on: str, effect: str, expected_now: bool | None, text: str
):
    profile = profile_with(started_on=dt.date.fromisoformat(started_on))
    query = next(m.name for m in answer(None).matches if m.id == effect)
    match = next(
        m for m in look_up_side_effects(KNOWLEDGE, query, profile, TODAY).matches if m.id == effect
    )
    assert match.timing is not None
    assert match.timing.expected_now is expected_now
    assert match.timing.text == text


def test_stopped_treatment_says_so():
    profile = profile_with(started_on=dt.date(2026, 1, 5), stopped_on=dt.date(2026, 10, 1))
    result = look_up_side_effects(KNOWLEDGE, "rash", profile, TODAY)
    assert result.treatment is not None and result.treatment.week is None
    timing = result.matches[0].timing
    assert timing is not None and timing.expected_now is None
    assert "2026-10-01" in timing.text


def test_no_start_date_means_no_timing():
    result = look_up_side_effects(KNOWLEDGE, "rash", profile_with(), TODAY)
    assert result.treatment is None
    assert result.matches[0].timing is None


# ---------------------------------------------------------------- input checks


def test_a_very_long_query_is_an_input_error():
    with pytest.raises(InputError) as caught:
        answer("rash " * KNOWLEDGE.search.max_query_length)
    assert caught.value.code == "query_too_long"
    assert str(KNOWLEDGE.search.max_query_length) in caught.value.message
    assert caught.value.hint


def test_query_spaces_are_tidied():
    assert answer("  dark \t urine ").query == "dark urine"


# ---------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can't BREATHE!", "cant breathe"),
        ("clay-coloured", "clay coloured"),
        ("Diarrhœa", "diarrhoea"),
        ("fièvre", "fievre"),
    ],
)
def test_normalize(text: str, expected: str):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (["bruise", "bruises", "bruising", "bruised"], True),
        (["vomit", "vomiting", "vomited", "vomitting"], True),
        (["rash", "rashes"], True),
        (["fall", "falling", "falls"], True),
        (["eye", "eyes"], True),
        (["rash", "rush"], False),
    ],
)
def test_stem(words: list[str], same: bool):
    stems = {stem(word, KNOWLEDGE.search.stem_min_length) for word in words}
    assert (len(stems) == 1) is same


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("fever", "fever", 0),
        ("feaver", "fever", 1),
        ("nasuea", "nausea", 1),
        ("pian", "pain", 1),
        ("abc", "xyz", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int):
    assert edit_distance(a, b, 3) == distance
    assert edit_distance(a, b, 0) == (0 if distance == 0 else 1)


# ---------------------------------------------------------------- the knowledge data


def test_knowledge_has_the_stable_ids():
    effects = {effect.id: effect for effect in KNOWLEDGE.effects}
    for group_id, ids in LEAFLET_EFFECTS.items():
        for effect_id in ids:
            assert effects[effect_id].group == group_id
            assert effects[effect_id].sources[0] == "LEAFLET"
    for effect_id in OTHER_EFFECTS:
        assert effects[effect_id].group == "other"
    assert {group.id for group in KNOWLEDGE.groups} == {
        "early",
        "after-first-week",
        "long-term",
        "other",
    }


def test_knowledge_cites_known_sources():
    known = load_sources().ids()
    for effect in KNOWLEDGE.effects:
        assert set(effect.sources) <= known
        assert all(sign.source in known for sign in effect.signs)


def test_knowledge_rejects_an_unknown_group():
    data = copy.deepcopy(read_data("side_effects.toml"))
    data["effects"][0]["group"] = "other"
    data["groups"] = [g for g in data["groups"] if g["id"] != "other"]
    problems = check_data("side_effects.toml", data)
    assert any("unknown group other" in problem for problem in problems), problems


def test_knowledge_rejects_duplicate_ids():
    data = copy.deepcopy(read_data("side_effects.toml"))
    data["effects"].append(data["effects"][0])
    problems = check_data("side_effects.toml", data)
    assert any("duplicate effect ids" in problem for problem in problems), problems


# ---------------------------------------------------------------- properties

FILLER = ["i", "think", "my", "since", "monday", "really", "bad", "and", "now", "also", "very"]


def _index() -> SearchIndex:
    return INDEX


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_sorted_unique_answer(text: str):
    hits = select_matches(search(_index(), text), KNOWLEDGE.search)
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    ids = [hit.effect.id for hit in hits]
    assert len(ids) == len(set(ids))


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(EMERGENCY_PHRASES),
    st.lists(st.sampled_from(FILLER), max_size=6),
    st.lists(st.sampled_from(FILLER), max_size=6),
)
def test_emergency_survives_filler_words(phrase: str, before: list[str], after: list[str]):
    query = " ".join([*before, phrase, *after])
    assert any(match.urgency == "emergency" for match in answer(query).matches)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(PHRASINGS),
    st.sampled_from(["upper", "title", "punct"]),
)
def test_case_and_punctuation_do_not_matter(pair: tuple[str, str], how: str):
    query, expected = pair
    changed = {"upper": query.upper(), "title": query.title(), "punct": f"...{query}?!"}[how]
    assert ranked(changed)[0] == expected


@pytest.mark.parametrize("effect", KNOWLEDGE.effects, ids=lambda e: e.id)
def test_every_name_and_synonym_finds_its_effect_first(effect: Any):
    for text in [effect.name, *effect.synonyms]:
        assert ranked(text)[0] == effect.id, text
