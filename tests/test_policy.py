"""The review policy, staging's merge rule and read_fact, as pure functions: every hold fires."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

from crawler.fields import read_fact
from crawler.items import ALL_PROGRAMS
from crawler.fields import RATE_BANDS
from crawler.history.policy import POLICY, Policy, clashes, review
from crawler.history.stage import merge


def rate(amount: str, per: str = "credit", kind: str = "tuition") -> dict:
    return {"kind": kind, "amount_usd": amount, "per": per, "residency": "any", "applies_to": None}


@pytest.mark.parametrize("kind, field, old, new, expected", [
    ("changed", "total_credits", "36", "37", ("accepted", None)),
    ("changed", "total_credits", "36", "90", ("pending", "total_credits 90 is outside the plausible range 24-72")),
    ("added", "total_credits", None, "12", ("pending", "total_credits 12 is outside the plausible range 24-72")),
    ("changed", "min_gpa", "3.00", "2.75", ("accepted", None)),
    ("changed", "min_gpa", "3.00", "30.00", ("pending", "min_gpa 30.00 is outside the plausible range 2.0-4.0")),
    ("added", "min_gpa", None, "1.50", ("pending", "min_gpa 1.50 is outside the plausible range 2.0-4.0")),
    ("changed", "application_fee", "50.00", "60.00", ("accepted", None)),
    ("changed", "application_fee", "50.00", "500.00", ("pending", "application_fee 500.00 is outside the plausible range 0-250")),
    ("changed", "application_fee", "56.00", "75.00", ("pending", "money moved by +33.9% (limit 25%)")),
    ("added", "tuition", None, [rate("900.00")], ("accepted", None)),
    ("added", "tuition", None, [rate("9000.00")],
     ("pending", "tuition of $9000.00 per credit is outside the plausible range $50-$5000")),
    ("added", "tuition", None, [rate("9000.00", per="term")], ("accepted", None)),  # a per-term rate may be large
    ("changed", "tuition", [rate("900.00")], [rate("1125.00")], ("accepted", None)),  # exactly +25%
    ("changed", "tuition", [rate("900.00")], [rate("1126.00")], ("pending", "money moved by +25.1% (limit 25%)")),
    ("removed", "entrance_exam", {"status": "not_required"}, None,
     ("pending", "the field is no longer stated; confirm it was really dropped")),
    ("program_removed", None, "active", "removed", ("pending", "the program is no longer listed; confirm before removing it")),
    ("program_added", None, None, {"name": "MLIS"}, ("accepted", None)),
    ("extraction_failed", "min_gpa", "3.00", None, ("accepted", None)),  # breakage never alters a value
    # Bands for every rate kind and `per`, first values included.
    ("added", "tuition", None, [rate("9999999.00", per="term")],
     ("pending", "tuition of $9999999.00 per term is outside the plausible range $500-$40000")),
    ("added", "tuition", None, [rate("20.00", per="year")],
     ("pending", "tuition of $20.00 per year is outside the plausible range $1000-$80000")),
    ("changed", "fees", [rate("228.00", per="term", kind="fee")], [rate("22800.00", per="term", kind="fee")],
     ("pending", "fee of $22800.00 per term is outside the plausible range $1-$10000")),
    ("added", "fees", None, [rate("900000.00", per="program", kind="fee")],
     ("pending", "fee of $900000.00 per program is outside the plausible range $1-$50000")),
    ("added", "application_fee", None, "560.00", ("pending", "application_fee 560.00 is outside the plausible range 0-250")),
    ("added", "duration", None, {"months_min": 24, "months_max": 240},
     ("pending", "duration 240 months is outside the plausible range 6-96")),
    ("added", "duration", None, {"months_min": 12, "months_max": 36}, ("accepted", None)),
    ("conflict", "entrance_exam", None, [], ("pending", "pages disagree: pick the page that is right (review accept ID --use URL)")),
])
def test_review(kind, field, old, new, expected):
    assert review(kind, field, old, new) == expected


def test_thresholds_live_in_one_policy_object():
    strict = Policy(money_jump=5.0, bands={"total_credits": (Decimal(30), Decimal(40))})
    assert review("changed", "tuition", [rate("900.00")], [rate("950.00")], strict)[0] == "pending"
    assert review("changed", "total_credits", "36", "42", strict)[0] == "pending"
    assert review("changed", "total_credits", "36", "42", POLICY)[0] == "accepted"


def fact(field: str, value, text: str = "text", url: str = "https://x.edu/p", programs=(ALL_PROGRAMS,), **extra) -> dict:
    return {"field": field, "value": value, "text": text, "url": url, "programs": list(programs), **extra}


def test_two_pages_that_disagree_on_a_single_value_are_a_conflict_with_each_page_kept():
    merged = merge(["u/a"], [fact("total_credits", "36", text="36 credits", url="https://x.edu/1"),
                             fact("total_credits", "39", text="39 credits", url="https://x.edu/2")])
    obs = merged[("u/a", "total_credits")]
    assert obs.state == "conflict"  # not a guess, not a value: each page's value, for a maintainer to pick
    assert obs.value == [{"url": "https://x.edu/1", "value": "36", "evidence": [{"text": "36 credits", "url": "https://x.edu/1"}]},
                         {"url": "https://x.edu/2", "value": "39", "evidence": [{"text": "39 credits", "url": "https://x.edu/2"}]}]
    assert obs.problem == 'pages disagree: "36" / "39"'
    assert [e["url"] for e in obs.evidence] == ["https://x.edu/1", "https://x.edu/2"]


def test_disagreement_beside_an_unreadable_page_stays_unknown():
    merged = merge(["u/a"], [fact("total_credits", "36", url="https://x.edu/1"), fact("total_credits", "39", url="https://x.edu/2"),
                             fact("total_credits", None, url="https://x.edu/3", missing="not found on the page")])
    assert merged[("u/a", "total_credits")].state == "unknown"


def test_a_list_with_one_unreadable_piece_is_unknown_as_a_whole():
    deadline = {"term": "fall", "date": "--05-15", "kind": "final", "applies_to": None}
    merged = merge(["u/a"], [fact("application_deadlines", [deadline]),
                             fact("application_deadlines", None, problem="application_deadlines: unreadable")])
    obs = merged[("u/a", "application_deadlines")]
    assert obs.state == "unknown" and obs.problem == "application_deadlines: unreadable"


def test_facts_for_named_programs_go_to_those_programs_only():
    merged = merge(["u/a", "u/b"], [fact("total_credits", "36", programs=["u/b"])])
    assert set(merged) == {("u/b", "total_credits")}


@pytest.mark.parametrize("field, text, expected", [
    ("total_credits", "Minimum Total Units Required: 37", ("37", None)),
    ("total_credits", "Minimum Total Units Required: TBD", (None, "total_credits: the text does not state a value we can read")),
    ("shoe_size", "42", (None, "unknown field 'shoe_size'")),
])
def test_read_fact_never_raises_and_never_guesses(field, text, expected):
    assert read_fact(field, text) == expected


def test_every_rate_kind_and_per_has_a_band_and_the_recorded_rates_fit():
    from crawler.normalize.models import Per, RateKind

    kinds, pers = get_args(RateKind), get_args(Per)
    assert set(RATE_BANDS) == {(k, p) for k in kinds for p in pers}
    for kind, per, amount in [("tuition", "credit", "556.12"), ("tuition", "credit", "1372.00"), ("tuition", "term", "16145.00"),
                              ("tuition", "term", "4999.00"), ("fee", "credit", "61.90"), ("fee", "term", "835.48")]:
        assert review("added", "tuition", None, [rate(amount, per=per, kind=kind)]) == ("accepted", None)


def test_a_second_rate_beside_the_accepted_one_is_a_clash_a_replacement_is_not():
    old = [rate("900.00")]
    assert clashes("tuition", old, [rate("900.00"), rate("950.00")]) == [(rate("950.00"), [rate("900.00")])]
    assert clashes("tuition", old, [rate("950.00")]) == []                         # a change, judged as one
    assert clashes("tuition", old, [rate("900.00"), rate("950.00", per="term")]) == []  # another slot: an addition
    assert clashes("tuition", None, [rate("900.00"), rate("950.00")]) == []         # a first value: bands judge it
    # Two fees share a slot already (a program fee and a university fee per term): one of them
    # moving is a change, a third one appearing is a conflict.
    fees = [rate("350.00", per="term", kind="fee"), rate("835.48", per="term", kind="fee")]
    assert clashes("tuition", fees, [rate("375.00", per="term", kind="fee"), fees[1]]) == []
    assert clashes("tuition", fees, [*fees, rate("99.00", per="term", kind="fee")]) == [
        (rate("99.00", per="term", kind="fee"), fees)]
    fall = {"term": "fall", "date": "--03-15", "kind": "final", "applies_to": None}
    later = {**fall, "date": "--04-01"}
    assert clashes("application_deadlines", [fall], [fall, later]) == [(later, [fall])]
