"""The positive binding rules of issue 19's third pass for the status readers (parse_exam_rule,
parse_accredited, parse_delivery; branch r-status): each rule made to fire, and shown not to fire
on the sentence it must leave alone. The real sentences they were found in are in
tests/normalize/corpus/fresh-e-st-a.json."""

from __future__ import annotations

import pytest

from crawler.normalize import Delivery, ExamRule, parse_delivery, parse_exam_rule
from crawler.normalize import binding
from crawler.normalize.program import parse_accredited


def _exam(text: str) -> tuple[str, list[str]] | None:
    rule = parse_exam_rule(text)
    return None if rule is None else (rule.status, list(rule.exams))


def _mode(text: str) -> tuple[str, bool | None] | None:
    d = parse_delivery(text)
    return None if d is None else (d.mode, d.synchronous)


# ---- exam rules: who holds the rule ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "You may be required to submit GRE General Test scores to be considered for admission, depending on the department.",
    "If the department to which you wish to apply requires GRE scores, they may not be waived.",
    "Graduate Programs that require the GRE or GMAT: Biology-GRE; Psychology-GRE",
    "Applicants to graduate study in the programs listed above must submit GRE or MAT scores.",
    "If you are applying to the Department of Finance you may submit GMAT scores in place of GRE scores.",
    "The GRE is not required centrally by the Graduate School; individual graduate programs may require it.",
])
def test_a_rule_held_by_a_department_or_programs_in_general_is_not_this_programs(text: str) -> None:
    assert binding.exam_rule_held_elsewhere(text.split(";")[0])
    assert parse_exam_rule(text) is None


@pytest.mark.parametrize("text, expect", [
    ("The MLIS program requires GRE scores of all applicants.", ("required", ["GRE"])),
    # This program named in the sentence binds the rule to it, whatever else the sentence says.
    ("If the department requires it, the MLIS program asks for GRE scores as well.", ("required", ["GRE"])),
    ("Applicants to the Department of Library Science must submit GRE scores.", ("required", ["GRE"])),
])
def test_a_rule_this_program_holds_is_read(text: str, expect: tuple[str, list[str]]) -> None:
    assert _exam(text) == expect


def test_an_imperative_to_every_applicant_is_a_requirement() -> None:
    assert _exam("Submit official GRE General Test or Miller Analogies Test (MAT) scores.") == ("required", ["GRE", "MAT"])
    assert _exam("\u2022 Transcripts \u2022 Submit official GRE scores") == ("required", ["GRE"])


def test_submit_inside_a_sentence_is_no_imperative() -> None:
    # "may submit" is optional, not the imperative at a sentence's start.
    assert _exam("Applicants may submit GRE scores.") == ("optional", ["GRE"])
    # An imperative with no exam named states no exam rule.
    assert parse_exam_rule("Submit official transcripts from all institutions attended.") is None


# ---- accreditation: of this program, by the ALA --------------------------------------------------


@pytest.mark.parametrize("text", [
    "Be sure to choose one that is accredited by the American Library Association.",
    "Look for schools that are accredited by the ALA.",
    "Only courses from a program that is accredited by the ALA transfer.",
])
def test_accreditation_said_of_a_kind_is_no_programs(text: str) -> None:
    assert binding.accredited_kind(text).strip() != text.strip()
    assert parse_accredited(text) is None


def test_accreditation_said_of_this_program_is_read() -> None:
    assert parse_accredited("Our MLIS program is accredited by the American Library Association.") is True
    assert parse_accredited("The program, which is accredited by the ALA, admits in fall.") is True


def test_candidacy_binds_to_the_ala_only_where_the_ala_is_named() -> None:
    assert parse_accredited("Like all new MSW programs, we must complete a period of candidacy before we are eligible for accreditation.") is None
    assert parse_accredited("The program has candidacy status with the ALA Committee on Accreditation.") is False
    assert parse_accredited("The MLIS is not yet accredited by the American Library Association.") is False
    assert not binding.ala_named("we must complete a period of candidacy")
    assert binding.ala_named("candidacy status with the ALA")


# ---- delivery: this program, not a kind ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "An online class is taught asynchronously and does not require a meeting at any set time.",
    "If a program is designated Live Virtual, students can complete every core course synchronously.",
    "Hybrid classes include two (2) hours of classroom time at a campus.",
    "Online Asynchronous Course (own time, off-campus)* All course activity is done online.",
    "Blended Program: The program has a mix of in-person, online, and blended courses.",
    "You will find schools that are online only, in-person, or have hybrid programs.",
])
def test_a_kind_of_course_or_program_binds_no_mode(text: str) -> None:
    assert binding.describes_a_kind(text)
    assert parse_delivery(text) is None


@pytest.mark.parametrize("text, expect", [
    ("The program is offered fully online. All online courses are asynchronous.", ("online", False)),
    ("Some courses are offered online, but the degree cannot be completed entirely online.", ("hybrid", None)),
    ("Delivery: Online", ("online", None)),
])
def test_this_programs_courses_are_not_a_kind(text: str, expect: tuple[str, bool | None]) -> None:
    assert not binding.describes_a_kind(text.split(". ")[-1])
    assert _mode(text) == expect


def test_a_kinds_sentence_still_times_this_programs_classes() -> None:
    # Alone, a bare plural of a mode binds no mode ...
    assert binding.describes_a_kind("Online courses are offered asynchronously.")
    assert parse_delivery("Online courses are offered asynchronously.") is None
    # ... but once another sentence binds the program's mode, it says how its classes run.
    text = "This program is delivered fully online. Online courses are offered asynchronously."
    assert _mode(text) == ("online", False)


def test_a_campus_word_ruled_out_is_no_campus() -> None:
    assert parse_delivery("Face-to-face meetings at a campus are not required.") is None
    assert parse_delivery("Classes meet face-to-face on campus every Tuesday.") == Delivery(mode="campus", synchronous=None)


def test_models_are_unchanged() -> None:
    assert ExamRule(status="required", exams=["GRE"]).status == "required"


def test_a_schedule_is_this_programs_not_a_kind() -> None:
    # (usm/mlis's recorded page): a bare plural that meets on a schedule is this program's classes.
    text = "Synchronous classes meet online once each week in virtual classrooms."
    assert not binding.describes_a_kind(text)
    assert _mode(text) == ("online", True)


def test_an_indefinite_fragment_naming_this_program_is_no_kind() -> None:
    text = "A low-residency program with a required one-week summer residency"
    assert not binding.describes_a_kind(text)
    assert _mode(text) == ("hybrid", None)
    assert binding.describes_a_kind("A hybrid program is one that mixes campus and online time.")


@pytest.mark.parametrize("text", [
    "Live online classes are held Tuesday and Thursday evenings.",
    "Online courses include required weekly live sessions; other coursework is asynchronous.",
])
def test_classes_on_a_schedule_are_this_programs(text: str) -> None:
    assert not binding.describes_a_kind(text)
    assert parse_delivery(text) is not None
