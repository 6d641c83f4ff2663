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
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from crawler.commandline import command
from crawler.config import Config
from crawler.datadir import DataDir
from crawler.errors import ConfigError, FeedError
from crawler.history.db import last_good_sizes, latest_published
from crawler.history.renormalize import reread
from crawler.history.stage import CrawlDir, SpiderData, read_crawl_dir, stage
from crawler.night.crawl import Signals, check_spiders, run_crawl

SNAPSHOT_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FEED_FILE = re.compile(r"(items-[\w-]+\.jsonl|summary-[\w-]+\.json)")


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
    node's items/ listing serves them); they are copied into the crawl's own folder first, so the
    history keeps what was ingested. A spider whose summary is missing failed (the job did not
    finish), as in a local crawl."""

    sources: list[str]
    observed_on: str | None = None
    label: str | None = None
    kind = "ingest"
    names: list[str] = field(default_factory=list, init=False)

    def check(self, paths: DataDir) -> None:
        if self.observed_on is not None and not SNAPSHOT_DATE.match(self.observed_on):
            raise ConfigError(f"--observed-on expects YYYY-MM-DD, not {self.observed_on!r}")
        paths.ensure_writable()

    def begin(self, db, paths: DataDir, crawl_id: str, signals: Signals, log) -> dict:
        crawl_dir = paths.crawl_dir(crawl_id)
        crawl_dir.mkdir(parents=True, exist_ok=True)
        for source in self.sources:
            self._copy(source, crawl_dir)
        self.names = sorted({f.stem.removeprefix("items-").removeprefix("summary-")
                             for f in [*crawl_dir.glob("items-*.jsonl"), *crawl_dir.glob("summary-*.json")]})
        if not self.names:
            raise ConfigError("nothing to ingest: no feeds found")
        log(f"crawl {crawl_id}: ingesting {len(self.names)} spider(s) from {len(self.sources)} source(s)")
        return {"kind": "crawl", "cause": "site", "source": self.label or " ".join(self.sources),
                "observed_on": self.observed_on or date.today().isoformat(), "spiders": ",".join(self.names)}

    @staticmethod
    def _copy(source: str, crawl_dir: Path) -> None:
        if urlsplit(source).scheme in ("http", "https"):
            name = Path(urlsplit(source).path).name
            if not FEED_FILE.fullmatch(name):
                raise ConfigError(f"not a feed or summary URL (items-<spider>.jsonl, summary-<spider>.json): {source}")
            if urlsplit(source).hostname not in ("127.0.0.1", "localhost", "::1"):
                raise ConfigError(f"only loopback URLs are read (copy remote feeds first): {source}")
            with urllib.request.urlopen(source, timeout=60) as answer, (crawl_dir / name).open("wb") as out:
                shutil.copyfileobj(answer, out)
            return
        folder = Path(source)
        if not folder.is_dir():
            raise ConfigError(f"feed folder not found: {source}")
        files = sorted([*folder.glob("items-*.jsonl"), *folder.glob("summary-*.json")])
        if not files:
            raise ConfigError(f"no items-<spider>.jsonl in {source}")
        for file in files:
            shutil.copyfile(file, crawl_dir / file.name)

    def steps(self, db, paths: DataDir, crawl_id: str, signals: Signals, config: Config):
        return [("before staging", lambda: stage(db, crawl_id, read_feeds(paths.crawl_dir(crawl_id), self.names)))]


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
