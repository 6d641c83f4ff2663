"""A 304 page's items carried through Scrapy's item path as one (`PageItems`), and a stats
collector without Scrapy's per-call lookup (`CrawlStats`).

On an unchanged night most items come from memos (`conditional.NotModifiedMemo`): a page's
ledger row and the facts, programs and institution its callback yielded last time, unchanged.
Scrapy carries every item alone: each spider middleware's output hook, the scraper's queue, the
item pipeline, and an `item_scraped` signal sent through `asyncio.gather` (a task per receiver:
the feed exporter and the core stats). For a replay none of that does anything per item, so the
memo yields the page's items as one `PageItems`, in the order the callback yielded them, and
only its follow-up requests alone; a page read in full (`ProgramSpider._read`, which builds its
whole output before yielding) is passed on the same way (`conditional._PageOutput`). Each place
that reads items takes a `PageItems` apart:

- `NormalizePipeline` normalizes and counts each of its facts as it would one fact alone;
- `FeedExporter` (in place of Scrapy's) exports each item alone, so the feed gets the same lines
  in the same order, counted per item (`Stored ... feed (N items)`), filters and batches as before;
- `CoreStats` (in place of Scrapy's) counts each in `item_scraped_count`, which the ingest checks
  against the feed's lines.

Anything else that connects to `item_scraped` or adds a pipeline sees a `PageItems` and must take
it apart too (`each`). Without the memo (no `MLIS_PAGE_CACHE`) items go one by one, as Scrapy's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.extensions.corestats import CoreStats as ScrapyCoreStats
from scrapy.extensions.feedexport import FeedExporter as ScrapyFeedExporter
from scrapy.statscollectors import MemoryStatsCollector


class PageItems:
    """One page's items, in order, as one output of its callback (see the module)."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]):
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"PageItems({len(self.items)} items)"


def each(item: Any) -> Iterator[Any] | tuple[Any]:
    """The items `item` stands for: those of a `PageItems`, else `item` itself."""
    return iter(item.items) if type(item) is PageItems else (item,)


class FeedExporter(ScrapyFeedExporter):
    """Scrapy's feed exporter, given a `PageItems` item by item."""

    def item_scraped(self, item: Any, spider=None) -> None:
        for one in each(item):
            super().item_scraped(one, spider)


class CoreStats(ScrapyCoreStats):
    """Scrapy's core stats, counting each item of a `PageItems` in `item_scraped_count`."""

    def item_scraped(self, item: Any, spider=None) -> None:
        self.stats.inc_value("item_scraped_count", len(item) if type(item) is PageItems else 1)


class CrawlStats(MemoryStatsCollector):
    """Scrapy's `MemoryStatsCollector` with plain attribute lookup.

    Scrapy 2.19's `StatsCollector.__getattribute__` runs on every attribute of the collector,
    its own `_stats` inside each method included: an f-string and a failed lookup (a raised and
    caught AttributeError) each time, and, the first time each crawler calls a method, a wrapper
    built from the method's signature that warns when a `spider` argument is passed (deprecated).
    A stat kept costs 1.9 µs instead of 0.1; a night's crawl keeps thousands (per request,
    response and item), each site's crawler builds its ten wrappers anew. Nothing in this
    project passes `spider` to the stats; the methods still accept it."""

    __getattribute__ = object.__getattribute__
