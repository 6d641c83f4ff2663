"""The demo's data folder, built once per test session: a real refresh of every recorded
university over the recorded nights, as `make demo` runs them (each night composed per
university from its latest capture on or before it, with only those universities crawled)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from crawler.crawl.recordings import compose_all
from crawler.jobs import refresh
from tests.conftest import SITES


@cache
def demo_data() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="mlis-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    data = folder / "data"
    for night in compose_all(SITES, folder / "nights"):
        refresh(data, night.path, spiders=list(night.universities), log=lambda line: None)
    return data
