"""`mlis-crawler crawls`: every crawl on record, failed ones too."""

from __future__ import annotations

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly, someone_working
from crawler.history.queries import crawl_rows
from crawler.report.terminal import safe_json, term


@click.command("crawls")
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def command(data, fmt):
    """List every crawl, oldest first: status (published, failed, interrupted, running), when it
    started and finished, its source, its sites ok/degraded/failed, the changes it published and
    held, whether it was published, and why a crawl failed. Reads only: works on a read-only
    data folder. `mlis-crawler report --crawl ID` shows one crawl's report.
    """
    paths, db = open_data_readonly(data)
    rows = crawl_rows(db, someone_working(paths.data))
    if fmt == "json":
        click.echo(safe_json(rows))  # a crawl's error can quote a page or a feed
        return
    if not rows:
        click.echo("No crawls yet.")
    for r in rows:
        s = r["sites"]
        changes = ("" if r["changes_published"] is None else
                   f"; {r['changes_published']} published, {r['changes_held']} held"
                   + (f", {r['first_seen']} first seen" if r["first_seen"] else ""))
        click.echo(f"{r['crawl_id']}  {r['status']:<11} {r['kind']:<11} pages as of {r['observed_on']}; "
                   f"started {r['started_at']}, finished {r['finished_at'] or '-'}; from {term(r['source'])}")
        click.echo(f"    sites: {s['ok']} ok, {s['degraded']} degraded, {s['failed']} failed{changes}; "
                   f"{'published' if r['published'] else 'not published'}")
        if r["note"]:
            click.echo(f"    {r['status']}: {term(r['note'])}")
