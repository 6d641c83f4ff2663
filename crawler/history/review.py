"""Maintainers' decisions on changes, each on record with who, when and why (`decisions`).

- accept / reject a pending change: accepting applies it to the accepted state at once (the next
  publish shows it). A change can only be accepted while it still applies: if the value it would
  replace has moved since it was detected, it is refused as stale (reject it; the newer stands).
- revert an accepted change: its old value is the accepted value again, the change is marked
  `reverted`, and reconcile treats the same reading later like a rejected one (it is not
  accepted again). Only the change that is published now can be reverted: revert newer ones first.
- rollback to a crawl: every change applied after that crawl's last publish is reverted, newest
  first, one decision each, so the accepted state is that crawl's again, on record.

Every function takes the ids once each (duplicates dropped, in the order given) and decides all
or none; each returns one `Outcome` per change saying what happened.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from crawler.commandline import command
from crawler.errors import ReviewError
from crawler.fields import canonical
from crawler.history.reconcile import apply_change, refresh_hash
from crawler.states import BREAKAGE, VALUE_KINDS, Kind, ProgramStatus, Status

ACCEPT, REJECT, REVERT = "accept", "reject", "revert"


@dataclass
class Outcome:
    change_id: int
    action: str          # accept | reject | revert
    program_id: str
    field: str | None
    kind: str

    def describe(self) -> str:
        what = f"{self.program_id} {self.field}" if self.field else f"{self.program_id} ({self.kind})"
        verb = {ACCEPT: "accepted", REJECT: "rejected", REVERT: "reverted"}[self.action]
        return f"change {self.change_id} ({what}) {verb}"


def login_name() -> str:
    """Who decides, when `--by` is not given: the login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): say so rather than guess
        return "unknown"


def unique(change_ids: list[int]) -> list[int]:
    """Each id once, in the order given: `accept 113 113` decides change 113 once."""
    return list(dict.fromkeys(change_ids))


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _change(db: Database, change_id: int) -> dict:
    row = next(db.query(
        """SELECT change_id, crawl_id, status, kind, program_id, field, old, new, evidence_old, source_url,
                  initial_load, detected_at, applied_seq FROM changes WHERE change_id = ?""", [change_id]), None)
    if row is None:
        raise ReviewError(f"no change {change_id}; nothing was decided")
    return row


def _record(db: Database, change_id: int, action: str, by: str, reason: str | None, now: str,
            rollback_to: str | None = None) -> None:
    """A decision: the change's new status, who, when and why, and its row in `decisions`."""
    status = {ACCEPT: Status.ACCEPTED, REJECT: Status.REJECTED, REVERT: Status.REVERTED}[action]
    db.execute("UPDATE changes SET status = ?, decided_at = ?, decision_reason = ?, decided_by = ? WHERE change_id = ?",
               [status, now, reason, by, change_id])
    db.execute("INSERT INTO decisions (change_id, action, decided_by, decided_at, reason, rollback_to) VALUES (?,?,?,?,?,?)",
               [change_id, action, by, now, reason, rollback_to])


def decide(db: Database, change_ids: list[int], accept: bool, reason: str | None, by: str | None = None,
           use: str | None = None) -> list[Outcome]:
    """Accept or reject pending changes, all or none. A `conflict` (pages that disagree) is accepted
    by naming the page that is right (`use`, its URL): that page's value becomes the accepted one;
    a conflict with one reading only (a list that gained a second value for one slot) may be
    accepted as read. Rejecting keeps the published value."""
    if not accept and not (reason or "").strip():
        raise ReviewError("a rejection needs --reason (it is kept on record and shown in the reports); nothing was decided")
    by = by or login_name()
    now = _now()
    outcomes = []
    with db.atomic():
        for change_id in unique(change_ids):
            row = _change(db, change_id)
            status, kind, program_id, field, old = row["status"], row["kind"], row["program_id"], row["field"], row["old"]
            if status != Status.PENDING:
                raise ReviewError(f"change {change_id} is {status}, not pending; nothing was decided")
            if use is not None and kind != Kind.CONFLICT:
                raise ReviewError(f"change {change_id} is {kind}, not a conflict: --use names the page of a conflict; "
                                  "nothing was decided")
            if accept and kind == Kind.CONFLICT:
                _choose(db, change_id, json.loads(row["new"] or "[]"), use)
            if accept and kind in (Kind.CHANGED, Kind.REMOVED, Kind.CONFLICT):
                current = db.execute(
                    "SELECT value FROM current WHERE program_id = ? AND field = ?", [program_id, field]
                ).fetchone()
                if (current[0] if current else None) != old:
                    raise ReviewError(f"change {change_id} is stale: {program_id} {field} changed since it was detected; "
                                      "nothing was decided")
            if accept and kind == Kind.PROGRAM_REMOVED:
                listed = next(db.query("SELECT status, last_seen FROM programs WHERE program_id = ?", [program_id]), None)
                if listed and listed["status"] == ProgramStatus.ACTIVE:
                    raise ReviewError(f"change {change_id} is stale: {program_id} was listed again on {listed['last_seen']}; "
                                      "nothing was decided")
            if accept and kind == Kind.CONFLICT and use:
                reason = f"{reason} (using {use})" if reason else f"using {use}"
            _record(db, change_id, ACCEPT if accept else REJECT, by, reason, now)
            if accept:
                apply_change(db, change_id)
            outcomes.append(Outcome(change_id, ACCEPT if accept else REJECT, program_id, field, kind))
    return outcomes


def revert(db: Database, change_ids: list[int], reason: str, by: str | None = None,
           rollback_to: str | None = None) -> list[Outcome]:
    """Undo accepted changes, all or none, in the order given (newest first when several touch one value)."""
    if not (reason or "").strip():
        raise ReviewError("a revert needs --reason (it is kept on record and shown in the reports); nothing was reverted")
    by = by or login_name()
    now = _now()
    outcomes = []
    with db.atomic():
        for change_id in unique(change_ids):
            row = _change(db, change_id)
            _check_revertible(db, row)
            _restore(db, row)
            _record(db, change_id, REVERT, by, reason, now, rollback_to)
            outcomes.append(Outcome(change_id, REVERT, row["program_id"], row["field"], row["kind"]))
    return outcomes


def _check_revertible(db: Database, row: dict) -> None:
    change_id, kind, program_id, field = row["change_id"], row["kind"], row["program_id"], row["field"]
    if row["status"] != Status.ACCEPTED:
        raise ReviewError(f"change {change_id} is {row['status']}, not accepted: only an accepted change can be reverted; "
                          "nothing was reverted")
    if kind in BREAKAGE:
        raise ReviewError(f"change {change_id} records a page that could not be read ({kind}); it changed no value, "
                          "so there is nothing to revert; nothing was reverted")
    newer = db.execute(
        """SELECT change_id FROM changes WHERE program_id = ? AND (field IS ? OR field IS NULL OR ? IS NULL)
           AND status = 'accepted' AND applied_seq > ? AND kind IN ({}) ORDER BY applied_seq DESC LIMIT 1""".format(
            ",".join("?" * len(VALUE_KINDS))),
        [program_id, field, field, row["applied_seq"] or 0, *VALUE_KINDS]).fetchone()
    if newer:
        raise ReviewError(f"change {change_id} is no longer what is published for {program_id}"
                          f"{' ' + field if field else ''}: change {newer[0]} was applied after it; revert {newer[0]} "
                          "first; nothing was reverted")


def _restore(db: Database, row: dict) -> None:
    """The accepted state as it was before the change was applied."""
    kind, program_id, field = row["kind"], row["program_id"], row["field"]
    if kind == Kind.ADDED:
        db.execute("DELETE FROM current WHERE program_id = ? AND field = ?", [program_id, field])
    elif kind in (Kind.CHANGED, Kind.REMOVED):
        db.execute("INSERT OR REPLACE INTO current VALUES (?,?,?,?,?,?,?)",
                   [program_id, field, row["old"], *_last_reading(db, row)])
    elif kind == Kind.PROGRAM_REMOVED:
        db.execute("UPDATE programs SET status = ? WHERE program_id = ?", [ProgramStatus.UNSEEN, program_id])
    elif kind == Kind.PROGRAM_ADDED:
        if row["initial_load"]:  # before its baseline the program was not published at all
            db.execute("DELETE FROM current WHERE program_id = ?", [program_id])
            db.execute("DELETE FROM programs WHERE program_id = ?", [program_id])
            return
        db.execute("UPDATE programs SET status = ? WHERE program_id = ?", [ProgramStatus.REMOVED, program_id])
    refresh_hash(db, program_id)


def _last_reading(db: Database, row: dict) -> tuple:
    """(evidence, source_url, crawl_id, verified_at) of the old value: the last crawl that read it."""
    found = db.execute(
        """SELECT o.evidence, o.source_url, o.crawl_id, c.observed_on FROM crawls c
           JOIN observations o ON o.crawl_id = c.crawl_id AND o.program_id = ? AND o.field = ?
           WHERE o.state = 'value' AND o.value = ? ORDER BY c.rowid DESC LIMIT 1""",
        [row["program_id"], row["field"], row["old"]]).fetchone()
    if found:
        return tuple(found)
    evidence = json.loads(row["evidence_old"] or "[]")
    url = next((e.get("url") for e in evidence if isinstance(e, dict) and e.get("url")), row["source_url"])
    return row["evidence_old"], url, row["crawl_id"], row["detected_at"]


def rollback_plan(db: Database, crawl_id: str) -> list[int]:
    """The changes applied after `crawl_id`'s last publish that are still accepted, newest first."""
    publish = db.execute("SELECT applied_upto FROM publishes WHERE crawl_id = ? ORDER BY publish_id DESC LIMIT 1",
                         [crawl_id]).fetchone()
    if publish is None:
        known = db.execute("SELECT status FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
        if known is None:
            raise ReviewError(f"no crawl {crawl_id}; nothing was rolled back")
        raise ReviewError(f"crawl {crawl_id} ({known[0]}) has no publish on record to go back to "
                          f"(`{command('crawls')}` lists the published ones); nothing was rolled back")
    return [r[0] for r in db.execute(
        f"""SELECT change_id FROM changes WHERE status = 'accepted' AND applied_seq > ?
            AND kind IN ({",".join("?" * len(VALUE_KINDS))}) ORDER BY applied_seq DESC""",
        [publish[0], *VALUE_KINDS])]


def rollback(db: Database, crawl_id: str, reason: str, by: str | None = None) -> list[Outcome]:
    """Make the accepted state that of `crawl_id`'s last publish again, as reverts on record."""
    if not (reason or "").strip():
        raise ReviewError("a rollback needs --reason (it is kept on record and shown in the reports); nothing was rolled back")
    with db.atomic():
        return revert(db, rollback_plan(db, crawl_id), reason, by, rollback_to=crawl_id)


def decisions(db: Database, after: int = 0, upto: int | None = None, change_ids: set[int] | None = None) -> list[dict]:
    """Decisions on record with the change they were about, oldest first."""
    rows = db.query(
        """SELECT d.decision_id, d.change_id, d.action, d.decided_by, d.decided_at, d.reason, d.rollback_to,
                  c.crawl_id, c.program_id, c.field, c.kind, c.old, c.new
           FROM decisions d JOIN changes c USING (change_id)
           WHERE d.decision_id > ? AND d.decision_id <= ? ORDER BY d.decision_id""",
        [after, upto if upto is not None else 2**62])
    out = []
    for row in rows:
        if change_ids is not None and row["change_id"] not in change_ids:
            continue
        row["old"] = json.loads(row["old"]) if row["old"] else None
        row["new"] = json.loads(row["new"]) if row["new"] else None
        out.append(row)
    return out


def last_decision(db: Database) -> int:
    return db.execute("SELECT coalesce(max(decision_id), 0) FROM decisions").fetchone()[0]


def _choose(db: Database, change_id: int, options: list[dict], use: str | None) -> None:
    """Record which page of a conflict is right: its value becomes the change's `new`, its URL the
    change's `source_url` (every page's evidence stays in `evidence_new`)."""
    urls = [o.get("url") for o in options]
    if use is None:
        if len(options) != 1:
            raise ReviewError(f"change {change_id} is a conflict between pages: name the right one with --use URL "
                              f"(one of: {', '.join(map(str, urls))})")
        chosen = options[0]
    else:
        chosen = next((o for o in options if o.get("url") == use), None)
        if chosen is None:
            raise ReviewError(f"change {change_id}: {use} is not one of its pages (one of: {', '.join(map(str, urls))})")
    db.execute("UPDATE changes SET new = ?, source_url = ? WHERE change_id = ?",
               [canonical(chosen["value"]), chosen.get("url"), change_id])
