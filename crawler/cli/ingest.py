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
@click.option("--allow-older", is_flag=True, help="Accept pages read on a date older than the last published "
              "night's (an old snapshot, a clock set back): refused without it (exit 2); with it, "
              "every value change it finds is held for review.")
@handle_errors
def command(sources, data, observed_on, config_file, allow_older):
    """Ingest crawl feeds made elsewhere: stage, reconcile, review policy, publish, report.

    Each FEED_DIR_OR_URL is a folder holding items-<spider>.jsonl and summary-<spider>.json
    (what Scrapyd jobs write with FEEDS and MLIS_SUMMARY_DIR set), or an http(s) URL of one
    such file on a loopback host (a node's files through an SSH tunnel): no redirect is
    followed, no proxy used, all downloads must end within 300 s and each file within 512 MiB.
    The files are kept in <data>/crawls/<crawl_id>/received/, then each feed is checked line
    by line: a feed naming another spider's ids or hosts, a malformed line, or fewer items
    than its summary counts (cut short) fails its spider (its published values kept); a
    fact's value out of its field's type or range is refused (the field unknown). The rest
    goes the way of a local refresh's feeds, under the same configuration file ([policy],
    [notify], [retention]). A spider without its summary did not finish and counts as
    failed. Exits as refresh does: 0 all healthy, 1 some sites degraded or failed, 2 bad
    input (a URL not on loopback, an unknown spider), 3 could not run, 4 every site failed.
    """
    config = read_config(data, config_file, "ingest")
    finish(Night(data, Feeds(list(sources), observed_on), config, log=say, allow_older=allow_older).run())  # -q: only errors and the summary
