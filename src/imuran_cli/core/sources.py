"""Choosing sources by id, for ``imuran sources ID...``."""

from __future__ import annotations

from collections.abc import Sequence

from imuran_cli.core.errors import InputError
from imuran_cli.knowledge.sources import Source, Sources


def wanted_ids(texts: Sequence[str]) -> list[str]:
    """The ids typed: ``LEAFLET DM``, ``LEAFLET, DM`` or ``LEAFLET,DM`` (as copied from a
    sources line), each once, in the order given."""
    ids = [part.strip() for text in texts for part in text.split(",")]
    return list(dict.fromkeys(part for part in ids if part))


def pick_sources(sources: Sources, texts: Sequence[str]) -> list[Source]:
    """The sources named by ``texts`` (ids, any case); an unknown id lists the known ones."""
    by_id = {item.id.casefold(): item for item in sources.sources}
    known = "use one of: " + ", ".join(item.id for item in sources.sources)
    ids = wanted_ids(texts)
    if not ids:
        raise InputError("no source id was given", known, code="unknown_source")
    picked: list[Source] = []
    for wanted in ids:
        item = by_id.get(wanted.casefold())
        if item is None:
            raise InputError(
                f"there is no source with the id {wanted!r}",
                known,
                code="unknown_source",
            )
        if item not in picked:
            picked.append(item)
    return picked
