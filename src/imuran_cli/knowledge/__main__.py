"""``python -m imuran_cli.knowledge``: validate and compile the packaged knowledge files.

``--check``: exit 0 when every file is valid and its compiled module agrees with it, 1 with
one line per problem on stderr otherwise. CI runs it against the installed wheel, so it
also proves that the wheel holds every file. ``--build``: write every compiled module
(``_compiled/<stem>.py``) from its TOML file, one line per file written; run it after
editing a TOML file (the tests fail until you do).
"""

from __future__ import annotations

import argparse
import sys

from imuran_cli.knowledge.errors import KnowledgeError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m imuran_cli.knowledge",
        description="Validate and compile the medical knowledge files shipped with imuran.",
    )
    parser.add_argument(
        "--build", action="store_true", help="write the compiled module of every knowledge file"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate every knowledge file and that its compiled module agrees with it",
    )
    args = parser.parse_args(argv)
    if not (args.build or args.check):
        parser.print_usage(sys.stderr)
        return 2
    if args.build:
        from imuran_cli.knowledge._build import build
        from imuran_cli.knowledge._check import FILES
        from imuran_cli.knowledge._files import DATA_DIR

        try:
            written = build(FILES, DATA_DIR)
        except KnowledgeError as exc:
            sys.stderr.write(f"error: {exc.message}\n")
            return 1
        for path in written:
            sys.stdout.write(f"wrote {path}\n")
    if args.check:
        return _check()
    return 0


def _check() -> int:
    from imuran_cli.knowledge._check import FILES, check_all

    problems = check_all()
    for problem in problems:
        sys.stderr.write(f"error: {problem}\n")
    if problems:
        return 1
    sys.stdout.write(f"ok: {len(FILES)} knowledge files are valid\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
