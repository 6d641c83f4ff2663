"""The change report of one crawl (DESIGN section 8): report.json, report.md, report.html.

The flow reads in the module names: `gather` takes everything from the history database into
one plain dict (that is report.json); `describe` says how values, evidence and changes are
shown; `markdown` and `html` only lay it out. Decisions come first (pending changes, broken
sites), then accepted changes grouped by university and program. Page text is untrusted.
"""

from __future__ import annotations

import json
from pathlib import Path

from crawler.datadir import write_new
from crawler.faults import checkpoint
from crawler.report.describe import (
    by_programs,
    describe,
    group,
    md,
    md_code,
    moves,
    safe_url,
    visible,
)
from crawler.report.gather import build_report, summary_line
from crawler.report.html import render_html
from crawler.report.markdown import render_markdown

__all__ = ["as_written", "build_report", "by_programs", "describe", "group", "md", "md_code", "moves", "render_html",
           "render_markdown", "report_json", "safe_url", "summary_line", "visible", "write_reports"]


def report_json(report: dict) -> str:
    """report.json's text. data_dir only names the folder in the commands the renderers show;
    report.json stays the same wherever the data folder lives."""
    return json.dumps({k: v for k, v in report.items() if k != "data_dir"}, indent=2, ensure_ascii=False,
                      default=str) + "\n"


def as_written(report: dict) -> dict:
    """The report as report.json holds it (what a night hands back, and what alerts read)."""
    return json.loads(report_json(report))


def write_reports(report: dict, folder: Path) -> Path:
    """Write the three files, each under a fresh temporary name first (no symlink followed), then
    renamed into place (`datadir.write_new`)."""
    folder.mkdir(parents=True, exist_ok=True)
    outputs = {
        "report.json": report_json(report),
        "report.md": render_markdown(report),
        "report.html": render_html(report),
    }
    for name, text in outputs.items():
        write_new(folder / name, text.encode("utf-8"), before_replace=lambda: checkpoint("report:before_write"))
    return folder
