"""The Python API that the CLI wraps: the nightly job and the jobs beside it.

`refresh` is the nightly job: crawl, stage, reconcile (with the review policy), publish, report.
`renormalize` re-reads stored evidence with today's normalizers and goes the same way.

Each step commits on its own and records how far the crawl got (`crawls.status`), so a
refresh killed at any point leaves the history consistent: the next one marks the
interrupted crawl failed and starts again, or, if its reconcile had committed, finishes
publishing and reporting it first (`recover`); nothing half-done is ever published, and
nothing is published without the report that lists it.

Every crawl has a report, failed ones too: a crawl that fails (an error, SIGINT or SIGTERM)
writes one at once saying so ("the crawl of <date> failed: <reason>; nothing was published; the
last good publish is <crawl>"); one that was killed gets it from the next run, which settles it.
Each report is also kept in history.db (`night_reports`), so `report --crawl` shows what the
night said, not a rebuild from today's state.

Signals: SIGINT and SIGTERM are forwarded to the crawl child (it runs in its own process group
and dies with its parent), waited for, and the crawl is recorded as failed; the job then raises
`Interrupted` (exit 130 / 143). A signal after the reconcile committed lets the job finish
publishing and reporting first (a few seconds): its changes are accepted already.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from crawler import __version__
from crawler.config import Config
from crawler.datadir import DataDir
from crawler.errors import ConfigError, FeedError, Interrupted, ReadOnlyError, RefreshError
from crawler.faults import checkpoint
from crawler.fields import PARSER_VERSION
from crawler.publish import publish
from crawler.history.policy import POLICY, Policy
from crawler.history.reconcile import reconcile
from crawler.report import build_report, write_reports
from crawler.report.gather import failure_report, store_report
from crawler.history.stage import CrawlDir, SpiderData, read_crawl_dir, stage
from crawler.history.db import last_good_sizes, latest_published, open_history, storage_errors
from crawler.history.renormalize import reread
from crawler.states import CrawlStatus, Health, every_site_failed

CHILD_GRACE_SECONDS = 30  # after a forwarded signal, the crawl child gets this long to stop, then SIGKILL
SIGNAL_NAMES = {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}

SNAPSHOT_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


Paths = DataDir  # the name this module's callers knew


def check_data_dir(data: Path) -> DataDir:
    return DataDir(data).ensure_writable()


@contextmanager
def exclusive(paths: DataDir):
    """One refresh (or review, or publish) at a time per data folder."""
    with paths.exclusive():
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
    from crawler.crawl.runner import spider_names  # Scrapy: imported only by the jobs that crawl

    known = spider_names()
    requested = list(dict.fromkeys(requested))
    unknown = [s for s in requested if s not in known]
    if unknown:
        raise ConfigError(f"unknown spider {', '.join(unknown)}; known: {', '.join(known)}")
    return requested or known


KILLED_REASON = "interrupted before it finished (the process was killed or crashed)"


def abandon_interrupted(db) -> list[str]:
    rows = [r[0] for r in db.execute("SELECT crawl_id FROM crawls WHERE status IN ('running', 'staged')")]
    for crawl_id in rows:
        db.execute(
            "UPDATE crawls SET status = 'failed', error = coalesce(error, ?) WHERE crawl_id = ?",
            [KILLED_REASON, crawl_id],
        )
    return rows


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fail_crawl(db, paths: Paths, crawl_id: str, reason: str, log=print) -> None:
    """Record a crawl that did not finish, and write its report saying so.

    Before its reconcile committed it changed nothing: it is `failed`. After, its changes are
    accepted already: it stays `reconciled` (the next run publishes it under its own id) with
    the reason on record. Either way nothing of it was published, and its report says that.
    """
    try:
        with db.atomic():
            db.execute("""UPDATE crawls SET status = CASE WHEN status IN ('running', 'staged') THEN 'failed' ELSE status END,
                          error = ?, finished_at = coalesce(finished_at, ?) WHERE crawl_id = ?""", [reason, now(), crawl_id])
            report = failure_report(db, crawl_id)
            store_report(db, report)
            write_reports(report, paths.report_dir(crawl_id))
    except Exception as exc:  # the failure must not hide the error that caused it
        log(f"note: could not write the report of failed crawl {crawl_id}: {exc}")


def recover(db, paths: Paths, log=print) -> None:
    """Settle crawls an earlier run left unfinished (it was killed), before anything else runs.

    A crawl killed before its reconcile committed changed nothing: it is marked failed. One
    killed after (status `reconciled`) already made its accepted changes the accepted state,
    so it is finished now, published and reported under its own id; otherwise the next
    publish would ship its changes under another crawl's report, which would not list them.
    """
    with db.atomic():
        abandoned = abandon_interrupted(db)
    for crawl_id in abandoned:
        fail_crawl(db, paths, crawl_id, KILLED_REASON, log)
        log(f"note: crawl {crawl_id} was interrupted earlier; marked failed, nothing of it was published "
            f"(its report says so: {paths.report_dir(crawl_id) / 'report.md'})")
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

    @property
    def all_failed(self) -> bool:
        """Every site of several failed: far more likely our own network than the sites."""
        return every_site_failed(self.health.values())


class Signals:
    """SIGINT / SIGTERM during a job: remembered, forwarded to the crawl child, acted on between steps.

    Installed only in the main thread (signal handlers can live nowhere else); elsewhere (a job
    run from a thread) signals keep their default behaviour.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self.child: subprocess.Popen | None = None
        self._saved: dict[int, object] = {}

    def __enter__(self) -> "Signals":
        if threading.current_thread() is threading.main_thread():
            for signum in SIGNAL_NAMES:
                self._saved[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _handle(self, signum, frame) -> None:
        self.received = self.received or signum
        child = self.child
        if child is not None and child.poll() is None:
            child.send_signal(signum)  # every time: a second Ctrl-C makes Scrapy stop at once

    @property
    def name(self) -> str:
        return SIGNAL_NAMES.get(self.received, str(self.received))

    def stop_if_asked(self, when: str) -> None:
        if self.received:
            raise Interrupted(self.received, f"interrupted by {self.name} {when}")


def last_good(db) -> str:
    crawl_id = latest_published(db)
    return crawl_id or "none yet"


def run_steps(db, paths: Paths, crawl_id: str, signals: Signals, steps, log=print,
              policy: Policy = POLICY) -> RefreshResult:
    """Run a crawl's steps up to its reconcile, then publish and report it; a crawl that fails or
    is interrupted on the way is recorded as failed, with a report that says so."""
    try:
        for when, step in steps:
            signals.stop_if_asked(when)
            step()
        signals.stop_if_asked("before its reconcile")
        reconcile(db, crawl_id, policy)
    except Interrupted as exc:
        fail_crawl(db, paths, crawl_id, str(exc), log)
        raise Interrupted(exc.signum, f"{exc}: crawl {crawl_id} recorded as failed; nothing was published; "
                                      f"the last good publish is {last_good(db)}") from None
    except BaseException as exc:
        fail_crawl(db, paths, crawl_id, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, log)
        raise
    try:
        result = publish_and_report(db, paths, crawl_id)
    except BaseException as exc:
        fail_crawl(db, paths, crawl_id, f"publishing failed: {exc}", log)
        raise
    if signals.received:
        raise Interrupted(signals.received, f"interrupted by {signals.name} after crawl {crawl_id}'s changes were "
                                            f"accepted; it was published and reported first: {result.summary}")
    return result


def refresh(data: Path, replay: Path | None = None, spiders: list[str] | None = None, log=print,
            config: Config | None = None, settings: dict[str, str] | None = None) -> RefreshResult:
    """`config` is the configuration file's (policy, [crawl] settings); `settings` overrides Scrapy
    settings of the crawl child on top of it (`--set KEY=VALUE`), e.g. the loopback routing of the
    tests and benchmarks."""
    config = config or Config()
    if replay is not None and not replay.is_dir():
        raise ConfigError(f"replay folder not found: {replay}")
    paths = check_data_dir(data)
    names = check_spiders(spiders or [])
    with storage_errors(paths.history), exclusive(paths), Signals() as signals:  # a full disk is not a corrupt history
        db = open_history(paths.history)
        recover(db, paths, log)
        signals.stop_if_asked("before the crawl began (nothing was crawled)")
        crawl_id = new_crawl_id()
        db["crawls"].insert({
            "crawl_id": crawl_id, "kind": "crawl", "cause": "site", "source": str(replay) if replay else "live",
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "observed_on": observed_on(replay),
            "status": CrawlStatus.RUNNING, "code_version": __version__, "parser_version": PARSER_VERSION,
            "spiders": ",".join(names),
        })
        crawl_dir = paths.crawl_dir(crawl_id)
        log(f"crawl {crawl_id}: {len(names)} spider(s) from {replay or 'the live sites'}")
        crawl_dir.mkdir(parents=True, exist_ok=True)  # each page's last good size, for the truncation check
        paths.page_history(crawl_id).write_text(json.dumps({"min_size_ratio": config.policy.min_size_ratio,
                                                          "sizes": last_good_sizes(db, names, config.policy.size_memory)}))
        # Conditional GET: each page whose latest read was good is asked "changed since?" (crawl/conditional.py).
        from crawler.crawl.conditional import prune_cache, write_validators  # Scrapy: only jobs that crawl
        write_validators(db.conn, paths.validators(crawl_id))
        conditional = {"MLIS_PAGE_CACHE": str(paths.pages), "MLIS_VALIDATORS": str(paths.validators(crawl_id)),
                       "MLIS_PAGE_HISTORY": str(paths.page_history(crawl_id))}
        child_settings = {**config.crawl.overrides(), **conditional, **(settings or {})}
        return run_steps(db, paths, crawl_id, signals, [
            ("before the crawl", lambda: run_crawl(crawl_dir, replay, names, signals, child_settings)),
            ("during the crawl", lambda: stage(db, crawl_id, read_feeds(crawl_dir, names))),
            ("after staging", lambda: prune_cache(db.conn, paths.pages)),
        ], log, config.policy)


def renormalize(data: Path, crawl_id: str | None = None, log=print, config: Config | None = None) -> RefreshResult:
    """Re-read the latest published crawl's stored evidence with today's normalizers.

    Only the latest published crawl can be re-read: re-reading an older one would replay stale
    pages over newer values.
    """
    if not DataDir(data).has_history():
        raise ConfigError(f"no history at {DataDir(data).history}: run `mlis-crawler refresh --data {data}` first")
    paths: Paths = check_data_dir(data)
    with storage_errors(paths.history), exclusive(paths), Signals() as signals:
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
        return run_steps(db, paths, new_id, signals, [("before the re-read", lambda: stage(db, new_id, reread(db, based_on)))],
                         log, (config or Config()).policy)


def read_feeds(crawl_dir: Path, names: list[str]) -> CrawlDir:
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
        found[name] = data  # held as changed (a CrawlDir builds each spider anew when asked)
    return found


def publish_and_report(db, paths: Paths, crawl_id: str) -> RefreshResult:
    """Publish a reconciled crawl, then write its report; `published` commits only with the report,
    so a crawl killed anywhere in here stays `reconciled` and `recover` finishes it."""
    publish(db.conn, paths.data, crawl_id)
    with db.atomic():
        db.execute("UPDATE crawls SET status = 'published', finished_at = ?, error = NULL WHERE crawl_id = ?",
                   [now(), crawl_id])
        record_publish(db, crawl_id, "night")
        report = build_report(db, crawl_id)
        store_report(db, report)
        report_dir = write_reports(report, paths.report_dir(crawl_id))
        checkpoint("report:after_write")
    return RefreshResult(
        crawl_id=crawl_id, report_dir=report_dir, programs_db=paths.programs,
        health={s["name"]: s["health"] for s in report["spiders"]},
        counts=report["counts"], summary=report["summary"],
    )


def record_publish(db, crawl_id: str | None, kind: str) -> None:
    """A publish on record: which crawl its file names, and how far the applied changes and the
    decisions went (what `rollback --to` returns to)."""
    db.execute(
        """INSERT INTO publishes (crawl_id, kind, published_at, applied_upto, decisions_upto) VALUES (?, ?, ?,
           (SELECT coalesce(max(applied_seq), 0) FROM changes), (SELECT coalesce(max(decision_id), 0) FROM decisions))""",
        [crawl_id, kind, now()])


def publish_now(db, paths: Paths, crawl_id: str | None, kind: str) -> Path:
    """Publish the accepted state outside a night (after review decisions, a revert, a rollback)."""
    target = publish(db.conn, paths.data, crawl_id)
    with db.atomic():
        record_publish(db, crawl_id, kind)
    return target


def crawl_overrides() -> list[str]:
    """Scrapy settings for the crawl child from `MLIS_CRAWL_SETTINGS` ("KEY=VALUE KEY=VALUE"), e.g.
    `DOWNLOAD_DELAY=2` for a slower crawl on this machine; each becomes a `--set` of the child."""
    pairs = os.environ.get("MLIS_CRAWL_SETTINGS", "").split()  # values without spaces (JSON: write it compact)
    bad = [p for p in pairs if "=" not in p or p.startswith("=")]
    if bad:
        raise ConfigError(f"MLIS_CRAWL_SETTINGS expects KEY=VALUE pairs, not {' '.join(bad)}")
    return [arg for pair in pairs for arg in ("--set", pair)]


def _die_with_parent() -> None:
    """In the crawl child, before exec: be killed if the parent dies (even by SIGKILL), so no
    crawl ever goes on as an orphan after the lock is released (Linux; elsewhere a no-op)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass


def run_crawl(out: Path, replay: Path | None, names: list[str], signals: Signals | None = None,
              settings: dict | None = None) -> None:
    """Crawl in a child process; whatever it leaves behind is read, whatever it lost is failed.

    `settings` ([crawl] of the config file) and then MLIS_CRAWL_SETTINGS become the child's
    `--set`s (the later wins). The child runs in its own process group, so a Ctrl-C at the
    terminal reaches only this process, which forwards it (once per signal) and waits for the
    child to stop; a child that does not stop within CHILD_GRACE_SECONDS of a forwarded signal
    is killed."""
    out.mkdir(parents=True, exist_ok=True)
    checkpoint("crawl:before")
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log")]
    if replay is not None:
        command += ["--replay", str(replay.resolve())]
    for name in names:
        command += ["--spider", name]
    for key, value in (settings or {}).items():  # [crawl] of the config file and callers'; dicts and lists as JSON
        command += ["--set", f"{key}={json.dumps(value) if isinstance(value, (dict, list, bool)) else value}"]
    command += crawl_overrides()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, process_group=0, preexec_fn=_die_with_parent)
    if signals is not None:
        signals.child = child
        if signals.received:  # a signal that came while the child was being started
            child.send_signal(signals.received)
    try:
        stop_by = None
        while True:
            try:
                child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if signals is not None and signals.received:
                    stop_by = stop_by or time.monotonic() + CHILD_GRACE_SECONDS
                    if time.monotonic() > stop_by:
                        child.kill()
    finally:
        if child.poll() is None:  # this process is leaving (an error): the crawl goes with it
            child.kill()
            child.wait()
        if signals is not None:
            signals.child = None
    if child.returncode and not (signals is not None and signals.received):
        print(f"note: the crawl process exited with code {child.returncode} (its log: {out / 'crawl.log'}; "
              "errors before logging started go to stderr)", file=sys.stderr)


def ingest(data: Path, sources: list[str], observed_on: str | None = None, source_label: str | None = None,
           log=print) -> RefreshResult:
    """Stage, reconcile, publish and report crawl feeds made elsewhere (Scrapyd jobs, another
    machine), exactly as a local refresh does after its crawl.

    Each source is a folder holding `items-<spider>.jsonl` and `summary-<spider>.json` (what
    `python -m crawler.crawl --out` and a Scrapyd job with FEEDS and MLIS_SUMMARY_DIR leave),
    or an http(s) URL of one feed file or summary on loopback (a Scrapyd node's items/ listing
    serves them); they are copied into the crawl's own folder first, so the history keeps what was
    ingested. A spider whose summary is missing failed (the job did not finish), as in refresh.
    """
    import shutil
    import urllib.request
    from urllib.parse import urlsplit

    if observed_on is not None and not SNAPSHOT_DATE.match(observed_on):
        raise ConfigError(f"--observed-on expects YYYY-MM-DD, not {observed_on!r}")
    paths = check_data_dir(data)
    with exclusive(paths), Signals() as signals:
        db = open_history(paths.history)
        recover(db, paths, log)
        crawl_id = new_crawl_id()
        crawl_dir = paths.crawl_dir(crawl_id)
        crawl_dir.mkdir(parents=True, exist_ok=True)
        for source in sources:
            if urlsplit(source).scheme in ("http", "https"):
                name = Path(urlsplit(source).path).name
                if not re.fullmatch(r"(items-[\w-]+\.jsonl|summary-[\w-]+\.json)", name):
                    raise ConfigError(f"not a feed or summary URL (items-<spider>.jsonl, summary-<spider>.json): {source}")
                if urlsplit(source).hostname not in ("127.0.0.1", "localhost", "::1"):
                    raise ConfigError(f"only loopback URLs are read (copy remote feeds first): {source}")
                with urllib.request.urlopen(source, timeout=60) as answer, (crawl_dir / name).open("wb") as out:
                    shutil.copyfileobj(answer, out)
                continue
            folder = Path(source)
            if not folder.is_dir():
                raise ConfigError(f"feed folder not found: {source}")
            files = sorted([*folder.glob("items-*.jsonl"), *folder.glob("summary-*.json")])
            if not files:
                raise ConfigError(f"no items-<spider>.jsonl in {source}")
            for file in files:
                shutil.copyfile(file, crawl_dir / file.name)
        names = sorted({f.stem.removeprefix("items-").removeprefix("summary-")
                        for f in [*crawl_dir.glob("items-*.jsonl"), *crawl_dir.glob("summary-*.json")]})
        if not names:
            raise ConfigError("nothing to ingest: no feeds found")
        db["crawls"].insert({
            "crawl_id": crawl_id, "kind": "crawl", "cause": "site", "source": source_label or " ".join(sources),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "observed_on": observed_on or date.today().isoformat(),
            "status": CrawlStatus.RUNNING, "code_version": __version__, "parser_version": PARSER_VERSION,
            "spiders": ",".join(names),
        })
        log(f"crawl {crawl_id}: ingesting {len(names)} spider(s) from {len(sources)} source(s)")
        return run_steps(db, paths, crawl_id, signals, [
            ("before staging", lambda: stage(db, crawl_id, read_feeds(crawl_dir, names))),
        ], log)
