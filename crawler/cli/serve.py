"""`mlis-crawler serve`: open the published programs.db in Datasette (an optional extra)."""

from __future__ import annotations

import os
import shutil
import sys

import click

from crawler.cli.common import data_option, handle_errors
from crawler.datadir import DataDir
from crawler.errors import ConfigError
from crawler.publish.datasette import METADATA_NAME, write_metadata


def datasette_command(data, host: str, port: int) -> list[str]:
    executable = shutil.which("datasette", path=os.path.dirname(sys.executable)) or shutil.which("datasette")
    if executable is None:
        raise ConfigError("Datasette is not installed: pip install 'mlis-crawler[serve]'")
    return [executable, "serve", str(DataDir(data).programs), "-m", str(data / METADATA_NAME),
            "--host", host, "--port", str(port)]


@click.command("serve")
@data_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8001, show_default=True, type=int)
@handle_errors
def command(data, host, port):
    """Serve DATA/programs.db with Datasette and its metadata (tables and columns described).

    Runs `datasette serve programs.db -m programs.metadata.json --host 127.0.0.1`; needs the
    `serve` extra (pip install 'mlis-crawler[serve]'). Stop it with Ctrl-C."""
    if not DataDir(data).programs.is_file():
        raise ConfigError(f"no published file at {DataDir(data).programs}: run `mlis-crawler refresh --data {data}` first")
    if not (data / METADATA_NAME).is_file():
        write_metadata(data)  # a file published before metadata was written beside it
    command_line = datasette_command(data, host, port)
    click.echo(" ".join(command_line), err=True)
    os.execv(command_line[0], command_line)
