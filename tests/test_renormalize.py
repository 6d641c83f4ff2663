"""`renormalize` re-reads stored evidence with today's normalizers; its changes are the parser's."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.history.reconcile import refresh_hash
from crawler.jobs import refresh
from crawler.jobs import renormalize
from crawler.history.db import open_history
from tests.conftest import NEWER, OLDER, SITES


@pytest.fixture()
def history(tmp_path):
    for snapshot in (OLDER, NEWER):
        refresh(tmp_path, SITES / snapshot, ["arizona"], log=lambda line: None)
    return tmp_path


def report(result) -> dict:
    return json.loads((result.report_dir / "report.json").read_text())


def test_unchanged_parser_finds_nothing(history):
    before = (history / "programs.db").read_bytes()
    result = renormalize(history)
    assert report(result)["changes"] == []
    assert report(result)["kind"] == "renormalize"
    published = sqlite3.connect(history / "programs.db")
    assert published.execute("SELECT count(*) FROM programs WHERE total_credits = 37").fetchone()[0] == 9
    assert len(before) > 0


def test_a_parser_that_reads_differently_causes_changes_labelled_as_the_parsers(history):
    # The accepted credits were read by an older parser that took "37" for 36; the evidence
    # stored with them still says 37, so today's parser corrects them without crawling.
    db = open_history(history / "history.db")
    with db.atomic():
        db.execute("UPDATE current SET value = '\"36\"' WHERE field = 'total_credits'")
        for (program_id,) in db.execute("SELECT program_id FROM programs").fetchall():
            refresh_hash(db, program_id)

    result = renormalize(history)

    changes = report(result)["changes"]
    assert {(c["field"], c["kind"], c["old"], c["new"], c["cause"], c["status"]) for c in changes} == {
        ("total_credits", "changed", "36", "37", "parser", "accepted")}
    assert len(changes) == 9
    based_on = db.execute("SELECT based_on FROM crawls WHERE crawl_id = ?", [result.crawl_id]).fetchone()[0]
    ledger = "SELECT url, outcome, sha256 FROM pages WHERE crawl_id = ? ORDER BY url"
    assert db.execute(ledger, [result.crawl_id]).fetchall() == db.execute(ledger, [based_on]).fetchall()  # nothing fetched
    markdown = (result.report_dir / "report.md").read_text()
    assert "(parser change)" in markdown
    published = sqlite3.connect(history / "programs.db")
    assert published.execute("SELECT count(*) FROM programs WHERE total_credits = 37").fetchone()[0] == 9
    # the published file tells a parser fix from a university's change
    assert published.execute("""SELECT cause, old_number, new_number, unit, count(*) FROM changes
                                WHERE crawl_id = ? GROUP BY 1, 2, 3, 4""", [result.crawl_id]).fetchall() == [
        ("parser", 36, 37, "credits", 9)]
    feed = (history / "changes.atom").read_text()
    assert feed.count('<category term="parser" />') == 1  # the nine programs' change is one entry


def test_only_the_latest_crawl_can_be_reread(history):
    db = open_history(history / "history.db")
    oldest = db.execute("SELECT crawl_id FROM crawls ORDER BY started_at LIMIT 1").fetchone()[0]
    from crawler.errors import ConfigError

    with pytest.raises(ConfigError, match="only the latest published crawl"):
        renormalize(history, oldest)
