"""`Page.sentence`'s blocks come from one walk of the tree (redteam F14: the XPath union of
fourteen tags was quadratic in a page's size; a 100,000-row table cost 42 s of CPU in one call,
now about 2 s: benchmarks are the place for the figure). The walk must select exactly what the
XPath selects, in the same order, on every recorded page and on shapes the pages do not have."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler.crawl.page import _BLOCKS, Page, _block_elements, _xpath
from tests.conftest import SITES

PAGES = sorted(p for p in SITES.rglob("*") if p.is_file() and "_replay" not in p.parts
               and p.suffix not in (".json", ".txt") and not p.name.startswith("."))
SHAPES = [
    "<div>text<!-- a comment --></div><span><b>x</b></span><div><p>a</p>tail</div>",
    "<table><tr><th>Label</th><td>value <span>inner</span></td></tr></table><dl><dt>a</dt><dd>b</dd></dl>",
    "<h1>t</h1><h6>u</h6><ul><li><p>nested</p></li></ul><div><?pi x?></div><span></span>",
]


def _xpath_blocks(body: bytes) -> tuple[list, list]:
    root = HtmlResponse(url="https://x.edu/", body=body, encoding="utf-8").selector.root
    return _xpath("." + _BLOCKS.replace("|//", "|.//"))(root), _block_elements(root)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(SITES)) for p in PAGES])
def test_the_walk_selects_what_the_xpath_selects_on_every_recorded_page(page):
    by_xpath, by_walk = _xpath_blocks(page.read_bytes())
    assert by_walk == by_xpath


@pytest.mark.parametrize("html", SHAPES)
def test_the_walk_selects_what_the_xpath_selects_on_odd_shapes(html):
    by_xpath, by_walk = _xpath_blocks(f"<html><body>{html}</body></html>".encode())
    assert by_walk == by_xpath and by_walk


def test_a_huge_table_before_the_fact_does_not_hide_it():
    rows = "".join(f"<tr><th>Course {i}</th><td>3 credits</td></tr>" for i in range(100_000))
    body = f"<html><body><main><table>{rows}</table><p>The MLIS is accredited by the ALA.</p></main></body></html>"
    page = Page(HtmlResponse(url="https://x.edu/", body=body.encode(), encoding="utf-8"))
    assert page.main.sentence("accredited") == "The MLIS is accredited by the ALA."
