"""One night, whatever its source: lock → recover → record the crawl → the source stages →
reconcile under the configured policy → publish → report → alerts and the history backup.

`Night(data, Sites(...))` is the nightly refresh, `Night(data, Feeds(...))` an ingest,
`Night(data, Evidence())` a renormalize; `dry_run=True` runs the same night on a scratch copy of
the history and hands back its report, changing nothing in the data folder. Because every job is
this one night, each gets the review policy of the configuration file, a full disk as a clear
storage error (exit 3), alerts after success and after failure, the backup of the history, and
the same exit codes (`NightResult.exit_code`).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Callable

from crawler import __version__
from crawler.commandline import command
from crawler.config import Config, load_config
from crawler.datadir import DataDir
from crawler.errors import EXIT_FAILED, ClockError, ConfigError, UnsafePathError
from crawler.fields import PARSER_VERSION
from crawler.history.db import open_history, storage_errors
from crawler.night.crawl import Signals
from crawler.night.result import NightResult
from crawler.night.sources import Evidence, Feeds, Sites
from crawler.night.steps import check_observed_on, new_crawl_id, recover, run_steps
from crawler.states import CrawlStatus

DRY_RUN = "DRY RUN, nothing was published or recorded: "
log = logging.getLogger("crawler.night")


@dataclass
class Night:
    data: Path
    source: Sites | Feeds | Evidence
    config: Config | None = None  # None: the data folder's configuration file, or the defaults
    log: Callable[[str], None] = print
    dry_run: bool = False
    allow_older: bool = False  # the operator's --allow-older: pages older than the last published night's

    def run(self) -> NightResult:
        config = self.config if self.config is not None else load_config(self.data)
        if self.dry_run:
            return self._dry(config)
        try:
            result = self._night(DataDir(self.data), config)
        except (ClockError, UnsafePathError) as exc:  # a clock gone back, a planted symlink: a cron night stopped
            alert_failure(config, self.source.kind, exc)
            raise
        except ConfigError:
            raise  # a usage error: the operator sees it at once
        except Exception as exc:
            alert_failure(config, self.source.kind, exc, self.data)
            raise
        result.backup_failed = back_up(DataDir(self.data), config, result.crawl_id)
        alert_result(config, result)
        return result

    def _night(self, paths: DataDir, config: Config) -> NightResult:
        self.source.check(paths)
        if isinstance(self.source, Sites) and self.source.replay is None and not config.crawl.has_contact:
            raise ConfigError("a live crawl needs the operator's contact in its user agent: set [crawl] contact "
                              f"in the configuration file (`{command('config')}` shows where it is read)")
        with storage_errors(paths.history), paths.exclusive(), Signals() as signals:  # a full disk is not a corrupt history
            db = open_history(paths.history)
            recover(db, paths, self.log)
            crawl_id = new_crawl_id()
            row = self.source.begin(db, paths, crawl_id, signals, self.log)
            try:
                check_observed_on(db, row["observed_on"], self.allow_older)
            except ClockError:
                shutil.rmtree(paths.crawls / crawl_id, ignore_errors=True)  # what begin() copied (ingest)
                raise
            db["crawls"].insert({
                "crawl_id": crawl_id, **row, "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "status": CrawlStatus.RUNNING, "code_version": __version__, "parser_version": PARSER_VERSION,
            })
            steps = self.source.steps(db, paths, crawl_id, signals, config)
            return run_steps(db, paths, crawl_id, signals, steps, self.log, config.policy, config.warnings())

    def _dry(self, config: Config) -> NightResult:
        """The night on a scratch folder in the system's temporary directory holding a copy of the
        history (SQLite's online backup API, through a read-only connection) and of the published
        file; the scratch folder is deleted afterwards, so the real files stay byte-identical."""
        real = DataDir(self.data)
        if isinstance(self.source, Evidence) and not real.has_history():
            raise ConfigError(f"no history at {real.history}: nothing to re-read")
        with tempfile.TemporaryDirectory(prefix="mlis-dry-run-") as tmp:
            scratch = DataDir(Path(tmp) / "data")
            scratch.data.mkdir()
            with storage_errors(real.history):  # reading it needs room for its shared-memory file
                copy_history(real, scratch)
            result = self._night(scratch, config)
        report = {**result.report, "summary": DRY_RUN + result.report["summary"], "dry_run": True,
                  "data_dir": str(real.data)}  # the commands it shows name the real folder
        night = NightResult.of(report, None, real.programs)
        night.dry_run = True
        return night


def copy_history(source: DataDir, scratch: DataDir) -> None:
    import shutil

    if source.history.exists():
        src = sqlite3.connect(f"file:{source.history}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(scratch.history)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    if source.programs.exists():
        shutil.copy2(source.programs, scratch.programs)


# -- the end of a night: the history backup, then alerts ---------------------------------------------
# A failed backup fails the night's exit code (3) and alerts with its reason: backups that stop
# silently are found only on the day one is needed. An alert that cannot be delivered never fails it.

def alert_result(config: Config, result: NightResult) -> None:
    """Alert as [notify] says when the night has broken sites or pending changes, or its backup failed."""
    from crawler import notify

    night = notify.night_from_report(result.report, result.report_dir, result.programs_db.parent.absolute())
    if result.backup_failed:
        night.failed = result.backup_failed
    notify.alert(config.notify, night)


def alert_config_failure(data: Path, config_file: Path | None, kind: str, failed: ConfigError) -> None:
    """A night that cannot start because its configuration does not load still alerts, through the
    file's [notify] section when that part is valid on its own (nothing to alert through otherwise)."""
    from crawler.config import salvage_notify

    notify = salvage_notify(data, config_file)
    if notify is not None:
        alert_failure(Config(notify=notify), kind, failed, data)


def alert_failure(config: Config, kind: str, failed: BaseException, data: Path | None = None) -> None:
    from crawler import notify

    message = str(failed) or type(failed).__name__
    notify.alert(config.notify, notify.Night(
        summary=f"mlis-crawler {kind} {datetime.now(UTC).date()}: failed: {message}", failed=message, report_dir=None,
        data=str(Path(data).absolute()) if data is not None else None))


def back_up(paths: DataDir, config: Config, crawl_id: str) -> str | None:
    """Copy the history into the backups folder ([retention] backups_keep); the reason it failed, if it did."""
    from crawler.housekeeping import backup_history

    try:
        backup_history(paths.data, config.retention.backups_keep, crawl_id)
    except (OSError, sqlite3.Error, ConfigError) as exc:
        reason = f"the history backup into {paths.backups} failed: {exc}"
        log.error("%s (the night itself was published; exit %d)", reason, EXIT_FAILED)
        return reason
    return None
