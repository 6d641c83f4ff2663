"""The shape of a field's value, one class per kind of value: how it is published (the typed
columns of `changes` / `pending_changes` and its rows in `change_items`, docs/schema.md), how it
is read back from those columns (the change feed), how a person reads it ("$900.00 per credit
(online campus)", "Fall Mar 15 (final)"), and how a claimed value is judged against ours (the
audit, crawler/audit.py: `judge` compares core values only: an exam status, an amount, a count,
a date).

Each field's spec in crawler/fields.py names its shape, so the publisher, the feed, the report,
the review CLI and the audit all ask the spec and none of them guesses from a value's keys. A
value is JSON as `read_fact` returns it (decimals as strings, lists of objects).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HUNDRED = Decimal(100)
WHO = {"any": None, "in_state": "in-state", "out_of_state": "out-of-state", "international": "international"}


def cents(amount: Any) -> int:
    """Dollars (a decimal string such as "900.00") as integer cents, exactly."""
    value = Decimal(str(amount)) * HUNDRED
    if value != value.to_integral_value():
        raise ValueError(f"{amount!r} is not a whole number of cents")
    return int(value)


def dollars_of(amount_cents: int) -> str:
    """Integer cents as the decimal string of dollars values hold."""
    return str(Decimal(amount_cents) / HUNDRED)


def dollars(amount: Any) -> str:
    """An amount as a person reads it: "$1,372.00"."""
    try:
        return f"${Decimal(str(amount)):,.2f}"
    except (InvalidOperation, ValueError):
        return f"${amount}"


def day(iso: str) -> str:
    """"--03-15" as "Mar 15", "2025-03-03" as "Mar 3, 2025"."""
    match = re.match(r"^(\d{4}|-)-(\d\d)-(\d\d)$", iso)
    if not match:
        return iso
    year, month, dd = match.groups()
    return f"{MONTHS[int(month) - 1]} {int(dd)}" + (f", {year}" if year != "-" else "")


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def empty_columns() -> dict:
    return {"text": None, "number": None, "number_max": None, "detail": None, "items": []}


def plain_words(value: Any) -> str:
    """A value of no known shape, as plainly as it can be said (never a repr)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain_words(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(plain_words(v) for v in value) or "(none)"
    return str(value)


VERIFIED, CONTRADICTED, NOT_STATED = "verified", "contradicted", "not_stated"


def combine(results: list[str]) -> str:
    """Several parts of one claim: one part contradicted contradicts it; all verified verify it."""
    if CONTRADICTED in results:
        return CONTRADICTED
    if results and all(r == VERIFIED for r in results):
        return VERIFIED
    return NOT_STATED


def _equal_numbers(a: Any, b: Any) -> bool:
    return Decimal(str(a)) == Decimal(str(b))


class Shape:
    """A text value: published in `text`, shown as it is, judged equal or not."""

    unit: str | None = None  # the `unit` column of changes (docs/schema.md)

    def encode(self, value: Any) -> dict:
        out = empty_columns()
        if not isinstance(value, str):  # a new structured field needs a shape of its own, never a repr
            raise ValueError(f"no published shape for {type(value).__name__} values")
        out["text"] = value
        return out

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return columns["text"]

    def words(self, value: Any) -> str:
        """One value (one item of a list field) as a person reads it."""
        return plain_words(value)

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        """(verified / contradicted / not_stated, a note on how) for a claimed and our value, both stated."""
        return (VERIFIED if claimed == ours else CONTRADICTED), None

    def verdict(self, claimed: Any, ours: Any, evidence: str | None) -> tuple[str, str | None]:
        """`judge`, where the words of our evidence can matter too (a shape whose value alone
        cannot contradict a claim overrides this)."""
        return self.judge(claimed, ours)


class Mode(Shape):
    """How a program is taught. Our `online` means it can be finished online (delivery.py); that
    contradicts a claimed `hybrid` (some time on campus required) only where our evidence says no
    campus time is needed ("entirely online", "cannot take face to face courses")."""

    NO_CAMPUS = re.compile(
        r"\b(?:fully|entirely|completely|totally|wholly|exclusively|only|100\s?%)\s+(?:\w+\s+)?online\b"
        r"|\bonline\s+only\b|\b(?:no|without\s+(?:any\s+)?)(?:campus|on-campus|in-person)\s+(?:visits?|residenc\w+|attendance)\b"
        r"|\b(?:cannot|can\s?not|do\s+not|don't)\s+(?:take|attend)\s+(?:any\s+)?(?:face[-\s]to[-\s]face|in-person|on-campus)\b"
        r"|\bnever\s+(?:need|have)\s+to\s+(?:come|visit)\b",
        re.I)

    def verdict(self, claimed: Any, ours: Any, evidence: str | None) -> tuple[str, str | None]:
        if claimed == "hybrid" and ours == "online" and not self.NO_CAMPUS.search(evidence or ""):
            return NOT_STATED, "our pages say it is taught online, not whether any campus time is required"
        return self.judge(claimed, ours)


class Number(Shape):
    def __init__(self, unit: str):
        self.unit = unit

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        return (VERIFIED if _equal_numbers(claimed, ours) else CONTRADICTED), None

    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "number": _number(value)}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return columns["number"] if columns["number"] is not None else columns["text"]


class Money(Shape):
    unit = "cents"

    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "number": cents(value)}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return None if columns["number"] is None else dollars_of(columns["number"])

    def words(self, value: Any) -> str:
        return dollars(value)

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        return (VERIFIED if _equal_numbers(claimed, ours) else CONTRADICTED), None


class Boolean(Shape):
    unit = "boolean"

    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "number": int(value)}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return None if columns["number"] is None else bool(columns["number"])

    def words(self, value: Any) -> str:
        return "yes" if value else "no"


class Rates(Shape):
    """Tuition rates or fees: one item per stated amount."""

    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "items": [
            {"kind": r["kind"], "amount_cents": cents(r["amount_usd"]), "per": r["per"], "residency": r["residency"],
             "applies_to_label": r.get("applies_to")} for r in value]}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return [{"kind": i["kind"], "amount_usd": dollars_of(i["amount_cents"]), "per": i["per"],
                 "residency": i["residency"], "applies_to": i["applies_to_label"]} for i in items] or None

    def words(self, rate: Any) -> str:
        if not isinstance(rate, dict) or "amount_usd" not in rate:  # not this shape: said plainly
            return plain_words(rate)
        qualifiers = [q for q in (WHO.get(rate["residency"]), rate.get("applies_to")) if q]
        label = "" if rate["kind"] == "tuition" else "fee "
        return f"{label}{dollars(rate['amount_usd'])} per {rate['per']}" + (
            f" ({', '.join(qualifiers)})" if qualifiers else "")

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        """A claimed "$900 per credit" is verified by a rate of $900.00 per credit for the same
        residency, contradicted when our rates per credit are all other amounts, not stated when
        we have none per credit."""
        results = []
        for rate in claimed:
            same_unit = [r for r in ours if r["kind"] == rate["kind"] and r["per"] == rate["per"]
                         and (rate["residency"] == "any" or r["residency"] in (rate["residency"], "any"))]
            if not same_unit:
                results.append(NOT_STATED)
            elif any(cents(r["amount_usd"]) == cents(rate["amount_usd"]) for r in same_unit):
                results.append(VERIFIED)
            else:
                results.append(CONTRADICTED)
        return combine(results), None


class Deadlines(Shape):
    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "items": [
            {"term": d.get("term"), "date": d.get("date"), "kind": d["kind"], "applies_to_label": d.get("applies_to")}
            for d in value]}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return [{"term": i["term"], "date": i["date"], "kind": i["kind"], "applies_to": i["applies_to_label"]}
                for i in items] or None

    def words(self, deadline: Any) -> str:
        if not isinstance(deadline, dict) or "date" not in deadline:  # not this shape: said plainly
            return plain_words(deadline)
        term = (deadline.get("term") or "any term").capitalize()
        when = "rolling" if deadline["date"] is None else day(deadline["date"])
        qualifiers = [deadline["kind"]] + ([deadline["applies_to"]] if deadline.get("applies_to") else [])
        return f"{term} {when} ({', '.join(qualifiers)})"

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        """Per term, by date (a year only where both give one), or by month when the claim gives
        months only ({"months": {term: month}}: "Fall: June" is verified by any fall deadline in June)."""
        by_term: dict[str | None, list[dict]] = defaultdict(list)
        for d in ours:
            by_term[d["term"]].append(d)
        results = []
        if isinstance(claimed, dict):  # months only
            for term, month in claimed["months"].items():
                dates = [d["date"] for d in by_term.get(term, []) if d["date"]]
                if not dates:
                    results.append(NOT_STATED)
                else:
                    results.append(VERIFIED if any(int(d[-5:-3]) == month for d in dates) else CONTRADICTED)
            return combine(results), "compared by month per term: the claim gives months only"
        for deadline in claimed:
            if deadline["date"] is None:  # rolling
                rolling = [d for d in by_term.get(deadline["term"], []) if d["kind"] == "rolling"]
                results.append(VERIFIED if rolling else (CONTRADICTED if by_term.get(deadline["term"]) else NOT_STATED))
                continue
            dates = [d["date"] for d in by_term.get(deadline["term"], []) if d["date"]]
            if not dates:
                results.append(NOT_STATED)
                continue
            results.append(VERIFIED if any(_same_day(d, deadline["date"]) for d in dates) else CONTRADICTED)
        return combine(results), None


def _same_day(ours: str, claimed: str) -> bool:
    """The same day of the year, and the same year where both state one ("--03-15" has none)."""
    if ours[-5:] != claimed[-5:]:
        return False
    ours_year = None if ours.startswith("--") else ours[:4]
    claimed_year = None if claimed.startswith("--") else claimed[:4]
    return claimed_year is None or ours_year is None or claimed_year == ours_year


class Terms(Shape):
    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "items": [{"term": term} for term in value]}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        return [i["term"] for i in items] or None

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        return (VERIFIED if set(claimed) == set(ours) else CONTRADICTED), None


class ExamRule(Shape):
    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "text": value.get("status"), "detail": value.get("condition"),
                "items": [{"exam": exam} for exam in value.get("exams") or []]}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        if not columns["text"]:
            return None
        return {"status": columns["text"], "condition": columns["detail"], "exams": [i["exam"] for i in items]}

    def words(self, rule: Any) -> str:
        if not isinstance(rule, dict) or "status" not in rule:  # not this shape: said plainly
            return plain_words(rule)
        exams = "/".join(rule.get("exams") or []) or "entrance exam"
        text = f"{exams} {rule['status'].replace('_', ' ')}"
        return text + (f": {rule['condition']}" if rule.get("condition") else "")

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        return (VERIFIED if claimed["status"] == ours["status"] else CONTRADICTED), "compared by exam status"


class Length(Shape):
    unit = "months"

    def encode(self, value: Any) -> dict:
        return {**empty_columns(), "number": _number(value.get("months_min")),
                "number_max": _number(value.get("months_max"))}

    def decode(self, columns: dict, items: list[dict]) -> Any:
        low, high = columns["number"], columns["number_max"]
        return {"months_min": low, "months_max": high} if (low or high) else None

    def words(self, value: Any) -> str:
        if not isinstance(value, dict) or "months_min" not in value:  # not this shape: said plainly
            return plain_words(value)
        low, high = value.get("months_min"), value.get("months_max")
        return f"{low}-{high} months" if low != high and low and high else f"{low or high} months"

    def judge(self, claimed: Any, ours: Any) -> tuple[str, str | None]:
        """By the bounds the claim states ("as few as 21 months" names only the shortest)."""
        pairs = [(claimed[k], ours[k]) for k in ("months_min", "months_max")
                 if claimed[k] is not None and ours[k] is not None]
        if not pairs:
            return NOT_STATED, "no length bound both state"
        return (VERIFIED if all(_equal_numbers(a, b) for a, b in pairs) else CONTRADICTED), None


TEXT = Shape()
MODE = Mode()
MONEY = Money()
BOOLEAN = Boolean()
RATES = Rates()
DEADLINES = Deadlines()
TERMS = Terms()
EXAM_RULE = ExamRule()
LENGTH = Length()
