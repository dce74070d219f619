"""``python -m imuran_cli.knowledge --check``: validate every packaged knowledge file.

Exit 0 when every file is valid, 1 with one line per problem on stderr otherwise. CI runs
it against the installed wheel, so it also proves that the wheel holds every file.
"""

from __future__ import annotations

import argparse
import sys

from imuran_cli.knowledge._check import FILES, check_all


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m imuran_cli.knowledge",
        description="Validate the medical knowledge files shipped with imuran.",
    )
    parser.add_argument("--check", action="store_true", help="validate every knowledge file")
    args = parser.parse_args(argv)
    if not args.check:
        parser.print_usage(sys.stderr)
        return 2
    problems = check_all()
    for problem in problems:
        sys.stderr.write(f"error: {problem}\n")
    if problems:
        return 1
    sys.stdout.write(f"ok: {len(FILES)} knowledge files are valid\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
