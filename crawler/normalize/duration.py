"""How long the program takes, in months.

Conventions (an academic year is what programs mean by "a year"):
- 1 year = 12 months; 1 semester = 6 months (two semesters make an academic year, so
  "4 full-time semesters" = 24 months); 1 quarter or trimester = 4 months (three make a year);
  weeks are divided by 4.33 and rounded. "terms" are skipped (a term may be a semester or a
  quarter).
- "four-to-five semesters" is a range like "4-5 semesters".
- A single figure gives months_min == months_max ("2 years" -> 24/24); a range gives both ends
  ("1-3 years" -> 12/36); several statements give the overall span ("2 years full-time; 3-4
  years part-time" -> 24/48).
- "as few as 21 months" / "in as little as" is a lower bound only (months_min=21, max None).
- A time limit ("must finish within five years", "up to 6 years to complete") is only a maximum,
  and is used only when the text states nothing else (months_min None, months_max 60). Two
  different limits that nothing picks between ("programs of 36 credits or less ... five years;
  more than 36 credits ... eight years") give None.
- A limit may also be a heading or a grant: "Maximum time to degree: 7 years", "Time limit for
  completion: 5 years", "Students have six years to complete the degree", "The Graduate School
  allows five years", "a 6-year time limit". A limit never widens stated lengths.
- Lengths of a course or a term ("8-week sessions", "7-week terms") are not program lengths.
- Durations of something else are skipped: "2 years of work experience", "GPA in the last two
  years", "courses taken within the last 6 years", "after one year a new application is required".
- No program is shorter than MIN_MONTHS: "a Quarter system", "1-2 classes a semester" name terms.
- A question states no length ("Can I finish the program in under two years?").
- Positive binding (issue 19, third pass; vocabulary "positive binding"): a span is read only in a
  sentence naming a duration predicate (complete, finish, program, degree, study, time, limit,
  full-time, ...) or as a bare value a spider located by its label ("18 months"): "A student who does
  not enroll for three semesters, or one year, must apply for readmission" states no length. An
  obligation to complete makes every span of its clause a limit ("must be completed during the six
  years ..."); a span counted from the program's start is a limit ("seven years from the date of
  admission"); a count per year is a frequency ("three 14-week terms a year"); a sentence whose
  subject is the minimum time states lower bounds; a university default that a program may replace
  ("unless ... a program with a different time limit") is not the program's; a heading the text
  starts with holds its scope over the list under it.
- Shape gate (issue 19, fourth pass; binding.py "shape gate"): each span is kept only where a duration
  binder (complete, finish, within, program, degree, time limit, takes, full-time, ...) stands within
  a few words of it with nothing of another kind between: another span (a week count does not count;
  spans joined by "or"/"to" share one binder), another credential owning the binder ("for Bachelor's
  degree in four years") or named right after the span ("9 years for the doctorate"). A clause about a
  dissertation, an assistantship or other funding, an extension or exception, another discipline's
  program, or a class of programs by size ("programs of 36 credits or less") moves every span; a
  span followed by "and one summer session" is not the whole length; "the limit starts over" is not
  the limit.
- Fifth pass (issue 19): a certificate, an associate degree or a diploma named before a span with no
  word of this program between owns it ("The time limit for certificate completion is three years",
  "Associate Degree: Four semesters"); a worked example ("For example, ... approximately 2.5 years"),
  a clause about waivers, a class of degrees as subject ("most master's degrees can be satisfied in
  one year") and programs named by a capitalized name move every span of the clause; a span "from
  matriculation" or "from admission" is a limit.
- Sixth pass (issue 19; vocabulary "sixth pass", binding.py "shape gate, sixth pass"): what most students
  do is a statistic, not the length ("Most students complete the program in three years", "the vast
  majority of students finish in 3 years", "Most finish in 2 years"; a limit the same students have stays
  one, and a pace named with the subject, "Most full-time students complete the program in 2 years", is
  the length); a count of semesters or quarters that includes summer sessions gives no months ("4
  semesters (including Summer Sessions I & II)"); a part's span ("four academic years for coursework and
  two years for thesis"); work experience ("a year of full-time relevant professional experience"); a
  class of programs with a level word or a quantifier pronoun as subject ("Most master's level programs
  require two years", "Some are designed as a one year program"); another credential anywhere before the
  span in its clause ("The associate degree programs are designed to be completed in ... two years"). A
  limit counted back from graduation is a limit ("within six years of the date of graduation").
- Seventh pass (issue 19; vocabulary "seventh pass"): how old earlier work may be is not the limit ("Tests and
  course work taken before entry into the graduate program may count if completed within five years of
  acceptance", "courses taken more than six (6) years before graduation do not count"); a span restated in
  digits is one span ("within six (6) years"); a heading naming time limits makes the spans of the text's first
  sentence limits ("Maximum time limits for degrees are as follows: ..."); a row of a flattened table labelled
  by another degree level owns its span ("Undergraduate Degree 6 years Master's Degree 5 years",
  binding.seventh_pass_veto).
- A length stated only for part-time students is the slow end: "A part-time student is expected to
  finish the degree in 4 years" -> months_max 48, months_min None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, ROUND_HALF_UP

from . import vocabulary as v
from .binding import CLAUSE_REACH, heading_scope, one_or_none, scope_of, shape_binds
from .models import Duration
from .text import prepare, sentences, words_to_digits
from .familiar import gate

MONTHS_PER: dict[str, Decimal] = {
    "year": Decimal(12), "month": Decimal(1), "semester": Decimal(6), "quarter": Decimal(4),
    "trimester": Decimal(4), "week": Decimal(1) / Decimal("4.33"),
}
_UNIT = r"(?P<unit>years?|yrs?\.?|months?|mos?\.?|semesters?|quarters?|trimesters?|weeks?)"
_NUM = r"\d{1,2}(?:\.\d)?|a|an|one|half\s+a"
_SPAN = v.regex(
    rf"(?<![\d.])(?P<low>{_NUM})(?:\s?(?:-to-|-|to|or)\s?(?P<high>\d{{1,2}}(?:\.\d)?))?"
    rf"(?P<more>\s?\+|\s?\(or\s+(?:more|longer)\))?[-\s](?:(?:full|part)[-\s]time\s|academic\s|calendar\s|consecutive\s)?{_UNIT}\b",
    re.I,
)
# "a year and a half", "one and a half years", "two and a half years": as decimals.
_HALF = v.regex(r"\b(?:a|one|1)\s+year\s+and\s+a\s+half\b", re.I)
_AND_HALF = v.regex(r"\b(\d{1,2}|a|one)\s+and\s+a\s+half\s+(years?|semesters?)\b", re.I)
# "Part-time: up to 4 years", "or up to four years of part-time study": the part-time length, not
# a time limit (issue 9).
_PART_TIME = v.regex(r"\bpart[-\s]?time\b", re.I)
_FULL_TIME = v.regex(r"\bfull[-\s]?time\b", re.I)
# A part-time student's pace, not a program designed as part-time ("a part-time program completed in
# three years" is the program's length).
_PART_TIME_STUDENT = v.regex(
    r"\bpart[-\s]?time\s+(?:[\w']+\s)?(?:students?|learners?|study|studies|basis|enrollment|pace|schedule)\b"
    r"|\b(?:attend\w*|study\w*|enrolled|going)\s+part[-\s]?time\b",
    re.I,
)
# Sentences about something other than the program's length: incompletes, leaves of absence,
# transfer credits, decisions, appeals (issue 9, class 8).
_OTHER_LIMIT = v.regex(
    r"\b(?:incompletes?|leave\s+of\s+absence|transfer\w*|grades?|removed|appeals?|petitions?|refund\w*|re-?apply"
    r"|decisions?|defer\w*|visas?|financial\s+aid|reinstat\w*|(?:new|another)\s+application)\b",
    re.I,
)
# A program is never weeks long: weeks below this are a course's or a term's length.
MIN_WEEKS = 40
# Nor shorter than this many months: "a semester", "a quarter" name a term ("CCI runs on a Quarter
# system", "taking 1-2 classes a semester"), never the program's length.
MIN_MONTHS = 9
_LOWER_BOUND = v.regex(
    r"\b(?:as\s+(?:few|little|short)\s+as|in\s+as\s+(?:few|little)\s+as|minimum\s+of|at\s+least|no\s+(?:less|fewer)\s+than)\s?$"
    r"|\bminimum\s+(?:time|length|duration)\b[^.;\d]{0,30}$",
    re.I,
)
_LIMIT = v.regex(
    r"\b(?:within|no\s+more\s+than|not\s+(?:to\s+)?exceed|up\s+to|maximum(?:\s+of)?|time\s+limit(?:ation)?(?:\s+of)?|limit\s+of"
    r"|no\s+longer\s+than|at\s+most|have|has|are\s+(?:allowed|given|permitted)|allowed|given|permitted"
    # "The Graduate School allows five years to complete the degree", "policy permits 6 years".
    r"|allows?|allowing|permits?|grants?|gives|a\s+period\s+of|no\s+later\s+than|within\s+an?)\s?(?:students\s|you\s|them\s)?$"
    # A heading that names a limit: "Maximum time to degree: 7 years", "Time limit for completion: 5 years".
    r"|\b(?:(?:maximum|max\.?)\s+(?:time|length|period)|time\s+limit|statute\s+of\s+limitations?)\b[^.;\d]{0,30}$",
    re.I,
)
# "a 6-year time limit", "5 years from the first course taken": a limit written after the figure.
_LIMIT_AFTER = v.regex(
    r"^\s?(?:time\s+limit|limit\b|statute|from\s+(?:the\s+)?(?:first|initial|start|term|semester|date\s+of\s+(?:admission|matriculation|first))"
    r"|of\s+(?:admission|matriculation|(?:the\s+)?first\s+(?:course|enrollment|registration))|after\s+(?:admission|matriculation))",
    re.I,
)
_NOT_DURATION_AFTER = v.regex(
    # ("two semesters of satisfactory graduate work" is study, not employment)
    r"^\s?(?:of\s+(?!(?:\w+\s){0,2}?(?:graduate|academic|course)\s?work)(?:\w+\s){0,2}?(?:experience|work|employment|service|study\s+abroad)"
    r"|of\s+(?:undergraduate|coursework|college)"
    # "one year experience working", "three semester units": experience, and credit units.
    r"|(?:[\w-]+\s){0,1}?(?:experience|employment)\b|(?:units?|credits?|credit\s+hours?)\b"
    r"|old|ago|prior|before|after|of\s+(?:the\s+)?(?:date|graduation)|from\s+(?:the\s+)?date)",
    re.I,
)
# A singular unit used as an adjective: "8-week sessions", "7-week terms" (a course's or a term's
# length), "the 3 year plan", "a two-year rotation" (a planning document, a course cycle). A plural
# unit is a noun ("4 full-time semesters Course delivery ...": the next label of a flattened table).
_ADJECTIVE_AFTER = v.regex(
    r"^\s?(?:(?:sessions?|courses?(?!\s+of\s+study)|classes|class|terms?|sub-?terms?|blocks?|modules?|format)\b"
    r"|(?:plans?|planners?|planning|cycles?|rotations?|schedules?)\b)",
    re.I,
)
_NOT_DURATION_BEFORE = v.regex(
    r"\b(?:last|past|previous|final|recent|first|each|every|per)\b\s?(?:\w+\s)?$|\bolder\s+than\s?$|\bafter\s?$"
    r"|\b(?:times|once|twice)\s?$",
    re.I,
)


# Positive binding (issue 19, third pass; vocabulary "positive binding"): a span is the program's
# length or limit only in a sentence that names a duration predicate; an obligation to complete makes
# any span of its clause a limit; a span counted from the program's start is a limit, not "ago"; a
# count per year is a frequency.
_PREDICATE = v.regex(r"(?<![\w])(?:" + "|".join(v.DURATION_PREDICATES) + r")(?![\w])", re.I)
_OBLIGATION = v.regex(r"(?<![\w])(?:" + "|".join(v.DURATION_OBLIGATION) + r")(?![\w])", re.I)
_FROM_START = v.regex(r"^\s?(?:" + "|".join(v.DURATION_FROM_START) + r")(?![\w])", re.I)
_LOWER_SUBJECT = v.regex(r"\b(?:minimum|shortest)\s+(?:time|length|duration|period)\b", re.I)
_SUMMERS_COUNTED = v.regex(v.DURATION_SUMMERS_COUNTED_AFTER, re.I)
_COUNTED_TO_END = v.regex(v.DURATION_COUNTED_TO_END, re.I)
_EXPERIENCE_AFTER = v.regex(v.DURATION_EXPERIENCE_AFTER, re.I)
# What most students do (issue 19, sixth pass): a statistic, not the designed length.
_STATISTIC_SUBJECT = v.regex(r"(?<![\w])(?:" + "|".join(v.DURATION_STATISTIC_SUBJECTS) + r")(?![\w])", re.I)
_FREQUENCY_BEFORE = v.regex(r"\b(?:" + "|".join(v.DURATION_FREQUENCY_BEFORE) + r")\s$", re.I)


# Another span of the program's kind standing between a binder and a span (shape gate): a week count
# ("five 15-week semesters, or about 20 months") sizes a term, not the program.
_OTHER_SPAN = v.regex(
    rf"(?<![\d.])\b\d{{1,2}}(?:\.\d)?(?:\s?(?:-|to|or)\s?\d{{1,2}})?[-\s](?:(?:full|part)[-\s]time\s|academic\s)?"
    r"(?:years?|months?|semesters?|quarters?|trimesters?)\b",
    re.I,
)


# A value a spider located by its label ("18 months", "12-month accelerated option"): the span with at
# most this many words beside it binds through that label.
BARE_WORDS = 3


def _bare(rest: str) -> bool:
    return len(re.findall(r"[A-Za-z]+", rest)) <= BARE_WORDS


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


_RESTATED = v.regex(v.RESTATED_FIGURE)
# (seventh pass) A heading naming time limits: every span of the text's first sentence is a limit.
_LIMIT_HEADING = v.regex(v.DURATION_LIMIT_HEADING, re.I)


def _prepare(text: str) -> str:
    t = words_to_digits(prepare(text))
    t = _RESTATED.sub(r"\1", t)  # (seventh pass) "six (6) years" is one span
    t = _HALF.sub("18 months", t)
    return _AND_HALF.sub(lambda m: f"{1 if m.group(1).lower() in ('a', 'one') else m.group(1)}.5 {m.group(2)}", t)


@gate("parse_duration")
def parse_duration(text: str) -> Duration | None:
    """Months to complete (min, max); None when the text states no program length."""
    t = _prepare(text)
    if heading_scope("duration", t):
        return None  # a list under a co-op's, an accreditation's or a statistic's heading
    spans = sentences(t)
    starts = [a for a, _ in spans]
    matches = []
    for m in _SPAN.finditer(t):
        before = t[max(0, m.start() - 30) : m.start()]
        after = t[m.end() : m.end() + 40]
        from_start = _FROM_START.match(after) is not None or _COUNTED_TO_END.match(after) is not None
        if (_NOT_DURATION_AFTER.match(after) and not from_start) or _NOT_DURATION_BEFORE.search(before):
            continue
        if m.group("low").lower() in ("a", "an") and _FREQUENCY_BEFORE.search(before):
            continue  # "three 14-week terms a year": a frequency
        if not m.group("unit").lower().rstrip(".").endswith("s") and _ADJECTIVE_AFTER.match(after):
            continue
        if _SUMMERS_COUNTED.match(after) and m.group("unit").lower().rstrip("s.") in v.DURATION_TERM_UNITS:
            continue  # "4 semesters (including Summer Sessions I & II)": the months are unknown
        if _EXPERIENCE_AFTER.match(t, m.end(), m.end() + 80):
            continue  # "a year of full-time relevant professional experience"
        k = bisect_right(starts, m.start()) - 1
        a, b = spans[k] if k >= 0 else (0, len(t))
        a, b = max(a, m.start() - CLAUSE_REACH), min(b, m.end() + CLAUSE_REACH)  # bounded work per span
        if _OTHER_LIMIT.search(t, max(a, m.start() - 60), min(b, m.end() + 40)):
            continue  # the words around the figure are about an incomplete, a leave, a transfer
        if scope_of("duration", t, m.start(), m.end()):
            continue  # a statistic, an accreditation's term, a co-op, another program
        if m.group("unit").lower().startswith("week") and not (m.group("high") or m.group("low")).isdigit():
            continue
        if m.group("unit").lower().startswith("week") and Decimal(m.group("high") or m.group("low")) < MIN_WEEKS:
            continue
        if t[a:b].rstrip().endswith("?"):
            continue  # a question states no length ("Can I finish the program in under two years?")
        if not _PREDICATE.search(t, a, b) and not _bare(t[a : m.start()] + " " + t[m.end() : b]):
            continue  # positive binding: nothing in the sentence makes the span the program's
        if not shape_binds("duration", t, m.start(), m.end(), _OTHER_SPAN):
            continue  # shape gate: no duration binder within reach, or something of another kind between
        obliged = _OBLIGATION.search(t, a, b) is not None or (k <= 0 and _LIMIT_HEADING.match(t) is not None)
        # "The minimum time is two academic years ... for two years": a sentence whose subject is the
        # minimum states a lower bound for every span in it.
        lower_subject = _LOWER_SUBJECT.search(t, a, m.start()) is not None
        # "Most students complete the program in three years": what students do (the clause up to the span).
        statistic = _STATISTIC_SUBJECT.search(t[a : m.start()]) is not None
        in_paren = t.rfind("(", 0, m.start()) > t.rfind(")", 0, m.start())
        part_time = bool(_PART_TIME_STUDENT.search(t, a, b)) and not _FULL_TIME.search(t, a, b)
        matches.append((m, before, after, in_paren, part_time, obliged or from_start, lower_subject, statistic))
    # A parenthesis restates the length beside it ("a year (three consecutive semesters)").
    if any(not x[3] for x in matches):
        matches = [x for x in matches if not x[3]]
    lows: list[int] = []
    highs: list[int] = []
    limits: list[int] = []
    part_time_ends: list[int] = []
    open_ended = False  # "3 (or more) years": no upper end is stated
    part_time_only = True  # every stated length is a part-time student's
    for m, before, after, _, part_time, obliged, lower_subject, statistic in matches:
        low = _months(m.group("low"), m.group("unit"))
        high = _months(m.group("high"), m.group("unit")) if m.group("high") else low
        if low is None or high is None or low <= 0 or high < low or high > 120 or high < MIN_MONTHS:
            continue
        if _LIMIT.search(before) or _LIMIT_AFTER.match(after) or (obliged and not _LOWER_BOUND.search(before)):
            if re.search(r"\bup\s+to\s?$", before) and (_PART_TIME.search(before) or _PART_TIME.search(after)):
                part_time_ends.append(_whole(high))  # "Part-time: up to 4 years"
            else:
                limits.append(_whole(high))
        elif statistic:
            continue  # "Most students complete the program in three years": a statistic, not the length
        elif _LOWER_BOUND.search(before) or m.group("more") or lower_subject:
            lows.append(_whole(low))
            open_ended = open_ended or bool(m.group("more"))
        else:
            lows.append(_whole(low))
            highs.append(_whole(high))
            part_time_only = part_time_only and part_time
    if lows and highs and part_time_only and not part_time_ends and not open_ended:
        # "A part-time student is expected to finish the degree in 4 years": the slow end of the
        # program only; how fast it can be done is not stated.
        return Duration(months_min=None, months_max=max(highs))
    if part_time_ends and lows:
        highs.extend(part_time_ends)
    elif part_time_ends:
        limits.extend(part_time_ends)
    if lows or highs:
        top = max(highs) if highs and not open_ended else None
        return Duration(months_min=min(lows) if lows else None, months_max=top)
    if limits:
        # Two different limits and nothing that picks one ("programs of 36 credits or less ... five
        # years; more than 36 credits ... eight years"): the program's limit is unknown.
        limit = one_or_none(limits)
        return Duration(months_min=None, months_max=limit) if limit is not None else None
    return None
