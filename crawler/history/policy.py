"""Review policy: which changes are safe to publish and which wait for a maintainer.

Every threshold lives here, in `POLICY` (documented in docs/operations.md). A change is
held `pending` when it looks like a misread rather than news:

- money: any tuition rate, fee or application fee that moves by more than `money_jump`;
- a value outside its plausible band (`bands`, `rate_bands`), e.g. credits outside 24-72, new or
  changed or a program's first value alike;
- a list that gains an item beside an accepted one of the same identity (a second per-credit
  rate), and pages of one site that disagree: `conflict`, held until a maintainer picks;
- a field that vanished (`removed`), a program that disappeared (`program_removed`);
- a mass change: more than `mass_change_share` of one site's published values change at once;
- anything from a site whose circuit breaker tripped: fewer programs than are published, or a
  field silently missing from programs read completely, beyond `program_drop` / `coverage_drop`,
  or programs jumping (`program_jump_share`, `program_jump_max`);
- a program first seen while its site is degraded;
- a per-credit tuition far from the school's official graduate charge in the operator's IPEDS
  file (`ipeds_file`, outside `ipeds_low`..`ipeds_high` times it: crawler/ipeds.py), the figure
  beside it in the reason. No file: nothing held, nothing said.

Breakage (`extraction_failed`, `fetch_failed`) never alters a value, so it needs no decision:
it is recorded as accepted and shown in the report under what broke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from decimal import Decimal, InvalidOperation
from typing import Any

from crawler.fields import FIELDS, RATE_BANDS
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
    # Every rate and fee, by (kind, per): crawler/fields.py RATE_BANDS.
    rate_bands: dict[tuple[str, str], tuple[Decimal, Decimal]] = field(default_factory=lambda: dict(RATE_BANDS))
    mass_change_share: float = 0.5
    mass_change_min_values: int = 10
    removal_confirmations: int = 3  # healthy crawls in a row without a program before it is removed
    program_drop: float = 0.2
    coverage_drop: float = 0.2
    # A site whose programs jump: more new programs at once than this share of those published,
    # or than this many, trips its circuit breaker (a widened selector, a listing misread).
    program_jump_share: float = 0.5
    program_jump_max: int = 10
    # Page self-checks (crawler/crawl/pagecheck.py): a page smaller than this share of its last
    # good copy among the site's last `size_memory` crawls is `truncated` (states nothing).
    min_size_ratio: float = 0.7
    size_memory: int = 7
    # A second source (docs/ipeds.md): the operator's IPEDS cost file; "" is none.
    ipeds_file: str = ""
    ipeds_low: float = 0.5
    ipeds_high: float = 2.0

    def ipeds(self):
        """The IPEDS table the policy compares per-credit tuition with, or None without a file."""
        return _ipeds_table(self.ipeds_file) if self.ipeds_file else None


@lru_cache(maxsize=2)
def _ipeds_table(path: str):
    from crawler import ipeds  # read only when a file is configured

    return ipeds.load(Path(path))


POLICY = Policy()


def review(kind: str, field_name: str | None, old: Any, new: Any, policy: Policy = POLICY,
           unitid: str | None = None) -> tuple[str, str | None]:
    """(status, reason) for one change, judged on its own. A program's first values are judged one
    by one as `added` (reconcile does that), so no value skips the bands."""
    if kind in BREAKAGE:
        return Status.ACCEPTED, None
    if kind == Kind.CONFLICT:
        return Status.PENDING, "pages disagree: pick the page that is right (review accept ID --use URL)"
    if kind == Kind.REMOVED:
        return Status.PENDING, "the field is no longer stated; confirm it was really dropped"
    if kind == Kind.PROGRAM_REMOVED:
        return Status.PENDING, "the program is no longer listed; confirm before removing it"
    if kind == Kind.PROGRAM_ADDED:
        return Status.ACCEPTED, None
    out_of_band = out_of_band_reason(field_name, new, policy)
    if out_of_band:
        return Status.PENDING, out_of_band
    official = ipeds_reason(field_name, new, policy, unitid)
    if official:
        return Status.PENDING, official
    jumps = [p for p in money_changes(field_name, old, new) if abs(p) > policy.money_jump]
    if jumps:
        return Status.PENDING, f"money moved by {', '.join(f'{p:+.1f}%' for p in jumps)} (limit {policy.money_jump:g}%)"
    return Status.ACCEPTED, None


OUT_OF_BAND = "outside the plausible range"  # every band reason says so (reconcile flags the site on it)


def ipeds_reason(field_name: str | None, value: Any, policy: Policy, unitid: str | None) -> str | None:
    """Why a tuition value waits beside the school's official per-credit charge, or None."""
    table = policy.ipeds() if field_name == "tuition" and isinstance(value, list) else None
    if table is None:
        return None
    from crawler.ipeds import check_rate

    for rate in value:
        reason = check_rate(rate, unitid, table, policy.ipeds_low, policy.ipeds_high)
        if reason:
            return reason
    return None


def out_of_band_reason(field_name: str | None, value: Any, policy: Policy = POLICY) -> str | None:
    """Why a value is implausible (outside its band), or None."""
    if value is None:
        return None
    if field_name in policy.bands:
        low, high = policy.bands[field_name]
        numbers = ([value.get("months_min"), value.get("months_max")] if isinstance(value, dict) and "months_min" in value
                   else [value] if not isinstance(value, (dict, list)) else [])
        for number in (_decimal(v) for v in numbers if v is not None):
            if number is not None and not low <= number <= high:
                unit = " months" if isinstance(value, dict) else ""
                return f"{field_name} {number}{unit} is {OUT_OF_BAND} {low}-{high}"
    spec = FIELDS.get(field_name or "")
    if spec is not None and spec.many and spec.money and isinstance(value, list):
        for rate in value:
            if not isinstance(rate, dict):
                continue
            band = policy.rate_bands.get((rate.get("kind"), rate.get("per")))
            amount = _decimal(rate.get("amount_usd"))
            if band and amount is not None and not band[0] <= amount <= band[1]:
                return (f"{rate['kind']} of ${amount} per {rate['per']} is {OUT_OF_BAND} "
                        f"${band[0]}-${band[1]}")
    return None


_out_of_band = out_of_band_reason  # the name before rate bands covered every kind and `per`


def clashes(field_name: str | None, old: Any, new: Any) -> list[tuple[dict, list[dict]]]:
    """Items a list gained beside an accepted one of the same identity (kind, per, residency and
    scope for a rate; term, kind and scope for a deadline): (gained, the accepted ones beside it).
    Two values for one slot is a conflict to decide, not an addition."""
    spec = FIELDS.get(field_name or "")
    if spec is None or not spec.many or spec.key is None or not isinstance(old, list) or not isinstance(new, list):
        return []
    out = []
    for item in new:
        if item in old:
            continue
        same = spec.key(item)
        before = [o for o in old if spec.key(o) == same]
        beside = [o for o in before if o in new]
        # More values for the slot than were accepted, the accepted ones still there: a second value.
        # As many as before (one replaced) is a change, judged as one (money limit, bands).
        if beside and sum(spec.key(n) == same for n in new) > len(before):
            out.append((item, beside))
    return out


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
