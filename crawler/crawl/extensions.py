"""`SpiderSummary`: when a spider closes, write its finish reason and stats beside the feed.

The ingest step reads this file to judge the spider's health; a crawl killed before the
spider closed leaves no summary, and is treated as failed. When the crawl process stopped as a
whole (past MEMUSAGE_LIMIT_MB: `crawler.crawl.shared.CrawlMemory`), the summary also carries
`crawl_finish_reason` (`memusage_exceeded`): the site did not fail, the crawl did.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.crawl.shared import CRAWL


class SpiderSummary:
    def __init__(self, folder: Path, stats):
        self.folder = folder
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("MLIS_SUMMARY_DIR")
        if not folder:
            raise NotConfigured
        ext = cls(Path(folder), crawler.stats)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        stats = {k: v for k, v in self.stats.get_stats().items()}
        summary = {"spider": spider.name, "finish_reason": reason, "stats": stats}
        if CRAWL.finish_reason is not None:  # the crawl stopped as a whole (out of memory), not this site
            summary["crawl_finish_reason"] = CRAWL.finish_reason
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"summary-{spider.name}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, default=str, indent=1, sort_keys=True))
        os.replace(tmp, target)


class QuietBelowLogLevel:
    """Extension: Scrapy sets the root logger to NOTSET and its own `scrapy` logger to DEBUG
    (`scrapy.utils.log.DEFAULT_LOGGING`), and filters at its handler, so every DEBUG record (a
    "Crawled (200)" per response, a "Scraped from" per item, the item formatted into it) is
    built, caller frame and all, and then thrown away. Each crawler resets both as it starts, so
    when each spider opens, the root logger is set to LOG_LEVEL and the `scrapy` logger to no
    lower than it: records below it are not built; what the log shows is the same. (Loggers
    Scrapy quiets further, `twisted` at ERROR, keep their level.)"""

    def __init__(self, level):
        self.level = level

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler.settings.get("LOG_LEVEL"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        return ext

    def spider_opened(self, spider=None):
        import logging

        logging.root.setLevel(self.level)
        scrapy_logger = logging.getLogger("scrapy")
        scrapy_logger.setLevel(max(scrapy_logger.level, logging.root.level))
