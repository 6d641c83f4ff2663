"""Helpers for fault tests: copies of recorded snapshots to break, and copies of data folders.

Never touches fixtures/: every mutation happens on a copy under a test's tmp_path. A copy is
named by a capture date (the night it stands for), because a replay's folder name is the date
its values are verified on.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.crawl import recordings
from crawler.crawl import settings as project_settings
from crawler.jobs import refresh
from tests.conftest import SITES

QUIET_LOG = {"log": lambda line: None}


def copy_snapshot(snapshot: str | Path, dest_root: Path, night: str) -> Path:
    """A copy of fixtures/sites/<snapshot> (or of a composed night's folder) named <night>
    (YYYY-MM-DD) under dest_root."""
    dest = dest_root / night
    shutil.copytree(snapshot if isinstance(snapshot, Path) else SITES / snapshot, dest)
    return dest


def copy_data(baseline: Path, dest: Path) -> Path:
    """A copy of a data folder (history.db checkpointed first, so the copy is self-contained)."""
    conn = sqlite3.connect(baseline / "history.db")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    shutil.copytree(baseline, dest, ignore=shutil.ignore_patterns(".lock", "history.db-wal", "history.db-shm"))
    return dest


def night(data: Path, snapshot: Path, spiders: list[str]):
    """One nightly refresh, in process (the crawl itself runs in a child process)."""
    return refresh(data, snapshot, spiders, **QUIET_LOG)


def edit(snapshot: Path, relpath: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in one recorded page; the text must be there exactly `count` times."""
    file = snapshot / relpath
    text = file.read_text(encoding="utf-8")
    found = text.count(old)
    assert found == count, f"{relpath}: {old!r} found {found} times, expected {count}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def edit_re(snapshot: Path, relpath: str, pattern: str, new: str) -> int:
    file = snapshot / relpath
    text, n = re.subn(pattern, new, file.read_text(encoding="utf-8"))
    assert n, f"{relpath}: {pattern!r} not found"
    file.write_text(text, encoding="utf-8")
    return n


def declare(snapshot: Path, host: str, **overrides: dict) -> None:
    """Add replay overrides ({"status": {...}} or {"redirects": {...}}) for a host of a copy."""
    file = snapshot / "_replay" / f"{host}.json"
    file.parent.mkdir(exist_ok=True)
    table = json.loads(file.read_text()) if file.is_file() else {}
    for key, entries in overrides.items():
        table.setdefault(key, {}).update(entries)
    file.write_text(json.dumps(table, indent=1))


def report(result) -> dict:
    return json.loads((result.report_dir / "report.json").read_text())


def history(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data / "history.db")
    conn.row_factory = sqlite3.Row
    return conn


def published(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


PUBLISHED_TABLES = ("institutions", "programs", "tuition_rates", "deadlines")


def published_rows(data: Path, tables=PUBLISHED_TABLES) -> dict[str, list[tuple]]:
    """Every row of the published value tables, in primary-key order, as plain tuples."""
    conn = published(data)
    try:
        return {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in tables}
    finally:
        conn.close()


def provenance(data: Path) -> dict[tuple[str, str], dict]:
    """(program_id, field) -> its provenance rows (one per source URL), from the published file."""
    conn = published(data)
    try:
        out: dict[tuple[str, str], dict] = {}
        for r in conn.execute("SELECT * FROM provenance ORDER BY program_id, field, source_url"):
            out.setdefault((r["program_id"], r["field"]), {})[r["source_url"]] = dict(r)
        return out
    finally:
        conn.close()


def spider_class(name: str):
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    return SpiderLoader.from_settings(settings).load(name)


def spider_hosts(name: str, snapshot: Path) -> list[str]:
    """The recorded host folders a spider may crawl: its allowed_domains, or their subdomains."""
    domains = [d.lower().strip(".") for d in getattr(spider_class(name), "allowed_domains", None) or []]
    return sorted(
        p.name for p in snapshot.iterdir()
        if p.is_dir() and not p.name.startswith(("_", "."))
        and any(p.name.lower() == d or p.name.lower().endswith("." + d) for d in domains)
    )


def recorded_pages(snapshot: Path, host: str) -> list[Path]:
    """The recorded pages of a host (robots.txt and the scaffold's marker are not pages)."""
    return recordings.recorded_pages(snapshot / host)
