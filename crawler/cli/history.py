"""`mlis-crawler history`: one program's values over time, with evidence and decisions."""

from __future__ import annotations

import difflib
import json

import click

from crawler.cli.common import check_known, data_option, handle_errors, open_data_readonly
from crawler.errors import ConfigError
from crawler.fields import FIELDS
from crawler.history.queries import current_values, program_history, program_ids, program_status
from crawler.report.describe import describe
from crawler.report.terminal import safe_json, term
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
    check_known("--field", field, FIELDS, "fields")
    known = program_status(db, program_id)
    entries = program_history(db, program_id, field)
    if known is None and not entries:
        close = difflib.get_close_matches(program_id, program_ids(db), n=3, cutoff=0.6)
        raise ConfigError(f"no program {json.dumps(program_id, ensure_ascii=False)} in the history"
                          + (f"; did you mean {' or '.join(map(term, close))}?" if close else ""))
    current = current_values(db, program_id, field)
    if fmt == "json":  # readable, with nothing a terminal would act on (page text is untrusted)
        click.echo(safe_json({"program_id": program_id, "status": known, "published_now": current, "history": entries}))
        return
    # Every piece of page text (values, evidence, pages, reasons, names) goes through term():
    # control characters and escape sequences are shown as ⟨U+XXXX⟩, never sent to the terminal raw.
    click.echo(f"{term(program_id)}: {term(known or 'not published')}")
    for e in entries:
        what = e["field"] or e["kind"]
        value = (describe(e["field"], e["new"]) if e["field"] else e["kind"].replace("_", " "))
        if e["kind"] == Kind.REMOVED:
            value = f"no longer stated (was {describe(e['field'], e['old'])})"
        click.echo(f"{term(e['detected_at'])}  {term(what)}: {term(value)}  "
                   f"[{term(e['status'])}; crawl {term(e['crawl_id'])}; change #{e['change_id']}]")
        for piece in e["evidence"][:3]:
            click.echo(f"    evidence: “{term(piece.get('text'))}”")
        if e["source_url"]:
            click.echo(f"    page: {term(e['source_url'])}")
        if e["reason"] and e["kind"] != Kind.PROGRAM_ADDED:
            click.echo(f"    note: {term(e['reason'])}")
        for d in e["decisions"]:
            extra = f" (rollback to {term(d['rollback_to'])})" if d.get("rollback_to") else ""
            click.echo(f"    {term(d['action'])} by {term(d['decided_by'])} at {term(d['decided_at'])}{extra}: "
                       f"{term(d['reason']) if d['reason'] else '(no reason given)'}")
    if current:
        click.echo("published now:")
        for name, value in sorted(current.items()):
            click.echo(f"    {term(name)}: {term(describe(name, value))}")
