"""Look up a symptom among the side effects and warning signs: what it may be, how urgent.

Pure: the knowledge, the profile and today's date are arguments. The search normalises words
(case, accents, punctuation, plural and -ing/-ed endings, everyday equivalents such as
"tummy" for "belly"), forgives small typos, and scores each effect by the kind of phrase
matched (name, synonym, a sign the leaflet names, another sign), the share of that phrase
found and the share of the query the effect explains. Every number it uses comes from
``side_effects.toml``. How text becomes search terms, and the index of the knowledge's
phrases, are ``knowledge.side_effects_index``'s (the index of the packaged files is
computed when the knowledge is built).
"""

import bisect
import datetime as dt
from collections.abc import Collection, Iterable

from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Profile
from imuran_cli.knowledge.side_effects import (
    LEAFLET,
    Effect,
    Group,
    GroupId,
    SearchTuning,
    SideEffects,
    Urgency,
)

# Re-exported (``X as X``): the search's words and index, as callers knew them here.
from imuran_cli.knowledge.side_effects_index import MatchKind as MatchKind
from imuran_cli.knowledge.side_effects_index import SearchIndex as SearchIndex
from imuran_cli.knowledge.side_effects_index import build_index as build_index
from imuran_cli.knowledge.side_effects_index import name_parts
from imuran_cli.knowledge.side_effects_index import normalize as normalize
from imuran_cli.knowledge.side_effects_index import stem as stem
from imuran_cli.record import Record

# ---------------------------------------------------------------- result (the JSON contract)


class Timing(Record):
    """Whether an effect is expected at this point of treatment."""

    week: int | None
    expected_now: bool | None
    text: str


class Treatment(Record):
    """Where the person is in treatment, from the profile."""

    started_on: dt.date
    stopped_on: dt.date | None
    week: int | None


class EffectMatch(Record):
    """One effect, as found by the search (or listed when there is no query)."""

    id: str
    name: str
    group: GroupId
    group_label: str
    urgency: Urgency
    urgency_label: str
    urgency_advice: str
    resolves_on_stopping: bool | None
    is_side_effect: bool
    signs: list[str]
    action: str
    note: str | None
    starts: str
    source: str
    sources: list[str]
    # No defaults for these two (a record's defaults come last): given for every match.
    match_kind: MatchKind | None
    matched: list[str]
    score: float | None = None
    timing: Timing | None = None
    # A command with more on the subject, e.g. "imuran pregnancy".
    see_also: str | None = None


class GroupSummary(Record):
    """A group of effects, with when it can start and whether it resolves on stopping."""

    id: GroupId
    name: str
    in_leaflet: bool
    starts: str
    resolves_on_stopping: bool | None
    effects: list[str]
    timing: Timing | None
    sources: list[str]


class WarningSign(Record):
    """An effect that needs a doctor (or emergency services), with its signs."""

    id: str
    name: str
    urgency: Urgency
    urgency_label: str
    urgency_advice: str
    signs: list[str]


class CheckPointer(Record):
    """The query names a vaccine or another medicine: the command that checks it."""

    names: list[str]
    command: str
    text: str
    sources: list[str]


class SideEffectsResult(Record):
    """The answer of ``imuran side-effects``."""

    query: str | None
    matches: list[EffectMatch]
    suggestions: list[str]
    sources: list[str]
    found: bool
    messages: list[str]
    treatment: Treatment | None
    groups: list[GroupSummary]
    warning_signs: list[WarningSign]
    check: CheckPointer | None = None


# ---------------------------------------------------------------- search


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, change, swap neighbours) from a to b, at most ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        current = [i + 1]
        for j, cb in enumerate(b):
            value = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca != cb))
            if i and j and ca == b[j - 1] and a[i - 1] == cb:
                value = min(value, before[j - 1] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


class Hit(Record):
    """One effect found by the search, with its score and what matched."""

    effect: Effect
    score: float
    kind: MatchKind
    matched: tuple[str, ...]
    complete: bool


def _candidates(index: SearchIndex, word: str) -> dict[str, float]:
    """The terms a query word may stand for, each with how sure we are (1 = exact)."""
    tuning = index.knowledge.search
    found: dict[str, float] = {}

    def add(key: str, quality: float) -> None:
        for term in index.lexicon[key]:
            found[term] = max(found.get(term, 0), quality)

    stemmed = index.analyzer.stem(word)
    if stemmed in index.lexicon:
        add(stemmed, 1)
        return found
    limit = 0
    if len(stemmed) >= tuning.typo_min_length:
        limit += 1
    if len(stemmed) >= tuning.two_typos_min_length:
        limit += 1
    letters = frozenset(stemmed)
    lengths = range(max(len(stemmed) - limit, tuning.typo_min_length), len(stemmed) + limit + 1)
    for length in lengths:
        for key in index.keys_by_length.get(length, ()):
            # Each edit changes at most two letters of the two sets: a cheap first filter.
            if len(letters.symmetric_difference(key)) > limit + limit:
                continue
            distance = edit_distance(stemmed, key, limit)
            if distance <= limit:
                add(key, tuning.typo_factor**distance)
    if len(stemmed) >= tuning.prefix_min_length:
        # The start of a longer word of the data ("pancrea" for "pancreatitis").
        start = bisect.bisect_right(index.sorted_terms, stemmed)
        for term in index.sorted_terms[start:]:
            if not term.startswith(stemmed):
                break
            found[term] = max(found.get(term, 0), tuning.prefix_factor)
    return found


def search(index: SearchIndex, query: str) -> list[Hit]:
    """Every effect the query touches, best first (not yet cut to the matches)."""
    knowledge = index.knowledge
    words = index.analyzer.words(query)
    if not words:
        return []
    phrase_hits: dict[int, dict[str, float]] = {}
    phrase_words: dict[int, set[int]] = {}
    for position, word in enumerate(words):
        for term, quality in _candidates(index, word).items():
            for p in index.postings.get(term, ()):
                hits = phrase_hits.setdefault(p, {})
                hits[term] = max(hits.get(term, 0), quality)
                phrase_words.setdefault(p, set()).add(position)

    # The query words an effect explains: those of its best phrase, and those of any of its
    # phrases found for the most part (so "pale skin" is not "pale stools" + "itchy skin").
    strong = knowledge.search.strong_phrase_share
    best: dict[int, tuple[float, int]] = {}
    explained: dict[int, set[int]] = {}
    complete: dict[int, list[tuple[float, str]]] = {}
    for p, hits in phrase_hits.items():
        effect_at, _, weight, shown_as, terms = index.phrases[p]
        value = weight * sum(hits.values()) / len(terms)
        if effect_at not in best or value > best[effect_at][0]:
            best[effect_at] = (value, p)
        if len(hits) >= strong * len(terms):
            explained.setdefault(effect_at, set()).update(phrase_words[p])
        if len(hits) == len(terms):
            complete.setdefault(effect_at, []).append((value, shown_as))

    urgency_rank = {level.id: rank for rank, level in enumerate(knowledge.urgencies)}
    result: list[tuple[tuple[float, int, int], Hit]] = []
    for e, (value, p) in best.items():
        _, kind, _, shown_as, _ = index.phrases[p]
        effect = knowledge.effects[e]
        covered = explained.get(e, set()) | phrase_words[p]
        score = value * len(covered) / len(words)
        shown = [text for _, text in sorted(complete.get(e, []), key=lambda item: -item[0])]
        matched = tuple(dict.fromkeys(shown)) or (shown_as,)
        hit = Hit(effect, score, kind, matched, e in complete)
        result.append(((-score, urgency_rank[effect.urgency], e), hit))
    return [hit for _, hit in sorted(result, key=lambda item: item[0])]


def select_matches(hits: list[Hit], tuning: SearchTuning) -> list[Hit]:
    """The hits good enough to show: a high enough score, or an emergency phrase found whole.

    At most ``max_matches``, but an emergency is never cut off.
    """
    chosen: list[Hit] = []
    for hit in hits:
        good = hit.score >= tuning.min_score
        emergency = hit.effect.urgency == "emergency" and (good or hit.complete)
        if (good and len(chosen) < tuning.max_matches) or emergency:
            chosen.append(hit)
    return chosen


def suggest(index: SearchIndex, query: str, hits: list[Hit]) -> list[str]:
    """The names closest to a query that matched nothing: near misses first, then by spelling."""
    import difflib  # Only needed when nothing matched.

    limit = index.knowledge.search.max_suggestions
    names: list[str] = [hit.effect.name for hit in hits if hit.complete]
    typed = normalize(query)
    candidates: dict[str, str] = {}
    for effect in index.knowledge.effects:
        for text in (*name_parts(effect.name), *effect.synonyms):
            candidates.setdefault(normalize(text), effect.name)
    ratios = {text: difflib.SequenceMatcher(None, typed, text).ratio() for text in candidates}
    names.extend(candidates[text] for text in sorted(candidates, key=lambda t: -ratios[t]))
    return list(dict.fromkeys(names))[:limit]


# ---------------------------------------------------------------- vaccines and medicines

# Words that end a vaccine's name before the vaccine word ("rash after the flu jab").
_NAME_BREAKS = frozenset({"after", "before", "following", "post"})


class CheckFound(Record):
    """What a query says about vaccines and medicines, and the rest of it."""

    rest: str
    names: tuple[str, ...]
    asks: bool


def _names_starting(names: tuple[str, ...], word: str) -> list[list[str]]:
    """The names of the sorted ``names`` whose first word is ``word``, as words, longest first.

    They follow one another from where ``word`` would sort: the word itself, then the
    names that go on with a space (a space sorts before every letter and digit).
    """
    found: list[list[str]] = []
    at = bisect.bisect_left(names, word)
    while at < len(names) and (names[at] == word or names[at].startswith(word + " ")):
        found.append(names[at].split())
        at += 1
    return sorted(found, key=len, reverse=True)


def find_check_names(index: SearchIndex, query: str) -> CheckFound:
    """The vaccines and medicines a query names, and the query without them.

    A vaccine word ("vaccine", "jab", ...) takes the words just before it as its name
    ("yellow fever vaccine"), or those after a link ("vaccine for yellow fever"); a
    medicine name of the index is found as whole words. Neither is then searched as a
    symptom. A medicine word ("antibiotics") only marks the question.
    """
    knowledge = index.knowledge
    check = knowledge.check
    words = normalize(query).split()
    breaks = frozenset(knowledge.search.stopwords) | _NAME_BREAKS
    vaccine = frozenset(check.vaccine_words)
    links = frozenset(check.name_links)
    medicine = frozenset(check.medicine_words)
    dropped = [False] * len(words)
    spans: list[tuple[int, int]] = []
    asks = False
    for i, word in enumerate(words):
        if word in medicine:
            asks = True
        if word not in vaccine:
            continue
        asks = True
        start = i
        while (
            start > 0
            and i - start < check.name_words
            and not {words[start - 1]} & (breaks | vaccine | links)
        ):
            start -= 1
        end = i + 1
        if end < len(words) and words[end] in links:
            last = end + 1
            while (
                last < len(words)
                and last - end <= check.name_words
                and not {words[last]} & (breaks | vaccine)
            ):
                last += 1
            end = last
        spans.append((start, end))
    # A medicine name that is also a symptom's phrase ("chickenpox" for the varicella
    # vaccine, "zoster") is not among the index's names: it is left to the symptom search,
    # and only a vaccine word makes it one.
    for i, word in enumerate(words):
        for name_words in _names_starting(index.medicine_names, word):
            if words[i : i + len(name_words)] == name_words:
                spans.append((i, i + len(name_words)))
                asks = True
                break
    names: list[str] = []
    for start, end in sorted(spans):
        if not any(dropped[start:end]):
            names.append(" ".join(words[start:end]))
        for j in range(start, end):
            dropped[j] = True
    rest = " ".join(word for word, gone in zip(words, dropped, strict=True) if not gone)
    return CheckFound(rest=rest, names=tuple(dict.fromkeys(names)), asks=asks)


def _check_pointer(knowledge: SideEffects, found: CheckFound) -> CheckPointer | None:
    if not found.asks:
        return None
    check = knowledge.check
    shown = [f'"{name}"' if " " in name else name for name in found.names]
    command = "imuran check " + (" ".join(shown) if shown else "NAME")
    return CheckPointer(
        names=list(found.names),
        command=command,
        text=check.text.format(command=command),
        sources=list(check.sources),
    )


# ---------------------------------------------------------------- timing


def treatment_of(
    profile: Profile | None, today: dt.date, knowledge: SideEffects
) -> Treatment | None:
    """Where the person is in treatment, or None when the profile has no start date."""
    if profile is None or profile.prescription.started_on is None:
        return None
    started = profile.prescription.started_on
    stopped = profile.prescription.stopped_on
    week = None
    if stopped is None:
        week = (today - started).days // knowledge.timing.days_per_week + 1
    return Treatment(started_on=started, stopped_on=stopped, week=week)


def _timing(
    treatment: Treatment | None,
    knowledge: SideEffects,
    group: Group,
    effect: Effect | None = None,
) -> Timing | None:
    if treatment is None:
        return None
    texts = knowledge.timing
    if treatment.stopped_on is not None or treatment.week is None:
        when = treatment.stopped_on.isoformat() if treatment.stopped_on else ""
        return Timing(week=None, expected_now=None, text=texts.stopped_text.format(date=when))
    week = treatment.week
    from_week = (effect.from_week if effect else None) or group.from_week
    now = (effect.now if effect else None) or group.now
    before = (effect.before if effect else None) or group.before or now
    intro = texts.week_text.format(week=week)
    if from_week is None:
        return Timing(week=week, expected_now=None, text=f"{intro}: {now}")
    if week >= from_week:
        return Timing(week=week, expected_now=True, text=f"{intro}: {now}")
    return Timing(week=week, expected_now=False, text=f"{intro}: {before}")


# ---------------------------------------------------------------- answer


def _ordered_sources(groups: Iterable[Iterable[str]]) -> list[str]:
    """Every source once, the leaflet first."""
    ids = list(dict.fromkeys(source for group in groups for source in group))
    return sorted(ids, key=lambda source: source != LEAFLET)


def _match(
    effect: Effect,
    knowledge: SideEffects,
    treatment: Treatment | None,
    hit: Hit | None = None,
) -> EffectMatch:
    group = knowledge.group(effect.group)
    level = knowledge.urgency(effect.urgency)
    resolves = effect.resolves_on_stopping
    if resolves is None:
        resolves = group.resolves_on_stopping
    return EffectMatch(
        id=effect.id,
        name=effect.name,
        group=effect.group,
        group_label=group.label,
        urgency=effect.urgency,
        urgency_label=level.label,
        urgency_advice=level.advice,
        resolves_on_stopping=resolves,
        is_side_effect=effect.side_effect,
        signs=list(dict.fromkeys(sign.sign for sign in effect.signs)),
        action=effect.action,
        note=effect.note,
        starts=effect.starts or group.starts,
        source=effect.sources[0],
        sources=list(effect.sources),
        match_kind=hit.kind if hit else None,
        matched=list(hit.matched) if hit else [],
        score=round(hit.score, knowledge.search.score_decimals) if hit else None,
        timing=_timing(treatment, knowledge, group, effect),
        see_also=effect.see_also,
    )


def _overview(
    knowledge: SideEffects, treatment: Treatment | None
) -> tuple[list[GroupSummary], list[WarningSign]]:
    groups = [
        GroupSummary(
            id=group.id,
            name=group.name,
            in_leaflet=group.in_leaflet,
            starts=group.starts,
            resolves_on_stopping=group.resolves_on_stopping,
            effects=[e.id for e in knowledge.effects if e.group == group.id],
            timing=_timing(treatment, knowledge, group),
            sources=list(group.sources),
        )
        for group in knowledge.groups
    ]
    needs_doctor = [level.id for level in knowledge.urgencies if level.needs_doctor]
    warnings = [
        WarningSign(
            id=effect.id,
            name=effect.name,
            urgency=effect.urgency,
            urgency_label=knowledge.urgency(effect.urgency).label,
            urgency_advice=knowledge.urgency(effect.urgency).advice,
            signs=[sign.sign for sign in effect.signs],
        )
        for level in needs_doctor
        for effect in knowledge.effects
        if effect.urgency == level
    ]
    return groups, warnings


def check_query(query: str | None, tuning: SearchTuning) -> str | None:
    """The query with its spaces tidied; None when empty; an error when far too long."""
    if query is None or not query.strip():
        return None
    tidy = " ".join(query.split())
    if len(tidy) > tuning.max_query_length:
        raise InputError(
            f"the query is {len(tidy)} characters long; at most "
            f"{tuning.max_query_length} are allowed",
            'describe the symptom in a few words, e.g. imuran side-effects "dark urine"',
            code="query_too_long",
        )
    return tidy


def look_up_side_effects(
    knowledge: SideEffects,
    query: str | None,
    profile: Profile | None,
    today: dt.date,
    medicine_names: Collection[str] = (),
    index: SearchIndex | None = None,
) -> SideEffectsResult:
    """Answer ``imuran side-effects [QUERY]``: every effect, or the effects matching the query.

    A vaccine or a medicine named in the query (``medicine_names`` are the names of the
    medicines knowledge) is not searched as a symptom; the answer points to
    ``imuran check`` instead. ``index`` is the search index of ``knowledge`` and those
    names (the packaged one is compiled: ``load_search_index``); when it is not given, it
    is built here from the two.
    """
    tidy = check_query(query, knowledge.search)
    treatment = treatment_of(profile, today, knowledge)
    if tidy is None:
        groups, warnings = _overview(knowledge, treatment)
        return SideEffectsResult(
            query=None,
            matches=[_match(effect, knowledge, treatment) for effect in knowledge.effects],
            suggestions=[],
            sources=_ordered_sources(
                [*(e.sources for e in knowledge.effects), *(g.sources for g in knowledge.groups)]
            ),
            found=True,
            messages=[],
            treatment=treatment,
            groups=groups,
            warning_signs=warnings,
        )
    if index is None:
        index = build_index(knowledge, medicine_names)
    found = find_check_names(index, tidy)
    pointer = _check_pointer(knowledge, found)
    hits = search(index, found.rest)
    chosen = select_matches(hits, knowledge.search)
    check_sources = [pointer.sources] if pointer else []
    if chosen:
        matches = [_match(hit.effect, knowledge, treatment, hit) for hit in chosen]
        return SideEffectsResult(
            query=tidy,
            matches=matches,
            suggestions=[],
            sources=_ordered_sources([*(match.sources for match in matches), *check_sources]),
            found=True,
            messages=[pointer.text] if pointer else [],
            treatment=treatment,
            groups=[],
            warning_signs=[],
            check=pointer,
        )
    messages = knowledge.messages
    if pointer is not None and not index.analyzer.words(found.rest):
        # Only a vaccine or a medicine: a question for imuran check, not a symptom.
        return SideEffectsResult(
            query=tidy,
            matches=[],
            suggestions=[],
            sources=_ordered_sources([*check_sources, messages.sources]),
            found=False,
            messages=[pointer.text, knowledge.check.leaflet, messages.worried],
            treatment=treatment,
            groups=[],
            warning_signs=[],
            check=pointer,
        )
    return SideEffectsResult(
        query=tidy,
        matches=[],
        suggestions=suggest(index, found.rest or tidy, hits),
        sources=_ordered_sources([messages.sources, *check_sources]),
        found=False,
        messages=[
            messages.no_match,
            *([pointer.text] if pointer else []),
            messages.worried,
            messages.emergency,
        ],
        treatment=treatment,
        groups=[],
        warning_signs=[],
        check=pointer,
    )
