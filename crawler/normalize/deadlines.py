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
  impossible date (Feb 30) or an ambiguous numeric one (03/04/2026) is skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .models import Deadline
from .text import MONTHS, TERM_RE, TERM_WORDS, prepare

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MDY = re.compile(
    rf"\b{_MONTH}\.?\s?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s?(?:-|to)\s?\d|:\d|\s?(?:a\.?m|p\.?m))"
    rf"(?:\s?,?\s?{_YEAR}\b)?",
    re.I,
)
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b\.?(?:\s?,?\s?{_YEAR}\b)?", re.I)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_NUMERIC = re.compile(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])")
_ROLLING = re.compile(r"\brolling\b", re.I)

# Time-dependent status flags shown next to deadlines: never a fact.
_STATUS = re.compile(
    r"\bcurrently\s+(?:not\s+)?(?:open|closed|accepting(?:\s+applications)?)\b"
    r"|\(\s?(?:open|closed)\s?\)"
    r"|(?<=\d)\s(?:open|closed)\b(?!\s+(?:on|until|by|to|for|at))",
    re.I,
)
# "The program does not admit in the spring.", "No spring or summer admission."
_TERMS = r"(?:fall|autumn|spring|summer|winter)"
_NOT_ADMITTED = re.compile(
    r"\b(?:does\s+not|doesn't|do\s+not|don't|will\s+not|won't|not|cannot)\s+(?:\w+\s){0,3}?"
    r"(?:admit|accept|offer|enroll|start)\w*\b",
    re.I,
)
_NO_TERM_ADMISSION = re.compile(
    rf"\bno\s+(?:{_TERMS}\s?(?:,|or|and|/)?\s?)+(?:admissions?|intake|entry|starts?|cohorts?)\b", re.I
)
_CLAUSE_EDGE = re.compile(r"[.;\d]")


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


_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("main campus", r"\bmain\s+campus\b"),
    ("online campus", r"\bonline\s+campus\b"),
    ("global campus", r"\bglobal\s+campus\b"),
    ("domestic", r"\b(?:domestic|u\.s\.|us\s+citizens?|permanent\s+residents?)\b"),
    ("international", r"\binternational\b"),
    ("on campus", r"\bon-?\s?campus\b|\bface-to-face\b|\bin-person\b"),
    ("online", r"\bonline\b|\bdistance\b"),
)
_QUAL_RE = [(label, re.compile(p, re.I)) for label, p in _QUALIFIERS]
_QUAL_ANY = re.compile("|".join(p for _, p in _QUALIFIERS), re.I)
_KINDS: tuple[tuple[str, str], ...] = (
    ("preferred", r"\bpreferred\b|\bpreference\b|\brecommended\b"),
    ("priority", r"\bpriority\b|\bearly\b"),
    ("final", r"\bfinal\b|\buntil\b|\bno\s+later\s+than\b|\blast\s+day\b|\bclose[sd]?\b|\bhard\b"
              r"|\bregular\b|\bstandard\b"),
)
_KIND_RE = [(k, re.compile(p, re.I)) for k, p in _KINDS]
# Dates that are not deadlines: when applications open, classes start, decisions go out.
_NOT_A_DEADLINE = re.compile(
    r"\b(?:opens?|opening|opened|begins?|beginning|starts?|start\s+date|commence\w*|available|released?"
    r"|decisions?(?:\s+\w+)?|notifi\w*|orientation)\b\s?(?:on|by|in|:)?\s?$",
    re.I,
)
_FOR_POSTFIX = re.compile(r"^\s?[(,-]?\s?(?:for|-)\s+(?:the\s+)?[^.;,()]{0,60}", re.I)
_SPLIT_PUNCT = re.compile(r"[.;]\s|[.;]$|\)\s|,\s")


@dataclass
class _Event:
    start: int
    end: int
    date: str | None  # None for "rolling"
    rolling: bool = False


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

    for pattern in (_ISO, _MDY, _DMY, _NUMERIC):
        for m in pattern.finditer(text):
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
            if pattern is _NUMERIC and day <= 12 and day != month:
                continue  # 03/04/2026: March 4 or 3 April? Not ours to guess.
            date = _iso(month, day, year)
            if date:
                events.append(_Event(m.start(), m.end(), date))
    for m in _ROLLING.finditer(text):
        if free(m.start(), m.end()):
            events.append(_Event(m.start(), m.end(), None, rolling=True))
    return sorted(events, key=lambda e: e.start)


def _split_gap(gap: str) -> int:
    """Where the words between two events stop describing the first and start the second."""
    consumed = 0
    m = _FOR_POSTFIX.match(gap)
    if m:
        consumed = m.end()
    heads = [h.start() for h in (TERM_RE.search(gap, consumed), _QUAL_ANY.search(gap, consumed)) if h]
    if heads:
        return min(heads)
    cut = consumed
    for p in _SPLIT_PUNCT.finditer(gap, consumed):
        cut = p.start()
    then = re.search(r"\bthen\s?$", gap)  # "Feb. 1 priority then rolling"
    if cut == consumed and then:
        cut = then.start()
    return cut


def _last_term(text: str) -> str | None:
    terms = TERM_RE.findall(text)
    return TERM_WORDS[terms[-1].lower()] if terms else None


def _qualifier(text: str) -> str | None:
    best, best_pos = None, -1
    for label, pattern in _QUAL_RE:
        for m in pattern.finditer(text):
            if m.start() > best_pos:
                best, best_pos = label, m.start()
    return best


def _kind(text: str, nearest_end: bool = True) -> str | None:
    """The kind word nearest the date: the last one before it, or the first one after it."""
    found = [(m.start(), k) for k, p in _KIND_RE for m in p.finditer(text)]
    if not found:
        return None
    return (max(found) if nearest_end else min(found))[1]


def parse_deadlines(text: str) -> list[Deadline]:
    """Every application deadline the text states; [] when it states none."""
    t = prepare(text)
    t = _STATUS.sub(" ", t)
    t = _drop_terms_not_admitted(t)
    events = _find_events(t)
    if not events:
        return []
    named_terms = {TERM_WORDS[w.lower()] for w in TERM_RE.findall(t)}
    only_term = next(iter(named_terms)) if len(named_terms) == 1 else None

    # pre[i]: words introducing event i; post[i]: words trailing it.
    pres, posts = [], []
    prev_end = 0
    for i, ev in enumerate(events):
        gap = t[prev_end : ev.start]
        if i == 0:
            pres.append(gap)
        else:
            cut = _split_gap(gap)
            posts.append(gap[:cut])
            pres.append(gap[cut:])
        prev_end = ev.end
    tail = t[prev_end:]
    end = re.search(r"[.;](?:\s|$)", tail)  # after the last date, only its own sentence counts
    tail = tail[: end.start()] if end else tail
    for_end = _FOR_POSTFIX.match(tail)
    consumed = for_end.end() if for_end else 0
    head = min((h.start() for h in (TERM_RE.search(tail, consumed), _QUAL_ANY.search(tail, consumed)) if h), default=len(tail))
    posts.append(tail[:head])

    out: list[Deadline] = []
    seen: set[Deadline] = set()
    term_now: str | None = None
    kind_now: str | None = None
    qual_now: str | None = None
    for ev, pre, post in zip(events, pres, posts):
        pre_term = _last_term(pre)
        if pre_term:
            term_now = pre_term
        pre_qual = _qualifier(pre)
        if pre_qual:
            qual_now = pre_qual
        pre_kind = _kind(pre)
        if pre_kind and not ev.rolling:
            kind_now = pre_kind
        if not ev.rolling and _NOT_A_DEADLINE.search(pre):
            continue
        post_for = _FOR_POSTFIX.match(post)
        post_term = _last_term(post_for.group(0)) if post_for else None
        post_qual = _qualifier(post_for.group(0)) if post_for else None
        term = pre_term or post_term or term_now or only_term
        qual = post_qual or qual_now
        if ev.rolling:
            deadline = Deadline(term=term, date=None, kind="rolling", applies_to=qual)
        else:
            kind = _kind(post, nearest_end=False) or pre_kind or kind_now or "final"
            deadline = Deadline(term=term, date=ev.date, kind=kind, applies_to=qual)
        if deadline not in seen:
            seen.add(deadline)
            out.append(deadline)
    return out
