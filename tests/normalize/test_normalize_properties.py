"""Properties every normalizer keeps on any input: it returns (never raises), returns the
documented type, and does not stall on long adversarial text. As the product reads: with the
familiar-wording gate on (tests/normalize/conftest.py)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler import normalize as n
from crawler.normalize.text import MAX_CHARS

pytestmark = pytest.mark.familiar_gate

# name -> (function, check of the returned value's type)
FUNCTIONS = {
    "clean_text": (n.clean_text, lambda v: isinstance(v, str)),
    "parse_money": (n.parse_money, lambda v: v is None or isinstance(v, Decimal)),
    "parse_tuition": (n.parse_tuition, lambda v: isinstance(v, list) and all(isinstance(x, n.Rate) for x in v)),
    "parse_credits": (n.parse_credits, lambda v: v is None or isinstance(v, Decimal)),
    "parse_deadlines": (n.parse_deadlines, lambda v: isinstance(v, list) and all(isinstance(x, n.Deadline) for x in v)),
    "parse_exam_rule": (n.parse_exam_rule, lambda v: v is None or isinstance(v, n.ExamRule)),
    "parse_gpa": (n.parse_gpa, lambda v: v is None or isinstance(v, Decimal)),
    "parse_duration": (n.parse_duration, lambda v: v is None or isinstance(v, n.Duration)),
    "parse_delivery": (n.parse_delivery, lambda v: v is None or isinstance(v, n.Delivery)),
    "parse_start_terms": (n.parse_start_terms, lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v)),
    "parse_accredited": (n.parse_accredited, lambda v: v is None or isinstance(v, bool)),
    "parse_degree": (n.parse_degree, lambda v: v is None or isinstance(v, str)),
}

# Words and symbols the parsers react to, so that generated text reaches deep into them.
VOCABULARY = [
    "$", "$1,", "1,372", "8,328.00", ".", ",", ";", ":", "-", "+", "/", "(", ")", "*", " ", "\u00a0", "\u200b",
    "per", "unit", "units", "credit", "hour", "semester", "year", "course", "tuition", "fees", "total", "program",
    "In-State", "Out-of-State", "International", "resident", "non-resident", "Online Campus", "Main Campus",
    "Fall", "Spring", "Summer", "Winter", "May", "Feb.", "February", "1st", "15", "2026", "03/04/2026",
    "priority", "preferred", "rolling", "then", "Currently open", "closed", "does not admit", "no",
    "GRE", "MAT", "not", "required", "optional", "waived", "exempt", "GPA", "3.0", "2.75", "4.0 scale",
    "years", "months", "as few as", "within", "online", "asynchronous", "synchronous", "on campus", "immersion",
    "accredited", "ALA", "candidacy", "Master of", "Library", "Science", "MLS", "MA", "MS", "thirty-six",
    "Example:", "=", "would cost", "7+", "9-13", "\u0661\u0662", "\u2013", "\u2019",
]
vocab_text = st.lists(st.sampled_from(VOCABULARY), max_size=80).map(" ".join)


@pytest.mark.parametrize("name", FUNCTIONS)
@settings(max_examples=150, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400))
def test_any_text_returns_the_documented_type(name, text):
    func, ok = FUNCTIONS[name]
    assert ok(func(text))


@pytest.mark.parametrize("name", FUNCTIONS)
@settings(max_examples=150, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow])
@given(text=vocab_text)
def test_parser_vocabulary_soup_returns_the_documented_type(name, text):
    func, ok = FUNCTIONS[name]
    assert ok(func(text))


@pytest.mark.parametrize("name", FUNCTIONS)
@settings(max_examples=10, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
@given(
    piece=st.sampled_from(VOCABULARY + ["1", "$1 ", "1, ", "$900 per unit + ", "Fall: May 1 ", "36 credits ",
                                        "not admit ", "total ", "In-State $5 ", "$1-", "12-", "1/1/"]),
    filler=st.sampled_from(["", " ", ",", "$"]),
)
def test_long_adversarial_text_returns(name, piece, filler):
    """100 KB of one repeated piece: the input is capped and every pattern is bounded."""
    func, ok = FUNCTIONS[name]
    unit = piece + filler
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert ok(func(text))


@settings(max_examples=12, deadline=timedelta(milliseconds=500), suppress_health_check=[HealthCheck.too_slow])
@given(token=st.sampled_from(["x", "a.", "a@", "www.", "a.edu", "http://", "\u00e9"]))
def test_a_value_beside_one_huge_token_returns(token):
    """The familiar-wording gate reads the words of a text whose value was read: a value beside one
    token as long as the cap (no space in 20,000 characters) is judged in linear time."""
    huge = token * (MAX_CHARS // len(token))
    # Outside the binding clause the huge token holds nothing back; inside it, it may.
    assert n.parse_gpa(f"A minimum GPA of 3.0 is required for admission. {huge}") == Decimal("3.00")
    assert n.parse_gpa(f"A minimum GPA of 3.0 {huge} is required for admission.") in (None, Decimal("3.00"))


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("value", [None, 42, b"$900 per unit", ["Fall: May 1"]])
def test_non_string_input_is_treated_as_empty(name, value):
    func, ok = FUNCTIONS[name]
    result = func(value)
    assert ok(result)
    assert result in ("", None, [])


def test_input_is_capped():
    """A fact after MAX_CHARS characters of filler is not read: the cap is real."""
    filler = "x" * MAX_CHARS
    assert n.parse_money("$900") == Decimal("900.00")
    assert n.parse_money(filler + " $900") is None


@given(amount=st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips_us_formatting(amount):
    assert n.parse_money(f"${amount:,.2f}") == amount
    assert n.parse_money(f"{amount:.2f} dollars") == amount


@given(amount=st.decimals(min_value=1000, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False))
def test_money_refuses_european_formatting(amount):
    european = f"{amount:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert n.parse_money(f"${european}") is None


@given(month=st.integers(1, 12), day=st.integers(1, 31), year=st.integers(2000, 2040))
def test_written_dates_are_read_exactly_or_skipped(month, day, year):
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    deadlines = n.parse_deadlines(f"Fall: {names[month - 1]} {day}, {year}")
    try:
        import datetime

        datetime.date(year, month, day)
    except ValueError:
        assert deadlines == []
    else:
        assert deadlines == [n.Deadline(term="fall", date=f"{year:04d}-{month:02d}-{day:02d}")]


CURRENCY_WORDS = ["CAD", "C$", "CA$ 1,200", "CDN$", "Canadian dollars", "in Canadian", "AUD", "A$", "NZD", "GBP", "EUR",
                  "euros", "pounds sterling", "€", "£", "¥", "Québec", "Quebec", "out of province", "ECAD", "US$",
                  # letters re.I also matches to s, k and i: the factored pattern's look-ahead must take them
                  "\u017fGD", "\u212aRW", "\u0131n Canadian", "\u0130NR", "yen", "Yen"]


@given(st.lists(st.sampled_from(CURRENCY_WORDS + ["$1,200", "per credit", "tuition", " ", "x", "-", "."]), max_size=12))
def test_any_of_matches_exactly_what_the_plain_alternation_matches(pieces):
    """vocabulary.any_of tests a shared word boundary once; every match is the one the plain
    `|`-join finds, at the same place, of the same length."""
    import re

    from crawler.normalize import vocabulary as v

    text = " ".join(pieces)
    plain = re.compile("|".join(v.OTHER_CURRENCIES), re.I)
    factored = re.compile(v.any_of(v.OTHER_CURRENCIES), re.I)
    assert factored.pattern != plain.pattern
    assert [m.span() for m in factored.finditer(text)] == [m.span() for m in plain.finditer(text)]
