"""Which rows of a table or list state a fact, and for which field.

Pure text -> answer, like every normalizer. A spider hands every row of a rate table or a
deadline list to these instead of writing its own filters, so the choice is made one way:

    rate_field("Tuition Per Credit Hour Graduate: $565.00") -> "tuition"
    rate_field("Fees Per Credit Hour Graduate: $76.16")     -> "fees"
    rate_field("Total Per Credit Hour Graduate: $641.16")   -> None (a sum of the two)
    for_career("... Graduate (includes Certificates): $565.00", "Graduate") -> True
    stated_rate("Full Time 9+ HOURS Cost per Semester $4,806") -> True
    stated_rate("Cost per Year $9,612")                        -> False (two semesters multiplied out)
    for_terms("May 15 for the Fall semester", ("fall", "spring")) -> True
"""

from __future__ import annotations

import re

from .text import TERM_RE, TERM_WORDS

_RATE_LABEL = re.compile(r"\s*(?P<label>tuition|fees?)\b", re.I)
# A rate is stated per term or per credit; "per year" and "per 3-hour course" rows multiply a
# stated rate out (two terms, three credits), so they add nothing and could only disagree.
_STATED_PER = re.compile(r"\bper\s+(?:semester|term|quarter|trimester|hour|credit|unit)s?\b", re.I)


def rate_field(row: str | None) -> str | None:
    """The field a rate table's row states, by the label it opens with: "tuition", "fees" or None."""
    found = _RATE_LABEL.match(row or "")
    if not found:
        return None
    return "tuition" if found["label"].casefold() == "tuition" else "fees"


def for_career(row: str | None, career: str) -> bool:
    """The row is for `career` ("Graduate"), named as a whole word: not "Undergraduate"."""
    return bool(re.search(rf"(?<![\w-]){re.escape(career)}(?![\w-])", row or "", re.I))


def stated_rate(row: str | None) -> bool:
    """The row states a rate per term or per credit, not one multiplied out per year or per course."""
    return bool(_STATED_PER.search(row or ""))


def for_terms(text: str | None, terms: tuple[str, ...]) -> bool:
    """The text names one of `terms` (canonical: "fall", "spring", "summer", "winter"), as a whole
    word: a deadline for a term the program admits in."""
    wanted = {TERM_WORDS.get(t.casefold(), t.casefold()) for t in terms}
    return any(TERM_WORDS[m.casefold()] in wanted for m in TERM_RE.findall(text or ""))
