"""`Page.block`: the whole block that holds a statement's words, for statements whose sentences need each other."""

from scrapy.http import HtmlResponse

from crawler.crawl.page import Page

HTML = b"""<html><body>
<nav><p>Other program: applications are accepted until March 1.</p></nav>
<main>
<h2>Admissions</h2>
<p>The school admits once a year, for fall semester. Although applications are accepted until February 1,
priority consideration is given to applications received by December 15.</p>
<ul><li>Applications accepted year-round.</li></ul>
</main></body></html>"""


def page() -> Page:
    return Page(HtmlResponse(url="https://example.edu/p", body=HTML, encoding="utf-8"))


def test_block_gives_every_sentence_of_the_paragraph_that_holds_the_words():
    assert page().main.block("applications", "accepted", "until") == (
        "The school admits once a year, for fall semester. Although applications are accepted until February 1, "
        "priority consideration is given to applications received by December 15.")


def test_block_reads_within_the_page_it_is_asked_of():
    assert page().block("accepted", "until") == "Other program: applications are accepted until March 1."


def test_block_matches_whole_words_and_finds_nothing_when_a_word_is_missing():
    assert page().main.block("accept", "until") is None  # "accepted" is not "accept"
    assert page().main.block("applications", "rolling") is None


def test_section_reads_past_a_heading_wrapped_alone():
    body = b"""<html><body><main>
    <div><div><h3>What is the minimum grade-point average (GPA) required?</h3></div></div>
    <div><div><p>Applicants should have at least a 3.00 GPA.</p></div></div>
    </main></body></html>"""
    wrapped = Page(HtmlResponse(url="https://example.edu/faq", body=body, encoding="utf-8"))
    assert wrapped.main.section("grade-point average") == (
        "What is the minimum grade-point average (GPA) required? Applicants should have at least a 3.00 GPA.")
