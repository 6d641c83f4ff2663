"""`mlis-crawler renormalize`: re-read stored evidence with today's normalizers."""

from __future__ import annotations

import sys

import click

from crawler.cli.common import data_option, handle_errors, print_result
from crawler.errors import EXIT_DEGRADED


@click.command("renormalize")
@data_option
@click.option("--crawl", "crawl_id", help="The crawl whose evidence to re-read (default and only choice: the latest published).")
@handle_errors
def command(data, crawl_id):
    """Re-read stored evidence with the current normalizers; changes are labelled as the parser's.

    Exits like refresh: 0 when every re-read site is healthy, 1 when some were degraded or
    failed (their values were kept), 2 on bad input, 3 when it could not run.
    """
    from crawler.jobs import renormalize

    result = renormalize(data, crawl_id, log=lambda line: click.echo(line))
    print_result(result)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)
