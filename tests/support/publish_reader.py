"""A downstream reader of programs.db, as a process of its own, for the publish-under-readers test.

    python -m tests.support.publish_reader DB STOP_FILE READY_FILE OUT_FILE MAX_READS MAX_SECONDS

Loops: open DB `?mode=ro`, read meta.crawl_id and a fingerprint of every table in one read
transaction, close. Touches READY_FILE after its first read; after it sees STOP_FILE it reads
once more and stops (or at MAX_READS, or after MAX_SECONDS). Writes one JSON line per read,
`{"label": ..., "fingerprint": ...}` or `{"error": ...}`, to OUT_FILE at the end.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import time
from pathlib import Path

TABLES = ("institutions", "programs", "program_start_terms", "program_entrance_exams", "tuition_rates", "deadlines",
          "program_costs", "provenance", "changes", "pending_changes", "change_items")


def fingerprint(conn: sqlite3.Connection) -> dict:
    """Row counts, and a hash over every row of every data table (rows sorted)."""
    digest = hashlib.sha256()
    counts = {}
    for table in TABLES:
        rows = sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        counts[table] = len(rows)
        digest.update(repr(rows).encode())
    return {"counts": counts, "sha256": digest.hexdigest()}


def read_once(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("BEGIN")
        label = conn.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()[0]
        result = {"label": label, "fingerprint": fingerprint(conn)}
        conn.execute("COMMIT")
        return result
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    db, stop, ready, out = map(Path, argv[:4])
    max_reads, max_seconds = int(argv[4]), float(argv[5])
    deadline = time.monotonic() + max_seconds
    results = []
    while len(results) < max_reads and time.monotonic() < deadline:
        stopping = stop.exists()
        try:
            results.append(read_once(db))
        except Exception as exc:  # every failure is a finding: recorded, never retried quietly
            results.append({"error": f"{type(exc).__name__}: {exc}"})
        if len(results) == 1:
            ready.touch()
        if stopping:
            break
    out.write_text("".join(json.dumps(r) + "\n" for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
