"""Dry runs: what a refresh or a renormalize would publish, changing nothing in the data folder.

The job runs as it always does (crawl or re-read, stage, reconcile with the review policy,
publish, report) but on a scratch data folder in the system's temporary directory, holding a
copy of history.db made with SQLite's online backup API (and a copy of programs.db); the
scratch folder is deleted afterwards. The real history.db is only read, through a read-only
connection, so it and programs.db stay byte-identical, and no change is accepted or held in it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crawler import jobs
from crawler.config import Config
from crawler.datadir import DataDir
from crawler.errors import ConfigError

PREFIX = "DRY RUN, nothing was published or recorded: "


@dataclass
class DryRun:
    report: dict
    healthy: bool


def copy_history(data: Path, scratch: Path) -> None:
    source = DataDir(data).history
    if source.exists():
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(DataDir(scratch).history)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    if DataDir(data).programs.exists():
        shutil.copy2(DataDir(data).programs, DataDir(scratch).programs)


def _run(data: Path, job) -> DryRun:
    with tempfile.TemporaryDirectory(prefix="mlis-dry-run-") as tmp:
        scratch = Path(tmp) / "data"
        scratch.mkdir()
        copy_history(data, scratch)
        result = job(scratch)
        report = json.loads((result.report_dir / "report.json").read_text(encoding="utf-8"))
    report["summary"] = PREFIX + report["summary"]
    report["dry_run"] = True
    report["data_dir"] = str(data)  # the commands it shows name the real folder (their ids are the scratch copy's)
    return DryRun(report, result.healthy)


def refresh(data: Path, replay: Path | None = None, spiders: list[str] | None = None, log=print,
            config: Config | None = None) -> DryRun:
    return _run(data, lambda scratch: jobs.refresh(scratch, replay, spiders, log, config))


def renormalize(data: Path, crawl_id: str | None = None, log=print, config: Config | None = None) -> DryRun:
    if not DataDir(data).has_history():
        raise ConfigError(f"no history at {DataDir(data).history}: nothing to re-read")
    return _run(data, lambda scratch: jobs.renormalize(scratch, crawl_id, log, config))
