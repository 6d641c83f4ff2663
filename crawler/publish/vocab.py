"""The closed vocabulary of `applies_to` in programs.db (schema version 2, docs/schema.md).

The normalizers write `applies_to` as lowercase qualifiers joined by ", " (crawler/normalize/
__init__.py lists them). The published file splits each label into columns a query can use
(`WHERE modality = 'online' AND residency IN ('any', 'out_of_state')`) and keeps the label
itself in `applies_to_label`. A qualifier outside the vocabulary is never dropped: it goes to
`applies_to_other`, so a careful reader can tell a row meant for a narrower group.
"""

from __future__ import annotations

import re
from decimal import Decimal

# qualifier -> (modality, campus)
_PLACES = {
    "online campus": ("online", "online"),
    "main campus": ("campus", "main"),
    "global campus": (None, "global"),  # a campus of its own; its delivery is not stated by the label
    "on campus": ("campus", None),
    "campus": ("campus", None),
    "online": ("online", None),
    "hybrid": ("hybrid", None),
}
_APPLICANTS = {"domestic": "domestic", "international": "international"}
_ATTENDANCE = {"full-time": "full_time", "part-time": "part_time"}
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?) credits$")
_AT_LEAST = re.compile(r"^(\d+(?:\.\d+)?)\+ credits$")
_COURSE = re.compile(r"^(\d+(?:\.\d+)?)-credit courses$")

COLUMNS = ("modality", "campus", "applicant", "attendance", "credits_min", "credits_max", "credit_system",
           "course_credits", "applies_to_other", "applies_to_label")


def _number(text: str) -> float:
    return float(Decimal(text))


def split_applies_to(label: str | None) -> dict:
    """One `applies_to` label as the vocabulary's columns (None where the label says nothing)."""
    out: dict = dict.fromkeys(COLUMNS)
    out["applies_to_label"] = label
    other = []
    for part in (p.strip() for p in (label or "").split(",")):
        if not part:
            continue
        if part in _PLACES:
            modality, campus = _PLACES[part]
            out["modality"] = out["modality"] or modality
            out["campus"] = out["campus"] or campus
        elif part in _APPLICANTS:
            out["applicant"] = _APPLICANTS[part]
        elif part in _ATTENDANCE:
            out["attendance"] = _ATTENDANCE[part]
        elif part == "quarter credits":
            out["credit_system"] = "quarter"
        elif m := _RANGE.match(part):
            out["credits_min"], out["credits_max"] = _number(m[1]), _number(m[2])
        elif m := _AT_LEAST.match(part):
            out["credits_min"] = _number(m[1])
        elif m := _COURSE.match(part):
            out["course_credits"] = _number(m[1])
        else:
            other.append(part)
    out["applies_to_other"] = ", ".join(other) or None
    return out
