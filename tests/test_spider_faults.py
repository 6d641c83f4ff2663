"""Faults of one page, seen through the spider base: whom a broken page concerns.

A program's own page failing must leave the other programs of the site alone (and name the
program that was not verified); a link that is no longer found must make the site degraded,
not quietly thinner; odd markup must not make a page unreadable. Integration tests break a copy
of the newest snapshot after a good night and run the real nightly refresh, as in test_faults.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from crawler.items import FactItem, PageItem, ProgramItem
from crawler.crawl.page import Page
from tests.conftest import QUIET
from tests.support.sitecopy import (
    copy_snapshot, declare, edit, history, night, published, published_rows, report, spider_class,
)

NIGHT = "2026-11-03"
TWU_PAGES = "twu.edu/slis/programs-admission-requirements"
TWU_PROGRAM_FIELDS = {"name", "degree", "delivery", "ala_accredited"}  # what every SLIS program page states
USM_EMPHASIS_FIELDS = {"name", "concentration"}
BUFFALO_PROGRAM_FIELDS = {"name", "degree", "total_credits", "duration", "delivery", "application_deadlines"}
BUFFALO_SCHOOL = "https://ed.buffalo.edu/academics/masters/school-librarianship.html"
BUFFALO_SCHOOL_START = "https://ed.buffalo.edu/information/academics/masters/school-librarianship.html"  # 301 -> the above


@pytest.fixture
def site(tmp_path):
    return copy_snapshot(QUIET, tmp_path / "sites", NIGHT)


def changes(result) -> Counter:
    return Counter((c["program_id"], c["field"], c["kind"], c["status"]) for c in report(result)["changes"])


def states(data: Path, crawl_id: str) -> dict[str, Counter]:
    """program -> Counter of its observation states tonight."""
    out: dict[str, Counter] = {}
    for r in history(data).execute("SELECT program_id, state FROM observations WHERE crawl_id = ?", [crawl_id]):
        out.setdefault(r["program_id"], Counter())[r["state"]] += 1
    return out


# -- 1. a failed program page concerns its own programs only --------------------------------------

@pytest.mark.parametrize("spider, break_page, url, failed, fields, reason, seen_url", [
    # The review's reproduction: TWU's school-librarianship certificate page answers 404.
    ("twu", lambda s: (s / f"{TWU_PAGES}/mls-school-librarian/index.html").unlink(),
     f"https://{TWU_PAGES}/mls-school-librarian/", ["twu/mls-school-librarianship"],
     TWU_PROGRAM_FIELDS, "page answered HTTP 404", None),
    # A USM certificate page, reached by its URL for the program it defines: only that program is named.
    ("usm", lambda s: (s / "catalog.usm.edu/preview_program.php?catoid=27&poid=13874").unlink(),
     "https://catalog.usm.edu/preview_program.php?catoid=27&poid=13874",
     ["usm/mlis-youth-services-literature"], USM_EMPHASIS_FIELDS,
     "page answered HTTP 404", None),
    ("buffalo", lambda s: declare(s, "ed.buffalo.edu", status={"/academics/masters/school-librarianship.html": 503}),
     BUFFALO_SCHOOL, ["buffalo/ms-school-librarianship"], BUFFALO_PROGRAM_FIELDS, "page answered HTTP 503",
     BUFFALO_SCHOOL_START),
], ids=["twu-404", "usm-404", "buffalo-503"])
def test_failed_program_page_concerns_only_its_programs(data, site, spider, break_page, url, failed, fields, reason,
                                                       seen_url):
    data = data(spider)
    break_page(site)
    result = night(data, site, [spider])

    assert result.health == {spider: "degraded"}
    # The programs of the failed page are still listed, each with the page's fields not verified;
    # no other program gets a breakage row.
    assert changes(result) == {(p, f, "fetch_failed", "accepted"): 1 for p in failed for f in fields}
    assert {c["reason"] for c in report(result)["changes"]} == {f"{reason} ({url})"}
    observed = states(data, result.crawl_id)
    assert {p for p, s in observed.items() if s["unknown"]} == set(failed)
    assert all(observed[p]["unknown"] == len(fields) for p in failed)
    seen = {r[0]: r[1] for r in history(data).execute(
        "SELECT program_id, url FROM seen_programs WHERE crawl_id = ?", [result.crawl_id])}
    assert {p: seen[p] for p in failed} == {p: seen_url or url for p in failed}  # the URL scheduled


def test_other_programs_news_is_published_while_one_program_page_fails(data, site):
    """Buffalo's School Librarianship page answers 503 while the ILS page's credits change: the
    eight ILS programs' new value is published; only the School Librarianship fields carry forward."""
    data = data("buffalo")
    declare(site, "ed.buffalo.edu", status={"/academics/masters/school-librarianship.html": 503})
    edit(site, "ed.buffalo.edu/academics/masters/library-science.html",
         "<th>Credits required for completion</th><td>36</td>", "<th>Credits required for completion</th><td>42</td>")
    result = night(data, site, ["buffalo"])

    assert result.health == {"buffalo": "degraded"}
    ils = [p for (p,) in history(data).execute("SELECT program_id FROM programs WHERE program_id LIKE 'buffalo/ms-ils%'")]
    assert len(ils) == 8
    assert changes(result) == {
        **{(p, "total_credits", "changed", "accepted"): 1 for p in ils},
        **{("buffalo/ms-school-librarianship", f, "fetch_failed", "accepted"): 1 for f in BUFFALO_PROGRAM_FIELDS},
    }
    credits = dict(published(data).execute("SELECT program_id, total_credits FROM programs").fetchall())
    assert credits == {**{p: 42.0 for p in ils}, "buffalo/ms-school-librarianship": 39.0}  # 39 before, kept


# -- 2. a link that is no longer found -----------------------------------------------------------

# Arizona's spider reaches both its pages by URL (it follows no link since its pages were rebuilt
# from the real ones, issue 18): a link no longer found is shown on the spider base below, and
# its report path (fields not found on a page that loaded) by test_breakage and test_faults.
ARIZONA_CATALOG = "https://grad.arizona.edu/catalog/programinfo/LISMA"


# -- 3. unit: the spider base and the page locators ----------------------------------------------

def test_unreadable_page_concerns_the_programs_it_was_followed_for():
    spider = spider_class("twu")()
    start = HtmlResponse(f"https://{TWU_PAGES}/", body=b"<html><body><main></main></body></html>")

    def parse_program(page):
        raise ValueError("odd markup")

    parse_program.expected_fields = ("name", "min_gpa")
    (request,) = spider.follow(Page(start), "mls-certificate-x/", parse_program, programs=["mls-x"])
    response = HtmlResponse(request.url, body=b"<html><body><h1>MLS</h1></body></html>", request=request)
    items = list(spider._read(response, **request.cb_kwargs))

    (ledger,) = [i for i in items if isinstance(i, PageItem)]
    assert (ledger.outcome, ledger.error) == ("parse_error", "ValueError: odd markup")
    assert [(i.program_id, i.url) for i in items if isinstance(i, ProgramItem)] == [("twu/mls-x", request.url)]
    assert [(f.field, f.programs, f.missing) for f in items if isinstance(f, FactItem)] == [
        ("name", ["twu/mls-x"], "the page could not be read"), ("min_gpa", ["twu/mls-x"], "the page could not be read")]


def test_link_not_found_reports_the_fields_the_callback_expects():
    spider = spider_class("arizona")()
    page = Page(HtmlResponse(ARIZONA_CATALOG, body=b"<html><body><main><a href='/x'>Apply</a></main></body></html>"))
    missing = spider.follow(page, page.link(text="Admissions"), spider.parse_admissions, programs=["ma-lis"])
    assert [(f.field, f.programs, f.url, f.missing) for f in missing] == [
        (field, ["arizona/ma-lis"], ARIZONA_CATALOG, "link to parse_admissions not found on the page")
        for field in ("application_deadlines", "start_terms", "min_gpa", "tuition")]


def test_section_reads_a_panel_whose_id_holds_a_quote():
    body = """<html><body>
      <button aria-controls="panel-children's-services">Children's Services</button>
      <div id="panel-children's-services"><p>Tuition is $500 per credit.</p></div>
    </body></html>"""
    page = Page(HtmlResponse("https://example.edu/", body=body, encoding="utf-8"))
    assert page.section("Children's Services", with_heading=False) == "Tuition is $500 per credit."
    assert page.titles("Children") == []  # the panel holds no accordion of its own


def test_one_failed_certificate_page_does_not_hold_the_other_programs_news(data, site):
    """TWU has three programs; one certificate page failing leaves one in three unaccounted for,
    more than the circuit breaker's 20%. A failed page is already reported, so it is not a
    silent coverage drop: the news on the MLS page (the fall deadline a fortnight earlier) is
    published for the programs that were read, and the failed page's values are kept."""
    data = data("twu")
    (site / f"{TWU_PAGES}/mls-school-librarian/index.html").unlink()
    edit(site, f"{TWU_PAGES}/master-of-library-science-degree-mls/index.html", "Fall - June 1", "Fall - May 15")
    result = night(data, site, ["twu"])

    assert result.health == {"twu": "degraded"}
    entry = next(s for s in report(result)["spiders"] if s["name"] == "twu")
    assert entry["quarantined"] is False
    moved = {(c["program_id"], c["field"], c["status"]) for c in report(result)["changes"] if c["kind"] == "changed"}
    assert moved == {("twu/mls", "application_deadlines", "accepted")}  # only the MLS page states deadlines
    fall = dict(published(data).execute("SELECT program_id, date FROM deadlines WHERE term = 'fall'").fetchall())
    assert fall == {"twu/mls": "--05-15"}
    delivery = dict(published(data).execute("SELECT program_id, delivery FROM programs").fetchall())
    assert delivery == {"twu/mls": "online", "twu/mls-community-information": "online",
                        "twu/mls-school-librarianship": "hybrid"}  # the failed page's value is kept
