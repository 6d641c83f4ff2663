"""How the program is delivered, and whether online classes meet live.

mode is the most online way the program can be completed:
- online: it can be finished online ("fully online", "100% asynchronous online", "offered on
  campus in Tucson and fully online", "on campus, online or hybrid": a choice that includes
  online is online);
- hybrid: the online route requires time on campus ("online with a required on-campus
  immersion", "low-residency", "hybrid", "blended") - a required residency of any length makes it
  hybrid, because a student must travel;
- hybrid also when the text names "hybrid"/"blended" as the format of an online program with
  campus time ("hybrid: online courses plus two on-campus weekends") and offers no wholly online
  route ("fully online or in a hybrid format" stays online);
- campus: only on-campus/in-person/face-to-face words.
"no campus visits required" / "no residency" keep a program online.
A campus component in any word order ("An on-campus experience required of students in the
online program", "then join classmates in Denver for a short on-campus Immersion experience") is
hybrid unless its sentence makes it optional ("optional campus visits", "may", "welcome").
Live meetings on a schedule ("meets synchronously once a week", "required weekly live sessions")
are synchronous=True even when the rest is "on your own schedule"; "no weekly live sessions" and
"not required to attend live sessions" are False.

Optional live sessions do not make a program synchronous: "optional synchronous sessions"
alone is synchronous=False.
synchronous: True for live classes ("synchronous", "real-time", "live sessions", "meet online
once a week", "virtual classrooms"); False for "asynchronous", "no set class times"; None when
both are said without one being optional, or neither.

A mode only where the text says how this program is given (issue 19): a sentence of five words or
more counts only when it speaks of studying (courses, classes, degree, format, instruction ...)
and not of money ("Library resources are available online 24/7", "Online students pay the same
tuition"); plans ("the initiative to offer the program online") and events are not a mode; when
every sentence that says online is about a part of the courses ("Most courses are offered online
or blended", "Some required courses ... only online") the mode is hybrid beside campus time and
unknown otherwise; "complete their MA ... online" is an online route; "on-line" reads as online.
A sentence that describes a kind of course or program (binding.describes_a_kind: "An online class
is taught ...", "Online courses are taken asynchronously", "Blended Course (...)*", "schools that
are online only") binds no mode; once another sentence binds the mode it still gives the timing. A
campus word ruled out ("face-to-face meetings ... are not required") is no campus.

Status shapes (issue 19, fourth pass; binding.delivery_shape): the mode read is returned only where
the text it was read from binds a word of that mode by one of a few shapes: a mode qualifying the
program ("our online program", "the online cohort", "online students"), a verb of giving or taking
the studies then the mode ("offered on campus or fully online", "delivers all of its degrees fully
online"), the program or its courses linked to it ("The M.S.L.I.S. degree is fully online"), a
delivery label ("Course delivery | Online"), a list of modes after a colon, a route ("Through
distance education, a student can finish", "earn the degree without coming to campus"), a label's
few words ("Online or On Campus", "weekly live sessions") or the courses' timing ("The courses are
taught synchronously"). A glossary entry ("Online Program: ...", "Hybrid: A mix of ..."), a mode
qualifying something else ("remote access", "online interactions", "online programs" in general,
another discipline's courses) and a kind chosen or defined ("consider a hybrid program", "An
online master's degree ... is") bind nothing: the text gives None. A hybrid mode may be bound by
any mode word (the parser joins them); the timing is kept with the mode it comes with.

Sixth pass (issue 19, r6-status): an indefinite program reached through a preposition is a kind
("an online student may petition ... while remaining in an online program": None); a sentence about
money keeps its mode where it names this program's own mode with a definite head ("lets us offer
the online MLIS", "Tuition for our online program is ..."), not otherwise ("Online students pay the
same tuition"); campus time on a schedule ("physically on campus two times per year") is a required
campus component (hybrid beside online work); completing the degree "through a combination of"
online and campus parts, or a "Hybrid Online program", is no online route (hybrid).

Seventh pass (issue 19, r7-status; binding.py "status shapes, seventh pass"): a kind's glossary
heading in any spelling of a mode ("Internet/Distance Program: Programs where ...", "On Campus
Program: ...") binds nothing, and programs or schools counted or quantified before the mode in its
sentence ("42 of them offer a 100% online program", "Most online library programs ...") are
programs in general.
"""

from __future__ import annotations

import re

from . import vocabulary as v
from .binding import bound_text, delivery_shape, describes_a_kind
from .models import Delivery
from .text import prepare, sentences
from .familiar import gate

_ONLINE = v.regex(
    r"\bonline\b|\bdistance(?:\s+(?:learning|education|delivered|degree))?\b|\bweb-based\b|\bremote(?:ly)?\b"
    r"|\bvirtual\b|\bzoom\b|\be-learning\b|\blive\s+sessions?\b|\bsynchronous\s+sessions?\b",
    re.I,
)
# "Apply online", "online application": about the paperwork, not the classes.
# "Apply online", "online application": about the paperwork, not the classes.
_PAPERWORK = v.regex(v.paperwork_pattern(), re.I)
_NOT_ONLINE = v.regex(
    r"\b(?:not|no|never)\s+(?:offered\s+|available\s+)?(?:fully\s+|entirely\s+)?online\b"
    r"|\b(?:cannot|can\s?not|not)\s+be\s+(?:completed|earned|finished|taken)\s+(?:entirely\s+|fully\s+|completely\s+|wholly\s+)?online\b"
    r"|\bbut\s+not\s+the\s+(?:whole|entire|full|complete)\s+(?:degree|program)\b",
    re.I,
)
# "Some courses are offered online, but the degree cannot be completed entirely online": part of
# the degree online, the rest on campus (issue 9, class 9).
_PARTIAL_ONLINE = v.regex(
    r"\b(?:some|several|many|selected|a\s+few|certain)\s+(?:[\w-]+\s+){0,2}?(?:courses|classes|electives)\s+(?:are\s+)?"
    r"(?:offered\s+|available\s+|taught\s+)?online\b"
    r"|\b(?:[1-9]\d?)\s?%\s+(?:of\s+(?:their|the|your)\s+\w+\s+)?online\b",
    re.I,
)
# "without coming to campus", "not required to come to campus": the degree is done remotely.
_REMOTE = v.regex(
    r"\bwithout\s+(?:ever\s+)?(?:coming|traveling|travelling|having\s+to\s+(?:come|travel))\s+to\s+(?:the\s+)?"
    r"(?:\w+\s+)?campus\b"
    r"|\b(?:not\s+required|do\s+not\s+(?:need|have)|don't\s+(?:need|have)|never\s+(?:need|have))\s+to\s+come\s+to\s+(?:the\s+)?campus\b"
    r"|\bdo(?:es)?\s+not\s+require\s+(?:students\s+|you\s+)?to\s+come\s+to\s+(?:the\s+)?campus\b",
    re.I,
)
# Campus time and online time put together as one route ("on-campus instruction ... combined
# with web-based instruction").
_COMBINED = v.regex(
    r"\b(?:combined\s+with|combines?|combination\s+of|together\s+with|along\s+with|supplemented\s+(?:by|with))\b", re.I
)
_CAMPUS = v.regex(v.alternation(v.CAMPUS_MODE_WORDS), re.I)
_HYBRID = v.regex(r"\bhybrid\b|\bblended\b|\blow-residency\b|\bmixed(?:\s+(?:mode|delivery))?\b", re.I)
_RESIDENCY = v.regex(
    r"\b(?:required|requires?|mandatory|must\s+attend)\b[^.;]{0,60}\b(?:immersion|residency|on-?\s?campus|campus\s+visits?|in-person"
    r"|face[-\s]to[-\s]face\s+(?:component|meetings?|sessions?|institutes?)|on-?\s?site\s+(?:institutes?|sessions?|meetings?))\b"
    r"|\b(?:immersion|residency|on-?\s?campus\s+(?:[a-z-]+\s)?(?:session|orientation|visit|experience|component|intensive"
    r"|weekend|immersion|residency|institute|workshop|seminar)s?)\b[^.;]{0,40}(?<!not\s)(?<!never\s)\b(?:required|mandatory)\b"
    r"|\bwith\s+an?\s+(?:short|brief|one-week|two-day|\d-day|weekend|annual)?\s?(?:on-?\s?campus\s+)?(?:immersion|residency)\b"
    # "With limited residencies and asynchronous courses": residencies as part of the route.
    r"|\bwith\s+(?!optional|no\b)(?:[\w-]+\s)?(?:on-?\s?campus\s+)?(?:immersions|residencies)\b",
    re.I,
)
# A campus component named as part of the online route ("then join classmates in Denver for a
# short on-campus Immersion experience", "plan to attend a campus residency each summer"): hybrid
# in any word order, unless its sentence makes it optional ("optional campus visits", "may attend").
_CAMPUS_COMPONENT = v.regex(
    r"\b(?:on-?\s?campus|in-person|campus)\s+(?:[a-z-]+\s)?(?:immersions?|residency|residencies|intensives?|experiences?"
    r"|orientations?|weekends?|sessions?|institutes?|components?|requirements?)\b"
    r"|\bimmersion\s+(?:experience|weekend|week|session|course)s?\b"
    r"|\b(?:come|travel|return)\s+to\s+(?:the\s+)?campus\s+(?:once|twice|\w+\s+times|each|every|annually|for)\b"
    r"|\b(?:plan|expect(?:ed)?|need|required|must)\s+to\s+(?:attend|travel|come|visit|be\s+on\s+campus)\b[^.;]{0,60}"
    r"\b(?:campus|immersion|residency|in\s+person)\b"
    r"|" + v.DELIVERY_CAMPUS_ON_A_SCHEDULE,  # "physically on campus two times per year" (sixth pass)
    re.I,
)
_OPTIONAL_WORDS = v.regex(
    r"\b(?:optional(?:ly)?|may|can|could|encouraged|welcome[ds]?|invited|if\s+(?:you|they)\s+(?:wish|choose|prefer)"
    r"|not\s+required|no|never|without|choose|option|or)\b",
    re.I,
)
_NO_RESIDENCY = v.regex(
    r"\bno\s+(?:required\s+)?(?:campus\s+(?:visits?|requirements?|residency)|residency|on-?\s?campus|visits?\s+to\s+campus)"
    r"|\bnever\s+(?:have\s+to\s+)?(?:visit|come\s+to)\s+(?:the\s+)?campus|\bwithout\s+(?:ever\s+)?(?:visiting|coming\s+to)\s+campus"
    r"|\b(?:immersion|residency|campus\s+(?:visits?|attendance))\s+(?:is|are)\s+(?:not\s+required|optional)"
    r"|\bnot\s+required\s+to\s+(?:visit|come\s+to|attend|travel)",
    re.I,
)
_ASYNC = v.regex(
    r"\basynchronous(?:ly)?\b|\bno\s+(?:set|scheduled|required)\s+(?:class|log-?in|meeting)\s+times?\b|\bon\s+your\s+own\s+schedule\b"
    # "at times that are convenient for you" (issue 9, class 9).
    r"|\bat\s+(?:a\s+)?times?\s+(?:that\s+(?:are|is)\s+)?convenient\b|\bon\s+your\s+own\s+time\b",
    re.I,
)
_SYNC = v.regex(
    r"(?<!a)\bsynchronous(?:ly)?\b|\breal[-\s]time\b|\blive\s+(?:online\s+|weekly\s+|virtual\s+)*(?:sessions?|classes|class|lectures?|meetings?)\b"
    r"|\blive\s+interaction\b|\bregularly\s+scheduled\s+time\b"
    r"|\bmeets?\s+online\b|\bmeets?\s+live\b|\bmeets?\s+(?:\w+\s){0,3}?(?:once|twice|weekly|each\s+week|every\s+(?:week|other\s+week"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday))|\bvirtual\s+classrooms?\b"
    r"|\bscheduled\s+class\s+(?:times?|meetings?)\b|\bweekly\s+(?:live|virtual|zoom)\b",
    re.I,
)
# Live meetings on a schedule ("meets synchronously once a week", "required weekly live
# sessions") make a program synchronous even when the rest of the work is self-paced.
_REGULAR = v.regex(
    r"\b(?:once|twice|three\s+times)\s+(?:a|per|each)\s+(?:week|month)\b|\bweekly\b|\b(?:each|every|per)\s+week\b"
    r"|\bevery\s+(?:other\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:required|mandatory)\b",
    re.I,
)
_NO_SYNC = v.regex(
    r"\b(?:no|not|never|without|optional)\b\s?(?:[\w-]+\s){0,3}?(?:live|synchronous|real-time|weekly|scheduled|set|required|log-?in)\b"
    r"|\bnot\s+required\b",
    re.I,
)
# "there are no weekly live sessions", "not required to attend live sessions": not live classes.
_NEGATED_SYNC = v.regex(
    r"\b(?:no|never|without)\s+(?:[\w-]+\s){0,2}?(?:live|synchronous|real-time)\s+(?:online\s+)?"
    r"(?:sessions?|class(?:es)?|meetings?|lectures?|components?|requirements?)\b"
    r"|\bno\s+(?:set\s+|scheduled\s+|required\s+)+(?:class\s+)?(?:meeting\s+)?(?:times?|meetings?|sessions?)\b"
    r"|\bnot\s+required\s+to\s+(?:attend|join|log\s+in\s+for)\s+(?:any\s+)?(?:live|synchronous|real-time)\s+(?:online\s+)?"
    r"(?:sessions?|class(?:es)?|meetings?|lectures?)\b",
    re.I,
)
_OPTIONAL_SYNC = v.regex(
    r"\boptional\s+(?:live|synchronous|real-time)(?:\s+(?:online\s+)?(?:sessions?|meetings?|classes|class|lectures?))?"
    r"|\b(?:live|synchronous)\s+sessions?\s+(?:are\s+)?optional",
    re.I,
)
# "hybrid" as the program's format is hybrid, unless the text also offers a wholly online route
# ("fully online or in a hybrid format", "on campus, online or hybrid").
_ONLINE_ROUTE = v.regex(
    r"\b(?:fully|entirely|completely|totally|100%)\s+online\b|\bonline\s+or\b|\bor\s+(?:fully\s+)?online\b"
    r"|\bonline,\s|(?<!hybrid\s)(?<!blended\s)\bonline\s+(?:program|option|format|version|cohort|track)s?\b"
    # "Students may complete their MA in Library and Information Science online", "may be earned
    # fully online": the degree itself can be finished online.
    # (not through a combination of online and campus parts: "complete the degree through a
    # combination of online classes, intensive short-term courses on campus", sixth pass)
    r"|\b(?:complete|earn|finish)\s+(?:the|their|your|this|an?|our)\s+(?:(?!" + v.DELIVERY_COMBINATION_WORDS + r")[\w.'&-]+\s){0,7}?"
    r"(?:fully\s+|entirely\s+|completely\s+)?online\b"
    r"|\bbe\s+(?:completed|earned|finished)\s+(?:fully\s+|entirely\s+|completely\s+|100%\s+)?online\b"
    # "Program Format Hybrid, Online": a list of formats that includes online.
    r"|\b(?:hybrid|on-?\s?campus|in-person|face-to-face)\s?(?:,|/|or)\s?online\s?$",
    re.I,
)


# "may be earned fully \"on-line.\"": the older spelling, quotes and all.
_ON_LINE = v.regex(r'"?\bon-line\b(\.?)"?', re.I)


# A part of the courses ("Most GSLIS courses are offered in online or blended format", "Some
# required courses and many electives are available only online"): says how those courses are
# given, not that the degree can be finished online.
_SOME_COURSES = v.regex(
    r"\b(?:some|most|many|several|selected|a\s+few|certain)\s+(?:of\s+(?:the|our)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:courses|classes|electives|offerings)\b",
    re.I,
)
# A campus format the school says it does not offer ("we do not offer a fully in-person degree").
_NO_CAMPUS = v.regex(
    r"\b(?:do|does)\s+not\s+offer\s+an?\s+(?:fully\s+|entirely\s+|completely\s+)?(?:in-person|on-campus|face-to-face|residential)\b",
    re.I,
)


# A sentence says how the program is given only when it speaks of studying: its courses, classes,
# degree, format, instruction ("Library resources are available online 24/7" does not). Money is
# another fact ("Online students pay the same tuition", "The online tuition rate is $500").
_STUDY_WORDS = v.regex(
    r"\b(?:course\w*|class\w*|program\w*|degrees?|instruction\w*|learning|learners?|stud(?:y|ies|ying)|taught|teach\w*"
    r"|deliver\w*|format\w*|curricul\w*|M\.?L\.?I?\.?S\.?c?|M\.?A\.?|M\.?S\.?|distance|synchronous\w*|asynchronous\w*"
    r"|residenc\w*|immersions?|complet\w*|earn\w*|option\w*|pathways?|cohorts?|offered|offers?|lectures?|seminars?"
    r"|sessions?|modes?|hybrid|blended|in-person|face-to-face|attend\w*|enrol\w*|schedule\w*|evenings?|weekends?"
    r"|combin\w*|mix\w*|tak(?:e|es|ing)|electives?|master\w*|orientations?|visits?|institutes?|intensives?)\b",
    re.I,
)
_MONEY = v.regex(
    r"\$\s?\d|\b(?:tuition|fees?|rates?|costs?|pay|paid|per\s+credit|housing|parking|dining|residence\s+halls?)\b", re.I
)


# "... a different tuition rate which lets us offer the online MLIS": this program's own mode named
# with a definite head keeps a money sentence (sixth pass; vocabulary.DELIVERY_OWN_MODE_NOUN).
_OWN_MODE_NOUN = v.regex(v.DELIVERY_OWN_MODE_NOUN, re.I)
_CAMPUS_SCHEDULE = v.regex(v.DELIVERY_CAMPUS_ON_A_SCHEDULE, re.I)


# "Face-to-face meetings at a campus are not required": a campus word that is ruled out is no campus.
_CAMPUS_RULED_OUT = v.regex(
    r"\b(?:on[-\s]?campus|in[-\s]?person|face[-\s]to[-\s]face|campus)\b[^.;]{0,60}?\b(?:is|are)\s+not\s+required\b", re.I
)


def _studies_only(t: str, kinds: bool = False) -> str:
    """The text with the sentences that are not about studying (or are about money), or that
    describe a kind of course rather than this program (binding.describes_a_kind), blanked; a short
    label value ("Online", "100% online, asynchronous") is kept whole. With `kinds`, a kind's
    sentence is kept: it says how this program's classes run once another sentence binds the mode
    ("This program is delivered fully online. ... Online courses are offered asynchronously")."""
    out, last = [], 0
    for a, b in sentences(t):
        part = t[a:b]
        if not kinds and describes_a_kind(part) or _CAMPUS_RULED_OUT.search(part) and not _ONLINE.search(part):
            out.append(t[last:a])
            out.append(" " * (b - a))
            last = b
            continue
        studies = _STUDY_WORDS.search(part) or _CAMPUS_SCHEDULE.search(part)  # "on campus two times per year"
        if len(part.split()) >= 5 and (not studies or _MONEY.search(part) and not _OWN_MODE_NOUN.search(part)):
            out.append(t[last:a])
            out.append(" " * (b - a))
            last = b
    out.append(t[last:])
    return "".join(out)


def _only_some_courses(t: str) -> bool:
    """Every sentence that says online is about a part of the courses only."""
    said = [(a, b) for a, b in sentences(t) if _ONLINE.search(t, a, b)]
    return bool(said) and all(_SOME_COURSES.search(t, a, b) for a, b in said)


def _component_required(t: str) -> bool:
    for a, b in sentences(t):
        part = t[a:b]
        if _CAMPUS_COMPONENT.search(part) and not _OPTIONAL_WORDS.search(part):
            return True
    return False


def _regular_sync(t: str) -> bool:
    """A sentence with live meetings on a schedule, not made optional or negated."""
    for a, b in sentences(t):
        part = _ASYNC.sub(" ", t[a:b])
        if _SYNC.search(part) and _REGULAR.search(part) and not _NO_SYNC.search(part) and not _OPTIONAL_SYNC.search(part):
            return True
    return False


@gate("parse_delivery")
def parse_delivery(text: str) -> Delivery | None:
    """Delivery mode and synchrony; None when the text names no way of delivery, or when no clause
    binds the mode read by one of the status shapes (binding.delivery_shape)."""
    read = _read_delivery(text)
    if read is None:
        return None
    found, t = read
    return found if delivery_shape(t, found.mode, whole=prepare(text)) else None


def _read_delivery(text: str) -> tuple[Delivery, str] | None:
    """The delivery the text's words give, and the text the mode was read from (paperwork, other
    credentials and sentences not about studying blanked)."""
    t = bound_text("delivery", _PAPERWORK.sub(" ", _ON_LINE.sub(r"online\1", prepare(text))))
    t = _NO_CAMPUS.sub(" ", t)
    timing = _studies_only(t, kinds=True)
    t = _studies_only(t)
    remote = _REMOTE.search(t) is not None
    if _NOT_ONLINE.search(t) and _PARTIAL_ONLINE.search(t):
        return Delivery(mode="hybrid", synchronous=_synchronous(timing)), t  # some courses online, not the degree
    if _only_some_courses(t) and not remote:
        # Some courses online: hybrid when the rest is on campus, unknown otherwise.
        return (Delivery(mode="hybrid", synchronous=_synchronous(timing)), t) if _CAMPUS.search(t) else None
    online = remote or _ONLINE.search(t) is not None and not (
        _NOT_ONLINE.search(t) and not re.search(r"\bfully\s+online|100%\s+online", t, re.I))
    required_residency = (_RESIDENCY.search(t) is not None or _component_required(t)) and _NO_RESIDENCY.search(t) is None
    required_residency = required_residency and not remote
    combined = _COMBINED.search(t) is not None and _CAMPUS.search(_REMOTE.sub(" ", t)) is not None
    if online and (_PARTIAL_ONLINE.search(t) and _CAMPUS.search(t)) and not _ONLINE_ROUTE.search(t):
        mode = "hybrid"  # "75% of their coursework online and 25% in weekend courses on campus"
    elif online and combined and not _ONLINE_ROUTE.search(t) and not remote:
        mode = "hybrid"  # "on-campus instruction ... combined with web-based instruction"
    elif online and required_residency:
        mode = "hybrid"
    elif online and _HYBRID.search(t) and not _ONLINE_ROUTE.search(t):
        mode = "hybrid"  # "hybrid: online courses plus two on-campus weekends"
    elif online:
        mode = "online"
    elif _HYBRID.search(t):
        mode = "hybrid"
    elif _CAMPUS.search(t) and not _NO_RESIDENCY.search(t):
        mode = "campus"
    else:
        return None
    return Delivery(mode=mode, synchronous=_synchronous(timing)), t


# "Classes meet once a week" says nothing of live online classes unless its sentence is about
# online study; "Many classes have no scheduled meeting time" is about some classes only.
_MEETS = v.regex(
    r"\bmeets?\s+(?:\w+\s){0,3}?(?:once|twice|weekly|each\s+week|every\s+(?:week|other\s+week|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday))",
    re.I,
)


def _timing_sentences(t: str) -> str:
    """The text without the timing words that do not describe the program's online classes."""
    out, last = [], 0
    for a, b in sentences(t):
        part = t[a:b]
        kept = part
        if _SOME_COURSES.search(part) and not _OPTIONAL_SYNC.search(part):
            kept = _SYNC.sub(" ", _ASYNC.sub(" ", _NEGATED_SYNC.sub(" ", part)))
        elif not _ONLINE.search(part):
            kept = _MEETS.sub(" ", part)
        if kept != part:
            out.append(t[last:a])
            out.append(kept.ljust(b - a))
            last = b
    out.append(t[last:])
    return "".join(out)


def _synchronous(t: str) -> bool | None:
    """True for live classes, False for asynchronous ones, None when both or neither are said."""
    t = _timing_sentences(t)
    is_async = _ASYNC.search(t) is not None
    optional_sync = _OPTIONAL_SYNC.search(t) is not None
    # Live sessions that are optional do not make the program synchronous.
    negated_sync = _NEGATED_SYNC.search(t) is not None
    t = _NEGATED_SYNC.sub(" ", t)
    is_sync = _SYNC.search(_OPTIONAL_SYNC.sub(" ", _ASYNC.sub(" ", t))) is not None
    if is_async and is_sync and _regular_sync(t):
        return True  # "meets synchronously once a week ...; the rest on your own schedule"
    if is_async and is_sync:
        return None
    if is_async or optional_sync or (negated_sync and not is_sync):
        return False
    if is_sync:
        return True
    return None
