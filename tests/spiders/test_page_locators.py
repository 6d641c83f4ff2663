"""The locators that read real wording: a fact's own words (FACT_WORDS), the list a sentence
introduces, and the answer to a question (issue 18). Each case is cut from a recorded page."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from crawler.crawl.page import Page


def page(body: str) -> Page:
    html = f"<html><body><nav><p>GPA 2.0 in the menu?</p><ul><li>Noise</li></ul></nav><main>{body}</main>" \
           "<footer><ul><li>Footer list</li></ul></footer></body></html>"
    return Page(HtmlResponse("https://example.edu/p", body=html.encode(), encoding="utf-8")).main


def test_mention_finds_a_fact_by_any_of_its_words():
    main = page("<ul><li>A bachelor's degree</li><li>A grade point average of 3.0 or higher</li></ul>")
    assert main.mention("min_gpa") == "A grade point average of 3.0 or higher"
    hyphen = page("<p>Applicants need a grade-point average of 3.0. Letters help.</p>")
    assert hyphen.mention("min_gpa") == "Applicants need a grade-point average of 3.0."
    assert page("<p>Send your transcripts.</p>").mention("min_gpa") is None  # the nav is not read


def test_mention_also_needs_every_other_word():
    main = page("<p>Required Courses (22 credit hours).</p><p>This degree program is a total of 37 units.</p>")
    assert main.mention("total_credits", "total") == "This degree program is a total of 37 units."


def test_list_after_reads_the_unheaded_list_a_sentence_introduces():
    main = page("<p>Other text.</p><ul><li>Not this one</li></ul>"
                "<p>Below are the current concentrations offered with the MA degree program.</p>"
                "<ul><li>Academic Librarianship</li><li>Archival Studies (Certificate)</li></ul>")
    assert main.list_after("concentrations", "offered") == ["Academic Librarianship", "Archival Studies (Certificate)"]


def test_list_after_stays_in_the_content_area():
    main = page("<p>Below are the current concentrations offered.</p>")
    assert main.list_after("concentrations", "offered") == []  # the footer's list is not the page's
    assert main.list_after("no", "such", "words") == []


def test_answer_is_the_element_after_the_question_never_the_question():
    question = "What is the minimum undergraduate GPA that is required?"
    answer = "A GPA of 3.0 or better is expected."
    for body in (f"<h3>{question}</h3><p>{answer}</p><h3>Next?</h3><p>Other.</p>",
                 f"<details><summary>{question}</summary><p>{answer}</p></details>",
                 f'<button aria-controls="a1">{question}</button><div id="a1"><p>{answer}</p></div>',
                 f"<dl><dt>{question}</dt><dd>{answer}</dd></dl>",
                 f"<p><strong>{question}</strong></p><p>{answer}</p>",
                 f"<div><p>{question}</p><p>{answer}</p></div>"):
        assert page(body).answer("minimum", "GPA") == answer, body
    assert page(f"<p>{answer}</p>").answer("minimum", "GPA") is None  # no question: no answer
