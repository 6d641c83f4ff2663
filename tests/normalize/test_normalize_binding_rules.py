"""The general reading rules of issue 19 for deadlines, delivery, exam rules and accreditation, each
made to fire and shown not to fire on its look-alike (the corpus under tests/normalize/corpus holds
the real sentences they were found in)."""

from __future__ import annotations

import pytest

from crawler.normalize import Deadline, Delivery, ExamRule, parse_deadlines, parse_delivery, parse_exam_rule
from crawler.normalize.program import parse_accredited


def _dates(text: str) -> list[tuple[str | None, str | None, str, str | None]]:
    return [(d.term, d.date, d.kind, d.applies_to) for d in parse_deadlines(text)]


# ---- deadlines -------------------------------------------------------------------------------


def test_a_column_of_domestic_and_online_international_students_keeps_the_domestic_date() -> None:
    text = ("Deadline | Domestic and Online International Students | International Students | "
            "Fall | June 1 | March 1 | Spring | November 1 | August 1 |")
    assert _dates(text) == [
        ("fall", "--06-01", "final", "domestic"), ("fall", "--03-01", "final", "international"),
        ("spring", "--11-01", "final", "domestic"), ("spring", "--08-01", "final", "international"),
    ]


def test_a_date_for_another_credential_only_is_not_the_programs() -> None:
    text = "Application deadlines are: \u2022 March 15 for Summer term (Graduate Certificate in School Librarianship only) \u2022 May 15 for the Fall semester"
    assert _dates(text) == [("fall", "--05-15", "final", None)]
    # A named group of this program's applicants stays a deadline (the guard's look-alike).
    kept = parse_deadlines("Summer: March 15 (School Librarianship certificate applicants only)")
    assert [(d.term, d.date) for d in kept] == [("summer", "--03-15")]


def test_the_documents_date_beside_the_applications_date_is_not_a_deadline() -> None:
    text = "September intake: January 15 (applications); February 1 (supporting documents)"
    assert _dates(text) == [("fall", "--01-15", "final", None)]


def test_a_funding_deadline_as_subject_holds_for_every_date_of_its_sentence() -> None:
    text = ("Application deadlines for GSLIS Scholarships are October 15 (for scholarships given in the spring "
            "term) and February 15 (for scholarships given in the summer or fall terms).")
    assert parse_deadlines(text) == []
    assert _dates("Application deadlines for the MLIS are October 15 and February 15.") == [
        (None, "--10-15", "final", None), (None, "--02-15", "final", None)]


@pytest.mark.parametrize("text, term", [
    ("September start: March 1", "fall"),
    ("The next start date is September 2018. Deadline: January 31, 2018", "fall"),
    ("Classes start September 2. Deadline: February 1.", None),  # a date, not a term's month
    ("The deadline for January entry is October 1.", None),
])
def test_a_start_named_by_its_month(text: str, term: str | None) -> None:
    got = parse_deadlines(text)
    assert got and got[-1].term == term


def test_january_intake_clears_the_term_in_force() -> None:
    text = "\u2022 September intake: January 15 (applications) \u2022 January intake: June 1 (applications)"
    assert [(d.term, d.date) for d in parse_deadlines(text)] == [("fall", "--01-15"), (None, "--06-01")]


@pytest.mark.parametrize("text", [
    "Tuition and fees are due September 1.",
    "Registration for spring courses begins November 3.",
    "The fall semester runs from August 25 to December 12.",
    "The Graduate School is closed from December 23 to January 2.",
    "Practicum applications are due March 1 for the summer term.",
    "Applications for fall 2025 open October 1.",
])
def test_a_students_business_once_admitted_is_not_an_application_deadline(text: str) -> None:
    assert parse_deadlines(text) == []


def test_a_sentence_end_before_a_comma_starts_the_next_dates_words() -> None:
    text = "Applications are accepted on a rolling basis. For priority consideration, apply by February 1."
    assert parse_deadlines(text) == [
        Deadline(term=None, date=None, kind="rolling"), Deadline(term=None, date="--02-01", kind="priority")]


# ---- delivery ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Southern Miss Graduate School applications are fully online effective fall 2011.",
    "Library resources are available online 24/7.",
    "Online students pay the same tuition as campus students.",
    "In 2004, the School added an objective to incorporate distance education. This objective now supports the initiative to offer the Master's program online.",
    "Hybrid: These programs combine face-to-face and online learning formats. Contact the program for more specific information.",
    "Please note that we do not offer a fully in-person degree. Some required courses and many electives are available only online.",
    "Students must attend a mandatory virtual orientation before their first semester.",
])
def test_online_that_is_not_how_this_program_is_given(text: str) -> None:
    assert parse_delivery(text) is None


@pytest.mark.parametrize("text, mode", [
    ("Students may complete their MA in Library and Information Science online through our video conferencing system. "
     "We combine web-based teaching with on-campus instruction.", "online"),
    ("All required MLS courses are taught face-to-face in two weekend-intensive classes supplemented by online instruction.", "hybrid"),
    ('The MLIS degree may be earned fully "on-line." The School offers most of its courses either fully on-line or blended.', "online"),
    ("Most courses are offered in online or blended format. Face-to-face sessions are held on campus.", "hybrid"),
    ("Online", "online"),  # a short label value is read whole
])
def test_how_this_program_is_given(text: str, mode: str) -> None:
    got = parse_delivery(text)
    assert got is not None and got.mode == mode


# ---- exam rules -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, status, exams", [
    ("GRE required?: No", "not_required", ["GRE"]),
    ("GRE Required: No", "not_required", ["GRE"]),
    ("GRE Required: Yes", "required", ["GRE"]),
    ("(Neither the GMAT nor the GRE is required for application/admission to this program.)", "not_required", ["GRE", "GMAT"]),
    ("We do not accept GRE scores.", "not_required", ["GRE"]),
    ("A writing sample replaces the GRE requirement.", "not_required", ["GRE"]),
    ("A grade point average of 3.0 or higher - A GRE is not required.", "not_required", ["GRE"]),
    ("A GRE score is not required for admission. However, if your GPA is below 3.0, we recommend that you submit a GRE score.",
     "not_required", ["GRE"]),
    ("MLIS applicants who already hold a Ph.D. are not required to submit GRE scores.", "conditional", ["GRE"]),
    ("Graduate Record Exam GRE scores are required for all international applicants.", "conditional", ["GRE"]),
    ("GRE scores are required of all domestic and international applicants.", "required", ["GRE"]),
    ("Applicants who do not meet the minimum GPA requirements must submit GRE scores.", "conditional", ["GRE"]),
    ("Required Standardized Test: GRE. (LSAT accepted for students in the joint JD/MLS program.)", "required", ["GRE"]),
])
def test_exam_status_words(text: str, status: str, exams: list[str]) -> None:
    got = parse_exam_rule(text)
    assert got is not None and (got.status, got.exams) == (status, exams)


def test_a_question_about_scores_states_no_status() -> None:
    got = parse_exam_rule("Is there a minimum required score on the GRE? No. We do consider your GRE score.")
    assert got is None or got.status != "not_required"


def test_most_programs_and_the_mba_are_not_this_programs_rule() -> None:
    text = ("The GRE general test is required for most graduate programs. Students seeking the MBA or the MS in "
            "Finance or Accounting should submit the GMAT.")
    assert parse_exam_rule(text) is None


# ---- accreditation ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The program is seeking initial accreditation from the American Library Association.", False),
    ("Accredited by the Commission on Colleges of the Southern Association of Colleges and Schools and the American Library Association (ALA).", True),
    ("The School of Information offers an American Library Association (ALA) accredited degree program.", True),
    ("The program is accredited under the American Library Association (ALA) Standards for Accreditation.", True),
    ("The MLIS program is accredited by the Committee on Accreditation of the American Library Association.", True),
    ("The pages within present the documentation needed to comply with the ALA Standards for accreditation.", None),
    ("Graduates of ALA-accredited programs are eligible for certification in many states.", None),
    ("Employers look for an ALA-accredited degree.", None),
    ("One of the nation's ALA-accredited programs", True),
])
def test_accreditation(text: str, expected: bool | None) -> None:
    assert parse_accredited(text) is expected


def test_models_unchanged() -> None:
    # The contract of DESIGN 3b: the same models, the same fields.
    assert set(Delivery.model_fields) == {"mode", "synchronous"}
    assert {"status", "exams", "condition"} <= set(ExamRule.model_fields)


@pytest.mark.parametrize("text, synchronous", [
    # A weekly meeting said of classes in general is not a live online class...
    ("Master's classes meet once a week. All online courses are held asynchronously.", False),
    # ...but said of online study it is.
    ("Classes meet online once a week in virtual classrooms", True),
    # Timing said of some classes only says nothing of the program's.
    ("All courses are online. Many classes have no scheduled meeting time.", None),
])
def test_timing_words_describe_the_programs_online_classes(text: str, synchronous: bool | None) -> None:
    got = parse_delivery(text)
    assert got is not None and got.synchronous is synchronous


@pytest.mark.parametrize("text, kind", [
    ("We suggest applying early and no later than April 1st if you can.", "preferred"),
    ("We recommend that you apply no later than March 1.", "preferred"),
    ("Applications must be received no later than March 1.", "final"),
])
def test_advice_about_when_to_apply_is_a_preferred_date(text: str, kind: str) -> None:
    assert [d.kind for d in parse_deadlines(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Priority deadlines: Fall - March 1, Spring - October 1. All applications are due by: Fall - July 1, Spring - November 1",
    "Priority Deadlines Fall: March 1 Spring: October 1 Final Deadlines Fall: July 1 Spring: November 1",
])
def test_a_new_list_of_deadlines_ends_the_kind_of_the_list_before(text: str) -> None:
    assert [(d.term, d.kind) for d in parse_deadlines(text)] == [
        ("fall", "priority"), ("spring", "priority"), ("fall", "final"), ("spring", "final")]


@pytest.mark.parametrize("text, status", [
    ("Applicants must submit either GRE scores, evidence of a completed graduate degree, or at least two years of professional experience.", "conditional"),
    ("Applicants with a GPA under 3.0 must take the GRE or MAT.", "conditional"),
    ("Entrance exam required? No", "not_required"),
])
def test_routes_groups_and_generic_answers(text: str, status: str) -> None:
    got = parse_exam_rule(text)
    assert got is not None and got.status == status


def test_a_candidate_for_accreditation_is_not_accredited() -> None:
    assert parse_accredited("The MLIS is a candidate for ALA accreditation; the comprehensive review is scheduled for 2026.") is False


@pytest.mark.parametrize("text", [
    "On-campus housing is available for graduate students.",
    "Online Learning Resources: tutorials for Canvas and Zoom.",
])
def test_campus_life_and_help_pages_state_no_mode(text: str) -> None:
    assert parse_delivery(text) is None


@pytest.mark.parametrize("text, status", [
    ("Note: Our requirements do not list a GMAT or GRE test, letters of recommendation, or a resume.", "not_required"),
    ("We do not use GRE scores.", "not_required"),
    ("Admissions decisions rest on the undergraduate record and test scores on either the GRE or the MAT.", "required"),
])
def test_requirements_lists_and_use_of_scores(text: str, status: str) -> None:
    got = parse_exam_rule(text)
    assert got is not None and got.status == status


def test_another_application_not_asking_for_the_test_states_nothing() -> None:
    assert parse_exam_rule("The non-degree application does not ask for the personal statement, GRE scores or reference letters.") is None
