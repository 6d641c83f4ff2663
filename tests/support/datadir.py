"""Helpers for the crash and publish tests: run the real CLI, look at a data folder, and
compare published files and reports while ignoring ids and timestamps."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

CLI = Path(sys.executable).parent / "mlis-crawler"
RUN_LIMIT_SECONDS = 120  # a bound on one command, never an expectation
KILLED = -signal.SIGKILL

CRAWL_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{4}")
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
ID_KEYS = {"change_id"}


def cli(*args: str, kill_at: str | None = None, env: dict | None = None, **popen) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env)
    env.pop("MLIS_KILL_AT", None)
    if kill_at:
        env["MLIS_KILL_AT"] = kill_at
    return subprocess.run([str(CLI), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=RUN_LIMIT_SECONDS, stdin=subprocess.DEVNULL, **popen)


def ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)  # read-write: recovers a hot journal or WAL as the next run would
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def check_published_file(data: Path) -> dict[str, str]:
    """programs.db is a complete rollback-journal database with no sidecar file; its meta."""
    target = data / "programs.db"
    assert target.is_file()
    assert sorted(p.name for p in data.glob("programs.db*")) == ["programs.db"]
    conn = ro(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def scrub(value: Any) -> Any:
    """Crawl ids and timestamps replaced by placeholders, id keys dropped, recursively."""
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items() if k not in ID_KEYS}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return TIMESTAMP.sub("<time>", CRAWL_ID.sub("<crawl>", value))
    return value


def published_content(path: Path) -> dict[str, list]:
    """Every table of a published file, rows sorted, ids and timestamps scrubbed."""
    conn = ro(path)
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            columns = [d[0] for d in cursor.description]
            # which publish first carried a change is a stamp of the publishes, not of the state: a
            # publish killed after its swap and redone carries its rows again under the next number
            rows = [{c: v for c, v in zip(columns, row) if c not in ID_KEYS and c != "published_seq"} for row in cursor]
            if table == "meta":
                # stamps of the publish itself, not of the state it holds; values_sha256 digests the
                # tables with the publish numbers of their changes, compared above without them
                rows = [r for r in rows if r["key"] not in ("published_at", "crawl_id", "publish_seq", "values_sha256")]
            out[table] = sorted(json.dumps(scrub(r), sort_keys=True) for r in rows)
        return out
    finally:
        conn.close()


def report_dirs(data: Path) -> dict[str, Path]:
    """crawl id -> its report.json, for every report written in full."""
    return {p.parent.name: p for p in sorted((data / "reports").glob("*/report.json"))}


def crawls(data: Path) -> dict[str, str]:
    """crawl id -> status, in the order the crawls started."""
    conn = ro(data / "history.db")
    try:
        return dict(conn.execute("SELECT crawl_id, status FROM crawls ORDER BY rowid"))
    finally:
        conn.close()


def stale_temp_files(data: Path) -> list[str]:
    found = [p for p in data.glob(".programs.db.tmp-*")]
    found += [p for p in (data / "reports").glob("*/.*.tmp")]
    found += [p for p in data.glob("programs.db-*")]
    return sorted(str(p.relative_to(data)) for p in found)
