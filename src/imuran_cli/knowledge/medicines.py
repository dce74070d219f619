"""Medicines and vaccines that matter with azathioprine or in MG, by group, with all their names.

``medicines.toml`` holds every group of the reference's Part A (interactions with
azathioprine, live vaccines included) and Part B (medicines that can worsen MG), each
with its kind, severity, the strength of the warning in the source's terms, its message
and its sources. It is read on every ``imuran dose`` and ``imuran check`` run, so it is
built into records (by hand, see ``medicines_from``), never pydantic models; the
test suite validates the file with pydantic.
"""

# No `from __future__ import annotations`, as in the other knowledge modules: real
# annotations let `build` (used by the tests on this file) resolve the field types.

from typing import Any, Literal

from imuran_cli.knowledge._files import read_data
from imuran_cli.record import Record

Severity = Literal["info", "caution", "urgent"]
# What a finding is about: an interaction with azathioprine, a medicine that can worsen
# MG, a live vaccine (or one that may be live), or a vaccine known not to be live.
Kind = Literal["interaction", "mg-caution", "live-vaccine", "non-live-vaccine"]
# The strength of the warning, in the source's terms; tests map each to a severity.
Strength = Literal[
    "boxed-warning",
    "contraindicated",
    "avoid",
    "not-advised",
    "reduce-dose",
    "use-with-caution",
    "monitor",
    "reported",
    "possible",
    "ask-which-kind",
    "not-live",
]
# Eye and ear forms, which some groups warn about less strongly.
Route = Literal["eye", "ear"]
Part = Literal["A", "B"]


class Medicine(Record):
    """One medicine (or vaccine): its generic name, other spellings and brand names."""

    generic: str
    other_names: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    # Brands that are eye or ear forms: the group's ``local`` warning applies to them.
    local_brands: tuple[str, ...] = ()
    # Every form of it is an eye or ear form (e.g. besifloxacin).
    local_only: bool = False
    # A message of its own instead of the group's, and sources added to the group's.
    message: str | None = None
    sources: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every name a person may write for it, generic first."""
        return (self.generic, *self.other_names, *self.brands, *self.local_brands)


class LocalForms(Record):
    """A milder warning for the eye and ear forms of a group's medicines."""

    routes: tuple[Route, ...]
    severity: Severity
    strength: Strength
    message: str
    sources: tuple[str, ...]


class MedicineGroup(Record):
    """A class of medicines (a row of the reference) and the warning it gives."""

    id: str
    part: Part
    row: str
    kind: Kind
    title: str
    severity: Severity
    strength: Strength
    message: str
    sources: tuple[str, ...]
    # The stable warning code in ``imuran dose`` (dosing.toml keys dose effects by it).
    code: str = "interaction"
    # The medicines, one a line ("generic = other, other : Brand, Brand"); after loading,
    # ``medicines`` holds them, followed by those written as tables.
    names: str = ""
    medicines: tuple[Medicine, ...] = ()
    # The same medicines as another group (Part A row 8 = Part B row 14).
    medicines_of: str | None = None
    local: LocalForms | None = None


class Statement(Record):
    message: str
    sources: tuple[str, ...]


class LiveVaccineWindow(Record):
    """How long after stopping azathioprine live vaccines stay ruled out, and the words."""

    months_after_stopping: int
    # ``{window}`` of a live-vaccine message: while taking it, or until a date.
    taking: str
    stopped: str
    # The whole message once the window has passed.
    ended: str
    sources: tuple[str, ...]


class Medicines(Record):
    """Every group, in file order (Part A, then Part B), and the texts around them."""

    groups: tuple[MedicineGroup, ...]
    # Names imuran knows but has no warning for (they only look like one that has):
    # each has a message saying what it is.
    known: tuple[Medicine, ...]
    live_vaccines: LiveVaccineWindow
    unknown: Statement
    nothing_listed: Statement

    def group(self, group_id: str) -> MedicineGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def every_name(self) -> list[str]:
        """Every name of every group's medicines, then of those known without a warning."""
        return [
            name
            for entry in (*(m for group in self.groups for m in group.medicines), *self.known)
            for name in entry.names()
        ]

    def members(self, group: MedicineGroup) -> tuple[Medicine, ...]:
        """The group's medicines, or those of the group it shares them with."""
        if group.medicines_of is not None:
            return self.group(group.medicines_of).medicines
        return group.medicines


def parse_names(text: str) -> tuple[Medicine, ...]:
    """The medicines of a ``names`` block: ``generic = other, other : Brand, Brand``.

    A line starting with whitespace continues the line above; ``#`` lines are comments.
    """
    lines: list[str] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if raw[:1].isspace() and lines:
            lines[-1] = f"{lines[-1]} {stripped}"
        else:
            lines.append(stripped)
    medicines: list[Medicine] = []
    for line in lines:
        head, _, brands = line.partition(":")
        generic, _, others = head.partition("=")
        medicines.append(
            Medicine(generic=generic.strip(), other_names=_split(others), brands=_split(brands))
        )
    return tuple(medicines)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def load_medicines() -> Medicines:
    """The medicine knowledge, with each group's ``names`` parsed into its medicines."""
    return medicines_from(read_data("medicines.toml"))


def medicines_from(data: dict[str, Any]) -> Medicines:
    """Build ``Medicines`` from the parsed file.

    Equivalent to ``build(Medicines, data)`` followed by parsing the ``names`` blocks (a
    test holds them equal), but written out by hand: this file is read on every ``dose``
    and ``check`` run, and the generic builder, which converts every field by its type,
    takes about half as long again (1.6 ms against 1.1 on Python 3.11).
    """
    groups = []
    for raw in data["groups"]:
        fields = _tuples(raw)
        tables = tuple(Medicine(**_tuples(item)) for item in raw.get("medicines", ()))
        fields["medicines"] = parse_names(raw.get("names", "")) + tables
        if "local" in raw:
            fields["local"] = LocalForms(**_tuples(raw["local"]))
        groups.append(MedicineGroup(**fields))
    return Medicines(
        groups=tuple(groups),
        known=tuple(Medicine(**_tuples(item)) for item in data["known"]),
        live_vaccines=LiveVaccineWindow(**_tuples(data["live_vaccines"])),
        unknown=Statement(**_tuples(data["unknown"])),
        nothing_listed=Statement(**_tuples(data["nothing_listed"])),
    )


def _tuples(table: dict[str, Any]) -> dict[str, Any]:
    """The table's values, lists as tuples (the records' sequence fields are tuples)."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in table.items()}
