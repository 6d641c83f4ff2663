"""Issue 22: the commands the product prints paste as they are, a placeholder is not a reason,
previews say what they would do, and no ending misleads (a corrupt history, Ctrl-C while the
crawl starts, a typo in a filter, a snapshot older than a university, a recording without
robots.txt, page text on a terminal). Every command runs as the operator runs it, in a subprocess.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler import commandline
from tests.conftest import QUIET, ROOT, SITES
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night, report

CLI = Path(sys.executable).parent / "mlis-crawler"
SPIDER = "arizona"
PROGRAMS = 9
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
ARIZONA_HOSTS = ("grad.arizona.edu", "infosci.arizona.edu", "ischool.arizona.edu")
MA = "arizona/ma-lis"


def cli(*args: str, data: Path, cwd: Path = ROOT, program: str | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([program or str(CLI), *args, "--data", str(data)], capture_output=True, text=True, cwd=cwd,
                          stdin=subprocess.DEVNULL, timeout=300, env=env)


def one_line_error(run: subprocess.CompletedProcess, code: int, contains: str) -> str:
    assert run.returncode == code, run.stdout + run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mlis-crawler: error: "), run.stderr
    assert contains in lines[0], lines[0]
    assert "Traceback" not in run.stdout + run.stderr
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def statuses(data: Path) -> dict[int, str]:
    conn = sqlite3.connect(data / "history.db")
    try:
        return dict(conn.execute("SELECT change_id, status FROM changes"))
    finally:
        conn.close()


def waiting(data: Path) -> list[int]:
    return sorted(i for i, status in statuses(data).items() if status == "pending")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("endings-baseline") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture(scope="module")
def held_baseline(baseline, tmp_path_factory):
    """A night whose online tuition jumps +33%: held for every program."""
    root = tmp_path_factory.mktemp("endings-held")
    data = copy_data(baseline, root / "data")
    snapshot = copy_snapshot(QUIET, root / "sites", "2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$1,200 per unit")
    changes = report(night(data, snapshot, [SPIDER]))["changes"]
    assert {(c["kind"], c["status"]) for c in changes} == {("changed", "pending")} and len(changes) == PROGRAMS
    return data


@pytest.fixture
def held(held_baseline, tmp_path):
    return copy_data(held_baseline, tmp_path / "data")


# -- commands that paste ---------------------------------------------------------------------------

def test_the_program_is_named_as_the_operator_ran_it(monkeypatch, tmp_path):
    installed = tmp_path / "srv" / "mlis" / ".venv" / "bin" / commandline.NAME
    installed.parent.mkdir(parents=True)
    installed.write_text("#!/bin/sh\n")
    installed.chmod(0o755)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")

    monkeypatch.setattr(sys, "argv", [str(installed), "review"])
    assert commandline.command("review", "accept", 7) == f"{installed} review accept 7"

    monkeypatch.chdir(tmp_path / "srv" / "mlis")  # `.venv/bin/mlis-crawler` typed in /srv/mlis: absolute, pastes anywhere
    monkeypatch.setattr(sys, "argv", [".venv/bin/mlis-crawler", "review"])
    assert commandline.program() == str(installed)

    monkeypatch.setenv("PATH", f"{installed.parent}:/usr/bin:/bin")  # on PATH (venv activated): the bare name
    monkeypatch.setattr(sys, "argv", [str(installed), "review"])
    assert commandline.program() == commandline.NAME
    monkeypatch.setattr(sys, "argv", [commandline.NAME])
    assert commandline.program() == commandline.NAME

    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # python -m, a test runner: the entry point beside the interpreter
    monkeypatch.setattr(sys, "argv", ["/usr/lib/python3/dist-packages/pytest/__main__.py"])
    monkeypatch.setattr(sys, "executable", str(installed.parent / "python"))
    assert commandline.program() == str(installed)

    assert commandline.command("publish", "--data", "/srv/my data") == f"{installed} publish --data '/srv/my data'"


def test_printed_commands_paste_from_anywhere_and_their_placeholder_is_refused(held, held_baseline, tmp_path):
    """The operator types relative paths (program and data folder) with nothing on PATH; what
    `review` prints then runs from any folder, once the placeholder is replaced by a reason."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT)), "HOME": str(tmp_path)}
    program = os.path.relpath(CLI, held.parent)
    listing = subprocess.run([program, "review", "--data", held.name], cwd=held.parent, env=env, capture_output=True,
                             text=True, stdin=subprocess.DEVNULL)
    assert listing.returncode == 0, listing.stderr
    reject = next(line.split("reject: ", 1)[1] for line in listing.stdout.splitlines() if line.strip().startswith("reject: "))
    assert reject.startswith(f"{CLI} review reject ") and reject.endswith(f" --data {held}"), reject
    before = statuses(held)

    as_printed = subprocess.run(["bash", "-c", reject], cwd="/", env=env, capture_output=True, text=True)
    one_line_error(as_printed, 2, 'is a placeholder, not a reason')
    assert statuses(held) == before

    pasted = subprocess.run(["bash", "-c", reject.replace('"…"', '"sidebar figure"')], cwd="/", env=env,
                            capture_output=True, text=True)
    assert pasted.returncode == 0, pasted.stderr
    assert {statuses(held)[i] for i in waiting(held_baseline)} == {"rejected"}
    assert pasted.stdout.splitlines()[-1] == f"{PROGRAMS} change(s) rejected; the published values stay as they are"


def test_the_publish_hint_after_an_accept_starts_with_the_program(held):
    first = waiting(held)[0]
    run = cli("review", "accept", str(first), "--group", "--reason", "bursar confirms", data=held)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == (f"{PROGRAMS} change(s) accepted; run `{CLI} publish --data {held}` to publish")


@pytest.mark.parametrize("command, reason", [
    (["review", "reject"], "…"), (["review", "reject"], "..."), (["review", "reject"], "<reason>"),
    (["review", "reject"], "   "), (["review", "reject"], ""), (["review", "accept"], "…"),
    (["review", "accept"], "[why]"), (["review", "accept"], ""),
])
def test_placeholder_and_empty_reasons_decide_nothing(held_baseline, command, reason):
    """A refused reason decides nothing, so the shared folder stays as it was (checked below)."""
    before = statuses(held_baseline)
    run = cli(*command, str(waiting(held_baseline)[0]), "--group", "--reason", reason, data=held_baseline)
    line = one_line_error(run, 2, "nothing was decided")
    assert ("placeholder" in line) if reason.strip() else ("needs --reason" in line or "is empty" in line)
    assert statuses(held_baseline) == before


def test_an_accept_without_reason_is_still_fine_and_a_real_reason_is_kept(held):
    first = waiting(held)[0]
    run = cli("review", "accept", str(first), data=held)
    assert run.returncode == 0, run.stderr
    revert = cli("review", "revert", str(first), "--reason", "…", data=held)
    one_line_error(revert, 2, "nothing was reverted")
    assert statuses(held)[first] == "accepted"


# -- rollback previews ----------------------------------------------------------------------------

def test_rollback_dry_run_shows_program_field_and_values_per_university(held):
    conn = sqlite3.connect(held / "history.db")
    baseline_crawl = conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.close()
    ids = waiting(held)
    assert cli("review", "accept", str(ids[0]), "--group", "--reason", "bursar confirms", data=held).returncode == 0
    assert cli("publish", data=held).returncode == 0
    before = sha(held / "history.db"), sha(held / "programs.db")

    run = cli("rollback", "--to", baseline_crawl, "--dry-run", data=held)  # a preview needs no reason
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "would revert change" not in run.stdout
    assert "University of Arizona (arizona): 9 change(s)" in lines
    assert f"  {MA}  Tuition: $1,200.00 per credit (online campus) -> $900.00 per credit (online campus)  (from crawl " \
        in run.stdout, run.stdout
    assert sum(line.startswith("  #") for line in lines) == PROGRAMS
    assert lines[-1] == f"{PROGRAMS} change(s) would be reverted to restore crawl {baseline_crawl}; nothing was changed (dry run)"
    assert (sha(held / "history.db"), sha(held / "programs.db")) == before

    refused = cli("rollback", "--to", baseline_crawl, "--reason", "...", data=held)
    one_line_error(refused, 2, "nothing was rolled back")
    assert {statuses(held)[i] for i in ids} == {"accepted"}


# -- misleading endings ---------------------------------------------------------------------------

def _overwrite_pages(db: Path) -> None:
    conn = sqlite3.connect(db)
    pages, size = conn.execute("PRAGMA page_count").fetchone()[0], conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    raw = bytearray(db.read_bytes())
    raw[2 * size:pages * size] = b"\xde\xad" * ((pages - 2) * size // 2)  # the schema page survives; the tables do not
    db.write_bytes(bytes(raw))


@pytest.mark.parametrize("damage", ["not sqlite", "pages overwritten"])
def test_read_commands_on_a_corrupt_history_exit_2_naming_the_file(baseline, tmp_path, damage):
    data = copy_data(baseline, tmp_path / "data")
    if damage == "not sqlite":
        (data / "history.db").write_bytes(b"this is not SQLite" * 300)
    else:
        _overwrite_pages(data / "history.db")
    damaged = sha(data / "history.db")
    for command in (["crawls"], ["review"], ["report"], ["history", MA]):
        line = one_line_error(cli(*command, data=data), 2, f"{data / 'history.db'} is not a usable history database")
        assert "restore the last backup" in line and "DatabaseError" not in line, command
    assert sha(data / "history.db") == damaged


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except FileNotFoundError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the crawl child start")
@pytest.mark.parametrize("after", [0.0, 0.4])
def test_ctrl_c_while_the_crawl_starts_is_one_line_and_130(baseline, tmp_path, after):
    """SIGINT while the crawl child is still starting (the interpreter, Scrapy, the spiders being
    imported): one line, exit 130, no KeyboardInterrupt traceback from the child."""
    data = copy_data(baseline, tmp_path / "data")
    run = subprocess.Popen([str(CLI), "refresh", "--replay", str(SITES / QUIET), "--spider", SPIDER, "--data", str(data)],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not _children(run.pid) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert _children(run.pid), "the crawl child never started"
    time.sleep(after)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, out + err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().splitlines() == [next(line for line in err.splitlines() if line.startswith("mlis-crawler: error: "))]
    assert "interrupted by SIGINT" in err


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see that no crawl child started")
@pytest.mark.parametrize("after", [0.08, 0.2])
def test_ctrl_c_while_the_command_is_still_importing_is_one_line_and_130(baseline, tmp_path, after):
    """SIGINT in the parent's first moments (click, the commands and what they import: most of a
    second), before any crawl child exists: one line, exit 130, no traceback."""
    data = copy_data(baseline, tmp_path / "data")
    run = subprocess.Popen([str(CLI), "refresh", "--replay", str(SITES / QUIET), "--spider", SPIDER, "--data", str(data)],
                           cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    time.sleep(after)
    assert run.poll() is None and not _children(run.pid), "the command got past its start before the signal"
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, out + err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().splitlines() == ["mlis-crawler: error: interrupted by SIGINT"]
    assert sha(data / "history.db") == sha(baseline / "history.db")


def test_a_typo_in_a_filter_exits_2_naming_the_known_values(held):
    site = cli("review", "--site", "arizonna", data=held)
    line = one_line_error(site, 2, 'unknown --site "arizonna"; did you mean arizona?')
    assert "arizona, buffalo, " in line  # the sites: this history's and every spider's
    field = cli("review", "--field", "tuitoin", data=held)
    assert "did you mean tuition?" in one_line_error(field, 2, 'unknown --field "tuitoin"')
    in_history = cli("history", MA, "--field", "tution", data=held)
    assert "application_deadlines" in one_line_error(in_history, 2, "did you mean tuition or duration?")
    program = cli("history", "arizona/ma-lsi", data=held)
    one_line_error(program, 2, 'no program "arizona/ma-lsi" in the history; did you mean arizona/ma-lis')
    assert cli("review", "--site", "arizona", "--field", "tuition", data=held).returncode == 0
    nothing = cli("review", "--site", "arizona", "--field", "total_credits", data=held)  # known, just nothing waiting
    assert nothing.returncode == 0 and nothing.stdout.startswith("No pending changes matching")


def _arizona_only(tmp_path: Path, date: str, robots: bool = True) -> Path:
    """A snapshot that holds Arizona's pages only, as one recorded before the other universities were added."""
    snapshot = tmp_path / "sites" / date
    (snapshot / "_replay").mkdir(parents=True)
    for host in ARIZONA_HOSTS:
        shutil.copytree(SITES / QUIET / host, snapshot / host)
        table = SITES / QUIET / "_replay" / f"{host}.json"
        if table.is_file():
            shutil.copy2(table, snapshot / "_replay" / table.name)
        if not robots:
            (snapshot / host / "robots.txt").unlink(missing_ok=True)
    return snapshot


def test_replaying_a_snapshot_without_a_university_does_not_fail_it(baseline, tmp_path):
    """Without --spider, a university the snapshot holds no page of is not crawled, not failed."""
    data = copy_data(baseline, tmp_path / "data")
    run = cli("refresh", "--replay", str(_arizona_only(tmp_path, "2026-11-03")), data=data)
    assert run.returncode == 0, run.stdout + run.stderr
    noted = next(line for line in run.stdout.splitlines() if line.startswith("not in this snapshot"))
    assert "lsu" in noted and "buffalo" in noted and SPIDER not in noted.split(": ", 1)[1].split(", ")
    assert "broken" not in run.stdout and "failed" not in run.stdout.replace(" 0 failed", "")
    conn = sqlite3.connect(data / "history.db")
    crawl = conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    assert dict(conn.execute("SELECT spider, health FROM spider_runs WHERE crawl_id = ?", [crawl])) == {SPIDER: "ok"}
    conn.close()


def test_a_recording_without_robots_txt_shows_no_failed_request(baseline, tmp_path):
    data = copy_data(baseline, tmp_path / "data")
    run = cli("refresh", "--replay", str(_arizona_only(tmp_path, "2026-11-03", robots=False)), "--spider", SPIDER,
              data=data)
    assert run.returncode == 0, run.stdout + run.stderr
    progress = [line for line in run.stdout.splitlines() if line.startswith("progress ")]
    assert progress and progress[-1].split() == ["progress", SPIDER, "finished:", progress[-1].split()[3],
                                                  "pages", "done,", "0", "failed"], progress


# -- page text on a terminal (redteam F19) ----------------------------------------------------------

def test_history_shows_control_sequences_made_visible(held):
    hostile = "\x1b]0;PWNED-TITLE\x07\x1b[2Jtypo\x1b[31m on \u202ethe page"
    first = waiting(held)[0]
    assert cli("review", "reject", str(first), "--reason", hostile, "--by", "eve\x1b[8m", data=held).returncode == 0
    shown = cli("history", MA, "--field", "tuition", data=held)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and "\u202e" not in shown.stdout
    assert "reject by eve⟨U+001B⟩[8m at " in shown.stdout
    assert "⟨U+001B⟩]0;PWNED-TITLE⟨U+0007⟩⟨U+001B⟩[2Jtypo" in shown.stdout
    as_json = cli("history", MA, "--field", "tuition", "--format", "json", data=held)
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    decisions = [d for e in json.loads(as_json.stdout)["history"] for d in e["decisions"]]
    assert hostile in [d["reason"] for d in decisions]  # escaped for the terminal, the same text for scripts


def test_a_reader_that_stops_reading_is_no_error(held):
    """`mlis-crawler history ... | head`: the output's reader goes away; no error line, no traceback, 141."""
    run = subprocess.Popen([str(CLI), "history", MA, "--data", str(held)], cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    run.stdout.close()  # before the command has printed anything
    err = run.stderr.read().decode()
    assert run.wait(timeout=120) == 141, err
    assert err == ""
    assert not (held / "last-error.txt").exists()


def test_ingest_quiet_prints_only_its_summary(baseline, tmp_path):
    """-q is for cron: only errors and the summary line, for ingest as for refresh."""
    from tests.conftest import run_crawl

    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    run_crawl(snapshot, tmp_path / "feeds", [SPIDER])
    data = copy_data(baseline, tmp_path / "data")
    run = cli("ingest", str(tmp_path / "feeds"), "--observed-on", "2026-11-03", "-q", data=data)
    assert run.returncode == 0, run.stdout + run.stderr
    (line,) = run.stdout.splitlines()  # no "crawl …: ingesting" line
    assert line.startswith("mlis-crawler ") and line.endswith(" 2026-11-03: no changes"), line


def test_prune_dry_run_only_reads(baseline, tmp_path):
    """`prune --dry-run` lists; like the other commands that only look, it works where nothing may be written."""
    from tests.test_on_record_system import read_only_runner

    data = copy_data(baseline, tmp_path / "data")
    run, folder, cleanup = read_only_runner(data, tmp_path)
    try:
        listed = run("prune", "--dry-run")
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.splitlines()[-1].startswith("would remove ")
        assert run("prune").returncode == 2  # the real prune changes state
    finally:
        cleanup()
