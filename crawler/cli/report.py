"""`mlis-crawler report`: print a crawl's change report."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data
from crawler.errors import ConfigError

@click.command("report")
@data_option
@click.option("--crawl", "crawl_id", help="Crawl id (default: the latest published crawl).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="md", show_default=True)
@handle_errors
def command(data, crawl_id, fmt):
    """Print the change report of a crawl (default: the latest published one)."""
    from crawler.history.db import latest_published
    from crawler.report import build_report, render_html, render_markdown

    _, db = open_data(data)
    if crawl_id is None:  # a failed or unfinished crawl published nothing: its report is asked for by id
        crawl_id = latest_published(db)
        if crawl_id is None:
            raise ConfigError("no published crawl to report on yet")
    elif db.execute("SELECT 1 FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone() is None:
        raise ConfigError(f"no crawl {crawl_id}")
    report = build_report(db, crawl_id)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render_markdown(report) if fmt == "md" else render_html(report), nl=False)
