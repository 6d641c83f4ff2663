"""The word tables every normalizer shares, each kept once, and the helpers that build patterns
from them (as alltheplaces' locations/hours.py builds its day patterns from per-language tables).

A word added here is understood everywhere: months and terms by the deadline, start-term and
duration parsers; campus and modality words by the rate and deadline qualifiers and by the
delivery parser; residency and level words by the tuition parser; exam names by the exam parser;
deadline kinds by the deadline parser. A multi-word phrase is written with single spaces or
hyphens ("in person", "on-campus") and matches any of "in person", "in-person", "inperson".

Nothing here is a parser: only data and the builders `phrase()`, `alternation()` and `any_of()`.
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
    word boundary testing it once: `\bCAD\b|\bC\$|€` becomes `\b(?:CAD\b|C\$)|€`. The same
    matches; Python's `re` would otherwise test every alternative's `\b` at every character
    (four times slower on our texts). A pattern holding a `|` of its own is kept whole."""
    parts: list[str] = []
    run: list[str] = []
    for pattern in (*patterns, None):
        if pattern is not None and pattern.startswith(r"\b") and "|" not in pattern:
            run.append(pattern[2:])
            continue
        if run:
            parts.append(rf"\b(?:{'|'.join(run)})")
            run = []
        if pattern is not None:
            parts.append(pattern)
    return "|".join(parts)


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
    r"non-[a-z]+\s+residents?", r"out-of-state\s+residents?", r"out\s+of\s+state\s+residents?", r"out-of-state",
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

# Currencies that are not US dollars: an amount next to one of these is not ours to read.
OTHER_CURRENCIES: tuple[str, ...] = (
    r"\bCAD\b", r"\bC\$", r"\bCA\$", r"\bCDN\$?", r"\bCanadian\s+dollars?\b", r"\bin\s+Canadian\b", r"\bAUD\b",
    r"\bA\$", r"\bNZD\b", r"\bGBP\b", r"\bEUR\b", r"\beuros?\b", r"\bpounds?\s+sterling\b", "\u20ac", "\u00a3",
    "\u00a5", r"\bQu[e\u00e9]bec\b", r"\bout\s+of\s+province\b",
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
LICENSURE_TESTS: tuple[str, ...] = (r"praxis", r"certification\s+exam\w*", r"content\s+area\s+test", r"licensure\s+exam\w*")

# ---- deadline kinds ---------------------------------------------------------------------------

DEADLINE_KINDS: tuple[tuple[str, str], ...] = (
    ("preferred", r"\bpreferred\b|\bpreference\b|\brecommended\b|\brecommends\b|\bwe\s+recommend\b"
                  r"|\b(?:strongly\s+)?suggested\b"),
    # "(for funding consideration)": the date that keeps funding open is a priority date.
    ("priority", r"\bpriority\b|\bearly\b|\b(?:funding|scholarships?|assistantships?|fellowships?|financial\s+aid)"
                 r"\s+consideration\b|\bconsider(?:ation|ed)\s+for\s+(?:\w+\s){0,3}?(?:funding|scholarships?|assistantships?"
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
)
PAPERWORK_NOUNS: tuple[str, ...] = (
    "application", "applications", "portal", "form", "forms", "payment", "payments", "catalog", "store", "directory",
    "chat", "resources", "library", "system", "tutorial", "information session",
)


def paperwork_pattern() -> str:
    """'Apply online', 'check the status of your application online', 'online application'."""
    verbs = alternation(PAPERWORK_VERBS)
    nouns = alternation(PAPERWORK_NOUNS)
    # The words between the verb and "online" never name the studies ("complete your coursework
    # online" is about the classes).
    gap = r"(?:(?!course|class|degree|program|stud)[\w'-]+\s){0,6}?"
    return rf"{verbs}\s+{gap}online\b|\bcomplete[sd]?\s+(?:the\s+|your\s+)?(?:application|form)\s+online\b|\bonline\s+{nouns}"
