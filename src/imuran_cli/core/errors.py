"""Errors the domain raises; the CLI boundary turns them into messages and exit codes.

The base class and the exit codes live in ``imuran_cli.errors`` (shared with knowledge,
which may not import core); they are re-exported here, as is ``KnowledgeError``, so that
``core.errors`` names every error a command can end with.
"""

from __future__ import annotations

from imuran_cli.errors import (
    EXIT_BAD_INPUT,
    EXIT_ENVIRONMENT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ImuranError,
)
from imuran_cli.knowledge.errors import KnowledgeError

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_ENVIRONMENT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EnvironmentFailure",
    "ImuranError",
    "InputError",
    "KnowledgeError",
    "LockTimeout",
    "ProfileError",
]


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
