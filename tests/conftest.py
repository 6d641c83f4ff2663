"""Shared test fixtures: real crawls of the recorded sites, run once per snapshot and reused."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from crawler.history.stage import SpiderData, merge, read_crawl_dir

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "fixtures" / "sites"
SNAPSHOTS = sorted(p.name for p in SITES.iterdir() if p.is_dir())
OLDER, NEWER, QUIET = SNAPSHOTS[0], SNAPSHOTS[1], SNAPSHOTS[2]


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
def crawled(tmp_path_factory):
    """crawled(snapshot) -> {spider: SpiderData} for a full crawl of that snapshot (cached)."""

    @cache
    def crawl(snapshot: str) -> dict[str, SpiderData]:
        return run_crawl(SITES / snapshot, tmp_path_factory.mktemp(f"crawl-{snapshot}"))

    return crawl
