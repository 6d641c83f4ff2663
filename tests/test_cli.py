"""The command line as a user meets it: bad input gets one clear line and a documented exit code."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import tomllib
import weakref
from importlib.metadata import version
from pathlib import Path

import pytest

from crawler.jobs import read_feeds
from crawler.report import build_report
from crawler.history.stage import spider_errors, spider_health, stage
from crawler.history.db import open_history
from tests.conftest import NEWER, ROOT, SITES
from tests.support.sitecopy import copy_data

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
    for command in (["report"], ["review"], ["publish"], ["renormalize"], ["prune"], ["renormalize", "--dry-run"]):
        assert_one_line_error(run(*command, "--data", str(tmp_path / "none")), 2, "no history at")
    assert not (tmp_path / "none").exists()


def test_bad_option_is_a_usage_error(tmp_path):
    result = run("refresh", "--frobnicate")
    assert result.returncode == 2 and "No such option" in result.stderr


@pytest.mark.parametrize("command", [[], ["refresh"], ["review"], ["review", "accept"], ["review", "reject"],
                                     ["publish"], ["report"], ["renormalize"], ["config"], ["prune"]])
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


# --- unexpected failures: one line, exit 3, the traceback in the data folder ---------------------

def assert_unexpected_error(result: subprocess.CompletedProcess, data: Path, contains: str) -> None:
    assert_one_line_error(result, 3, contains)
    assert f"traceback in {data / 'last-error.txt'}" in result.stderr
    assert "Traceback (most recent call last)" in (data / "last-error.txt").read_text()


def test_reports_folder_that_is_a_file_is_exit_3_not_degraded(tmp_path):
    (tmp_path / "reports").write_text("not a folder")
    result = run("refresh", "--replay", str(SITES / NEWER), "--data", str(tmp_path), "--spider", "arizona")
    assert_unexpected_error(result, tmp_path, "NotADirectoryError")


def test_published_file_that_is_a_folder_is_exit_3_not_degraded(tmp_path):
    (tmp_path / "programs.db").mkdir()
    result = run("refresh", "--replay", str(SITES / NEWER), "--data", str(tmp_path), "--spider", "arizona")
    assert_unexpected_error(result, tmp_path, str(tmp_path / "programs.db"))


# --- a shared published night of arizona, copied by the tests that change it ---------------------

@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """One published refresh of arizona, asked for twice on the command line."""
    data = tmp_path_factory.mktemp("night")
    result = run("refresh", "--replay", str(SITES / NEWER), "--data", str(data), "--spider", "arizona", "--spider", "arizona")
    assert result.returncode == 0, result.stderr
    return data, result


@pytest.fixture()
def data(night, tmp_path):
    return copy_data(night[0], tmp_path / "data")


def test_a_spider_named_twice_is_crawled_once(night):
    data, result = night
    assert "1 spider(s)" in result.stdout
    history = sqlite3.connect(data / "history.db")
    assert history.execute("SELECT spiders FROM crawls").fetchall() == [("arizona",)]


def test_report_defaults_to_the_latest_published_crawl(data):
    history = sqlite3.connect(data / "history.db")
    published = history.execute("SELECT crawl_id FROM crawls WHERE status = 'published'").fetchone()[0]
    with history:  # a later crawl that failed, as a refresh that broke leaves it
        history.execute("INSERT INTO crawls (crawl_id, source, started_at, observed_on, status, error) "
                        "VALUES ('29991231T000000Z-dead', 'live', '2999-12-31T00:00:00+00:00', '2999-12-31', 'failed', 'broken')")
    shown = run("report", "--data", str(data), "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["crawl_id"] == published
    assert "latest published" in run("report", "--help").stdout


def test_renormalize_exits_1_when_a_site_is_degraded_and_prints_recovery_notes(data):
    history = sqlite3.connect(data / "history.db")
    with history:
        history.execute("UPDATE pages SET outcome = 'timeout', error = 'read timed out' "
                        "WHERE rowid = (SELECT min(rowid) FROM pages WHERE outcome = 'ok')")
        history.execute("INSERT INTO crawls (crawl_id, source, started_at, observed_on, status) "
                        "VALUES ('29991231T000000Z-dead', 'live', '2999-12-31T00:00:00+00:00', '2999-12-31', 'running')")
    result = run("renormalize", "--data", str(data))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "arizona: degraded" in result.stdout
    assert "note: crawl 29991231T000000Z-dead was interrupted earlier" in result.stdout


def test_renormalize_exits_0_when_every_site_is_healthy(data):
    result = run("renormalize", "--data", str(data))
    assert result.returncode == 0, result.stdout + result.stderr


# --- feeds: only a cut-off last line is forgiven --------------------------------------------------

def feed_copy(night, tmp_path) -> tuple[Path, list[bytes]]:
    """A crawl folder holding a copy of the night's real arizona feed and summary."""
    crawl = next((night[0] / "crawls").iterdir())
    out = tmp_path / "crawl"
    out.mkdir()
    for name in ("items-arizona.jsonl", "summary-arizona.json"):
        (out / name).write_bytes((crawl / name).read_bytes())
    return out, (out / "items-arizona.jsonl").read_bytes().splitlines(keepends=True)


def test_a_feed_cut_off_in_its_last_line_is_read_up_to_it(night, tmp_path):
    out, lines = feed_copy(night, tmp_path)
    whole = read_feeds(out, ["arizona"])["arizona"]
    whole_items = len(whole.facts) + len(whole.pages) + len(whole.programs)  # feeds are read when asked for
    (out / "items-arizona.jsonl").write_bytes(b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])
    cut = read_feeds(out, ["arizona"])["arizona"]
    assert len(cut.facts) + len(cut.pages) + len(cut.programs) == whole_items - 1
    assert spider_health(cut) != "failed"


def test_a_crawl_folder_holds_no_spider_between_lookups(night, tmp_path):
    """Staging thousands of sites holds one at a time: the folder keeps each feed's check, not
    its items, and builds a spider anew each time it is asked for."""
    out, lines = feed_copy(night, tmp_path)
    crawl = read_feeds(out, ["arizona", "lsu"])
    assert list(crawl) == ["arizona", "lsu"] and crawl["lsu"].summary is None  # lsu left nothing
    first = crawl["arizona"]
    facts = len(first.facts)
    held = weakref.ref(first)
    del first
    gc.collect()
    assert held() is None
    again = crawl["arizona"]
    assert again.summary["finish_reason"] == "finished" and len(again.facts) == facts > 0


@pytest.mark.parametrize("summary", [b'{"finish_reason": "finis', b"[1, 2]", b"\xff\xfe not utf-8"])
def test_a_malformed_summary_fails_its_spider_with_the_reason(night, tmp_path, summary):
    """A summary copied half from a Scrapyd node, or not an object, fails that spider (its
    finish reason says why) instead of stopping the night."""
    out, _ = feed_copy(night, tmp_path)
    (out / "summary-arizona.json").write_bytes(summary)
    data = read_feeds(out, ["arizona"])["arizona"]
    assert spider_health(data) == "failed"
    assert data.summary["finish_reason"].startswith("malformed summary: summary-arizona.json")
    assert any("malformed summary" in error for error in spider_errors(data))


def test_a_malformed_line_inside_a_feed_fails_its_spider_with_the_reason_in_the_report(night, tmp_path):
    out, lines = feed_copy(night, tmp_path)
    middle = len(lines) // 2
    (out / "items-arizona.jsonl").write_bytes(b"".join(lines[:middle]) + b'{"type": "fact", "fie\n' + b"".join(lines[middle:]))
    found = read_feeds(out, ["arizona"])
    assert spider_health(found["arizona"]) == "failed"
    reason = f"malformed feed: items-arizona.jsonl line {middle + 1} is not JSON"
    assert any(reason in error for error in spider_errors(found["arizona"]))
    assert (out / "items-arizona.jsonl.malformed").is_file()  # set aside, kept for a look

    db = open_history(tmp_path / "history.db")
    db["crawls"].insert({"crawl_id": "c1", "source": "test", "started_at": "2026-11-01T00:00:00+00:00",
                         "observed_on": "2026-11-01", "status": "running"})
    stage(db, "c1", found)
    sites = {s["name"]: s for s in build_report(db, "c1")["spiders"]}
    assert sites["arizona"]["health"] == "failed"
    assert any(reason in error for error in sites["arizona"]["errors"])


# --- packaging --------------------------------------------------------------------------------------

def test_scrapy_range_is_the_one_whose_private_robots_hooks_we_override():
    # crawler/middlewares.py overrides RobotsTxtMiddleware._parse_robots / process_request_2,
    # private API verified on Scrapy 2.19 only.
    from packaging.requirements import Requirement
    from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    scrapy = next(Requirement(d) for d in project["dependencies"] if Requirement(d).name.lower() == "scrapy")
    assert not scrapy.specifier.contains("2.18.9") and not scrapy.specifier.contains("2.20.0")
    assert scrapy.specifier.contains(version("scrapy"))
    assert callable(RobotsTxtMiddleware._parse_robots) and callable(RobotsTxtMiddleware.process_request_2)


def test_publish_refuses_a_file_that_fails_its_checks_and_keeps_the_old_one(data):
    """A program whose institution is missing breaks a foreign key in the new file: publish
    refuses it (exit 3) and the published file stays byte for byte what it was."""
    before = (data / "programs.db").read_bytes()
    history = open_history(data / "history.db")
    history.execute("DELETE FROM institutions WHERE institution_id = 'arizona'")

    result = run("publish", "--data", str(data))

    assert_one_line_error(result, 3, "refusing to publish: integrity 'ok', journal 'delete', foreign keys")
    assert (data / "programs.db").read_bytes() == before
    assert not list(data.glob(".programs.db.tmp-*"))
