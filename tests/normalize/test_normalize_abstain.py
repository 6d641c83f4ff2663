"""Abstaining where binding is weak (issue 19, money side, second pass).

Each rule of binding.py's "abstaining" section comes as a pair: a sentence where the rule fires and
the parser gives nothing (or leaves the doubtful amount out), and a sentence where the value is
bound firmly and is read. Sentences are our own, after kinds real graduate pages show; the real
ones are in the reading corpus (tests/normalize/corpus/fresh-c-a.json).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crawler.normalize import Duration, Rate, parse_credits, parse_duration, parse_gpa, parse_money, parse_tuition
from crawler.normalize import binding

D = Decimal

PAIRS = [
    # a grade table or scale: a run of three GPA-like numbers in one clause
    (parse_gpa, "Grade points used in the average: A 4.0 B 3.0 C 2.0 D 1.0",
     "Grade point average: a minimum of 3.0 is required for admission.", D("3.00")),
    # the degree's completion or candidacy, not admission
    (parse_gpa, "General Degree Requirements: a master's degree requires a minimum cumulative GPA of 3.0.",
     "Admission requires a minimum cumulative GPA of 3.0.", D("3.00")),
    (parse_gpa, "Students apply for candidacy after 12 hours with a GPA of at least 3.25.",
     "Applicants need a GPA of at least 3.25.", D("3.25")),
    # applicants who already hold graduate credits: their graduate GPA is a group's rule
    (parse_gpa, "Applicants who have completed 12 or more graduate credits need a GPA of 3.2 on that work.",
     "Applicants need an undergraduate GPA of 3.2.", D("3.20")),
    # a number bounding a class of programs
    (parse_credits, "Degree programs of 40 credits or fewer must be finished in six years.",
     "The degree program requires 40 credits.", D("40")),
    (parse_credits, "Degree programs requiring more than 40 credits allow eight years.",
     "The degree program requires 40 credits.", D("40")),
    # a label meets its value by a colon or a spaced dash; "K-12" is a name
    (parse_credits, "The degree leads to a K-12 school library endorsement.", "Degree - 36 credit hours", D("36")),
    (parse_credits, "The degree leads to a K-12 school library endorsement.", "Total: 36", D("36")),
    # two different time limits and nothing that picks one
    (parse_duration, "Programs of 30 credits must be completed within 5 years; longer programs within 7 years.",
     "The program must be completed within 5 years.", Duration(months_min=None, months_max=60)),
    # applicants outside any degree
    (parse_money, "Non-degree applicants pay a $30 processing fee.", "Degree applicants pay a $30 application fee.",
     D("30.00")),
    # a charge that is not the application fee, named on a fee list
    (parse_money, "Graduation (for most degrees): $100", "Application (all degrees): $100", D("100.00")),
    # a load: what a student can take in a term, and numbers labelled by a term
    (parse_credits, "Students may take 15 credit hours toward the degree each term.",
     "The degree requires 36 credit hours.", D("36")),
    (parse_credits, "Load limits. Fall Term: 15 Credit Hours. Spring Term: 15 Credit Hours.", "Total Credit Hours: 30", D("30")),
    # the text's first amount is moved away: a later amount is not read in its place
    (parse_money, "Graduation fee: $100. Official electronic copy: $10", "Application fee: $40. Graduation fee: $100",
     D("40.00")),
]


@pytest.mark.parametrize("fn, unbound, bound, expected", PAIRS)
def test_abstains_where_binding_is_weak(fn, unbound, bound, expected):
    assert fn(unbound) in (None, [])
    assert fn(bound) == expected


def test_estimates_and_audits_are_no_rates():
    assert parse_tuition("Estimated Tuition | Fall (9 credits) | $8,100 per semester |") == []
    assert parse_tuition("Tuition | Fall (9 credits) | $8,100 per semester |") == [
        Rate(kind="tuition", amount_usd=D("8100"), per="term")
    ]
    assert parse_tuition("Audit (per credit hour) $250") == []
    assert parse_tuition("Tuition (per credit hour) $250") == [Rate(kind="tuition", amount_usd=D("250"), per="credit")]


def test_a_hyphenated_range_of_terms():
    assert parse_duration("Students usually finish in three-to-four semesters.") == Duration(months_min=18, months_max=24)


def test_a_unit_inside_a_parenthesis_is_its_amounts_alone():
    # "$30,000 ($15,000 per semester)": the yearly figure has no unit of its own, so it is left out
    # rather than read as a second per-semester rate.
    assert parse_tuition("Tuition 2025-2026 $30,000 ($15,000 per semester)") == [
        Rate(kind="tuition", amount_usd=D("15000"), per="term")
    ]
    # Without the parenthesis the unit written last is shared by the formula, as before.
    assert parse_tuition("Tuition $900 + fees $50 per credit") == [
        Rate(kind="tuition", amount_usd=D("900"), per="credit"), Rate(kind="fee", amount_usd=D("50"), per="credit")
    ]


def test_a_sentences_term_word_belongs_to_the_amount_that_carries_it():
    # The $400 charge has a unit we cannot state ("per 6 months"); "per semester" is the $90 fee's.
    assert parse_tuition("Students pay the $90 activity fee per semester and the $400 insurance fee per 6 months.") == [
        Rate(kind="fee", amount_usd=D("90"), per="term")
    ]
    # A fee alone in a sentence that speaks of a semester still takes the term.
    assert parse_tuition("A $90 activity fee is charged each semester.") == [Rate(kind="fee", amount_usd=D("90"), per="term")]


def test_a_service_label_names_a_fee():
    assert parse_tuition("Technology (per course): $40") == [Rate(kind="fee", amount_usd=D("40"), per="course")]
    # A label that names no service leaves the default kind.
    assert [r.kind for r in parse_tuition("Online (per course): $40")] == ["tuition"]


def test_helpers_fire_and_do_not():
    assert binding.compared("36 credits or less", 0, 10)
    assert binding.compared("more than 36 credits", 10, 20)
    assert not binding.compared("no more than 36 credits", 13, 23)  # a part's bound, read by credits.py
    assert not binding.compared("36 credits are required", 0, 10)
    assert binding.one_or_none([60, 60]) == 60
    assert binding.one_or_none([60, 96]) is None
