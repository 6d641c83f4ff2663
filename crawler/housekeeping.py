"""Housekeeping of a data folder: the nightly backup of history.db, and pruning past [retention].

Backups use SQLite's online backup API (a consistent copy even while another connection reads
or writes), written under a temporary name and renamed into `<data>/backups/`, newest
`backups_keep` kept. Pruning removes `crawls/<crawl_id>/` and `reports/<crawl_id>/` folders past
their age, always keeping the newest `*_keep_count` of each and the report of the latest
published crawl. A crawl's age is read from its id (`YYYYmmddTHHMMSSZ-xxxx`), not from file times.
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
from crawler.datadir import DataDir

log = logging.getLogger(__name__)

CRAWL_ID = re.compile(r"^(\d{8}T\d{6}Z)-[0-9a-f]{4}$")
BACKUP = re.compile(r"^history-(\d{8}T\d{6}Z)(-[0-9a-f]{4})?\.db$")


def backup_history(data: Path, keep: int, label: str | None = None) -> Path | None:
    """Copy history.db into <data>/backups/history-<label>.db; keep the newest `keep` (0: none)."""
    source = DataDir(data).history
    if keep <= 0 or not source.exists():
        return None
    folder = DataDir(data).backups
    folder.mkdir(exist_ok=True)
    label = label or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"history-{label}.db"
    tmp = folder / f".{target.name}.tmp"
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, target)
    for old in sorted((p for p in folder.iterdir() if BACKUP.match(p.name)), key=lambda p: p.name)[:-keep]:
        old.unlink()
        log.info("removed old backup %s", old)
    log.info("backed up %s to %s", source.name, target)
    return target


@dataclass
class Pruned:
    crawls: list[Path]
    reports: list[Path]

    @property
    def all(self) -> list[Path]:
        return self.crawls + self.reports


def prune_plan(data: Path, retention: Retention, keep_ids: set[str] = frozenset(), now: datetime | None = None) -> Pruned:
    """The folders past retention (nothing removed)."""
    now = now or datetime.now(UTC)
    return Pruned(
        crawls=_past(DataDir(data).crawls, retention.crawls_keep_days, retention.crawls_keep_count, keep_ids, now),
        reports=_past(DataDir(data).reports, retention.reports_keep_days, retention.reports_keep_count, keep_ids, now),
    )


def prune(data: Path, retention: Retention, keep_ids: set[str] = frozenset(), now: datetime | None = None) -> Pruned:
    plan = prune_plan(data, retention, keep_ids, now)
    for folder in plan.all:
        shutil.rmtree(folder)
        log.info("removed %s", folder)
    return plan


def _past(root: Path, keep_days: int, keep_count: int, keep_ids: set[str], now: datetime) -> list[Path]:
    if not root.is_dir():
        return []
    dated = []
    for folder in root.iterdir():
        match = CRAWL_ID.match(folder.name)
        if folder.is_dir() and match:  # anything not named like a crawl is not ours to remove
            dated.append((datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC), folder))
    dated.sort(reverse=True)
    cutoff = now - timedelta(days=keep_days)
    return sorted(folder for i, (when, folder) in enumerate(dated)
                  if i >= keep_count and when < cutoff and folder.name not in keep_ids)
