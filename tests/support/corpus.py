"""The reading corpus: real sentences labelled with what a careful reader takes from them.

One place loads `tests/normalize/corpus/<school>.json` and scores a normalizer's answer against
its label; `benchmarks/reading.py` prints the figures and `tests/normalize/test_corpus.py` asserts
them, both through this module.

A file: {"school", "slug", "part": "tune" | "holdout", "pages": [...], "sentences": [{"fn", "text",
"url", "expect", "negative"?, "note"?}]}. Files whose part is "holdout" are never loaded unless
asked for (`parts=("holdout",)`): nothing is tuned on them.

Encodings of `expect` (what `encode()` turns an answer into):
- parse_money: "1234.50"; parse_credits, parse_gpa: a decimal string, compared numerically;
- parse_tuition: [{kind, amount_usd, per, residency}] (applies_to is not compared);
- parse_deadlines: [{term, date, kind}] (applies_to is not compared);
- parse_exam_rule: {status, exams} (condition is not compared) or null;
- parse_duration: {months_min, months_max}; parse_delivery: {mode, synchronous};
- parse_accredited: true / false / null; parse_start_terms: ["fall", ...]; parse_degree: "MLIS".
A negative (a sentence that states no such fact) expects null or [].

Scoring, per sentence: "right" when the answer equals the label; "missed" when the label states a
value and the answer is empty or a strict part of it (fewer list elements); "wrong" otherwise (a
value where none is stated, a different value, an extra list element).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel

CORPUS_DIR = Path(__file__).resolve().parents[1] / "normalize" / "corpus"

RIGHT, MISSED, WRONG = "right", "missed", "wrong"

# Batches written after the rules and kept out of the familiar-wording gate's word lists
# (benchmarks/familiarity.py): the gate's measure on text it has never seen. Id prefixes.
UNSEEN_BY_GATE = ("fresh-l-", "fresh-n-", "fresh-p-", "fresh-q-", "fresh-r-", "fresh-s-")

# The fields compared for list elements and rules; others (applies_to, condition) are not.
_COMPARED: dict[str, tuple[str, ...]] = {
    "parse_tuition": ("kind", "amount_usd", "per", "residency"),
    "parse_deadlines": ("term", "date", "kind"),
    "parse_exam_rule": ("status", "exams"),
    "parse_duration": ("months_min", "months_max"),
    "parse_delivery": ("mode", "synchronous"),
}
_NUMERIC = ("parse_money", "parse_credits", "parse_gpa")


@dataclass(frozen=True)
class Sentence:
    school: str
    slug: str
    part: str
    index: int
    fn: str
    text: str
    url: str
    expect: Any
    negative: bool = False
    note: str | None = None

    @property
    def id(self) -> str:
        return f"{self.slug}-{self.index}-{self.fn}"


@dataclass
class Tally:
    sentences: int = 0
    right: int = 0
    missed: int = 0
    wrong: int = 0
    positives: int = 0
    right_positives: int = 0
    wrong_ids: list[str] = field(default_factory=list)

    def add(self, sentence: Sentence, outcome: str) -> None:
        self.sentences += 1
        positive = not _empty(sentence.expect)
        self.positives += positive
        if outcome == RIGHT:
            self.right += 1
            self.right_positives += positive
        elif outcome == MISSED:
            self.missed += 1
        else:
            self.wrong += 1
            self.wrong_ids.append(sentence.id)

    @property
    def precision(self) -> float:
        judged = self.right + self.wrong
        return 100.0 * self.right / judged if judged else 100.0

    @property
    def recall(self) -> float:
        return 100.0 * self.right_positives / self.positives if self.positives else 100.0


def corpus_files(folder: Path = CORPUS_DIR, parts: Iterable[str] = ("tune",)) -> list[Path]:
    """The corpus files of the given parts, by name. A holdout file is opened only to read its
    part when holdout is not asked for: its sentences are never returned then."""
    wanted = set(parts)
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            part = json.loads(path.read_text(encoding="utf-8")).get("part", "tune")
        except (OSError, ValueError, AttributeError):
            continue
        if part in wanted:
            out.append(path)
    return out


def load(folder: Path = CORPUS_DIR, parts: Iterable[str] = ("tune",)) -> list[Sentence]:
    """Every sentence of the corpus files of `parts`, in file order."""
    out: list[Sentence] = []
    for path in corpus_files(folder, parts):
        data = json.loads(path.read_text(encoding="utf-8"))
        slug = data.get("slug") or path.stem
        for i, s in enumerate(data.get("sentences") or []):
            out.append(Sentence(
                school=data.get("school", slug), slug=slug, part=data.get("part", "tune"), index=i,
                fn=s["fn"], text=s["text"], url=s.get("url", ""), expect=s.get("expect"),
                negative=bool(s.get("negative")), note=s.get("note"),
            ))
    return out


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.model_dump().items()}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def encode(fn: str, value: Any) -> Any:
    """A normalizer's answer in the corpus encoding (JSON-able)."""
    plain = _plain(value)
    if plain == []:
        return []
    keys = _COMPARED.get(fn)
    if keys and isinstance(plain, list):
        return [{k: item.get(k) for k in keys} for item in plain]
    if keys and isinstance(plain, dict):
        return {k: plain.get(k) for k in keys}
    return plain


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _same_element(fn: str, got: Any, expect: Any) -> bool:
    if isinstance(expect, dict) and isinstance(got, dict):
        for key, want in expect.items():
            if key in ("applies_to", "condition"):
                continue
            have = got.get(key)
            if key == "amount_usd" or fn in _NUMERIC:
                a, b = _number(have), _number(want)
                if a is None or b is None or a != b:
                    return False
            elif have != want:
                return False
        return True
    if fn in _NUMERIC:
        a, b = _number(got), _number(expect)
        return a is not None and b is not None and a == b
    return got == expect


def score(fn: str, value: Any, expect: Any) -> str:
    """right, missed or wrong for one answer against its label."""
    got = encode(fn, value)
    if _empty(expect):
        return RIGHT if _empty(got) else WRONG
    if _empty(got):
        return MISSED
    if isinstance(expect, list) and isinstance(got, list):
        remaining = list(expect)
        for element in got:
            hit = next((i for i, e in enumerate(remaining) if _same_element(fn, element, e)), None)
            if hit is None:
                return WRONG  # an element the text does not state
            remaining.pop(hit)
        return MISSED if remaining else RIGHT
    return RIGHT if _same_element(fn, got, expect) else WRONG


def run(sentence: Sentence) -> tuple[Any, str]:
    """The normalizer's encoded answer for one sentence, and its outcome."""
    import crawler.normalize as normalize

    fn = getattr(normalize, sentence.fn)
    value = fn(sentence.text)
    return encode(sentence.fn, value), score(sentence.fn, value, sentence.expect)


def tally(sentences: Iterable[Sentence]) -> dict[str, Tally]:
    """Per function (and "all"): sentences, right, missed, wrong, precision and recall."""
    out: dict[str, Tally] = {}
    total = Tally()
    for s in sentences:
        _, outcome = run(s)
        out.setdefault(s.fn, Tally()).add(s, outcome)
        total.add(s, outcome)
    out["all"] = total
    return out
