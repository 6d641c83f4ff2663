"""`mlis-crawler new-university`: the files a new university starts from."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import handle_errors
from crawler.scaffold import new_university


@click.command("new-university")
@click.argument("university_id", metavar="ID")
@click.option("--name", required=True, help="The university's name, as published (\"San José State University\").")
@click.option("--url", required=True, help="The program page a crawl starts from (http or https).")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="Capture date of the recorded-site folder; default: today (UTC).")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The project checkout (holds scrapy.cfg and spiders/).")
@handle_errors
def command(university_id, name, url, on, root):
    """Write a new university's spider skeleton, recorded-site folder and expected records.

    ID is the institution id: lowercase letters, digits and _, starting with a letter; it names
    the spider (`scrapy list`), its module spiders/ID.py and its program ids (ID/<slug>). Writes
    spiders/ID.py (ProgramSpider, start_pages from --url, allowed_domains its registrable
    domain), fixtures/sites/DATE/HOST/.recording-pending, tests/expected/ID/DATE.json and
    fixtures/notes/ID.md; overwrites nothing. Until pages are recorded the tests skip ID by
    name and no demo night replays it. Exits 2 for a bad ID, a spider or domain already
    taken, or a URL that is not http(s). Next steps: docs/adding-a-university.md.
    """
    for path in new_university(root, university_id, name, url, on):
        click.echo(f"wrote {path}")
    click.echo(f"next: record the pages, then read each fact in spiders/{university_id}.py (docs/adding-a-university.md)")
