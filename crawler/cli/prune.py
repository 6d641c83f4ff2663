"""`mlis-crawler prune`: remove crawl folders and reports past [retention]."""

from __future__ import annotations

import click

from crawler.cli.common import config_option, data_option, handle_errors, open_data, open_data_readonly, read_config, say
from crawler.history.db import latest_published
from crawler.history.queries import crawl_ids
from crawler.housekeeping import prune, prune_plan


@click.command("prune")
@data_option
@config_option
@click.option("--dry-run", is_flag=True, help="List what would be removed; remove nothing.")
@handle_errors
def command(data, config_file, dry_run):
    """Remove crawl folders (crawls/<crawl_id>/) and reports (reports/<crawl_id>/) past [retention].

    Each kind keeps its newest *_keep_count folders and removes the rest once older than
    *_keep_days (defaults: crawls 14 and 30 days, reports 30 and 365 days); the latest published
    crawl's report is always kept. Only folders of crawls in this data folder's history are
    touched (another data folder sharing reports/ keeps its own). history.db, programs.db and
    backups/ are never touched here (refresh keeps [retention] backups_keep history backups by
    itself). --dry-run only reads: it works on a folder this user cannot write.
    """
    config = read_config(data, config_file)
    if dry_run:  # only lists: works as a user who cannot write the folder, takes no lock
        paths, db = open_data_readonly(data)
        plan = prune_plan(paths.data, config.retention, {latest_published(db)} - {None}, ours=crawl_ids(db))
    else:
        paths, db = open_data(data)
        with paths.exclusive():
            plan = prune(paths.data, config.retention, {latest_published(db)} - {None}, ours=crawl_ids(db))
    verb = "would remove" if dry_run else "removed"
    for folder in plan.all:
        say(f"{verb} {folder}")
    click.echo(f"{verb} {len(plan.crawls)} crawl folder(s) and {len(plan.reports)} report(s)")
