"""Where the profile and the journal live.

The profile, first match wins:

1. ``--profile PATH`` (a global option, before the subcommand);
2. the ``IMURAN_PROFILE`` environment variable;
3. ``platformdirs.user_config_path("imuran") / "profile.toml"``
   (``~/.config/imuran/profile.toml`` on Linux).

The journal (doses, MG-ADL scores, stock, blood tests), first match wins:

1. ``--journal PATH`` (a global option, before the subcommand);
2. the ``IMURAN_JOURNAL`` environment variable;
3. ``platformdirs.user_data_path("imuran") / "journal.sqlite3"``
   (``~/.local/share/imuran/journal.sqlite3`` on Linux).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

PROFILE_ENV = "IMURAN_PROFILE"
PROFILE_NAME = "profile.toml"
JOURNAL_ENV = "IMURAN_JOURNAL"
JOURNAL_NAME = "journal.sqlite3"


def default_profile_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("imuran", appauthor=False) / PROFILE_NAME


def default_journal_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("imuran", appauthor=False) / JOURNAL_NAME


def resolve_profile_path(flag: Path | None, environ: Mapping[str, str]) -> Path:
    """Return the profile path in use, by the precedence above, as an absolute path.

    A symlink is not resolved here: the path named is the one shown to the person.
    """
    from_env = environ.get(PROFILE_ENV, "").strip()
    return _chosen(flag, from_env, default_profile_path)


def resolve_journal_path(flag: Path | None, environ: Mapping[str, str]) -> Path:
    """Return the journal path in use, by the precedence above, as an absolute path."""
    from_env = environ.get(JOURNAL_ENV, "").strip()
    return _chosen(flag, from_env, default_journal_path)


def _chosen(flag: Path | None, from_env: str, default: Callable[[], Path]) -> Path:
    if flag is None:
        flag = Path(from_env) if from_env else default()
    chosen = flag.expanduser()
    try:
        return chosen.absolute()
    except OSError:  # the working folder was deleted: keep the relative path
        return chosen


def lock_path(profile: Path) -> Path:
    """``<profile name>.lock`` beside the profile."""
    return profile.with_name(profile.name + ".lock")
