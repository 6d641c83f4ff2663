"""`changes.atom` beside programs.db: an Atom feed (RFC 4287) of accepted changes, read from
the published file itself, so it says exactly what the file says.

One entry per change group: the same change (field, kind, old and new value) found in one
crawl for several programs of one university and first published together is one entry
("University of Arizona: Tuition added ... (9 programs)"); a revert is an entry of its own
("... Tuition reverted ..."). Its link is the page that states the new value, only when that
is an http(s) URL (`safe_url`, the report's rule); its id is stable (the group's first change
id; a revert's decision), and a group never changes once published, so a reader never sees an
entry twice. The newest `MAX_ENTRIES` groups are kept, newest first by when they were published.

Page text is untrusted: characters XML 1.0 does not allow (control characters) never reach the
feed, and hidden or reordering characters are shown as ⟨U+XXXX⟩, as in the reports.

For mirrors (docs/schema.md, "Keeping a mirror in sync"): the feed carries `mlis:complete_since`
(every row published after that sequence is in the feed) and each entry one `mlis:change` per
row, with the row's id, program, field, kind, `published_seq`, `applied_order`, `reverts` and
its new value (JSON: the typed columns and items of the `new` side).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

from crawler.fields import FIELDS, words as describe
from crawler.publish.files import install
from crawler.publish.sync import REVERTED
from crawler.states import Kind
from crawler.untrusted import safe_url, visible

FEED_NAME = "changes.atom"
MAX_ENTRIES = 500
TITLE_VALUES = 120  # characters of "old -> new" a title holds
ATOM = "http://www.w3.org/2005/Atom"
SYNC = "tag:mlis-crawler,2026:sync"  # the namespace of the elements mirrors read
KINDS = {Kind.ADDED: "now stated", Kind.CHANGED: "changed", Kind.REMOVED: "no longer stated",
         Kind.CONFLICT: "settled between pages", REVERTED: "reverted"}
# What XML 1.0 does not allow (Char production): C0 controls but tab, LF, CR; surrogates; FFFE, FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """Page text as feed text: hidden characters shown (⟨U+001B⟩), nothing XML 1.0 refuses."""
    return _NOT_XML.sub("\ufffd", visible(text))


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
# Rows first published together only: a group never changes once published.
NEWEST_GROUPS = f"""
    SELECT min(c.applied_order) AS first_order, group_concat(c.change_id) AS members, min(c.published_seq) AS seq
    FROM changes c
    GROUP BY c.published_seq, c.crawl_id, {INSTITUTION}, c.field, c.kind, c.decision, c.old_text, c.new_text,
             c.old_number, c.new_number, c.old_number_max, c.new_number_max, c.old_detail, c.new_detail,
             {_items_key('old')}, {_items_key('new')}
    ORDER BY first_order DESC LIMIT ?"""


def change_groups(conn: sqlite3.Connection, limit: int = MAX_ENTRIES) -> list[dict]:
    """The newest `limit` groups of accepted changes, oldest first: (crawl, university, field,
    kind, old, new) -> its programs."""
    conn.row_factory = sqlite3.Row
    names = dict(conn.execute("SELECT institution_id, name FROM institutions").fetchall())
    groups = []
    for first_order, members, _seq in conn.execute(NEWEST_GROUPS, [limit]).fetchall():
        row = dict(conn.execute("SELECT * FROM changes WHERE applied_order = ?", [first_order]).fetchone())
        first_id = row["change_id"]
        ids = [int(i) for i in members.split(",")]
        items: dict[str, list[dict]] = defaultdict(list)
        for item in conn.execute("SELECT * FROM change_items WHERE change_id = ? AND side IN ('old', 'new') "
                                 "ORDER BY side, seq", [first_id]):
            items[item["side"]].append(dict(item))
        field = row["field"]
        institution = row["program_id"].split("/")[0]
        programs = [dict(r) for r in conn.execute(
            f"""SELECT c.program_id, p.name, p.url, c.change_id, c.field, c.kind, c.published_seq, c.published_at,
                       c.applied_order, c.reverts
                FROM changes c LEFT JOIN programs p USING (program_id)
                WHERE c.change_id IN ({",".join("?" * len(ids))}) ORDER BY c.applied_order""", ids)]
        groups.append({
            "first_id": first_id, "institution": names.get(institution, institution), "field": field,
            "kind": row["kind"], "old": value_of(field, "old", row, items["old"]) if field else None,
            "new": value_of(field, "new", row, items["new"]) if field else None,
            "detected_at": row["detected_at"], "cause": row["cause"], "source_url": row["source_url"],
            "published_seq": row["published_seq"], "published_at": row["published_at"], "reverts": row["reverts"],
            "first_order": first_order, "programs": programs,
        })
    return sorted(groups, key=lambda g: g["first_order"])


def title(group: dict) -> str:
    n = len(group["programs"])
    count = f"{n} program{'s' if n != 1 else ''}"
    if group["kind"] == Kind.PROGRAM_ADDED:
        return f"{group['institution']}: {count} added"
    if group["kind"] == Kind.PROGRAM_REMOVED:
        return f"{group['institution']}: {count} removed"
    if group["kind"] == REVERTED and not group["field"]:
        return f"{group['institution']}: {count} back as before (reverted)"
    label = FIELDS[group["field"]].label if group["field"] in FIELDS else group["field"]
    what = KINDS.get(group["kind"], group["kind"])
    values = f"{describe(group['field'], group['old'])} -> {describe(group['field'], group['new'])}"
    if len(values) > TITLE_VALUES:  # long lists of rates or deadlines: in the summary only
        return f"{group['institution']}: {label} {what} ({count})"
    return f"{group['institution']}: {label} {what}: {values} ({count})"


def _sub(parent: ET.Element, tag: str, text: str | None = None, namespace: str = ATOM, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{namespace}}}{tag}", {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def new_values(conn: sqlite3.Connection, change_ids: list[int]) -> dict[int, dict]:
    """change id -> its `new` side as mirrors read it: typed columns and items (NULLs left out)."""
    marks = ",".join("?" * len(change_ids))
    out = {r[0]: {k: v for k, v in zip(("text", "number", "number_max", "detail"), r[1:]) if v is not None}
           for r in conn.execute(f"""SELECT change_id, new_text, new_number, new_number_max, new_detail FROM changes
                                     WHERE change_id IN ({marks})""", change_ids)}
    for r in conn.execute(f"""SELECT change_id, {", ".join(ITEM_COLUMNS)} FROM change_items
                              WHERE side = 'new' AND change_id IN ({marks}) ORDER BY change_id, seq""", change_ids):
        out[r[0]].setdefault("items", []).append({k: v for k, v in zip(ITEM_COLUMNS, r[1:]) if v is not None})
    return out


def complete_since(conn: sqlite3.Connection, groups: list[dict]) -> int:
    """Every row published after this sequence is in the feed (0: every row of the file is)."""
    shown = sum(len(g["programs"]) for g in groups)
    if shown == conn.execute("SELECT count(*) FROM changes").fetchone()[0]:
        return 0
    return min(g["published_seq"] for g in groups)


def render(conn: sqlite3.Connection, limit: int = MAX_ENTRIES) -> bytes:
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    ET.register_namespace("", ATOM)
    ET.register_namespace("mlis", SYNC)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", "mlis-crawler: accepted changes to online LIS master's programs")
    _sub(feed, "id", "tag:mlis-crawler,2026:changes")
    _sub(feed, "updated", meta.get("published_at") or "1970-01-01T00:00:00+00:00")
    _sub(_sub(feed, "author"), "name", "mlis-crawler")
    _sub(feed, "generator", meta.get("generator", "mlis-crawler"))
    groups = change_groups(conn, limit)
    _sub(feed, "publish", namespace=SYNC, seq=meta.get("publish_seq") or "0",
         complete_since=str(complete_since(conn, groups)))
    for group in reversed(groups):  # newest first
        entry = _sub(feed, "entry")
        first = group["first_id"]
        _sub(entry, "id", f"tag:mlis-crawler,2026:revert/{-first}" if first < 0 else f"tag:mlis-crawler,2026:change/{first}")
        _sub(entry, "title", title(group))
        _sub(entry, "published", group["published_at"])
        _sub(entry, "updated", group["published_at"])
        link = safe_url(group["source_url"]) or safe_url(group["programs"][0].get("url"))
        if link:
            _sub(entry, "link", href=link, rel="alternate")
        if group["cause"] != "site":
            _sub(entry, "category", term=group["cause"])
        lines = [f"{p.get('name') or p['program_id']} ({p['program_id']})" for p in group["programs"]]
        if group["field"] and group["kind"] not in (Kind.PROGRAM_ADDED, Kind.PROGRAM_REMOVED):
            lines.insert(0, f"Before: {describe(group['field'], group['old'])}. After: {describe(group['field'], group['new'])}.")
        _sub(entry, "summary", "\n".join(lines), type="text")
        values = new_values(conn, [p["change_id"] for p in group["programs"]])
        for p in group["programs"]:
            attrs = {"id": str(p["change_id"]), "program": p["program_id"], "kind": p["kind"],
                     "published_seq": str(p["published_seq"]), "applied_order": str(p["applied_order"])}
            if p["field"]:
                attrs["field"] = p["field"]
            if p["reverts"] is not None:
                attrs["reverts"] = str(p["reverts"])
            # JSON with every non-ASCII character escaped: exact, whatever the page held, and valid XML
            _sub(entry, "change", json.dumps(values.get(p["change_id"], {}), sort_keys=True), namespace=SYNC, **attrs)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def write_feed(programs_db: Path) -> Path:
    """Write changes.atom beside `programs_db`, from it, atomically (temporary file, rename),
    with the mode and group of `programs_db`."""
    target = programs_db.parent / FEED_NAME
    tmp = programs_db.parent / f".{FEED_NAME}.tmp-{os.getpid()}"
    conn = sqlite3.connect(f"file:{programs_db}?mode=ro", uri=True)
    try:
        tmp.write_bytes(render(conn))
    finally:
        conn.close()
    return install(tmp, target, programs_db)
