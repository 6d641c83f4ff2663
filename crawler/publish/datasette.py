"""Datasette metadata for programs.db (`programs.metadata.json`, written beside it by publish):
title, source, license note, a description of every table and column (crawler/publish/
columns.py) and units. Open the file with `mlis-crawler serve` (which follows each publish:
`serve` below), or, for a server that keeps the file it opened until restarted:

    datasette serve programs.db -m programs.metadata.json --host 127.0.0.1

Datasette renders `units` with Pint and compacts them (90000 cents would show as "90 kcent"),
so only lengths and credits are given as Pint units; money columns say "US cents" in their
description and column name (`*_cents`).
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
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


# -- serving the file that is published now ----------------------------------------------------

def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def followed_database(ds, path: Path):
    """A Datasette database that follows `path` across publishes.

    Publish replaces programs.db by renaming a new file over it, and a connection that stays
    open keeps reading the file it opened (deleted, after the swap). Datasette keeps one read
    connection per worker thread; this one checks, on each use, whether the path names another
    file than the one its connection has open (device and inode), and if so closes it and opens
    the new one. A swap between the check and the open is seen at the next use."""
    from datasette.database import Database

    class Followed(Database):
        _local = threading.local()

        async def execute_fn(self, fn):
            def in_thread():
                now = _identity(path)
                opened = getattr(self._local, "opened", None)
                if opened is None or opened[0] != now:
                    if opened is not None:
                        opened[1].close()
                        if opened[1] in self._all_file_connections:
                            self._all_file_connections.remove(opened[1])
                    conn = self.connect()
                    self.ds._prepare_connection(conn, self.name)
                    opened = self._local.opened = (now, conn)
                return fn(opened[1])

            return await asyncio.get_running_loop().run_in_executor(self.ds.executor, in_thread)

    return Followed(ds, path=str(path), is_mutable=True)


def serve(programs_db: Path, host: str, port: int) -> None:
    """Serve `programs_db` with its metadata in Datasette, following each publish (Ctrl-C stops)."""
    import uvicorn
    from datasette.app import Datasette

    metadata = programs_db.parent / METADATA_NAME
    ds = Datasette(metadata=json.loads(metadata.read_text(encoding="utf-8")))
    ds.remove_database("_memory")
    ds.add_database(followed_database(ds, programs_db), name=DATABASE)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
