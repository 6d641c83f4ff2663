"""`mlis-crawler report`: print a crawl's change report, as that night wrote it."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly, someone_working
from crawler.commandline import command as pasteable
from crawler.errors import ConfigError
from crawler.history.db import latest_published
from crawler.history.queries import crawl_state, last_crawl
from crawler.report import render_html, render_markdown
from crawler.report.gather import later_failures, night_report
from crawler.states import CrawlStatus


@click.command("report")
@data_option
@click.option("--crawl", "crawl_id", help="Crawl id (default: the latest published crawl); "
              "`mlis-crawler crawls` lists them, failed ones too.")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="md", show_default=True)
@handle_errors
def command(data, crawl_id, fmt):
    """Print the change report of a crawl (default: the latest published one).

    The report is the one the crawl wrote that night, unchanged: decisions made since (accept,
    reject, revert, rollback: when, by whom, why) are shown in a section of their own, and in JSON
    as `decisions_after`, never by rewriting its lists. Each change it held that was decided since
    shows where it stands now (accepted or rejected, when, by whom, why) instead of the commands
    that decide it. A crawl that failed or was interrupted has a report saying so, the reason, and
    the last good publish. Without --crawl, a warning on
    stderr names any later crawl that failed or did not finish. Reads only: works on a
    read-only data folder.
    """
    paths, db = open_data_readonly(data)
    if crawl_id is None:
        crawl_id = latest_published(db)
        if crawl_id is None:
            crawl_id = last_crawl(db)  # nothing was ever published: the last crawl's report says why
            if crawl_id is None:
                raise ConfigError("no crawl to report on yet")
        for later in later_failures(db, crawl_id):
            click.echo(f"warning: a later crawl did not publish: {later['crawl_id']} "
                       f"({_state(later, paths.data)}); this is the report of the last good publish, "
                       f"`{pasteable('report', '--crawl', later['crawl_id'], '--data', paths.data.absolute())}` shows that crawl's", err=True)
    elif crawl_state(db, crawl_id) is None:
        raise ConfigError(f"no crawl {crawl_id} (`{pasteable('crawls', '--data', paths.data.absolute())}` lists them)")
    report = night_report(db, crawl_id, paths.report_dir(crawl_id), someone_working(paths.data))
    report.pop("data_dir", None)  # JSON as report.json; the renderers' commands name this folder
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        report["data_dir"] = str(paths.data)
        click.echo(render_markdown(report) if fmt == "md" else render_html(report), nl=False)


def _state(crawl: dict, data) -> str:
    if crawl["status"] == CrawlStatus.FAILED:
        return f"failed: {crawl['error']}"
    if someone_working(data):
        return f"{crawl['status']}: still running"
    return f"{crawl['status']}: interrupted, no process is running it (the next run settles it)"
