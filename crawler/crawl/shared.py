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
- `LogCount` replaces Scrapy's `LogCount`: a site's `log_count/<LEVEL>` stats as before, from one
  root log handler for the process instead of one per site (each record went through all of them).
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


class _LevelCounts(logging.Handler):
    """Counts the records of the process by level name (one handler on the root logger)."""

    def __init__(self):
        super().__init__(level=logging.NOTSET)
        self.counts: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.counts[record.levelname] = self.counts.get(record.levelname, 0) + 1


class LogCount:
    """Extension, in place of Scrapy's `LogCount`: a site's `log_count/<LEVEL>` stats, the records
    of the process at or above its LOG_LEVEL while its spider was open, as Scrapy counts them, but
    with one handler for the process. Scrapy adds a handler per site to the root logger, so each
    record went through every open site's handler: with a thousand sites, a thousand calls a
    record, and every site's periodic log line a thousand times over."""

    handler: _LevelCounts | None = None  # per process

    def __init__(self, crawler):
        self.crawler = crawler
        self.level = logging.getLevelName(crawler.settings.get("LOG_LEVEL"))
        if not isinstance(self.level, int):
            self.level = logging.NOTSET
        self.opened: dict[str, int] | None = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider=None) -> None:
        if LogCount.handler is None:
            LogCount.handler = _LevelCounts()
            logging.root.addHandler(LogCount.handler)
        self.opened = dict(LogCount.handler.counts)

    def spider_closed(self, spider=None, reason=None) -> None:
        if self.opened is None:
            return
        for name, count in LogCount.handler.counts.items():
            added = count - self.opened.get(name, 0)
            if added and logging.getLevelName(name) >= self.level:
                self.crawler.stats.inc_value(f"log_count/{name}", added)
        self.opened = None
