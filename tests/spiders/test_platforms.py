"""The platform readers (crawler/crawl/platforms.py) on the recorded pages of the schools that use
them, and on small shapes that make each guard fire: a course group's credits are not the total,
a multiplied-out column is not a rate, a label with no value states nothing."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler.crawl.page import Page
from crawler.crawl.platforms import (acalog, catalog_total, courseleaf, label_value, program_area, rate_card, rate_sentence,
                                     rate_sentences, rate_table)
from tests.conftest import SITES

NEWER = SITES / "2026-11-01"


def recorded(host: str, path: str) -> Page:
    file = NEWER / host / path
    body = file.read_bytes()
    return Page(HtmlResponse(url=f"https://{host}/{path.removesuffix('index.html')}", body=body, encoding="utf-8")).main


def shape(html: str) -> Page:
    return Page(HtmlResponse(url="https://x.edu/", body=f"<html><body>{html}</body></html>".encode(), encoding="utf-8"))


# -- catalogs --------------------------------------------------------------------------------------


def test_acalog_reads_sjsu_total_heading_not_a_course_group():
    facts = acalog(recorded("catalog.sjsu.edu", "preview_program.php?catoid=14&poid=8517"))
    assert facts.name == "Library and Information Science, MLIS"
    assert facts.total_credits == "Total Units Required: 43"
    assert facts.catalog_year == "2023-2024"
    assert facts.concentrations == []


def test_acalog_reads_ukys_total_sentence_when_no_total_heading():
    facts = acalog(recorded("catalogs.uky.edu", "preview_program.php?catoid=19&poid=8970"))
    assert facts.name == "Library and Information Science, MSLS"
    assert facts.total_credits.startswith("To earn the MSLS, students must complete a total of 36 credit hours")
    assert facts.catalog_year == "2025-2026"


def test_courseleaf_reads_umds_total_row():
    facts = courseleaf(recorded("academiccatalog.umd.edu", "graduate/programs/library-information-science-online-lbso/"
                                "library-information-science-mlis/index.html"))
    assert facts.name == "Library and Information Science, Master of Library and Information Science (M.L.I.S.)"
    assert facts.total_credits == "Total Credits 36"
    assert facts.catalog_year is None  # the page names no catalog year: nothing is made up


@pytest.mark.parametrize("html", [
    "<h2>Core Courses (12 credits)</h2><p>Electives: 24 credit hours</p>",
    "<table><tr><td>Core Requirements</td><td>12</td></tr><tr><td>Select one of the following:</td><td>9</td></tr></table>",
    "<p>Within the 36 hours, students complete 4 core courses (12 hours).</p>",
    "<h2>Total Hours</h2>",  # a label without a number
    "<p>Students take a total of 4 core courses.</p>",  # a count of courses, not credits
    # Illinois's "Other Requirements": a part of the total, not the total
    "<table><tr><td>Minimum Hours Required Within the Unit:</td><td>28</td></tr>"
    "<tr><td>Minimum 500-level Hours Required Overall:</td><td>12</td></tr></table>",
])
def test_no_total_from_course_groups_or_bare_labels(html):
    assert catalog_total(shape(html)) is None


def test_the_last_total_closes_the_requirements():
    page = shape("<h3>Total Core Credits: 12</h3><ul><li>LIS 600</li></ul><h2>Total Credits Required: 36</h2>")
    assert catalog_total(page) == "Total Credits Required: 36"


def test_concentrations_are_the_list_under_the_named_heading():
    page = shape("<h1>Information Science, MS</h1><h2>Concentrations</h2><ul><li>Archives</li><li>Youth Services</li></ul>"
                 "<h2>Courses</h2><ul><li>LIS 500</li></ul>")
    assert acalog(page, "Concentrations").concentrations == ["Archives", "Youth Services"]
    assert acalog(page).concentrations == []


# -- tuition shapes --------------------------------------------------------------------------------


def test_rate_card_reads_ukys_cost_per_credit():
    page = recorded("online.uky.edu", "masters/library-information-science/msls")
    assert rate_card(page, ("Cost Per Credit",)) == ["Cost Per Credit: $737.00"]
    assert rate_card(page, ("Application Due Date",)) == []  # the label is there, its value is not


@pytest.mark.parametrize("html", [
    "<dl><dt>Cost Per Credit</dt><dd>$737.00</dd></dl>",
    "<table><tr><th>Cost Per Credit</th><td>$737.00</td></tr></table>",
    "<div><span>Cost Per Credit</span><span>$737.00</span></div>",
    "<p><strong>Cost Per Credit:</strong> $737.00</p>",
    "<p>Cost Per Credit: $737.00</p>",  # plain text
    "<div><p>Cost Per Credit</p><p>$737.00</p></div>",
])
def test_rate_card_reads_each_label_value_shape(html):
    [text] = rate_card(shape(html), ("Cost Per Credit",))
    assert text.startswith("Cost Per Credit") and text.endswith("$737.00")


def test_rate_table_reads_umds_per_credit_column_only():
    page = recorded("ischool.umd.edu", "tuition-fees")
    assert rate_table(page, ("Maryland Resident", "Maryland Non-resident"), columns=("Per Credit Hour",)) == [
        "Per Credit Hour Maryland Resident: $717.00", "Per Credit Hour Maryland Non-resident: $1,548.00"]
    assert rate_table(page, ("College Online Program Fee",), columns=("Per Credit Hour",)) == [
        "Per Credit Hour College Online Program Fee (per credit hour): $100.00"]
    # Without the column, the multiplied-out cells come too: the column is what keeps them out.
    assert len(rate_table(page, ("Maryland Resident",))) == 4
    # "Total Maryland Resident" names the row's words too, but only in the load columns.
    assert rate_table(page, ("Total Maryland Resident",), columns=("Per Credit Hour",)) == []


def test_rate_sentence_reads_sjsus_special_session_rate():
    page = recorded("ischool.sjsu.edu", "programs/mlis/fees/index.html")
    assert rate_sentence(page, ("Special Session",)).startswith("Special Session tuition is $474 per unit")
    assert rate_sentence(page, ("Regular Session",)) is None  # a flat rate with no amount: nothing


def test_rate_sentence_needs_an_amount():
    assert rate_sentence(shape("<p>Tuition is charged per credit hour.</p>")) is None
    assert rate_sentence(shape("<p>Tuition is $850 per credit hour.</p>")) == "Tuition is $850 per credit hour."


def test_program_area_is_the_acalog_cell_holding_the_title():
    """An Acalog page's content cell is one block; its paragraphs are read one by one inside it."""
    file = NEWER / "catalogs.uky.edu" / "preview_program.php?catoid=19&poid=8970"
    page = Page(HtmlResponse(url="https://catalogs.uky.edu/", body=file.read_bytes(), encoding="utf-8"))
    assert page.main.sentence("grade point average").startswith("Admission to the program requires:")  # across items
    assert program_area(page).sentence("grade point average") == (
        "a grade point average of 3.0 or higher (4.0 scale) on any prior undergraduate or graduate work")


def test_label_value_stops_at_the_line_break():
    page = shape("<p><strong>Degree Awarded:</strong> Master of Science in Information (MSI)<br/>"
                 "<strong>Calendar Type:</strong> Quarter<br/><strong>Minimum Required Credits:</strong> 45.0</p>")
    assert label_value(page, "Degree Awarded") == "Degree Awarded: Master of Science in Information (MSI)"
    assert label_value(page, "Calendar Type") == "Calendar Type: Quarter"
    assert label_value(page, "Co-op Option") is None


def test_rate_table_takes_the_heading_row_that_names_the_columns():
    page = shape("<table><tr><th>Tuition</th><th></th><th></th></tr>"
                 "<tr><th>Residency</th><th>Full-time per term</th><th>Part-time per credit</th></tr>"
                 "<tr><td>PA Residents</td><td>$14,130</td><td>$1,148</td></tr></table>")
    assert rate_table(page, ("PA Residents",), columns=("Part-time per credit",)) == [
        "Part-time per credit PA Residents: $1,148"]


@pytest.mark.parametrize("label", ["Minimum Required Credits: 45.0", "Minimum Total Units Required: 37", "Total Hours 40"])
def test_a_total_is_named_total_or_minimum_required(label):
    assert catalog_total(shape(f"<p>{label}</p>")) == label


def test_rate_sentences_reads_each_rate_once_in_page_order():
    page = recorded("ischool.illinois.edu", "future-students/tuition-aid")
    assert rate_sentences(page, ("Per Credit Hour Rate",)) == [
        "Resident Per Credit Hour Rate: $636/hour*", "Non Resident Per Credit Hour Rate: $1,053/hour*"]
    assert rate_sentences(page, ("Range I",)) == []  # per semester, not per credit


def test_a_label_in_a_long_sentence_is_not_a_pair():
    page = shape("<p>Cost Per Credit: see the bursar's page for the current rates, which the Board of Trustees sets each"
                 " spring and which apply to every graduate program of the university.</p>")
    assert rate_card(page, ("Cost Per Credit",)) == []


def test_label_value_reads_one_pair_of_a_plain_line_of_pairs():
    page = shape("<p>Credits: 36 Duration: 1 to 4 years to complete Format: On campus or online</p>")
    assert label_value(page, "Credits") == "Credits: 36"
    assert label_value(page, "Duration") == "Duration: 1 to 4 years to complete"
    assert label_value(page, "Format") == "Format: On campus or online"
    lines = shape("<p>Major: Library and Information Science<br/>Degree Awarded: Master of Science in Information (MSI)"
                  "<br/>Calendar Type: Quarter</p>")
    assert label_value(lines, "Degree Awarded") == "Degree Awarded: Master of Science in Information (MSI)"


def test_a_total_on_a_line_of_a_block():
    page = shape("<p>Major: Library and Information Science<br/>Minimum Required Credits: 45.0<br/>Co-op Option: None</p>")
    assert catalog_total(page) == "Minimum Required Credits: 45.0"
