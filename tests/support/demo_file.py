"""The demo's data folder, built once per test session: a real refresh of all seven recorded
universities over the three recorded nights, as `make demo` runs them."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from crawler.jobs import refresh
from tests.conftest import NEWER, OLDER, QUIET, SITES


@cache
def demo_data() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="mlis-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    data = folder / "data"
    for snapshot in (OLDER, NEWER, QUIET):
        refresh(data, SITES / snapshot, log=lambda line: None)
    return data
