"""Conditional GET (issue 13): the next night asks each page "changed since?" with the validators
the history kept; a 304 re-verifies the page's stored facts without a parse (same evidence,
`verified_at` advances, the ledger says `not_modified`); a page whose last read failed is
fetched in full, with no validators sent.

Night 1 is a replay of a recording made from the loopback server (named by its capture date,
2026-11-05); later nights crawl the server itself (observed today), through the real
downloader, the spiders' hosts routed to it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date

import pytest
from scrapy.utils.test import get_crawler

from crawler.config import Config, Crawl
from crawler.crawl.conditional import ConditionalGetAddon, validators_from_history
from crawler.crawl.record import record
from crawler.jobs import refresh
from tests.support.siteserver import SiteServer
from tests.test_record import CP1252_URL, FAST, served_site

QUIET = {"log": lambda line: None}
OPERATOR = Config(crawl=Crawl(contact="tests@example.edu"))  # a crawl of the (routed) live web names its operator
CP1252_HEADERS = {CP1252_URL: {"Content-Type": "text/html; charset=windows-1252"}}
NIGHT = {**FAST, "RETRY_TIMES": "0"}


def ledger(data, crawl_id) -> dict[str, tuple]:
    conn = sqlite3.connect(data / "history.db")
    try:
        return {url: (outcome, status) for url, outcome, status in conn.execute(
            "SELECT final_url, outcome, status FROM pages WHERE crawl_id = ?", [crawl_id])}
    finally:
        conn.close()


def current(data) -> dict[tuple, tuple]:
    conn = sqlite3.connect(data / "history.db")
    try:
        return {(p, f): (v, e, t) for p, f, v, e, t in conn.execute(
            "SELECT program_id, field, value, evidence, verified_at FROM current")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Night 1 from the recording; night 2 against the server (all unchanged); night 3 with one
    page failing; night 4 with it back."""
    root = tmp_path_factory.mktemp("conditional")
    site = served_site(root)
    data = root / "data"
    out = {}
    with SiteServer(site, headers=CP1252_HEADERS) as server:
        record(root / "2026-11-05", ["arizona"], {**server.routing(), **FAST})
        out[1] = refresh(data, root / "2026-11-05", ["arizona"], **QUIET)
        out["current1"] = current(data)
        for night, failing in ((2, set()), (3, {CP1252_URL}), (4, set())):
            server.reset()
            server.fail = failing
            out[night] = refresh(data, None, ["arizona"], settings={**server.routing(), **NIGHT}, config=OPERATOR, **QUIET)
            out[f"hits{night}"] = server.hits()
            out[f"current{night}"] = current(data)
    out["data"], out["site"] = data, site
    return out


def pages_of(hits):
    return {(h.host, h.path): h for h in hits if h.path != "/robots.txt"}


def test_an_unchanged_night_gets_304s_and_keeps_every_value(nights):
    data, second = nights["data"], nights[2]
    assert second.healthy, second.health
    hits = pages_of(nights["hits2"])
    asked = {k: h for k, h in hits.items() if h.status != 301}
    assert len(asked) == 2 and all(h.status == 304 and h.if_none_match and h.if_modified_since for h in asked.values())
    rows = ledger(data, second.crawl_id)
    assert {url: row for url, row in rows.items() if row[0] != "not_modified"} == {}
    assert all(status == 200 for _, status in rows.values())
    before, after = nights["current1"], nights["current2"]
    assert before and set(after) == set(before)
    for key, (value, evidence, verified_at) in after.items():
        assert (value, evidence) == before[key][:2], key  # the same values, from the same evidence
        assert before[key][2] == "2026-11-05" and verified_at == date.today().isoformat()
    assert {k: second.counts[k] for k in ("accepted", "pending", "breakage", "sites_broken")} == {
        "accepted": 0, "pending": 0, "breakage": 0, "sites_broken": 0}


def test_a_304_is_read_without_a_parse(nights):
    summary = json.loads((nights["data"] / "crawls" / nights[2].crawl_id / "summary-arizona.json").read_text())
    stats = summary["stats"]
    assert stats["mlis/conditional/not_modified"] == 2  # the catalog and the admissions page
    assert stats["mlis/conditional/memo_hit"] == 2  # every callback's output came from its memo


def test_a_page_whose_last_read_failed_is_fetched_in_full(nights):
    data = nights["data"]
    failing = ("infosci.arizona.edu", "/ma-library-information-science/admissions-cost")
    third = pages_of(nights["hits3"])
    assert third[failing].status == 503 and third[failing].if_none_match  # it was good on night 2
    assert ledger(data, nights[3].crawl_id)[CP1252_URL] == ("http_5xx", 503)
    assert nights[3].health["arizona"] == "degraded"
    fourth = pages_of(nights["hits4"])
    assert (fourth[failing].status, fourth[failing].if_none_match, fourth[failing].if_modified_since) == (200, None, None)
    others = {k: h for k, h in fourth.items() if k != failing and h.status != 301}
    assert others and all(h.status == 304 for h in others.values())
    rows = ledger(data, nights[4].crawl_id)
    assert rows[CP1252_URL] == ("ok", 200)
    assert nights[4].healthy
    values = {k: v[:2] for k, v in nights["current4"].items()}
    assert values == {k: v[:2] for k, v in nights["current1"].items()}


def test_validators_come_only_from_good_reads(nights):
    conn = sqlite3.connect(nights["data"] / "history.db")
    try:
        validators = validators_from_history(conn)
        assert CP1252_URL in validators and validators[CP1252_URL]["etag"].startswith('"')
        assert validators[CP1252_URL]["content_type"] == "text/html; charset=windows-1252"
        conn.execute("UPDATE pages SET outcome = 'parse_error' WHERE final_url = ? AND crawl_id = ?",
                     [CP1252_URL, nights[4].crawl_id])
        assert CP1252_URL not in validators_from_history(conn)
    finally:
        conn.close()


def test_a_304_whose_stored_body_is_gone_is_asked_again_in_full(nights, tmp_path):
    """The body cache may be deleted (docs/operations.md): the page is then fetched in full, never
    read as an empty 304."""
    data = tmp_path / "data"
    shutil.copytree(nights["data"], data, ignore=shutil.ignore_patterns(".lock"))
    shutil.rmtree(data / "pages")
    (data / "pages").mkdir()
    with SiteServer(nights["site"], headers=CP1252_HEADERS) as server:
        result = refresh(data, None, ["arizona"], settings={**server.routing(), **NIGHT}, config=OPERATOR, **QUIET)
        hits = pages_of(server.hits())
    assert result.healthy
    # no stored body, so no validators were sent: every page came in full
    assert all(h.status in (200, 301) and h.if_none_match is None for h in hits.values())
    assert set(ledger(data, result.crawl_id).values()) == {("ok", 200)}
    assert {k: v[:2] for k, v in current(data).items()} == {k: v[:2] for k, v in nights["current1"].items()}


@pytest.mark.parametrize("addon, start_delay", [(True, 2.5), (False, 5.0)])
def test_autothrottle_starts_at_the_download_delay(addon, start_delay):
    settings = {"AUTOTHROTTLE_ENABLED": True, "DOWNLOAD_DELAY": 2.5, "ADDONS": {ConditionalGetAddon: 0} if addon else {}}
    crawler = get_crawler(settings_dict=settings)
    crawler._apply_settings()
    assert crawler.settings.getfloat("AUTOTHROTTLE_START_DELAY") == start_delay


def test_a_304s_facts_are_not_normalized_again(nights):
    stats = json.loads((nights["data"] / "crawls" / nights[2].crawl_id / "summary-arizona.json").read_text())["stats"]
    read = sum(v for k, v in stats.items() if k.startswith("mlis/field/") and k.endswith(("/ok", "/invalid")))
    assert read and stats["mlis/normalize/memo_hit"] == read  # every fact's value came from the memo


def test_the_normalized_memo_holds_only_for_the_same_normalizers(tmp_path):
    from crawler.crawl.pipelines import NormalizedMemo
    from crawler.fields import read_fact

    text = "36 credit hours"
    target = tmp_path / "arizona.json"
    key = json.dumps(["total_credits", text])
    target.write_text(json.dumps({"fingerprint": "old", "facts": {key: ["999", None]}}))
    assert NormalizedMemo(target, "old").read("total_credits", text) == ("999", None)  # the memo is used
    fresh = NormalizedMemo(target, "new")  # a normalizer or PARSER_VERSION change: normalized again
    assert fresh.read("total_credits", text) == read_fact("total_credits", text) != ("999", None)
    assert fresh.hits == 0
    fresh.save()
    assert json.loads(target.read_text()) == {"fingerprint": "new", "facts": {key: list(read_fact("total_credits", text))}}


def test_every_sites_crawler_shares_one_parse_of_the_validators_file(tmp_path):
    """The validators file lists every site's URLs and every site's crawler opens it: it is parsed
    once per process (not sites x URLs), and a file rewritten for the next crawl is read anew."""
    from crawler.crawl.conditional import ConditionalGetMiddleware

    source = tmp_path / "validators.json"
    source.write_text(json.dumps({"https://a.example.edu/": {"etag": '"1"', "sha256": "a" * 64}}))
    settings = {"MLIS_PAGE_CACHE": str(tmp_path / "pages"), "MLIS_VALIDATORS": str(source)}

    def middleware():
        return ConditionalGetMiddleware.from_crawler(get_crawler(settings_dict=settings))

    first, second = middleware(), middleware()
    assert first.validators is second.validators  # one parse, shared
    assert first.validators["https://a.example.edu/"]["etag"] == '"1"'
    source.write_text(json.dumps({"https://b.example.edu/": {"etag": '"22"', "sha256": "b" * 64}}))
    assert set(middleware().validators) == {"https://b.example.edu/"}  # next crawl's file, read again


def feed_lines(data, crawl_id, spider="arizona") -> list[dict]:
    return [json.loads(line) for line in (data / "crawls" / crawl_id / f"items-{spider}.jsonl").read_text().splitlines()]


def test_a_304_pages_items_reach_the_feed_as_the_night_that_read_it(nights):
    """A 304 page's replayed items pass Scrapy's item path as one (crawler/crawl/pageitems.py); the
    feed still gets each as a line of its own, the same lines in the order the callback yielded them
    on the night that read the page, and `item_scraped_count` (which the ingest checks) counts each."""
    data = nights["data"]
    first, second = (feed_lines(data, nights[n].crawl_id) for n in (1, 2))
    assert sum(line["type"] == "fact" for line in second) > 10

    def by_page(lines):  # pages are read concurrently (two hosts), so only each page's own order is fixed
        grouped: dict[str, list] = {}
        for line in lines:
            if line["type"] != "page":
                grouped.setdefault(line.get("url"), []).append(line)
        return grouped

    assert by_page(second) == by_page(first) and len(by_page(second)) > 1
    pages = [line for line in second if line["type"] == "page"]
    assert len(pages) == 2 and {p["outcome"] for p in pages} == {"not_modified"}
    for night, lines in ((1, first), (2, second)):  # night 1's pages, read in full, go as one too
        summary = json.loads((data / "crawls" / nights[night].crawl_id / "summary-arizona.json").read_text())
        assert summary["stats"]["item_scraped_count"] == len(lines)
    stored = {p.name for p in (data / "pages").iterdir() if p.is_file()}
    assert {p["sha256"] for p in pages} <= stored  # the ledger's hash is the stored body's


def test_only_pages_a_spider_reads_are_stored(tmp_path):
    """robots.txt answers 200 with validators too, but no spider reads it and it is never asked
    conditionally: its body is not written to the page cache (each night, only to be pruned)."""
    from scrapy.http import HtmlResponse, Request
    from scrapy.http.request import NO_CALLBACK

    from crawler.crawl.conditional import ConditionalGetMiddleware

    cache = tmp_path / "pages"
    middleware = ConditionalGetMiddleware(cache, {}, get_crawler().stats)
    headers = {"ETag": '"1"', "Content-Type": "text/html"}
    for url, callback, body in (("https://a.example.edu/robots.txt", NO_CALLBACK, b"User-agent: *"),
                                ("https://a.example.edu/program", None, b"<p>37 units</p>")):
        request = Request(url, callback=callback)
        middleware.process_response(request, HtmlResponse(url, body=body, headers=headers, request=request))
    assert [p.name for p in cache.iterdir()] == [hashlib.sha256(b"<p>37 units</p>").hexdigest()]



def test_page_items_are_exported_and_counted_item_by_item(tmp_path):
    """The extensions that read a `PageItems` take it apart: the feed holds the same bytes as for
    its items sent alone, and every item is counted."""
    from scrapy.utils.test import get_crawler as crawler_for

    from crawler.crawl import settings as project
    from crawler.crawl.pageitems import CoreStats, FeedExporter, PageItems
    from crawler.crawl.pipelines import NormalizePipeline
    from crawler.items import FactItem, PageItem, ProgramItem

    def items():
        return [PageItem(spider="arizona", url="https://a.example.edu/", outcome="not_modified", status=200,
                         fetched_at="2026-11-02T02:00:00+00:00"),
                ProgramItem(program_id="arizona/ma", institution_id="arizona", url="https://a.example.edu/"),
                FactItem(institution_id="arizona", field="total_credits", text="37 units", url="https://a.example.edu/"),
                FactItem(institution_id="arizona", field="min_gpa", text=None, url="https://a.example.edu/")]

    def run(name, batched):
        feed = tmp_path / f"{name}.jsonl"
        crawler = crawler_for(settings_dict={"FEEDS": {str(feed): {"format": "jsonlines"}},
                                             "FEED_EXPORTERS": project.FEED_EXPORTERS})
        crawler.spider = crawler._create_spider("arizona")
        exporter, stats, pipeline = FeedExporter.from_crawler(crawler), CoreStats(crawler.stats), NormalizePipeline(crawler)
        exporter.open_spider(crawler.spider)
        for item in ([PageItems(items())] if batched else items()):
            item = pipeline.process_item(item)
            exporter.item_scraped(item, crawler.spider)
            stats.item_scraped(item, crawler.spider)
        return crawler.stats.get_stats(), exporter, feed

    alone, batch = run("alone", False), run("batch", True)
    assert batch[0] == alone[0] and batch[0]["item_scraped_count"] == 4
    assert batch[0]["mlis/field/total_credits/ok"] == batch[0]["mlis/field/min_gpa/missing"] == 1
    assert [slot.itemcount for slot in batch[1].slots] == [slot.itemcount for slot in alone[1].slots] == [4]
    for _, exporter, _ in (alone, batch):
        for slot in exporter.slots:
            slot.finish_exporting()
            slot.storage.store(slot.file)
    assert batch[2].read_bytes() == alone[2].read_bytes() and batch[2].read_bytes().count(b"\n") == 4


def test_a_page_reads_items_go_on_as_one_and_its_requests_alone(tmp_path):
    """A page read's items leave the memo middleware as one `PageItems` once its callback is done,
    its requests as they come; items given before the callback failed still go on."""
    import scrapy
    from scrapy.http import HtmlResponse, Request

    from crawler.crawl.conditional import NotModifiedMemo
    from crawler.crawl.pageitems import PageItems
    from crawler.items import FactItem

    class Site(scrapy.Spider):
        name = "site"

        def _read(self, response, handler):
            return handler(response)

        def parse_page(self, page):
            return []

    crawler = get_crawler(Site, settings_dict={"MLIS_PAGE_CACHE": str(tmp_path)})
    crawler.spider = spider = crawler._create_spider()
    memo = NotModifiedMemo.from_crawler(crawler)
    request = Request("https://a.example.edu/p", callback=spider._read, cb_kwargs={"handler": spider.parse_page})
    response = HtmlResponse(request.url, body=b"<p>37 units</p>", request=request)
    follow = Request("https://a.example.edu/q")
    facts = [FactItem(institution_id="site", field=f, text="t", url=request.url) for f in ("name", "total_credits")]
    out = list(memo.process_spider_output(response, iter([facts[0], follow, facts[1]])))
    assert out[0] is follow and isinstance(out[1], PageItems) and out[1].items == facts and len(out) == 2

    def failing():
        yield from facts
        raise ValueError("a locator crashed")

    given = []
    with pytest.raises(ValueError, match="a locator crashed"):
        for item in memo.process_spider_output(response, failing()):
            given.append(item)
    assert len(given) == 1 and given[0].items == facts
