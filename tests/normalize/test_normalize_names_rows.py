"""The naming and row-selection rules spiders used to write inline (program_names.py, rows.py)."""

import pytest

from crawler.normalize.program_names import concentration_in, concentration_name, program_slug
from crawler.normalize.rows import for_career, for_terms, rate_field, stated_rate

NAMES = [
    ("Law Librarianship (Joint JD/MS with the UB School of Law)", "Law Librarianship"),  # Buffalo
    ("School Library Licensure Emphasis", "School Library Licensure"),                    # USM
    ("Law librarianship, with a concurrent JD", "Law librarianship"),                     # Buffalo, older page
    ("Archival Studies (Certificate)", "Archival Studies"),                               # Arizona catalog
    ("Information storage and retrieval", "Information storage and retrieval"),
    ("School Library Licensure emphasis", "School Library Licensure"),
    ("Archives and Special Collections", "Archives and Special Collections"),
    ("  Public   Librarianship ", "Public Librarianship"),
    ("Data Curation Track", "Data Curation"),
    ("Archives and Special Collections Graduate Certificate", "Archives and Special Collections"),  # USM
    ("Youth Services and Literature Graduate Certificate", "Youth Services and Literature"),
    ("Certificate in School Librarianship", "Certificate in School Librarianship"),  # a leading word stays
    ("Emphasis", "Emphasis"),  # a title that is only the kind word keeps it: never empty from a word
    (None, ""),
]


@pytest.mark.parametrize("title, name", NAMES)
def test_concentration_name(title, name):
    assert concentration_name(title) == name


IN_TITLE = [
    ("MLS with Certificate in School Librarianship", "Certificate in School Librarianship"),  # TWU
    ("MLIS with Archives and Special Collections", "Archives and Special Collections"),      # USM
    ("MLIS with School Library Licensure emphasis", "School Library Licensure"),
    ("Master of Library Science with Certificate in Community Information", "Certificate in Community Information"),  # TWU catalog
    ("MLS with School Librarian Certification", "School Librarian Certification"),        # TWU, 2024
    ("Library and Information Science (Licensure) MLIS", "Licensure"),                    # USM online
    ("Master of Library Science (MLS)", None),   # the degree alone
    ("Master of Library and Information Science", None),
    ("Library and Information Studies: Online Program, MA", None),
    ("MLIS with ", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize("title, concentration", IN_TITLE)
def test_concentration_in(title, concentration):
    assert concentration_in(title) == concentration


def test_program_slug_and_the_words_an_id_leaves_out():
    assert program_slug("Law & Legal Information") == "law-legal-information"
    assert program_slug("Legal Information and Scholarly Communication") == "legal-information-and-scholarly-communication"
    assert program_slug("Archives and Special Collections", omit=("and",)) == "archives-special-collections"
    assert program_slug("Youth Services and Literature", omit=("and",)) == "youth-services-literature"
    # Whole words only: "and" inside "Handling" stays.
    assert program_slug("Data Handling and Curation", omit=("and",)) == "data-handling-curation"
    assert program_slug("Certificate in School Librarianship", omit=("Certificate in",)) == "school-librarianship"
    assert program_slug("") == "" and program_slug(None) == ""


ROWS = [
    ("Tuition Per Credit Hour Graduate (includes Certificates): $565.00", "tuition"),
    ("Fees Per Credit Hour Graduate: $76.16", "fees"),
    ("Fee per term: $40", "fees"),
    ("Total Per Credit Hour Graduate: $641.16", None),
    ("Graduate Tuition Per Credit Hour: $565.00", None),  # a label must open the row
    ("Tuitionless", None),
    (None, None),
]


@pytest.mark.parametrize("row, field", ROWS)
def test_rate_field(row, field):
    assert rate_field(row) == field


def test_for_career_is_a_whole_word():
    assert for_career("Tuition Per Credit Hour Graduate (includes Certificates): $565.00", "Graduate")
    assert not for_career("Tuition Per Credit Hour Undergraduate: $353.00", "Graduate")
    assert not for_career("Tuition Per Credit Hour Post-Graduate: $353.00", "Graduate")
    assert not for_career(None, "Graduate")


@pytest.mark.parametrize("row, stated", [
    ("Part Time 1-8 HOURS Cost per Hour $556.12", True),
    ("Full Time 9+ HOURS Cost per Semester $4,806", True),
    ("Tuition per credit hour: $900", True),
    ("Cost per Year $9,612", False),
    ("Cost per 3-Hour Credit Course $1,201.50", False),
    ("$900 per unit", True),
    ("Cost $4,806", False),
])
def test_stated_rate(row, stated):
    assert stated_rate(row) is stated


@pytest.mark.parametrize("text, terms, wanted", [
    ("May 15 for the Fall semester", ("Fall", "Spring"), True),
    ("October 1 for the spring semester", ("fall", "spring"), True),
    ("Autumn entry: June 1", ("fall",), True),
    ("March 1 for the Summer certificate cohort", ("Fall", "Spring"), False),
    ("Fallback date: none", ("Fall",), False),   # whole words only
    ("", ("Fall",), False),
])
def test_for_terms(text, terms, wanted):
    assert for_terms(text, terms) is wanted
