"""Lines every human answer shares."""

from __future__ import annotations

from collections.abc import Iterable

NEUROLOGIST_FIRST = "Your neurologist's instructions come first."


def sources_line(source_ids: Iterable[str]) -> str:
    """``Sources: LEAFLET, CPIC-PAGE (imuran sources)``: ids resolvable with ``imuran sources``."""
    ids = list(dict.fromkeys(source_ids))
    return f"Sources: {', '.join(ids)} (see: imuran sources)"


def format_tablets(tablets: float) -> str:
    """``3.0`` -> ``3``, ``1.5`` -> ``1½``, ``0.5`` -> ``½``."""
    whole = int(tablets)
    half = abs(tablets - whole - 0.5) < 1e-9
    if half:
        return f"{whole}½" if whole else "½"
    return str(round(tablets))


def tablets_word(tablets: float) -> str:
    """``1 tablet``, ``1½ tablets``, ``½ tablet``."""
    return f"{format_tablets(tablets)} tablet{'' if tablets <= 1 else 's'}"
