"""What normalizing a text costs, per normalizer, and a dump of every reading to prove a speed change
changes none.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/normalize_cost.py collect       # spider texts, once
    PYTHONPATH=$PWD .venv/bin/python benchmarks/normalize_cost.py dump OUT      # every reading, repr()
    PYTHONPATH=$PWD .venv/bin/python benchmarks/normalize_cost.py time [--turns 5]
    PYTHONPATH=$PWD .venv/bin/python benchmarks/normalize_cost.py profile [--slug arizona]

The texts: every sentence of the reading corpus (tune and holdout parts, tests/normalize/corpus)
and, after `collect`, every fact text the spiders read from the recorded nights (fixtures/sites,
crawled through the real downloader into data/normperf/, which git ignores).

- `dump` runs, on those texts and on each corpus file's sentences of one function joined into one
  text, every `parse_*` of `crawler.normalize` and `clean_text` on every text, and
  `binding.binding_clause` for the text's own field, and writes one `repr()` a line: two builds
  read the same when their dumps are byte-identical.
- `time` gives, per normalizer, the CPU microseconds a text (`time.process_time`) over the texts
  the corpus labels for it, one pass over them per turn (each text once a pass, in corpus order,
  so the small per-text caches of the binding helpers do not make a repeat free), median of the
  turns. Builds cannot share a process: run them in turns and compare the medians.
  Last line: `normalize cost: N texts, T us a text (sum of medians / texts)`.
- `profile` runs cProfile over one school's corpus texts (default Arizona's, both files) and the
  recorded Arizona page's fact texts, 50 passes, and prints the top functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "data" / "normperf"
SPIDER_TEXTS = OUT / "spider_texts.json"
NIGHTS = ("2024-09-15", "2026-11-01", "2026-11-02")

# The field whose normalizer a corpus function is (binding_clause asks by field).
FIELD_OF = {
    "parse_tuition": "tuition", "parse_deadlines": "application_deadlines", "parse_credits": "total_credits",
    "parse_gpa": "min_gpa", "parse_duration": "duration", "parse_exam_rule": "entrance_exam",
    "parse_delivery": "delivery", "parse_accredited": "ala_accredited", "parse_money": "application_fee",
    "parse_start_terms": "start_terms", "parse_degree": "degree",
}


def normalizers() -> dict:
    from crawler import normalize

    names = sorted(n for n in normalize.__all__ if n.startswith("parse_")) + ["clean_text"]
    return {n: getattr(normalize, n) for n in names}


def collect() -> int:
    """Crawl the recorded nights and keep each fact's (spider, field, text), deduplicated."""
    from crawler.crawl import recordings
    from tests.conftest import SITES, run_crawl

    seen: dict[tuple, None] = {}
    for date in NIGHTS:
        night = recordings.compose(SITES, date, OUT / "nights")
        run_crawl(night.path, OUT / f"crawl-{date}", list(night.universities))
        for feed in sorted((OUT / f"crawl-{date}").glob("items-*.jsonl")):
            for line in feed.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                if item.get("type") == "fact" and isinstance(item.get("text"), str):
                    seen[(item["institution_id"], item["field"], item["text"])] = None
    SPIDER_TEXTS.write_text(json.dumps([list(k) for k in seen], indent=0), encoding="utf-8")
    print(f"collect: {len(seen)} fact texts from {len(NIGHTS)} nights -> {SPIDER_TEXTS.relative_to(ROOT)}")
    return 0


def texts() -> list[tuple[str, str, str | None]]:
    """(source, text, field) for every corpus sentence and every collected spider text."""
    from tests.support import corpus

    sentences = corpus.load(parts=("tune", "holdout"))
    out = [(s.id, s.text, FIELD_OF.get(s.fn)) for s in sentences]
    # and, per file and function, its sentences joined into one text: longer texts, many clauses
    joined: dict[tuple[str, str], list[str]] = {}
    for s in sentences:
        joined.setdefault((s.slug, s.fn), []).append(s.text)
    out += [(f"{slug}-joined-{fn}", " ".join(parts), FIELD_OF.get(fn)) for (slug, fn), parts in joined.items()]
    if SPIDER_TEXTS.exists():
        out += [(f"{spider}:{field}", text, field) for spider, field, text in json.loads(SPIDER_TEXTS.read_text())]
    else:
        print(f"(no {SPIDER_TEXTS.relative_to(ROOT)}: run `collect` for the spiders' texts)", file=sys.stderr)
    return out


def dump(path: Path) -> int:
    from crawler.normalize.binding import binding_clause

    fns = normalizers()
    rows = texts()
    with path.open("w", encoding="utf-8") as out:
        for source, text, field in rows:
            for name, fn in fns.items():
                out.write(f"{source}\t{name}\t{fn(text)!r}\n")
            if field:
                out.write(f"{source}\tbinding_clause({field})\t{binding_clause(field, text)!r}\n")
    print(f"dump: {len(rows)} texts x {len(fns)} normalizers (+ binding_clause) -> {path}")
    return 0


def time_them(turns: int) -> int:
    from tests.support import corpus

    fns = normalizers()
    by_fn: dict[str, list[str]] = {}
    for s in corpus.load(parts=("tune", "holdout")):
        by_fn.setdefault(s.fn, []).append(s.text)
    results: dict[str, list[float]] = {name: [] for name in by_fn}
    for name, items in by_fn.items():  # a pass untimed: patterns compiled on first use, imports
        for text in items:
            fns[name](text)
    for _ in range(turns):
        for name, items in by_fn.items():
            fn = fns[name]
            start = time.process_time()
            for text in items:
                fn(text)
            results[name].append((time.process_time() - start) / len(items) * 1e6)
    import crawler.normalize

    print(f"normalizers from {Path(crawler.normalize.__file__).parent}")
    total_texts = sum(len(t) for t in by_fn.values())
    weighted = 0.0
    print(f"{'function':18} {'texts':>6} {'us a text (median)':>19}  turns")
    for name in sorted(by_fn):
        med = statistics.median(results[name])
        weighted += med * len(by_fn[name])
        print(f"{name:18} {len(by_fn[name]):6} {med:19.1f}  " + " ".join(f"{x:.0f}" for x in results[name]))
    print(f"normalize cost: {total_texts} texts, {weighted / total_texts:.1f} us a text (sum of medians / texts)")
    return 0


def profile(slug: str, passes: int, top: int) -> int:
    from tests.support import corpus

    fns = normalizers()
    work = [(fns[s.fn], s.text) for s in corpus.load(parts=("tune", "holdout")) if s.slug.split("-")[0] == slug]
    if SPIDER_TEXTS.exists():
        from crawler.fields import FIELDS

        work += [(FIELDS[f].parse, t) for sp, f, t in json.loads(SPIDER_TEXTS.read_text()) if sp == slug and f in FIELDS]
    prof = cProfile.Profile()
    start = time.process_time()
    prof.enable()
    for _ in range(passes):
        for fn, text in work:
            fn(text)
    prof.disable()
    spent = time.process_time() - start
    print(f"profile: {len(work)} texts of {slug}, {passes} passes, {spent / passes * 1e3:.2f} ms a pass (profiled)")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("collect")
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    t = sub.add_parser("time")
    t.add_argument("--turns", type=int, default=5)
    p = sub.add_parser("profile")
    p.add_argument("--slug", default="arizona")
    p.add_argument("--passes", type=int, default=50)
    p.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if args.command == "collect":
        return collect()
    if args.command == "dump":
        return dump(args.out)
    if args.command == "time":
        return time_them(args.turns)
    return profile(args.slug, args.passes, args.top)


if __name__ == "__main__":
    raise SystemExit(main())
