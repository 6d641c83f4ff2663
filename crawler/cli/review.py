"""`mlis-crawler review`: list pending changes, accept or reject them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors, open_data

@click.group("review", invoke_without_command=True)
@data_option
@click.pass_context
@handle_errors
def command(ctx, data):
    """List pending changes (held by the review policy), or accept / reject them."""
    from crawler.history.review import pending

    ctx.obj = data
    if ctx.invoked_subcommand is None:
        _, db = open_data(data)
        rows = pending(db)
        if not rows:
            click.echo("No pending changes.")
        for change in rows:
            click.echo(f"#{change['change_id']} {change['program_id']} {change['field'] or ''} {change['kind']} "
                       f"(crawl {change['crawl_id']}, {change['detected_at']})")
            click.echo(f"    {json.dumps(change['old'])} -> {json.dumps(change['new'])}")
            click.echo(f"    why held: {change['reason']}")
            for piece in change["evidence_new"] or []:  # page text: JSON-quoted, so no control characters reach the terminal
                click.echo(f"    evidence: {json.dumps(piece.get('text'))} ({json.dumps(piece.get('url'))})")
            if change["source_url"]:
                click.echo(f"    page: {change['source_url']}")


def _decide(accept: bool):
    @click.argument("change_ids", nargs=-1, required=True, type=int)
    @click.option("--reason", help="Why: recorded with the decision.")
    @data_option
    @click.pass_context
    @handle_errors
    def command(ctx, change_ids, reason, data):
        from crawler.history.review import decide
        from crawler.jobs import exclusive

        data = ctx.obj if ctx.obj and data == Path("data") else data
        paths, db = open_data(data)
        with exclusive(paths):
            decide(db, list(change_ids), accept, reason)
        verb = "accepted" if accept else "rejected"
        click.echo(f"{verb} {', '.join(f'#{i}' for i in change_ids)}; run `mlis-crawler publish --data {data}` to publish")

    command.__doc__ = ("Accept pending changes: they become part of the published state at the next publish."
                       if accept else "Reject pending changes: the published value stays; the same change is not asked again.")
    return command


command.command("accept")(_decide(True))
command.command("reject")(_decide(False))
