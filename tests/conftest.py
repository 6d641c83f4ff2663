"""Shared test fixtures: real crawls of the recorded nights, run once per night and reused.

A night is composed per university (crawler/crawl/recordings.py): each university recorded on
or before its date replays its latest capture on or before it. OLDER, NEWER and QUIET are the
capture dates the first seven universities share; tests that replay one of those folders whole
(`SITES / NEWER`) use a university recorded there (Arizona, mostly).
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from crawler.crawl import recordings
from crawler.history.stage import SpiderData, merge, read_crawl_dir

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
OLDER, NEWER, QUIET = "2024-09-15", "2026-11-01", "2026-11-02"


def run_crawl(snapshot: Path, out: Path, spiders: list[str] | None = None) -> dict[str, SpiderData]:
    """A real crawl, through Scrapy's downloader, of a recorded snapshot, in a child process."""
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--replay", str(snapshot),
               "--log-file", str(out / "crawl.log")]
    for name in spiders or []:
        command += ["--spider", name]
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return read_crawl_dir(out)


def observations(data: SpiderData) -> dict[str, dict[str, object]]:
    """program_id -> field -> merged observation, as staging computes it."""
    merged = merge(data.programs, data.facts)
    out: dict[str, dict[str, object]] = {p: {} for p in data.programs}
    for (program_id, field), obs in merged.items():
        out[program_id][field] = obs
    return out


@pytest.fixture(scope="session")
def night_dir(tmp_path_factory):
    """night_dir(date) -> the composed night of that date (a copy, built once per session)."""
    root = tmp_path_factory.mktemp("nights")

    @cache
    def compose(date: str) -> recordings.Night:
        return recordings.compose(SITES, date, root)

    return compose


@pytest.fixture(scope="session")
def crawled(tmp_path_factory, night_dir):
    """crawled(night) -> {spider: SpiderData} for a crawl of every university in that night (cached)."""

    @cache
    def crawl(date: str) -> dict[str, SpiderData]:
        night = night_dir(date)
        return run_crawl(night.path, tmp_path_factory.mktemp(f"crawl-{date}"), list(night.universities))

    return crawl


@pytest.fixture(scope="module")
def baselines(tmp_path_factory):
    """baselines(spider) -> a data folder after one good night of the quiet snapshot (cached per module)."""
    from tests.support.sitecopy import night

    root, done = tmp_path_factory.mktemp("baselines"), {}

    def get(spider: str) -> Path:
        if spider not in done:
            done[spider] = root / spider
            assert night(done[spider], SITES / QUIET, [spider]).health == {spider: "ok"}
        return done[spider]

    return get


@pytest.fixture
def data(baselines, tmp_path):
    """data(spider) -> a fresh copy of that spider's baseline data folder, for one test to change."""
    from tests.support.sitecopy import copy_data

    return lambda spider: copy_data(baselines(spider), tmp_path / "data")
