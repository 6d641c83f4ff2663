"""Typed values the normalizers return (DESIGN section 3b; a contract tested from outside).

Every model is frozen and forbids unknown attributes. Decimals are canonical so that the
same fact written two ways ("$900", "$900.00") compares equal and never shows up as a
phantom change: money is quantized to cents, credits keep only significant digits (`plain`),
and a GPA keeps two decimals ("3.00"; a stated 3.125 stays 3.125).
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

Term = Literal["fall", "spring", "summer", "winter"]
TERMS: tuple[str, ...] = ("fall", "spring", "summer", "winter")

RateKind = Literal["tuition", "fee"]
Per = Literal["credit", "course", "term", "year", "program"]
Residency = Literal["any", "in_state", "out_of_state", "international"]
DeadlineKind = Literal["priority", "final", "preferred", "rolling"]
ExamStatus = Literal["required", "not_required", "optional", "conditional"]
DeliveryMode = Literal["online", "hybrid", "campus"]

CENT = Decimal("0.01")
_ISO_DATE = re.compile(r"^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# The years a deadline can carry: those deadlines.py reads ("19xx", "20xx"; "3/1/26" is 2026).
DEADLINE_YEARS = (1900, 2099)


def calendar_date(iso: str) -> bool:
    """A real day: `YYYY-MM-DD` in DEADLINE_YEARS, or `--MM-DD` (Feb 29 is a day of some year)."""
    match = _ISO_DATE.match(iso)
    if not match:
        return False
    year_text, month, day = match.groups()
    year = 2000 if year_text == "-" else int(year_text)
    if not DEADLINE_YEARS[0] <= year <= DEADLINE_YEARS[1]:
        return False
    return int(day) <= calendar.monthrange(year, int(month))[1]


def money(value: Decimal) -> Decimal:
    """US dollars, exact, to the cent."""
    return value.quantize(CENT)


def plain(value: Decimal) -> Decimal:
    """A count or a score without trailing zeros or an exponent: 37, 58.5, 3, 2.75."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


class Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rate(Value):
    """One stated price: tuition or a fee, per unit of study, for one residency."""

    kind: RateKind
    amount_usd: Decimal
    per: Per
    residency: Residency = "any"
    applies_to: str | None = None

    @field_validator("amount_usd")
    @classmethod
    def _cents(cls, v: Decimal) -> Decimal:
        if not v.is_finite() or v < 0:
            raise ValueError("amount must be a finite, non-negative number of dollars")
        return money(v)


class Deadline(Value):
    """One application deadline. `date` is ISO (`YYYY-MM-DD`) or `--MM-DD`; None when rolling."""

    term: Term | None = None
    date: str | None = None
    kind: DeadlineKind = "final"
    applies_to: str | None = None

    @field_validator("date")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not calendar_date(v):
            raise ValueError(f"date must be a real day, YYYY-MM-DD ({DEADLINE_YEARS[0]}-{DEADLINE_YEARS[1]}) "
                             f"or --MM-DD, not {v!r}")
        return v


class ExamRule(Value):
    """What the program asks of entrance exams (GRE, MAT, ...)."""

    status: ExamStatus
    exams: list[str] = []
    condition: str | None = None


class Duration(Value):
    months_min: int | None = None
    months_max: int | None = None


class Delivery(Value):
    mode: DeliveryMode
    synchronous: bool | None = None
