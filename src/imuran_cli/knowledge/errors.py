"""The error of the packaged knowledge data (knowledge imports nothing from core)."""

from __future__ import annotations

from imuran_cli.errors import EXIT_ENVIRONMENT, ImuranError


class KnowledgeError(ImuranError):
    """The packaged medical data is missing or invalid: an installation problem (exit 1)."""

    default_code = "knowledge_data"
    exit_code = EXIT_ENVIRONMENT
