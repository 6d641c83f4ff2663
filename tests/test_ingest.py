"""`mlis-crawler ingest`: feeds crawled elsewhere publish exactly what a local refresh publishes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.errors import ConfigError
from crawler.jobs import ingest, refresh
from tests.conftest import OLDER, ROOT, SITES, run_crawl

QUIET = {"log": lambda line: None}


def published_content(data: Path) -> dict[str, list[tuple]]:
    """Every table of programs.db but meta, rows sorted, the crawl's id and timestamps masked
    (they name the run, not the content)."""
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    try:
        (crawl_id,) = conn.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta'")]
        out = {}
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")
            # when a change was published (or decided) names the run too, not the content
            stamps = {i for i, d in enumerate(cursor.description) if d[0] in ("published_at", "decided_at")}
            out[table] = sorted(tuple("<crawl>" if v == crawl_id else "<time>" if i in stamps and v else v
                                      for i, v in enumerate(row)) for row in cursor)
        return out
    finally:
        conn.close()


def test_ingest_of_a_crawl_folder_publishes_what_refresh_publishes(tmp_path):
    snapshot = SITES / OLDER
    local = refresh(tmp_path / "local", snapshot, **QUIET)
    feeds = tmp_path / "feeds"
    run_crawl(snapshot, feeds)
    ingested = ingest(tmp_path / "ingested", [str(feeds)], observed_on=OLDER, **QUIET)
    assert ingested.health == local.health and ingested.counts == local.counts
    content = published_content(tmp_path / "ingested")
    assert content["programs"], "nothing was published"
    assert content == published_content(tmp_path / "local")


def test_a_spider_without_its_summary_failed(tmp_path):
    feeds = tmp_path / "feeds"
    run_crawl(SITES / OLDER, feeds, ["twu"])
    (feeds / "summary-twu.json").unlink()  # the job was killed before the spider closed
    result = ingest(tmp_path / "data", [str(feeds)], observed_on=OLDER, **QUIET)
    assert result.health == {"twu": "failed"}


def test_bad_sources_are_refused_with_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    for source, message in ((tmp_path / "missing", "feed folder not found"), (tmp_path / "empty", "no items-"),
                            ("http://example.org/items-twu.jsonl", "only loopback"),
                            ("http://127.0.0.1:9/listing.html", "not a feed or summary URL")):
        with pytest.raises(ConfigError, match=message):
            ingest(tmp_path / "data", [str(source)], **QUIET)
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        ingest(tmp_path / "data", [str(tmp_path / "empty")], observed_on="1 Nov", **QUIET)


def test_ingest_command_exit_code(tmp_path):
    result = subprocess.run([str(Path(sys.executable).parent / "mlis-crawler"), "ingest", str(tmp_path / "missing"),
                             "--data", str(tmp_path / "data")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "feed folder not found" in result.stderr


def test_a_feed_changed_after_its_check_is_refused_not_misread(tmp_path):
    from crawler.errors import FeedError
    from crawler.jobs import read_feeds

    feeds = tmp_path / "feeds"
    run_crawl(SITES / OLDER, feeds, ["twu"])
    data = read_feeds(feeds, ["twu"])["twu"]  # checked, not yet read
    feed = feeds / "items-twu.jsonl"
    feed.write_bytes(feed.read_bytes() + b'{"type": "page", "spider": "twu"}\n')
    with pytest.raises(FeedError, match="changed since it was checked"):
        data.facts
