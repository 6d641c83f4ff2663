"""Every night on record (issue 11), each point made to happen through the real CLI:

- a night killed at several points: `crawls`, `report` and `report --crawl` tell the truth
  before and after the next run settles it;
- `report --crawl X --format json` keeps its changes and summary across later decisions, which
  appear in a section of their own (who, when, why) and in the next night's report;
- a revert and a rollback survive the next night (the same reading is not accepted again);
- `review accept 113 113` decides once and says what happened;
- `history` shows a program's values over time with evidence, crawl and decision.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import QUIET, SITES
from tests.support.datadir import CLI, KILLED, cli as run_cli
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night, published, report

SPIDER = "arizona"
MA = "arizona/ma-lis"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"


def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    return run_cli(*args, "--data", str(data))


def tuition_snapshot(tmp_path: Path, date: str, per_unit: str) -> Path:
    snapshot = copy_snapshot(QUIET, tmp_path / f"sites-{date}", date)
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", f"{per_unit} per unit")
    return snapshot


def tuition_night(data: Path, tmp_path: Path, date: str, per_unit: str):
    return night(data, tuition_snapshot(tmp_path, date, per_unit), [SPIDER])


def online_rate(data: Path, program_id: str = MA) -> float:
    conn = published(data)
    try:
        return conn.execute("SELECT amount_cents / 100.0 FROM tuition_rates WHERE per = 'credit' AND program_id = ?",
                            [program_id]).fetchone()[0]
    finally:
        conn.close()


def crawls_json(data: Path) -> dict[str, dict]:
    shown = cli("crawls", "--format", "json", data=data)
    assert shown.returncode == 0, shown.stderr
    return {c["crawl_id"]: c for c in json.loads(shown.stdout)}


def report_json(data: Path, crawl_id: str) -> dict:
    shown = cli("report", "--crawl", crawl_id, "--format", "json", data=data)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("on-record") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


def first_crawl(data: Path) -> str:
    return sqlite3.connect(data / "history.db").execute("SELECT crawl_id FROM crawls ORDER BY rowid LIMIT 1").fetchone()[0]


# -- failed nights ------------------------------------------------------------------------------

@pytest.mark.parametrize("point, settled", [
    ("crawl:before", "failed"), ("stage:before_commit", "failed"), ("reconcile:before_commit", "failed"),
    ("publish:built", "published"),
])
def test_a_killed_night_is_reported_as_failed(point, settled, data, tmp_path):
    good = first_crawl(data)
    snapshot = tuition_snapshot(tmp_path, "2026-11-03", "$950")
    killed_run = run_cli("refresh", "--replay", str(snapshot), "--data", str(data), "--spider", SPIDER, kill_at=point)
    assert killed_run.returncode == KILLED
    [killed] = [c for c in crawls_json(data) if c != good]

    # Before anything settles it: the truth, read-only.
    listed = crawls_json(data)[killed]
    assert listed["status"] == "interrupted" and listed["published"] is False and listed["finished_at"] is None
    assert "no process is running it" in listed["note"]
    default = cli("report", "--format", "json", data=data)
    assert default.returncode == 0
    assert json.loads(default.stdout)["crawl_id"] == good
    assert f"warning: a later crawl did not publish: {killed}" in default.stderr
    shown = report_json(data, killed)
    assert shown["failed"] is True and shown["published"] is False and shown["changes"] == []
    assert shown["summary"].startswith("the crawl of 2026-11-03 failed: interrupted")
    assert f"nothing was published; the last good publish is {good}" in shown["summary"]
    md = cli("report", "--crawl", killed, data=data).stdout
    assert "did not finish" in md and "finished 20" not in md
    html = cli("report", "--crawl", killed, "--format", "html", data=data).stdout
    assert "<b>did not finish</b>" in html and "finished 20" not in html

    # The next run settles it: failed with a report of its own (or, past reconcile, published).
    again = run_cli("refresh", "--replay", str(snapshot), "--data", str(data), "--spider", SPIDER)
    assert again.returncode == 0, again.stderr
    listed = crawls_json(data)[killed]
    assert listed["status"] == settled
    written = json.loads((data / "reports" / killed / "report.json").read_text())
    if settled == "failed":
        assert written["failed"] is True
        assert written["summary"] == (f"the crawl of 2026-11-03 failed: interrupted before it finished (the process was "
                                      f"killed or crashed); nothing was published; the last good publish is {good} "
                                      f"(pages as of {QUIET})")
        assert report_json(data, killed)["summary"] == written["summary"]
        assert listed["note"].startswith("interrupted before it finished")
    else:
        assert written["failed"] is False and written["counts"]["accepted"] > 0
    assert online_rate(data) == 950.0


# -- reports keep their word ----------------------------------------------------------------------

def test_a_report_keeps_its_word_and_later_decisions_are_on_record(data, tmp_path):
    held_night = tuition_night(data, tmp_path, "2026-11-03", "$1,200")  # +33%: held for every program
    crawl = held_night.crawl_id
    before = report_json(data, crawl)
    ids = {c["program_id"]: c["change_id"] for c in before["changes"]}
    assert {c["status"] for c in before["changes"]} == {"pending"} and before["decisions_after"] == []
    other = next(p for p in sorted(ids) if p != MA)

    accepted = cli("review", "accept", str(ids[MA]), "--by", "alice", "--reason", "bursar confirms", data=data)
    assert accepted.returncode == 0, accepted.stderr
    rejected = cli("review", "reject", str(ids[other]), "--by", "bob", "--reason", "typo on the page", data=data)
    assert rejected.returncode == 0, rejected.stderr
    no_reason = cli("review", "reject", str(ids[other]), data=data)
    assert no_reason.returncode == 2 and "needs --reason" in no_reason.stderr

    after = report_json(data, crawl)
    for key in ("changes", "summary", "counts", "still_pending", "spiders", "finished_at"):
        assert after[key] == before[key], key
    assert after == json.loads((data / "reports" / crawl / "report.json").read_text()) | {
        "decisions_after": after["decisions_after"]}
    decided = [(d["change_id"], d["action"], d["decided_by"], d["reason"]) for d in after["decisions_after"]]
    assert decided == [(ids[MA], "accept", "alice", "bursar confirms"), (ids[other], "reject", "bob", "typo on the page")]
    md = cli("report", "--crawl", crawl, data=data).stdout
    assert "## Decisions made after this report" in md
    assert f"change \\#{ids[MA]} ({MA} Tuition, crawl {crawl}) accepted by alice — why: bursar confirms" in md
    html = cli("report", "--crawl", crawl, "--format", "html", data=data).stdout
    assert 'id="decisions-after"' in html and "rejected by bob" in html and "typo on the page" in html
    assert "Rejected again" not in md  # a first rejection is a decision, never "rejected again"

    # The next night's report lists them as decisions since the last report.
    quiet = tuition_night(data, tmp_path, "2026-11-04", "$1,200")
    listed = [(d["change_id"], d["action"]) for d in report(quiet)["decisions"]]
    assert listed == [(ids[MA], "accept"), (ids[other], "reject")]
    assert "## Decisions since the last report" in (quiet.report_dir / "report.md").read_text()
    assert report_json(data, crawl)["changes"] == before["changes"]


def test_duplicate_ids_are_decided_once_and_the_message_says_what_happened(data, tmp_path):
    held_night = tuition_night(data, tmp_path, "2026-11-03", "$1,200")
    change_id = next(c["change_id"] for c in report(held_night)["changes"] if c["program_id"] == MA)
    run = cli("review", "accept", str(change_id), str(change_id), data=data)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[:3] == [
        f"note: #{change_id} given more than once; each is decided once",
        f"change {change_id} ({MA} tuition) accepted",
        f"1 change(s) accepted; run `{CLI} publish --data {data}` to publish",
    ]
    again = cli("review", "accept", str(change_id), data=data)
    assert again.returncode == 2
    assert again.stderr == f"mlis-crawler: error: change {change_id} is accepted, not pending; nothing was decided\n"
    by = sqlite3.connect(data / "history.db").execute(
        "SELECT count(*), max(decided_by) FROM decisions WHERE change_id = ?", [change_id]).fetchone()
    assert by[0] == 1 and by[1]  # the login name by default, never empty


# -- revert and rollback that stick ----------------------------------------------------------------

def test_a_revert_sticks_through_the_next_night(data, tmp_path):
    moved = tuition_night(data, tmp_path, "2026-11-03", "$950")  # +5.6%: accepted by the policy
    change_id = next(c["change_id"] for c in report(moved)["changes"] if c["program_id"] == MA)
    assert online_rate(data) == 950.0

    assert cli("review", "revert", str(change_id), data=data).returncode == 2  # --reason is required
    run = cli("review", "revert", str(change_id), "--reason", "the $950 is next year's rate", "--by", "carol", data=data)
    assert run.returncode == 0, run.stderr
    assert f"change {change_id} ({MA} tuition) reverted: its old value is accepted again" in run.stdout
    assert cli("review", "revert", str(change_id), "--reason", "twice", data=data).returncode == 2
    assert cli("publish", data=data).returncode == 0
    assert online_rate(data) == 900.0

    again = tuition_night(data, tmp_path, "2026-11-04", "$950")  # the site still says $950
    mine = [c for c in report(again)["changes"] if c["program_id"] == MA]
    assert [(c["kind"], c["status"], c["reason"]) for c in mine] == [
        ("changed", "rejected", f"reverted before (change {change_id})")]
    assert online_rate(data) == 900.0

    shown = cli("history", MA, "--field", "tuition", "--format", "json", data=data)
    assert shown.returncode == 0, shown.stderr
    entries = json.loads(shown.stdout)["history"]
    reverted = next(e for e in entries if e["change_id"] == change_id)
    assert reverted["status"] == "reverted" and reverted["source_url"].endswith("/admissions-cost")
    assert any("$950 per unit" in e["text"] for e in reverted["evidence"])
    assert [(d["action"], d["decided_by"], d["reason"]) for d in reverted["decisions"]] == [
        ("revert", "carol", "the $950 is next year's rate")]
    assert [e["kind"] for e in entries][0] == "program_added"  # the baseline value comes first
    text = cli("history", MA, "--field", "tuition", data=data).stdout
    assert "revert by carol at " in text and "[reverted; crawl " in text and "evidence: " in text


def test_a_rollback_restores_an_earlier_crawl_and_sticks(data, tmp_path):
    good = first_crawl(data)
    tuition_night(data, tmp_path, "2026-11-03", "$950")
    tuition_night(data, tmp_path, "2026-11-04", "$990")
    assert online_rate(data) == 990.0
    assert cli("rollback", "--to", good, data=data).returncode == 2  # --reason is required
    assert cli("rollback", "--to", "20000101T000000Z-none", "--reason", "x", data=data).returncode == 2

    run = cli("rollback", "--to", good, "--reason", "both rates were misread", "--by", "dana", data=data)
    assert run.returncode == 0, run.stderr
    assert f"published {data / 'programs.db'} with the state of crawl {good}" in run.stdout
    conn = published(data)
    rates = {r[0] for r in conn.execute("SELECT amount_cents / 100.0 FROM tuition_rates WHERE per = 'credit'")}
    assert rates == {900.0}
    assert conn.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()[0] == good
    conn.close()
    decisions = sqlite3.connect(data / "history.db").execute(
        "SELECT DISTINCT action, decided_by, reason, rollback_to FROM decisions").fetchall()
    assert decisions == [("revert", "dana", "both rates were misread", good)]

    after = tuition_night(data, tmp_path, "2026-11-05", "$990")  # the site still says $990
    assert {c["status"] for c in report(after)["changes"]} == {"rejected"}
    assert online_rate(data) == 900.0
    assert cli("rollback", "--to", good, "--reason", "again", data=data).stdout.startswith("nothing to roll back")


def test_a_night_whose_publish_fails_says_so_and_the_next_run_publishes_it(data, tmp_path):
    good = first_crawl(data)
    shutil.rmtree(data / "previous", ignore_errors=True)
    (data / "previous").write_text("a file where the folder of kept files should be\n")
    snapshot = tuition_snapshot(tmp_path, "2026-11-03", "$950")
    broken = run_cli("refresh", "--replay", str(snapshot), "--data", str(data), "--spider", SPIDER)
    assert broken.returncode == 3 and "FileExistsError" in broken.stderr
    [crawl] = [c for c in crawls_json(data) if c != good]
    listed = crawls_json(data)[crawl]
    assert listed["status"] == "interrupted" and listed["recorded_status"] == "reconciled" and not listed["published"]
    assert "publishing failed: " in listed["note"] and "the next run publishes it" in listed["note"]
    shown = report_json(data, crawl)
    assert shown["failed"] is True and shown["summary"].startswith("the crawl of 2026-11-03 failed: publishing failed: ")
    assert "its changes were accepted but not yet published" in shown["summary"]
    assert online_rate(data) == 900.0

    (data / "previous").unlink()
    fixed = cli("publish", data=data)
    assert fixed.returncode == 0, fixed.stderr
    assert f"note: crawl {crawl} was interrupted after its changes were accepted" in fixed.stdout
    assert crawls_json(data)[crawl]["status"] == "published"
    assert report_json(data, crawl)["failed"] is False and online_rate(data) == 950.0
