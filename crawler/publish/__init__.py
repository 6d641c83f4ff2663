"""Publish `programs.db` (DESIGN section 7) from the accepted state.

The file is rebuilt from scratch (`build`) and swapped in atomically, so a reader never sees it
half written: build under a temporary name in the target folder (rollback journal, no -wal
file), `PRAGMA integrity_check`, fsync, `os.replace` over the old file, fsync the folder. The
previous files stay in `previous/` (the last `KEEP_PREVIOUS`) for rollback.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crawler.errors import PublishError
from crawler.faults import checkpoint
from crawler.publish.build import SCHEMA, SCHEMA_VERSION, build

__all__ = ["KEEP_PREVIOUS", "SCHEMA", "SCHEMA_VERSION", "publish"]

KEEP_PREVIOUS = 3


def publish(history: sqlite3.Connection, data_dir: Path, crawl_id: str | None) -> Path:
    """Build and atomically install `data_dir/programs.db`; returns its path."""
    target = data_dir / "programs.db"
    for stale in data_dir.glob(".programs.db.tmp-*"):
        stale.unlink()  # left by a publish that was killed: never the published file
    tmp = data_dir / f".programs.db.tmp-{os.getpid()}"
    try:
        build(history, tmp, crawl_id)
        checkpoint("publish:built")
        _check(tmp)
        _fsync(tmp)
        _keep_previous(target, data_dir / "previous")
        checkpoint("publish:before_replace")
        os.replace(tmp, target)
        checkpoint("publish:after_replace")
        _fsync(data_dir, directory=True)
    finally:
        tmp.unlink(missing_ok=True)
    return target



def _check(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    if result != "ok" or mode != "delete" or broken:
        raise PublishError(f"refusing to publish: integrity {result!r}, journal {mode!r}, foreign keys {broken[:3]}")


def _keep_previous(target: Path, folder: Path) -> None:
    if not target.exists():
        return
    folder.mkdir(exist_ok=True)
    kept = sorted(folder.glob("programs-*.db"))
    if not (kept and os.path.samefile(kept[-1], target)):  # already kept by a publish killed before its rename
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        os.link(target, folder / f"programs-{stamp}.db")  # the old inode, kept as it was
    for old in sorted(folder.glob("programs-*.db"))[:-KEEP_PREVIOUS]:
        old.unlink()


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
