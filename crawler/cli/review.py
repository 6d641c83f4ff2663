"""`mlis-crawler review`: list pending changes as the report shows them, accept, reject or revert them."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import check_known, checked_reason, command as pasteable, data_option, handle_errors, open_data, open_data_readonly
from crawler.fields import FIELDS
from crawler.history.queries import institution_names
from crawler.history.review import decide, revert, unique
from crawler.report.describe import moves
from crawler.report.gather import expand_groups, pending_groups
from crawler.report.terminal import describe_group, safe_json, term
from crawler.states import Kind


def _listing(db, data: Path, site, field, kind, fmt) -> None:
    groups = pending_groups(db, site, field, kind)
    if fmt == "json":
        click.echo(safe_json([{"group": g["ids"][0], "ids": g["ids"], "programs": g["programs"],
                               "moves": moves(g["change"]), **g["change"]} for g in groups]))
        return
    if not groups:
        filters = [f"--{k} {v}" for k, v in (("site", site), ("field", field), ("kind", kind)) if v]
        click.echo("No pending changes" + (f" matching {' '.join(filters)}." if filters else "."))
        return
    institutions = institution_names(db)
    total = sum(len(g["ids"]) for g in groups)
    click.echo(f"{total} pending change{'s' if total != 1 else ''} in {len(groups)} group{'s' if len(groups) != 1 else ''}. "
               "A group is one change shown once for every program it touches (as in the report); "
               "decide it whole with its first id and --group.")
    for g in groups:
        click.echo("")
        for line in describe_group(g, institutions, data.absolute()):  # commands that paste from any folder
            click.echo(line)


@click.group("review", invoke_without_command=True)
@data_option
@click.option("--site", metavar="NAME", help="Only this site's changes (the spider name, e.g. buffalo).")
@click.option("--field", metavar="FIELD", help="Only changes to this field (e.g. tuition, application_deadlines).")
@click.option("--kind", type=click.Choice([Kind.CHANGED, Kind.ADDED, Kind.REMOVED, Kind.PROGRAM_ADDED,
                                           Kind.PROGRAM_REMOVED, Kind.CONFLICT]), metavar="KIND",
              help="Only changes of this kind: changed, added, removed, program_added, program_removed, conflict.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json (one object per group, with every change's data) for scripts.")
@click.pass_context
@handle_errors
def command(ctx, data, site, field, kind, fmt):
    """List pending changes (held by the review policy), or accept / reject / revert them.

    Without a subcommand, lists what waits for a decision as the report shows it: identical
    changes to several programs (a shared tuition page) as one group, with the old and new
    values in words, the evidence before and now, the page, and the commands that decide it.
    A group is named by its first change id; `review accept ID --group` decides the whole
    group. Page text is shown with control and hidden characters made visible.

    Listing only reads (it works on a read-only data folder); accept, reject and revert change
    the accepted state and need write access. Every decision is kept on record with who
    (--by, default the login name), when and why (--reason, required to reject or revert), and
    shown in the reports.
    """
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        _, db = open_data_readonly(data)
        _check_site(db, site)
        check_known("--field", field, FIELDS, "fields")
        _listing(db, data, site, field, kind, fmt)


def _check_site(db, site: str | None) -> None:
    """`--site` names a site of this history or at least a spider (a site not crawled into this
    history yet simply has nothing pending); anything else is a typo."""
    known = institution_names(db)
    if site is None or site in known:
        return
    from crawler.crawl.runner import spider_names  # Scrapy: loaded only for a name the history does not know

    check_known("--site", site, {*known, *spider_names()}, "sites")


by_option = click.option("--by", metavar="NAME", help="Who decides, kept on record (default: the login name).")


def _given_twice(change_ids) -> None:
    twice = sorted({i for i in change_ids if change_ids.count(i) > 1})
    if twice:
        click.echo(f"note: {', '.join(f'#{i}' for i in twice)} given more than once; each is decided once")


def _decide(accept: bool):
    @click.argument("change_ids", nargs=-1, required=True, type=int)
    @click.option("--reason", help="Why: kept on record with the decision" + ("." if accept else " (required)."))
    @click.option("--group", "whole_group", is_flag=True,
                  help="Decide every pending change in the group of each ID (as `review` lists them).")
    @by_option
    @data_option
    @click.pass_context
    @handle_errors
    def command(ctx, change_ids, reason, whole_group, by, data, use=None):
        data = ctx.obj if ctx.obj and data == Path("data") else data
        reason = checked_reason(reason, "an acceptance" if accept else "a rejection", "decided", required=not accept)
        _given_twice(list(change_ids))
        paths, db = open_data(data)
        with paths.exclusive():
            ids = expand_groups(db, unique(list(change_ids))) if whole_group else unique(list(change_ids))
            outcomes = decide(db, ids, accept, reason, by, use)
        for outcome in outcomes:
            click.echo(term(outcome.describe()))  # program ids come from pages and feeds
        click.echo(f"{len(outcomes)} change(s) {'accepted' if accept else 'rejected'}; "
                   + (f"run `{pasteable('publish', '--data', data.absolute())}` to publish" if accept else "the published values stay as they are"))

    command.__doc__ = ("Accept pending changes: they become part of the published state at the next publish. "
                       "A conflict between pages is accepted with --use URL, naming the page that is right."
                       if accept else "Reject pending changes (--reason required): the published value stays; "
                                      "the same change is not asked again.")
    command.__doc__ += ("\n\n    All or none: an unknown, decided or stale id decides nothing (exit 2). Given the"
                        "\n    group flag, each ID stands for its whole group, as `review` lists it.")
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
    reason = checked_reason(reason, "a revert", "reverted", required=True)
    _given_twice(list(change_ids))
    paths, db = open_data(data)
    with paths.exclusive():
        outcomes = revert(db, unique(list(change_ids)), reason, by)
    for outcome in outcomes:
        click.echo(term(outcome.describe()) + ": its old value is accepted again")
    click.echo(f"{len(outcomes)} change(s) reverted; run `{pasteable('publish', '--data', data.absolute())}` to publish")
