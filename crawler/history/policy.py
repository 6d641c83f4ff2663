"""Review policy: which changes are safe to publish and which wait for a maintainer.

Every threshold lives here, in `POLICY` (documented in docs/operations.md). A change is
held `pending` when it looks like a misread rather than news:

- money: any tuition rate, fee or application fee that moves by more than `money_jump`;
- a value outside its plausible band (`bands`), e.g. credits outside 24-72;
- a field that vanished (`removed`), a program that disappeared (`program_removed`);
- a mass change: more than `mass_change_share` of one site's published values change at once;
- anything from a site whose circuit breaker tripped: fewer programs than are published, or a
  field silently missing from programs read completely, beyond `program_drop` / `coverage_drop`.

Breakage (`extraction_failed`, `fetch_failed`) never alters a value, so it needs no decision:
it is recorded as accepted and shown in the report under what broke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from crawler.fields import FIELDS
from crawler.history.diff import money_changes
from crawler.states import BREAKAGE, VALUE_KINDS, Kind, Status

__all__ = ["BREAKAGE", "POLICY", "VALUE_KINDS", "Policy", "review"]



@dataclass(frozen=True)
class Policy:
    money_jump: float = 25.0  # percent
    # Each field's plausible band is part of its spec (crawler/fields.py); a policy may override.
    bands: dict[str, tuple[Decimal, Decimal]] = field(
        default_factory=lambda: {name: spec.band for name, spec in FIELDS.items() if spec.band}
    )
    # Per-credit tuition outside this band is almost surely a misread (a total read as a rate).
    tuition_per_credit: tuple[Decimal, Decimal] = (Decimal(50), Decimal(5000))
    mass_change_share: float = 0.5
    mass_change_min_values: int = 10
    removal_confirmations: int = 3  # healthy crawls in a row without a program before it is removed
    program_drop: float = 0.2
    coverage_drop: float = 0.2


POLICY = Policy()


def review(kind: str, field_name: str | None, old: Any, new: Any, policy: Policy = POLICY) -> tuple[str, str | None]:
    """(status, reason) for one change, judged on its own."""
    if kind in BREAKAGE:
        return Status.ACCEPTED, None
    if kind == Kind.REMOVED:
        return Status.PENDING, "the field is no longer stated; confirm it was really dropped"
    if kind == Kind.PROGRAM_REMOVED:
        return Status.PENDING, "the program is no longer listed; confirm before removing it"
    if kind == Kind.PROGRAM_ADDED:
        return Status.ACCEPTED, None
    out_of_band = _out_of_band(field_name, new, policy)
    if out_of_band:
        return Status.PENDING, out_of_band
    jumps = [p for p in money_changes(field_name, old, new) if abs(p) > policy.money_jump]
    if jumps:
        return Status.PENDING, f"money moved by {', '.join(f'{p:+.1f}%' for p in jumps)} (limit {policy.money_jump:g}%)"
    return Status.ACCEPTED, None


def _out_of_band(field_name: str | None, value: Any, policy: Policy) -> str | None:
    if value is None:
        return None
    if field_name in policy.bands:
        low, high = policy.bands[field_name]
        number = _decimal(value)
        if number is not None and not low <= number <= high:
            return f"{field_name} {number} is outside the plausible range {low}-{high}"
    if field_name == "tuition" and isinstance(value, list):
        low, high = policy.tuition_per_credit
        for rate in value:
            amount = _decimal(rate.get("amount_usd"))
            if rate.get("kind") == "tuition" and rate.get("per") == "credit" and amount is not None and not low <= amount <= high:
                return f"tuition of ${amount} per credit is outside the plausible range ${low}-${high}"
    return None


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
