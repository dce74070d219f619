"""What the exports read from the other commands: their result objects, adapted.

Each function calls the command's own core function (``check``, ``labs``, ``status``,
the journal's readers) and hands its result to the exports as it is, or mapped field by
field onto the small input types of ``core/card.py`` and ``core/report.py``. No rule is
re-implemented here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imuran_cli.cli.runtime import Runtime
    from imuran_cli.core.calendar import BloodTestDue
    from imuran_cli.core.card import CardMedicine
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.profile import Profile


def medicine_checks(rt: Runtime, profile: Profile | None) -> dict[str, CardMedicine]:
    """What ``imuran check`` says of each medicine of the profile."""
    if profile is None or not profile.medications:
        return {}
    from imuran_cli.core.card import from_check
    from imuran_cli.core.medicines import LiveVaccineDates, MedicineIndex, check_medicine
    from imuran_cli.knowledge.medicines import load_medicines

    medicines = load_medicines()
    index = MedicineIndex(medicines)
    dates = LiveVaccineDates(stopped_on=profile.prescription.stopped_on, today=rt.today)
    checks: dict[str, CardMedicine] = {}
    for name in profile.medications:
        checks[name] = from_check(name, check_medicine(name, medicines, index, dates))
    return checks


def lab_tests(rt: Runtime) -> tuple[LabTest, ...]:
    """Every blood test of the journal (``labs``' storage), oldest first; none without one.

    Without a journal file nothing is opened, and sqlite3 is not imported.
    """
    if not rt.journal_path.exists():
        return ()
    from imuran_cli.storage.journal import reading
    from imuran_cli.storage.labs import read_tests

    with reading(rt.journal_path) as journal:
        return tuple(read_tests(journal))


def blood_test_due(
    rt: Runtime, profile: Profile | None, tests: tuple[LabTest, ...]
) -> BloodTestDue | None:
    """The answer of ``imuran labs due``, for the calendar: None when no test is due
    (none recorded yet, or the treatment stopped)."""
    if profile is None:
        return None
    from imuran_cli.core.calendar import BloodTestDue
    from imuran_cli.core.labs import next_test_due
    from imuran_cli.knowledge.labs import load_labs

    last = max((test.date for test in tests), default=None)
    due = next_test_due(profile, last, rt.today, load_labs())
    if due.due_from is None or due.due_by is None:
        return None
    if due.status not in ("not-due", "due", "overdue"):
        return None
    return BloodTestDue(due.due_from, due.due_by, overdue=due.status == "overdue")
