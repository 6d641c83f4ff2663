"""`mlis-crawler export`: every table of the published programs.db as CSV or JSON, one file
per table (`<table>.csv` / `<table>.json`), read in one transaction so the files agree.

CSV: a header row of column names, then the rows in primary-key order; NULL is an empty field,
integers and decimals as SQLite returns them (money is integer cents). A text cell that a
spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
return; page text is untrusted) is written with a `'` before it, which spreadsheets show as
text; numbers are never changed. JSON: a list of objects per table, typed values (numbers are
numbers, NULL is null), text exactly as published.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

FORMATS = ("csv", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """A CSV cell a spreadsheet will not run: text that would start a formula gets a `'` first."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _primary_key(conn: sqlite3.Connection, table: str) -> list[str]:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    return [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])] or [info[0][1]]


def export(programs_db: Path, out: Path, fmt: str) -> list[Path]:
    """Write every table of `programs_db` into `out` (created if needed); returns the files."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    out.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{programs_db}?mode=ro", uri=True, isolation_level=None)
    written = []
    try:
        conn.execute("BEGIN")
        for table in tables(conn):
            order = ", ".join(f'"{c}"' for c in _primary_key(conn, table))
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
            columns = [d[0] for d in cursor.description]
            target = out / f"{table}.{fmt}"
            tmp = out / f".{table}.{fmt}.tmp-{os.getpid()}"
            with tmp.open("w", encoding="utf-8", newline="") as f:
                if fmt == "csv":
                    writer = csv.writer(f)
                    writer.writerow(columns)
                    writer.writerows([spreadsheet_safe(c) for c in row] for row in cursor)
                else:
                    json.dump([dict(zip(columns, row)) for row in cursor], f, ensure_ascii=False, indent=1)
                    f.write("\n")
            os.replace(tmp, target)
            written.append(target)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return written
