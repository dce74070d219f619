"""The list of sources that every fact cites (``sources.toml``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from imuran_cli.knowledge._files import load_model


class Source(BaseModel):
    """One publication, page or document that the knowledge data cites."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    publisher: str
    year: int | None = None
    # The primary document's address; None when it has none (a printed leaflet).
    url: str | None = None
    # The copy the facts were read from, when not the primary document itself.
    read_via: str | None = None


class Sources(BaseModel):
    """Every source, in file order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[Source] = Field(min_length=1)

    def ids(self) -> set[str]:
        return {item.id for item in self.sources}


def load_sources() -> Sources:
    return load_model("sources.toml", Sources)
