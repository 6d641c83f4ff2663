"""What every command shares: the --data option, one-line errors with their exit codes, opening
the data folder, and the closing lines of a job."""

from __future__ import annotations

import dataclasses
import difflib
import json
import logging
import os
import re
import sqlite3
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from crawler.commandline import command  # noqa: F401 (re-exported: every command the CLI prints starts here)
from crawler.config import CONFIG_NAME, Config, load_config
from crawler.datadir import DataDir
from crawler.errors import EXIT_FAILED, EXIT_SIGINT, ConfigError, HistoryError, MlisError
from crawler.night import NightResult
from crawler.states import Health

data_option = click.option(
    "--data", "data", type=click.Path(file_okay=False, path_type=Path), default=Path("data"), show_default=True,
    envvar="MLIS_DATA", help="Folder holding history.db, programs.db and reports/<crawl_id>/ (env MLIS_DATA).",
)


config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help=f"The TOML configuration file (default: <data>/{CONFIG_NAME}, if it exists). "
         "`mlis-crawler config` prints the effective configuration.",
)


def read_config(data: Path, config_file: Path | None, night: str | None = None) -> Config:
    """The configuration; for a night (`night`: refresh, ingest, renormalize) that cannot start
    because it does not load, the alert still goes out through its valid [notify] section."""
    try:
        config = load_config(data, config_file)
    except ConfigError as exc:
        if night is not None:
            from crawler.night.run import alert_config_failure

            alert_config_failure(data, config_file, night, exc)
        raise
    logging.getLogger("crawler.config").info("configuration: %s", config.source or "defaults (no config file)")
    return config


# -- -v / -q: on every command (added in crawler/cli/__init__.py) ----------------------------------

QUIET, NORMAL = -1, 0


def _set_verbosity(ctx: click.Context, param: click.Parameter, value) -> None:
    if not value:
        return
    level = ctx.meta.get("mlis.verbosity", NORMAL)
    level = QUIET if param.name == "quiet" else max(level, 0) + value
    ctx.meta["mlis.verbosity"] = level
    root = logging.getLogger("crawler")
    root.setLevel({QUIET: logging.ERROR, NORMAL: logging.WARNING, 1: logging.INFO}.get(level, logging.DEBUG))


def verbosity_options() -> list[click.Option]:
    return [
        click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_set_verbosity,
                     help="Say more: -v what each step does, -vv debugging detail."),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_verbosity,
                     help="Print only errors and the summary line (for cron)."),
    ]


def add_verbosity(command: click.Command) -> None:
    """-v / -q on a command and, for a group, on each of its subcommands."""
    if not any(p.name == "verbose" for p in command.params):
        command.params.extend(verbosity_options())
    for sub in getattr(command, "commands", {}).values():
        add_verbosity(sub)


def verbosity() -> int:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get("mlis.verbosity", NORMAL) if ctx is not None else NORMAL


def quiet() -> bool:
    return verbosity() <= QUIET


def say(line: str) -> None:
    """A progress line of a command: shown unless -q."""
    if not quiet():
        click.echo(line)


def _setup_logging() -> None:
    logger = logging.getLogger("crawler")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False


_setup_logging()


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
        except BrokenPipeError:  # `mlis-crawler review | head`: the reader has what it wanted; no error, no traceback
            _quiet_broken_pipe()
        except MlisError as exc:  # the product's own errors carry their exit code (crawler/errors.py)
            raise Fail(str(exc), exc.exit_code) from exc
        except sqlite3.DatabaseError as exc:
            corrupt = _corrupt_history(exc)
            if corrupt is None:
                raise Fail(_unexpected(exc, _data_folder(kwargs)), EXIT_FAILED) from exc
            raise Fail(corrupt, HistoryError.exit_code) from exc
        except (OSError, sqlite3.Error) as exc:
            raise Fail(_unexpected(exc, _data_folder(kwargs)), EXIT_FAILED) from exc
        except Exception as exc:  # last: a bug; still one line and exit 3, never "degraded"
            raise Fail(_unexpected(exc, _data_folder(kwargs)), EXIT_FAILED) from exc
    wrapper.__name__, wrapper.__doc__ = func.__name__, func.__doc__
    return wrapper


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports `yes | head`


def _quiet_broken_pipe() -> None:
    """Leave quietly when the output's reader went away: what was printed is all it read; what
    follows (Python flushing stdout at exit) must not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_BROKEN_PIPE)


def _corrupt_history(exc: sqlite3.DatabaseError) -> str | None:
    """For a command that only reads the history (`open_data_readonly`), a corrupt or foreign file
    found while reading it, in the words a write command uses when its integrity check finds one:
    exit 2 and the remedy, not a DatabaseError as if it were a bug. None for anything else."""
    ctx = click.get_current_context(silent=True)
    history = ctx.meta.get("mlis.history_readonly") if ctx is not None else None
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if history is None or not (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
                               or "malformed" in text or "not a database" in text):
        return None
    return (f"{history} is not a usable history database ({exc}): restore the last backup "
            f"(docs/operations.md, 'Failures and recovery'); nothing was changed")


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
        try:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            target = DataDir(data).write_last_error(f"{stamp} mlis-crawler {' '.join(sys.argv[1:])}\n"
                                                    + "".join(traceback.format_exception(exc)))
            return f"{line} (traceback in {target})"
        except (OSError, MlisError):  # no folder, or a symlink planted there: never written through
            pass
    return f"{line} (traceback not saved)"


# What the printed commands put where a reason goes ("…"), and its look-alikes: a placeholder pasted as
# printed is not a reason, and would go on record as one.
_PLACEHOLDER = re.compile(r"[\s.…_-]*|<[^<>]*>|\[[^\[\]]*\]|\{[^{}]*\}|(?:your |the )?(?:reason|why)\??", re.IGNORECASE)


def checked_reason(reason: str | None, what: str, undone: str, required: bool = False) -> str | None:
    """`--reason` as given, refused (exit 2) when it is missing but `required`, empty, or a placeholder
    such as the `"…"` the printed commands carry. `what` names the decision ("a rejection"), `undone`
    what therefore did not happen ("decided")."""
    if reason is None and not required:
        return None
    kept = "it is kept on record and shown in the reports"
    if not (reason or "").strip():
        if required:
            raise ConfigError(f"{what} needs --reason saying why ({kept}); nothing was {undone}")
        raise ConfigError(f"--reason is empty: write why in it ({kept}), or leave --reason out; nothing was {undone}")
    if _PLACEHOLDER.fullmatch(reason.strip()):
        optional = "" if required else ", or leave --reason out"
        raise ConfigError(f"--reason {json.dumps(reason, ensure_ascii=False)} is a placeholder, not a reason: "
                          f"write why in its place ({kept}){optional}; nothing was {undone}")
    return reason


def check_known(option: str, value: str | None, known, what: str) -> None:
    """A filter's value that names nothing (`--site bufallo`, `--field tuitoin`) is a typo, not an
    empty answer: exit 2 naming it, the close matches and the values `what` knows."""
    known = sorted(set(known))
    if value is None or value in known:
        return
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise ConfigError(f"unknown {option} {json.dumps(value, ensure_ascii=False)}{hint} "
                      f"({what}: {', '.join(known) or 'none yet'})")


def require_history(data: Path) -> None:
    """A command that reads the history stops here when there is none, naming the likely cause."""
    if DataDir(data).has_history():
        return
    message = f"no history at {DataDir(data).history}"
    ctx = click.get_current_context(silent=True)
    source = ctx.get_parameter_source("data") if ctx is not None and "data" in ctx.params else None
    parent = ctx.parent if ctx is not None else None
    if source is click.core.ParameterSource.DEFAULT and isinstance(getattr(parent, "obj", None), Path):
        source = None  # `review --data DIR accept ...`: the group's --data was given
    if source in (click.core.ParameterSource.DEFAULT, None) and data == Path("data"):
        message += (": is --data missing? Every command reads ./data unless given --data DIR (or MLIS_DATA); "
                    f"for a new data folder, run `{command('refresh', '--data')} DIR` first")
    else:
        message += f": run `{command('refresh', '--data', data)}` first"
    raise ConfigError(message)


def open_data(data: Path):
    """For a command that changes state: the data folder must be writable; history migrated."""
    require_history(data)
    paths = DataDir(data)
    return paths, paths.open_history()


def open_data_readonly(data: Path):
    """For a command that only looks (`review` listing, `report`, `crawls`, `history`): reads
    history.db without writing anything, taking no lock and making no migration, so it works
    on a folder this user cannot write (a backup, a read-only share, another user's cron folder)."""
    require_history(data)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:  # a corrupt page met later, by any query, is this file's fault (handle_errors)
        ctx.meta["mlis.history_readonly"] = DataDir(data).history
    return DataDir(data), DataDir(data).open_history_readonly()


def someone_working(data: Path) -> bool:
    """Whether a process holds the data folder's lock now (a crawl marked running is alive)."""
    return DataDir(data).someone_working()


def print_result(result: NightResult) -> None:
    from crawler.report.terminal import term  # names from feeds and pages: never a control sequence

    click.echo(term(result.summary))
    if quiet():
        return
    for name, health in sorted(result.health.items()):
        if health != Health.OK:
            click.echo(f"  {term(name)}: {health}")
    click.echo(f"Published database: {result.programs_db}")
    click.echo(f"Change report:      {result.report_dir / 'report.html'} (also report.md, report.json)")


def finish(result: NightResult, replay: Path | None = None) -> None:
    """The closing lines of a night and its exit code: its report for a dry run, else its summary
    and where the published file and the report are."""
    if result.dry_run:
        from crawler.report import render_markdown

        click.echo(result.summary if quiet() else render_markdown(result.report), nl=quiet())
    else:
        print_result(result)
    if result.all_failed:
        where = f" (or the replay folder {replay} holds none of their pages)" if replay else ""
        from crawler.report.gather import out_of_memory

        cause = "the crawl ran out of memory (MEMUSAGE_LIMIT_MB; split the night: docs/operations.md, " \
                "'How many sites one machine carries')" if out_of_memory(result.report) else \
                f"probably our network (DNS, proxy, firewall){where}"
        click.echo(f"mlis-crawler: every site failed: {cause}, not the sites; the published values were kept", err=True)
    if result.exit_code:
        sys.exit(result.exit_code)


def crawl_config(config: Config) -> Config:
    """The configuration a crawl runs with: -q also silences the crawl's progress lines."""
    if not quiet():
        return config
    crawl = dataclasses.replace(config.crawl, settings={**config.crawl.settings, "MLIS_PROGRESS": "off"})
    return dataclasses.replace(config, crawl=crawl)
