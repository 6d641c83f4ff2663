"""Run spiders and write what they found as plain data, in a process of its own.

    python -m crawler.crawl --out DIR [--replay SNAPSHOT] [--spider NAME ...] [--set KEY=VALUE ...]

writes `DIR/items-<spider>.jsonl` (the feed: institution, program, fact and page items) and
`DIR/summary-<spider>.json` (finish reason and stats) for each spider, and nothing else. The
refresh command runs this as a child process, so a crawl that crashes or is killed cannot
take the history database down with it, and the reactor starts fresh every night.

Without `--spider`, every spider runs; replaying, every spider the snapshot holds a page of
(`recordings.in_snapshot`, the rule `refresh --replay` follows). `--set KEY=VALUE` (repeatable)
overrides a Scrapy setting, as `scrapy crawl -s` does; the
network-fault tests use it to point a test spider at a loopback server with small timeouts.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
from collections import deque
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler.crawl import settings as project_settings


def crawl_settings(out: Path, replay: Path | None, log_file: Path | None = None,
                   overrides: dict[str, str] | None = None) -> Settings:
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.set("FEEDS", {str(out / "items-%(name)s.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}})
    settings.set("MLIS_SUMMARY_DIR", str(out))
    if replay is not None:
        settings.set("MLIS_REPLAY_DIR", str(replay))
    if log_file is not None:
        settings.set("LOG_FILE", str(log_file))
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def spider_names(settings: Settings | None = None) -> list[str]:
    """The spiders of SPIDER_MODULES (the project's, or as `settings` override it)."""
    if settings is None:
        settings = Settings()
        settings.setmodule(project_settings, priority="project")
    return sorted(SpiderLoader.from_settings(settings).list())


def collect_less_often(settings: Settings) -> None:
    """Python's cyclic garbage collector at `MLIS_GC_THRESHOLD` for the crawl (its three generation
    thresholds; empty: Python's own, 700/10/10). With every site's crawler alive at once, a
    collection walks a heap that grows with the sites: at 1,000 sites the default thresholds cost
    a third of the crawl's CPU (7.1 ms a page against 4.9, benchmarks/many_sites.py) for no lower
    peak memory (garbage cycles are few; reference counting frees the rest)."""
    import gc

    threshold = [int(x) for x in settings.getlist("MLIS_GC_THRESHOLD")]
    if threshold:
        gc.set_threshold(*threshold)


def freeze_imports() -> None:
    """Start-up without the cyclic garbage collector, and what it imported kept out of the crawl's
    collections. `python -m crawler.crawl` starts with the collector off (`crawler/crawl/__main__.py`);
    by the time Scrapy's process exists, Scrapy, the spiders and the normalizers are imported: about
    70,000 tracked objects (modules, classes, functions, compiled expressions) that live as long as
    the process, and next to no garbage (about 2,600 objects in cycles once seventeen sites'
    crawlers are built too). Collecting over them while they grew cost 0.15-0.3 s of the child's CPU
    (a 17-site replay child: 1.6 s before, 1.3 s after). They are frozen here (never walked again;
    the few start-up cycles stay); the sites' crawlers are built next, not frozen, so a closed
    site's crawler is collected as before, and `main` turns collection back on once they are built."""
    import gc

    gc.freeze()


class SiteWindow(CrawlerProcess):
    """A crawler process that keeps at most `MLIS_OPEN_SITES` sites open at once, opening the next
    queued site as one closes (0: every site at once).

    A crawl process keeps pace with politeness only while its open sites together ask for no more
    pages than its one core can read (about 200 sites at a 1 s delay, docs/operations.md); past
    that the night costs its CPU whatever is open, and every site held open meanwhile costs its
    memory (a crawler, its queues, pages in flight) for the whole crawl. The window keeps the
    crawl's peak to the window's sites without lengthening a CPU-bound night. A site opened after
    the crawl was stopped as a whole (memory) closes at once with that reason (`CrawlMemory`); on a
    shutdown (a signal) the queue is dropped, so no new site opens."""

    def __init__(self, settings: Settings, names: list[str]):
        super().__init__(settings)  # Scrapy's process and its spider loader: every spider imported
        self._queue = deque(names)
        self._window = settings.getint("MLIS_OPEN_SITES")

    def open_window(self) -> None:
        """Open the first sites, as many as the window holds; the rest open as these close."""
        names = len(self._queue)
        for _ in range(names if self._window <= 0 else min(self._window, names)):
            self._open_next()

    def _open_next(self, result=None):
        if self._queue:
            self.crawl(self._queue.popleft()).addBoth(self._open_next)
        return result

    def stop(self):
        self._queue.clear()
        return super().stop()


class EarlySignals:
    """SIGINT / SIGTERM that arrive before Scrapy's own handlers are in place (Scrapy installs them
    once the reactor runs; until then the spiders and Scrapy's components are being imported):
    remembered, and the crawl stopped as soon as it can be, rather than a KeyboardInterrupt raised
    from whatever import was running (a long traceback on the operator's terminal)."""

    def __init__(self):
        self.received: int | None = None
        self.process: CrawlerProcess | None = None
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._handle)
        # The parent starts this process with both blocked (crawler/night/crawl.py); one sent
        # meanwhile is delivered now, to the handler above.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})

    def _handle(self, signum, frame) -> None:
        self.received = signum
        reactor = sys.modules.get("twisted.internet.reactor")  # never imported from a signal handler
        if self.process is not None and getattr(reactor, "running", False):
            reactor.callFromThread(self.process.stop)

    def stop_if_received(self) -> None:
        """Run once the reactor has started: a signal from the moments before stops the crawl now."""
        if self.received is not None and self.process is not None:
            self.process.stop()

    @property
    def exit_code(self) -> int:
        return 128 + int(self.received or 0)


def main(argv: list[str] | None = None) -> int:
    early = EarlySignals()
    parser = argparse.ArgumentParser(prog="python -m crawler.crawl")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--replay", type=Path)
    parser.add_argument("--spider", action="append", default=[])
    parser.add_argument("--log-file", type=Path)
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="override a Scrapy setting (repeatable)")
    args = parser.parse_args(argv)
    overrides = {}
    for pair in args.overrides:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            parser.error(f"--set expects KEY=VALUE, not {pair!r}")
        overrides[key] = value
    args.out.mkdir(parents=True, exist_ok=True)
    settings = crawl_settings(args.out, args.replay, args.log_file, overrides)
    names = args.spider
    if not names:  # replaying without --spider: the spiders the snapshot holds pages of, as `refresh` does
        from crawler.crawl.recordings import in_snapshot

        names = spider_names(settings) if args.replay is None else in_snapshot(spider_names(settings), args.replay)[0]
    process = early.process = SiteWindow(settings, names)
    collect_less_often(settings)
    freeze_imports()
    process.open_window()
    gc.enable()  # off since __main__: the crawl collects at MLIS_GC_THRESHOLD
    if early.received is not None:
        return early.exit_code  # stopped before anything was fetched; the parent reports it
    from twisted.internet import reactor

    reactor.addSystemEventTrigger("after", "startup", early.stop_if_received)
    process.start()
    return early.exit_code if early.received is not None else 0
