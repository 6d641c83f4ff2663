"""The familiar-wording gate (crawler/normalize/familiar.py): a value only where every word of the
clause that binds it is one its reader has seen state the fact. These tests read with the gate on."""

from __future__ import annotations

import pytest

from benchmarks.familiarity import GATED, corpus_words
from crawler import fields, normalize
from crawler.normalize import binding, familiar
from crawler.normalize.familiar_words import WORDS
from tests.normalize import corpus_known as known
from tests.support import corpus

pytestmark = pytest.mark.familiar_gate

SENTENCES = corpus.load(corpus.CORPUS_DIR, ("tune",))
UNSEEN = [s for s in SENTENCES if s.id.startswith(corpus.UNSEEN_BY_GATE)]

# (field, a sentence its reader knows every word of, the same with words it has never seen, those words)
READINGS = [
    ("min_gpa", "A minimum GPA of 3.0 is required for admission.",
     "A minimum GPA of 3.0 is required for admission to the nursing residency.", ["nursing", "residency"]),
    ("total_credits", "The MLIS program requires 36 credit hours.",
     "The MLIS program requires 36 credit hours of fieldwork supervision.", ["fieldwork", "supervision"]),
    ("application_fee", "Application fee: $50", "Application fee for the summer camp: $50", ["camp"]),
    ("ala_accredited", "The MLIS program is accredited by the American Library Association.",
     "The MLIS program is accredited by the American Library Association until the panel meets.",
     ["meet", "panel", "until"]),
    ("entrance_exam", "The GRE is not required for admission.",
     "The GRE is not required for admission to the veterinary track.", ["track", "veterinary"]),
]


@pytest.mark.parametrize("field, known_words, new_word, new", READINGS, ids=[r[0] for r in READINGS])
def test_a_new_word_in_the_binding_clause_holds_the_value_back(field, known_words, new_word, new):
    read = fields.FIELDS[field].parse
    assert read(known_words) not in (None, [])
    with familiar.off():
        assert read(new_word) == read(known_words), "the rules alone read both the same"
    assert read(new_word) is None
    value, problem = fields.read_fact(field, new_word)
    assert value is None
    assert problem == f"{field}: held back, the words that bind it are new to this reader: {', '.join(new)}"


def test_new_words_outside_the_binding_clause_do_not_hold_it():
    text = "A minimum GPA of 3.0 is required for admission. Our campus mascot is a wombat named Dewey."
    assert familiar.unfamiliar("parse_gpa", text)  # the whole text has new words
    assert normalize.parse_gpa(text) == normalize.parse_gpa("A minimum GPA of 3.0 is required for admission.")
    assert binding.binding_clause("min_gpa", text) == "A minimum GPA of 3.0 is required for admission."


def test_the_gate_switched_off_reads_what_the_rules_read(monkeypatch):
    text = READINGS[0][2]
    monkeypatch.setattr(familiar, "GATE", False)
    assert normalize.parse_gpa(text) is not None
    monkeypatch.setattr(familiar, "GATE", True)
    assert normalize.parse_gpa(text) is None


def test_delivery_fields_name_the_words_that_held_them():
    text = "The program is offered fully online, with a wombat residency."
    for field in ("delivery", "synchronous"):
        value, problem = fields.read_fact(field, text)
        assert value is None and "wombat" in problem, (field, problem)


def test_the_gate_only_ever_takes_a_value_away():
    """On every tune sentence: the gated answer is the rules' answer or nothing."""
    changed = []
    for s in SENTENCES:
        read = getattr(normalize, s.fn)
        gated = read(s.text)
        with familiar.off():
            alone = read(s.text)
        if gated != alone and gated not in (None, []):
            changed.append(s.id)
    assert not changed


def test_value_words_are_familiar_to_every_reader():
    for name in GATED:
        assert not familiar.unfamiliar(name, "thirty-six; fall, spring, March; fifty dollars (USD)"), name


def test_the_word_lists_hold_every_word_the_corpus_makes_familiar():
    """A corpus edit without `benchmarks/familiarity.py write` leaves the lists behind."""
    made = corpus_words(SENTENCES, 2)
    behind = {fn: sorted(found - WORDS[fn])[:5] for fn, found in made.items() if found - WORDS[fn]}
    assert not behind, f"run benchmarks/familiarity.py write: {behind}"


def test_the_lists_leave_the_unseen_batches_out():
    """Given the unseen batches or not, the corpus makes the same words familiar: the batches that
    measure the gate never teach it (fails if corpus_words stops leaving them out)."""
    others = corpus_words([s for s in SENTENCES if not s.id.startswith(corpus.UNSEEN_BY_GATE)], 2)
    with_unseen = corpus_words(SENTENCES, 2)
    assert others == with_unseen  # corpus_words itself leaves the unseen batches out


def _unseen_param(s: corpus.Sentence):
    marks = []
    if s.id in known.GATED_WRONG:
        marks.append(pytest.mark.xfail(strict=True, reason=f"wrong with the gate: {known.GATED_WRONG[s.id]}"))
    return pytest.param(s, id=s.id, marks=marks)


@pytest.mark.skipif(not UNSEEN, reason="no unseen batch in the corpus")
@pytest.mark.parametrize("sentence", [_unseen_param(s) for s in UNSEEN] or [None])
def test_an_unseen_sentence_yields_no_wrong_value(sentence):
    """The batches written after the rules and kept out of the lists: with the gate, nothing wrong
    or invented (misses are allowed: an unknown is better than a wrong value), except the few
    listed in corpus_known.GATED_WRONG (strict: one that stops reading wrong fails)."""
    got, outcome = corpus.run(sentence)
    assert outcome != corpus.WRONG, f"{sentence.text!r} -> {got!r}, expected {sentence.expect!r}"
