"""Dollar amounts: the one place that knows what a US price looks like.

A price is "$1,372", "$8,328.00", "US$ 900", "USD 900" or "900 dollars". Anything that could
be read at the wrong magnitude is refused rather than guessed: European separators
("$12.345,00"), malformed grouping ("$1,3720"), scale words ("$1.2 million"). Digits are
ASCII only (re.ASCII), so "$١٢٣" is not a price.

parse_money reads the application fee (the only field it serves). Where the text names charges,
the amount it returns is the one a charge name binds to the application fee (positive binding,
issue 19): "Readmission Fee $75" or "a $150 tuition deposit" give None, "International $95.00
U.S. Citizen/Permanent Residents $75.00" under "New Application Fee" gives 75.00 (the domestic
fee first). A text that names no charge is a bare value the spider located and gives its first
amount, in a label's shape only (binding.bare_amount_binds, issue 19 fourth pass: a few words at
most and no number that is not an amount): "$1,372" and "fee USD 50" give it, "Full-time students
receive a minimum of $20,000. Up to 12 credit hours ..." and "Minimum 3 credits $ 1,678.00" give None.
A charge name binds an amount only within a short reach (BEFORE_REACH characters before it, the
fourth pass's shape gate; AFTER_REACH after it).
Sixth pass: a text naming the application fee by its own name binds each amount by the name nearest
it, so another charge in the same flattened list moves only its own amount ("Application fee $50 ...
Graduation fee $195" gives 50.00; LISTED_FEES); in a list of two or more named fees none of which is
the application fee, a bare amount is its label's fee ("Matriculation Fee - $20.00 ... Administrative
Fee - $35.00" gives None; NAMED_FEE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import vocabulary as v
from .binding import bare_amount_binds, bound_text
from .models import money
from .text import prepare, words_to_digits
from .familiar import gate

# Integer part: grouped by commas in threes, or a plain run of digits; then at most two
# decimals. The look-ahead refuses a match that continues with more digits or with a second
# separator and a digit: that is how "12.345,00" and "1,3720" are rejected outright.
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?(?!\d|[.,]\d)"
_PREFIXED = v.regex(r"(?:\bUS\s?\$|\$|\bUSD\b)\s?" + _NUMBER, re.ASCII | re.I)
_SUFFIXED = v.regex(r"(?<![\w.,$])" + _NUMBER + r"\s?(?:dollars\b|USD\b)", re.ASCII | re.I)
# "$1.2 million", "$5K", "$3 thousand": not a price we can state exactly.
_SCALE = v.regex(r"\s?(?:k|m|mm|bn|million|billion|thousand)\b", re.ASCII | re.I)
# "$20-$150", "$500 to $700": a range, not one price.
_RANGE_AFTER = v.regex(r"\s?(?:-|to|through)\s?(?:US\s?\$|\$|USD\s?)?\s?\d", re.ASCII | re.I)
_RANGE_BEFORE = v.regex(r"\bbetween\s$", re.I)


# An amount in another currency ("CAD $1,200", "Tuition (CAD)", "Quebec residents $2,098"): no
# amount of such a text is read as US dollars (issue 9).
OTHER_CURRENCY = v.regex(v.any_of(v.OTHER_CURRENCIES), re.I)
# "five hundred dollars" once the words are digits: "5 hundred" -> "500".
_HUNDREDS = v.regex(r"\b(\d{1,2})\s+hundred(?:\s+(?:and\s+)?(\d{1,2}))?(?=\s+dollars\b)", re.I)
_THOUSANDS = v.regex(
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
    return _amounts(text)


def _amounts(text: str) -> list[Amount]:
    """find_amounts for a text already known to name no other currency."""
    found: dict[int, Amount] = {}
    # A prefixed amount needs "$" or "USD", a suffixed one "dollars" or "USD" (re.ASCII: only
    # ASCII letters match them, so lower() finds every one): no search where neither is.
    low = text.lower()
    usd = "usd" in low
    for pattern in (_PREFIXED if usd or "$" in text else None, _SUFFIXED if usd or "dollar" in low else None):
        if pattern is None:
            continue
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
    return dollars_and_amounts(text)[0]


def dollars_and_amounts(text: str) -> tuple[str, list[Amount] | None]:
    """dollars_text(text), and its amounts when it has amounts in digits (the text is then
    returned as it is, and find_amounts of it is already known: callers need not search it
    again); None in their place otherwise."""
    found = find_amounts(text)
    if found:
        return text, found
    return (text if "dollar" not in text.lower() else _words_as_digits(text)), None


# Abstaining (issue 19): when binding moves the text's first amount away, no later amount stands in
# for it ("Graduation fee: $100. Official electronic copy: $10" states no application fee).
KEEP_FIRST = True


# ---- positive binding (issue 19, third pass) ---------------------------------------------------
# An amount is the application fee only where a charge name binds it: the name right after it ("a
# $75 application fee", "a $150 tuition deposit") or else the charge name nearest before it ("New
# Application Fee International $95.00", "Readmission Fee All applicants $75.00"). The fee's own
# names are vocabulary.APPLICATION_FEE_NAMES; any other charge's name (APPLICATION_FEE_OTHER_NAMES)
# binds the amount to that charge. A text that names some charge but none that binds the amount to
# the application fee gives nothing; a text that names no charge at all is a bare value whose label
# the spider located ("$1,372", "fee USD 50"), read as before. A bare "fee" ("The fee is $50")
# names nothing of its own: it refers back to the name before it.
_FEE_OURS = v.regex(
    r"(?<![\w-])" + "".join(rf"(?<!{w}\s)" for w in v.APPLICATION_FEE_NOT_AFTER)
    + r"(?:" + "|".join(v.APPLICATION_FEE_NAMES) + r")(?![\w-])", re.I
)
_FEE_OTHER = v.regex(r"(?<![\w-])(?:" + "|".join(v.APPLICATION_FEE_OTHER_NAMES) + r")(?![\w-])", re.I)
_OTHER_GROUP = v.regex(r"(?<![\w-])(?:" + "|".join(v.APPLICATION_FEE_OTHER_GROUP) + r")(?![\w-])", re.I)
POSITIVE_BINDING = True
DOMESTIC_FIRST = True
AFTER_REACH = 45  # characters after an amount where a charge name is that amount's own
BEFORE_REACH = 80  # characters before an amount searched for the nearest charge name (shape gate, fourth pass: was 300; the farthest right reading of the tune corpus is 55)


# A name after an amount is its own only when lowercase modifiers at most stand between them ("$75
# non-refundable application fee") and no amount follows the name at once (then the name is the
# next amount's label: "Application Fee $50 Tuition Deposit $300").
_OWN_AFTER_GAP = v.regex(r"\s*(?:\([^()$]{1,30}\)\s?)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?$")
# What stands between a name and the amount it labels: a few words, no clause words ("Change of
# Status/Readmission Fee All applicants $75.00"), against "application fee by credit card ($100".
_LABEL_GAP = v.regex(r"(?![^$]*\b(?:by|for|is|are|of|to|with|per|and|or|the|an?|was|will|must|be|if|in)\b)[^().;$]{0,40}$", re.I)
_JOINED_AMOUNTS = v.regex(r"\s?(?:\((?:[^()$]){1,30}\))?\s?(?:,|or|and|/)\s?(?:\(?\s?)$", re.I)


def fee_bound(text: str, amount: Amount, nxt: Amount | None = None, after: Amount | None = None) -> bool:
    """Whether the charge name that binds the amount at text[amount.start:amount.end] is the
    application fee's. `nxt` is the next amount (a name after it is that one's), `after` the one
    after that. Amounts joined by "or"/"and" ("$60 (Domestic) or $70 (International) processing
    fee") share the name written after the last of them."""
    stop = min(amount.end + AFTER_REACH, nxt.start if nxt is not None else len(text))
    reach = min(len(text), stop + 40)  # a name that starts within the reach may end past it
    names = [(m.start(), m.end(), True) for m in _FEE_OURS.finditer(text, amount.end, reach) if m.start() < stop]
    names += [(m.start(), m.end(), False) for m in _FEE_OTHER.finditer(text, amount.end, reach) if m.start() < stop]
    if names:
        start, end, ours = min(names)
        labels_next = nxt is not None and _LABEL_GAP.match(text[end : nxt.start]) is not None
        if _OWN_AFTER_GAP.match(text[amount.end : start]) and not labels_next:
            return ours
    elif nxt is not None and _JOINED_AMOUNTS.match(text[amount.end : nxt.start]):
        return fee_bound(text, nxt, after)
    lo = max(0, amount.start - BEFORE_REACH)
    before = [(m.end(), True) for m in _FEE_OURS.finditer(text, lo, amount.start)]
    before += [(m.end(), False) for m in _FEE_OTHER.finditer(text, lo, amount.start)]
    if not before:
        return False
    return max(before)[1]


_OTHER_APPLICANTS = v.regex(r"(?<![\w])(?:" + "|".join(v.SCOPES["other_applicants"][1]) + r")(?![\w])", re.I)


def _other_group(text: str, amount: Amount, previous_end: int) -> bool:
    """Whether the amount is labelled for another applicant group (international applicants):
    the group named between the previous amount and this one, or in a parenthesis right after it
    ("$60 ... ($100 for international applicants)")."""
    if _OTHER_GROUP.search(text, previous_end, amount.start):
        return True
    tail = text[amount.end : amount.end + 40]
    close = tail.find(")")
    return close >= 0 and "(" not in tail[:close] and bool(_OTHER_GROUP.search(tail[:close]))


# Sixth pass (issue 19, r6-money): in a list of fees with names of their own ("Matriculation Fee - $20.00
# per course Administrative Fee - $35.00 per trimester") a bare amount is its label's fee, whatever the
# name: the closed list of other charges (APPLICATION_FEE_OTHER_NAMES) no longer has to hold it. Words
# that name nothing of their own or the application fee itself (vocabulary.FEE_NAME_NOT_OTHER) do not
# count; a single labelled cell is the value a spider located and is read as before.
NAMED_FEE = True
LISTED_FEES = True
FUTURE = True
_FUTURE = v.regex(r"\b(?:" + "|".join(v.RATE_FUTURE) + r")\s+(?:US\s?)?$", re.I)
_NAMED_FEE = v.regex(r"(?<![\w-])([A-Za-z][\w.-]*)\s+fees?\b", re.I)
_NOT_OTHER = v.regex(r"(?:" + "|".join(v.FEE_NAME_NOT_OTHER) + r")", re.I)


def _named_other_fee(text: str, start: int) -> bool:
    """Whether the amount at `start` is one of a list of fees with names of their own: the last
    "<name> fee" before it (within BEFORE_REACH characters) has a name, and the text names another fee
    too. A single labelled cell ("Registration fee | $60 |") is the value a spider located."""
    named = [m for m in _NAMED_FEE.finditer(text) if not _NOT_OTHER.fullmatch(m.group(1))]
    if len({m.group(1).lower() for m in named}) < 2:
        return False
    before = [m for m in named if max(0, start - BEFORE_REACH) <= m.start() < start]
    return bool(before) and not _NAMED_FEE.search(text, before[-1].end(), start)


@gate("parse_money")
def parse_money(text: str) -> Decimal | None:
    """The application fee the text states, to the cent: the first amount a charge name binds to
    the application fee (a domestic fee before an international one). None when there is none,
    when that amount opens a range ("$500-$700": not a single price), or when binding moves the
    text's first amount away (another program's, a graduation or transcript charge)."""
    t, found = dollars_and_amounts(prepare(text))  # found: find_amounts(t), when it has any
    if found is None and OTHER_CURRENCY.search(t):
        return None  # another currency anywhere in the text, even in a sentence binding blanks
    # Sixth pass: a list naming the application fee binds each amount by its own name; another charge
    # named in the same clause moves only its own amount (vocabulary "application_fee_listed").
    field = "application_fee_listed" if LISTED_FEES and _FEE_OURS.search(t) else "application_fee"
    bound = bound_text(field, t)
    amounts = found if found is not None and bound == t else find_amounts(bound)
    if not amounts or amounts[0].in_range:
        return None
    if KEEP_FIRST and amounts[0].start != (found if found is not None else find_amounts(t))[0].start:
        # The text's first amount is moved away (a graduation fee, another program's fee): a later
        # amount is not "the first" by default, and nothing binds it instead.
        return None
    if not POSITIVE_BINDING or not (_FEE_OURS.search(t) or _FEE_OTHER.search(t)):
        # A bare amount ("$1,372", "fee USD 50"): the label the spider located is its binding, in a
        # label's shape only (binding.bare_amount_binds: "Full-time students receive a minimum of
        # $20,000" and "Option 3 Extension Minimum 3 credits $ 1,678.00" bind nothing).
        if not bare_amount_binds(t, amounts[0].start, amounts[0].end):
            return None
        if NAMED_FEE and _named_other_fee(t, amounts[0].start):
            return None  # "Matriculation Fee - $20.00": a fee with a name of its own, not the application fee
        return money(amounts[0].value)
    nxt = [*amounts[1:], None, None]
    bound = [
        (a, prev) for i, (a, prev) in enumerate(zip(amounts, [0, *(x.end for x in amounts[:-1])]))
        if fee_bound(t, a, nxt[i], nxt[i + 1])
    ]
    if not bound:
        return None
    chosen = bound[0][0]
    if DOMESTIC_FIRST:
        own = [a for a, prev in bound if not _other_group(t, a, prev)]
        chosen = own[0] if own else chosen
    if chosen.in_range or _OTHER_APPLICANTS.search(t, 0, chosen.start):
        return None  # a range; a heading for certificate or non-matriculated applicants above it
    if FUTURE and _FUTURE.search(t, max(0, chosen.start - 30), chosen.start):
        return None  # "Application fee increases to $75 on January 1 (currently $60)": not the fee now
    return money(chosen.value)
