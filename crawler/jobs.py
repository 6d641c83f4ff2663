"""The Python API that the CLI wraps, kept under its old names: each job is one `Night`
(crawler/night/) with its own source.

    refresh(data, replay, spiders)   Night(data, Sites(replay, spiders))
    renormalize(data)                Night(data, Evidence())
    ingest(data, sources)            Night(data, Feeds(sources))

`config=None` means the data folder's configuration file (or the defaults where there is none),
so a night run from Python reviews changes with the same thresholds as one run by the CLI.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from crawler.config import Config
from crawler.datadir import DataDir
from crawler.night import Evidence, Feeds, Night, NightResult, Sites
from crawler.night.crawl import CHILD_GRACE_SECONDS, Signals, check_spiders, crawl_overrides, run_crawl
from crawler.night.sources import observed_on, read_feeds
from crawler.night.steps import (KILLED_REASON, fail_crawl, new_crawl_id, publish_and_report, publish_now,
                                 record_publish, recover, run_steps)

__all__ = ["CHILD_GRACE_SECONDS", "KILLED_REASON", "Paths", "RefreshResult", "Signals", "check_data_dir",
           "check_spiders", "crawl_overrides", "exclusive", "fail_crawl", "ingest", "new_crawl_id", "observed_on",
           "publish_and_report", "publish_now", "read_feeds", "record_publish", "recover", "refresh", "renormalize",
           "run_crawl", "run_steps"]

RefreshResult = NightResult  # the names this module's callers knew
Paths = DataDir


def check_data_dir(data: Path) -> DataDir:
    return DataDir(data).ensure_writable()


@contextmanager
def exclusive(paths: DataDir):
    """One night (or review, or publish) at a time per data folder."""
    with paths.exclusive():
        yield


def refresh(data: Path, replay: Path | None = None, spiders: list[str] | None = None, log=print,
            config: Config | None = None, settings: dict[str, str] | None = None) -> NightResult:
    """The nightly job: crawl (the live sites, or `replay`), stage, reconcile, publish, report."""
    return Night(data, Sites(replay, list(spiders or []), settings), config, log).run()


def renormalize(data: Path, crawl_id: str | None = None, log=print, config: Config | None = None) -> NightResult:
    """Re-read the latest published crawl's stored evidence with today's normalizers."""
    return Night(data, Evidence(crawl_id), config, log).run()


def ingest(data: Path, sources: list[str], observed_on: str | None = None, source_label: str | None = None,
           log=print, config: Config | None = None) -> NightResult:
    """Stage, reconcile, publish and report crawl feeds made elsewhere (Scrapyd jobs, another
    machine), exactly as a local refresh does after its crawl."""
    return Night(data, Feeds(list(sources), observed_on, source_label), config, log).run()
