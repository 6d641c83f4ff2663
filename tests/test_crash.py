"""Crash safety (reliability rows C1-C3, P4): a refresh killed with SIGKILL anywhere loses nothing.

Every named point of `crawler.faults.POINTS` (the real `mlis-crawler refresh` command, killing
itself there through `MLIS_KILL_AT`), and seeded random moments of a running refresh (the
whole process group killed from outside, crawl child included). After each kill:

- the history database passes `PRAGMA integrity_check`;
- `programs.db` is byte-identical to the file before the killed run when the kill came before
  the rename, and is always a complete, valid rollback-journal file with no sidecar;
- no report claims a change that was not published (and the killed crawl has no report
  unless what it lists is already published; the next run writes the report of its failure);

and the next refresh completes, after which the reports and the published file equal an
uninterrupted run's, ignoring ids and timestamps, with no stale temporary file left.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from crawler.faults import POINTS
from crawler.history.policy import VALUE_KINDS
from tests.conftest import NEWER, OLDER, SITES
from tests.support.datadir import (
    CLI, KILLED, RUN_LIMIT_SECONDS, check_published_file, cli, crawls, integrity, published_content, report_dirs,
    ro, scrub, stale_temp_files,
)

SPIDER = "arizona"
RANDOM_KILLS = 8
SEED = 20261102

# How far a crawl got when killed at each point, and whether programs.db was already replaced.
STATUS_AT = {
    "crawl:before": "running",
    "stage:before_commit": "running",
    "reconcile:before_commit": "staged",
    "publish:built": "reconciled",
    "publish:before_replace": "reconciled",
    "publish:after_replace": "reconciled",
    "report:before_write": "reconciled",
    "report:after_write": "reconciled",
}
REPLACED = {"publish:after_replace", "report:before_write", "report:after_write"}


def refresh_args(data, snapshot=NEWER) -> list[str]:
    return ["refresh", "--replay", str(SITES / snapshot), "--data", str(data), "--spider", SPIDER]


def normalized_report(path) -> dict:
    return scrub(json.loads(path.read_text()))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The first night (the starting point of every kill), and an uninterrupted second night."""
    base = tmp_path_factory.mktemp("crash")
    template = base / "night1"
    assert cli(*refresh_args(template, OLDER)).returncode == 0
    reference = base / "reference"
    shutil.copytree(template, reference)
    started = time.monotonic()
    second = cli(*refresh_args(reference))
    duration = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    [second_id] = set(report_dirs(reference)) - set(report_dirs(template))
    # What a further, quiet, run of the same snapshot reports (the run after a resumed crawl).
    again = base / "reference-again"
    shutil.copytree(reference, again)
    assert cli(*refresh_args(again)).returncode == 0
    [third_id] = set(report_dirs(again)) - set(report_dirs(reference))
    return {
        "template": template,
        "content": published_content(reference / "programs.db"),
        "report": normalized_report(report_dirs(reference)[second_id]),
        "quiet_report": normalized_report(report_dirs(again)[third_id]),
        "duration": duration,
    }


def test_the_reference_second_night_publishes_changes(world):
    """Guards the comparisons below: the killed night is one that changes things."""
    assert world["report"]["counts"]["accepted"] > 0
    assert world["quiet_report"]["counts"]["accepted"] == 0
    assert world["content"] != published_content(world["template"] / "programs.db")


def before_state(data) -> dict:
    return {
        "programs": (data / "programs.db").read_bytes(),
        "crawls": crawls(data),
        "reports": set(report_dirs(data)),
    }


def check_after_kill(data, before, world) -> str | None:
    """The invariants right after a kill; returns the killed crawl's id (None if it never began)."""
    assert integrity(data / "history.db") == "ok"
    meta = check_published_file(data)
    if (data / "programs.db").read_bytes() != before["programs"]:
        # replaced: then it is the complete new file, nothing in between
        assert published_content(data / "programs.db") == world["content"]
    new = [c for c in crawls(data) if c not in before["crawls"]]
    assert len(new) <= 1
    killed = new[0] if new else None
    # No report claims a change that is not in the published file.
    conn = ro(data / "programs.db")
    published = {r[0] for r in conn.execute("SELECT change_id FROM changes")}
    conn.close()
    for crawl_id, path in report_dirs(data).items():
        claimed = {c["change_id"] for c in json.loads(path.read_text())["changes"]
                   if c["status"] == "accepted" and c["kind"] in VALUE_KINDS and not c["initial_load"]}
        assert claimed <= published, crawl_id
        if crawl_id == killed:
            assert meta["crawl_id"] == killed  # only a report written after its file was published
    return killed


def check_recovered(data, before, killed, world) -> None:
    """The next refresh completes; the outcome equals an uninterrupted run's."""
    killed_status = crawls(data).get(killed)
    result = cli(*refresh_args(data))
    assert result.returncode == 0, result.stderr
    statuses = crawls(data)
    new = [c for c in statuses if c not in before["crawls"]]
    assert all(statuses[c] in ("published", "failed") for c in new)
    if killed is not None and killed_status != "published":
        assert f"note: crawl {killed} was interrupted" in result.stdout
    reports = [normalized_report(report_dirs(data)[c]) for c in new if statuses[c] == "published"]
    if killed is not None and statuses[killed] == "published":
        # its changes were already accepted: it was finished and reported under its own id
        assert reports == [world["report"], world["quiet_report"]]
    else:
        assert reports == [world["report"]]
    # Every crawl has a report; a failed one's says so, and claims nothing.
    assert {c for c in new if (data / "reports" / c / "report.json").exists()} == set(new)
    for c in new:
        written = json.loads((data / "reports" / c / "report.json").read_text())
        assert written["failed"] == (statuses[c] == "failed") and written["published"] == (statuses[c] == "published")
        if statuses[c] == "failed":
            assert written["changes"] == [] and "nothing was published" in written["summary"]
    check_published_file(data)
    assert published_content(data / "programs.db") == world["content"]
    assert integrity(data / "history.db") == "ok"
    assert stale_temp_files(data) == []
    assert len(list((data / "previous").glob("programs-*.db"))) <= 3


def test_every_named_point_has_a_test():
    assert set(STATUS_AT) == set(POINTS)


@pytest.mark.parametrize("point", POINTS)
def test_killed_at_a_named_point(point, world, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(world["template"], data)
    before = before_state(data)

    killed_run = cli(*refresh_args(data), kill_at=point)

    assert killed_run.returncode == KILLED
    killed = check_after_kill(data, before, world)
    assert killed is not None and crawls(data)[killed] == STATUS_AT[point]
    if point in REPLACED:
        assert check_published_file(data)["crawl_id"] == killed
    else:
        assert (data / "programs.db").read_bytes() == before["programs"]
    if point != "report:after_write":
        assert killed not in report_dirs(data)
    check_recovered(data, before, killed, world)
    assert crawls(data)[killed] == ("failed" if STATUS_AT[point] in ("running", "staged") else "published")


@pytest.mark.slow
def test_killed_at_random_moments(world, tmp_path):
    """The whole process group (refresh and its crawl child) killed at seeded random moments,
    spread over the length of an uninterrupted run."""
    rng = random.Random(SEED)
    span = world["duration"]
    env = {k: v for k, v in os.environ.items() if k != "MLIS_KILL_AT"}
    outcomes = []
    for i in range(RANDOM_KILLS):
        delay = span * (i + rng.random()) / RANDOM_KILLS
        data = tmp_path / f"data-{i}"
        shutil.copytree(world["template"], data)
        before = before_state(data)
        process = subprocess.Popen([str(CLI), *refresh_args(data)], env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # it ended in between
        returncode = process.wait(timeout=RUN_LIMIT_SECONDS)
        outcomes.append(returncode)
        if returncode == 0:  # it finished first: nothing to check beyond a normal night
            continue
        assert returncode == KILLED
        killed = check_after_kill(data, before, world)
        check_recovered(data, before, killed, world)
    assert KILLED in outcomes


def test_a_second_refresh_on_the_same_data_folder_exits_3_before_touching_anything(world, tmp_path):
    """P4: two refreshes at once. The first is paused while it holds the folder (after it
    printed its crawl id, in its crawl step); the second must refuse, change nothing, exit 3."""
    data = tmp_path / "data"
    shutil.copytree(world["template"], data)
    env = {**{k: v for k, v in os.environ.items() if k != "MLIS_KILL_AT"}, "PYTHONUNBUFFERED": "1"}
    first = subprocess.Popen([str(CLI), *refresh_args(data)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    try:
        line = first.stdout.readline()
        assert line.startswith("crawl "), line
        first.send_signal(signal.SIGSTOP)
        def untouched(p):  # the paused run's crawl child may still write under crawls/<its id>/;
            return p.is_file() and p.name != ".lock" and first_crawl not in p.parents  # .lock is the lock

        first_crawl = data / "crawls" / line.split()[1].rstrip(":")
        held = crawls(data)  # (reading a WAL database touches its -shm: read before the snapshot)
        files = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in data.rglob("*") if untouched(p)}

        second = cli(*refresh_args(data))

        assert second.returncode == 3
        assert second.stdout == ""
        assert second.stderr == f"mlis-crawler: error: another mlis-crawler process is working on {data}\n"
        assert files == {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in data.rglob("*") if untouched(p)}
        assert crawls(data) == held
    finally:
        first.send_signal(signal.SIGCONT)
        out, err = first.communicate(timeout=RUN_LIMIT_SECONDS)
    assert first.returncode == 0, err
    check_published_file(data)
    assert published_content(data / "programs.db") == world["content"]


def test_publish_after_a_refresh_killed_past_reconcile_reports_that_crawl(world, tmp_path):
    """A maintainer's `publish` settles the interrupted crawl first: its changes are published
    under its own id, with its own report, not folded silently into another crawl's file."""
    data = tmp_path / "data"
    shutil.copytree(world["template"], data)
    assert cli(*refresh_args(data), kill_at="publish:built").returncode == KILLED
    [killed] = [c for c, status in crawls(data).items() if status == "reconciled"]

    result = cli("publish", "--data", str(data))

    assert result.returncode == 0, result.stderr
    assert f"note: crawl {killed} was interrupted after its changes were accepted" in result.stdout
    assert crawls(data)[killed] == "published"
    assert check_published_file(data)["crawl_id"] == killed
    assert normalized_report(report_dirs(data)[killed]) == world["report"]
    assert published_content(data / "programs.db") == world["content"]
