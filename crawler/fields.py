"""The canonical fields (DESIGN section 3), one spec each: how a field is read from evidence
text, how its values compare, what it is called in reports, its plausible band, where it is
published, and its shape (crawler/shapes.py: its typed columns, how it is published and read
back, and how a person reads it). A new field touches this file (and its normalizer) only. The crawl pipeline and
`renormalize` both call `read_fact`.

A field's value is JSON (pydantic `model_dump(mode="json")`): decimals as strings, lists of
rates or deadlines as lists of objects. List fields are compared item by item, by `key`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, TypeAdapter

from crawler import normalize as n
from crawler import shapes
from crawler.normalize.models import DeliveryMode
from crawler.shapes import Shape

# Bump when a normalizer changes meaning; renormalize labels its changes.
# 2: a named "hybrid" format with campus time is hybrid (was online); optional live sessions are
#    synchronous=False; a GRE score-age rule is required (was not_required); undergraduate rows
#    and cost-of-attendance lines are not tuition; "tuition and fees" is a total (was a fee);
#    "pay the in-state rate" is residency any; one date for several terms gives each term a deadline.
# 3: "Label: $X" labels the amount after it (kinds were swapped) and unlabelled amounts take the
#    kind of the label before them; deadlines: an unreadable stated date gives [], Graduate School
#    source and "(... applicants only)" go in applies_to, funding/full consideration is priority,
#    year-round rolling has term None; "N semester-hour program" is the total credits; a time
#    limit no longer widens stated lengths; campus components in any order are hybrid; scheduled
#    weekly live meetings are synchronous.
# 4: (issue 9) a value only where the page binds it: averages, graduation/good-standing GPAs,
#    savings, scholarships, reductions, other currencies, opening/document/funding/policy dates
#    give nothing; date-first deadline rows, dates in parentheses, extensions, rolling said other
#    ways; "cannot be waived" is required, "no longer does" not_required, "may ask for" and "in
#    lieu of" conditional; flattened tables with residency/unit columns and amounts without "$";
#    "within the 36 hours", "reduced from 42 to 36"; part-time "up to N years" is a length;
#    "at times convenient to you" is asynchronous; money in words is read.
# 5: (issue 19) binding as one mechanism (normalize/binding.py): scope words in the vocabulary
#    (another school, program or credential, awards, grades once enrolled, parts of the degree,
#    statistics, accreditation terms, co-ops, office closures, disregarded dates, events) move a
#    value away; exam status words ("has stopped requiring", "GRE required? No", "even if ..."),
#    "intends to seek accreditation" is not accredited, "September start" is fall, a table's
#    stated unit, residency columns joined by "or", the school's own rate over a general one.
# 6: (issue 19, third to fifth passes) positive binding and binding shapes for every field: a
#    value only in one of its field's binding shapes with nothing of another kind between binder
#    and value (binding.py); the application fee is the amount bound to its name; deadlines'
#    term and kind only where bound; exam rules, delivery and accreditation said of this program.
# 7: (issue 19, sixth pass) what most students do is not the length; a GPA or total that programs
#    replace, or that belongs to a route, a held degree or another field, is not read; flattened
#    tables read by their column labels (tuition) and term-over-group rows (deadlines); dates of
#    other actions, awards and documents are not deadlines; exam rules left to others abstain.
# 8: (issue 19, seventh pass) closures, exam dates and other programs' rows are not deadlines;
#    insurance, assessed credit, wages and other degrees' rates are not tuition; course groups,
#    candidacy credits and a GPA band's upper end are not the total or the floor; statuses said of
#    another or a generic program, or left open, are not this program's.
# 9: (issue 19, familiar wording) a value only where every word of the clause that binds it is a
#    word its reader has seen state the fact (normalize/familiar.py); otherwise it is held back as
#    unknown and the problem names the new words.
PARSER_VERSION = "9"


# The plausible amount of one stated rate or fee, in US dollars, per (kind, per): a value outside
# its band is held for review whether it is new, changed or a program's first (policy.py may
# override). Set from the recorded sites (tuition $556-$1,372 per credit and $4,999-$16,145 per
# term, fees $62-$76 per credit and $228-$835 per term) with wide margins: a band catches a misread
# (a total read as a rate, "$9,999,999 per semester"), not a dear program.
RATE_BANDS: dict[tuple[str, str], tuple[Decimal, Decimal]] = {
    ("tuition", "credit"): (Decimal(50), Decimal(5000)),
    ("tuition", "course"): (Decimal(150), Decimal(15000)),
    ("tuition", "term"): (Decimal(500), Decimal(40000)),
    ("tuition", "year"): (Decimal(1000), Decimal(80000)),
    ("tuition", "program"): (Decimal(3000), Decimal(150000)),
    ("fee", "credit"): (Decimal(1), Decimal(1000)),
    ("fee", "course"): (Decimal(1), Decimal(3000)),
    ("fee", "term"): (Decimal(1), Decimal(10000)),
    ("fee", "year"): (Decimal(1), Decimal(20000)),
    ("fee", "program"): (Decimal(1), Decimal(50000)),
}


@dataclass(frozen=True)
class Field:
    """One field's spec. `band` is the plausible range of a number (for `duration`: its months; for
    rate lists see RATE_BANDS; a value outside it is held for review, see
    crawler/history/policy.py, which may override it); `column` is the `programs`
    column a scalar field is published in (list and structured fields have tables of their own,
    see crawler/publish.py), with `cast` for its type there."""

    name: str
    label: str  # as reports and the review CLI name it
    parse: Callable[[str], Any]
    many: bool = False
    money: bool = False  # changes report a percent
    key: Callable[[dict], tuple] | None = None  # identity of a list item, for item-by-item diffs
    order: Callable[[Any], tuple] | None = None  # the one order a list is kept in (see `in_order`)
    band: tuple[Decimal, Decimal] | None = None
    column: str | None = None
    cast: Callable[[Any], Any] | None = None
    shape: Shape = shapes.TEXT  # its typed columns, published form and words (crawler/shapes.py)

    def encode(self, value: Any) -> dict:
        """The value as the typed columns of `changes` and its `change_items` rows."""
        try:
            return self.shape.encode(value)
        except ValueError as exc:
            raise ValueError(f"field {self.name!r}: {exc}") from None

    def decode(self, columns: dict, items: list[dict]) -> Any:
        """The value back from those columns (`text`, `number`, `number_max`, `detail`) and items."""
        return self.shape.decode(columns, items)

    def judge(self, claimed: Any, ours: Any, evidence: str | None = None) -> tuple[str, str | None]:
        """(verified / contradicted / not_stated, a note) for a listing's claimed value against ours
        and the evidence that states ours."""
        return self.shape.verdict(claimed, ours, evidence)

    def words(self, value: Any) -> str:
        """The value as a person reads it: "$900.00 per credit (online campus)", "Fall Mar 15"."""
        if value is None:
            return "(none)"
        if isinstance(value, list):
            return "; ".join(self.shape.words(v) for v in value) or "(none)"
        return self.shape.words(value)


def _delivery_mode(text: str) -> DeliveryMode | None:
    delivery = n.parse_delivery(text)
    return delivery.mode if delivery else None


def _synchronous(text: str) -> bool | None:
    delivery = n.parse_delivery(text)
    return delivery.synchronous if delivery else None


_delivery_mode.held_by = _synchronous.held_by = n.parse_delivery.held_by  # type: ignore[attr-defined]


def _name(text: str) -> str | None:
    return n.clean_text(text) or None


_TERM_ORDER = {"fall": 0, "spring": 1, "summer": 2, "winter": 3}
_RESIDENCY_ORDER = {"any": 0, "in_state": 1, "out_of_state": 2, "international": 3}
_PER_ORDER = {"credit": 0, "course": 1, "term": 2, "year": 3, "program": 4}
_KIND_ORDER = {"tuition": 0, "fee": 1, "priority": 0, "preferred": 1, "final": 2, "rolling": 3}


def _rate_order(rate: dict) -> tuple:
    return (_KIND_ORDER[rate["kind"]], _RESIDENCY_ORDER[rate["residency"]], rate.get("applies_to") or "",
            _PER_ORDER[rate["per"]], float(rate["amount_usd"]))


def _deadline_order(deadline: dict) -> tuple:
    return (_TERM_ORDER.get(deadline.get("term") or "", 9), deadline.get("applies_to") or "",
            _KIND_ORDER[deadline["kind"]], deadline.get("date") or "")


def _rate_key(rate: dict) -> tuple:
    return (rate["kind"], rate["per"], rate["residency"], rate.get("applies_to") or "")


def _deadline_key(deadline: dict) -> tuple:
    return (deadline.get("term") or "", deadline["kind"], deadline.get("applies_to") or "")


FIELDS: dict[str, Field] = {
    f.name: f
    for f in [
        Field("name", "Name", _name, column="name"),
        Field("degree", "Degree", n.parse_degree, column="degree"),
        Field("concentration", "Concentration", _name, column="concentration"),
        Field("delivery", "Delivery", _delivery_mode, column="delivery", shape=shapes.MODE),
        Field("synchronous", "Synchronous classes", _synchronous, column="synchronous", shape=shapes.BOOLEAN),
        Field("total_credits", "Total credits", n.parse_credits, band=(Decimal(24), Decimal(72)),
              column="total_credits", cast=float, shape=shapes.Number("credits")),
        Field("tuition", "Tuition", n.parse_tuition, many=True, money=True, key=_rate_key, order=_rate_order,
              shape=shapes.RATES),
        Field("fees", "Fees", n.parse_tuition, many=True, money=True, key=_rate_key, order=_rate_order,
              shape=shapes.RATES),
        Field("application_deadlines", "Application deadlines", n.parse_deadlines, many=True, key=_deadline_key,
              order=_deadline_order, shape=shapes.DEADLINES),
        Field("start_terms", "Start terms", n.parse_start_terms, many=True, key=lambda term: (term,),
              order=lambda term: (_TERM_ORDER.get(term, 9),), shape=shapes.TERMS),
        Field("entrance_exam", "Entrance exam", n.parse_exam_rule, shape=shapes.EXAM_RULE),
        Field("min_gpa", "Minimum GPA", n.parse_gpa, band=(Decimal("2.0"), Decimal("4.0")), column="min_gpa", cast=float,
              shape=shapes.Number("gpa")),
        Field("application_fee", "Application fee", n.parse_money, money=True, band=(Decimal(0), Decimal(250)),
              column="application_fee_usd", cast=float, shape=shapes.MONEY),
        Field("duration", "Length", n.parse_duration, band=(Decimal(6), Decimal(96)), shape=shapes.LENGTH),
        Field("ala_accredited", "ALA accreditation", n.parse_accredited, column="ala_accredited",
              shape=shapes.BOOLEAN),
    ]
}

_JSON = TypeAdapter(Any)


def to_json(value: Any) -> Any:
    """A parsed value as plain JSON data (Decimal -> str, models -> dicts)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return _JSON.dump_python(value, mode="json")


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: Any) -> str:
    """The one string form of a value used for hashing and equality."""
    return _CANONICAL.encode(value)


def words(field: str | None, value: Any) -> str:
    """A value as a maintainer reads it, in its field's words (a field we do not know: plainly)."""
    spec = FIELDS.get(field) if field else None
    if spec is not None:
        return spec.words(value)
    return "(none)" if value is None else shapes.plain_words(value)


def in_order(field: str, items: list) -> list:
    """A list field's items in its one canonical order (tuition before fees, in-state before
    out-of-state; fall before spring ...), so that a page listing the same rates or deadlines in
    another order is not a change, and equal values are equal strings in the history."""
    spec = FIELDS[field]
    return sorted(items, key=spec.order) if spec.order else items


def read_fact(field: str, text: str) -> tuple[Any, str | None]:
    """(value as JSON, None) or (None, problem): never raises, never guesses."""
    spec = FIELDS.get(field)
    if spec is None:
        return None, f"unknown field {field!r}"
    try:
        value = spec.parse(text)
    except Exception as exc:  # a normalizer bug must not lose the evidence or stop the crawl
        return None, f"{field}: normalizer error {type(exc).__name__}: {exc}"
    if value is None or value == []:
        held = _held_by(spec, text)
        if held:
            return None, f"{field}: held back, the words that bind it are new to this reader: {', '.join(held[:8])}"
        return None, f"{field}: the text does not state a value we can read"
    return to_json(value), None


def _held_by(spec: Field, text: str) -> list[str]:
    """The words for which the familiar-wording gate held a value back (crawler/normalize/familiar.py)."""
    held_by = getattr(spec.parse, "held_by", None)
    try:
        return held_by(text) if held_by is not None else []
    except Exception:  # the problem text is a courtesy: a normalizer bug here must not lose the fact
        return []
