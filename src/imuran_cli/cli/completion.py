"""Shell completion of option values and arguments (``imuran --install-completion``).

Each function returns the values that start with what was typed so far.
The values come from where the commands themselves take them (core and the knowledge
data), imported only when completion asks, so that no command pays for them at start-up.
"""

from collections.abc import Iterable

import typer

YES_NO = ("yes", "no")
WEIGHT_UNITS = ("kg", "lb")


def _starting(choices: Iterable[str], incomplete: str) -> list[str]:
    return [choice for choice in choices if choice.startswith(incomplete)]


def schedules(incomplete: str) -> list[str]:
    """``--schedule``: once or split."""
    from imuran_cli.core.profile import SCHEDULES

    return _starting(SCHEDULES, incomplete)


def dose_times(incomplete: str) -> list[str]:
    """``--dose`` of ``imuran missed``: morning or later."""
    from imuran_cli.core.doses import DOSE_ORDER

    return _starting(DOSE_ORDER, incomplete)


def when_words(incomplete: str) -> list[str]:
    """``--when`` of ``imuran missed``: today, this-morning, yesterday, last-night."""
    from imuran_cli.core.days import DAY_WORDS

    return _starting(tuple(DAY_WORDS), incomplete)


def genotypes(incomplete: str) -> list[str]:
    """``--tpmt`` and ``--nudt15``: the CPIC phenotype names."""
    from imuran_cli.core.profile import GENOTYPES

    return _starting(GENOTYPES, incomplete)


def yes_no(incomplete: str) -> list[str]:
    return _starting(YES_NO, incomplete)


def weight_units(incomplete: str) -> list[str]:
    return _starting(WEIGHT_UNITS, incomplete)


def tablet_strengths(incomplete: str) -> list[str]:
    """``--tablet-mg``: the strengths of the knowledge data."""
    from imuran_cli.knowledge.limits import load_limits

    return _starting([str(mg) for mg in load_limits().tablets.strengths_mg], incomplete)


def profile_keys(incomplete: str) -> list[str]:
    """The KEY of ``imuran profile set`` and ``unset``."""
    from imuran_cli.core.profile_edit import KEY_NAMES

    return _starting(KEY_NAMES, incomplete)


def profile_values(ctx: typer.Context, incomplete: str) -> list[str]:
    """The VALUE of ``imuran profile set KEY``, for the keys with a fixed set of values."""
    from imuran_cli.core.profile_edit import KEYS

    key = str(ctx.params.get("key") or "").strip().lower().replace("_", "-")
    spec = KEYS.get(key)
    if spec is None:
        return []
    if spec.choices:
        return _starting(spec.choices, incomplete)
    if spec.kind == "yes_no":
        return yes_no(incomplete)
    if spec.kind == "tablet":
        return tablet_strengths(incomplete)
    return []
