"""`imuran check`: what a medicine or vaccine name means with azathioprine and in MG.

Matching. A text (what a person typed, a profile entry, a box label) is split into words:
runs of letters, case-folded, so digits and punctuation never join or split a name
("Allopurinol100mg" -> allopurinol, mg). Strengths, units, dose forms and the words
vaccine, vaccination and jab are then dropped. A knowledge name (generic, other name,
brand) matches where its words appear, in order and whole, among the rest: "Zithromax
250 mg tablets" finds Zithromax, but "nystatin" never finds a name it merely ends like,
and "statin" alone names nothing. Where names overlap, the longest wins, left to right
("magnesium stearate" over "magnesium", "Vasotec IV" over "Vasotec").

A vaccine's disease name ("measles", "shingles", "flu") matches only when it is all that
was typed (forms and routes aside) or when the text says vaccine, jab or shot, so that
"valaciclovir for shingles" is not taken for a shingles vaccine. Eye and ear words
("eye drops", "otic") select the milder warning of the groups that have one.

Everything here is pure: the knowledge, the profile's stop date and today are arguments.
"""

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from imuran_cli.core.dates import add_months
from imuran_cli.core.errors import InputError
from imuran_cli.knowledge.medicines import (
    Kind,
    Medicine,
    MedicineGroup,
    Medicines,
    Route,
    Severity,
)
from imuran_cli.record import Record

# A pattern is compiled when first used (re keeps it), not at import: start-up time.
_WORD = r"[^\W\d_]+"

Words = tuple[str, ...]

# Most severe first: the order findings are listed in.
SEVERITY_ORDER: tuple[Severity, ...] = ("urgent", "caution", "info")

# Words that say "a vaccine": dropped before matching, and they let a disease name match.
VACCINE_WORDS = frozenset(
    {
        "vaccine",
        "vaccines",
        "vaccination",
        "vaccinations",
        "vaccinated",
        "jab",
        "jabs",
        "booster",
        "boosters",
        "immunisation",
        "immunisations",
        "immunization",
        "immunizations",
    }
)
# Kept as words ("flu shot" is a name), but they say "a vaccine" too.
VACCINE_HINTS = frozenset({"shot", "shots"})

# Strengths, units and dose forms: dropped before matching, so that adding them to a
# name never changes what it matches. Route words (eye, ear, drops, injection, oral,
# nasal, spray) are kept: they tell an eye drop from a tablet, or a live vaccine from not.
DROPPED_WORDS = VACCINE_WORDS | frozenset(
    {
        # units
        "mg",
        "mgs",
        "mcg",
        "µg",
        "μg",
        "ug",
        "g",
        "gm",
        "gram",
        "grams",
        "milligram",
        "milligrams",
        "microgram",
        "micrograms",
        "ml",
        "iu",
        "unit",
        "units",
        "mmol",
        "meq",
        "percent",
        # forms
        "tablet",
        "tablets",
        "tab",
        "tabs",
        "caplet",
        "caplets",
        "capsule",
        "capsules",
        "cap",
        "caps",
        "pill",
        "pills",
        "softgel",
        "softgels",
        "lozenge",
        "lozenges",
        "sachet",
        "sachets",
        "granules",
        "powder",
        "solution",
        "suspension",
        "syrup",
        "elixir",
        "liquid",
        "mixture",
        "cream",
        "ointment",
        "gel",
        "lotion",
        "foam",
        "patch",
        "patches",
        "suppository",
        "suppositories",
        "enema",
        "enemas",
        "film",
        "coated",
        "chewable",
        "dispersible",
        "orodispersible",
        "effervescent",
        "soluble",
        "enteric",
        "gastro",
        "resistant",
        "modified",
        "prolonged",
        "extended",
        "delayed",
        "sustained",
        "controlled",
        "release",
    }
)

EYE_WORDS = frozenset({"eye", "eyes", "ophthalmic", "eyedrop", "eyedrops", "ocular"})
EAR_WORDS = frozenset({"ear", "ears", "otic", "eardrop", "eardrops", "aural"})
DROP_WORDS = frozenset({"drop", "drops"})  # eye or ear

# Words that add to the name before them when a name is split over several arguments
# (`imuran check Zithromax 250 mg tablets`, `imuran check Asacol MR`).
_TRAILING_WORDS = (
    DROPPED_WORDS
    | VACCINE_HINTS
    | EYE_WORDS
    | EAR_WORDS
    | DROP_WORDS
    | frozenset(
        {
            "xl",
            "xr",
            "mr",
            "sr",
            "er",
            "la",
            "cr",
            "ds",
            "hd",
            "iv",
            "oral",
            "nasal",
            "spray",
            "injection",
            "infusion",
            "inhaled",
            "inhaler",
        }
    )
)

_VACCINE_KINDS: frozenset[Kind] = frozenset({"live-vaccine", "non-live-vaccine"})
# The kinds that are also warnings of `imuran dose`: everything of Part A except the
# vaccines known not to be live.
DOSE_KINDS: frozenset[Kind] = frozenset({"interaction", "live-vaccine"})


def words(text: str) -> Words:
    """The words of ``text``, case-folded: ``"Bactrim-DS 800"`` -> ``("bactrim", "ds")``."""
    return tuple(re.findall(_WORD, text.casefold()))


def name_words(text: str) -> Words:
    """The words that matching compares: ``words`` without strengths, units and forms."""
    return tuple(word for word in words(text) if word not in DROPPED_WORDS)


# ---------------------------------------------------------------- the lookup


class Hit(Record):
    """One medicine of one group that a name stands for."""

    group: MedicineGroup
    medicine: Medicine
    name: str
    local: bool  # an eye or ear brand (or an eye-only medicine)
    # A vaccine's generic or disease name: matches only alone or with "vaccine".
    needs_vaccine_word: bool


class _Name(Record):
    words: Words
    hits: tuple[Hit, ...]
    known: Medicine | None
    name: str


def _key(name: str) -> Words:
    """``name_words``, with a fast path for the usual one-word name."""
    if name.isalpha():
        word = name.casefold()
        return () if word in DROPPED_WORDS else (word,)
    return name_words(name)


class MedicineIndex:
    """Every knowledge name, looked up by its first word.

    Built lazily: a run looks up only the few words it was given, so each first word's
    names are collected (and normalised) on first use, from a flat list made once.
    """

    def __init__(self, medicines: Medicines) -> None:
        self.medicines = medicines
        # (case-folded name, name, group or None for a known name, medicine, local,
        # needs a vaccine word)
        entries: list[tuple[str, str, MedicineGroup | None, Medicine, bool, bool]] = []
        for group in medicines.groups:
            vaccine = group.kind in _VACCINE_KINDS
            for medicine in medicines.members(group):
                local = medicine.local_only
                # Generic and other names first, then brands, then eye and ear brands.
                for name in (medicine.generic, *medicine.other_names):
                    entries.append((name.casefold(), name, group, medicine, local, vaccine))
                for name in medicine.brands:
                    entries.append((name.casefold(), name, group, medicine, local, False))
                for name in medicine.local_brands:
                    entries.append((name.casefold(), name, group, medicine, True, False))
        for entry in medicines.known:
            for name in entry.names():
                entries.append((name.casefold(), name, None, entry, False, False))
        self._entries = entries
        self._by_first: dict[str, list[_Name]] = {}

    def candidates(self, word: str) -> list[_Name]:
        """Names starting with ``word``, longest first."""
        found = self._by_first.get(word)
        if found is None:
            found = self._by_first[word] = self._collect(word)
        return found

    def _collect(self, word: str) -> list[_Name]:
        hits: dict[Words, list[Hit]] = {}
        known: dict[Words, Medicine] = {}
        first_name: dict[Words, str] = {}
        seen: set[tuple[Words, int, int]] = set()
        for folded, name, group, medicine, local, vaccine in self._entries:
            if word not in folded:
                continue
            key = _key(name)
            if not key or key[0] != word:
                continue
            first_name.setdefault(key, name)
            if group is None:
                known.setdefault(key, medicine)
                continue
            # One hit per group and medicine: the first name listed that has these words.
            marker = (key, id(group), id(medicine))
            if marker not in seen:
                seen.add(marker)
                hits.setdefault(key, []).append(Hit(group, medicine, name, local, vaccine))
        found = [
            _Name(key, tuple(hits.get(key, ())), known.get(key), first_name[key])
            for key in first_name
        ]
        found.sort(key=lambda item: -len(item.words))
        return found


class NameMatch(Record):
    """A knowledge name found in a text, and where: ``start`` and ``end`` index its words."""

    name: str
    start: int
    end: int
    hits: tuple[Hit, ...]
    known: Medicine | None


def _routes(all_words: Words) -> frozenset[Route]:
    """Eye or ear, as the text says; "drops" alone may be either."""
    found: set[Route] = set()
    if EYE_WORDS.intersection(all_words):
        found.add("eye")
    if EAR_WORDS.intersection(all_words):
        found.add("ear")
    if not found and DROP_WORDS.intersection(all_words):
        found |= {"eye", "ear"}
    return frozenset(found)


class _Text(Record):
    """A text as matching sees it."""

    words: Words
    routes: frozenset[Route]
    says_vaccine: bool


def _read(text: str) -> _Text:
    every = words(text)
    kept = tuple(word for word in every if word not in DROPPED_WORDS)
    says_vaccine = bool(VACCINE_WORDS.intersection(every) or VACCINE_HINTS.intersection(every))
    return _Text(kept, _routes(every), says_vaccine)


def _find(read: _Text, index: MedicineIndex) -> list[NameMatch]:
    """Longest names first, left to right, never overlapping."""
    found: list[NameMatch] = []
    tokens = read.words
    position = 0
    while position < len(tokens):
        match = None
        for candidate in index.candidates(tokens[position]):
            end = position + len(candidate.words)
            if tokens[position:end] != candidate.words:
                continue
            # Alone: nothing else but forms and routes ("MMR XL" is still MMR alone).
            whole = all(word in _TRAILING_WORDS for word in (*tokens[:position], *tokens[end:]))
            hits = tuple(
                hit
                for hit in candidate.hits
                if not hit.needs_vaccine_word or whole or read.says_vaccine
            )
            if hits or candidate.known is not None:
                match = NameMatch(candidate.name, position, end, hits, candidate.known)
                break
        if match is None:
            position += 1
        else:
            found.append(match)
            position = match.end
    return found


def find_names(text: str, index: MedicineIndex) -> list[NameMatch]:
    """Every knowledge name in ``text``, in order."""
    return _find(_read(text), index)


# ---------------------------------------------------------------- findings


class Finding(Record):
    """One warning about a medicine: its ``--json`` fields are a contract."""

    kind: Kind
    group: str
    severity: Severity
    message: str
    source: str
    # Added fields.
    strength: str
    sources: tuple[str, ...]
    # Live vaccines, when the profile has a stop date: the earliest day it may be given.
    until: dt.date | None = None


class MedicineCheck(Record):
    """What one name means: known or not, its generic name and its findings."""

    query: str
    known: bool
    generic: str | None
    findings: tuple[Finding, ...]
    # Added fields: the names found as imuran lists them, and, when there is no
    # finding, what imuran says instead (unknown, or nothing listed).
    names: tuple[str, ...] = ()
    note: str | None = None
    note_sources: tuple[str, ...] = ()


class CheckResult(Record):
    """The answer of ``imuran check``; its fields are the ``--json`` contract."""

    medicines: tuple[MedicineCheck, ...]
    sources: tuple[str, ...]


class LiveVaccineDates(Record):
    """When live vaccines are ruled out: while taking azathioprine, or up to a date."""

    stopped_on: dt.date | None = None
    today: dt.date | None = None


def display_name(name: str, medicine: Medicine) -> str:
    """``Zyloprim (allopurinol)`` for a brand or other name, ``Allopurinol`` for the generic."""
    generic = medicine.generic
    if _letters(name) == _letters(generic):
        return name[:1].upper() + name[1:]
    if name in medicine.brands or name in medicine.local_brands:
        return f"{name} ({generic})"
    return f"{name[:1].upper()}{name[1:]} ({generic})"


def _letters(text: str) -> str:
    return "".join(words(text))


def _finding(hit: Hit, read: _Text, medicines: Medicines, dates: LiveVaccineDates) -> Finding:
    group = hit.group
    local = group.local
    use_local = local is not None and (
        hit.local or (bool(read.routes) and read.routes <= set(local.routes))
    )
    severity: Severity = group.severity
    strength: str = group.strength
    template = group.message
    sources = [*group.sources]
    if local is not None and use_local:
        severity, strength, template = local.severity, local.strength, local.message
        sources = [*local.sources]
    if hit.medicine.message is not None:
        template = hit.medicine.message
    sources += hit.medicine.sources
    values = {"name": display_name(hit.name, hit.medicine)}
    until = None
    if group.kind == "live-vaccine":
        window = medicines.live_vaccines
        months = window.months_after_stopping
        sources += window.sources
        if dates.stopped_on is None:
            values["window"] = window.taking.format(months=months)
        else:
            until = add_months(dates.stopped_on, months)
            dated = {"months": months, "until": until, "stopped_on": dates.stopped_on}
            if dates.today is not None and dates.today >= until:
                severity, template = "caution", window.ended
            values["window"] = window.stopped.format(**dated)
            values.update({key: str(value) for key, value in dated.items()})
    return Finding(
        kind=group.kind,
        group=group.id,
        severity=severity,
        message=template.format(**values),
        source=sources[0],
        strength=strength,
        sources=tuple(dict.fromkeys(sources)),
        until=until,
    )


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda finding: SEVERITY_ORDER.index(finding.severity)))


def check_medicine(
    query: str, medicines: Medicines, index: MedicineIndex, dates: LiveVaccineDates
) -> MedicineCheck:
    """What ``query`` names, and every finding for it, most severe first."""
    read = _read(query)
    matches = _find(read, index)
    if not matches:
        unknown = medicines.unknown
        return MedicineCheck(
            query=query,
            known=False,
            generic=None,
            findings=(),
            note=unknown.message,
            note_sources=unknown.sources,
        )
    generics: list[str] = []
    findings: dict[str, Finding] = {}
    notes: list[str] = []
    note_sources: list[str] = []
    for match in matches:
        for hit in match.hits:
            generics.append(hit.medicine.generic)
            if hit.group.id not in findings:
                findings[hit.group.id] = _finding(hit, read, medicines, dates)
        if match.known is not None:
            entry = match.known
            generics.append(entry.generic)
            if entry.message:
                notes.append(entry.message.format(name=display_name(match.name, entry)))
            note_sources += entry.sources
    note = None
    if not findings:
        listed = medicines.nothing_listed
        notes.append(listed.message)
        note_sources += listed.sources
        note = " ".join(notes)
    return MedicineCheck(
        query=query,
        known=True,
        generic=" + ".join(dict.fromkeys(generics)),
        findings=_sorted(findings.values()),
        names=tuple(dict.fromkeys(match.name for match in matches)),
        note=note,
        note_sources=tuple(dict.fromkeys(note_sources)) if note else (),
    )


def check_medicines(
    queries: Sequence[str],
    medicines: Medicines,
    index: MedicineIndex | None = None,
    dates: LiveVaccineDates | None = None,
) -> CheckResult:
    """``imuran check``: one answer per query, and every source they cite."""
    index = index or MedicineIndex(medicines)
    dates = dates or LiveVaccineDates()
    checks = tuple(check_medicine(query, medicines, index, dates) for query in queries)
    sources: list[str] = []
    for check in checks:
        for finding in check.findings:
            sources += finding.sources
        sources += check.note_sources
    return CheckResult(medicines=checks, sources=tuple(dict.fromkeys(sources)))


def names_live_vaccine(queries: Sequence[str], index: MedicineIndex) -> bool:
    """Whether a query may name a live vaccine (only then does the stop date matter)."""
    return any(
        hit.group.kind == "live-vaccine"
        for query in queries
        for match in find_names(query, index)
        for hit in match.hits
    )


# ---------------------------------------------------------------- the profile's list


class ProfileFinding(Record):
    """A finding for one entry of the profile's medicine list."""

    medicine: str  # the entry, as written in the profile
    generic: str | None
    finding: Finding


def check_profile_medicines(
    entries: Sequence[str],
    medicines: Medicines,
    stopped_on: dt.date | None = None,
    today: dt.date | None = None,
    index: MedicineIndex | None = None,
) -> list[ProfileFinding]:
    """Every finding for the profile's medicines, entries in order, most severe first
    within an entry. ``imuran status`` lists the urgent ones as alerts; ``imuran dose``
    turns those of ``DOSE_KINDS`` into dose warnings."""
    if not entries:
        return []
    index = index or MedicineIndex(medicines)
    dates = LiveVaccineDates(stopped_on=stopped_on, today=today)
    found: list[ProfileFinding] = []
    for entry in entries:
        check = check_medicine(entry, medicines, index, dates)
        found += [ProfileFinding(entry, check.generic, finding) for finding in check.findings]
    return found


# ---------------------------------------------------------------- command-line names


def split_queries(arguments: Sequence[str], index: MedicineIndex) -> list[str]:
    """The names in ``imuran check`` arguments.

    Each argument is a name, except that a strength, unit or form ("250", "mg",
    "tablets", "eye drops", "XL") joins the name before it, and arguments that together
    make one listed name ("yellow" "fever") stay together: an unquoted
    ``imuran check Zithromax 250 mg tablets`` is one name.
    """
    names = [argument.strip() for argument in arguments]
    if not names:
        raise InputError(
            "no medicine name given",
            'give one or more names, e.g. imuran check cipro "Zithromax 250 mg"',
            code="no_name",
        )
    for argument in names:
        if not argument:
            raise InputError(
                "an empty medicine name was given",
                'give a name, e.g. imuran check "Zithromax 250 mg"',
                code="empty_name",
            )
    queries: list[str] = []
    position = 0
    while position < len(names):
        end = _joined_end(names, position, index)
        query = " ".join(names[position:end])
        position = end
        while position < len(names) and _trails(names[position]):
            query = f"{query} {names[position]}"
            position += 1
        queries.append(query)
    for query in queries:
        if not name_words(query):
            raise InputError(
                f"{query!r} holds no medicine name",
                f'put the name first, e.g. imuran check "allopurinol {query}"',
                code="empty_name",
            )
    return queries


def _trails(argument: str) -> bool:
    return all(word in _TRAILING_WORDS for word in words(argument))


def _joined_end(names: Sequence[str], start: int, index: MedicineIndex) -> int:
    """The end of the longest run of arguments from ``start`` that one name spans."""
    counts = [len(name_words(name)) for name in names[start:]]
    for end in range(len(names), start + 1, -1):
        span = counts[: end - start]
        if not span[0] or not span[-1]:
            continue
        for match in find_names(" ".join(names[start:end]), index):
            if match.start < span[0] and match.end > sum(span[:-1]):
                return end
    return start + 1
