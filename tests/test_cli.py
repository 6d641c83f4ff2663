"""The command line as a user meets it: bad input gets one clear line and a documented exit code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import NEWER, ROOT, SITES

CLI = str(Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "mlis-crawler")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


def assert_one_line_error(result: subprocess.CompletedProcess, code: int, contains: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mlis-crawler: error: "), result.stderr
    assert contains in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_replay_folder(tmp_path):
    assert_one_line_error(run("refresh", "--replay", str(tmp_path / "nope"), "--data", str(tmp_path / "d")), 2, "replay folder not found")


def test_unknown_spider(tmp_path):
    assert_one_line_error(run("refresh", "--spider", "harvard", "--data", str(tmp_path / "d")), 2, "unknown spider harvard")


def test_data_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert_one_line_error(run("refresh", "--replay", str(SITES / NEWER), "--data", str(blocker / "data")), 2, "cannot create the data folder")


def test_corrupt_history_database(tmp_path):
    (tmp_path / "history.db").write_bytes(b"this is not SQLite" * 300)
    result = run("refresh", "--replay", str(SITES / NEWER), "--data", str(tmp_path), "--spider", "arizona")
    assert_one_line_error(result, 2, "is not a usable history database")
    assert (tmp_path / "history.db").read_bytes() == b"this is not SQLite" * 300  # left as found
    assert not (tmp_path / "programs.db").exists()


def test_reading_commands_need_a_history_and_create_nothing(tmp_path):
    for command in (["report"], ["review"], ["publish"], ["renormalize"]):
        assert_one_line_error(run(*command, "--data", str(tmp_path / "none")), 2, "no history at")
    assert not (tmp_path / "none").exists()


def test_bad_option_is_a_usage_error(tmp_path):
    result = run("refresh", "--frobnicate")
    assert result.returncode == 2 and "No such option" in result.stderr


@pytest.mark.parametrize("command", [[], ["refresh"], ["review"], ["review", "accept"], ["review", "reject"],
                                     ["publish"], ["report"], ["renormalize"]])
def test_every_command_explains_every_option(command):
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Usage: mlis-crawler" in result.stdout
    for line in result.stdout.splitlines():
        if line.strip().startswith("--"):
            option, _, description = line.strip().partition("  ")
            assert description.strip(), f"{' '.join(command)} {option} has no description"


def test_refresh_prints_summary_and_paths(tmp_path):
    result = run("refresh", "--replay", str(SITES / NEWER), "--data", str(tmp_path), "--spider", "arizona")
    assert result.returncode == 0, result.stderr
    assert f"mlis-crawler refresh {NEWER}: 0 changes published; 9 programs seen for the first time" in result.stdout
    assert f"Published database: {tmp_path / 'programs.db'}" in result.stdout
    report_line = next(line for line in result.stdout.splitlines() if line.startswith("Change report:"))
    assert Path(report_line.split()[2]).is_file()
    shown = run("report", "--data", str(tmp_path), "--format", "json")
    assert shown.returncode == 0 and '"summary"' in shown.stdout
