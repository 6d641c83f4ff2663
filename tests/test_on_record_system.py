"""Every night on record, at the edges of the system (issue 11), each made to happen for real:

- SIGINT and SIGTERM to a running `mlis-crawler refresh` (its crawl made slow through
  `MLIS_CRAWL_SETTINGS`, per-host download delays): the crawl child is stopped and gone (checked
  in /proc), the night is recorded as failed with a report, the exit code is 130 / 143; a
  SIGKILLed parent takes its crawl child with it;
- a night on which every site fails exits 4 and says "probably our network";
- publish keeps the mode and group of the file it replaces, whatever the umask;
- previous/ keeps one file per distinct published crawl, checks files before keeping them, and
  keeps them by count and age;
- the read-only commands work on a read-only bind mount (or, where mounting is not allowed, as
  an unprivileged user on a folder it cannot write), and need no migration.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from crawler.publish import KEEP_MIN, kept_files, publish
from tests.conftest import QUIET, ROOT, SITES
from tests.support.datadir import CLI, RUN_LIMIT_SECONDS, check_published_file, cli as run_cli
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night

SPIDER = "arizona"
MA = "arizona/ma-lis"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
SLOW = 'DOWNLOAD_SLOTS={"infosci.arizona.edu":{"delay":4},"grad.arizona.edu":{"delay":4}}'
WAIT_SECONDS = 60  # bounds, never expectations


def cli(*args: str, data: Path, **kw) -> subprocess.CompletedProcess:
    return run_cli(*args, "--data", str(data), **kw)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("on-record-system") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


# -- signals ------------------------------------------------------------------------------------

def children(pid: int) -> list[int]:
    """Processes whose parent is `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def crawling(marker: str) -> list[int]:
    """Every process whose command line holds `marker` (a crawl's own output folder)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker in cmdline.read_bytes().decode(errors="replace") and alive(int(cmdline.parent.name)):
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def start_slow_refresh(data: Path) -> tuple[subprocess.Popen, int]:
    env = {k: v for k, v in os.environ.items() if k != "MLIS_KILL_AT"}
    env["MLIS_CRAWL_SETTINGS"] = SLOW
    env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen([str(CLI), "refresh", "--replay", str(SITES / QUIET), "--data", str(data), "--spider", SPIDER],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + WAIT_SECONDS
    first = process.stdout.readline()
    assert first.startswith("crawl "), first
    log = data / "crawls" / first.split()[1].rstrip(":") / "crawl.log"
    while True:
        crawl = [c for c in children(process.pid) if b"crawler.crawl" in Path(f"/proc/{c}/cmdline").read_bytes()]
        if crawl:
            break
        assert process.poll() is None and time.monotonic() < deadline, "the crawl child never started"
        time.sleep(0.05)
    while not (log.is_file() and "Spider opened" in log.read_text(errors="replace")):
        assert process.poll() is None and time.monotonic() < deadline, "the crawl never opened its spider"
        time.sleep(0.05)  # well into the crawl: Scrapy is running and waiting on its slow slots
    return process, crawl[0]


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_crawl_records_the_night_and_exits_128_plus_the_signal(signum, code, data):
    before = (data / "programs.db").read_bytes()
    process, child = start_slow_refresh(data)
    marker = f"{data}/crawls/"
    assert crawling(marker) == [child]

    process.send_signal(signum)  # to the parent only, as systemd's stop or a kill does
    out, err = process.communicate(timeout=WAIT_SECONDS)

    assert process.returncode == code, (out, err)
    assert crawling(marker) == [] and not alive(child)
    name = signal.Signals(signum).name
    [line] = err.strip().splitlines()
    assert line.startswith(f"mlis-crawler: error: interrupted by {name} during the crawl: crawl ")
    assert "recorded as failed; nothing was published; the last good publish is " in line
    assert (data / "programs.db").read_bytes() == before
    crawls = {c["crawl_id"]: c for c in json.loads(cli("crawls", "--format", "json", data=data).stdout)}
    [killed] = [c for c in crawls.values() if c["status"] != "published"]
    assert killed["status"] == "failed" and killed["note"] == f"interrupted by {name} during the crawl"
    written = json.loads((data / "reports" / killed["crawl_id"] / "report.json").read_text())
    assert written["failed"] is True and written["summary"].startswith(f"the crawl of {QUIET} failed: interrupted by {name}")
    assert cli("publish", data=data).returncode == 0  # the lock was let go


def test_a_killed_parent_takes_its_crawl_child_with_it(data):
    process, child = start_slow_refresh(data)
    process.kill()
    process.communicate(timeout=WAIT_SECONDS)
    deadline = time.monotonic() + WAIT_SECONDS
    while alive(child):
        assert time.monotonic() < deadline, "the crawl child outlived its parent"
        time.sleep(0.05)
    assert crawling(f"{data}/crawls/") == []


# -- every site failed ------------------------------------------------------------------------------

def test_a_night_on_which_every_site_failed_has_its_own_exit_code(data, tmp_path):
    nothing = tmp_path / "2026-11-09"
    nothing.mkdir()  # a snapshot with no site in it: every request fails, as with our network down
    before = (data / "programs.db").read_bytes()
    run = cli("refresh", "--replay", str(nothing), "--spider", SPIDER, "--spider", "twu", data=data)
    assert run.returncode == 4, run.stdout + run.stderr
    assert "every site failed: probably our network" in run.stderr
    assert "every site failed: probably our network" in run.stdout  # the summary line says it too
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM programs").fetchone()[0] == 9  # published values kept
    conn.close()
    assert before != (data / "programs.db").read_bytes()  # republished (new crawl id), values the same


# -- the published file keeps its permissions ------------------------------------------------------

def test_publish_keeps_mode_and_group_of_the_file_it_replaces(data):
    target = data / "programs.db"
    group = next(g for g in (1, 2, 65534) if g != target.stat().st_gid)
    os.chown(target, -1, group)
    os.chmod(target, 0o640)
    run = subprocess.run([str(CLI), "publish", "--data", str(data)], cwd=ROOT, capture_output=True, text=True,
                         preexec_fn=lambda: os.umask(0o077), timeout=RUN_LIMIT_SECONDS, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr
    st = target.stat()
    assert (st.st_mode & 0o7777, st.st_gid) == (0o640, group)
    os.chmod(target, 0o644)
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}  # the nightly path too
    assert (target.stat().st_mode & 0o7777, target.stat().st_gid) == (0o644, group)


# -- previous/ ---------------------------------------------------------------------------------

def test_previous_keeps_one_checked_file_per_distinct_crawl_by_count_and_age(data, tmp_path):
    other = copy_data(data, tmp_path / "other")
    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$950 per unit")
    night(other, snapshot, [SPIDER])
    a, b = sqlite3.connect(data / "history.db"), sqlite3.connect(other / "history.db")
    out = tmp_path / "out"
    out.mkdir()
    kept = lambda: [p.name.removeprefix("programs-").removesuffix(".db") for p in kept_files(out / "previous")]  # noqa: E731

    publish(a, out, "c1")
    for label in ("c2", "c3", "c4", "c5"):  # c2 moves a value; c3-c5 are quiet nights
        publish(b, out, label)
    assert kept() == ["c1", "c4"]  # quiet nights never push the real version out
    publish(a, out, "c6")
    publish(a, out, "c6")  # the same crawl published twice: kept once
    publish(a, out, "c6")
    assert kept() == ["c1", "c5", "c6"]

    (out / "programs.db").write_bytes(b"")  # an empty file, and then a corrupt one, where the live one was
    publish(b, out, "c7")
    (out / "programs.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    publish(b, out, "c7")
    assert kept() == ["c1", "c5", "c6"]  # neither was kept, and neither pushed a good one out
    check_published_file(out)

    publish(a, out, "c8")
    old = time.time() - 200 * 86400
    for name in ("c1", "c5"):
        os.utime(out / "previous" / f"programs-{name}.db", (old, old))
    publish(b, out, "c9")
    assert kept() == ["c6", "c7", "c8"]  # the two old ones went; the newest KEEP_MIN stay whatever their age
    for name in ("c6", "c7", "c8"):
        os.utime(out / "previous" / f"programs-{name}.db", (old, old))
    publish(a, out, "c10")
    assert kept()[-KEEP_MIN:] == ["c7", "c8", "c9"] and len(kept()) == KEEP_MIN


# -- read-only commands on a read-only folder ----------------------------------------------------------

def read_only_runner(data: Path, tmp_path: Path):
    """(run, cleanup): a way to run the CLI on `data` where nothing may be written, or skip."""
    mount = tmp_path / "ro"
    mount.mkdir()
    bound = subprocess.run(["mount", "--bind", str(data), str(mount)], capture_output=True)
    if bound.returncode == 0:
        remounted = subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], capture_output=True)
        if remounted.returncode == 0:
            return (lambda *args: run_cli(*args, "--data", str(mount))), mount, \
                (lambda: subprocess.run(["umount", str(mount)], check=True))
        subprocess.run(["umount", str(mount)], check=True)
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("neither a read-only bind mount nor an unprivileged user is available here")
    shared = Path(tempfile.mkdtemp(prefix="mlis-ro-"))
    shared.chmod(0o755)
    copy = shutil.copytree(data, shared / "data")
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)

    def run(*args):
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", str(CLI), *args, "--data", str(copy)]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_LIMIT_SECONDS,
                              stdin=subprocess.DEVNULL, env={**os.environ, "HOME": "/nonexistent"})
    return run, copy, lambda: shutil.rmtree(shared, ignore_errors=True)


def test_read_only_commands_work_on_a_read_only_folder(data, tmp_path):
    conn = sqlite3.connect(data / "history.db")
    crawl_id = conn.execute("SELECT crawl_id FROM crawls").fetchone()[0]
    conn.close()  # closed before the folder is listed: an open connection's -shm/-wal come and go with it
    files = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    run, folder, cleanup = read_only_runner(data, tmp_path)
    try:
        for args in (("review",), ("report",), ("report", "--crawl", crawl_id, "--format", "json"),
                     ("crawls",), ("crawls", "--format", "json"), ("history", MA)):
            shown = run(*args)
            assert shown.returncode == 0, (args, shown.stderr)
            assert shown.stdout
        assert json.loads(run("report", "--format", "json").stdout)["crawl_id"] == crawl_id
        changing = run("publish")
        assert changing.returncode == 2
        assert "is not writable by this user: this command changes state" in changing.stderr
        assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == sorted(p.name for p in files)
    finally:
        cleanup()
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == files


def test_a_read_only_command_says_so_when_the_history_needs_a_migration(data):
    conn = sqlite3.connect(data / "history.db")
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_on_record'")
    conn.close()
    shown = run_cli("crawls", "--data", str(data))
    assert shown.returncode == 2
    assert "needs a migration (m003_on_record) that a read-only command cannot make" in shown.stderr
