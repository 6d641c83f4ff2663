"""Time only moves forward (issue 21, red team F6): the date a night's pages were read must be a
real calendar date, not in the future, and not older than the last published night's, unless the
operator passes --allow-older. Otherwise an older snapshot after a newer night (or a clock gone
back) publishes old values again as changes and moves every `verified_at` back.

The real CLI on a data folder of one Arizona night of the 2026-11-02 recording; the older night
is the real 2024-09-15 recording, the feeds are the ones that night's crawl left behind.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from crawler.errors import ClockError
from crawler.history.db import open_history
from crawler.night.steps import check_observed_on
from tests.conftest import OLDER, QUIET, SITES
from tests.support.sitecopy import copy_data, night
from tests.test_operator import cli, webhook, write_config  # noqa: F401 (a fixture: a webhook on loopback)

SPIDER = "arizona"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("guards-time") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


def state(data: Path) -> tuple:
    """What a refused night must leave as it was: the published file, the crawls, their folders."""
    history = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        crawls = history.execute("SELECT crawl_id, status, observed_on FROM crawls ORDER BY rowid").fetchall()
        verified = history.execute("SELECT DISTINCT verified_at FROM current").fetchall()
    finally:
        history.close()
    return (data / "programs.db").read_bytes(), crawls, verified, sorted(p.name for p in (data / "crawls").iterdir())


def feeds(data: Path) -> Path:
    """The folder of feeds the baseline's crawl left (items-arizona.jsonl, summary-arizona.json)."""
    [folder] = [p for p in (data / "crawls").iterdir() if (p / f"items-{SPIDER}.jsonl").exists()]
    return folder


def test_an_older_snapshot_after_a_newer_night_is_refused_and_alerts(data, webhook):  # noqa: F811
    url, posts = webhook
    write_config(data, f'[notify]\nwebhook = "{url}"\n')
    before = state(data)
    for extra in ([], ["--dry-run"]):
        run = cli("refresh", "--replay", str(SITES / OLDER), "--spider", SPIDER, "--data", str(data), *extra)
        assert run.returncode == 2, run.stdout + run.stderr
        assert f"the pages' date {OLDER} is older than that of the last published night ({QUIET}" in run.stderr
        assert "--allow-older" in run.stderr
        assert state(data) == before
    assert posts and posts[0][1]["failed"].startswith(f"the pages' date {OLDER} is older")


def test_allow_older_is_the_operators_way_back_and_holds_what_it_would_take_back(data):
    published, _, verified, _ = state(data)
    run = cli("refresh", "-q", "--allow-older", "--replay", str(SITES / OLDER), "--spider", SPIDER, "--data", str(data))
    assert run.returncode in (0, 1), run.stdout + run.stderr
    assert f"mlis-crawler refresh {OLDER}:" in run.stdout
    history = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        changes = history.execute(
            "SELECT status, reason FROM changes WHERE crawl_id = (SELECT crawl_id FROM crawls WHERE observed_on = ?) "
            "AND kind IN ('added', 'changed', 'removed')", [OLDER]).fetchall()
        after = history.execute("SELECT DISTINCT verified_at FROM current").fetchall()
    finally:
        history.close()
    # The 2024 pages state other values than the 2026 ones: each waits for a maintainer instead of
    # taking the published value back two years, and no value is verified on the older day.
    assert changes, "the older recording should differ from the newer one"
    assert {status for status, _ in changes} == {"pending"}
    assert all(f"held: read on {OLDER}, before the last published night ({QUIET})" in reason for _, reason in changes)
    assert after == verified == [(QUIET,)]
    assert _published_values(data, published) == _published_values(data)
    under_review = sqlite3.connect(data / "programs.db").execute("SELECT DISTINCT under_review FROM programs").fetchall()
    assert under_review == [(1,)]  # downstream sees that a decision is waiting




def test_a_future_date_on_record_holds_no_later_night(data):
    # A date published before the date check existed, later than its own crawl's start, is passed
    # over by the check and by the hold alike (crawler.history.db.newest_published_day).
    with sqlite3.connect(data / "history.db") as history:
        history.execute("UPDATE crawls SET observed_on = '9999-12-31'")
    run = cli("refresh", "-q", "--replay", str(SITES / OLDER), "--spider", SPIDER, "--data", str(data))
    assert run.returncode in (0, 1), run.stdout + run.stderr
    history = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        reasons = [r for (r,) in history.execute(
            "SELECT coalesce(reason, '') FROM changes WHERE crawl_id = (SELECT crawl_id FROM crawls WHERE observed_on = ?) "
            "AND kind IN ('added', 'changed', 'removed')", [OLDER])]
    finally:
        history.close()
    assert reasons, "the older recording should differ from the newer one"
    assert not any("before the last published night" in r for r in reasons)


def _published_values(data: Path, before: bytes | None = None) -> list:
    """The published file's values (of `before`'s bytes, or of the file now), all but `under_review`."""
    path = data / "programs.db"
    if before is not None:
        path = data.parent / "before.db"
        path.write_bytes(before)
    db = sqlite3.connect(path)
    try:
        columns = [c[1] for c in db.execute("PRAGMA table_info(programs)") if c[1] != "under_review"]
        queries = [f"SELECT {', '.join(columns)} FROM programs ORDER BY 1"] + [
            f"SELECT * FROM {t} ORDER BY 1, 2"
            for t in ("tuition_rates", "deadlines", "program_entrance_exams", "program_costs", "program_start_terms")]
        return [db.execute(q).fetchall() for q in queries]
    finally:
        db.close()


@pytest.mark.parametrize("observed_on, says", [
    ("2020-01-01", "is older than that of the last published night"),
    ("9999-12-31", "is in the future"),
    ("2026-02-30", "is not a real calendar date"),
    ("2027-02-29", "is not a real calendar date"),
])
def test_ingest_refuses_an_observed_on_that_would_move_time(data, observed_on, says):
    before = state(data)
    run = cli("ingest", str(feeds(data)), "--observed-on", observed_on, "--data", str(data))
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"the pages' date {observed_on!r}" in run.stderr or f"the pages' date {observed_on} " in run.stderr
    assert says in run.stderr
    assert state(data) == before  # nothing recorded, no crawl folder left behind


def test_ingest_of_a_later_day_goes_through(data):
    run = cli("ingest", str(feeds(data)), "--observed-on", "2026-11-03", "-q", "--data", str(data))
    assert run.returncode == 0, run.stdout + run.stderr
    verified = sqlite3.connect(data / "history.db").execute("SELECT DISTINCT verified_at FROM current").fetchall()
    assert verified == [("2026-11-03",)]


def test_a_live_night_after_the_clock_went_back_is_refused(baseline, tmp_path):
    db = open_history(copy_data(baseline, tmp_path / "data") / "history.db")
    try:
        check_observed_on(db, QUIET, today=date(2026, 12, 6))  # the same day again: fine
        check_observed_on(db, "2026-12-06", today=date(2026, 12, 6))
        with pytest.raises(ClockError, match="older than that of the last published night"):
            check_observed_on(db, "2026-10-31", today=date(2026, 10, 31))  # date.today() of a clock set back
        check_observed_on(db, "2026-10-31", allow_older=True, today=date(2026, 10, 31))
        with pytest.raises(ClockError, match="in the future"):
            check_observed_on(db, "2026-12-07", allow_older=True, today=date(2026, 12, 6))
        with db.atomic():  # a future date published before this check existed does not stop every later night
            db.execute("UPDATE crawls SET observed_on = '9999-12-31'")
        check_observed_on(db, "2026-10-31", today=date(2026, 10, 31))
    finally:
        db.conn.close()
