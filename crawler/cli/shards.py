"""`mlis-crawler shards`: a night split into shards that finish together, crawled on Scrapyd nodes."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click

from crawler.cli.common import config_option, data_option, handle_errors, print_result, read_config, say
from crawler.config import Config
from crawler.datadir import DataDir
from crawler.errors import ConfigError, EXIT_DEGRADED, EXIT_NO_SITE
from crawler.night.shards import Shard, pages_on_record, plan, site_budgets
from crawler.states import Health, every_site_failed


def night_plan(data: Path, config: Config, spiders: list[str], count: int) -> list[Shard]:
    """The night's sites (or `spiders`) in `count` shards, by each site's budget on record."""
    from crawler.crawl import settings as crawl_settings
    from crawler.night.crawl import check_spiders

    names = check_spiders(spiders)
    delay = float(config.crawl.overrides().get("DOWNLOAD_DELAY", crawl_settings.DOWNLOAD_DELAY))
    paths = DataDir(data)
    pages = pages_on_record(paths.open_history_readonly(), names) if paths.has_history() else dict.fromkeys(names)
    return plan(site_budgets(pages, delay), count)


def describe(shard: Shard) -> str:
    return f"shard {shard.index}: {len(shard.sites)} site(s), {shard.budget:.0f} s: {', '.join(shard.sites) or '-'}"


@click.group("shards")
def command():
    """Split a night into shards that finish together, and crawl them on Scrapyd nodes.

    A site costs its pages on its latest night that was not a failure (history.db) times the
    delay between two requests to it (DOWNLOAD_DELAY); a site never crawled costs as much as the
    median site. Sites go to shards longest first, each to the shard with the least cost so far.
    docs/operations.md ("Split a night over Scrapyd nodes") says when to split.
    """


spider_option = click.option("--spider", "spiders", multiple=True, metavar="NAME",
                             help="Only this spider (repeatable); default: all.")


@command.command("plan")
@click.option("--shards", "count", type=click.IntRange(min=1), required=True, help="How many shards.")
@spider_option
@data_option
@config_option
@handle_errors
def plan_command(count, spiders, data, config_file):
    """Print the shards a night would be split into: each one's sites and cost in seconds."""
    for shard in night_plan(data, read_config(data, config_file), list(spiders), count):
        click.echo(describe(shard))


@command.command("run")
@click.option("--node", "nodes", multiple=True, required=True, metavar="URL",
              help="A Scrapyd node with the project deployed (repeatable): one shard per node.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder the nodes write feeds into and this machine reads (same machine or a shared mount); "
                   "each run writes <out>/<UTC time>/shard-<i>/.")
@spider_option
@click.option("--replay", metavar="SNAPSHOT", help="The nodes answer from this recorded snapshot (its path on the nodes).")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="A Scrapy setting for every job (repeatable).")
@click.option("--observed-on", metavar="YYYY-MM-DD",
              help="The day the pages were read (default: the snapshot's date with --replay, else today).")
@click.option("--timeout", type=click.FloatRange(min=1), metavar="SECONDS",
              help="How long an attempt of a shard may take (default: twice the costliest shard + 10 minutes).")
@click.option("--project", default="mlis-crawler", show_default=True, help="The Scrapyd project deployed on the nodes.")
@data_option
@config_option
@handle_errors
def run_command(nodes, out, spiders, replay, sets, observed_on, timeout, project, data, config_file):
    """Crawl a night as one shard per Scrapyd node; ingest each shard as soon as it is over.

    Each shard runs as one Scrapyd job on its node: all its sites in one process. Sites that
    left no summary (crashed, killed, timed out, the node down) are tried once more on the same
    node, in one job; those that fail again are reported failed in their shard's night and keep
    their published values. Each shard is then ingested as `mlis-crawler ingest` would (one night, one report a shard, in the
    order they end). Exits 0 when every site is healthy, 1 when some were degraded or failed, 4
    when every site failed; 2 and 3 as ingest.
    """
    from crawler.night import Feeds, Night
    from crawler.night.scrapyd import run_shards
    from crawler.night.sources import observed_on as snapshot_day

    config = read_config(data, config_file, "ingest")
    settings = dict(config.crawl.overrides())
    for pair in sets:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ConfigError(f"--set expects KEY=VALUE, not {pair!r}")
        settings[key] = value
    if replay:
        settings["MLIS_REPLAY_DIR"] = replay
        observed_on = observed_on or snapshot_day(Path(replay))
    shards = night_plan(data, config, list(spiders), len(nodes))
    for shard in shards:
        say(describe(shard))
    folder = out / datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    def ingest(feeds: Path, label: str):
        result = Night(data, Feeds([str(feeds)], observed_on, label), config, log=say).run()
        print_result(result)
        return result

    runs = run_shards(shards, list(nodes), folder, ingest, project=project, settings=settings,
                      timeout=timeout or 2 * max(s.budget for s in shards) + 600, log=say)
    health = {name: h for run in runs for name, h in run.result.health.items()}
    if every_site_failed(health.values()):
        click.echo("mlis-crawler: every site failed on every node; the published values were kept", err=True)
        raise SystemExit(EXIT_NO_SITE)
    if any(h != Health.OK for h in health.values()):
        raise SystemExit(EXIT_DEGRADED)
