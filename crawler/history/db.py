"""The history database (DESIGN section 5): everything the crawler has ever seen.

It is the source of truth; `programs.db` is derived from it. Its schema only moves forward,
through the migrations below (sqlite-utils `Migrations`, recorded in `_sqlite_migrations`).
Money and every other value are stored as JSON text (decimals as strings), never floats.

Tables:
- crawls         one row per refresh or renormalize: when, from where, and how far it got
- spider_runs    per crawl and spider: finish reason, health, counts, errors, stats
- pages          the ledger: every URL a crawl scheduled and its outcome
- facts          raw evidence as crawled (field, exact text, URL, target programs) and the
                 value the normalizer read from it, or the problem
- observations   per crawl, program and field: the merged value, its state and evidence
- seen_programs  per crawl: the programs a spider yielded, with a hash of their values
- institutions   the universities, as their spiders describe them
- programs       per program: status (active, unseen, removed) and the accepted-state hash
- current        the accepted state: per program and field, the value downstream sees
- changes        every difference reconcile found, its status and the review decision
- decisions      every maintainer's decision on a change (accept, reject, revert): who, when, why
- night_reports  the report each crawl wrote (report.json as written), so it keeps its word
- publishes      every publish of programs.db: which crawl, when, and how far the applied changes went
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crawler.commandline import command
from crawler.errors import HistoryError, MlisError, StorageError
from crawler.states import VALUE_KINDS

migrations = Migrations("mlis-history")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE crawls (
            crawl_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'crawl',          -- crawl | renormalize
            cause TEXT NOT NULL DEFAULT 'site',          -- site | parser
            based_on TEXT,                               -- renormalize: the crawl re-read
            source TEXT NOT NULL,
            started_at TEXT NOT NULL,
            observed_on TEXT NOT NULL,                   -- the date values are verified on (a replay: its capture date)
            finished_at TEXT,
            status TEXT NOT NULL,                        -- running | staged | reconciled | published | failed
            code_version TEXT,
            parser_version TEXT,
            spiders TEXT,                                -- JSON list asked for
            error TEXT
        );
        CREATE TABLE spider_runs (
            crawl_id TEXT NOT NULL REFERENCES crawls(crawl_id),
            spider TEXT NOT NULL,
            finish_reason TEXT,
            health TEXT,                                 -- ok | degraded | failed
            quarantined INTEGER NOT NULL DEFAULT 0,
            pages INTEGER, programs INTEGER,
            coverage TEXT,                               -- JSON: field -> share of programs with a value
            errors TEXT,                                 -- JSON list of reasons
            stats TEXT,
            PRIMARY KEY (crawl_id, spider)
        );
        CREATE TABLE pages (
            crawl_id TEXT NOT NULL, url TEXT NOT NULL, spider TEXT NOT NULL,
            outcome TEXT NOT NULL, status INTEGER, final_url TEXT, redirect_urls TEXT,
            sha256 TEXT, size INTEGER, fetched_at TEXT, error TEXT,
            PRIMARY KEY (crawl_id, url)
        );
        CREATE TABLE facts (
            crawl_id TEXT NOT NULL, seq INTEGER NOT NULL, institution_id TEXT NOT NULL,
            field TEXT NOT NULL, programs TEXT NOT NULL, text TEXT, url TEXT NOT NULL,
            missing TEXT, value TEXT, problem TEXT,
            PRIMARY KEY (crawl_id, seq)
        );
        CREATE TABLE observations (
            crawl_id TEXT NOT NULL, program_id TEXT NOT NULL, field TEXT NOT NULL,
            state TEXT NOT NULL,                         -- value | none | unknown
            value TEXT, evidence TEXT, source_url TEXT, problem TEXT, fetch_failed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (crawl_id, program_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE seen_programs (
            crawl_id TEXT NOT NULL, program_id TEXT NOT NULL, institution_id TEXT NOT NULL,
            url TEXT, content_hash TEXT NOT NULL,
            PRIMARY KEY (crawl_id, program_id)
        ) WITHOUT ROWID;
        CREATE TABLE institutions (
            institution_id TEXT PRIMARY KEY, name TEXT, city TEXT, state TEXT, control TEXT,
            website TEXT, ipeds_unitid TEXT
        );
        CREATE TABLE programs (
            program_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, url TEXT,
            status TEXT NOT NULL,                        -- active | unseen | removed
            first_seen TEXT NOT NULL, last_seen TEXT, missed_crawls INTEGER NOT NULL DEFAULT 0,
            content_hash TEXT
        );
        CREATE TABLE current (
            program_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT, evidence TEXT,
            source_url TEXT, crawl_id TEXT NOT NULL, verified_at TEXT NOT NULL,
            PRIMARY KEY (program_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE changes (
            change_id INTEGER PRIMARY KEY,
            crawl_id TEXT NOT NULL, program_id TEXT NOT NULL, field TEXT,
            kind TEXT NOT NULL, status TEXT NOT NULL, cause TEXT NOT NULL DEFAULT 'site',
            old TEXT, new TEXT, evidence_old TEXT, evidence_new TEXT, source_url TEXT,
            reason TEXT, initial_load INTEGER NOT NULL DEFAULT 0,
            detected_at TEXT NOT NULL, decided_at TEXT, decision_reason TEXT
        );
        CREATE INDEX changes_by_crawl ON changes(crawl_id);
        CREATE INDEX changes_by_status ON changes(status);
        CREATE INDEX changes_by_field ON changes(program_id, field);
        """
    )


@migrations()
def m002_per_site_indexes(db: Database) -> None:
    """Stage and reconcile work one site at a time: find a site's programs, its seen programs in
    a crawl and its last healthy run without scanning every site's rows (which made a national
    catalogue of thousands of sites quadratic)."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS seen_programs_by_site ON seen_programs(crawl_id, institution_id);
        CREATE INDEX IF NOT EXISTS programs_by_site ON programs(institution_id);
        CREATE INDEX IF NOT EXISTS spider_runs_by_spider ON spider_runs(spider);
        """
    )


@migrations()
def m003_on_record(db: Database) -> None:
    """Every night and every decision on record (issue 11).

    - `changes.decided_by`: who decided (the login name, or `--by`);
    - `changes.applied_seq`: the order in which accepted changes became the accepted state, kept
      by triggers whatever accepts them (reconcile, a maintainer, a change no longer held), so a
      rollback can undo exactly what was applied after a publish, newest first;
    - `decisions`: one row per accept, reject or revert, with who, when and why;
    - `night_reports`: report.json as each crawl wrote it (`report --crawl` shows it, not a
      rebuild from today's state) and the last decision it had seen;
    - `publishes`: each publish, its crawl and the last applied change it contains.
    """
    value_kinds = ", ".join(f"'{k}'" for k in VALUE_KINDS)
    db.executescript(
        f"""
        ALTER TABLE changes ADD COLUMN decided_by TEXT;
        ALTER TABLE changes ADD COLUMN applied_seq INTEGER;
        CREATE INDEX changes_by_applied ON changes(applied_seq);
        CREATE TRIGGER changes_applied_on_insert AFTER INSERT ON changes
        WHEN NEW.status = 'accepted' AND NEW.kind IN ({value_kinds})
        BEGIN
            UPDATE changes SET applied_seq = (SELECT coalesce(max(applied_seq), 0) + 1 FROM changes)
            WHERE change_id = NEW.change_id;
        END;
        CREATE TRIGGER changes_applied_on_accept AFTER UPDATE OF status ON changes
        WHEN NEW.status = 'accepted' AND OLD.status != 'accepted' AND NEW.kind IN ({value_kinds})
        BEGIN
            UPDATE changes SET applied_seq = (SELECT coalesce(max(applied_seq), 0) + 1 FROM changes)
            WHERE change_id = NEW.change_id;
        END;
        CREATE TABLE decisions (
            decision_id INTEGER PRIMARY KEY,
            change_id INTEGER NOT NULL REFERENCES changes(change_id),
            action TEXT NOT NULL,                        -- accept | reject | revert
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            reason TEXT,
            rollback_to TEXT                             -- the crawl a rollback restored, when part of one
        );
        CREATE INDEX decisions_by_change ON decisions(change_id);
        CREATE TABLE night_reports (
            crawl_id TEXT PRIMARY KEY REFERENCES crawls(crawl_id),
            written_at TEXT NOT NULL,
            decisions_upto INTEGER NOT NULL DEFAULT 0,   -- the last decision this report had seen
            report TEXT NOT NULL                         -- report.json, as written that night
        );
        CREATE TABLE publishes (
            publish_id INTEGER PRIMARY KEY,
            crawl_id TEXT,                               -- the crawl its meta names
            kind TEXT NOT NULL DEFAULT 'night',          -- night | publish | rollback
            published_at TEXT NOT NULL,
            applied_upto INTEGER NOT NULL DEFAULT 0,     -- max(changes.applied_seq) it contains
            decisions_upto INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX publishes_by_crawl ON publishes(crawl_id);
        """
    )
    # Changes accepted before this migration: their order of application is their id order.
    db.execute(f"""UPDATE changes SET applied_seq = change_id
                   WHERE status = 'accepted' AND kind IN ({value_kinds})""")


@migrations()
def m004_page_validators(db: Database) -> None:
    """Each page's validators and type, for the next night's conditional GET (crawl/conditional.py),
    and an index to find a URL's latest read."""
    db.executescript(
        """
        ALTER TABLE pages ADD COLUMN etag TEXT;
        ALTER TABLE pages ADD COLUMN last_modified TEXT;
        ALTER TABLE pages ADD COLUMN content_type TEXT;
        CREATE INDEX IF NOT EXISTS pages_by_final_url ON pages(final_url);
        """
    )


def open_history_readonly(path: Path) -> Database:
    """Open the history database for reading only: no lock, no migration, no file created.

    Used by the commands that only look (`review` listing, `report`, `crawls`, `history`), so
    they work for a maintainer who is not the cron user, on a backup or a read-only share. The
    file is opened `mode=ro`; where SQLite cannot (a WAL database in a folder nobody may write,
    whose -shm cannot be made), `immutable=1`, which reads the file as it is on disk.
    """
    if not path.exists():
        raise HistoryError(f"no history at {path}")
    uri = path.resolve().as_uri()
    last = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{flags}", uri=True, timeout=30)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            break
        except sqlite3.OperationalError as exc:
            last = exc
    else:
        raise HistoryError(f"cannot read {path} ({last})")
    db = Database(conn)
    try:
        todo = [m.name for m in migrations.pending(db)]
    except sqlite3.DatabaseError as exc:
        raise HistoryError(f"{path} is not a usable history database ({exc})") from exc
    if todo:
        raise HistoryError(f"{path} needs a migration ({', '.join(todo)}) that a read-only command cannot make: "
                           f"run a command that changes state (e.g. `{command('publish')}`) as a user who may write "
                           "the data folder")
    return db


def open_history(path: Path) -> Database:
    """Open (creating if needed) and migrate the history database; raise HistoryError when the
    file is corrupt or not ours, StorageError when the disk is the trouble (full, read-only, no
    permission, locked, I/O error): the two need different remedies."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with storage_errors(path):
        try:
            conn = sqlite3.connect(path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")  # local only; the published file stays in DELETE mode
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            db = Database(conn)
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise HistoryError(f"{path} failed its integrity check: {check}")
            migrations.apply(db)
        except sqlite3.DatabaseError as exc:
            if storage_problem(path, exc) is not None:
                raise
            raise HistoryError(f"{path} is not a usable history database ({exc})") from exc
    return db


# -- the disk, not the data --------------------------------------------------------------------

LOW_SPACE = 1024 * 1024  # an I/O error with less free space than this is a full disk
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_DENIED_ERRNOS = {errno.EACCES, errno.EROFS}  # EPERM (a folder where a file should be ...) is not the disk


def storage_problem(path: Path, exc: BaseException) -> str | None:
    """What is wrong with the storage under `path` (a message with its remedy), or None when the
    error is not about storage (a corrupt or foreign file, a bug). SQLite names its errors
    (`sqlite_errorname`); an I/O error on a disk with almost no free space is a full disk."""
    path = Path(exc.filename) if isinstance(exc, OSError) and exc.filename else path
    folder = path if path.is_dir() else path.parent
    name = getattr(exc, "sqlite_errorname", "") or ""
    code = getattr(exc, "errno", None)
    code = code if code in _FULL_ERRNOS | _DENIED_ERRNOS | {errno.EIO} else None
    if isinstance(exc, sqlite3.DatabaseError) and not name:
        text = str(exc).lower()  # older builds: no error name, only the message
        name = ("SQLITE_FULL" if "disk is full" in text else "SQLITE_IOERR" if "disk i/o" in text
                else "SQLITE_READONLY" if "readonly" in text else "SQLITE_BUSY" if "locked" in text
                else "SQLITE_CANTOPEN" if "unable to open" in text else "")
    if not name and code is None:
        return None
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    full = (name.startswith("SQLITE_FULL") or code in _FULL_ERRNOS
            or ((name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or code is not None) and free is not None
                and free < LOW_SPACE))
    if full:
        return (f"no space left on the disk holding {folder} ({free if free is not None else '?'} bytes free): "
                f"nothing was changed and history.db and programs.db are intact; free some space (old "
                f"crawls/<crawl_id>/ folders can go) and run again; do not restore a backup")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) or code in _DENIED_ERRNOS \
            or (name.startswith("SQLITE_CANTOPEN") and not os.access(folder, os.W_OK)):
        return (f"cannot write {path}: permission denied or a read-only file system; run as the user that owns "
                f"the data folder (or remount it read-write) and run again; the files are intact")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (f"{path} is locked by another program (an open sqlite3 shell, a backup in progress?): close it "
                f"and run again; the files are intact")
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or code is not None:
        return (f"the disk could not read or write {path} ({exc}): check the disk and the system log (dmesg) "
                f"before anything else; nothing was changed, so do not restore a backup unless the disk is lost")
    return None


@contextmanager
def storage_errors(path: Path):
    """Storage failures inside the block as StorageError (exit 3, with their remedy); anything
    else passes through unchanged."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        if isinstance(exc, MlisError):
            raise
        problem = storage_problem(path, exc)
        if problem is None:
            raise
        raise StorageError(problem) from exc


def last_good_sizes(db: Database, spiders: list[str], memory: int) -> dict[str, int]:
    """URL -> size of its last good copy (outcome ok) among each spider's last `memory` crawls:
    what the page self-check compares tonight's copy with (a page much smaller is `truncated`)."""
    sizes: dict[str, int] = {}
    for spider in spiders:
        sizes.update(db.execute(
            """SELECT p.url, p.size FROM pages p JOIN crawls c ON c.crawl_id = p.crawl_id
               WHERE p.spider = :spider AND p.outcome = 'ok' AND p.size > 0 AND c.rowid IN (
                 SELECT c2.rowid FROM spider_runs r JOIN crawls c2 ON c2.crawl_id = r.crawl_id
                 WHERE r.spider = :spider ORDER BY c2.rowid DESC LIMIT :memory)
               ORDER BY c.rowid""", {"spider": spider, "memory": memory}).fetchall())
    return sizes


def newest_published_day(db: Database) -> tuple[str, str] | None:
    """(crawl_id, observed_on) of the published night whose pages are the newest: what a night's
    date is compared with (time only moves forward). A date on record later than its own crawl's
    start (an --observed-on in the future, taken before that check existed) is itself wrong and
    is passed over, so that it cannot bar or hold every later night."""
    row = db.execute(
        "SELECT crawl_id, observed_on FROM crawls WHERE status = 'published' "
        "AND observed_on <= date(substr(started_at, 1, 10), '+1 day') "
        "ORDER BY observed_on DESC, rowid DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def latest_published(db: Database) -> str | None:
    """The crawl the published file reflects: the newest one that was published (insertion
    order; started_at has one-second resolution)."""
    row = db.execute("SELECT crawl_id FROM crawls WHERE status = 'published' ORDER BY rowid DESC LIMIT 1").fetchone()
    return row[0] if row else None
