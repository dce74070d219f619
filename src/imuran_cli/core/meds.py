"""`imuran meds`: the profile's list of other medicines, and the results of its commands.

Pure: the current list is an argument, the new list the result. Kept apart from
``core.medicines`` so that ``imuran check`` does not build these result types.
"""

from collections.abc import Sequence

from imuran_cli.core.errors import InputError
from imuran_cli.core.medicines import MedicineCheck
from imuran_cli.record import Record


def _entry_key(entry: str) -> str:
    return " ".join(entry.split()).casefold()


def add_entries(
    current: Sequence[str], names: Sequence[str]
) -> tuple[list[str], list[str], list[str]]:
    """The list with ``names`` added as typed: (new list, added, already listed).

    A name already listed (ignoring case and spacing) is not added twice.
    """
    entries = list(current)
    keys = {_entry_key(entry) for entry in entries}
    added: list[str] = []
    already: list[str] = []
    for name in names:
        key = _entry_key(name)
        if key in keys:
            already.append(name)
            continue
        keys.add(key)
        entries.append(name)
        added.append(name)
    return entries, added, already


def remove_entry(current: Sequence[str], name: str) -> tuple[list[str], str]:
    """The list without the entry ``name`` names (ignoring case and spacing), and that entry.

    No such entry is an InputError that lists the entries there are.
    """
    key = _entry_key(name)
    for position, entry in enumerate(current):
        if _entry_key(entry) == key:
            return [*current[:position], *current[position + 1 :]], entry
    if not current:
        raise InputError(
            f"{name!r} is not in your medicines: the list is empty",
            "see imuran meds list; add one with imuran meds add NAME",
            code="medicine_not_listed",
        )
    listed = ", ".join(repr(entry) for entry in current)
    raise InputError(
        f"{name!r} is not in your medicines, which are: {listed}",
        f'remove one as it is written, e.g. imuran meds remove "{current[0]}"',
        code="medicine_not_listed",
    )


class MedsAdded(Record):
    """``imuran meds add``: the check of each name, and the list after adding them."""

    medicines: tuple[MedicineCheck, ...]
    sources: tuple[str, ...]
    added: tuple[str, ...]
    already_listed: tuple[str, ...]
    medications: tuple[str, ...]
    path: str
    created: bool
    # An older profile was upgraded on saving; the old file is kept here.
    backup: str | None = None


class MedsRemoved(Record):
    """``imuran meds remove``: the entry removed and the list after."""

    removed: str
    medications: tuple[str, ...]
    path: str
    backup: str | None = None


class MedsList(Record):
    """``imuran meds list``: each entry of the profile with its findings."""

    medicines: tuple[MedicineCheck, ...]
    sources: tuple[str, ...]
    path: str
