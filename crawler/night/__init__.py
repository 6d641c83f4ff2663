"""The night: one job, whatever its pages' source (crawler/night/run.py).

    Night(data, Sites(replay, spiders))   the nightly refresh (live sites, or a replayed snapshot)
    Night(data, Feeds(sources))           ingest feeds crawled elsewhere (Scrapyd)
    Night(data, Evidence())               renormalize: re-read stored evidence
    Night(..., dry_run=True)              any of them on a scratch copy: report only

`sources` says where pages come from, `steps` what every night does after staging, `crawl` the
crawl child and the signals forwarded to it, `result` what a night hands back.
"""

from crawler.night.result import NightResult
from crawler.night.run import Night
from crawler.night.sources import Evidence, Feeds, Sites

__all__ = ["Evidence", "Feeds", "Night", "NightResult", "Sites"]
