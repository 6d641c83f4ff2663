"""Conditional GET: ask each page "changed since last night?" and, on 304, read it again
without parsing it (docs/operations.md, "Conditional GET").

The history keeps each page's validators (`pages.etag`, `pages.last_modified`, with the body's
sha256 and Content-Type). Before a crawl the refresh writes, for every URL whose latest read
was good (`ok` or `not_modified`) and carried a validator, one line of `validators.json`
(`validators_from_history`), and runs the crawl with `MLIS_VALIDATORS=<that file>` and
`MLIS_PAGE_CACHE=<data>/pages`. A page whose latest read failed (any other outcome) is not
listed, so it is fetched in full.

- `ConditionalGetMiddleware` (downloader, 950: next to the download handler) adds
  `If-None-Match` / `If-Modified-Since` to a request for a listed URL whose body is in the
  cache. A 304 becomes the stored body, status 200, flagged `not_modified`, so everything
  after it (redirects, stats, the spider) sees the page as it was; its ledger row says
  `not_modified`. A 304 whose body is missing from the cache is asked again unconditionally.
  Every 200 carrying a validator is stored in the cache by its sha256 (content-addressed:
  identical pages are stored once), unless no spider reads it (robots.txt: `NO_CALLBACK`).
- `NotModifiedMemo` (spider middleware, 990: next to the spider) remembers what a callback
  yielded from a body (facts with their exact text, programs, follow-up requests), keyed by
  the body's sha256, the spider, the callback, its targets and a fingerprint of the spider
  and crawl code. For a `not_modified` page it yields that again instead of running the
  callback: the same evidence, re-verified tonight, without a parse. Without a memo (first
  304 after a code change) the callback reads the stored body as usual. Either way a page's
  items go on as one `PageItems` (crawler/crawl/pageitems.py), its requests alone.
- `ConditionalGetAddon` enables both when `MLIS_PAGE_CACHE` is set, and starts AutoThrottle,
  if enabled, at DOWNLOAD_DELAY (its default 5 s start delay never drops on 304s).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import os
import time
from dataclasses import asdict
from pathlib import Path

from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.responsetypes import responsetypes

from crawler import __version__
from crawler.crawl.pageitems import PageItems
from crawler.items import READ_OUTCOMES, FactItem, Institution, PageItem, ProgramItem

FLAG = "not_modified"
MEMO_FOLDER = "memo"
ITEM_TYPES = {"fact": FactItem, "program": ProgramItem, "institution": Institution}
REQUEST_META = {"handle_httpstatus_list", "mlis_expects", "mlis_programs"}


def validators_from_history(conn) -> dict[str, dict]:
    """URL -> its validators, for every URL whose latest read (in the newest crawl that read it)
    was good and carried an ETag or Last-Modified; a URL any of whose rows there failed is left
    out, so it is fetched in full."""
    rows = conn.execute(
        """WITH ranked AS (
             SELECT p.final_url, p.outcome, p.etag, p.last_modified, p.sha256, p.content_type,
                    rank() OVER (PARTITION BY p.final_url ORDER BY c.rowid DESC) AS rk
             FROM pages p JOIN crawls c ON c.crawl_id = p.crawl_id
             WHERE c.kind = 'crawl' AND p.final_url IS NOT NULL)
           SELECT final_url, outcome, etag, last_modified, sha256, content_type FROM ranked WHERE rk = 1"""
    ).fetchall()
    found: dict[str, dict] = {}
    failed: set[str] = set()
    for url, outcome, etag, last_modified, sha256, content_type in rows:
        if outcome not in READ_OUTCOMES or not sha256 or not (etag or last_modified):
            failed.add(url)
            continue
        found[url] = {"etag": etag, "last_modified": last_modified, "sha256": sha256, "content_type": content_type}
    return {url: v for url, v in found.items() if url not in failed}


def write_validators(conn, target: Path) -> int:
    validators = validators_from_history(conn)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(validators, indent=0, sort_keys=True))
    return len(validators)


def prune_cache(conn, cache: Path) -> int:
    """Drop stored bodies no URL's latest good read refers to (memos go with their body)."""
    keep = {v["sha256"] for v in validators_from_history(conn).values()}
    removed = 0
    if not cache.is_dir():
        return 0
    for file in cache.iterdir():
        if file.is_file() and len(file.name) == 64 and file.name not in keep:
            file.unlink()
            removed += 1
    memo = cache / MEMO_FOLDER
    if memo.is_dir():
        for file in memo.iterdir():
            if file.name.split(".", 1)[0] not in keep:
                file.unlink()
    return removed


class ConditionalGetAddon:
    def update_settings(self, settings) -> None:
        settings["EXTENSIONS"].set("crawler.crawl.conditional.CrawlCpu", 0, "addon")
        if settings.getbool("AUTOTHROTTLE_ENABLED"):
            settings.set("AUTOTHROTTLE_START_DELAY", settings.getfloat("DOWNLOAD_DELAY"), "addon")
        if not settings.get("MLIS_PAGE_CACHE"):
            return
        settings["DOWNLOADER_MIDDLEWARES"].set("crawler.crawl.conditional.ConditionalGetMiddleware", 950, "addon")
        settings["SPIDER_MIDDLEWARES"].set("crawler.crawl.conditional.NotModifiedMemo", 990, "addon")


def store(cache: Path, body: bytes) -> str:
    digest = hashlib.sha256(body).hexdigest()
    target = cache / digest
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / f".{digest}.tmp-{os.getpid()}"
        tmp.write_bytes(body)
        os.replace(tmp, target)
    return digest


def load_validators(source: str) -> dict[str, dict]:
    """The validators file, parsed once per process and shared by every site's crawler (they only
    look URLs up in it). It lists every site's URLs, so a parse per crawler cost sites x URLs: at a
    thousand sites and 3,000 URLs, 2.9 ms and 2 MiB held per crawler, about 3 s of CPU a night and
    400 MiB with 200 sites open. Keyed by the file's path, size, inode and modification time, so a
    file rewritten for another crawl is read again."""
    stat = os.stat(source)
    return _parsed_validators(os.path.abspath(source), stat.st_mtime_ns, stat.st_size, stat.st_ino)


@functools.lru_cache(maxsize=2)
def _parsed_validators(source: str, mtime_ns: int, size: int, inode: int) -> dict[str, dict]:
    return json.loads(Path(source).read_text())


class ConditionalGetMiddleware:
    def __init__(self, cache: Path, validators: dict[str, dict], stats):
        self.cache = cache
        self.validators = validators
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("MLIS_PAGE_CACHE"):
            raise NotConfigured
        source = settings.get("MLIS_VALIDATORS")
        return cls(Path(settings.get("MLIS_PAGE_CACHE")), load_validators(source) if source else {}, crawler.stats)

    def process_request(self, request):
        if request.meta.get("mlis_unconditional"):
            return None
        known = self.validators.get(request.url)
        if not known or not (self.cache / known["sha256"]).is_file():
            return None
        if known.get("etag"):
            request.headers.setdefault("If-None-Match", known["etag"])
        if known.get("last_modified"):
            request.headers.setdefault("If-Modified-Since", known["last_modified"])
        request.meta["mlis_conditional"] = known
        self.stats.inc_value("mlis/conditional/sent")
        return None

    def process_response(self, request, response):
        known = request.meta.get("mlis_conditional")
        if response.status == 304 and known:
            try:
                body = (self.cache / known["sha256"]).read_bytes()
            except OSError:  # pruned or lost since: ask again, in full
                self.stats.inc_value("mlis/conditional/refetched")
                headers = request.headers.copy()
                headers.pop("If-None-Match", None)
                headers.pop("If-Modified-Since", None)
                meta = {k: v for k, v in request.meta.items() if k != "mlis_conditional"}
                return request.replace(headers=headers, meta={**meta, "mlis_unconditional": True}, dont_filter=True)
            self.stats.inc_value("mlis/conditional/not_modified")
            return self._stored(request, response, known, body)
        if response.status == 200 and request.callback is not NO_CALLBACK \
                and (b"ETag" in response.headers or b"Last-Modified" in response.headers):
            store(self.cache, response.body)  # a page a spider reads (not robots.txt): its next 304 needs it
        return response

    @staticmethod
    def _stored(request, response: Response, known: dict, body: bytes) -> Response:
        headers = {"Content-Type": known.get("content_type") or "text/html"}
        for name, value in (("ETag", known.get("etag")), ("Last-Modified", known.get("last_modified"))):
            fresh = response.headers.get(name)  # a 304 may carry updated validators
            if fresh is not None or value:
                headers[name] = fresh.decode("latin-1") if fresh is not None else value
        headers = Headers(headers)  # bytes keys: responsetypes reads Content-Type instead of sniffing the body
        cls = responsetypes.from_args(headers=headers, url=response.url, body=body)
        return cls(url=response.url, status=200, headers=headers, body=body, request=request,
                   flags=[*response.flags, FLAG], ip_address=response.ip_address, protocol=response.protocol)


def code_fingerprint(spider) -> str:
    """What a callback's output depends on besides the body: the spider's module, the crawl
    package (Page locators, the spider base) and the item contract."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(Path(inspect.getsourcefile(type(spider))).read_bytes())
    digest.update(_shared_code())
    return digest.hexdigest()[:16]


@functools.cache
def _shared_code() -> bytes:
    """The crawl package and the item contract (180 KB), read and hashed once per process, not
    once per spider."""
    here = Path(__file__).resolve().parent
    files = [*sorted(here.glob("*.py")), here.parent / "items.py"]
    return hashlib.sha256(b"".join(file.read_bytes() for file in files)).digest()


class NotModifiedMemo:
    def __init__(self, cache: Path, crawler):
        self.folder = cache / MEMO_FOLDER
        self.crawler = crawler
        self.stats = crawler.stats
        self.fingerprints: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("MLIS_PAGE_CACHE"):
            raise NotConfigured
        return cls(Path(crawler.settings.get("MLIS_PAGE_CACHE")), crawler)

    def _key(self, response, spider) -> Path | None:
        request = response.request
        handler = (request.cb_kwargs or {}).get("handler") if request is not None else None
        if handler is None or getattr(request.callback, "__name__", None) != "_read":
            return None
        if spider.name not in self.fingerprints:
            self.fingerprints[spider.name] = code_fingerprint(spider)
        known = request.meta.get("mlis_conditional")
        if FLAG in response.flags and known:  # the stored body, read from the cache by its hash
            body = known["sha256"]
        else:
            body = hashlib.sha256(response.body).hexdigest()
        scope = json.dumps([spider.name, handler.__name__, request.meta.get("mlis_programs"),
                            request.meta.get("mlis_expects"), response.status, self.fingerprints[spider.name]])
        return self.folder / f"{body}.{hashlib.sha256(scope.encode()).hexdigest()[:24]}.json"

    def process_spider_output(self, response, result):
        clock = time.process_time()
        key = self._key(response, self.crawler.spider)
        if key is not None and FLAG in response.flags and key.is_file():
            outputs = list(self._hit(key, response))  # the callback is never iterated: no parse
            self._spent(clock)
            yield from outputs
            return
        recorder, page = _Recorder.for_key(key), _PageOutput(key)
        iterator = iter(result)
        while True:  # the callback's own CPU (reading the page), as `mlis/callback_cpu_seconds`
            clock = time.process_time()
            try:
                out = next(iterator)
            except StopIteration:
                break
            except Exception:
                yield from page.items()  # what it gave before failing goes on, as it would have
                raise
            finally:
                self._spent(clock)
            recorder.add(out)
            if page.keeps(out):
                continue
            yield out
        recorder.save()
        yield from page.items()

    def _spent(self, since: float) -> None:
        self.stats.inc_value("mlis/callback_cpu_seconds", time.process_time() - since)

    async def process_spider_output_async(self, response, result):
        key = self._key(response, self.crawler.spider)
        if key is not None and FLAG in response.flags and key.is_file():
            clock = time.process_time()
            outputs = list(self._hit(key, response))
            self._spent(clock)
            for out in outputs:
                yield out
            return
        recorder, page = _Recorder.for_key(key), _PageOutput(key)
        iterator = aiter(result)
        while True:
            clock = time.process_time()
            try:
                out = await anext(iterator)
            except StopAsyncIteration:
                break
            except Exception:
                for items in page.items():
                    yield items
                raise
            finally:
                self._spent(clock)
            recorder.add(out)
            if page.keeps(out):
                continue
            yield out
        recorder.save()
        for items in page.items():
            yield items

    def _hit(self, key: Path, response):
        self.stats.inc_value("mlis/conditional/memo_hit")
        return self._replay(json.loads(key.read_text()), response, self.crawler.spider)

    @staticmethod
    def _replay(entries: list[dict], response, spider):
        """The page's items as one `PageItems` (its ledger row first, then the memo's items in the
        callback's order), then its follow-up requests: the items pass Scrapy's item path once
        per page, not once each (crawler/crawl/pageitems.py)."""
        from crawler.crawl.spider import page_item  # the spider base imports items; this keeps import order simple

        known = response.request.meta.get("mlis_conditional") if FLAG in response.flags else None
        items = [page_item(spider.name, response, sha256=known["sha256"] if known else None)]  # the stored body's
        requests = []
        for entry in entries:
            kind = entry.get("type")
            if kind == "request":
                requests.append(spider.request(entry["url"], getattr(spider, entry["handler"]), entry["programs"]))
            else:
                items.append(ITEM_TYPES[kind](**entry))
        yield PageItems(items)
        yield from requests


class _PageOutput:
    """A page read's items, kept while its callback runs and then passed on as one `PageItems`
    (crawler/crawl/pageitems.py), as a 304's replay passes them: Scrapy's per-item path once per
    page, not once per item. Its requests go on as the callback yields them. Only a page read
    (`_read`, which builds all of its output before yielding any) is gathered; anything else
    passes as it comes."""

    def __init__(self, key: Path | None):
        self.gathered: list | None = [] if key is not None else None

    def keeps(self, out) -> bool:
        if self.gathered is None or isinstance(out, Request):
            return False
        self.gathered.append(out)
        return True

    def items(self):
        gathered, self.gathered = self.gathered, []
        if gathered:
            yield gathered[0] if len(gathered) == 1 else PageItems(gathered)


class _Recorder:
    """What one callback yielded, in a JSON form that rebuilds it exactly, or nothing to keep."""

    def __init__(self, key: Path | None):
        self.key = key
        self.entries: list[dict] = []
        self.memoizable = key is not None

    @classmethod
    def for_key(cls, key: Path | None) -> "_Recorder":
        """A recorder for a memo to be written at `key`; one that keeps nothing when there is no
        key (not a page read) or its memo is already stored (the same body, read before)."""
        return cls(key if key is not None and not key.exists() else None)

    def add(self, out) -> None:
        if not self.memoizable:  # nothing will be saved: build no entries
            return
        entry = self._entry(out)
        if entry is None:
            self.memoizable = False
        elif entry.get("type") == "page":
            self.memoizable = self.memoizable and entry["outcome"] in READ_OUTCOMES
        else:
            self.entries.append(entry)

    def save(self) -> None:
        key = self.key
        if key is None or not self.memoizable or key.exists():
            return
        key.parent.mkdir(parents=True, exist_ok=True)
        tmp = key.with_name(f".{key.name}.tmp-{os.getpid()}")
        tmp.write_text(json.dumps(self.entries, ensure_ascii=False))
        os.replace(tmp, key)

    @staticmethod
    def _entry(out) -> dict | None:
        """A JSON form of one callback output, or None when it cannot be rebuilt exactly."""
        if isinstance(out, PageItem):
            return {"type": "page", "outcome": out.outcome}
        if isinstance(out, (FactItem, ProgramItem, Institution)):
            return asdict(out)
        request_like = getattr(out, "cb_kwargs", None)
        if request_like is not None and getattr(out.callback, "__name__", None) == "_read" \
                and set(out.meta) <= REQUEST_META and set(out.cb_kwargs) == {"handler"}:
            return {"type": "request", "url": out.url, "handler": out.cb_kwargs["handler"].__name__,
                    "programs": out.meta.get("mlis_programs")}
        return None


class CrawlCpu:
    """Extension: the process's CPU seconds spent crawling, from the moment every spider of the
    process is open (imports, Scrapy's start-up and each crawler's components are behind us) to
    this spider closing, as the stat `mlis/crawl_cpu_seconds`: the night's crawl cost, the part
    that depends on what the sites answer (benchmarks/nightly.py reads it). Several spiders share
    one process, so the last one to close carries the whole crawl's figure."""

    crawlers = 0  # per process
    opened_spiders = 0
    started: float | None = None

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        ext = cls(crawler.stats)
        CrawlCpu.crawlers += 1
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider=None):
        CrawlCpu.opened_spiders += 1
        if CrawlCpu.opened_spiders == CrawlCpu.crawlers:
            CrawlCpu.started = time.process_time()

    def closed(self, spider=None, reason=None):
        if CrawlCpu.started is not None:
            self.stats.set_value("mlis/crawl_cpu_seconds", round(time.process_time() - CrawlCpu.started, 3))
