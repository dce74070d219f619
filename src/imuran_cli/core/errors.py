"""Errors the domain raises; the CLI boundary turns them into messages and exit codes.

Each error carries a stable ``code`` (for ``--json`` and scripts), a one-line ``message``
naming the problem, an optional one-line ``hint`` naming the fix, and the ``exit_code``
of DESIGN.md: 2 for bad input, 1 for an environment failure.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ENVIRONMENT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class ImuranError(Exception):
    """Base of every error meant to be shown to the person using the tool."""

    default_code = "error"
    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, hint: str | None = None, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code or self.default_code


class InputError(ImuranError):
    """A value the person typed is not acceptable (exit 2)."""

    default_code = "invalid_input"
    exit_code = EXIT_BAD_INPUT


class ProfileError(ImuranError):
    """The profile's content is invalid, corrupt or from a newer version (exit 2)."""

    default_code = "invalid_profile"
    exit_code = EXIT_BAD_INPUT


class JournalError(ImuranError):
    """The journal file is not a journal imuran can use: not a SQLite database, damaged,
    or written by a newer imuran (exit 2). The file is never changed."""

    default_code = "invalid_journal"
    exit_code = EXIT_BAD_INPUT


class EnvironmentFailure(ImuranError):
    """The machine failed us: unreadable or unwritable file, lock timeout (exit 1)."""

    default_code = "environment"
    exit_code = EXIT_ENVIRONMENT


class LockTimeout(EnvironmentFailure):
    """Another imuran process held the profile lock for too long (exit 1)."""

    default_code = "lock_timeout"


class KnowledgeError(EnvironmentFailure):
    """The packaged medical data is missing or invalid: an installation problem (exit 1)."""

    default_code = "knowledge_data"
