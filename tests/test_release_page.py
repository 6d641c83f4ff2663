"""`ReleaseParsedPage` (issue 24): a response's parsed tree and text are dropped once its callback
has yielded, and a callback that reads the response again still can."""

from __future__ import annotations

import asyncio

from scrapy.http import HtmlResponse, Request

from crawler.crawl.middlewares import ReleaseParsedPage

BODY = b"<html><body><main><h1>Master of Library Science</h1><p>36 credits</p></main></body></html>"


def response() -> HtmlResponse:
    return HtmlResponse("https://example.edu/mls/", body=BODY, encoding="utf-8", request=Request("https://example.edu/mls/"))


def test_the_tree_is_dropped_at_the_first_output_and_read_again_on_demand():
    page = response()
    assert page.css("h1::text").get() == "Master of Library Science"  # parsed: the tree is cached
    assert page._cached_selector is not None

    def callback():
        yield {"field": "name"}
        yield {"field": "total_credits", "text": page.css("p::text").get()}  # read again after yielding

    out = ReleaseParsedPage().process_spider_output(page, callback())
    assert next(out) == {"field": "name"}
    assert page._cached_selector is None and page._cached_ubody is None
    assert next(out) == {"field": "total_credits", "text": "36 credits"}


def test_the_async_path_drops_it_too():
    page = response()
    page.css("h1")

    async def callback():
        yield {"field": "name"}

    async def run():
        return [item async for item in ReleaseParsedPage().process_spider_output_async(page, callback())]

    assert asyncio.run(run()) == [{"field": "name"}]
    assert page._cached_selector is None


def test_an_errback_output_without_a_response_passes_through():
    out = list(ReleaseParsedPage().process_spider_output(None, iter([{"field": "name"}])))
    assert out == [{"field": "name"}]
