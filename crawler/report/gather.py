"""Gather one crawl's report from the history database into one plain dict (report.json)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crawler.fields import FIELDS
from crawler.history.diff import diff_items, percent
from crawler.states import BREAKAGE, Health, Kind, Status

# -- gathering ----------------------------------------------------------------------------------

def build_report(db: Database, crawl_id: str) -> dict[str, Any]:
    crawl = next(db.query("""SELECT crawl_id, kind, cause, based_on, source, started_at, finished_at, observed_on, status
                             FROM crawls WHERE crawl_id = ?""", [crawl_id]))
    names = dict(db.execute(
        """SELECT n.program_id, json_extract(n.value, '$') || coalesce(' — ' || json_extract(c.value, '$'), '')
           FROM current n LEFT JOIN current c ON c.program_id = n.program_id AND c.field = 'concentration'
           WHERE n.field = 'name'"""))
    institutions = dict(db.execute("SELECT institution_id, name FROM institutions"))
    changes = [_change(row, names) for row in db.query(_CHANGES + " WHERE crawl_id = ? ORDER BY change_id", [crawl_id])]
    still_pending = [_change(row, names) for row in db.query(
        _CHANGES + " WHERE status = ? AND crawl_id != ? ORDER BY change_id", [Status.PENDING, crawl_id])]
    spiders = [_spider(db, row, crawl) for row in db.execute(
        "SELECT spider, health, quarantined, pages, programs, errors FROM spider_runs WHERE crawl_id = ? ORDER BY spider",
        [crawl_id])]
    unseen = [{"program_id": p, "missed_crawls": m} for p, m in db.execute(
        "SELECT program_id, missed_crawls FROM programs WHERE status = 'unseen' ORDER BY program_id")]
    counts = {
        "accepted": sum(c["status"] == Status.ACCEPTED and c["kind"] not in BREAKAGE for c in changes),
        "initial_load": sum(bool(c["initial_load"]) for c in changes),
        "pending": sum(c["status"] == Status.PENDING for c in changes),
        "rejected": sum(c["status"] == Status.REJECTED for c in changes),
        "breakage": sum(c["kind"] in BREAKAGE for c in changes),
        "still_pending": len(still_pending),
        "sites_broken": sum(s["health"] != Health.OK for s in spiders),
    }
    report = {
        **crawl,
        "finished_at": crawl["finished_at"] or datetime.now(UTC).isoformat(timespec="seconds"),
        "institutions": institutions,
        "spiders": spiders,
        "counts": counts,
        "changes": changes,
        "still_pending": still_pending,
        "unseen": unseen,
        "data_dir": _data_dir(db),
    }
    report["summary"] = summary_line(report)
    return report


def _data_dir(db: Database) -> str | None:
    """The data folder holding this history.db: the commands the report shows name it (--data)."""
    for _, name, file in db.execute("PRAGMA database_list"):
        if name == "main" and file:
            return str(Path(file).parent)
    return None


_CHANGES = """SELECT change_id, crawl_id, program_id, field, kind, status, cause, old, new, evidence_old, evidence_new,
                     source_url, reason, initial_load, detected_at, decided_at, decision_reason FROM changes"""


def _change(change: dict, names: dict[str, str]) -> dict[str, Any]:
    for key in ("old", "new", "evidence_old", "evidence_new"):
        change[key] = json.loads(change[key]) if change[key] else None
    change["initial_load"] = bool(change["initial_load"])
    change["institution_id"] = change["program_id"].split("/")[0]
    change["program_name"] = names.get(change["program_id"])
    if not change["program_name"] and change["kind"] == Kind.PROGRAM_ADDED and isinstance(change["new"], dict):
        change["program_name"] = change["new"].get("name")
    spec = FIELDS.get(change["field"] or "")
    if spec and spec.many and change["kind"] == Kind.CHANGED:
        change["items"] = diff_items(change["field"], change["old"], change["new"])
    elif spec and spec.money and change["kind"] == Kind.CHANGED:
        change["percent"] = percent(change["old"], change["new"])
    return change


def _spider(db: Database, row: tuple, crawl: dict) -> dict[str, Any]:
    name, health, quarantined, pages, programs, errors = row
    since, crawls_broken = None, 0
    if health != Health.OK:
        # Crawl order is the crawls table's insertion order: started_at has one-second resolution.
        order = db.execute("SELECT rowid FROM crawls WHERE crawl_id = ?", [crawl["crawl_id"]]).fetchone()[0]
        last_ok = db.execute(
            """SELECT coalesce(max(c.rowid), 0) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health = 'ok' AND c.rowid < ?""", [name, order]).fetchone()[0]
        since, crawls_broken = db.execute(
            """SELECT min(c.observed_on), count(*) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health != 'ok' AND c.rowid > ? AND c.rowid <= ?""",
            [name, last_ok, order]).fetchone()
    failures, missing = [], []
    if health != Health.OK:  # what broke, structured, for the report's broken-sites section
        failures = [dict(zip(("url", "outcome", "status", "error"), r)) for r in db.execute(
            """SELECT url, outcome, status, error FROM pages WHERE crawl_id = ? AND spider = ? AND outcome != 'ok'
               ORDER BY url""", [crawl["crawl_id"], name])]
        missing = [dict(zip(("field", "url", "reason", "programs"), r)) for r in db.execute(
            """SELECT field, url, coalesce(missing, problem), programs FROM facts
               WHERE crawl_id = ? AND institution_id = ? AND (missing IS NOT NULL OR problem IS NOT NULL)
               ORDER BY seq""", [crawl["crawl_id"], name])]
    return {"name": name, "health": health, "quarantined": bool(quarantined), "pages": pages, "programs": programs,
            "errors": json.loads(errors or "[]"), "broken_since": since, "crawls_broken": crawls_broken,
            "failures": failures, "missing": missing}


def summary_line(report: dict) -> str:
    """One line, fit for a mail subject."""
    c = report["counts"]
    published = c["accepted"] - c["initial_load"]
    parts = [f"{published} change{'s' if published != 1 else ''} published"]
    if c["initial_load"]:
        parts.append(f"{c['initial_load']} program{'s' if c['initial_load'] != 1 else ''} seen for the first time")
    if c["pending"] or c["still_pending"]:
        parts.append(f"{c['pending'] + c['still_pending']} waiting for review")
    broken = [s["name"] for s in report["spiders"] if s["health"] != Health.OK]
    if broken:
        parts.append(f"{len(broken)} site{'s' if len(broken) != 1 else ''} broken ({', '.join(broken)})")
    if not c["accepted"] and not c["pending"] and not c["still_pending"] and not broken:
        parts = ["no changes"]
    kind = "renormalize" if report["kind"] == "renormalize" else "refresh"
    return f"mlis-crawler {kind} {report['observed_on']}: {'; '.join(parts)}"




def pending_changes(db: Database) -> list[dict[str, Any]]:
    """Every change waiting for a maintainer, of any crawl, shaped as the report's changes."""
    names = dict(db.execute(
        """SELECT n.program_id, json_extract(n.value, '$') || coalesce(' — ' || json_extract(c.value, '$'), '')
           FROM current n LEFT JOIN current c ON c.program_id = n.program_id AND c.field = 'concentration'
           WHERE n.field = 'name'"""))
    return [_change(row, names) for row in db.query(_CHANGES + " WHERE status = ? ORDER BY change_id", [Status.PENDING])]
