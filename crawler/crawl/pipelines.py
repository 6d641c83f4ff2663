"""Item pipelines: normalize evidence as it is crawled, and count what was found.

Nothing is dropped: a fact whose text cannot be read keeps its evidence and gains a
`problem`; stats count, per field, how many facts were read, unreadable or missing
(`mlis/field/<name>/ok|invalid|missing`), as Spidermon-style monitors expect.

With conditional GET on (`MLIS_PAGE_CACHE`, the refresh sets it) each spider remembers what
its facts normalized to, in `<cache>/normalized/<spider>.json`: the value or problem, keyed by
field and exact text, valid for one `normalizer_fingerprint` (`crawler.fields.PARSER_VERSION` and
the normalizers' source). A fact seen again with the same text, as a 304's replayed facts are,
takes its value from there without normalizing; a new text, or any normalizer change, is
normalized again. The file keeps what this night read, so it never grows past one night.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from crawler import fields
from crawler.crawl.pageitems import each
from crawler.fields import read_fact
from crawler.items import FactItem

NORMALIZED_FOLDER = "normalized"


@cache
def normalizer_fingerprint() -> str:
    """What a fact's value depends on besides its field and text: the parser version and the
    source of the field registry and every normalizer (an edit without a version bump counts)."""
    digest = hashlib.sha256(fields.PARSER_VERSION.encode())
    source = Path(fields.__file__).resolve()
    for file in [source, *sorted((source.parent / "normalize").glob("*.py"))]:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


class NormalizedMemo:
    """One spider's facts as normalized: (field, text) -> (value, problem), for one fingerprint."""

    def __init__(self, target: Path, fingerprint: str):
        self.target = target
        self.fingerprint = fingerprint
        self.known: dict[str, list] = {}
        self.tonight: dict[str, list] = {}
        self.hits = 0
        try:
            stored = json.loads(target.read_text())
        except (OSError, ValueError):
            return  # none yet, or unreadable: everything is normalized
        if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
            self.known = stored.get("facts") or {}

    def read(self, field: str, text: str) -> tuple[Any, str | None]:
        key = json.dumps([field, text], ensure_ascii=False)
        found = self.known.get(key)
        if found is not None:
            self.hits += 1
        else:
            found = list(read_fact(field, text))
        self.tonight[key] = found
        return found[0], found[1]

    def save(self) -> None:
        if self.tonight == self.known:
            return
        self.target.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.target.with_name(f".{self.target.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps({"fingerprint": self.fingerprint, "facts": self.tonight}, ensure_ascii=False))
        os.replace(tmp, self.target)


class NormalizePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        cache_dir = crawler.settings.get("MLIS_PAGE_CACHE")
        self.folder = Path(cache_dir) / NORMALIZED_FOLDER if cache_dir else None
        self.memo: NormalizedMemo | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        if self.folder is not None:
            name = (spider or self.crawler.spider).name
            self.memo = NormalizedMemo(self.folder / f"{name}.json", normalizer_fingerprint())

    def close_spider(self, spider=None) -> None:
        if self.memo is not None:
            self.memo.save()
            self.stats.set_value("mlis/normalize/memo_hit", self.memo.hits)

    def process_item(self, item, spider=None):
        for fact in each(item):  # a 304 page's replayed items come as one (crawler/crawl/pageitems.py)
            if isinstance(fact, FactItem):
                self._normalize(fact)
        return item

    def _normalize(self, item: FactItem) -> None:
        if item.text is None:
            self.stats.inc_value(f"mlis/field/{item.field}/missing")
            return
        if self.memo is not None:
            item.value, item.problem = self.memo.read(item.field, item.text)
        else:
            item.value, item.problem = read_fact(item.field, item.text)
        self.stats.inc_value(f"mlis/field/{item.field}/{'invalid' if item.problem else 'ok'}")
