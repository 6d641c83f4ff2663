"""Every job is one night (issue 20): refresh, ingest, renormalize and a dry run each get the review
policy of the configuration file, a clear exit 3 on a full disk, alerts after success and after
failure, the backup of the history and exit 4 when every site failed, by construction.

The real CLI in a subprocess, real crawls of the recorded sites, a real tmpfs filled to the last
byte, a real HTTP server on loopback receiving the alerts. Each test starts from a data folder of
one Arizona night whose accepted online rate an older parser misread ($850 per unit; every page
says $900), so each job finds the same nine changes $850 -> $900 (+5.9%): accepted under the
built-in policy (money may move 25%), held when the configuration file allows 5%.
"""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from crawler.history.db import open_history
from crawler.history.reconcile import refresh_hash
from tests.conftest import QUIET, SITES, run_crawl
from tests.support.sitecopy import copy_data, copy_snapshot, night
from tests.test_breakage import fill, small_disk  # noqa: F401 (a fixture: a real small file system)
from tests.test_operator import cli, webhook, write_config  # noqa: F401 (a fixture: a webhook on loopback)

SPIDER = "arizona"
PROGRAMS = 9
NIGHT = "2026-11-03"
JOBS = ["refresh", "ingest", "renormalize", "dry-run"]
HOLD = "[policy]\nmoney_jump = 5\n"
RATE = '"amount_usd":"{}","applies_to":"online campus"'


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("matrix-baseline") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    db = open_history(data / "history.db")
    with db.atomic():  # an older parser took $900 for $850; the stored evidence still says $900
        db.execute("UPDATE current SET value = replace(value, ?, ?) WHERE field = 'tuition'",
                   [RATE.format("900.00"), RATE.format("850.00")])
        for (program_id,) in db.execute("SELECT program_id FROM programs").fetchall():
            refresh_hash(db, program_id)
    db.conn.close()
    return data


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The next night's pages (the same as the baseline's), and the same night crawled elsewhere."""
    root = tmp_path_factory.mktemp("matrix-sites")
    snapshot = copy_snapshot(QUIET, root, NIGHT)
    run_crawl(snapshot, root / "feeds", [SPIDER])
    return snapshot, root / "feeds"


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


def job(name: str, data: Path, snapshot: Path, feeds: Path, *extra: str, env: dict | None = None
        ) -> subprocess.CompletedProcess:
    args = {
        "refresh": ["refresh", "--replay", str(snapshot), "--spider", SPIDER],
        "dry-run": ["refresh", "--dry-run", "--replay", str(snapshot), "--spider", SPIDER],
        "ingest": ["ingest", str(feeds), "--observed-on", NIGHT],
        "renormalize": ["renormalize"],
    }[name]
    return cli(*args, "-q", *extra, "--data", str(data), env=env)


def latest_crawl(data: Path) -> str:
    conn = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()


# -- the review policy of the configuration file ------------------------------------------------------

@pytest.mark.parametrize("name", JOBS)
def test_the_config_files_policy_holds_a_change(name, data, sites):
    write_config(data, HOLD)
    run = job(name, data, *sites)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"0 changes published; {PROGRAMS} waiting for review" in run.stdout


@pytest.mark.parametrize("name", JOBS)
def test_without_the_config_file_the_same_change_is_accepted(name, data, sites):
    run = job(name, data, *sites)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{PROGRAMS} changes published" in run.stdout and "waiting for review" not in run.stdout


# -- a full disk is a clear exit 3 ----------------------------------------------------------------------

@pytest.mark.parametrize("name", JOBS)
def test_a_full_disk_is_exit_3_with_its_remedy(name, baseline, sites, small_disk):  # noqa: F811
    data = copy_data(baseline, small_disk / "data")
    for folder in ("crawls", "reports", "pages"):  # room for the history only
        subprocess.run(["rm", "-rf", str(data / folder)], check=True)
    programs_before = (data / "programs.db").read_bytes()
    env = {"TMPDIR": str(small_disk)}  # a dry run's scratch copy lives in the system's temporary folder
    filler = fill(small_disk)
    run = job(name, data, *sites, env=env)
    filler.unlink()
    assert run.returncode == 3, run.stdout + run.stderr
    assert "no space left on the disk" in run.stderr and "do not restore a backup" in run.stderr
    assert (data / "programs.db").read_bytes() == programs_before


# -- alerts after success and after failure ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["refresh", "ingest", "renormalize"])
def test_a_night_with_held_changes_alerts(name, data, sites, webhook):  # noqa: F811
    url, posts = webhook
    write_config(data, f'{HOLD}[notify]\nwebhook = "{url}"\n')
    run = job(name, data, *sites)
    assert run.returncode == 0, run.stdout + run.stderr
    ((_, payload),) = posts
    assert payload["pending"] == PROGRAMS and payload["crawl_id"] == latest_crawl(data)
    assert payload["text"].endswith(f"0 changes published; {PROGRAMS} waiting for review")


@pytest.mark.parametrize("name", ["refresh", "ingest", "renormalize"])
def test_a_night_that_cannot_run_alerts(name, data, sites, webhook):  # noqa: F811
    import fcntl

    url, posts = webhook
    write_config(data, f'[notify]\nwebhook = "{url}"\n')
    with open(data / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        run = job(name, data, *sites)
    assert run.returncode == 3 and "another mlis-crawler process" in run.stderr
    ((_, payload),) = posts
    assert payload["failed"].startswith("another mlis-crawler process is working on")


def test_a_dry_run_alerts_nobody_and_backs_nothing_up(data, sites, webhook):  # noqa: F811
    url, posts = webhook
    write_config(data, f'{HOLD}[notify]\nwebhook = "{url}"\n[retention]\nbackups_keep = 3\n')
    before = files(data)
    run = job("dry-run", data, *sites)
    assert run.returncode == 0 and f"{PROGRAMS} waiting for review" in run.stdout
    assert posts == []
    assert files(data) == before


def files(data: Path) -> list[str]:
    """Every file of a data folder, but SQLite's own -wal and -shm files (a reader may leave them)."""
    return sorted(str(p.relative_to(data)) for p in data.rglob("*") if not p.name.endswith(("-wal", "-shm")))


# -- the backup of the history ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["refresh", "ingest", "renormalize"])
def test_each_job_backs_up_the_history(name, data, sites):
    write_config(data, "[retention]\nbackups_keep = 3\n")
    run = job(name, data, *sites)
    assert run.returncode == 0, run.stdout + run.stderr
    backup = data / "backups" / f"history-{latest_crawl(data)}.db"
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT status FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0] == "published"
    finally:
        conn.close()


# -- every site failed: exit 4 (renormalize re-reads pages that were read: it cannot) -----------------------

@pytest.mark.parametrize("name", ["refresh", "ingest", "dry-run"])
def test_every_site_failed_is_exit_4(name, data, tmp_path):
    if name == "ingest":
        feeds = tmp_path / "feeds"  # two spiders whose jobs never finished: feeds without summaries
        feeds.mkdir()
        for spider in (SPIDER, "twu"):
            (feeds / f"items-{spider}.jsonl").write_text("")
        run = job(name, data, tmp_path, feeds)
    else:
        empty = tmp_path / "sites" / NIGHT  # a replay that holds none of the sites' pages
        empty.mkdir(parents=True)
        run = job(name, data, empty, tmp_path, "--spider", "twu")
    assert run.returncode == 4, run.stdout + run.stderr
    assert "every site failed: probably our network" in run.stderr


@pytest.mark.parametrize("name", ["refresh", "ingest", "renormalize"])
def test_a_night_whose_config_does_not_load_still_alerts(name, data, sites, webhook):  # noqa: F811
    """A mistake elsewhere in the file (issue 22) stops the night with exit 2 naming the key, and
    the valid [notify] section still carries the alert."""
    url, posts = webhook
    write_config(data, f'[notify]\nwebhook = "{url}"\n[policy]\nmoney_jump = -5\n')
    run = job(name, data, *sites)
    assert run.returncode == 2 and "[policy] money_jump must be at least 0" in run.stderr
    ((_, payload),) = posts
    assert "[policy] money_jump must be at least 0" in payload["failed"]


def test_a_live_crawl_without_an_operator_contact_is_refused(tmp_path):
    """The user agent names the operator; the placeholder is never sent to real sites."""
    run = cli("refresh", "--data", str(tmp_path / "data"), "--spider", "arizona")
    assert run.returncode == 2 and "needs the operator's contact" in run.stderr, run.stderr
    assert not (tmp_path / "data" / "crawls").exists() or not any((tmp_path / "data" / "crawls").iterdir())
