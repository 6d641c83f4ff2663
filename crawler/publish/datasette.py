"""Datasette metadata for programs.db (`programs.metadata.json`, written beside it by publish):
title, source, license note, a description of every table and column (crawler/publish/
columns.py) and units. Open the file with `mlis-crawler serve`, or:

    datasette serve programs.db -m programs.metadata.json --host 127.0.0.1

Datasette renders `units` with Pint and compacts them (90000 cents would show as "90 kcent"),
so only lengths and credits are given as Pint units; money columns say "US cents" in their
description and column name (`*_cents`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from crawler.datadir import PUBLISHED
from crawler.publish.columns import TABLES
from crawler.publish.files import install

METADATA_NAME = "programs.metadata.json"
DATABASE = "programs"  # Datasette names a database after its file
PINT_UNITS = {"months": "month", "credits": "credit"}

LICENSE = ("Facts stated on the universities' own public pages, read by mlis-crawler; each value's "
           "page and exact text are in the provenance table. Check a university's page before relying on a value.")


def _plain(text: str) -> str:
    """Datasette shows descriptions as plain text: no Markdown backticks."""
    return text.replace("`", "")


def metadata() -> dict:
    tables = {}
    for table, (row, columns) in TABLES.items():
        entry = {"description": _plain(f"One row per {row.removeprefix('one row per ')}."),
                 "columns": {name: _plain(meaning + (f" (unit: {unit})" if unit and unit not in meaning else ""))
                             for name, (_kind, meaning, unit) in columns.items()}}
        units = {name: PINT_UNITS[unit] for name, (_k, _m, unit) in columns.items() if unit in PINT_UNITS}
        if units:
            entry["units"] = units
        tables[table] = entry
    return {
        "title": "Online library and information science master's programs",
        "description": ("Programs, costs, deadlines and entrance exams as the universities state them, rebuilt after "
                        "every refresh from accepted values only (schema version 2; docs/schema.md). "
                        "Money is in integer US cents; pending_changes lists what is held for review."),
        "license": LICENSE,
        "source": "the universities' own program pages, read by mlis-crawler (provenance table: page and text per value)",
        "custom_units": ["credit = [academic_credit]"],
        "databases": {DATABASE: {"description": "programs.db, schema version 2", "tables": tables}},
    }


def write_metadata(folder: Path, like: Path | None = None) -> Path:
    """Write programs.metadata.json into `folder`, atomically (temporary file, rename), with the
    mode and group of `like` (the published programs.db, by default)."""
    target = folder / METADATA_NAME
    tmp = folder / f".{METADATA_NAME}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(metadata(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return install(tmp, target, like or folder / PUBLISHED)
