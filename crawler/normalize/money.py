"""Dollar amounts: the one place that knows what a US price looks like.

A price is "$1,372", "$8,328.00", "US$ 900", "USD 900" or "900 dollars". Anything that could
be read at the wrong magnitude is refused rather than guessed: European separators
("$12.345,00"), malformed grouping ("$1,3720"), scale words ("$1.2 million"). Digits are
ASCII only (re.ASCII), so "$١٢٣" is not a price.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import vocabulary as v
from .binding import bound_text
from .models import money
from .text import prepare, words_to_digits

# Integer part: grouped by commas in threes, or a plain run of digits; then at most two
# decimals. The look-ahead refuses a match that continues with more digits or with a second
# separator and a digit: that is how "12.345,00" and "1,3720" are rejected outright.
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?(?!\d|[.,]\d)"
_PREFIXED = re.compile(r"(?:\bUS\s?\$|\$|\bUSD\b)\s?" + _NUMBER, re.ASCII | re.I)
_SUFFIXED = re.compile(r"(?<![\w.,$])" + _NUMBER + r"\s?(?:dollars\b|USD\b)", re.ASCII | re.I)
# "$1.2 million", "$5K", "$3 thousand": not a price we can state exactly.
_SCALE = re.compile(r"\s?(?:k|m|mm|bn|million|billion|thousand)\b", re.ASCII | re.I)
# "$20-$150", "$500 to $700": a range, not one price.
_RANGE_AFTER = re.compile(r"\s?(?:-|to|through)\s?(?:US\s?\$|\$|USD\s?)?\s?\d", re.ASCII | re.I)
_RANGE_BEFORE = re.compile(r"\bbetween\s$", re.I)


# An amount in another currency ("CAD $1,200", "Tuition (CAD)", "Quebec residents $2,098"): no
# amount of such a text is read as US dollars (issue 9).
OTHER_CURRENCY = re.compile(v.any_of(v.OTHER_CURRENCIES), re.I)
# "five hundred dollars" once the words are digits: "5 hundred" -> "500".
_HUNDREDS = re.compile(r"\b(\d{1,2})\s+hundred(?:\s+(?:and\s+)?(\d{1,2}))?(?=\s+dollars\b)", re.I)
_THOUSANDS = re.compile(
    r"\b(\d{1,3})\s+thousand(?:\s+(?:and\s+)?(\d{1,2})\s+hundred)?(?:\s+(?:and\s+)?(\d{1,2}))?(?=\s+dollars\b)", re.I
)


def _words_as_digits(text: str) -> str:
    """Money written in words, as digits: 'five hundred dollars' -> '500 dollars'. Only exact
    number words before 'dollars' are read; 'a few hundred dollars' stays words."""
    t = words_to_digits(text)
    t = _THOUSANDS.sub(lambda m: str(int(m.group(1)) * 1000 + int(m.group(2) or 0) * 100 + int(m.group(3) or 0)), t)
    return _HUNDREDS.sub(lambda m: str(int(m.group(1)) * 100 + int(m.group(2) or 0)), t)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: Decimal
    in_range: bool = False


def find_amounts(text: str) -> list[Amount]:
    """Every dollar amount in already-prepared text, in order, with range membership marked;
    [] when the text names another currency. Amounts in words ("fifty dollars") are read only
    when the text has no amount in digits; their positions are those of the rewritten text, so
    callers that slice by position use `dollars_text()` first."""
    if OTHER_CURRENCY.search(text):
        return []
    found: dict[int, Amount] = {}
    for pattern in (_PREFIXED, _SUFFIXED):
        for m in pattern.finditer(text):
            if _SCALE.match(text, m.end()):
                continue
            integer, cents = m.group(1).replace(",", ""), m.group(2) or "0"
            try:
                value = Decimal(f"{integer}.{cents}")
            except InvalidOperation:  # pragma: no cover - the pattern admits only digits
                continue
            if m.start() not in found:
                found[m.start()] = Amount(m.start(), m.end(), value)
    amounts = [found[k] for k in sorted(found)]
    # Mark both ends of a range.
    marked: list[Amount] = []
    for i, a in enumerate(amounts):
        nxt = amounts[i + 1] if i + 1 < len(amounts) else None
        prev = amounts[i - 1] if i else None
        joins_next = nxt is not None and _RANGE_AFTER.match(text, a.end) is not None and (
            _RANGE_AFTER.match(text, a.end).end() >= nxt.start  # type: ignore[union-attr]
        )
        joins_prev = prev is not None and _RANGE_AFTER.match(text, prev.end) is not None and (
            _RANGE_AFTER.match(text, prev.end).end() >= a.start  # type: ignore[union-attr]
        )
        between = _RANGE_BEFORE.search(text[max(0, a.start - 9) : a.start]) is not None
        in_range = joins_next or joins_prev or between or (
            prev is not None and marked[-1].in_range and text[prev.end : a.start].strip() == "and"
        )
        marked.append(Amount(a.start, a.end, a.value, in_range))
    return marked


def dollars_text(text: str) -> str:
    """Prepared text in which money written in words is in digits, when the text has no amount
    in digits ("The fee is fifty dollars" -> "The fee is 50 dollars")."""
    if find_amounts(text) or "dollar" not in text.lower():
        return text
    return _words_as_digits(text)


# Abstaining (issue 19): when binding moves the text's first amount away, no later amount stands in
# for it ("Graduation fee: $100. Official electronic copy: $10" states no application fee).
KEEP_FIRST = True


def parse_money(text: str) -> Decimal | None:
    """The first dollar amount in the text, to the cent; None when there is none, when the
    first amount opens a range ("$500-$700": not a single price), or when binding moves the
    first amount away (another program's, a graduation or transcript charge)."""
    t = dollars_text(prepare(text))
    if OTHER_CURRENCY.search(t):
        return None  # another currency anywhere in the text, even in a sentence binding blanks
    amounts = find_amounts(bound_text("application_fee", t))
    if not amounts or amounts[0].in_range:
        return None
    if KEEP_FIRST and amounts[0].start != find_amounts(t)[0].start:
        # The text's first amount is moved away (a graduation fee, another program's fee): a later
        # amount is not "the first" by default, and nothing binds it instead.
        return None
    return money(amounts[0].value)
