"""The profile's medicine list: adding and removing entries."""

from __future__ import annotations

import pytest

from imuran_cli.core.errors import InputError
from imuran_cli.core.meds import add_entries, remove_entry


def test_add_entries_keeps_the_name_as_typed_and_never_twice():
    entries, added, already = add_entries(["Lipitor 20 mg"], ["lipitor  20 MG", "Cipro 500mg"])
    assert entries == ["Lipitor 20 mg", "Cipro 500mg"]
    assert (added, already) == (["Cipro 500mg"], ["lipitor  20 MG"])


def test_remove_entry_ignores_case_and_spacing():
    assert remove_entry(["Lipitor 20 mg", "Cipro"], " lipitor 20  MG ") == (
        ["Cipro"],
        "Lipitor 20 mg",
    )


def test_remove_entry_names_the_entries_when_nothing_matches():
    with pytest.raises(InputError) as caught:
        remove_entry(["Lipitor 20 mg", "Cipro"], "Lipitor")
    assert caught.value.code == "medicine_not_listed"
    assert "'Lipitor 20 mg', 'Cipro'" in caught.value.message
    with pytest.raises(InputError, match="the list is empty"):
        remove_entry([], "Lipitor")
