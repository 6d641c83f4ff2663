"""`mlis-crawler audit`: check a listing's claims about programs against their own pages."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.audit import Published, audit, counts, load_claims, render_html, render_markdown
from crawler.cli.common import data_option, handle_errors
from crawler.datadir import DataDir
from crawler.report.describe import visible
from crawler.report.terminal import safe_json


@click.command("audit")
@click.argument("claims", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md", show_default=True)
@data_option
@handle_errors
def command(claims, fmt, data):
    """Compare the claims in CLAIMS (a CSV with institution_id, program_id, field, claim and
    optionally listing_entry) with the facts published in DATA/programs.db.

    Each claim is read with the crawler's own normalizers and gets a status: verified,
    partly_verified (our pages state its core value but not a qualifier it adds, such as "for
    applicants with a strong academic background"; the note names that part), contradicted
    (only when our current evidence states another core value: an exam status, an amount, a
    count, a date; with our value, the evidence, its page and the date we verified it),
    not_stated (the program's pages do not say, or we do not publish the program, or we hold
    no evidence to judge by) or unreadable (the claim itself cannot be read). JSON is a list of objects with the keys
    institution_id, program_id, field, claim, status, our_value, claimed_value, evidence,
    source_url, verified_at, listing_entry and note. The summary line goes to stderr.
    """
    results = audit(load_claims(claims), Published(DataDir(data).programs))
    # The claims and our evidence are text from listings and pages: nothing in them reaches the
    # terminal as a control sequence (shown as ⟨U+XXXX⟩; JSON escapes them).
    if fmt == "json":
        click.echo(safe_json(results))
    else:
        click.echo(visible(render_markdown(results) if fmt == "md" else render_html(results)), nl=False)
    click.echo(", ".join(f"{n} {status}" for status, n in counts(results).items()), err=True)
