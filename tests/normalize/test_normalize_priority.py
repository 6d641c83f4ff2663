"""The phrasings the end-to-end skeleton depends on (University of Arizona pages)."""

from decimal import Decimal

from crawler.normalize import (
    Deadline,
    Delivery,
    ExamRule,
    Rate,
    parse_accredited,
    parse_credits,
    parse_deadlines,
    parse_delivery,
    parse_exam_rule,
    parse_gpa,
    parse_tuition,
)


def rate(kind, amount, per, residency="any", applies_to=None):
    return Rate(kind=kind, amount_usd=Decimal(amount), per=per, residency=residency, applies_to=applies_to)


def test_arizona_online_tuition():
    text = "Online Campus $900 per unit + $228 program fees (7+ units) Example: 9 units = $8,328.00"
    assert parse_tuition(text) == [
        rate("tuition", "900", "credit", applies_to="online campus"),
        rate("fee", "228", "term", applies_to="online campus, 7+ credits"),
    ]


def test_arizona_in_state_tuition():
    text = (
        "In-State On-Campus $6,359 tuition + $350 program fees + $835.48 university fees* "
        "per semester (7+ units)"
    )
    where = "on campus, 7+ credits"
    assert parse_tuition(text) == [
        rate("tuition", "6359", "term", "in_state", where),
        rate("fee", "350", "term", "in_state", where),
        rate("fee", "835.48", "term", "in_state", where),
    ]


def test_arizona_out_of_state_and_international_tuition():
    text = (
        "Out-of-State & International On-Campus $16,145 tuition + $450 program fees + "
        "$835.48 university fees* per semester (9+ units)"
    )
    where = "on campus, 9+ credits"
    assert parse_tuition(text) == [
        rate(kind, amount, "term", residency, where)
        for residency in ("out_of_state", "international")
        for kind, amount in (("tuition", "16145"), ("fee", "450"), ("fee", "835.48"))
    ]


def test_arizona_main_campus_deadlines():
    text = (
        "Main Campus Fall: February 1 Currently closed Spring: August 1 Currently open "
        "Summer: March 1 Currently closed"
    )
    assert parse_deadlines(text) == [
        Deadline(term="fall", date="--02-01", kind="final", applies_to="main campus"),
        Deadline(term="spring", date="--08-01", kind="final", applies_to="main campus"),
        Deadline(term="summer", date="--03-01", kind="final", applies_to="main campus"),
    ]


def test_arizona_domestic_deadlines():
    text = "Domestic Applicants Fall: February 15 Spring: October 15 Summer: March 15"
    assert parse_deadlines(text) == [
        Deadline(term="fall", date="--02-15", applies_to="domestic"),
        Deadline(term="spring", date="--10-15", applies_to="domestic"),
        Deadline(term="summer", date="--03-15", applies_to="domestic"),
    ]


def test_arizona_single_facts():
    assert parse_credits("Minimum Total Units Required: 37") == Decimal("37")
    gpa = parse_gpa("A minimum cumulative GPA of 3.0 on a 4.0 scale in the last 60 units of coursework")
    assert (gpa, str(gpa)) == (Decimal("3.00"), "3.00")
    assert parse_exam_rule("The GRE is not required for admission.") == ExamRule(status="not_required", exams=["GRE"])
    assert parse_accredited(
        "The MA in Library and Information Science is accredited by the American Library Association (ALA)."
    ) is True
    assert parse_delivery("Offered on the Tucson campus and fully online through Arizona Online.") == Delivery(
        mode="online", synchronous=None
    )
