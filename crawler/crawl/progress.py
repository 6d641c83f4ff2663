"""`Progress`: what a live crawl is doing (the crawl's child process shares the refresh's output).

On a terminal (stderr), one line per site, redrawn in place every second: pages done, queued, failed,
and the slowest site's estimated time left. Elsewhere (cron, systemd's journal) plain lines,
one per site every `MLIS_PROGRESS_INTERVAL` seconds (default 60), and always one when a site
finishes, on stdout (stderr stays one line per error). `MLIS_PROGRESS` = `auto` (default: a terminal or not, as above), `tty`, `plain` or
`off` (`mlis-crawler -q`).

All spiders of a crawl run in one process, each with its own crawler: the sites share one
board (`BOARD`), so the terminal shows one block, not one per spider, and one looping call ticks
for all of them (a thousand sites each redrawing the whole block every second was a million
lines a second).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


@dataclass
class Site:
    name: str
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    failed: int = 0
    queued: int = 0
    finished: bool = False

    def eta(self, now: float) -> float | None:
        """Seconds left at the pace so far; None before the first page."""
        if self.finished:
            return 0.0
        if not self.done:
            return None
        return (now - self.started) / self.done * self.queued


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def line(site: Site, now: float) -> str:
    if site.finished:
        return f"{site.name:<10} finished: {site.done} pages done, {site.failed} failed"
    return (f"{site.name:<10} {site.done} pages done, {site.queued} queued, {site.failed} failed, "
            f"about {duration(site.eta(now))} left")


def board_lines(sites: list[Site], now: float) -> list[str]:
    """One line per site, then the slowest site's ETA (the crawl ends when it does)."""
    lines = [line(s, now) for s in sorted(sites, key=lambda s: s.name)]
    running = [s for s in sites if not s.finished]
    if running:
        etas = [s.eta(now) for s in running]
        known = [e for e in etas if e is not None]
        slowest = max(running, key=lambda s: (s.eta(now) is None, s.eta(now) or 0))
        when = duration(max(known)) if known and len(known) == len(etas) else "?"
        lines.append(f"{len(running)} site(s) running; slowest: {slowest.name}, about {when} left")
    else:
        lines.append("all sites done")
    return lines


class Board:
    """The sites of this process and how they are drawn: redrawn on the terminal (stderr), plain
    lines on stdout otherwise, so a cron log has them in order and stderr keeps to errors."""

    def __init__(self, out=None):
        self.out = out
        self.sites: dict[str, Site] = {}
        self.drawn = 0  # lines of the last terminal draw, to redraw over them
        self.last_plain: dict[str, float] = {}
        self.watching: dict[str, Progress] = {}  # the running sites' extensions
        self.loop: task.LoopingCall | None = None

    def watch(self, progress: Progress, period: float) -> None:
        """Tick for `progress`'s site too: one looping call for the process, not one per site."""
        self.watching[progress.site.name] = progress
        if self.loop is None or not self.loop.running:
            self.loop = task.LoopingCall(self.tick)
            self.loop.start(period, now=False)

    def unwatch(self, progress: Progress) -> None:
        self.watching.pop(progress.site.name, None)
        if not self.watching and self.loop is not None and self.loop.running:
            self.loop.stop()

    def tick(self) -> None:
        """Every running site's figures read again; the terminal redrawn once, or a plain line for
        each site whose interval has passed."""
        tty = False
        for progress in list(self.watching.values()):
            progress.update()
            if progress.mode == "tty":
                tty = True
            elif time.monotonic() - self.last_plain[progress.site.name] >= progress.interval:
                self.last_plain[progress.site.name] = time.monotonic()
                self.plain(progress.site)
        if tty:
            self.draw_tty()

    def draw_tty(self) -> None:
        lines = board_lines(list(self.sites.values()), time.monotonic())
        up = f"\x1b[{self.drawn}F" if self.drawn else ""
        out = self.out or sys.stderr
        out.write(up + "".join(f"\x1b[2K{text}\n" for text in lines))
        out.flush()
        self.drawn = len(lines)

    def plain(self, site: Site) -> None:
        out = self.out or sys.stdout
        out.write(f"progress {line(site, time.monotonic())}\n")
        out.flush()


BOARD = Board()


class Progress:
    def __init__(self, crawler, mode: str, interval: float, board: Board = BOARD):
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.board = board
        self.site: Site | None = None

    @classmethod
    def from_crawler(cls, crawler):
        mode = (crawler.settings.get("MLIS_PROGRESS") or "auto").lower()
        if mode == "auto":
            mode = "tty" if sys.stderr.isatty() else "plain"
        if mode not in ("tty", "plain"):
            raise NotConfigured
        ext = cls(crawler, mode, crawler.settings.getfloat("MLIS_PROGRESS_INTERVAL", 60.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.site = self.board.sites[spider.name] = Site(spider.name)
        self.board.last_plain[spider.name] = time.monotonic()
        self.board.watch(self, 1.0 if self.mode == "tty" else min(self.interval, 5.0))

    def update(self) -> None:
        stats = self.crawler.stats
        site = self.site
        counts = stats.get_stats()
        # robots.txt is not a page: its answer is not a page done, and a 4xx is no failure (RFC 9309:
        # no robots.txt means no rules; a site without one, or a recording without one, is healthy).
        # A 5xx robots.txt still counts: the site is then unreachable for crawlers.
        robots_4xx = sum(v for k, v in counts.items()
                         if k.startswith("robotstxt/response_status_count/") and k.rsplit("/", 1)[1][:1] == "4")
        site.done = stats.get_value("response_received_count", 0) - stats.get_value("robotstxt/response_count", 0)
        site.failed = stats.get_value("downloader/exception_count", 0) - robots_4xx + sum(
            v for k, v in counts.items()
            if k.startswith("downloader/response_status_count/") and k.rsplit("/", 1)[1][:1] in "45")
        engine = self.crawler.engine
        scheduler = getattr(getattr(engine, "_slot", None) or getattr(engine, "slot", None), "scheduler", None)
        queued = len(scheduler) if scheduler is not None and hasattr(scheduler, "__len__") else None
        if queued is None:
            queued = stats.get_value("scheduler/enqueued", 0) - stats.get_value("scheduler/dequeued", 0)
        site.queued = max(queued, 0) + len(getattr(engine.downloader, "active", ()))

    def spider_closed(self, spider, reason):
        self.board.unwatch(self)
        self.update()
        self.site.finished = True
        self.site.queued = 0
        if self.mode == "tty":
            self.board.draw_tty()
        else:
            self.board.plain(self.site)
