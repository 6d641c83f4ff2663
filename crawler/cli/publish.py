"""`mlis-crawler publish`: rebuild programs.db from the accepted values."""

from __future__ import annotations

import click

from crawler.cli.common import data_option, handle_errors, open_data
from crawler.history.db import latest_published
from crawler.night.steps import publish_now, recover


@click.command("publish")
@data_option
@handle_errors
def command(data):
    """Rebuild programs.db from the accepted values and swap it in atomically.

    The new file keeps the mode and group of the file it replaces; the file it replaces is kept
    in previous/ (one file per published crawl). Run it after review decisions or a revert.
    """
    paths, db = open_data(data)
    with paths.exclusive():
        recover(db, paths, log=click.echo)  # a crawl killed after reconcile is published under its own id
        target = publish_now(db, paths, latest_published(db), "publish")
    click.echo(f"published {target}")
