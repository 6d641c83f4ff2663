"""Item pipelines: normalize evidence as it is crawled, and count what was found.

Nothing is dropped: a fact whose text cannot be read keeps its evidence and gains a
`problem`; stats count, per field, how many facts were read, unreadable or missing
(`mlis/field/<name>/ok|invalid|missing`), as Spidermon-style monitors expect.
"""

from __future__ import annotations

from crawler.fields import read_fact
from crawler.items import FactItem


class NormalizePipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item, spider=None):
        if not isinstance(item, FactItem):
            return item
        if item.text is None:
            self.stats.inc_value(f"mlis/field/{item.field}/missing")
            return item
        item.value, item.problem = read_fact(item.field, item.text)
        self.stats.inc_value(f"mlis/field/{item.field}/{'invalid' if item.problem else 'ok'}")
        return item
