"""`mlis-crawler review`: list pending changes, accept or reject them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors, open_data, open_data_readonly
from crawler.history.review import decide, pending, revert, unique
from crawler.jobs import exclusive


@click.group("review", invoke_without_command=True)
@data_option
@click.pass_context
@handle_errors
def command(ctx, data):
    """List pending changes (held by the review policy), or accept / reject / revert them.

    Listing only reads (it works on a read-only data folder); accept, reject and revert change
    the accepted state and need write access. Every decision is kept on record with who
    (--by, default the login name), when and why (--reason, required to reject or revert), and
    shown in the reports.
    """
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        _, db = open_data_readonly(data)
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


by_option = click.option("--by", metavar="NAME", help="Who decides, kept on record (default: the login name).")


def _given_twice(change_ids) -> None:
    twice = sorted({i for i in change_ids if change_ids.count(i) > 1})
    if twice:
        click.echo(f"note: {', '.join(f'#{i}' for i in twice)} given more than once; each is decided once")


def _decide(accept: bool):
    @click.argument("change_ids", nargs=-1, required=True, type=int)
    @click.option("--reason", help="Why: kept on record with the decision" + ("." if accept else " (required)."))
    @by_option
    @data_option
    @click.pass_context
    @handle_errors
    def command(ctx, change_ids, reason, by, data, use=None):
        data = ctx.obj if ctx.obj and data == Path("data") else data
        _given_twice(list(change_ids))
        paths, db = open_data(data)
        with exclusive(paths):
            outcomes = decide(db, unique(list(change_ids)), accept, reason, by, use)
        for outcome in outcomes:
            click.echo(outcome.describe())
        click.echo(f"{len(outcomes)} change(s) {'accepted' if accept else 'rejected'}; "
                   + (f"run `mlis-crawler publish --data {data}` to publish" if accept else "the published values stay as they are"))

    command.__doc__ = ("Accept pending changes: they become part of the published state at the next publish. "
                       "A conflict between pages is accepted with --use URL, naming the page that is right."
                       if accept else "Reject pending changes (--reason required): the published value stays; "
                                      "the same change is not asked again.")
    return command


command.command("accept")(click.option(
    "--use", metavar="URL", help="For a conflict (pages that disagree): the page whose value is right; it becomes "
                                 "the accepted value. A conflict with a single reading needs no --use.")(_decide(True)))
command.command("reject")(_decide(False))


@command.command("revert")
@click.argument("change_ids", nargs=-1, required=True, type=int)
@click.option("--reason", required=True, help="Why: kept on record with the revert (required).")
@by_option
@data_option
@click.pass_context
@handle_errors
def revert_command(ctx, change_ids, reason, by, data):
    """Undo accepted changes: the old value is accepted again, the change is marked reverted,
    and the next nights do not accept the same reading again (as if it had been rejected).

    Only the change that is published now for a value can be reverted; when several changes
    were applied to one value, revert the newest first (or use `mlis-crawler rollback`). Run
    `mlis-crawler publish` afterwards to publish the restored values.
    """
    data = ctx.obj if ctx.obj and data == Path("data") else data
    _given_twice(list(change_ids))
    paths, db = open_data(data)
    with exclusive(paths):
        outcomes = revert(db, unique(list(change_ids)), reason, by)
    for outcome in outcomes:
        click.echo(outcome.describe() + ": its old value is accepted again")
    click.echo(f"{len(outcomes)} change(s) reverted; run `mlis-crawler publish --data {data}` to publish")
