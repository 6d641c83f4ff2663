"""The steps every night shares once its source has staged: reconcile, publish, report; and the
settling of nights an earlier run left unfinished.

Each step commits on its own and records how far the crawl got (`crawls.status`), so a night
killed at any point leaves the history consistent: the next one marks the interrupted crawl
failed and starts again, or, if its reconcile had committed, finishes publishing and reporting
it first (`recover`); nothing half-done is ever published, and nothing is published without the
report that lists it.

Every crawl has a report, failed ones too: a crawl that fails (an error, SIGINT or SIGTERM)
writes one at once saying so ("the crawl of <date> failed: <reason>; nothing was published; the
last good publish is <crawl>"); one that was killed gets it from the next run, which settles it.
Each report is also kept in the history (`night_reports`), so `report --crawl` shows what the
night said, not a rebuild from today's state.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Sequence

from crawler.datadir import DataDir
from crawler.errors import ClockError, Interrupted
from crawler.faults import checkpoint
from crawler.history.db import latest_published, newest_published_day
from crawler.history.policy import POLICY, Policy
from crawler.history.reconcile import reconcile
from crawler.night.crawl import Signals
from crawler.night.result import NightResult
from crawler.publish import file_stamp, publish
from crawler.report import as_written, build_report, write_reports
from crawler.report.gather import failure_report, store_report

KILLED_REASON = "interrupted before it finished (the process was killed or crashed)"


def new_crawl_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_observed_on(db, observed_on: str, allow_older: bool = False, today: date | None = None) -> None:
    """Time only moves forward: the date a night's pages were read (a snapshot's name, --observed-on,
    or today's date for a live crawl) must be a real calendar date, not after today, and not before
    the newest published night's date, unless the operator says so (`--allow-older`). Otherwise an
    older snapshot, or a clock gone back, would publish old values again as changes and move every
    `verified_at` back. Raises ClockError (exit 2) before the crawl is recorded."""
    today = today or date.today()
    try:
        day = date.fromisoformat(observed_on) if ISO_DAY.match(observed_on or "") else None
    except ValueError:
        day = None
    if day is None:
        raise ClockError(f"the pages' date {observed_on!r} is not a real calendar date (YYYY-MM-DD); nothing was done")
    if day > today:
        raise ClockError(f"the pages' date {observed_on} is in the future (today is {today}: is the clock or the "
                         "snapshot's name wrong?); nothing was done")
    row = newest_published_day(db)
    if row is not None and observed_on < row[1] and not allow_older:
        raise ClockError(f"the pages' date {observed_on} is older than that of the last published night "
                         f"({row[1]}, crawl {row[0]}): its values would go back in time (did the clock go back, "
                         "or is this an old snapshot?); nothing was done. If that is really meant, run it again "
                         "with --allow-older")


def last_good(db) -> str:
    crawl_id = latest_published(db)
    return crawl_id or "none yet"


def abandon_interrupted(db) -> list[str]:
    rows = [r[0] for r in db.execute("SELECT crawl_id FROM crawls WHERE status IN ('running', 'staged')")]
    for crawl_id in rows:
        db.execute(
            "UPDATE crawls SET status = 'failed', error = coalesce(error, ?) WHERE crawl_id = ?",
            [KILLED_REASON, crawl_id],
        )
    return rows


def fail_crawl(db, paths: DataDir, crawl_id: str, reason: str, log=print, warnings: Sequence[str] = ()) -> None:
    """Record a crawl that did not finish, and write its report saying so.

    Before its reconcile committed it changed nothing: it is `failed`. After, its changes are
    accepted already: it stays `reconciled` (the next run publishes it under its own id) with
    the reason on record. Either way nothing of it was published, and its report says that.
    """
    try:
        with db.atomic():
            db.execute("""UPDATE crawls SET status = CASE WHEN status IN ('running', 'staged') THEN 'failed' ELSE status END,
                          error = ?, finished_at = coalesce(finished_at, ?) WHERE crawl_id = ?""", [reason, now(), crawl_id])
            report = failure_report(db, crawl_id, warnings=warnings)
            store_report(db, report)
            write_reports(report, paths.report_dir(crawl_id))
    except Exception as exc:  # the failure must not hide the error that caused it
        log(f"note: could not write the report of failed crawl {crawl_id}: {exc}")


def recover(db, paths: DataDir, log=print) -> None:
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


def run_steps(db, paths: DataDir, crawl_id: str, signals: Signals, steps, log=print,
              policy: Policy = POLICY, warnings: Sequence[str] = ()) -> NightResult:
    """Run a crawl's steps up to its reconcile, then publish and report it; a crawl that fails or
    is interrupted on the way is recorded as failed, with a report that says so. `warnings`: what
    the configuration risks (`Config.warnings()`), said in the report either way."""
    try:
        for when, step in steps:
            signals.stop_if_asked(when)
            step()
        signals.stop_if_asked("before its reconcile")
        reconcile(db, crawl_id, policy)
    except Interrupted as exc:
        fail_crawl(db, paths, crawl_id, str(exc), log, warnings)
        raise Interrupted(exc.signum, f"{exc}: crawl {crawl_id} recorded as failed; nothing was published; "
                                      f"the last good publish is {last_good(db)}") from None
    except BaseException as exc:
        fail_crawl(db, paths, crawl_id, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, log,
                   warnings)
        raise
    try:
        result = publish_and_report(db, paths, crawl_id, warnings)
    except BaseException as exc:
        fail_crawl(db, paths, crawl_id, f"publishing failed: {exc}", log, warnings)
        raise
    if signals.received:
        raise Interrupted(signals.received, f"interrupted by {signals.name} after crawl {crawl_id}'s changes were "
                                            f"accepted; it was published and reported first: {result.summary}")
    return result


def publish_and_report(db, paths: DataDir, crawl_id: str, warnings: Sequence[str] = ()) -> NightResult:
    """Publish a reconciled crawl, then write its report; `published` commits only with the report,
    so a crawl killed anywhere in here stays `reconciled` and `recover` finishes it."""
    publish(db.conn, paths.data, crawl_id)
    with db.atomic():
        db.execute("UPDATE crawls SET status = 'published', finished_at = ?, error = NULL WHERE crawl_id = ?",
                   [now(), crawl_id])
        record_publish(db, crawl_id, "night", paths.programs)
        report = build_report(db, crawl_id, warnings)
        store_report(db, report)
        report_dir = write_reports(report, paths.report_dir(crawl_id))
        checkpoint("report:after_write")
    return NightResult.of(as_written(report), report_dir, paths.programs)


def record_publish(db, crawl_id: str | None, kind: str, published: Path | None = None) -> None:
    """A publish on record: which crawl its file names, and how far the applied changes and the
    decisions went (what `rollback --to` returns to). Given the file just `published`, the
    record takes its sequence number and time (`meta.publish_seq`, crawler/publish/sync.py)."""
    seq, at = file_stamp(published) if published is not None else (None, None)
    db.execute(
        """INSERT INTO publishes (publish_id, crawl_id, kind, published_at, applied_upto, decisions_upto) VALUES (?, ?, ?, ?,
           (SELECT coalesce(max(applied_seq), 0) FROM changes), (SELECT coalesce(max(decision_id), 0) FROM decisions))""",
        [seq, crawl_id, kind, at or now()])


def publish_now(db, paths: DataDir, crawl_id: str | None, kind: str) -> Path:
    """Publish the accepted state outside a night (after review decisions, a revert, a rollback)."""
    target = publish(db.conn, paths.data, crawl_id)
    with db.atomic():
        record_publish(db, crawl_id, kind, target)
    return target
