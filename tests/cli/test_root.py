"""The root command: help, version, usage errors and the clock override."""

from __future__ import annotations

import typer

from imuran_cli import __version__


def test_no_arguments_without_a_profile_welcomes_and_exits_0(cli):
    # `imuran` alone shows the status when a profile exists (tests/cli/test_status.py).
    result = cli()
    assert result.exit_code == 0
    assert "imuran profile init" in result.stdout
    assert "imuran --help" in result.stdout


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"imuran {__version__}\n"


def test_help_fits_60_columns(cli):
    for args in [(), ("--help",), ("profile", "--help")]:
        result = cli(*args) if args else cli()
        assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_unknown_option_is_a_one_line_usage_error(cli):
    result = cli("sources", "--bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: No such option: --bogus",
        "hint: see imuran sources --help",
    ]


def test_unknown_option_in_json_mode_is_a_json_error(cli):
    result = cli("sources", "--json", "--bogus")
    assert result.exit_code == 2
    assert result.json() == {
        "error": {
            "code": "usage",
            "message": "No such option: --bogus",
            "hint": "see imuran sources --help",
        }
    }
    assert result.stderr == ""


def test_invalid_imuran_now_is_exit_2(cli):
    result = cli("sources", env={"IMURAN_NOW": "next tuesday"})
    assert result.exit_code == 2
    assert result.stderr.startswith("error: IMURAN_NOW='next tuesday' is not an ISO 8601")
    assert "hint:" in result.stderr


def command_summaries(text: str) -> dict[str, str]:
    """The ``name  summary`` rows under ``Commands:`` in a help text."""
    rows = text.split("Commands:\n", 1)[1].splitlines()
    return dict(row.strip().split(None, 1) for row in rows if row.strip())


def test_every_command_summary_fits_whole_in_60_columns(cli):
    groups = ["profile", "labs", "adl", "meds", "stock"]
    for args in [("--help",), *((group, "--help") for group in groups)]:
        result = cli(*args)
        summaries = command_summaries(result.stdout)
        assert summaries, result.stdout
        for name, summary in summaries.items():
            assert summary.endswith(".") and "..." not in summary, (name, summary)
    root = command_summaries(cli("--help").stdout)
    assert set(root) >= {"dose", "missed", "side-effects", "travel", "sources", "profile"}
    assert set(root) >= {"status", "take", "history", "labs", "check", "card", "report"}
    assert root["dose"] == "Your daily dose in mg and tablets."


def _all_command_paths() -> list[tuple[str, ...]]:
    from imuran_cli.cli import COMMANDS, _build_command

    paths: list[tuple[str, ...]] = []
    for name, spec in COMMANDS.items():
        command = _build_command(name, spec)
        paths.append((name,))
        if hasattr(command, "list_commands"):  # a group: its subcommands are built on demand
            paths.extend((name, sub) for sub in command.list_commands(typer.Context(command)))
    return paths


def test_help_examples_keep_one_command_a_line_at_60_columns(cli):
    """click rewraps a paragraph unless it starts with \\b: two example commands must not
    run together into one wrapped line."""
    checked = 0
    for path in _all_command_paths():
        text = cli(*path, "--help").stdout
        if "Example:" not in text:
            continue
        example = text.split("Example:", 1)[1].split("\n\n", 2)[1]
        for line in example.splitlines():
            assert line.strip().count("imuran ") <= 1, (path, line)
            checked += 1
    assert checked > 20


def test_a_mistyped_command_suggests_the_one_meant(cli):
    # Commands are built lazily, so the suggestion comes from every name, not only from
    # those built so far.
    result = cli("dse")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: No such command 'dse'. Did you mean 'dose'?",
        "hint: see imuran --help",
    ]
    result = cli("labs", "lst")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "error: No such command 'lst'. Did you mean 'list'?"
    result = cli("xyzzy")
    assert result.stderr.splitlines()[0] == "error: No such command 'xyzzy'."


def test_a_group_builds_only_the_subcommand_it_runs():
    from imuran_cli.cli import COMMANDS, LazyGroup, _build_command, app

    ctx = typer.Context(typer.main.get_command(app))
    for name, spec in COMMANDS.items():
        group = _build_command(name, spec)
        if spec.attribute.endswith("_app"):  # a sub-app: labs, stock, profile, ...
            assert isinstance(group, LazyGroup), name
            assert group.commands == {}, name
    labs = _build_command("labs", COMMANDS["labs"])
    assert labs.get_command(ctx, "list").name == "list"
    assert list(labs.commands) == ["list"]
    # The help lists every subcommand, in the order they were written.
    assert labs.list_commands(ctx) == ["add", "remove", "list", "chart", "due"]
