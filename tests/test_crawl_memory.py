"""The crawl's memory limit (issue 24): past MEMUSAGE_LIMIT_MB the crawl process stops as a whole,
and every summary says so (`crawl_finish_reason`), so a night can tell "the crawl ran out of
memory" from sites that failed."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SITES

SNAPSHOT = SITES / "2026-11-02"


def crawl(out, *settings: str, spiders: tuple[str, ...] = ("twu", "usm")) -> dict[str, dict]:
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--replay", str(SNAPSHOT),
               "--set", "MLIS_PROGRESS=off", "--set", "LOG_LEVEL=WARNING"]
    for spider in spiders:
        command += ["--spider", spider]
    for setting in settings:
        command += ["--set", setting]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {p.name: json.loads(p.read_text()) for p in out.glob("summary-*.json")}


def test_past_the_memory_limit_every_summary_says_the_crawl_ran_out(tmp_path):
    # A 1 MiB limit: the process is past it at its first check, as each site's engine starts.
    summaries = crawl(tmp_path, "MEMUSAGE_LIMIT_MB=1")
    assert sorted(summaries) == ["summary-twu.json", "summary-usm.json"]
    for summary in summaries.values():
        assert summary["finish_reason"] == "memusage_exceeded"
        assert summary["crawl_finish_reason"] == "memusage_exceeded"
        assert summary["stats"]["memusage/limit_reached"] == 1


def test_within_the_limit_a_summary_names_no_crawl_reason_and_keeps_the_memory_stats(tmp_path):
    summaries = crawl(tmp_path)
    for summary in summaries.values():
        assert summary["finish_reason"] == "finished"
        assert "crawl_finish_reason" not in summary
        assert summary["stats"]["memusage/max"] >= summary["stats"]["memusage/startup"] > 0


def test_a_site_counts_the_records_logged_while_it_was_open_at_its_level(tmp_path):
    summaries = crawl(tmp_path, "LOG_LEVEL=INFO")
    for summary in summaries.values():
        counts = {k: v for k, v in summary["stats"].items() if k.startswith("log_count/")}
        assert counts.get("log_count/INFO", 0) > 0  # "Spider opened" at least
        assert "log_count/DEBUG" not in counts


def test_the_crawl_collects_garbage_at_the_configured_thresholds():
    import gc

    from scrapy.settings import Settings

    from crawler.crawl import settings as project_settings
    from crawler.crawl.runner import collect_less_often

    before = gc.get_threshold()
    try:
        settings = Settings()
        settings.setmodule(project_settings, priority="project")
        collect_less_often(settings)
        assert gc.get_threshold() == (100_000, 50, 50)
        settings.set("MLIS_GC_THRESHOLD", "", priority="cmdline")  # empty: Python's own, untouched
        gc.set_threshold(700, 10, 10)
        collect_less_often(settings)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_start_up_runs_without_the_collector_and_the_crawl_with_it(tmp_path):
    """`python -m crawler.crawl` builds Scrapy, the spiders and each site's crawler without cyclic
    garbage collection, freezes what the imports built before the sites' crawlers are made, and
    collects again (at MLIS_GC_THRESHOLD) once the crawl runs: seen from inside the real child."""
    probe = "\n".join([
        "import gc, runpy, sys",
        "import crawler.crawl.runner as runner",
        "from crawler.crawl.conditional import CrawlCpu",
        "opening, opened = runner.SiteWindow.open_window, CrawlCpu.opened",
        "def open_window(self):",
        "    print('sites', gc.isenabled(), gc.get_freeze_count(), flush=True)",
        "    opening(self)",
        "def spider_opened(self, spider=None):",
        "    print('crawl', gc.isenabled(), gc.get_threshold()[0], flush=True)",
        "    opened(self, spider)",
        "runner.SiteWindow.open_window, CrawlCpu.opened = open_window, spider_opened",
        "runpy.run_module('crawler.crawl', run_name='__main__', alter_sys=True)",
    ])
    command = [sys.executable, "-c", probe, "--out", str(tmp_path), "--replay", str(SNAPSHOT), "--spider", "twu",
               "--set", "MLIS_PROGRESS=off", "--set", "LOG_LEVEL=WARNING"]
    lines = subprocess.run(command, check=True, cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    sites = [line.split() for line in lines if line.startswith("sites ")]
    crawling = [line.split() for line in lines if line.startswith("crawl ")]
    assert len(sites) == 1 and sites[0][1] == "False" and int(sites[0][2]) > 10_000  # off, the imports frozen
    assert crawling and all(c[1:] == ["True", "100000"] for c in crawling)  # collecting, at the project's threshold
    assert json.loads((tmp_path / "summary-twu.json").read_text())["finish_reason"] == "finished"


def test_a_night_past_the_memory_limit_says_so_instead_of_blaming_the_network(tmp_path):
    """Every site fails when the crawl process passes MEMUSAGE_LIMIT_MB: the night's summary and
    its closing words name the memory limit (redteam F15), not our network."""
    import os

    from tests.support.datadir import cli

    run = cli("refresh", "--replay", str(SITES / "2026-11-02"), "--spider", "arizona", "--spider", "twu",
              "--data", str(tmp_path / "data"), env={**os.environ, "MLIS_CRAWL_SETTINGS": "MEMUSAGE_LIMIT_MB=1"})
    assert run.returncode == 4, run.stdout + run.stderr
    assert "every site failed: the crawl ran out of memory (MEMUSAGE_LIMIT_MB" in run.stdout
    assert "every site failed: the crawl ran out of memory" in run.stderr and "our network" not in run.stderr


THREE = ("twu", "usm", "wisc")


def _spans(summaries: dict[str, dict]) -> list[tuple[str, str]]:
    """Each site's (start, finish) as its summary's stats record them, in order of start."""
    return sorted((s["stats"]["start_time"], s["stats"]["finish_time"]) for s in summaries.values())


def test_a_window_of_one_site_opens_each_site_after_the_last_one_closed(tmp_path):
    """`MLIS_OPEN_SITES` bounds the sites open at once (issue 24: memory grows with the sites held
    open, not with the sites of the night); the next queued site opens as one closes."""
    summaries = crawl(tmp_path, "MLIS_OPEN_SITES=1", spiders=THREE)
    assert sorted(summaries) == ["summary-twu.json", "summary-usm.json", "summary-wisc.json"]
    assert all(s["finish_reason"] == "finished" for s in summaries.values())
    spans = _spans(summaries)
    assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:])), spans


def test_without_a_window_every_site_is_open_at_once(tmp_path):
    # The guard above can fail: with no window the sites' spans overlap.
    spans = _spans(crawl(tmp_path, "MLIS_OPEN_SITES=0", spiders=THREE))
    assert any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:])), spans


def test_a_site_queued_behind_the_window_after_the_memory_limit_closes_with_the_crawls_reason(tmp_path):
    summaries = crawl(tmp_path, "MEMUSAGE_LIMIT_MB=1", "MLIS_OPEN_SITES=1", spiders=THREE)
    assert sorted(summaries) == ["summary-twu.json", "summary-usm.json", "summary-wisc.json"]
    assert {s["crawl_finish_reason"] for s in summaries.values()} == {"memusage_exceeded"}
