"""What the commands that only look ask of the history: the crawls on record, one program's
values over time, and the few single facts the CLI needs (a crawl's status, a change's status,
the institutions' names). The CLI holds no SQL; each question is asked here, by name.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from crawler.states import CrawlStatus, Health, Kind


def crawl_rows(db: Database, working: bool) -> list[dict]:
    """One dict per crawl, oldest first: status, times, source, sites, changes, whether published."""
    from crawler.report.describe import published_count  # the report's count, one rule (the report imports this module)

    sites: dict[str, dict[str, int]] = {}
    for crawl_id, health, n in db.execute("SELECT crawl_id, health, count(*) FROM spider_runs GROUP BY crawl_id, health"):
        sites.setdefault(crawl_id, {Health.OK: 0, Health.DEGRADED: 0, Health.FAILED: 0})[health] = n
    counted = dict(db.execute("SELECT crawl_id, report FROM night_reports"))
    published = {r[0] for r in db.execute("SELECT DISTINCT crawl_id FROM publishes")}
    newest = db.execute("SELECT max(rowid) FROM crawls").fetchone()[0]
    rows = []
    for crawl in db.query("""SELECT rowid, crawl_id, kind, status, started_at, finished_at, source, observed_on, error
                             FROM crawls ORDER BY rowid"""):
        status, note = crawl["status"], crawl.pop("error")
        if status in (CrawlStatus.RUNNING, CrawlStatus.STAGED, CrawlStatus.RECONCILED):
            running = working and crawl["rowid"] == newest
            note = "still running" if running else (
                f"interrupted, no process is running it{': ' + note if note else ''}; the next run "
                + ("publishes it (its changes were accepted)" if status == CrawlStatus.RECONCILED else "records it as failed"))
            status = status if running else "interrupted"
        report = json.loads(counted[crawl["crawl_id"]]) if crawl["crawl_id"] in counted else None
        counts = (report or {}).get("counts") or {}
        rows.append({
            "crawl_id": crawl["crawl_id"], "kind": crawl["kind"], "status": status, "recorded_status": crawl["status"],
            "started_at": crawl["started_at"], "finished_at": crawl["finished_at"] if status != "interrupted" else None,
            "source": crawl["source"], "observed_on": crawl["observed_on"],
            "sites": sites.get(crawl["crawl_id"], {Health.OK: 0, Health.DEGRADED: 0, Health.FAILED: 0}),
            "changes_published": published_count(counts) if report else None,
            "first_seen": counts.get("initial_load") if report else None,
            "changes_held": counts.get("pending") if report else None,
            "published": crawl["crawl_id"] in published or crawl["status"] == CrawlStatus.PUBLISHED,
            "note": note,
        })
    return rows


def program_history(db: Database, program_id: str, field: str | None = None) -> list[dict]:
    """Every value a program's fields were read with, oldest first: one entry per change (a
    program's first crawl gives one per field), each with its evidence, page, crawl, status and
    the decisions on it (who, when, why)."""
    decided: dict[int, list[dict]] = {}
    for d in db.query("""SELECT d.change_id, d.action, d.decided_by, d.decided_at, d.reason, d.rollback_to
                         FROM decisions d JOIN changes c USING (change_id) WHERE c.program_id = ? ORDER BY d.decision_id""",
                      [program_id]):
        decided.setdefault(d.pop("change_id"), []).append(d)
    entries = []
    for c in db.query(
            """SELECT c.change_id, c.crawl_id, c.field, c.kind, c.status, c.old, c.new, c.evidence_new, c.source_url,
                      c.reason, c.detected_at, c.decided_at, c.decided_by, c.decision_reason
               FROM changes c JOIN crawls k USING (crawl_id) WHERE c.program_id = ? ORDER BY k.rowid, c.change_id""",
            [program_id]):
        base = {k: c[k] for k in ("change_id", "crawl_id", "kind", "status", "reason", "detected_at")}
        base["decisions"] = decided.get(c["change_id"], [])
        if not base["decisions"] and c["decision_reason"]:  # decided by the crawler itself (superseded, no longer held)
            base["decisions"] = [{"action": c["status"], "decided_by": "mlis-crawler", "decided_at": c["decided_at"],
                                  "reason": c["decision_reason"], "rollback_to": None}]
        if c["kind"] == Kind.PROGRAM_ADDED:  # a baseline: each field's value, with that crawl's evidence
            for name, value in sorted((json.loads(c["new"]) if c["new"] else {}).items()):
                if field and name != field:
                    continue
                obs = db.execute("SELECT evidence, source_url FROM observations WHERE crawl_id = ? AND program_id = ? AND field = ?",
                                 [c["crawl_id"], program_id, name]).fetchone()
                entries.append({**base, "field": name, "old": None, "new": value,
                                "evidence": json.loads(obs[0]) if obs and obs[0] else [],
                                "source_url": obs[1] if obs else c["source_url"]})
            continue
        if field and c["field"] not in (field, None):
            continue
        entries.append({**base, "field": c["field"], "old": json.loads(c["old"]) if c["old"] else None,
                        "new": json.loads(c["new"]) if c["new"] else None,
                        "evidence": json.loads(c["evidence_new"]) if c["evidence_new"] else [],
                        "source_url": c["source_url"]})
    return entries


def program_status(db: Database, program_id: str) -> str | None:
    """A program's status (active, unseen, removed), None when the history never saw it."""
    row = db.execute("SELECT status FROM programs WHERE program_id = ?", [program_id]).fetchone()
    return row[0] if row else None


def current_values(db: Database, program_id: str, field: str | None = None) -> dict:
    """A program's accepted values (one field's, or all), as published now."""
    return {f: json.loads(v) for f, v in db.execute(
        "SELECT field, value FROM current WHERE program_id = ?" + (" AND field = ?" if field else ""),
        [program_id, field] if field else [program_id])}


def last_crawl(db: Database) -> str | None:
    """The newest crawl on record, whatever became of it."""
    row = db.execute("SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()
    return row[0] if row else None


def crawl_state(db: Database, crawl_id: str) -> tuple[str, str | None] | None:
    """(status, error) of a crawl; None when there is no such crawl."""
    row = db.execute("SELECT status, error FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
    return (row[0], row[1]) if row else None


def change_status(db: Database, change_id: int) -> str | None:
    row = db.execute("SELECT status FROM changes WHERE change_id = ?", [change_id]).fetchone()
    return row[0] if row else None


def institution_names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT institution_id, name FROM institutions"))


def changes_by_id(db: Database, change_ids: list[int]) -> list[dict]:
    """The changes `change_ids` name, in that order, each with its program's institution and its
    values decoded: what a preview (`rollback --dry-run`) shows of each."""
    rows: dict[int, dict] = {}
    for start in range(0, len(change_ids), 500):  # SQLite's bound-parameter limit
        chunk = change_ids[start:start + 500]
        for c in db.query(
                f"""SELECT c.change_id, c.crawl_id, c.program_id, c.field, c.kind, c.status, c.old, c.new,
                           coalesce(p.institution_id, substr(c.program_id, 1, instr(c.program_id, '/') - 1))
                             AS institution_id
                    FROM changes c LEFT JOIN programs p USING (program_id)
                    WHERE c.change_id IN ({",".join("?" * len(chunk))})""", chunk):
            c["old"] = json.loads(c["old"]) if c["old"] else None
            c["new"] = json.loads(c["new"]) if c["new"] else None
            rows[c["change_id"]] = c
    return [rows[i] for i in change_ids if i in rows]


def program_ids(db: Database) -> list[str]:
    """Every program the history knows, whatever its status."""
    return [r[0] for r in db.execute("SELECT program_id FROM programs ORDER BY program_id")]


def crawl_ids(db: Database) -> set[str]:
    """Every crawl this history knows (what `prune` may touch of a shared reports/ folder)."""
    return {crawl_id for (crawl_id,) in db.execute("SELECT crawl_id FROM crawls")}


def unpublished_reverts(db: Database, crawl_id: str) -> int:
    """Reverts of a rollback to `crawl_id` decided after the last publish: a rollback killed
    between its reverts (committed) and its publish, which a rerun finishes."""
    return db.execute(
        """SELECT count(*) FROM decisions WHERE rollback_to = ? AND decision_id >
           coalesce((SELECT decisions_upto FROM publishes ORDER BY publish_id DESC LIMIT 1), 0)""",
        [crawl_id]).fetchone()[0]
