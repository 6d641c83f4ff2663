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

The folder is shared with people who may write into it (maintainers who `review accept`), so
what the program makes here follows no symlink: `.lock` is opened with O_NOFOLLOW and never
truncated, `last-error.txt` and the backups are written under a fresh name (O_EXCL, O_NOFOLLOW)
and renamed over the old one, and a crawl's or report's folder is one plain name resolved under
its parent (`crawls/`, `reports/`), refused otherwise. A command that changes state adds "others
may not write" to the process's umask, so nothing it makes (folders, the lock, reports, the
crawl child's files) is world-writable even under umask 000.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crawler.errors import ConfigError, ReadOnlyError, RefreshError, UnsafePathError

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

PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")  # one path component, no "..", no "/"
NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK  # O_NONBLOCK: a FIFO planted there cannot hang us


def no_world_write() -> None:
    """Add "others may not write" to this process's umask (inherited by the crawl child)."""
    mask = os.umask(0o022)
    os.umask(mask | 0o002)


def under(root: Path, name: str) -> Path:
    """`root / name` for one plain name (a crawl id), resolved under `root`; refused otherwise."""
    if not PLAIN_NAME.match(name or ""):
        raise UnsafePathError(f"refusing {name!r} as a name under {root}: one plain file or folder name expected")
    path = root / name
    if path.parent.resolve() != root.resolve() or (path.is_symlink()):
        raise UnsafePathError(f"refusing to write {path}: it is a symlink or not under {root}")
    return path


def open_nofollow(path: Path, flags: int, mode: int = 0o666) -> int:
    """os.open without following a symlink at `path`, and only onto a regular file; a clear
    error naming the path otherwise. A file it creates gets `mode` less the umask (which
    `no_world_write` keeps from granting others write), as `open()` would: group-writable where
    the operator's umask shares the folder with a group (maintainers who `review accept`)."""
    try:
        fd = os.open(path, flags | NOFOLLOW, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP or path.is_symlink():
            raise UnsafePathError(f"refusing to open {path}: it is a symlink (the program never writes through "
                                  "one in the data folder; remove it)") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafePathError(f"refusing to open {path}: not a regular file")
    return fd


def write_new(path: Path, data: bytes, mode: int = 0o666, before_replace: Callable[[], None] | None = None) -> None:
    """Write `path` as a new file: a fresh temporary name beside it (O_EXCL, no symlink
    followed), then renamed over it; whatever was at `path` (a symlink, a hard link to another
    file) is replaced, never written through. `before_replace` runs between the two (a crash
    test's checkpoint)."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)  # a leftover of a killed run, or a planted symlink: removed, not followed
    fd = open_nofollow(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
        return under(self.crawls, crawl_id)

    def report_dir(self, crawl_id: str) -> Path:
        return under(self.reports, crawl_id)

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
        no_world_write()
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
        no_world_write()
        fd = open_nofollow(self.lock, os.O_RDWR | os.O_CREAT)  # never truncated, never through a symlink
        with os.fdopen(fd, "r+b") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RefreshError(f"another mlis-crawler process is working on {self.data}") from None
            yield

    def write_last_error(self, text: str) -> Path:
        """<data>/last-error.txt, replaced as a new file (never written through a symlink)."""
        write_new(self.last_error, text.encode("utf-8"))
        return self.last_error

    def someone_working(self) -> bool:
        """Whether a process holds the lock now (a crawl marked running is alive). Asks for a
        shared lock on the lock file, opened read-only, and lets it go at once: needs no write access."""
        try:
            with os.fdopen(open_nofollow(self.lock, os.O_RDONLY), "rb") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    return True
                fcntl.flock(lock, fcntl.LOCK_UN)
        except (OSError, UnsafePathError):
            return False
        return False
