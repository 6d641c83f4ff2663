"""`mlis-crawler refresh`: the nightly job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors, print_result
from crawler.errors import EXIT_DEGRADED

@click.command("refresh")
@click.option("--replay", type=click.Path(path_type=Path), help="Answer every request from this recorded snapshot "
              "(fixtures/sites/<date>/) instead of the live sites.")
@data_option
@click.option("--spider", "spiders", multiple=True, metavar="NAME",
              help="Crawl only this spider (repeatable); default: all. `scrapy list` shows the names.")
@handle_errors
def command(replay, data, spiders):
    """The nightly job: crawl, stage, reconcile, review policy, publish, report.

    Prints a summary and where programs.db and the report are. Exits 0 when every site is
    healthy, 1 when some were degraded or failed (their values were kept), 2 on bad input,
    3 when it could not run (another process holds the data folder, the new file failed its
    checks, or an unexpected error: its traceback is saved in <data>/last-error.txt).
    """
    from crawler.jobs import refresh

    result = refresh(data, replay, list(spiders), log=lambda line: click.echo(line))
    print_result(result)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)
