"""A data folder (`--data`, default ./data): where each of its files lives, opening it, its lock.

The one module that spells a data folder's file names; everything else asks a `DataDir`:

    history.db             the history (crawls, observations, changes, decisions, reports)
    programs.db            the published file (and its companions beside it, crawler/publish/)
    previous/              the published files it replaced (crawler/publish/)
    mlis-crawler.toml      the configuration file, when there is one (crawler/config.py)
    crawls/<crawl_id>/     each crawl's feeds, log, page-history and validators files
    reports/<crawl_id>/    each crawl's report (report.json, report.md, report.html)
    pages/                 the page cache of the conditional GET (crawler/crawl/conditional.py)
    backups/               the nightly copies of history.db (crawler/housekeeping.py)
    .lock                  held by the one process that changes the folder
    last-error.txt         the traceback of the last unexpected failure of a command
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crawler.errors import ConfigError, ReadOnlyError, RefreshError

HISTORY = "history.db"
PUBLISHED = "programs.db"
CONFIG = "mlis-crawler.toml"
LOCK = ".lock"
LAST_ERROR = "last-error.txt"
PREVIOUS = "previous"
CRAWLS = "crawls"
REPORTS = "reports"
PAGES = "pages"
BACKUPS = "backups"
PAGE_HISTORY = "page-history.json"  # in a crawl's folder; read by crawler/crawl/pagecheck.py (MLIS_PAGE_HISTORY)
VALIDATORS = "validators.json"      # in a crawl's folder; read by crawler/crawl/conditional.py (MLIS_VALIDATORS)


@dataclass(frozen=True)
class DataDir:
    data: Path

    # -- where each file lives --------------------------------------------------------------------
    history = property(lambda self: self.data / HISTORY)
    programs = property(lambda self: self.data / PUBLISHED)
    previous = property(lambda self: self.data / PREVIOUS)
    config = property(lambda self: self.data / CONFIG)
    lock = property(lambda self: self.data / LOCK)
    last_error = property(lambda self: self.data / LAST_ERROR)
    crawls = property(lambda self: self.data / CRAWLS)
    reports = property(lambda self: self.data / REPORTS)
    pages = property(lambda self: self.data / PAGES)
    backups = property(lambda self: self.data / BACKUPS)

    def crawl_dir(self, crawl_id: str) -> Path:
        return self.crawls / crawl_id

    def report_dir(self, crawl_id: str) -> Path:
        return self.reports / crawl_id

    def page_history(self, crawl_id: str) -> Path:
        return self.crawl_dir(crawl_id) / PAGE_HISTORY

    def validators(self, crawl_id: str) -> Path:
        return self.crawl_dir(crawl_id) / VALIDATORS

    # -- what state it is in ----------------------------------------------------------------------
    def has_history(self) -> bool:
        """Whether a night ever ran here (the commands that read the history need one)."""
        return self.history.exists()

    def writable(self) -> bool:
        """Whether this process may change the folder (and so history.db and its journal)."""
        return os.access(self.data, os.W_OK | os.X_OK) and (not self.history.exists()
                                                             or os.access(self.history, os.W_OK))

    # -- opening it -------------------------------------------------------------------------------
    def ensure_writable(self) -> "DataDir":
        """For a command that changes state: the folder exists (made if need be) and is writable."""
        try:
            self.data.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the data folder {self.data}: {exc.strerror}") from exc
        if not self.writable():
            raise ReadOnlyError(f"the data folder {self.data} is not writable by this user: this command changes state "
                                "(the commands that only look, `review` listing, `report`, `crawls`, `history`, "
                                "work read-only)")
        return self

    def open_history(self):
        """history.db, created and migrated if need be (the folder must be writable)."""
        from crawler.history.db import open_history

        return open_history(self.ensure_writable().history)

    def open_history_readonly(self):
        """history.db read without writing anything: no lock, no migration, no file created."""
        from crawler.history.db import open_history_readonly

        return open_history_readonly(self.history)

    # -- the lock ---------------------------------------------------------------------------------
    @contextmanager
    def exclusive(self):
        """One night (or review, or publish) at a time per data folder."""
        with open(self.lock, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RefreshError(f"another mlis-crawler process is working on {self.data}") from None
            yield

    def someone_working(self) -> bool:
        """Whether a process holds the lock now (a crawl marked running is alive). Asks for a
        shared lock on the lock file, opened read-only, and lets it go at once: needs no write access."""
        try:
            with open(self.lock, "rb") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    return True
                fcntl.flock(lock, fcntl.LOCK_UN)
        except OSError:
            return False
        return False
