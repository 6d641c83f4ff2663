"""The same facts, another page: how much each kind of redesign costs the spiders, in facts read.

    .venv/bin/python benchmarks/variants.py                 # the newest night, every kind
    .venv/bin/python benchmarks/variants.py --kind noise    # one kind (repeatable)

Composes the newest night of the recorded sites (every university's newest capture), crawls it
untouched and then once per variant kind (tests/support/variants.py: every HTML page through the
kind), all spiders in one crawl per kind, through Scrapy's real downloader, and compares each
university's crawl of the variant with its crawl of the untouched pages
(`tests.support.variants.compare`). Printed per kind, per university and overall:

- facts still read: (program, field) pairs read with the same value from the variant, over the
  pairs with a value on the untouched pages;
- different values: (program, field) pairs whose variant value is not the untouched pages' one
  (another value, or a value where the untouched pages give none), and programs the untouched pages
  do not give; must be 0;
- lost programs, and whether the crawl reported the site broken (degraded or failed); facts
  unread while the crawl says the site is healthy (a field no `@expects` names went missing).

Last line: `variants: <kinds> kinds, <pct>% of facts still read, <n> different values`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.crawl import recordings  # noqa: E402
from tests.conftest import SITES, run_crawl  # noqa: E402
from tests.support import variants  # noqa: E402


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", action="append", choices=sorted(variants.KINDS), help="only this kind (repeatable)")
    parser.add_argument("--sites", type=Path, default=SITES, help="recorded sites (default: fixtures/sites)")
    args = parser.parse_args(argv)
    kinds = args.kind or list(variants.KINDS)

    domains = recordings.spider_domains()
    newest = recordings.nights(args.sites, domains)[-1]
    with tempfile.TemporaryDirectory(prefix="variants-") as tmp:
        root = Path(tmp)
        night = recordings.compose(args.sites, newest, root / "nights", domains)
        universities = list(night.universities)
        print(f"night {newest}: {len(universities)} universities, {len(variants.html_pages(night.path))} HTML pages")
        base = run_crawl(night.path, root / "crawls" / "untouched", universities)

        total_read = total_stated = total_different = 0
        for kind in kinds:
            pages = variants.night(night.path, root / "sites", kind)
            crawl = run_crawl(pages, root / "crawls" / kind, universities)
            read = stated = different = 0
            print(f"\n{kind}")
            for university in universities:
                result = variants.compare(university, base.get(university), crawl.get(university))
                read, stated = read + result.read, stated + result.stated
                different += result.different + len(result.invented)
                lost = (f", {len(result.lost)} programs lost ({'reported' if result.reported else 'NOT reported'})"
                        if result.lost else "")
                if not result.reported and result.read < result.stated:
                    lost += f", {result.stated - result.read} facts unread with no report"
                print(f"  {university:<10} {pct(result.read, result.stated):>5}% of {result.stated:>3} facts still read, "
                      f"{result.different + len(result.invented)} different values{lost} (health {result.health})")
            print(f"  {'all':<10} {pct(read, stated):>5}% of {stated:>3} facts still read, {different} different values")
            total_read, total_stated, total_different = total_read + read, total_stated + stated, total_different + different
    print(f"\nvariants: {len(kinds)} kinds, {pct(total_read, total_stated)}% of facts still read, "
          f"{total_different} different values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
