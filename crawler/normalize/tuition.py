"""Tuition and fee rates from one piece of price text.

How a line is read, in order:

1. Every dollar amount is found (money.find_amounts). Amounts that are not a stated price are
   set aside: worked examples ("Example: 9 units = $8,328.00", "a 3-credit course would cost
   $2,700"), ranges ("$20-$150 per credit"), and approximations or bounds ("about $19,980",
   "up to $500", "starting at $450").
2. Each remaining amount takes the words glued to it: a label ("tuition", "program fees"), a
   unit ("per unit", "/credit hour", "a semester", "per 3-hour course"), a load threshold
   ("(7+ units)") and a trailing residency ("per SCH nonresident").
3. Amounts joined by plain text ("+", "/", ",", "Cost per Year") form a group; text that names
   a residency, campus, attendance or load, or a sentence end, starts a new group whose heading
   ("In-State On-Campus", "Part Time 1-8 HOURS:") qualifies every amount in it. A heading that
   names nothing inherits the previous group's qualifiers within the sentence.
4. Inside a group an amount without its own unit borrows one: from a unit written after the
   last amount of a formula ("$X tuition + $Y fees + $Z fees per semester"), else from the
   heading ("Tuition + fees per credit hour: $565 / $76.16 / $641.16"), else a fee charged at a
   per-term load ("$228 program fees (7+ units)") is per term; otherwise it is not a rate.
5. A total ("Total $641.16", "tuition and fees: $641.16") is neither a tuition nor a fee: dropped.
   "Total program cost: $19,980" is the program's price (per="program"); "$750 per credit hour,
   or $27,000 for the 36-credit degree" restates the rate (dropped). Costs the school does not
   charge (cost of attendance, books, living expenses) are not rates.

Decisions (each tested in tests/normalize/test_normalize_tuition.py):
- Residency pairs: a unit stated once carries to the other residency's amount, in the same
  sentence or after a ";" ("$541/credit hour for Texas residents; $1,058 for non-residents"), and
  back from the last cell of a flattened row ("Resident $507.25 Non-resident $1,123.25 per credit").
- "Out-of-state online students pay the in-state rate of $398" is one rate, residency "any".
- Graduate and undergraduate rows in one text: the nearest level word before an amount decides,
  and undergraduate rows are dropped (an MLIS is never priced at the undergraduate rate). So are
  rows of another discipline or credential (vocabulary.OTHER_DISCIPLINES: "Grad Nursing $396.20",
  "Tuition per year, MFA program $19,392"), unless the row's list of schools names ours; a row label
  after its amount and a dash ("$25/sch - All Graduate") is that amount's.
- Flattened table cells that are not a current price are skipped: the columns of earlier years
  under a header of academic years ("2017-2018 | 2018-2019"), and loads worked out as whole
  multiples of the row's first price ("$717.00 $2,151.00 $4,302.00").
- A row naming only its attendance or load stays under the residency heading above it in its
  sentence ("In-State Full-time $6,000 per semester Part-time $500 per credit").
- A page in Canadian dollars (a province, "Canadian students", a Canadian university's name, a
  "Canadian International" column) gives no rate, even where binding blanks the sentence saying so.
- A named fee with no unit ("Technology fee $125") is not a rate, unless its sentence speaks of
  a semester/term/quarter ("A technology fee of $150 is charged each semester" -> per term).
- A fee whose name says where it is charged ("online learning fee", "distance education fee")
  gets applies_to "online" itself, but its name is never a heading for the amounts after it.
- Qualifiers right after an amount ("(full-time)", "for full-time enrollment (9 or more credit
  hours)") belong to that amount, never to the next one.
- Caps ("capped at $426 per semester", "max $240") are bounds, not prices.

- A unit written inside a parenthesis is its amount's alone ("Tuition 2014-2015 $40,449 ($13,483 per
  term)": the yearly figure has no unit of its own and is left out); a sentence's term word gives a
  unitless fee its unit only when no other amount of the sentence carries a unit of its own ("the
  $150 fee per semester and the $755 insurance fee per 6 months": the insurance is left out).
- A sentence that calls its figures estimates ("Estimated Tuition and Fees | ... | $4,490") states
  no rate; a row labelled as an audit ("Audit (per credit hour) $300") is no rate either.
- A label naming a service right before its amount ("Technology (per course): $50",
  vocabulary.SERVICE_CHARGE_LABELS) makes a fee.

Positive binding (issue 19, third pass; each switchable for benchmarks/reading_rules.py):
- Without a price word (vocabulary.PRICE_WORDS) before an amount or in its sentence, an amount
  named as an amount ("Maximum Annual Amount ... Full-time: $500", an award) or a text with no
  unit at all gives no rate; a bare rate in a rate's form ("Resident $552.25 Non-resident $1,182
  per credit hour", the value a spider located) is read as before.
- Rows of a course ("TGS 512 Continuous Registration $100/quarter"), of students outside the
  degree, or of a differential charged by program or course are dropped like another discipline's.
- Rates not yet set ("based on a proposed $2,421 per credit") and budgets that list living costs
  beside tuition state no rate; a fee named by "tuition" right before it ("the base tuition
  registration fee") is the tuition; a row label naming a one-time charge ("Late registration for
  continuing students - $40") makes its amount one-time, with or without the word "fee".

Shape gate (issue 19, fourth pass; binding.rate_shape, switch binding.SHAPE_GATE): a rate is
returned only where its unit comes from one of the kept shapes (binding.RATE_SHAPES: its own unit
"$N per credit", its label's "Tuition per credit: $N", a heading's unit over a residency row, a
formula's last unit, a per-term load, a table column, "a fee of $N is charged each semester", "the
following figures are semester rates") and nothing of another kind stands between (binding.
RATE_VETOES): a row of table cells whose header does not name each cell's column, one to one, gives
nothing (and a row binds whole: one refused cell takes the row); so does a figure printed without
"$" between an amount and its label, a term word that is not the amount's predicate ("End of
semester ... charge $75.00"), a unit of another level's courses, an unlabelled amount under a fee's
heading (never read as tuition), and another college's name before it. A unit with a charge's name
right after an amount and only a note before the next amount heads that next amount ("$590 Per
course fee (Office of Global Distance) $130").

Fifth pass (binding.rate_scope_before, switch binding.RATE_SCOPE_SWITCH): a rate also abstains where
a scope word stands in the few words before it (after the amount before): a session named by a
preposition ("Tuition for summer session is $420 per credit hour"), a reduced or discounted rate,
another credential's row ("... Certification: $420 per credit hour"), a living cost ("For spouse:
$11,500/year"), an applicant group outside the degree ("Non-Degree Costs:") or other programs named
in a "for the ... majors" scope; a word named with this program's rate ("includes Certificates")
does not move it (words: vocabulary.RATE_SCOPE_BEFORE).

Sixth pass (issue 19, r6-money; switches ROW_KIND_STOPS, ROW_UNIT, COLUMN_LABELS, GENERAL_ROWS,
BARE_SCHEDULE): a header's run of column labels binds a row of as many cells one to one, by kind
("Tuition General Fees Total"), by level ("Undergraduate Tuition Graduate Tuition Optometry Tuition":
another level's cell is dropped) or by credit range ("Range I (12+ hours) ..." with "Semester Rates");
a row whose label names nothing the table knows ("| Regional |") binds no cell, nor does a row of
cells without a header (a short note after a cell's unit keeps the row). A kind-column table of level
rows is read by its rows though binding blanked it for a doctoral row. With a row of this program's
own, a general rate's rows are other rows. A kind a row label gave (audit, one-time) stops at the next
level row ("Masters" rows are ours); cells after a row's label take that row's unit. A schedule of
charges printed without "$" reads a whole number right after "tuition/fee per <unit>". Scopes named in
the heading, right after a rate, or a payer group without a contract residency: binding.py.

Seventh pass (issue 19, r7-money; binding.py "Seventh pass", vocabulary "money, seventh pass"): a rate
also abstains where it prices something other than the program's enrolment: an insurance plan or credit
awarded by assessment (portfolio, prior learning, proficiency exams) named before it or in the text's
heading, another master's or degree named by its field ("Master of Accountancy, per credit hour $665"),
students outside any degree ("High School Dual Credit" rows), a wage paid by the hour ("the minimum rate
paid ... is $8.56/hour"), and a flattened table's cell beside a placeholder cell ("$5.56 | -- |").

Only the first MAX_AMOUNTS amounts are read: a longer price list is not one fact's evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import qualifiers as q
from . import vocabulary as v
from .binding import GATE_REACH, PROGRAM_OWN, bound_text, rate_shape, unit_heads_next
from .models import Rate
from .money import OTHER_CURRENCY, Amount, dollars_and_amounts, find_amounts
from .text import prepare, sentences
from .familiar import gate

_UNIT = (
    r"(?P<course>(?:(?:\d{1,2}|one|two|three|four|five|six)[-\s](?:semester\s+|credit\s+)?"
    r"(?:credit|unit|hour)s?[-\s])?(?:credit\s+|graduate\s+)?(?:courses?|class(?:es)?))"
    r"|(?P<credit>(?:quarter\s+|semester\s+)?(?:credit[-\s]hours?|credits?|units?|hours?|hrs?\.?"
    r"|sch|s\.c\.h\.|cr\.?(?:\s?hrs?\.?)?))"
    r"|(?P<term>semesters?|terms?|quarters?|trimesters?)"
    r"|(?P<year>(?:academic\s+)?(?:years?|yrs?\b\.?)|annum)"
    r"|(?P<program>(?:entire\s+|whole\s+|full\s+)?(?:program|degree))"
)
_LABEL_WORD = r"(?:tuition|fees?|charges?|surcharges?|total)"
_POST_LABEL_WORD = r"(?:tuition|fees?|charges?|surcharges?)"
_RES_WORD = "|".join(
    (r"residents?\s+(?:and|&)\s+non-?\s?residents?", *v.RESIDENCY_OUT, *v.RESIDENCY_IN, *v.RESIDENCY_INTL)
)


def _post_pattern(labels: bool) -> re.Pattern[str]:
    """Everything an amount may carry after it. All parts optional and short: a bounded match.
    Without labels when the amount's label stands before it ("Tuition $565.00 Fees $76.16": the
    "Fees" after it introduces the next amount)."""
    never = "" if labels else "(?!)"
    return v.regex(
        r"\s?\*{0,3}"
        # Not "total": "$836 Total cost (36 credits): $30,096" - a "Total" after an amount heads
        # the next one.
        # "$1,175 (tuition) + $60 (fees)": the label may stand in parentheses.
        rf"(?:\s?(?:in\s+)?(?P<lparen>\(\s?)?(?P<label>{never}(?!includ|incl\b|plus\b)(?:(?!per\b|total\b)[a-z][a-z-]*\s){{0,3}}{_POST_LABEL_WORD})\b"
        r"(?(lparen)\s?\))\s?\*{0,3})?"
        rf"(?:\s?(?P<open>\(\s?)?(?P<per>(?:per|/|an?|each|every)[-\s]?(?:{_UNIT})\b"
        r"|for\s+the\s+(?:entire\s+|whole\s+|full\s+)?(?:\d{1,3}[-\s](?:credit|unit|hour)s?(?:[-\s]hours?)?\s+)?"
        r"(?P<program2>program|degree)\b"
        r"|(?P<annual>annually|yearly|per\s+annum)\b)(?(open)\s?\)))?"
        # "$75 per semester technology fee": the fee's name may follow its unit (two words at most).
        rf"(?:\s?\*{{0,3}}\s?(?P<label2>{never}(?:(?!(?:and|or|plus|per|for)\b)[a-z][a-z-]*\s){{0,2}}?(?:tuition|fees?))\b)?"
        rf"(?:\s?\(?\s?(?:at|for|with)?\s?(?P<thr>\d{{1,2}}\s?(?:\+|or\s+more|(?:-|to)\s?\d{{1,2}})\s?{q.LOAD_UNIT})\s?\)?)?"
        rf"(?:\s?(?:\(\s?|(?:for|to)\s+)(?:[A-Za-z.-]+\s){{0,2}}?(?P<res>{_RES_WORD})(?:\s+students)?\)?"
        rf"|\s?(?-i:(?P<res2>resident|residents|nonresident|nonresidents|non-resident|non-residents|in-state|out-of-state"
        r"|international))\b)?",
        re.I,
    )


_POST = _post_pattern(labels=True)
_UNIT_ONLY = v.regex(rf"(?:per|/)[-\s]?(?:{_UNIT})", re.I)
_POST_NO_LABEL = _post_pattern(labels=False)
# "Tuition $565", "Fees: $76.16", "Tuition Per Credit Hour: $565.00": the label (with its unit)
# stands right before the amount, so a label after the amount ("... Fees Per Credit Hour: $76.16")
# heads the next amount, never this one.
_LABEL_RIGHT_BEFORE = v.regex(
    rf"\b{_LABEL_WORD}(?:\s?(?:per|/)[-\s]?(?:{_UNIT}))?\s?(?:\((?:[a-z/-]+\s?){{1,4}}\)\s?)?:?\s?$", re.I
)
_PRE_PER = v.regex(
    rf"(?:(?:per|/)[-\s]?(?:{_UNIT})\b|(?P<annual>annual|yearly|per\s+year|a\s+year)\b"
    r"|(?P<program2>program\s+(?:tuition|cost)|total\s+program|total\s+tuition|for\s+the\s+(?:entire\s+|whole\s+)?program"
    r"|-credit\s+program)\b"
    r"|(?P<semester>semester|term|quarterly)\s+(?:tuition|cost|rate)\b)",
    re.I,
)
# A label naming a service right before its amount, with its colon (vocabulary.SERVICE_CHARGE_LABELS).
_SERVICE_LABEL = v.regex(
    rf"(?<![\w-])(?:{'|'.join(v.SERVICE_CHARGE_LABELS)})(?:\s+\((?:[a-z/-]+\s?){{1,3}}\))?\s?:\s?$", re.I
)
# Abstaining: a sentence that calls its figures estimates states no rate; an audit's row is no rate.
_ESTIMATE = v.regex(rf"\b(?:{'|'.join(v.ESTIMATE_WORDS)})\b", re.I)
_AUDIT_LABEL = v.regex(rf"\b(?:{'|'.join(v.AUDIT_LABELS)})\b(?:\s?\([^()]{{0,30}}\))?\s?:?\s?$", re.I)
_ONLY_GAP = v.regex(r"\s?:?\s?")
_HEADS_NEXT = v.regex(r"\s?\*{0,3}\s?:")
_LABELS = v.regex(rf"\b{_LABEL_WORD}\b", re.I)
_ONE_TIME = v.regex(r"\b(?:application|transcript|graduation|late|deposit|parking|orientation|housing|audit(?:ing)?)\b", re.I)
_EXAMPLE = v.regex(
    r"\b(?:for\s+example|example|e\.g\.|for\s+instance|sample|would|could|might|illustrat\w*)\b", re.I
)
_COMPUTED_BEFORE = v.regex(r"(?:=|\bx|\btimes)\s?$", re.I)
# "$8,328.00 for 9 units": the price of one load, worked out from a rate (a count, not "7+").
_FOR_A_LOAD = v.regex(
    r"\s?\*{0,3}\s?for\s+(?:\d{1,2}|one|two|three|four|five|six|nine|twelve)\s+(?:semester\s+|quarter\s+)?"
    r"(?:credit[-\s]hours?|credits?|units?|hours?)\b(?!\s?(?:\+|or\s+more|and\s+(?:up|above|more)))",
    re.I,
)
_COMPUTED_AFTER = v.regex(r"\s?(?:x|times)\s?\d", re.I)
_APPROX = v.regex(
    r"(?:\babout|\bapproximately|\bapprox\.?|\baround|\broughly|\bestimated|\best\.|~|\bup\s+to"
    r"|\bas\s+much\s+as|\bstarting\s+at|\bas\s+low\s+as|\bless\s+than|\bunder|\bover|\bmore\s+than"
    r"|\bat\s+least|\bmaximum\s+of|\bminimum\s+of|\bmax\.?|\bmin\.?|\baverage|\bavg\.?|\bfrom"
    r"|\bcapped\s+at|\bcap\s+of|\bnot\s+to\s+exceed|\bno\s+more\s+than)"
    r"\s?(?:of\s+)?(?:only\s+)?$",
    re.I,
)
# A fee whose name says where it is charged ("online learning fee", "distance education fee"):
# the name qualifies that fee only and is never a heading for the amounts after it.
_FEE_NAME_CAMPUS = v.regex(r"\b(?:online|distance|e-?learning)\s+(?:[a-z-]+\s+){0,2}?(?:fees?|surcharges?)\b", re.I)
# "Tuition and fees: $5,120": one combined figure, neither a tuition nor a fee.
_COMBINED_BEFORE = v.regex(r"\btuition\s?(?:and|&|\+|/)\s?(?:[a-z-]+\s)?$", re.I)
# "Total program cost: $19,980" is the program's price (DESIGN: whole-program estimates are
# per="program"); a bare "Total" after itemized amounts stays a total.
_PROGRAM_PRICE = v.regex(
    r"\btotal\s+(?:program|degree)\s+(?:cost|price|tuition)\b|\btotal\s+(?:cost|price|tuition)\s+(?:of|for)\s+the\s+"
    r"(?:[\w-]+\s){0,2}?(?:program|degree)\b",
    re.I,
)
# Costs that are not what the school charges for the program.
_NOT_TUITION = v.regex(
    r"\b(?:cost\s+of\s+attendance|living\s+(?:costs?|expenses)|books?|supplies|room\s+and\s+board|meals?"
    r"|transportation|personal\s+expenses|travel)\b",
    re.I,
)
# Level rows: when a text lists undergraduate and graduate prices, only the graduate ones are the
# program's (an undergraduate row is never an MLIS price). The nearest level word before an
# amount decides; "undergraduate degree/GPA/coursework" is not a row label.
# Rows of another discipline or credential (vocabulary.OTHER_DISCIPLINES: "Grad Nursing $396.20")
# are dropped the same way; this program's own words start a row that is ours again.
# Rows of another group of students or of one course (vocabulary.TUITION_OTHER_ROWS: "TGS 512
# Continuous Registration $100/quarter") are read like another discipline's rows (issue 19, third pass).
_OTHER_ROWS = v.TUITION_OTHER_ROWS
_LEVEL = v.regex(
    rf"\b(?P<under>{v.LEVEL_UNDERGRADUATE})\b(?!\s+(?:{'|'.join(v.LEVEL_NOT_A_ROW)})\b)"
    rf"|\b(?P<other>{'|'.join((*v.OTHER_DISCIPLINES, *_OTHER_ROWS))})\b"
    # "Each 3 Credit Graduate Course": "graduate" naming a course or a credit is no row label.
    rf"|\b(?P<grad>{v.LEVEL_GRADUATE}|{'|'.join(v.LEVEL_OWN_ROWS)})\b(?!\s+(?:courses?|credits?|level|hours?)\b)|(?P<own>{PROGRAM_OWN.pattern})",
    re.I,
)
# "$8/sch - Lower Level Undergraduate ... $25/sch - All Graduate": a row label after its amount and
# a dash is that amount's row.
_DASH_AFTER = v.regex(r"[^$.;]{0,12}?\s-\s")
_ROW_LABEL_REACH = 40
_LIST_OF_ROWS = v.regex(r"[^$\d.;:]{0,40}?(?:,|\band\b|&)[^$\d.;:]{0,40}")
# Words after an amount and its unit that qualify it: "(full-time)", "for full-time enrollment
# (9 or more credit hours)". They belong to the amount before them, not to the next one.
_TRAIL = v.regex(
    r"\s?(?:\(\s?[^()$]{1,80}\)"
    r"|(?:for|with)\s+[^$()|.;,]{1,80}?(?:\s?\([^()$]{1,60}\))?(?=\s?(?:[.;,|]|$)|\s\$|\s(?:and|or)\s(?!more\b)))",
    re.I,
)
# A fee stated without a unit is per term only when its sentence talks about terms.
_TERM_WORD = v.regex(r"\b(?:semesters?|terms?|quarters?|trimesters?)\b", re.I)
_COURSE_SIZE = v.regex(r"(\d{1,2}|three|four|six)[-\s](?:semester\s+|credit\s+)?(?:credit|unit|hour)", re.I)
_SMALL_WORDS = {"three": 3, "four": 4, "six": 6}
# A sentence about money the student does not pay for the program, or pays once: savings,
# scholarships and awards, reductions, discounts, waivers, salaries (issue 9, class 1).
_NOT_A_PRICE = v.regex(
    r"\b(?:save[sd]?|saving\w*|scholarships?|fellowships?|stipends?|awards?|reductions?|discounts?|waivers?|rebates?"
    r"|reimburse\w*|refund\w*|salar\w*|earnings|endowment|investment|match(?:es|ed)?|one[-\s]time)\b",
    re.I,
)
# Amounts printed without "$" in a money column ("Tuition per credit hour: In-State 479.32"):
# read only in a text with no "$" amount at all that names tuition or fees and a unit, and only
# when written with cents or thousands separators (never a GPA, a year or a count).
_BARE_AMOUNT = v.regex(r"(?<![\w.,$/-])(\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d{2,5}\.\d{2})(?![\w.,%]|\s?-\s?\d)")
_MONEY_CUE = v.regex(r"\b(?:tuition|fees?|rates?|charges?|costs?)\b", re.I)
# Sixth pass (issue 19, r6-money): in a schedule of charges printed without "$" (its heading names
# charges, vocabulary.SCHEDULE_HEADING, within GATE_REACH of the text's start), a whole number right
# after a price label and its unit is an amount: "Tuition per semester hour 320".
BARE_SCHEDULE = True
_SCHEDULE_HEADING = v.regex(v.SCHEDULE_HEADING, re.I)
_LABELLED_WHOLE = v.regex(
    rf"(?P<lab>\b(?:tuition|fees?)\s+(?:per|/)[-\s]?(?:{_UNIT})\s?:?\s)(?P<num>\d{{2,5}})(?![\d.,%/-]|\s?(?:credits?|hours?|units?|%))",
    re.I,
)
# Column labels of a flattened table's header row: residencies and units, in order.
_COLUMN_RESIDENCY = v.regex(
    r"\b(?:in-state|in\s+state|out-of-state|out\s+of\s+state|non-?\s?residents?|residents?|international)\b", re.I
)
_COLUMN_UNIT = v.regex(
    rf"\b(?:(?P<att>full[-\s]?time|part[-\s]?time)\s+)?(?:rate\s+)?(?P<per>per[-\s](?:{_UNIT}))\b", re.I
)
# "The following figures are semester rates", "All rates are per semester": the unit of every amount
# of a table that states none of its own (vocabulary.TABLE_UNIT_WORDS).
_TABLE_UNIT = v.regex("|".join(v.TABLE_UNIT_WORDS), re.I)


def _table_unit(text: str) -> str | None:
    m = _TABLE_UNIT.search(text)
    if not m:
        return None
    unit = (m.group("u1") or m.group("u2")).lower()
    if unit.startswith(("semester", "term", "quarter")):
        return "term"
    if unit.startswith(("annual", "year")):
        return "year"
    return "credit"


# "$16,280 (8 units)": an amount for a stated number of credits.
_COUNTED = v.regex(r"\s?\*{0,3}\s?\(\s?(\d{1,2})\s+(?:units?|credits?|credit\s+hours?|hours?)\s?\)", re.I)
# A price list with more amounts than this is not one fact's evidence; the rest is ignored.
MAX_AMOUNTS = 200


@dataclass
class _Item:
    amount: Amount
    pre: str  # own leading text (the group heading for the first item of a group)
    kind: str | None = None
    per: str | None = None
    per_text: str = ""
    own_per: bool = False
    pre_per: str | None = None
    pre_per_text: str = ""
    threshold: str | None = None
    residency: tuple[str, ...] = ()
    # Qualifiers of this amount alone (a trailing "(full-time)", an "online learning fee").
    campus: str | None = None
    attendance: str | None = None
    load: str | None = None
    labelled_before: bool = False  # its kind comes from a label written before it
    # Where the unit and the kind were taken from (binding.rate_shape decides whether that binds).
    unit_from: str | None = None
    kind_from: str | None = None
    cell: bool = False  # one of a row of bare table cells
    column: bool = False  # the table's header named its column
    ours: bool | None = None  # a level column of the header: this program's level (True) or another's (False)
    kinds_bound: bool = False  # the header's kind columns bind the row one to one


@dataclass
class _Column:
    residency: tuple[str, ...] = ()
    per: str | None = None
    per_text: str = ""
    attendance: str | None = None
    kind: str | None = None  # the charge the header names for the column (sixth pass)
    ours: bool | None = None  # the level the header names for the column: ours, another's, or none
    load: str | None = None  # the credit range the header names for the column


# Sixth pass (issue 19, r6-money): a header's run of kind words ("Tuition General Fees Total") or of
# level words ("Undergraduate Tuition Graduate Tuition Optometry Tuition", "Undergraduate | Graduate")
# names each column; a row of as many cells takes them one to one, and a cell under another level's
# column is dropped. A row whose own label names nothing the table knows (a "Regional" row under
# residency rows) binds none of its cells.
COLUMN_LABELS = True
_KIND_COLUMN = v.regex(
    "|".join(rf"(?P<k{i}>\b(?:{w})\b)" for i, w in enumerate(v.TABLE_KIND_COLUMNS)), re.I
)
_KIND_NAMES = tuple(v.TABLE_KIND_COLUMNS.values())
_LABEL_GAP = v.regex(rf"^[\s|*]*(?:[A-Za-z][\w-]*[\s|*]+){{0,{v.TABLE_LABEL_GAP}}}$")


def _label_run(matches: list[re.Match[str]], header: str) -> list[re.Match[str]]:
    """The last run of column labels in a header: consecutive matches at most a few words apart."""
    run: list[re.Match[str]] = []
    for m in matches:
        if run and _LABEL_GAP.match(header[run[-1].end() : m.start()]):
            run.append(m)
        else:
            run = [m]
    return run


def _column_kinds(header: str) -> list[str]:
    run = _label_run(list(_KIND_COLUMN.finditer(header)), header)
    return [_KIND_NAMES[int(next(k for k, w in m.groupdict().items() if w)[1:])] for m in run] if len(run) >= 2 else []


_LOAD_COLUMN = v.regex(v.TABLE_LOAD_COLUMN, re.I)
_RATE_UNIT = v.regex(v.TABLE_RATE_UNIT, re.I)


def _column_loads(header: str) -> list[str]:
    run = _label_run(list(_LOAD_COLUMN.finditer(header)), header)
    loads = [q.load(m.group(0)) or m.group(0) for m in run]
    return loads if len(run) >= 2 and len(set(loads)) == len(loads) else []


def _column_levels(header: str) -> list[bool]:
    run = _label_run(list(_LEVEL.finditer(header)), header)
    return [bool(m.group("grad") or m.group("own")) for m in run] if len(run) >= 2 else []


def _table_columns(text: str, amounts: list[Amount], skip: set[int]) -> dict[int, _Column]:
    """Rows of a flattened table: amounts with nothing but spaces between them. When the header
    before the first row names as many residency columns ("In-State ... Out-of-State") or unit
    columns ("Full-time per term  Part-time per credit") as a row has amounts, each amount takes
    its column's label. Without such a header a row is read as before."""
    rows = _rows(text, amounts, skip)
    if not rows:
        return {}
    header = text[: amounts[rows[0][0]].start]
    header = header[sentences(header)[-1][0] :] if header.strip() else header  # an ellipsis is no sentence end
    k = len(rows[0])
    residencies = _column_residencies(header)
    units = list(_COLUMN_UNIT.finditer(header))
    columns: list[_Column] = [_Column() for _ in range(k)]
    named = False
    if len(residencies) >= k and len({r for r in residencies[:k]}) == k:
        for col, res in zip(columns, residencies[:k]):
            col.residency = res
        named = True
    if len(units) >= k and len({_per_from(_UNIT_ONLY.match(u.group("per"))) for u in units[:k]}) == k:
        for col, u in zip(columns, units[:k]):
            col.per, col.per_text = _per_from(_UNIT_ONLY.match(u.group("per"))), u.group("per")
            col.attendance = q.attendance(u.group("att") or "")
        named = True
    elif len(units) >= k and named:
        for col, u in zip(columns, units[:k]):
            col.per, col.per_text = _per_from(_UNIT_ONLY.match(u.group("per"))), u.group("per")
    if COLUMN_LABELS:
        kinds, levels = _column_kinds(header), _column_levels(header)
        if len(kinds) == k and len(set(kinds)) > 1:
            for col, kind in zip(columns, kinds):
                col.kind = kind
            named = True
        if len(levels) == k and any(levels) and not all(levels):
            for col, ours in zip(columns, levels):
                col.ours = ours
            named = True
        loads = _column_loads(header)
        unit = _RATE_UNIT.search(header)
        if len(loads) == k and unit is not None and not any(c.per for c in columns):
            per = "term" if unit.group("unit").lower() in ("semester", "term", "quarter") else "year"
            for col, load in zip(columns, loads):
                col.load, col.per, col.per_text = load, per, unit.group(0)
            named = True
    if not named:
        return {}
    out = {i: columns[j] for row in rows if len(row) == k for j, i in enumerate(row)}
    if COLUMN_LABELS:
        unbound = _Column(ours=False)
        for before, row in zip(rows, rows[1:]):
            if len(row) == k and not _row_label_binds(text[amounts[before[-1]].end : amounts[row[0]].start]):
                out.update({i: unbound for i in row})
    return out


def _row_label_binds(label: str) -> bool:
    """Whether the words between two rows of a table name what the table knows (a residency, a level,
    a charge, an attendance, a campus or a load), or nothing at all: "| Regional |" names none."""
    if not re.search(r"[A-Za-z]", label):
        return True
    return bool(q.residencies(label) or _LEVEL.search(label) or _LABELS.search(label) or q.attendance(label)
                or q.campus(label) or q.load(label))


# Two cells of one row: nothing between the amounts but the first one's unit ("$405 / credit $745 / credit").
_ROW_GAP = v.regex(
    rf"\s?\*{{0,3}}\s?(?:(?:per|/)[-\s]?(?:{_UNIT})\s?\*{{0,3}}\s?(?:\([^()$\d]{{1,30}}\)\s?)?)?\|?\s?", re.I
)  # sixth pass: a short note after the unit ("$315.80 per credit hour (no maximum) $409.10") stays in the row
# Column labels joined into one column: "Out-of-State Resident or International Student".
_COLUMN_JOIN = v.regex(r"^\s?(?:students?\s?)?(?:or|and|&|/|,)\s?$", re.I)


def _rows(text: str, amounts: Sequence[Amount], skip: set[int]) -> list[list[int]]:
    """Rows of a flattened table: runs of two or more amounts with only a cell gap between them."""
    rows: list[list[int]] = []
    for i in range(len(amounts)):
        if i in skip:
            continue
        if rows and rows[-1][-1] == i - 1 and _ROW_GAP.fullmatch(text, amounts[i - 1].end, amounts[i].start):
            rows[-1].append(i)
        else:
            rows.append([i])
    return [r for r in rows if len(r) >= 2]


# "2017-2018 | 2018-2019 |": a header of academic years, one column each.
_YEAR_COLUMN = v.regex(r"\b(20\d\d)\s?[-/]\s?(?:20)?\d\d\b")
MAX_LOAD_MULTIPLE = 24


def _not_current_cells(text: str, amounts: Sequence[Amount], skip: set[int]) -> set[int]:
    """Cells of a flattened table that are not a current price: the columns of earlier years when
    the header names one academic year per column ("2017-2018 | 2018-2019 | Tuition per credit |
    $565 | $585": the later year is today's), and prices of loads worked out from the row's first
    price ("Maryland Resident $717.00 $2,151.00 $4,302.00 $6,453.00": 3, 6 and 9 credits)."""
    out: set[int] = set()
    rows = _rows(text, amounts, skip)
    if not rows:
        return out
    header = text[: amounts[rows[0][0]].start]
    years = [int(y) for y in _YEAR_COLUMN.findall(header[-200:])]
    k = len(rows[0])
    if k >= 2 and len(years) == k and len(set(years)) == k:
        latest = years.index(max(years))
        out.update(i for row in rows if len(row) == k for j, i in enumerate(row) if j != latest)
    for row in rows:
        first = amounts[row[0]].value
        if len(row) < 3 or not first:
            continue
        ratios = [amounts[i].value / first for i in row[1:]]
        if all(r == r.to_integral_value() and 2 <= r <= MAX_LOAD_MULTIPLE for r in ratios):
            out.update(row[1:])
    return out


def _column_residencies(header: str) -> list[tuple[str, ...]]:
    """The residency of each column a table's header names, in order; labels joined by "or",
    "and", "&" or "/" are one column for both ("New York State Resident | Out-of-State Resident or
    International Student": two columns)."""
    columns: list[tuple[str, ...]] = []
    last_end = None
    for m in q.RESIDENCY_WORD.finditer(header):
        found = q.residencies(m.group(0))
        if columns and last_end is not None and _COLUMN_JOIN.match(header[last_end : m.start()]):
            columns[-1] = tuple(r for r in q.RESIDENCY_ORDER if r in set(columns[-1]) | set(found))
        else:
            columns.append(found)
        last_end = m.end()
    return columns


@dataclass
class _Group:
    heading: str
    context: dict[str, object]
    continues: bool  # same sentence as the group before it
    soft: bool = False  # a new sentence after a ";" (a residency pair: "$541 ...; $1,058 for non-residents")
    label_first: bool = False  # a label heads the residencies ("Tuition per credit: Resident $420 ...")
    items: list[_Item] = field(default_factory=list)


def _per_from(m: re.Match[str]) -> str | None:
    for name in ("course", "credit", "term", "year", "program"):
        if m.group(name):
            return name
    if m.group("program2"):
        return "program"
    if m.group("annual"):
        return "year"
    return None


def _kind_of(label: str) -> str | None:
    label = label.lower()
    # "The charge per credit for the School of Information": a charge per credit is the tuition.
    has_fee = re.search(r"\b(?:fees?|surcharges?)\b|\bcharges?\b(?!\s+per\s+(?:credit|unit|hour))", label) is not None
    has_tuition = "tuition" in label
    if re.search(r"\btotal\s+(?:[a-z-]+\s)?(?:fees|charges)\b", label):
        return "total"  # "Total Fees $376.50": the sum of the fees above
    if has_fee and has_tuition:
        return "total"
    if has_fee:
        return "fee"
    if has_tuition:
        return "tuition"
    if "total" in label:
        return "total"
    return None


def _skipped(text: str, amounts: Sequence[Amount], spans: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of amounts that are not stated prices: ranges, bounds, worked examples."""
    skip = {i for i, a in enumerate(amounts) if a.in_range}
    for i, a in enumerate(amounts):
        before = text[max(0, a.start - 25) : a.start]
        if (_APPROX.search(before) or _COMPUTED_BEFORE.search(before) or _COMPUTED_AFTER.match(text, a.end)
                or _FOR_A_LOAD.match(text, a.end)):
            skip.add(i)
    starts = [a.start for a in amounts]
    for start, end in spans:
        trigger = _EXAMPLE.search(text, start, end)
        if not trigger:
            continue
        for i in range(bisect_left(starts, trigger.end()), bisect_left(starts, end)):
            skip.add(i)
            if re.search(r"=\s?$", text[max(0, amounts[i].start - 3) : amounts[i].start]):
                break  # "... = $8,328.00" closes the worked example
    return skip


def _context_of(heading: str) -> dict[str, object]:
    return {
        "residency": q.residencies(heading),
        "campus": q.campus(heading),
        "attendance": q.attendance(heading),
        "load": q.load(heading),
    }


def _names_something(ctx: dict[str, object]) -> bool:
    return any(ctx.values())


def _label_first(heading: str) -> bool:
    label = _LABELS.search(heading)
    res = q.RESIDENCY_WORD.search(heading)
    return label is not None and res is not None and label.start() < res.start()


def _build_groups(text: str, amounts: list[Amount], skip: set[int], cells: set[int] = frozenset()) -> list[_Group]:  # type: ignore[assignment]
    """Each amount with its own words, put in the group its heading opens or joins. Skipped table
    cells (`cells`: an earlier year's column, a worked load price) leave the row's label to the
    cell after them."""
    groups: list[_Group] = []
    columns = _table_columns(text, amounts, skip - cells)
    boundary = 0
    for i, a in enumerate(amounts):
        if i in cells:
            continue
        if i in skip:
            boundary = max(boundary, a.end)
            continue
        item = _Item(a, "")
        m = _own_post(text, amounts, i)
        _read_post(item, m)
        end = _read_trail(item, text, m.end())
        _take_column(item, columns.get(i))
        inter, sentence_break, soft = _words_before(text[boundary : a.start])
        heading = _heading_of(item, inter)
        _place(groups, item, heading, sentence_break, soft)
        item.pre = inter
        groups[-1].items.append(item)
        boundary = end
    return groups


def _own_post(text: str, amounts: list[Amount], i: int) -> re.Match[str]:
    """The words glued after amount i. A label stands with the amount after it when it ends in a
    colon ("Resident $980 Fees per credit hour: $62"), or when it sits between two amounts and the
    second has no label after it ("Non-Resident $1,077.00 Fees $61.25")."""
    a = amounts[i]
    post_re = _POST_NO_LABEL if _LABEL_RIGHT_BEFORE.search(text, max(0, a.start - 45), a.start) else _POST
    m = post_re.match(text, a.end)
    if m.group("per") and not (m.group("label") or m.group("label2")) and _HEADS_NEXT.match(text, m.end()):
        # "Tuition Per Credit Hour: $2,035* Per Term: $16,280": a unit ending in a colon heads the next amount.
        m = post_re.match(text, a.end, m.start("open") if m.group("open") else m.start("per"))
    if (m.group("label") or m.group("label2")) and _HEADS_NEXT.match(text, m.end()):
        return _POST_NO_LABEL.match(text, a.end)  # type: ignore[return-value]
    if m.group("per") and i + 1 < len(amounts) and unit_heads_next(text, a.end, amounts[i + 1].start):
        # "Per credit hour tuition $590 Per course fee (Office of Global Distance) $130": a unit with a
        # charge's name right after it, then a note, heads the next amount (the shape gate's rule).
        return post_re.match(text, a.end, m.start("open") if m.group("open") else m.start("per"))  # type: ignore[return-value]
    if (m.group("label") or m.group("label2")) and i + 1 < len(amounts) and _ONLY_GAP.fullmatch(text, m.end(), amounts[i + 1].start):
        nxt = _POST.match(text, amounts[i + 1].end)
        if not (nxt.group("label") or nxt.group("label2")):
            return _POST_NO_LABEL.match(text, a.end)  # type: ignore[return-value]
    return m  # type: ignore[return-value]


def _take_column(item: _Item, col: "_Column | None") -> None:
    """An amount in a flattened table row takes its column's residency, unit, attendance, charge and
    level."""
    if col is None:
        return
    item.column = True
    if col.kind is not None:
        item.kind, item.kind_from, item.labelled_before, item.kinds_bound = col.kind, "column", True, True
    item.ours = col.ours
    item.load = col.load or item.load
    item.residency = col.residency or item.residency
    if col.per:
        item.per, item.per_text, item.own_per = col.per, col.per_text, True
        item.unit_from = "column"
    item.attendance = col.attendance or item.attendance


def _words_before(inter: str) -> tuple[str, bool, bool]:
    """The words between the previous amount and this one, cut to this amount's sentence;
    whether a sentence ended among them, and whether it ended with a ";" (a softer break)."""
    spans = sentences(inter) if inter.strip() else []
    if len(spans) <= 1:
        return inter, False, False
    return inter[spans[-1][0] :], True, inter[spans[-2][1] - 1] == ";"


def _heading_of(item: _Item, inter: str) -> str:
    """The heading the words before an amount make, without a fee name that says where it is
    charged ("online learning fee"): that name is the amount's own, never a heading."""
    fee_name = None
    for fee_name in _FEE_NAME_CAMPUS.finditer(inter):
        pass
    if fee_name is None:
        return inter
    item.campus = "online"
    return inter[: fee_name.start()] + " " + inter[fee_name.end() :]


def _place(groups: list[_Group], item: _Item, heading: str, sentence_break: bool, soft: bool) -> None:
    """Open a new group when the heading names a residency, campus or load, or a sentence starts
    (a residency after a ";" keeps the block's campus, attendance and load: "Semester tuition (9 or
    more hours): Resident $6,213.50; Non-resident $15,890.00"); open a block without the residency
    when a new label follows residency-headed amounts ("Tuition per credit hour: Resident $420
    Non-resident $980 Fees per credit hour: $62"); otherwise the amount joins the current group."""
    ctx = _context_of(heading)
    if not groups or sentence_break or _names_something(ctx):
        if soft and groups and ctx["residency"] and not any(ctx[k] for k in ("campus", "attendance", "load")):
            ctx = dict(groups[-1].context, residency=ctx["residency"])
        elif (groups and not sentence_break and not ctx["residency"] and groups[-1].context["residency"]
              and ctx["campus"] in (None, groups[-1].context["campus"])):
            # "In-State Full-time $6,000 per semester Part-time $500 per credit": a row naming only its
            # attendance or load stays under the residency heading above it in the sentence (a block for
            # another campus does not: "Online Campus Tuition & Fees Per unit $900").
            ctx = dict(ctx, residency=groups[-1].context["residency"])
        group = _Group(heading, ctx, continues=bool(groups) and not sentence_break, soft=soft)
        group.label_first = _label_first(heading) or (
            group.continues and bool(groups) and groups[-1].label_first and not any(
                ctx[k] for k in ("campus", "attendance", "load")))
        groups.append(group)
    elif (
        (groups[-1].label_first or not _LABELS.search(groups[-1].heading))
        and groups[-1].context["residency"] and _LABELS.search(heading)
    ):
        # "In-State: Tuition $6,000 Fees $500" keeps the residency: its heading names it above the labels.
        groups.append(_Group(heading, dict(groups[-1].context, residency=()), continues=True))


def _read_trail(item: _Item, text: str, start: int) -> int:
    """Qualifiers written right after an amount and its unit ("(full-time)", "for full-time
    enrollment (9 or more credit hours)") belong to that amount. Returns where the amount's own
    words end."""
    t = _TRAIL.match(text, start)
    if not t:
        return start
    words = t.group(0)
    found = {
        "campus": q.campus(words), "attendance": q.attendance(words), "load": q.load(words),
        "residency": q.residencies(words),
    }
    if not any(found.values()):
        return start  # "(two semesters)", "(fall 2024)": not a qualifier; leave it alone
    item.campus = item.campus or found["campus"]  # type: ignore[assignment]
    item.attendance = found["attendance"]  # type: ignore[assignment]
    item.load = found["load"]  # type: ignore[assignment]
    item.residency = item.residency or found["residency"]  # type: ignore[assignment]
    return t.end()


def _read_post(item: _Item, m: re.Match[str]) -> None:
    label = m.group("label") or m.group("label2")
    if label:
        item.kind = _kind_of(label)
        item.kind_from = "after"
        if _ONE_TIME.search(label):
            item.kind = "one-time"
    if m.group("per"):
        item.per = _per_from(m)
        item.per_text = m.group("per")
        item.own_per = True
        item.unit_from = "own"
    if m.group("thr"):
        item.threshold = q.load(m.group("thr"))
    if label and _FEE_NAME_CAMPUS.search(label):
        item.campus = "online"  # "$50 online fee per course"
    res = m.group("res") or m.group("res2")
    if res:
        item.residency = q.residencies(res)
    elif label:
        item.residency = q.residencies(label)


# Kind binding (issue 19, third pass): a fee named by the word tuition right before it ("tuition
# registration fee", "tuition fee") is the tuition; a row label naming a one-time charge makes one.
TUITION_NAMED_FEE = True
ONE_TIME_ROW = True
_TUITION_COMPOUND = v.regex(r"\btuition\s(?:(?!and\b|or\b|plus\b)[a-z-]+\s)?$", re.I)


def _read_pre(item: _Item) -> None:
    tail = item.pre[-90:]  # room for a column heading and a row label: "Fees*: Non-Resident Online Per Credit Hour Graduate (includes Certificates):"
    if item.kind is None:
        labels = list(_LABELS.finditer(tail))
        if labels:
            last_label = labels[-1]
            if len(labels) >= 2 and labels[-2].group(0).lower() == "total" and not tail[labels[-2].end() : last_label.start()].strip():
                last_label = labels[-2]  # "Total Fees $376.50"
            item.kind = _kind_of(tail[last_label.start() :])  # the label with the words after it
            item.labelled_before = True
            item.kind_from = "before"
            last = last_label.start()
            # "Program fee: $228" / "Application fee $50"
            if _ONE_TIME.search(tail[max(0, last - 20) : last + 10]):
                item.kind = "one-time"
            elif item.kind == "fee" and TUITION_NAMED_FEE and _TUITION_COMPOUND.search(tail[:last]):
                item.kind = "tuition"  # "the base tuition registration fee is $383.25 per credit"
            elif item.kind == "fee" and _COMBINED_BEFORE.search(tail[:last]):
                item.kind = "total"  # "In-state tuition and fees: $5,120"
            elif item.kind == "total" and _PROGRAM_PRICE.search(tail):
                item.kind = "tuition"  # "Total program cost: $19,980"
        if item.kind is None and ONE_TIME_ROW and _ONE_TIME.search(item.pre[-60:]):
            # "• Late registration for continuing students - $40": a row label naming a one-time
            # charge binds its amount to that charge, with or without the word "fee".
            item.kind = "one-time"
            item.labelled_before = True
        if _AUDIT_LABEL.search(tail):
            item.kind = "other"  # "Audit (per credit hour) $300": auditing a course, not the program's rate
            item.labelled_before = True
        if item.kind is None and _SERVICE_LABEL.search(tail):
            item.kind = "fee"  # "Technology (per course): $50": a service's charge is a fee
            item.labelled_before = True
        cost = _NOT_TUITION.search(tail[-50:])
        if cost and not re.search(r"\bfees?\b", tail[-50:][cost.end() :], re.I):  # "Transportation & Safety Fee" is a fee
            item.kind = "other"  # "Estimated cost of attendance", "Books and supplies"
            item.labelled_before = True  # and the unlabelled amounts after it ("Double Room $4,200 Triple Room $3,575")
    per = None
    for per in _PRE_PER.finditer(tail):
        pass
    if per is not None:
        if per.group("semester"):
            item.pre_per = "term"
        else:
            item.pre_per = _per_from(per)
        item.pre_per_text = per.group(0)


def _resolve_group(group: _Group) -> None:
    items = group.items
    for item in items:
        _read_pre(item)
    # Positional labels from a heading such as "Tuition + fees per credit hour:".
    heading_labels = [_kind_of(w) for w in _LABELS.findall(group.heading)]
    # "Tuition and Fees ... $689 per credit for NJ residents and $1172 per credit for non-residents":
    # amounts told apart by their own residencies are not the heading's columns.
    own_residencies = {i.residency for i in items if i.residency}
    if (len(heading_labels) >= 2 and len(items) >= 2 and not any(i.kind for i in items[1:])
            and len(own_residencies) < 2 and not (COLUMN_LABELS and any(i.ours is not None for i in items))):
        for item, kind in zip(items, heading_labels):
            item.kind = kind
            item.labelled_before = True
            item.kind_from = "heading"
        if len(items) == len(heading_labels) + 1:
            items[-1].kind = "total"
    # "Tuition & Fees ... $900/unit + $228 program fees": a formula whose first term carries its
    # own unit and whose next terms name themselves; the heading's "tuition & fees" names the
    # parts, so the first term is the tuition, not a combined total.
    first = items[0]
    if (len(items) >= 2 and first.kind == "total" and first.labelled_before and first.own_per
            and all(re.fullmatch(r"\s?\+\s?", i.pre) and i.kind for i in items[1:])
            and heading_labels[:1] == ["tuition"]):
        first.kind = "tuition"
    last = items[-1]
    # "$40,449 ($13,483 per term)": a unit written inside a parenthesis is its amount's alone.
    shared = last.own_per and all(not i.own_per for i in items[:-1]) and len(items) > 1 and not _in_parenthesis(last)
    head_per, head_text = items[0].pre_per, items[0].pre_per_text
    for item in items:
        if ROW_UNIT and item.pre_per:
            # "Student Fee per credit hour $40.55 $40.55 ... Registration Fee per semester $17.00 $17.00":
            # the cells after a row's label take that row's unit, not the first row's.
            head_per, head_text = item.pre_per, item.pre_per_text
        if item.own_per:
            continue
        if item.pre_per:
            item.per, item.per_text, item.unit_from = item.pre_per, item.pre_per_text, "label"
        elif shared:
            item.per, item.per_text, item.unit_from = last.per, last.per_text, "shared"
            item.threshold = item.threshold or last.threshold
        elif item.threshold and item.kind == "fee" and item is not items[0]:
            item.per, item.unit_from = "term", "load"  # a fee charged at a per-term load is per term, whatever the heading's unit
        elif head_per:
            item.per, item.per_text, item.unit_from = head_per, head_text, "heading"
        elif item.threshold:
            item.per, item.unit_from = "term", "load"  # a fee charged at a per-term load is per term
    # "$410 per credit hour for Kansas residents and $455 for non-residents": an amount that
    # names only its residency takes the unit of the amount before it.
    before: _Item | None = None
    for item in items:
        if item.per is None and item.residency and before is not None and before.residency:
            item.per, item.per_text, item.unit_from = before.per, before.per_text, "pair"
        if item.per is not None:
            before = item
    # "$750 per credit hour, or $27,000 for the 36-credit degree": the program figure restates
    # the rate (a worked total), it is not a second price.
    for item in items[1:]:
        if item.per == "program" and re.search(r"\bor\s?$", item.pre):
            item.kind = "other"


def _unit_taken(item: _Item, groups: list[_Group], a: int, b: int) -> bool:
    """Whether another amount of the sentence text[a:b] carries its own unit: the sentence's term
    word is then that amount's, not a unit for a fee without one ("the $150 fee per semester and
    the $755 insurance fee per 6 months")."""
    return any(o is not item and o.own_per and a <= o.amount.start < b for g in groups for o in g.items)


def _in_parenthesis(item: _Item) -> bool:
    """Whether the amount stands inside a parenthesis opened after the amount before it."""
    return "(" in item.pre and ")" not in item.pre[item.pre.rfind("(") :]


def _carry_units(groups: list[_Group]) -> None:
    """A unit stated once for a row of residencies: forward to the next residency's amounts
    ("Tuition (per credit): In-state $512.50, Out-of-state $1,237.00"; across a ";" only when
    the next amounts name a residency), or back from the last cell of a flattened table row
    ("Resident $507.25 Non-resident $1,123.25 per credit")."""
    for g, nxt in zip(groups, groups[1:]):
        if (
            nxt.continues and len(g.items) == 1 and g.items[0].per is None and g.context["residency"]
            and nxt.context["residency"] and nxt.items[0].own_per
        ):
            g.items[0].per, g.items[0].per_text, g.items[0].unit_from = nxt.items[0].per, nxt.items[0].per_text, "pair"
    previous: _Item | None = None
    for group in groups:
        if previous is not None and previous.per and all(i.per is None for i in group.items):
            names_residency = bool(group.context["residency"]) or all(i.residency for i in group.items)
            if group.continues or (group.soft and names_residency):
                for item in group.items:
                    item.per, item.per_text, item.unit_from = previous.per, previous.per_text, "pair"
        previous = next((i for i in reversed(group.items) if i.per), None)


# Sixth pass (issue 19, r6-money): a kind that a row's own label gives (one-time, an audit or a living
# cost) is not carried past the next row's level label; a row's unit comes from its own label.
ROW_KIND_STOPS = True
GENERAL_ROWS = True
ADDITIONAL = True
_ADDITIONAL = v.regex(rf"\b(?:{'|'.join(v.RATE_ADDITIONAL)})\s+(?:of\s+)?$", re.I)
_PAST = v.regex(rf"\b(?:{'|'.join(v.RATE_PAST)})\s+(?:[\w-]+\s+)?$", re.I)
ROW_UNIT = True
_ROW_KINDS = ("one-time", "other")


def _carry_kinds(groups: list[_Group]) -> None:
    """An amount with no label of its own is the same kind as the labelled amount before it in
    its sentence ("Tuition & Fees Per Credit Hour Resident $548.10 Non-Resident $1,089.35": both
    combined totals; "Fees per credit: In-state $50; Out-of-state $80": both fees), across a ";"
    only when the next amounts name a residency. Without a labelled amount before, tuition."""
    previous: str | None = None
    for group in groups:
        names_residency = bool(group.context["residency"]) or all(i.residency for i in group.items)
        if not (group.continues or (group.soft and names_residency)):
            previous = None
        for item in group.items:
            if item.kind is None and previous is not None and not _LABELS.search(item.pre):
                if ROW_KIND_STOPS and previous in _ROW_KINDS and _LEVEL.search(item.pre):
                    # "Audit - $45.00 per semester hour ... Masters - $225.00 per semester hour": a kind a
                    # row label gave ("Audit", "Late registration") is that row's; a level row starts anew.
                    previous = None
                    continue
                item.kind, item.kind_from = previous, "carried"
                continue
            # Only a label written before an amount heads the ones after it; a label after an
            # amount ("$6,359 tuition + $350 program fees") is that amount's own.
            previous = item.kind if item.labelled_before else None


def _applies_to(group: _Group, item: _Item) -> str | None:
    ctx = group.context
    size = None
    if item.per == "course":
        m = _COURSE_SIZE.search(item.per_text)
        if m:
            n = m.group(1).lower()
            size = f"{_SMALL_WORDS.get(n, n)}-credit courses"
    quarter = "quarter credits" if item.per == "credit" and q.is_quarter(item.per_text) else None
    return q.join([
        item.campus or ctx.get("campus"), item.attendance or ctx.get("attendance"),  # type: ignore[list-item]
        item.load or ctx.get("load"), item.threshold, quarter, size,  # type: ignore[list-item]
    ])


# Sixth pass (issue 19, r6-money): a clause that binding blanked for naming another credential but
# that is a price table of level rows under a header of kind columns ("Tuition General Fees Total per
# Credit Hour Undergraduate Students $197.55 ... Graduate Students $258.30 ... Doctoral Students ...")
# is read by its rows: the rows of other levels are dropped as rows (_LEVEL), ours is kept.
_OUR_ROW = v.regex(rf"\b(?:{v.LEVEL_GRADUATE}|{'|'.join(v.LEVEL_OWN_ROWS)})\b[^$\d.;:]{{0,20}}\$", re.I)
_BLANKED = v.regex(r" {8,}")


def _level_tables_kept(whole: str, bound: str) -> str:
    """`bound` with each blanked run that is a kind-column table of level rows, one of them ours,
    restored from `whole` (positions are the same)."""
    if not COLUMN_LABELS or bound == whole:
        return bound
    out, last = [], 0
    for m in _BLANKED.finditer(bound):
        a, b = m.span()
        span = whole[a:b]
        ours = _OUR_ROW.search(span)
        if ours is None or len(_column_kinds(span[: ours.start()])) < 2:
            continue  # the kind columns' header stands before the row of ours
        out.append(bound[last:a])
        out.append(span)
        last = b
    if not out:
        return bound
    out.append(bound[last:])
    return "".join(out)


def _price_text(text: str) -> tuple[str, list[Amount], str]:
    """Prepared text and its amounts: money in words as digits; in a money column printed
    without "$", the amounts marked as dollars. Third, the text before binding blanked any
    sentence (the words the shape gate reads, at the same positions)."""
    t, found = dollars_and_amounts(prepare(text))  # found: find_amounts(t), when it has any
    if found is None and OTHER_CURRENCY.search(t):
        return t, [], t  # another currency anywhere in the text, even in a sentence binding blanks
    whole = t
    t = _level_tables_kept(whole, bound_text("tuition", t))
    amounts = found if found is not None and t == whole else find_amounts(t)
    if not amounts and _MONEY_CUE.search(t) and _UNIT_ONLY.search(t) and not OTHER_CURRENCY.search(t):
        t = _BARE_AMOUNT.sub(lambda m: "$" + m.group(1), t)
        if BARE_SCHEDULE and not find_amounts(t) and _SCHEDULE_HEADING.search(t, 0, GATE_REACH):
            t = _LABELLED_WHOLE.sub(lambda m: m.group("lab") + "$" + m.group("num"), t)  # "Tuition per semester hour 320"
        amounts = find_amounts(t)
        whole = t
    return t, amounts, whole


# Positive binding (issue 19, third pass): an amount is a rate only where a price word
# (vocabulary.PRICE_WORDS) stands before it in the text or in its own sentence: the heading a spider
# keeps counts, an award's "Full-time: $500" under "Maximum Annual Amount" does not.
_PRICE = v.regex(rf"(?<![\w-])(?:{'|'.join(v.PRICE_WORDS)})(?![\w-])", re.I)
# A rate not yet set ("based on a proposed $2,421 per credit"), and a budget that lists living costs
# beside tuition ("Tuition & fees $14,430 ... Living expense 6,299"): no amount of the sentence is a rate.
_NOT_SET = v.regex(rf"\b(?:{'|'.join((*v.TUITION_NOT_SET, *v.RATE_FUTURE))})\b", re.I)  # sixth pass: a future change
_BUDGET = v.regex(rf"\b(?:{'|'.join(v.COST_OF_ATTENDANCE)})\b", re.I)


def _not_prices(text: str, amounts: Sequence[Amount], spans: Sequence[tuple[int, int]]) -> set[int]:
    """Amounts in sentences about savings, scholarships, reductions, one-time charges, in
    sentences that call their figures estimates or not yet set, in budgets, and amounts that no
    price word before them or in their sentence binds to a price."""
    out: set[int] = set()
    for a, b in spans:
        if (_NOT_A_PRICE.search(text, a, b) or _ESTIMATE.search(text, a, b) or _NOT_SET.search(text, a, b)
                or _BUDGET.search(text, a, b)):
            out.update(i for i, am in enumerate(amounts) if a <= am.start < b)
        elif PRICE_BINDING and not _PRICE.search(text, 0, b) and (_AMOUNT_NAMED.search(text, 0, b) or not _ANY_UNIT.search(text)):
            # No price word: a bare amount the spider located is read in a rate's form (a unit in
            # the text: "Resident $552.25 Non-resident $1,182 per credit hour"); an amount named
            # as an amount ("Maximum Annual Amount ... Full-time: $500") or without any unit is
            # bound to no price.
            out.update(i for i, am in enumerate(amounts) if a <= am.start < b)
    return out


PRICE_BINDING = True
_ANY_UNIT = v.regex(rf"(?:\bper|/|\ba|\beach|\bevery)[-\s]?(?:{_UNIT})\b|\b(?:annually|yearly)\b", re.I)
_AMOUNT_NAMED = v.regex(rf"\b(?:{'|'.join(v.AMOUNT_NOT_PRICE)})\b", re.I)


def _restates(item: _Item, rate: _Item) -> bool:
    """'$474 per unit, with a total of $20,382 for the degree (43 units)':
    the degree's price that is the per-credit rate times a credit count restates the rate (a
    course price is kept: pages state it as a price of its own)."""
    if rate.per != "credit" or not rate.amount.value or item is rate:
        return False
    n, rest = divmod(item.amount.value, rate.amount.value)
    if rest:
        return False
    return item.per == "program" and 12 <= n <= 72


def _resolved(
    t: str, groups: list[_Group], spans: Sequence[tuple[int, int]], cells: dict[int, tuple[int, ...]] | None = None,
    bounds: dict[int, tuple[int, int | None]] | None = None, context: str | None = None,
) -> list[tuple[_Group, _Item, tuple[str, ...]]]:
    """Each group's items that are rates, with the residencies they are for, and only those whose
    reading has a binding shape (binding.rate_shape; `cells`: for each amount that is a cell of a
    flattened table's row, the starts of that row's cells: a row binds whole or not at all)."""
    table_per = _table_unit(t)
    says_any = [q.residencies(t[a:b]) == ("any",) for a, b in spans]
    span_starts = [a for a, _ in spans]
    levels = [(m.start(), m.end(), bool(m.group("under") or m.group("other")), bool(m.group("own")))
              for m in _LEVEL.finditer(t)]
    if GENERAL_ROWS and any(lv[3] for lv in levels):
        # "Grad base rate Resident $5,912 ... Grad Library & Information Science rate Resident $7,006": with a
        # row of this program's own, a general rate's row is another row (sixth pass).
        levels = sorted([*levels, *((m.start(), m.end(), True, False) for m in _GENERAL_RATE.finditer(t))])
    level_starts = [lv[0] for lv in levels]

    def dropped(k: int) -> bool:
        # "In the schools of Arts & Sciences, Library and Information Science, Music, Nursing": a
        # list of disciplines that names this program is a row for all of them.
        if not levels[k][2]:
            return levels[k][2]
        j = k
        while j > 0 and _LIST_OF_ROWS.fullmatch(t, levels[j - 1][1], levels[j][0]):
            j -= 1
            if levels[j][3]:
                return False
        return True

    def other_row(amount: Amount) -> bool:
        dash = _DASH_AFTER.match(t, amount.end)
        if dash is not None:
            k = bisect_left(level_starts, dash.end())
            if k < len(levels) and levels[k][0] - dash.end() <= _ROW_LABEL_REACH and "$" not in t[dash.end() : levels[k][0]]:
                return dropped(k)  # "$25/sch - All Graduate"
        k = bisect_left(level_starts, amount.start) - 1
        return k >= 0 and dropped(k)

    per_credit = [i for g in groups for i in g.items if i.per == "credit" and i.kind in (None, "tuition")]
    bounds = bounds or {}
    first_start = min(bounds) if bounds else None
    cells = cells or {}
    unbound: set[int] = set()  # starts of amounts the shape gate refused
    out: list[tuple[_Group, _Item, tuple[str, ...]]] = []
    for group in groups:
        sentence_any = says_any[bisect_right(span_starts, group.items[0].amount.start) - 1]
        for item in group.items:
            if item.ours is False or (item.ours is None and other_row(item.amount)):
                continue  # an undergraduate row or column, another discipline's row
            if item.per is None and item.kind == "fee":
                a, b = spans[bisect_right(span_starts, item.amount.start) - 1]
                if _TERM_WORD.search(t, a, b) and not _unit_taken(item, groups, a, b):
                    item.per, item.unit_from = "term", "term-word"  # "A technology fee of $150 is charged each semester."
            if item.per is None and table_per and item.kind in (None, "tuition", "fee"):
                item.per, item.unit_from = table_per, "table"  # "the following figures are semester rates"
            # A total (or a combined "tuition and fees" figure) is neither a tuition nor a fee.
            if item.per is None or item.kind in ("one-time", "total", "other"):
                continue
            if item.kind in (None, "tuition") and any(_restates(item, rate) for rate in per_credit):
                continue
            counted = _COUNTED.match(t, item.amount.end)
            if counted and any(rate.amount.value * int(counted.group(1)) == item.amount.value for rate in per_credit):
                continue  # "Per Term: $16,280 (8 units)": the credit rate times a count, a worked figure
            if item.kind is None and item.kind_from is None:
                item.kind_from = "default"
            if ADDITIONAL and item.kind in (None, "tuition") and _ADDITIONAL.search(t, max(0, item.amount.start - 25), item.amount.start):
                continue  # "Out-of-state students pay an additional $300 per credit hour": added to the tuition
            if ADDITIONAL and _PAST.search(t, max(0, item.amount.start - 25), item.amount.start):
                continue  # "the 2024-2025 rate was $1,050 per credit hour": a past rate
            if rate_shape(t, item.amount.start, item.amount.end, unit_from=item.unit_from, kind_from=item.kind_from,
                          cell=item.amount.start in cells, column=item.column, prev_end=bounds.get(item.amount.start, (0, None))[0],
                          next_start=bounds.get(item.amount.start, (0, None))[1], context=context,
                          row_len=len(cells.get(item.amount.start, ())), first_start=first_start,
                          kinds_bound=item.kinds_bound) is None:
                unbound.add(item.amount.start)
                continue  # no binding shape: abstain (issue 19, fourth pass)
            if sentence_any:
                residency: tuple[str, ...] = ("any",)
            else:
                residency = item.residency or group.context.get("residency") or ("any",)  # type: ignore[assignment]
            out.append((group, item, residency))
    # A table's row binds as a whole: a cell the gate refused takes its row's other cells with it.
    return [x for x in out if not unbound.intersection(cells.get(x[1].amount.start, ()))]


_GENERAL_RATE = v.regex(r"\b(?:" + "|".join(v.GENERAL_RATE_WORDS) + r")\b", re.I)


def _own_over_general(
    t: str, resolved: list[tuple[_Group, _Item, tuple[str, ...]]], spans: Sequence[tuple[int, int]],
) -> list[tuple[_Group, _Item, tuple[str, ...]]]:
    """"Graduate tuition is $1,100 per credit; the charge per credit for the School of Information
    is $1,812": a general rate, then the school's own (a sentence naming this school or field,
    binding.PROGRAM_OWN). The school's own replaces the general rates of the same unit."""
    starts = [a for a, _ in spans]

    def sentence(item: _Item) -> str:
        a, b = spans[bisect_right(starts, item.amount.start) - 1]
        return t[a:b]

    own = {(item.per, item.kind or "tuition") for _, item, _ in resolved if PROGRAM_OWN.search(sentence(item))}
    if not own:
        return resolved
    return [
        (g, item, res) for g, item, res in resolved
        if not ((item.per, item.kind or "tuition") in own and _GENERAL_RATE.search(sentence(item))
                and not PROGRAM_OWN.search(sentence(item)))
    ]


@gate("parse_tuition")
def parse_tuition(text: str) -> list[Rate]:
    """Every tuition or fee rate the text states; [] when it states none."""
    t, amounts, context = _price_text(text)
    amounts = amounts[:MAX_AMOUNTS]
    if not amounts:
        return []
    spans = sentences(t)  # once: three readers below look at the same sentences
    skip = _skipped(t, amounts, spans) | _not_prices(t, amounts, spans)
    cells = _not_current_cells(t, amounts, skip)
    groups = _build_groups(t, amounts, skip | cells, cells)
    for group in groups:
        _resolve_group(group)
    _carry_units(groups)
    _carry_kinds(groups)
    # The shape gate's facts: the cells of a table's rows (a row whose other cells are not current
    # prices is one price), and each amount's neighbours.
    rows = [[i for i in row if i not in cells] for row in _rows(t, amounts, skip)]
    row_of = {amounts[i].start: tuple(amounts[j].start for j in row) for row in rows if len(row) >= 2 for i in row}
    bounds = {a.start: (amounts[k - 1].end if k else 0, amounts[k + 1].start if k + 1 < len(amounts) else None)
              for k, a in enumerate(amounts)}
    resolved = _own_over_general(t, _resolved(t, groups, spans, row_of, bounds, context), spans)
    rates: list[Rate] = []
    seen: set[Rate] = set()
    # One residency at a time within a group, so "Out-of-State & International" reads as two blocks.
    for group in groups:
        mine = [(item, res) for g, item, res in resolved if g is group]
        for residency in ("any", *q.RESIDENCY_ORDER):
            for item, res in mine:
                if residency not in res:
                    continue
                rate = Rate(
                    kind=item.kind or "tuition",
                    amount_usd=item.amount.value,
                    per=item.per,
                    residency=residency,
                    applies_to=_applies_to(group, item),
                )
                if rate not in seen:
                    seen.add(rate)
                    rates.append(rate)
    return rates
