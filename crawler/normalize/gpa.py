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

A lesser route's heading ("Probationary Admission:") holds for the list under it until a regular
route's heading; a list for students with credits already completed toward the degree (an award's
eligibility) states no admission minimum (vocabulary.NOT_THE_PROGRAMS_MINIMUM).

Abstaining where binding is weak (issue 19, second pass; binding.py): a number in a run of three
or more GPA-like numbers in one clause is a grade table or scale ("A 4.00 A- 3.67 B+ 3.33"); a GPA
whose sentence is about completing the degree or candidacy ("A graduate degree requires ... with a
minimum cumulative GPA of 3.0") or about applicants with graduate credits already ("If you have
earned 9 or more graduate credits ...") is not the admission minimum.

Positive binding (issue 19, third pass; binding.py "positive binding", vocabulary's section of the
same name): a GPA is read only in a text that names admission, applying or the applicant's earlier
record (undergraduate, bachelor's, "the last 60 hours", a completed degree), or in a bare row with
no subject ("Minimum GPA: 2.7"); a text that names only a stage once enrolled ("Students will not
graduate unless the cumulative GPA is at least 3.000") states no admission minimum. The GPA as
subject binds the number its verb meets ("The minimum undergraduate GPA accepted is 3.0"); scale
figures ("on a 4.0 scale") do not make two routes a run; "There is no stated minimum" abstains; a
heading the text starts with ("Eligibility Criteria for a Graduate Assistantship:") holds its scope
over the list under it; a university default that programs may replace ("unless ... a different")
is not the program's.

Shape gate (issue 19, fourth pass; binding.py "shape gate"): the number is kept only where a GPA
label ("GPA", "grade point average", "cumulative", "minimum", "(B)", "on the last 60 hours") stands
within a few words of it with nothing of another kind between: no other GPA figure (a scale figure
such as "(4.0 scale)" does not count), no "maintain", "graduation", an award, "below"; a clause whose
subject is another discipline's program ("applicants to the Occupational Therapy program") states
no minimum of ours.
Fifth pass (issue 19): a clause that waives something ("a GPA of 3.3 or higher waives the GRE"), a
default programs may replace ("unless specified otherwise"), a provisional or conditional student's
status, a field's name qualifying the GPA ("an undergraduate Accounting GPA") or heading the text
("Nursing: ..."), a master's of another field and named fields after "for" state no minimum of ours.

Sixth pass (issue 19; vocabulary "sixth pass", binding.py "shape gate, sixth pass"): a GPA that is a
condition of something else states no minimum: a test not required above it ("For those with a GPA of
3.0 or higher ..., no GRE is required"), another purpose ("to be considered for a letter"), a held
graduate degree's GPA ("A graduate degree with 3.0 GPA"), a GPA in a field named by a capitalized name
("GPA in Accounting"), a certificate named anywhere in its clause without this program ("To earn a
graduate certificate, ... a grade point average of 3.0"). A text that says its programs replace the floor
with their own ("Individual program requirements vary", "departments set their own") states the
institution's floor, not this program's minimum; a floor programs may only raise ("Some programs set
higher standards than the Graduate School") still binds every applicant and is read. A label glued to
its figure ("2.75GPA") is read apart.

Canonical form: two decimals, Decimal("3.00"), Decimal("2.75"); more only if the page states
more (3.125 stays 3.125, never rounded). "3.0" and "3.00" therefore compare and serialize alike.

Seventh pass (issue 19; vocabulary "seventh pass"): the upper end of a band ("a cumulative grade point average
between 2.75 and 4.0", "2.5-2.99") is never a minimum; the lower end is read or not by the rules above.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from . import vocabulary as v
from .binding import floor_raised_by_programs, gpa_bound_to_admission, heading_scope, in_a_run, scope_of, shape_binds
from .text import prepare, sentences
from .familiar import gate

TWO_PLACES = Decimal("0.01")
_LOWEST, _HIGHEST = Decimal("1.0"), Decimal("4.0")

_NUMBER = v.regex(r"(?<![\d.$])([0-4]\.\d{1,3})(?![\d%]|\.\d)")
_CONTEXT = v.regex(r"\b(?:gpas?|g\.p\.a\.|grade[-\s]point(?:\s+average)?|cumulative|average)\b", re.I)
_GPA_AFTER = v.regex(
    r"^\s?(?:gpa|g\.p\.a\.|grade[-\s]point|cumulative|overall\b|or\s+(?:higher|better|above)"
    r"|(?:on|over|in|for)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+\d)",
    re.I,
)
_SCALE = v.regex(r"^\s?(?:-?\s?point\s+)?scale\b|^\s?\)?\s?scale|^\s?(?:grading\s+)?scale", re.I)
_SCALE_BEFORE = v.regex(r"(?:\bon\s+an?|\bout\s+of(?:\s+a)?|\bof\s+a\s+possible|/|\bbased\s+on\s+a)\s?$", re.I)
_LESSER = v.regex(
    r"\b(?:stipulations?|probation\w*|conditional\w*|provisional\w*|case[-\s]by[-\s]case|exception\w*"
    r"|considered|may\s+be\s+admitted|special\s+admission|petition|non-?degree|waiver"
    # Keeping a GPA once enrolled is not an admission minimum.
    r"|maintain\w*|good\s+standing|preferred|preferabl[ey]|recommended|competitive|to\s+remain|to\s+graduate(?!\s+(?:study|studies|school|programs?|work|level))|for\s+graduation)\b",
    re.I,
)
# A sentence about keeping a GPA once enrolled, graduating, averages of admitted students, other
# levels or other purposes: its numbers are not the admission minimum (issue 9, class 1).
_NOT_ADMISSION = v.regex(
    r"\bto\s+(?:earn|receive)\s+the\b|\bto\s+graduate\b(?!\s+(?:study|studies|school|programs?|work|level))|\bfor\s+graduation\b|\bmust\s+be\s+completed\s+with\b"
    r"|\bcompleted?\s+with\s+a\s+minimum\b|\bcourse\s?work\s+completed\s+with\b|\bcandidates\s+for\s+the\b|\bmaintain\w*|\bkeep\b|\bgood\s+standing\b"
    r"|\bremain\b|\bprobation\w*|\bfalls?\s+below\b|\bcourse\s?work\s+with\b|\bin\s+all\s+graduate\s+courses\b"
    r"|\bcore\s+courses\b|\bretention\b|\benrollment\s+limits?\b|\bscholarships?\b|\brenew\w*|\bhigh\s+school\b"
    r"|\bsemester\s+hours\s+of\s+credit\s+with\b|\bexit\s+requirement\b"
    r"|\baverage\s+(?:undergraduate\s+|cumulative\s+|overall\s+)?(?:gpa|g\.p\.a\.|grade[-\s]point)"
    r"|\bentering\s+class\b|\bsuccessful\s+(?:graduate\s+)?applicants\s+(?:possess|have)\b|\bcalculated?\b"
    r"|\bwriting\s+(?:section|portion|sample)\b|\bmerit\b|\bawards?\b|\bmedian\b"
    # "Applicants typically have a GPA of 3.4": the profile of those admitted, not a minimum.
    r"|\b(?:typically|usually|generally)\s+(?:have|has|hold|possess|earn)\b"
    r"|\b(?:admitted|successful|competitive|incoming)\s+(?:students|applicants)\s+(?:\w+\s+)?(?:have|hold|possess)\b",
    re.I,
)
# "3.0 (B)", "B (3.0)", "a \"B\" (3.0) average": a letter grade restating the number.
_LETTER_BEFORE = v.regex(r"\b(?:of\s+|an?\s+)?[\"']?[A-D][+-]?[\"']?\s?\(\s?$")
_LETTER_AFTER = v.regex(r"^\s?\(\s?[\"']?[A-D][+-]?[\"']?\s?\)")
# "grade point average (GPA) of 3.0", "GPA: 2.7", "a GPA of at least 3.25": the label right before.
_CONTEXT_BEFORE = v.regex(
    r"(?:\bgpa|\bg\.p\.a\.|\bgrade[-\s]point\s+average|\bqpr)\s?(?:\(\s?gpa\s?\)\s?)?(?:requirements?\s+)?"
    r"(?:of|:|is|=|requirement\s+of)?\s?(?:at\s+least\s+|a\s+)?(?:minimum\s+(?:of\s+)?)?(?:a\s+)?$",
    re.I,
)
_OR_ABOVE = v.regex(r"^\s?(?:\(\s?[A-D]\s?\)\s?)?(?:or\s+(?:above|higher|better|more)|and\s+above|\+)", re.I)
_REGULAR = v.regex(r"\b(?:regular|unconditional|full)\s+admission\b", re.I)
_BAND_UPPER_BEFORE = v.regex(v.GPA_BAND_UPPER_BEFORE, re.I)
_BELOW_BEFORE = v.regex(r"\b(?:below|under|less\s+than|lower\s+than|between)\s+(?:a\s+)?(?:gpa\s+of\s+)?$", re.I)


# "Probationary Admission: 1. ... 2. A grade-point average of at least 2.75": the heading of a lesser
# route holds until a regular route's heading.
_ROUTE_HEADING = v.regex(
    rf"(?P<lesser>{'|'.join(v.LESSER_ROUTE_HEADINGS)})|(?P<regular>{'|'.join(v.REGULAR_ROUTE_HEADINGS)})", re.I
)
_NOT_THE_PROGRAMS = v.regex("|".join(v.NOT_THE_PROGRAMS_MINIMUM), re.I)


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


_ONLY = v.regex(r"\bonly\b", re.I)
# Positive binding (issue 19, third pass): a sentence whose subject is the GPA and whose verb or
# preposition meets the number binds it: "The minimum undergraduate grade point average (GPA)
# accepted is 3.0". A scale ("on a 4.0 scale", "out of 4.0") is not a value of a run.
_SUBJECT_COPULA = v.regex(
    r"\b(?:gpa|g\.p\.a\.|grade[-\s]point\s+average)\b(?:\s?\(\s?gpa\s?\))?(?:(?!scale|\bbelow\b|\bunder\b)[^.;:\d]){0,30}?"
    r"\b(?:is|of|be|was)\s(?:at\s+least\s+|a\s+(?:minimum\s+(?:of\s+)?)?)?$",
    re.I,
)
_NO_MINIMUM = v.regex(r"\b(?:" + "|".join(v.MIN_GPA_NONE) + r")\b", re.I)
_SCALE_PHRASE = v.regex(
    r"(?:\bon\s+an?|\bout\s+of(?:\s+a)?|\bof\s+a\s+possible|/|\bbased\s+on\s+an?)\s?[0-4]\.\d{1,3}(?:\s?(?:-?\s?point\s+)?(?:scale|system|basis))?"
    r"|\b[0-4]\.\d{1,3}\s?(?:-?\s?point\s+)?(?:scale|system|basis)\b",
    re.I,
)
# Another GPA figure between a label and a number (shape gate); a scale figure ("(4.0 scale)") is not one.
_OTHER_GPA = v.regex(r"(?<![\d.$])[0-4]\.\d{1,3}(?![\d%]|\.\d|\s?\)?\s?(?:-?\s?point\s+)?(?:scale|system|basis))", re.I)
_MINIMUM_BEFORE = v.regex(r"\bminimum\s+(?:of\s+|is\s+|:\s?)?$", re.I)


def _bound(t: str, m: re.Match[str], has_context: bool) -> tuple[bool, str]:
    """Whether the number is tied to a GPA at all (the cheap test, done first), and its clause."""
    after = t[m.end() : m.end() + 40]
    before = t[max(0, m.start() - 30) : m.start()]
    clause = _clause_around(t, m.start(), m.end())
    floor = max(0, m.start() - _CLAUSE_REACH)
    in_parens = t.rfind("(", floor, m.start()) > t.rfind(")", floor, m.start())
    # "B average (3.0 on a 4.0 scale)": a parenthesis that restates the GPA just named.
    paren_context = in_parens and _CONTEXT.search(t, max(floor, t.rfind("(", floor, m.start()) - 20), m.start())
    letter = _LETTER_BEFORE.search(before) is not None or _LETTER_AFTER.match(after) is not None
    if in_parens and not _CONTEXT.search(clause) and not paren_context and not letter:
        return False, clause
    if letter or _CONTEXT_BEFORE.search(t[max(0, m.start() - 60) : m.start()]) or _SUBJECT_COPULA.search(
        t, max(0, m.start() - 70), m.start()
    ) or (
        has_context and _MINIMUM_BEFORE.search(before)
    ):
        return True, clause
    if _GPA_AFTER.match(after):
        return True, clause
    # "regular admission requires 3.0" in a text about GPAs.
    return bool(has_context and (_CONTEXT.search(clause) or paren_context or _REGULAR.search(clause))), clause


# A GPA label glued to its figure ("a 2.5GPA in the last sixty hours"): the figure and the label apart.
_GLUED_LABEL = v.regex(r"(?<![\d.])([0-4]\.\d{1,3})(GPA|QPA|CGPA)\b")


@gate("parse_gpa")
def parse_gpa(text: str) -> Decimal | None:
    """Minimum GPA for regular admission; None when the text does not state one."""
    t = _GLUED_LABEL.sub(r"\1 \2", prepare(text))  # "at least a 2.5GPA" (issue 19, sixth pass)
    if not gpa_bound_to_admission(t):
        return None  # positive binding: no admission side named, a stage once enrolled is
    if _NO_MINIMUM.search(t) or heading_scope("min_gpa", t):
        return None  # "There is no stated minimum"; a list under an assistantship's heading
    if floor_raised_by_programs("min_gpa", t):
        return None  # the Graduate School's floor that departments may raise: not this program's minimum
    if _NOT_THE_PROGRAMS.search(t):
        return None  # a list for students already enrolled ("Completion of at least 18 credits toward the MLIS")
    headings = [(m.start(), bool(m.group("lesser"))) for m in _ROUTE_HEADING.finditer(t)]
    has_context = _CONTEXT.search(t) is not None
    spans = sentences(t)
    starts = [a for a, _ in spans]
    for m in _NUMBER.finditer(t):
        value = Decimal(m.group(1))
        if not _LOWEST <= value <= _HIGHEST:
            continue
        after = t[m.end() : m.end() + 40]
        before = t[max(0, m.start() - 30) : m.start()]
        if _SCALE.match(after) or _SCALE_BEFORE.search(before) or _BELOW_BEFORE.search(before):
            continue
        if _BAND_UPPER_BEFORE.search(before):
            continue  # (seventh pass) the upper end of a band ("between 2.75 and 4.0"): never a minimum
        bound, clause = _bound(t, m, has_context)
        if not bound:
            continue
        if in_a_run(_SCALE_PHRASE.sub(" ", clause), _NUMBER, _LOWEST, _HIGHEST, Decimal):
            continue  # a grade table or scale ("A 4.00 A- 3.67 B+ 3.33"): no one number is the minimum
        heading = [lesser for pos, lesser in headings if pos < m.start()]
        if heading and heading[-1]:
            continue  # under a lesser route's heading
        lesser = _LESSER.search(clause)
        # "3.25 or above will be considered": the minimum itself, not a lesser route.
        if lesser and lesser.group(0).lower() == "considered" and (_OR_ABOVE.match(after) or _ONLY.search(clause)):
            lesser = None  # "Only students with a GPA of 3.0 will be considered": the floor itself
        if lesser:
            continue
        k = bisect_right(starts, m.start()) - 1
        a, b = spans[k] if k >= 0 else (0, len(t))
        # The sentence around the number, at most _CLAUSE_REACH either side (bounded work).
        if _NOT_ADMISSION.search(t, max(a, m.start() - _CLAUSE_REACH), min(b, m.end() + _CLAUSE_REACH)):
            continue
        if scope_of("min_gpa", t, m.start(), m.end()):
            continue  # another program's, an award's, a grade to graduate, a statistic
        if not shape_binds("min_gpa", t, m.start(), m.end(), _OTHER_GPA):
            continue  # shape gate: no GPA label within reach, or something of another kind between
        return gpa_value(value)
    return None
