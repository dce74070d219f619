"""How the side-effects search reads text, and its index of ``side_effects.toml``.

The search (``core.side_effects``) compares the terms of a query with those of every name,
synonym and sign of the side effects. Text becomes terms here: its words (case, accents,
punctuation and stopwords aside), stemmed (plural and -ing/-ed endings), an everyday word
replaced by its equivalent ("tummy" for "belly"), all as ``side_effects.toml`` tunes them.
``build_index`` breaks every phrase of the knowledge into terms once, and keeps the
medicine names a query may hold (so that a named medicine is not read as a symptom).

The index of the packaged files is computed when the knowledge is built: ``python -m
imuran_cli.knowledge --build`` writes ``index_tables`` of it to
``_compiled/side_effects_index.py``, and ``--check`` and the tests hold that module equal
to ``build_index`` of the TOML files. ``imuran side-effects QUERY`` loads it
(``load_search_index``) in about 6 M instructions, where building it took about 56 M:
27 M for the phrases, 29 M for the medicine names (reading the medicines file,
normalising its 800 names and every phrase they must not be). It lives in
``knowledge/``, not ``core/``, because the build computes it and knowledge imports
nothing of core; the search itself stays in ``core.side_effects``.
"""

# No `from __future__ import annotations`, as in the other knowledge modules.

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from imuran_cli.knowledge._files import REINSTALL, compiled_module
from imuran_cli.knowledge.errors import KnowledgeError
from imuran_cli.knowledge.side_effects import Effect, SearchTuning, SideEffects
from imuran_cli.record import Record

MatchKind = Literal["name", "synonym", "sign"]

# One phrase of the index: the effect's position in the knowledge, the kind of phrase,
# its weight, the text shown for it, and its terms (sorted, each once). A plain tuple, not
# a record: the compiled index holds 540 of them, and a tuple constant loads for free.
Phrase = tuple[int, MatchKind, float, str, tuple[str, ...]]

# The compiled module of the packaged index (``_compiled/side_effects_index.py``).
COMPILED = "side_effects_index"
# Its tables, in the order the module assigns them (``index_tables``).
TABLES = ("EQUIVALENTS", "PHRASES", "POSTINGS", "MEDICINE_NAMES")

# Patterns are compiled when first used (``re`` keeps them), not at import: compiling
# these four takes about 3 M instructions, which a run without a query never needs.
_APOSTROPHES = "['\u2019\u2018`\u00b4]"
_NON_WORD = r"[^a-z0-9]+"
_WORD = r"[a-z0-9]{2,}"
_PARENTHESES = r"\(([^)]*)\)"
_VOWELS = "aeiouy"
# Letters that Unicode does not decompose into plain ones.
_LIGATURES = str.maketrans(
    {"\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00c6": "ae", "\u00df": "ss"}
)


# ---------------------------------------------------------------- words


def normalize(text: str) -> str:
    """Lower case, no accents, no apostrophes, every other non-letter a space."""
    plain = text
    if not text.isascii():
        import unicodedata  # Only for letters beyond ASCII (about 0.4 M instructions).

        decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(_NON_WORD, " ", re.sub(_APOSTROPHES, "", plain.lower())).strip()


def stem(word: str, min_length: int) -> str:
    """Drop a plural ``s``/``ies``, an ``-ing``/``-ed`` ending, a final ``e`` and a doubled letter.

    Nothing is dropped that would leave fewer than ``min_length`` letters. Applied the same way
    to the data and to the query, so "bruises", "bruising" and "bruised" meet at "bruis".
    """
    w = word
    if w.endswith("ies") and len(w) - len("ies") >= min_length:
        w = w[: -len("ies")] + "y"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) - 1 >= min_length:
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= min_length:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) - 1 >= min_length:
        w = w[:-1]
    last = w[-1:]
    if last and last not in _VOWELS and w.endswith(last + last) and len(w) - 1 >= min_length:
        w = w[:-1]
    return w


class Analyzer:
    """Turns text into search terms: words, minus stopwords, stemmed, with equivalents.

    ``equivalents`` (each stemmed word and the stemmed terms it stands for) are worked out
    from the tuning when not given; the compiled index gives them.
    """

    def __init__(
        self, tuning: SearchTuning, equivalents: Mapping[str, tuple[str, ...]] | None = None
    ) -> None:
        self.min_length = tuning.stem_min_length
        self.stopwords = frozenset(tuning.stopwords)
        self._stems: dict[str, str] = {}
        if equivalents is not None:
            self.equivalents = dict(equivalents)
            return
        self.equivalents = {}
        for word, meaning in tuning.equivalents.items():
            self.equivalents[self.stem(normalize(word))] = tuple(
                self.stem(part) for part in normalize(meaning).split()
            )

    def stem(self, word: str) -> str:
        known = self._stems.get(word)
        if known is None:
            known = self._stems[word] = stem(word, self.min_length)
        return known

    def words(self, text: str) -> list[str]:
        """The words of ``text`` that carry meaning (two letters or more, not stopwords)."""
        stopwords = self.stopwords
        if text.isascii():
            found = re.findall(_WORD, re.sub(_APOSTROPHES, "", text.lower()))
        else:
            found = re.findall(_WORD, normalize(text))
        return [w for w in found if w not in stopwords]

    def phrase_terms(self, text: str) -> tuple[str, ...]:
        """The terms of a phrase of the knowledge, sorted, each once."""
        terms: set[str] = set()
        equivalents = self.equivalents
        for word in self.words(text):
            stemmed = self.stem(word)
            terms.update(equivalents.get(stemmed, (stemmed,)))
        return tuple(sorted(terms))


# ---------------------------------------------------------------- index


class SearchIndex(Record):
    """The knowledge, with every phrase broken into search terms once."""

    knowledge: SideEffects
    analyzer: Analyzer
    phrases: tuple[Phrase, ...]
    # Each term and the phrases (positions in ``phrases``) that hold it.
    postings: dict[str, tuple[int, ...]]
    # Each word a query may match (a term, or a word with an equivalent) and its terms.
    lexicon: dict[str, tuple[str, ...]]
    sorted_terms: tuple[str, ...]
    keys_by_length: dict[int, tuple[str, ...]]
    # The medicine names a query may hold, normalised and sorted; none is a phrase of
    # the knowledge ("chickenpox" stays a symptom unless a vaccine word goes with it).
    medicine_names: tuple[str, ...]


def name_parts(name: str) -> list[str]:
    """``Feeling sick (nausea)`` -> ``["Feeling sick", "nausea"]``."""
    inside = re.findall(_PARENTHESES, name)
    return [re.sub(_PARENTHESES, " ", name).strip(), *inside]


def _effect_phrases(
    index: int, effect: Effect, tuning: SearchTuning, analyzer: Analyzer
) -> Iterator[Phrase]:
    for part in name_parts(effect.name):
        yield (index, "name", tuning.name_weight, part, analyzer.phrase_terms(part))
    for synonym in effect.synonyms:
        terms = analyzer.phrase_terms(synonym)
        yield (index, "synonym", tuning.synonym_weight, synonym, terms)
    for sign in effect.signs:
        weight = tuning.leaflet_sign_weight if sign.from_leaflet else tuning.sign_weight
        for text in (sign.sign, *sign.lay):
            yield (index, "sign", weight, sign.sign, analyzer.phrase_terms(text))


def symptom_phrases(knowledge: SideEffects) -> set[str]:
    """Every name, synonym and sign of the knowledge (everyday words too), normalised."""
    return {
        normalize(text)
        for effect in knowledge.effects
        for text in (
            *name_parts(effect.name),
            *effect.synonyms,
            *(phrase for sign in effect.signs for phrase in (sign.sign, *sign.lay)),
        )
    }


def build_index(knowledge: SideEffects, medicine_names: Iterable[str] = ()) -> SearchIndex:
    """Precompute the search terms of every name, synonym and sign, and the medicine names."""
    tuning = knowledge.search
    analyzer = Analyzer(tuning)
    phrases = tuple(
        phrase
        for i, effect in enumerate(knowledge.effects)
        for phrase in _effect_phrases(i, effect, tuning, analyzer)
        if phrase[4]
    )
    postings: dict[str, list[int]] = {}
    for p, phrase in enumerate(phrases):
        for term in phrase[4]:
            postings.setdefault(term, []).append(p)
    symptoms = symptom_phrases(knowledge)
    names = {normalize(name) for name in medicine_names} - symptoms - {""}
    return _index(
        knowledge,
        analyzer,
        phrases,
        {term: tuple(ids) for term, ids in postings.items()},
        tuple(sorted(names)),
    )


def _index(
    knowledge: SideEffects,
    analyzer: Analyzer,
    phrases: tuple[Phrase, ...],
    postings: dict[str, tuple[int, ...]],
    medicine_names: tuple[str, ...],
) -> SearchIndex:
    """The index, with what follows from its phrases (built or loaded alike)."""
    lexicon: dict[str, tuple[str, ...]] = dict(analyzer.equivalents)
    lexicon.update({term: (term,) for term in postings})
    by_length: dict[int, list[str]] = {}
    for key in lexicon:
        by_length.setdefault(len(key), []).append(key)
    return SearchIndex(
        knowledge=knowledge,
        analyzer=analyzer,
        phrases=phrases,
        postings=postings,
        lexicon=lexicon,
        sorted_terms=tuple(sorted(postings)),
        keys_by_length={length: tuple(keys) for length, keys in by_length.items()},
        medicine_names=medicine_names,
    )


# ---------------------------------------------------------------- the compiled index


def index_tables(index: SearchIndex) -> dict[str, Any]:
    """What the compiled module holds of an index: tuples of literals, by ``TABLES`` name."""
    return {
        "EQUIVALENTS": tuple(index.analyzer.equivalents.items()),
        "PHRASES": index.phrases,
        "POSTINGS": tuple(index.postings.items()),
        "MEDICINE_NAMES": index.medicine_names,
    }


def index_from_tables(knowledge: SideEffects, tables: Mapping[str, Any]) -> SearchIndex:
    """The index ``index_tables`` describes, of ``knowledge`` (the knowledge it was built of)."""
    analyzer = Analyzer(knowledge.search, dict(tables["EQUIVALENTS"]))
    return _index(
        knowledge,
        analyzer,
        tables["PHRASES"],
        dict(tables["POSTINGS"]),
        tables["MEDICINE_NAMES"],
    )


def load_search_index(knowledge: SideEffects) -> SearchIndex:
    """The compiled index of the packaged files; ``knowledge`` is ``load_side_effects()``.

    The same as ``build_index(knowledge, load_medicines().every_name())`` (the tests and
    ``--check`` hold it so).
    """
    module = compiled_module(COMPILED)
    try:
        return index_from_tables(knowledge, vars(module))
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(
            f"the packaged side-effects search index is invalid: {exc}", REINSTALL
        ) from exc
