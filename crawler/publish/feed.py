"""`changes.atom` beside programs.db: an Atom feed (RFC 4287) of accepted changes, read from
the published file itself, so it says exactly what the file says.

One entry per change group: the same change (field, kind, old and new value) found in one
crawl for several programs of one university is one entry ("University of Arizona: Tuition
added ... (9 programs)"). Its link is the page that states the new value; its id is stable
(the group's first change id), so a reader never sees an entry twice. The newest
`MAX_ENTRIES` groups are kept.
"""

from __future__ import annotations

import os
import sqlite3
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

from crawler.fields import FIELDS, words as describe
from crawler.states import Kind

FEED_NAME = "changes.atom"
MAX_ENTRIES = 500
TITLE_VALUES = 120  # characters of "old -> new" a title holds
ATOM = "http://www.w3.org/2005/Atom"
KINDS = {Kind.ADDED: "now stated", Kind.CHANGED: "changed", Kind.REMOVED: "no longer stated"}


def value_of(field: str, side: str, row: dict, items: list[dict]) -> object:
    """A change's value on one side, read back from the typed columns by its field's spec."""
    columns = {c: row[f"{side}_{c}"] for c in ("text", "number", "number_max", "detail")}
    spec = FIELDS.get(field)
    return spec.decode(columns, items) if spec is not None else columns["text"]


ITEM_COLUMNS = ("term", "date", "kind", "amount_cents", "per", "residency", "applies_to_label", "exam")
INSTITUTION = "CASE WHEN instr(c.program_id, '/') > 0 THEN substr(c.program_id, 1, instr(c.program_id, '/') - 1) ELSE c.program_id END"


def _items_key(side: str) -> str:
    """A change's items on one side as one value (for grouping in SQL)."""
    columns = "||','||".join(f"quote({c})" for c in ITEM_COLUMNS)
    return (f"(SELECT group_concat({columns}, ';') FROM (SELECT * FROM change_items i "
            f"WHERE i.change_id = c.change_id AND i.side = '{side}' ORDER BY i.seq))")


# One row per change group: the same change (field, kind, old and new value, items included) found
# in one crawl for programs of one university. Grouped and ranked by SQLite, so only the newest
# `limit` groups ever reach Python, however many changes the file holds.
NEWEST_GROUPS = f"""
    SELECT min(c.change_id) AS first_id, group_concat(c.change_id) AS members
    FROM changes c
    GROUP BY c.crawl_id, {INSTITUTION}, c.field, c.kind, c.old_text, c.new_text, c.old_number, c.new_number,
             c.old_number_max, c.new_number_max, c.old_detail, c.new_detail, {_items_key('old')}, {_items_key('new')}
    ORDER BY first_id DESC LIMIT ?"""


def change_groups(conn: sqlite3.Connection, limit: int = MAX_ENTRIES) -> list[dict]:
    """The newest `limit` groups of accepted changes, oldest first: (crawl, university, field,
    kind, old, new) -> its programs."""
    conn.row_factory = sqlite3.Row
    names = dict(conn.execute("SELECT institution_id, name FROM institutions").fetchall())
    groups = []
    for first_id, members in conn.execute(NEWEST_GROUPS, [limit]).fetchall():
        ids = [int(i) for i in members.split(",")]
        row = dict(conn.execute("SELECT * FROM changes WHERE change_id = ?", [first_id]).fetchone())
        items: dict[str, list[dict]] = defaultdict(list)
        for item in conn.execute("SELECT * FROM change_items WHERE change_id = ? AND side IN ('old', 'new') "
                                 "ORDER BY side, seq", [first_id]):
            items[item["side"]].append(dict(item))
        field = row["field"]
        institution = row["program_id"].split("/")[0]
        programs = [dict(r) for r in conn.execute(
            f"""SELECT c.program_id, p.name, p.url FROM changes c LEFT JOIN programs p USING (program_id)
                WHERE c.change_id IN ({",".join("?" * len(ids))}) ORDER BY c.change_id""", ids)]
        groups.append({
            "first_id": first_id, "institution": names.get(institution, institution), "field": field,
            "kind": row["kind"], "old": value_of(field, "old", row, items["old"]) if field else None,
            "new": value_of(field, "new", row, items["new"]) if field else None,
            "detected_at": row["detected_at"], "cause": row["cause"], "source_url": row["source_url"],
            "programs": programs,
        })
    return sorted(groups, key=lambda g: g["first_id"])


def title(group: dict) -> str:
    n = len(group["programs"])
    count = f"{n} program{'s' if n != 1 else ''}"
    if group["kind"] == Kind.PROGRAM_ADDED:
        return f"{group['institution']}: {count} added"
    if group["kind"] == Kind.PROGRAM_REMOVED:
        return f"{group['institution']}: {count} removed"
    label = FIELDS[group["field"]].label if group["field"] in FIELDS else group["field"]
    what = KINDS.get(group["kind"], group["kind"])
    values = f"{describe(group['field'], group['old'])} -> {describe(group['field'], group['new'])}"
    if len(values) > TITLE_VALUES:  # long lists of rates or deadlines: in the summary only
        return f"{group['institution']}: {label} {what} ({count})"
    return f"{group['institution']}: {label} {what}: {values} ({count})"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def render(conn: sqlite3.Connection) -> bytes:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", "mlis-crawler: accepted changes to online LIS master's programs")
    _sub(feed, "id", "tag:mlis-crawler,2026:changes")
    _sub(feed, "updated", meta.get("published_at") or "1970-01-01T00:00:00+00:00")
    _sub(_sub(feed, "author"), "name", "mlis-crawler")
    _sub(feed, "generator", meta.get("generator", "mlis-crawler"))
    for group in reversed(change_groups(conn)):  # newest first
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"tag:mlis-crawler,2026:change/{group['first_id']}")
        _sub(entry, "title", title(group))
        _sub(entry, "updated", f"{group['detected_at']}T00:00:00Z")
        link = group["source_url"] or group["programs"][0].get("url")
        if link:
            _sub(entry, "link", href=link, rel="alternate")
        if group["cause"] != "site":
            _sub(entry, "category", term=group["cause"])
        lines = [f"{p.get('name') or p['program_id']} ({p['program_id']})" for p in group["programs"]]
        if group["kind"] not in (Kind.PROGRAM_ADDED, Kind.PROGRAM_REMOVED):
            lines.insert(0, f"Before: {describe(group['field'], group['old'])}. After: {describe(group['field'], group['new'])}.")
        _sub(entry, "summary", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def write_feed(programs_db: Path) -> Path:
    """Write changes.atom beside `programs_db`, from it, atomically (temporary file, rename)."""
    target = programs_db.parent / FEED_NAME
    tmp = programs_db.parent / f".{FEED_NAME}.tmp-{os.getpid()}"
    conn = sqlite3.connect(f"file:{programs_db}?mode=ro", uri=True)
    try:
        tmp.write_bytes(render(conn))
    finally:
        conn.close()
    os.replace(tmp, target)
    return target
