"""`imuran card`: the wallet card, as plain data (``render/card.py`` prints it).

What the leaflet asks a person to carry: that they have MG and take azathioprine, at what
dose, their other medicines, and for whoever treats them in an emergency the medicines to
ask about, the signs of an MG crisis, and the line for anaesthetists. Every sentence comes
from ``exports.toml`` with its source; the dose, the results and the contacts from the
profile.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING

from imuran_cli.core.errors import InputError
from imuran_cli.core.profile import Genotype, Profile
from imuran_cli.core.regimen import profile_step_mg, split_doses, usual_daily_mg
from imuran_cli.core.units import format_number
from imuran_cli.knowledge.exports import CardTexts
from imuran_cli.knowledge.limits import Limits
from imuran_cli.record import Record

if TYPE_CHECKING:
    from imuran_cli.core.medicines import MedicineCheck

_UNKNOWN: Genotype = "unknown"


class Finding(Record):
    """What ``imuran check`` says about one medicine (the card shows the most severe)."""

    kind: str
    group: str
    severity: str
    message: str
    source: str


class CardMedicine(Record):
    """A medicine of the profile, as the person wrote it, with what ``check`` says of it.

    ``known`` is None when it was not checked; ``note`` is what ``check`` says when it has
    no finding (an unknown name, or nothing listed).
    """

    name: str
    findings: tuple[Finding, ...]
    known: bool | None = None
    note: str | None = None


class Line(Record):
    """A sentence of the card and its sources."""

    text: str
    sources: tuple[str, ...]


class Card(Record):
    """Everything the card shows, front (the person) and back (for who treats them)."""

    name: str | None
    mg: Line
    azathioprine: Line
    daily_mg: float | None
    tpmt: str | None
    nudt15: str | None
    medicines: tuple[CardMedicine, ...]
    tell: Line
    crisis: Line
    worsen_mg: Line
    worsen_mg_classes: tuple[str, ...]
    live_vaccines: Line
    anaesthesia: Line
    neurologist: str | None
    neurologist_phone: str | None
    emergency_contact: str | None
    sources: tuple[str, ...]


def dose_text(profile: Profile, limits: Limits, max_mg_per_kg: float) -> tuple[str, float | None]:
    """``150 mg a day (75 mg at 08:00, 75 mg at 20:00)``, and the daily mg (None if unknown)."""
    daily = usual_daily_mg(profile, limits, max_mg_per_kg)
    if daily is None:
        return "", None
    parts = split_doses(
        daily, profile.prescription.schedule, profile_step_mg(profile, limits), limits
    )
    times = ", ".join(
        f"{format_number(part.mg)} mg at {profile.dose_times.time_of(part.time).strftime('%H:%M')}"
        if len(parts) > 1
        else f"at {profile.dose_times.time_of(part.time).strftime('%H:%M')}"
        for part in parts
    )
    return f"{format_number(daily)} mg a day ({times})", daily


def from_check(name: str, check: "MedicineCheck") -> CardMedicine:
    """A medicine of the profile with the answer of ``imuran check`` for it."""
    return CardMedicine(
        name=name,
        findings=tuple(
            Finding(f.kind, f.group, f.severity, f.message, f.source) for f in check.findings
        ),
        known=check.known,
        note=check.note,
    )


def checked_medicines(
    profile: Profile, checks: Mapping[str, CardMedicine] | None
) -> tuple[CardMedicine, ...]:
    """The profile's medicines in order, each with its check (unchecked when none is given)."""
    found = checks or {}
    return tuple(found.get(name, CardMedicine(name, ())) for name in profile.medications)


def _genotype(value: Genotype) -> str | None:
    return None if value == _UNKNOWN else value.replace("-", " ")


def build_card(
    *,
    profile: Profile | None,
    limits: Limits,
    max_mg_per_kg: float,
    texts: CardTexts,
    checks: Mapping[str, CardMedicine] | None = None,
) -> Card:
    """The card for ``profile``; ``checks`` holds what ``check`` says of each of its medicines."""
    if profile is None:
        raise InputError(
            "there is no profile, so the card would not know your dose",
            "create one: imuran profile init",
            code="no_profile",
        )
    prescription = profile.prescription
    if prescription.stopped_on is not None:
        azathioprine = Line(
            texts.stopped.text.format(date=prescription.stopped_on.isoformat()),
            (texts.stopped.source,),
        )
        daily = None
    else:
        dose, daily = dose_text(profile, limits, max_mg_per_kg)
        azathioprine = Line(
            texts.azathioprine.text.format(dose=dose or texts.no_dose.text),
            (texts.azathioprine.source,),
        )
    lines = {
        "mg": Line(texts.mg.text, (texts.mg.source,)),
        "tell": Line(texts.tell.text, (texts.tell.source,)),
        "crisis": Line(texts.crisis.text, texts.crisis.sources),
        "worsen_mg": Line(texts.worsen_mg.text, texts.worsen_mg.sources),
        "live_vaccines": Line(texts.live_vaccines.text, texts.live_vaccines.sources),
        "anaesthesia": Line(texts.anaesthesia.text, texts.anaesthesia.sources),
    }
    medicines = checked_medicines(profile, checks)
    sources = [
        source for line in (lines["mg"], azathioprine, *lines.values()) for source in line.sources
    ]
    sources += [f.source for medicine in medicines for f in medicine.findings]
    contacts = profile.contacts
    return Card(
        name=profile.person.name,
        mg=lines["mg"],
        azathioprine=azathioprine,
        daily_mg=daily,
        tpmt=_genotype(profile.genetics.tpmt),
        nudt15=_genotype(profile.genetics.nudt15),
        medicines=medicines,
        tell=lines["tell"],
        crisis=lines["crisis"],
        worsen_mg=lines["worsen_mg"],
        worsen_mg_classes=texts.worsen_mg.classes,
        live_vaccines=lines["live_vaccines"],
        anaesthesia=lines["anaesthesia"],
        neurologist=contacts.neurologist,
        neurologist_phone=contacts.neurologist_phone,
        emergency_contact=contacts.emergency_contact,
        sources=tuple(dict.fromkeys(sources)),
    )
