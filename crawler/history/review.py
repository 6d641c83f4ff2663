"""Maintainers' decisions on pending changes: list, accept, reject (recorded with time and reason).

Accepting applies the change to the accepted state at once; the next publish shows it.
A change can only be accepted while it still applies: if the value it would replace has
moved since it was detected, it is refused as stale (reject it; the newer change stands).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database

from crawler.errors import ReviewError
from crawler.history.reconcile import apply_change
from crawler.states import Kind, ProgramStatus, Status


def pending(db: Database) -> list[dict]:
    rows = db.query(
        """SELECT change_id, crawl_id, program_id, field, kind, old, new, evidence_new, source_url, reason, detected_at
           FROM changes WHERE status = ? ORDER BY change_id""", [Status.PENDING])
    out = []
    for change in rows:
        for key in ("old", "new", "evidence_new"):
            change[key] = json.loads(change[key]) if change[key] else None
        out.append(change)
    return out


def decide(db: Database, change_ids: list[int], accept: bool, reason: str | None) -> list[int]:
    """Accept or reject pending changes, all or none; returns the ids decided."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        for change_id in change_ids:
            row = next(db.query("SELECT status, kind, program_id, field, old FROM changes WHERE change_id = ?", [change_id]), None)
            if row is None:
                raise ReviewError(f"no change {change_id}")
            status, kind, program_id, field, old = row["status"], row["kind"], row["program_id"], row["field"], row["old"]
            if status != Status.PENDING:
                raise ReviewError(f"change {change_id} is {status}, not pending")
            if accept and kind in (Kind.CHANGED, Kind.REMOVED):
                current = db.execute(
                    "SELECT value FROM current WHERE program_id = ? AND field = ?", [program_id, field]
                ).fetchone()
                if (current[0] if current else None) != old:
                    raise ReviewError(f"change {change_id} is stale: {program_id} {field} changed since it was detected")
            if accept and kind == Kind.PROGRAM_REMOVED:
                listed = next(db.query("SELECT status, last_seen FROM programs WHERE program_id = ?", [program_id]), None)
                if listed and listed["status"] == ProgramStatus.ACTIVE:
                    raise ReviewError(f"change {change_id} is stale: {program_id} was listed again on {listed['last_seen']}")
            db.execute(
                "UPDATE changes SET status = ?, decided_at = ?, decision_reason = ? WHERE change_id = ?",
                [Status.ACCEPTED if accept else Status.REJECTED, now, reason, change_id],
            )
            if accept:
                apply_change(db, change_id)
    return change_ids
