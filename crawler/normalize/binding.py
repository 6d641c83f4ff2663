"""Binding: a value is read only where the text binds it to this program's fact.

One mechanism for every normalizer. A parser finds candidate values the way it always has; before
it returns one, it asks here whether the words around the value move it to something else: another
school or program, an award, a grade to graduate, a course group, a statistic, an accreditation's
term, a co-op, an office closure, a date to disregard. Those scope words are vocabulary
(`vocabulary.SCOPES`), and `vocabulary.FIELD_SCOPES` says which of them move which field's
values; nothing here spells a word.

Another credential (a CAS, a PhD, a specialist degree, a dual degree, a concentration's own
requirements: `vocabulary.OTHER_CREDENTIALS`) named before a value holds until the text names this
program again (`vocabulary.PROGRAM_NAMES`): "Apply to our CAS Program ... A GPA of at least 3.0".

Two reaches, one per scope:
- clause: a scope word anywhere in the value's sentence moves it ("58% of students finish within
  two years", "Submit GRE scores if required by your program").
- subject: the head nearest before the value in its sentence decides, between the scope's words
  and the program's own subject (`vocabulary.PROGRAM_SUBJECT`): "Core Courses (18 credits)" and
  "The Archives concentration requires 15 credits" are parts; "Beside the core courses, the MLIS
  degree requires 36 credits" is the program's.

Abstaining (the section at the end): where binding is weak the parsers give nothing rather than a
guess: a number bounding a class ("36 credits or less"), a run of values that is a table, several
candidates that no rule picks between, a hyphen that joins a name ("K-12") rather than a label to
its value.

Shape gate (the section at the end, issue 19 fourth pass, money readers): the inverse default. A
tuition or fee rate is returned only in one of a few binding shapes (`RATE_SHAPES`, by where its unit
comes from) with nothing of another kind in between (`rate_veto` names why not: `RATE_VETOES`); a
bare application fee only in a label's shape (`bare_amount_binds`). Sixth pass: a session or a tuition
component named in a text's heading (`heading_scope_of`), a session right after a rate or a payer
group without a contract residency (`scope_after`) abstain too.
The shape gate (the last section; issue 19, fourth pass, for total_credits, min_gpa and duration)
inverts the default for those fields: a candidate is kept only where a binder of its field (a
predicate or a label: `vocabulary.SHAPE_BINDERS`) stands within a few words of it
(`vocabulary.SHAPE_REACH`) with nothing of another kind between them (another value of its kind
unless only a coordinator joins them, a word of another action or entity:
`vocabulary.SHAPE_BREAKERS`), no part named right after it ("12 hours of Core courses"), no other
credential right after it ("9 years for the doctorate"), and no clause word that moves every value
("as part of the residence requirement", an assistantship, a dissertation, another discipline's
program). `shape_of` names the shape that binds a value; every other shape abstains.

Shape gate, sixth pass (issue 19, r6-scope; for the same three fields): more classes of another kind,
one veto each (`sixth_pass_veto`, `floor_raised_by_programs`; `SIXTH_PASS` switches them off to count
what they decide): a floor its programs replace with their own, a GPA that waives a test or serves
another purpose, a held degree's GPA, a GPA in a named field, another credential anywhere before the
value in its clause (for a GPA anywhere in it), a class of programs as subject, a part's span.

Shape gate, seventh pass (issue 19, r7-scope; credits and duration): a row of a flattened table labelled
by another degree level owns the value after it (`seventh_pass_veto`, `SEVENTH_PASS`).

Status shapes (the section at the end; issue 19, fourth pass): for the exam rule, the ALA
accreditation and the delivery mode the default is inverted: a value only where its clause has one
of a few binding shapes, every other shape abstains.

`binding_clause(field, text)` gives the shortest run of sentences that reads as the whole text
does: the words that bind the value, kept as its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from itertools import islice
from typing import Any

from . import vocabulary as v
from .text import prepare, sentences

_OTHER = v.regex(r"(?<![\w])(?:" + "|".join(v.OTHER_CREDENTIALS) + r")(?![\w])", re.I)
_OWN_NAME = v.regex(r"(?<![\w])(?:" + "|".join(v.PROGRAM_NAMES) + r")(?![\w])", re.I)
_PROGRAM_SUBJECT = v.regex(r"\b(?:" + "|".join(v.PROGRAM_SUBJECT) + r")(?![\w])", re.I)
PROGRAM_OWN = v.regex(r"(?:" + "|".join(rf"\b{w}" if not w.startswith(r"\b") else w for w in v.PROGRAM_OWN) + r")", re.I)


@cache
def _scope_pattern(name: str) -> re.Pattern[str]:
    _, words = v.SCOPES[name]
    _SCOPE_WORDS[name] = tuple(words)
    return v.regex(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.I)


_SCOPE_WORDS: dict[str, tuple[str, ...]] = {}  # the words each scope's pattern was compiled from


def _scopes(field: str, reach: str) -> tuple[str, ...]:
    return tuple(s for s in v.FIELD_SCOPES.get(field, ()) if v.SCOPES[s][0] == reach)


# A label starts a clause of its own in a flattened list: "Credits: 36 (12 courses) Full time study:
# 9 credits ... Transfer credits: Maximum of 6 credits" is five clauses.
_LABEL_START = v.regex(r"(?<=\S)\s(?=(?-i:[A-Z])[\w/&()'-]*(?:\s[\w/&()'-]+){0,3}:\s)")

# The word before a label that continues a name ("PhD in Information Science deadline:").
_CAPITALIZED_BEFORE = v.regex(r"(?:\b(?-i:[A-Z])[\w'-]*|\b(?:in|of|and|for|the|to|on|at|a|an)|&)$")


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of clauses: sentences, split again where a label ("Transfer credits:")
    starts a new item of a flattened list."""
    out: list[tuple[int, int]] = []
    for a, b in sentences(text):
        start = a
        # A label ends in ":" (most sentences have none: no search then).
        for m in _LABEL_START.finditer(text, a, b) if text.find(":", a, b) != -1 else ():
            if _CAPITALIZED_BEFORE.search(text, max(a, m.start() - 40), m.start()):
                continue  # inside a name: "PhD in Information Science deadline:"
            out.append((start, m.start()))
            start = m.end()
        out.append((start, b))
    return [c for c in out if c[0] < c[1]]


@lru_cache(maxsize=16)
def _clause_index(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    spans = tuple(clauses(text))
    return spans, tuple(a for a, _ in spans)


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The clause of text that holds text[start:end] (a sentence, or a labelled item of a list)."""
    spans, starts = _clause_index(text)
    k = bisect_right(starts, start) - 1
    if k >= 0 and spans[k][0] <= start < spans[k][1]:
        return spans[k]
    return 0, len(text)


@cache
def _union(words: "tuple[tuple[str, ...], ...]") -> re.Pattern[str]:
    """One pattern matching wherever any of the scope patterns made of `words` matches (they share
    their edges, so their words join one alternation): a single search says whether any of them is
    worth trying, in order, for which (most sentences name no scope). Keyed by the words, so a table
    changed at run time (benchmarks/reading_rules.py) gets its own."""
    return v.regex(r"(?<![\w])(?:" + "|".join(w for group in words for w in group) + r")(?![\w])", re.I)


def _first_scope(names: "tuple[str, ...]", text: str) -> str | None:
    """The first of the scopes `names` whose words `text` holds."""
    patterns = tuple(_scope_pattern(name) for name in names)
    if not patterns or not _union(tuple(_SCOPE_WORDS[name] for name in names)).search(text):
        return None
    for name, pattern in zip(names, patterns):
        if pattern.search(text):
            return name
    return None  # pragma: no cover - the union matched, so one of its parts does


@lru_cache(maxsize=256)
def clause_scope(field: str, sentence: str) -> str | None:
    """The clause-reach scope a sentence names for this field's values, or None."""
    return _first_scope(_scopes(field, "clause"), sentence)


SUBJECT_REACH = 200


def subject_scope(field: str, head: str) -> str | None:
    """The subject-reach scope whose words stand nearest the end of `head` (the words before a
    value in its sentence), unless the program's own subject stands nearer. Only the last
    SUBJECT_REACH characters count: a head is near its value (and the work stays bounded)."""
    head = head[-SUBJECT_REACH:]
    best, best_end = None, -1
    for name in _scopes(field, "subject"):
        for m in _scope_pattern(name).finditer(head):
            if m.end() > best_end:
                best, best_end = name, m.end()
    if best is None:
        return None
    own = None
    for own in _PROGRAM_SUBJECT.finditer(head):
        pass
    if own is not None and own.start() >= best_end:
        return None
    return best


# "Applicants who hold a doctorate", "with advanced degrees (Master's, PhD, JD)": a credential
# an applicant holds is a qualification, not the subject of the text.
_HELD_BEFORE = v.regex(
    r"\b(?:hold\w*|ha(?:ve|s|ving)|possess\w*|earned|completed|with|holders?\s+of|such\s+as|e\.g\.)\b(?:[^.;:]|\.(?!\s|$)){0,50}$", re.I
)


# "Online (MS and CAS)": a credential named together with this program shares its statements.
_JOINED = v.regex(rf"(?:{_OWN_NAME.pattern})\s?(?:and|or|&|/|,)\s?$", re.I)


# "applicants for the Public Librarianship Concentration": a group, never one item of a list of degrees.
_GROUP_OF = v.regex(r"(?:applicants|students)\b", re.I)
_LIST_GAP = v.regex(r"^[^.;:\d]{0,120}$")


def _in_a_list_with_ours(text: str, m: re.Match[str]) -> bool:
    """"All requirements for the Master of Arts, Master of Library Science, or Master of Science in
    Education ...": a credential listed with this program's name shares what the sentence says."""
    window_start = max(0, m.start() - 120)
    for own in _OWN_NAME.finditer(text, window_start, min(len(text), m.end() + 120)):
        between = text[own.end() : m.start()] if own.start() < m.start() else text[m.end() : own.start()]
        if _LIST_GAP.match(between) and ("," in between or " or " in between):
            return True
    return False


@lru_cache(maxsize=16)
def _marks(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Once per text: the (start, end) of every other credential named as a subject (not as a
    qualification an applicant holds), and the starts of this program's names."""
    others = tuple(
        (m.start(), m.end()) for m in _OTHER.finditer(text)
        if not _HELD_BEFORE.search(text, max(0, m.start() - 60), m.start())
        and (_GROUP_OF.match(m.group(0)) or not (
            _JOINED.search(text, max(0, m.start() - 40), m.start()) or _in_a_list_with_ours(text, m)))
    )
    return others, tuple(m.start() for m in _OWN_NAME.finditer(text))


def _subjects(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Other credentials named as a subject that start in text[start:end]."""
    end = len(text) if end is None else end
    others, _ = _marks(text)
    return list(others[bisect_left(others, (start, -1)) : bisect_left(others, (end, -1))])


def credential_before(text: str, pos: int) -> bool:
    """Whether the credential named last before `pos` is another one (a CAS, a PhD, a specialist
    degree, a dual degree, a concentration's own requirements) rather than this program."""
    others, owns = _marks(text)
    k = bisect_left(others, (pos, -1)) - 1
    while k >= 0 and others[k][1] > pos:
        k -= 1
    if k < 0:
        return False
    other_end = others[k][1]
    # A mention of this program after it (and before the value) ends its reach.
    j = bisect_left(owns, other_end)
    return not (j < len(owns) and owns[j] < pos)


def scope_of(field: str, text: str, start: int, end: int | None = None) -> str | None:
    """Which scope moves the value at text[start:end] away from this program's `field`, or None
    when the text binds it to the program. `text` is prepared text (positions are its own)."""
    a, b = sentence_span(text, start, end)
    if credential_before(text, start):
        return "other_credential"
    return clause_scope(field, text[a:b]) or subject_scope(field, text[a:start])


def _about_other(text: str, a: int, b: int) -> bool:
    """A sentence about another credential: it names one and not this program, or it names
    neither and the credential named last before it is another one."""
    _, owns = _marks(text)
    j = bisect_left(owns, a)
    if j < len(owns) and owns[j] < b:
        return False
    return bool(_subjects(text, a, b)) or credential_before(text, a)


def bound_text(field: str, text: str) -> str:
    """The text with every sentence that is about another credential, or that a clause-reach
    scope moves away, blanked to spaces (positions are kept), for parsers that read a whole text
    at once."""
    if not _subjects(text) and not _scopes(field, "clause"):
        return text
    out = []
    last = 0
    for a, b in clauses(text):
        if _about_other(text, a, b) or clause_scope(field, text[a:b]):
            out.append(text[last:a])
            out.append(" " * (b - a))
            last = b
    out.append(text[last:])
    return "".join(out)


# ---- evidence ----------------------------------------------------------------------------------

MAX_SENTENCES = 40  # longer evidence keeps its whole text: the search below is bounded
MAX_RUN = 6


def _reader(field: str) -> Callable[[str], Any] | None:
    from crawler import fields  # the registry maps a field to its normalizer

    spec = fields.FIELDS.get(field)
    return getattr(spec, "parse", None) if spec is not None else None


def binding_clause(field: str, text: str) -> str | None:
    """The shortest run of sentences of `text` that reads as the whole text does for `field`:
    the clause that binds the value, to keep as its evidence. None when the text states no value,
    when no shorter run reads the same (a heading far away carries the term), or when the field
    has no normalizer. Read without the familiar-wording gate: the search asks about parts of a
    text whose value is already read (familiar.py)."""
    from .familiar import off

    read = _reader(field)
    if read is None or not isinstance(text, str):
        return None
    with off():
        return shortest_clause(read, text)


_UNREAD = object()


def shortest_clause(read: Callable[[str], Any], text: str, whole: Any = _UNREAD) -> str | None:
    """The shortest run of sentences of `text` that `read` reads as it reads the whole text (its
    answer `whole`, when already known); None as for `binding_clause`."""
    t = prepare(text)
    spans = sentences(t)
    if len(spans) <= 1 or len(spans) > MAX_SENTENCES:  # one sentence is its own clause: nothing to read
        return None
    if whole is _UNREAD:
        whole = read(text)
    if whole is None or whole == []:
        return None
    for size in range(1, min(MAX_RUN, len(spans) - 1) + 1):
        for i in range(len(spans) - size + 1):
            clause = t[spans[i][0] : spans[i + size - 1][1]].strip()
            if read(clause) == whole:
                return clause
    return None


# ---- abstaining: where binding is weak ----------------------------------------------------------
# (issue 19, money side, second pass.) A value is returned only where the text binds it firmly; each
# rule below names one way binding is weak, and the parsers ask it before they return a value. The
# words are vocabulary's ("abstaining" section); benchmarks/reading_rules.py counts what each decides.

_COMPARED_BEFORE = v.regex(r"\b(?:" + "|".join(v.COMPARED_BEFORE) + r")\s?$", re.I)
_COMPARED_AFTER = v.regex(r"\s?(?:" + "|".join(v.COMPARED_AFTER) + r")\b", re.I)


def compared(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] (with its unit) bounds a class of programs or students
    rather than stating a requirement: "programs of 36 credits or less", "more than 36 credits"."""
    return bool(_COMPARED_BEFORE.search(text, max(0, start - 20), start) or _COMPARED_AFTER.match(text, end))


RUN = 3  # this many values of one kind in one clause make a table or a scale, not a statement


def in_a_run(clause: str, number: re.Pattern[str], low: Any, high: Any, convert: Callable[[str], Any]) -> bool:
    """Whether `clause` holds RUN or more numbers of the field's kind (within [low, high]): a grade
    table ("A 4.00 A- 3.67 B+ 3.33"), a scale, a list of rows. No one of them is the value."""
    count = 0
    for m in number.finditer(clause):
        try:
            value = convert(m.group(1))
        except Exception:  # noqa: BLE001 - a number we cannot read is not one of the run
            continue
        if low <= value <= high:
            count += 1
            if count >= RUN:
                return True
    return False


def one_or_none(values: "list[Any]") -> Any:
    """The value when every candidate agrees, else None: several candidates that no rule picks by
    its label leave the fact unknown ("programs of 36 credits or less ... within five years;
    more than 36 credits ... within eight years")."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


# A label meets its value through a colon or a spaced dash; "K-12" is a name.
LABEL_SEPARATOR = v.LABEL_SEPARATOR


# ---- positive binding (issue 19, third pass: total_credits, min_gpa, duration) --------------------
# The other side of scope: besides words that move a value away, a field may name the words that
# bind a value to this program's fact (vocabulary, "positive binding"). Where a text names none of
# them but names another subject, the value is not bound and the parser abstains.

_GPA_ADMISSION = v.regex(r"(?<![\w])(?:" + "|".join(v.MIN_GPA_ADMISSION_WORDS) + r")(?![\w])", re.I)
_GPA_ENROLLED = v.regex(r"(?<![\w])(?:" + "|".join(v.MIN_GPA_ENROLLED_SUBJECTS) + r")(?![\w])", re.I)


def gpa_bound_to_admission(text: str) -> bool:
    """Whether a GPA in `text` can be this program's admission minimum: the text names admission
    or the applicant's earlier record, or it names no subject at all (a row a spider located,
    "Minimum GPA: 3.0"). "Students will not graduate unless the cumulative GPA is at least 3.000"
    and "A minimum cumulative GPA of 2.5" under "Grade Requirements" name a stage once enrolled."""
    if _GPA_ADMISSION.search(text):
        return True
    return not _GPA_ENROLLED.search(text)


# A heading a text starts with ("Eligibility Criteria for a Graduate Assistantship: 2. Academic
# qualifications - ... 3.0 ...") holds for the list under it: a clause-reach scope it names moves
# every value of the text, although the label splits it off as a clause of its own.
_HEADING = v.regex(r"^\s?([^.;:\d]{3,80}):\s")


def heading_scope(field: str, text: str) -> str | None:
    """The clause-reach scope named by the heading that `text` starts with, or None."""
    m = _HEADING.match(text)
    return clause_scope(field, m.group(1)) if m else None


# ---- application_deadlines: a text's heading and a table's row (issue 19, third pass) -----------

_ROW_DEGREE = v.regex(v.DEADLINE_ROW_DEGREE, re.I)
_ROW_EDGE = v.regex(r"[.;]\s")


def other_program_row(text: str, pos: int) -> bool:
    """Whether the row label nearest before `pos` in a flattened table names another degree
    ("| Creative Writing (MFA) | Feb 1 | Dec 15 |"): the row is that program's. A label naming this
    program (`vocabulary.PROGRAM_NAMES`) or a sentence end between them ends its reach."""
    if "|" not in text[max(0, pos - 300) : pos]:
        return False
    last = None
    for last in _ROW_DEGREE.finditer(text, max(0, pos - 300), pos):
        pass
    if last is None or _OWN_NAME.search(last.group(0)):
        return False
    between = text[last.end() : pos]
    return not (_OWN_NAME.search(between) or _ROW_EDGE.search(between))


def first_clause_scope(field: str, text: str, states: re.Pattern[str]) -> str | None:
    """The scope of the text's first clause, when that clause itself states something (`states`:
    a date, a deadline's name) and one of the field's heading scopes moves it away: the text is
    then that business's list, every value in it. ("Co-op option available." states nothing and
    moves nothing after it.)"""
    spans = clauses(text)
    if not spans:
        return None
    a, b = spans[0]
    first = text[a:b]
    if not states.search(first):
        return None
    return _first_scope(tuple(v.DEADLINE_HEADING_SCOPES) if field == "application_deadlines" else (), first)


# ---- status fields: who a status is said of (issue 19, r-status) --------------------------------
# The positive side for entrance_exam, ala_accredited and delivery: a status is read only from a
# sentence that says it of this program (or of its applicants), not of a department that sets its
# own rule, not of a kind of course or program, not of another accreditor's process. The words are
# vocabulary's ("status fields' binding" section); benchmarks/reading_rules.py counts what each
# rule decides.

_EXAM_HOLDER_ELSEWHERE = v.regex(
    r"(?<![\w])(?:" + "|".join((*v.EXAM_RULE_HOLDERS_ELSEWHERE, *v.EXAM_RULE_HOLDERS_ELSEWHERE_6)) + r")", re.I)


def exam_rule_held_elsewhere(sentence: str) -> bool:
    """Whether the exam rule of a sentence is held by someone other than this program: a
    department or programs that set their own ("depending on the department", "if the department
    to which you apply requires", "programs that require", "the programs listed above", "not
    required centrally ... individual programs may require"). A sentence naming this program
    binds to it all the same."""
    return (_EXAM_HOLDER_ELSEWHERE.search(sentence) is not None or exam_rule_reader_program(sentence)
            or exam_rule_programs_in_general(sentence)) and _OWN_NAME.search(sentence) is None


# Sixth pass (r6-status): an office's floor where the text leaves the rule to the program.
_EXAM_LEFT_TO_PROGRAMS = v.regex(r"\b(?:" + "|".join(v.EXAM_LEFT_TO_PROGRAMS) + r")\b", re.I)
_EXAM_OFFICE_SUBJECT = v.regex(r"^\W*(?:[\w()/-]+\s?:\s?)?(?:" + "|".join(v.EXAM_OFFICE_SUBJECTS) + r")", re.I)


def exam_rule_left_to_programs(text: str) -> bool:
    """Whether a text leaves the exam rule to the program ("Your academic program may or may not
    require it", "Individual programs may require ... such as the GRE"): then a sentence whose
    subject is an office ("The Graduate School does not require the GRE") states the office's own
    floor, not this program's rule (exam_office_subject). A text naming this program binds all the same."""
    return _EXAM_LEFT_TO_PROGRAMS.search(text) is not None and _OWN_NAME.search(text) is None


def exam_office_subject(sentence: str) -> bool:
    """Whether a sentence opens with an office as its subject, after a label at most ("GRE: The
    Graduate School does not require the GRE")."""
    return _EXAM_OFFICE_SUBJECT.match(sentence) is not None


_ACCREDITED_KIND = v.regex(
    r"\b(?:" + "|".join(v.ACCREDITED_KIND_HEADS) + r")\s+(?:that|which)\s+(?:is|are|has|have)\s+(?:been\s+)?(?:\w+\s)?"
    r"accredited\b[^.;]*",
    re.I,
)
_ALA_NAMED = v.regex(r"\b(?:" + "|".join(v.ALA_NAMES) + r")\b", re.I)


def accredited_kind(text: str) -> str:
    """The text with accreditation said of a kind blanked ("choose one that is accredited by the
    ALA", "schools that are accredited"): no program in particular."""
    return _ACCREDITED_KIND.sub(lambda m: " " * len(m.group(0)), text)


def ala_named(text: str) -> bool:
    """Whether the ALA (or its Committee on Accreditation) is named: a status word such as
    candidacy binds to the ALA only then ("we must complete a period of candidacy" for a social
    work accreditor states nothing about the ALA)."""
    return _ALA_NAMED.search(text) is not None


_MODE_ADJ = "|".join(v.DELIVERY_MODE_ADJECTIVES)
_KIND_NOUN = "|".join(v.DELIVERY_KIND_NOUNS)
_KIND_SUBJECT = v.regex(r"^\W{0,3}(?:" + "|".join(v.DELIVERY_KIND_SUBJECTS) + ")", re.I)
_GENERIC_HEADS = v.regex(r"\b(?:schools|programs|universities|institutions)\s+(?:that|which)\s+(?:are|offer|have)\b", re.I)
# A glossary heading: "Online Asynchronous Course (own time, off-campus)*", "Blended Program:".
_KIND_HEADING = v.regex(
    rf"^\W{{0,3}}(?:{_MODE_ADJ})(?:\s+[\w/-]+){{0,2}}?\s+(?:{_KIND_NOUN})\s?(?:\([^()]*\)\s?\*?|\*|:)", re.I
)
# A bare plural of a mode as the subject of a description: "Online courses are taken
# asynchronously", "Hybrid classes include ...". A schedule is an instance, not a kind: "Synchronous
# classes meet online once each week" is this program's.
_BARE_PLURAL = v.regex(
    rf"\b(?:{_MODE_ADJ})\s+(?:courses|classes)\s+(?:are|is|include|use|follow)\b", re.I
)
_SCHEDULE = v.regex(r"\b(?:" + "|".join(v.DELIVERY_SCHEDULE_WORDS) + ")", re.I)
_DETERMINED = v.regex(
    r"\b(?:the|our|all|its|these|your|their|some|most|many|several|every|each|of|both|certain|selected|few|and|or)\s$", re.I
)


def describes_a_kind(sentence: str) -> bool:
    """Whether a sentence's delivery words are said of a kind of course or program rather than of
    this one: an indefinite subject ("An online class is taught ...", "If a program is designated
    Live Virtual ..."), schools or programs in general ("schools that are online only"), a glossary
    heading ("Blended Course (both online and on-campus components)*"), or a bare plural of a mode
    ("Online courses are taken asynchronously"; "all online courses are", "some courses" and classes
    on a schedule, "Live online classes are held Tuesday evenings", are this program's)."""
    if _KIND_SUBJECT.search(sentence) or _KIND_HEADING.search(sentence) or _GENERIC_HEADS.search(sentence):
        return True
    if _SCHEDULE.search(sentence):
        return False  # a schedule: these classes, not a kind of class
    for m in _BARE_PLURAL.finditer(sentence):
        if not _DETERMINED.search(sentence, max(0, m.start() - 12), m.start()):
            return True
    return False


# ---- shape gate: tuition, fees and the application fee (issue 19, fourth pass) --------------------
# The inverse of scope: a money value is returned only where its clause has one of a few binding
# shapes; every other shape abstains, whatever words it uses. A rate's shape is where its unit comes
# from (RATE_SHAPES: "$N per credit", "Tuition per credit: $N", a heading's unit over a residency
# row, a table column, "a fee of $N is charged each semester", "the following figures are semester
# rates"); then nothing of another kind may stand between the value and what binds it (a fee's name
# over an unlabelled amount, another school's name, a second unit, another level's unit) and a row of
# table cells binds only when its header names each cell's column. The words are vocabulary's
# ("shape gate" section); tuition.py and money.py ask here before they return a value.

# Where a rate's unit comes from -> the shape it makes. A unit from anywhere else does not bind.
RATE_SHAPES: dict[str, str] = {
    "own": "$N per <unit>",
    "label": "<label per unit>: $N",
    "heading": "<heading per unit>: <row> $N",
    "pair": "<residency> $N per <unit> <residency> $M",
    "shared": "$N + $M per <unit>",
    "load": "<fee> $N (<load>+)",
    "column": "<column header> ... <row> $N $M",
    "term-word": "<fee> of $N is charged each <term>",
    "table": "the following figures are <unit> rates",
}
SHAPE_GATE = True  # benchmarks/reading_rules.py and the tests switch it off to count what it decides

_TERM_PREDICATE = v.regex(r"[^$.;]{0,40}?\b" + v.RATE_TERM_PREDICATE + r"\b", re.I)
_FEE_WORD = v.regex(r"(?<![\w-])(?:" + "|".join(v.RATE_FEE_WORDS) + r")(?![\w-])", re.I)
_TUITION_WORD = v.regex(r"(?<![\w-])(?:" + "|".join(v.RATE_TUITION_WORDS) + r")(?![\w-])", re.I)
_OTHER_UNIT = v.regex("|".join(v.RATE_OTHER_UNITS), re.I)
_OWN_UNIT = v.regex(r"\b(?:" + "|".join(v.RATE_OWN_UNIT_WORDS) + r")\b", re.I)
_UNIT_OF_OTHER = v.regex(r"\s?" + v.RATE_UNIT_OF_OTHER + r"\b", re.I)
GATE_REACH = 200  # characters before an amount in which a heading or a name still binds it
_COLUMN_UNIT = v.regex(r"\b(?:" + "|".join(v.TABLE_COLUMN_UNITS) + r")\b", re.I)
_COLUMN_GAP = v.regex(r"\s?\|?\s?")


@lru_cache(maxsize=16)
def _column_runs(text: str) -> tuple[tuple[int, int, int], ...]:
    """Once per text: every run of two or more unit words, as (end of each word, run start, words
    so far), so that a run cut short by `end` still counts the words before it."""
    out: list[tuple[int, int, int]] = []
    run_start, count, last_end = 0, 0, -1
    for m in _COLUMN_UNIT.finditer(text):
        if count and _COLUMN_GAP.fullmatch(text, last_end, m.start()):
            count += 1
        else:
            run_start, count = m.start(), 1
        last_end = m.end()
        if count >= 2:
            out.append((m.end(), run_start, count))
    return tuple(out)


def column_header(text: str, end: int) -> tuple[int, int] | None:
    """The last run of two or more unit words before `end` with nothing but spaces or "|" between
    them ("Type Per Credit Hour Per Semester Yearly Total"): where it starts and how many columns
    it names. A compound unit ("per quarter credit hour") is one word of the run."""
    runs = _column_runs(text)
    k = bisect_right(runs, (end, len(text) + 1, 0)) - 1
    return (runs[k][1], runs[k][2]) if k >= 0 else None
# A unit with a charge's name after an amount and nothing but a note before the next amount: the
# next amount's heading ("$590 Per course fee (Office of Global Distance) $130").
_HEADS_NEXT = v.regex(
    r"\s?\*{0,3}\s?(?:per|/)[-\s]?[a-z]+(?:\s[a-z]+)?\s+(?:tuition|fees?)\s?(?:\([^()$]{0,60}\)\s?)?:?\s?\$?$", re.I
)
# A figure of the same kind (a price printed without "$") between an amount and the label before it.
_SAME_KIND = v.regex(r"(?<![\w.,$-])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%.])(?!\s?-\s?\d)")


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


# The name of the amount before, written right after it ("$835.48 university fees*"): its own label.
_OWN_LABEL_AFTER = v.regex(r"\s?\*{0,3}\s?(?:[a-z-]+\s){0,3}?(?:fees?|levy|surcharges?)\b\*{0,3}", re.I)


def fee_word_over(text: str, start: int, prev_end: int = 0, first_start: int | None = None) -> bool:
    """Whether the kind word nearest before the amount at `start` names a fee, not the tuition:
    "Resource Fees per semester ... Full-time students (12.0 - 18.0 credits)$590 per semester".
    The words read are the text's heading (before its first amount, `first_start`) and the words
    since the amount before (ending at `prev_end`), less that amount's own name."""
    first_start = start if first_start is None else first_start
    own = _OWN_LABEL_AFTER.match(text, prev_end) if prev_end else None
    lo = own.end() if own else prev_end
    spans = [(0, min(first_start, start)), (max(lo, first_start), start)] if lo > first_start else [(0, start)]
    kinds = []
    for a, b in spans:
        kinds += [(m.end(), 0) for m in _FEE_WORD.finditer(text, a, b)]
        kinds += [(m.end(), 1) for m in _TUITION_WORD.finditer(text, a, b)]  # "Tuition and fees" is the tuition's
    return bool(kinds) and max(kinds)[1] == 0


def other_unit_before(text: str, start: int) -> str | None:
    """Another school or college of the university named before the amount at `start` (and not
    followed by this program's own name): the amount is that unit's charge."""
    lo = max(0, start - GATE_REACH)
    found = _last(_OTHER_UNIT, text, lo, start)
    if found is None or _OWN_UNIT.search(found.group(0)) or PROGRAM_OWN.search(found.group(0)):
        return None
    if PROGRAM_OWN.search(text, found.end(), start):
        return None
    return found.group(0).strip()


# Fifth pass (issue 19, r5-money): a scope word of vocabulary.RATE_SCOPE_BEFORE in the few
# characters before an amount (and after the amount before it) says whose rate it is.
RATE_SCOPE_REACH = 80
RATE_SCOPE_SWITCH = True  # benchmarks/reading_rules.py and the tests switch it off to count what it decides
_RATE_SCOPE = {
    name: v.regex(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)
    for name, words in v.RATE_SCOPE_BEFORE.items()
}

# Where any of them matches (their words in one alternation): one search before the loop below.
_RATE_SCOPE_ANY = v.regex(
    r"(?<![\w-])(?:" + "|".join(w for words in v.RATE_SCOPE_BEFORE.values() for w in words) + r")(?![\w-])", re.I
)


_SCOPE_INCLUDED = v.regex(v.RATE_SCOPE_INCLUDED, re.I)


def rate_scope_before(text: str, start: int, prev_end: int = 0) -> str | None:
    """The class of scope word (a key of vocabulary.RATE_SCOPE_BEFORE) standing between the amount
    before and the amount at `start`, within RATE_SCOPE_REACH characters: "Tuition for summer
    session is $420 per credit hour" -> "session". None when no such word stands there."""
    if not RATE_SCOPE_SWITCH:
        return None
    lo = max(prev_end, start - RATE_SCOPE_REACH)
    if not _RATE_SCOPE_ANY.search(text, lo, start):
        return None
    for name, pattern in _RATE_SCOPE.items():
        for m in pattern.finditer(text, lo, start):
            if _SCOPE_INCLUDED.search(text, max(0, m.start() - 20), m.start()):
                continue
            if name == "program" and PROGRAM_OWN.search(m.group(0)):
                continue  # "For the Library and Information Science program": this program
            return name
    return None


# Sixth pass (issue 19, r6-money): a session or a tuition component named in the text's heading (before
# its first amount, within GATE_REACH) scopes every rate of the text: "Summer Session Tuition 2022 ...
# Graduate* $867/credit", "Statutory Tuition: ... The rate for Texas residents is $50 per semester credit
# hour" (vocabulary.RATE_SESSION_HEADING and RATE_SCOPE_BEFORE's "session" and "component" classes).
HEADING_SCOPE = True
_HEADING_SCOPES = {
    "session": v.regex(
        r"(?<![\w-])(?:" + "|".join((*v.RATE_SESSION_HEADING, *v.RATE_SCOPE_BEFORE["session"])) + r")(?![\w-])", re.I
    ),
    "component": v.regex(r"(?<![\w-])(?:" + "|".join(v.RATE_SCOPE_BEFORE["component"]) + r")(?![\w-])", re.I),
}


def heading_scope_of(text: str, first_start: int | None) -> str | None:
    """The class of scope ("session", "component") the text's heading (the words before its first
    amount) names, or None."""
    if not HEADING_SCOPE or first_start is None:
        return None
    lo = max(0, first_start - GATE_REACH)
    return next((name for name, p in _HEADING_SCOPES.items() if p.search(text, lo, first_start)), None)


# Sixth pass: a session named right after a rate ("$500 per credit in the summer"), and a payer group the
# contract has no residency for ("domestic students pay $800 per credit hour"), with no contract
# residency in the same reach (vocabulary.RATE_SESSION_AFTER, RESIDENCY_UNBOUND).
AFTER_SCOPES = True
_SESSION_AFTER = v.regex(r"[^$.;]{0,30}?\b(?:" + "|".join(v.RATE_SESSION_AFTER) + r")\b", re.I)
_UNBOUND_RESIDENCY = v.regex(r"(?<![\w-])(?:" + "|".join(v.RESIDENCY_UNBOUND) + r")(?![\w-])", re.I)
_CONTRACT_RESIDENCY = v.regex(
    r"(?<![\w-])(?:" + "|".join((*v.RESIDENCY_ANY, *v.RESIDENCY_OUT, *v.RESIDENCY_IN, *v.RESIDENCY_INTL)) + r")(?![\w])", re.I
)
AFTER_REACH = 40
# The amount's own trailing words naming its payers ("$800 per credit hour for domestic students"); a
# row label after a cell ("| Regional |") is the next row's, not this amount's.
_UNBOUND_AFTER = v.regex(
    r"[^$|;.]{0,25}?\bfor\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(v.RESIDENCY_UNBOUND) + r")(?![\w-])", re.I
)


def scope_after(text: str, start: int, end: int, prev_end: int = 0, next_start: int | None = None) -> str | None:
    """"session-after" or "residency-unbound" when the words right around the rate at text[start:end]
    say so (see above), else None."""
    if not AFTER_SCOPES:
        return None
    hi = min(len(text) if next_start is None else next_start, end + AFTER_REACH)
    if _SESSION_AFTER.match(text[end:hi]):
        return "session-after"
    lo = max(prev_end, start - RATE_SCOPE_REACH)
    if _UNBOUND_RESIDENCY.search(text, lo, start) and not _CONTRACT_RESIDENCY.search(text, lo, start):
        return "residency-unbound"  # "domestic students pay $800 per credit hour"
    after = _UNBOUND_AFTER.match(text[end:hi])
    if after and not _CONTRACT_RESIDENCY.search(after.group(0)):
        return "residency-unbound"  # "$800 per credit hour for domestic students"
    return None


def rate_veto(
    text: str, start: int, end: int, *, unit_from: str | None, kind_from: str | None,
    cell: bool = False, column: bool = False, prev_end: int = 0, next_start: int | None = None,
    context: str | None = None, row_len: int = 0, first_start: int | None = None, kinds_bound: bool = False,
) -> str | None:
    """Why the rate at text[start:end] does not bind (a name of RATE_VETOES), or None when it has a
    kept shape. `unit_from`: where the parser took the unit (a key of RATE_SHAPES); `kind_from`:
    where it took the kind ("default" when no label named it); `cell`: the amount is one of a row
    of bare table cells; `column`: the table's header named its column; `prev_end`/`next_start`:
    where the amounts before and after it end and start; `context`: the same text before binding
    blanked any sentence (a fee's name in a blanked heading still names the fee); `row_len`: how
    many cells the amount's row has; `first_start`: where the text's first amount starts;
    `kinds_bound`: the header's kind columns ("Tuition General Fees Total") bind the row one to one,
    so a run of unit words in it ("Total per Credit Hour") is their common unit, not more columns."""
    if unit_from not in RATE_SHAPES:
        return "unit-elsewhere"
    if cell and not column:
        return "cells-unbound"  # a table flattened to text whose header does not bind each cell
    header = None if kinds_bound else column_header(text, start)
    if header is not None:
        h_start, columns = header
        own_unit = not text[prev_end:h_start].strip()  # the unit right after the amount before
        if (cell and columns != row_len) or (not cell and h_start >= prev_end and not own_unit):
            return "columns-not-one-to-one"  # "Per Credit Hour Per Semester Yearly Total ... $125 $250"
    if unit_from == "own" and next_start is not None and _HEADS_NEXT.match(text[end:next_start]):
        return "unit-heads-next"  # "$590 Per course fee (Office of Global Distance) $130"
    if _SAME_KIND.search(text, prev_end, start) or _SAME_KIND.search(text, end, len(text) if next_start is None else next_start):
        return "figure-between"  # "Fee Rate (per credit) 36.04 36.04 $757.03": the label binds the figures between
    if unit_from == "term-word" and not _TERM_PREDICATE.match(text, end):
        return "term-word-not-predicate"  # "End of semester delinquent account charge $75.00"
    if _UNIT_OF_OTHER.match(text, end):
        return "unit-of-other-level"  # "$4 per unit of undergraduate lecture course"
    words = context if context is not None and len(context) == len(text) else text
    if kind_from == "default" and fee_word_over(words, start, prev_end, first_start):
        return "fee-heading"  # an unlabelled amount under a fee's name is not the tuition
    if other_unit_before(text, start):
        return "other-school"  # another college's charge
    scope = rate_scope_before(text, start, prev_end)
    if scope:
        return "rate-scope:" + scope  # a session's, a group's reduced, another credential's or a living cost
    heading = heading_scope_of(words, first_start)
    if heading:
        return "heading-scope:" + heading  # "Summer Session Tuition 2022 ... Graduate* $867/credit"
    seventh = seventh_pass_rate_veto(words, start, end, first_start, prev_end, next_start)
    if seventh:
        return seventh  # an insurance plan's or an assessed credit's heading, a wage's hour
    return scope_after(text, start, end, prev_end, next_start)  # "$500 per credit in the summer", "domestic students"


RATE_VETOES = (
    "unit-elsewhere", "cells-unbound", "columns-not-one-to-one", "unit-heads-next", "figure-between",
    "term-word-not-predicate", "unit-of-other-level", "fee-heading", "other-school",
    *("rate-scope:" + c for c in v.RATE_SCOPE_BEFORE), "heading-scope:session", "heading-scope:component", "heading-scope:insurance", "heading-scope:assessed_credit", "heading-scope:other_degree", "wage-hour", "placeholder-cell", "session-after",
    "residency-unbound",
)


# Seventh pass (issue 19, r7-money; vocabulary "money, seventh pass"). Two classes of cost that is not
# the program's charge, named in the text's heading (the words before its first amount, within
# GATE_REACH), and another degree named there ("Master of Athletic Training Tuition 2025-2026 $600 per
# credit hour Technology Fee $25.00 per credit hour", unless this program is named before the rate): an insurance plan ("Domestic student health insurance costs • Fall 2024: $1,937.00 ...
# Annual: $4,621.00") and credit awarded by assessment ("Fee Policy ... when submitting their Portfolio
# ... at the rate of $50 per credit"); words that exclude or include the plan beside a rate ("does not
# include health insurance") do not make it the scope. In the few words before a rate the same words are
# RATE_SCOPE_BEFORE's "insurance" and "assessed_credit" classes. A bare "per hour" with pay words around
# it (GATE_REACH before the amount, AFTER_REACH after it) is a wage, not a credit hour.
INSURANCE_SCOPE = True
COST_HEADINGS = True
WAGE_HOUR = True
_COST_HEADING = {
    "insurance": v.regex(r"(?<![\w-])(?:" + "|".join(v.RATE_INSURANCE_WORDS) + r")(?![\w-])", re.I),
    "assessed_credit": v.regex(r"(?<![\w-])(?:" + "|".join(v.ASSESSED_CREDIT_WORDS) + r")(?![\w-])", re.I),
    "other_degree": v.regex(r"(?<![\w-])(?:" + "|".join(v.RATE_SCOPE_BEFORE["other_degree"]) + r")(?![\w-])", re.I),
}
_COST_NOT_SCOPE = v.regex(v.RATE_INSURANCE_NOT_SCOPE, re.I)
_BARE_HOUR = v.regex(v.RATE_BARE_HOUR_AFTER, re.I)
_WAGE = v.regex(r"(?<![\w-])(?:" + "|".join(v.WAGE_WORDS) + r")(?![\w-])", re.I)


def cost_heading_scope(text: str, first_start: int | None) -> str | None:
    """The class of cost ("insurance", "assessed_credit") the text's heading names as what it prices."""
    if first_start is None:
        return None
    lo = max(0, first_start - GATE_REACH)
    for name, pattern in _COST_HEADING.items():
        if name == "insurance" and not INSURANCE_SCOPE or name != "insurance" and not COST_HEADINGS:
            continue
        if any(not _COST_NOT_SCOPE.search(text, max(0, m.start() - 40), m.start()) for m in pattern.finditer(text, lo, first_start)):
            return name
    return None


def wage_hour(text: str, start: int, end: int) -> bool:
    """Whether the amount at text[start:end] is paid by the hour to a worker: a bare "per hour" right
    after it and pay words around it ("the minimum rate paid for any position is $8.56/hour")."""
    if not WAGE_HOUR or not _BARE_HOUR.match(text, end):
        return False
    return _WAGE.search(text, max(0, start - GATE_REACH), min(len(text), end + AFTER_REACH)) is not None


# A table row flattened with a placeholder cell ("Legal Services Fee | $5.56 | -- | $5.56 | --", "Activity
# Fee (Flat Fee Per Semester) | $32 | N/A |"): counting the amounts no longer finds their columns, so a
# cell right beside a placeholder binds nothing (vocabulary.TABLE_PLACEHOLDER_CELL).
PLACEHOLDER_CELLS = True
_PLACEHOLDER_AFTER = v.regex(r"\s?\*{0,3}\s?\|?\s?(?:" + v.TABLE_PLACEHOLDER_CELL + r")\s?(?:\||$)")
_PLACEHOLDER_BEFORE = v.regex(r"(?:^|\|)\s?(?:" + v.TABLE_PLACEHOLDER_CELL + r")\s?\|?\s?$")


def placeholder_beside(text: str, start: int, end: int, prev_end: int = 0, next_start: int | None = None) -> bool:
    """Whether a placeholder cell stands right before or right after the amount at text[start:end]."""
    if not PLACEHOLDER_CELLS:
        return False
    hi = min(len(text) if next_start is None else next_start, end + AFTER_REACH)
    if _PLACEHOLDER_AFTER.match(text[end:hi]):
        return True
    return _PLACEHOLDER_BEFORE.search(text[max(prev_end, start - AFTER_REACH) : start]) is not None


def seventh_pass_rate_veto(
    text: str, start: int, end: int, first_start: int | None, prev_end: int = 0, next_start: int | None = None,
) -> str | None:
    """Why the rate at text[start:end] is another cost by this pass's classes, or None."""
    if placeholder_beside(text, start, end, prev_end, next_start):
        return "placeholder-cell"
    heading = cost_heading_scope(text, first_start)
    if heading == "other_degree" and PROGRAM_OWN.search(text, max(0, start - GATE_REACH), start):
        heading = None  # "Master of Education ... Master of Library Science $500": this program's row
    if heading:
        return "heading-scope:" + heading
    return "wage-hour" if wage_hour(text, start, end) else None


def rate_shape(text: str, start: int, end: int, *, unit_from: str | None, kind_from: str | None, **facts: Any) -> str | None:
    """The binding shape of the rate at text[start:end] (a key of RATE_SHAPES: where its unit comes
    from), or None when the reading does not bind (`rate_veto` says why). With SHAPE_GATE off, every
    reading passes."""
    if not SHAPE_GATE:
        return unit_from or "own"
    if rate_veto(text, start, end, unit_from=unit_from, kind_from=kind_from, **facts):
        return None
    return unit_from


_WORD = v.regex(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def bare_amount_binds(text: str, start: int, end: int) -> bool:
    """A text that names no charge states the application fee only in a label's shape: its amounts
    with a few words at most beside them ("$1,372", "fee USD 50", "Tuition: $565.00 Fees: $76.16")
    and no number that is not an amount ("Minimum 3 credits $ 1,678.00"). `start`/`end` is the
    amount read."""
    if not SHAPE_GATE:
        return True
    from .money import find_amounts  # money reads amounts; binding only weighs the words around them

    rest, last = [], 0
    for a in find_amounts(text):
        rest.append(text[last : a.start])
        last = a.end
    rest.append(text[last:])
    words = " ".join(rest)
    return len(_WORD.findall(words)) <= v.BARE_AMOUNT_WORDS and not re.search(r"\d", words)


def unit_heads_next(text: str, end: int, next_start: int) -> bool:
    """Whether the unit written after the amount ending at `end` is, with the charge's name right
    after it, the heading of the next amount ("$590 Per course fee (Office of Global Distance) $130")."""
    return _HEADS_NEXT.match(text[end:next_start]) is not None


# ---- shape gate (issue 19, fourth pass: total_credits, min_gpa, duration) -----------------------
# The inverted default. The rules above name ways a value is moved away; fresh text keeps bringing
# new ones. For these three fields a candidate the parser found is now kept only where its clause has
# one of a few binding shapes: a binder of the field (a predicate or a label, `vocabulary.SHAPE_BINDERS`)
# within a few words of the value (`vocabulary.SHAPE_REACH`), and between the two nothing of another
# kind: no other value of the same kind, no word of another action or entity
# (`vocabulary.SHAPE_BREAKERS`). Words right after the value that move it out of the fact
# (`vocabulary.SHAPE_MOVED_AFTER`) undo the binding. A value a spider located by its label and
# passes bare ("36", "18 months") binds through that label.

_TOKEN = v.regex(r"[^\W_]+(?:['.-][^\W_]+)*\.?", re.U)


@cache
def _shape_pattern(table: str, field: str) -> re.Pattern[str] | None:
    words = getattr(v, table).get(field, ())
    if not words:
        return None
    return v.regex(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", re.I)


def _window_start(text: str, a: int, start: int, words: int) -> int:
    """Where the last `words` tokens before `start` (not before a) begin."""
    tokens = [m.start() for m in _TOKEN.finditer(text, a, start)]
    return tokens[-words] if len(tokens) >= words else a


def _window_end(text: str, end: int, b: int, words: int) -> int:
    """Where the first `words` tokens after `end` (not after b) end."""
    last = end
    for i, m in enumerate(_TOKEN.finditer(text, end, b)):
        if i >= words:
            break
        last = m.end()
    return last


# Between two values of one kind, only a coordinator: "in 12 months (accelerated) or 24 months
# (standard)" states two values that share one binder.
_COORDINATED = v.regex(
    r"\s?(?:\([^()]{0,40}\))?\s?,?\s?(?:or|and|to|through|-|\u2013)?\s?(?:about|approximately|roughly)?\s?", re.I
)


def _clean_gap(field: str, gap: str, same_kind: re.Pattern[str] | None) -> bool:
    """Nothing of another kind in the gap between a binder and its value: no breaker, and no other
    value of the same kind unless only a coordinator joins it to the next."""
    breakers = _shape_pattern("SHAPE_BREAKERS", field)
    if breakers is not None and breakers.search(gap):
        return False
    if same_kind is None:
        return True
    found = list(same_kind.finditer(gap))
    for i, m in enumerate(found):
        upto = found[i + 1].start() if i + 1 < len(found) else len(gap)
        if not _COORDINATED.fullmatch(gap, m.end(), upto):
            return False
    return True


# (issue 19, fifth pass; vocabulary "Four more classes of another kind") Another credential before a
# value, a worked example or a default, a provisional student's GPA, programs or fields named by a
# capitalized name.
def _words(words: "tuple[str, ...]", flags: int = re.I) -> re.Pattern[str]:
    return v.regex(r"(?<![\w])(?:" + "|".join(words) + r")(?![\w])", flags)


_OTHER_CREDENTIAL = _words(v.SHAPE_OTHER_CREDENTIALS)
_OWN_WORD = _words(v.SHAPE_OWN_WORDS)
_NOT_STATED = _words(v.SHAPE_NOT_STATED)
_LESSER_STATUS = _words(v.SHAPE_LESSER_STATUS)
_NAMED_OTHER = _words(v.SHAPE_NAMED_OTHER)


@cache
def _cap_pattern(field: str) -> re.Pattern[str] | None:
    """A cap word with at most SHAPE_CAP_WORDS_BEFORE words between it and the end of the text searched."""
    words = v.SHAPE_CAP_BEFORE.get(field, ())
    if not words:
        return None
    return v.regex(
        r"(?<![\w])(?:" + "|".join(words) + r")(?:\s+[^\s\d]+){0," + str(v.SHAPE_CAP_WORDS_BEFORE) + r"}?\s*$", re.I
    )


def other_credential_owns(text: str, lo: int, start: int) -> bool:
    """Whether a certificate, an associate degree or a diploma is named in text[lo:start] (the reach
    before a value) with no word of this program after it."""
    last = None
    for m in _OTHER_CREDENTIAL.finditer(text, lo, start):
        last = m
    return last is not None and _OWN_WORD.search(text, last.end(), start) is None


ENTITY_REACH = 2
BARE_SHAPE_WORDS = 3  # a value with at most this many words beside it is a spider's located value
CLAUSE_REACH = 600
_WORD = v.regex(r"[A-Za-z]+")


def _at_most_words(text: str, n: int) -> bool:
    """Whether `text` has at most n words (counting stops at the n+1st)."""
    return next(islice(_WORD.finditer(text), n, None), None) is None


def shape_binds(field: str, text: str, start: int, end: int, same_kind: re.Pattern[str] | None = None) -> bool:
    """Whether the value at text[start:end] (prepared text; the value with its unit) has one of the
    field's binding shapes in its clause: a binder within reach before or after it, with a clean gap
    (no breaker, no other value matched by `same_kind`), and no word right after it that moves it out."""
    return shape_of(field, text, start, end, same_kind) is not None


def shape_of(field: str, text: str, start: int, end: int, same_kind: re.Pattern[str] | None = None) -> str | None:
    """The shape that binds the value at text[start:end]: "bare" (a located value), "before <binder>"
    or "after <binder>"; None when no shape binds it (see shape_binds)."""
    a, b = sentence_span(text, start, end)
    # A clause is read within CLAUSE_REACH characters of its value: a "sentence" that long is a run
    # of text without ends (a table, a page's worth of list), and the work per value stays bounded.
    a, b = max(a, start - CLAUSE_REACH), min(b, end + CLAUSE_REACH)
    reach_before, reach_after = v.SHAPE_REACH[field]
    moved = _shape_pattern("SHAPE_MOVED_AFTER", field)
    after_end = _window_end(text, end, b, reach_after)
    if moved is not None and moved.search(text, end, b):
        return None
    moved_clause = _shape_pattern("SHAPE_MOVED_CLAUSE", field)
    if moved_clause is not None and moved_clause.search(text, a, b):
        return None
    entity = _shape_pattern("SHAPE_ENTITY_AFTER", field)
    if entity is not None and entity.match(text, end + len(text[end:b]) - len(text[end:b].lstrip())):
        return None  # "and 9 years for the doctorate degree": another credential's value
    part = _shape_pattern("SHAPE_PART_AFTER", field)
    if part is not None and part.match(text, end + len(text[end:b]) - len(text[end:b].lstrip(" )"))):
        return None
    if _NOT_STATED.search(text, a, b) or (field == "min_gpa" and _LESSER_STATUS.search(text, a, b)):
        return None  # a worked example, a default programs may replace, a provisional student's GPA
    heading = _NAMED_OTHER.match(text)  # a field's name heading the whole text ("Nursing: ...")
    if field in v.SHAPE_NAMED_OTHER_FIELDS and (_NAMED_OTHER.search(text, a, b) or heading):
        # "For the English, Nursing and Public Affairs programs", "an Accounting GPA"; a list that
        # names this program too ("the Master of Fine Arts, Master of Library Science, ...") shares it.
        if not _OWN_NAME.search(text, a, b):
            return None
    waiver = _shape_pattern("SHAPE_WAIVER_CLAUSE", field)
    if waiver is not None and waiver.search(text, a, b):
        return None  # "a GPA of 3.3 or higher waives the test": a waiver's condition
    cap = _cap_pattern(field)
    if cap is not None and cap.search(text, _window_start(text, a, start, v.SHAPE_CAP_WORDS_BEFORE + 2), start):
        return None  # "A maximum of 12 credits may be earned at Summer Session": a cap
    if sixth_pass_veto(field, text, a, b, start, end):
        return None  # (sixth pass) a test waiver's GPA, another purpose, a held degree's GPA, another credential
    if seventh_pass_veto(field, text, a, b, start, end, same_kind):
        return None  # (seventh pass) a row of a flattened table labelled by another degree level
    lo = _window_start(text, a, start, reach_before)
    if field in v.SHAPE_OWNER_FIELDS and other_credential_owns(text, lo, start):
        return None  # "The time limit for certificate completion is three years"
    binders = _shape_pattern("SHAPE_BINDERS", field)
    assert binders is not None
    last = None
    for m in binders.finditer(text, lo, start):
        last = m
    # The gap before a value starts ENTITY_REACH words before its binder: an entity that owns the
    # binder ("for Bachelor's degree in four years") binds the value to itself.
    if last is not None and _clean_gap(field, text[_window_start(text, a, last.start(), ENTITY_REACH) : start], same_kind):
        return "before " + last.group(0).lower()
    first = binders.search(text, end, b)  # a binder that starts within reach ("2.75 (4.0 scale) grade point average")
    if first is not None and first.start() < after_end and _clean_gap(field, text[end : first.start()], same_kind):
        return "after " + first.group(0).lower()
    # A value a spider located by its label and passes (nearly) bare: "36 credits", "18 months (full-time)".
    rest = text[a:start] + " " + text[end:b]
    if _at_most_words(rest, BARE_SHAPE_WORDS) and _at_most_words(text, BARE_SHAPE_WORDS + 4):
        return "bare" if _clean_gap(field, rest, same_kind) else None
    return None


# ---- shape gate, sixth pass (issue 19, r6-scope: total_credits, min_gpa, duration) ----------------
# More classes of "another kind" (vocabulary, "sixth pass"). Each is one veto; SIXTH_PASS switches
# them off together so that tests and benchmarks/reading_rules.py can count what they decide.
SIXTH_PASS = True
_FLOOR_RAISED = _words(v.FLOOR_RAISED_BY_PROGRAMS)


@lru_cache(maxsize=16)
def floor_raised_by_programs(field: str, text: str) -> bool:
    """Whether `text` (prepared) states an institution's floor that its programs raise or set for
    themselves ("individual colleges and/or departments may require higher grade point averages",
    "each Master's degree program has specific academic requirements"): its credit or GPA figures are
    that floor, not this program's value. One search per text (cached)."""
    return SIXTH_PASS and field in v.FLOOR_RAISED_FIELDS and _FLOOR_RAISED.search(text) is not None


_TEST_NOT_REQUIRED = v.regex("|".join(v.GPA_TEST_NOT_REQUIRED), re.I)
_CONDITION_BEFORE = v.regex(v.GPA_CONDITION_BEFORE, re.I)
_OTHER_PURPOSE = v.regex("|".join(v.GPA_OTHER_PURPOSE), re.I)
_HELD_DEGREE_BEFORE = v.regex(v.GPA_HELD_DEGREE_BEFORE, re.I)
_GPA_IN_NAMED_FIELD = v.regex(v.GPA_IN_NAMED_FIELD)
_SPAN_OF_PART_AFTER = v.regex(r"\s?(?:" + "|".join(v.SHAPE_SPAN_OF_PART_AFTER) + ")", re.I)
_CLASS_SUBJECT = v.regex(r"(?<![\w])(?:" + "|".join(v.SHAPE_CLASS_SUBJECTS) + r")(?![\w])", re.I)


def sixth_pass_veto(field: str, text: str, a: int, b: int, start: int, end: int) -> str | None:
    """Why the value at text[start:end] in the clause text[a:b] is another kind's (a name), or None.
    Bounded: the clause is already cut to CLAUSE_REACH around its value."""
    if not SIXTH_PASS:
        return None
    if _CLASS_SUBJECT.search(text[a:b]):
        return "class-of-programs"  # "Most master's level programs require two years", "Some are designed as"
    if field == "duration" and _SPAN_OF_PART_AFTER.match(text, end):
        return "span-of-part"  # "four academic years for coursework and two years for thesis"
    if field == "min_gpa":
        if _TEST_NOT_REQUIRED.search(text, a, b) and _CONDITION_BEFORE.search(text, a, start):
            return "gpa-waives-test"  # "For those with a GPA of 3.0 or higher ..., no GRE is required"
        if _OTHER_PURPOSE.search(text, a, b):
            return "gpa-other-purpose"  # "a GPA of 3.2 or higher to be considered for a letter"
        if _HELD_DEGREE_BEFORE.search(text, max(a, start - 60), start):
            return "gpa-of-held-degree"  # "A graduate degree with 3.0 GPA"
        if _GPA_IN_NAMED_FIELD.search(text, a, b) and _OWN_NAME.search(text, a, b) is None:
            return "gpa-in-named-field"  # "3.4 GPA in Accounting or cumulative"
    if field in v.SHAPE_OWNER_CLAUSE_FIELDS:
        reach_end = b if field == "min_gpa" else start
        last = None
        for last in _OTHER_CREDENTIAL.finditer(text, a, reach_end):
            pass
        if last is not None and _OWN_WORD.search(text, a, b) is None:
            return "credential-owns-clause"  # "To earn a graduate certificate, ... a grade point average of 3.0"
    return None


# ---- shape gate, seventh pass (issue 19, r7-scope: total_credits, duration) ----------------------
# Another class of "another kind" (vocabulary, "seventh pass"); SEVENTH_PASS switches it off to count
# what it decides.
SEVENTH_PASS = True
_OTHER_LEVEL_ROW = v.regex(v.SHAPE_OTHER_LEVEL_ROW)
_OWN_LEVEL_ROW = v.regex(v.SHAPE_OWN_LEVEL_ROW)


def other_level_row(text: str, a: int, b: int, start: int, same_kind: re.Pattern[str]) -> bool:
    """Whether the value at `start`, in a clause text[a:b] holding two or more values of its kind (a
    flattened table), follows a row label naming another degree level since the previous value."""
    previous, count = a, 0
    for m in same_kind.finditer(text, a, b):
        count += 1
        if m.end() <= start:
            previous = m.end()
    if count < 2:
        return False
    other = _last(_OTHER_LEVEL_ROW, text, previous, start)
    if other is None:
        return False
    own = _last(_OWN_LEVEL_ROW, text, previous, start)
    return own is None or own.start() < other.start()


def seventh_pass_veto(
    field: str, text: str, a: int, b: int, start: int, end: int, same_kind: re.Pattern[str] | None
) -> str | None:
    """Why the value at text[start:end] is another kind's (a name), or None. Bounded: the clause is cut
    to CLAUSE_REACH around its value."""
    if not SEVENTH_PASS:
        return None
    if field in v.SHAPE_LEVEL_ROW_FIELDS and same_kind is not None and other_level_row(text, a, b, start, same_kind):
        return "row-of-other-level"  # "Undergraduate Degree 6 years Master's Degree 5 years"
    return None


# ---- application_deadlines: the shape gate (issue 19, fourth pass) --------------------------------
# Inverted default: a date is read only where it stands in one of a few binding shapes; every other
# shape abstains, whatever words it uses. The shapes (words: vocabulary, "the shape gate"):
# - "label": a label of its own right before it ("Fall: July 1", "Priority Deadline: Jan 15", "Fall
#   Semester July 1", "International applicants | January 31");
# - "predicate": a predicate of applying within reach before it ("Applications are due by March 1",
#   "The deadline for fall admission is February 1", "submit your application no later than");
# - "own words": a kind, term or deadline name within reach after it ("March 1 (priority)", "August 1
#   for fall admission", "April 1 is the normal deadline").
# In every shape the reach is vocabulary.DEADLINE_SHAPE_REACH words, and a word of another action in
# the reach (begin, open, orientation, notify, send, pay, ...) breaks it: "Priority deadline for
# Orientation sign ups is June 1st", "September 3 students' deadline to send the book list".

_DL_PREDICATE = v.regex(
    r"\b(?:" + "|".join((*v.DEADLINE_SHAPE_PREDICATES, *v.DEADLINE_PREDICATES, *v.DEADLINE_PREDICATES_MORE)) + r")(?!\w)", re.I
)
_DL_COPULA = v.regex(r"\b" + v.DEADLINE_SHAPE_COPULA, re.I)
_DL_CLOCK = v.regex(v.DEADLINE_SHAPE_CLOCK, re.I)
_DL_BREAK = v.regex(r".*[,\u2013\u2014]|.*\s-\s", re.S)
_DL_LABEL = v.regex(
    "|".join(p for _, p in v.DEADLINE_KINDS)
    + r"|\b(?:" + "|".join(v.TERM_WORDS) + r")\b"
    + r"|\b(?:" + "|".join(v.DEADLINE_SHAPE_NOUNS) + r")",
    re.I,
)
# An applicant group binds only as the date's own words ("February 1 (international applicants
# only)"); before a date it is a row label, which needs a heading that names deadlines.
_DL_GROUP = v.regex(r"\b(?:" + "|".join(re.escape(w) for _, words in v.APPLICANT_GROUPS for w in words) + r")(?!\w)", re.I)
_DL_OTHER_ACTION = v.regex(r"\b(?:" + "|".join(v.DEADLINE_OTHER_ACTIONS) + r")\b", re.I)
_DL_WORD = v.regex(r"[^\s|\u2022*]+")
_DL_TO_COMPLEMENT = v.regex(r"\s+to\s+(?:[^\s.;:,()|]+\s?){1,3}", re.I)
# How a date's own label follows it: a parenthesis, a colon or dash, "for", a copula.
_DL_LINK_AFTER = v.regex(r"^\s?(?:[(:|\u2013\u2014-]|(?:for|is|are|will\s+be|as)\b)", re.I)


def _reach_before(before: str) -> str:
    """The last DEADLINE_SHAPE_REACH words before a date (pipes, bullets and a time of day are not
    words), or DEADLINE_SHAPE_SUBJECT_REACH words when they end in a copula ("... is")."""
    before = _DL_CLOCK.sub(" ", before)
    words = list(_DL_WORD.finditer(before))
    reach = v.DEADLINE_SHAPE_SUBJECT_REACH if _DL_COPULA.search(before) else v.DEADLINE_SHAPE_REACH
    if len(words) > reach:
        return before[words[-reach].start() :]
    return before


def _reach_after(after: str) -> str:
    """The first DEADLINE_SHAPE_REACH words after a date, up to a sentence end."""
    end = re.search(r"[.;](?:\s|$)", after)
    after = after[: end.start()] if end else after
    words = list(_DL_WORD.finditer(after))
    if len(words) > v.DEADLINE_SHAPE_REACH:
        return after[: words[v.DEADLINE_SHAPE_REACH - 1].end()]
    return after


_DL_LABEL_WORDS = frozenset(v.DEADLINE_LABEL_WORDS)
_DL_NAMED = v.regex(
    "|".join(p for _, p in v.DEADLINE_KINDS) + r"|\b(?:" + "|".join(v.TERM_WORDS) + r")\b|" + _DL_GROUP.pattern
    + r"|(?<![\w])(?:" + "|".join(v.PROGRAM_NAMES) + r")(?![\w])",
    re.I,
)
_DL_TOKEN = v.regex(r"[A-Za-z][\w'.-]*")
_DL_NOUN_END = v.regex(r"\b(?:deadlines?|due\s+dates?|dates?)\s?$", re.I)
_DL_LABEL_EDGE = v.regex(r".*(?:[.;:|\u2022()]|\s-\s|\d)", re.S)


_DL_ACRONYM = v.regex(r"^(?-i:[A-Z][A-Za-z]*[A-Z])$")  # "MLS", "SpLIS", "MI": a program's short name
_DL_STOPS = frozenset(v.DEADLINE_LABEL_STOPS)
_DL_MODIFIERS = 3


def _label_word(w: str) -> bool:
    low = w.lower().rstrip(".:-")  # (sixth pass) a dash glued to a label word: "Spring Admission– Priority Date:"
    return low in _DL_LABEL_WORDS or low.removesuffix("'s") in _DL_LABEL_WORDS or _DL_ACRONYM.match(w.rstrip(".:")) is not None


def label_words_only(text: str) -> bool:
    """Whether every word of `text` is a label word (vocabulary.DEADLINE_LABEL_WORDS, a term, a kind,
    an applicant group, a program's name or short name, a number): nothing of another kind stands there."""
    rest = _DL_NAMED.sub(" ", _DL_CLOCK.sub(" ", text))
    return all(_label_word(w) for w in _DL_TOKEN.findall(rest))


def _label_before(head: str, end: int) -> str:
    """The modifiers of a deadline noun ending at `end`: the words before it back to the label's
    edge or a stop word (vocabulary.DEADLINE_LABEL_STOPS), at most three."""
    cut = _DL_LABEL_EDGE.match(head, 0, end)
    noun = _DL_NOUN_END.search(head, 0, end)
    words = _DL_TOKEN.findall(_DL_NAMED.sub(" ", head[cut.end() if cut else 0 : noun.start() if noun else end]))
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in _DL_STOPS or len(out) == _DL_MODIFIERS:
            break
        out.append(w)
    return " ".join(out)


def deadline_shape(before: str, after: str) -> str | None:
    """The binding shape a date stands in ("label", "predicate", "own words"), or None: `before`
    is the date's own clause up to it, `after` its own words after it (section above)."""
    head, tail = _reach_before(before), _reach_after(after)
    binders = [(m, name) for p, name in ((_DL_PREDICATE, "predicate"), (_DL_LABEL, "label")) for m in p.finditer(head)]
    if not binders:
        # A predicate that opens before the reach and ends in it ("should submit an application and
        # all supporting materials by"): its own words are label words only.
        whole = _DL_CLOCK.sub(" ", before)[-SUBJECT_REACH:]
        spans = [m for m in _DL_PREDICATE.finditer(whole) if m.end() > len(whole) - len(head.lstrip())]
        opened = _DL_PREDICATE.match(whole, spans[-1].start()) if spans else None
        if opened and label_words_only(whole[opened.start() :].split(None, 1)[-1]):
            head = whole[opened.start() :]
            binders = [(_DL_PREDICATE.match(head), "predicate")]
    if binders:
        last, name = max(binders, key=lambda b: (b[0].end(), b[1] == "predicate"))
        # Another action between the binding word and the date breaks the reach ("Priority deadline
        # for Orientation sign ups is June 1st"); one before it does not ("Fall (Begins in Aug.) Apply by").
        if _DL_OTHER_ACTION.search(head, last.end()) or not label_words_only(head[last.end() :]):
            return None  # something of another kind between the binding word and the date
        if _DL_NOUN_END.search(head, 0, last.end()) and not label_words_only(_label_before(head, last.end())):
            return None  # "Fall Deferral Request Deadline:", "Application Fee Payment Deadline:"
        offset = len(before) - len(head)
        if name == "predicate" or not _DL_TERM.fullmatch(last.group(0)):  # a term is a row's label, not a clause's
            if action_subject(before, offset + last.start(), offset + last.end()):
                return None  # "Decision letters ... should be posted ... no later than December 15th"
        if closure_of_other(before, offset + last.start(), offset + last.end()) or (
                name == "predicate" and exam_date(before, offset + last.start())):
            return None  # (seventh pass) "SIPA will be closed Thursday, November 28", "take the GRE exam no later than"
        return name
    if _DL_OTHER_ACTION.search(head):
        return None  # "Orientation is August 20 for fall students"
    predicate = _DL_PREDICATE.search(tail)
    label = min((m for p in (_DL_LABEL, _DL_GROUP) for m in p.finditer(tail)), key=lambda m: m.start(), default=None)
    if label and not (_DL_LINK_AFTER.match(tail) or not tail[: label.start()].strip(" ,*")):
        label = None  # a label after a date is its own only right after it or after a link word
    binder = predicate or label
    if binder is None:
        return None
    if _DL_OTHER_ACTION.search(tail):
        return None  # "September 3 students' deadline to send the book list", "May 2 | Admission decisions released"
    complement = _DL_TO_COMPLEMENT.match(tail, binder.end())
    own = tail[: complement.end() if complement else binder.end()]
    if not label_words_only(_DL_PREDICATE.sub(" ", own).lstrip(" :(-\u2013\u2014|")):
        # "G-2 students' deadline", "May 15 Deadline to submit intent to graduate": the date's own
        # words up to the binding word, and what a deadline is "to" do, are label words only.
        return None
    # "January 2 Graduate Admission closes", "April 1 is the normal deadline", "March 1 (priority)",
    # "August 1 for fall admission", "March 31 Early admission".
    return "own words"
    if _DL_PREDICATE.search(head):
        return "predicate"
    if _DL_LABEL.search(head):
        return "label"
    if _DL_OTHER_ACTION.search(tail):
        return None
    if _DL_PREDICATE.search(tail):
        return "own words"  # "January 2 Graduate Admission closes", "April 1 is the normal deadline"
    label = _DL_LABEL.search(tail) or _DL_GROUP.search(tail)
    if label and (_DL_LINK_AFTER.match(tail) or not tail[: label.start()].strip(" ,*")):
        return "own words"  # "March 1 (priority)", "August 1 for fall admission", "March 31 Early admission"
    return None


_DL_NEGATION = v.regex(r"\b(?:" + "|".join(v.DEADLINE_KIND_NEGATION) + r")\s+(?:\w+\s){0,2}$", re.I)
_DL_UNSETTLED = v.regex(
    "|".join(p for k, p in v.DEADLINE_KINDS if k != "final") + r"|\b(?:" + "|".join(v.FUNDING_WORDS) + r")\b", re.I
)


def negated_kind(text: str, start: int) -> bool:
    """Whether the kind word at text[start:] is negated ("but will not receive fellowship
    consideration"): it names no kind of the date."""
    return _DL_NEGATION.search(text, max(0, start - 40), start) is not None


_DL_FUNDING_LABEL = v.regex(v.DEADLINE_FUNDING_LABEL_AFTER, re.I)


def unsettled_kind(text: str) -> bool:
    """Whether `text` (a date's sentence, or the text's heading) names a kind other than final or a
    funding purpose: a date there whose own words bind no kind is not read as final (the kind is
    not settled: "required deadlines for priority admission and financial aid", "by the March 1
    deadline ... automatically considered for these awards")."""
    return any(
        not negated_kind(text, m.start()) and not _DL_FUNDING_LABEL.match(text, m.end()) for m in _DL_UNSETTLED.finditer(text)
    )


# (issue 19, fifth pass) Two vetoes of the same section, read in a date's sentence: the deadline is
# another group's or another program's (vocabulary.DEADLINE_OTHER_GROUPS, or a discipline's
# capitalized name before the group noun: "Music transfer applicants", "Candidates for Dual-Degree
# Programs"), or its object is a funding award itself ("the priority deadline for all spring merit
# scholarships", "Applications for this assistance are due by"; vocabulary.DEADLINE_FUNDING_OBJECTS).
_DL_OTHER_GROUP = v.regex(r"\b(?:" + "|".join(v.DEADLINE_OTHER_GROUPS) + r")\b", re.I)
_DL_NAMED_GROUP = v.regex(
    r"(?P<name>(?:\b(?-i:[A-Z])[\w'-]*\s){1,3})(?:transfer\s+)?(?-i:applicants|students|candidates)\b"
    r"|\b" + v.DEADLINE_GROUP_NOUNS + r"\s+(?:to|for|in)\s+(?:the\s+)?(?P<named>(?:(?-i:[A-Z])[\w'-]*\s){1,4})"
    r"(?:programs?|degrees?|majors?)\b",
    re.I,
)
_DL_NATIONALITY = frozenset(v.DEADLINE_GROUP_NOT_A_NAME)
_DL_FUNDING_OBJECT = v.regex(
    r"\b(?:deadlines?|applications?|due\s+dates?|requests?|" + "|".join(v.DEADLINE_FUNDING_VERBS) + r")\s+for\s+(?:(?!" + v.DEADLINE_FUNDING_NOT_OBJECT + r")[\w-]+\s){0,4}?(?:"
    + "|".join(v.DEADLINE_FUNDING_OBJECTS) + r")\b(?!\s+(?:consideration|opportunities))",
    re.I,
)


@lru_cache(maxsize=64)  # a text's first sentence is asked again for every date in it
def deadline_of_other(sentence: str) -> bool:
    """Whether a date's sentence says its deadline of another applicant group or of a program named
    by a discipline's capitalized name (section above); a name with this program's own words
    (vocabulary.PROGRAM_OWN: "School Library Media applicants") is a group of ours."""
    if _DL_OTHER_GROUP.search(sentence):
        return True
    for m in _DL_NAMED_GROUP.finditer(sentence):
        name = m.group("name") or m.group("named") or ""
        if PROGRAM_OWN.search(name):
            continue  # "(School Library Media applicants only)": a group of this program's applicants
        words = name.split()
        if any(not _label_word(w) and w.lower().rstrip(".") not in _DL_NATIONALITY and not _DL_NAMED.fullmatch(w) for w in words):
            return True
    return False


def deadline_for_funding(sentence: str) -> bool:
    """Whether a date's sentence names a funding award as what its deadline or application is for."""
    return _DL_FUNDING_OBJECT.search(sentence) is not None


# (issue 19, sixth pass) Vetoes of the same section. An action of another kind as the subject of a
# deadline's binding word: "Decision letters for the spring admission cycle should be posted ... no
# later than December 15th", "There is a mandatory program orientation for all standard program
# students on August 18" (a word of another action, vocabulary.DEADLINE_OTHER_ACTIONS, earlier in
# the binding word's clause with no word of applying, DEADLINE_APPLYING_WORDS, after it: "Fall
# (Begins in Aug.) Apply by" stays bound). And a text whose first sentence names the application for
# aid itself (DEADLINE_AID_APPLICATION): an aid office's calendar ("While FAFSAs are processed on a
# rolling basis ... fall - apply by May 1").
_DL_APPLYING = v.regex(r"\b(?:" + "|".join(v.DEADLINE_APPLYING_WORDS) + r")\b", re.I)
_DL_CLAUSE_EDGE = v.regex(r".*(?:[.;:,|\u2022?!]|\s-\s)", re.S)
_DL_TERM = v.regex(r"(?:" + "|".join(v.TERM_WORDS) + r")", re.I)
_DL_AID_APPLICATION = v.regex(r"\b(?:" + "|".join(v.DEADLINE_AID_APPLICATION) + r")\b", re.I)


def action_subject(before: str, binder: int, binder_end: int) -> bool:
    """Whether a word of another action stands in the clause of `before` (a date's words before it,
    bounded by the caller) ahead of the binding word at before[binder:binder_end], with no word of
    applying after it (the binding word's own included: "Those seeking to start ... must submit
    applications by")."""
    edge = _DL_CLAUSE_EDGE.match(before, 0, binder)
    a = edge.end() if edge else 0
    last = None
    for last in _DL_OTHER_ACTION.finditer(before, a, binder):
        pass
    return last is not None and _DL_APPLYING.search(before, last.end(), binder_end) is None


_DL_PARENTHESIS = v.regex(r"\([^()]*\)")


def other_credential_only(text: str, lo: int, start: int) -> bool:
    """Whether text[lo:start] (a date's sentence before it) names a certificate, an associate degree or
    a diploma outside a parenthesis (an aside about the date before: "(Graduate Certificate in School
    Librarianship only)") and no word of this program: "Application Process for the Graduate
    Certificate (GC) in Public Health ... Deadline to apply: March 1" (not "For the Online Masters
    (EdM) and Graduate Certificate (CERT) Programs, ... Fall A Admittance: July 15th", nor "The school
    library media post-baccalaureate certificate accepts ...": a certificate in this program's field)."""
    window = _DL_PARENTHESIS.sub(lambda m: " " * len(m.group(0)), text[lo:start])
    return other_credential_owns(window, 0, len(window)) and _OWN_WORD.search(window) is None and PROGRAM_OWN.search(window) is None


@lru_cache(maxsize=64)  # a text's first sentence is asked again for every date in it
def deadline_for_aid(sentence: str) -> bool:
    """Whether a text's first sentence names the application for aid itself (section above)."""
    return _DL_AID_APPLICATION.search(sentence) is not None


# (issue 19, seventh pass, r7-dead) Vetoes of the same section, each a class of another business
# seen at two or more universities (tests/normalize/corpus/README.md, "Seventh pass of the deadline
# reader"): a closure of something other than the application (closure_of_other), a test's own date
# (exam_date), another program's table row named "<discipline>, <degree>" (other_program_row_named)
# and a table row labelled by other business (other_business_row). Words: vocabulary's
# "application_deadlines: seventh pass". SEVENTH_PASS switches them off to count what they decide.
SEVENTH_PASS = True
_DL_CLOSE = v.regex(v.DEADLINE_CLOSE_PREDICATE, re.I)
_DL_CLOSE_SUBJECT = v.regex(r"\b(?:" + "|".join(v.DEADLINE_CLOSE_SUBJECTS) + r")\b", re.I)
_DL_CLOSE_AUX = frozenset(v.DEADLINE_CLOSE_AUX)
_DL_CLOSE_PLACE = v.regex(r"\b(?:" + "|".join(v.DEADLINE_CLOSE_PLACES) + r")\b", re.I)
_DL_EXAM = v.regex(r"\b(?:" + "|".join(v.DEADLINE_EXAM_WORDS) + r")\b")
_DL_EXAM_I = v.regex(r"\b(?:" + "|".join(w for w in v.DEADLINE_EXAM_WORDS if not w.isupper()) + r")\b", re.I)
_DL_APPLICATION_ITSELF = v.regex(r"\b(?:" + "|".join(v.DEADLINE_APPLICATION_ITSELF) + r")\b", re.I)
_DL_ROW_NAMED = v.regex(v.DEADLINE_ROW_NAMED_DEGREE)
_DL_ROW_OTHER = v.regex(r"\b(?:" + "|".join(v.DEADLINE_COLUMN_OTHER) + r")\b", re.I)


def _binder_clause(before: str, binder: int) -> str:
    """The words of the binding word's clause before it (from the last clause edge)."""
    edge = _DL_CLAUSE_EDGE.match(before, 0, binder)
    return before[edge.end() if edge else 0 : binder]


def closure_of_other(before: str, binder: int, binder_end: int) -> bool:
    """Whether the binding word at before[binder:binder_end] is "closed" said of something other than
    the application: its clause names a subject ("SIPA will be closed Thursday, November 28", "Our
    office will be closed") and no word of applying, admission or the form (vocabulary,
    DEADLINE_CLOSE_SUBJECTS), or a place or body (DEADLINE_CLOSE_PLACES: "Our admissions office will be
    closed"). "Fall 2026: closes March 1" (no subject of its own) stays bound."""
    if not SEVENTH_PASS or not _DL_CLOSE.match(before[binder:binder_end].strip()):
        return False
    subject = _binder_clause(before, binder)
    words = [w for w in _DL_TOKEN.findall(subject) if w.lower() not in _DL_CLOSE_AUX]
    return bool(words) and (_DL_CLOSE_SUBJECT.search(subject) is None or _DL_CLOSE_PLACE.search(subject) is not None)


def exam_date(before: str, binder: int) -> bool:
    """Whether a test is what the binding word at before[binder:] sets a date for: an exam or its
    scores named in its clause before it, with no word of the application itself ("Applicants must
    arrange to take the GRE exam no later than November 1"; not "submit your application and GRE
    scores by")."""
    if not SEVENTH_PASS:
        return False
    clause = _binder_clause(before, binder)
    named = _DL_EXAM.search(clause) or _DL_EXAM_I.search(clause)
    return named is not None and _DL_APPLICATION_ITSELF.search(clause) is None


def other_program_row_named(text: str, pos: int) -> bool:
    """Whether the row label nearest before `pos` in a flattened table is another program's named
    "<discipline>, <degree>" ("| Anthropology, M.S. | Fall | 01/15 |"), with no sentence end and no
    name of this program between (vocabulary.DEADLINE_ROW_NAMED_DEGREE; other_program_row reads the
    parenthesis form "Creative Writing (MFA)")."""
    if not SEVENTH_PASS:
        return False
    if _bare_degree_row(text, pos):
        return True
    if "|" not in text[max(0, pos - 300) : pos]:
        return False
    last = None
    for last in _DL_ROW_NAMED.finditer(text, max(0, pos - 300), pos):
        pass
    if last is None or _OWN_NAME.search(last.group("label")) or PROGRAM_OWN.search(last.group("label")):
        return False
    between = text[last.end() : pos]
    return not (_OWN_NAME.search(between) or _ROW_EDGE.search(between) or _DL_ROW_NAMED.search(between))


_DL_ROW_BARE = v.regex(v.DEADLINE_ROW_BARE_DEGREE)
_DL_ROW_BARE_BETWEEN = v.regex(v.DEADLINE_ROW_BARE_BETWEEN, re.I)


def _bare_degree_row(text: str, pos: int) -> bool:
    """A row without pipes: "<Discipline> <degree letters> [terms] <date>" ("Civil & Environmental
    Engineering M.Eng. Fall/Spring December 1st"), where the name is not this program's."""
    lo = max(0, pos - 120)
    window = text[lo:pos]
    for m in _DL_ROW_BARE.finditer(window):
        if len(m.group("degree").replace(".", "")) < 2 or not _DL_ROW_BARE_BETWEEN.fullmatch(window, m.end()):
            continue
        if _OWN_NAME.search(m.group(0)) or PROGRAM_OWN.search(m.group(0)):
            return False
        return True
    return False


def other_business_row(text: str, pos: int) -> bool:
    """Whether the date at `pos` is a cell of a flattened table's row whose label (the last cell before
    the row's run of dates) names other business (vocabulary.DEADLINE_COLUMN_OTHER: documents, a
    decision, classes) and not the application itself: "| DGP admission decision recommendation ...
    and requested documents due ... | July 15 | December 25 |". "| Application and fee due ... |
    June 25 |" is the application's row."""
    if not SEVENTH_PASS:
        return False
    lo = max(0, pos - 400)
    cells = text[lo:pos].split("|")
    if len(cells) < 3:
        return False
    # Back over the row's date cells (and the empty cell of the date itself) to its label.
    k = len(cells) - 1
    while k > 0 and (not cells[k].strip() or _CELL_DATE.fullmatch(cells[k].strip())):
        k -= 1
    label = cells[k]
    if k == 0 or not label.strip():
        return False
    return _DL_ROW_OTHER.search(label) is not None and _DL_APPLICATION_ITSELF.search(label) is None


_CELL_DATE = v.regex(
    r"(?:[A-Za-z]{3,9}\.?\s?\d{1,2}(?:st|nd|rd|th)?(?:,?\s?\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\s[A-Za-z]{3,9}|rolling)", re.I)


# ---- status shapes (issue 19, fourth pass: entrance_exam, ala_accredited, delivery) --------------
# The default inverted: a status the parser found is returned only where a clause the parser read
# has one of a few binding shapes for it; every other shape abstains, whatever words it uses. The
# two ends of a shape are at most vocabulary.STATUS_SHAPE_REACH words apart, with no sentence end
# and none of STATUS_SHAPE_BLOCKERS' words (another test, a department, "while", "others") between
# them. The words are vocabulary's ("status shapes" section); each function returns the name of the
# shape that binds (benchmarks/reading_rules.py counts them) or None.

_REACH = v.STATUS_SHAPE_REACH


def _gap(n: int = _REACH) -> str:
    """Up to n words, none ending a sentence or a list item."""
    return rf"(?:[^\s;?!\u2022|]*[^\s.;?!\u2022|]\s+){{0,{n}}}?"


_SHAPE_BLOCKER = v.regex(r"\b(?:" + "|".join(v.STATUS_SHAPE_BLOCKERS) + r")\b", re.I)
_EXAM_NAMED = "|".join(f"(?:{p})" for _, p in v.EXAMS)
# A generic name with the exams in a parenthesis or a "such as" after it names them: "standardized
# test scores (GRE, MAT)", "an entrance exam such as the GRE".
_ONE_EXAM_REF = (rf"(?:{_EXAM_NAMED}|\b(?:{'|'.join(v.EXAM_GENERIC)})\b(?:(?:\s+(?:scores?|results))?"
                 rf"(?:\s?\([^()]{{0,40}}\)|,?\s(?:such\sas|e\.g\.,?|like|including)\s(?:the\s)?(?:{_EXAM_NAMED})))?)")
# A list of exams is one reference: "the GRE, GMAT, LSAT, MCAT or Miller Analogies Test (MAT)".
_EXAM_TAIL = r"(?:\s+(?:general|subject|revised|test|tests|exam|examinations?|scores?|results)\b){0,3}(?:\s?\([^()]{0,40}\))?"
# The parts of an exam named before it belong to it: "286 on the verbal and quantitative sections of the GRE".
_EXAM_PARTS = r"(?:(?:the|verbal|quantitative|analytical|writing|and|sections?|portions?|parts?|of)\s+){0,8}"
_EXAM_REF = (rf"{_EXAM_PARTS}{_ONE_EXAM_REF}{_EXAM_TAIL}(?:\s?(?:,|/|\bor\b|\band\b|\bnor\b|&|\s)\s?(?:the\s+|either\s+)?"
             rf"{_ONE_EXAM_REF}{_EXAM_TAIL})*")
_EXAM_NAME_RES = [(name, v.regex(p, re.I)) for name, p in v.EXAMS]
_EXAM_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("exam_subject", v.regex(
        rf"(?P<ref>{_EXAM_REF})\W{{0,3}}(?P<gap>{_gap()})(?:{'|'.join((*v.EXAM_SHAPE_SAID_AFTER, *v.EXAM_EXPECTED))})\b", re.I)),
    ("agent_verb", v.regex(
        rf"\b(?P<verb>{'|'.join((*v.EXAM_SHAPE_VERBS_BEFORE, *v.EXAM_SHAPE_VERBS_BEFORE_6))})\W{{0,3}}(?P<gap>{_gap()})"
        rf"(?P<ref>{_EXAM_REF})", re.I)),
    ("list_item", v.regex(
        rf"{v.EXAM_SHAPE_ITEM_START}\W{{0,3}}(?P<gap>{v.EXAM_SHAPE_ITEM_MODIFIERS})(?P<ref>{_EXAM_REF})", re.I)),
)
_EXAM_SUBJECT_ELSEWHERE = v.regex("|".join(v.EXAM_SHAPE_SUBJECT_ELSEWHERE), re.I)
# Fifth pass (r5-status): a subject that is others (most schools, another level's students), shared
# with the delivery shapes; an exam's letters naming a degree or a group ("MAT candidates"); a rule
# held by a scheme open to programs in general ("a GRE/GMAT Waiver program for graduate program
# applicants").
_SUBJECT_OTHERS = v.regex("|".join(v.STATUS_SUBJECT_OTHERS), re.I)
_EXAM_AS_DEGREE = v.regex(v.EXAM_NAME_AS_DEGREE_AFTER, re.I)
_EXAM_SCHEME = v.regex(r"\b(?:" + "|".join(v.EXAM_SCHEME_ACROSS_PROGRAMS) + r")\b", re.I)
# A clause ends at a sentence's or a list item's end, never after an initial or "St." ("St. John's").
_CLAUSE_EDGE = v.regex(r"(?:(?<!\bSt)(?<!\b[A-Z])\.|[;?!\u2022|:])\s|^")


def _before(text: str, pos: int, edge: re.Pattern[str], reach: int) -> str:
    """The words before pos back to the last `edge`, at most `reach` characters."""
    start = max(0, pos - reach)
    for m in edge.finditer(text, start, pos):
        start = m.end()
    return text[start:pos]


def _subject_before(text: str, pos: int) -> str:
    """The words of pos's clause before it (its subject, where the clause has one)."""
    return _before(text, pos, _CLAUSE_EDGE, 160)


_SENTENCE_EDGE = v.regex(r"(?:(?<!\bSt)(?<!\b[A-Z])\.|[;?!])\s|^")


def _sentence_before(text: str, pos: int) -> str:
    """The words of pos's sentence before it (a list's lead-in: "... must submit one of the following:")."""
    return _before(text, pos, _SENTENCE_EDGE, 300)


def _exam_scheme_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] names a scheme open to programs in general (a
    waiver program, "any degree program", "participating programs"), unless it names this program."""
    a = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind("? ", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("; ", end), text.find("? ", end)) if i != -1]
    sentence = text[a : min(ends, default=len(text))]
    return _EXAM_SCHEME.search(sentence) is not None and _OWN_NAME.search(sentence) is None


def exam_rule_shape(text: str, exams: "list[str] | tuple[str, ...]") -> str | None:
    """The shape that binds an exam rule in `text` (the sentences the parser read), or None.
    exam_subject: the exam then what is said of it ("GRE scores are not required", "GRE: Not
    required"); agent_verb: a verb of asking, sending or waiving then the exam ("must submit GRE
    scores", "does not require the MAT or GRE"), unless its subject is someone else ("Some require
    GRE scores", "students applying to ... teacher ... programs must submit"); list_item: the exam
    as an item of a list of what applicants send ("2. GRE scores"). When the rule names exams, each
    must be bound by some shape (a list "GRE, GMAT or MAT" is one reference): a generic "an
    admissions exam is required" does not bind a GRE named elsewhere, and "For business,
    applicants must have ... 500 on the GMAT" does not bind the GMAT."""
    unbound = set(exams)
    found = None
    for name, pattern in _EXAM_SHAPES:
        for m in pattern.finditer(text):
            if _SHAPE_BLOCKER.search(m.group("gap")):
                continue
            ref = m.group("ref")
            named = {n for n, p in _EXAM_NAME_RES if n in exams and p.search(ref)}
            if exams and not named:
                continue
            if _EXAM_AS_DEGREE.match(text, m.end("ref")):
                continue  # "All MAT candidates are required to complete an interview": a degree's name
            if _exam_scheme_sentence(text, m.start(), m.end()):
                continue  # "a GRE/GMAT Waiver program for graduate program applicants who ..."
            if name != "list_item" and _SUBJECT_OTHERS.search(_subject_before(text, m.start())):
                continue  # "Undergraduate applicants must submit SAT or GRE scores"
            if name != "list_item" and _EXAM_SUBJECT_ELSEWHERE.search(_subject_before(text, m.start())):
                continue
            if name == "list_item" and _EXAM_SUBJECT_ELSEWHERE.search(_sentence_before(text, m.start())):
                continue  # "students applying to ... teacher ... programs must submit one of the following: GRE"
            found = found or name
            unbound -= named
            if not unbound:
                return found
    return None


def _alt(words: "tuple[str, ...]") -> str:
    return "|".join(words)


_MODE = _alt(v.DELIVERY_MODE_WORDS)
_MODE_CLASS = (
    ("online", v.regex(r"online|on-line|distance|virtual|remote|web-based", re.I)),
    ("hybrid", v.regex(r"hybrid|blended|low-residency", re.I)),
    ("campus", v.regex(r"campus|person|face|site|seated|residential", re.I)),
)
_INDEFINITE_BEFORE = v.regex(r"\b(?:an?|any|these|such|of)\s+(?:[\w-]+\s){0,1}$", re.I)
# Sixth pass (r6-status): an indefinite program reached through a preposition ("while remaining in
# an online program") is a kind.
_KIND_THROUGH_PREPOSITION = v.regex(
    r"\b(?:" + _alt(v.DELIVERY_KIND_PREPOSITIONS) + r")\s+(?:an?|any)\s+(?:(?:fully|entirely|completely|100%)\s+)?$", re.I)
_OWN_DETERMINER = v.regex(r"\b(?:our|its|the|all|this|your|their|[\w.]+'s)\s+(?:[\w.'&-]+\s){0,3}$", re.I)
_DELIVERY_BLOCKER = v.regex(r"\b(?:" + _alt(v.DELIVERY_SHAPE_BLOCKERS) + r")\b", re.I)
# A mode word qualifying something other than the studies ("remote access", "online interactions").
_MODE_OF_OTHER = v.regex(r"(?:-only)?\s+(?:" + _alt(v.DELIVERY_MODE_OF_OTHER) + r")\b", re.I)
_ONE_MODE = rf"(?<![\w-])(?:{_MODE})(?:-only)?(?![\w-])"
_MODES = rf"(?:{v.DELIVERY_SHAPE_DEGREE}\s+)?(?P<mode>{_ONE_MODE}(?:{v.DELIVERY_SHAPE_LIST_JOINS}{_ONE_MODE})*)"
_ONE_MODE_RE = v.regex(_ONE_MODE, re.I)
_DELIVERY_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "our online program", "a fully online MLIS", "the online cohort", "online students"
    ("mode_noun", v.regex(
        rf"(?P<mode>{_ONE_MODE})(?:[\s/-]+(?:only|asynchronous|synchronous))?\s+"
        rf"(?P<gap>(?:(?!(?:for|of|to|in|at|with|from|on|by)\b)[\w&.'-]+\s+){{0,3}}?)"
        rf"(?P<noun>{_alt(v.DELIVERY_SHAPE_PROGRAM_NOUNS)})(?![\w-])", re.I)),
    # "offered both on campus and online", "available entirely online", "GSLIS offers some of its courses online"
    ("verb_mode", v.regex(
        rf"\b(?:{_alt(v.DELIVERY_SHAPE_PREDICATES)})(?![\w-])\W{{0,4}}(?P<gap>{_gap()})\W{{0,2}}{_MODES}", re.I)),
    # "The program is entirely online", "the MLIS can be finished through online-only classes"
    ("subject_link", v.regex(
        rf"\b(?:{_alt(v.DELIVERY_SHAPE_SUBJECTS)})(?![\w-])\s+(?:[^\s.;?!]+\s+){{0,6}}?(?:{_alt(v.DELIVERY_SHAPE_LINKS)})(?![\w-])"
        rf"\W{{0,4}}(?P<gap>{_gap()})\W{{0,2}}{_MODES}", re.I)),
    # "move your ECE MA program online", "(2) programs online, in a seated environment"
    ("subject_link", v.regex(rf"\b(?:{_alt(v.DELIVERY_SHAPE_SUBJECTS)})\s+(?P<gap>){_MODES}", re.I)),
    # "Through distance education, a student can finish the 36 semester hours": a route to the degree
    ("mode_route", v.regex(
        rf"{_MODES}(?:\s+(?:learning|education|study))?\W{{0,3}}(?P<gap>{_gap()})\b(?:can|may|will)\s+(?:complete|finish|earn)\b", re.I)),
    # "Course delivery | Online", "Degree Format: Online", "Program Format Hybrid, Online"
    ("label", v.regex(
        rf"\b(?:{_alt(v.DELIVERY_SHAPE_LABELS)})(?![\w-])\s?[:|]?\W{{0,3}}(?P<gap>{_gap()})\W{{0,2}}{_MODES}", re.I)),
)
# "The courses are taught synchronously", "Classes are held live": the program's courses and their
# timing bind the delivery read beside them.
_TIMING_SHAPE = v.regex(
    rf"(?:{_alt(v.DELIVERY_TIMING_SUBJECTS)})\s+(?:are\s+|is\s+)?(?:{_alt(v.DELIVERY_TIMING_PREDICATES)})\s*(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_alt(v.DELIVERY_TIMING_WORDS)})(?![\w-])", re.I)
_TIMING_WORD = v.regex(rf"(?<![\w-])(?:{_alt(v.DELIVERY_TIMING_ADJECTIVES)}|{_alt(v.DELIVERY_TIMING_WORDS)})(?![\w-])", re.I)
# "Asynchronous coursework", "an asynchronous mode of delivery", "Live online classes are held Tuesday
# evenings" (with a schedule in its sentence: an instance, not a kind).
_TIMING_NOUN = v.regex(
    rf"(?<![\w-])(?:{_alt(v.DELIVERY_TIMING_ADJECTIVES)})\s+(?:online\s+)?(?:{_alt(v.DELIVERY_TIMING_NOUNS)})(?![\w-])", re.I)
_MODE_CLASSES_SCHEDULED = v.regex(
    rf"(?<![\w-])(?:{_alt(v.DELIVERY_TIMING_ADJECTIVES)}|{_MODE})\s+(?:(?:online|synchronous|asynchronous)\s+)?(?:courses|classes)\b"
    rf"[^.;]{{0,80}}?\b(?:{_alt(v.DELIVERY_SCHEDULE_WORDS)})", re.I)
_REMOTE_ROUTE = v.regex(rf"\b(?:{_alt(v.DELIVERY_REMOTE_ROUTE)})\b", re.I)
# The verb of a definition after an indefinite head ("An online class is taught", "An online master's
# degree in library science is an important step"), not through a relative clause ("an online
# program that is designed for you").
_DEFINITION_AFTER = v.regex(
    r"(?:\s+(?!that\b|which\b|who\b)[\w'-]+){0,5}?\s+(?:is|are|means|includes?|has|requires?|provides?)\b", re.I)
_KINDS_AFTER = v.regex(v.DELIVERY_KINDS_AFTER, re.I)
_CHOICE_IN_GAP = v.regex(r"\b(?:" + _alt(v.DELIVERY_CHOICE_VERBS) + r")\b", re.I)
_CHOICE_BEFORE = v.regex(r"\b(?:" + _alt(v.DELIVERY_CHOICE_VERBS) + r")\s+(?:[\w-]+\s+){0,2}$", re.I)
# "The degree is offered: • Completely Online • In a residential format", "two ways of course
# delivery: - On campus/hybrid ... - Fully online": the items of a list of modes after a colon.
_MODE_LIST_HEAD = v.regex(
    rf"\b(?:{_alt(v.DELIVERY_SHAPE_LABELS)}|{_alt(v.DELIVERY_SHAPE_PREDICATES)})\s?:", re.I)
_MODE_LIST_ITEM = v.regex(
    rf"(?:\u2022|(?<=\s)-\s|^)\s?(?:(?:fully|completely|entirely|100%)\s+)?(?:in\s+an?\s+(?:[\w-]+\s)?)?(?P<gap>){_MODES}", re.I)
_SHORT_LABEL_WORDS = 8
# A glossary entry labelled by a mode or a timing alone ("Hybrid: A mix of asynchronous and
# synchronous interactions.", "Online (WW): A course section where ...", "Asynchronous: Course
# activity is ..."): a definition of the kind, opened by an indefinite or a general subject, five
# words or more after the label ("Hybrid: evening classes on campus plus online coursework" is ours).
_GLOSSARY_LABEL = v.regex(
    rf"\W{{0,3}}(?:{_MODE}|{_alt(v.DELIVERY_TIMING_ADJECTIVES)})(?:\s?/\s?(?:{_MODE}|{_alt(v.DELIVERY_TIMING_ADJECTIVES)}))*"
    rf"(?:\s+\([^()]{{1,12}}\))?\s?:\s+(?:{_alt(v.DELIVERY_GLOSSARY_OPENERS)})\b\S*(?:\s+\S+){{4,}}", re.I)
_OTHER_DISCIPLINE = v.regex(r"\b(?:" + "|".join(v.OTHER_DISCIPLINES) + r")\b", re.I)


def _mode_class(word: str) -> str:
    for name, pattern in _MODE_CLASS:
        if pattern.search(word):
            return name
    return "online"


def delivery_shape(text: str, mode: str, whole: str | None = None) -> str | None:
    """The shape that binds a delivery `mode` in `text`, or None. mode_noun: a mode word qualifying
    the program ("our online program", "the online cohort", "online students"; not "an online
    class" nor bare "online programs", kinds); subject_predicate: the program, its courses or a
    student, then offered / delivered / completed / taken, then the mode ("The MLIS can be
    completed fully online"); fronted ("Offered fully online, the program"); label ("Course
    delivery | Online"); short: a label's value of a few words ("Online or On Campus"). A text
    that opens with a kind's glossary heading ("Online Program:", "Blended Course (...)*") and
    never names this program binds nothing. An online mode needs an online word bound, a campus
    mode a campus word; a hybrid mode any (the parser joins them). `text` is what the parser read
    the mode from; `whole`, the text before any sentence was blanked (its heading)."""
    whole = text if whole is None else whole
    if (_KIND_HEADING.search(whole) or _GLOSSARY_LABEL.match(whole) or kind_heading_spelled(whole)) \
            and not _OWN_NAME.search(whole):
        return None
    wanted = {"online": ("online",), "campus": ("campus",)}.get(mode, ("online", "hybrid", "campus"))

    def binds(m: re.Match[str]) -> bool:
        classes = {_mode_class(w.group(0)) for w in _ONE_MODE_RE.finditer(m.group("mode"))}
        return bool(classes & set(wanted)) and not (
            _SHAPE_BLOCKER.search(m.group("gap")) or _DELIVERY_BLOCKER.search(m.group("gap") + m.group("mode"))
            or _CHOICE_IN_GAP.search(m.group("gap"))
            or _MODE_OF_OTHER.match(m.string, m.end("mode"))
            or _KINDS_AFTER.match(m.string, m.end("mode")) and not _OWN_DETERMINER.search(m.string, max(0, m.start() - 40), m.start()))

    if len(text.split()) <= _SHORT_LABEL_WORDS and (any(
            _mode_class(w.group(0)) in wanted for w in _ONE_MODE_RE.finditer(text)) or _TIMING_WORD.search(text)):
        return "short_label"
    if "online" in wanted and _REMOTE_ROUTE.search(text):
        return "remote_route"
    for name, pattern in _DELIVERY_SHAPES:
        for m in pattern.finditer(text):
            if not binds(m) or _OTHER_DISCIPLINE.search(_subject_before(text, m.start()) + m.group(0)):
                continue  # "All graduate nursing courses will be held online"
            if _SUBJECT_OTHERS.search(_subject_before(text, m.start()) + m.group(0)) \
                    or delivery_subject_quantified(_sentence_before(text, m.start()) + m.group(0)):
                continue  # "the majority of schools offer an online ... version", "Bachelor's degree students may complete"
            if name == "mode_noun":
                before = text[max(0, m.start() - 40) : m.start()]
                noun = m.group("noun").lower()
                if _INDEFINITE_BEFORE.search(before) and (
                        _DEFINITION_AFTER.match(text, m.end()) or _CHOICE_BEFORE.search(before)):
                    continue  # "an online class is ...", "consider a hybrid program", "looking for an online MLS program"
                if _KIND_THROUGH_PREPOSITION.search(before) and not _OWN_NAME.search(m.group(0)):
                    continue  # "while remaining in an online program": any program of that mode
                if noun == "programs" and not _OWN_DETERMINER.search(before):
                    continue  # "offer online programs to students in certain states"
            return name
    if _TIMING_SHAPE.search(text) or _TIMING_NOUN.search(text) or _MODE_CLASSES_SCHEDULED.search(text):
        return "timing"
    for head in _MODE_LIST_HEAD.finditer(text):
        end = text.find(". ", head.end())
        region = text[head.end() : end if end != -1 else len(text)]
        if any(binds(m) for m in _MODE_LIST_ITEM.finditer(region)):
            return "mode_list"
    return None


_ACCREDITATION_OWN = v.regex(r"\b(?:" + "|".join(v.ACCREDITATION_SHAPE_OWN_SUBJECTS) + r")", re.I)
# Sixth pass (r6-status): the status said of its recipient, a library or information master's named
# after "was granted to" / "was withdrawn from".
_ACC_RECIPIENT_LINK = v.regex(v.ACCREDITATION_RECIPIENT_LINK, re.I)
_ACC_RECIPIENT_DEGREE = v.regex(v.ACCREDITATION_RECIPIENT_DEGREE, re.I)
_ACC_RECIPIENT_STOP = v.regex(r"[.;?!]\s|\bbut\b|\bwhile\b", re.I)


_ACC_HEAD = v.regex(
    rf"(?:\b(?P<det>{_alt(v.ACCREDITATION_KIND_DETERMINERS)}|{_alt(v.ACCREDITATION_OWN_DETERMINERS)})\s+(?:[\w.'&-]+\s+){{0,5}}?)?"
    rf"\b(?P<noun>{_alt(v.ACCREDITATION_HEAD_NOUNS)})\b", re.I)
_ACC_OWN_RIGHT_BEFORE = v.regex(rf"\b(?:{_alt(v.ACCREDITATION_OWN_DETERMINERS)})\s+(?:only\s+|fully\s+)?$", re.I)
_ACC_KIND_DET = v.regex(rf"(?:{_alt(v.ACCREDITATION_KIND_DETERMINERS)})$", re.I)
_ACC_NOUN_FORM = v.regex(r"^(?:ALA|american\s+library\s+association)(?:'s)?\s+(?:\w+\s){0,3}?accreditation\b", re.I)
_ACC_LABEL_AFTER = v.regex(r"\s?(?:status\s?)?:", re.I)  # a row: "ALA accreditation status: Conditional"
_ACC_HELD = v.regex(rf"\b(?:{_alt(v.ACCREDITATION_HOLD_VERBS)})\s+(?:\w+\s+){{0,2}}$", re.I)


def _accredited_kind_head(text: str, a: int, start: int) -> bool:
    """Whether the head nearest before an accreditation (in its sentence) is a kind: an indefinite
    head ("a school accredited by the ALA", "If an MLS program ... is ALA-accredited") or a bare
    plural ("Schools accredited by the ALA", "56 ... degree programs in the country accredited")."""
    if _ACC_OWN_RIGHT_BEFORE.search(text, max(a, start - 40), start):
        return False  # "our ALA-accredited MSLIS", "the only ALA-accredited program"
    last = None
    for last in _ACC_HEAD.finditer(text, max(a, start - 120), start):
        pass
    if last is None:
        return False
    det, noun = (last.group("det") or "").lower(), last.group("noun").lower()
    if det == "one" and re.match(r"\s+of\b", text[last.end("det"):]):
        return False  # "one of approximately 63 programs ... accredited by the ALA": this one
    if det and _ACC_KIND_DET.match(det):
        return True
    plural = noun.endswith("s") and not noun.endswith("'s") and noun not in ("masters",) or noun == "universities"
    return plural and not det


def accreditation_shape(text: str, start: int, end: int, names_ala: bool) -> str | None:
    """The shape that binds an accreditation status found at text[start:end], or None: ala_sentence
    when the ALA (or its COA) is named in the same sentence ("The MLIS is accredited by the ALA",
    "granted Candidacy status by the COA of the ALA"); own_subject when the status word is said
    without the ALA (`names_ala` false) and the sentence's subject names this program ("SIS's MLIS
    program has received continued accreditation"). "The MSW program is seeking accreditation"
    beside a sentence naming the ALA binds nothing."""
    a = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind("? ", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("; ", end), text.find("? ", end)) if i != -1]
    b = min(ends, default=len(text))
    if _accredited_kind_head(text, a, start):
        return None
    if accredited_other_modifier(text, a, start):
        return None  # seventh pass: "from another ALA-accredited master's degree program"
    if accreditation_defined(text, end):
        return None  # seventh pass: "Candidacy status indicates that the program is ready to begin"
    noun_form = _ACC_NOUN_FORM.match(text, start)
    if noun_form and not (_ACC_HELD.search(text, a, start) or _ACC_LABEL_AFTER.match(text, noun_form.end())):
        return None  # "ALA accreditation only lasts a year": accreditation in general
    if _ALA_NAMED.search(text, a, b):
        return "ala_sentence"
    if not names_ala and _ACCREDITATION_OWN.search(text, a, start):
        return "own_subject"
    if _recipient_named(text, end):
        return "recipient"
    return None


def _recipient_named(text: str, end: int) -> bool:
    """Whether a status ending at `end` is said of a library or information master's named as its
    recipient ("... status was granted to the Master of Library Science at ...", "Accreditation was
    withdrawn from the following program: • Master of Arts in Library Science"), within
    vocabulary.ACCREDITATION_RECIPIENT_REACH characters and before the sentence ends."""
    link = _ACC_RECIPIENT_LINK.match(text, end)
    if link is None:
        return False
    stop = _ACC_RECIPIENT_STOP.search(text, link.end(), link.end() + v.ACCREDITATION_RECIPIENT_REACH)
    limit = stop.start() if stop else min(len(text), link.end() + v.ACCREDITATION_RECIPIENT_REACH)
    return _ACC_RECIPIENT_DEGREE.search(text, link.end(), limit) is not None


# ---- status shapes, seventh pass (issue 19, r7-status) ------------------------------------------
# Two vetoes (vocabulary, "status shapes, seventh pass"). SEVENTH_PASS switches them off together so
# that tests and benchmarks can count what they decide.
SEVENTH_PASS = True
_ACC_OTHER_MODIFIER = v.regex(
    rf"(?:\b(?:{_alt(v.ACCREDITATION_OTHER_MODIFIERS)})\s+(?:(?:the\s+)?(?:ALA|american\s+library\s+association)(?:\s?\(ALA\))?[-\s]?)?"
    rf"|\b{v.ACCREDITATION_NEGATING_PREFIX}(?:ALA|american\s+library\s+association)?[-\s]?)$",
    re.I)
_EXAM_OPEN_STATUS = v.regex(
    rf"(?<!\bnot\s)(?<!\bno\s)(?<!\blonger\s)\b{v.EXAM_STATUS_REQUIRE}{v.EXAM_STATUS_JOIN}{v.EXAM_STATUS_LESSER}\b"
    rf"|(?<!\bnot\s)(?<!\bno\s)\b{v.EXAM_STATUS_LESSER}{v.EXAM_STATUS_JOIN}{v.EXAM_STATUS_REQUIRE}\b", re.I)


def accredited_other_modifier(text: str, a: int, start: int) -> bool:
    """Whether the status at text[start:] qualifies another program: "another", "other" or "any"
    right before it ("from another ALA-accredited master's degree program"), within its sentence
    (from `a`) and at most 60 characters back."""
    return SEVENTH_PASS and _ACC_OTHER_MODIFIER.search(text, max(a, start - 60), start) is not None


def exam_status_left_open(body: str) -> bool:
    """Whether the exam sentences coordinate a requirement with a lesser status ("is required,
    optional/not required or not accepted", "may be required or recommended"): the status is left
    open, so no rule is read."""
    return SEVENTH_PASS and _EXAM_OPEN_STATUS.search(body) is not None


_EXAM_READER_PROGRAM = v.regex(r"\b(?:" + "|".join(v.EXAM_RULE_HOLDERS_ELSEWHERE_7) + r")", re.I)


def exam_rule_reader_program(sentence: str) -> bool:
    """Whether an exam rule's holder is the reader's own pick of program ("contact your program of
    interest directly to submit for a GRE score waiver"): seventh pass, part of exam_rule_held_elsewhere."""
    return SEVENTH_PASS and _EXAM_READER_PROGRAM.search(sentence) is not None


_EXAM_PROGRAMS_IN_GENERAL = v.regex(v.EXAM_PROGRAMS_IN_GENERAL_SUBJECT, re.I)


def exam_rule_programs_in_general(sentence: str) -> bool:
    """Whether programs in general are the bare subject of a modal rule at a clause's start
    ("Academic programs may also request substitute test scores"): seventh pass, part of
    exam_rule_held_elsewhere."""
    return SEVENTH_PASS and _EXAM_PROGRAMS_IN_GENERAL.search(sentence) is not None


# A kind's glossary heading in any spelling of a mode (seventh pass): "Internet/Distance Program:
# Programs where at least 80% of all courses ...", "On Campus Program: Traditional classroom
# environment where ...": a mode word anywhere in a heading of at most three words before the kind
# noun, its slash-joined partner included (the same class as _KIND_HEADING, spelled generally).
_KIND_HEADING_SPELLED = v.regex(
    rf"^\W{{0,3}}(?:[\w-]+\s+){{0,2}}?(?:[\w-]+\s?/\s?)?(?:{_MODE})(?:\s?/\s?[\w-]+)?\s+(?:{_KIND_NOUN})\s?(?:\([^()]*\)\s?\*?|\*|:)",
    re.I)


def kind_heading_spelled(whole: str) -> bool:
    """Whether a text opens with a kind's glossary heading whose mode is spelled other than as one
    leading adjective ("Internet/Distance Program:", "On Campus Program:")."""
    return SEVENTH_PASS and _KIND_HEADING_SPELLED.search(whole) is not None


_EXAM_EMBEDDED_QUESTION = v.regex(v.EXAM_EMBEDDED_QUESTION, re.I)
_ACC_DEFINITION_AFTER = v.regex(v.ACCREDITATION_DEFINITION_AFTER, re.I)


def exam_embedded_questions_blanked(body: str) -> str:
    """The exam sentences with each embedded question blanked ("to see if an entrance examination
    (GRE, MAT, GMAT, etc.) is required"): a question about the rule states none (seventh pass)."""
    if not SEVENTH_PASS:
        return body
    return _EXAM_EMBEDDED_QUESTION.sub(lambda m: " " * len(m.group(0)), body)


def accreditation_defined(text: str, end: int) -> bool:
    """Whether the status ending at `end` is being defined for a generic program ("Candidacy status
    indicates that the program is ready to begin ...") rather than said of one (seventh pass)."""
    return SEVENTH_PASS and _ACC_DEFINITION_AFTER.match(text, end) is not None


_SUBJECT_QUANTIFIED = v.regex("|".join(v.STATUS_SUBJECT_QUANTIFIED), re.I)


def delivery_subject_quantified(before: str) -> bool:
    """Whether programs or schools counted or quantified stand before a delivery in its sentence
    ("Most online library programs ... require an orientation", "42 of them offer a 100% online
    program"): programs in general, not this one (seventh pass)."""
    return SEVENTH_PASS and _SUBJECT_QUANTIFIED.search(before) is not None
