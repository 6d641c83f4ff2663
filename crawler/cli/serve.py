"""`mlis-crawler serve`: open the published programs.db in Datasette (an optional extra)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors
from crawler.commandline import command as pasteable
from crawler.datadir import DataDir
from crawler.errors import ConfigError
from crawler.publish.datasette import METADATA_NAME, serve, write_metadata


@click.command("serve")
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@handle_errors
def command(data, host, port):
    """Serve DATA/programs.db with Datasette and its metadata (tables and columns described).

    Follows the file: after each publish swaps programs.db, the next request reads the new
    file (no restart needed). Needs the `serve` extra (pip install 'mlis-crawler[serve]').
    Stop it with Ctrl-C."""
    programs = DataDir(data).programs
    if not programs.is_file():
        raise ConfigError(f"no published file at {programs}: run `{pasteable('refresh', '--data', Path(data).absolute())}` first")
    if importlib.util.find_spec("datasette") is None:
        raise ConfigError("Datasette is not installed: pip install 'mlis-crawler[serve]'")
    if not (data / METADATA_NAME).is_file():
        write_metadata(data)  # a file published before metadata was written beside it
    click.echo(f"serving {programs} at http://{host}:{port}/ (it follows each publish); Ctrl-C stops", err=True)
    serve(programs, host, port)
