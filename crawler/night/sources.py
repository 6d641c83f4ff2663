"""Where a night's pages come from: the sites (live, or a recorded snapshot replayed), feeds
crawled elsewhere (Scrapyd jobs, another machine), or the evidence a published crawl stored
(re-read with today's normalizers).

A source checks its inputs before the data folder is locked (`check`), writes its crawl's row
once the lock is held and earlier nights are settled (`begin`), and names the steps that stage
its items (`steps`). Everything after staging is the same night for every source."""

from __future__ import annotations

import json
import re
import shutil
import stat
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from crawler.commandline import command
from crawler.config import Config
from crawler.datadir import DataDir
from crawler.errors import ConfigError, FeedError
from crawler.history.db import last_good_sizes, latest_published
from crawler.history.renormalize import reread
from crawler.history.stage import CrawlDir, SpiderData, read_crawl_dir, stage
from crawler.night.crawl import Signals, check_spiders, run_crawl
from crawler.night.feed import (FETCH_DEADLINE_SECONDS, FETCH_MAX_BYTES, RECEIVED, Checked, Refused, Scope,
                                check_feed, check_url, fetch)

SNAPSHOT_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # a source that is a URL (anything else names a folder)


def observed_on(replay: Path | None) -> str:
    """Values are verified on the day the pages were read: a snapshot's capture date, or today."""
    if replay is not None and SNAPSHOT_DATE.match(replay.resolve().name):
        return replay.resolve().name
    return date.today().isoformat()


def read_feeds(crawl_dir: Path, names: list[str]) -> CrawlDir:
    """What the crawl left behind, for every spider asked for; a spider that left nothing failed.

    A feed with a malformed line before its last (a broken file, not a crawl cut short) fails
    its spider, with the reason as its finish reason (so in its errors and the report); the
    feed is set aside as `items-<name>.jsonl.malformed` and the other feeds are read as usual.
    """
    malformed: dict[str, str] = {}
    while True:
        try:
            found = read_crawl_dir(crawl_dir)
            break
        except FeedError as exc:
            malformed[exc.path.stem.removeprefix("items-")] = str(exc)
            exc.path.rename(exc.path.with_name(exc.path.name + ".malformed"))
    for name in names:
        found.setdefault(name, SpiderData(name))
    for name, reason in malformed.items():
        data = found.setdefault(name, SpiderData(name))
        data.summary = {**(data.summary or {}), "finish_reason": f"malformed feed: {reason}"}
        found[name] = data  # held as changed (a CrawlDir builds each spider anew when asked)
    return found


@dataclass
class Sites:
    """The nightly crawl: the live sites, or a recorded snapshot (`replay`) answering for them.
    `settings` overrides Scrapy settings of the crawl child on top of the config file's [crawl]
    (`--set KEY=VALUE`), e.g. the loopback routing of the tests and benchmarks."""

    replay: Path | None = None
    spiders: list[str] = field(default_factory=list)
    settings: dict[str, str] | None = None
    kind = "refresh"
    names: list[str] = field(default_factory=list, init=False)
    absent: list[str] = field(default_factory=list, init=False)  # replay: spiders the snapshot holds no page of

    def check(self, paths: DataDir) -> None:
        if self.replay is not None and not self.replay.is_dir():
            raise ConfigError(f"replay folder not found: {self.replay}")
        paths.ensure_writable()
        self.names = check_spiders(self.spiders or [])
        if self.replay is not None and not self.spiders:  # a spider named with --spider is crawled all the same
            from crawler.crawl.recordings import in_snapshot

            self.names, self.absent = in_snapshot(self.names, self.replay)

    def begin(self, db, paths: DataDir, crawl_id: str, signals: Signals, log) -> dict:
        signals.stop_if_asked("before the crawl began (nothing was crawled)")
        log(f"crawl {crawl_id}: {len(self.names)} spider(s) from {self.replay or 'the live sites'}")
        if self.absent:
            log(f"not in this snapshot, so not crawled (their published values stay as they are): {', '.join(self.absent)}")
        return {"kind": "crawl", "cause": "site", "source": str(self.replay) if self.replay else "live",
                "observed_on": observed_on(self.replay), "spiders": ",".join(self.names)}

    def steps(self, db, paths: DataDir, crawl_id: str, signals: Signals, config: Config):
        from crawler.crawl.conditional import prune_cache, write_validators  # Scrapy: only nights that crawl

        crawl_dir = paths.crawl_dir(crawl_id)
        crawl_dir.mkdir(parents=True, exist_ok=True)  # each page's last good size, for the truncation check
        paths.page_history(crawl_id).write_text(json.dumps({
            "min_size_ratio": config.policy.min_size_ratio,
            "sizes": last_good_sizes(db, self.names, config.policy.size_memory)}))
        # Conditional GET: each page whose latest read was good is asked "changed since?" (crawl/conditional.py).
        write_validators(db.conn, paths.validators(crawl_id))
        own = {"MLIS_PAGE_HISTORY": str(paths.page_history(crawl_id)), "MLIS_PAGE_CACHE": str(paths.pages),
               "MLIS_VALIDATORS": str(paths.validators(crawl_id))}
        child_settings = {**config.crawl.overrides(), **own, **(self.settings or {})}
        return [
            ("before the crawl", lambda: run_crawl(crawl_dir, self.replay, self.names, signals, child_settings)),
            ("during the crawl", lambda: stage(db, crawl_id, read_feeds(crawl_dir, self.names))),
            ("after staging", lambda: prune_cache(db.conn, paths.pages)),
        ]


@dataclass
class Feeds:
    """Feeds crawled elsewhere. Each source is a folder holding `items-<spider>.jsonl` and
    `summary-<spider>.json` (what `python -m crawler.crawl --out` and a Scrapyd job with FEEDS and
    MLIS_SUMMARY_DIR leave), or an http(s) URL of one feed file or summary on loopback (a Scrapyd
    node's files through an SSH tunnel; `feed.fetch` says how they are read, within
    `fetch_seconds` for all of them and `fetch_bytes` each). They are copied into the crawl's own
    `received/` folder first, so the history keeps what was ingested; then every line passes the
    feed boundary (crawler/night/feed.py: its spider's own ids and hosts, typed values, counts
    that match the summary), and what passes is staged. A spider whose summary is missing failed
    (the job did not finish), as in a local crawl; so did one whose feed was refused or could not
    be fetched; the other spiders are ingested all the same."""

    sources: list[str]
    observed_on: str | None = None
    label: str | None = None
    fetch_seconds: float = FETCH_DEADLINE_SECONDS
    fetch_bytes: int = FETCH_MAX_BYTES
    kind = "ingest"
    names: list[str] = field(default_factory=list, init=False)
    not_received: dict[str, str] = field(default_factory=dict, init=False)  # spider -> why its download failed
    checked: list[Checked] = field(default_factory=list, init=False)
    domains: dict[str, list[str]] = field(default_factory=dict, init=False)  # every spider's allowed domains
    log: Callable[[str], None] = field(default=print, init=False)

    def check(self, paths: DataDir) -> None:
        if self.observed_on is not None and not SNAPSHOT_DATE.match(self.observed_on):
            raise ConfigError(f"--observed-on expects YYYY-MM-DD, not {self.observed_on!r}")
        files: dict[str, str] = {}  # file name -> the source it comes from
        for source in self.sources:
            for name in self._names(source):
                if name in files:
                    raise ConfigError(f"{name} comes from two sources ({files[name]} and {source}): ingest one of them")
                files[name] = source
        self.names = sorted({spider_of(name) for name in files})
        from crawler.crawl.recordings import spider_domains  # Scrapy: the spiders' allowed domains

        self.domains = spider_domains()
        unknown = [n for n in self.names if n not in self.domains]
        if unknown:
            raise ConfigError(f"feeds of unknown spider {', '.join(unknown)} (not in `scrapy list` here, so their "
                              "ids and hosts cannot be checked): deploy the same project version")
        paths.ensure_writable()

    @staticmethod
    def _names(source: str) -> list[str]:
        """The feed files a source brings, checked before the data folder is locked."""
        if URL.match(source):
            try:
                return [check_url(source)]
            except Refused as exc:
                raise ConfigError(f"{source}: {exc} (only loopback http(s) URLs of single feed files are read: copy "
                                  "remote feeds first, or reach a node through an SSH tunnel)") from None
        folder = Path(source)
        if not folder.is_dir():
            raise ConfigError(f"feed folder not found: {source}")
        files = sorted(f.name for f in [*folder.glob("items-*.jsonl"), *folder.glob("summary-*.json")])
        if not files:
            raise ConfigError(f"no items-<spider>.jsonl in {source}")
        return files

    def begin(self, db, paths: DataDir, crawl_id: str, signals: Signals, log) -> dict:
        received = paths.crawl_dir(crawl_id) / RECEIVED
        received.mkdir(parents=True, exist_ok=True)
        self.log = log
        deadline = time.monotonic() + self.fetch_seconds
        for source in self.sources:
            self._copy(source, received, deadline)
        log(f"crawl {crawl_id}: ingesting {len(self.names)} spider(s) from {len(self.sources)} source(s)")
        return {"kind": "crawl", "cause": "site", "source": self.label or " ".join(self.sources),
                "observed_on": self.observed_on or date.today().isoformat(), "spiders": ",".join(self.names)}

    def _copy(self, source: str, received: Path, deadline: float) -> None:
        if URL.match(source):
            name = check_url(source)
            try:
                fetch(source, received / name, deadline, self.fetch_bytes)
            except Refused as exc:
                self._not_received(name, f"{source}: {exc}")
            return
        for name in self._names(source):
            path = Path(source) / name
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > self.fetch_bytes:
                why = "not a regular file" if not stat.S_ISREG(info.st_mode) else f"over {self.fetch_bytes} bytes"
                self._not_received(name, f"{path}: {why}")
                continue
            shutil.copyfile(path, received / name, follow_symlinks=False)

    def _not_received(self, name: str, reason: str) -> None:
        spider = spider_of(name)
        self.not_received[spider] = "; ".join(filter(None, [self.not_received.get(spider), f"{name} not received ({reason})"]))
        self.log(f"refused: {name} not received ({reason})")

    def check_feeds(self, crawl_dir: Path) -> None:
        """Every spider's feed through the boundary: what passes is written beside `received/`."""
        for name in self.names:
            checked = check_feed(crawl_dir / RECEIVED, crawl_dir, Scope(name, self.domains), self.not_received.get(name))
            self.checked.append(checked)
            if checked.refused:
                self.log(f"refused: {name}'s feed ({checked.refused}); {name} failed, its published values are kept")
            for reason in checked.refused_values:
                self.log(f"refused: {name}: {reason}")

    def steps(self, db, paths: DataDir, crawl_id: str, signals: Signals, config: Config):
        crawl_dir = paths.crawl_dir(crawl_id)
        return [("before checking the feeds", lambda: self.check_feeds(crawl_dir)),
                ("before staging", lambda: stage(db, crawl_id, read_feeds(crawl_dir, self.names)))]


def spider_of(file_name: str) -> str:
    """The spider a feed file belongs to: items-<spider>.jsonl, summary-<spider>.json."""
    return file_name.removeprefix("items-").removeprefix("summary-").removesuffix(".jsonl").removesuffix(".json")


@dataclass
class Evidence:
    """The latest published crawl's stored evidence, re-read with today's normalizers. Only the
    latest published crawl can be re-read: re-reading an older one would replay stale pages over
    newer values."""

    crawl_id: str | None = None
    kind = "renormalize"
    based_on: str | None = field(default=None, init=False)

    def check(self, paths: DataDir) -> None:
        if not paths.has_history():
            raise ConfigError(f"no history at {paths.history}: run `{command('refresh', '--data', paths.data)}` first")
        paths.ensure_writable()

    def begin(self, db, paths: DataDir, crawl_id: str, signals: Signals, log) -> dict:
        latest = latest_published(db)
        if latest is None:
            raise ConfigError("no published crawl to re-read")
        self.based_on = self.crawl_id or latest
        if self.based_on != latest:
            raise ConfigError(f"only the latest published crawl ({latest}) can be re-read, not {self.based_on}")
        source, observed = db.execute("SELECT source, observed_on FROM crawls WHERE crawl_id = ?",
                                      [self.based_on]).fetchone()
        return {"kind": "renormalize", "cause": "parser", "based_on": self.based_on,
                "source": f"evidence of crawl {self.based_on} ({source})", "observed_on": observed}

    def steps(self, db, paths: DataDir, crawl_id: str, signals: Signals, config: Config):
        return [("before the re-read", lambda: stage(db, crawl_id, reread(db, self.based_on)))]
