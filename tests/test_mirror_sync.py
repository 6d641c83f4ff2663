"""Downstream mirrors that sync incrementally miss nothing (issue 22; docs/schema.md, "Keeping a
mirror in sync").

Several simulated weeks of real nights (recorded Arizona pages replayed through Scrapy, one page
edited per week) and real maintainer commands: a tuition jump held, a fee change accepted by
the rules, the held jump accepted weeks later, one program's jump reverted, then a rollback to
the first week. Two mirrors follow the file as a downstream site would: one runs the documented
query on `changes` ("rows published since the last sequence I saw"), syncing only some weeks;
the other reads `changes.atom`. Both end equal to the published file: the same log of rows and
the same value for every program and field. A publish killed after its swap, before it was on
record, is not missed either.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from crawler.publish.build import typed
from crawler.publish.feed import ATOM, ITEM_COLUMNS, SYNC, render
from tests.conftest import QUIET, ROOT, SITES
from tests.support.datadir import KILLED, cli as support_cli
from tests.support.sitecopy import copy_data, copy_snapshot, edit, history, night

SPIDER = "arizona"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
CATALOG_FILE = "grad.arizona.edu/catalog/programinfo/LISMA"
CLI = Path(sys.executable).parent / "mlis-crawler"
DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


def mirror_query() -> str:
    """The query docs/schema.md gives mirrors, with its last-seen sequence as a parameter."""
    section = DOC.split("## Keeping a mirror in sync", 1)[1].split("\n## ", 1)[0]
    query = re.search(r"```sql\n(.*?)```", section, re.S)[1]
    assert "published_seq > 0" in query
    return query.replace("published_seq > 0", "published_seq > ?")


def cli(*args: str, data: Path) -> None:
    run = subprocess.run([str(CLI), *args, "--data", str(data)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def ro(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


# -- what the file says, per program and field, in the typed form of `changes` -----------------

def _clean(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}


def _items(rows) -> list[dict]:
    return sorted((_clean(dict(r)) for r in rows), key=lambda d: json.dumps(d, sort_keys=True))


def program_values(conn: sqlite3.Connection, program_id: str) -> dict[str, dict]:
    """field -> its value as the typed columns and items of a change's `new` side (read back
    from the file's own tables, not from `changes`)."""
    p = conn.execute("SELECT * FROM programs WHERE program_id = ?", [program_id]).fetchone()
    out = {}
    for field in ("name", "degree", "concentration", "delivery"):
        out[field] = _clean({"text": p[field]})
    for field, column in (("synchronous", "synchronous"), ("ala_accredited", "ala_accredited"),
                          ("total_credits", "total_credits"), ("min_gpa", "min_gpa"),
                          ("application_fee", "application_fee_cents")):
        out[field] = _clean({"number": p[column]})
    out["duration"] = _clean({"number": p["duration_months_min"], "number_max": p["duration_months_max"]})
    exams = _items(conn.execute("SELECT exam FROM program_entrance_exams WHERE program_id = ?", [program_id]))
    out["entrance_exam"] = _clean({"text": p["entrance_exam"], "detail": p["entrance_exam_condition"], "items": exams or None})
    rates = _items(conn.execute("""SELECT kind, amount_cents, per, residency, applies_to_label FROM tuition_rates
                                   WHERE program_id = ?""", [program_id]))
    out["tuition"] = {"items": rates} if rates else {}  # with the fees: see rates_merged
    deadlines = _items(conn.execute("SELECT term, date, kind, applies_to_label FROM deadlines WHERE program_id = ?",
                                    [program_id]))
    out["application_deadlines"] = {"items": deadlines} if deadlines else {}
    terms = _items(conn.execute("SELECT term FROM program_start_terms WHERE program_id = ?", [program_id]))
    out["start_terms"] = {"items": terms} if terms else {}
    return {field: value for field, value in out.items() if value}


def file_values(conn: sqlite3.Connection) -> dict[tuple[str, str], dict]:
    return {(program_id, field): value for (program_id,) in conn.execute("SELECT program_id FROM programs")
            for field, value in program_values(conn, program_id).items()}


def rates_merged(values: dict[tuple[str, str], dict]) -> dict[tuple[str, str], dict]:
    """`tuition` and `fees` as one `rates` value: the file keeps both fields' rates in one table
    (a page's fee can be part of the `tuition` field), so only their union can be compared."""
    out, rates = {}, {}
    for (program_id, field), value in values.items():
        if field in ("tuition", "fees"):
            rates.setdefault(program_id, []).extend(value.get("items", []))
        else:
            out[(program_id, field)] = value
    out.update({(p, "rates"): {"items": _items(items)} for p, items in rates.items() if items})
    return out


def as_change(value: dict) -> dict:
    """A typed value with its items in a canonical order (a change lists them in page order)."""
    return {**value, "items": _items(value["items"])} if "items" in value else value


# -- the two mirrors ----------------------------------------------------------------------------

class Mirror:
    """A downstream copy: the changes log and every program's values, kept by applying rows.
    A program-level row (a program added, removed or restored) makes it read that program's
    rows from the file, as the docs say; everything else comes from the rows alone."""

    def __init__(self) -> None:
        self.seen = 0
        self.values: dict[tuple[str, str], dict] = {}
        self.rows: dict[int, dict] = {}

    def apply(self, conn, change_id: int, program_id: str, field: str | None, new: dict) -> None:
        if field is None:
            for key in [k for k in self.values if k[0] == program_id]:
                del self.values[key]
            self.values.update({(program_id, f): v for f, v in program_values(conn, program_id).items()})
        elif new:
            self.values[(program_id, field)] = as_change(new)
        else:
            self.values.pop((program_id, field), None)


class TableMirror(Mirror):
    def sync(self, data: Path) -> int:
        conn = ro(data)
        try:
            conn.execute("BEGIN")  # one read: rows and sequence of one file
            rows = [dict(r) for r in conn.execute(mirror_query(), [self.seen])]
            for row in rows:
                items = conn.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM change_items WHERE change_id = ? "
                                     "AND side = 'new' ORDER BY seq", [row["change_id"]]).fetchall()
                new = _clean({c: row[f"new_{c}"] for c in ("text", "number", "number_max", "detail")})
                if items:
                    new["items"] = [_clean(dict(i)) for i in items]
                self.apply(conn, row["change_id"], row["program_id"], row["field"], new)
                self.rows[row["change_id"]] = {k: v for k, v in row.items() if k != "publish_seq"}
            self.seen = int(conn.execute("SELECT value FROM meta WHERE key = 'publish_seq'").fetchone()[0])
        finally:
            conn.close()
        return len(rows)


class FeedMirror(Mirror):
    def sync(self, data: Path) -> int:
        root = ET.fromstring((data / "changes.atom").read_bytes())  # a parse error fails the test
        publish = root.find(f"{{{SYNC}}}publish")
        assert int(publish.get("complete_since")) <= self.seen, "the feed no longer reaches back to what this mirror saw"
        rows = [c for entry in root.findall(f"{{{ATOM}}}entry") for c in entry.findall(f"{{{SYNC}}}change")
                if int(c.get("published_seq")) > self.seen]
        conn = ro(data)
        try:
            for c in sorted(rows, key=lambda c: int(c.get("applied_order"))):
                change_id = int(c.get("id"))
                self.apply(conn, change_id, c.get("program"), c.get("field"), json.loads(c.text))
                self.rows[change_id] = {k: c.get(k) for k in ("program", "field", "kind", "published_seq",
                                                               "applied_order", "reverts")}
        finally:
            conn.close()
        self.seen = int(publish.get("seq"))
        return len(rows)


def feed_rows(conn) -> dict[int, dict]:
    """The file's log as the feed mirror keeps it."""
    return {r["change_id"]: {"program": r["program_id"], "field": r["field"], "kind": r["kind"],
                             "published_seq": str(r["published_seq"]), "applied_order": str(r["applied_order"]),
                             "reverts": None if r["reverts"] is None else str(r["reverts"])}
            for r in conn.execute("SELECT * FROM changes")}


def assert_equal_to_file(mirror: Mirror, data: Path, table: bool) -> None:
    conn = ro(data)
    try:
        assert rates_merged(mirror.values) == rates_merged(file_values(conn))
        rows = {r["change_id"]: dict(r) for r in conn.execute("SELECT * FROM changes")} if table else feed_rows(conn)
        assert set(mirror.rows) == set(rows)
        differ = {i: {k: (v, rows[i][k]) for k, v in row.items() if rows[i][k] != v}
                  for i, row in mirror.rows.items() if row != rows[i]}
        assert not differ, f"rows changed after they were published: {differ}"
        assert mirror.seen == int(conn.execute("SELECT value FROM meta WHERE key = 'publish_seq'").fetchone()[0])
    finally:
        conn.close()


# -- the weeks ----------------------------------------------------------------------------------

def week(data: Path, tmp_path: Path, date: str, tuition: str, credits: str = "37"):
    snapshot = copy_snapshot(QUIET, tmp_path / f"sites-{date}", date)
    if tuition != "$900":
        edit(snapshot, ADMISSIONS_FILE, "$900/unit", f"{tuition} per unit")
    if credits != "37":
        edit(snapshot, CATALOG_FILE, "total of 37 units", f"total of {credits} units")
    result = night(data, snapshot, [SPIDER])
    assert result.health == {SPIDER: "ok"}
    return result


def changes_of(data: Path, field: str, status: str | None = None) -> list[int]:
    conn = history(data)
    try:
        return [r[0] for r in conn.execute("SELECT change_id FROM changes WHERE field = ? AND status = coalesce(?, status) "
                                           "ORDER BY change_id", [field, status])]
    finally:
        conn.close()


def crawl_ids(data: Path) -> list[str]:
    conn = history(data)
    try:
        return [r[0] for r in conn.execute("SELECT crawl_id FROM crawls ORDER BY rowid")]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def weeks(tmp_path_factory):
    """The data folder after every week, and the two mirrors' syncs along the way."""
    tmp = tmp_path_factory.mktemp("mirror")
    data = tmp / "data"
    table, feed, fresh = TableMirror(), FeedMirror(), TableMirror()
    log = {}

    week(data, tmp, QUIET, "$900")                       # 1: the baseline
    table.sync(data), feed.sync(data)
    week(data, tmp, "2026-11-09", "$1,200")              # 2: tuition +33%: held
    held = changes_of(data, "tuition", "pending")
    assert len(held) == 9
    table.sync(data), feed.sync(data)
    week(data, tmp, "2026-11-16", "$1,200", "36")        # 3: 37 -> 36 credits: accepted by the rules; no sync
    credits = changes_of(data, "total_credits", "accepted")
    assert credits and min(credits) > max(held)
    cli("review", "accept", *map(str, held), "--reason", "the university raised online tuition", data=data)  # 4
    cli("publish", data=data)
    log["late"] = (held, credits)
    log["synced_after_late"] = table.sync(data)
    feed.sync(data)
    cli("review", "revert", str(held[0]), "--reason", "this program keeps the old rate", data=data)  # 5
    cli("publish", data=data)
    table.sync(data)                                     # the feed mirror skips this week
    week(data, tmp, "2026-11-23", "$1,200", "35")        # 6: 36 -> 35 credits: accepted; the same tuition
    log["again"] = sorted(set(changes_of(data, "total_credits", "accepted")) - set(credits))
    assert len(log["again"]) == 9
    cli("rollback", "--to", crawl_ids(data)[0], "--reason", "back to the first week", data=data)  # 7
    table.sync(data), feed.sync(data)
    fresh.sync(data)                                     # a mirror that starts now, from nothing
    return {"data": data, "table": table, "feed": feed, "fresh": fresh, **log}


def test_a_held_change_accepted_weeks_later_is_published_with_the_later_sequence(weeks):
    held, credits = weeks["late"]
    conn = ro(weeks["data"])
    try:
        seq = dict(conn.execute(f"SELECT change_id, published_seq FROM changes WHERE change_id IN "
                                f"({','.join('?' * len(held + credits))})", held + credits).fetchall())
        decision = {r[0] for r in conn.execute(f"SELECT decision FROM changes WHERE change_id IN "
                                               f"({','.join('?' * len(held))})", held)}
    finally:
        conn.close()
    # lower change ids than the fee changes, yet published after them: "since N" finds them
    assert min(seq[i] for i in held) > max(seq[i] for i in credits)
    assert decision == {"review"}
    assert weeks["synced_after_late"] == len(held) + len(credits)


def test_reverts_and_rollbacks_are_rows_of_their_own(weeks):
    held, credits = weeks["late"]
    conn = ro(weeks["data"])
    try:
        reverts = {r["reverts"]: dict(r) for r in conn.execute("SELECT * FROM changes WHERE kind = 'reverted'")}
        undone = {r[0] for r in conn.execute(f"SELECT change_id FROM changes WHERE change_id IN "
                                             f"({','.join('?' * len(held))})", held)}
    finally:
        conn.close()
    again = weeks["again"]
    assert set(reverts) == set(held + credits + again)   # every change undone, each once
    assert undone == set(held)                        # and the undone changes stay in the log
    assert reverts[held[0]]["decision"] == "revert"
    assert {reverts[i]["decision"] for i in held[1:] + credits + again} == {"rollback"}
    # one value changed twice and rolled back in one publish: its reverts in the order undone
    for first, second in zip(credits, again):
        assert reverts[second]["applied_order"] < reverts[first]["applied_order"]
    assert all(r["change_id"] < 0 for r in reverts.values())
    assert reverts[held[0]]["published_seq"] < reverts[held[1]]["published_seq"]


@pytest.mark.parametrize("name", ["table", "feed", "fresh"])
def test_each_mirror_ends_equal_to_the_published_file(weeks, name):
    assert_equal_to_file(weeks[name], weeks["data"], table=name != "feed")


def test_the_file_values_read_back_are_the_accepted_state(weeks):
    """The mirrors' yardstick itself: the file's tables read back give the history's accepted values."""
    conn, hist = ro(weeks["data"]), history(weeks["data"])
    try:
        accepted = {}
        for r in hist.execute("SELECT program_id, field, value FROM current"):
            value = typed(r["field"], json.loads(r["value"]))
            value = _clean({k: value[k] for k in ("text", "number", "number_max", "detail")}) | (
                {"items": [_clean({c: i.get(c) for c in ITEM_COLUMNS}) for i in value["items"]]} if value["items"] else {})
            if value:
                accepted[(r["program_id"], r["field"])] = as_change(value)
        assert rates_merged(file_values(conn)) == rates_merged(accepted)
    finally:
        conn.close()
        hist.close()


def test_a_publish_killed_after_its_swap_is_not_missed(weeks, tmp_path):
    """A night killed right after its file was swapped in, before the publish was on record: a
    mirror may already have read that file. The next publish gets a higher number and carries
    the same rows again under it, so the mirror finds them (again) and ends equal."""
    data = copy_data(weeks["data"], tmp_path / "data")
    mirror = TableMirror()
    mirror.sync(data)
    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-30")
    edit(snapshot, CATALOG_FILE, "total of 37 units", "total of 34 units")
    killed = support_cli("refresh", "--replay", str(snapshot), "--data", str(data), "--spider", SPIDER,
                         kill_at="publish:after_replace")
    assert killed.returncode == KILLED, killed.stderr
    swapped = mirror.seen
    assert mirror.sync(data) == 9 and mirror.seen == swapped + 1  # the mirror read the swapped file
    cli("publish", data=data)                                  # recovers the night, publishes it again
    assert mirror.sync(data) == 9                              # the same rows, under the new number
    assert mirror.seen > swapped + 1
    assert_equal_to_file(mirror, data, table=True)


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_the_feed_says_how_far_back_it_is_complete(weeks, limit):
    """Only the newest groups fit in the feed: `complete_since` K says every row published after
    K is there, so a mirror that saw K or later can sync from the feed and one that saw less
    knows to read the file."""
    conn = ro(weeks["data"])
    try:
        root = ET.fromstring(render(conn, limit))
        in_feed = {int(c.get("id")) for c in root.iter(f"{{{SYNC}}}change")}
        since = int(root.find(f"{{{SYNC}}}publish").get("complete_since"))
        every = dict(conn.execute("SELECT change_id, published_seq FROM changes").fetchall())
    finally:
        conn.close()
    assert len(root.findall(f"{{{ATOM}}}entry")) == limit
    assert since > 0 and in_feed < set(every)
    assert {i for i, seq in every.items() if seq > since} <= in_feed
