"""Minimum GPA for regular admission.

A GPA is a number from 1.0 to 4.0 written with decimals, next to "GPA" / "grade point
average" (or followed by "on the last 60 credits"). Scale figures ("on a 4.0 scale", "3.0/4.0")
are not minimums. Numbers tied to a lesser route ("2.75 with stipulations", "2.5 for
probationary admission", "below 3.0 considered") are skipped: the regular minimum is the first
number left.

Decision: when the text offers two routes ("2.75 overall or 3.0 in the last 60 hours"), the
minimum stated first is the regular one. A GPA to keep once enrolled ("must maintain a 3.0 GPA
to remain in good standing") is not an admission minimum. "B average (3.0 on a 4.0 scale)": the
parenthesis restates the GPA just named.

Canonical form: two decimals, Decimal("3.00"), Decimal("2.75"); more only if the page states
more (3.125 stays 3.125, never rounded). "3.0" and "3.00" therefore compare and serialize alike.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .text import prepare

TWO_PLACES = Decimal("0.01")

_NUMBER = re.compile(r"(?<![\d.$])([0-4]\.\d{1,3})(?![\d%]|\.\d)")
_CONTEXT = re.compile(r"\b(?:gpas?|g\.p\.a\.|grade[-\s]point(?:\s+average)?|cumulative|average)\b", re.I)
_GPA_AFTER = re.compile(
    r"^\s?(?:gpa|g\.p\.a\.|grade[-\s]point|cumulative|overall\b|or\s+(?:higher|better|above)"
    r"|(?:on|over|in|for)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+\d)",
    re.I,
)
_SCALE = re.compile(r"^\s?(?:-?\s?point\s+)?scale\b|^\s?\)?\s?scale|^\s?(?:grading\s+)?scale", re.I)
_SCALE_BEFORE = re.compile(r"(?:\bon\s+an?|\bout\s+of(?:\s+a)?|\bof\s+a\s+possible|/|\bbased\s+on\s+a)\s?$", re.I)
_LESSER = re.compile(
    r"\b(?:stipulations?|probation\w*|conditional\w*|provisional\w*|case[-\s]by[-\s]case|exception\w*"
    r"|considered|may\s+be\s+admitted|special\s+admission|petition|non-?degree|waiver"
    # Keeping a GPA once enrolled is not an admission minimum.
    r"|maintain\w*|good\s+standing|to\s+remain|to\s+graduate|for\s+graduation)\b",
    re.I,
)
_REGULAR = re.compile(r"\b(?:regular|unconditional|full)\s+admission\b", re.I)
_BELOW_BEFORE = re.compile(r"\b(?:below|under|less\s+than|lower\s+than|between)\s+(?:a\s+)?(?:gpa\s+of\s+)?$", re.I)


def gpa_value(value: Decimal) -> Decimal:
    """Canonical GPA: at least two decimals, never rounded."""
    return value.quantize(TWO_PLACES) if value == value.quantize(TWO_PLACES) else value


# A clause is looked for at most this far on each side of a number, so that a text of many
# numbers and no punctuation stays linear.
_CLAUSE_REACH = 200


def _clause_around(text: str, start: int, end: int) -> str:
    """The words tied to the number: up to the nearest ; . , or parenthesis on each side."""
    floor, ceiling = max(0, start - _CLAUSE_REACH), min(len(text), end + _CLAUSE_REACH)
    left = max(text.rfind(c, floor, start) for c in ";(),") + 1
    sentence_left = max(text.rfind(". ", floor, start), text.rfind("; ", floor, start))
    left = max(left, sentence_left + 1, floor)
    rights = [i for i in (text.find(c, end, ceiling) for c in ";(),") if i != -1]
    period = text.find(". ", end, ceiling)
    if period != -1:
        rights.append(period)
    right = min(rights) if rights else ceiling
    return text[left:right]


def parse_gpa(text: str) -> Decimal | None:
    """Minimum GPA for regular admission; None when the text does not state one."""
    t = prepare(text)
    has_context = _CONTEXT.search(t) is not None
    for m in _NUMBER.finditer(t):
        value = Decimal(m.group(1))
        if not Decimal("1.0") <= value <= Decimal("4.0"):
            continue
        after = t[m.end() : m.end() + 40]
        before = t[max(0, m.start() - 30) : m.start()]
        if _SCALE.match(after) or _SCALE_BEFORE.search(before):
            continue
        if _BELOW_BEFORE.search(before):
            continue
        clause = _clause_around(t, m.start(), m.end())
        floor = max(0, m.start() - _CLAUSE_REACH)
        in_parens = t.rfind("(", floor, m.start()) > t.rfind(")", floor, m.start())
        # "B average (3.0 on a 4.0 scale)": a parenthesis that restates the GPA just named.
        paren_context = in_parens and _CONTEXT.search(t, max(floor, t.rfind("(", floor, m.start()) - 20), m.start())
        if _LESSER.search(clause) or (in_parens and not _CONTEXT.search(clause) and not paren_context):
            continue
        # "regular admission requires 3.0" in a text about GPAs.
        regular = has_context and _REGULAR.search(clause)
        if not (has_context and (_CONTEXT.search(clause) or _GPA_AFTER.match(after) or paren_context or regular)) \
                and not _GPA_AFTER.match(after):
            continue
        return gpa_value(value)
    return None
