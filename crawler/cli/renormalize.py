"""`mlis-crawler renormalize`: re-read stored evidence with today's normalizers."""

from __future__ import annotations

import click

from crawler.cli.common import config_option, data_option, finish, handle_errors, read_config, require_history, say
from crawler.night import Evidence, Night


@click.command("renormalize")
@data_option
@click.option("--crawl", "crawl_id", help="The crawl whose evidence to re-read (default and only choice: the latest published).")
@config_option
@click.option("--dry-run", is_flag=True, help="Re-read, reconcile and print the report of what would be published, "
              "on a scratch copy of the history: programs.db and history.db are left as they are.")
@handle_errors
def command(data, crawl_id, config_file, dry_run):
    """Re-read stored evidence with the current normalizers; changes are labelled as the parser's.

    Publishes what the re-read finds at once, as a refresh does; try it first with --dry-run.
    Exits like refresh: 0 when every re-read site is healthy, 1 when some were degraded or
    failed (their values were kept), 2 on bad input, 3 when it could not run, 4 when every
    site failed. After it, alerts go out as [notify] says and history.db is backed up, as
    after a refresh.
    """
    require_history(data)
    config = read_config(data, config_file, "renormalize")
    finish(Night(data, Evidence(crawl_id), config, log=say, dry_run=dry_run).run())
