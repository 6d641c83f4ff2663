"""`mlis-crawler export`: every table of the published programs.db as CSV or JSON files."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors
from crawler.commandline import command as pasteable
from crawler.datadir import DataDir
from crawler.errors import ConfigError
from crawler.publish.export import export


@click.command("export")
@data_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv: a header row, then rows in primary-key order, NULL as an empty field; json: a list of objects per table.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write <table>.csv or <table>.json into (created if needed; files there are replaced).")
@handle_errors
def command(data, fmt, out):
    """Write every table of the published programs.db (DATA/programs.db) to OUT, one file per table.

    Money is integer US cents, as in the file (docs/schema.md). In CSV, a text cell that a
    spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return)
    gets a ' before it, so it shows as text; JSON keeps text exactly."""
    source = DataDir(data).programs
    if not source.is_file():
        raise ConfigError(f"no published file at {source}: run `{pasteable('refresh', '--data', Path(data).absolute())}` first")
    for path in export(source, out, fmt):
        click.echo(path)
