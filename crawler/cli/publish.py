"""`mlis-crawler publish`: rebuild programs.db from the accepted values."""

from __future__ import annotations

import click

from crawler.cli.common import data_option, handle_errors, open_data

@click.command("publish")
@data_option
@handle_errors
def command(data):
    """Rebuild programs.db from the accepted values and swap it in atomically."""
    from crawler.history.db import latest_published
    from crawler.jobs import exclusive, recover
    from crawler.publish import publish

    paths, db = open_data(data)
    with exclusive(paths):
        recover(db, paths, log=click.echo)  # a crawl killed after reconcile is published under its own id
        target = publish(db.conn, paths.data, latest_published(db))
    click.echo(f"published {target}")
