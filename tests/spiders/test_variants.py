"""The same facts, another page (issue 18): every spider against redesigns of its own pages.

Each variant kind (tests/support/variants.py) turns every recorded HTML page of the newest night
(every university's newest capture) into the page a redesign could make with the facts unchanged:
classes and ids stripped, tables <-> lists, synonym headings, sections reordered, wrappers added
or removed, other programs' figures around the content. All spiders crawl each variant once,
through Scrapy's real downloader, and each university's crawl is compared with its crawl of the
untouched pages: for every program and field, the same value or nothing, never another value;
a program lost only with a broken-site report (the crawl's own health: degraded or failed).

The harness is tested too: the kinds keep every text unit of every page; each kind changes
pages; a planted change of a figure, crawled for real, is a difference; a program lost without a
report, or a value the untouched pages do not give, fails the comparison.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from w3lib.encoding import html_to_unicode

from crawler.crawl import recordings
from crawler.crawl.replay import url_to_relpath
from crawler.history.stage import SpiderData
from crawler.items import ALL_PROGRAMS, OK
from tests.conftest import SITES, run_crawl
from tests.support import variants
from tests.support.sitecopy import copy_snapshot

DOMAINS = recordings.spider_domains()
NEWEST = recordings.nights(SITES, DOMAINS)[-1]  # every university's newest capture
UNIVERSITIES = sorted(recordings.plan(SITES, NEWEST, DOMAINS))
KINDS = list(variants.KINDS)

# Spider defects the harness found on today's fixtures (2026-11-02), (kind, university) -> what
# was read. Strict: a fixed spider turns its mark into a failure, so the mark goes with the fix.
KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def variant_crawl(tmp_path_factory, night_dir):
    """variant_crawl(kind) -> {spider: SpiderData}: every university of the newest night, crawled
    once per kind from a transformed copy of its pages."""
    root = tmp_path_factory.mktemp("variants")
    newest = night_dir(NEWEST)

    @cache
    def crawl(kind: str):
        pages = variants.night(newest.path, root / "sites", kind)
        return run_crawl(pages, root / "crawls" / kind, list(newest.universities))

    return crawl


def _cases():
    for kind in KINDS:
        for university in UNIVERSITIES:
            reason = KNOWN.get((kind, university))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(kind, university, marks=marks, id=f"{kind}-{university}")


@pytest.mark.parametrize("kind, university", list(_cases()))
def test_same_facts_or_nothing(crawled, variant_crawl, kind, university):
    base = crawled(NEWEST)[university]
    result = variants.compare(university, base, variant_crawl(kind).get(university))
    report = "\n  ".join(result.failures)
    assert result.failures == [], (
        f"{kind}: {university} read {result.different} different value(s), lost {result.lost or 'no program'} "
        f"(health {result.health}):\n  {report}")


def test_the_untouched_pages_are_read_cleanly(crawled):
    """The comparison's baseline: every university of the newest night states facts."""
    for university in UNIVERSITIES:
        result = variants.compare(university, crawled(NEWEST)[university], crawled(NEWEST)[university])
        assert result.failures == [] and result.stated > 0 and result.read == result.stated, university


# ---- the kinds keep the text and change the markup ---------------------------------------------

@pytest.fixture(scope="module")
def newest_pages(night_dir):
    """(name, text) of every HTML page of the newest night."""
    path = night_dir(NEWEST).path
    return [(str(p.relative_to(path)), html_to_unicode(None, p.read_bytes())[1]) for p in variants.html_pages(path)]


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_unit_is_kept(newest_pages, kind):
    """Every sentence, list item, cell and table row of every page is still in the variant's
    visible text (a retitled heading is the only text a kind may replace)."""
    ignore = set(variants.HEADING_SYNONYMS) if kind == "synonym_headings" else set()
    lost = {}
    for name, html in newest_pages:
        missing = variants.missing_text(html, variants.KINDS[kind](html), ignore)
        if missing:
            lost[name] = missing[:3]
    assert lost == {}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_changes_pages(newest_pages, kind):
    changed = [name for name, html in newest_pages if variants.KINDS[kind](html) != variants.same_page(html)]
    assert changed, f"{kind} changed no page of {NEWEST}: the variant proves nothing"


def test_missing_text_sees_a_lost_sentence():
    page = "<html><body><main><p>Applications are due May 1. The GRE is not required.</p></main></body></html>"
    dropped = page.replace(" The GRE is not required.", "")
    assert variants.missing_text(page, dropped) == ["Applications are due May 1. The GRE is not required."]
    row = "<table><tr><td>Fall</td><td>May 1</td></tr></table>"
    swapped = "<table><tr><td>May 1</td><td>Fall</td></tr></table>"
    assert variants.missing_text(f"<html><body>{row}</body></html>", f"<html><body>{swapped}</body></html>") == ["Fall | May 1"]


# ---- each kind on a small page -------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>MLIS</title></head><body class="site" data-x="1">
<nav id="top"><a href="/">Home</a></nav>
<main id="content" class="main">
<h1>Master of Library Science</h1>
<div class="intro"><p>The MLIS is offered online.</p></div>
<h2>Admission Requirements</h2>
<p>A grade-point average of 3.0 is required.</p>
<ul><li><strong>Fall:</strong> May 1</li><li>Spring: November 1</li></ul>
<h2>Tuition</h2>
<table class="rates"><tr><th>Tuition</th><td>$500 per credit hour</td></tr><tr><th>Fees</th><td>$50 per term</td></tr></table>
<table><tr><th>Term</th><th>Domestic</th><th>International</th></tr><tr><td>Fall</td><td>May 1</td><td>March 1</td></tr></table>
<section><div class="panel">Completion within five years.</div></section>
</main>
<footer><p>Contact us.</p></footer>
</body></html>"""


def _doc(html):
    import lxml.html
    return lxml.html.document_fromstring(html)


def test_strip_attributes():
    out = _doc(variants.strip_attributes(PAGE))
    assert not out.xpath("//@class | //@id | //@*[starts-with(name(), 'data-')]")
    assert out.xpath("//a/@href") == ["/"]


def test_tables_to_lists():
    out = _doc(variants.tables_to_lists(PAGE))
    assert not out.xpath("//table")
    assert [variants._text(e) for e in out.xpath("//dl/*")] == ["Tuition", "$500 per credit hour", "Fees", "$50 per term"]
    assert [variants._text(li) for li in out.xpath("//ul[not(li/strong='Fall:')]/li")] == [
        "Term: Fall; Domestic: May 1; International: March 1"]


def test_lists_to_tables():
    out = _doc(variants.lists_to_tables(PAGE))
    rows = [[variants._text(c) for c in tr] for tr in out.xpath("//table[not(@class) and not(tr/th='Term')]//tr")]
    assert rows == [["Fall:", "May 1"], ["Spring:", "November 1"]]
    # A list whose items are not all "Label: value" stays a list.
    mixed = "<html><body><ul><li>Fall: May 1</li><li>Apply early.</li></ul></body></html>"
    assert _doc(variants.lists_to_tables(mixed)).xpath("//ul/li")


def test_synonym_headings():
    out = _doc(variants.synonym_headings(PAGE))
    assert [variants._text(h) for h in out.xpath("//h1 | //h2")] == [
        "Master of Library Science", "Admissions Criteria", "Tuition and Fees"]
    assert out.xpath("//table//th/text()")[0] == "Tuition", "a table's label is not a heading"


def test_every_synonym_keeps_the_fact():
    bad = {k: v for k, v in variants.HEADING_SYNONYMS.items() if not variants.keeps_meaning(k, v)}
    assert bad == {}
    assert not variants.keeps_meaning("Application Deadlines", "Admissions Criteria")  # the guard fires


def test_reorder_sections():
    out = _doc(variants.reorder_sections(PAGE))
    assert [variants._text(h) for h in out.xpath("//main/h1 | //main/h2")] == [
        "Master of Library Science", "Tuition", "Admission Requirements"]
    assert out.xpath("//main/*[1]")[0].tag == "h1"


def test_reorder_sections_moves_wrapped_sections():
    page = ("<html><body><main><h1>MLIS</h1><section><div><h2>Credits</h2><p>36 credits.</p></div></section>"
            "<section><h2>Tuition</h2><p>$500 per credit.</p></section><div><p>No heading here.</p></div></main></body></html>")
    out = _doc(variants.reorder_sections(page))
    assert [variants._text(e) for e in out.xpath("//main/*")] == [
        "MLIS", "Tuition $500 per credit.", "Credits 36 credits.", "No heading here."]


def test_add_wrappers():
    out = _doc(variants.add_wrappers(PAGE))
    assert out.xpath("//main/div[@class='container']//div[@role='tabpanel']/h1")
    assert variants._text(out.xpath("//h2/button")[0]) == "Admission Requirements"
    assert variants._text(out.xpath("//details/summary")[0]) == "Tuition"
    assert out.xpath("//details/div/table")


def test_remove_wrappers():
    out = _doc(variants.remove_wrappers(PAGE))
    assert not out.xpath("//div | //section")
    assert [variants._text(p) for p in out.xpath("//main/p")] == [
        "The MLIS is offered online.", "A grade-point average of 3.0 is required.", "Completion within five years."]


def test_noise():
    out = _doc(variants.noise(PAGE))
    main = out.xpath("//main")[0]
    assert main.getprevious().tag == "nav" and main.getnext().tag == "aside"
    assert out.xpath("//body/*[last()]")[0].tag == "footer" and "12 months" in variants._text(out.xpath("//body/footer")[-1])
    assert variants._text(main[-1]).startswith("Related programs")
    outside = " ".join(variants._text(e) for e in out.xpath("//body/*[not(self::main)]"))
    assert all(figure in outside for figure in ("51 credit hours", "$1,234 per credit hour", "GPA of 3.33", "GRE", "January 9"))


# ---- the comparison fires ------------------------------------------------------------------------

def _spider(programs, facts, pages_ok=True):
    return SpiderData("u", programs={p: {"program_id": p} for p in programs},
                      facts=[{"field": f, "programs": [ALL_PROGRAMS], "text": t, "url": "https://u.edu/", "value": v,
                              "missing": None if t else "not found", "problem": None} for f, t, v in facts],
                      pages=[{"url": "https://u.edu/", "outcome": OK if pages_ok else "404"}],
                      summary={"finish_reason": "finished"})


def test_a_lost_program_needs_a_report():
    base = _spider(["u/a", "u/b"], [("total_credits", "36 credits", "36")])
    silent = variants.compare("u", base, _spider(["u/a"], [("total_credits", "36 credits", "36")]))
    assert silent.failures == ["u/b lost with no broken-site report (health ok)"]
    reported = variants.compare("u", base, _spider(["u/a"], [("total_credits", None, None)]))
    assert reported.lost == ["u/b"] and reported.health == "degraded" and reported.failures == []


def test_a_value_the_untouched_pages_do_not_give_is_a_difference():
    base = _spider(["u/a"], [("total_credits", "36 credits", "36")])
    other = variants.compare("u", base, _spider(["u/a"], [("total_credits", "51 credit hours", "51")]))
    assert other.read == 0 and other.different == 1 and "'51 credit hours'" in other.failures[0]
    extra = variants.compare("u", base, _spider(["u/a"], [("total_credits", "36 credits", "36"), ("min_gpa", "GPA 3.33", "3.33")]))
    assert extra.read == 1 and extra.different == 1 and extra.failures[0].startswith("min_gpa of u/a: read")
    invented = variants.compare("u", base, _spider(["u/a", "u/z"], [("total_credits", "36 credits", "36")]))
    assert invented.failures == ["u/z: a program the untouched pages do not give"]


PLANTED_FIELDS = ("total_credits", "application_fee", "min_gpa")  # figures a page states as a number


def _planted_figure(base):
    """(university, program, field, number, evidence URL): a figure a spider read, stated with its
    number in the evidence text, to alter on the page."""
    for field in PLANTED_FIELDS:
        for university in UNIVERSITIES:
            for program_id, fields in sorted(variants._observed(base[university]).items()):
                obs = fields.get(field)
                if obs is None or obs.state != "value":
                    continue
                number = str(obs.value).split(".")[0]
                for e in obs.evidence:
                    if re.search(rf"(?<![\d.]){number}(?!\d)", e["text"] or ""):
                        return university, program_id, field, number, e["url"]
    raise AssertionError(f"no {'/'.join(PLANTED_FIELDS)} evidence with its number on {NEWEST}: "
                         "the planted change has no target")


def _alter_figure(html: str, number: str, new: str) -> str:
    """The page with `number` replaced by `new` wherever its text (not its markup) states it."""
    doc = variants._parse(html)
    pattern = re.compile(rf"(?<![\d.]){number}(?!\d)")
    for el in doc.iter():
        if variants._is_element(el):
            el.text = pattern.sub(new, el.text) if el.text else el.text
            el.tail = pattern.sub(new, el.tail) if el.tail else el.tail
    return variants._serialize(doc, html)


def test_a_planted_figure_is_a_difference(crawled, night_dir, tmp_path):
    """The guard fires: a variant that alters a figure a spider reads fails the comparison."""
    base = crawled(NEWEST)
    university, program_id, field, number, url = _planted_figure(base)
    planted = str(int(number) + 1)
    pages = copy_snapshot(night_dir(NEWEST).path, tmp_path / "sites", NEWEST)
    file = pages / url_to_relpath(url)
    file = file / "index.html" if file.is_dir() else file
    encoding, html = html_to_unicode(None, file.read_bytes())
    altered = _alter_figure(html, number, planted)
    assert altered != variants.same_page(html)
    file.write_bytes(altered.encode(encoding))
    crawl = run_crawl(pages, tmp_path / "crawl", [university])
    result = variants.compare(university, base[university], crawl[university])
    found = [d for d, programs in result.differences.items() if d.field == field and program_id in programs]
    assert found and planted in found[0].read, result.failures
