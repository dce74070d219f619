"""`imuran calendar` end to end: the file, --output, --months, errors, and the golden file."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.conftest import run_subprocess
from tests.golden.golden import PROFILE, check_golden, normalise_uids, seed_journal


def test_golden_calendar(cli, write_profile):
    write_profile(PROFILE)
    seed_journal(cli)
    result = cli("calendar")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    check_golden("calendar.ics", normalise_uids(result.stdout.encode("utf-8")))


def test_output_writes_a_private_file_atomically(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    target = tmp_path / "imuran.ics"
    target.write_text("old")
    result = cli("calendar", "--months", "1", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote the calendar to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    parsed = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(list(parsed.walk("VEVENT"))) == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".imuran-tmp")] == []


def test_same_profile_same_uids_across_runs(cli, write_profile):
    write_profile(PROFILE)
    first = cli("calendar").stdout
    second = cli("calendar", "--months", "12", env={"IMURAN_NOW": "2027-01-10T09:00:00+00:00"})
    uids = [line for line in first.splitlines() if line.startswith("UID:")]
    assert uids == [line for line in second.stdout.splitlines() if line.startswith("UID:")]
    assert len(uids) == 2


@pytest.mark.parametrize(
    ("args", "profile", "message"),
    [
        (["--months", "0"], PROFILE, "--months 0 is outside 1 to 24"),
        (["--months", "25"], PROFILE, "--months 25 is outside 1 to 24"),
        ([], None, "there is no profile"),
        ([], "schema_version = 2\n[prescription]\nschedule = 'split'\n", "no daily dose"),
    ],
)
def test_bad_input_is_exit_2_with_error_and_hint(cli, write_profile, args, profile, message):
    if profile is not None:
        write_profile(profile)
    result = cli("calendar", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: ") and message in result.stderr
    assert any(line.startswith("hint: ") for line in lines)


def test_output_into_a_missing_folder_is_refused(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    result = cli("calendar", "--output", str(tmp_path / "nowhere" / "x.ics"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()


def test_output_to_a_folder_is_refused(cli, write_profile, tmp_path: Path):
    write_profile(PROFILE)
    result = cli("calendar", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder" in result.stderr


def test_real_process_writes_crlf_ical_without_traceback(write_profile):
    write_profile(PROFILE)
    result = run_subprocess("calendar")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("BEGIN:VCALENDAR")


def test_the_next_blood_test_comes_from_labs_due(cli, write_profile):
    write_profile(PROFILE)
    seed_journal(cli)
    data = cli("calendar").stdout.encode("utf-8")
    events: list[Any] = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    test = events[-1]
    assert str(test["SUMMARY"]) == "Blood test due (azathioprine)"
    # labs due: the last test 2026-10-14 + 4 to 6 weeks (the leaflet's rule)
    assert test["DTSTART"].dt.isoformat() == "2026-11-11"
    assert test["DTEND"].dt.isoformat() == "2026-11-26"


def test_no_blood_test_event_without_a_recorded_test(cli, write_profile):
    write_profile(PROFILE)
    data = cli("calendar").stdout.encode("utf-8")
    assert len(list(icalendar.Calendar.from_ical(data).walk("VEVENT"))) == 2
