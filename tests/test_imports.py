"""Start-up stays light: what each command imports, checked in a real subprocess.

Answers are plain text (``render.plain``) unless they print a table, so most never import
rich; ``--json`` runs never load the human views; ``--version`` is answered before typer is
imported; commands that do not touch the journal never load sqlite3 (even when a journal
exists), and reading commands on a missing journal do not load it either (nor create
anything); only ``labs chart`` loads plotext, and only ``calendar`` loads icalendar.
(The test process itself has everything imported, hence the subprocess.)
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from imuran_cli.storage.journal import writing

PROBE = """
import json, sys
setup = sys.argv[2]  # what a guard test sets up first
sys.argv = ["imuran", *json.loads(sys.argv[1])]
exec(setup)
from imuran_cli.__main__ import main
try:
    main()
except SystemExit:
    pass
models = []
if "pydantic" in sys.modules:
    from pydantic import BaseModel
    for name, module in list(sys.modules.items()):
        if name.startswith("imuran_cli."):
            models += [
                f"{name}.{attr}" for attr, value in vars(module).items()
                if isinstance(value, type) and issubclass(value, BaseModel)
                and value.__module__ == name
            ]
sys.__stderr__.write("\\nMODELS=" + json.dumps(sorted(models)) + "\\n")
profile = sys.modules.get("imuran_cli.core.profile")
validated = profile is not None and profile._validator is not None
sys.__stderr__.write("\\nPROFILE_VALIDATED=" + json.dumps(validated) + "\\n")
import gc
collector = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}
sys.__stderr__.write("\\nCOLLECTOR=" + json.dumps(collector) + "\\n")
loader = sys.modules.get("pydantic.plugin._loader")
scanned = loader is not None and loader._plugins is not None
sys.__stderr__.write("\\nPLUGINS_SCANNED=" + json.dumps(scanned) + "\\n")
sys.__stderr__.write("\\nMODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""

JSON_COMMANDS = [
    ["sources", "--json"],
    ["sources", "LEAFLET", "--json"],
    ["dose", "--weight", "70", "--json"],
    ["missed", "--when", "yesterday", "--json"],
    ["side-effects", "sore", "throat", "--json"],
    ["side-effects", "--json"],
    ["travel", "--abroad", "--days", "14", "--daily-mg", "150", "--json"],
    ["profile", "show", "--json"],
    ["profile", "path", "--json"],
    ["profile", "set", "weight", "70", "--json"],
    ["profile", "unset", "weight", "--json"],
    ["profile", "init", "--weight", "70", "--json"],
    ["check", "ciprofloxacin", "--json"],
    ["check", "Zostavax", "--json"],
    ["meds", "list", "--json"],
    ["meds", "add", "cipro", "--json"],
    ["meds", "remove", "cipro", "--json"],
    ["status", "--json"],
    ["pregnancy", "--json"],
]
HUMAN_COMMANDS = [[arg for arg in args if arg != "--json"] for args in JSON_COMMANDS] + [
    ["travel", "--days", "14", "--daily-mg", "150", "--format", "markdown"]
]

# Plain-text answers that print without rich.
PLAIN_COMMANDS = [["status"], ["pregnancy"], []]


# Commands of the journal, run with --json on a journal that exists.
JOURNAL_JSON_COMMANDS = [
    ["take", "--mg", "50", "--json"],
    ["skip", "--date", "yesterday", "--json"],
    ["undo", "--json"],
    ["history", "--json"],
    ["missed", "--json"],
    ["adl", "list", "--json"],
    ["stock", "--json"],
    ["stock", "add", "30", "--json"],
    ["labs", "add", "--wbc", "5", "--json"],
    ["labs", "list", "--json"],
    ["labs", "due", "--json"],
    ["labs", "chart", "wbc", "--json"],
    ["labs", "remove", "2026-11-20", "--json"],
    [
        "adl",
        "add",
        *(
            [
                "--talking",
                "1",
                "--chewing",
                "0",
                "--swallowing",
                "0",
                "--breathing",
                "0",
                "--hygiene",
                "1",
                "--chair",
                "1",
            ]
        ),
        *(["--double-vision", "2", "--eyelids", "2", "--json"]),
    ],
]
# Commands that read the journal, run when there is none.
READING_COMMANDS = [
    ["history", "--json"],
    ["missed", "--when", "yesterday", "--json"],
    ["adl", "list", "--json"],
    ["stock", "--json"],
    ["travel", "--days", "14", "--daily-mg", "150", "--json"],
    ["labs", "list", "--json"],
    ["labs", "due", "--json"],
    ["labs", "chart", "wbc", "--json"],
    ["labs", "chart", "wbc"],
]


@pytest.fixture
def existing_journal(journal_path: Path) -> Path:
    with writing(journal_path):
        pass
    return journal_path


_PROBED: dict[tuple[object, ...], str] = {}


def _file_state(variable: str) -> bytes | None:
    """The content of the file an ``IMURAN_*`` variable names, or None when it is missing."""
    try:
        return Path(os.environ[variable]).read_bytes()
    except (KeyError, OSError):
        return None


def probe(args: list[str]) -> str:
    """stderr of one real run of ``imuran ARGS``. A command line is run once for each state
    of the profile and journal files (what it imports depends on them, not on their paths)."""
    key = (tuple(args), _file_state("IMURAN_PROFILE"), _file_state("IMURAN_JOURNAL"))
    if key not in _PROBED:
        _PROBED[key] = _run_probe(args)
    return _PROBED[key]


def _run_probe(args: list[str], setup: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args), setup],
        capture_output=True,
        text=True,
        env=dict(os.environ),  # the autouse fixture points IMURAN_PROFILE at a temp file
        timeout=60,
        check=False,
    )
    assert "MODULES=" in result.stderr, result.stderr
    return result.stderr


def loaded_modules(args: list[str], *, fresh: bool = False) -> set[str]:
    """The modules a run of ``imuran ARGS`` loaded; ``fresh`` runs it again even when the
    same state was probed before (for a test that checks what the run leaves behind)."""
    text = _run_probe(args) if fresh else probe(args)
    return set(json.loads(text.rsplit("MODULES=", 1)[1]))


def pydantic_models(args: list[str]) -> set[str]:
    """The pydantic models of imuran's own modules that the run defined."""
    text = probe(args).rsplit("MODELS=", 1)[1].split("\n", 1)[0]
    return set(json.loads(text))


def ids(args: list[str]) -> str:
    return " ".join(args[:3])


@pytest.mark.parametrize("args", JSON_COMMANDS + HUMAN_COMMANDS, ids=ids)
def test_no_answer_imports_rich(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli" in modules  # the probe really ran imuran
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=ids)
def test_json_runs_never_load_a_human_view(args: list[str]):
    modules = loaded_modules(args)
    assert not {m for m in modules if m.startswith("imuran_cli.render.human")}
    assert "imuran_cli.render.json_out" in modules


# undo's JSON holds the sentence that describes the record, and history's JSON is written
# by its view's fast writer: both load their view.
VIEW_IN_JSON = ("undo", "history")


@pytest.mark.parametrize(
    "args", [args for args in JOURNAL_JSON_COMMANDS if args[0] not in VIEW_IN_JSON], ids=ids
)
def test_journal_json_runs_never_load_a_human_view(args: list[str], existing_journal):
    modules = loaded_modules(args)
    assert not {m for m in modules if m.startswith("imuran_cli.render.human")}
    assert "imuran_cli.render.json_out" in modules


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=ids)
def test_no_command_loads_sqlite(args: list[str]):
    assert "sqlite3" not in loaded_modules(args)


@pytest.mark.parametrize("args", PLAIN_COMMANDS, ids=lambda a: " ".join(a) or "(none)")
def test_plain_answers_import_neither_rich_nor_sqlite(args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert "sqlite3" not in modules


def _plotext(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "plotext" or m.startswith("plotext.")}


@pytest.mark.parametrize("args", JOURNAL_JSON_COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_journal_json_runs_do_not_load_plotext(args: list[str], existing_journal):
    assert not _plotext(loaded_modules(args))


@pytest.mark.parametrize("args", [*JSON_COMMANDS, ["profile", "show"], ["sources"]])
def test_no_other_command_loads_plotext(args: list[str]):
    assert not _plotext(loaded_modules(args))


def test_human_labs_answers_are_plain_text_without_rich_or_plotext():
    for args in (["labs", "list"], ["labs", "due"]):
        modules = loaded_modules(args)
        assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
        assert not _plotext(modules)


def test_the_chart_loads_plotext():
    """Guard against a plotext check that cannot fail: the chart itself does load it."""
    subprocess.run(
        [sys.executable, "-m", "imuran_cli", "labs", "add", "--wbc", "5"],
        env=dict(os.environ),
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert "plotext" in loaded_modules(["labs", "chart", "wbc"])


# missed (the already-taken check) and travel (the stock) read an existing journal.
# status reads the journal too, with a profile (tested below).
NOT_JOURNAL = [args for args in JSON_COMMANDS if args[0] not in ("missed", "travel", "status")]


@pytest.mark.parametrize("args", NOT_JOURNAL, ids=lambda a: " ".join(a[:2]))
def test_commands_that_do_not_touch_the_journal_never_load_sqlite(args, existing_journal):
    assert "sqlite3" not in loaded_modules(args)


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_reading_commands_on_a_missing_journal_load_no_sqlite(args, journal_path):
    assert "sqlite3" not in loaded_modules(args, fresh=True)
    assert not journal_path.parent.exists()


@pytest.mark.parametrize("args", JOURNAL_JSON_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_journal_json_runs_do_not_import_rich(args, existing_journal):
    modules = loaded_modules(args)
    assert "sqlite3" in modules  # the probe really used the journal
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


# ---------------------------------------------------------------- exports (issue 14)

EXPORT_PROFILE = """\
schema_version = 2
[prescription]
daily_mg = 150
schedule = "split"
started_on = 2026-03-01
"""
EXPORT_COMMANDS = [
    ["calendar"],
    ["card"],
    ["card", "--format", "html"],
    ["report"],
    ["report", "--format", "markdown"],
    ["report", "--format", "fhir"],
]


@pytest.fixture
def export_profile(isolated):
    isolated.parent.mkdir(parents=True, exist_ok=True)
    isolated.write_text(EXPORT_PROFILE, encoding="utf-8")
    return isolated


def _top(modules: set[str], name: str) -> set[str]:
    return {m for m in modules if m == name or m.startswith(name + ".")}


@pytest.mark.parametrize("args", EXPORT_COMMANDS, ids=" ".join)
def test_exports_load_neither_rich_nor_test_only_readers(export_profile, args: list[str]):
    modules = loaded_modules(args)
    assert "imuran_cli.cli" in modules
    assert not _top(modules, "rich")
    assert not _top(modules, "fhir") and not _top(modules, "recurring_ical_events")


@pytest.mark.parametrize("args", EXPORT_COMMANDS, ids=" ".join)
def test_only_calendar_loads_icalendar(export_profile, args: list[str]):
    modules = loaded_modules(args)
    assert bool(_top(modules, "icalendar")) == (args[0] == "calendar")


@pytest.mark.parametrize("args", [a for a in EXPORT_COMMANDS if a[0] != "calendar"], ids=" ".join)
def test_card_and_report_escape_html_without_the_html_module(export_profile, args: list[str]):
    """``html`` loads ``html.entities`` (7.5 M instructions); ``render.html_page.esc`` is
    ``html.escape`` written out."""
    assert not _top(loaded_modules(args), "html")


@pytest.mark.parametrize("fmt", ["html", "markdown", "fhir"])
def test_the_report_works_out_only_what_its_format_shows(export_profile, existing_journal, fmt):
    """FHIR has no timeline (``status``, ``labs due``) and no adherence by month
    (``history``); HTML and markdown have both."""
    modules = loaded_modules(["report", "--format", fmt])
    shown = {"imuran_cli.core.lab_due", "imuran_cli.core.history"} & modules
    assert shown == (
        set() if fmt == "fhir" else {"imuran_cli.core.lab_due", "imuran_cli.core.history"}
    )


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_answering_commands_do_not_load_icalendar(args: list[str]):
    assert not _top(loaded_modules(args), "icalendar")


@pytest.mark.parametrize("args", EXPORT_COMMANDS, ids=" ".join)
def test_exports_on_a_missing_journal_load_no_sqlite_and_create_nothing(
    export_profile, journal_path, args: list[str]
):
    assert "sqlite3" not in loaded_modules(args, fresh=True)
    assert not journal_path.parent.exists()


def test_labs_due_loads_only_the_due_rule(existing_journal):
    """`labs due` (and what is built on it) needs core.lab_due, not the flags and trends."""
    for args in (["labs", "due", "--json"], ["labs", "due"]):
        modules = loaded_modules(args)
        assert "imuran_cli.core.lab_due" in modules
        assert "imuran_cli.core.labs" not in modules


def test_check_of_a_medicine_reads_no_profile_and_builds_no_model():
    """A check is quick: the profile (pydantic models) is read only for a vaccine."""
    modules = loaded_modules(["check", "ciprofloxacin", "--json"])
    assert "imuran_cli.core.medicines" in modules  # the probe really checked
    assert not {"imuran_cli.core.profile", "imuran_cli.storage.profile_store"} & modules
    assert "imuran_cli.core.profile" in loaded_modules(["check", "Zostavax", "--json"])


def test_side_effects_search_loads_its_compiled_index_not_the_medicines():
    """A query is searched in the index compiled with the knowledge: the medicines file
    (for its names) is not read; without a query the index is not loaded either."""
    modules = loaded_modules(["side-effects", "sore", "throat", "--json"])
    assert "imuran_cli.knowledge._compiled.side_effects_index" in modules
    medicines = {"imuran_cli.knowledge.medicines", "imuran_cli.knowledge._compiled.medicines"}
    assert not medicines & modules
    listing = loaded_modules(["side-effects", "--json"])
    assert "imuran_cli.core.side_effects" in listing  # the probe really listed
    assert "imuran_cli.knowledge._compiled.side_effects_index" not in listing


# The knowledge is read from its compiled modules, never parsed with tomllib at run time;
# only the profile (a TOML file) needs it, so these commands, run without one, never load it.
NO_TOML = [["sources", "--json"], ["sources"], ["check", "ciprofloxacin", "--json"]]


@pytest.mark.parametrize("args", NO_TOML, ids=" ".join)
def test_knowledge_is_read_without_tomllib(args: list[str], profile_path: Path):
    assert not profile_path.exists()
    modules = loaded_modules(args)
    assert "imuran_cli.knowledge._files" in modules  # the probe really read knowledge
    assert "tomllib" not in modules


def test_the_probe_sees_tomllib():
    """Guard: a command that reads the profile does load tomllib."""
    assert "tomllib" in loaded_modules(["profile", "show", "--json"])


def test_human_check_prints_without_rich():
    modules = loaded_modules(["check", "ciprofloxacin", "Shingrix"])
    assert "imuran_cli.render.human.check" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


STATUS_PROFILE = """\
schema_version = 2
[prescription]
daily_mg = 150
started_on = 2026-03-01
"""


@pytest.mark.parametrize("args", [["status", "--json"], ["status"], []], ids=str)
def test_status_without_a_journal_loads_no_sqlite_and_creates_nothing(
    args, profile_path, journal_path
):
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(STATUS_PROFILE, encoding="utf-8")
    modules = loaded_modules(args, fresh=True)
    assert "imuran_cli.core.status" in modules  # the probe really ran status
    assert "sqlite3" not in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert not journal_path.parent.exists()


@pytest.mark.parametrize("args", [["status", "--json"], ["status"]], ids=str)
def test_status_reads_an_existing_journal_without_rich(args, profile_path, existing_journal):
    profile_path.parent.mkdir(parents=True, exist_ok=True)
    profile_path.write_text(STATUS_PROFILE, encoding="utf-8")
    modules = loaded_modules(args)
    assert "sqlite3" in modules
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}
    assert "plotext" not in modules


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_is_answered_before_typer_is_imported(flag: str):
    modules = loaded_modules([flag])
    assert "imuran_cli" in modules
    assert not {m for m in modules if m.split(".")[0] in {"typer", "click", "rich", "pydantic"}}
    assert "imuran_cli.cli" not in modules


def test_the_probe_sees_what_a_command_loads():
    """Guard against a probe that cannot fail: a human answer loads its view."""
    modules = loaded_modules(["sources"])
    assert {"imuran_cli.render.human.sources", "imuran_cli.render.plain"} <= modules


# pydantic validates the profile at run time (core/profile.py: a schema, not models);
# no command defines a pydantic model class, which is what costs start-up time.


def _line(text: str, name: str) -> str:
    return text.rsplit(f"{name}=", 1)[1].split("\n", 1)[0]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=ids)
def test_no_command_defines_a_pydantic_model(args: list[str], write_profile):
    write_profile(STATUS_PROFILE)
    assert pydantic_models(args) == set()


def test_the_probe_sees_pydantic_models():
    """Guard: the probe finds a model that an imuran module defines."""
    setup = (
        "import types, pydantic\n"
        "module = types.ModuleType('imuran_cli.guard')\n"
        "module.Guard = type('Guard', (pydantic.BaseModel,),"
        " {'__annotations__': {'x': int}, '__module__': 'imuran_cli.guard'})\n"
        "sys.modules['imuran_cli.guard'] = module\n"
    )
    text = _run_probe(["sources", "--json"], setup)
    assert json.loads(_line(text, "MODELS")) == ["imuran_cli.guard.Guard"]


def test_a_run_that_reads_the_profile_validates_it_with_pydantic(write_profile):
    write_profile(STATUS_PROFILE)
    assert _line(probe(["profile", "show", "--json"]), "PROFILE_VALIDATED") == "true"
    assert _line(probe(["sources", "--json"]), "PROFILE_VALIDATED") == "false"


def test_pydantic_plugins_are_off(write_profile):
    """No pydantic plugin may watch the profile being validated (and none is scanned for)."""
    write_profile(STATUS_PROFILE)
    text = probe(["profile", "show", "--json"])
    assert _line(text, "PROFILE_VALIDATED") == "true"
    assert "PLUGINS_SCANNED=false" in text


# The cycle collector: paused for start-up by __main__, resumed (start-up objects frozen)
# when the command starts its work.


@pytest.mark.parametrize("args", [["dose", "--weight", "70", "--json"], ["sources"]], ids=ids)
def test_a_command_works_with_the_collector_on_and_start_up_frozen(args: list[str]):
    collector = json.loads(_line(probe(args), "COLLECTOR"))
    assert collector["enabled"] is True
    assert collector["frozen"] > 10_000


def test_version_leaves_the_collector_alone():
    assert json.loads(_line(probe(["--version"]), "COLLECTOR")) == {"enabled": True, "frozen": 0}


def test_runs_in_process_leave_the_collector_alone(cli):
    """Tests (and anything else calling the Typer app) never get a paused collector or
    frozen objects."""
    assert cli("dose", "--weight", "70", "--json").exit_code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
