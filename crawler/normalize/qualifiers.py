"""Who a rate or a deadline applies to: residency words and applies_to qualifiers.

applies_to is a lowercase, comma-joined list drawn from a small vocabulary, in this order:
source ("graduate school" - deadlines only), campus/delivery ("special session", "main campus", "online campus", "global campus", "on campus", "online"),
applicant group ("domestic", "international" - deadlines only), a named group of applicants
("school librarianship certificate applicants" - deadlines only), attendance ("full-time",
"part-time"), load ("1-8 credits", "7+ credits"), credit system ("quarter credits"),
course size ("3-credit courses").
"""

from __future__ import annotations

import re

from . import vocabulary as v

# Residency, built from the vocabulary's tables. "any" phrases are checked first: they contain
# the other words.
_ANY = v.regex(r"\b(?:" + "|".join(v.RESIDENCY_ANY) + ")", re.I)
_OUT = v.regex(r"\b(?:" + "|".join(v.RESIDENCY_OUT) + r")\b", re.I)
_IN = v.regex(r"\b(?:" + "|".join(v.RESIDENCY_IN) + r")\b", re.I)
_INTL = v.regex(r"\b(?:" + "|".join(v.RESIDENCY_INTL) + r")\b", re.I)

# Any residency word, for finding where a heading names one.
RESIDENCY_WORD = v.regex(rf"{_OUT.pattern}|{_IN.pattern}|{_INTL.pattern}", re.I)

RESIDENCY_ORDER = v.RESIDENCY_ORDER
_ANY_WORD = v.regex("|".join(f"(?:{p.pattern})" for p in (_ANY, _OUT, _IN, _INTL)), re.I)  # where any matches


def residencies(text: str) -> tuple[str, ...]:
    """Residencies a piece of text names, canonical order; ("any",) for explicit
    'same for everyone' wording; () when it names none."""
    if not _ANY_WORD.search(text):
        return ()  # none of the four (most pieces of text): one search, and _OUT.sub has nothing to do
    if _ANY.search(text):
        return ("any",)
    found = set()
    if _OUT.search(text):
        found.add("out_of_state")
    if _IN.search(_OUT.sub(" ", text)):
        found.add("in_state")
    if _INTL.search(text):
        found.add("international")
    return tuple(r for r in RESIDENCY_ORDER if r in found)


# Campus / delivery qualifiers (vocabulary.CAMPUS_WORDS); the first that matches wins.
CAMPUS_WORDS = v.CAMPUS_WORDS
_CAMPUS = [(label, v.regex(v.alternation(words), re.I)) for label, words in CAMPUS_WORDS]
_CAMPUS_ANY = v.regex("|".join(v.alternation(words) for _, words in CAMPUS_WORDS), re.I)  # where any matches
_FULL = v.regex(r"\bfull[-\s]?time\b", re.I)
_PART = v.regex(r"\bpart[-\s]?time\b", re.I)
LOAD_UNIT = r"(?:semester\s+|quarter\s+)?(?:credit[-\s]hours?|credits?|units?|hours?|hrs?\b|sch\b)"
_BAND = v.regex(rf"\b(\d{{1,2}})\s?(?:-|to)\s?(\d{{1,2}})\s?{LOAD_UNIT}", re.I)
_THRESHOLD = v.regex(
    rf"\b(\d{{1,2}})\s?(?:\+|or\s+more)\s?{LOAD_UNIT}|\b(?:at\s+least|minimum\s+of)\s+(\d{{1,2}})\s?{LOAD_UNIT}",
    re.I,
)
_SINGLE_LOAD = v.regex(rf"\b(\d{{1,2}})\s?{LOAD_UNIT}\s?(?:per|/|a|each)\s?(?:semester|term|quarter)\b", re.I)
_QUARTER = v.regex(r"\bquarter\s+(?:credit|hour|unit)", re.I)


def campus(text: str) -> str | None:
    if not _CAMPUS_ANY.search(text):
        return None
    for label, pattern in _CAMPUS:
        if pattern.search(text):
            return label
    return None


def attendance(text: str) -> str | None:
    if _FULL.search(text):
        return "full-time"
    if _PART.search(text):
        return "part-time"
    return None


def load(text: str) -> str | None:
    """'1-8 HOURS' -> '1-8 credits'; '(7+ units)' -> '7+ credits'."""
    m = _BAND.search(text)
    if m:
        return f"{int(m.group(1))}-{int(m.group(2))} credits"
    m = _THRESHOLD.search(text)
    if m:
        return f"{int(m.group(1) or m.group(2))}+ credits"
    m = _SINGLE_LOAD.search(text)  # "4 credits per quarter: $5,488"
    if m:
        return f"{int(m.group(1))} credits"
    return None


def is_quarter(text: str) -> bool:
    return _QUARTER.search(text) is not None


def join(parts: list[str | None]) -> str | None:
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return ", ".join(seen) or None
