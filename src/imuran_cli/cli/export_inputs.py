"""What the exports read from the other commands: their result objects, adapted.

Each function calls the command's own core function (``check``, ``labs``, ``status``,
the journal's readers) and hands its result to the exports as it is, or mapped field by
field onto the small input types of ``core/card.py`` and ``core/report.py``. No rule is
re-implemented here.
"""

import datetime as dt
from typing import TYPE_CHECKING

from imuran_cli.cli.export_output import max_mg_per_kg_for

if TYPE_CHECKING:
    from imuran_cli.cli.runtime import Runtime
    from imuran_cli.core.adl import AdlScore
    from imuran_cli.core.calendar import BloodTestDue
    from imuran_cli.core.card import CardMedicine
    from imuran_cli.core.labs import LabTest
    from imuran_cli.core.profile import Profile
    from imuran_cli.core.report import DoseTaken, MonthAdherence
    from imuran_cli.knowledge.adl import AdlScale
    from imuran_cli.storage.journal import Journal


def medicine_checks(rt: "Runtime", profile: "Profile | None") -> "dict[str, CardMedicine]":
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


def lab_tests(journal: "Journal | None") -> "tuple[LabTest, ...]":
    """Every blood test of the journal (``labs``' storage), oldest first; none without one."""
    if journal is None:
        return ()
    from imuran_cli.storage.labs import read_tests

    return tuple(read_tests(journal))


def last_lab_test(rt: "Runtime") -> dt.date | None:
    """The day of the journal's latest blood test (what ``labs due`` reads)."""
    if not rt.journal_path.exists():
        return None
    from imuran_cli.storage.journal import reading
    from imuran_cli.storage.labs import last_test_date

    with reading(rt.journal_path) as journal:
        return last_test_date(journal)


def blood_test_due(
    rt: "Runtime", profile: "Profile | None", last: dt.date | None
) -> "BloodTestDue | None":
    """The answer of ``imuran labs due``, for the calendar: None when no test is due
    (none recorded yet, or the treatment stopped)."""
    if profile is None:
        return None
    from imuran_cli.core.calendar import BloodTestDue
    from imuran_cli.core.lab_due import next_test_due
    from imuran_cli.knowledge.labs import load_labs

    due = next_test_due(profile, last, rt.today, load_labs())
    if due.due_from is None or due.due_by is None:
        return None
    if due.status not in ("not-due", "due", "overdue"):
        return None
    return BloodTestDue(due.due_from, due.due_by, overdue=due.status == "overdue")


def adherence_by_month(
    journal: "Journal | None", rt: "Runtime", profile: "Profile", since: dt.date
) -> "tuple[tuple[MonthAdherence, ...], dt.date | None]":
    """Adherence by month (``history``'s own count for each month of the period), and the
    day counting starts: the first dose the journal holds, or ``since`` when later (the
    days before a person began to record are not "missed"); None without a dose."""
    if journal is None:
        return (), None
    from imuran_cli.core.doses import regimen_of
    from imuran_cli.core.history import build_history
    from imuran_cli.core.report import MonthAdherence, month_windows
    from imuran_cli.knowledge.journal import load_journal_rules
    from imuran_cli.storage.dose_rows import dose_statuses, first_dose_day

    first_record = first_dose_day(journal, rt.today)
    if first_record is None:
        return (), None
    start = max(since, first_record)
    statuses = dose_statuses(journal, start, rt.today)
    regimen = regimen_of(profile, rt.limits(), max_mg_per_kg_for(profile))
    decimals = load_journal_rules().history.percent_decimals
    months = []
    for first, last in month_windows(start, rt.today):
        counted = build_history(statuses, first, last, regimen, rt.today, decimals).adherence
        months.append(
            MonthAdherence(
                month=first.strftime("%Y-%m"),
                first_day=first,
                last_day=last,
                expected=counted.expected,
                taken=counted.taken,
                skipped=counted.skipped,
                missing=counted.missing,
                percent=counted.percent,
            )
        )
    return tuple(months), start


def doses_taken(
    journal: "Journal | None", since: dt.date, today: dt.date
) -> "tuple[DoseTaken, ...]":
    """Every dose the journal records as taken from ``since`` to ``today``, by day."""
    if journal is None:
        return ()
    from imuran_cli.core.report import DoseTaken
    from imuran_cli.storage.dose_rows import taken_doses

    return tuple(DoseTaken(*dose) for dose in taken_doses(journal, since, today))


def adl_data(journal: "Journal | None") -> "tuple[tuple[AdlScore, ...], AdlScale | None]":
    """Every MG-ADL score of the journal and the scale (``adl list``'s); none without one."""
    if journal is None:
        return (), None
    from imuran_cli.knowledge.adl import load_adl
    from imuran_cli.storage.adl_rows import adl_scores

    return tuple(adl_scores(journal)), load_adl()
