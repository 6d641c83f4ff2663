"""The Python API that the CLI wraps: the nightly job and the jobs beside it.

`refresh` is the nightly job: crawl, stage, reconcile (with the review policy), publish, report.
`renormalize` re-reads stored evidence with today's normalizers and goes the same way.

Each step commits on its own and records how far the crawl got (`crawls.status`), so a
refresh killed at any point leaves the history consistent: the next one marks the
interrupted crawl failed and starts again, or, if its reconcile had committed, finishes
publishing and reporting it first (`recover`); nothing half-done is ever published, and
nothing is published without the report that lists it.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from crawler import __version__
from crawler.config import Config
from crawler.crawl.runner import spider_names
from crawler.errors import ConfigError, FeedError, RefreshError
from crawler.faults import checkpoint
from crawler.fields import PARSER_VERSION
from crawler.publish import publish
from crawler.history.policy import POLICY, Policy
from crawler.history.reconcile import reconcile
from crawler.report import build_report, write_reports
from crawler.history.stage import SpiderData, read_crawl_dir, stage
from crawler.history.db import latest_published, open_history
from crawler.history.renormalize import reread
from crawler.states import CrawlStatus, Health

SNAPSHOT_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Paths:
    data: Path

    @property
    def history(self) -> Path:
        return self.data / "history.db"

    @property
    def programs(self) -> Path:
        return self.data / "programs.db"

    def crawl_dir(self, crawl_id: str) -> Path:
        return self.data / "crawls" / crawl_id

    def report_dir(self, crawl_id: str) -> Path:
        return self.data / "reports" / crawl_id


def check_data_dir(data: Path) -> Paths:
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the data folder {data}: {exc.strerror}") from exc
    if not os.access(data, os.W_OK | os.X_OK):
        raise ConfigError(f"the data folder {data} is not writable")
    return Paths(data)


@contextmanager
def exclusive(paths: Paths):
    """One refresh (or review, or publish) at a time per data folder."""
    with open(paths.data / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshError(f"another mlis-crawler process is working on {paths.data}") from None
        yield


def new_crawl_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def observed_on(replay: Path | None) -> str:
    """Values are verified on the day the pages were read: a snapshot's capture date, or today."""
    if replay is not None and SNAPSHOT_DATE.match(replay.resolve().name):
        return replay.resolve().name
    return date.today().isoformat()


def check_spiders(requested: list[str]) -> list[str]:
    """The spiders to run: those asked for, each once, in the order asked (a name given twice
    would run twice at once, both writing one feed), or every spider."""
    known = spider_names()
    requested = list(dict.fromkeys(requested))
    unknown = [s for s in requested if s not in known]
    if unknown:
        raise ConfigError(f"unknown spider {', '.join(unknown)}; known: {', '.join(known)}")
    return requested or known


def abandon_interrupted(db) -> list[str]:
    rows = [r[0] for r in db.execute("SELECT crawl_id FROM crawls WHERE status IN ('running', 'staged')")]
    for crawl_id in rows:
        db.execute(
            "UPDATE crawls SET status = 'failed', error = coalesce(error, 'interrupted before it finished') WHERE crawl_id = ?",
            [crawl_id],
        )
    return rows


def recover(db, paths: Paths, log=print) -> None:
    """Settle crawls an earlier run left unfinished (it was killed), before anything else runs.

    A crawl killed before its reconcile committed changed nothing: it is marked failed. One
    killed after (status `reconciled`) already made its accepted changes the accepted state,
    so it is finished now, published and reported under its own id; otherwise the next
    publish would ship its changes under another crawl's report, which would not list them.
    """
    for crawl_id in abandon_interrupted(db):
        log(f"note: crawl {crawl_id} was interrupted earlier; marked failed, nothing of it was published")
    for (crawl_id,) in db.execute(
        "SELECT crawl_id FROM crawls WHERE status = 'reconciled' ORDER BY rowid"
    ).fetchall():
        result = publish_and_report(db, paths, crawl_id)
        log(f"note: crawl {crawl_id} was interrupted after its changes were accepted; published and reported now: "
            f"{result.summary}")


@dataclass
class RefreshResult:
    crawl_id: str
    report_dir: Path
    programs_db: Path
    health: dict[str, str]
    counts: dict[str, int]
    summary: str

    @property
    def healthy(self) -> bool:
        return all(h == Health.OK for h in self.health.values())


def refresh(data: Path, replay: Path | None = None, spiders: list[str] | None = None, log=print,
            config: Config | None = None) -> RefreshResult:
    config = config or Config()
    if replay is not None and not replay.is_dir():
        raise ConfigError(f"replay folder not found: {replay}")
    paths = check_data_dir(data)
    names = check_spiders(spiders or [])
    with exclusive(paths):
        db = open_history(paths.history)
        recover(db, paths, log)
        crawl_id = new_crawl_id()
        db["crawls"].insert({
            "crawl_id": crawl_id, "kind": "crawl", "cause": "site", "source": str(replay) if replay else "live",
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "observed_on": observed_on(replay),
            "status": CrawlStatus.RUNNING, "code_version": __version__, "parser_version": PARSER_VERSION,
            "spiders": ",".join(names),
        })
        crawl_dir = paths.crawl_dir(crawl_id)
        log(f"crawl {crawl_id}: {len(names)} spider(s) from {replay or 'the live sites'}")
        run_crawl(crawl_dir, replay, names, config.crawl.overrides())
        stage(db, crawl_id, read_feeds(crawl_dir, names))
        return finish(db, paths, crawl_id, config.policy)


def renormalize(data: Path, crawl_id: str | None = None, log=print, config: Config | None = None) -> RefreshResult:
    """Re-read the latest published crawl's stored evidence with today's normalizers.

    Only the latest published crawl can be re-read: re-reading an older one would replay stale
    pages over newer values.
    """
    if not (data / "history.db").exists():
        raise ConfigError(f"no history at {data / 'history.db'}: run `mlis-crawler refresh --data {data}` first")
    paths: Paths = check_data_dir(data)
    with exclusive(paths):
        db = open_history(paths.history)
        recover(db, paths, log)  # a crawl killed after reconcile is finished first (a `note:` line says so)
        latest = latest_published(db)
        if latest is None:
            raise ConfigError("no published crawl to re-read")
        based_on = crawl_id or latest
        if based_on != latest:
            raise ConfigError(f"only the latest published crawl ({latest}) can be re-read, not {based_on}")
        source, observed_on = db.execute("SELECT source, observed_on FROM crawls WHERE crawl_id = ?", [based_on]).fetchone()
        new_id = new_crawl_id()
        db["crawls"].insert({
            "crawl_id": new_id, "kind": "renormalize", "cause": "parser", "based_on": based_on,
            "source": f"evidence of crawl {based_on} ({source})", "observed_on": observed_on,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "status": CrawlStatus.RUNNING,
            "code_version": __version__, "parser_version": PARSER_VERSION,
        })
        stage(db, new_id, reread(db, based_on))
        return finish(db, paths, new_id, (config or Config()).policy)


def read_feeds(crawl_dir: Path, names: list[str]) -> dict[str, SpiderData]:
    """What the crawl left behind, for every spider asked for; a spider that left nothing failed.

    A feed with a malformed line before its last (a broken file, not a crawl cut short) fails
    its spider, with the reason as its finish reason (so in its errors and the report); the
    feed is set aside as `items-<name>.jsonl.malformed` and the other feeds are read as usual.
    """
    malformed: dict[str, str] = {}
    while True:
        try:
            found = read_crawl_dir(crawl_dir)
            break
        except FeedError as exc:
            malformed[exc.path.stem.removeprefix("items-")] = str(exc)
            exc.path.rename(exc.path.with_name(exc.path.name + ".malformed"))
    for name in names:
        found.setdefault(name, SpiderData(name))
    for name, reason in malformed.items():
        data = found.setdefault(name, SpiderData(name))
        data.summary = {**(data.summary or {}), "finish_reason": f"malformed feed: {reason}"}
    return found


def finish(db, paths: Paths, crawl_id: str, policy: Policy = POLICY) -> RefreshResult:
    """Reconcile, publish and report a staged crawl (shared by refresh and renormalize)."""
    reconcile(db, crawl_id, policy)
    return publish_and_report(db, paths, crawl_id)


def publish_and_report(db, paths: Paths, crawl_id: str) -> RefreshResult:
    """Publish a reconciled crawl, then write its report; `published` commits only with the report,
    so a crawl killed anywhere in here stays `reconciled` and `recover` finishes it."""
    publish(db.conn, paths.data, crawl_id)
    with db.atomic():
        db.execute("UPDATE crawls SET status = 'published', finished_at = ? WHERE crawl_id = ?",
                   [datetime.now(UTC).isoformat(timespec="seconds"), crawl_id])
        report = build_report(db, crawl_id)
        report_dir = write_reports(report, paths.report_dir(crawl_id))
        checkpoint("report:after_write")
    return RefreshResult(
        crawl_id=crawl_id, report_dir=report_dir, programs_db=paths.programs,
        health={s["name"]: s["health"] for s in report["spiders"]},
        counts=report["counts"], summary=report["summary"],
    )


def run_crawl(out: Path, replay: Path | None, names: list[str], settings: dict | None = None) -> None:
    """Crawl in a child process; whatever it leaves behind is read, whatever it lost is failed."""
    out.mkdir(parents=True, exist_ok=True)
    checkpoint("crawl:before")
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log")]
    if replay is not None:
        command += ["--replay", str(replay.resolve())]
    for name in names:
        command += ["--spider", name]
    for key, value in (settings or {}).items():  # [crawl] of the config file; dicts and lists as JSON
        command += ["--set", f"{key}={json.dumps(value) if isinstance(value, (dict, list, bool)) else value}"]
    subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
