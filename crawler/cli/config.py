"""`mlis-crawler config`: print the effective configuration."""

from __future__ import annotations

import click

from crawler.cli.common import config_option, data_option, handle_errors, read_config
from crawler.config import to_toml


@click.command("config")
@data_option
@config_option
@handle_errors
def command(data, config_file):
    """Print the effective configuration as TOML: the config file's values over the defaults.

    The file is <data>/mlis-crawler.toml unless --config names another; it has four sections,
    [crawl] (the user agent's contact, Scrapy setting overrides), [policy] (the review
    thresholds), [retention] (what `prune` keeps, how many history backups) and [notify]
    (alerts by mail and webhook). An unknown section or key is an error naming it (exit 2).
    The output can be saved as a config file and edited.
    """
    click.echo(to_toml(read_config(data, config_file)), nl=False)
