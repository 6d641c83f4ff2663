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


def _by_key(field: str, items: list) -> dict[tuple, list]:
    key = FIELDS[field].key or (lambda item: (canonical(item),))
    grouped: dict[tuple, list] = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped


def diff_items(field: str, old: list | None, new: list | None) -> dict[str, list]:
    """Which items of a list field were added, removed or changed. Items are matched by identity
    (term and applies_to for a deadline; kind, per, residency and applies_to for a rate); where
    several share an identity, identical items pair first, so only what moved is reported."""
    before, after = _by_key(field, old or []), _by_key(field, new or [])
    added, removed, changed = [], [], []
    for k in list(before) + [k for k in after if k not in before]:
        olds, news = list(before.get(k, [])), list(after.get(k, []))
        for item in list(olds):
            same = next((n for n in news if canonical(n) == canonical(item)), None)
            if same is not None:
                olds.remove(item)
                news.remove(same)
        for o, n in zip(olds, news):
            entry = {"key": list(k), "old": o, "new": n}
            if isinstance(o, dict) and "amount_usd" in o:
                entry["percent"] = percent(o["amount_usd"], n["amount_usd"])
            changed.append(entry)
        removed += olds[len(news):]
        added += news[len(olds):]
    return {"added": added, "removed": removed, "changed": sorted(changed, key=lambda e: canonical(e["key"]))}


def money_changes(field: str, old: Any, new: Any) -> list[float]:
    """The percent changes of every money amount that moved between two values of `field`."""
    spec = FIELDS.get(field)
    if spec is None or not spec.money or old is None or new is None:
        return []
    if spec.many:
        return [c["percent"] for c in diff_items(field, old, new)["changed"] if c.get("percent") is not None]
    change = percent(old, new)
    return [change] if change is not None else []
