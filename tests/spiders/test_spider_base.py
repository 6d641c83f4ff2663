"""The spider base on one real Scrapy response: the content area, follow's one shape, the
institution item, and the loud error for a generator yielded as an item."""

from __future__ import annotations

import asyncio
from dataclasses import asdict

import pytest
import scrapy
from scrapy.http import HtmlResponse

from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.items import FactItem, PageItem, ProgramItem

HTML = b"""<html><body><nav><h1>Site menu</h1><a href="/apply">Admissions</a></nav>
<main><h1>MLIS</h1><table><tr><th>Credits</th><td>36</td></tr></table>
<a href="/apply">Admissions</a></main>
<div id="panel"><h1>Panel</h1></div></body></html>"""


class ExampleSpider(ProgramSpider):
    name = "example"
    institution = Institution(name="Example University", city="Springfield", state="IL", control="public",
                              website="example.edu", ipeds_unitid="999999")
    allowed_domains = ["example.edu"]
    start_pages = {"https://www.example.edu/mlis/": "parse_program"}

    @expects("name", "total_credits")
    def parse_program(self, page):
        main = page.main
        yield from self.program("mlis", page, name=main.css("h1"))
        yield self.fact("total_credits", main.row("Credits"), page)
        yield from self.follow(page, main.link(text="Admissions"), self.parse_admissions)
        yield from self.follow(page, main.link(text="Tuition"), self.parse_tuition)

    @expects("min_gpa")
    def parse_admissions(self, page):
        yield self.fact("min_gpa", page.main.sentence("GPA"), page)

    @expects("tuition", "fees")
    def parse_tuition(self, page):
        yield self.fact("tuition", page.main.sentence("tuition"), page)

    def parse_wrongly(self, page):
        yield self.follow(page, page.main.link(text="Admissions"), self.parse_admissions)  # not `yield from`


def read(spider, callback, body=HTML):
    request = spider.request("https://www.example.edu/mlis/", callback)
    response = HtmlResponse(url=request.url, body=body, request=request, status=200)
    return list(spider._read(response, **request.cb_kwargs))


def test_callbacks_read_the_content_area_and_follow_has_one_shape():
    out = read(ExampleSpider(), ExampleSpider().parse_program)
    facts = {(f.field, f.text, f.missing) for f in out if isinstance(f, FactItem)}
    assert ("name", "MLIS", None) in facts  # <main>'s h1, not the menu's
    assert ("total_credits", "Credits: 36", None) in facts
    requests = [r for r in out if isinstance(r, scrapy.Request)]
    assert [r.url for r in requests] == ["https://www.example.edu/apply"]
    # The tuition link is not on the page: its callback's fields are reported, never skipped.
    assert {(f.field, f.missing) for f in out if isinstance(f, FactItem) and f.missing} == {
        ("tuition", "link to parse_tuition not found on the page"), ("fees", "link to parse_tuition not found on the page")}
    assert [p.outcome for p in out if isinstance(p, PageItem)] == ["ok"]
    assert [p.program_id for p in out if isinstance(p, ProgramItem)] == ["example/mlis"]


def test_a_spider_sets_its_content_area():
    class PanelSpider(ExampleSpider):
        name = "panel"
        content = "#panel"

    out = read(PanelSpider(), PanelSpider().parse_program)
    assert ("name", "Panel") in {(f.field, f.text) for f in out if isinstance(f, FactItem)}


def test_a_page_without_the_content_area_is_read_whole():
    body = b"<html><body><h1>MLIS</h1><p>Credits: 36</p></body></html>"
    out = read(ExampleSpider(), ExampleSpider().parse_program, body)
    assert ("name", "MLIS") in {(f.field, f.text) for f in out if isinstance(f, FactItem)}


def test_a_generator_yielded_as_an_item_is_a_parse_error_not_a_silent_drop():
    spider = ExampleSpider()
    out = read(spider, spider.parse_wrongly)
    ledger = [p for p in out if isinstance(p, PageItem)]
    assert [p.outcome for p in ledger] == ["parse_error"]
    assert "use `yield from`" in ledger[0].error


def test_the_institution_item_is_declared_once_with_keywords():
    first = asyncio.run(anext(ExampleSpider().start()))
    assert asdict(first) == {"institution_id": "example", "name": "Example University", "city": "Springfield",
                             "state": "IL", "control": "public", "website": "example.edu", "ipeds_unitid": "999999",
                             "type": "institution"}
    assert list(asdict(first)) == ["institution_id", "name", "city", "state", "control", "website", "ipeds_unitid", "type"]
    assert ExampleSpider.institution.institution_id == ""  # the declaration itself is not changed
    with pytest.raises(TypeError):
        Institution("Example University", "Springfield", "IL", "public", "example.edu", "999999")


def test_under_headings_takes_a_summary_as_the_heading_of_its_details():
    """A redesign that folds each campus into <details> keeps each list under its own campus,
    not under the last h1-h6 before it (the previous campus: the variant harness found it)."""
    from crawler.crawl.page import Page

    body = b"""<html><body><main><h2>Deadlines</h2>
    <h4>Main Campus</h4><ul><li>Fall: February 1</li></ul>
    <details><summary>Online Campus</summary><div><ul><li>Fall: March 15</li></ul></div></details>
    <h4>Global Campus</h4><ul><li>Fall: February 15</li></ul></main></body></html>"""
    page = Page(HtmlResponse("https://www.example.edu/", body=body, encoding="utf-8")).main
    assert page.under_headings("//ul") == [
        "Main Campus Fall: February 1", "Online Campus Fall: March 15", "Global Campus Fall: February 15"]


def test_mention_finds_a_fact_by_any_of_its_words():
    """`Page.mention` reads the first sentence naming a fact by one of its FACT_WORDS, and
    nothing when no sentence does (the word list is the one the normalizers use)."""
    from crawler.crawl.page import Page

    def page(html):
        return Page(HtmlResponse(url="https://example.edu/", body=html.encode(), encoding="utf-8"))

    real = page("<main><h2>Admission</h2><p>Apply by March 1.</p>"
                "<p>Students must have a 2.75 grade-point average for the last 60 hours. Letters are required.</p></main>")
    assert real.main.mention("min_gpa") == "Students must have a 2.75 grade-point average for the last 60 hours."
    assert page("<main><p>Minimum 3.0 GPA.</p></main>").main.mention("min_gpa") == "Minimum 3.0 GPA."
    assert page("<main><p>Grades are posted online.</p></main>").main.mention("min_gpa") is None
    # Bound by a word of its own: a graduation average before the admission one is not taken.
    both = page("<main><p>Graduates maintained a 3.00 cumulative grade point average.</p>"
                "<p>Regular admission asks for a 2.75 grade point average.</p></main>")
    assert both.main.mention("min_gpa", "admission") == "Regular admission asks for a 2.75 grade point average."
    assert both.main.mention("min_gpa", "probation") is None


def test_a_start_page_may_define_some_programs_only():
    """`start_programs`: a start page that fails reports its fields for its own programs only."""

    class TwoPages(ExampleSpider):
        start_pages = {"https://www.example.edu/mlis/": "parse_program", "https://www.example.edu/school/": "parse_admissions"}
        start_programs = {"https://www.example.edu/school/": ("school",)}

    async def requests():
        return [r async for r in TwoPages().start() if isinstance(r, scrapy.Request)]

    first, school = asyncio.run(requests())
    assert first.meta["mlis_programs"] == ["*"] and school.meta["mlis_programs"] == ["example/school"]
    failed = HtmlResponse(url=school.url, body=b"", request=school, status=503)
    missing = [i for i in TwoPages()._read(failed, **school.cb_kwargs) if isinstance(i, FactItem)]
    assert [(f.field, f.programs) for f in missing] == [("min_gpa", ["example/school"])]


ODD_NODES = b"""<!-- before --><html><head><title>t</title><?pi x?></head><body><!-- a comment -->
<main><p>one<br>two</p><ul><li>a<li>b</ul></main><script>var x = "<p>";</script></body></html><!-- after -->"""


@pytest.mark.parametrize("body", [HTML, ODD_NODES], ids=["program page", "comments and instructions"])
def test_the_element_cap_counts_what_a_walk_of_the_tree_counts_and_fires_one_past_it(body):
    from scrapy.settings import Settings

    nodes = sum(1 for _ in HtmlResponse(url="https://www.example.edu/", body=body).selector.root.iter())
    for cap, over in [(nodes, False), (nodes - 1, True)]:
        spider = ExampleSpider()
        spider.settings = Settings({"MLIS_PAGE_MAX_ELEMENTS": cap})
        [ledger] = [p for p in read(spider, spider.parse_program, body) if isinstance(p, PageItem)]
        assert (ledger.outcome == "too_large") == over, (cap, nodes, ledger.outcome)
        if over:
            assert f"more than {cap:,} elements" in ledger.error
