"""Files only where they belong (issue 21, red team F11, F12, F20's umask part, F21), through the
real CLI on a real data folder of one Arizona night. Each test plants what a hostile co-maintainer
or a clock gone wrong would leave, and shows the guard firing:

- `.lock` and `last-error.txt` planted as symlinks to a file of the cron user's: never written
  through (the lock is refused by name; the traceback replaces the link, not its target);
- under umask 000 nothing the program makes is world-writable (and a group keeps the lock);
- a crawl or report folder is one plain name under its folder;
- after the clock went back, tonight's history backup survives its own pruning;
- a backup that fails fails the night's exit code (3) and alerts, with its reason;
- `prune` leaves report folders of crawls its history does not know (a shared `reports/`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
import sqlite_utils

from crawler.datadir import DataDir
from crawler.errors import UnsafePathError
from crawler.report import write_reports
from crawler.report.gather import night_report
from tests.conftest import QUIET, SITES
from tests.support.datadir import CLI
from tests.support.sitecopy import copy_data, copy_snapshot, night
from tests.test_operator import cli, webhook, write_config  # noqa: F401 (a fixture: a webhook on loopback)

SPIDER = "arizona"
SECRET = "the cron user's own file\n"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("guards-files") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


@pytest.fixture
def victim(tmp_path) -> Path:
    target = tmp_path / "victim" / "precious.txt"
    target.parent.mkdir()
    target.write_text(SECRET)
    return target


def next_night(data: Path, day: str = "2026-11-03") -> Path:
    return copy_snapshot(QUIET, data.parent / f"sites-{day}", day)


def refresh(data: Path, snapshot: Path, **kwargs) -> subprocess.CompletedProcess:
    return cli("refresh", "-q", "--replay", str(snapshot), "--spider", SPIDER, "--data", str(data), **kwargs)


# -- symlinks planted in the data folder ----------------------------------------------------------------

def test_a_lock_that_is_a_symlink_is_refused_and_its_target_kept(data, victim, webhook):  # noqa: F811
    url, posts = webhook
    write_config(data, f'[notify]\nwebhook = "{url}"\n')
    (data / ".lock").unlink(missing_ok=True)
    (data / ".lock").symlink_to(victim)
    programs = (data / "programs.db").read_bytes()
    run = refresh(data, next_night(data))
    assert run.returncode == 2, run.stdout + run.stderr
    assert f"refusing to open {data / '.lock'}: it is a symlink" in run.stderr
    ((_, payload),) = posts  # the cron night that could not run says so
    assert payload["failed"].startswith(f"refusing to open {data / '.lock'}")
    assert victim.read_text() == SECRET
    assert (data / "programs.db").read_bytes() == programs
    assert cli("prune", "--data", str(data)).returncode == 2  # every command that takes the lock
    assert victim.read_text() == SECRET


def test_last_error_txt_that_is_a_symlink_is_replaced_not_written_through(data, victim):
    (data / "last-error.txt").symlink_to(victim)
    shutil.rmtree(data / "crawls")
    (data / "crawls").write_text("a file where the crawls' folder should be\n")  # an unexpected failure
    run = refresh(data, next_night(data))
    assert run.returncode == 3, run.stdout + run.stderr
    assert f"(traceback in {data / 'last-error.txt'})" in run.stderr
    assert victim.read_text() == SECRET
    saved = data / "last-error.txt"
    assert not saved.is_symlink() and "Traceback (most recent call last)" in saved.read_text()


def test_report_files_planted_as_symlinks_are_replaced_not_written_through(data, victim):
    """The report writer's temporary names (the one it uses, the fixed one it used before) and
    the reports themselves, planted as links to a file of the cron user's: the night's report is
    written beside them and renamed into place, the linked file untouched."""
    (folder,) = (data / "reports").iterdir()
    for name in ("report.json", "report.md", "report.html"):
        (folder / name).unlink()
        (folder / name).symlink_to(victim)
        (folder / f".{name}.tmp").symlink_to(victim)
        (folder / f".{name}.tmp-{os.getpid()}").symlink_to(victim)
    db = sqlite_utils.Database(data / "history.db")
    write_reports(night_report(db, folder.name, folder, False), folder)
    assert victim.read_text() == SECRET
    for name in ("report.json", "report.md", "report.html"):
        written = folder / name
        assert not written.is_symlink() and written.stat().st_size > 1000, name
        assert not (folder / f".{name}.tmp-{os.getpid()}").exists()
    assert "Arizona" in (folder / "report.md").read_text()


def test_a_crawl_or_report_folder_is_one_plain_name_under_its_folder(tmp_path):
    paths = DataDir(tmp_path)
    for name in ("../evil", "..", "a/b", "", ".hidden", "x" * 200):
        with pytest.raises(UnsafePathError):
            paths.report_dir(name)
        with pytest.raises(UnsafePathError):
            paths.crawl_dir(name)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "20261101T000000Z-abcd").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafePathError, match="it is a symlink"):
        paths.report_dir("20261101T000000Z-abcd")
    assert paths.report_dir("20261102T000000Z-abcd") == tmp_path / "reports" / "20261102T000000Z-abcd"


@pytest.mark.parametrize("umask", [0o000, 0o002])
def test_whatever_the_umask_nothing_made_is_world_writable(tmp_path, umask):
    data = tmp_path / "fresh" / "data"
    run = subprocess.run([str(CLI), "refresh", "-q", "--replay", str(SITES / QUIET), "--spider", SPIDER,
                          "--data", str(data)],
                         capture_output=True, text=True, cwd=tmp_path, preexec_fn=lambda: os.umask(umask), timeout=180,
                         env={k: v for k, v in os.environ.items() if k != "MLIS_DATA"})
    assert run.returncode == 0, run.stdout + run.stderr
    made = [data, *data.rglob("*")]
    assert (data / ".lock") in made and (data / "reports") in made
    loose = [str(p.relative_to(data.parent)) for p in made
             if not p.is_symlink() and p.stat().st_mode & stat.S_IWOTH]
    assert loose == []
    # a folder shared with a group (umask 002) stays usable by it: maintainers take the lock to decide
    assert (data / ".lock").stat().st_mode & stat.S_IWGRP


# -- backups --------------------------------------------------------------------------------------------

def test_after_the_clock_went_back_tonights_backup_is_kept(data):
    write_config(data, "[retention]\nbackups_keep = 3\n")
    backups = data / "backups"
    backups.mkdir(exist_ok=True)
    ahead = [backups / f"history-2027010{i}T020000Z-abc{i}.db" for i in range(1, 8)]  # a clock that ran ahead
    for path in ahead:
        shutil.copy(data / "history.db", path)
    run = refresh(data, next_night(data))
    assert run.returncode == 0, run.stdout + run.stderr
    tonight = sqlite3.connect(data / "history.db").execute(
        "SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    kept = sorted(p.name for p in backups.iterdir())
    assert f"history-{tonight}.db" in kept and len(kept) == 3
    again = refresh(data, next_night(data, "2026-11-04"))  # and the next night keeps both real ones
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"history-{tonight}.db" in {p.name for p in backups.iterdir()}


def test_a_failed_backup_fails_the_exit_code_and_alerts(data, webhook):  # noqa: F811
    url, posts = webhook
    write_config(data, f'[retention]\nbackups_keep = 3\n[notify]\nwebhook = "{url}"\n')
    shutil.rmtree(data / "backups", ignore_errors=True)
    (data / "backups").write_text("a file where the backups' folder should be\n")
    run = refresh(data, next_night(data))
    assert run.returncode == 3, run.stdout + run.stderr
    assert f"the history backup into {data / 'backups'} failed" in run.stderr
    ((_, payload),) = posts
    assert payload["failed"].startswith(f"the history backup into {data / 'backups'} failed")
    assert sqlite3.connect(data / "history.db").execute(  # the night itself was published
        "SELECT status FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0] == "published"


# -- prune with a shared reports/ -----------------------------------------------------------------------

def test_prune_leaves_reports_of_crawls_its_history_does_not_know(data):
    theirs = data / "reports" / "20261201T020000Z-beef"  # another data folder's latest report
    theirs.mkdir()
    (theirs / "report.json").write_text("{}")
    for day in ("2026-11-03", "2026-11-04"):
        assert refresh(data, next_night(data, day)).returncode == 0
    write_config(data, "[retention]\nreports_keep_days = 0\nreports_keep_count = 1\n")
    ours_before = sorted(p.name for p in (data / "reports").iterdir() if p != theirs)
    run = cli("prune", "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert theirs.is_dir() and (theirs / "report.json").exists()
    left = sorted(p.name for p in (data / "reports").iterdir() if p != theirs)
    assert left == ours_before[-1:]  # its own: only the newest kept
