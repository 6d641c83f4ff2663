"""Every tune sentence of the reading corpus (tests/normalize/corpus/*.json), read by its
normalizer: no sentence may yield a wrong or invented value, and each must be read exactly except
the short list of known misses below (strict: a miss that starts reading right fails, so the
list only shrinks). Holdout files are never loaded here. Loading and scoring:
tests/support/corpus.py, shared with benchmarks/reading.py.
"""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from crawler.normalize import Deadline, Rate
from tests.normalize import corpus_known as known
from tests.support import corpus

SENTENCES = corpus.load()

# id -> why it is not read right yet (tests/normalize/corpus_known.py): missed values (allowed: an
# unknown is better than a wrong value) and, listed apart, the wrong ones still to fix. Strict: a
# listed sentence that starts reading right fails, so both lists only shrink.
KNOWN_MISSES: dict[str, str] = dict(known.MISSED)
KNOWN_WRONG: dict[str, str] = dict(known.WRONG)


class Missed(AssertionError):
    """A value the sentence states was not read."""


class Wrong(AssertionError):
    """A value other than the label was read (or one invented)."""


def _param(s: corpus.Sentence):
    # Each list expects its own outcome: a known miss that starts reading a wrong value, or a known
    # wrong one that turns into a miss, fails (the first is a regression, the second belongs in
    # the other list).
    marks = []
    if s.id in KNOWN_MISSES:
        marks.append(pytest.mark.xfail(strict=True, raises=Missed, reason=f"missed: {KNOWN_MISSES[s.id]}"))
    elif s.id in KNOWN_WRONG:
        marks.append(pytest.mark.xfail(strict=True, raises=Wrong, reason=f"wrong (to fix): {KNOWN_WRONG[s.id]}"))
    return pytest.param(s, id=s.id, marks=marks)


@pytest.mark.skipif(not SENTENCES, reason=f"no tune corpus files in {corpus.CORPUS_DIR}")
@pytest.mark.parametrize("sentence", [_param(s) for s in SENTENCES] or [None])
def test_corpus_sentence(sentence: corpus.Sentence) -> None:
    got, outcome = corpus.run(sentence)
    if outcome == corpus.WRONG:
        raise Wrong(f"wrong or invented: {sentence.text!r} -> {got!r}, expected {sentence.expect!r}")
    if outcome != corpus.RIGHT:
        raise Missed(f"missed: {sentence.text!r} -> {got!r}, expected {sentence.expect!r}")


def test_no_sentence_is_listed_both_missed_and_wrong() -> None:
    assert not set(KNOWN_MISSES) & set(KNOWN_WRONG)


def test_each_known_list_names_a_sentence_once() -> None:
    """A dict literal keeps the last of two equal keys without a word: a second entry for one id
    (another reason, another list's reason pasted in) would silently replace the first."""
    tree = ast.parse(Path(known.__file__).read_text(encoding="utf-8"))
    repeated = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict):
            keys = [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
            repeated[node.target.id] = sorted({k for k in keys if keys.count(k) > 1})
    assert set(repeated) >= {"MISSED", "WRONG", "GATED_WRONG"}
    assert not any(repeated.values()), repeated


def test_known_misses_are_in_the_corpus() -> None:
    ids = {s.id for s in SENTENCES}
    stale = [i for i in (*KNOWN_MISSES, *KNOWN_WRONG) if i not in ids]
    if not SENTENCES:
        pytest.skip("no tune corpus files")
    assert not stale, f"known misses that no longer name a corpus sentence: {stale}"


# ---- the scorer itself: each outcome made to happen -------------------------------------------

D = Decimal


@pytest.mark.parametrize(
    "fn, value, expect, outcome",
    [
        ("parse_money", D("1234.5"), "1234.50", corpus.RIGHT),
        ("parse_gpa", D("3.00"), "3.0", corpus.RIGHT),
        ("parse_gpa", D("2.75"), "3.0", corpus.WRONG),
        ("parse_gpa", None, "3.0", corpus.MISSED),
        ("parse_gpa", D("3.00"), None, corpus.WRONG),  # invented
        ("parse_tuition", [], [], corpus.RIGHT),
        ("parse_tuition", [Rate(kind="tuition", amount_usd=D("552.25"), per="credit", residency="in_state")],
         [{"kind": "tuition", "amount_usd": "552.25", "per": "credit", "residency": "in_state"},
          {"kind": "tuition", "amount_usd": "1182", "per": "credit", "residency": "out_of_state"}], corpus.MISSED),
        ("parse_tuition", [Rate(kind="tuition", amount_usd=D("552.25"), per="credit", residency="any",
                                applies_to="online")],
         [{"kind": "tuition", "amount_usd": "552.25", "per": "credit", "residency": "any"}], corpus.RIGHT),
        ("parse_deadlines", [Deadline(term="fall", date="--07-01"), Deadline(term="spring", date="--11-01")],
         [{"term": "fall", "date": "--07-01", "kind": "final"}], corpus.WRONG),  # an extra element
        ("parse_accredited", False, None, corpus.WRONG),
        ("parse_accredited", None, None, corpus.RIGHT),
    ],
)
def test_scoring(fn, value, expect, outcome) -> None:
    assert corpus.score(fn, value, expect) == outcome


def test_holdout_files_are_not_loaded(tmp_path) -> None:
    (tmp_path / "a.json").write_text('{"slug": "a", "part": "tune", "sentences": [{"fn": "parse_gpa", "text": "x", '
                                     '"expect": null}]}')
    (tmp_path / "b.json").write_text('{"slug": "b", "part": "holdout", "sentences": [{"fn": "parse_gpa", "text": "y", '
                                     '"expect": null}]}')
    assert [s.slug for s in corpus.load(tmp_path)] == ["a"]
    assert [s.slug for s in corpus.load(tmp_path, ("holdout",))] == ["b"]
    assert len(corpus.load(tmp_path, ("tune", "holdout"))) == 2
