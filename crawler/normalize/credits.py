"""Total credits a degree requires now.

Candidates are numbers glued to a credit unit ("36 semester credit hours", "37 units",
"58 quarter credits") or introduced by a total label ("Minimum Total Units Required: 37").
Numbers in words are read ("thirty-six credits"). Parts of the degree are not totals: "3 credits
each", "9 credits of core", "18 hours at the 600 level", "up to 6 transfer credits". When the
text gives an old and a new total ("39 credits for students who started before Fall 2022; 36
credits for those starting Fall 2022 or later") the current one wins. A text that is only a
number ("40*") is that number. Anything still ambiguous is None.

An at-a-glance row ("Credit Hours: 36", "Credits: 39") is a total when it is at least 12 (a course
line says "Credits: 3"). "a minimum of 36 graduate credits" is the total. Several programs'
totals ("MLS: 36; MA: 39") and a total range ("36-42 credits", "Credits required: 30-36") are None.
"Thirty-nine (39) credit hours" is one number.
"a 36 semester-hour program: 18 hours of core ..." and "The MLS is a 30-unit program; 12 units are
required core courses": a number naming the degree itself ("N-unit program", "N credit-hour
degree") is the total even beside its parts; "Degree requirements: 12 courses" is a course count.

A number sizing a part ("a 120-hour practicum", "a 6-credit thesis"), a point along the way
("after completing at least 22 units"), a load ("more than 18 hours in any semester") and the
requirement of students who started before a change ("for students who began before Fall 2022 ...
39 credits") are not today's total; "completion of at least 42 credit hours", "the 36 credit
M.S.L.I.S. degree" and a row "Credits required for completion 36" are.

A number bounding a class of programs ("programs of 36 credits or less", "more than 36 credits")
states no requirement; a label meets its value through a colon or a spaced dash, so "a K-12
Instructional Certificate" names no total (binding.py, "abstaining").

Positive binding (issue 19, third pass; binding.py and vocabulary "positive binding"): a total is
returned only when some candidate's clause names a total predicate or the degree as its subject
(requires, total(s), complete, program, degree, MLIS, curriculum, requirements, master, a cohort's
"starting ..."), or a label or number names the degree; "The GPA is calculated on the student's
last 60 credits" states no total. A figure tied to a period ("a total of 20 hours per week", "in a
long semester") is a rate; a figure placed by its predicate ("8 of those 12 hours be in the major",
"credits taken within UMSI", "at the 500-level") is a distribution rule; "before completing 18
credits" is a point along the way; a floor the department adds to ("and such other study as the
department may require") and a default a program may replace are not the total; a heading the text
starts with holds its scope over the list under it.

What a student can or may take in a term, and a number labelled by a term ("The Spring Semester: 12
Credit Hours"), are loads.

Shape gate (issue 19, fourth pass; binding.py "shape gate", vocabulary's section of the same name):
a candidate is kept only in one of a few binding shapes: a label naming the total before it ("Total
Credit Hours: 39", "Curriculum requirements: 33 credits", "Program of Study (42 Credits)"); a
predicate before it ("the MLIS requires / consists of / a total of / completion of a minimum of 36
credits", "students take 36 hours"); the program or degree as its subject or head ("The program is 64
credits", "a 36-credit-hour program", "Master of Science 36 Credits"); a requirement after it ("36
credits required for the degree", "36 hours of coursework"); or a bare value a spider located. A word
of another action or entity between binder and value ("require students to be registered for 12",
"may not exceed 13") breaks the shape; a part named right after the value ("12 hours of Core
courses") or "as part of" later in its clause moves it.
Fifth pass (issue 19; binding.py "shape gate", vocabulary "Four more classes"): a certificate, an
associate degree or a diploma before the value with no word of this program between owns it; a cap
right before it ("a maximum of 12 credits", "up to", "no more than") is not the total; credits
"awarded for research" are a part; a worked example ("For example, a typical 30-credit program"), a
clause about probation or dismissal, and programs or fields named by a capitalized name ("For the
English, Nursing and Public Affairs programs", "the Master of Accountancy") move every value of the
clause unless it names this program too.

Sixth pass (issue 19): credits chosen from a list are a selection ("four courses (12 hours) from the
categories listed below"); "must include N credit hours of ..." is a subset; no master's total is above
MAX_TOTAL (100: "A minimum of 124 semester credits" is a bachelor's; a spider's bare value keeps the wider
bound); a text that says each program has its own requirements states a floor common to programs, not
this total ("Although each Master's degree program has specific academic requirements, ... A minimum of 30
semester hours"); a spaced dash before a capitalized word starts a clause, so that a limit said inside
the total's line is blanked alone ("Degree requirements (Minimum of 33 hours) - No more than 9 credit
hours from the College of Business ..." reads 33).

Seventh pass (issue 19; vocabulary "seventh pass"): a course group named with qualifiers ("Required Graduate
Courses: 24 Semester Hours") is a part, under a "Required ...:" label too; a part named right after the figure
with qualifiers ("18 credit hours of MLIS core classes", "18 credit hours in an area of professional
specialization") is a part; a sentence that names candidacy counts credits toward becoming a candidate, even
across the labelled items it lists ("become candidates for the degree as follows: Master's Degree: Successful
completion of 12 units"); a share of a stated whole ("21 semester hours of the required 30") is a part; a row
of a flattened table labelled by another degree level owns its figure (binding.seventh_pass_veto); and "graduate
level" may stand between a figure and its unit ("36 graduate level credits").

Canonical form: models.plain() (Decimal("37"), Decimal("58.5")); quarter credits are returned as
stated, not converted.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import vocabulary as v
from .binding import (
    LABEL_SEPARATOR, bound_text, clause_scope, compared, floor_raised_by_programs, heading_scope, shape_binds, subject_scope,
)
from .models import plain
from .text import prepare, sentences, words_to_digits
from .familiar import gate

_UNIT = (
    # "36 semester-hour program", "45 quarter-credit program": the hyphenated forms too.
    r"(?:semester[-\s]|quarter[-\s]|graduate\s|total\s|academic\s|earned\s|" + v.TOTAL_CREDITS_UNIT_QUALIFIERS + r")*"
    r"(?:credit[-\s]hours?|credits?|units?|hours?|hrs\.?|sch\b|s\.h\.|cr\.?\b|ch\b)"
)
_NUMBER = r"(\d{1,3}(?:\.\d)?)"
_WITH_UNIT = v.regex(rf"(?<![\d.$])\b{_NUMBER}\s?\*{{0,3}}\s?[-\s]?{_UNIT}", re.I)
# A total label, then (without digits in between) the number. What stands right before the
# number decides: a colon or dash ("Minimum Total Units Required: 37") or a unit word ("Total
# Semester Credit Hours 36", a table row). Greedy and digit-free, so each try is bounded.
_LABELLED = v.regex(
    rf"\b(?:total|minimum|required|requires?|degree|program)\b(?P<between>[^.;:\d$]{{0,60}}:?\s?){_NUMBER}"
    r"(?!\d|\.\d|\s?%|\s?(?:-|to)\s?\d)",
    re.I,
)
# An at-a-glance row: "Credit Hours: 36", "Credits: 39". A course line says "Credits: 3", so a
# number this small is not a degree total.
_UNIT_LABELLED = v.regex(
    rf"(?<!\d\s)(?<![\d-])\b(?:semester\s+|total\s+)?(?:credit[-\s]hours?|credits?|units?|semester\s+hours?)"
    rf"(?:\s?[:|]|\s+required(?:\s+for\s+(?:completion|graduation|the\s+degree))?\s?[:|]?)\s?{_NUMBER}"
    r"(?!\d|\.\d|\s?%|\s?(?:-|to)\s?\d)",
    re.I,
)
MIN_LABELLED_TOTAL = 12
# "Thirty-nine (39) credit hours": the figure restated in digits is one number.
_RESTATED = v.regex(r"\b(\d{1,3})\s?\(\s?\1\s?\)")
_LABEL_END = v.regex(rf"(?:{LABEL_SEPARATOR}|\b{_UNIT}\s)$", re.I)  # "K-12": a name, not a label
_UNIT_AFTER = v.regex(rf"\s?{_UNIT}", re.I)
_BARE = v.regex(rf"^{_NUMBER}\s?\*{{0,3}}\s?(?:{_UNIT})?\.?(?:\s?\([^()]{{0,80}}\)\.?)?$", re.I)
# Words right before or after a number that make it a part, not the whole.
_PART_AFTER = v.regex(
    r"^\s?(?:[-\s]?(?:of|in|from)\s+(?:the\s+)?(?:required\s+)?(?:core|electives?|required\s+courses|coursework\s+in"
    r"|practicum|internship|thesis|project|foundation|specialization|concentration|emphasis)"
    r"|\s?(?:each|apiece|per\s+(?:course|class|semester|term|quarter|year)|at\s+the\s+\d{3}"
    r"|of\s+(?:electives?|core|transfer|graduate\s+transfer)|in\s+(?:electives?|core)"
    r"|(?:of\s+)?(?:required\s+)?(?:core|electives?|transfer)"
    # "a six-hour reduction", "the 30 remaining credits": not the degree's total (issue 9).
    r"|[-\s]?(?:reduction|waiver|exemption|remaining)\b"
    # "150 hours of experience in an information agency": clock hours, not credits.
    r"|\s?of\s+(?:[\w-]+\s){0,2}?(?:experience|fieldwork|service|practice)\b))",
    re.I,
)
_PART_BEFORE = v.regex(
    r"(?:\bup\s+to|\b(?:their|the|your)\s+first|\bmax\.?|\bno\s+more\s+than|\bat\s+least|\btransfer(?:\s+of)?|\bincluding|\bincludes"
    r"|\bof\s+which|\beach|\bwith|\bplus|\band|\bremaining|\bexempt\s+from|\bwaived?|\breduction\s+of"
    # "The courses must include 15 credit hours of MSE graduate courses" (issue 19, sixth pass): a subset.
    r"|\b(?:must|shall|should|will|to)\s+include(?:\s+(?:at\s+least|a\s+minimum\s+of))?"
    r"|\bfull[-\s]time\s?\(|\bpart[-\s]time\s?\()(?:\s+an?)?\s?$",
    re.I,
)
# A course line ("LIS 5013 Foundations (3 credits)") or a count of core/elective courses.
_COURSE_BEFORE = v.regex(r"\b[A-Z]{2,4}\s?\d{3,4}\b[^()]{0,80}\(\s?$")
_PART_TOPIC_BEFORE = v.regex(r"\b(?:core|electives?|practicum|internship|thesis)\b[^.;\d]{0,30}$", re.I)
_TOTALISH = v.regex(
    r"\b(?:total|minimum|required|requires|require|complete|completion|consists?\s+of|comprised|program"
    r"|degree|graduate|credit[-\s]hour\s+program|to\s+earn)\b",
    re.I,
)
# "a 36-unit program", "the 42 credit-hour MLIS", "this 39 semester-hour curriculum": the number
# names the degree itself, so it is the total even when parts are listed beside it.
_STRONG_AFTER = v.regex(
    r"\s?(?:(?:online|graduate|master'?s?|professional)\s)?(?:program(?:me)?|degree|curriculum|mlis|mls|msls|msis|mis"
    r"|ms|ma|master'?s|M\.S\.L\.I\.S\.?|M\.L\.I\.S\.?|M\.L\.S\.?|M\.S\.I\.S\.?|M\.S\.|M\.A\.)(?!\w)"
    r"(?!\s+(?:in\s+)?(?:core|electives?|courses|practicum|internship))",
    re.I,
)
# "After completing at least 22 units", "once students have earned 18 credits": a point along the
# way, never the degree's total.
_PROGRESS_BEFORE = v.regex(
    r"\b(?:after|once|until|before|having|who\s+have|who\s+has)\b\s(?:[\w-]+\s){0,4}?(?:complet\w*|earn\w*|finish\w*|taken|took)"
    r"\s(?:(?:at\s+least|a\s+minimum\s+of|over|more\s+than)\s)?$",
    re.I,
)
_COUNT_AFTER = v.regex(r"\s?(?:courses?|classes)\b", re.I)
# "a 120-hour practicum", "a 6-credit thesis", "the 12-credit certificate": the number sizes a part
# (or another credential), never the degree.
_SIZES_A_PART = v.regex(
    r"\s?(?:(?:field|supervised|professional|required)\s+)?(?:practicum|internship|placement|fieldwork|field\s+experience"
    r"|thesis|capstone|project|portfolio|certificate|endorsement|concentration|specialization|track|minor)\b",
    re.I,
)
# "For students who started the MA program before the Fall of 2022 ... 39 credits": the old
# requirement, not what the degree requires now.
_STARTED_BEFORE = v.regex(
    r"\b(?:began|begun|started|entered|matriculated|enrolled|admitted)\b(?:[^.;\d]{0,40})\b(?:before|prior\s+to)\b", re.I
)
_OLD = v.regex(r"\b(?:before|prior\s+to|previously|formerly|earlier|until|old)\b", re.I)
_NEW = v.regex(r"\b(?:or\s+later|and\s+later|after|beginning|starting|effective|since|new|current(?:ly)?|now)\b", re.I)


# "Within the 36 hours, students complete ...", "Of those 40 hours, 6 are required", "a program
# of at least 36 semester hours", "a total of 36 credits": the number names the whole degree.
_STRONG_BEFORE = v.regex(
    r"(?:\bwithin\s+the|\bof\s+those|\bof\s+the|\bcomplet(?:e|ion\s+of|ing)\s+(?:at\s+least|a\s+minimum\s+of)"
    r"|\b(?:program|degree|curriculum)\s+(?:of|requires|consists\s+of)"
    r"(?:\s+at\s+least|\s+a\s+minimum\s+of)?|\ba\s+total\s+of|\bconsists?\s+of|\bconsist\s+of)\s?$",
    re.I,
)
# "consist of 40 credits: a three-credit course, ...": a total heading its parts.
_COLON_AFTER = v.regex(r"^\s?:")
_LISTS_PARTS = v.regex(r"\b(?:consists?|comprised?|total|degree|program)\b", re.I)
# A clause about a certificate, a certification or another credential is not the degree's.
_OTHER_CREDENTIAL = v.regex(
    r"\b(?:certificates?|certification|certified|endorsements?|licensure|minor|cas|post-master'?s)\b", re.I
)
# A clause about a per-term load ("The maximum course load is 15 hours in the fall").
_LOAD_BASE = (
    r"\bcourse\s+loads?\b|\bfull[-\s]time\s+(?:graduate\s+)?(?:student\s+)?status\b"
    # "may not enroll in more than eighteen (18) hours in any semester"
    r"|\bin\s+any\s+(?:one\s+)?(?:semester|term|quarter|session)\b|\b(?:enroll|register)\w*\s+(?:in\s+|for\s+)?(?:more|fewer)\s+than\b"
)
# "the most credit hours a student can register each semester", "The Spring Semester: 12 Credit Hours"
_LOAD_CLAUSE = v.regex(_LOAD_BASE + rf"|\b(?:{'|'.join(v.LOAD_WORDS)})", re.I)
_DEGREE_WORD = v.regex(r"\b(?:mlis|mls|msls|mslis|msis|mis|master'?s?|degree)\b", re.I)
# "reduced from 42 to 36 credit hours": the number the degree requires now is the second.
_CHANGED = v.regex(
    r"\b(?P<verb>reduced|decreased|lowered|cut|changed|increased|raised)\s+from\s+\d{1,3}(?:\s?(?:credits?|credit\s+hours|"
    r"semester\s+hours|hours|units))?\s+to\s+(?P<now>\d{1,3})(?:\s?(?:credit[-\s]hours?|credits?|semester\s+hours|hours|units))?",
    re.I,
)
# Credits added on top of a figure: the figure is then not the whole degree.
_EXTRA_BEFORE = v.regex(r"\b(?:plus|in\s+addition\s+to|additional)(?:\s+an?)?\s?$", re.I)
_BINDS_TOTAL = v.regex(r"(?<![\w])(?:" + "|".join(v.TOTAL_CREDITS_PREDICATES) + r")(?![\w])", re.I)
_PLACED_AFTER = v.regex(r"\s?(?:" + "|".join(v.TOTAL_CREDITS_PLACED_AFTER) + r")", re.I)
_SELECTED_AFTER = v.regex(v.TOTAL_CREDITS_SELECTED_AFTER, re.I)
_RATE_AFTER = v.regex(r"\s?(?:" + "|".join(v.TOTAL_CREDITS_RATE_AFTER) + r")\b", re.I)
# No master's degree totals fewer credits than this; a smaller number is a course or a load.
MIN_TOTAL = 12
# Nor more than this (the corpus's largest is 72 quarter units): 120 or 124 credits are a bachelor's degree's
# total, "90 credit hours beyond the baccalaureate" a doctorate's (issue 19, sixth pass). A bare value a
# spider located keeps the wider bound below.
MAX_TOTAL = 100


def _clauses(text: str) -> list[str]:
    # A dash before a number keeps the number with its heading: "Primary Core Coursework - 18 Credits".
    return [c for c in re.split(r"(?<=[;.])\s|\s-\s(?!\d)", text) if c]


_DASH_CLAUSE = v.regex(r"(?<=[\w)])\s-\s(?=(?-i:[A-Z])[a-z]+\s)")


def _prepare(text: str) -> str:
    """Digits for number words, restated figures collapsed, old-to-new changes read as the new."""
    # A spaced dash before a capitalized word starts a clause of its own ("Degree requirements (Minimum
    # of 33 hours) - No more than 9 credit hours from the College of Business ..."): a limit said there
    # is blanked alone, not with the total (issue 19, sixth pass).
    t = _DASH_CLAUSE.sub(". ", prepare(text))
    t = _stage_sentences_blanked(t)  # (seventh pass) credits for candidacy: a point along the way
    t = _RESTATED.sub(r"\1", words_to_digits(bound_text("total_credits", t)))
    return _CHANGED.sub(lambda m: f"now requires {m.group('now')} credits", t)


def _candidates(clause: str, parts: list[Decimal]) -> list[tuple[Decimal, bool, bool, bool, bool]]:
    """(value, clause is current, looks like a total, names the degree itself) for each number
    of one clause; numbers that are parts go to `parts` (they may add up to the total)."""
    found: list[tuple[Decimal, bool, bool, bool, bool]] = []
    totalish = bool(_TOTALISH.search(clause))
    bound = totalish or _BINDS_TOTAL.search(clause) is not None  # positive binding (R2)
    current = bool(_NEW.search(clause)) and not _OLD.search(clause)
    for m in _WITH_UNIT.finditer(clause):
        after = clause[m.end() : m.end() + 80]
        before = clause[max(0, m.start() - 25) : m.start()]
        head = clause[max(0, m.start() - 100) : m.start()]
        value = Decimal(m.group(1))
        strong = _STRONG_AFTER.match(clause, m.end()) is not None or _STRONG_BEFORE.search(before) is not None or (
            _COLON_AFTER.match(clause, m.end()) is not None and _LISTS_PARTS.search(head) is not None
        )
        if _PROGRESS_BEFORE.search(clause, max(0, m.start() - 60), m.start()):
            continue
        if _RATE_AFTER.match(clause, m.end()):
            continue  # "a total of 20 hours per week": a rate, whatever names it (R2b)
        if _SELECTED_AFTER.match(clause, m.end()):
            parts.append(value)  # "four courses (12 hours) from the categories listed below": a selection (sixth pass)
            continue
        if _PLACED_AFTER.match(clause, m.end()):
            parts.append(value)  # "8 of those 12 hours be in the major": a distribution rule (R2c)
            continue
        if compared(clause, m.start(), m.end()):
            continue  # "programs of 36 credits or less": a class of programs, not a requirement
        if _SIZES_A_PART.match(clause, m.end()):
            # "30 credits of coursework plus a 6-credit thesis": the total is then not stated.
            parts.append(Decimal(-1) if _EXTRA_BEFORE.search(before) else value)
            continue
        if not strong and subject_scope("total_credits", clause[: m.start()]):
            parts.append(value)  # "Core Courses (18 credits)": the nearest head is a part
            continue
        if not strong:
            if _PART_AFTER.match(after) or _PART_TOPIC_BEFORE.search(before) and not re.search(
                r"\b(?:total|degree|program)\b", before, re.I
            ):
                parts.append(value)
                continue
            if _PART_BEFORE.search(before) or _COURSE_BEFORE.search(head):
                if _EXTRA_BEFORE.search(before):
                    parts.append(Decimal(-1))  # "30 credits of coursework plus a 6-credit thesis"
                continue
        if re.match(r"^\s?(?:-|to)\s?\d", after) or re.search(r"\d\s?(?:-|to)\s?$", before):
            continue  # "12-18 credits per quarter": a load band, not a total
        if "total" not in m.group(0).lower() and not shape_binds("total_credits", clause, m.start(), m.end(), _SAME_KIND):
            continue  # shape gate ("36 total credits" names its binder itself)
        found.append((value, current, totalish, strong, bound or strong))
    for m in _UNIT_LABELLED.finditer(clause):
        if Decimal(m.group(1)) >= MIN_LABELLED_TOTAL and _labelled_shape(clause, m.start(1), m.end(1)):
            found.append((Decimal(m.group(1)), current, True, False, True))
    for m in _LABELLED.finditer(clause):
        if _LABEL_END.search(m.group("between")[-40:]):
            unit = _UNIT_AFTER.match(clause, m.end())
            if unit and _PART_AFTER.match(clause[unit.end() : unit.end() + 80]):
                continue  # "a 36 semester-hour program: 18 hours of core courses" - a part
            if _COUNT_AFTER.match(clause, m.end()):
                continue  # "Degree requirements: 12 courses (36 credit hours)" - a course count
            if _group_label(clause, m.start(2)):
                continue  # (seventh pass) "Required Graduate Courses: 24 Semester Hours": a course group's label
            if (re.search(rf"{LABEL_SEPARATOR}$", m.group("between")) or not unit) and _labelled_shape(
                clause, m.start(2), m.end(2)
            ):
                found.append((Decimal(m.group(2)), current, True, False, True))
    return found


def _decide(candidates: list[tuple[Decimal, bool, bool, bool, bool]], parts: list[Decimal]) -> Decimal | None:
    """One total from the candidates, or None when they do not agree on one."""
    candidates = [c for c in candidates if MIN_TOTAL <= c[0] <= MAX_TOTAL]
    if not candidates:
        return None
    if Decimal(-1) in parts and not any(c[3] for c in candidates):
        return None  # "30 credits of coursework plus a 6-credit thesis": the total is not stated
    if not any(c[4] for c in candidates):
        return None  # EXPERIMENT R2
    # Old vs new requirements: keep the current ones when both are stated.
    new = [c for c in candidates if c[1]]
    if new and len(new) < len(candidates):
        candidates = new
    values = {c[0] for c in candidates}
    if len(values) == 1:
        return plain(values.pop())
    strong = {c[0] for c in candidates if c[3]}
    if len(strong) == 1:
        return plain(strong.pop())  # "The MLS is a 30-unit program; 12 units are required core courses."
    totals = {c[0] for c in candidates if c[2]}
    if len(totals) == 1:
        return plain(totals.pop())
    # A total and its parts: "36 credit hours, 15 of them required" leaves the largest as the
    # whole only when the others add up to it.
    biggest = max(values)
    rest = [c[0] for c in candidates if c[0] != biggest]
    if sum(rest) == biggest or sum(rest) + sum(p for p in parts if p > 0) == biggest:
        return plain(biggest)
    return None


@gate("parse_credits")
def parse_credits(text: str) -> Decimal | None:
    """Total credits required now; None when the text states only parts, or nothing."""
    t = _prepare(text)
    bare = _BARE.match(t)
    if bare:
        value = Decimal(bare.group(1))
        return plain(value) if 0 < value <= 300 else None
    if floor_raised_by_programs("total_credits", t):
        return None  # a floor common to programs that set their own: not this program's total
    if heading_scope("total_credits", t):
        return None  # a list under another program's or a statistic's heading
    candidates: list[tuple[Decimal, bool, bool, bool, bool]] = []
    parts: list[Decimal] = []
    for clause in _clauses(t):
        if _OTHER_CREDENTIAL.search(clause) and not _DEGREE_WORD.search(
            _OTHER_CREDENTIAL.sub(" ", clause)
        ):
            continue  # "The post-master's certificate requires 15 credit hours."
        if _LOAD_CLAUSE.search(clause) or clause_scope("total_credits", clause):
            continue  # a load; another program's total; a statistic
        if _STARTED_BEFORE.search(clause) and not _NEW.search(clause):
            continue  # the requirement of students who started before a change
        candidates.extend(_candidates(clause, parts))
        if len(candidates) > 100:
            return None  # a list of numbers, not a statement of one total
    return _decide(candidates, parts)


_SAME_KIND = v.regex(rf"(?<![\d.$])\b\d{{1,3}}(?:\.\d)?\s?[-\s]?{_UNIT}", re.I)


_CANDIDACY = v.regex(r"(?<![\w])(?:" + "|".join(v.SCOPES["candidacy"][1]) + r")(?![\w])", re.I)


def _stage_sentences_blanked(t: str) -> str:
    """(issue 19, seventh pass) The text with every sentence that names candidacy blanked: a lead-in
    ("... become candidates for the degree as follows: Master's Degree: Successful completion of 12
    units") holds over the labelled items its sentence lists, which binding.clauses splits off."""
    if _CANDIDACY.search(t) is None:
        return t
    return "".join(" " * (b - a) if _CANDIDACY.search(t, a, b) else t[a:b] for a, b in sentences(t))


def _group_label(clause: str, start: int) -> bool:
    """(issue 19, seventh pass) Whether the label a figure follows names a course group ("Required Graduate
    Courses: 24", vocabulary's "part_group" scope) rather than the degree: the head before the figure."""
    return subject_scope("total_credits", clause[:start]) == "part_group"


def _labelled_shape(clause: str, start: int, end: int) -> bool:
    """Shape gate for a labelled figure ("Total Credits: 37"): the label binds it when nothing of
    another kind stands between (binding.shape_binds); its unit, if written, goes with it."""
    unit = _UNIT_AFTER.match(clause, end)
    return shape_binds("total_credits", clause, start, unit.end() if unit else end, _SAME_KIND)
