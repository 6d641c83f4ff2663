"""vocabulary.regex compiles a case-insensitive alternation with a look-ahead of its first
characters in front (issue 24, a pure speed change): every pattern it changed must find exactly
the matches the plain pattern finds, with the same groups, on real sentences."""

from __future__ import annotations

import re

import pytest

import crawler.normalize  # noqa: F401  (every normalizer module compiles its patterns on import)
from crawler.normalize import vocabulary as v
from crawler.normalize.text import prepare
from tests.support import corpus

_CORPUS = corpus.load(parts=("tune", "holdout"))
for _s in _CORPUS:  # patterns a normalizer compiles on first use (scopes, shapes, unions) are compiled now
    getattr(crawler.normalize, _s.fn)(_s.text)
_SENTENCES = sorted({prepare(s.text) for s in _CORPUS})
TEXTS = [" ".join(_SENTENCES[i : i + 40]) for i in range(0, len(_SENTENCES), 40)]  # fewer, longer texts
# Letters re.I also matches to s, k and i, at a word's start and inside one.
TEXTS += ["\u017ftudents \u212aent \u0131nternational \u0130nternational", "CAD \u017fGD Fall: March 1"]


def matches(pattern: re.Pattern[str], texts: list[str]) -> list:
    return [[(m.span(), m.groups()) for m in pattern.finditer(t)] for t in texts]


def test_every_normalizer_module_has_quickened_patterns():
    assert len(v.QUICKENED) >= 100


@pytest.mark.parametrize("key", sorted(v.QUICKENED, key=repr), ids=lambda k: k[0][:60])
def test_a_quickened_pattern_matches_what_the_plain_one_matches(key):
    pattern, flags = key
    quick = re.compile(v.QUICKENED[key], flags)
    assert quick.pattern.startswith("(?=[")
    assert matches(quick, TEXTS) == matches(re.compile(pattern, flags), TEXTS)


def test_the_comparison_catches_a_look_ahead_missing_a_character():
    """The test above can fail: a look-ahead without one of the first letters loses matches."""
    words = [r"\bfall\b", r"\bspring\b", r"\bsummer\b"]
    plain = re.compile("|".join(words), re.I)
    assert v.lead(words) == "(?=[fs])"
    wrong = re.compile("(?=[f])(?:" + plain.pattern + ")", re.I)
    assert matches(wrong, TEXTS) != matches(plain, TEXTS)
    right = re.compile(v.quick(plain.pattern, re.I), re.I)
    assert right.pattern != plain.pattern and matches(right, TEXTS) == matches(plain, TEXTS)


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:CAD|C\$|AUD)\b", "(?=[AC])"),
    (r"(?<![\w])(?:certificate|specialist)(?![\w])", "(?=[cs])"),
    (r"(?-i:MS[A-Z])|\$\d", r"(?=[\$M])"),
    (r"s?tudents|x", "(?=[stx])"),  # an optional first letter: the next one may start the match
    (r"(?:the\s+)?respective|x", "(?=[rtx])"),
    (r"\d+|x", r"(?=[\dx])"),
    (r"[a-c]\w+|x", "(?=[abcx])"),  # a class of plain characters
    (r"[A-Z]{2,5}|x", "(?=[" + "".join(map(chr, range(65, 91))) + "x])"),  # at least two
    (r"(?P<name>ab|cd)|x", "(?=[acx])"),  # a named group
    (r"[^A-Z]\w+|x", ""),  # a negated class
    (r"[\w]+|x", ""),  # a class holding an escape
    (r"\s+x|y", ""),
    (r"(?i:CAD)|x", ""),  # a flag group that turns case-insensitivity on
    (r"(?:ab|)c|x", ""),  # an empty alternative
    (r"(?:ab)?|x", ""),  # may match nothing
])
def test_lead_reads_only_what_is_plain(pattern, expected):
    assert v.lead(v._split_top(pattern)) == expected


@pytest.mark.parametrize("pattern, grouped", [
    (r"\b(?:cad|cdn|aud|nzd|gbp|eur)\b", True),
    (r"\b(?:(?:the\s+)?respective|cad|cdn|aud|nzd|gbp)\b", True),  # "(?:the )?r..." is "the r...|r..."
    (r"\b(?:(cad)|cdn|aud|nzd|gbp|eur)\b", False),  # a capturing group would be renumbered
    (r"\b(?:(?:a|b)(?P<x>c)|cdn|aud|nzd|gbp|eur)\b", False),  # or repeated
    (r"\b(?:\d+x|cdn|aud|nzd|gbp|eur)\b", False),  # a quantified first atom stays whole
    (r"\b(?:cad|cdn|aud)\b", False),  # too few to be worth it
    (r"\bnot\s+required|\bno\s+longer|\bdo(?:es)?\s+not|\bwithout|\bcannot|\byes\b", True),  # a boundary per word
    (r"\bnot\s+required|no\s+longer|\bdo(?:es)?\s+not|\bwithout|\bcannot|\byes\b", False),  # "n" with and without
    (r"\b\$x|\bno\s+longer|\bdoes|\bwithout|\bcannot|\byes\b", False),  # a boundary before a mark stays
])
def test_grouping_by_first_character(pattern, grouped):
    quick = v.quick(pattern, re.I)
    assert ("(?-i:[" in quick) == grouped
    plain, fast = re.compile(pattern, re.I), re.compile(quick, re.I)
    texts = TEXTS + ["the respective cad, CDN \u017fgd 12x aud eur", "cannot xnot not required; $x a$x noyes yes"]
    assert matches(fast, texts) == matches(plain, texts)


def test_a_possessive_run_in_the_vocabulary_matches_what_the_greedy_one_does():
    """OTHER_CREDENTIALS writes "\\w++/PhD": a run of word characters before "/" has nothing to give
    back; the greedy spelling finds the same matches on the corpus."""
    possessive = re.compile("|".join(v.OTHER_CREDENTIALS), re.I)
    assert r"\w++/" in possessive.pattern
    greedy = re.compile(possessive.pattern.replace(r"\w++/", r"\w+/"), re.I)
    texts = TEXTS + ["MLIS/PhD and MLIS/Ph.D. students, a dual MA/ PhD"]
    assert matches(possessive, texts) == matches(greedy, texts)
