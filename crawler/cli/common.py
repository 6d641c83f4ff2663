"""What every command shares: the --data option, one-line errors with their exit codes, opening
the data folder, and the closing lines of a job."""

from __future__ import annotations

import sqlite3
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from crawler.errors import EXIT_FAILED, EXIT_SIGINT, ConfigError, MlisError
from crawler.history.db import open_history, open_history_readonly
from crawler.jobs import RefreshResult, check_data_dir
from crawler.states import Health

data_option = click.option(
    "--data", "data", type=click.Path(file_okay=False, path_type=Path), default=Path("data"), show_default=True,
    envvar="MLIS_DATA", help="Folder holding history.db, programs.db and reports/<crawl_id>/ (env MLIS_DATA).",
)


class Fail(click.ClickException):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.exit_code = code

    def show(self, file=None):
        click.echo(f"mlis-crawler: error: {self.message}", err=True)


def handle_errors(func):
    """Turn every failure into one clear line and a documented exit code: the known ones by
    their kind, anything unexpected (a file where a folder should be, a disk error, a bug) as 3,
    with its traceback saved in the data folder rather than on the terminal."""
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own ways out
        except KeyboardInterrupt as exc:  # Ctrl-C outside a job's own handling: 130, never click's "Aborted!" and 1
            raise Fail("interrupted by SIGINT", EXIT_SIGINT) from exc
        except MlisError as exc:  # the product's own errors carry their exit code (crawler/errors.py)
            raise Fail(str(exc), exc.exit_code) from exc
        except (OSError, sqlite3.Error) as exc:
            raise Fail(_unexpected(exc, _data_folder(kwargs)), EXIT_FAILED) from exc
        except Exception as exc:  # last: a bug; still one line and exit 3, never "degraded"
            raise Fail(_unexpected(exc, _data_folder(kwargs)), EXIT_FAILED) from exc
    wrapper.__name__, wrapper.__doc__ = func.__name__, func.__doc__
    return wrapper


def _data_folder(kwargs) -> Path | None:
    data = kwargs.get("data")
    ctx = click.get_current_context(silent=True)
    if ctx is not None and isinstance(ctx.obj, Path) and data == Path("data"):
        data = ctx.obj  # review accept/reject: --data given to `review`
    return data if isinstance(data, Path) else None


def _unexpected(exc: Exception, data: Path | None) -> str:
    """One line for an unexpected failure; the traceback goes to <data>/last-error.txt when it can."""
    if isinstance(exc, OSError) and exc.strerror:
        what = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
        if exc.filename2:
            what += f" -> {exc.filename2}"
    else:
        what = str(exc) or type(exc).__name__
    line = " ".join(f"{type(exc).__name__}: {what}".split())  # one line, whatever the message holds
    if data is not None:
        target = data / "last-error.txt"
        try:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            target.write_text(f"{stamp} mlis-crawler {' '.join(sys.argv[1:])}\n"
                              + "".join(traceback.format_exception(exc)), encoding="utf-8")
            return f"{line} (traceback in {target})"
        except OSError:
            pass
    return f"{line} (traceback not saved)"


def open_data(data: Path):
    """For a command that changes state: the data folder must be writable; history migrated."""
    if not (data / "history.db").exists():
        raise ConfigError(f"no history at {data / 'history.db'}: run `mlis-crawler refresh --data {data}` first")
    paths = check_data_dir(data)
    return paths, open_history(paths.history)


def open_data_readonly(data: Path):
    """For a command that only looks (`review` listing, `report`, `crawls`, `history`): reads
    history.db without writing anything, taking no lock and making no migration, so it works
    on a folder this user cannot write (a backup, a read-only share, another user's cron folder)."""
    from crawler.jobs import Paths

    if not (data / "history.db").exists():
        raise ConfigError(f"no history at {data / 'history.db'}: run `mlis-crawler refresh --data {data}` first")
    return Paths(data), open_history_readonly(data / "history.db")


def someone_working(data: Path) -> bool:
    """Whether a process holds the data folder's lock now (a crawl marked running is alive).
    Asks for a shared lock on .lock, opened read-only, and lets it go at once: needs no write access."""
    import fcntl

    try:
        with open(data / ".lock", "rb") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(lock, fcntl.LOCK_UN)
    except OSError:
        return False
    return False



def print_result(result: RefreshResult) -> None:
    click.echo(result.summary)
    for name, health in sorted(result.health.items()):
        if health != Health.OK:
            click.echo(f"  {name}: {health}")
    click.echo(f"Published database: {result.programs_db}")
    click.echo(f"Change report:      {result.report_dir / 'report.html'} (also report.md, report.json)")
