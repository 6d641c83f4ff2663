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
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

from crawler.fields import FIELDS
from crawler.report.describe import describe
from crawler.states import Kind

FEED_NAME = "changes.atom"
MAX_ENTRIES = 500
TITLE_VALUES = 120  # characters of "old -> new" a title holds
ATOM = "http://www.w3.org/2005/Atom"
KINDS = {Kind.ADDED: "now stated", Kind.CHANGED: "changed", Kind.REMOVED: "no longer stated"}


def _dollars(amount_cents: int) -> str:
    return str(Decimal(amount_cents) / 100)


def value_of(field: str, side: str, row: dict, items: list[dict]) -> object:
    """A change's value on one side, rebuilt from the typed columns in the shape the change
    report describes (crawler/report/describe.py)."""
    text, number, high, detail = (row[f"{side}_{c}"] for c in ("text", "number", "number_max", "detail"))
    if field in ("tuition", "fees"):
        return [{"kind": i["kind"], "amount_usd": _dollars(i["amount_cents"]), "per": i["per"],
                 "residency": i["residency"], "applies_to": i["applies_to_label"]} for i in items] or None
    if field == "application_deadlines":
        return [{"term": i["term"], "date": i["date"], "kind": i["kind"], "applies_to": i["applies_to_label"]}
                for i in items] or None
    if field == "start_terms":
        return [i["term"] for i in items] or None
    if field == "entrance_exam":
        return {"status": text, "condition": detail, "exams": [i["exam"] for i in items]} if text else None
    if field == "duration":
        return {"months_min": number, "months_max": high} if (number or high) else None
    if number is None:
        return text
    if row["unit"] == "boolean":
        return bool(number)
    if row["unit"] == "cents":
        return _dollars(number)
    return number


def change_groups(conn: sqlite3.Connection) -> list[dict]:
    """Accepted changes grouped: (crawl, university, field, kind, old, new) -> its programs."""
    conn.row_factory = sqlite3.Row
    items: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for item in conn.execute("SELECT * FROM change_items WHERE side IN ('old', 'new') ORDER BY change_id, side, seq"):
        items[item["change_id"], item["side"]].append(dict(item))
    names = dict(conn.execute("SELECT institution_id, name FROM institutions").fetchall())
    programs = {r["program_id"]: dict(r) for r in conn.execute("SELECT program_id, name, url FROM programs")}
    groups: dict[tuple, dict] = {}
    for row in conn.execute("SELECT * FROM changes ORDER BY change_id"):
        row = dict(row)
        institution = row["program_id"].split("/")[0]
        field = row["field"]
        old = value_of(field, "old", row, items[row["change_id"], "old"]) if field else None
        new = value_of(field, "new", row, items[row["change_id"], "new"]) if field else None
        key = (row["crawl_id"], institution, field, row["kind"], repr(old), repr(new))
        group = groups.setdefault(key, {"first_id": row["change_id"], "institution": names.get(institution, institution),
                                        "field": field, "kind": row["kind"], "old": old, "new": new,
                                        "detected_at": row["detected_at"], "cause": row["cause"],
                                        "source_url": row["source_url"], "programs": []})
        group["programs"].append(programs.get(row["program_id"], {"program_id": row["program_id"], "name": None, "url": None}))
    return sorted(groups.values(), key=lambda g: g["first_id"])


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
    for group in reversed(change_groups(conn)[-MAX_ENTRIES:]):  # newest first
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
