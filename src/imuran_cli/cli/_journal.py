"""What the journal commands share: the journal (read or written), the regimen from the
profile, and plain-text output.

A reading command on a missing journal gets None without importing ``sqlite3`` (and
creates nothing); ``storage.journal`` is imported only when there is a file to open.
"""

import contextlib
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

from imuran_cli.cli.runtime import Runtime

if TYPE_CHECKING:
    from imuran_cli.core.doses import Regimen
    from imuran_cli.core.profile import Profile
    from imuran_cli.storage.journal import Journal


@contextlib.contextmanager
def reading_journal(rt: Runtime) -> "Iterator[Journal | None]":
    """The journal to read, or None when there is no journal file."""
    path = rt.journal_path
    if not path.exists():
        yield None
        return
    from imuran_cli.storage.journal import reading

    with reading(path) as journal:
        yield journal


@contextlib.contextmanager
def writing_journal(rt: Runtime) -> "Iterator[Journal]":
    """The journal to write, created (0600, folders 0700) when missing."""
    from imuran_cli.storage.journal import writing

    with writing(rt.journal_path) as journal:
        yield journal


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block that makes many short-lived objects
    (ten years of history): the collector's passes over every object imported so far
    would otherwise cost a quarter of the time. Nothing here makes cycles."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_regimen(rt: Runtime) -> "tuple[Profile | None, Regimen]":
    """The profile and the doses of a day it prescribes."""
    from imuran_cli.core.doses import regimen_of

    profile = rt.load_profile()
    max_mg_per_kg = math.inf  # the mg/kg maximum matters only for a dose from a target
    if profile is not None and profile.prescription.daily_mg is None:
        from imuran_cli.knowledge.dosing import load_dosing

        max_mg_per_kg = load_dosing().typical.max_mg_per_kg
    return profile, regimen_of(profile, rt.limits(), max_mg_per_kg)
