"""Gather one crawl's report from the history database into one plain dict (report.json).

Reports keep their word: the report a night wrote is kept in history.db (`night_reports`) as
written, and `stored_report` gives it back unchanged; decisions made later are added beside it
(`decisions_after`), never by rewriting its lists. A night's own report lists the decisions made
since the report before it (`decisions`). A crawl that failed has a report too (`failure_report`):
it says so in its summary, with the reason and the last good publish.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Sequence

from sqlite_utils import Database

from crawler.errors import ConfigError, ReviewError
from crawler.fields import FIELDS
from crawler.history.diff import diff_items, percent
from crawler.history.queries import change_status
from crawler.history.review import decisions, last_decision
from crawler.report.describe import group, published_count
from crawler.states import (
    BREAKAGE,
    CrawlStatus,
    Health,
    Kind,
    Status,
    every_site_failed,
)

# -- gathering ----------------------------------------------------------------------------------

def build_report(db: Database, crawl_id: str, warnings: Sequence[str] = ()) -> dict[str, Any]:
    """The report of a crawl that finished; `warnings`: what the configuration it ran under risks
    (`Config.warnings()`: robots.txt off, no delay), said in the report's header."""
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
        # What the summary calls published: accepted changes to programs already published (a
        # first-seen program's baseline is counted apart, held or not: F22).
        "published": sum(c["status"] == Status.ACCEPTED and c["kind"] not in BREAKAGE and not c["initial_load"]
                         for c in changes),
        "initial_load": sum(bool(c["initial_load"]) for c in changes),
        "initial_load_held": sum(bool(c["initial_load"]) and c["status"] == Status.PENDING for c in changes),
        "pending": sum(c["status"] == Status.PENDING for c in changes),
        "rejected": sum(c["status"] == Status.REJECTED for c in changes),
        "breakage": sum(c["kind"] in BREAKAGE for c in changes),
        "still_pending": len(still_pending),
        "conflicts": sum(c["status"] == Status.PENDING and c["kind"] == Kind.CONFLICT for c in changes + still_pending),
        "sites_broken": sum(s["health"] != Health.OK for s in spiders),
    }
    previous = db.execute("SELECT coalesce(max(decisions_upto), 0) FROM night_reports WHERE crawl_id != ?",
                          [crawl_id]).fetchone()[0]
    upto = last_decision(db)
    report = {
        **crawl,
        "finished_at": crawl["finished_at"] or datetime.now(UTC).isoformat(timespec="seconds"),
        "published": crawl["status"] == CrawlStatus.PUBLISHED,
        "failed": False,
        "error": None,
        "decisions_upto": upto,
        "decisions": decisions(db, after=previous, upto=upto),
        "institutions": institutions,
        "spiders": spiders,
        "counts": counts,
        "changes": changes,
        "still_pending": still_pending,
        "unseen": unseen,
        "warnings": list(warnings),
        "coverage": coverage_line(),
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


def coverage_line() -> str | None:
    """"covering N of 46 online programs": the roster's line (crawler/roster.py, the one place
    that counts), as of the night; None when the roster or the spider list cannot be read (a
    spider module that does not import, say): the line is not worth a report that does not go out."""
    try:
        from crawler.roster import coverage  # the spider list: read when a report is built, not on import

        return coverage().line()
    except Exception:  # noqa: BLE001 - any failure here only leaves the line out
        return None


def failure_report(db: Database, crawl_id: str, reason: str | None = None,
                   warnings: Sequence[str] = ()) -> dict[str, Any]:
    """The report of a crawl that did not finish: what it got to, why it stopped, what is published."""
    crawl = next(db.query("""SELECT crawl_id, kind, cause, based_on, source, started_at, finished_at, observed_on, status, error
                             FROM crawls WHERE crawl_id = ?""", [crawl_id]))
    reason = reason or crawl.pop("error") or "it did not finish"
    crawl.pop("error", None)
    good = db.execute(
        """SELECT crawl_id, observed_on, finished_at FROM crawls WHERE status = 'published' AND crawl_id != ?
           ORDER BY rowid DESC LIMIT 1""", [crawl_id]).fetchone()
    spiders = [_spider(db, row, crawl) for row in db.execute(
        "SELECT spider, health, quarantined, pages, programs, errors FROM spider_runs WHERE crawl_id = ? ORDER BY spider",
        [crawl_id])]
    names: dict[str, str] = {}
    still_pending = [_change(row, names) for row in db.query(
        _CHANGES + " WHERE status = ? AND crawl_id != ? ORDER BY change_id", [Status.PENDING, crawl_id])]
    last = f"{good[0]} (pages as of {good[1]})" if good else "none: nothing has been published yet"
    accepted = crawl["status"] == CrawlStatus.RECONCILED
    after = ("; its changes were accepted but not yet published: the next `refresh` or `publish` publishes them "
             "under this crawl's id" if accepted else "")
    summary = (f"the crawl of {crawl['observed_on']} failed: {reason}; nothing was published; "
               f"the last good publish is {last}{after}")
    upto = last_decision(db)
    report = {
        **crawl,
        "published": False,
        "failed": True,
        "error": reason,
        "last_good_publish": good[0] if good else None,
        "decisions_upto": upto,
        "decisions": [],
        "institutions": dict(db.execute("SELECT institution_id, name FROM institutions")),
        "spiders": spiders,
        "counts": {"accepted": 0, "published": 0, "initial_load": 0, "initial_load_held": 0, "pending": 0,
                   "rejected": 0, "breakage": 0, "still_pending": len(still_pending),
                   "sites_broken": sum(s["health"] != Health.OK for s in spiders)},
        "changes": [],
        "still_pending": still_pending,
        "unseen": [],
        "warnings": list(warnings),
        "coverage": coverage_line(),
        "summary": summary,
    }
    return report


def store_report(db: Database, report: dict[str, Any]) -> None:
    """Keep the report as written, for `report --crawl` to show it unchanged later (without
    data_dir: as report.json, it does not depend on where the data folder lives)."""
    db.execute("INSERT OR REPLACE INTO night_reports (crawl_id, written_at, decisions_upto, report) VALUES (?,?,?,?)",
               [report["crawl_id"], datetime.now(UTC).isoformat(timespec="seconds"), report.get("decisions_upto") or 0,
                json.dumps({k: v for k, v in report.items() if k != "data_dir"}, ensure_ascii=False, default=str)])


def stored_report(db: Database, crawl_id: str, folder=None) -> dict[str, Any] | None:
    """The report a crawl wrote: from history.db, else its report.json file (crawls reported
    before history kept them), else None. Decisions made after it are added as `decisions_after`."""
    row = db.execute("SELECT report FROM night_reports WHERE crawl_id = ?", [crawl_id]).fetchone()
    if row:
        report = json.loads(row[0])
    elif folder is not None and (folder / "report.json").is_file():
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        report.setdefault("decisions_upto", None)
    else:
        return None
    listed = {c["change_id"] for c in report.get("changes", []) + report.get("still_pending", [])}
    upto = report.get("decisions_upto")
    if upto is None:  # a report from before decisions were kept: every decision on its changes came later
        upto = 0
    report["decisions_after"] = decisions(db, after=upto, change_ids=listed)
    return report


def later_failures(db: Database, crawl_id: str) -> list[dict[str, Any]]:
    """Crawls after `crawl_id` that did not publish (failed, or not finished)."""
    return list(db.query(
        """SELECT crawl_id, status, observed_on, started_at, error FROM crawls
           WHERE rowid > (SELECT rowid FROM crawls WHERE crawl_id = ?) AND status != 'published' ORDER BY rowid""",
        [crawl_id]))


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
        # final_url: where a redirect led; the facts it lost name that URL (describe.broken_site).
        failures = [dict(zip(("url", "outcome", "status", "error", "final_url"), r)) for r in db.execute(
            """SELECT url, outcome, status, error, final_url FROM pages WHERE crawl_id = ? AND spider = ? AND outcome NOT IN ('ok', 'not_modified')
               ORDER BY url""", [crawl["crawl_id"], name])]
        missing = [dict(zip(("field", "url", "reason", "programs"), r)) for r in db.execute(
            """SELECT field, url, coalesce(missing, problem), programs FROM facts
               WHERE crawl_id = ? AND institution_id = ? AND (missing IS NOT NULL OR problem IS NOT NULL)
               ORDER BY seq""", [crawl["crawl_id"], name])]
    return {"name": name, "health": health, "quarantined": bool(quarantined), "pages": pages, "programs": programs,
            "errors": json.loads(errors or "[]"), "broken_since": since, "crawls_broken": crawls_broken,
            "failures": failures, "missing": missing}


def out_of_memory(report: dict) -> bool:
    """Whether the crawl process passed its memory limit (every summary then says so:
    `crawl_finish_reason`, crawler/crawl/shared.py; the site's errors carry its finish reason)."""
    return any("memusage_exceeded" in error for s in report.get("spiders", []) for error in s.get("errors") or [])


def every_site_failed_cause(report: dict) -> str:
    """What a night where every site failed most likely ran into."""
    if out_of_memory(report):
        return "the crawl ran out of memory (MEMUSAGE_LIMIT_MB; split the night, docs/operations.md)"
    return "probably our network"


def summary_line(report: dict) -> str:
    """One line, fit for a mail subject."""
    c = report["counts"]
    published = published_count(c)
    parts = [f"{published} change{'s' if published != 1 else ''} published"]
    if c["initial_load"]:
        held = c.get("initial_load_held", 0)
        parts.append(f"{c['initial_load']} program{'s' if c['initial_load'] != 1 else ''} seen for the first time"
                     + (f" ({held} held for review)" if held else ""))
    if c["pending"] or c["still_pending"]:
        conflicts = c.get("conflicts", 0)
        parts.append(f"{c['pending'] + c['still_pending']} waiting for review"
                     + (f" ({conflicts} conflict{'s' if conflicts != 1 else ''})" if conflicts else ""))
    broken = [s["name"] for s in report["spiders"] if s["health"] != Health.OK]
    if broken:
        parts.append(f"{len(broken)} site{'s' if len(broken) != 1 else ''} broken ({', '.join(broken)})")
    if not c["accepted"] and not c["pending"] and not c["still_pending"] and not broken:
        parts = ["no changes"]
    if every_site_failed(s["health"] for s in report["spiders"]):
        parts.append(f"every site failed: {every_site_failed_cause(report)}, not the sites (published values kept)")
    kind = "renormalize" if report["kind"] == "renormalize" else "refresh"
    return f"mlis-crawler {kind} {report['observed_on']}: {'; '.join(parts)}"




def pending_changes(db: Database) -> list[dict[str, Any]]:
    """Every change waiting for a maintainer, of any crawl, shaped as the report's changes."""
    names = dict(db.execute(
        """SELECT n.program_id, json_extract(n.value, '$') || coalesce(' — ' || json_extract(c.value, '$'), '')
           FROM current n LEFT JOIN current c ON c.program_id = n.program_id AND c.field = 'concentration'
           WHERE n.field = 'name'"""))
    return [_change(row, names) for row in db.query(_CHANGES + " WHERE status = ? ORDER BY change_id", [Status.PENDING])]


def night_report(db: Database, crawl_id: str, report_dir: Path | None, working: bool) -> dict[str, Any]:
    """What crawl `crawl_id` reported; for a crawl that never wrote one, what is true of it now.
    `working`: whether a process holds the data folder now (a crawl marked running is alive)."""
    report = stored_report(db, crawl_id, report_dir)
    status, error = db.execute("SELECT status, error FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
    if report is not None and (status == CrawlStatus.PUBLISHED or report.get("failed")):
        return report
    if status == CrawlStatus.PUBLISHED:  # published before reports were kept, and its file is gone
        report = build_report(db, crawl_id)
        report["summary"] += " (rebuilt from today's state: this crawl's own report was not kept)"
        return report
    if status == CrawlStatus.FAILED:
        return failure_report(db, crawl_id)
    if working:
        raise ConfigError(f"crawl {crawl_id} is still running ({status}); its report is written when it ends")
    reason = (f"interrupted before it finished (status {status}, no process is running it: killed or crashed); "
              "the next run records it as failed" if status != CrawlStatus.RECONCILED else
              "interrupted after its reconcile (no process is running it)" + (f": {error}" if error else ""))
    return failure_report(db, crawl_id, reason)


def pending_groups(db, site: str | None = None, field: str | None = None, kind: str | None = None) -> list[dict]:
    """Pending changes grouped as the report groups them (one card for one shared change)."""
    changes = [c for c in pending_changes(db)
               if (site is None or c["institution_id"] == site) and (field is None or c["field"] == field)
               and (kind is None or c["kind"] == kind)]
    return sorted(group(changes), key=lambda g: g["ids"][0])


def expand_groups(db, change_ids: list[int]) -> list[int]:
    """Each id with every pending change of its group (`--group`), in id order, each once."""
    by_id = {i: g["ids"] for g in pending_groups(db) for i in g["ids"]}
    out: list[int] = []
    for change_id in change_ids:
        if change_id not in by_id:
            status = change_status(db, change_id)
            raise ReviewError(f"no change {change_id}" if status is None else f"change {change_id} is {status}, not pending")
        out += [i for i in by_id[change_id] if i not in out]
    return out
