"""Provenance in programs.db is the evidence behind every accepted value, one row per page: the
texts of a page in the order first read, each once, joined by " | ", pages in order of URL
(docs/schema.md). Publishing takes evidence of one passage apart with SQLite's JSON functions and
groups evidence of several in Python (crawler/publish/build.py); both must give what the history
holds. Checked row for row on the demo's file, built from real recorded pages."""

from __future__ import annotations

import json
import sqlite3

from tests.support.demo_file import demo_data


def expected_rows(history: sqlite3.Connection) -> list[tuple]:
    rows = []
    for program_id, field, evidence, crawl_id, verified_at in history.execute(
            """SELECT c.program_id, c.field, c.evidence, c.crawl_id, c.verified_at FROM current c
               JOIN programs USING (program_id) ORDER BY c.program_id, c.field"""):
        pages: dict[str, list[str]] = {}
        for piece in json.loads(evidence) if evidence else []:
            texts = pages.setdefault(piece["url"], [])
            if piece["text"] not in texts:
                texts.append(piece["text"])
        rows += [(program_id, field, url, " | ".join(texts), crawl_id, verified_at) for url, texts in sorted(pages.items())]
    return rows


def test_provenance_is_the_evidence_of_every_value_page_by_page():
    data = demo_data()
    history = sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)
    published = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    try:
        passages = [len(json.loads(e)) for (e,) in history.execute(
            "SELECT evidence FROM current WHERE program_id IN (SELECT program_id FROM programs)")]
        expected = expected_rows(history)
        rows = published.execute("SELECT program_id, field, source_url, evidence, crawl_id, verified_at "
                                 "FROM provenance ORDER BY rowid").fetchall()
    finally:
        history.close()
        published.close()
    # both ways of publishing evidence are met: one passage, and several (on one page or more)
    assert passages.count(1) > 300 and sum(n > 1 for n in passages) >= 10
    assert any(not row[3].isascii() for row in expected)  # text the history keeps \u-escaped
    assert rows == expected  # in primary-key order, as written
