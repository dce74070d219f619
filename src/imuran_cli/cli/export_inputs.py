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
    from imuran_cli.core.card import CardMedicine
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
