"""Compare two values of one field, item by item for lists, with percent change for money."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from crawler.fields import FIELDS, canonical


def percent(old: Any, new: Any) -> float | None:
    """Percent change between two money amounts (decimal strings), None when not comparable."""
    try:
        before, after = Decimal(str(old)), Decimal(str(new))
    except (InvalidOperation, ValueError):
        return None
    if before == 0:
        return None
    return float(round((after - before) / before * 100, 1))


def _keyed(field: str, items: list) -> dict[tuple, Any]:
    key = FIELDS[field].key or (lambda item: (canonical(item),))
    keyed: dict[tuple, Any] = {}
    for item in items:
        k = key(item)
        while k in keyed:  # two items with one identity: keep both, in order
            k = (*k, "#")
        keyed[k] = item
    return keyed


def diff_items(field: str, old: list | None, new: list | None) -> dict[str, list]:
    """Which items of a list field were added, removed or changed (matched by identity)."""
    before, after = _keyed(field, old or []), _keyed(field, new or [])
    changed = []
    for k in before.keys() & after.keys():
        if canonical(before[k]) != canonical(after[k]):
            entry = {"key": list(k), "old": before[k], "new": after[k]}
            if isinstance(before[k], dict) and "amount_usd" in before[k]:
                entry["percent"] = percent(before[k]["amount_usd"], after[k]["amount_usd"])
            changed.append(entry)
    return {
        "added": [after[k] for k in after if k not in before],
        "removed": [before[k] for k in before if k not in after],
        "changed": sorted(changed, key=lambda e: canonical(e["key"])),
    }


def money_changes(field: str, old: Any, new: Any) -> list[float]:
    """The percent changes of every money amount that moved between two values of `field`."""
    spec = FIELDS.get(field)
    if spec is None or not spec.money or old is None or new is None:
        return []
    if spec.many:
        return [c["percent"] for c in diff_items(field, old, new)["changed"] if c.get("percent") is not None]
    change = percent(old, new)
    return [change] if change is not None else []
