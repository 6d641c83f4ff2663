"""Start-up cost of the command line, against a bare Python start in the same run.

    .venv/bin/python benchmarks/startup.py [--repeat 10]

Times `mlis-crawler --help` (the installed entry point, a fresh process each time) and
`python -c pass` interleaved, reports medians, and lists which heavy packages the CLI module
imports on its own (`import crawler.cli`, read from sys.modules in a fresh process).
Last line: `startup: mlis-crawler --help H s, python -c pass P s (+ D s); imports: ...`
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HEAVY = ("scrapy", "twisted", "sqlite_utils", "pydantic", "lxml", "parsel", "jinja2")


def timed(command: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    entry = shutil.which("mlis-crawler", path=str(Path(sys.executable).parent)) or "mlis-crawler"
    helps, bares = [], []
    for _ in range(args.repeat):
        helps.append(timed([entry, "--help"]))
        bares.append(timed([sys.executable, "-c", "pass"]))
    probe = f"import sys, crawler.cli; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()
    h, p = statistics.median(helps), statistics.median(bares)
    print(f"--help runs: {', '.join(f'{t:.2f}' for t in helps)}")
    print(f"startup: mlis-crawler --help {h:.2f} s, python -c pass {p:.2f} s (+ {h - p:.2f} s); "
          f"imports: {', '.join(loaded) or 'none of ' + '/'.join(HEAVY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
