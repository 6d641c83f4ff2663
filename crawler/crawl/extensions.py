"""`SpiderSummary`: when a spider closes, write its finish reason and stats beside the feed.

The ingest step reads this file to judge the spider's health; a crawl killed before the
spider closed leaves no summary, and is treated as failed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured


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
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"summary-{spider.name}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(summary, default=str, indent=1, sort_keys=True))
        os.replace(tmp, target)
