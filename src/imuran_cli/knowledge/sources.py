"""The list of sources that every fact cites (``sources.toml``)."""

# No `from __future__ import annotations`: real annotations let `build` resolve the field
# types without compiling strings, which saves start-up time.

from collections.abc import Iterator

from imuran_cli.knowledge._files import load_record
from imuran_cli.record import Record

FILE = "sources.toml"


class Source(Record):
    """One publication, page or document that the knowledge data cites."""

    id: str
    title: str
    publisher: str
    year: int | None = None
    # The primary document's address; None when it has none (a printed leaflet).
    url: str | None = None
    # The copy the facts were read from, when not the primary document itself.
    read_via: str | None = None


class Sources(Record):
    """Every source, in file order (also the answer of ``imuran sources``)."""

    sources: tuple[Source, ...]

    def ids(self) -> set[str]:
        return {item.id for item in self.sources}


def load_sources() -> Sources:
    return load_record(FILE, Sources)


def problems(sources: Sources) -> Iterator[str]:
    """What the types cannot say: at least one source, unique ids, full entries, addresses."""
    if not sources.sources:
        yield "there is no source"
    ids = [item.id for item in sources.sources]
    duplicates = sorted({source_id for source_id in ids if ids.count(source_id) > 1})
    if duplicates:
        yield f"duplicate source ids: {', '.join(duplicates)}"
    for item in sources.sources:
        if not item.id.strip() or not item.title.strip() or not item.publisher.strip():
            yield f"source {item.id!r}: id, title and publisher must not be empty"
        for address in (item.url, item.read_via):
            if address is not None and not address.startswith(("http://", "https://")):
                yield f"source {item.id}: {address!r} is not a web address"
