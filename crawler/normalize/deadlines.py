"""Application deadlines from one piece of deadline text.

The text is read as a sequence of events (a date, or the word "rolling"). The words between two
events are split where a new heading starts (a term name or a qualifier such as "Online Campus"),
or at the last punctuation: the part before belongs to the earlier event ("priority, then
rolling"), the part after introduces the next ("Spring:", "; applications accepted until").

- Term: the last term named before the date ("Fall: May 1"), else a "for the fall semester"
  right after it, else the term in force from an earlier heading, else the only term the text
  names at all ("... Admission is for fall only"), else None.
- Kind: words next to the date (", priority", "accepted until" -> final); a kind named in a
  heading ("Preferred Application Deadlines") holds for the dates after it; default final.
- applies_to: a qualifier heading ("Main Campus", "Domestic Applicants") holds until the next one.
- Not deadlines: opening dates ("Applications open Sept. 1"), start and decision dates, the
  time-dependent flags "Currently open / closed", and terms the program does not admit in.
- Dates: "February 1st", "Feb. 1, 2026", "1 February", "2026-02-01", "2/15/2026"; an
  impossible date (Feb 30) is skipped. A numeric date that could be either way round ("3/1",
  "03/04/2026") is read as US month/day only when a term labels it ("Fall: 3/1", "11/1
  (spring)", a "Fall 2026 |" heading in force); alone ("Deadline: 12/1") it is skipped.

Decisions (each tested in tests/normalize/test_normalize_deadlines.py):
- Several terms for one date ("Fall and Spring: March 1", "Applications for summer and fall are
  due March 15") give one deadline per term, in text order. As many dates as listed terms or
  kinds, in a plain list, pair up in order ("The priority and final deadlines are January 15 and
  April 1", "Fall and Spring: March 1 and October 1, respectively").
- A term named only in an earlier sentence does not label a date ("The program admits in fall and
  spring. Deadline: March 1" -> term None); a single term named anywhere still does.
- A parenthesis right after a date is that date's own ("March 1 (priority) / July 1 (final)",
  "January 15 (international applicants); March 1 (domestic applicants)").
- A kind word written as a heading before the terms holds for the dates after it; one inside a
  term's clause ("Fall/Spring: priority deadline March 1; Summer: January 15") is that date's.
- "Priority deadline: January 15; Final deadline: April 1" names no term: term None.
- Relative deadlines ("due 60 days before the term") are not dates: nothing is returned.
- A month in a deadline's place with no readable day ("Fall: May priority, then rolling" once the
  digits are gone, "due in May") makes the whole result []: a partial list would read as complete.
- applies_to, in this order: "graduate school" (a heading or label naming the Graduate School
  as the source: "The Graduate School Application Deadlines", "Graduate School deadline:"; it holds
  until the text turns to the department or program), campus/delivery, applicant group, then a
  named group from "(School Librarianship certificate applicants only)" (lowercase, no "only").
  A campus heading starts a new block: it clears the applicant group of the block before it.
  "Apply online" / "online application" is about the form and never qualifies a date.
- Funding, assistantship and "full/best consideration" dates are priority; "general admission" is
  final. "Accepted year-round on a rolling basis" is a rolling deadline with term None.
- A date's own scope (issue 19): a parenthesis naming another credential's only ("(Graduate
  Certificate in School Librarianship only)") or the documents ("February 1 (supporting
  documents)") makes it not this program's deadline; a funding deadline as a sentence's subject
  ("Application deadlines for GSLIS Scholarships are October 15 (...) and February 15 (...)")
  holds for every date in it; a student's business once admitted (tuition due, registration,
  housing, grades, a term that "runs from" one date to another, an office "closed from") and a
  part's dates (practicum, portfolio) are moved away by the vocabulary's scopes.
- A start named by its month either way round ("September start", "the next start date is
  September 2018") is fall; a start month that names no term ("January intake:") clears the term
  in force; "Fall start:" is a heading, not a start date.

Positive binding (issue 19, third pass) and the shape gate (fourth pass; both tested in
tests/normalize/test_binding_deadlines.py): a date is read only where it stands in one of a few
binding shapes; every other shape abstains, whatever words it uses.
- The shapes (binding.deadline_shape; words: vocabulary, "the shape gate"): a label right before
  it ("Fall: July 1", "Fall Semester July 1", "Priority Deadline: Jan 15"); a predicate of applying
  within a few words before it (vocabulary.DEADLINE_SHAPE_REACH, more after a copula: "The Fall
  Application Deadline for all materials for the MSIS program is January 5"; a time of day is not
  a word); its own words right after it ("March 1 (priority)", "August 1 for fall admission",
  "April 1 is the normal deadline", "January 2 Graduate Admission closes"). In each, only label
  words (vocabulary.DEADLINE_LABEL_WORDS, terms, kinds, groups, program names, numbers) stand
  between the binding word and the date and before a deadline noun in its label, and no word of
  another action: "Priority deadline for Orientation sign ups is June 1st", "Fall Deferral Request
  Deadline: October 1st", "Application Fee Payment Deadline: July 1st" abstain. A predicate that
  opens further back binds when all its words are label words ("should submit an application and
  all supporting materials by"); a date inside a parenthesis stands with label words only ("(30
  August 2022 for School of Government degrees)" abstains). Besides these,
  structure binds: a table cell under a heading row naming deadlines, a column whose heading names
  one, the applicants' row label under a deadline heading ("Canadian students: April 1"), a listed
  pair of terms or kinds, and a date coordinated with a bound one ("October 15 and February 15").
  A date that opens or closes a range ("August 25 - December 15") is a period, never a deadline;
  "rolling" said of other departments or on a condition ("For departments that use rolling
  admission") is not this program's.
- Term and kind are gated the same way: a term label on both sides of a date ("For the fall
  semester April 1 For the winter semester August 1") leaves the pairing unknown and the list
  abstains; a heading's kind holds for bare items, not for a date whose own words name its own
  deadline; a negated kind names none ("but will not receive fellowship consideration"); "early"
  is a kind only before a deadline noun ("Early decision deadline"); a heading naming two kinds
  settles none; and the default kind final is given only where neither the date's clause, the
  heading of its list, nor the text's heading names another kind or a funding purpose (else the
  date abstains: "by the March 1 deadline ... automatically considered for these awards").
- What abstains: a date bound by none of these ("On January 16 we freeze and download all
  applications"); a compared date ("earlier than February 15", "submitted after February 1"; not
  "not accepted after", a deadline); a flattened table's column
  headed by other business ("File Completion Deadline", "Classes begin"); a row labelled by
  another degree ("| Creative Writing (MFA) | Feb 1 |", binding.other_program_row); and every
  date of a text whose first clause states a date or deadline of other business (a co-op, a
  thesis conferral, tuition due: binding.first_clause_scope).
- Fifth pass (vetoes in binding's deadline shape-gate section, words in vocabulary's): a date
  whose sentence, or the text's first sentence, names another applicant group or a program by a
  discipline's name (undergraduate entry words: "fall freshman applications", "First-year and
  Transfer"; a capitalized name before a lowercase group noun or before "programs": "Music
  transfer applicants", "Candidates for Dual-Degree Programs"; not a nationality, a level or a name
  with this program's words: "Canadian students", "School Library Media applicants") abstains, as
  does a deadline whose object is an award itself ("the priority deadline for all spring merit
  scholarships"; "for scholarship consideration", "for applicants seeking assistantships" stay a
  purpose). A pipe table without a rule row has column headings too ("Semester Start | Application
  Deadline | Class Start | ..."), and a review the school holds is another action ("March 1 (the
  final review)").
- Kind from purpose, when no kind word stands next to the date: applying by it keeps funding open
  ("To be considered for merit-based aid, submit by February 1": priority), or the text advises
  it ("we encourage students to submit by December 15", "please finish your application by":
  preferred).
- A deadline stated bare and again for a named group ("January 15 (FALL) | ... for all
  international students is January 15 for Fall applicants") is the group's, once.
- Sixth pass (issue 19, r6-dead; tested in test_binding_deadlines.py, words in vocabulary's
  "application_deadlines: sixth pass"). Dates of other business: an action of another kind as the
  subject of the binding word ("Decision letters ... should be posted ... no later than December
  15th", "a mandatory program orientation for all standard program students on August 18"; not
  with a word of applying after it: binding.action_subject); a date coordinated with a vetoed one
  ("available on May 1, 2025 for spring ... and Aug. 1, 2025 for summer"); an award as the object
  of applying ("apply for a graduate assistantship award ... the April 15 deadline"); a text whose
  first sentence names the FAFSA (binding.deadline_for_aid); another credential's process named
  outside parentheses before the date, or in the text's first sentence, with no word of this
  program (binding.other_credential_only); "for supporting documents" after a date; rolling said of
  notices ("notified on a rolling basis"). Attributes bound, not guessed: a kind in a date's own
  colon label ("Priority Deadline to be considered for GTA funding: March 31st") holds for bare
  items after it, not for dates with a label or a predicate of their own; a date coordinated with a
  bound one takes that date's kind before a heading's; a kind named right after an unclosed
  parenthesis up to a comma is the date's before it; an advised date restated in the next sentence
  with a funding purpose ("by this date ... full consideration") abstains, and so does a date no kind
  word binds where its text says there is no (official) deadline or names a benefit of applying early
  ("for the best chance of admission"). Rolling: "there is no deadline for admission" in a text with
  no date. A flat table's later row labels are applicant-group words only. Flattened tables (_flat_table): a run of terms
  over rows of applicant groups ("Fall Spring Summer 1 Summer 2 US Citizens: Jun 25 ...
  Internationals: Mar 1 ..."), and one named column per date over rows of terms, of which only the
  application deadline's column is read ("Application deadline (...) File Completion Deadline (...)
  Fall February 1 May 15"); the heading's kind, final when it names none, none when two. More
  words: "prior to", "accepted up through", "matriculation", "September intakes", a group joined
  to its date by a dash, a dash glued to a label word, "submit all materials by" (the application).
- Seventh pass (issue 19, r7-dead; vetoes in binding's deadline section, words in vocabulary's
  "application_deadlines: seventh pass"; binding.SEVENTH_PASS switches them off; tested in
  test_binding_deadlines.py). Classes of other business, each seen at two or more universities: "closed"
  said of anything but the application, or of a place or body ("SIPA will be closed Thursday, November
  28", "Our admissions office will be closed"; not "Applications close February 24": closure_of_other);
  a test's own date, an exam or its scores named in the binding word's clause with no word of the
  application ("take the GRE exam no later than November 1": exam_date); another program's table row
  named "<discipline>, <degree>" or, without pipes, "<Discipline> <degree letters> [terms] <date>"
  ("| Anthropology, M.S. | Fall | 01/15 |", "Civil & Environmental Engineering M.Eng. Fall/Spring December
  1st": other_program_row_named); a table row whose label names other business (documents, decisions,
  classes) and not the application ("| ... requested documents due ... | July 15 |": other_business_row).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .binding import (
    SUBJECT_REACH, action_subject, bound_text, credential_before, deadline_for_aid, deadline_for_funding, deadline_of_other,
    deadline_shape, first_clause_scope, label_words_only, negated_kind, other_business_row, other_credential_only, other_program_row,
    other_program_row_named,
    subject_scope, unsettled_kind,
)
from .models import Deadline
from .qualifiers import join as q_join
from . import vocabulary as v
from .text import TERM_RE, may_hold, prepare, sentences
from .vocabulary import MONTHS, TERM_WORDS, alternation
from .familiar import gate

_MONTH = rf"(?P<mon>{'|'.join(sorted(MONTHS, key=len, reverse=True))})"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MDY = v.regex(
    rf"\b{_MONTH}\.?\s?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s?(?:-|to)\s?\d|:\d|\s?(?:a\.?m|p\.?m))"
    rf"(?:\s?,?\s?{_YEAR}\b)?",
    re.I,
)
_DMY = v.regex(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b\.?(?:\s?,?\s?{_YEAR}\b)?", re.I)
_ISO = v.regex(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_NUMERIC = v.regex(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])")
# Rolling, said the ways pages say it (issue 9): "rolling", "no fixed deadline", "reviewed as
# received", "accepted throughout the year", "apply at any time".
_ROLLING = v.regex(
    r"\brolling\b|\bno\s+(?:fixed|set|firm|specific)\s+(?:application\s+)?deadlines?\b"
    r"|\b(?:processed|reviewed|considered|evaluated)\s+as\s+(?:they\s+are\s+|they\s+)?(?:received|submitted|arrive|come\s+in)\b"
    r"|\b(?:accepted|reviewed|considered)\s+(?:throughout\s+the\s+year|year[-\s]round|at\s+any\s+time|all\s+year)\b"
    r"|\bapply\s+(?:to\s+(?:our|the|this)\s+\w+\s+)?at\s+any\s+time\b|\b(?:on\s+a\s+)?year[-\s]round\s+basis\b"
    # (sixth pass) "Applications for both admission and assistantships are ongoing"
    r"|\b(?<=applications\s)(?:[\w&]+\s){0,5}?(?:is|are)\s+ongoing\b|\bongoing\s+(?:admissions?|review|basis)\b",
    re.I,
)

# Time-dependent status flags shown next to deadlines: never a fact.
_STATUS = v.regex(
    r"\bcurrently\s+(?:not\s+)?(?:open|closed|accepting(?:\s+applications)?)\b"
    r"|\(\s?(?:open|closed)\s?\)"
    # ("Applications for fall 2025 open October 1": a verb before a date, not a flag after a year.)
    r"|(?<=\d)\s(?:open|closed)\b(?!\s+(?:on|until|by|to|for|at|\d|(?:" + "|".join(MONTHS) + r")\b))",
    re.I,
)
# "The program does not admit in the spring.", "No spring or summer admission."
_TERMS = alternation(TERM_WORDS, bounded=False)
_NOT_ADMITTED = v.regex(
    r"\b(?:does\s+not|doesn't|do\s+not|don't|will\s+not|won't|not|cannot)\s+(?:\w+\s){0,3}?"
    r"(?:admit|accept|offer|enroll|start)\w*\b",
    re.I,
)
_NO_TERM_ADMISSION = v.regex(
    rf"\bno\s+(?:{_TERMS}\s?(?:,|or|and|/)?\s?)+(?:admissions?|intake|entry|starts?|cohorts?)\b", re.I
)
_CLAUSE_EDGE = v.regex(r"[.;\d]")


def _drop_terms_not_admitted(text: str) -> str:
    """Blank out clauses such as "Spring Deadline: The program does not admit in the spring."
    (no date in them), so their term names do not label a later date."""
    text = _NO_TERM_ADMISSION.sub(" ; ", text)
    out, last = [], 0
    for m in _NOT_ADMITTED.finditer(text):
        if m.start() < last:
            continue
        left = m.start()
        while left > last and left > m.start() - 200 and not _CLAUSE_EDGE.match(text, left - 1):
            left -= 1
        edge = _CLAUSE_EDGE.search(text, m.end(), m.end() + 200)
        right = edge.start() if edge else min(len(text), m.end() + 200)
        if edge and edge.group() not in ".;":
            continue  # a date follows ("not accepted after February 1"): that is a deadline
        if not TERM_RE.search(text, m.end(), right):
            continue
        out.append(text[last:left])
        out.append(" ; ")
        last = right
    out.append(text[last:])
    return "".join(out)


# Campus and applicant-group qualifiers from the vocabulary: campus names first, then applicant
# groups, then the generic campus and online words (the first label that matches a place wins).
_QUALIFIERS: tuple[tuple[str, str], ...] = tuple(
    (label, alternation(words)) for label, words in (*v.CAMPUS_WORDS[:3], *v.APPLICANT_GROUPS, *v.CAMPUS_WORDS[3:])
)
_QUAL_RE = [(label, v.regex(p, re.I)) for label, p in _QUALIFIERS]
_QUAL_ANY = v.regex("|".join(p for _, p in _QUALIFIERS), re.I)
_KINDS = v.DEADLINE_KINDS
_KIND_RE = [(k, v.regex(p, re.I)) for k, p in _KINDS]
_KIND_ANY = v.regex("|".join(f"(?:{p})" for _, p in _KINDS), re.I)  # matches where any kind's does
# Dates that are not deadlines: when applications open, classes start, decisions go out.
_NOT_A_DEADLINE = v.regex(
    r"\b(?:(?:opens?|opening|opened|open)(?:\s+for\s+applications)?|begins?|beginning"
    # "Fall start: March 1" names the term whose deadline follows, not a start date.
    r"|(?<!fall\s)(?<!autumn\s)(?<!spring\s)(?<!summer\s)(?<!winter\s)(?:starts?|start\s+date)|commence\w*"
    r"|available|released?|(?<!early\s)decisions?(?:\s+\w+)?|notifi\w*|orientation"
    # A document or materials deadline, a policy date ("as of January 26, 2016, scores are no
    # longer required"): not the application's deadline (issue 9).
    r"|documents?(?:\s+deadline)?|documentation|(?:application\s+)?materials|as\s+of|effective|since)\b\s?(?:on|by|in|:|-)?\s?$",
    re.I,
)
# A sentence about something other than applying: its dates are not application deadlines.
_OTHER_BUSINESS = v.regex(
    r"\b(?:refund\w*|deposits?|accept\s+or\s+(?:reject|decline)|(?:your|an?)\s+(?:admission\s+)?offer|immuniz\w*"
    r"|vaccin\w*|apply\s+to\s+graduate|graduation|commencement|founded|task\s+force|accredit\w*|review\s+visit"
    r"|not\s+(?:a\s+)?deadlines?|fafsa|for\s+(?:financial\s+)?aid|reply\s+deadline|re-?entry|re-?enter|readmission)\b",
    re.I,
)
# The deadline of a separate funding application, not of admission ("The scholarship application
# deadline is February 15", "Financial Support Application January 15"); read in the date's own
# words, since a deadlines table may list it beside the admission dates.
_FUNDING_DEADLINE = v.regex(
    rf"\b(?:{'|'.join(v.FUNDING_WORDS)})\s+(?:application\s+)?(?:deadlines?|applications?|forms?|due)\b"
    rf"|\b(?:deadlines?|applications?)\s+for\s+(?:(?!admission)[\w-]+\s){{0,3}}?(?:{'|'.join(v.FUNDING_WORDS)})(?:\(s\))?(?:\s+applications?)?\b[^.;]*$"
    rf"|\bapply\s+for\s+(?:\w+\s+)?(?:{'|'.join(v.FUNDING_WORDS)})\b[^.;]*$",
    re.I,
)
# A funding deadline as the subject of a sentence, holding for every date in it.
_FUNDING_LEAD = v.regex(
    rf"^\s?(?:the\s+)?(?:applications?\s+)?(?:deadlines?|due\s+dates?)\s+for\s+(?:(?!admission)[\w-]+\s){{0,3}}?"
    rf"(?:{'|'.join(v.FUNDING_WORDS)})\b",
    re.I,
)
# Words that make a sentence about applying; a date in a sentence without any (and without a
# heading that has one) is not a deadline ("February 22, 2021. Alumni founded ...").
_DEADLINE_CONTEXT = v.regex(
    rf"\b(?:deadlines?|due|apply|applying|applicants?|applications?|admissions?|admit\w*|entry|intake|submit\w*"
    rf"|received|close[sd]?|closes|priority|final|preferred|rolling|until|by|semester|term|quarter|session|early"
    rf"|regular|standard|decisions?|consideration|cohorts?)\b"
    rf"|{alternation(TERM_WORDS)}",
    re.I,
)
# "Fall: April 1* *extended to May 15": the new date replaces the one before it.
_EXTENDED = v.regex(r"\b(?:extended|moved|changed|pushed(?:\s+back)?|postponed)\s+(?:to|until)\s?$", re.I)
# "January 15: Summer semester": a date written before its term.
_DATE_FIRST = v.regex(
    rf"^\s?[:\-]\s?(?:the\s+)?{alternation(TERM_WORDS)}(?:\s+(?:semester|term|quarter|session|admission|start|entry|intake))?"
    r"(?!\s?:|\s?\d)",
    re.I,
)
# Not a label with a colon: "Fall: July 1 - Spring: November 1" introduces the next date.
# Nor across a spaced dash: "July 1 for international students - August 15 for domestic students".
_FOR_POSTFIX = v.regex(r"^\s?[(,-]?\s?(?:for|-)\s+(?:the\s+)?(?![^.;,()\u2022]{0,25}:)(?:(?!\s-\s)[^.;,()\u2022]){0,60}", re.I)
# "March 1 (priority)", "11/1 (spring)", "January 15 (international applicants)": a parenthesis
# right after a date describes that date only; it never introduces the next one.
_PAREN_POSTFIX = v.regex(r"^\s?\(([^()]{0,80})\)")
# (sixth pass) "April 15—international applicants July 1—domestic applicants": an applicant group
# joined to a date by a dash is that date's own.
_GROUP_POSTFIX = v.regex(
    r"^\s?[-\u2013\u2014]\s?(?:for\s+)?(?:" + "|".join(re.escape(w) for _, words in v.APPLICANT_GROUPS for w in words)
    + r")(?:\s+(?:applicants|students|candidates))?\b",
    re.I,
)
# "Fall and Spring:", "Summer/Fall", "fall, spring, and summer": several terms for one date.
_TERM_LIST_LINK = v.regex(r"\s?(?:,\s?(?:and|or|&)?|and|or|&|/)\s?$", re.I)
# "The priority and final deadlines ... are January 15 and April 1": kinds listed in order.
_KIND_WORD = r"(?:priority|preferred|early|final|regular)"
_KIND_PAIR = v.regex(rf"\b({_KIND_WORD})\s?(?:and|&|/)\s?({_KIND_WORD})\b", re.I)
_LIST_GAP = v.regex(r"^\s?(?:,|and|&|,\s?and)\s?$", re.I)
_SENTENCE_GAP = v.regex(r"[.;]\s|\||\u2022")  # a sentence end, a table-cell bar or a bullet
# "Apply online", "online application": about the paperwork, not who the deadline applies to.
_PAPERWORK = v.regex(v.paperwork_pattern(), re.I)
_SPLIT_PUNCT = v.regex(r"[.;]\s|[.;]$|\)\s|,\s|\u2022")


# A month written where a deadline's date should be, but with no readable day ("Fall: May
# priority", "Spring: Nov. priority" once the digits are gone, "due in May"): the text states a
# deadline we cannot read, so the whole text gives [] rather than a partial list. Months are
# matched capitalized ("May", not the verb "may"); one after a start/opening word is not a deadline.
_BARE_MONTH = v.regex(
    r"\b(?:" + "|".join(sorted({m.capitalize() for m in MONTHS} | {m.upper() for m in v.FULL_MONTHS}, key=len, reverse=True))
    + r")\b\.?"
)
_DEADLINE_SLOT = v.regex(
    rf"(?:{alternation(TERM_WORDS)}[^.;:\d]{{0,20}}:|\bdeadlines?\b|\bdue\b|\bapply\s+by\b|\bby\b"
    r"|\buntil\b|\bno\s+later\s+than\b|\bpriority\b|\bpreferred\b|\bfinal\b)[^.;\d]{0,25}$",
    re.I,
)
_NOT_DEADLINE_MONTH = v.regex(
    r"\b(?:opens?|opening|begins?|beginning|starts?|start\s+date|commence\w*|classes|courses|orientation|decisions?"
    r"|notifi\w*|graduat\w*|released?|available)\b[^.;\d]{0,25}$",
    re.I,
)
# "Applications are accepted year-round on a rolling basis": rolling for every term (term None).
_YEAR_ROUND = v.regex(
    r"\byear[-\s]round\b|\bthroughout\s+the\s+year\b|\ball\s+year\b|\bany\s?time\b|\b(?:every|each|all|any)\s+terms?\b"
    r"|\b(?:every|each|all|any)\s+semesters?\b",
    re.I,
)
# A text that names the Graduate School as the source of its deadlines ("The Graduate School
# Application Deadlines ...", "Graduate School deadline: June 30"): applies_to "graduate school".
_SOURCE = v.regex(
    r"\bgraduate\s+(?:school|college)(?:'s)?\s+(?:(?:application|admissions?)\s+)?(?:deadlines?|dates?)\b"
    r"|\b(?:deadlines?|dates?)\s+(?:set|established|published)\s+by\s+the\s+graduate\s+(?:school|college)\b"
    # "LSU Graduate School Fall - June 30": a page's unit name, as its title gives it, leads.
    r"|^\s?(?:the\s+|(?-i:[A-Z]{2,5})\s+)?graduate\s+(?:school|college)\b(?!\s+(?:by|before|no\s+later))"
    r"|\(\s?(?:the\s+)?graduate\s+(?:school|college)\s?\)|\bgraduate\s+(?:school|college)\s?:",
    re.I,
)
# The program's own deadlines after the Graduate School's: the source no longer holds.
_OWN_SOURCE = v.regex(r"\b(?:department|program|school\s+of|ischool|college\s+of|we|our)\b", re.I)
# "(School Librarianship certificate applicants only)": a named group of applicants.
_GROUP_ONLY = v.regex(
    r"\(\s?(?:for\s+)?(?P<group>[a-z][a-z&'/ -]{1,60}?\s(?:applicants|students|candidates))\s+only\s?\)", re.I
)
# "September start": a start named by its month is its term (vocabulary.START_MONTH_TERMS).
_START_MONTH = v.regex(
    rf"\b(?P<month>{alternation(v.START_MONTH_TERMS, bounded=False)})\.?\s+(?P<start>{alternation(v.START_WORDS, bounded=False)})s?\b",
    re.I,
)
# Every month START_MONTH_TERMS names holds one of these ("sep" in "sept" and "september").
_START_MONTH_NEEDS = tuple(sorted({m.lower()[:3] for m in v.START_MONTH_TERMS}))
# "The next start date is September 2018", "Programs begin in September": the same, said the other
# way round (never a date: "Classes start September 2" keeps its day).
_MONTH_START = v.regex(
    rf"\b(?P<start>(?:start|entry|intake)(?:\s+date)?|starts|begins?|commences?)(?:\s?:\s?|\s+(?:(?:is|will\s+be)\s+)?(?:in\s+)?)"
    rf"(?P<month>{alternation(v.START_MONTH_TERMS, bounded=False)})\b\.?(?!\s?\d{{1,2}}\b)",
    re.I,
)
# The date's own parenthesis names another credential: "March 15 for Summer term (Graduate
# Certificate in School Librarianship only)" is the certificate's date ("(... applicants only)" is a
# named group of this program's applicants, read by _GROUP_ONLY).
_OTHER_ONLY = v.regex(
    r"^[^()]{0,40}?\(\s?(?P<what>[^()]{1,80}?)\s+only\s?\)", re.I
)
_OTHER_WHAT = v.regex(r"\b(?:certificates?|certifications?|endorsements?|specialists?|Ph\.?\s?D|doctoral|C\.?A\.?S)\b", re.I)
_GROUP_WORD = v.regex(r"\b(?:applicants|students|candidates)\s*$", re.I)
# "February 1 (supporting documents)": the documents' date, not the application's.
_DOCUMENTS_AFTER = v.regex(
    r"^\s?(?:\(|for\s)\s?(?:all\s+)?(?:supporting\s+|official\s+)?(?:documents?|documentation|materials|transcripts|references|reference\s+letters)\b", re.I
)
# "January intake:", "May start": a start named by a month that names no term of its own (January
# is spring at one school, winter at another) still starts a new heading: the term before it no
# longer holds, and its dates have no term.
_UNTERMED_START = v.regex(
    rf"\b(?:{'|'.join(m for m in sorted(MONTHS, key=len, reverse=True) if m not in v.START_MONTH_TERMS and m != 'may')})\.?\s+"
    rf"(?:{alternation(v.START_WORDS, bounded=False)})\b",
    re.I,
)
_CAMPUS_LABELS = ("main campus", "online campus", "global campus", "on campus", "online")
_GROUP_LABELS = ("domestic", "international")


# Words ending in a colon right before a date are that date's label.
_LABEL_END = v.regex(r"[A-Za-z)]\s?:\s?$")
_TERM_MONTH = v.regex(rf"{alternation(TERM_WORDS)}\s?\(\s?$", re.I)


_START_AFTER = v.regex(rf"\s?(?:{alternation(v.START_WORDS, bounded=False)})\b", re.I)


def _unreadable_date(text: str, events: list["_Event"]) -> bool:
    """A month standing in a deadline's place with no readable day."""
    in_date = bytearray(len(text) + 1)
    for e in events:
        if not e.rolling:
            in_date[e.start : e.end] = b"\x01" * (e.end - e.start)
    for m in _BARE_MONTH.finditer(text):
        if in_date[m.start()]:
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if _TERM_MONTH.search(before):
            continue  # "Fall (September) start date": the month the term starts, not a date
        if _START_AFTER.match(text, m.end()):
            continue  # "The deadline for January entry is October 1": a start named by its month
        if _DEADLINE_SLOT.search(before) and not _NOT_DEADLINE_MONTH.search(before):
            if action_subject(before, len(before), len(before)):
                continue  # (sixth pass) "will be notified on a rolling basis by the end of March": another action's month
            return True
    return False


@dataclass
class _Event:
    start: int
    end: int
    date: str | None  # None for "rolling"
    rolling: bool = False
    ambiguous: bool = False  # "3/1": US month/day only when a term labels it


def _iso(month: int, day: int, year: int | None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day < 1 or day > calendar.monthrange(year or 2000, month)[1]:  # 2000: allow Feb 29 yearless
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _find_events(text: str) -> list[_Event]:
    events: list[_Event] = []
    taken = bytearray(len(text) + 1)  # characters already read as part of a date

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    # (An ISO date needs a "-", a numeric one a "/": no search where there is none.)
    for pattern in (_ISO if "-" in text else None, _MDY, _DMY, _NUMERIC if "/" in text else None):
        for m in pattern.finditer(text) if pattern is not None else ():
            if not free(m.start(), m.end()):
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            mon = m.group("mon")
            month = int(mon) if mon.isdigit() else MONTHS.get(mon.lower().rstrip("."), 0)
            day = int(m.group("day"))
            year_text = m.group("year")
            year = int(year_text) if year_text else None
            if year is not None and year < 100:
                year += 2000
            # 03/04/2026: March 4 or 3 April? Alone, not ours to guess; in a term's deadline list
            # ("Fall: 3/1; Spring: 10/1") a US page writes month/day (decision, see the loop).
            ambiguous = pattern is _NUMERIC and day <= 12 and day != month
            date = _iso(month, day, year)
            if date:
                events.append(_Event(m.start(), m.end(), date, ambiguous=ambiguous))
    for m in _ROLLING.finditer(text):
        if free(m.start(), m.end()):
            events.append(_Event(m.start(), m.end(), None, rolling=True))
    return sorted(events, key=lambda e: e.start)


def _split_gap(gap: str, date_first: bool = False) -> int:
    """Where the words between two events stop describing the first and start the second.
    date_first: the first event's own words named no term, so a term right after it written
    "January 15: Summer semester" is its own."""
    consumed = 0
    first = _DATE_FIRST.match(gap) if date_first else None
    if first:
        consumed = first.end()
    paren = _PAREN_POSTFIX.match(gap, consumed)
    if paren:
        consumed = paren.end()
    m = _FOR_POSTFIX.match(gap, consumed)
    if m and m.end() > consumed:
        consumed = m.end()
    group = _GROUP_POSTFIX.match(gap, consumed)
    if group:
        consumed = group.end()
    heads = [h.start() for h in (TERM_RE.search(gap, consumed), _QUAL_ANY.search(gap, consumed), _KIND_HEADING.search(gap, consumed)) if h]
    opened = gap.find("(", consumed)
    if opened != -1 and ")" not in gap[opened:]:
        first, comma, _ = gap[opened + 1 :].partition(",")
        if comma and ":" not in first and _kind(first) and len(first.split()) <= _LABEL_WORDS:
            heads.append(opened + 2 + len(first))  # "(priority application deadline, with ...": the kind is the date's before
        else:
            heads.append(opened)  # "(preferred deadline for international admissions is September 1)"
    if heads:
        # "... on a rolling basis. For full consideration for fall, apply by": the sentence the
        # heading stands in introduces the next date from its start.
        first_end = _SENTENCE_GAP.search(gap, consumed, min(heads))
        return first_end.end() if first_end else min(heads)
    if _LABEL_END.search(gap) and not _SENTENCE_GAP.search(gap, consumed):
        return consumed  # "... Guaranteed consideration for School (internal) scholarships: March 1"
    cut = consumed
    for p in _SPLIT_PUNCT.finditer(gap, consumed):
        cut = p.start()
    # "... on a rolling basis. For priority consideration, apply by": a sentence end before the
    # last comma starts the next date's words.
    ends = [p.start() for p in _SENTENCE_GAP.finditer(gap, consumed)]
    if ends:
        cut = ends[-1]
    then = re.search(r"\bthen\s?$", gap)  # "Feb. 1 priority then rolling"
    if cut == consumed and then:
        cut = then.start()
    if cut == consumed:
        # "January 15 is the priority deadline and April 1 is the final deadline": the words
        # before "and" describe the first date.
        link = re.search(r"\s(?:and|while|but|whereas)\s", gap[consumed:])
        if link and _kind(gap[consumed : consumed + link.start()]):
            cut = consumed + link.start()
    return cut


def _sentence_of(text: str, spans: list[tuple[int, int]], starts: list[int], pos: int) -> str:
    """The sentence around pos, at most 200 characters either side (bounded work per event)."""
    k = bisect_right(starts, pos) - 1
    a, b = spans[k] if k >= 0 else (0, len(text))
    return text[max(a, pos - 200) : min(b, pos + 200)]


def _last_term(text: str) -> str | None:
    terms = TERM_RE.findall(text)
    return TERM_WORDS[terms[-1].lower()] if terms else None


def _term_list(text: str) -> list[str]:
    """The last term named in the text, with the terms listed right before it ("Fall and
    Spring", "Summer/Fall", "fall, spring, and summer"), in text order."""
    matches = list(TERM_RE.finditer(text))
    if not matches:
        return []
    listed = [matches[-1]]
    for m in reversed(matches[:-1]):
        between = text[m.end() : listed[0].start()]
        if not _TERM_LIST_LINK.fullmatch(between) and between.strip() != "":
            break
        listed.insert(0, m)
    terms: list[str] = []
    for m in listed:
        term = TERM_WORDS[m.group(0).lower()]
        if term not in terms:
            terms.append(term)
    return terms


def _own_clause(pre: str) -> str:
    """The words of the sentence the date stands in: a term named in an earlier sentence
    ("The program admits in fall and spring. Deadline: March 1") does not label it."""
    spans = sentences(pre)
    return pre[spans[-1][0] :] if len(spans) > 1 else pre


def _heading_kind(pre: str) -> tuple[str | None, bool]:
    """The kind named before the date, and whether it is a heading that holds for the dates
    after it ("Preferred Application Deadlines Fall - June 1 ...": the kind stands before the
    term) rather than this date's own word ("Fall/Spring: priority deadline March 1")."""
    kind = _kind(pre)
    if kind is None:
        return None, False
    last_term = None
    for last_term in TERM_RE.finditer(pre):
        pass
    kinds_after_term = last_term is not None and _kind(pre[last_term.end() :]) is not None
    return kind, not kinds_after_term


def _qualifier(text: str, labels: tuple[str, ...] | None = None) -> str | None:
    """The qualifier named last in the text (optionally only among `labels`)."""
    best, best_pos = None, -1
    if not _QUAL_ANY.search(text):
        return None  # no qualifier of any label (most words before a date): one search
    for label, pattern in _QUAL_RE:
        if labels is not None and label not in labels:
            continue
        for m in pattern.finditer(text):
            if m.start() > best_pos:
                best, best_pos = label, m.start()
    return best


def _kind(text: str, nearest_end: bool = True) -> str | None:
    """The kind word nearest the date: the last one before it, or the first one after it."""
    if not _KIND_ANY.search(text):
        return None  # no kind word at all: one search instead of one per kind
    found = [(m.start(), k) for k, p in _KIND_RE for m in p.finditer(text) if not negated_kind(text, m.start())]
    if not found:
        return None
    return (max(found) if nearest_end else min(found))[1]


# A bullet starts a new item of a list ("Spring deadline: November 15 • Summer deadline: April 15"):
# a date's own words end there; a heading before the list ("Fall admission: • Priority: Feb. 15")
# still holds for its items.
_BULLET = v.regex(r"\s?[\u2022\u25aa\u25cf\u00b7]\s?")


def _clean(text: str) -> str:
    """Prepared text without time-dependent flags, paperwork "online" and clauses about terms the
    program does not admit in."""
    # (Each substitution is tried only where the text holds a word it needs: most texts hold none.)
    t = prepare(text)
    if may_hold(t, "open", "closed", "accepting"):
        t = _STATUS.sub(" ", t)
    if any(b in t for b in "\u2022\u25aa\u25cf\u00b7"):
        t = _BULLET.sub(" \u2022 ", t)
    if may_hold(t, "online", "virtual"):
        t = _PAPERWORK.sub(lambda m: m.group(0).lower().replace("online", "the"), t)
    if may_hold(t, *_START_MONTH_NEEDS):
        t = _START_MONTH.sub(lambda m: v.START_MONTH_TERMS[m.group("month").lower()] + " " + m.group("start"), t)
        t = _MONTH_START.sub(lambda m: m.group("start") + " " + v.START_MONTH_TERMS[m.group("month").lower()], t)
    # Sentences about another program, a co-op, an office closure or a date to disregard.
    return bound_text("application_deadlines", _drop_terms_not_admitted(t))


def _words_around(t: str, events: list[_Event]) -> tuple[list[str], list[str]]:
    """pre[i]: the words introducing event i; post[i]: the words trailing it (its own)."""
    pres: list[str] = []
    posts: list[str] = []
    prev_end = 0
    for i, ev in enumerate(events):
        gap = t[prev_end : ev.start]
        if i == 0:
            pres.append(gap)
        else:
            cut = _split_gap(gap, date_first=not _term_list(_own_clause(pres[-1])))
            posts.append(gap[:cut])
            pres.append(gap[cut:])
        prev_end = ev.end
    tail = t[prev_end:]
    end = re.search(r"[.;](?:\s|$)", tail)  # after the last date, only its own sentence counts
    tail = tail[: end.start()] if end else tail
    first = _DATE_FIRST.match(tail) if not _term_list(_own_clause(pres[-1])) else None
    consumed = first.end() if first else 0
    paren_end = _PAREN_POSTFIX.match(tail, consumed)
    consumed = paren_end.end() if paren_end else consumed
    for_end = _FOR_POSTFIX.match(tail, consumed)
    consumed = for_end.end() if for_end else consumed
    group_end = _GROUP_POSTFIX.match(tail, consumed)
    consumed = group_end.end() if group_end else consumed
    head = min((h.start() for h in (TERM_RE.search(tail, consumed), _QUAL_ANY.search(tail, consumed)) if h), default=len(tail))
    posts.append(tail[: max(head, consumed)])
    return pres, posts


def _listed_kinds(t: str, events: list[_Event], pres: list[str]) -> dict[int, str]:
    """"The priority and final deadlines are January 15 and April 1": kinds in the order listed."""
    listed: dict[int, str] = {}
    for i, (ev, pre) in enumerate(zip(events, pres)):
        pair = None
        for pair in _KIND_PAIR.finditer(_own_clause(pre)):
            pass
        if pair and i + 1 < len(events) and _LIST_GAP.match(t[ev.end : events[i + 1].start]):
            listed[i] = _kind(pair.group(1)) or "final"
            listed[i + 1] = _kind(pair.group(2)) or "final"
    return listed


def _listed_terms(t: str, events: list[_Event], pres: list[str]) -> dict[int, str]:
    """"Fall and Spring: March 1 and October 1, respectively": as many dates as listed terms, in
    a plain list, pair up in order (one date for several terms gives each term that date)."""
    listed: dict[int, str] = {}
    for i, pre in enumerate(pres):
        terms = _term_list(_own_clause(pre))
        n = len(terms)
        if n < 2 or i + n > len(events) or any(j in listed for j in range(i, i + n)):
            continue
        if all(_LIST_GAP.match(t[events[j].end : events[j + 1].start]) for j in range(i, i + n - 1)):
            for j, term in enumerate(terms):
                listed[i + j] = term
    return listed


def _column_rows(t: str, events: list[_Event]) -> bool:
    """Two dates with nothing between them ("Fall July 15 February 15"): a table row of several
    columns whose headings we cannot pair with the dates; the text is not read at all."""
    return any(
        not a.rolling and not b.rolling and not t[a.end : b.start].strip(" *")
        for a, b in zip(events, events[1:])
    )


_TABLE_GROUP_ROW = v.regex(v.DEADLINE_TABLE_GROUP_ROW, re.I)
_TABLE_GROUP_ONLY = v.regex(r"^[\s|*]*" + v.DEADLINE_TABLE_GROUP_ROW, re.I)  # a row label of group words only
_TABLE_COLUMN_END = v.regex(v.DEADLINE_TABLE_COLUMN_END, re.I)
_TABLE_TERM_RUN = v.regex(
    rf"(?:{alternation(TERM_WORDS)}{v.DEADLINE_TABLE_TERM_PART}[\s|]*){{2,}}$", re.I
)
_TABLE_TERM_LABEL = v.regex(rf"^[\s|*]*{alternation(TERM_WORDS)}(?:\s+(?:semester|term|quarter|session|admission))?[\s:|*]*$", re.I)
_CELL_GAP = v.regex(r"[\s|*]*")


def _table_rows(t: str, events: list[_Event]) -> list[tuple[str, list[int]]] | None:
    """The rows of a flattened table: each a label and the dates after it with nothing between them."""
    rows: list[tuple[str, list[int]]] = []
    prev = 0
    for i, e in enumerate(events):
        if e.rolling or e.ambiguous:
            return None
        gap = t[prev : e.start]
        if i and _CELL_GAP.fullmatch(gap):
            rows[-1][1].append(i)
        else:
            rows.append((gap, [i]))
        prev = e.end
    return rows


def _flat_table(t: str, events: list[_Event]) -> list[Deadline]:
    """(Sixth pass) A flattened table of deadlines whose columns we can pair with its heading row
    (vocabulary.DEADLINE_TABLE_GROUP_ROW): a run of terms over rows of applicant groups, or one named
    column per date over rows of terms, of which only the application deadline's column is read. The
    kind is the heading's (final when it names none; two kinds settle none). Anything else: []."""
    rows = _table_rows(t, events)
    if not rows or len(rows[0][1]) < 2 or _STATUS.search(t):
        return []
    n = len(rows[0][1])
    if any(len(cells) != n for _, cells in rows) or t[events[-1].end :].strip(" .|*"):
        return []
    first_label = rows[0][0]
    run = _TABLE_TERM_RUN.search(_TABLE_GROUP_ROW.sub("", first_label))
    cell_terms: list[str | None]
    read_columns: list[bool]
    groups: list[str | None] = []
    if run and all(_TABLE_GROUP_ONLY.match(label) for label, _ in rows[1:]):
        terms = [TERM_WORDS[m.group(0).lower()] for m in TERM_RE.finditer(run.group(0))]
        if len(terms) != n:
            return []
        heading = first_label[: run.start()]
        for label, _ in rows:
            row = _TABLE_GROUP_ROW.search(label).group(0)
            groups.append(_qualifier(row.replace("internationals", "international").replace("Internationals", "international"), _GROUP_LABELS)
                          or ("domestic" if re.search(r"\b(?:u\.?s\.?|us|citizens?|canadian)\b", row, re.I) else None))
        row_terms: list[list[str | None]] = [list(terms) for _ in rows]
        read_columns = [True] * n
    else:
        term_label = re.search(rf"{alternation(TERM_WORDS)}[^\d]*$", first_label, re.I)
        if not term_label or not all(_TABLE_TERM_LABEL.match(label) for label, _ in rows[1:]):
            return []
        heading = first_label[: term_label.start()]
        names_text = re.sub(r"\([^()]*\)", " ", heading)
        edge = max(names_text.rfind(":"), names_text.rfind(". "))
        names_text = names_text[edge + 1 :]
        ends = list(_TABLE_COLUMN_END.finditer(names_text))
        if len(ends) != n:
            return []
        names = [names_text[(ends[k - 1].end() if k else 0) : ends[k].end()] for k in range(n)]
        read_columns = [bool(_PREDICATE.search(name)) and not _COLUMN_OTHER.search(name) for name in names]
        if sum(read_columns) != 1:
            return []
        row_terms = []
        for k, (label, _) in enumerate(rows):
            found = TERM_RE.findall(first_label[term_label.start() :] if k == 0 else label)
            if len(found) != 1:
                return []
            row_terms.append([TERM_WORDS[found[0].lower()]] * n)
            groups.append(None)
        heading = heading + " " + names[read_columns.index(True)]
    if not (_PREDICATE.search(heading) or _DEADLINE_CONTEXT.search(heading)):
        return []
    first = t[: sentences(t)[0][1]]
    if _OTHER_BUSINESS.search(heading) or deadline_of_other(first) or deadline_for_aid(first) or deadline_for_funding(heading):
        return []
    kinds = {k for k, p in _KIND_RE if any(not negated_kind(heading, m.start()) for m in p.finditer(heading))}
    if len(kinds) > 1:
        return []
    kind = next(iter(kinds), "final")
    source = "graduate school" if _SOURCE.search(heading) else None
    heading_group = _qualifier(heading, _GROUP_LABELS)
    out: list[Deadline] = []
    for r_i, (_, cells) in enumerate(rows):
        for k, i in enumerate(cells):
            if read_columns[k]:
                qual = q_join([source, groups[r_i] or heading_group])
                out.append(Deadline(term=row_terms[r_i][k], date=events[i].date, kind=kind, applies_to=qual))
    return list(dict.fromkeys(out))


# "Domestic and Online International Students": domestic students (and international ones
# studying online) - the column of the domestic date.
_DOMESTIC_AND = v.regex(r"\bdomestic\s+(?:and|&|/)\s+(?:online\s+)?international\b", re.I)


def _cell_group(cell: str) -> str | None:
    if _DOMESTIC_AND.search(cell):
        return "domestic"
    return _qualifier(cell, _GROUP_LABELS)


def _column_groups(t: str, events: list[_Event], pres: list[str]) -> dict[int, str]:
    """A flattened table whose heading row names an applicant group per column ("Deadline |
    Domestic and Online International Students | International Students | Fall | June 1 | March
    1 |"): the k-th date after a row's term is the k-th group's."""
    if not events or "|" not in pres[0]:
        return {}
    header = pres[0]
    groups = [g for g in (_cell_group(c) for c in header.split("|")) if g]
    if len(groups) < 2:
        return {}
    out: dict[int, str] = {}
    k = 0
    for i, pre in enumerate(pres):
        if TERM_RE.search(pre) or i == 0:
            k = 0
        elif not re.fullmatch(r"[\s|*]*", pre):
            return {}  # words between the dates: not a plain row of columns
        if k < len(groups):
            out[i] = groups[k]
        k += 1
    return out


def _superseded(events: list[_Event], pres: list[str]) -> set[int]:
    """"April 1* *extended to May 15": the date before an extension no longer holds."""
    return {i - 1 for i, pre in enumerate(pres) if i and _EXTENDED.search(pre)}


def _in_paren(pre: str) -> bool:
    """The event stands inside a parenthesis opened after the event before ("July 1 for fall
    (international: April 1)")."""
    return pre.rfind("(") > pre.rfind(")")


@dataclass
class _State:
    """Headings in force while the events are read in order."""

    terms: list[str]
    kind: str | None = None
    campus: str | None = None
    group: str | None = None
    source: str | None = None
    previous_terms: list[str | None] = field(default_factory=list)  # the terms of the date before
    carried_kind: str | None = None  # a kind word after a date that had its own: the next date's
    previous_bound: bool = False  # this date is read in a binding shape (for the next one)
    list_bound: bool = False  # the date before was read in a binding shape
    kind_mixed: bool = False  # the kind heading in force names two kinds
    pairing_conflict: bool = False  # a date with one term label before it and another after it
    kind_own_label: bool = False  # the kind in force was named in its date's own label ("Priority Deadline: March 31")
    previous_vetoed: bool = False  # the date before was another business's (an opening, a decision)
    previous_kind: str | None = None  # the kind the date before was read with


@dataclass
class _Text:
    """One deadline text, cleaned, with its events and what the words around them say."""

    t: str
    events: list[_Event]
    pres: list[str]
    posts: list[str]
    only_term: str | None
    listed_kind: dict[int, str]
    listed_term: dict[int, str]
    superseded: set[int]
    column_groups: dict[int, str]
    column_heads: dict[int, str]
    spans: list[tuple[int, int]]
    span_starts: list[int]
    heading_context: bool
    heading: str  # the text's first sentence when it states no date: a heading over the dates
    ranges: set[int]  # dates that open or close a period ("August 25 - December 15")

    @classmethod
    def read(cls, t: str, events: list[_Event]) -> "_Text":
        named_terms = {TERM_WORDS[w.lower()] for w in TERM_RE.findall(t)}
        pres, posts = _words_around(t, events)
        spans = sentences(t)
        return cls(
            t, events, pres, posts,
            only_term=next(iter(named_terms)) if len(named_terms) == 1 else None,
            listed_kind=_listed_kinds(t, events, pres),
            listed_term=_listed_terms(t, events, pres),
            superseded=_superseded(events, pres),
            column_groups=_column_groups(t, events, pres),
            column_heads=_column_heads(t, events),
            spans=spans, span_starts=[a for a, _ in spans],
            heading_context=_DEADLINE_CONTEXT.search(t[: spans[0][1]][:120]) is not None if spans else False,
            heading=t[: spans[0][1]] if spans and events and events[0].start >= spans[0][1] else "",
            ranges={j for k in range(len(events) - 1) if _RANGE_GAP.fullmatch(t[events[k].end : events[k + 1].start])
                    and not events[k].rolling and not events[k + 1].rolling for j in (k, k + 1)},
        )

    def sentence(self, pos: int) -> str:
        return _sentence_of(self.t, self.spans, self.span_starts, pos)


@dataclass
class _Own:
    """The words a date carries after it: "January 15: Summer semester", "(priority)", "for fall"."""

    text: str
    terms: list[str]
    campus: str | None
    group: str | None
    named_group: str | None
    source: str | None


@gate("parse_deadlines")
def parse_deadlines(text: str) -> list[Deadline]:
    """Every application deadline the text states; [] when it states none."""
    if first_clause_scope("application_deadlines", prepare(text), _STATES_A_DATE):
        return []  # "Co-op applications ... opened on January 1. ...": that business's list
    t = _clean(text)
    events = _find_events(t)
    if not any(not e.rolling for e in events):
        # (sixth pass) "For domestic students, there is no deadline for admission. You should apply at
        # least six months before ...": no date and no deadline is rolling admission.
        none = _NO_DEADLINE.search(t)
        if none and not any(e.start < none.end() and none.start() < e.end for e in events):
            events = sorted([*events, _Event(none.start(), none.end(), None, rolling=True)], key=lambda e: e.start)
    if not events or _unreadable_date(t, events):
        return []
    if _column_rows(t, events):
        return _flat_table(t, events)  # (sixth pass) a table's rows we can pair with its heading, else []
    reading = _Text.read(t, events)
    state = _State(terms=[])
    out: list[Deadline] = []
    for i in range(len(events)):
        out.extend(_read_event(reading, state, i))
    return _tidy(list(dict.fromkeys(out)))


def _read_event(r: _Text, state: _State, i: int) -> list[Deadline]:
    """The deadlines one event states, in the light of the headings before it (which it updates)."""
    ev, pre = r.events[i], r.pres[i]
    carried, state.carried_kind = state.carried_kind, None
    state.list_bound, state.previous_bound = state.previous_bound, False
    vetoed_before, state.previous_vetoed = state.previous_vetoed, False
    kind_before, state.previous_kind = state.previous_kind, None
    clause = _own_clause(pre)
    pre_terms = _term_list(clause)
    inside = i > 0 and _in_paren(r.posts[i - 1] + pre)
    pre_campus, pre_group = _follow_headings(state, pre, pre_terms, inside)
    pre_kind, sticky = _heading_kind(clause)
    if pre_kind == "final" and _ADVICE.search(_own_clause(clause)):
        pre_kind = "preferred"  # "We recommend that all materials arrive no later than:": advice, not the rule
    if not inside and not ev.rolling and _NEW_DEADLINES.search(pre):
        state.kind = None  # "All applications are due by:", "Final Deadlines": a new list of dates
    if pre_kind and sticky and not ev.rolling and not inside:
        state.kind = pre_kind
        # (sixth pass) "Priority Deadline to be considered for GTA funding: March 31st Fall Admission:
        # May 1st": a kind in the date's own label holds for bare items after it, not for labelled ones.
        state.kind_own_label = not pre_terms and _LABEL_END.search(clause) is not None
        # "we recommend that all materials arrive no later than: • March 1 for Fall": a heading that
        # names two kinds settles none for its items.
        named = {k for k, p in _KIND_RE if any(not negated_kind(clause, m.start()) for m in p.finditer(clause))}
        state.kind_mixed = len(named - ({"final"} if pre_kind == "preferred" else set())) > 1
    sentence = r.sentence(ev.start)
    if ev.rolling and (
        _ROLLING_ELSEWHERE.search(_sentence_head(r, i)) or _said_of_other(r, sentence)
        or _ROLLING_NOTICES.search(_sentence_head(r, i))
    ):
        return []  # "For departments that use rolling admission ...", "notified on a rolling basis": not this program's
    if not ev.rolling and (_not_a_deadline(r, i, clause, sentence) or (vetoed_before and _COORDINATED.fullmatch(pre))):
        # (sixth pass) "available on May 1, 2025 for spring 2026 admissions and Aug. 1, 2025 for summer
        # 2026": a date coordinated with another business's date is that business's too.
        state.previous_terms = []
        # Only a veto its words before it give is shared ("available on"), not one of its own words
        # after it ("December 15 for doctoral admission and March 15 for master's admission").
        state.previous_vetoed = vetoed_before or bool(_NOT_A_DEADLINE.search(pre))
        return []
    if i in r.superseded:
        return []
    own = _own_words(r.posts[i], pre_terms)
    if inside and not _own_parenthesis_words(clause, r.posts[i]):
        state.previous_bound = False
        return []  # "(30 August 2022 for School of Government postgraduate degrees)": another's date
    bound = ev.rolling or inside or _bound(r, state, i, clause, pre_terms, own)
    state.previous_bound = bool(bound)
    if not bound:
        state.previous_terms = []
        return []
    post_for = _FOR_POSTFIX.match(r.posts[i])
    for_terms = {TERM_WORDS[w.lower()] for w in TERM_RE.findall(post_for.group(0))} if post_for else set()
    if pre_terms and for_terms and set(pre_terms) != for_terms:
        state.pairing_conflict = True  # "For the fall semester April 1 For the winter semester August 1"
    if state.pairing_conflict and not ev.rolling:
        return []  # which term label is whose cannot be told: no date of the list is read
    terms = _terms_for(r, state, i, pre_terms, own.terms, inside, sentence)
    if ev.ambiguous and not (pre_terms or own.terms or state.terms):
        return []  # "Deadline: 12/1" with no term: month/day or day/month? Skipped.
    campus, group = own.campus, own.group
    if inside:
        campus, group = campus or pre_campus or state.campus, group or pre_group
    # The date's own words replace the heading of their slot.
    if i in r.column_groups:  # a table's column heading: "Domestic ... | International Students |"
        campus, group = None, r.column_groups[i]
        qual = q_join([own.source or state.source, group, own.named_group])
    else:
        qual = q_join([own.source or state.source, campus or state.campus, group or state.group, own.named_group])
    if not (i + 1 in r.superseded):
        state.previous_terms = list(terms)
    if ev.rolling:
        return [Deadline(term=term, date=None, kind="rolling", applies_to=qual) for term in dict.fromkeys(terms)]
    # The words right before the date are its own ("accepted until February 1, priority consideration
    # is given to applications received by December 15"): they win over a kind word after it, which
    # then introduces the next date.
    near, after = _kind(" ".join(clause.split()[-3:])), _kind(_unclosed_cut(r.posts[i]), nearest_end=False)
    if near == "final" and _ADVICE.search(_own_clause(clause)):
        near = "preferred"  # "We suggest applying early and no later than April 1": advice, not the rule
    # A heading's kind holds for the bare items of its list, not for a date whose own words name a
    # deadline of their own ("April 1 is the normal deadline" after "The priority deadline is ...").
    heading = None if _OWN_DEADLINE.search(_unclosed_cut(r.posts[i])[:60]) else state.kind
    if state.kind_own_label and pre_kind is None and (_LABEL_END.search(clause) or not _bare_item(clause)):
        heading = None  # "... funding: March 31st Fall Admission: May 1st": a label (or a predicate) of its own
    column = _kind(r.column_heads.get(i, ""))  # "Term | Priority deadline | Final deadline | ---|"
    own_kind = r.listed_kind.get(i) or near or after or column or carried
    coordinated = state.list_bound and kind_before is not None and _COORDINATED.fullmatch(pre) is not None
    # (sixth pass) a date coordinated with the bound date before it takes that date's kind before a heading's
    kind = own_kind or _purpose_kind(clause, r.posts[i], pre_kind) or pre_kind or (kind_before if coordinated else None) or heading
    if heading is not None and state.kind_mixed and not (own_kind or pre_kind) and kind == heading:
        return []  # the heading's kind is not settled
    if kind is None:
        own_reach = _own_clause(clause) + " " + _unclosed_cut(r.posts[i])
        if _in_paren(_sentence_head(r, i)):  # "received early (Fall - June 15, ...) will be given preference"
            own_reach = r.sentence(ev.start)
        if _bare_item(clause):  # a bare item: its list's heading counts too
            list_head = _list_heading(r, i)
            if state.kind_own_label:  # the first item's own label is not the list's heading
                list_head = list_head[: list_head.rstrip().rstrip(":").rfind(":") + 1]
            own_reach += " " + list_head
        if unsettled_kind(own_reach) or unsettled_kind(r.heading):
            return []  # the date's clause or the text's heading names a kind or a purpose that binds no date
        if _NOT_FINAL.search(own_reach) or _no_deadline_said(r, i):
            # (sixth pass) "Apply by February 1 for the best chance of admission", "There is no official
            # deadline, but applicants should apply by June 1": not the final deadline, and no kind word says which.
            return []
        kind = "final"
    if kind == "preferred" and not own_kind and _restated_otherwise(r, i):
        return []  # the kind is not settled: advised, and "this date" gets funding consideration
    state.carried_kind = after if near and after and after != near else None
    state.previous_kind = kind
    return [Deadline(term=term, date=ev.date, kind=kind, applies_to=qual) for term in dict.fromkeys(terms)]


_NO_DEADLINE = v.regex(v.DEADLINE_NONE, re.I)
_COORDINATED = v.regex(r"\s?,?\s?(?:and|or|&)?\s?")
_ROLLING_NOTICES = v.regex(v.DEADLINE_ROLLING_OF_NOTICES, re.I)
# Words that start a new list of deadlines: the kind of the list before no longer holds.
_NEW_DEADLINES = v.regex(r"\b(?:due|deadlines?|apply\s+by)\b", re.I)
# A kind named as a heading over the dates after it ("... October 1 Final Deadlines Fall: July 1"):
# the words introduce the next date, they are not the date's before them.
_KIND_HEADING = v.regex(rf"\b{_KIND_WORD}\s+(?:application\s+|admission\s+)?(?:deadlines|dates)\b", re.I)
# Advice about when to apply: the date it names is preferred even when it says "no later than".
_ADVICE = v.regex(r"\b(?:we\s+)?(?:suggest|recommend|encourage|advise)(?:s|d)?\b|\bit\s+is\s+(?:best|wise)\b", re.I)


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end


def _follow_headings(state: _State, pre: str, pre_terms: list[str], inside: bool) -> tuple[str | None, str | None]:
    """Headings hold until the next one of their slot: terms, campus (a campus heading starts a
    new block, so it clears the applicant group), applicant group, and the Graduate School as the
    source. A qualifier inside a parenthesis is that date's own and holds for nothing after it.
    Returns the campus and group the words before the date name."""
    if pre_terms and not inside:
        state.terms = pre_terms
    elif not inside and _UNTERMED_START.search(pre):
        state.terms = [None]
    pre_campus, pre_group = _qualifier(pre, _CAMPUS_LABELS), _qualifier(pre, _GROUP_LABELS)
    if _DOMESTIC_AND.search(pre) and not _qualifier(pre[_last_end(_DOMESTIC_AND, pre):], _GROUP_LABELS):
        pre_campus, pre_group = None, "domestic"  # "Domestic and Online International Students:"
    if not inside:
        if pre_campus:
            state.campus, state.group = pre_campus, None
        if pre_group:
            state.group = pre_group
    if _SOURCE.search(pre):
        state.source = "graduate school"
    elif _OWN_SOURCE.search(pre):
        state.source = None  # "...; the department recommends applying by March 1"
    return pre_campus, pre_group


# The application itself submitted with its documents ("submit an application and all supporting
# materials by January 15"): the application's deadline, not a documents deadline.
_WITH_APPLICATION = v.regex(
    r"\bapplications?(?:\s+form)?\s?(?:,|and|&|with|along\s+with)\s+(?:all\s+|any\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:documents?|documentation|materials)\s?(?:on|by|in|:|-)?\s?$"
    # (sixth pass) every material of the application, by the applicant: "applicants must submit all
    # materials by January 5" (not "supporting materials", a documents deadline).
    r"|\b(?:submit|send|complete|have)\w*\s+all\s+(?:(?:of\s+)?(?:the|your|their)\s+)?(?:application\s+)?materials\s?(?:on|by|in|:|-)?\s?$",
    re.I,
)
_OPENS_AFTER = v.regex(
    r"^\s?[:\-]\s?(?:the\s+)?(?:online\s+)?applications?\s+(?:opens?|is\s+open|becomes?\s+available|available)\b", re.I
)


def _not_a_deadline(r: _Text, i: int, clause: str, sentence: str) -> bool:
    """A date that is not this program's application deadline: an opening, start or decision date
    (the words right before it), a sentence about other business, a funding application's
    deadline, a sentence with no word about applying, or a date the binding moves elsewhere (a
    co-op's, another credential's)."""
    pre = r.pres[i]
    return bool(
        (_NOT_A_DEADLINE.search(pre) and not _WITH_APPLICATION.search(pre[-120:])) or _OPENS_AFTER.match(r.posts[i]) or _OTHER_BUSINESS.search(sentence) or _FUNDING_DEADLINE.search(clause[-80:])
        or _DOCUMENTS_AFTER.match(r.posts[i]) or _others_only(r.posts[i]) or _for_other(r.posts[i])
        # "Application deadlines for GSLIS Scholarships are October 15 (...) and February 15 (...)":
        # the subject of the sentence holds for every date of its list.
        or _FUNDING_LEAD.search(_sentence_head(r, i))
        or not (_DEADLINE_CONTEXT.search(sentence) or r.heading_context)
        or subject_scope("application_deadlines", clause)  # "Co-op applications are due March 1"
        or credential_before(r.t, r.events[i].start)  # "PhD in Information Science December 1"
        or _said_of_other(r, sentence)  # "Music transfer applicants must apply by January 1"
        or deadline_for_funding(sentence)  # "the priority deadline for all spring merit scholarships"
        # (sixth pass) "Application Process for the Graduate Certificate (GC) in Public Health ... Deadline
        # to apply: March 1": another credential named before the date, no word of this program after it.
        or other_credential_only(r.t, r.events[i].start - len(_sentence_head(r, i)), r.events[i].start)
    )


def _said_of_other(r: _Text, sentence: str) -> bool:
    """The date's sentence, or the text's first sentence (its heading), names another applicant
    group or a program by a discipline's name (binding.deadline_of_other)."""
    first = r.t[: r.spans[0][1]] if r.spans else ""
    return (
        deadline_of_other(sentence) or deadline_of_other(first) or deadline_for_aid(first[: 2 * SUBJECT_REACH])
        # (sixth pass) a heading naming another credential's process: "Application Process for the
        # Graduate Certificate (GC) in Public Health ... on a rolling basis ... not later than May 1"
        or other_credential_only(first, 0, min(len(first), SUBJECT_REACH))
    )


def _others_only(post: str) -> bool:
    """The date's own parenthesis says it is another credential's only."""
    m = _OTHER_ONLY.match(post)
    return bool(m and _OTHER_WHAT.search(m.group("what")) and not _GROUP_WORD.search(m.group("what")))


def _for_other(post: str) -> bool:
    """(Sixth pass) The date's own "for ..." words name another credential: "December 15 for doctoral
    admission and March 15 for master's admission" (the first date is the doctorate's)."""
    m = _FOR_POSTFIX.match(post)
    return bool(m and _OTHER_WHAT.search(m.group(0)) and not _GROUP_WORD.search(m.group(0)))


def _own_parenthesis_words(clause: str, post: str) -> bool:
    """Whether a date inside a parenthesis stands with label words only (binding.label_words_only):
    "(international: April 1)", "(priority: January 15)", not "(30 August for School of Government
    degrees)". The parenthesis borrows the binding of the date before it, not its business."""
    opened = clause.rfind("(")
    before = clause[opened + 1 :] if opened != -1 else ""
    closed = post.find(")")
    after = post[:closed] if closed != -1 else post
    return label_words_only(_PREDICATE.sub(" ", before + " " + after))


def _list_heading(r: _Text, i: int) -> str:
    """The words before the first date of the list the date is an item of (its sentence, from the
    last sentence end or semicolon; at most SUBJECT_REACH characters): the list's heading."""
    k = bisect_right(r.span_starts, r.events[i].start) - 1
    a = r.spans[k][0] if k >= 0 else 0
    for end in _CLAUSE_END.finditer(r.t, a, r.events[i].start):
        if not _ABBREVIATION.search(r.t, max(0, end.start() - 5), end.start()):
            a = end.end()  # ("Feb. 15" is not an end)
    first_date = next((e.start for e in r.events if e.start >= a and not e.rolling), r.events[i].start)
    return r.t[a:first_date][-SUBJECT_REACH:]


def _sentence_head(r: _Text, i: int) -> str:
    """The words of the date's sentence before it (at most 200 characters)."""
    pos = r.events[i].start
    k = bisect_right(r.span_starts, pos) - 1
    a = r.spans[k][0] if k >= 0 else 0
    return r.t[max(a, pos - 200) : pos]


def _own_words(post: str, pre_terms: list[str]) -> _Own:
    """What the words right after a date say of it alone: a term written after it ("January 15:
    Summer semester", "for the fall semester"), a parenthesis, a named group ("(School
    Librarianship certificate applicants only)"), a campus, an applicant group, the source."""
    first = _DATE_FIRST.match(post) if not pre_terms else None
    start = first.end() if first else 0
    paren = _PAREN_POSTFIX.match(post, start)
    post_for = _FOR_POSTFIX.match(post, paren.end() if paren else start)
    own = (first.group(0) if first else "") + " " + (paren.group(1) if paren else "") + " " + (
        post_for.group(0) if post_for else "")
    terms = [TERM_WORDS[w.lower()] for w in TERM_RE.findall(own)]
    group_only = _GROUP_ONLY.search(post[: len(own) + 80])
    if group_only:
        own = own + " " + group_only.group(0)
    campus, group = _qualifier(own, _CAMPUS_LABELS), _qualifier(own, _GROUP_LABELS)
    named = " ".join(group_only.group("group").lower().split()) if group_only and not group else None
    return _Own(own, terms, campus, group, named, "graduate school" if _SOURCE.search(own) else None)


def _terms_for(
    r: _Text, state: _State, i: int, pre_terms: list[str], post_terms: list[str], inside: bool, sentence: str,
) -> list[str | None]:
    """The terms a date is for: its own words first, then the heading in force, then the only
    term the text names. A date inside a parenthesis ("(international: April 1)") is for the terms
    of the date before it; rolling holds for the terms of its own sentence only ("Admission is
    rolling. Fall applicants should apply by March 1." is rolling for every term), and
    "accepted year-round on a rolling basis" for every term."""
    ev = r.events[i]
    terms: list[str | None]
    if inside:
        terms = [*(pre_terms or post_terms or state.previous_terms or [None])]
    elif ev.rolling:
        own_sentence_term = r.only_term if r.only_term and TERM_RE.search(sentence) else None
        terms = [*(pre_terms or post_terms or state.terms or [own_sentence_term])]
    else:
        terms = [*(pre_terms or post_terms or state.terms or [r.only_term])]
    if i in r.listed_term:
        terms = [r.listed_term[i]]
    if ev.rolling and not pre_terms and not post_terms and _YEAR_ROUND.search(sentence):
        terms = [None]
    return terms


def _unclosed_cut(post: str) -> str:
    """A date's trailing words up to a parenthesis it opens for the next date. (Sixth pass) The words
    right after the parenthesis up to a comma stay the date's own where they name its kind and end in
    no label ("March 1 (priority application deadline, with an extended deadline of March 15 ...").
    """
    opened = post.rfind("(")
    if opened <= post.rfind(")"):
        return post
    first, comma, _ = post[opened + 1 :].partition(",")
    if comma and ":" not in first and _kind(first) and len(first.split()) <= _LABEL_WORDS:
        return post[:opened] + " " + first
    return post[:opened]


def _tidy(out: list[Deadline]) -> list[Deadline]:
    """"Processed as received; no fixed deadline for fall and spring": a rolling deadline for
    named terms makes a term-less rolling one beside it redundant. A deadline stated twice, once
    bare and once for a named group ("Priority Deadline: January 15 (FALL) | The priority deadline
    for all international students is January 15 for Fall applicants"), is the group's, once."""
    termed = {d.applies_to for d in out if d.kind == "rolling" and d.term is not None}
    out = [d for d in out if not (d.kind == "rolling" and d.term is None and d.applies_to in termed)]
    return _merge_restated(out)


def _merge_restated(out: list[Deadline]) -> list[Deadline]:
    """A bare deadline that a named group's deadline restates is that group's (see _tidy)."""
    qualified = {(d.term, d.date, d.kind) for d in out if d.applies_to is not None and d.date is not None}
    return [d for d in out if not (d.applies_to is None and (d.term, d.date, d.kind) in qualified)]


# ---- positive binding (issue 19, third pass) and the shape gate (fourth pass) --------------------
# A date is read as this program's application deadline only where it stands in a binding shape
# (binding.deadline_shape: a label, a predicate within a few words, its own words after it, with
# only label words between) or a table's or list's structure binds it (_shape). Everything else
# abstains: "On January 16 we freeze and download all applications", "August 21, Monday | classes
# start", "Fall Deferral Request Deadline: October 1st". (The third pass's bare list item under a
# heading naming deadlines was dropped: it explained 1 right reading and 3 wrong ones.)
_PREDICATE = v.regex(rf"\b(?:{'|'.join((*v.DEADLINE_PREDICATES, *v.DEADLINE_PREDICATES_MORE))})(?!\w)", re.I)
_FUNDING_PURPOSE = v.regex(rf"\b(?:{'|'.join(v.DEADLINE_FUNDING_PURPOSE)})\b", re.I)
_ADVICE_WORDS = v.regex(rf"\b(?:{'|'.join(v.DEADLINE_ADVICE)})\b", re.I)
_NEGATED = v.regex(r"\b(?:no|not|never)\b", re.I)
_COMPARED = v.regex(rf"\b(?:{'|'.join(v.DEADLINE_COMPARED)})\s?(?:the\s+)?$", re.I)
# A text's first clause that names a date or a deadline: a heading that states something.
_STATES_A_DATE = v.regex(rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s?\d{{1,2}}(?:st|nd|rd|th)?\b|\bdeadlines?\b|\bdue\b", re.I)
_LABEL_WORDS = 6  # a date whose own words before it are this few reads as an item of the list above


def _bound(r: _Text, state: _State, i: int, clause: str, pre_terms: list[str], own: _Own) -> bool:
    """Whether the date stands in one of the binding shapes (module section above)."""
    return _shape(r, state, i, clause, own) is not None


def _shape(r: _Text, state: _State, i: int, clause: str, own: _Own) -> str | None:
    """The binding shape of the date (binding.deadline_shape, or a table's or a list's structure),
    or None: the date is not read."""
    post = _unclosed_cut(r.posts[i])
    head = clause[-SUBJECT_REACH:]
    compared = _COMPARED.search(head)
    if compared and not _NEGATED.search(head[: compared.start()]):
        return None  # "If departmental deadlines are earlier than February 15", "submitted after February 1"
    if _COLUMN_OTHER.search(r.column_heads.get(i, "") or _pipe_head(r.t, r.events[i].start)):
        return None  # "Term | Deadline | File Completion Deadline | ... | Fall | February 1 | May 15 |"
    if other_program_row(r.t, r.events[i].start):
        return None  # "| Creative Writing (MFA) | Feb 1 |": another degree's row
    if other_program_row_named(r.t, r.events[i].start) or other_business_row(r.t, r.events[i].start):
        return None  # (seventh pass) "| Anthropology, M.S. | Fall | 01/15 |", "| ... requested documents due ... | July 15 |"
    if i in r.ranges:
        return None  # "Fall Semester Dates: August 25 - December 15": a period, not a deadline
    shape = deadline_shape(head, post)
    if shape:
        return shape
    if i and state.list_bound and _LIST_GAP.match(r.t[r.events[i - 1].end : r.events[i].start]):
        return "list"  # "Application deadlines for the MLIS are October 15 and February 15"
    first_clause = r.t[: r.spans[0][1]] if r.spans else ""
    if _ROW_LABEL.search(head) and (_PREDICATE.search(first_clause) or state.terms not in ([], [None])):
        # "Application deadlines ... International students: March 15 Canadian students: April 1",
        # "Fall Term Admission Application (Domestic) July 15 Admission Application (International) January 15"
        return "label"
    if i in r.listed_kind or i in r.listed_term or i in r.column_groups:
        return "table"
    if _PREDICATE.search(r.column_heads.get(i, "")):
        return "table"
    # A table's cell under a heading row that names deadlines ("Applicant type | Deadline |
    # International applications | January 31 |"): the cell is bound by its column.
    ev = r.events[i]
    if _CELL_BEFORE.search(r.t, max(0, ev.start - 4), ev.start) and _CELL_AFTER.match(r.t, ev.end):
        first_cell_date = r.events[0].start
        if _PREDICATE.search(r.t[:first_cell_date]) and "|" in r.t[:first_cell_date]:
            return "table"
    return None


# An applicant group's row label ("Canadian students:", "US Citizens:"): bound under a heading that
# names deadlines.
_ROW_LABEL = v.regex(
    rf"(?:\b(?:students|applicants|candidates|citizens|residents)|{_QUAL_ANY.pattern})\s?(?::|\))\s?$", re.I
)
_ROLLING_ELSEWHERE = v.regex(rf"\b(?:{'|'.join(v.DEADLINE_ROLLING_ELSEWHERE)})\b", re.I)
_CLAUSE_END = v.regex(r"[.;](?:\s|$)")
_ABBREVIATION = v.regex(rf"\b(?:{'|'.join(m for m in MONTHS if len(m) <= 4)})$", re.I)
_RANGE_GAP = v.regex(r"\s?(?:-|\u2013|\u2014|to|through|thru|until)\s?", re.I)
_OWN_DEADLINE = v.regex(r"^\s?(?:is|are|was|will\s+be)\s+(?:the|our|a|an)\s+(?:\w+\s){0,2}?deadlines?\b", re.I)
_CELL_BEFORE = v.regex(r"\|\s?$")
_CELL_AFTER = v.regex(r"\s?(?:\||$|\()")


_COLUMN_OTHER = v.regex(rf"\b(?:{'|'.join(v.DEADLINE_COLUMN_OTHER)})\b", re.I)
_TABLE_RULE = v.regex(r"\|?(?:\s?:?-{3,}:?\s?\|)+(?:\s?:?-{3,}:?)?")


_CELL_VALUE = v.regex(rf"\d|{alternation(TERM_WORDS)}", re.I)


def _table_rule(t: str) -> re.Match[str] | None:
    """The rule row of a flattened markdown table; a rule needs "---" and "|" (one test of each
    before the search, which would try every character)."""
    return _TABLE_RULE.search(t) if "---" in t and "|" in t else None


@lru_cache(maxsize=16)  # asked for every date of a text
def _has_rule(t: str) -> bool:
    return _table_rule(t) is not None


def _pipe_head(t: str, pos: int) -> str:
    """A pipe table without a rule ("Semester Start | Application Deadline | Class Start | Spring
    2026 | Nov. 15, 2025 | Jan. 12, 2026 |"): the heading of the cell at pos, where the text opens
    with a row of named cells (no digit, no term) and no cell up to pos is empty; else ""."""
    if "|" not in t[:pos] or _has_rule(t):
        return ""
    cells = [c.strip() for c in t[:pos].split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    heads: list[str] = []
    for c in cells:
        if _CELL_VALUE.search(c):
            break
        heads.append(c)
    if len(heads) < 2 or not all(cells[:-1]) or len(cells) <= len(heads):
        return ""
    return heads[(len(cells) - 1) % len(heads)]


def _column_heads(t: str, events: list[_Event]) -> dict[int, str]:
    """A markdown table flattened to text ("A | B | C | ---|---|---| x | y | z |"): the heading of
    each date's column, where the heading row has as many named cells as the rule has columns (a
    row with an unnamed first cell is not aligned, and is left alone)."""
    rule = _table_rule(t)
    if not rule:
        return {}
    n = rule.group(0).count("---")
    cells = [c.strip() for c in t[: rule.start()].split("|")]
    while cells and not cells[-1]:
        cells.pop()
    heads = cells[-n:]
    if len(heads) != n or not all(heads):
        return {}
    out: dict[int, str] = {}
    for i, e in enumerate(events):
        if e.start > rule.end():
            out[i] = heads[t.count("|", rule.end(), e.start) % n]
    return out


_NOT_FINAL = v.regex(v.DEADLINE_NOT_FINAL, re.I)


def _no_deadline_said(r: _Text, i: int) -> bool:
    """(Sixth pass) The date's sentence or the one before it says there is no (official) deadline."""
    k = bisect_right(r.span_starts, r.events[i].start) - 1
    lo = r.spans[k - 1][0] if k >= 1 else 0
    return _NO_DEADLINE.search(r.t, max(lo, r.events[i].start - 2 * SUBJECT_REACH), r.events[i].start) is not None


_THIS_DATE = v.regex(r"\b(?:this|that|the\s+above)\s+(?:date|deadline)\b|\bby\s+then\b", re.I)


def _restated_otherwise(r: _Text, i: int) -> bool:
    """(Sixth pass) The sentence after the date's names it again ("this date", "that deadline") with a
    priority or funding purpose: "we encourage students to submit applications by December 15 ...
    Applications submitted by this date will receive full consideration for TA positions" (advice or
    a priority date? the words do not settle it)."""
    k = bisect_right(r.span_starts, r.events[i].start) - 1
    if k < 0 or k + 1 >= len(r.spans):
        return False
    a, b = r.spans[k + 1]
    nxt = r.t[a : min(b, a + SUBJECT_REACH)]
    return _THIS_DATE.search(nxt) is not None and (_kind(nxt) == "priority" or _FUNDING_PURPOSE.search(nxt) is not None)


def _bare_item(clause: str) -> bool:
    """A date whose own words before it are a few label words with no predicate of their own ("Fall:",
    "Priority Date:"): an item of the list above it, whose heading counts for its kind. A clause with
    its own predicate ("Applications are accepted up through") is not an item (sixth pass)."""
    own = _own_clause(clause)
    return len(own.split()) <= _LABEL_WORDS and not _PREDICATE.search(own)


def _purpose_kind(clause: str, post: str, pre_kind: str | None) -> str | None:
    """The kind the date's purpose gives when no kind word stands next to it: applying by it keeps
    funding open (priority: "To be considered for merit-based aid, submit the application by
    February 1"), or the text advises it (preferred: "we encourage students to submit by December
    15"). A priority or preferred kind already named wins."""
    if pre_kind in ("priority", "preferred"):
        return None
    own = _own_clause(clause)
    funded = [(t, m) for t in (own, post[:80]) for m in _FUNDING_PURPOSE.finditer(t)]
    if any(not negated_kind(t, m.start()) for t, m in funded):
        return "priority"
    if _ADVICE_WORDS.search(own[-120:]) and pre_kind is None:
        return "preferred"
    return None
