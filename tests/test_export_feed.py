"""`mlis-crawler export` writes every published table; changes.atom, written by publish, is a
valid Atom feed (checked by feedparser) with one entry per change group."""

from __future__ import annotations

import csv
import json
import re
import sqlite3

import feedparser
import pytest

from tests.support.datadir import cli
from tests.support.demo_file import demo_data


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{demo_data() / 'programs.db'}?mode=ro", uri=True)
    yield conn
    conn.close()


def table_names(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]


def test_export_csv_writes_one_file_per_table(db, tmp_path):
    result = cli("export", "--data", str(demo_data()), "--format", "csv", "--out", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    files = sorted(p.stem for p in (tmp_path / "csv").glob("*.csv"))
    assert files == table_names(db) and len(files) == 12
    for table in files:
        with (tmp_path / "csv" / f"{table}.csv").open(newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == [c[1] for c in db.execute(f'PRAGMA table_info("{table}")')]
        assert len(rows) - 1 == db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    with (tmp_path / "csv" / "tuition_rates.csv").open(newline="") as f:
        first = next(csv.DictReader(f))
    assert (first["program_id"], first["amount_cents"], first["credits_min"]) == ("arizona/ma-lis", "90000", "")


def test_export_json_is_typed(db, tmp_path):
    result = cli("export", "--data", str(demo_data()), "--format", "json", "--out", str(tmp_path / "json"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in (tmp_path / "json").glob("*.json")) == table_names(db)
    programs = json.loads((tmp_path / "json" / "programs.json").read_text())
    wisc = next(p for p in programs if p["program_id"] == "wisc/ma-lis-online")
    assert wisc["application_fee_cents"] == 5600 and wisc["total_credits"] == 36 and wisc["synchronous"] is None
    terms = json.loads((tmp_path / "json" / "program_start_terms.json").read_text())
    assert {"program_id": "wisc/ma-lis-online", "term": "fall", "as_of": "2026-11-02"} in terms


def test_export_without_a_published_file_is_a_clear_error(tmp_path):
    result = cli("export", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no published file" in result.stderr and not (tmp_path / "out").exists()


def test_the_feed_parses_with_one_entry_per_change_group(db):
    feed = feedparser.parse(str(demo_data() / "changes.atom"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    entries = feed.entries
    titles = [e.title for e in entries]
    assert len(set(e.id for e in entries)) == len(entries)
    # every accepted change is in exactly one entry: the programs counted in titles add up
    counted = sum(int(re.search(r"(\d+) programs?", t)[1]) for t in titles)
    assert counted == db.execute("SELECT count(*) FROM changes").fetchone()[0] == 72
    # 7 universities added on the first night; on the second, 10 universities recorded from that date
    # and TWU's new program added, and 7 change groups; none on the quiet night
    assert len(entries) == 25
    assert sum(t.endswith("added") for t in titles) == 18
    fees = next(e for e in entries if "Fees changed" in e.title)
    assert fees.title == ("University at Buffalo (SUNY): Fees changed: fee $61.90 per credit (out-of-state, online)"
                          " -> fee $76.16 per credit (out-of-state, online) (9 programs)")
    assert fees.link.startswith("https://www.buffalo.edu/studentaccounts/")
    name = next(e for e in entries if e.title.startswith("University of Wisconsin-Madison: Name changed"))
    assert name.title.endswith("Distance Delivered Program, MA -> Library and Information Studies: Online Program, MA (1 program)")
    assert name.link == db.execute(
        "SELECT source_url FROM changes WHERE program_id = 'wisc/ma-lis-online' AND field = 'name'").fetchone()[0]
    assert name.link.startswith("https://guide.wisc.edu/")
    assert all(e.link.startswith("https://") for e in entries)
    assert not [t for t in titles if "Application fee" in t]  # the held $56 -> $75 is pending, not in the feed
    # newest first, dated when the changes were published (a late accept is news when it is published)
    published = dict(db.execute("SELECT change_id, published_at FROM changes").fetchall())
    assert [e.updated for e in entries] == [published[int(e.id.rsplit("/", 1)[1])] for e in entries]
    assert entries[0].updated == max(published.values()) and entries[-1].updated == min(published.values())


def test_the_feed_keeps_the_newest_groups_grouped_as_the_changes_say(db):
    """Grouped and ranked in SQL, so a catalogue's worth of changes never reaches Python: the
    groups are those a plain reading of every change gives, and a limit keeps the newest."""
    from collections import defaultdict

    from crawler.publish.feed import change_groups

    by_key: dict[tuple, list[int]] = defaultdict(list)
    items = defaultdict(list)
    for row in db.execute("SELECT change_id, side, * FROM change_items ORDER BY change_id, side, seq"):
        items[row[0], row[1]].append(row[5:])
    for row in db.execute("SELECT change_id, crawl_id, program_id, field, kind, old_text, new_text, old_number, "
                          "new_number, old_detail, new_detail, published_seq, decision FROM changes ORDER BY applied_order"):
        change_id, crawl_id, program_id, *rest = row
        key = (crawl_id, program_id.split("/")[0], *rest, tuple(items[change_id, "old"]), tuple(items[change_id, "new"]))
        by_key[key].append(change_id)
    expected = sorted(by_key.values())
    every = change_groups(db, limit=10_000)
    assert [[p["program_id"] for p in g["programs"]] for g in every] == [
        [db.execute("SELECT program_id FROM changes WHERE change_id = ?", [i]).fetchone()[0] for i in ids]
        for ids in expected]
    assert [g["first_id"] for g in change_groups(db, limit=3)] == [ids[0] for ids in expected[-3:]]
    assert len(every) == 25 and len(change_groups(db, limit=3)) == 3
