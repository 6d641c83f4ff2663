"""`mlis-crawler renormalize`: re-read stored evidence with today's normalizers."""

from __future__ import annotations

import sys

import click

from crawler.cli.common import (config_option, data_option, end_of_night, handle_errors, print_result, read_config,
                                quiet, require_history, say)
from crawler.errors import EXIT_DEGRADED


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
    failed (their values were kept), 2 on bad input, 3 when it could not run.
    """
    from crawler.jobs import renormalize

    require_history(data)
    config = read_config(data, config_file)
    if dry_run:
        from crawler import dryrun
        from crawler.report import render_markdown

        run = dryrun.renormalize(data, crawl_id, log=say, config=config)
        click.echo(run.report["summary"] if quiet() else render_markdown(run.report), nl=quiet())
        if not run.healthy:
            sys.exit(EXIT_DEGRADED)
        return
    result = renormalize(data, crawl_id, log=say, config=config)
    print_result(result)
    end_of_night(data, config, result, kind="renormalize")
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)
