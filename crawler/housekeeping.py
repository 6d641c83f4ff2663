"""Housekeeping of a data folder: the nightly backup of history.db, and pruning past [retention].

Backups use SQLite's online backup API (a consistent copy even while another connection reads
or writes), written under a temporary name and renamed into `<data>/backups/`; the newest
`backups_keep` are kept, newest in the history's order of crawls (never by the clock). Pruning
removes `crawls/<crawl_id>/` and `reports/<crawl_id>/` folders past their age, always keeping the
newest `*_keep_count` of each and the report of the latest published crawl, and only folders of
crawls this history knows (two data folders may share `reports/`). A crawl's age is read from its
id (`YYYYmmddTHHMMSSZ-xxxx`), not from file times.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.config import Retention
from crawler.datadir import DataDir, open_nofollow, under

log = logging.getLogger(__name__)

CRAWL_ID = re.compile(r"^(\d{8}T\d{6}Z)-[0-9a-f]{4}$")
BACKUP = re.compile(r"^history-(\d{8}T\d{6}Z)(-[0-9a-f]{4})?\.db$")


def backup_history(data: Path, keep: int, label: str | None = None) -> Path | None:
    """Copy history.db into <data>/backups/history-<label>.db; keep the newest `keep` (0: none).

    "Newest" is the history's own order of crawls, not the names' clock: the copy just written is
    always kept, then the copies of the latest crawls on record; a copy whose crawl the history
    does not know (taken under a clock that was ahead, or not named after a crawl) counts as the
    oldest, by its file's age. So after the clock goes back, tonight's copy survives. Raises when
    the copy fails (the night then fails its exit code and alerts: crawler/night/run.py)."""
    paths = DataDir(data)
    source = paths.history
    if keep <= 0 or not source.exists():
        return None
    folder = paths.backups
    folder.mkdir(exist_ok=True)
    label = label or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = under(folder, f"history-{label}.db")
    tmp = folder / f".{target.name}.tmp"
    tmp.unlink(missing_ok=True)  # a leftover, or a planted symlink: removed, never written through
    os.close(open_nofollow(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))  # SQLite's own mode, made here
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            finally:
                dst.close()
            order = crawl_order(src)
        finally:
            src.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for old in backups_to_remove(folder, target, keep, order):
        old.unlink()
        log.info("removed old backup %s", old)
    log.info("backed up %s to %s", source.name, target)
    return target


def crawl_order(db: sqlite3.Connection) -> dict[str, int]:
    """crawl_id -> its place in the history (the order crawls were recorded, whatever the clock said)."""
    try:
        return {crawl_id: rowid for rowid, crawl_id in db.execute("SELECT rowid, crawl_id FROM crawls")}
    except sqlite3.Error:
        return {}


def backups_to_remove(folder: Path, written: Path, keep: int, order: dict[str, int]) -> list[Path]:
    """The backups past the newest `keep`: `written` first, then by the history's crawl order."""
    def rank(path: Path):
        crawl_id = BACKUP.match(path.name).group(1) + (BACKUP.match(path.name).group(2) or "")
        known = order.get(crawl_id)
        return (path == written, known is not None, known or 0, path.stat().st_mtime, path.name)

    found = [p for p in folder.iterdir() if BACKUP.match(p.name) and p.is_file() and not p.is_symlink()]
    return sorted(found, key=rank, reverse=True)[keep:]


@dataclass
class Pruned:
    crawls: list[Path]
    reports: list[Path]

    @property
    def all(self) -> list[Path]:
        return self.crawls + self.reports


def prune_plan(data: Path, retention: Retention, keep_ids: set[str] = frozenset(), now: datetime | None = None,
               ours: set[str] | None = None) -> Pruned:
    """The folders past retention (nothing removed). `ours`: the crawl ids of this data folder's
    history; a folder named after any other crawl belongs to someone else (a shared `reports/`)
    and is left alone (None: every crawl-named folder counts, for a folder without a history)."""
    now = now or datetime.now(UTC)
    return Pruned(
        crawls=_past(DataDir(data).crawls, retention.crawls_keep_days, retention.crawls_keep_count, keep_ids, now, ours),
        reports=_past(DataDir(data).reports, retention.reports_keep_days, retention.reports_keep_count, keep_ids, now,
                      ours),
    )


def prune(data: Path, retention: Retention, keep_ids: set[str] = frozenset(), now: datetime | None = None,
          ours: set[str] | None = None) -> Pruned:
    plan = prune_plan(data, retention, keep_ids, now, ours)
    for folder in plan.all:
        shutil.rmtree(folder)
        log.info("removed %s", folder)
    return plan


def _past(root: Path, keep_days: int, keep_count: int, keep_ids: set[str], now: datetime,
          ours: set[str] | None = None) -> list[Path]:
    if not root.is_dir():
        return []
    dated = []
    for folder in root.iterdir():
        match = CRAWL_ID.match(folder.name)
        if ours is not None and folder.name not in ours:
            continue  # another data folder's crawl (a shared reports/): not ours to remove, nor to count
        if folder.is_dir() and not folder.is_symlink() and match:  # anything not named like a crawl is not ours
            dated.append((datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC), folder))
    dated.sort(reverse=True)
    cutoff = now - timedelta(days=keep_days)
    return sorted(folder for i, (when, folder) in enumerate(dated)
                  if i >= keep_count and when < cutoff and folder.name not in keep_ids)
