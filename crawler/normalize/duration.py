"""How long the program takes, in months.

Conventions (an academic year is what programs mean by "a year"):
- 1 year = 12 months; 1 semester = 6 months (two semesters make an academic year, so
  "4 full-time semesters" = 24 months); 1 quarter or trimester = 4 months (three make a year);
  weeks are divided by 4.33 and rounded. "terms" are skipped (a term may be a semester or a
  quarter).
- A single figure gives months_min == months_max ("2 years" -> 24/24); a range gives both ends
  ("1-3 years" -> 12/36); several statements give the overall span ("2 years full-time; 3-4
  years part-time" -> 24/48).
- "as few as 21 months" / "in as little as" is a lower bound only (months_min=21, max None).
- A time limit ("must finish within five years", "up to 6 years to complete") is only a maximum,
  and is used only when the text states nothing else (months_min None, months_max 60).
- A limit may also be a heading or a grant: "Maximum time to degree: 7 years", "Time limit for
  completion: 5 years", "Students have six years to complete the degree", "The Graduate School
  allows five years", "a 6-year time limit". A limit never widens stated lengths.
- Lengths of a course or a term ("8-week sessions", "7-week terms") are not program lengths.
- Durations of something else are skipped: "2 years of work experience", "GPA in the last two
  years", "courses taken within the last 6 years".
"""

from __future__ import annotations

import re
from decimal import Decimal, ROUND_HALF_UP

from .models import Duration
from .text import prepare, words_to_digits

MONTHS_PER: dict[str, Decimal] = {
    "year": Decimal(12), "month": Decimal(1), "semester": Decimal(6), "quarter": Decimal(4),
    "trimester": Decimal(4), "week": Decimal(1) / Decimal("4.33"),
}
_UNIT = r"(?P<unit>years?|yrs?\.?|months?|mos?\.?|semesters?|quarters?|trimesters?|weeks?)"
_NUM = r"\d{1,2}(?:\.\d)?|a|an|one|half\s+a"
_SPAN = re.compile(
    rf"(?<![\d.])(?P<low>{_NUM})(?:\s?(?:-|to|or)\s?(?P<high>\d{{1,2}}(?:\.\d)?))?"
    rf"(?:\s?\+)?[-\s](?:(?:full|part)[-\s]time\s|academic\s|calendar\s|consecutive\s)?{_UNIT}\b",
    re.I,
)
_LOWER_BOUND = re.compile(r"\b(?:as\s+(?:few|little|short)\s+as|in\s+as\s+(?:few|little)\s+as|minimum\s+of|at\s+least)\s?$", re.I)
_LIMIT = re.compile(
    r"\b(?:within|no\s+more\s+than|not\s+(?:to\s+)?exceed|up\s+to|maximum(?:\s+of)?|time\s+limit(?:\s+of)?|limit\s+of"
    r"|no\s+longer\s+than|at\s+most|have|has|are\s+(?:allowed|given|permitted)|allowed|given|permitted"
    # "The Graduate School allows five years to complete the degree", "policy permits 6 years".
    r"|allows?|allowing|permits?|grants?|gives|a\s+period\s+of|no\s+later\s+than)\s?(?:students\s|you\s|them\s)?$"
    # A heading that names a limit: "Maximum time to degree: 7 years", "Time limit for completion: 5 years".
    r"|\b(?:(?:maximum|max\.?)\s+(?:time|length|period)|time\s+limit|statute\s+of\s+limitations?)\b[^.;\d]{0,30}$",
    re.I,
)
# "a 6-year time limit", "5 years from the first course taken": a limit written after the figure.
_LIMIT_AFTER = re.compile(
    r"^\s?(?:time\s+limit|limit\b|statute|from\s+(?:the\s+)?(?:first|initial|start|term|semester|date\s+of\s+(?:admission|matriculation|first))"
    r"|of\s+(?:admission|matriculation|(?:the\s+)?first\s+(?:course|enrollment|registration))|after\s+(?:admission|matriculation))",
    re.I,
)
_NOT_DURATION_AFTER = re.compile(
    r"^\s?(?:of\s+(?:\w+\s){0,2}?(?:experience|work|employment|service|study\s+abroad)|of\s+(?:undergraduate|coursework|college)"
    r"|old|ago|prior|before|after|of\s+(?:the\s+)?(?:date|graduation)|from\s+(?:the\s+)?date"
    # "8-week sessions", "7-week terms": the length of a course or a term, not of the program.
    r"|(?:sessions?|courses?|classes|class|terms?|sub-?terms?|blocks?|modules?|format)\b)",
    re.I,
)
_NOT_DURATION_BEFORE = re.compile(
    r"\b(?:last|past|previous|final|recent|first|each|every|per)\b\s?(?:\w+\s)?$|\bolder\s+than\s?$", re.I
)


def _months(number: str, unit: str) -> Decimal | None:
    n = number.lower().strip()
    value = Decimal("0.5") if n.startswith("half") else Decimal(1) if n in ("a", "an", "one") else Decimal(n)
    unit = unit.lower().rstrip(".")
    if unit.startswith(("yr", "year")):
        key = "year"
    elif unit.startswith(("mo",)):
        key = "month"
    else:
        key = unit.rstrip("s")
    return value * MONTHS_PER[key]


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def parse_duration(text: str) -> Duration | None:
    """Months to complete (min, max); None when the text states no program length."""
    t = words_to_digits(prepare(text))
    lows: list[int] = []
    highs: list[int] = []
    limits: list[int] = []
    for m in _SPAN.finditer(t):
        before = t[max(0, m.start() - 30) : m.start()]
        after = t[m.end() : m.end() + 40]
        if _NOT_DURATION_AFTER.match(after) or _NOT_DURATION_BEFORE.search(before):
            continue
        low = _months(m.group("low"), m.group("unit"))
        high = _months(m.group("high"), m.group("unit")) if m.group("high") else low
        if low is None or high is None or low <= 0 or high < low or high > 120:
            continue
        if _LIMIT.search(before) or _LIMIT_AFTER.match(after):
            limits.append(_whole(high))
        elif _LOWER_BOUND.search(before):
            lows.append(_whole(low))
        else:
            lows.append(_whole(low))
            highs.append(_whole(high))
    if lows or highs:
        return Duration(months_min=min(lows) if lows else None, months_max=max(highs) if highs else None)
    if limits:
        return Duration(months_min=None, months_max=max(limits))
    return None
