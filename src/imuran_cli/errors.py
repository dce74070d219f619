"""The base of every error shown to the person, and the exit codes of DESIGN.md.

Shared by every package (core, knowledge, storage, render, cli) and importing none of
them, so that the layering holds: ``core`` defines the errors of its rules
(``core/errors.py``), ``knowledge`` the error of its packaged data
(``knowledge/errors.py``), and the CLI boundary turns any ``ImuranError`` into an
``error:``/``hint:`` pair (or the JSON error document) and its exit code.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class ImuranError(Exception):
    """Base of every error meant to be shown to the person using the tool.

    Each error carries a stable ``code`` (for ``--json`` and scripts), a one-line
    ``message`` naming the problem, an optional one-line ``hint`` naming the fix, and the
    ``exit_code``: 2 for bad input, 1 for an environment failure.
    """

    default_code = "error"
    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, hint: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code or self.default_code
