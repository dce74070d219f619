"""Where the profile lives.

Precedence, first match wins:

1. ``--profile PATH`` (a global option, before the subcommand);
2. the ``IMURAN_PROFILE`` environment variable;
3. ``platformdirs.user_config_path("imuran") / "profile.toml"``
   (``~/.config/imuran/profile.toml`` on Linux).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

PROFILE_ENV = "IMURAN_PROFILE"
PROFILE_NAME = "profile.toml"


def default_profile_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("imuran", appauthor=False) / PROFILE_NAME


def resolve_profile_path(flag: Path | None, environ: Mapping[str, str]) -> Path:
    """Return the profile path in use, by the precedence above, as an absolute path.

    A symlink is not resolved here: the path named is the one shown to the person.
    """
    if flag is not None:
        chosen = flag
    else:
        from_env = environ.get(PROFILE_ENV, "").strip()
        chosen = Path(from_env) if from_env else default_profile_path()
    chosen = chosen.expanduser()
    try:
        return chosen.absolute()
    except OSError:  # the working folder was deleted: keep the relative path
        return chosen


def lock_path(profile: Path) -> Path:
    """``<profile name>.lock`` beside the profile."""
    return profile.with_name(profile.name + ".lock")
