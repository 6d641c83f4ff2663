"""A byte the page's encoding could not decode (U+FFFD) inside a number or a date leaves it
unreadable (redteam F5: an undecodable byte inside "June 30" was read as June 3)."""

import pytest

from crawler.normalize import parse_credits, parse_deadlines, parse_gpa, parse_money, parse_tuition

G = "\ufffd"


@pytest.mark.parametrize("parse, text", [
    (parse_deadlines, f"Fall: June 3{G}0"),
    (parse_money, f"$1,2{G}00"),
    (parse_credits, f"The MLIS requires 3{G}6 credits."),
    (parse_gpa, f"A minimum GPA of 3.{G} is required for admission."),
    (parse_tuition, f"Tuition is $55{G}.12 per credit hour."),
])
def test_a_garbled_number_or_date_is_not_read_around(parse, text):
    assert parse(text) in (None, [])


def test_a_garbled_word_elsewhere_leaves_the_fact_readable():
    assert parse_credits(f"The MLIS (se{G}e below) requires 36 credits.") == parse_credits("The MLIS requires 36 credits.")
