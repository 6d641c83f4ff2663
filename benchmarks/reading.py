"""How well the normalizers read real sentences they were not written for.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/reading.py [--corpus DIR] [--holdout | --all] [--no-gate] [-v]

Loads the labelled corpus (tests/normalize/corpus/*.json, the "tune" part unless --holdout or
--all), runs each sentence through its normalizer and prints, per function: sentences, right,
missed, wrong or invented, precision (right / (right + wrong)) and recall (right positives /
positives), as the product reads (with the familiar-wording gate, crawler/normalize/familiar.py;
--no-gate: the rules alone). -v lists every sentence that is not right. Loading and scoring live in
tests/support/corpus.py, shared with tests/normalize/test_corpus.py.
Last line: `reading: P% precision, R% recall, W wrong of N`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.normalize import familiar  # noqa: E402
from tests.support import corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpus.CORPUS_DIR)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--holdout", action="store_true", help="the holdout part only (measure once, never tune)")
    which.add_argument("--all", action="store_true", help="both parts")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every sentence not read right")
    parser.add_argument("--no-gate", action="store_true", help="the rules alone, without the familiar-wording gate")
    args = parser.parse_args()
    familiar.GATE = not args.no_gate
    parts = ("holdout",) if args.holdout else ("tune", "holdout") if args.all else ("tune",)
    sentences = corpus.load(args.corpus, parts)
    if args.verbose:
        for s in sentences:
            got, outcome = corpus.run(s)
            if outcome != corpus.RIGHT:
                print(f"{outcome:6} {s.id}: {s.text[:160]!r}\n       expect {s.expect!r}\n       got    {got!r}")
    tallies = corpus.tally(sentences)
    print(f"corpus: {len(corpus.corpus_files(args.corpus, parts))} files, parts {', '.join(parts)}")
    print(f"{'function':20} {'sentences':>9} {'right':>6} {'missed':>6} {'wrong':>6} {'precision':>9} {'recall':>7}")
    for name in sorted(k for k in tallies if k != "all") + ["all"]:
        t = tallies[name]
        print(f"{name:20} {t.sentences:9} {t.right:6} {t.missed:6} {t.wrong:6} {t.precision:8.1f}% {t.recall:6.1f}%")
    total = tallies["all"]
    print(f"reading: {total.precision:.1f}% precision, {total.recall:.1f}% recall, {total.wrong} wrong of {total.sentences}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
