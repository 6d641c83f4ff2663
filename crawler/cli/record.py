"""`mlis-crawler record`: make a snapshot of the live sites for replay."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import handle_errors
from crawler.night.crawl import check_spiders


@click.command("record")
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="New snapshot folder, named by the capture date (fixtures/sites/<YYYY-MM-DD>); must not exist or be empty.")
@click.option("--spider", "spiders", multiple=True, metavar="NAME",
              help="Record only this spider's pages (repeatable); default: all. `scrapy list` shows the names.")
@handle_errors
def command(out, spiders):
    """Crawl the live sites with the real spiders and settings and record what they fetched.

    Writes each body to OUT/<host>/<path> (the layout `refresh --replay` reads) and, per host,
    OUT/_replay/<host>.json with each response's status and headers (Content-Type with its
    charset, ETag, Last-Modified, Location, ...), redirects included; the recording crawl's feed
    and log go to OUT/_record/. `refresh --replay OUT` then answers the same responses, 304s to
    conditional requests included. Exits 2 on bad input (OUT not empty, unknown spider), 3 when
    the crawl could not run or fetched nothing (every site down or refused; its log says why).
    """
    names = check_spiders(list(spiders))
    from crawler.crawl.record import record  # Scrapy: imported when the command runs, not for --help

    feed = record(out, names)
    recorded = sorted(p.stem for p in (out / "_replay").glob("*.json"))
    click.echo(f"Recorded {len(recorded)} host(s) into {out} ({', '.join(recorded) or 'nothing fetched'})")
    click.echo(f"Recording crawl's feed and log: {feed}")
