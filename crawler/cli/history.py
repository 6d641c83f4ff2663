"""`mlis-crawler history`: one program's values over time, with evidence and decisions."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly
from crawler.errors import ConfigError
from crawler.report.describe import describe
from crawler.states import Kind


def program_history(db, program_id: str, field: str | None = None) -> list[dict]:
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


@click.command("history")
@click.argument("program_id")
@click.option("--field", help="Only this field (e.g. tuition, application_deadlines).")
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def command(program_id, field, data, fmt):
    """Show a program's values over time: each value as a crawl read it, with its evidence (the
    page's exact text), the page, the crawl, its status (accepted, pending, rejected, reverted)
    and the decisions on it (who, when, why), and what is published now. Reads only: works on a
    read-only data folder.
    """
    _, db = open_data_readonly(data)
    known = db.execute("SELECT status FROM programs WHERE program_id = ?", [program_id]).fetchone()
    entries = program_history(db, program_id, field)
    if known is None and not entries:
        raise ConfigError(f"no program {program_id} in the history")
    current = {f: json.loads(v) for f, v in db.execute(
        "SELECT field, value FROM current WHERE program_id = ?" + (" AND field = ?" if field else ""),
        [program_id, field] if field else [program_id])}
    if fmt == "json":
        click.echo(json.dumps({"program_id": program_id, "status": known[0] if known else None,
                               "published_now": current, "history": entries}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{program_id}: {known[0] if known else 'not published'}")
    for e in entries:
        what = e["field"] or e["kind"]
        value = (describe(e["field"], e["new"]) if e["field"] else e["kind"].replace("_", " "))
        if e["kind"] == Kind.REMOVED:
            value = f"no longer stated (was {describe(e['field'], e['old'])})"
        click.echo(f"{e['detected_at']}  {what}: {value}  [{e['status']}; crawl {e['crawl_id']}; change #{e['change_id']}]")
        for piece in e["evidence"][:3]:  # page text: JSON-quoted, so no control characters reach the terminal
            click.echo(f"    evidence: {json.dumps(piece.get('text'), ensure_ascii=False)}")
        if e["source_url"]:
            click.echo(f"    page: {json.dumps(e['source_url'])}")
        if e["reason"] and e["kind"] != Kind.PROGRAM_ADDED:
            click.echo(f"    note: {e['reason']}")
        for d in e["decisions"]:
            extra = f" (rollback to {d['rollback_to']})" if d.get("rollback_to") else ""
            click.echo(f"    {d['action']} by {d['decided_by']} at {d['decided_at']}{extra}: {d['reason'] or '(no reason given)'}")
    if current:
        click.echo("published now:")
        for name, value in sorted(current.items()):
            click.echo(f"    {name}: {describe(name, value)}")
