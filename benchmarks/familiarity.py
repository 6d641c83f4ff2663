"""What abstaining on unfamiliar wording would do to reading text never seen (issue 19, a next step).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/familiarity.py [--held fresh-l- fresh-n-] [--files K] [--unknown U ...] [--at U]

Seven passes of reading rules took the batches they were tuned on to about 1% wrong, but each pass's
own batch written after its rules (fresh-n-*) and the lead's last unseen batch (fresh-l-*) read the
same with and without the pass: rules written for phrasings seen do not carry to new wording. This
script measures the one signal found that does: how familiar a sentence's words are to its field.

For each held-out group of batches (by id prefix), a field's familiar words are those of the
sentences stating that field's fact (a non-empty label) in at least K corpus files outside the held
groups. A held sentence read with more than U words its field has not seen stating a fact is turned
into an abstention (right for a negative, missed for a positive), and the group is scored again.
Nothing here changes a normalizer: it prints what such a gate would cost and save.
Last line: `familiarity: K=k U=u: <group> right R% wrong W% (today R0% right, W0% wrong); ...`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import corpus  # noqa: E402

WORD = re.compile(r"[a-z]+")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def source_file(sentence: corpus.Sentence) -> str:
    """The corpus file a sentence came from: its id without the number and the function."""
    return sentence.id.split("-parse_")[0].rsplit("-", 1)[0]


def familiar(sentences: list[corpus.Sentence], files: int) -> dict[str, set[str]]:
    """Per function, the words of fact-stating sentences found in at least `files` corpus files."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in sentences:
        if not corpus._empty(s.expect):
            seen[s.fn][source_file(s)] |= words(s.text)
    vocabulary = {}
    for fn, by_file in seen.items():
        counts = Counter(w for found in by_file.values() for w in found)
        vocabulary[fn] = {w for w, n in counts.items() if n >= files}
    return vocabulary


def gated(sentence: corpus.Sentence, outcome: str, got, known: set[str], unknown: int) -> str:
    if corpus._empty(got) or len(words(sentence.text) - known) <= unknown:
        return outcome
    return corpus.RIGHT if corpus._empty(sentence.expect) else corpus.MISSED


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--held", nargs="+", default=["fresh-l-", "fresh-n-"],
                        help="id prefixes of the batches held out, each scored on its own")
    parser.add_argument("--files", type=int, default=2, help="K: files a familiar word must appear in")
    parser.add_argument("--unknown", type=int, nargs="+", default=[0, 1, 2, 3, 5],
                        help="U: unfamiliar words a read sentence may have")
    parser.add_argument("--at", type=int, default=2, help="the U the last line reports")
    args = parser.parse_args()
    sentences = corpus.load(corpus.CORPUS_DIR, ("tune",))
    outcomes = {s.id: corpus.run(s) for s in sentences}
    reference = [s for s in sentences if not s.id.startswith(tuple(args.held))]
    vocabulary = familiar(reference, args.files)
    last = []
    for prefix in args.held:
        group = [s for s in sentences if s.id.startswith(prefix)]
        if not group:
            continue
        today = Counter(outcomes[s.id][1] for s in group)
        n = len(group)
        print(f"{prefix}* ({n} sentences) today: right {today[corpus.RIGHT]}, missed {today[corpus.MISSED]}, "
              f"wrong {today[corpus.WRONG]}")
        for unknown in args.unknown:
            tally = Counter(gated(s, outcomes[s.id][1], outcomes[s.id][0], vocabulary.get(s.fn, set()), unknown)
                            for s in group)
            print(f"  U={unknown}: right {tally[corpus.RIGHT]} ({100 * tally[corpus.RIGHT] / n:.1f}%), "
                  f"missed {tally[corpus.MISSED]}, wrong {tally[corpus.WRONG]} ({100 * tally[corpus.WRONG] / n:.1f}%)")
            if unknown == args.at:
                last.append(f"{prefix}* right {100 * tally[corpus.RIGHT] / n:.1f}% wrong {100 * tally[corpus.WRONG] / n:.1f}% "
                            f"(today {100 * today[corpus.RIGHT] / n:.1f}% right, {100 * today[corpus.WRONG] / n:.1f}% wrong)")
    print(f"familiarity: K={args.files} U={args.at}: " + "; ".join(last))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
