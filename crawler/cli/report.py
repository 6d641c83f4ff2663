"""`mlis-crawler report`: print a crawl's change report, as that night wrote it."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly, someone_working
from crawler.errors import ConfigError
from crawler.history.db import latest_published
from crawler.report import build_report, render_html, render_markdown
from crawler.report.gather import failure_report, later_failures, stored_report
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
    as `decisions_after`, never by rewriting its lists. A crawl that failed or was interrupted has
    a report saying so, the reason, and the last good publish. Without --crawl, a warning on
    stderr names any later crawl that failed or did not finish. Reads only: works on a
    read-only data folder.
    """
    paths, db = open_data_readonly(data)
    if crawl_id is None:
        crawl_id = latest_published(db)
        if crawl_id is None:
            failed = db.execute("SELECT crawl_id FROM crawls ORDER BY rowid DESC LIMIT 1").fetchone()
            if failed is None:
                raise ConfigError("no crawl to report on yet")
            crawl_id = failed[0]  # nothing was ever published: the last crawl's report says why
        for later in later_failures(db, crawl_id):
            click.echo(f"warning: a later crawl did not publish: {later['crawl_id']} "
                       f"({_state(later, paths.data)}); this is the report of the last good publish, "
                       f"`mlis-crawler report --crawl {later['crawl_id']}` shows that crawl's", err=True)
    elif db.execute("SELECT 1 FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone() is None:
        raise ConfigError(f"no crawl {crawl_id} (`mlis-crawler crawls --data {data}` lists them)")
    report = night_report(db, paths, crawl_id)
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


def night_report(db, paths, crawl_id: str) -> dict:
    """What crawl `crawl_id` reported; for a crawl that never wrote one, what is true of it now."""
    report = stored_report(db, crawl_id, paths.report_dir(crawl_id))
    status, error = db.execute("SELECT status, error FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
    if report is not None and (status == CrawlStatus.PUBLISHED or report.get("failed")):
        return report
    if status == CrawlStatus.PUBLISHED:  # published before reports were kept, and its file is gone
        report = build_report(db, crawl_id)
        report["summary"] += " (rebuilt from today's state: this crawl's own report was not kept)"
        return report
    if status == CrawlStatus.FAILED:
        return failure_report(db, crawl_id)
    if someone_working(paths.data):
        raise ConfigError(f"crawl {crawl_id} is still running ({status}); its report is written when it ends")
    reason = (f"interrupted before it finished (status {status}, no process is running it: killed or crashed); "
              "the next run records it as failed" if status != CrawlStatus.RECONCILED else
              "interrupted after its reconcile (no process is running it)" + (f": {error}" if error else ""))
    return failure_report(db, crawl_id, reason)
