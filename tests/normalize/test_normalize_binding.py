"""Binding (issue 19): a value only where the text binds it to this program's fact.

Each scope case comes as a pair: the sentence with the scope word gives nothing, and the same
sentence bound to the program gives the value, so every case shows the guard firing and not
firing. Sentences are written in our own words after the kinds real pages show (the comment names
the kind); the reading corpus (tests/normalize/test_corpus.py) holds the real ones.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crawler.normalize import (
    Deadline,
    Delivery,
    Duration,
    ExamRule,
    Rate,
    parse_accredited,
    parse_credits,
    parse_deadlines,
    parse_delivery,
    parse_duration,
    parse_exam_rule,
    parse_gpa,
    parse_money,
    parse_tuition,
)
from crawler.normalize import binding, vocabulary
from crawler.normalize.text import prepare

D = Decimal

# (function, scoped sentence -> nothing, bound sentence -> value)
PAIRS = [
    # another school of the university
    (parse_gpa, "Applicants to the School of Business need a 3.25 GPA.", "Applicants to the MLIS need a 3.25 GPA.",
     D("3.25")),
    (parse_exam_rule, "Applicants to the business school must submit GMAT scores.",
     "Applicants to the MLIS must submit GRE scores.", ExamRule(status="required", exams=["GRE"])),
    # programs in general
    (parse_exam_rule, "Some programs may require the GRE.", "The MLIS program requires the GRE.",
     ExamRule(status="required", exams=["GRE"])),
    (parse_exam_rule, "Submit GRE scores if required by your program.", "Applicants must submit GRE scores.",
     ExamRule(status="required", exams=["GRE"])),
    # another credential named as the heading of what follows
    (parse_gpa, "Apply to our CAS Program. Requirements: a master's degree in library science and a GPA of at least "
     "3.0.", "Apply to the MLIS Program. Requirements: a bachelor's degree and a GPA of at least 3.0.", D("3.00")),
    (parse_credits, "The PhD program requires 60 credit hours.", "The MLIS program requires 36 credit hours.", D("36")),
    (parse_tuition, "Doctoral dissertation per credit $500.", "MLIS tuition per credit $500.",
     [Rate(kind="tuition", amount_usd=D("500"), per="credit")]),
    # awards and assistantships
    (parse_gpa, "A scholarship requires a GPA of 3.5.", "Admission requires a GPA of 3.5.", D("3.50")),
    (parse_money, "Scholarships of $2,000 are available.", "The application fee is $75.", D("75.00")),
    (parse_exam_rule, "To be eligible for the Dean's Scholarship, GRE scores must be submitted.",
     "To be eligible for admission, GRE scores must be submitted.", ExamRule(status="required", exams=["GRE"])),
    # grades once enrolled
    (parse_gpa, "A cumulative GPA of 3.0 is required for good standing.", "A cumulative GPA of 3.0 is required for "
     "admission.", D("3.00")),
    (parse_gpa, "A student with a GPA below 2.75 may be admitted on evidence such as a later degree with a 3.0 GPA.",
     "A student needs a GPA of 3.0 to be admitted.", D("3.00")),
    # a course group, a concentration
    (parse_credits, "Core Courses (18 credits)", "Total program (36 credits)", D("36")),
    (parse_credits, "The Archives concentration requires 15 credits.", "The degree requires 45 credits.", D("45")),
    # statistics
    (parse_duration, "58% of students finish within two years.", "Students finish within two years.",
     Duration(months_min=None, months_max=24)),
    # an accreditation's term, a co-op
    (parse_duration, "ALA granted continued accreditation for a period of seven years.",
     "Students complete the degree in two years.", Duration(months_min=24, months_max=24)),
    (parse_duration, "The co-op work placement lasts four months.", "The program lasts twenty months.",
     Duration(months_min=20, months_max=20)),
    (parse_duration, "Students who have not completed their coursework within four years must petition for more "
     "time.", "Students must complete their coursework within four years.", Duration(months_min=None, months_max=48)),
    # not a deadline
    (parse_deadlines, "The office will be closed December 24 through January 2.", "Applications are due January 2.",
     [Deadline(date="--01-02")]),
    (parse_deadlines, "Please disregard the October 1 deadline listed in the catalog.",
     "The application deadline is October 1.", [Deadline(date="--10-01")]),
    (parse_deadlines, "Co-op applications are due March 1.", "MLIS applications are due March 1.",
     [Deadline(date="--03-01")]),
    (parse_deadlines, "Join an information session on February 7, 2026.", "Apply by February 7, 2026.",
     [Deadline(date="2026-02-07")]),
    (parse_deadlines, "PhD in Information Science deadline: December 1", "MLIS deadline: December 1",
     [Deadline(date="--12-01")]),
    # delivery notices
    (parse_delivery, "To comply with state laws, the university may not be able to offer online programs everywhere.",
     "The MLIS is offered fully online.", Delivery(mode="online")),
]


@pytest.mark.parametrize("fn, scoped, bound, value", PAIRS, ids=[p[1][:50] for p in PAIRS])
def test_a_scope_word_moves_the_value_elsewhere(fn, scoped, bound, value):
    assert fn(scoped) in (None, [])
    assert fn(bound) == value


STATUS = [
    ("GRE required? No", ExamRule(status="not_required", exams=["GRE"])),
    ("Is the GRE required? Yes.", ExamRule(status="required", exams=["GRE"])),
    ("If my GPA is 3.0 or higher, do I still need to take the GRE? Yes. University rule requires it.",
     ExamRule(status="required", exams=["GRE"])),
    ("The School has stopped requiring GRE scores.", ExamRule(status="not_required", exams=["GRE"])),
    ("A writing sample replaces the requirement for GRE scores.", ExamRule(status="not_required", exams=["GRE"])),
    ("We do not require or accept GRE scores.", ExamRule(status="not_required", exams=["GRE"])),
    ("A GRE score is no longer a requirement.", ExamRule(status="not_required", exams=["GRE"])),
    ("All applicants submit GRE scores, even if you hold an advanced degree.",
     ExamRule(status="required", exams=["GRE"])),
    ("Submit GRE scores, or hold a graduate degree, or have three years of professional experience.",
     ExamRule(status="conditional", exams=["GRE"], condition="waived with a graduate degree or work experience")),
    ("If you do not have this GPA, you must submit GRE scores.", ExamRule(status="conditional", exams=["GRE"])),
]


@pytest.mark.parametrize("text, expected", STATUS)
def test_exam_status_words(text, expected):
    got = parse_exam_rule(text)
    assert got is not None and (got.status, got.exams) == (expected.status, expected.exams)
    if expected.condition:
        assert got.condition == expected.condition


@pytest.mark.parametrize("text, expected", [
    ("The School intends to seek ALA accreditation for the new program.", False),
    ("The program is working toward ALA accreditation.", False),
    ("The MLIS is accredited by the American Library Association.", True),
])
def test_accreditation_not_yet_held(text, expected):
    assert parse_accredited(text) is expected


TABLES = [
    # a header row, then a value row: residency columns, one unit after the last cell
    ("Resident $552.25 Non-resident $1,182 per credit hour",
     [Rate(kind="tuition", amount_usd=D("552.25"), per="credit", residency="in_state"),
      Rate(kind="tuition", amount_usd=D("1182"), per="credit", residency="out_of_state")]),
    # the unit stated once for the table
    ("Graduate tuition. The following figures are semester rates. Resident $6,213.50 Non-resident $15,890.00",
     [Rate(kind="tuition", amount_usd=D("6213.50"), per="term", residency="in_state"),
      Rate(kind="tuition", amount_usd=D("15890"), per="term", residency="out_of_state")]),
    # a general rate, then the school's own
    ("Graduate tuition is $1,100 per credit; the charge per credit for the School of Information is $1,812.",
     [Rate(kind="tuition", amount_usd=D("1812"), per="credit")]),
    # the program named with another credential shares the rates
    ("Online (MS and CAS) tuition is charged per credit hour. Resident Per Credit Hour Rate: $636/hour",
     [Rate(kind="tuition", amount_usd=D("636"), per="credit", residency="in_state")]),
]


@pytest.mark.parametrize("text, expected", TABLES)
def test_flattened_tables(text, expected):
    assert [(r.kind, r.amount_usd, r.per, r.residency) for r in parse_tuition(text)] == [
        (r.kind, r.amount_usd, r.per, r.residency) for r in expected]


TERMS = [
    ("Fall: July 1 - Spring: November 1", [("fall", "--07-01", "final"), ("spring", "--11-01", "final")]),
    ("September start: apply by March 1", [("fall", "--03-01", "final")]),
    ("To be considered for awards, apply by January 15.", [(None, "--01-15", "priority")]),
    ("Fall Semester - July 1 for international students - August 15 for domestic students - Spring Semester - "
     "November 1 for international students", [("fall", "--07-01", "final"), ("fall", "--08-15", "final"),
                                                ("spring", "--11-01", "final")]),
    ("Spring deadline: November 15 *Extended to Dec 1st for Spring 2015 \u2022 Summer deadline: April 15",
     [("spring", "--12-01", "final"), ("summer", "--04-15", "final")]),
    ("The deadline is April 1 for the fall semester, and November 1 for the spring semester (preferred deadline for "
     "spring international admissions is September 1).",
     [("fall", "--04-01", "final"), ("spring", "--11-01", "final"), ("spring", "--09-01", "preferred")]),
]


@pytest.mark.parametrize("text, expected", TERMS)
def test_terms_and_kinds(text, expected):
    assert [(d.term, d.date, d.kind) for d in parse_deadlines(text)] == expected


# ---- the mechanism -----------------------------------------------------------------------------


def test_every_field_scope_is_a_vocabulary_scope():
    for field, scopes in vocabulary.FIELD_SCOPES.items():
        assert set(scopes) <= set(vocabulary.SCOPES), field
    assert all(reach in ("clause", "subject") for reach, _ in vocabulary.SCOPES.values())


def test_bound_text_keeps_positions():
    text = prepare("Tuition is $500 per credit. Scholarships of $2,000 are available. Fees are $50 per term.")
    bound = binding.bound_text("tuition", text)
    assert len(bound) == len(text)
    assert "$2,000" not in bound and "$500" in bound and "$50 per term" in bound


def test_subject_scope_takes_the_nearest_head():
    assert binding.subject_scope("total_credits", "Core Courses (") == "part"
    assert binding.subject_scope("total_credits", "Beside the core courses, the MLIS degree requires ") is None


@pytest.mark.parametrize("field, text, clause", [
    ("min_gpa", "Applicants need a bachelor's degree. A GPA of 3.0 or higher is required. Send three letters.",
     "A GPA of 3.0 or higher is required."),
    ("application_deadlines", "Application deadlines. Fall: March 1. Spring: October 1. Send transcripts early.",
     "Fall: March 1. Spring: October 1."),
    ("tuition", "Tuition and fees. Graduate tuition is $500 per credit hour. Fees vary by term.",
     "Graduate tuition is $500 per credit hour."),
])
def test_binding_clause_is_the_evidence(field, text, clause):
    assert binding.binding_clause(field, text) == clause


def test_binding_clause_is_none_without_a_value_or_a_shorter_reading():
    assert binding.binding_clause("min_gpa", "Send three letters. Transcripts are required.") is None
    assert binding.binding_clause("min_gpa", "A GPA of 3.0 is required.") is None  # one sentence: the text itself
    assert binding.binding_clause("no_such_field", "A GPA of 3.0 is required. Apply.") is None
