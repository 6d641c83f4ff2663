"""Text clean-up and the word tables every parser shares.

Everything here is pure and linear in the input length. Parsers call `prepare()` first, which
caps the input (so no regex ever sees more than MAX_CHARS) and folds typographic punctuation to
ASCII so that the patterns only have to know one dash and one apostrophe.
"""

from __future__ import annotations

import re
import unicodedata

from .vocabulary import MONTHS, TENS, TERM_ORDER, TERM_WORDS, UNITS, alternation, regex

__all__ = [
    "MAX_CHARS", "MONTHS", "TERM_ORDER", "TERM_RE", "TERM_WORDS", "clean_text", "prepare", "sentences", "words_to_digits",
]

# Evidence is one fact's text (a table cell, a paragraph, a flattened block); anything longer
# than this is not a statement of one fact, and capping keeps every regex pass bounded.
MAX_CHARS = 20_000

# Invisible characters that pages sprinkle inside words and numbers ("$1,\u200b372").
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Typographic punctuation folded to the ASCII the parsers match.
_FOLD = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u2033": '"',
        "\u2265": ">=", "\u2264": "<=", "\u00d7": "x", "\uff04": "$",
        # Footnote markers ("$1,364\u00b9", "Tuition\u2020") read like the ASCII asterisk the
        # parsers already skip; a superscript digit is never part of a price or a date.
        "\u00b9": "*", "\u00b2": "*", "\u00b3": "*", "\u2020": "*", "\u2021": "*", "\u00a7": "*",
    }
)

TERM_RE = regex(alternation(TERM_WORDS), re.I)

_UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
# "thirty-six", "thirty six", "one hundred twenty", "twelve"; case-insensitive, whole words.
_NUMBER_WORDS = regex(
    rf"\b(?:(?P<hundreds>one|a)\s+hundred(?:\s+and)?\s*)?"
    rf"(?:(?P<tens>{_TENS_ALT})(?:[-\s](?P<tens_unit>one|two|three|four|five|six|seven|eight|nine))?"
    rf"|(?P<unit>{_UNIT_ALT}))\b"
    rf"|\b(?P<bare_hundred>one|a)\s+hundred\b",
    re.I,
)


def clean_text(text: object) -> str:
    """Collapse all whitespace (NBSP, tabs, newlines) to single spaces, drop zero-width
    characters, strip, NFC-normalize. Non-strings give ""."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


# A byte the page's encoding could not decode (U+FFFD) inside a word or number leaves that word
# unreadable: "June 3\ufffd0" is not June 3, "$1,2\ufffd00" not $1.2. The whole token becomes one
# mark that no parser reads as a number, a date or a word.
_GARBLED = re.compile(r"[^\s\ufffd]*\ufffd[^\s]*")


def prepare(text: object) -> str:
    """What every parser starts from: capped, cleaned, punctuation folded to ASCII, tokens with an
    undecodable byte made unreadable."""
    if not isinstance(text, str):
        return ""
    text = clean_text(text[:MAX_CHARS])
    if "\ufffd" in text:
        text = _GARBLED.sub("\ufffd", text)
    return text.translate(_FOLD)


def may_hold(text: str, *needles: str) -> bool:
    """False only when `text` cannot hold any of `needles` (lowercase ASCII) in any case: a
    case-insensitive search that needs one of them is then skipped. A text with a character
    beyond ASCII is always searched (re.I also matches "\u017f" to "s", "\u212a" to "k", "\u0131"
    to "i", which lower() does not fold)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(needle in low for needle in needles)


def _words_value(m: re.Match[str]) -> str:
    if m.group("bare_hundred"):
        return "100"
    value = 100 if m.group("hundreds") else 0
    if m.group("tens"):
        value += TENS[m.group("tens").lower()]
        if m.group("tens_unit"):
            value += UNITS[m.group("tens_unit").lower()]
    elif m.group("unit"):
        value += UNITS[m.group("unit").lower()]
    return str(value)


def words_to_digits(text: str) -> str:
    """'thirty-six credits' -> '36 credits'. Only whole number words are replaced."""
    return _NUMBER_WORDS.sub(_words_value, text)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences: split after . ! ? ; followed by a space, but not after
    a month abbreviation or a single capital ("Feb. 1", "U.S. residents")."""
    if not _MAY_END.search(text):  # no . ! ? ; at all (most of the short runs asked): one sentence
        return [(0, len(text))] if text else []
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[0] < s[1]]


# Not after another period: a dot leader ("Tuition per credit hour ........ $1,290") or an
# ellipsis is not a sentence end.
# Abbreviations whose period is not a sentence end: month abbreviations ("Feb. 1") from the
# vocabulary, and titles. One look-behind each (a look-behind must have a fixed width).
_NOT_AN_END = tuple(m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")) + (
    "no", "st", "dr", "mr", "ms", r"e\.g", r"i\.e",
)
# The look-ahead first: the look-behinds are tried only where a sentence could end (a dozen times
# faster than trying every look-behind at every character).
_MAY_END = re.compile(r"[.!?;]")
_SENTENCE_END = re.compile(
    r"(?=[.!?;])(?<!\.)(?<!\b[A-Z])" + "".join(rf"(?<!\b{w})" for w in _NOT_AN_END) + r"[.!?;](?=\s|$)",
    re.I,
)
