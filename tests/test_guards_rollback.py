"""A `rollback` killed before its publish is finished by running it again (issue 21, red team F16).

The reverts of a rollback commit before its publish; a rollback killed in between (at
`publish:built` or `publish:before_replace`, crawler/faults.py) leaves the old values published
while the history says they were reverted. Run again, `rollback` must publish the rolled-back
state instead of saying there is nothing to roll back. The real CLI, killed at the named points.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import QUIET, SITES
from tests.support.datadir import KILLED, check_published_file, cli, stale_temp_files
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night, published

SPIDER = "arizona"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A night of the 2026-11-02 recording, then one where the online rate moved $900 -> $950."""
    root = tmp_path_factory.mktemp("guards-rollback")
    data = root / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    snapshot = copy_snapshot(QUIET, root / "sites", "2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$950 per unit")
    night(data, snapshot, [SPIDER])
    assert rates(data) == {950.0}
    return data


def rates(data: Path) -> set[float]:
    conn = published(data)
    try:
        return {r[0] for r in conn.execute("SELECT amount_cents / 100.0 FROM tuition_rates WHERE per = 'credit'")}
    finally:
        conn.close()


def first_crawl(data: Path) -> str:
    conn = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid LIMIT 1").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("point", ["publish:built", "publish:before_replace"])
def test_a_rollback_killed_before_its_swap_is_finished_by_its_rerun(moved, tmp_path, point):
    data = copy_data(moved, tmp_path / "data")
    good = first_crawl(data)
    args = ("rollback", "--to", good, "--reason", "the $950 was misread", "--data", str(data))
    killed = cli(*args, kill_at=point)
    assert killed.returncode == KILLED, killed.stdout + killed.stderr
    assert rates(data) == {950.0}  # killed before the swap: the old file is still published

    rerun = cli(*args)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "nothing to roll back" not in rerun.stdout
    assert f"a rollback to crawl {good} was interrupted before its publish" in rerun.stdout
    assert rates(data) == {900.0}
    check_published_file(data)
    assert stale_temp_files(data) == []  # the killed run's temporary file is gone too
    conn = published(data)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()[0] == good
    finally:
        conn.close()
    history = sqlite3.connect(data / "history.db")
    assert history.execute("SELECT kind, crawl_id FROM publishes ORDER BY publish_id DESC LIMIT 1").fetchone() == (
        "rollback", good)
    history.close()
    third = cli(*args)  # now it is done: a third run has nothing to do
    assert third.returncode == 0 and third.stdout.startswith("nothing to roll back")
