"""`mlis-crawler refresh`: the nightly job."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors, print_result
from crawler.errors import EXIT_DEGRADED, EXIT_NO_SITE
from crawler.jobs import refresh


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
    checks, or an unexpected error: its traceback is saved in <data>/last-error.txt), 4 when
    every site failed (probably our own network: published values kept), 130 / 143 when
    interrupted by SIGINT / SIGTERM (the crawl is stopped, recorded as failed, reported; nothing
    of it is published). A failed or interrupted crawl has a report saying so.
    """
    result = refresh(data, replay, list(spiders), log=lambda line: click.echo(line))
    print_result(result)
    if result.all_failed:
        where = f" (or the replay folder {replay} holds none of their pages)" if replay else ""
        click.echo(f"mlis-crawler: every site failed: probably our network (DNS, proxy, firewall), not the sites{where}; "
                   "the published values were kept", err=True)
        sys.exit(EXIT_NO_SITE)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)
