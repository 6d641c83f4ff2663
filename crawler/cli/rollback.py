"""`mlis-crawler rollback`: publish an earlier crawl's state again, as reverts on record."""

from __future__ import annotations

import click

from crawler.cli.common import checked_reason, data_option, handle_errors, open_data
from crawler.history.queries import changes_by_id, institution_names, unpublished_reverts
from crawler.history.review import rollback, rollback_plan
from crawler.night.steps import publish_now, recover
from crawler.fields import FIELDS
from crawler.history.diff import diff_items
from crawler.report.describe import describe, label, moves
from crawler.report.terminal import term
from crawler.states import Kind


@click.command("rollback")
@click.option("--to", "crawl_id", required=True, metavar="CRAWL_ID",
              help="The published crawl to go back to (`mlis-crawler crawls` lists them).")
@click.option("--reason", help="Why: kept on record with every revert (required, but for --dry-run).")
@click.option("--by", metavar="NAME", help="Who decides, kept on record (default: the login name).")
@click.option("--dry-run", is_flag=True, help="Only list the changes that would be reverted: per university, each "
              "change's program, field and value published now -> value after the rollback.")
@data_option
@handle_errors
def command(crawl_id, reason, by, dry_run, data):
    """Restore the published state of an earlier crawl, and publish it.

    Every change applied since that crawl's last publish is reverted, newest first, each a
    decision on record (who, when, why, "rollback to CRAWL_ID"); the next nights treat those
    readings as rejected, so the rollback is not undone by the next refresh (unlike copying a
    file from previous/ over programs.db). Changes still pending are left as they are.
    """
    if not dry_run:
        reason = checked_reason(reason, "a rollback", "rolled back", required=True)
    paths, db = open_data(data)
    with paths.exclusive():
        recover(db, paths, log=click.echo)
        if dry_run:
            plan = rollback_plan(db, crawl_id)
            for line in preview(db, plan):
                click.echo(line)
            click.echo(f"{len(plan)} change(s) would be reverted to restore crawl {crawl_id}; "
                       "nothing was changed (dry run)")
            return
        outcomes = rollback(db, crawl_id, reason, by)
        for outcome in outcomes:
            click.echo(term(outcome.describe()))
        if not outcomes:
            unpublished = unpublished_reverts(db, crawl_id)
            if not unpublished:
                click.echo(f"nothing to roll back: the accepted state is already that of crawl {crawl_id}'s last publish")
                return
            target = publish_now(db, paths, crawl_id, "rollback")
            click.echo(f"a rollback to crawl {crawl_id} was interrupted before its publish ({unpublished} change(s) "
                       f"reverted on record); published {target} with the state of crawl {crawl_id} now")
            return
        target = publish_now(db, paths, crawl_id, "rollback")
    click.echo(f"{len(outcomes)} change(s) reverted; published {target} with the state of crawl {crawl_id}")


def preview(db, plan: list[int]) -> list[str]:
    """What a rollback would do, per university (by name), newest change first within each: the
    change, its program, its field, and the value published now -> the value after the rollback
    (for a list, such as tuition rates, only the items that move)."""
    names = institution_names(db)
    by_site: dict[str, list[dict]] = {}
    for change in changes_by_id(db, plan):
        by_site.setdefault(change["institution_id"], []).append(change)
    lines = ["Each change: its program, field: published now -> after the rollback"] if by_site else []
    for site in sorted(by_site, key=lambda i: (names.get(i) or i).casefold()):
        changes = by_site[site]
        lines.append(f"{term(names.get(site) or site)} ({site}): {len(changes)} change(s)")
        for c in changes:
            lines.append(f"  #{c['change_id']}  {term(c['program_id'])}  {term(label(c))}: {term(_undo(c))}"
                         f"  (from crawl {c['crawl_id']})")
    return lines


def _undo(change: dict) -> str:
    """What reverting `change` does to the published value, in words (the report's describers)."""
    kind, field = change["kind"], change["field"]
    if kind == Kind.ADDED:
        return f"{describe(field, change['new'])} -> not stated"
    if kind == Kind.REMOVED:
        return f"not stated -> {describe(field, change['old'])}"
    if kind == Kind.PROGRAM_ADDED:
        return "published -> not published"
    if kind == Kind.PROGRAM_REMOVED:
        return "removed -> listed again"
    back = {"field": field, "kind": Kind.CHANGED, "old": change["new"], "new": change["old"]}  # a revert, as a change
    spec = FIELDS.get(field or "")
    if spec and spec.many:
        back["items"] = diff_items(field, change["new"], change["old"])
    parts = []
    for m in moves(back):
        parts.append(f"+ {m['new']}" if m["op"] == "added" else f"- {m['old']}" if m["op"] == "removed"
                     else m.get("text") or f"{m['old']} -> {m['new']}")
    return "; ".join(parts)
