"""Bounded work per page (issue 21, red team F14's remainder): a page of more elements than
MLIS_PAGE_MAX_ELEMENTS, or whose reading spends more CPU than MLIS_PAGE_MAX_SECONDS, fails that
page alone (ledger `too_large` / `parse_error`, with the cap named), its published values kept;
the night goes on and publishes. Real crawls of a copy of the 2026-11-02 recording through Scrapy's
downloader, Buffalo's program page given a long course table before its deadline row.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crawler.jobs import refresh
from tests.conftest import QUIET
from tests.support.sitecopy import copy_snapshot, published_rows, report

SPIDER = "buffalo"
PAGE = "ed.buffalo.edu/academics/masters/library-science.html"
ROW = "<tr><th>Application deadline</th>"


def long_table(tmp_path: Path, rows: int) -> Path:
    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    file = snapshot / PAGE
    text = file.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    courses = "".join(f"<tr><th>Course {i}</th><td>Three credits of study {i}</td></tr>" for i in range(rows))
    file.write_text(text.replace(ROW, courses + ROW), encoding="utf-8")
    return snapshot


def ledger(data: Path) -> dict[str, tuple[str, str | None]]:
    conn = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    try:
        crawl = conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        return {url: (outcome, error) for url, outcome, error in conn.execute(
            "SELECT url, outcome, error FROM pages WHERE crawl_id = ?", [crawl])}
    finally:
        conn.close()


@pytest.mark.parametrize("rows, settings, outcome, says", [
    (70_000, {}, "too_large", "the page holds more than 200,000 elements (MLIS_PAGE_MAX_ELEMENTS)"),
    (30_000, {"MLIS_PAGE_MAX_SECONDS": "0.2"}, "parse_error", "reading the page took over 0.2 s of CPU"),
])
def test_a_page_over_its_budget_fails_alone(data, tmp_path, rows, settings, outcome, says):
    folder = data(SPIDER)
    before = published_rows(folder, ("deadlines",))  # what the failed page states
    assert before["deadlines"]
    result = refresh(folder, long_table(tmp_path, rows), [SPIDER], log=lambda line: None, settings=settings)
    assert result.health == {SPIDER: "degraded"} and result.exit_code == 1
    pages = ledger(folder)
    [(url, (got, error))] = [(u, o) for u, o in pages.items() if u.endswith(PAGE.partition("/")[2])]
    assert got == outcome and says in error
    assert all(o == "ok" for u, (o, _) in pages.items() if u != url)  # the site's other pages were read
    assert published_rows(folder, ("deadlines",)) == before  # kept as they were, not blanked
    assert says in json.dumps(report(result))
