"""`mlis-crawler rollback`: publish an earlier crawl's state again, as reverts on record."""

from __future__ import annotations

import click

from crawler.cli.common import data_option, handle_errors, open_data
from crawler.history.review import rollback, rollback_plan
from crawler.night.steps import publish_now, recover


@click.command("rollback")
@click.option("--to", "crawl_id", required=True, metavar="CRAWL_ID",
              help="The published crawl to go back to (`mlis-crawler crawls` lists them).")
@click.option("--reason", required=True, help="Why: kept on record with every revert (required).")
@click.option("--by", metavar="NAME", help="Who decides, kept on record (default: the login name).")
@click.option("--dry-run", is_flag=True, help="Only list the changes that would be reverted.")
@data_option
@handle_errors
def command(crawl_id, reason, by, dry_run, data):
    """Restore the published state of an earlier crawl, and publish it.

    Every change applied since that crawl's last publish is reverted, newest first, each a
    decision on record (who, when, why, "rollback to CRAWL_ID"); the next nights treat those
    readings as rejected, so the rollback is not undone by the next refresh (unlike copying a
    file from previous/ over programs.db). Changes still pending are left as they are.
    """
    paths, db = open_data(data)
    with paths.exclusive():
        recover(db, paths, log=click.echo)
        if dry_run:
            plan = rollback_plan(db, crawl_id)
            for change_id in plan:
                click.echo(f"would revert change {change_id}")
            click.echo(f"{len(plan)} change(s) would be reverted to restore crawl {crawl_id}")
            return
        outcomes = rollback(db, crawl_id, reason, by)
        for outcome in outcomes:
            click.echo(outcome.describe())
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


def unpublished_reverts(db, crawl_id: str) -> int:
    """Reverts of a rollback to `crawl_id` decided after the last publish: a rollback killed
    between its reverts (committed) and its publish, which a rerun finishes."""
    return db.execute(
        """SELECT count(*) FROM decisions WHERE rollback_to = ? AND decision_id >
           coalesce((SELECT decisions_upto FROM publishes ORDER BY publish_id DESC LIMIT 1), 0)""",
        [crawl_id]).fetchone()[0]
