"""`mlis-crawler refresh`: the nightly job."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import config_option, crawl_config, data_option, finish, handle_errors, read_config, say
from crawler.night import Night, Sites


@click.command("refresh")
@click.option("--replay", type=click.Path(path_type=Path), help="Answer every request from this recorded snapshot "
              "(fixtures/sites/<date>/) instead of the live sites.")
@data_option
@click.option("--spider", "spiders", multiple=True, metavar="NAME",
              help="Crawl only this spider (repeatable); default: all. `scrapy list` shows the names.")
@config_option
@click.option("--dry-run", is_flag=True, help="Crawl, reconcile and print the report of what would be published, "
              "on a scratch copy of the history: programs.db and history.db are left as they are.")
@click.option("--allow-older", is_flag=True, help="Accept pages read on a date older than the last published "
              "night's (an old snapshot, a clock set back): refused without it (exit 2); with it, "
              "every value change it finds is held for review.")
@handle_errors
def command(replay, data, spiders, config_file, dry_run, allow_older):
    """The nightly job: crawl, stage, reconcile, review policy, publish, report.

    Prints a summary and where programs.db and the report are. Exits 0 when every site is
    healthy, 1 when some were degraded or failed (their values were kept), 2 on bad input
    (also pages dated before the last published night's, without --allow-older, or in the
    future), 3 when it could not run (another process holds the data folder, the new file failed
    its checks, or an unexpected error: its traceback is saved in <data>/last-error.txt) or when
    the history's backup after a published night failed (it alerts, with the reason), 4 when
    every site failed (probably our own network: published values kept), 130 / 143 when
    interrupted by SIGINT / SIGTERM (the crawl is stopped, recorded as failed, reported; nothing
    of it is published). A failed or interrupted crawl has a report saying so.

    On a terminal, one progress line per site shows pages done, queued and failed and the
    slowest site's time left; elsewhere (cron) a plain line per site now and then. After the
    night, alerts go out as [notify] says (a failed night, broken sites, pending changes) and
    history.db is backed up into <data>/backups/ ([retention] backups_keep).
    """
    config = crawl_config(read_config(data, config_file, "refresh"))
    finish(Night(data, Sites(replay, list(spiders)), config, log=say, dry_run=dry_run, allow_older=allow_older).run(),
           replay)
