"""The word tables every normalizer shares, each kept once, and the helpers that build patterns
from them (as alltheplaces' locations/hours.py builds its day patterns from per-language tables).

A word added here is understood everywhere: months and terms by the deadline, start-term and
duration parsers; campus and modality words by the rate and deadline qualifiers and by the
delivery parser; residency and level words by the tuition parser; exam names by the exam parser;
deadline kinds by the deadline parser. A multi-word phrase is written with single spaces or
hyphens ("in person", "on-campus") and matches any of "in person", "in-person", "inperson".

Nothing here is a parser: only data and the builders `phrase()`, `alternation()` and `any_of()`,
and `regex()`, which every normalizer compiles its patterns with: the same matches, found faster
(a look-ahead of an alternation's first characters, its words grouped by first letter; `lead()`).
"""

from __future__ import annotations

import re

# ---- builders ---------------------------------------------------------------------------------


def phrase(words: str) -> str:
    """A table phrase as a regex: escaped, with every space or hyphen matching a space, a hyphen
    or nothing ("in person" == "in-person" == "inperson"; "on-campus" == "on campus")."""
    parts = re.split(r"[\s-]+", words.strip())
    return r"[-\s]?".join(re.escape(p) for p in parts)


def alternation(words: "tuple[str, ...] | list[str] | dict[str, object]", *, bounded: bool = True) -> str:
    """One non-capturing group matching any phrase of the table, longest first so that "out of
    state" wins over "state"; whole words when bounded."""
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(phrase(w) for w in ordered)
    return rf"\b(?:{body})\b" if bounded else f"(?:{body})"


def any_of(patterns: "tuple[str, ...] | list[str]") -> str:
    r"""The patterns as one alternation, in their order, with each run of them that opens with a
    word boundary testing it once: `\bCAD\b|\bC\$|€` becomes `\b(?=[CC])(?:CAD\b|C\$)|€`. The
    same matches; Python's `re` would otherwise test every alternative's `\b` at every character
    (four times slower on our texts), and every alternative at every word's end (`lead`). A
    pattern holding a `|` of its own is kept whole (behind the one look-ahead it allows). When
    the patterns without a boundary start with characters none of the others can start with
    (`€`, `£`), every bounded pattern joins one run: no two patterns of the two kinds can match at
    the same place, so their order between the kinds changes no match."""
    bounded = [p[2:] for p in patterns if p.startswith(r"\b")]
    others = [p for p in patterns if not p.startswith(r"\b")]
    tokens = {c for p in patterns for c in (_first_chars(p[2:] if p.startswith(r"\b") else p) or ())}
    if bounded and lead(bounded) and all(_first_chars(p) for p in others) and not any(len(c) == 2 for c in tokens) and not (
        _folded(set().union(*map(_first_chars, bounded))) & _folded(set().union(set(), *map(_first_chars, others)))
    ):
        bodies = [b if len(_split_top(b)) == 1 else f"(?:{b})" for b in bounded]
        return "|".join([rf"\b{lead(bounded)}(?:{'|'.join(bodies)})", *others])
    parts: list[str] = []
    run: list[str] = []
    for pattern in (*patterns, None):
        if pattern is not None and pattern.startswith(r"\b") and "|" not in pattern:
            run.append(pattern[2:])
            continue
        if run:
            parts.append(rf"\b{lead(run)}(?:{'|'.join(run)})")
            run = []
        if pattern is not None:
            ahead = lead([pattern[2:]]) if pattern.startswith(r"\b") else ""
            parts.append(rf"\b{ahead}(?:{pattern[2:]})" if ahead else pattern)
    return "|".join(parts)


def lead(patterns: "tuple[str, ...] | list[str] | str") -> str:
    r"""A look-ahead for the characters the alternation of `patterns` can start with, to put right
    before it: `lead(["CAD", "AUD", "(?:pesos|yen)"])` is `(?=[ACpy])`. Python's `re` tries every
    alternative of a case-insensitive alternation at every place a match could start (each word's
    start and end, under a word boundary); the look-ahead turns most of those places away with one
    test. It changes no match: every alternative's first character is in it (under the same flags:
    a letter matches either case under re.I, as the alternative's own letter does; `\d` and `\w`
    stand for their classes). "" when what one alternative can start with is not plain from its text
    (a class holding an escape, `\s`, an inline flag group, an alternative that may match nothing):
    the caller's pattern is then left as it was."""
    first: set[str] = set()
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        chars = _first_chars(pattern)
        if not chars:
            return ""
        first |= chars
    return "(?=[" + "".join(c if len(c) == 2 else re.escape(c) for c in sorted(first)) + "])"


def regex(pattern: str, flags: int = 0) -> "re.Pattern[str]":
    r"""re.compile, faster where Python's `re` is slow: a case-insensitive pattern that opens with
    an alternation (`\b(?:CAD|C\$|...)`, `(?<![\w])(?:certificate|specialist|...)`) gets the
    look-ahead of its first characters (`lead`) in front, and its alternatives grouped by first
    character (`_by_first`). The same matches, the same groups."""
    return re.compile(quick(pattern, flags), flags)


def quick(pattern: str, flags: int = 0) -> str:
    """The pattern `regex` compiles: with `lead`'s look-ahead in front when the pattern is
    case-insensitive (re.I: no literal prefix for `re` to scan for), opens with at least
    QUICK_BRANCHES alternatives, and every one of them starts with a character read plainly; the
    alternation it opens with grouped by first character where `_by_first` can."""
    if not flags & re.I or flags & re.X:
        return pattern
    top = _split_top(pattern)
    ahead = lead(top)
    if not ahead or _branches(top) < QUICK_BRANCHES:
        return pattern
    if len(top) > 1:
        body = f"(?:{_by_first(top, flags) or '|'.join(_group_opening(a, flags) for a in top)})"
    else:
        body = _group_opening(pattern, flags)
    out = ahead + body
    QUICKENED[(pattern, flags)] = out
    return out


def _group_opening(pattern: str, flags: int) -> str:
    r"""The pattern with the alternation it opens with (after zero-width assertions: `\b(?:a|b)`,
    `(?<![\w])(?:a|b)`) grouped by first character (`_by_first`), when that can be done."""
    i = 0
    while True:
        if pattern.startswith(r"\b", i):
            i += 2
        elif pattern.startswith(_ZERO_WIDTH, i):
            i = (_close(pattern, i) or len(pattern)) + 1
        else:
            break
    if not pattern.startswith("(?:", i):
        return pattern
    close = _close(pattern, i)
    if close is None or pattern.startswith(("?", "*", "+", "{"), close + 1):
        return pattern
    grouped = _by_first(_split_top(pattern[i + 3 : close]), flags)
    return pattern[:i] + f"(?:{grouped})" + pattern[close + 1 :] if grouped else pattern


_BY_FIRST_MIN = 6  # alternatives worth grouping


def _by_first(alternatives: "list[str]", flags: int) -> str | None:
    r"""The alternation regrouped by first character, each group behind a case-explicit class:
    `CAD\b|C\$|AUD\b` becomes `(?-i:[Cc])(?:AD\b|\$)|(?-i:[Aa])(?:UD\b)`. Python's `re` then turns
    an alternative away on a class test, where under re.I it would enter each. The same matches:
    alternatives keep their order within a group, and no two groups can match the same character
    (a `\d` group stands beside no digit's). Only runs of alternatives that start with a plain
    character or `\d` are regrouped (a leading non-capturing group distributed: `(?:a|b)c` is
    `ac|bc`, and `(?:a)?c` is `ac|c`), each in its place among the others, and none holding a
    capturing group (it would be renumbered or repeated). None when no run is regrouped."""
    out: list[str] = []
    run: list[str] = []
    changed = False
    for alternative in (*alternatives, None):
        pieces = None if alternative is None or _captures(alternative) else _distributed(alternative)
        if pieces is not None:
            run += pieces
            continue
        grouped = _grouped(run, flags) if len(run) >= _BY_FIRST_MIN else None
        out += [grouped] if grouped else run
        changed = changed or grouped is not None
        run = []
        if alternative is not None:
            out.append(alternative)
    return "|".join(out) if changed else None


def _grouped(plain: "list[str]", flags: int) -> str | None:
    """Alternatives that each start with a plain character or `\\d`, or with `\\b` and a word
    character, grouped by that character (`_by_first`). A word boundary before the character is
    tested after it, as "no word character before it" (`(?<!\\w.)`), so the class comes first; a
    character that starts alternatives both with and without a boundary leaves the run as it was."""
    groups: dict[str, list[str]] = {}
    heads: dict[str, str] = {}
    for alternative in plain:
        bounded = alternative.startswith("\\b")
        body = alternative[2:] if bounded else alternative
        if body.startswith("\\"):
            head, rest = body[:2], body[2:]
            key = head if head == "\\d" else body[1]
        else:
            head, rest, key = body[0], body[1:], body[0].lower()
            if head.isascii() and head.isalpha():
                folds = "" if flags & re.A else _FOLDS.get(key, "")
                head = f"(?-i:[{key.upper()}{key}{folds}])"
        head += r"(?<!\w.)" if bounded else ""
        if heads.setdefault(key, head) != head:
            return None  # the same character with and without a boundary
        groups.setdefault(key, []).append(rest)
    if "\\d" in groups and any(k.isdigit() for k in groups):
        return None  # a digit would be in two groups
    body = "|".join(heads[k] + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0]) for k, rests in groups.items())
    return f"(?:{body})"


def _distributed(alternative: str) -> "list[str] | None":
    """The alternative as alternatives that each start with a plain character (a literal or an
    escaped mark, no quantifier after it), `\\d`, or `\\b` and a word character, its leading
    non-capturing group distributed (a greedy "?" after it: with the group, then without; a
    boundary before it: before each); None when it cannot be."""
    if alternative.startswith("\\b"):
        rest = alternative[2:]
        pieces = _distributed(rest) if rest.startswith("(?:") else [rest]
        if pieces is None:
            return None
        out = []
        for piece in pieces:
            piece = piece[2:] if piece.startswith("\\b") else piece
            first = piece[:1]
            if not (first.isascii() and (first.isalnum() or first == "_")) or piece.startswith(("?", "*", "+", "{"), 1):
                return None  # a boundary before anything but a plain word character: not regrouped
            out.append("\\b" + piece)
        return out
    if alternative.startswith("(?:"):
        close = _close(alternative, 0)
        if close is None:
            return None
        rest = alternative[close + 1 :]
        optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
        if optional:
            rest = rest[1:]
        elif rest.startswith(("?", "*", "+", "{")):
            return None
        out: list[str] = []
        for inner in _split_top(alternative[3:close]) + ([None] if optional else []):
            pieces = _distributed(rest if inner is None else inner + rest)
            if pieces is None:
                return None
            out += pieces
        return out
    if alternative.startswith("\\"):
        mark, after = alternative[1:2], 2
        if not mark or (mark.isalnum() and mark != "d"):
            return None
    elif alternative[:1] and alternative[0] not in ".^$*+?{}[]|()":
        after = 1
    else:
        return None
    if alternative.startswith(("?", "*", "+", "{"), after):
        return None
    return [alternative]


# Every pattern `quick` changed, (pattern, flags) -> what it compiles instead, for the test that
# holds each to the same matches (tests/normalize/test_quick_patterns.py); bounded by the patterns.
QUICKENED: dict[tuple[str, int], str] = {}


QUICK_BRANCHES = 2  # one alternative gains nothing: `re` fails at its first letter as fast


def _branches(alternatives: "list[str]") -> int:
    """How many ways the alternation can start (groups opened first count their alternatives)."""
    total = 0
    for pattern in alternatives:
        i = 0
        while True:
            if pattern.startswith(r"\b", i):
                i += 2
            elif pattern.startswith(_ZERO_WIDTH, i):
                i = (_close(pattern, i) or len(pattern)) + 1
            else:
                break
        if pattern.startswith("(", i):
            opener = re.match(r"\((?:\?:|\?-i:|\?P<\w+>)?", pattern[i:])
            close = _close(pattern, i)
            total += _branches(_split_top(pattern[i + opener.end() : close])) if close else 1
        else:
            total += 1
    return total


# Characters a case-insensitive match of an ASCII letter also takes (besides its two cases).
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _folded(chars: set[str]) -> set[str]:
    """The characters re.I matches to any of `chars` (for a disjointness test)."""
    out = set()
    for c in chars:
        out |= {c, c.lower(), c.upper(), *_FOLDS.get(c.lower(), "")}
    for extra, letter in (("\u0130", "i"), ("\u0131", "i"), ("\u212a", "k"), ("\u017f", "s")):
        if extra in out:
            out |= {letter, letter.upper()}
    return out


_ZERO_WIDTH = ("(?<!", "(?<=", "(?=", "(?!")


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a match of `pattern` can start with, or None when that is not plain from
    its text (see `lead`). `\\d` and `\\w` stand for their classes. A first atom that may be
    absent (`(?:the\\s+)?respective`, `s?`) adds what can start the rest."""
    i = 0
    while True:  # zero-width assertions before the first character: they consume nothing
        if pattern.startswith(r"\b", i):
            i += 2
        elif pattern.startswith(_ZERO_WIDTH, i):
            close = _close(pattern, i)
            if close is None:
                return None
            i = close + 1
        else:
            break
    if i >= len(pattern):
        return None
    c = pattern[i]
    if c == "(":
        opener = re.match(r"\((?:\?:|\?-i:|\?P<\w+>)?", pattern[i:])
        if pattern.startswith("(?", i) and opener.end() == 1:
            return None  # a named group, inline flags, a conditional: not read here
        close = _close(pattern, i)
        if close is None:
            return None
        chars: set[str] = set()
        for alternative in _split_top(pattern[i + opener.end() : close]):
            inner = _first_chars(alternative)
            if not inner:
                return None
            chars |= inner
        after = close + 1
    elif c == "\\":
        escaped = pattern[i + 1 : i + 2]
        if escaped in ("d", "w"):
            chars = {"\\" + escaped}
        elif not escaped or escaped.isalnum():
            return None  # \s, \u00e9, a back-reference: not read here
        else:
            chars = {escaped}
        after = i + 2
    elif c == "[":
        end = pattern.find("]", i + 2)  # a class of plain characters and ranges only: "[A-Z]", "[e\u00e9]"
        body = pattern[i + 1 : end] if end != -1 else ""
        if not body or body.startswith("^") or "\\" in body or "[" in body:
            return None
        chars = set()
        k = 0
        while k < len(body):
            if k + 2 < len(body) and body[k + 1] == "-":
                if ord(body[k + 2]) - ord(body[k]) > 64:
                    return None  # a wide range: not worth a look-ahead
                chars |= {chr(o) for o in range(ord(body[k]), ord(body[k + 2]) + 1)}
                k += 3
            else:
                chars.add(body[k])
                k += 1
        after = end + 1
    elif c in ".^$*+?{}]|)":
        return None
    else:
        chars, after = {c}, i + 1
    if not _optional(pattern, after):
        return chars
    rest = _first_chars(pattern[_past_quantifier(pattern, after) :])
    return chars | rest if rest else None


def _past_quantifier(pattern: str, k: int) -> int:
    """The index after the quantifier at pattern[k] (with its lazy "?" or possessive "+")."""
    if pattern.startswith("{", k):
        k = pattern.index("}", k) + 1
    elif k < len(pattern) and pattern[k] in "?*+":
        k += 1
    return k + 1 if pattern[k : k + 1] in ("?", "+") else k


def _optional(pattern: str, k: int) -> bool:
    """Whether the quantifier at pattern[k] (if any) lets the atom before it be absent ("?", "*",
    "{0,2}"); "+" and "{2,5}" do not."""
    if pattern.startswith(("?", "*"), k):
        return True
    if not pattern.startswith("{", k):
        return False
    bounds = re.match(r"\{(\d+)(?:,\d*)?\}", pattern[k:])
    return bounds is None or int(bounds.group(1)) == 0


# The structure of a pattern's text: an escape, a class (whose characters are not structure), or
# one of "(", ")", "|" (group 1).
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|([()|])", re.S)


def _scan(pattern: str, start: int):
    """(index, character, depth) of each "(", ")" and "|" outside escapes and classes, from start."""
    depth = 0
    for m in _STRUCTURE.finditer(pattern, start):
        ch = m.group(1)
        if ch is None:
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield m.start(), ch, depth


def _close(pattern: str, start: int) -> int | None:
    """The index of the ")" closing the group opened at `start`."""
    for k, ch, depth in _scan(pattern, start):
        if ch == ")" and depth == 0:
            return k
    return None


def _captures(pattern: str) -> bool:
    """Whether the pattern holds a capturing or named group."""
    return any(ch == "(" and (not pattern.startswith("(?", k) or pattern.startswith("(?P<", k))
               for k, ch, _ in _scan(pattern, 0))


def _split_top(body: str) -> list[str]:
    """The alternatives of `body` at its top level."""
    cuts = [k for k, ch, depth in _scan(body, 0) if ch == "|" and depth == 0]
    return [body[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(body)])]


# ---- calendar ---------------------------------------------------------------------------------

# Month names and the abbreviations pages use ("Sept.", "Sep").
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
FULL_MONTHS: tuple[str, ...] = tuple(m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))

# Academic terms and their canonical names.
TERM_WORDS: dict[str, str] = {
    "fall": "fall", "autumn": "fall", "spring": "spring", "summer": "summer", "winter": "winter",
}
TERM_ORDER: tuple[str, ...] = ("fall", "spring", "summer", "winter")

# ---- where and how ---------------------------------------------------------------------------

# Campus / delivery qualifiers, most specific first (the first that matches wins).
CAMPUS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # A CSU self-supported session (SJSU): its own per-unit rate, beside the state-supported
    # Regular Session's flat rate for local students; a rate for it is not everyone's rate.
    ("special session", ("special session",)),
    ("main campus", ("main campus",)),
    ("online campus", ("online campus",)),
    ("global campus", ("global campus",)),
    ("on campus", ("on campus", "face to face", "in person", "onsite", "on site")),
    ("online", ("online", "distance")),
)
# Applicant groups a deadline may be for.
APPLICANT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("domestic", ("domestic", "u.s.", "us citizen", "us citizens", "permanent resident", "permanent residents")),
    ("international", ("international",)),
)
# Words that name a class meeting in one place (the delivery parser's campus-only mode).
CAMPUS_MODE_WORDS: tuple[str, ...] = ("on campus", "in person", "face to face", "campus", "residential", "classroom")

# ---- who pays what ----------------------------------------------------------------------------

# Residency. "Any" phrases contain the other words, so they are checked first (regex fragments).
RESIDENCY_ANY: tuple[str, ...] = (
    r"in-state\s+and\s+out-of-state",
    r"residents?\s+(?:and|&|or)\s+non-?\s?residents?",
    r"regardless\s+of\s+(?:state\s+(?:of\s+)?)?residen\w*",
    r"no\s+out-of-state\s+(?:fees?|tuition|surcharge)",
    r"same\s+(?:rate\s+|tuition\s+)?for\s+all",
    r"all\s+students",
    r"residency\s+does\s+not",
    # "Out-of-state online students pay the in-state rate": one rate for everyone.
    r"pays?\s+(?:the\s+)?in-state\s+(?:rate|tuition|price)",
    r"in-state\s+(?:rate|tuition)\s+(?:for|to)\s+all",
)
RESIDENCY_OUT: tuple[str, ...] = (
    # "Out-of-State Residents" is one residency: the word "residents" belongs to it.
    r"non-[a-z]+(?:\s+[a-z]+)?\s+residents?", r"out-of-state\s+residents?", r"out\s+of\s+state\s+residents?", r"out-of-state",
    r"out\s+of\s+state", r"non-?\s?residents?", r"nonresidents?",
    r"outside\s+(?:of\s+)?the\s+state", r"living\s+out\s+of\s+state",
)
RESIDENCY_IN: tuple[str, ...] = (r"in-state", r"in\s+state", r"residents?")
RESIDENCY_INTL: tuple[str, ...] = (r"international",)
RESIDENCY_ORDER: tuple[str, ...] = ("in_state", "out_of_state", "international")

# Level rows in price tables; "undergraduate degree/GPA/coursework" is not a row label.
LEVEL_UNDERGRADUATE = r"undergraduate"
LEVEL_NOT_A_ROW = ("degrees?", "gpa", "coursework", "work", "record", "transcripts?", "institutions?", "studies")
LEVEL_GRADUATE = r"graduate"
# Row labels of a university-wide price table that name another discipline or credential ("Grad
# Nursing $396.20", "Tuition per year, MFA program $19,392", "Nursing Courses carry an additional
# $25 per credit hour"): like an undergraduate row, the nearest row label before an amount decides
# (tuition.py); this program's own words (`PROGRAM_OWN`) or "graduate" start a row that is ours.
OTHER_DISCIPLINES: tuple[str, ...] = (
    r"business(?!\s+(?:days?|hours|information|office))", r"nursing", r"engineering", r"pharmacy", r"dental(?:\s+hygiene)?", r"dentistry", r"medicine",
    r"medical(?=\s+(?:school|students|courses|programs?))", r"law(?=\s+(?:school|students|courses|programs?))",
    r"music(?=\s+(?:students|courses|programs?))", r"M\.?B\.?A", r"M\.?F\.?A", r"D\.?N\.?P", r"doctora(?:l|te)",
    r"occupational\s+therapy", r"physical\s+therapy", r"speech\s+pathology", r"social\s+work", r"counseling",
    r"architecture", r"dissertation",
)

# Currencies that are not US dollars: an amount next to one of these is not ours to read.
OTHER_CURRENCIES: tuple[str, ...] = (
    r"\bCAD\b", r"\bC\$", r"\bCA\$", r"\bCDN\$?", r"\bCanadian\s+dollars?\b", r"\bin\s+Canadian\b", r"\bAUD\b",
    r"\bA\$", r"\bNZD\b", r"\bGBP\b", r"\bEUR\b", r"\beuros?\b", r"\bpounds?\s+sterling\b", "\u20ac", "\u00a3",
    "\u00a5", r"\bQu[e\u00e9]bec\b", r"\bout\s+of\s+province\b",
    # A Canadian school's page prices in Canadian dollars: its provinces, its students, its
    # universities' names ("Incidental fees are paid by all students at Dalhousie University").
    r"\bOntario\b", r"\bAlberta\b", r"\bBritish\s+Columbia\b", r"\bNova\s+Scotia\b", r"\bManitoba\b",
    r"\bSaskatchewan\b", r"\bNew\s+Brunswick\b", r"\bNewfoundland\b", r"\bprovinces?\b",
    r"\bCanadian\s+(?:citizens?|students?|residents?|applicants?)\b", r"\bCanadian\s+(?:and\s+|&\s+|/\s?)?International\b", r"\bDalhousie\b", r"\bMcGill\b", r"\bUBC\b",
    r"\bUniversit[e\u00e9]\s+de\b",
    # sixth pass: other currencies by their codes and names ("Tuition 2024-25: $12,000 per year (MXN 200,000)")
    r"\b(?:MXN|INR|CNY|RMB|JPY|HKD|SGD|CHF|KRW|AED|SAR|ZAR|NGN|PHP|BRL|TWD)\b", r"\b(?:pesos|yuan|rupees?|yen|francs?)\b",
    "\u20b9",
)

# ---- exams ------------------------------------------------------------------------------------

# Canonical names, in the order exams lists them, with the spellings pages use.
EXAMS: tuple[tuple[str, str], ...] = (
    ("GRE", r"\bGRE\b|\bgraduate\s+record\s+exam\w*"),
    ("MAT", r"\b(?-i:MAT)\b|\bmiller\s+analog\w*"),
    ("GMAT", r"\bGMAT\b"),
    ("LSAT", r"\bLSAT\b"),
    ("MCAT", r"\bMCAT\b"),
)
ENGLISH_TESTS: tuple[str, ...] = (
    r"toefl", r"ielts", r"duolingo", r"pte", r"english(?:\s+language)?(?:\s+proficiency)?", r"language\s+proficiency",
)
# Exams for licensure or certification, not for admission.
LICENSURE_TESTS: tuple[str, ...] = (r"praxis", r"certification\s+exam\w*", r"content\s+area\s+test", r"licensure\s+exam\w*",
                                    r"GACE", r"edTPA", r"(?:basic\s+skills|program\s+admission)\s+assessment")

# ---- deadline kinds ---------------------------------------------------------------------------

DEADLINE_KINDS: tuple[tuple[str, str], ...] = (
    ("preferred", r"\bpreferred\b|\bpreference\b|\brecommended\b|\brecommends\b|\bwe\s+recommend\b"
                  r"|\b(?:strongly\s+)?suggested\b"),
    # "(for funding consideration)": the date that keeps funding open is a priority date.
    ("priority", r"\bpriority\b|\bearly\s+(?:deadlines?|decisions?|admissions?|action|applications?|rounds?|review|consideration|dates?)\b|\b(?:funding|scholarships?|assistantships?|fellowships?|financial\s+aid)"
                 r"\s+consideration\b|\bconsider(?:ation|ed)\s+for\s+(?:\w+\s){0,3}?(?:funding|scholarships?|assistantships?|awards?"
                 r"|fellowships?|financial\s+aid)\b"
                 r"|\b(?:full|fullest|best|first|maximum|guaranteed)\s+consideration\b"
                 r"|\bseeking\s+(?:\w+\s)?(?:funding|scholarships?|assistantships?|fellowships?)\b"),
    ("final", r"\bfinal\b|\buntil\b|\bno\s+later\s+than\b|\blast\s+day\b|\bclose[sd]?\b|\bhard\b"
              r"|\bgeneral\s+(?:admission|application|deadline)s?\b"
              r"|\bregular\b|\bstandard\b|\bfirm\b"),
)
# Money given to students: a date for one of these is not an application deadline.
FUNDING_WORDS: tuple[str, ...] = (
    r"scholarships?", r"assistantships?", r"fellowships?", r"financial\s+(?:aid|support|assistance)", r"funding",
    r"fafsa", r"awards?", r"grants?",
)

# ---- the words that name each fact ------------------------------------------------------------

# How pages name each fact in headings, labels, questions and sentences, per canonical field.
# Spiders' locators look facts up by these words (a heading, a row label, a question), and the
# normalizers use the same words to tell a sentence that states the fact from one that does not.
# Write each phrase as a reader sees it; `phrase()` makes spaces and hyphens interchangeable
# ("grade point average" == "grade-point average"). One line per field; add words, never rename.
FACT_WORDS: dict[str, tuple[str, ...]] = {
    "total_credits": ("credits", "credit hours", "semester hours", "units", "quarter credits", "hours required", "hours"),
    "tuition": ("tuition", "cost", "costs", "per credit", "per credit hour", "per unit", "rate", "rates"),
    "fees": ("fee", "fees"),
    "application_deadlines": ("deadline", "deadlines", "application deadline", "apply by", "priority date"),
    "start_terms": ("start terms", "admission terms", "entry terms", "start dates", "begin"),
    "entrance_exam": ("GRE", "graduate record exam", "MAT", "miller analogies", "test scores", "standardized test"),
    "min_gpa": ("GPA", "grade point average", "grade-point average"),
    "application_fee": ("application fee", "fee to apply", "nonrefundable fee", "non-refundable fee"),
    "delivery": ("online", "distance", "on campus", "hybrid", "delivery", "format"),
    "synchronous": ("synchronous", "asynchronous", "real-time", "live online", "meet online", "each week", "weekly"),
    "duration": ("complete", "completion", "finish", "years", "months", "time limit"),
    "ala_accredited": ("ALA", "American Library Association", "accredited", "accreditation"),
}

# ---- numbers in words -------------------------------------------------------------------------

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# ---- "online" that is about the paperwork, not the classes --------------------------------------

# "Apply online", "submit your documents online", "online application": the form, never the
# program's delivery nor a deadline's campus.
PAPERWORK_VERBS: tuple[str, ...] = (
    "apply", "applying", "submit", "submitted", "submitting", "submission", "pay", "register", "registration", "order", "file", "request", "check", "track", "upload", "sign up",
    "ordered", "purchase", "purchased", "buy", "contact", "reach",
)
PAPERWORK_NOUNS: tuple[str, ...] = (
    "application", "applications", "portal", "form", "forms", "payment", "payments", "catalog", "store", "directory",
    "chat", "resources", "library", "system", "tutorial", "information session", "orientation", "new student orientation",
    "learning resources", "tutorials", "support", "help",
)


def paperwork_pattern() -> str:
    """'Apply online', 'check the status of your application online', 'online application'."""
    verbs = alternation(PAPERWORK_VERBS)
    nouns = alternation(PAPERWORK_NOUNS)
    # The words between the verb and "online" never name the studies ("complete your coursework
    # online" is about the classes).
    gap = r"(?:(?!course|class|degree|program|stud)[\w'-]+\s){0,6}?"
    # "The Graduate School applications are fully online": the form is the subject.
    subject = r"\b(?:applications?|forms?)\s+(?:are|is|must\s+be|will\s+be)\s+(?:(?:fully|entirely|completely|all|now|only|submitted)\s){0,2}online\b"
    return rf"{verbs}\s+{gap}online\b|\bcomplete[sd]?\s+(?:the\s+|your\s+)?(?:application|form)\s+online\b|\b(?:online|virtual)\s+{nouns}|{subject}"

# ---- scope: words that move a value to something other than this program's fact ----------------

# A value is read only where the text binds it to this program's fact (crawler/normalize/binding.py).
# Each scope names what a clause may be about instead; `FIELD_SCOPES` says which scopes move which
# field's value away. Regex fragments, case-insensitive, matched as whole words. Where a scope
# reaches: "clause" (anywhere in the value's sentence) or "subject" (the nearest head before the
# value, in its sentence: "Core Courses (18 credits)", "The Archives concentration requires 15").
SCOPES: dict[str, tuple[str, tuple[str, ...]]] = {
    # Another school, program or degree of the same university, or programs in general.
    "other_program": ("clause", (
        r"(?:business|law|medical|nursing|engineering|dental|graduate\s+management)\s+school",
        r"school\s+of\s+(?:business|law|medicine|nursing|engineering|management|dentistry|public\s+health|social\s+work)",
        r"college\s+of\s+(?:business|law|medicine|nursing|engineering)",
        r"(?:M\.?B\.?A|J\.?D|LL\.?M)\.?(?=\s+(?:program|applicants|students|deadlines?|degree|candidates))",
        r"(?:ph\.?\s?d\.?|doctoral)\s+(?:programs?|students|applicants|degree\s+programs?)",
        r"(?:some|certain|other|many|most|several|individual)\s+(?:graduate\s+)?(?:programs|departments|schools)",
        r"(?:if|when|where|as)\s+required\s+by\s+(?:(?:your|the|each|an?)\s+)?(?:\w+\s)?(?:program|department|school)",
        r"(?:your|each|the\s+individual)\s+(?:intended\s+)?(?:program|department)(?:'s)?\s+(?:may|requirements?|specific)",
        r"varies\s+by\s+program", r"programs\s+may\s+(?:have|require|ask)", r"depending\s+on\s+(?:the|your)\s+program",
        r"dual[-\s]degree\s+partner", r"the\s+other\s+program",
        # "the entrance exam required by the respective college", "Students seeking the MBA ... should
        # submit the GMAT", "These programs are offered 100% online" (a catalog's list or glossary).
        r"(?:the\s+)?respective\s+(?:colleges?|departments?|programs?|schools?)",
        r"(?:seeking|pursuing|applying\s+(?:to|for))\s+(?:the\s+|an?\s+)?(?:M\.?B\.?A|J\.?D|LL\.?M|M\.?D)\b",
        r"these\s+programs", r"(?:more\s+than|over)\s+\d+\s+(?:[\w-]+\s)?(?:programs|degrees)", r"(?:students|applicants)\s+(?:in|for|to)\s+(?:the\s+)?(?:joint|dual)(?=[-\s])",
        # Students outside any degree, and degrees that join a bachelor's to this master's.
        r"non-?degree[-\s]seeking", r"non-?degree[\"']?\s+(?:students?|status|rates?|tuition)", r"combined\s+(?:(?:degree|bachelor'?s|master'?s|masters)\s+)?programs?",
        r"B\.?[AS]\.?\s(?:[A-Z][\w-]*\s?)?/\s?M\.?[AS]\b",
        r"(?:a|the)\s+B\.?[AS]\.?\s+(?:in\s+)?(?:[\w-]+\s){0,5}?and\s+(?:a|an|the)\s+M\.?[AS]\b",
    )),
    # Money given to students, and what they must do to get or keep it.
    "funding": ("clause", (
        r"earn\s+up\s+to", r"salar(?:y|ies)", r"wages?",
        r"scholarships?", r"assistantships?", r"fellowships?", r"stipends?", r"awards?", r"bursar(?:y|ies)",
        r"grants?(?!\s+(?:of\s+)?(?:admission|continued|initial|accreditation))",
        r"tuition\s+(?:benefits?|remission|waivers?)", r"funding\s+(?:guarantee|package)", r"guaranteed\s+funding",
    )),
    # Grades once enrolled: to graduate, to stay, probation.
    "standing": ("clause", (
        r"good\s+standing", r"academic\s+probation", r"probation\w*", r"maintain\w*", r"to\s+remain", r"to\s+continue\s+in",
        # A catalog's row for the grades kept in graduate courses: "Overall Graduate GPA Requirement 3.00".
        r"(?:overall|cumulative)\s+graduate\s+GPA", r"graduate\s+GPA\s+requirement",
    )),
    # Grades in courses once enrolled (a GPA's scope only: "earn a grade of B ... and complete the
    # degree within five years" still states the time limit).
    "course_grades": ("clause", (
        r"(?:earn|receive|achieve)\s+a\s+(?:minimum\s+)?grade", r"students\s+who\s+enter\s+the\s+program",
        # "a GPA of 3.00 in the first 12 hours of graduate work": grades once enrolled.
        r"(?:in|for|during)\s+the\s+first\s+\d{1,2}\s+(?:graduate\s+)?(?:credits?|credit\s+hours|semester\s+hours|hours|units)",
    )),
    "graduation": ("clause", (
        r"to\s+graduate(?!\s+(?:study|studies|school|programs?|work|level))", r"for\s+graduation",
    )),
    # A student who runs late: an extension, a petition, a lapse (not the program's length).
    "lapse": ("clause", (
        r"(?:who|that)\s+(?:have|has|do|does)\s+not\s+(?:complet|finish)\w*", r"petition\w*", r"extensions?",
        r"may\s+add", r"out\s+of\s+order", r"delay\w*",
    )),
    # How long a course's credit stays valid, or how long applying takes.
    "credit_age": ("clause", (
        r"(?:course\s+)?credits?\s+(?:can\s+|may\s+|will\s+)?(?:count|be\s+applied|remain\s+valid)", r"processing\s+time",
        r"when\s+applying",
    )),
    # A route below the regular minimum: "A student with a GPA below 2.75 may be admitted on ...".
    "lesser_route": ("clause", (
        r"may\s+be\s+(?:conditionally\s+|provisionally\s+)?admitted", r"(?:conditional|provisional|probationary)\s+admission",
        r"may\s+be\s+allowed\s+to", r"may\s+reduce", r"foreign\s+(?:institutions?|universities|degrees?)",
    )),
    # Legal notices about where a program may be offered, and identity checks.
    "compliance": ("clause", (
        r"to\s+comply\s+with", r"state\s+authori[sz]ation", r"consumer\s+protection", r"may\s+not\s+be\s+able\s+to\s+offer",
        r"(?:ID|identity)\s+verification", r"authori[sz]ed\s+to\s+offer",
        r"regulations?\s+(?:on|governing|for)\s+(?:online|distance)", r"cannot\s+(?:deliver|offer)\s+(?:all\s+)?(?:online\s+)?programs",
        r"(?:students|applicants)\s+resid\w+\s+in\s+(?:certain|some|other)\s+states",
    )),
    # Another school's accreditation: credits earned or transferred there, a report about it.
    "elsewhere": ("clause", (
        r"transfer\w*", r"(?:were|was|is|are)\s+earned\s+at", r"taken\s+at\s+an?", r"according\s+to",
        r"(?:from|at)\s+an?\s+(?:ALA[-\s])?accredited", r"toward\s+an?\s+MLIS", r"credits\s+(?:were|was)\s+completed",
    )),
    # Charges every student of the university pays, or that are not for studying in the program.
    "not_program_charge": ("clause", (
        r"incidental\s+fees?", r"health\s+(?:center|service|services)\s+fees?", r"levy", r"auditors?", r"senior\s+citizens?",
    )),
    # Events for prospective students: their dates are not deadlines.
    # When applications open, said away from the date: "The system starts accepting applications
    # for the Fall semester on September 15" (right before a date, deadlines.py reads it).
    "opens": ("clause", (
        r"(?:starts?|begins?|will\s+begin)\s+accepting\s+applications",
    )),
    "event": ("clause", (
        r"info(?:rmation)?\s+sessions?", r"open\s+houses?", r"webinars?", r"virtual\s+visits?", r"campus\s+tours?",
    )),
    # A part of the degree: a course group, a concentration, a track, a certificate inside it.
    "part": ("subject", (
        r"core(?:\s+courses|\s+requirements?)?", r"electives?", r"concentrations?", r"specializations?",
        r"(?<!general\s)(?<!standard\s)(?<!LIS\s)tracks?",
        r"emphas[ie]s", r"pathways?", r"certificates?", r"practicum", r"internships?", r"capstone", r"thesis", r"portfolios?",
        r"foundations?(?:\s+courses)?", r"required\s+courses", r"residence\s+credits?", r"course\s+groups?", r"cognates?", r"minors?",
    )),
    # Figures about students, not rules of the program.
    "statistic": ("clause", (
        r"\d{1,3}(?:\.\d)?\s?(?:%|percent)\s+(?:of|finish\w*|complet\w*|graduat\w*)", r"per\s?cent\s+of", r"on\s+average",
        r"median", r"average\s+(?:student|time|length|graduate|applicant)", r"graduation\s+rate", r"completion\s+rate",
        r"\w{1,40}\)?:\s?\d{1,3}(?:\.\d)?\s?%",  # a label whose value is a share: "Graduated in two years: 69%"
    )),
    # How long an accreditation lasts, its reviews and visits.
    "accreditation_term": ("clause", (
        r"accredit\w*\s+(?:status\s+)?(?:for|through|until)", r"(?:period|term|cycle)\s+of\s+(?:\w+\s)?accreditation",
        r"(?:continued|initial|conditional|full)\s+accreditation", r"re-?accreditation", r"next\s+(?:comprehensive\s+)?review",
        r"review\s+(?:cycle|visit)", r"site\s+visit",
    )),
    # A co-op, work placement or paid work term.
    "placement": ("clause", (
        r"co-?op(?:erative)?(?:\s+(?:education|placements?|terms?|program|applications?|option))?", r"work\s+(?:placements?|terms?)",
        r"paid\s+(?:work|placements?|internships?)", r"placements?",
    )),
    # Dates that are not the application's deadline.
    "office": ("clause", (
        r"(?:office|offices|university|campus|building)s?\s+(?:will\s+be\s+|is\s+|are\s+)?closed", r"closures?", r"holiday\w*",
        r"winter\s+break", r"spring\s+break",
    )),
    # Something planned, not what the program has: "the initiative to offer the Master's program
    # online", "plans to offer the degree online".
    "intent": ("clause", (
        r"(?:initiative|objective|goal)\s+to", r"(?:plans?|intends?|hopes?|aims?)\s+to\s+(?:offer|launch|begin|start|develop)",
        r"(?:will|would)\s+(?:begin|start)\s+offering", r"in\s+the\s+process\s+of\s+(?:developing|launching|creating)",
    )),
    # Dates of a student's business once admitted, or of the term itself: paying, registering,
    # grades, housing, confirming a place, a term that runs from one date to another.
    "not_application": ("clause", (
        r"tuition(?:\s+and\s+fees)?\s+(?:is|are|will\s+be)\s+due", r"(?:fees?|payments?|balances?)\s+(?:is\s+|are\s+)?due",
        r"register\s+for", r"registration\s+(?:for|begins|opens|deadline|period)", r"confirm\s+(?:their|your|his|her)\s+(?:enrollment|place|seat)",
        r"housing", r"(?:final\s+)?grades\s+(?:are\s+)?due", r"last\s+day\s+to\s+(?:add|drop|withdraw|register)",
        r"(?:semester|term|session|quarter|classes|courses)\s+(?:runs?|will\s+run|lasts?)\s+from",
        r"(?:is|are|will\s+be)\s+closed\s+(?:from|on|between|for|during)",
        # The work of the degree itself: a practicum's or internship's application, a portfolio, a thesis.
        r"(?:practicum|internship|capstone|thesis|portfolio|comprehensive\s+exam\w*)(?:\s+(?:applications?|proposals?|forms?))?\s+(?:is\s+|are\s+)?due",
        r"(?:submit|register\s+for)\s+(?:the\s+|your\s+)?(?:practicum|internship|capstone|thesis|portfolio|comprehensive\s+exam)\w*",
    )),
    "disregard": ("clause", (
        r"disregard", r"ignore\s+the", r"no\s+longer\s+(?:applies|in\s+effect|valid)", r"(?:has\s+been|was)\s+(?:cancell?ed|withdrawn|rescinded)",
    )),
}

# Other credentials a page may describe beside the master's: a heading or a subject naming one
# holds for what follows it until the text names this program again (`PROGRAM_NAMES`).
OTHER_CREDENTIALS: tuple[str, ...] = (
    r"(?:C\.?A\.?S\.?|certificate\s+of\s+advanced\s+stud(?:y|ies)|post-?\s?master'?s)(?:\s+(?:program|certificate|degree))?",
    r"specialist\s+(?:in\s+\w+|degree|program)", r"Ed\.S\.?", r"doctoral\s+(?:program|students|applicants|degree|study|studies)",
    r"Ph\.?\s?D\.?(?:\s+(?:program|cohort|students|applicants|in\s+\w+(?:\s+\w+)?))?", r"doctorate",
    # ("\w++": a run of word characters gives none back, as "/" is none: the same matches, no retries)
    r"\w++/Ph\.?\s?D\.?", r"dual[-\s]degrees?", r"joint[-\s]degrees?", r"(?:doctoral\s+)?dissertations?",
    r"the\s+other\s+degree", r"(?:graduate\s+)?liberal\s+studies", r"doctor\s+of\s+philosophy",
    r"undergraduate\s+(?:admissions?|programs?|students?|applicants?|majors?)", r"combined\s+degree(?:\s+program)?",
    r"(?:applicants|students)\s+(?:for|in|to)\s+the\s+(?:[\w-]+\s){1,4}?(?:concentration|certificate|specialization)", r"B\.?S\.?I\.?S\.?", r"bachelor\s+of\s+\w+",
    r"(?:library\s+media\s+|teacher\s+|school\s+library\s+|school\s+librarian\s+)certification", r"master\s+of\s+science\s+programs",
    # A dual degree written with a slash after this program's name: "MLIS/MS Urban Studies".
    r"M\.?L\.?I?\.?S\.?\s?/\s?(?!Ph)[A-Z]\.?[A-Z]\.?[A-Z]?\.?\b", r"certificate\s+programs?",
    # Another master's of science by its letters, as a subject ("MSPS Tuition", "the MSW program");
    # ours start MSL or MSI ("MST" after a time, "MSU" alone are not degrees).
    r"(?-i:MS(?![LI])[A-Z]{1,3})(?=\s+(?:[Pp]rogram|[Dd]egree|[Ss]tudents|[Tt]uition|[Aa]pplicants|[Cc]ourses)\b)",
    r"master\s+of\s+science\s+(?:in\s+)?(?!librar|information(?!\s+technology)|in\b)(?-i:[A-Z])\w+(?:\s+\w+)?",
    r"master\s+of\s+(?:business|public|social|fine|education|arts\s+in\s+(?!librar|information))\w*",
    r"(?:bachelor'?s|undergraduate)\s+and\s+master'?s", r"accelerated\s+(?:bachelor|BA|BS|master|program)\w*",
    r"requirements\s+for\s+the\s+(?:\w+\s){1,5}?(?:concentration|certificate|specialization|endorsement)",
)
# This program's names: a mention ends the reach of another credential's heading.
PROGRAM_NAMES: tuple[str, ...] = (
    r"(?<!/)(?<!/\s)M\.?\s?L\.?\s?I\.?\s?S\.?c?(?!\s?/\s?[A-Z])", r"(?<!/)(?<!/\s)M\.?\s?L\.?\s?S\.?(?!\s?/\s?[A-Z])", r"M\.?S\.?\s?L\.?\s?(?:I\.?\s?)?S\.?", r"M\.?\s?I\.?\s?S\.?",
    r"(?<!/)master\s+of\s+(?:library|information)(?:\s+(?:and|&)\s+information)?(?:\s+(?:science|studies))?",
    r"(?<!\ba\s)(?<!\ban\s)master'?s\s+(?:degree\s+)?in\s+(?:library|information)", r"M\.?A\.?\s+in\s+(?:LIS|library)", r"MI\s+(?:degree|program)",
    r"master'?s\s+program", r"M\.?S\.?(?=\s+(?:and|or|&)\s)",
)

# Headings of an admission route: a route below the regular one ("Probationary Admission:") holds
# for the list under it until a regular route's heading ("Unconditional Admission:").
LESSER_ROUTE_HEADINGS: tuple[str, ...] = (
    r"(?<!un)(?:conditional|provisional|probationary|special)\s+admission\s?:",
)
REGULAR_ROUTE_HEADINGS: tuple[str, ...] = (r"(?:regular|unconditional|full|standard)\s+(?:graduate\s+)?admission\s?:",)
# A text whose list is for students already in the program (credits completed toward the degree):
# its minimums are not this program's admission minimum. (A floor that programs may raise, "Some
# programs set higher standards", is read apart: FLOOR_RAISED_BY_PROGRAMS, issue 19 sixth pass.)
NOT_THE_PROGRAMS_MINIMUM: tuple[str, ...] = (
    r"complet\w*\s+(?:of\s+)?(?:at\s+least\s+|a\s+minimum\s+of\s+)?\d{1,2}\s+(?:credits?|credit\s+hours|hours|units)\s+toward\s+the",
)

# Which scopes move which field's value away from this program's fact.
FIELD_SCOPES: dict[str, tuple[str, ...]] = {
    "min_gpa": ("other_program", "funding", "standing", "course_grades", "graduation", "statistic", "lesser_route"),
    "entrance_exam": ("other_program", "funding"),
    "total_credits": ("other_program", "part", "statistic", "lesser_route"),
    "duration": ("other_program", "statistic", "accreditation_term", "placement", "standing", "lapse", "credit_age",
                 "elsewhere"),
    "application_deadlines": ("other_program", "placement", "office", "disregard", "event", "opens", "not_application"),
    "tuition": ("other_program", "funding", "not_program_charge"),
    "application_fee": ("other_program", "funding"),
    "ala_accredited": ("elsewhere",),
    "delivery": ("other_program", "compliance", "intent", "event"),
}

# Words that name this program's own school or field: a rate stated "for the School of Information"
# after a general graduate rate is the program's own (the general one is not).
PROGRAM_OWN: tuple[str, ...] = (
    r"school\s+of\s+information(?:\s+(?:science|studies|sciences))?", r"i-?school", r"information\s+school",
    r"librar(?:y|ianship)(?:\s+(?:and|&)\s+information)?(?:\s+(?:science|studies))?", r"\bLIS\b", r"M\.?L\.?I\.?S\.?",
    r"M\.?L\.?S\.?", r"information\s+(?:science|studies)",
)

# A rate for every graduate student of the university, which a school's own rate replaces.
GENERAL_RATE_WORDS: tuple[str, ...] = (
    r"(?:general|standard|base|university|graduate)\s+(?:tuition|rates?)", r"all\s+graduate\s+(?:students|programs)",
    r"university[-\s]wide",
)

# The program's own subject: a head naming it makes the nearest head this program, not a part.
PROGRAM_SUBJECT: tuple[str, ...] = (
    r"M\.?\s?L\.?\s?I\.?\s?S\.?", r"M\.?\s?L\.?\s?S\.?", r"M\.?S\.?\s?L\.?\s?I\.?\s?S\.?", r"M\.?S\.?\s?I\.?\s?S\.?",
    r"degree", r"program(?:me)?", r"master'?s", r"curriculum",
)

# ---- status words -----------------------------------------------------------------------------

# An exam that is no longer asked for, said without "not required".
EXAM_NOT_REQUIRED: tuple[str, ...] = (
    r"(?:has|have)\s+(?:stopped|ceased|discontinued|ended|dropped)\s+(?:requiring|accepting|using|considering)",
    r"(?:stopped|ceased|discontinued|dropped|eliminated|removed)\s+the\s+(?:\w+\s)?(?:requirement|GRE|MAT)",
    r"replaces?\s+the\s+(?:\w+\s)?requirement\s+for",
    r"(?:do|does|will)\s+not\s+(?:require|accept)\s+or\s+(?:accept|require|review|consider)",
    r"neither\s+require[sd]?\s+nor\s+accept\w*",
    r"no\s+longer\s+an?\s+(?:admission\s+)?requirement",
    r"(?:has\s+been|have\s+been|was|were|is|are)\s+replaced\s+(?:by|with)",
    # "Our requirements do not list a GMAT or GRE test", "We do not use GRE scores".
    r"requirements?\s+(?:do|does)\s+not\s+(?:list|include|ask\s+for|call\s+for)",
    r"(?:do|does|will)\s+not\s+(?:use|consider|review|look\s+at)\s+(?:the\s+)?(?=GRE|MAT|GMAT|standardi[sz]ed|test|entrance)",
    r"replaces?\s+the\s+(?:GRE|MAT|GMAT|standardi[sz]ed\s+test|entrance\s+exam|test)\w*(?:\s+(?:score\s+)?requirement)?",
    r"neither\s+(?:the\s+)?[\w()-]+(?:\s+[\w()-]+)?\s+nor\s+(?:the\s+)?[\w()-]+(?:\s+[\w()-]+)?\s+(?:is|are)\s+(?:required|needed|necessary)",
)
# An exam asked of one group of applicants only ("required for all international applicants",
# "ALL international and School Library applicants are REQUIRED"): a condition, not a rule for all.
EXAM_ONE_GROUP: tuple[str, ...] = (
    r"(?<!domestic\s)(?<!domestic\sand\s)(?<!domestic\s&\s)(?<!and\s)international(?:\s+(?:and|or|&)\s+(?:[\w-]+\s){1,3}?)?\s*(?:applicants|students)",
    r"(?:applicants|students|those|candidates)\s+(?:who|whose)\s+(?:do\s+not|don't|did\s+not|have\s+not|haven't|lack|fail\w*\s+to)\b",
)
# Words that make a rule hold for everyone, the opposite of a waiver ("even if you hold an
# advanced degree").
EXAM_NO_WAIVER: tuple[str, ...] = (
    r"even\s+if\s+[^.;]{0,160}", r"regardless\s+of\s+(?:prior|previous|your|any)\s+[^.;]{0,160}",
)
# Routes beside a test: "GRE scores, or a graduate degree, or three years of experience".
EXAM_ALTERNATIVES: tuple[str, ...] = (
    r"or\s+(?:hold|have|possess|present|show|document)\s+(?:an?\s+)?(?:\w+\s){0,2}?(?:degree|experience)",
    r"or\s+(?:\w+\s+){0,3}?(?:years?|months?)\s+of\s+(?:[\w-]+\s+){0,3}?experience",
    # "either GRE scores, evidence of a completed graduate degree, or ...": routes listed.
    r"either\s+(?:the\s+)?(?:GRE|MAT|GMAT|test|standardi[sz]ed)[^.;]{0,80}?\b(?:degree|experience)\b",
    r"or\s+(?:an?\s+)?(?:earned\s+)?(?:graduate|master'?s|advanced|doctoral)\s+degree",
    r"(?:one\s+of\s+the\s+)?alternative\s+(?:methods|routes|ways|options|means)",
)
# Accreditation not yet held.
NOT_YET_ACCREDITED: tuple[str, ...] = (
    r"intends?\s+to\s+(?:seek|pursue|apply\s+for)", r"plans?\s+to\s+(?:seek|pursue|apply\s+for)",
    r"will\s+(?:seek|pursue|apply\s+for)", r"in\s+the\s+process\s+of\s+(?:seeking|pursuing|applying|obtaining)",
    r"pursuing\s+(?:\w+\s)?accreditation", r"working\s+toward\s+(?:\w+\s)?accreditation",
    r"(?:has\s+)?applied\s+for\s+(?:\w+\s)?accreditation",
    r"(?:is\s+|are\s+)?seeking\s+(?:\w+\s){0,3}?accreditation",
)

# ---- terms by month, and a money column's scale ------------------------------------------------

# "September start", "August entry": a start named by its month, read as its term only with a start
# word right after it. January is left out: the spring semester at one school, the winter quarter
# at another.
START_MONTH_TERMS: dict[str, str] = {
    "august": "fall", "aug": "fall", "september": "fall", "sept": "fall", "sep": "fall",
}
START_WORDS: tuple[str, ...] = ("start", "starts", "entry", "intake", "admission", "cohort", "enrollment")
# "The following figures are semester rates", "All rates are per semester": a unit for a table.
TABLE_UNIT_WORDS: tuple[str, ...] = (
    r"(?:the\s+)?following\s+(?:figures|amounts|rates|charges)\s+are\s+(?P<u1>semester|term|quarter|annual|yearly|per[-\s]credit)\s+(?:rates|charges|figures|amounts)",
    r"(?:all\s+)?(?:figures|amounts|rates|charges)\s+(?:are|shown\s+are|listed\s+are)\s+per\s+(?P<u2>semester|term|quarter|year|credit(?:\s+hour)?)",
)

# ---- abstaining: where binding is weak (issue 19, money side, second pass) -----------------------
# Words that tie a value to something other than a plain requirement of this program. Each list
# feeds one rule of binding.py's "abstaining" section; nothing is spelled in a parser.

# A number that bounds a class of programs or students instead of stating a requirement:
# "programs of 36 credits or less", "more than 36 credits", "students with 9 or more credits".
COMPARED_AFTER: tuple[str, ...] = (r"or\s+(?:less|fewer|more|greater|above|below|under|over)",)
COMPARED_BEFORE: tuple[str, ...] = (
    r"(?<!no\s)(?<!not\s)(?:more|less|fewer|greater)\s+than", r"(?<!no\s)over", r"under", r"exceeding",
)
# The subject of a value is the degree's completion or a stage once enrolled, not admission:
# "A graduate degree requires ... with a minimum cumulative GPA of 3.0", "Applicants for degree
# candidacy must have ... 3.00". A scope of min_gpa (SCOPES["completion"]).
COMPLETION_WORDS: tuple[str, ...] = (
    r"(?:graduate|master'?s)\s+degree\s+requires?", r"to\s+earn\s+(?:a|the)\s+(?:\w+\s)?(?:degree|diploma)",
    r"degree\s+candidacy", r"candidacy", r"general\s+degree\s+requirements?",
)
# A rule for applicants who already hold graduate credits: their graduate GPA, not the regular
# admission minimum ("If you have earned 9 or more graduate credits, your GPA on those credits ...").
EARLIER_GRADUATE_WORK: tuple[str, ...] = (
    r"(?:\d{1,2}|six|nine|twelve)\s+or\s+more\s+(?:semester\s+|quarter\s+)?(?:graduate\s+)?(?:credits?|credit\s+hours|hours)"
    r"(?:\s+of\s+graduate)?",
    r"graduate\s+(?:credit\s+)?GPA\s+supersedes",
)
# How a label meets its value: a colon, or a dash set off by spaces. A hyphen glued to a word joins a
# name ("K-12", "Title-IV"), never a label to its value.
LABEL_SEPARATOR = r"(?::\s?|\s[-\u2013\u2014]\s?|[\u2013\u2014]\s?)"

# The two scopes above, registered here so this section stays one block: a GPA whose sentence is
# about completing the degree, or about applicants with graduate work already, is not the minimum.
SCOPES["completion"] = ("clause", COMPLETION_WORDS)
SCOPES["earlier_graduate_work"] = ("clause", EARLIER_GRADUATE_WORK)
FIELD_SCOPES["min_gpa"] = (*FIELD_SCOPES["min_gpa"], "completion", "earlier_graduate_work")
# Applicants outside any degree ("International non-degree applicants are also charged ...").
SCOPES["other_program"] = ("clause", (*SCOPES["other_program"][1], r"non-?degree\s+applicants?"))
# A charge named by the service it pays for, written as a label without the word "fee"
# ("Technology (per course): $50", "Student Activity: $40"): a fee, never tuition.
SERVICE_CHARGE_LABELS: tuple[str, ...] = (
    r"technology", r"(?:student\s+)?activity", r"student\s+services?", r"registration", r"library", r"lab(?:oratory)?",
    r"health\s+services?", r"recreation", r"athletics?", r"transportation", r"parking", r"matriculation",
)
# Charges that are not the application fee, named beside it on fee lists ("Graduation (for most
# degrees): $100", "Transcripts (per copy): $10", "Tuition Deposit $300").
# (Transcripts are named as a charge only by their price's label: an application sentence asks
# for transcripts as documents.)
SCOPES["other_charge"] = ("clause", (
    r"graduation", r"transcripts?\s?(?:\([^()]{0,20}\)\s?)?:", r"transcript\s+fees?", r"comprehensive\s+exam\w*",
    r"late\s+(?:registration|payment)", r"parking", r"housing", r"diploma", r"thesis\s+binding",
))
FIELD_SCOPES["application_fee"] = (*FIELD_SCOPES["application_fee"], "other_charge")
# Figures a page calls estimates ("Estimated Tuition and Fees", "estimated living expenses"):
# approximations, never a rate (the corpus convention); an audit's charge is not a rate either.
ESTIMATE_WORDS: tuple[str, ...] = (r"estimat\w*", r"projected\s+(?:cost|tuition|expenses?)")
AUDIT_LABELS: tuple[str, ...] = (r"(?:participation\s+)?audit\w*",)
# What a student can or may take in a term is a load, not what the degree requires.
# A number labelled by a term ("The Spring Semester: 12 Credit Hours") is that term's load too.
LOAD_WORDS: tuple[str, ...] = (
    r"(?:can|may)\s+(?:register|enroll|take)\b", r"maximum\s+(?:number\s+of\s+)?(?:credit\s+)?hours",
    r"(?:fall|spring|summer|winter)(?:\s+(?:semester|term|session|quarter))?\s?:",
)

# ---- positive binding: credits, GPA, duration (issue 19, third pass) ------------------------------
# The positive side of binding for total_credits, min_gpa and duration (binding.py, "positive
# binding"): a value is read only where its text names the fact's subject or predicate. Regex
# fragments, case-insensitive, matched as whole words.

# min_gpa: the admission side. A GPA binds to this program's admission minimum only in a text that
# names admission, applying or the applicant's earlier record (an undergraduate or bachelor's GPA,
# "the last 60 hours"). A text naming none of these but a stage once enrolled (students, the degree,
# graduating, standing, courses) states a GPA to keep or to finish with, not to be admitted.
MIN_GPA_ADMISSION_WORDS: tuple[str, ...] = (
    r"admi(?:ssions?|tted|ts?|tting)", r"appl(?:y|ying|ies|icants?|ications?)", r"entrance", r"entry",
    r"undergraduate", r"baccalaureate", r"bachelor'?s?", r"(?:prior|previous|earlier)", r"last\s+\d+", r"upper[-\s]division",
    r"accept\w*", r"prerequisites?", r"enter\w*", r"eligib\w*\s+(?:for\s+)?(?:admission|to\s+apply)",
    r"to\s+be\s+considered", r"qualify\s+for\s+admission",
    r"(?:highest|completed|earned|conferred)\s+(?:\w+\s)?degrees?",
)
MIN_GPA_ENROLLED_SUBJECTS: tuple[str, ...] = (
    r"students?", r"candidates?", r"degree", r"standing", r"courses?", r"complet\w*", r"continu\w*", r"award\w*",
    r"earn\w*",
)
# total_credits: the predicates that bind a credit figure to the degree's total, beside the words
# credits.py already reads as a total ("total", "requires", "complete", "program", "degree"): a
# requirements heading ("Curriculum requirements: 33 credits"), the degree named as the subject
# ("Master of Science 36 Credits"). A figure in a text naming none of them (a GPA "calculated on the
# last 60 credits", "hours per week") states no total.
TOTAL_CREDITS_PREDICATES: tuple[str, ...] = (
    r"requirements?", r"master'?s?", r"masters", r"graduation", r"totals?", r"total(?:l)?ing", r"needs?", r"needed", r"length",
    # A requirement by cohort ("36 credits for those starting Fall 2022 or later") is that cohort's total.
    r"start(?:s|ed|ing)", r"entering", r"entered", r"matriculat\w*",
    *PROGRAM_SUBJECT,
)
# A figure tied to a period is a rate or a load, never the degree's total: "20 hours per week",
# "12 credits a semester", "6 hours in a long semester" (credits.py reads "per semester" already).
TOTAL_CREDITS_RATE_AFTER: tuple[str, ...] = (
    r"(?:per|a|an|each|every)\s+(?:week|day|month|semester|term|quarter|session)",
    r"in\s+(?:a|any|one|each)\s+(?:\w+\s)?(?:semester|term|quarter|session)", r"weekly",
)
# duration: the predicates that bind a span of time to the program's length or limit. A span in a
# sentence naming none of them ("A student who does not enroll for three semesters, or one year,
# must apply for readmission") is about something else.
DURATION_PREDICATES: tuple[str, ...] = (
    r"complet\w*", r"finish\w*", r"graduat\w*", r"earn\w*", r"length", r"duration", r"long", r"time", r"limit\w*",
    r"programs?", r"programmes?", r"degrees?", r"stud(?:y|ies|ying)", r"full[-\s]?time", r"part[-\s]?time", r"tak(?:e|es|ing)",
    r"lasts?", r"spans?", r"designed", r"pace", r"allowed", r"permitted", r"curriculum", r"course\s?work", r"requirements?",
    r"cohorts?", r"timeline", r"plan", r"track", r"M\.?L\.?I\.?S\.?", r"M\.?L\.?S\.?", r"M\.?S\.?", r"M\.?A\.?", r"MI",
    r"master'?s?", r"within", r"done",
)
# An obligation to complete: the figure in its clause is a time limit, whatever preposition meets it
# ("must be completed during the six years immediately preceding ...").
DURATION_OBLIGATION: tuple[str, ...] = (
    r"(?:must|shall|should|are\s+required\s+to|is\s+required\s+to)\s+(?:be\s+)?(?:complet\w*|finish\w*|fulfill\w*|satisf\w*)",
)
# The program's start, which a limit counts from: "seven years from the date of admission", "within six
# years of the date the first course ... was completed".
DURATION_FROM_START: tuple[str, ...] = (
    r"(?:of|from)\s+(?:the\s+)?date\s+(?:of\s+)?(?:the\s+|their\s+|your\s+)?(?:admission|matriculation|enrollment|entry|first|initial)",
    # "Master's Degree - 5 years from matriculation" (issue 19, fifth pass): the start without "date of".
    r"from\s+(?:the\s+|their\s+|your\s+)?(?:admission|matriculation|initial\s+enrollment|entry)",
)
# A count per year is a frequency, not a length: "three 14-week terms a year", "two intakes a year".
DURATION_FREQUENCY_BEFORE: tuple[str, ...] = (
    r"(?:terms|semesters|quarters|sessions|intakes|starts|cohorts|courses|classes|times|blocks|modules)",
)
# A university's default that a program may replace ("within five years ..., unless the student is in a
# program with a different time limit"): not this program's value. A scope of credits, GPA, duration.
SCOPES["default_overridden"] = ("clause", (
    r"unless\s+(?:[\w'-]+\s){0,10}?(?:program|department|college|school)s?\s+(?:[\w'-]+\s){0,4}?(?:different|own|other|higher|additional)",
))
# A floor that a department adds to ("a minimum of 30 semester hours ... and such other study as the
# department ... may require"): not the degree's total (a lower bound of time stays one: duration
# and GPA do not take this scope).
SCOPES["floor_added_to"] = ("clause", (
    r"(?:such\s+)?(?:other|additional|further)\s+(?:study|work|courses|coursework|requirements?)\s+as\s+(?:[\w'-]+\s){0,10}?(?:department|program|school|college)",
))
FIELD_SCOPES["total_credits"] = (*FIELD_SCOPES["total_credits"], "floor_added_to")
FIELD_SCOPES["duration"] = (*FIELD_SCOPES["duration"], "default_overridden")
FIELD_SCOPES["total_credits"] = (*FIELD_SCOPES["total_credits"], "default_overridden")
FIELD_SCOPES["min_gpa"] = (*FIELD_SCOPES["min_gpa"], "default_overridden")
# A text that says there is no minimum GPA ("There is no stated minimum"): a figure beside it is
# advice or a profile, not a floor.
MIN_GPA_NONE: tuple[str, ...] = (
    r"(?:there\s+is\s+|has\s+|have\s+|with\s+)?no\s+(?:stated\s+|set\s+|specific\s+|official\s+|required\s+|formal\s+)?(?:minimum|cut-?off)",
    r"(?:does|do)\s+not\s+(?:have|set|require)\s+a\s+(?:minimum|cut-?off)",
)
# A credit figure placed somewhere by its predicate is a distribution rule, not the total: "at least 12
# hours be at the 500-level", "8 of those 12 hours be in the major", "credits taken within UMSI".
TOTAL_CREDITS_PLACED_AFTER: tuple[str, ...] = (
    r"(?:(?:must|may|can|should|will)\s+)?be\s+(?:taken\s+|earned\s+|completed\s+)?(?:at|in|within|from|outside)\s",
    r"(?:taken|earned|completed)\s+(?:in|at|within|outside|through)\s",
    r"(?:at|numbered)\s+(?:the\s+)?\d{3,4}[-\s]?level", r"at\s+the\s+\d{3,4}",
)


# ---- money, third pass (issue 19, reading-e): positive binding for tuition and application_fee ----
# A value is read only where words bind it to the fact; these lists name those words for the two
# money fields. Each list feeds one rule (money.py, tuition.py); benchmarks/reading_rules.py counts
# what each decides.

# The application fee's own names: an amount is the application fee only where the charge name
# nearest it is one of these ("Application Fee $50", "a $75 application fee", "a non-refundable
# processing fee of $60.00", "a $50.00 fee for application processing").
APPLICATION_FEE_NAMES: tuple[str, ...] = (
    r"(?:new\s+)?application(?:\s+(?:processing|submission))?\s+fees?", r"(?:application\s+)?processing\s+fees?",
    r"fees?\s+(?:for|of)\s+(?:the\s+|each\s+|an\s+)?application(?:\s+processing)?", r"fees?\s+to\s+apply",
    # "a non-refundable fee must be submitted with the application"; a fee list's label "Application (all degrees):".
    r"fees?(?:\s+[\w-]+){0,5}?\s+with\s+(?:the|your|each|an?)\s+application", r"application\s?(?:\([^()$]{0,30}\)\s?)?:",
)
# Other charges named on the same fee lists: the nearest of these before (or right after) an amount
# makes it that charge's, not the application fee ("Readmission Fee $75", "a $150 tuition deposit").
# (Rates are not listed: a text naming only tuition or a registration fee is a bare amount to
# parse_money, whose callers pass the label they located.)
APPLICATION_FEE_OTHER_NAMES: tuple[str, ...] = (
    r"re-?admission", r"change\s+of\s+status", r"deposits?", r"graduation", r"transcripts?", r"late\s+\w+",
    r"insurance", r"orientation", r"parking", r"housing",
    r"document(?:\s+processing)?\s+fees?", r"comprehensive\s+exam\w*", r"diploma",
    r"re-?application",  # sixth pass: a re-applicant's fee
)
# Applicant groups whose fee is another's when a domestic fee is stated beside it: the corpus
# convention reads the domestic fee ("International $95.00 U.S. Citizen/Permanent Residents $75.00").
APPLICATION_FEE_OTHER_GROUP: tuple[str, ...] = (r"international", r"non-?U\.?S\.?", r"foreign", r"for\s+all\s+others")
# Applicants to another credential or to no degree: their application fee is not this program's.
SCOPES["other_applicants"] = ("clause", (
    r"(?:graduate\s+)?certificate\s+(?:students?|applicants?|programs?|application)", r"non-?matriculated",
))
FIELD_SCOPES["application_fee"] = (*FIELD_SCOPES["application_fee"], "other_applicants")

# The words that name a price: an amount is a tuition or fee rate only where one of these stands in
# the text before it or in its own clause (a heading the spider keeps counts). "Full-time: $500"
# under "Maximum Annual Amount" (an award) names no price.
PRICE_WORDS: tuple[str, ...] = (
    r"tuition", r"fees?", r"charges?", r"charged", r"rates?", r"costs?", r"prices?", r"surcharges?", r"billed", r"pays?",
    r"paid", r"levy", r"assessed",
    # a charge named by its service ("Technology (per course): $50"); "library" is no price word here
    r"technology", r"(?:student\s+)?activity", r"student\s+services?", r"registration", r"health\s+services?",
    r"recreation", r"athletics?", r"transportation", r"parking", r"matriculation", r"lab(?:oratory)?",
)
# An amount named as an amount, not as a price ("Maximum Annual Amount", "Per Semester Amounts"):
# without a price word, what the text gives is an award's or a limit's figure.
AMOUNT_NOT_PRICE: tuple[str, ...] = (r"(?:maximum|minimum|annual|award|semester|yearly)\s+amounts?", r"amounts?\s+(?:awarded|per\s+\w+)")
# Rows of a price list that are another group's or a course's, not the program's: a course number
# ("TGS 512", "COUN 669A"), students outside the degree, a registration status, a differential
# charged by program or course. Read like an undergraduate row (tuition.py's level rows).
TUITION_OTHER_ROWS: tuple[str, ...] = (
    r"(?-i:[A-Z]{2,5}\s?\d{3,4}[A-Z]?)(?!\s?-\s?\d)", r"non-?matriculated(?:\s+students?)?", r"continuous\s+registration",
    r"continuing\s+registration", r"maintenance\s+of\s+(?:status|candidacy|matriculation)",
    r"(?:program|course)\s+or\s+(?:program|course)\s+differential", r"differential\s+tuition\s+(?:rates?|fees?)",
    # sixth pass: professional schools named as a price table's column or row ("Optometry Tuition")
    r"optometry", r"veterinary(?:\s+medicine)?",
)
# A rate that is not yet set: "Tuition based on a proposed $2,421 per credit" (like an estimate).
TUITION_NOT_SET: tuple[str, ...] = (r"proposed", r"anticipated", r"tentative", r"pending\s+(?:board\s+)?approval")
# A budget (cost of attendance): a clause that lists living costs beside tuition states no rate.
COST_OF_ATTENDANCE: tuple[str, ...] = (
    r"living\s+(?:expenses?|costs?|allowances?)", r"room\s+and\s+board", r"cost\s+of\s+attendance", r"personal\s+expenses?",
    r"books\s+and\s+supplies",
)
# Students outside the degree: a charge for them is not the program's ("A $50.00 fee is charged to
# every non-matriculated student").
SCOPES["outside_degree"] = ("clause", (r"non-?matriculated",))
FIELD_SCOPES["tuition"] = (*FIELD_SCOPES["tuition"], "outside_degree")


# ---- application_deadlines: positive binding (issue 19, third pass) ---------------------------
# A date is an application deadline only where its own words (or a label or heading the spider
# keeps with it) bind it: a predicate of applying or a deadline's name within its reach. A date
# with none is not read ("On January 16 we begin reviewing applications", "August 21 | classes
# start"). Term labels ("Fall: May 1", "Fall Semester July 1") and kind headings bind too; they
# are read by deadlines.py itself.
DEADLINE_PREDICATES: tuple[str, ...] = (
    r"deadlines?", r"due(?:\s+dates?)?", r"cut-?\s?off", r"postmarked", r"received", r"no\s+later\s+than", r"not\s+later\s+than",
    r"(?:apply|applying|applied|submit\w*|complete[ds]?|finish\w*|file[ds]?|filing)\b[^.;|\u2022]{0,80}?\b(?:by|before|until|on\s+or\s+before|prior\s+to)",
    r"(?:apply|submit)\s+(?:your\s+|an?\s+|the\s+)?(?:application\s+)?by", r"until", r"close[sd]?", r"closing", r"shuts?\s+(?:off|down)",
    r"(?:not|never)\s+(?:be\s+)?(?:accepted|considered|reviewed|processed)\s+after",
    r"last\s+day\s+(?:to|for)\s+(?:apply|applying|submit|applications?|admission)", r"(?:priority|preferred|final|early|regular|general|standard)"
    r"(?:\s+(?:application|admission|review))?\s+(?:dates?|deadlines?|decision|consideration|round|admissions?)",
    r"priority", r"preferred", r"final\s+admissions?", r"rounds?\s+\d", r"round\s+(?:one|two|three)",
    r"(?:enrollment|entry|admissions?|intake|start)\s?:", r"(?:for|to)\s+(?:be\s+)?(?:considered|consideration)",
)
# What a student's funding depends on when the date is the application's: "To be considered for
# merit-based aid, submit the application by February 1", "For many financial aid opportunities,
# it is better to apply by December 15", "applicants seeking assistantship consideration": the
# date is a priority date (not a separate funding application, which FUNDING_WORDS move away).
DEADLINE_FUNDING_PURPOSE: tuple[str, ...] = (
    r"(?:to\s+be\s+|be\s+)?considered\s+for\s+(?:\w+[-\s]){0,3}?(?:aid|funding|scholarships?|assistantships?|fellowships?|awards?)",
    r"for\s+(?:many\s+|most\s+|all\s+)?(?:financial\s+aid|funding|scholarship|assistantship|fellowship)\s+(?:opportunities|consideration)",
    r"seeking\s+(?:\w+\s){0,2}?(?:assistantship|funding|fellowship|scholarship)s?\s+consideration",
)
# Advice rather than a rule: "we encourage students to submit applications by December 15", "it
# is better to apply by", "please finish your application by": a preferred date, unless the text
# names its kind.
DEADLINE_ADVICE: tuple[str, ...] = (
    r"(?:we\s+|are\s+|is\s+)?(?:strongly\s+)?encourage[ds]?", r"(?:it\s+is\s+)?(?:better|best|wise)\s+to", r"please\s+(?:\w+\s){0,4}?by",
    r"(?:we\s+)?(?:suggest|advise)[sd]?",
)
# A date compared rather than set: "If departmental deadlines are earlier than February 15",
# "applications submitted after February 1", "after January 10 and before June 30". ("no later
# than" and "not accepted after" are deadlines: deadlines.py reads the negation first.)
DEADLINE_COMPARED: tuple[str, ...] = (r"earlier\s+than", r"later\s+than", r"after", r"prior\s+to\s+or\s+after")
# Other business named beside or after a date, in a row or a heading: tuition and graduation
# calendars, theses, course changes. Read in a text's heading (DEADLINE_HEADING_SCOPES below); not
# one of FIELD_SCOPES: a clause that names a thesis may still state an application deadline.
DEADLINE_OTHER_BUSINESS: tuple[str, ...] = (
    r"tuition\s+(?:due|payment)", r"(?:payment|conferral|disenroll\w*)\s+(?:deadlines?|dates?)", r"conferral", r"disenroll\w*",
    r"(?:graduation|degree)\s+application", r"apply\s+for\s+(?:a|the)\s+degree", r"(?:thesis|dissertation|disquisition)\w*",
    r"course\s+changes",
)
SCOPES["deadline_other_business"] = ("clause", DEADLINE_OTHER_BUSINESS)
# A table row labelled by a degree in parentheses ("| Creative Writing (MFA) | Feb 1 |", "|
# Business Administration (MBA) | Aug 1 |"): that degree's row. Ours are PROGRAM_NAMES.
DEADLINE_ROW_DEGREE = r"\(\s?(?:M|Ph\.?\s?D|Ed\.?\s?[SD]|D|G\.?C|PMC|B|Cert)[A-Za-z.+&/ ]{0,12}\)"
# The scopes whose words, in a text's first clause beside a date or a deadline's name, make the
# whole text that business's list ("Co-op applications ... opened on January 1. ... The last day to
# apply for summer admission is April 30"; "December 31 Conferral Deadlines • ... • Final Submission
# Deadline: December 1").
DEADLINE_HEADING_SCOPES: tuple[str, ...] = ("placement", "not_application", "deadline_other_business", "office")
# A flattened table's column heading that names something other than applying ("Term | Deadline |
# File Completion Deadline | ---|---|---|", "Apply by | Classes begin"): its cells are not deadlines.
DEADLINE_COLUMN_OTHER: tuple[str, ...] = (
    r"file\s+completion", r"(?:supporting\s+)?documents?", r"transcripts?", r"decisions?", r"notification\w*", r"classes",
    r"(?:program\s+)?start", r"begins?", r"orientation", r"reply",
    # (sixth pass) "Term | Application Open | Application Close | Interview Dates | ...": an opening's or an interview's column.
    r"(?:application\s+)?open(?:s|ing)?", r"interviews?",
)


# ---- status fields' binding: entrance_exam, ala_accredited, delivery (issue 19, r-status) ---------
# The positive side of binding for the three status readers. Each list names who or what a
# sentence's status is said of; binding.py's "status fields" section turns them into rules.

# Who holds an exam rule, when it is not this program: departments or programs that set their
# own, a department named by its subject, "programs that require", "if the department requires".
# A sentence naming one of these states no rule for this program (unless it names this program).
EXAM_RULE_HOLDERS_ELSEWHERE: tuple[str, ...] = (
    r"depending\s+on\s+(?:the|your|each)\s+(?:\w+\s)?(?:department|program|school|college|major)",
    r"(?:if|when|where)\s+(?:the|a|your)\s+(?:[\w'-]+\s){0,6}?(?:department|program|school|college)s?\s+"
    r"(?:[\w'-]+\s){0,6}?(?:requires?|opts?\s+to|chooses?\s+to)\b",
    r"(?:if|when)\s+(?:individual\s+)?programs\s+(?:opt|choose|elect|decide)\s+to",
    r"(?:departments?|programs?)\s+(?:that|which)\s+(?:requires?|recommends?)\b",
    r"(?:the\s+)?programs\s+listed\s+(?:above|below|here)",
    r"department\s+of\s+(?!librar|information|lis\b)(?-i:[A-Z])\w+",
    r"(?:not\s+)?required\s+centrally", r"(?:each|every)\s+(?:graduate\s+)?(?:program|department)\s+(?:determines|sets|decides|establishes)",
    r"(?:our|the|its)\s+graduate\s+programs\b[^.;]{0,60}\bmay\b",
    r"(?:if|when|unless)\W+(?:\w+\W+){0,3}?your\s+program\s+requires",  # "required only if: - your program requires the score"
)
# An imperative that asks every applicant for the scores ("Submit official GRE or MAT scores."),
# at the start of a sentence or of a list item: the exam is required.
EXAM_IMPERATIVE: tuple[str, ...] = (r"(?:submit|provide|send|present)\s+(?:your\s+|an?\s+)?(?:official\s+)?",)

# What an accreditation is said of when it is not this program: a kind ("choose one that is
# accredited", "schools that are accredited"), told by an indefinite or plural head.
ACCREDITED_KIND_HEADS: tuple[str, ...] = (
    r"one", r"ones", r"an?\s+(?:\w+\s){0,2}?(?:program|school|institution|degree)", r"any\s+(?:\w+\s)?(?:program|school)",
    r"(?:programs|schools|institutions|degrees)",
)
# Accreditors the ALA's status words can belong to; a status word (candidacy, seeking) binds to the
# ALA only where the ALA (or its Committee on Accreditation) is named in the text.
ALA_NAMES: tuple[str, ...] = (r"ALA", r"american\s+library\s+association", r"COA", r"committee\s+on\s+accreditation")

# A delivery said of a kind of course or program rather than this one: an indefinite subject ("An
# online class is taught ...", "If a program is designated ..."), a bare plural of a mode ("Online
# courses are taken asynchronously", "Hybrid classes include ..."), schools in general, or a
# glossary heading naming a kind ("Online Asynchronous Course (own time)* ...", "Blended Program:").
DELIVERY_MODE_ADJECTIVES: tuple[str, ...] = (
    r"online", r"hybrid", r"blended", r"synchronous", r"asynchronous", r"distance", r"in-person", r"face-to-face",
    r"on-?campus", r"traditional", r"live\s+virtual", r"web-based", r"remote",
)
DELIVERY_KIND_SUBJECTS: tuple[str, ...] = (
    # The indefinite subject of a description ("An online class is taught ..."); a fragment that
    # names this program ("A low-residency program with a required residency") is no kind.
    r"(?:if\s+)?(?:an?|any)\s+(?:[\w-]+\s){0,2}?(?:course|class|program|section)\s+(?:is|are|means|includes?|has|requires?)\b",
    r"(?:schools|programs|universities|institutions)\s+(?:that|which)\s+(?:are|offer|have)\b",
)
# A schedule makes classes an instance, not a kind ("Live online classes are held Tuesday and
# Thursday evenings", "Online courses include required weekly live sessions").
DELIVERY_SCHEDULE_WORDS: tuple[str, ...] = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?", r"weekly", r"(?:once|twice)\s+(?:a|per|each)\s+week", r"each\s+week",
    r"every\s+week", r"evenings?", r"weekends?", r"\d{1,2}(?::\d\d)?\s?(?:a\.?m|p\.?m)\b",
    r"(?:per|a)\s+week", r"regularly\s+scheduled", r"(?:at\s+)?fixed\s+times",
)
DELIVERY_KIND_NOUNS: tuple[str, ...] = (r"courses?", r"class(?:es)?", r"programs?", r"learning", r"sections?")


# ---- shape gate: tuition, fees and the application fee (issue 19, fourth pass) --------------------
# binding.py's "shape gate" section reads these; each list serves one veto or one kept shape.

# A predicate that gives a fee its unit from a term word written after it: "A technology fee of
# $150 is charged each semester". A term word elsewhere in the sentence ("End of semester
# delinquent account charge $75.00") gives no unit.
RATE_TERM_PREDICATE = (
    r"(?:is\s+|are\s+|will\s+be\s+)?(?:charged|assessed|billed|due|payable|collected)?\s?"
    r"(?:each|every|per|a|once\s+(?:a|per|each))\s+(?:fall\s+(?:and|&)\s+spring\s+)?(?:semester|term|quarter|trimester)"
)
# Words that name a fee (not the tuition): an amount with no label of its own under one of these is
# not read as the tuition ("Resource Fees per semester ... Full-time students $590 per semester",
# "Student Technology Levy ... $100/year").
RATE_FEE_WORDS: tuple[str, ...] = (r"fees?", r"levy", r"levies", r"surcharges?")
# A fee word that is one half of a combined heading names the tuition too: "Tuition and Fees".
RATE_TUITION_WORDS: tuple[str, ...] = (r"tuition(?:\s?(?:and|&|\+|/)\s?(?:required\s+)?fees?)?",)
# Another school or college of the university, named before an amount (case-sensitive: a name):
# "David B. Falk College of Sport and Human Dynamics Technology Fee", "College of Visual and
# Performing Arts Course Fee", "Non-Falk majors". A bare "College" is not a name ("Per Credit Hour
# College Online Program Fee" is the school's own fee). A name holding one of PROGRAM_OWN's words or
# RATE_OWN_UNIT_WORDS is this program's school.
RATE_OTHER_UNITS: tuple[str, ...] = (
    r"(?-i:(?:College|School)\s+of\s+(?:(?:[A-Z][\w'-]*|and|&|the|of)\s?){1,7})",
    r"(?-i:[Nn]on-[A-Z][\w]*\s+(?:majors|students))",
)
RATE_OWN_UNIT_WORDS: tuple[str, ...] = (r"information", r"librar\w*", r"graduate")
# A unit that belongs to another level's courses: "$4 per unit of undergraduate lecture course".
RATE_UNIT_OF_OTHER = r"(?:per|/|a|each)\s+(?:credit|unit|hour|course)s?\s+of\s+undergraduate"
# A bare application fee (a text naming no charge) binds only in a label's shape: a few words at most
# beside its amounts, and no number that is not an amount ("Option 3 Extension Minimum 3 credits $ 1,678.00" and
# "Full-time students receive a minimum of $20,000" do not).
BARE_AMOUNT_WORDS = 8
# Unit words a table's header prints one per column ("Type Per Credit Hour Per Semester Yearly
# Total"): two or more of them in a run are columns, and bind a row's cells only one to one.
TABLE_COLUMN_UNITS: tuple[str, ...] = (
    r"per\s+(?:(?:semester|quarter)\s+)?(?:credit(?:\s+hour)?|hour)s?", r"per\s+(?:semester|term|quarter|year|course|unit)s?",
    r"yearly", r"annual(?:ly)?",
    r"semester", r"credit(?:\s+hour)?", r"academic\s+year", r"total",
)
# Fifth pass (issue 19, r5-money): words that say a rate is charged to something other than this
# program's enrolment, written in the few words before the amount (binding.RATE_SCOPE_REACH), by
# class. Each class is one veto of binding.rate_veto ("rate-scope:<class>").
RATE_SCOPE_BEFORE: dict[str, tuple[str, ...]] = {
    # a session or a season, not the program: "Tuition for summer session is $420 per credit hour",
    # "classes taken during the summer will be billed at $469 per credit"
    # (a preposition makes the session the scope; a row labelled "Summer session (per credit hour)"
    # in a graduate price table is the program's summer rate and stays read)
    "session": (r"(?:for|in|during)\s+(?:the\s+)?(?:summer|winter)\s+(?:sessions?|terms?)", r"intersessions?",
                r"during\s+the\s+summer"),
    # a non-standard rate for a group: "enroll for classes at a reduced rate of $685 per credit"
    "reduced": (r"reduced", r"discounted"),
    # another credential's row: "School Psychological Examiner Certification: $420 per credit hour",
    # "Certificate Programs: $65 per credit hour"
    "credential": (r"certificat(?:e|es|ion|ions)", r"endorsements?", r"licensure"),
    # what a student spends on living, not a charge: "Dependent Expenses ... For spouse: $11,500/year"
    "living": (r"expenses?", r"living", r"allowances?", r"spouse", r"child(?:ren)?", r"dependents?"),
    # an applicant group outside the degree: "Non-Degree Costs: $1,482.00 per credit hour",
    # "Part-time Non-degree Special Student $6,765 Per course"
    "group": (r"non-?degree(?:[-\s]seeking)?", r"non-?matriculated", r"visiting\s+students?", r"special\s+students?"),
    # other programs named by their capitalized names in a "for the ..." scope: "For the English,
    # Nursing and Public Affairs programs, tuition is ..." (a name holding PROGRAM_OWN's words is ours)
    "program": (r"(?-i:[Ff]or\s+(?:the\s+)?(?:[A-Z][\w'.-]*,?\s+(?:and\s+|&\s+|or\s+)?){1,6}(?:programs?|majors?|departments?)\b)",),
}
# A scope word named together with this program's rate, not instead of it: "Graduate (includes
# Certificates): Tuition: $565.00" is the graduate rate, certificates included.
RATE_SCOPE_INCLUDED = r"(?:includ\w*|incl\.|and|&|plus|as\s+well\s+as)\s+(?:\w+\s+)?$"

# ---- money, sixth pass (issue 19, r6-money): rows, columns and schedules ---------------------------
# Each list serves one rule of tuition.py or binding.py's "shape gate, sixth pass" section.

# A row label naming this program's level in a price list of level rows ("Masters - $225.00 per semester
# hour" between "Undergraduate - ..." and "Doctoral - ..."): a row that is ours, as "Graduate" is. Not
# "Master of ...", which names a degree (another discipline's row when its field is one).
LEVEL_OWN_ROWS: tuple[str, ...] = (r"master'?s(?!\s+of\b)(?:\s+degree)?",)
# A session's price list named in a text's heading (the words before its first amount): every rate
# below it is that session's ("Summer Session Tuition 2022 ... Graduate* $867/credit", "Tuition for
# summer terms is billed at ... Tuition per credit hour In-State $370.00"). RATE_SCOPE_BEFORE's
# "session" words count there too; a row label "Summer session (per credit hour)" is not a heading.
RATE_SESSION_HEADING: tuple[str, ...] = (
    r"(?:summer|winter|intersession)\s+(?:sessions?|terms?)\s+(?:tuition|rates?|fees?|charges?|costs?)",
    r"(?:tuition|rates?|fees?|charges?)\s+for\s+(?:the\s+)?(?:summer|winter)\s+(?:sessions?|terms?)",
)
# The charge each column of a flattened table's header names, in order ("Tuition General Fees Total per
# Credit Hour" over "Graduate Students $258.30 $33.70 $292.00"): a run of these words, at most
# TABLE_LABEL_GAP words apart, one per column, binds a row of as many cells one to one.
TABLE_KIND_COLUMNS: dict[str, str] = {r"tuition": "tuition", r"fees?|charges?": "fee", r"totals?": "total"}
TABLE_LABEL_GAP = 2
# A credit range named as a column of a flattened rate table ("Range I (12+ hours) Range II (6-11
# hours) Range III (1-5 hours) Range IV (0 hours)"): a run of these, one per column, binds a row of as
# many cells one to one (each cell the rate for that load); the table's unit comes from its heading's
# TABLE_RATE_UNIT ("Semester Rates"), or the cells stay unbound.
TABLE_LOAD_COLUMN = r"\(?\s?\d{1,2}\s?(?:\+|(?:-|to)\s?\d{1,2}|or\s+more)?\s?(?:credit[-\s]hours?|credits?|hours?|units?)\s?\)?"
TABLE_RATE_UNIT = r"\b(?P<unit>semester|term|quarter|annual|yearly)\s+(?:tuition\s+)?rates\b"
# A schedule of charges printed without "$" ("Graduate Studies: Schedule of Charges ... Tuition per
# semester hour 320"): its heading names charges; a whole number right after a price label and its
# unit is then a dollar amount (tuition.py, only in a text with no "$" amount at all).
SCHEDULE_HEADING = r"\b(?:schedule\s+of\s+(?:charges|fees|tuition)|tuition\s+(?:and|&)\s+fees|fee\s+schedule|charges)\b"
# A fee named by a word of its own right before "fee" ("Matriculation Fee - $20.00", "Student Teaching
# Fee: $250"): in a text that names no charge of the application fee's lists, that name makes the amount
# another charge (money.py, bare amounts). These words before "fee" name nothing of their own, or the
# application fee itself.
FEE_NAME_NOT_OTHER: tuple[str, ...] = (
    r"admissions?", r"applications?", r"apply", r"processing", r"non-?\s?refundable", r"required", r"the", r"a", r"an", r"this",
    r"that", r"one", r"our", r"your", r"graduate", r"us", r"u\.s\.", r"domestic", r"international", r"is", r"of",
)
# A fee list that names the application fee by its own name binds each amount by the name nearest it
# (money.fee_bound), so another charge named in the same clause ("Application fee $50 ... Graduation
# fee $195") moves only its own amount: the "other_charge" scope does not blank that clause.
FIELD_SCOPES["application_fee_listed"] = tuple(s for s in FIELD_SCOPES["application_fee"] if s != "other_charge")
# Words right before "application fee" that make it another application's fee ("Late Graduation
# Application Fee $75.00"): fixed words, each read as a look-behind.
APPLICATION_FEE_NOT_AFTER: tuple[str, ...] = ("graduation", "diploma", "degree", "readmission", "re-admission", "late")
# Words that name a group of payers the contract has no residency for ("domestic students pay $800 per
# credit hour" beside an international rate): the rate abstains rather than guess "any" or in-state.
RESIDENCY_UNBOUND: tuple[str, ...] = (
    r"domestic", r"non-?international",
    # a district's or a regional exchange's rate: no residency of the contract ("In-District $120",
    # "Western Regional Graduate Program (WRGP) rate", "NEBHE Tuition Break", "Midwest Student Exchange")
    r"in-?district", r"out-of-district", r"regional", r"(?:student\s+)?exchange", r"reciprocity", r"tuition\s+break",
    r"WRGP", r"WUE", r"MSEP", r"NEBHE", r"SREB", r"academic\s+common\s+market",
)
# A session named right after a rate's amount and unit ("$500 per credit in the summer"): the
# session's rate, as RATE_SCOPE_BEFORE's "session" words are before it.
RATE_SESSION_AFTER: tuple[str, ...] = (
    r"(?:in|during|for)\s+(?:the\s+)?(?:summer|winter)(?:\s+(?:sessions?|terms?))?", r"(?:in|during|for)\s+(?:the\s+)?intersessions?",
)
# A component of the tuition, not the whole charge ("Statutory Tuition: ... $50 per semester credit hour",
# "Designated Tuition ... $209.49/SCH", "Graduate Increment - $100/SCH"): a class of RATE_SCOPE_BEFORE.
RATE_SCOPE_BEFORE["component"] = (r"statutory", r"designated\s+tuition", r"(?:graduate\s+)?increment")
# A payer group's own rate ("Military rate: $250 per credit hour", "Employee tuition rate $100"), and a
# statistic about what students pay ("The average graduate student pays $12,000 per year").
RATE_SCOPE_BEFORE["payer"] = (
    r"military", r"veterans?", r"employees?", r"staff", r"senior\s+citizens?", r"active[-\s]duty", r"dependents?\s+of",
)
RATE_SCOPE_BEFORE["statistic"] = (r"average", r"median", r"typical(?:ly)?", r"on\s+average")
# A rate that is not the current one: a future change ("will increase to $700", "Application fee increases
# to $75 on January 1"), read by tuition.py's not-set sentences and money.py before an amount.
RATE_FUTURE: tuple[str, ...] = (r"(?:will\s+)?(?:increases?|rises?|changes?|go(?:es)?\s+up)\s+to",)
# An amount added to the tuition, not the tuition ("Out-of-state students pay an additional $300 per credit
# hour"): a rate with no charge's name of its own right after one of these is not read as the tuition.
RATE_ADDITIONAL: tuple[str, ...] = (r"additional", r"extra", r"added")
# A past rate named right before its amount ("the 2024-2025 rate was $1,050 per credit hour"): not the
# rate now (tuition.py, the few words before the amount).
RATE_PAST: tuple[str, ...] = (r"was", r"were", r"previously", r"formerly", r"used\s+to\s+be")
# Other programs of the school named as a group ("Campus programs are charged $600 per credit hour" beside
# the online program's rate): a class of RATE_SCOPE_BEFORE's "program" words.
RATE_SCOPE_BEFORE["program"] = (
    *RATE_SCOPE_BEFORE["program"],
    r"(?:campus|on-campus|face-to-face|in-person|traditional|other|all\s+other)\s+programs",
)


# ---- shape gate: credits, GPA, duration (issue 19, fourth pass) ----------------------------------
# The inverted default (binding.py, "shape gate"): a value of these fields is kept only where a
# binder of its field stands within a few words of it (SHAPE_REACH), with nothing of another kind
# between them. Every other shape abstains, whatever its words. Regex fragments, case-insensitive,
# matched as whole words.

# Words before and after a value within which its binder must stand.
SHAPE_REACH: dict[str, tuple[int, int]] = {"total_credits": (7, 4), "min_gpa": (8, 3), "duration": (9, 5)}

# The binders: a predicate or label naming the field's fact.
SHAPE_BINDERS: dict[str, tuple[str, ...]] = {
    # "<label naming the total>: N", "the <program> requires / consists of N credits", "a N-credit
    # program", "N credits (are) required for the degree", "a total of N credits", "Credits: N".
    "total_credits": (
        r"total(?:s|l?ing)?", r"requires?", r"required", r"requirements?", r"consists?\s+of", r"comprised\s+of",
        r"comprises?", r"entails?", r"calls\s+for", r"complet(?:e|es|ed|ing|ion)", r"earn(?:s|ed|ing)?", r"needed",
        r"needs?", r"programs?", r"programmes?", r"degrees?", r"curriculum", r"course\s+of\s+study", r"study\s+plan",
        r"master(?:'?s)?", r"graduat(?:e|ion)", r"take", r"make\s+up", r"awarded", r"granted", r"minimum\s+of",
        r"course\s?work", r"graduate\s+(?:study|credit)",
        # A requirement by cohort ("36 credits for those starting Fall 2022 or later") is that cohort's total.
        r"start(?:s|ed|ing)", r"entering", r"entered", r"matriculat\w*",
        r"(?:credit[-\s]hours?|credits?|units?|semester\s+hours?)\s?[:|]", *PROGRAM_SUBJECT,
    ),
    # "GPA of N", "a minimum N grade point average", "N cumulative average", "N (B) or above".
    "min_gpa": (
        r"c?gpas?", r"g\.p\.a\.?", r"grade[-\s]point(?:\s+average)?", r"averages?", r"cumulative", r"qpr", r"qpa",
        r"minimum", r"overall", r"or\s+(?:higher|better|above)", r"\(\s?[\"']?[A-D][+-]?[\"']?\s?\)",
        # The applicant's earlier record: "3.00 on the last 60 credits"; admission as the subject.
        r"(?:on|over|in|for)\s+(?:the\s+)?(?:last|final|most\s+recent)\s+\d+", r"admission\s+requires?",
        r"required\s+for\s+admission",
    ),
    # "completed in N years", "a N-year program", "Time limit: N years", "within N years", "N years full-time".
    "duration": (
        r"complet\w*", r"finish\w*", r"graduat\w*", r"length", r"duration", r"long", r"time", r"limit\w*",
        r"programs?", r"programmes?", r"degrees?", r"stud(?:y|ies|ying)", r"full[-\s]?time", r"part[-\s]?time",
        r"tak(?:e|es|ing)", r"lasts?", r"spans?", r"designed", r"pace", r"allow\w*", r"permit\w*", r"curriculum",
        r"course\s?work", r"cohorts?", r"timeline", r"plan", r"track", r"within", r"done", r"master(?:'?s)?",
        r"requires?", r"commitment", r"M\.?L\.?I\.?S\.?", r"M\.?L\.?S\.?", r"M\.?S\.?", r"MI",
    ),
}

# Words of another kind: standing between a binder and its value, they bind the value to another
# action or entity ("programs require students to be registered for 12 credits", "may not exceed 13
# credit hours", "for Bachelor's degree in four years").
SHAPE_BREAKERS: dict[str, tuple[str, ...]] = {
    "total_credits": (
        r"exceed\w*", r"regist\w*", r"enrol\w*", r"loads?", r"transfer\w*", r"waive\w*", r"maximum", r"max\.?",
        r"up\s+to", r"residen(?:ce|cy)", r"assistant\w*", r"aid", r"per", r"each", r"every", r"(?<!post[-\s])bachelor'?s",
        r"undergraduate", r"doctor(?:al|ate|'s)?", r"ph\.?d\.?",
    ),
    "min_gpa": (
        r"maintain\w*", r"graduat(?:e|ion)(?!\s+(?:study|studies|school|programs?|work|level|admission|applicants?))",
        r"scholarships?", r"awards?", r"below", r"under", r"foreign", r"international",
    ),
    "duration": (
        r"(?<!post[-\s])bachelor'?s", r"undergraduate", r"doctor(?:al|ate|'s)?", r"ph\.?d\.?", r"dissertation",
        r"summer\s+sessions?",
    ),
}

# Words after a value, anywhere in the rest of its clause, that move it out of the fact whatever bound
# it: "a minimum of ten courses (30 credit hours) ... as part of the residence requirement", "three
# semesters and one summer session" (the span is not the whole length).
SHAPE_MOVED_AFTER: dict[str, tuple[str, ...]] = {
    "total_credits": (r"as\s+part\s+of",),
    "min_gpa": (),
    "duration": (
        r"and\s+(?:a|an|one|\d+)\s+(?:summer|winter|additional|extra)",
        # "the seven-year limit starts over": what happens to the limit, not the limit.
        r"starts?\s+over", r"restarts?", r"begins?\s+again", r"resets?",
    ),
}
# Words anywhere in a value's clause that move every value of it: a dissertation is a doctorate's; a
# limit for a class of programs by size ("A graduate degree program requiring fewer than 42 credit
# hours must be completed within six years") is not this program's unless its size is known.
# (Disciplines only: a doctorate named beside the master's in one clause is handled per value,
# SHAPE_ENTITY_AFTER and the breakers.)
_OTHER_DISCIPLINE_SUBJECT = (
    r"(?:" + "|".join(w for w in OTHER_DISCIPLINES if not w.startswith(("doctora", "dissertation")))
    + r")\s+(?:programs?|applicants|students|degrees?|majors?)"
)
SHAPE_MOVED_CLAUSE: dict[str, tuple[str, ...]] = {
    # Another discipline's program as a subject ("All applicants to the Occupational Therapy program
    # need a cumulative GPA of 3.0"): every value of the clause is that program's.
    # A student on probation or facing dismissal counts credits toward standing, not the total
    # (issue 19, fifth pass: "A student on probation who has completed fewer than 15 credits").
    "total_credits": (_OTHER_DISCIPLINE_SUBJECT, r"probation\w*", r"dismiss(?:al|ed)?"),
    "min_gpa": (_OTHER_DISCIPLINE_SUBJECT,),
    "duration": (
        _OTHER_DISCIPLINE_SUBJECT,
        # How long an extension or an exception to the limit may run is not the limit.
        r"extensions?", r"exceptions?\s+to",
        r"dissertations?",
        # How long an assistantship, a fellowship or an award may be held is not the program's length.
        r"(?:graduate\s+)?assistant(?:s|ships?)?", r"fellowships?", r"scholarships?", r"stipends?", r"funding",
        r"programs?\s+(?:requiring|of|with)\s+(?:fewer|more|less)\s+than\s+\d+",
        r"programs?\s+(?:of\s+)?\d+\s+credits?(?:\s+hours?)?\s+or\s+(?:more|less|fewer)",
    ),
}
# Words right after a value that make it a part of the whole ("12 hours of Core courses").
SHAPE_PART_AFTER: dict[str, tuple[str, ...]] = {
    "total_credits": (
        r"(?:of|in)\s+(?:the\s+)?(?:required\s+)?(?:core|electives?|required\s+courses|practicum|internship|thesis"
        r"|concentration|specialization|foundation)",
        # "12 credits will be awarded for research, the thesis proposal ...": credits given for one component.
        r"(?:will\s+be\s+|are\s+|is\s+)?(?:awarded|given|granted|assigned)\s+for\s+(?:the\s+)?(?:research|thesis|practicum"
        r"|internship|capstone|project|dissertation)",
    ),
}
# Another credential named right after a value ("and 9 years for the doctorate degree"): the value
# is that credential's.
SHAPE_ENTITY_AFTER: dict[str, tuple[str, ...]] = {
    "total_credits": (r"(?:for|in)\s+(?:the\s+|a\s+|an\s+)?(?:doctor\w*|ph\.?\s?d\.?|bachelor'?s|undergraduate|certificate)",),
    "duration": (r"(?:for|in)\s+(?:the\s+|a\s+|an\s+)?(?:doctor\w*|ph\.?\s?d\.?|bachelor'?s|undergraduate|certificate)",),
}


# (issue 19, fifth pass) Four more classes of "another kind", each shared by the fields it names.
# 1. Another credential as the owner of a value: a word naming a certificate, an associate degree or
#    a diploma within the reach before the value, with no word of this program between them ("The
#    time limit for certificate completion is three years", "Associate Degree: Four semesters",
#    "Certificate of Graduate Study - 5 years"). SHAPE_OWN_WORDS take the value back ("a certificate
#    ... while the master's takes 2 years").
SHAPE_OTHER_CREDENTIALS: tuple[str, ...] = (
    r"certificates?", r"associate(?:'?s)?\s+(?:degrees?|programs?|of\s+\w+)", r"A\.\s?A\.(?:\s?S\.)?", r"A\.\s?S\.",
    r"diplomas?",
)
SHAPE_OWNER_FIELDS: tuple[str, ...] = ("total_credits", "duration")
SHAPE_OWN_WORDS: tuple[str, ...] = (r"master(?:'?s)?", *PROGRAM_NAMES)
# 2. Words of a clause that make its values an illustration or a default, not this program's fact:
#    a worked example ("For example, a typical 30-credit hour master's program should be completed
#    within 45 credit hours, or approximately 2.5 years"), a default that each program may replace
#    ("a GPA of 3.0 or better ..., unless specified otherwise").
SHAPE_NOT_STATED: tuple[str, ...] = (
    r"for\s+(?:example|instance)", r"unless\s+(?:otherwise\s+)?(?:specified|stated|noted|indicated)(?:\s+otherwise)?",
    # A class of degrees as the subject: "The minimum requirements for most master's degrees can be satisfied in one year".
    r"(?:most|many|some)\s+(?:graduate\s+|master'?s\s+)*(?:degrees|programs)",
)
# 3. A lesser admission status as the clause's subject: a GPA a provisional or conditional student
#    must earn before full admission is not the admission minimum ("If a student is granted
#    provisional status, ... with a GPA of 3.0 or higher before being officially admitted").
SHAPE_LESSER_STATUS: tuple[str, ...] = (
    r"(?:provisional|conditional|probationary)(?:ly)?\s+(?:status|admission|admits?|admitted|students?|acceptance)",
)
# 4. A value said of programs or fields named by a capitalized name no vocabulary word marks: a list
#    of names owning "programs" ("For the English, Nursing and Public Affairs programs"), a field's
#    name qualifying a GPA ("an undergraduate Accounting GPA of 3.4"), a field's name as a heading
#    ("Nursing: Graduate Admission Options"). Generic qualifiers of a GPA are not names.
_NAME = r"(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2}"
_GPA_QUALIFIERS = (
    "Cumulative", "Overall", "Undergraduate", "Graduate", "Minimum", "Major", "Admission", "Total", "Program", "Degree",
    "Required", "Prior", "Previous", "Last", "Final", "Combined", "Transfer", "Institutional", "Academic", "Average",
    "Term", "Semester", "Upper", "Lower", "Division", "Bachelor", "Baccalaureate", "Preferred", "Recommended", "Your",
    "The", "A", "An", "Entering", "Applicant", "Applicants", "Competitive", "School", "University", "College", "Grade",
    "Library", "Information", "Science", "Studies", "Admissions", "Requirements", "Requirement", "Minimums",
)
# Capitalized words after "for" that name a term, a group or a mode, not a field.
_NOT_NAMES = (
    "Fall", "Spring", "Summer", "Winter", "Autumn", "Domestic", "International", "Online", "Full", "Part", "Library",
    "Information", "Admission", "Admissions", "Graduate", "Undergraduate", "Students", "Applicants", "All", "Both",
)
SHAPE_NAMED_OTHER: tuple[str, ...] = (
    rf"for\s+(?:the\s+)?{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or|&)\s+{_NAME}\s+programs",
    r"(?-i:(?!(?:" + "|".join(_GPA_QUALIFIERS) + r")\b)[A-Z][a-z]{3,})\s+(?:GPA|grade\s+point\s+average)",
    r"(?:" + "|".join(OTHER_DISCIPLINES) + r")\s?:",
    # "All applicants to the Master of Accountancy program": a master's named by another field.
    r"(?-i:Master\s+of\s+(?!(?:Library|Information|Science|Arts|Professional|Management\s+in\s+Library)\b)[A-Z][a-z]+)",
    # "for Prosthetics and Orthotics, a cumulative GPA of 2.5": named fields coordinated after "for".
    rf"(?-i:for\s+(?!(?:{'|'.join(_NOT_NAMES)})\b){_NAME}\s+(?:and|&)\s+{_NAME}\s?,)",
)
SHAPE_NAMED_OTHER_FIELDS: tuple[str, ...] = ("total_credits", "min_gpa", "duration")
# 5. A cap or a waiver's condition, not the fact: a cap right before a credit count ("A maximum of 12
#    credits may be earned at Summer Session", "up to 9 credits", "no more than 6 credits"); a GPA in
#    a clause about waiving something ("a GPA of 3.3 or higher waives the test", "the minimum
#    requirements for a GMAT/GRE waiver are ... a GPA of 3.4"); a length in a clause about waivers
#    ("assistantship waivers not to exceed 3 years").
SHAPE_CAP_BEFORE: dict[str, tuple[str, ...]] = {
    "total_credits": (
        r"(?:a\s+)?max(?:imum|\.)?(?:\s+of)?", r"up\s+to", r"no\s+more\s+than", r"not\s+(?:to\s+)?exceed(?:ing)?",
        r"at\s+most", r"as\s+many\s+as",
    ),
}
SHAPE_CAP_WORDS_BEFORE = 2  # a cap modifies the count it stands right before: at most this many words between
SHAPE_WAIVER_CLAUSE: dict[str, tuple[str, ...]] = {
    "min_gpa": (r"waiv(?:e|es|ed|er|ers|ing)", r"exempt(?:s|ed|ion)?"),
    "duration": (r"waivers?",),
}

# (issue 19, sixth pass) More classes of "another kind" for credits, GPA and duration, each shared by
# the fields it names (binding.py "shape gate, sixth pass"; duration.py and credits.py read the rest).
# 6. What most students do is a statistic, not the program's designed length: "Most students complete
#    the program in three years", "The vast majority of students finish in only 3 years", "Most finish
#    in 2 years". A span after such a subject is not read as the length (a limit the same students
#    "have" stays one). A pace named with the subject ("Most full-time students complete the program in
#    2 years") states the length at that pace and is not a statistic.
DURATION_STATISTIC_SUBJECTS: tuple[str, ...] = (
    r"(?:the\s+)?(?:vast\s+|great\s+|overwhelming\s+)?majority\s+of\s+(?:our\s+|the\s+|these\s+)?students",
    r"most\s+(?:of\s+(?:our|the|these)\s+)?(?:students|graduates|candidates)",
    r"(?:^\W*|(?<=[.;:]\s))most(?=\s+(?:finish|complet|graduat|take|are\s+able))",
)
# 7. An institution's floor that its programs replace with their own: a text that says so states the
#    Graduate School's (or college's) minimum, not this program's value ("Although each Master's degree
#    program has specific academic requirements, several requirements are common to all degree
#    programs", "Individual program requirements vary; see program specific requirements", "departments
#    set their own minimums"). Read once per text, for credits and GPA (a university's time limit still
#    bounds every program: duration does not take it). A floor that programs may only raise ("Some
#    programs set higher standards than the Graduate School", LSU's page the spider reads; "individual
#    colleges and/or departments may require higher grade point averages") still binds every applicant
#    and stays read, as the corpus convention says (README, "Labelling choices").
FLOOR_RAISED_BY_PROGRAMS: tuple[str, ...] = (
    r"(?:(?:individual|specific|some|many|certain|most|several|each)\s+)?(?:graduate\s+)?(?:colleges?|departments?|programs?|schools?)"
    r"(?:\s+(?:and/or|and|or|&)\s+(?:[\w-]+\s+)?(?:colleges?|departments?|programs?|schools?))?\s+(?:may\s+|can\s+|will\s+|might\s+|often\s+)?"
    r"(?:set|have|establish|specify|determine)\w*\s+(?:their\s+own|its\s+own|own|different)",
    r"each\s+(?:master'?s\s+)?(?:degree\s+)?program\s+(?:has|sets|establishes)\s+(?:its\s+own|specific)",
    r"(?:individual\s+)?program\s+requirements\s+vary",
)
FLOOR_RAISED_FIELDS: tuple[str, ...] = ("total_credits", "min_gpa")
# 8. A GPA that is a condition of something other than regular admission: a GPA above which a test is
#    not required ("For those with a cumulative GPA of 3.0 or higher in all undergraduate work, no GRE
#    is required"; said with a condition word before the GPA: "with", "if", "whose"); a GPA to be
#    considered for something other than admission ("must have a GPA of 3.2 or higher to be considered
#    for a letter"); the GPA of a graduate degree an applicant holds ("A graduate degree with 3.0 GPA").
_EXAM_NAMES = "|".join(p for _, p in EXAMS) + r"|\b(?:standardi[sz]ed\s+)?(?:tests?|exams?|test\s+scores?)\b"
GPA_TEST_NOT_REQUIRED: tuple[str, ...] = (
    rf"no\s+(?:official\s+)?(?:{_EXAM_NAMES})(?:\s+scores?)?\s+(?:is|are|will\s+be)\s+(?:required|needed|necessary)",
    rf"(?:{_EXAM_NAMES})(?:\s+scores?)?\s+(?:is|are|will\s+be)\s+not\s+(?:required|needed|necessary)",
    rf"(?:need|do|does|will)\s+not\s+(?:need\s+to\s+)?(?:submit|take|send)\s+(?:the\s+|a\s+|any\s+)?(?:{_EXAM_NAMES})",
)
GPA_CONDITION_BEFORE = r"\b(?:with|if|whose|who\s+(?:have|has|hold|present))\b"
GPA_OTHER_PURPOSE: tuple[str, ...] = (
    r"(?:considered|eligible|qualif(?:y|ied))\s+for\s+(?:a|an)\s+(?!(?:admission|regular|unconditional|full|graduate\s+program|program|master)\b)[\w-]+",
)
GPA_HELD_DEGREE_BEFORE = (
    r"(?:graduate|master'?s|advanced|professional)\s+degree\s+with\s+(?:an?\s+)?(?:(?:minimum|cumulative|overall)\s+)?(?:(?:GPA|grade[-\s]point\s+average)\s+of\s+)?$"
)
#    A GPA in a field named by a capitalized name ("3.4 GPA in Accounting or cumulative"), as the fifth
#    pass reads "an undergraduate Accounting GPA" (its generic qualifiers are not names).
GPA_IN_NAMED_FIELD = (
    r"(?-i:(?:GPA|[Gg]rade[-\s][Pp]oint\s+[Aa]verage)\s+in\s+(?:the\s+)?(?!(?:" + "|".join(_GPA_QUALIFIERS) + r")\b)[A-Z][a-z]{3,})"
)
# 9. Another credential owning a value anywhere before it in its clause, or (for a GPA) anywhere in its
#    clause, with no word of this program there: "The associate degree programs are designed to be
#    completed in a minimum of two years", "To earn a graduate certificate, a student must have a grade
#    point average of 3.0", "a minimum GPA of 3.00 in the course work presented on the certificate
#    application" (the fifth pass read only the few words before the value, and not for GPA).
SHAPE_OWNER_CLAUSE_FIELDS: tuple[str, ...] = ("min_gpa", "duration")
# 10. Spans that are not the program's whole length in months: a count of terms that includes summer
#    sessions ("finishes the coursework in 4 semesters (including Summer Sessions I & II)": a summer is
#    not six months, so the months are unknown; a length in years "including the summer session" stays
#    read); a part's span ("four academic years for coursework and two years for thesis or project");
#    work experience with several words before it ("at least a year of full-time relevant professional
#    experience").
DURATION_SUMMERS_COUNTED_AFTER = r"\s?[(,-]?\s?(?:including|incl\.|plus|counting)\s+(?:the\s+|two\s+|both\s+)?(?:[\w-]+\s+){0,2}?summers?\b"
DURATION_TERM_UNITS: tuple[str, ...] = ("semester", "quarter", "trimester", "term")
SHAPE_SPAN_OF_PART_AFTER: tuple[str, ...] = (
    r"(?:for|of)\s+(?:the\s+)?(?:course\s?work|thesis|project|dissertation|research|internship|practicum|capstone|candidacy|residency)\b",
)
DURATION_EXPERIENCE_AFTER = r"\s?of\s+(?:[\w-]+\s+){1,4}?(?:experience|employment|work\s+experience|service)\b"
# 12. Credits chosen from a list are a selection rule, not the degree's total: "Complete at least four
#    courses (12 hours) from the categories listed below", "9 credits selected from the following".
TOTAL_CREDITS_SELECTED_AFTER = (
    r"\s?\)?\s?,?\s?(?:selected\s+|chosen\s+|taken\s+)?from\s+(?:the\s+|these\s+|among\s+(?:the\s+)?|each\s+of\s+the\s+)?"
    r"(?:following|categories|category|lists?|listed|courses?\s+(?:listed|below)|options?|areas?|groups?|below|approved\s+electives)\b"
)
# 13. Recall: a limit counted back from graduation is a limit ("All coursework applicable towards the degree
#    must be completed within six years of the date of graduation"; "of the date" alone stays skipped:
#    "within five years of the date of application" is a test score's age).
DURATION_COUNTED_TO_END = r"\s?(?:of|before|preceding)\s+(?:the\s+)?(?:date\s+of\s+)?(?:graduation|(?:degree\s+)?conferral|the\s+award\s+of\s+the\s+degree)\b"
# 11. A class of programs as the subject, said with a level word or as a bare quantifier pronoun opening
#    its sentence: "Most master's level programs require two years of study. Some are designed as a one
#    year program." (the fifth pass read "most master's degrees").
SHAPE_CLASS_SUBJECTS: tuple[str, ...] = (
    r"(?:most|many|some)\s+(?:graduate|master'?s|doctoral)[-\s]level\s+(?:degrees|programs)",
    r"(?:^\W*|(?<=[.;:]\s))(?:some|many|most|others)(?=\s+(?:are|require|offer|can|may|take|last)\b)",
)

# ---- credits, GPA, duration: seventh pass (issue 19, r7-scope) ------------------------------------
# Classes of "another kind" found on batch I and checked on other schools' pages (corpus README,
# "Seventh pass"); each is one list, read by the rule named beside it.
# 14. A course group named with qualifiers between its group word and "courses" ("Required Graduate
#    Courses: 24 Semester Hours", "Advanced Required Courses (9 Hours)", "Required Core Courses (15
#    credits)"): a part of the degree, as "Core Courses (18 credits)" is (a subject-reach scope; credits.py
#    also asks it of a figure a "Required ...:" label meets).
SCOPES["part_group"] = ("subject", (
    r"(?:required|core|elective|foundation(?:al)?|professional|advanced|major)\s+(?:[\w-]+\s+){1,2}?(?:courses|classes)",
))
FIELD_SCOPES["total_credits"] = (*FIELD_SCOPES["total_credits"], "part_group")
# 15. Credits said of a part through words right after the value, with qualifiers the fourth pass did not
#    allow: "18 credit hours of MLIS core classes", "12 hours of essential core courses", "18 credit hours in
#    an area of professional specialization", "15 hours in an area of concentration", "21 graduate semester
#    hours in one area of concentration", "of the required 30 graduate semester hours within the area of
#    concentration" (binding.shape_of, SHAPE_PART_AFTER).
TOTAL_CREDITS_PART_AFTER_QUALIFIED: tuple[str, ...] = (
    r"(?:of|in)\s+(?:[\w-]+\s+){1,2}?(?:core|electives?|required)\s+(?:courses|classes)",
    r"(?:with)?in\s+(?:an?|one|each|the|a\s+major)\s+(?:[\w-]+\s+)?(?:areas?|fields?)\s+of\b",
    r"in\s+(?:an?|one|each)\s+(?:[\w-]+\s+)?(?:areas?|concentrations?|specializations?|emphas[ie]s|majors?)\b",
)
SHAPE_PART_AFTER["total_credits"] = (*SHAPE_PART_AFTER["total_credits"], *TOTAL_CREDITS_PART_AFTER_QUALIFIED)
# 16. Credits that make a student a candidate for the degree are a point along the way, not its total
#    ("become candidates for the degree as follows: Master's Degree: Successful completion of 12 units",
#    "file for admission to candidacy ... at least 12 semester hours of graduate work", "eligible to apply
#    for candidacy when ... a minimum of 9 credits"). A clause-reach scope of total_credits (a GPA for
#    candidacy is the "completion" scope's already).
SCOPES["candidacy"] = ("clause", (r"candidacy", r"become\s+(?:a\s+)?candidates?", r"advanc\w*\s+to\s+candida\w*"))
FIELD_SCOPES["total_credits"] = (*FIELD_SCOPES["total_credits"], "candidacy")
# 17. How old earlier work may be is not the program's limit: "Tests and course work taken before entry
#    into the graduate program may count if completed within five years of acceptance", "Courses taken
#    prior to admission ... can be no older than seven years", "a course may not be counted toward degree
#    requirements if it has been completed more than five years prior to", "Graduate courses taken more than
#    six (6) years before graduation do not count toward the total". Words of the "credit_age" scope.
DURATION_EARLIER_WORK: tuple[str, ...] = (
    r"(?:course\s?work|courses?|tests?|scores?|credits?|work)\s+(?:taken|completed|earned)\s+(?:before|prior\s+to)\s+"
    r"(?:the\s+)?(?:entry|entering|admission|enrol\w*|matriculat\w*)",
    r"(?:may|can|will|do|does)\s+(?:not\s+)?(?:still\s+)?(?:count|be\s+counted)",
)
SCOPES["credit_age"] = ("clause", (*SCOPES["credit_age"][1], *DURATION_EARLIER_WORK))
# 18. The upper end of a GPA band is never a minimum: "a cumulative grade point average between 2.75 and
#    4.0", "between 2.5 and 2.99 may be considered for conditional admission", "a GPA of 2.50-2.74"
#    (gpa.py: the figure after "between X and", "X -" or "X to" is skipped; the lower end is read or not by
#    the rules it always met).
GPA_BAND_UPPER_BEFORE = r"(?:\bbetween\s+(?:a\s+)?(?:gpa\s+of\s+)?[0-4]\.\d{1,3}\s+and|(?<![\d.])[0-4]\.\d{1,3}\s?(?:-|\u2013|to|through))\s?$"
# 19. Recall: a unit written "graduate level" or "graduate-level" between the figure and "credits" ("The
#    MLIS degree requires at least 36 graduate level credits", "a minimum of 30 graduate-level credits",
#    credits.py's unit).
TOTAL_CREDITS_UNIT_QUALIFIERS = r"graduate[-\s]level\s"
# 21. A share of a whole stated beside it is a part: "at least 21 semester hours of the required 30 graduate
#    semester hours", "up to 9 of the 30 credits", "8 of those 12 hours" (a distribution rule: credits.py's
#    TOTAL_CREDITS_PLACED_AFTER).
TOTAL_CREDITS_SHARE_OF_WHOLE = r"of\s+(?:the|those|these)\s+(?:required\s+|total\s+)?\d{1,3}\b"
TOTAL_CREDITS_PLACED_AFTER = (*TOTAL_CREDITS_PLACED_AFTER, TOTAL_CREDITS_SHARE_OF_WHOLE)
# 22. A row of a flattened table labelled by another degree level: in a clause holding two or more values
#    of the field, the degree named last since the previous value owns the next one ("Undergraduate Degree 6
#    years Master's Degree 5 years Juris Doctorate - Full-time and Part-time 7 years", "Master's Degree - 5
#    years from matriculation Doctoral Degree - 9 years", "Doctoral Degree | Over 2 years"). Capitalized as
#    row labels are; a master's (or this program's name) takes the next value back (binding.seventh_pass_veto).
SHAPE_OTHER_LEVEL_ROW = (
    r"(?-i:Undergraduate|Baccalaureate|Bachelor'?s?|Doctoral|Doctorate|Juris\s+Doctor\w*|Ph\.?\s?D\.?|Ed\.?\s?D\.?"
    r"|Specialist|Certificate|Associate)(?![\w])"
)
SHAPE_OWN_LEVEL_ROW = r"(?-i:Master'?s?|Masters|MLIS|MLS|MSLS|MSIS|MIS)(?![\w])"
SHAPE_LEVEL_ROW_FIELDS: tuple[str, ...] = ("total_credits", "duration")
# 23. A heading that names time limits holds over the list under it: every span of its first sentence is a
#    limit ("Maximum time limits for degrees are as follows: ... Master's Degree 5 years", "Time Limits for
#    Graduate Degree Completion Master's Degree - 5 years", "Time Limit All work toward a master's degree ...
#    within seven years"; duration.py).
DURATION_LIMIT_HEADING = r"^\W*(?:maximum\s+)?time\s+limits?\b"
# 20. Recall: a span written in words and restated in digits is one span ("to be finished within six (6)
#    years", "completed within five (5) years from the student's date of admission"; "no more than three (3)
#    years as teaching or research assistants" stays another kind's): duration.py collapses the restatement
#    as credits.py does for "Thirty-nine (39) credit hours".
RESTATED_FIGURE = r"\b(\d{1,3})\s?\(\s?\1\s?\)"

# ---- application_deadlines: the shape gate (issue 19, fourth pass) ------------------------------
# A date is read only where it stands in one of a few binding shapes (binding.deadline_shape): a
# binding word (DEADLINE_PREDICATES, a kind, a term, an applicant group or DEADLINE_SHAPE_NOUNS)
# within DEADLINE_SHAPE_REACH words before or after it, with only label words (DEADLINE_LABEL_WORDS)
# and no word of another action between them or in the binding word's complement ("deadline to
# send the list", "Priority deadline for Orientation sign ups is June 1"). Everything else abstains.
DEADLINE_SHAPE_REACH = 6
DEADLINE_SHAPE_NOUNS: tuple[str, ...] = (
    r"admissions?", r"entry", r"intake", r"enrollment", r"(?:applications?|apply)(?=\s?[:\u2013\u2014-])",
    r"rounds?\s+(?:\d|one|two|three)", r"respectively", r"admittance",
)
# Predicates of the shapes beside vocabulary.DEADLINE_PREDICATES: "has been extended to July 1",
# "must reach us by ... February 1".
DEADLINE_SHAPE_PREDICATES: tuple[str, ...] = (
    r"extended\s+(?:to|until|through)",
    r"(?:reach|arrive|received|postmarked)\w*\b[^.;|\u2022]{0,60}?\b(?:by|before|on\s+or\s+before|no\s+later\s+than)",
)
# A copula or a preposition at the end of the words before a date ("The Fall Application Deadline
# for all materials for the MSIS program is"): the subject may stand further away, up to
# DEADLINE_SHAPE_SUBJECT_REACH words.
DEADLINE_SHAPE_COPULA = r"(?:is|are|will\s+be|remains?|of|on|:)\s?$"
DEADLINE_SHAPE_SUBJECT_REACH = 12
# A time of day and its zone between a predicate and its date is not a word of the reach ("by
# 11:59 pm Mountain Time on February 01st").
DEADLINE_SHAPE_CLOCK = (
    r"\b(?:\d{1,2}(?::\d\d)?\s?(?:a\.?m\b\.?|p\.?m\b\.?)|midnight|noon)"
    r"(?:\s?\((?:[A-Za-z]+\s?){1,3}\)|\s(?:[A-Z][a-z]+\s){0,2}time(?:\s+zone)?|\s(?-i:[A-Z]{1,4}T)\b)?"
)
# Actions that are not applying: a date standing with one of these, or a deadline named for one,
# belongs to that action. (Fifth pass: a review the school holds, "March 1 (the final review)",
# unless it names the application's own review date or round: "Early review: November 1".)
DEADLINE_OTHER_ACTIONS: tuple[str, ...] = (
    r"begins?", r"beginning", r"(?<!fall\s)(?<!autumn\s)(?<!spring\s)(?<!summer\s)(?<!winter\s)starts?", r"commenc\w*",
    r"opens?", r"opening", r"orientation", r"registration", r"register", r"classes", r"notif\w*", r"(?<!early\s)decisions?",
    r"send", r"pay(?:ment)?", r"tuition", r"housing", r"graduation",
    r"thesis", r"defen[cs]e", r"drop", r"withdraw\w*", r"reply", r"respond", r"deposits?", r"sign[-\s]?ups?",
    r"released?", r"interviews?", r"workshops?", r"webinars?", r"info(?:rmation)?\s+sessions?", r"visits?",
    r"(?<!early\s)(?<!priority\s)(?<!application\s)reviews?(?!\s+(?:dates?|deadlines?|rounds?|periods?))",
)
# A negation before a kind word ("will not receive fellowship consideration") cancels it.
DEADLINE_KIND_NEGATION: tuple[str, ...] = (r"not", r"never", r"without", r"no")
# Funding words that name a separate application's label ("Financial Support Application January
# 15"): another deadline's row, not a purpose of the date beside it.
DEADLINE_FUNDING_LABEL_AFTER = r"\s+(?:applications?|deadlines?|forms?|due)\b"
# The words a binding shape may hold between its binding word and its date, and before a deadline
# noun in its label ("Fall 2026 Application Submission Deadline:", "The deadline for fall admission
# is", "December 1 is the application deadline"): a closed list. Any other word ("Fall Deferral
# Request Deadline:", "Application Fee Payment Deadline:", "Fall 2012 New Student Convocation
# Tuesday September 4") makes the shape something else, and the date abstains. Terms, kinds,
# applicant groups, this program's names, numbers and a time of day are label words as well.
DEADLINE_LABEL_WORDS: tuple[str, ...] = (
    "the", "a", "an", "for", "of", "and", "or", "to", "in", "on", "at", "by", "is", "are", "be", "will", "must", "should",
    "shall", "all", "your", "our", "its", "their", "this", "that", "each", "every", "any", "new", "incoming", "prospective",
    "following", "upcoming", "next", "current", "first", "second", "third", "one", "two", "three", "year", "academic",
    "before", "no", "not", "later", "than", "been", "has", "have", "extended", "moved", "date", "dates", "deadline",
    "deadlines", "due", "with", "students", "student", "applicants", "applicant", "candidates", "application",
    "applications", "admission", "admissions", "applying", "apply", "submission", "submissions", "submit", "submitted",
    "complete", "completed", "semester", "semesters", "term", "terms", "quarter", "session", "sessions", "intake", "entry",
    "enrollment", "start", "starting", "cohort", "program", "programs", "degree", "degrees", "master's", "masters",
    "graduate", "school", "university", "college", "department", "general", "review", "consideration", "receipt",
    "received", "round", "rounds", "decision", "citizens", "permanent", "residents", "resident", "online", "campus",
    "distance", "full-time", "part-time", "i", "ii", "iii", "respectively", "as", "follows", "per", "time",
    "usually", "generally", "typically", "normally", "also", "materials", "documents", "supporting", "required", "fee",
    "official", "scholarship", "scholarships", "funding", "aid", "financial", "internal", "external", "award", "awards",
    "assistantship", "assistantships", "fellowship", "fellowships", "these", "those", "mid", "considered",
    "submitting", "completing", "filing", "receiving", "sending", "sent", "leap-year", "normal", "usual", "initial",
    "admittance", "matriculation",
    # (sixth pass) a weekday written with its date: "Final Deadline Monday, December 12, 2022".
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)
# Where the modifiers of a deadline noun stop, reading back from it: "If you apply by the priority
# deadline" checks "priority" only, "Fall Deferral Request Deadline" checks three words.
DEADLINE_LABEL_STOPS: tuple[str, ...] = (
    "the", "a", "an", "these", "those", "this", "that", "our", "your", "its", "their", "of", "for", "to", "are", "is",
    "was", "be", "and", "or", "with", "by", "have", "has", "meet", "all", "any", "each",
)
# (issue 19, fifth pass) A date said of another applicant group, program or discipline that no
# credential word marks: applicants to an undergraduate entry ("fall freshman applications", "First-year
# and Transfer", "Fall Transfer Application due March 15"), or a group named by a discipline's
# capitalized name before the group word ("Music transfer applicants", "Candidates for Dual-Degree
# Programs"). Read in the date's sentence and in the text's first sentence (binding.deadline_of_other).
DEADLINE_OTHER_GROUPS: tuple[str, ...] = (
    r"freshm[ae]n", r"first[-\s]year", r"high[-\s]school", r"transfer(?!\s+(?:of\s+)?(?:credits?|hours?|courses?|coursework))",
    r"undergraduate\s+(?:applicants?|students?|admissions?|applications?)",
)
DEADLINE_GROUP_NOUNS = r"(?:applicants|applications?|students|candidates)"
# A group named by its discipline: the capitalized words right before a lowercase group noun (or
# after "for"/"to" before "program(s)") that are not label words, this program's names or one of
# these (nationalities, levels, a sentence's opening conjunction): "Canadian students", "MLIS
# applicants", "Postgraduate applicants", "Although applications" stay ours.
DEADLINE_GROUP_NOT_A_NAME: tuple[str, ...] = (
    "canadian", "non-canadian", "american", "u.s", "us", "non-resident", "nonresident", "out-of-state", "in-state",
    "postgraduate", "although", "while", "because", "since", "if", "when", "once", "after", "as", "only",
)
# What a date's deadline is for, where the object is a funding award itself, not the consideration
# for it: "the priority deadline for all spring merit scholarships", "Applications for this
# assistance are due by" (funding's own application; "for scholarship consideration" stays priority).
DEADLINE_FUNDING_OBJECTS: tuple[str, ...] = (*FUNDING_WORDS, r"assistance", r"funds")
# Words between "for" and the award that make the award a purpose, not the object: "the priority
# deadline for applicants seeking assistantships", "applications for admission and financial aid".
DEADLINE_FUNDING_NOT_OBJECT = r"admission|applicants?|students?|candidates?|those|who|seeking|wish\w*|consider\w*"
# Rolling admission said of someone else or on a condition: "For departments that use rolling
# admission", "if your program admits on a rolling basis": not this program's.
DEADLINE_ROLLING_ELSEWHERE: tuple[str, ...] = (
    r"(?:departments?|programs?|schools?|colleges?|units?)\s+(?:that|which|with|using)", r"if", r"some\s+(?:departments|programs)",
)


# ---- application_deadlines: sixth pass (issue 19, r6-dead) ----------------------------------------
# Predicates of applying added in this pass: "Applications are accepted up through July 1".
DEADLINE_PREDICATES_MORE: tuple[str, ...] = (r"accepted\s+(?:up\s+)?through",)
# A funding award as the object of applying ("students who want to apply for a graduate
# assistantship award ... before the April 15 deadline"): the date is the award's (read with
# DEADLINE_FUNDING_OBJECTS, beside "deadline for", "applications for").
DEADLINE_FUNDING_VERBS: tuple[str, ...] = (r"apply(?:ing)?", r"applied")
# The application for aid itself (the FAFSA, an aid office's form) named in a text's first sentence:
# the text is the aid office's calendar, and none of its dates is an admission deadline ("While
# FAFSAs are processed on a rolling basis, ... fall - apply by May 1").
DEADLINE_AID_APPLICATION: tuple[str, ...] = (
    r"fafsas?", r"free\s+application\s+for\s+federal\s+student\s+aid", r"financial\s+aid\s+applications?",
)
# Words of applying: an action of another kind named before a deadline's binding word in its clause
# ("Decision letters ... should be posted ... no later than December 15th", "a mandatory program
# orientation for all standard program students on August 18") is that clause's subject, unless one
# of these stands between them ("Fall (Begins in Aug.) Apply by").
DEADLINE_APPLYING_WORDS: tuple[str, ...] = (
    r"apply", r"applying", r"applications?", r"applicants?", r"submit\w*", r"candidates?", r"deadlines?", r"due",
)
# Rolling said of the notices, not of admission: "will be notified on a rolling basis by the end of
# March" beside a fixed deadline.
DEADLINE_ROLLING_OF_NOTICES = r"\bnotif\w*(?:\s+\w+){0,3}\s+(?:on\s+)?(?:a\s+)?$"
# No deadline at all, said of admission ("For domestic students, there is no deadline for admission.
# You should apply at least six months before ..."): rolling, where the text gives no date.
DEADLINE_NONE = (
    r"\b(?:there\s+is|has|have|with)\s+no\s+(?:official\s+|formal\s+|published\s+)?(?:application\s+|admission\s+)?deadlines?"
    r"(?:\s+for\s+(?:admission|applications?|applying))?\b(?!\s+(?:extension|to|for\s+(?!admission|applications?|applying)))"
)
# A flattened table of deadlines (binding by structure; deadlines._flat_table): rows of dates with
# nothing between them, under a heading row. Either the heading ends in a run of terms and each row is
# an applicant group's ("Priority Deadlines Fall Spring Summer 1 Summer 2 US Citizens: Jun 25 Nov 25
# Mar 25 May 10 Internationals: Mar 1 ..."), or the heading names one column per date of a row and each
# row is a term's ("Application deadline (...) File Completion Deadline (...) Fall February 1 May 15
# ..."): a column is read only where its name is the application's deadline, not DEADLINE_COLUMN_OTHER.
DEADLINE_TABLE_GROUP_ROW = (
    r"(?:\b(?:u\.?s\.?|us|domestic|canadian|international|internationals|citizens?|permanent|residents?|non-?residents?"
    r"|out-of-state|in-state|applicants|students|and|&)\b\s?)+[:|]?\s*$"
)
# The words that end a column's name in a heading row ("Application deadline", "Classes begin").
DEADLINE_TABLE_COLUMN_END = r"\b(?:deadlines?|due|dates?|begins?|starts?|decisions?|notifications?)\b"
# A term's number in a heading row ("Summer 1 Summer 2", "Summer I").
DEADLINE_TABLE_TERM_PART = r"(?:\s?(?:\d|i{1,3}|session\s+\w+))?"

# A benefit of applying early named with a date that no kind word binds ("Apply by February 1 for the
# best chance of admission"): the date is not the final deadline, and which kind it is the words do
# not say: it abstains.
DEADLINE_NOT_FINAL = r"\b(?:best|better|greatest|strongest)\s+(?:chance|opportunity|odds)\b"

# Another credential's process named before a date in its sentence ("Application Process for the
# Graduate Certificate (GC) in Public Health ... Deadline to apply: March 1"), read with
# binding.other_credential_owns (SHAPE_OTHER_CREDENTIALS: certificates, associate degrees, diplomas).


# ---- application_deadlines: seventh pass (issue 19, r7-dead) --------------------------------------
# A closure: "closed" binds a date as a deadline only where what closes is the application (its
# subject names applying, admission or the form: "Applications close February 1", "the portal closes
# on"); an office, a school or a building closed on a date is a closure ("SIPA will be closed Thursday,
# November 28", "Our office will be closed ... from Dec 20th"). Read by binding.closure_of_other.
DEADLINE_CLOSE_PREDICATE = r"^(?:close[sd]?|closing|shuts?\s+(?:off|down))$"
DEADLINE_CLOSE_SUBJECTS: tuple[str, ...] = (
    r"apply\w*", r"applications?", r"applicants?", r"admissions?", r"portals?", r"windows?", r"periods?", r"cycles?",
    r"deadlines?", r"intake", r"entry", r"enrollment", r"rounds?", r"submissions?", r"forms?",
)
# A place or a body as the subject closes itself, whatever it serves ("Our admissions office will be
# closed Monday, January 20", "The Graduate School is closed December 24").
DEADLINE_CLOSE_PLACES: tuple[str, ...] = (
    r"offices?", r"university", r"campus(?:es)?", r"buildings?", r"school", r"center", r"centre", r"library", r"floors?", r"hall",
)
# Words that stand between a closure's subject and "closed" without being its subject ("will be"; "open
# September 1 and close January 15": a coordinated verb shares the subject before it).
DEADLINE_CLOSE_AUX: tuple[str, ...] = (
    "will", "be", "is", "are", "was", "were", "has", "have", "been", "the", "a", "an", "then", "and", "or", "but", "it", "they",
)
# A test's own date: an exam taken, sat or scored by a date ("Applicants must arrange to take the GRE
# exam no later than November 1", "you should take the GRE no later than November 10", "required to
# meet our score requirements by July 1"): named in the binding word's clause before it with no word of
# the application itself (DEADLINE_APPLICATION_ITSELF: "submit the application and GRE scores by"
# stays the application's). Read by binding.exam_date.
DEADLINE_EXAM_WORDS: tuple[str, ...] = (
    r"GRE", r"GMAT", r"LSAT", r"MAT", r"TOEFL", r"IELTS", r"Duolingo", r"(?:standardi[sz]ed\s+)?tests?", r"exams?",
    r"examinations?", r"(?:test\s+)?scores?",
)
DEADLINE_APPLICATION_ITSELF: tuple[str, ...] = (r"applications?", r"apply", r"applying", r"admissions?\s+file")
# A flattened table's row labelled "<discipline>, <degree>" ("| Anthropology, M.S. | Fall | 01/15 |",
# "| Art History, M.A. | Spring | 10/15 |", "| Social Work, MSW | Fall | 02/01 |"): another program's
# row, read by binding.other_program_row_named beside DEADLINE_ROW_DEGREE's parenthesis form.
DEADLINE_ROW_NAMED_DEGREE = (
    r"\|\s?(?P<label>[A-Z][^|\d]{1,80}?,\s?(?:M|Ph|Ed|D|B|Cert|Grad)[A-Za-z.&/]{0,10}(?:\s?\([^()|]{1,30}\))?)\s?\|"
)
# The same row without pipes: a discipline's capitalized name and a degree's letters, then only terms
# before the date ("Civil & Environmental Engineering M.Eng. Fall/Spring December 1st", "Biology MS June
# 30 for fall admission"): that program's row (binding.other_program_row_named).
DEADLINE_ROW_BARE_DEGREE = (
    r"(?P<label>(?-i:[A-Z])[\w'&.-]*(?:\s(?:&|and|of|in|(?-i:[A-Z])[\w'&.-]*)){0,5}),?\s"
    r"(?P<degree>(?-i:(?:M|Ph|Ed|D)\.?(?:[A-Z][a-z]{0,3}\.?){0,3}))"
)
DEADLINE_ROW_BARE_BETWEEN = r"[\s|/*:-]*(?:(?:fall|spring|summer|winter|autumn|only|and|or|semester|term|admission)[\s|/*:,-]*)*$"
# A flattened table's row whose label names other business (documents, a decision, classes; the
# words of DEADLINE_COLUMN_OTHER) and not the application itself ("| DGP admission decision
# recommendation submitted ... and requested documents due in Graduate Admissions Office | July 15 |
# December 25 |"): the row's dates are that business's. Read by binding.other_business_row.


# ---- status shapes (issue 19, fourth pass: exam rules, accreditation, delivery) -----------------
# The other way round from the lists above: a status is read only where its clause has one of a
# few binding shapes (binding.py, "status shapes" section); every other shape abstains, whatever its
# words. Each list feeds one shape. A gap between the two ends of a shape is at most
# STATUS_SHAPE_REACH words and holds none of STATUS_SHAPE_BLOCKERS' words.

STATUS_SHAPE_REACH = 6

# The exam named generically ("an admissions test score", "standardized tests", "test scores").
EXAM_GENERIC: tuple[str, ...] = (
    r"standardi[sz]ed\s+(?:test|exam)\w*", r"entrance\s+exam\w*", r"admissions?\s+tests?", r"test\s+scores?",
    r"graduate\s+(?:admissions?\s+)?(?:test|exam)\w*", r"(?:test|exam)\s+requirements?", r"testing",
)
# exam_subject: the exam, then (within reach) what is said of it: "GRE scores are not required",
# "GRE: Not required", "GRE scores are waived for", "GRE test scores expire", "must be no more than".
EXAM_SHAPE_SAID_AFTER: tuple[str, ...] = (
    r"required", r"requirements?", r"needed", r"necessary", r"optional", r"waived", r"waivers?", r"exempt\w*", r"mandatory",
    r"recommended", r"accepted", r"considered", r"submitted", r"filed", r"sent", r"expire\w*", r"taken\s+within",
    r"(?:no\s+)?(?:more|older)\s+than", r"within\s+the\s+(?:last|past)", r"not\s+(?:be\s+)?(?:used|reviewed)",
    r"replaced", r"suspended", r"eliminated", r"removed",
)
# agent_verb: a verb of asking, sending or waiving, then (within reach) the exam: "must submit GRE
# scores", "does not require the MAT or GRE", "you must take the GRE", "request a waiver for the
# GMAT or GRE", "exempt from submitting GRE scores", "Submit official GRE or MAT scores".
EXAM_SHAPE_VERBS_BEFORE: tuple[str, ...] = (
    r"submit\w*", r"take", r"taking", r"send", r"sending", r"provide", r"present", r"requires?", r"required", r"requiring",
    r"accepts?", r"use", r"uses", r"need", r"needs", r"waive[ds]?", r"waivers?", r"exempt\w*", r"not\s+required", r"requirement\s+for",
    r"stopped\s+requiring", r"no", r"report\s+of", r"scores?\s+(?:on|from)\s+(?:either\s+)?(?:the\s+)?",
    # a score floor: "A total of 286 on the verbal and quantitative sections of the GRE", "300 on the revised GRE test"
    r"\d{2,4}\s+(?:or\s+(?:above|higher|better)\s+)?on", r"percentile\s+(?:or\s+(?:above|higher|better)\s+)?on", r"have\s+to\s+have", r"ask\s+for", r"request",
)
# list_item: the exam as an item of a list of what applicants send ("2. GRE scores (within the last
# five years)", "- An official report of Graduate Record Examination (GRE) scores", "• GRE scores
# (optional)"): an item start, a few modifiers, the exam.
EXAM_SHAPE_ITEM_START = r"(?:^|(?<=[\u2022|])|(?<=\s-\s)|(?<=\b\d\.\s)|(?<=\b\d\)\s)|(?<=[.;:]\s)|(?<=_\s))"
EXAM_SHAPE_ITEM_MODIFIERS = r"(?:(?:an?|the|official|satisfactory|acceptable|valid|copy|report|scores?|results?|of|on|from|one)\s+){0,5}"
# Who an exam rule is said of when it is not this program: the subject before the verb ("Some
# require GRE scores", "students applying to graduate-level teacher ... programs must submit") or a
# word inside the gap ("exemptions include acceptable scores on the ACT, GRE").
STATUS_SHAPE_BLOCKERS: tuple[str, ...] = (
    r"(?-i:ACT|SAT)", r"praxis", r"GACE", r"edTPA", r"TOEFL", r"IELTS", r"duolingo", r"departments?", r"while", r"others?",
)
EXAM_SHAPE_SUBJECT_ELSEWHERE: tuple[str, ...] = (
    r"^\W*some\b", r"\bsome\s+(?:programs|departments|require)", r"\bothers\b",
    # programs in general: "Many library science programs don't require", "Schools that do not
    # require GRE testing", "45% of graduate programs ... have adopted GRE waivers", "your chosen
    # program may not require the GRE"
    r"\b(?:many|most|some|few|several|other|these|those|all|of|individual|each|respective)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:programs|schools|departments|universities|institutions|colleges)\b",
    r"\b(?:programs|schools|universities|institutions|departments)\s+(?:that|which)\b", r"\d+\s?%\s+of\b",
    r"\byour\s+(?:chosen\s+|intended\s+)?program\s+may\b",
    r"\b(?:applying|applicants|students)\s+(?:to|for|in)\s+(?!our\b|this\b)(?:[\w&'-]+\s){0,6}?"
    r"(?:programs|departments|colleges|degrees|doctoral\s+\w+|ph\.?\s?d\.?)(?![\w.])",
    # an example, another discipline's applicants, another program named by its letters: "For example,
    # the Physician Assistant Studies (PA) program does not require", "For business, applicants must have"
    r"^\W*for\s+example\b", r"^\W*for\s+(?:" + "|".join(OTHER_DISCIPLINES) + r")\b",
    r"\((?!M\.?L|MLIS|MSLIS|MSIS|MIS\b|MS\b|MA\b|MI\b|LIS\b)[A-Z]{2,5}\)\s+program\b",
)

# Delivery. A mode word binds where it qualifies the program ("our online program", "a fully online
# MLIS", "the online cohort", "online students"), where the program, its courses or a student is
# said to be offered, delivered, completed or taken in it ("The MLIS can be completed fully online",
# "Courses are offered entirely online", "Offered on-campus or online, this ... program"), or as the
# value of a delivery label ("Course delivery | Online", "Degree Format: Online").
DELIVERY_MODE_WORDS: tuple[str, ...] = (
    r"online", r"on-line", r"distance(?:\s+(?:learning|education))?", r"hybrid", r"blended", r"low-residency", r"residential",
    r"on-?\s?campus", r"in-person", r"in\s+person", r"face[-\s]to[-\s]face", r"onsite", r"on-?\s?site", r"seated",
    r"virtual(?:ly)?", r"remote(?:ly)?", r"web-based",
)
DELIVERY_SHAPE_PROGRAM_NOUNS: tuple[str, ...] = (
    r"programs?", r"degree", r"cohorts?", r"pathways?", r"options?", r"routes?", r"tracks?", r"curriculum", r"format",
    r"school", r"students", r"learners", r"MLIS", r"MLS", r"MSLIS", r"MSLS", r"MSIS", r"M\.?L\.?I\.?S\.?", r"master'?s",
    r"master", r"M\.?S\.?", r"M\.?A\.?", r"version", r"studies", r"coursework", r"instruction", r"nature",
)
DELIVERY_SHAPE_SUBJECTS: tuple[str, ...] = (
    r"programs?", r"degree", r"MLIS", r"MLS", r"M\.?L\.?I?\.?S\.?c?", r"M\.?S\.?L\.?I?\.?S\.?", r"master'?s", r"MA", r"MS",
    r"courses", r"classes", r"coursework", r"studies", r"students", r"you", r"we", r"it", r"this", r"curriculum",
    r"science", r"which",
)
# Verbs of giving or taking the studies: they bind the mode after them whatever their subject
# ("offered both on campus and online", "GSLIS offers some of its courses online").
DELIVERY_SHAPE_PREDICATES: tuple[str, ...] = (
    r"offered", r"offers?", r"delivered", r"delivers?", r"available", r"completed?", r"earned?", r"finished?", r"taught", r"taken?",
    r"study", r"pursu\w+",
)
# Links that bind only after one of the subjects above ("The program is entirely online", "the
# MLIS can be finished through online-only classes", "move your ECE MA program online").
DELIVERY_SHAPE_LINKS: tuple[str, ...] = (r"is", r"are", r"held", r"through", r"via", r"designed", r"set\s+up", r"run", r"meets?")
DELIVERY_SHAPE_LABELS: tuple[str, ...] = (
    r"(?:course|program|degree|class)?\s?(?:delivery|formats?|modality|modes?)(?:\s+of\s+(?:delivery|instruction))?",
    r"ways\s+of\s+(?:course\s+)?delivery",
)
# timing: the program's courses said to run live or on one's own time ("The courses are taught
# synchronously", "All classes are held live"): a spider's timing sentence binds.
DELIVERY_TIMING_SUBJECTS: tuple[str, ...] = (
    r"(?:the|all|our|its|program's)\s+(?:[\w-]+\s+)?(?:courses|classes)", r"(?:^|(?<=[.;:]\s))(?:courses|classes|coursework|learning)",
)
DELIVERY_TIMING_PREDICATES: tuple[str, ...] = (r"taught", r"held", r"offered", r"delivered", r"run", r"meet", r"done", r"")
DELIVERY_TIMING_WORDS: tuple[str, ...] = (
    r"synchronous(?:ly)?", r"asynchronous(?:ly)?", r"live", r"in\s+real[-\s]time",
)
# The timing said as a quality of the program's studies ("Asynchronous coursework", "an
# asynchronous mode of delivery", "entirely asynchronous online degree"), or a label's few words
# ("weekly live sessions", "Mostly asynchronous, with optional live sessions each week").
DELIVERY_TIMING_ADJECTIVES: tuple[str, ...] = (r"synchronous", r"asynchronous", r"live", r"real-time")
DELIVERY_TIMING_NOUNS: tuple[str, ...] = (
    r"coursework", r"courses", r"classes", r"instruction", r"mode\s+of\s+delivery", r"format", r"program", r"degree",
)
# remote_route: the program finished without coming to campus ("you can complete your MLIS degree
# without coming to campus", "do not require students to come to campus").
DELIVERY_REMOTE_ROUTE: tuple[str, ...] = (
    r"without\s+(?:ever\s+)?(?:coming|travel\w*|having\s+to\s+(?:come|travel))\s+to\s+(?:the\s+)?campus",
    r"(?:not\s+required|do\s+not\s+(?:need|have)|don't\s+(?:need|have)|never\s+need|do(?:es)?\s+not\s+require\s+(?:students\s+|you\s+)?)"
    r"\s+to\s+come\s+to\s+(?:the\s+)?campus",
)
# Words between a predicate and a mode that make it a schedule or a list of something else ("classes
# held on days, nights, weekends, part-time, full-time, or online"), and nouns a mode word may
# qualify that are not the studies ("cannot offer remote access", "online interactions").
DELIVERY_SHAPE_BLOCKERS: tuple[str, ...] = (
    r"days", r"nights", r"weekends", r"evenings", r"part-time", r"full-time", r"offerings", r"interactions", r"resources",
)
# A mode qualifying programs in general ("options for both campus-based and online programs").
DELIVERY_KINDS_AFTER = r"(?:\s+[\w'-]+){0,2}?\s+(?:programs|schools|degrees|universities|institutions)\b"
# How a glossary's definition of a mode opens ("Hybrid: A mix of ...", "Hybrid/Blended (HB): These
# classes have ...", "Asynchronous: Course activity is ...", "Synchronous: Students are expected ...").
DELIVERY_GLOSSARY_OPENERS: tuple[str, ...] = (r"an?", r"these", r"such", r"course", r"courses", r"learning", r"students", r"instruction")
# A reader choosing among kinds: "consider a hybrid program", "looking for an online MLS program".
DELIVERY_CHOICE_VERBS: tuple[str, ...] = (
    r"consider", r"choos(?:e|ing)", r"look(?:ing)?\s+for", r"find(?:ing)?", r"decid(?:e|ing)", r"compar(?:e|ing)", r"prefer",
    r"search(?:ing)?\s+for", r"select(?:ing)?",
)
DELIVERY_MODE_OF_OTHER: tuple[str, ...] = (
    r"access", r"interactions?", r"resources", r"services", r"support", r"tools", r"offerings", r"applications?", r"library",
    r"orientation", r"store", r"portal", r"communities", r"community", r"events?",
)
# How wholly a mode holds: part of the mode's words, not of the gap ("delivers all of its degrees
# and certificates fully online").
DELIVERY_SHAPE_DEGREE = r"(?:fully|entirely|completely|totally|wholly|100\s?%|100\s+percent)"
# A list of modes after a predicate ("offered on campus, online or ...", "study on campus or at a
# distance"): any of them binds.
DELIVERY_SHAPE_LIST_JOINS = r"(?:\s?(?:,|/|&|\bor\b|\band\b)\s?(?:through\s+|in\s+|at\s+)?(?:both\s+|either\s+|a\s+|an\s+)?(?:(?:fully|entirely|completely|100%)\s+)?)"

# ---- status shapes, fifth pass (issue 19, r5-status: exam rules, delivery) -----------------------
# Who a status is said of when the clause's subject is not this program, shared by the exam and the
# delivery shapes: what most or some schools do ("Today, the majority of schools offer an online
# ... version", "Many programs now ..."), and a group of another level of study ("Bachelor's degree
# students may complete ... online", "Undergraduate applicants must submit").
STATUS_SUBJECT_OTHERS: tuple[str, ...] = (
    r"\b(?:majority|most|many|some|few|several|half|all)\s+of\s+(?:the\s+)?(?!(?:our|its|this)\b)(?:[\w-]+\s+){0,2}?"
    r"(?:schools|programs|universities|institutions|colleges)\b",
    r"\b(?:bachelor'?s(?:\s+degree)?|undergraduate|baccalaureate|doctoral|ph\.?\s?d\.?)\s+(?:students|applicants|candidates|majors)\b",
)
# An exam's letters used as the name of a degree or a group, not of the test: "All MAT candidates
# are required to complete an interview" (MAT: Master of Arts in Teaching), "the MAT program".
EXAM_NAME_AS_DEGREE_AFTER = (
    r"\s+(?:candidates?|students?|graduates?|alumni|cohorts?|programs?|degrees?|courses?|classes|faculty|"
    r"curriculum|concentrations?|tracks?|majors?)\b"
)
# A waiver or a test rule held by a scheme open to programs in general, not by this program: "a
# GRE/GMAT Waiver program for graduate program applicants who ...", "waives the submission of GRE
# or GMAT scores ... does not guarantee admission to any degree program". (Not "graduate program
# applicants" alone: a school says its own rule of them, "has stopped requiring graduate program
# applicants to submit".)
EXAM_SCHEME_ACROSS_PROGRAMS: tuple[str, ...] = (
    r"waiver\s+programs?", r"any\s+(?:graduate\s+|degree\s+|master'?s\s+)*programs?", r"participating\s+programs",
)
# "optional" beside a no in one sentence ("The GRE is optional, not required", "Do I have to take
# the GRE? No, the GRE is optional"): the more precise status wins. A "Test-optional:" policy label
# is not it ("Test-optional: GRE scores may be submitted but are not required" stays not_required).
EXAM_OPTIONAL_WORDS: tuple[str, ...] = (r"(?<![-\w])optional",)

# Accreditation: the ALA's accreditation and its status words (candidacy, seeking) bind only where
# the ALA (or its COA) is named in the same sentence, with no other accreditor named between them;
# a status noun said without the ALA ("has received continued accreditation") binds only where the
# sentence's subject names this program.
ACCREDITATION_SHAPE_OWN_SUBJECTS: tuple[str, ...] = (
    r"(?:MLIS|MLS|MSLIS|MSLS|MSIS|M\.?L\.?I\.?S\.?c?|M\.?S\.?L\.?I?\.?S\.?)(?:'s)?", r"(?:the|our|its|this)\s+program",
    r"(?:the|our|this)\s+degree", r"master\s+of\s+(?:library|information)",
    r"accreditation(?:\s+status)?\s?:",  # a spider's row: "Accreditation status: Continued accreditation"
)
# The nouns a sentence names an accredited thing by; the one nearest before the accreditation words
# is its head. An indefinite or a bare plural head is a kind ("If an MLS program ... is
# ALA-accredited", "only 56 ... degree programs in the country accredited by the ALA", "a school
# accredited by the ALA", "Schools accredited by the ALA are"); ours have a definite head.
ACCREDITATION_HEAD_NOUNS: tuple[str, ...] = (
    r"programs?", r"schools?", r"degrees?", r"institutions?", r"colleges?", r"universit(?:y|ies)", r"master'?s",
)
ACCREDITATION_KIND_DETERMINERS: tuple[str, ...] = (r"an?", r"any", r"one", r"each", r"every", r"such")
ACCREDITATION_OWN_DETERMINERS: tuple[str, ...] = (r"our", r"its", r"the", r"this", r"both", r"two", r"three", r"[\w.]+'s")
# "ALA accreditation" as a noun binds only as something held or granted ("the School ... holds ALA
# accreditation"); as a subject it is the accreditation in general ("ALA accreditation only lasts").
ACCREDITATION_HOLD_VERBS: tuple[str, ...] = (
    r"holds?", r"has", r"have", r"received", r"earned", r"granted", r"maintains?", r"achieved", r"awarded", r"retains?",
    r"continues", r"with",
)

# ---- status shapes, sixth pass (issue 19, r6-status: exam rules, accreditation, delivery) -------
# Exam rules. Whose rule it is when the text leaves it to someone else: a document the exam is sent
# "when required" or "whichever is appropriate" (each program decides), "each program that uses test
# scores", and a rule quoted inside advice on wording ("add a note saying that ... the GRE
# requirement is waived"): a sentence naming one of these states no rule for this program (unless
# it names this program; binding.exam_rule_held_elsewhere).
EXAM_RULE_HOLDERS_ELSEWHERE_6: tuple[str, ...] = (
    r"(?:when|if|where)\s+required\b",
    r"whichever\s+(?:is|are)\s+(?:appropriate|applicable|required)",
    r"(?:each|every|any)\s+(?:graduate\s+)?(?:program|department)\s+(?:that|which)\s+(?:uses?|requires?|considers?|accepts?)\b",
    r"(?:programs|departments)\s+(?:that|which)\s+(?:use|consider|accept)\b",
    r"\b(?:note|message|statement|language|wording)\s+(?:[\w-]+\s){0,5}?(?:saying|stating|indicating|explaining)\s+that\b",
)
# An office's own floor beside programs that set theirs: "GRE: The Graduate School does not
# require the GRE. Your academic program may or may not require it." Where a text leaves the rule to
# the program (EXAM_LEFT_TO_PROGRAMS), a sentence whose subject is an office (EXAM_OFFICE_SUBJECTS)
# states the office's rule, not this program's (binding.exam_rule_left_to_programs).
EXAM_LEFT_TO_PROGRAMS: tuple[str, ...] = (
    r"(?:your|the|each|an?)\s+(?:academic\s+|graduate\s+|intended\s+|individual\s+)?(?:program|department)\s+may\s+"
    r"(?:or\s+may\s+not\s+|also\s+|still\s+)?(?:require|ask|request)",
    r"(?:individual|some|other)\s+(?:graduate\s+)?(?:programs|departments)\s+may\s+(?:also\s+|still\s+)?(?:require|ask|request)",
)
EXAM_OFFICE_SUBJECTS: tuple[str, ...] = (
    r"(?:the\s+)?(?:graduate\s+school|graduate\s+college|graduate\s+division|college\s+of\s+graduate\s+studies"
    r"|school\s+of\s+graduate\s+studies|graduate\s+admissions?(?:\s+office)?|university|institution)\b",
)
# What is said after an exam that asks for it (exam_subject shape and the required status alike):
# "Your official GRE scores are expected".
EXAM_EXPECTED: tuple[str, ...] = (r"(?:is|are)\s+expected\b(?!\s+to\s+(?:have|hold|earn|maintain))",)
# Verbs before an exam that ask for it, added to EXAM_SHAPE_VERBS_BEFORE: admission "based on ...
# GRE scores", a waiver "when an applicant is unable to complete the GRE".
EXAM_SHAPE_VERBS_BEFORE_6: tuple[str, ...] = (r"based\s+(?:up)?on", r"complet(?:e|ing)")

# Accreditation. The status said of its recipient: a status noun, then "was granted to" / "was
# withdrawn from" (or "granted ... status to"), then a library or information master's program
# named within reach ("Initial Accreditation status was granted to the Master of Library and
# Information Science at ...", "Accreditation was withdrawn from the following program: • Master of
# Arts in Library Science at ..."): the status is that program's, the ALA's by its field, although
# the ALA is not named in the sentence (binding.accreditation_shape, shape "recipient").
ACCREDITATION_RECIPIENT_LINK = (
    r"\s?(?:status\s+)?(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?(?:recently\s+)?"
    r"(?:granted|awarded|continued|extended|maintained|withdrawn|removed|revoked|conferred)?\s?(?:to|from|upon|on)\s+"
)
ACCREDITATION_RECIPIENT_REACH = 120
ACCREDITATION_RECIPIENT_DEGREE = (
    r"\bmaster\s+of\s+(?:[\w&]+\s+){0,3}?(?:(?:in|of)\s+)?(?:library|information|librarianship)"
    r"|\b(?:MLIS|MLS|MSLIS|MSLS|MSIS|MLIS[Cc])\b"
    r"|\b(?:library|information)\s+(?:and\s+information\s+)?(?:science|studies)\s+(?:master'?s\s+)?(?:program|degree)"
)

# Delivery. A mode said of an indefinite program reached through a preposition is a kind, not this
# program ("an online student may petition ... while remaining in an online program", "students
# enrolled in a hybrid program"): any program of that mode.
DELIVERY_KIND_PREPOSITIONS: tuple[str, ...] = (r"in", r"into", r"to", r"from", r"within", r"for")
# Exam status nuance. "Not required" with the scores still considered when sent ("The GRE is not
# required but will be considered if submitted") is optional: the "if" is the applicant's choice,
# not a condition on the rule. A waiver open to every applicant ("All applicants are eligible for a
# GRE waiver", "a GRE waiver is available to all applicants") makes the test optional, not
# conditional, unless its sentence names a condition.
EXAM_CONSIDERED_IF_SENT: tuple[str, ...] = (
    r"(?:will|may|can|would)\s+(?:still\s+|also\s+)?be\s+(?:considered|reviewed|used|taken\s+into\s+(?:account|consideration))"
    r"(?:\s+(?:if|when)\s+(?:they\s+are\s+|it\s+is\s+)?(?:submitted|provided|sent|available|included))?",
)
EXAM_WAIVER_OPEN_TO_ALL: tuple[str, ...] = (
    r"(?:all|every|any)\s+(?:prospective\s+|domestic\s+|new\s+)?(?:applicants?|students?)\s+(?:are|is)\s+eligible\s+for\s+"
    r"(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?waivers?",
    r"waivers?\s+(?:is|are)\s+(?:available|open|offered)\s+to\s+(?:all|every|any)\s+(?:prospective\s+)?(?:applicants?|students?)",
)
# Delivery beside money. A sentence about money says no mode ("Online students pay the same
# tuition"), unless it names this program's own mode with a definite head ("an online tuition rate
# which lets us offer the online MLIS", "tuition for our online program"): the rate then implies
# the program is given that way (delivery._studies_only).
DELIVERY_OWN_MODE_NOUN = (
    r"\b(?:our|the|this|its)\s+(?:fully\s+|entirely\s+|100%\s+)?(?:online|distance|hybrid)\s+"
    r"(?:MLIS|MLS|MSLIS|MSLS|MSIS|M\.?L\.?I\.?S\.?|M\.?L\.?S\.?|master'?s(?:\s+degree|\s+program)?|degree|program)\b(?!\s+(?:fees?|rates?|tuition)\b)"
)
# Campus time on a schedule is a required campus component of the route (hybrid), as a residency
# is: "Students are physically on campus two times per year", "once each semester on campus".
DELIVERY_CAMPUS_ON_A_SCHEDULE = (
    r"\b(?:physically\s+)?(?:on[-\s]?campus|in\s+person)\s+(?:once|twice|(?:two|three|four|\d)\s+times?)\s+(?:a|per|each|every)\s+"
    r"(?:year|semester|term|quarter)\b"
)
# A route through a combination of parts is not an online route ("complete the degree through a
# combination of online classes, intensive short-term courses on campus"): hybrid beside campus words.
DELIVERY_COMBINATION_WORDS = r"(?:combination|combining|mix|mixture|blend)\b"
# A test the program may ask for ("The school may ask applicants to take the GRE when ...",
# "Applicants may be asked to submit GRE scores"): conditional, never optional.
EXAM_MAY_ASK: tuple[str, ...] = (
    r"may\s+(?:also\s+)?ask\s+(?:\w+\s){0,2}?to\s+(?:take|submit|provide|send)", r"may\s+(?:also\s+)?be\s+asked\s+to\s+(?:take|submit|provide|send)",
)

# ---- status shapes, seventh pass (issue 19, r7-status) ------------------------------------------
# An accreditation said of another program: the status adjective right after "another", "other" or
# "any" ("credit hours from another ALA-accredited master's degree program may ... be applied to the
# M.L.S.", "at another ALA-accredited library school", "from another ALA-accredited university").
# "offers an ALA-accredited Master of ..." stays this program's (the article alone decides nothing).
ACCREDITATION_OTHER_MODIFIERS: tuple[str, ...] = (r"another", r"other", r"any")
# An exam's status left open: a requirement coordinated with a lesser status in one phrase ("to see
# whether the GRE General Test is required, optional/not required or not accepted", "GMAT or GRE
# scores may be required or recommended for MBA ... programs", "a program that requires or
# recommends a graduate admission test"). A negation before the pair distributes ("not required or
# recommended" stays not_required).
EXAM_STATUS_REQUIRE = r"(?:required|requires?|mandatory)"
EXAM_STATUS_LESSER = r"(?:recommended|recommends?|optional|not\s+required|not\s+accepted|accepted|preferred)"
EXAM_STATUS_JOIN = r"\s?(?:,\s?|/\s?|,?\s+(?:and/)?or\s+)"
# The reader's own program as the holder of an exam rule: "contact your program of interest
# directly to submit for a GRE score waiver", "Your academic program may or may not require it",
# "contact ... for your specific program": a program the reader picks, not this one.
EXAM_RULE_HOLDERS_ELSEWHERE_7: tuple[str, ...] = (
    r"your\s+(?:[\w-]+\s+)?program\s+of\s+(?:interest|choice)\b",
    r"your\s+(?:specific|academic|chosen|intended|prospective|target|individual)\s+(?:graduate\s+)?program\b",
)
# A negating prefix on the status adjective, of the same class as "another": "within non-ALA
# accredited school librarianship education programs", "a non ALA accredited program".
ACCREDITATION_NEGATING_PREFIX = r"non[-\s]?"
# Programs in general as the bare subject of a modal rule, at a clause's start: "Academic programs
# may also request substitute test scores ... in place of the required GRE", "In addition, programs
# may have other ... admissions test requirements", "Individual programs may require ... the GRE".
# "applicants to our master's programs may request a waiver" is not one (the subject is applicants).
EXAM_PROGRAMS_IN_GENERAL_SUBJECT = (
    r"(?:^|[.;:]\s|,\s)\W*(?:(?:academic|graduate|degree|individual|some|many|most|other|certain)\s+)?programs\s+"
    r"(?:may|can|might|could)\b"
)
# An embedded question states no status: "refer to departmental requirements to see if an entrance
# examination (GRE, MAT, GMAT, etc.) is required", "To see if the department requires GRE scores",
# "decide whether the GRE is required, optional ...": the question's words up to its clause end are
# not read as a rule.
EXAM_EMBEDDED_QUESTION = (
    r"\b(?:see|determine|check|find\s+out|learn|know|verify|confirm|ask|decide)\s+(?:[\w-]+\s+){0,3}?(?:if|whether)\b"
    r"[^.;:?!\u2022|]{0,120}"
)
# A status's definition said of a generic program: "Candidacy status indicates that the program is
# ready to begin the two-year process", "Withdrawn accreditation This category is assigned to a
# program that ... is no longer accredited", "ALA accreditation indicates that the program has
# undergone an external review". Said of a named program it stays ("Precandidacy status indicates
# that MTSU's MLS Program has ... committed").
ACCREDITATION_DEFINITION_AFTER = (
    r"\W{0,3}(?:status\s+)?(?:[\w-]+\s+){0,2}?(?:indicates|means|signifies|denotes|describes|refers\s+to|applies\s+to"
    r"|is\s+(?:assigned|given)\s+to|is\s+defined\s+as)"
    r"\s+(?:that\s+)?(?:the|an?)\s+(?:program|institution|school)\b(?!')"
)
# Programs or schools counted or quantified as the subject of a delivery (the exam readers' class of
# EXAM_SHAPE_SUBJECT_ELSEWHERE, "Many library science programs don't require", carried to delivery):
# "Most online library programs, such as ..., require an orientation ... the remainder of the program is
# completed online", "62 ALA-accredited M.L.I.S. programs ..., and 42 of them offer a 100% online program".
STATUS_SUBJECT_QUANTIFIED: tuple[str, ...] = (
    # ("one of many programs offered online" names this one among them)
    r"(?<!\bone\sof\s)\b(?:most|many|some|few|several)\s+(?:[\w-]+\s+){0,3}?(?:schools|programs|universities|institutions|colleges)\b",
    r"\b\d+\s+of\s+(?:them|these|those)\b",
)

# ---- money, seventh pass (issue 19, r7-money): a cost of another kind, students outside the degree --
# Each list is one class of look-alike found on at least two universities' pages (corpus README,
# "Seventh pass of the money side").
# An insurance plan's price is a cost the student may waive, not what the school charges for the
# program ("Domestic student health insurance costs • Fall 2024: $1,937.00 ... Annual: $4,621.00",
# "Student Health Insurance Please note: ... $1,525", "the Student Accident and Health Insurance Program
# for approximately $400 per term"): named in the few words before a rate (RATE_SCOPE_BEFORE's
# "insurance" class) or in the text's heading (binding.insurance_heading), the rate is the plan's.
RATE_INSURANCE_WORDS: tuple[str, ...] = (r"insurance", r"premiums?")
RATE_SCOPE_BEFORE["insurance"] = RATE_INSURANCE_WORDS
# Words right before an insurance word that keep it out of the rate's scope: the rate excludes or
# includes the plan ("Tuition (does not include health insurance) ...", "tuition plus insurance").
RATE_INSURANCE_NOT_SCOPE = (
    r"(?:not\s+(?:include|including|cover|covering)|excluding|excludes?|except|without|includ\w*|incl\.|plus|and|&)\s+"
    r"(?:\w+\s+){0,2}$"
)
# Students outside any degree: high school students taking college courses ("High School Dual Credit
# $75.00 $75.00" under a graduate rate table's residency columns, "Students in the dual credit program
# pay $25 per credit hour", "UD dual enrollment currently costs $620 per course"): a row of theirs is
# another group's row (TUITION_OTHER_ROWS), their words before a rate another group's scope.
STUDENTS_OUTSIDE_DEGREE: tuple[str, ...] = (
    r"high\s+school(?:\s+students?)?", r"dual[-\s](?:credit|enrollment)", r"concurrent\s+enrollment", r"early\s+college",
)
TUITION_OTHER_ROWS = (*TUITION_OTHER_ROWS, *STUDENTS_OUTSIDE_DEGREE)
RATE_SCOPE_BEFORE["group"] = (*RATE_SCOPE_BEFORE["group"], *STUDENTS_OUTSIDE_DEGREE)
# Credit awarded without taking the program's courses, and its charges: a portfolio or prior learning
# assessment, a proficiency or challenge exam, credit by examination ("If a Proficiency Exam is passed,
# there is a fee of $50 per credit hour earned", "a prior learning assessment credit recording fee of $85
# per credit hour", "The fee for Portfolio Assessment is $50 per credit hour", "Credentialed Learning
# Credit: $100 per credit"): like an audit's charge, no rate of the program (RATE_SCOPE_BEFORE's
# "assessed_credit" class; in the text's heading, binding.cost_heading_scope).
ASSESSED_CREDIT_WORDS: tuple[str, ...] = (
    r"prior\s+learning", r"portfolios?(?=\s+(?:assessment|review|evaluation|credits?|fees?))",
    r"(?:submit\w*|evaluat\w*|assess\w*|review\w*)\s+(?:\w+\s+){0,2}?portfolios?", r"proficiency\s+exam\w*",
    r"challenge\s+exam\w*", r"credit\s+by\s+exam\w*", r"credentialed\s+(?:learning|experience)", r"experiential\s+(?:learning\s+)?credits?",
    r"CLEP", r"DANTES", r"PLA",
)
RATE_SCOPE_BEFORE["assessed_credit"] = ASSESSED_CREDIT_WORDS
# Pay to students: a bare "per hour" is a wage, not a credit hour, where pay words stand around it ("Student
# Assistant II (Regular) $13.00 per hour This title and salary ...", "the minimum rate paid for any position
# is $8.56/hour", "base pay rates of $5.15, $5.35 ... per hour"): binding.wage_hour. A credit hour names
# its credit or its term ("per credit hour", "per semester hour"), and is read as before.
RATE_BARE_HOUR_AFTER = (
    r"(?:\s?(?:,|and|or|&|to|-)\s?(?:and\s)?\$\s?\d[\d,]*(?:\.\d\d)?){0,8}"  # "$5.15, $5.35, ... $6.50 per hour": the list's unit
    r"\s?(?:per|/|an?|each)[-\s]?(?:hour|hr)\b"
)
WAGE_WORDS: tuple[str, ...] = (
    r"pa(?:y|id)", r"payroll", r"salar(?:y|ies)", r"wages?", r"earn(?:s|ed|ing)?", r"hourly", r"raises?",
    r"(?:student\s+)?employ(?:ee|ees|ment|ed)", r"(?:student\s+)?workers?", r"work[-\s]study", r"jobs?",
)
# Another master's or degree named by its field right before a rate ("Master of Athletic Training Tuition
# 2025-2026 $600 per credit hour", "Master of Accountancy, per credit hour $665", "Master in Fine Arts - per
# credit hour $663.00", "Post Baccalaureate Professional Degree in Computer Science - per credit hour
# $960.00"): that degree's rate (RATE_SCOPE_BEFORE's "other_degree" class). A degree named by this
# program's field (library, information, archives; "Master of Science" alone) is not another's.
RATE_OWN_DEGREE_FIELDS = (
    r"(?:Library|Librarianship|Information(?!\s+Technology)|Archiv\w*|LIS)\b",
)
_OWN_FIELD = "(?:" + "|".join(RATE_OWN_DEGREE_FIELDS) + ")"
RATE_SCOPE_BEFORE["other_degree"] = (
    r"(?-i:Masters?'?\s+(?:of|in)\s+(?!" + _OWN_FIELD + r"|(?:Science|Arts|Management|Professional\s+Studies)\s+"
    r"(?:\([^()]{1,12}\)\s+)?in\s+(?:(?:Library|Information)\s+(?:and|&)\s+)?" + _OWN_FIELD + r"|Science\b(?!\s+in\s))[A-Z][\w&'-]*)",
    r"(?-i:[Dd]egree\s+in\s+(?!" + _OWN_FIELD + r")[A-Z][\w&'-]*)",
    r"(?-i:M\.\s?[SA]\.\s+in\s+(?!" + _OWN_FIELD + r")[A-Z][\w&'-]*)",
)
# A table's cell that holds no value ("--", "N/A", an em dash): beside it, a flattened row's amounts cannot be
# counted into their columns (binding.placeholder_beside). A single hyphen is not one ("Masters - $225.00").
TABLE_PLACEHOLDER_CELL = r"-{2,}|\u2014|N/A|n/a"
