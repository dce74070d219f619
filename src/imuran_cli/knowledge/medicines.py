"""Medicines that interact with azathioprine, by group, with all their names."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from imuran_cli.knowledge._files import load_model

Severity = Literal["info", "caution", "urgent"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Medicine(_Frozen):
    """One medicine: its generic name, other spellings and brand names."""

    generic: str = Field(min_length=1)
    other_names: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)

    def names(self) -> list[str]:
        """Every name a person may write for it, generic first."""
        return [self.generic, *self.other_names, *self.brands]


class MedicineGroup(_Frozen):
    """A class of interacting medicines and the warning it gives."""

    id: str
    title: str
    code: str
    severity: Severity
    message: str
    sources: list[str] = Field(min_length=1)
    medicines: list[Medicine] = Field(min_length=1)

    @model_validator(mode="after")
    def _message_names_the_medicine(self) -> MedicineGroup:
        if "{name}" not in self.message:
            raise ValueError(f"group {self.id}: message must contain {{name}}")
        return self


class Medicines(_Frozen):
    """Every group of interacting medicines, in file order."""

    groups: list[MedicineGroup] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Medicines:
        ids = [group.id for group in self.groups]
        if len(ids) != len(set(ids)):
            raise ValueError("group ids must be unique")
        return self


def load_medicines() -> Medicines:
    return load_model("medicines.toml", Medicines)
