"""`mlis-crawler ingest`: stage, reconcile, publish and report feeds crawled elsewhere (Scrapyd)."""

from __future__ import annotations

import sys

import click

from crawler.cli.common import data_option, handle_errors, print_result
from crawler.errors import EXIT_DEGRADED


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="FEED_DIR_OR_URL...")
@data_option
@click.option("--observed-on", metavar="YYYY-MM-DD", help="The day the pages were read (default: today).")
@handle_errors
def command(sources, data, observed_on):
    """Ingest crawl feeds made elsewhere: stage, reconcile, review policy, publish, report.

    Each FEED_DIR_OR_URL is a folder holding items-<spider>.jsonl and summary-<spider>.json
    (what Scrapyd jobs write with FEEDS and MLIS_SUMMARY_DIR set), or a loopback http URL of one
    such file (a Scrapyd node's items/ listing). The files are copied into
    <data>/crawls/<crawl_id>/ and then go the way of a local refresh's feeds. A spider without
    its summary did not finish and counts as failed. Exits as refresh does: 0 all healthy,
    1 some sites degraded or failed, 2 bad input, 3 could not run.
    """
    from crawler.jobs import ingest

    result = ingest(data, list(sources), observed_on=observed_on, log=lambda line: click.echo(line))
    print_result(result)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)
