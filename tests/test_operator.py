"""The operator's morning, as an operator runs it: the real CLI in a subprocess, real crawls of the
recorded sites, a config file on disk, alerts received by real SMTP and HTTP servers on loopback,
backups, prune, dry runs, progress lines, the systemd units and the demo's own folder.

One baseline night of Arizona (9 programs) is crawled once and copied for each test; a second
night raises the online rate from $900 to $1,200/unit (+33%: held for review).
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import pty
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crawler.config import Config, load_config, parse_config, to_toml
from crawler.crawl.progress import Site, board_lines, duration
from crawler.housekeeping import prune_plan
from crawler.config import Retention
from tests.conftest import QUIET, ROOT, SITES
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night

CLI = str(Path(sys.executable).parent / "mlis-crawler")
SPIDER = "arizona"
PROGRAMS = 9
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"


def cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "MLIS_DATA"}
    return subprocess.run([CLI, *args], capture_output=True, text=True, cwd=ROOT, env={**environment, **(env or {})},
                          stdin=subprocess.DEVNULL, timeout=180, **kwargs)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("operator-baseline") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


@pytest.fixture
def jump(tmp_path):
    """The night of 2026-11-03: Arizona's online rate $900 -> $1,200/unit (+33%)."""
    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$1,200/unit")
    return snapshot


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def accepted_state(data: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT * FROM current ORDER BY 1, 2").fetchall()
                + conn.execute("SELECT change_id, status FROM changes ORDER BY 1").fetchall()
                + conn.execute("SELECT crawl_id, status FROM crawls ORDER BY rowid").fetchall())
    finally:
        conn.close()


def write_config(data: Path, text: str) -> Path:
    target = data / "mlis-crawler.toml"
    target.write_text(text, encoding="utf-8")
    return target


# -- config -------------------------------------------------------------------------------------------

def test_config_prints_the_effective_configuration_that_reads_back(data):
    write_config(data, '[crawl]\ncontact = "lis-data@example.edu"\nsettings = { DOWNLOAD_DELAY = 2.5 }\n'
                       '[policy]\nmoney_jump = 40\nbands = { total_credits = [30, 60] }\n'
                       'rate_bands = { "tuition.credit" = [60, 4000] }\n'
                       '[retention]\nbackups_keep = 3\n[notify]\nemail_to = "ops@example.edu"\n')
    run = cli("config", "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert f"# effective configuration; read from {data / 'mlis-crawler.toml'}" in run.stdout
    assert "contact: lis-data@example.edu)" in run.stdout  # the user agent sites will see
    assert "money_jump = 40.0\n" in run.stdout and "backups_keep = 3\n" in run.stdout
    echoed = parse_config(__import__("tomllib").loads(run.stdout))
    assert echoed.policy.money_jump == 40.0 and echoed.crawl.settings == {"DOWNLOAD_DELAY": 2.5}
    assert echoed.policy.bands["total_credits"] == (30, 60) and echoed.policy.bands["min_gpa"] == (2, 4)
    assert echoed.policy.rate_bands[("tuition", "credit")] == (60, 4000)
    assert echoed.policy.rate_bands[("tuition", "course")] == (150, 15000)  # the others keep their defaults
    assert echoed.notify.email_to == ["ops@example.edu"]
    loaded = load_config(data)
    assert (loaded.crawl, loaded.policy, loaded.retention, loaded.notify) == (
        echoed.crawl, echoed.policy, echoed.retention, echoed.notify)
    assert parse_config(__import__("tomllib").loads(to_toml(Config()))) == Config()


@pytest.mark.parametrize("text, named", [
    ("[policy]\nmoney_jumpp = 30\n", "unknown key 'money_jumpp' in [policy]"),
    ("[polcy]\nmoney_jump = 30\n", "unknown section [polcy]"),
    ("[notify]\nsmtp_port = \"25\"\n", "[notify] smtp_port must be a whole number"),
    ("[policy]\nrate_bands = { \"tuition.credit\" = [5000, 50] }\n",
     "[policy] rate_bands.tuition.credit: low 5000 is above high 50"),
    ("[policy]\nrate_bands = { \"tuition.semester\" = [1, 2] }\n", "[policy] rate_bands: unknown rate 'tuition.semester'"),
    ("[crawl]\nsettings = { download_delay = 1 }\n", "'download_delay' is not a Scrapy setting name"),
    ("[crawl\n", "not valid TOML"),
])
def test_a_bad_config_is_a_usage_error_naming_the_key(data, text, named):
    write_config(data, text)
    for command in (["config"], ["refresh", "--replay", str(SITES / QUIET), "--spider", SPIDER]):
        run = cli(*command, "--data", str(data))
        assert run.returncode == 2, run.stderr
        assert run.stderr.startswith("mlis-crawler: error: ") and named in run.stderr
    assert len(os.listdir(data / "crawls")) == 1  # the baseline's: no crawl was started


def test_a_named_config_file_must_exist(data):
    run = cli("config", "--data", str(data), "--config", str(data / "nope.toml"))
    assert run.returncode == 2 and "config file not found" in run.stderr


def test_config_sets_the_user_agent_contact_and_the_review_thresholds(data, jump):
    """[crawl] contact reaches the crawl's user agent; [policy] money_jump = 50 lets +33% through."""
    write_config(data, '[crawl]\ncontact = "lis-data@example.edu"\n[policy]\nmoney_jump = 50\n')
    run = cli("refresh", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert f"mlis-crawler refresh 2026-11-03: {PROGRAMS} changes published\n" in run.stdout
    crawl_id = run.stdout.split()[1].rstrip(":")
    assert "contact: lis-data@example.edu)" in (data / "crawls" / crawl_id / "crawl.log").read_text()


# -- dry runs -----------------------------------------------------------------------------------------

def test_refresh_dry_run_prints_the_report_and_changes_nothing(data, jump):
    before = (sha(data / "programs.db"), sha(data / "history.db"), accepted_state(data), sorted(os.listdir(data)),
              sorted(os.listdir(data / "crawls")))
    run = cli("refresh", "--dry-run", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("crawl ")
    assert "# DRY RUN, nothing was published or recorded: mlis-crawler refresh 2026-11-03:" in run.stdout
    assert f"### Pending changes ({PROGRAMS})" in run.stdout
    assert "\\$900.00 per credit (online campus) → **\\$1,200.00 per credit (online campus)**" in run.stdout
    after = (sha(data / "programs.db"), sha(data / "history.db"), accepted_state(data), sorted(os.listdir(data)),
             sorted(os.listdir(data / "crawls")))
    assert after == before
    # The real night afterwards finds the same, as nothing was recorded.
    real = cli("refresh", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert f"{PROGRAMS} waiting for review" in real.stdout


def test_renormalize_dry_run_changes_nothing(data):
    before = (sha(data / "programs.db"), sha(data / "history.db"), accepted_state(data))
    run = cli("renormalize", "--dry-run", "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert "# DRY RUN, nothing was published or recorded: mlis-crawler renormalize" in run.stdout
    quiet = cli("renormalize", "--dry-run", "-q", "--data", str(data))
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert quiet.stdout == "DRY RUN, nothing was published or recorded: mlis-crawler renormalize 2026-11-02: no changes\n"
    assert (sha(data / "programs.db"), sha(data / "history.db"), accepted_state(data)) == before


# -- -v / -q and progress -----------------------------------------------------------------------------

def test_quiet_prints_only_the_summary_and_progress_goes_to_stderr_otherwise(data, jump):
    quiet = cli("refresh", "-q", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "mlis-crawler refresh 2026-11-03: 0 changes published; 9 waiting for review\n"
    assert quiet.stderr == ""
    loud = cli("refresh", "-v", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert loud.returncode == 0, loud.stderr
    assert loud.stdout.startswith("crawl ") and "Change report:" in loud.stdout
    # Not a terminal (cron): plain progress lines on stdout, one per site when it finishes.
    assert re.search(r"^progress arizona +finished: \d+ pages done, 0 failed$", loud.stdout, re.M), loud.stdout
    assert "\x1b" not in loud.stdout + loud.stderr and "progress" not in loud.stderr
    assert "INFO: configuration: defaults (no config file)" in loud.stderr
    assert "INFO: backed up history.db to " in loud.stderr


def test_progress_on_a_terminal_redraws_one_line_per_site(data, jump):
    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI with a terminal as its stdout and stderr
        env = {k: v for k, v in os.environ.items() if k != "MLIS_DATA"}
        os.chdir(ROOT)
        os.execve(CLI, [CLI, "refresh", "--replay", str(jump), "--spider", SPIDER, "--spider", "buffalo",
                        "--data", str(data)], env)
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert "\x1b[2Karizona    finished: " in text and "\x1b[2Kbuffalo    finished: " in text
    assert "\x1b[3F" in text  # redrawn in place: cursor back up over the block (two sites + the ETA line)
    assert "\x1b[2Kall sites done" in text
    assert "progress arizona" not in text


def test_board_names_the_slowest_site_and_its_eta():
    now = 1000.0
    fast = Site("arizona", started=now - 10, done=10, queued=0)
    slow = Site("buffalo", started=now - 10, done=5, queued=30)  # 2 s a page, 30 to go: 60 s
    done = Site("twu", started=now - 50, done=12, finished=True)
    lines = board_lines([slow, fast, done], now)
    assert lines[0] == "arizona    10 pages done, 0 queued, 0 failed, about 0s left"
    assert lines[1] == "buffalo    5 pages done, 30 queued, 0 failed, about 1m00s left"
    assert lines[2] == "twu        finished: 12 pages done, 0 failed"
    assert lines[3] == "2 site(s) running; slowest: buffalo, about 1m00s left"
    assert board_lines([Site("lsu", started=now)], now)[-1] == "1 site(s) running; slowest: lsu, about ? left"
    assert duration(3 * 3600 + 125) == "3h02m"


# -- alerts ---------------------------------------------------------------------------------------------

class Webhook(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.headers["Content-Type"], json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    Webhook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", Webhook.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def smtp():
    import email
    import email.policy

    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self):
            self.mails = []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
            self.mails.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 OK"

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, inbox.mails
    controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_night_with_pending_changes_mails_and_posts_its_summary_and_report(data, jump, smtp, webhook):
    port, mails = smtp
    url, posts = webhook
    write_config(data, f'[notify]\nemail_to = ["maintainer@example.edu"]\nemail_from = "crawler@example.edu"\n'
                       f'smtp_host = "127.0.0.1"\nsmtp_port = {port}\nwebhook = "{url}"\n'
                       'report_url = "https://mlis.example.edu/reports/{crawl_id}/report.html"\n')
    run = cli("refresh", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert run.returncode == 0, run.stderr
    summary = "mlis-crawler refresh 2026-11-03: 0 changes published; 9 waiting for review"
    crawl_id = run.stdout.split()[1].rstrip(":")
    (mail,) = mails
    assert mail["Subject"] == summary and mail["To"] == "maintainer@example.edu"
    parts = {part.get_filename() or part.get_content_type(): part for part in mail.walk() if not part.is_multipart()}
    text = parts["text/plain"].get_content()
    assert "- 9 change(s) waiting for review" in text
    assert f"Report: https://mlis.example.edu/reports/{crawl_id}/report.html" in text
    assert "### Pending changes (9)" in text  # the Markdown report as the body
    review = f"{CLI} review --data {data}"  # ready to paste: the program as the night ran it, the data folder
    assert f"\nNext:\n    {review}   # what waits, with the commands that decide it\n" in text.replace("\r\n", "\n"), text[:700]
    assert parts["report.html"].get_payload(decode=True).decode().startswith("<!doctype html>")
    ((content_type, payload),) = posts
    assert content_type.startswith("application/json")
    assert payload["text"] == summary and payload["pending"] == 9 and payload["crawl_id"] == crawl_id
    assert payload["report"] == f"https://mlis.example.edu/reports/{crawl_id}/report.html"
    assert [c.split("   #")[0] for c in payload["commands"]] == [review]


def test_a_quiet_healthy_night_sends_nothing(data, smtp, webhook):
    port, mails = smtp
    url, posts = webhook
    write_config(data, f'[notify]\nemail_to = "m@example.edu"\nsmtp_host = "127.0.0.1"\nsmtp_port = {port}\n'
                       f'webhook = "{url}"\n')
    snapshot = copy_snapshot(QUIET, data.parent / "sites", "2026-11-03")
    run = cli("refresh", "--replay", str(snapshot), "--spider", SPIDER, "--data", str(data))
    assert run.returncode == 0 and "no changes" in run.stdout
    assert mails == [] and posts == []


def test_a_failed_night_alerts_and_a_failed_alert_never_fails_the_night(data, jump, webhook):
    url, posts = webhook
    dead = free_port()  # nothing listens there
    write_config(data, f'[notify]\nemail_to = "m@example.edu"\nsmtp_host = "127.0.0.1"\nsmtp_port = {dead}\n'
                       f'webhook = "{url}"\ntimeout = 5\n')
    run = cli("refresh", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert run.returncode == 0, run.stderr  # the mail server is down; the night is still fine
    assert f"ERROR: alert by mail to m@example.edu via 127.0.0.1:{dead} failed:" in run.stderr
    assert len(posts) == 1  # the webhook still got it
    # A night that cannot run (the folder is busy) alerts too, and keeps its own exit code.
    import fcntl
    with open(data / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        busy = cli("refresh", "--replay", str(jump), "--spider", SPIDER, "--data", str(data))
    assert busy.returncode == 3 and "another mlis-crawler process" in busy.stderr
    assert posts[1][1]["failed"].startswith("another mlis-crawler process is working on")
    assert posts[1][1]["text"].endswith(f"failed: {posts[1][1]['failed']}")
    assert [c.split("   #")[0] for c in posts[1][1]["commands"]] == [f"{CLI} crawls --data {data}"]


# -- housekeeping ---------------------------------------------------------------------------------------

def test_each_night_backs_up_the_history_kept_by_count(data, jump):
    write_config(data, "[retention]\nbackups_keep = 2\n")
    for day in ("2026-11-03", "2026-11-04", "2026-11-05"):
        snapshot = copy_snapshot(QUIET, data.parent / f"sites-{day}", day)
        assert cli("refresh", "-q", "--replay", str(snapshot), "--spider", SPIDER, "--data", str(data)).returncode == 0
    backups = sorted((data / "backups").iterdir())
    assert len(backups) == 2 and all(p.name.startswith("history-") and p.suffix == ".db" for p in backups)
    conn = sqlite3.connect(f"file:{backups[-1]}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        last = conn.execute("SELECT crawl_id, status FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    assert last == (backups[-1].stem.removeprefix("history-"), "published")  # the night it was taken after


def test_prune_removes_crawls_and_reports_past_retention(data, jump):
    for day in ("2026-11-03", "2026-11-04"):
        snapshot = copy_snapshot(QUIET, data.parent / f"sites-{day}", day)
        cli("refresh", "-q", "--replay", str(snapshot), "--spider", SPIDER, "--data", str(data))
    old = "20250101T020000Z-abcd"  # a crawl of a year ago, on record in this history (prune touches only those)
    history = sqlite3.connect(data / "history.db")
    with history:
        history.execute("INSERT INTO crawls (crawl_id, source, started_at, observed_on, status) "
                        "VALUES (?, 'live', '2025-01-01T02:00:00+00:00', '2025-01-01', 'failed')", [old])
    history.close()
    (data / "crawls" / old).mkdir()
    (data / "reports" / old).mkdir()
    (data / "crawls" / "notes").mkdir()  # not named like a crawl: never ours to remove
    crawls = sorted(os.listdir(data / "crawls"))
    write_config(data, "[retention]\ncrawls_keep_days = 0\ncrawls_keep_count = 1\nreports_keep_days = 30\n"
                       "reports_keep_count = 0\n")
    trial = cli("prune", "--dry-run", "--data", str(data))
    assert trial.returncode == 0, trial.stderr
    assert trial.stdout.endswith("would remove 3 crawl folder(s) and 1 report(s)\n")
    assert sorted(os.listdir(data / "crawls")) == crawls
    run = cli("prune", "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert f"removed {data / 'reports' / old}\n" in run.stdout
    assert sorted(os.listdir(data / "crawls")) == sorted([crawls[-2], "notes"])  # the newest crawl and the stranger
    assert old not in os.listdir(data / "reports") and len(os.listdir(data / "reports")) == 3


def test_prune_keeps_the_latest_published_report_whatever_the_retention(tmp_path):
    for name in ("20260101T000000Z-aaaa", "20260102T000000Z-bbbb"):
        (tmp_path / "reports" / name).mkdir(parents=True)
    plan = prune_plan(tmp_path, Retention(reports_keep_days=0, reports_keep_count=0), {"20260101T000000Z-aaaa"})
    assert [p.name for p in plan.reports] == ["20260102T000000Z-bbbb"]


# -- footguns -------------------------------------------------------------------------------------------

def test_forgotten_data_says_data_may_be_missing(tmp_path):
    run = subprocess.run([CLI, "review"], capture_output=True, text=True, cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k != "MLIS_DATA"})
    assert run.returncode == 2
    assert "no history at data/history.db: is --data missing?" in run.stderr
    given = cli("review", "--data", str(tmp_path / "elsewhere"))
    assert "is --data missing" not in given.stderr and f"run `{CLI} refresh --data" in given.stderr


def test_make_demo_has_its_own_folder_and_leaves_data_alone(tmp_path):
    """`make demo` in a copy of the Makefile, with a stand-in for the CLI: ./data survives, the
    demo writes demo-data/, and pointing the demo at ./data is refused before anything is removed."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("requirements.lock", "pyproject.toml"):
        (tmp_path / name).write_text("")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # the real venv's python
    (bin_dir / "python").chmod(0o755)
    fake = bin_dir / "mlis-crawler"
    fake.write_text('#!/bin/sh\n# args: refresh --replay SNAP --data DIR, or audit CLAIMS --data DIR\n'
                    'if [ "$1" = audit ]; then echo "audit of $2 in $4"; echo "1 verified, 0 contradicted" >&2; exit 0; fi\n'
                    'mkdir -p "$5/reports/r1"\n'
                    'echo \'{"summary": "fake night"}\' > "$5/reports/r1/report.json"\necho "night $3 into $5"\n')
    fake.chmod(0o755)
    (tmp_path / ".venv" / ".installed").touch()
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")  # the nights are composed from the real recordings
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "history.db").write_text("the operator's real history")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # crawler.crawl.recordings, run by the stand-in venv's python
    run = subprocess.run(["make", "demo"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "into demo-data" in run.stdout and (tmp_path / "demo-data" / "reports" / "r1").is_dir()
    # it ends by auditing the shipped rankings claims: the counts (stderr) and where the audit file is
    audit = tmp_path / "demo-data" / "audit-rankings-2026.md"
    assert audit.read_text() == "audit of fixtures/claims/rankings-2026.csv in demo-data\n"
    assert "1 verified, 0 contradicted" in run.stderr and "Audit: demo-data/audit-rankings-2026.md" in run.stdout
    assert (tmp_path / "data" / "history.db").read_text() == "the operator's real history"
    for target in ("data", "./data/", "."):
        refused = subprocess.run(["make", "demo", f"DEMO_DATA={target}"], cwd=tmp_path, capture_output=True, text=True,
                                 env=env)
        assert refused.returncode != 0 and "would delete a real data folder" in refused.stdout
        assert (tmp_path / "data" / "history.db").read_text() == "the operator's real history"
    # Any other folder the demo did not write is refused too: it would be deleted (issue 22).
    (tmp_path / "srv-data").mkdir()
    (tmp_path / "srv-data" / "history.db").write_text("another real history")
    refused = subprocess.run(["make", "demo", "DEMO_DATA=srv-data"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert refused.returncode != 0 and "holds files the demo did not write" in refused.stdout
    assert (tmp_path / "srv-data" / "history.db").read_text() == "another real history"
    again = subprocess.run(["make", "demo"], cwd=tmp_path, capture_output=True, text=True, env=env)  # its own folder
    assert again.returncode == 0, again.stdout + again.stderr


def test_make_setup_installs_no_test_tools():
    """Production's environment (`make setup`) is requirements.lock alone: the test tools are in
    requirements-test.lock, installed by `make test` (issue 22)."""
    runtime = {line.split("==")[0].lower() for line in (ROOT / "requirements.lock").read_text().splitlines()
               if "==" in line}
    tests_only = {line.split("==")[0].lower() for line in (ROOT / "requirements-test.lock").read_text().splitlines()
                  if "==" in line}
    assert {"pytest", "hypothesis", "selenium", "pytest-xdist", "scrapyd"} <= tests_only
    assert not runtime & tests_only
    assert {"scrapy", "pydantic", "sqlite-utils", "parsel", "datasette"} <= runtime
    makefile = (ROOT / "Makefile").read_text()
    setup_recipe = makefile.split("$(VENV)/.installed: ")[1].split("\n\n")[0]
    assert "requirements-test.lock" not in setup_recipe and "requirements-test.lock" in makefile
    assert "demo-data/" in (ROOT / ".gitignore").read_text().splitlines()


# -- timers ---------------------------------------------------------------------------------------------

UNITS = ROOT / "contrib" / "systemd"


def unit_settings(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def test_the_service_runs_unprivileged_with_the_data_folder_its_only_writable_path():
    s = unit_settings(UNITS / "mlis-crawler.service")
    (exec_start,) = s["ExecStart"]
    data = exec_start.split("--data ")[1].split()[0]
    assert s["User"] != ["root"] and s["User"]
    assert s["ProtectSystem"] == ["strict"] and s["ReadWritePaths"] == [data]
    assert s["NoNewPrivileges"] == ["yes"] and s["ProtectHome"] == ["yes"] and s["PrivateTmp"] == ["yes"]
    assert s["CapabilityBoundingSet"] == [""]
    assert s["SuccessExitStatus"] == ["1"]  # broken sites are reported, not a unit failure
    t = unit_settings(UNITS / "mlis-crawler.timer")
    assert t["Unit"] == ["mlis-crawler.service"] and t["Persistent"] == ["true"] and t["OnCalendar"]


def test_systemd_analyze_verifies_the_units(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here; the units were not verified")
    # The units as installed, but pointing at this checkout's CLI and a user that exists here.
    service = (UNITS / "mlis-crawler.service").read_text().replace("/opt/mlis-crawler/.venv/bin/mlis-crawler", CLI)
    service = re.sub(r"^(User|Group)=.*$", r"\1=root", service, flags=re.M)
    (tmp_path / "mlis-crawler.service").write_text(service)
    shutil.copy(UNITS / "mlis-crawler.timer", tmp_path)
    units = [str(tmp_path / "mlis-crawler.service"), str(tmp_path / "mlis-crawler.timer")]
    run = subprocess.run([analyze, "verify", *units], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    # The check can fail: a setting systemd does not know is reported.
    (tmp_path / "mlis-crawler.service").write_text(service.replace("ProtectSystem=strict", "ProtectSystem=everything"))
    bad = subprocess.run([analyze, "verify", *units], capture_output=True, text=True)
    assert "protect system" in bad.stderr.lower()


# -- the report's broken sites and carried-over changes -------------------------------------------------

def test_broken_sites_say_each_cause_once_in_words_before_what_it_cost(data, tmp_path):
    from tests.support.sitecopy import declare, report

    snapshot = copy_snapshot(QUIET, tmp_path / "sites-503", "2026-11-03")
    declare(snapshot, "infosci.arizona.edu", status={"/ma-library-information-science/admissions-cost": 503})
    result = night(data, snapshot, [SPIDER])
    assert result.health == {SPIDER: "degraded"}
    markdown = (result.report_dir / "report.md").read_text(encoding="utf-8")
    section = markdown[markdown.index("### Broken sites"):markdown.index("## Changes published")]
    url = "https://ischool.arizona.edu/ma-library-information-science/admissions-cost"  # as scheduled (301 -> infosci)
    lines = [line for line in section.splitlines() if line.startswith("  - ")]
    assert lines[0] == f"  - The site's server failed (HTTP 503) on <{url}>"
    assert lines[-1] == "  - so: its last good values are kept"
    assert lines[1:-1] == [f"  - so: not read for all {PROGRAMS} programs: Application deadlines, Start terms, Minimum GPA, Tuition"]
    assert section.count(url) == 1  # one line per cause, not one per field or program
    for jargon in ("http_5xx", "conn_failed", "fetch_failed", "Error:"):
        assert jargon not in section
    html = (result.report_dir / "report.html").read_text(encoding="utf-8")
    broken = html[html.index('<section id="broken">'):html.index("</section>", html.index('<section id="broken">'))]
    assert f'The site&#39;s server failed (HTTP 503) on <a href="{url}"' in broken
    assert broken.index("server failed") < broken.index("so: its last good values are kept")
    final = "https://infosci.arizona.edu/ma-library-information-science/admissions-cost"
    assert report(result)["spiders"][0]["failures"] == [
        {"url": url, "outcome": "http_5xx", "status": 503, "error": None, "final_url": final}]


def test_every_outcome_has_words():
    from crawler.items import OK, OUTCOMES
    from crawler.report.describe import OUTCOME_WORDS, outcome_words

    assert set(OUTCOME_WORDS) == set(OUTCOMES) - {OK}
    assert outcome_words("http_4xx", 404).startswith("the page answered HTTP 404")
    assert "_" not in "".join(outcome_words(o, 500) for o in OUTCOME_WORDS)


def test_held_changes_carried_over_say_since_when(data, jump, tmp_path):
    night(data, jump, [SPIDER])                      # 2026-11-03: held
    again = copy_snapshot(QUIET, tmp_path / "sites-again", "2026-11-04")
    edit(again, ADMISSIONS_FILE, "$900/unit", "$1,200/unit")
    result = night(data, again, [SPIDER])            # 2026-11-04: still waiting, not asked twice
    markdown = (result.report_dir / "report.md").read_text(encoding="utf-8")
    assert "*Waiting since 2026\\-11\\-03* (held by an earlier crawl)." in markdown or \
           "*Waiting since 2026-11-03* (held by an earlier crawl)." in markdown
    html = (result.report_dir / "report.html").read_text(encoding="utf-8")
    assert "Waiting since 2026-11-03 (held by an earlier crawl)." in html
    listing = cli("review", "--data", str(data)).stdout
    assert "    waiting since 2026-11-03 (crawl " in listing
