"""Finding interacting medicines in the profile's list of other medicines.

A knowledge name (generic, other spelling or brand) matches when its words appear, in
order and as whole words, in an entry, ignoring case, digits and punctuation:
"Allopurinol 100 mg" and "allopurinol100mg" match allopurinol, "Bactrim DS 800/160"
matches Bactrim DS, but "nystatin" never matches a name it merely ends like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from imuran_cli.knowledge.medicines import Medicine, MedicineGroup, Medicines

_WORD_RE = re.compile(r"[^\W\d_]+")

Words = tuple[str, ...]


def words(text: str) -> Words:
    """The words of ``text``, case-folded: ``"Bactrim-DS 800"`` -> ``("bactrim", "ds")``."""
    return tuple(_WORD_RE.findall(text.casefold()))


class MedicineMatch(NamedTuple):
    """One profile entry that names a medicine of an interacting group."""

    entry: str
    group: MedicineGroup
    medicine: Medicine
    name: str

    def display_name(self) -> str:
        """``Zyloprim (allopurinol)`` for a brand, ``Allopurinol`` for the generic."""
        if self.name in self.medicine.brands:
            return f"{self.name} ({self.medicine.generic})"
        return self.name[:1].upper() + self.name[1:]


class _Name(NamedTuple):
    words: Words
    group: MedicineGroup
    medicine: Medicine
    name: str


def _index(medicines: Medicines) -> dict[str, list[_Name]]:
    """Every knowledge name, by its first word."""
    index: dict[str, list[_Name]] = {}
    for group in medicines.groups:
        for medicine in group.medicines:
            for name in medicine.names():
                name_words = words(name)
                if name_words:
                    entry = _Name(name_words, group, medicine, name)
                    index.setdefault(name_words[0], []).append(entry)
    return index


def _contains(haystack: Words, start: int, needle: Words) -> bool:
    return haystack[start : start + len(needle)] == needle


def match_medicines(entries: Sequence[str], medicines: Medicines) -> list[MedicineMatch]:
    """The interacting groups each entry names: one match per entry and group.

    Entries keep their order; within an entry, groups follow the knowledge file. When
    several names of a group appear in one entry, the longest is reported.
    """
    if not entries:
        return []
    index = _index(medicines)
    group_order = {group.id: position for position, group in enumerate(medicines.groups)}
    matches: list[MedicineMatch] = []
    for entry in entries:
        entry_words = words(entry)
        best: dict[str, _Name] = {}
        for start, word in enumerate(entry_words):
            for candidate in index.get(word, []):
                if not _contains(entry_words, start, candidate.words):
                    continue
                current = best.get(candidate.group.id)
                if current is None or len(candidate.words) > len(current.words):
                    best[candidate.group.id] = candidate
        for found in sorted(best.values(), key=lambda item: group_order[item.group.id]):
            matches.append(MedicineMatch(entry, found.group, found.medicine, found.name))
    return matches
