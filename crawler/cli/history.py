"""`mlis-crawler history`: one program's values over time, with evidence and decisions."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly
from crawler.errors import ConfigError
from crawler.history.queries import current_values, program_history, program_status
from crawler.report.describe import describe
from crawler.states import Kind


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
    known = program_status(db, program_id)
    entries = program_history(db, program_id, field)
    if known is None and not entries:
        raise ConfigError(f"no program {program_id} in the history")
    current = current_values(db, program_id, field)
    if fmt == "json":
        click.echo(json.dumps({"program_id": program_id, "status": known,
                               "published_now": current, "history": entries}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{program_id}: {known or 'not published'}")
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
