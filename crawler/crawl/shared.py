"""What the crawlers of one crawl process share: one memory watch, the crawl-wide finish reason,
and settings read once, not once per site.

All spiders of a crawl run in one process, each with a crawler of its own (its stats, ledger and
summary are the site's). Scrapy's per-crawler parts are built once per site; what is the same for
every site is kept here once per process:

- `CrawlMemory` replaces Scrapy's `MemoryUsage` (which each crawler ran for itself: three looping
  calls and a log line a minute per site, each closing only its own spider). One looping call per
  process reads the process's peak RSS every `MEMUSAGE_CHECK_INTERVAL_SECONDS`, keeps every site's
  `memusage/startup` and `memusage/max` stats as before, and past `MEMUSAGE_LIMIT_MB` closes every
  open spider with reason `memusage_exceeded` (Scrapy's) and records it as the crawl's own reason
  (`CRAWL.finish_reason`): `SpiderSummary` writes it into every summary written from then on as
  `crawl_finish_reason`, so a night can say "the crawl ran out of memory" instead of blaming each
  site. A crawler that opens after that closes at once, for the same reason.
- `allowed_private_hosts`: `MLIS_ALLOW_PRIVATE_HOSTS` (tests and benchmarks only) read into one
  frozenset per process, not one set per site (with 1,000 routed sites and 2,600 host names, a
  copy per crawler was most of a site's memory).
"""

from __future__ import annotations

import logging
import resource
import sys
from dataclasses import dataclass, field
from functools import cache

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import _schedule_coro
from twisted.internet import task

logger = logging.getLogger(__name__)

MEMUSAGE_EXCEEDED = "memusage_exceeded"


@dataclass
class CrawlState:
    """The crawl process as a whole: why it stopped, when it stopped as a whole (else None)."""

    finish_reason: str | None = None
    crawlers: set = field(default_factory=set)


CRAWL = CrawlState()


@cache
def _hosts(raw: str) -> frozenset[str]:
    return frozenset(h.strip() for h in raw.split(",") if h.strip())


def allowed_private_hosts(settings) -> frozenset[str]:
    """`MLIS_ALLOW_PRIVATE_HOSTS` as a set, one per process for one value of the setting."""
    raw = settings.get("MLIS_ALLOW_PRIVATE_HOSTS") or ""
    return _hosts(raw if isinstance(raw, str) else ",".join(raw))


def peak_rss_bytes() -> int:
    size = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return size if sys.platform == "darwin" else size * 1024  # Linux counts KiB


class CrawlMemory:
    """Extension: one memory watch for all the crawlers of the process (see the module)."""

    loop: task.LoopingCall | None = None  # per process
    warned = False

    def __init__(self, crawler, limit: int, warning: int, interval: float, state: CrawlState = CRAWL):
        self.crawler = crawler
        self.limit = limit
        self.warning = warning
        self.interval = interval
        self.state = state

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("MEMUSAGE_ENABLED"):
            raise NotConfigured
        ext = cls(crawler, settings.getint("MEMUSAGE_LIMIT_MB") * 1024 * 1024,
                  settings.getint("MEMUSAGE_WARNING_MB") * 1024 * 1024,
                  settings.getfloat("MEMUSAGE_CHECK_INTERVAL_SECONDS"))
        crawler.signals.connect(ext.engine_started, signal=signals.engine_started)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def engine_started(self) -> None:
        peak = peak_rss_bytes()
        self.crawler.stats.set_value("memusage/startup", peak)
        self.crawler.stats.max_value("memusage/max", peak)
        self.state.crawlers.add(self)
        if self.state.finish_reason is not None:  # the crawl already stopped as a whole
            self.close(self.state.finish_reason)
        elif CrawlMemory.loop is None or not CrawlMemory.loop.running:
            CrawlMemory.loop = task.LoopingCall(self.check)
            CrawlMemory.loop.start(self.interval, now=True)

    def engine_stopped(self) -> None:
        self.crawler.stats.max_value("memusage/max", peak_rss_bytes())
        self.state.crawlers.discard(self)
        if not self.state.crawlers and CrawlMemory.loop is not None and CrawlMemory.loop.running:
            CrawlMemory.loop.stop()

    def check(self) -> None:
        peak = peak_rss_bytes()
        watched = list(self.state.crawlers)
        for ext in watched:
            ext.crawler.stats.max_value("memusage/max", peak)
        if self.warning and peak > self.warning and not CrawlMemory.warned:
            CrawlMemory.warned = True
            logger.warning("Memory usage reached %(memusage)dMiB", {"memusage": self.warning / 1024 / 1024})
            for ext in watched:
                ext.crawler.stats.set_value("memusage/warning_reached", 1)
                ext.crawler.signals.send_catch_log(signal=signals.memusage_warning_reached)
        if self.limit and peak > self.limit and self.state.finish_reason is None:
            self.state.finish_reason = MEMUSAGE_EXCEEDED
            logger.error("Memory usage exceeded %(memusage)dMiB: closing all %(sites)d open sites of the crawl",
                         {"memusage": self.limit / 1024 / 1024, "sites": len(watched)})
            for ext in watched:
                ext.close(MEMUSAGE_EXCEEDED)

    def close(self, reason: str) -> None:
        self.crawler.stats.set_value("memusage/limit_reached", 1)
        engine = self.crawler.engine
        if engine.spider is not None:
            _schedule_coro(engine.close_spider_async(reason=reason))
        else:
            _schedule_coro(self.crawler.stop_async())
