"""Weight-based dosing data (``dosing.toml``).

Issue 3 extends this file with the genotype and interaction rules. ``load_dosing().typical``
(``low_mg_per_kg``, ``high_mg_per_kg``, ``max_mg_per_kg``) is used by other commands.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from imuran_cli.knowledge._files import load_model


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypicalRange(_Frozen):
    """The usual daily dose for MG, in mg per kg of body weight, and the maximum."""

    low_mg_per_kg: float
    high_mg_per_kg: float
    max_mg_per_kg: float
    sources: list[str]


class Dosing(_Frozen):
    typical: TypicalRange


def load_dosing() -> Dosing:
    return load_model("dosing.toml", Dosing)
