"""`mlis-crawler ingest`: stage, reconcile, publish and report feeds crawled elsewhere (Scrapyd)."""

from __future__ import annotations

import click

from crawler.cli.common import config_option, data_option, finish, handle_errors, read_config, say
from crawler.night import Feeds, Night


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, metavar="FEED_DIR_OR_URL...")
@data_option
@click.option("--observed-on", metavar="YYYY-MM-DD", help="The day the pages were read (default: today).")
@config_option
@handle_errors
def command(sources, data, observed_on, config_file):
    """Ingest crawl feeds made elsewhere: stage, reconcile, review policy, publish, report.

    Each FEED_DIR_OR_URL is a folder holding items-<spider>.jsonl and summary-<spider>.json
    (what Scrapyd jobs write with FEEDS and MLIS_SUMMARY_DIR set), or a loopback http URL of one
    such file (a Scrapyd node's items/ listing). The files are copied into
    <data>/crawls/<crawl_id>/ and then go the way of a local refresh's feeds, under the same
    configuration file ([policy], [notify], [retention]). A spider without its summary did not
    finish and counts as failed. Exits as refresh does: 0 all healthy, 1 some sites degraded or
    failed, 2 bad input, 3 could not run, 4 every site failed.
    """
    config = read_config(data, config_file, "ingest")
    finish(Night(data, Feeds(list(sources), observed_on), config, log=say).run())  # -q: only errors and the summary
