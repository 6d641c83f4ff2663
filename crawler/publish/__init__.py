"""Publish `programs.db` (DESIGN section 7) from the accepted state.

The file is rebuilt from scratch (`build`) and swapped in atomically, so a reader never sees it
half written: build under a temporary name in the target folder (no journal while it is
built: a build that fails leaves only that temporary file; no -wal file), `PRAGMA
integrity_check`, fsync, `os.replace` over the old file, fsync the folder.

Every publish has a sequence number (`meta.publish_seq`) and the `changes` table is a log that
only grows, each row saying which publish first carried it (crawler/publish/sync.py), so a
mirror asks for "rows since the last sequence I saw".

The new file takes the mode and group (and owner, when this process may set it) of the file it
replaces, so a web server that reads `programs.db` through a group keeps reading it whatever the
umask of the nightly job.

The file it replaces is kept in `previous/programs-<crawl id>.db` (a hard link: the old inode,
as it was), one file per distinct published crawl: a file whose crawl is kept already replaces
that one, and a file whose values equal the newest kept file's (a quiet night: only dates and
ids moved) replaces it too, so quiet nights never push real versions out. A file is kept only
if it passes its checks (integrity, our schema's meta); a corrupt or empty file is left out and
never pushes a good one out. At most `KEEP_PREVIOUS` files are kept, and of those, files older
than `KEEP_DAYS` days go, except the newest `KEEP_MIN`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from pathlib import Path

from crawler.datadir import DataDir
from crawler.errors import PublishError
from crawler.faults import checkpoint
from crawler.publish.build import SCHEMA, SCHEMA_VERSION, build
from crawler.publish.companions import write_companions
from crawler.publish.files import copy_permissions
from crawler.publish.sync import file_stamp, next_sequence

__all__ = ["KEEP_DAYS", "KEEP_MIN", "KEEP_PREVIOUS", "SCHEMA", "SCHEMA_VERSION", "file_stamp", "kept_files", "publish"]

KEEP_PREVIOUS = 10   # files in previous/ at most
KEEP_DAYS = 90       # older ones go ...
KEEP_MIN = 3         # ... except the newest few, whatever their age
# Columns that move on a quiet night without any value moving: not part of a file's values.
_STAMP_COLUMNS = {"verified_at", "as_of", "crawl_id", "published_at", "detected_at"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
VALUES_KEY = "values_sha256"  # meta key: the fingerprint of the file's values (`_fingerprint`)


def publish(history: sqlite3.Connection, data_dir: Path, crawl_id: str | None) -> Path:
    """Build and atomically install `data_dir/programs.db`; returns its path."""
    target = DataDir(data_dir).programs
    for stale in data_dir.glob(f".{target.name}.tmp-*"):
        stale.unlink()  # left by a publish that was killed: never the published file
    tmp = data_dir / f".{target.name}.tmp-{os.getpid()}"
    try:
        build(history, tmp, crawl_id, next_sequence(history, target))
        _stamp(tmp)
        checkpoint("publish:built")
        _check(tmp)
        _same_permissions(tmp, target)
        _fsync(tmp)
        _keep_previous(target, DataDir(data_dir).previous)
        checkpoint("publish:before_replace")
        os.replace(tmp, target)
        checkpoint("publish:after_replace")
        _fsync(data_dir, directory=True)
        write_companions(target)  # programs.metadata.json and changes.atom, from the file just published
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


def _same_permissions(tmp: Path, target: Path) -> None:
    """The new file gets the mode, group and (if allowed) owner of the file it replaces."""
    if not copy_permissions(tmp, target):
        gid = target.stat().st_gid
        raise PublishError(f"refusing to publish: the new file cannot get the group of {target} "
                           f"(gid {gid}); readers through that group would be locked out")


def kept_files(folder: Path) -> list[Path]:
    """The files in previous/, oldest first (by when they were published: their mtime)."""
    files = [p for p in folder.glob("programs-*.db") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime_ns, p.name))


def _inspect(path: Path) -> tuple[str, str] | None:
    """(crawl id, fingerprint of its values) of a published file that passes its checks, else None.
    The fingerprint is the one its publish stored in `meta` (`_stamp`), or computed for a file
    published before that (the same digest either way)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        # A kept file passed the full integrity check when it was published; here the quick check
        # (pages, records, no index cross-check) finds a file damaged since, at a third of the cost.
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if not meta.get("schema_version") or "programs" not in {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}:
            return None
        return meta.get("crawl_id") or "unlabelled", meta.get(VALUES_KEY) or _fingerprint(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


# What moves a file's values: every value that moves is a row of its change log (accepted, reverted,
# settled: `changes` and `change_items`, which only grow) or of `pending_changes` (held, or decided
# since); beside them only the institutions and each program's page and status are published
# without a change of their own. A digest of these tells two files' values apart at a third of the
# cost of hashing every table (0.12 against 0.37 s at 10,000 programs, benchmarks/reconcile_scale.py).
_VALUE_SOURCES = {"changes": None, "change_items": None, "pending_changes": None, "institutions": None,
                  "programs": ("program_id", "institution_id", "url", "status")}


def _fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of what moves a file's values (`_VALUE_SOURCES`), without the columns that move on a
    quiet night (`_STAMP_COLUMNS`): two files with the same digest hold the same values."""
    digest = hashlib.sha256()
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, chosen in _VALUE_SOURCES.items():
        if table not in present:
            continue
        # Only the value columns, selected by SQLite, hashed a few hundred rows at a time.
        info = list(conn.execute(f'PRAGMA table_info("{table}")'))  # (cid, name, type, notnull, default, pk)
        every = [r[1] for r in info]
        key = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or every[:1]  # its primary key, in order
        columns = ", ".join(f'"{c}"' for c in (chosen or every) if c not in _STAMP_COLUMNS)
        order = ", ".join(f'"{c}"' for c in key)
        cursor = conn.execute(f'SELECT {columns} FROM "{table}" ORDER BY {order}')
        digest.update(table.encode())
        for rows in iter(lambda: cursor.fetchmany(500), []):  # a few hundred: memory stays flat
            digest.update(repr(rows).encode())
    return digest.hexdigest()


def _stamp(path: Path) -> None:
    """Store the new file's fingerprint in its `meta` (`values_sha256`), computed once while its
    pages are still cached: the publishes that later keep or compare it read it instead of
    hashing the file again (two such passes, with two integrity checks, were a tenth of a publish)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [VALUES_KEY, _fingerprint(conn)])
    finally:
        conn.close()


def _keep_previous(target: Path, folder: Path) -> None:
    if not target.exists():
        return
    folder.mkdir(exist_ok=True)
    found = _inspect(target)
    if found is None:
        return  # a corrupt or foreign file is not kept, and pushes no good one out
    crawl_id, values = found
    name = folder / f"programs-{_UNSAFE.sub('_', crawl_id)}.db"
    kept = kept_files(folder)
    if any(os.path.samefile(p, target) for p in kept):
        return  # already kept by a publish killed before its rename
    newest = kept[-1] if kept else None
    if newest is not None and newest != name and (_inspect(newest) or (None, None))[1] == values:
        newest.unlink()  # the same values, newer dates: this one stands for both
    tmp = folder / f".{name.name}.tmp-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.link(target, tmp)  # the old inode, kept as it was
    os.replace(tmp, name)  # one file per crawl: a re-publish of it replaces its kept file
    _prune(folder)


def _prune(folder: Path) -> None:
    kept = kept_files(folder)
    cutoff = time.time() - KEEP_DAYS * 86400
    for i, path in enumerate(kept):
        newest_rank = len(kept) - i  # 1 = newest
        if newest_rank > KEEP_PREVIOUS or (newest_rank > KEEP_MIN and path.stat().st_mtime < cutoff):
            path.unlink()


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
