"""`mlis-crawler`: a thin command layer over `crawler.jobs` and the history, publish and report modules.

Exit codes (docs/cli.md):
  0  done, every site healthy
  1  done, but some sites were degraded or failed (their published values were kept)
  2  usage or configuration error (bad option, missing replay folder, unwritable data folder,
     unknown spider, unusable history database)
  3  could not run (another process holds the data folder, a publish check failed, an unexpected
     error such as a file where a folder should be; its traceback goes to <data>/last-error.txt)
"""

from __future__ import annotations

import json
import sqlite3
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from crawler.errors import EXIT_DEGRADED, EXIT_FAILED, ConfigError, MlisError
from crawler.history.db import latest_published, open_history
from crawler.history.review import decide, pending
from crawler.jobs import RefreshResult, check_data_dir, exclusive, recover, refresh
from crawler.publish import publish
from crawler.report import build_report, render_html, render_markdown

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


def _errors(func):
    """Turn every failure into one clear line and a documented exit code: the known ones by
    their kind, anything unexpected (a file where a folder should be, a disk error, a bug) as 3,
    with its traceback saved in the data folder rather than on the terminal."""
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own ways out
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


def _history(data: Path):
    if not (data / "history.db").exists():
        raise ConfigError(f"no history at {data / 'history.db'}: run `mlis-crawler refresh --data {data}` first")
    paths = check_data_dir(data)
    return paths, open_history(paths.history)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlis-crawler")
def main():
    """Nightly refresh of online library-science master's program facts.

    Crawl the universities' pages (or recorded copies of them), compare with what is
    published, hold suspicious changes for review, publish programs.db and a change report.
    """


@main.command("refresh")
@click.option("--replay", type=click.Path(path_type=Path), help="Answer every request from this recorded snapshot "
              "(fixtures/sites/<date>/) instead of the live sites.")
@data_option
@click.option("--spider", "spiders", multiple=True, metavar="NAME",
              help="Crawl only this spider (repeatable); default: all. `scrapy list` shows the names.")
@_errors
def refresh_command(replay, data, spiders):
    """The nightly job: crawl, stage, reconcile, review policy, publish, report.

    Prints a summary and where programs.db and the report are. Exits 0 when every site is
    healthy, 1 when some were degraded or failed (their values were kept), 2 on bad input,
    3 when it could not run (another process holds the data folder, the new file failed its
    checks, or an unexpected error: its traceback is saved in <data>/last-error.txt).
    """
    result = refresh(data, replay, list(spiders), log=lambda line: click.echo(line))
    _print_result(result)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)


@main.command("renormalize")
@data_option
@click.option("--crawl", "crawl_id", help="The crawl whose evidence to re-read (default and only choice: the latest published).")
@_errors
def renormalize_command(data, crawl_id):
    """Re-read stored evidence with the current normalizers; changes are labelled as the parser's.

    Exits like refresh: 0 when every re-read site is healthy, 1 when some were degraded or
    failed (their values were kept), 2 on bad input, 3 when it could not run.
    """
    from crawler.jobs import renormalize

    result = renormalize(data, crawl_id, log=lambda line: click.echo(line))
    _print_result(result)
    if not result.healthy:
        sys.exit(EXIT_DEGRADED)


@main.group("review", invoke_without_command=True)
@data_option
@click.pass_context
@_errors
def review_group(ctx, data):
    """List pending changes (held by the review policy), or accept / reject them."""
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        _, db = _history(data)
        rows = pending(db)
        if not rows:
            click.echo("No pending changes.")
        for change in rows:
            click.echo(f"#{change['change_id']} {change['program_id']} {change['field'] or ''} {change['kind']} "
                       f"(crawl {change['crawl_id']}, {change['detected_at']})")
            click.echo(f"    {json.dumps(change['old'])} -> {json.dumps(change['new'])}")
            click.echo(f"    why held: {change['reason']}")
            for piece in change["evidence_new"] or []:  # page text: JSON-quoted, so no control characters reach the terminal
                click.echo(f"    evidence: {json.dumps(piece.get('text'))} ({json.dumps(piece.get('url'))})")
            if change["source_url"]:
                click.echo(f"    page: {change['source_url']}")


def _decide(accept: bool):
    @click.argument("change_ids", nargs=-1, required=True, type=int)
    @click.option("--reason", help="Why: recorded with the decision.")
    @data_option
    @click.pass_context
    @_errors
    def command(ctx, change_ids, reason, data):
        data = ctx.obj if ctx.obj and data == Path("data") else data
        paths, db = _history(data)
        with exclusive(paths):
            decide(db, list(change_ids), accept, reason)
        verb = "accepted" if accept else "rejected"
        click.echo(f"{verb} {', '.join(f'#{i}' for i in change_ids)}; run `mlis-crawler publish --data {data}` to publish")

    command.__doc__ = ("Accept pending changes: they become part of the published state at the next publish."
                       if accept else "Reject pending changes: the published value stays; the same change is not asked again.")
    return command


review_group.command("accept")(_decide(True))
review_group.command("reject")(_decide(False))


@main.command("publish")
@data_option
@_errors
def publish_command(data):
    """Rebuild programs.db from the accepted values and swap it in atomically."""
    paths, db = _history(data)
    with exclusive(paths):
        recover(db, paths, log=click.echo)  # a crawl killed after reconcile is published under its own id
        target = publish(db.conn, paths.data, latest_published(db))
    click.echo(f"published {target}")


@main.command("report")
@data_option
@click.option("--crawl", "crawl_id", help="Crawl id (default: the latest published crawl).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="md", show_default=True)
@_errors
def report_command(data, crawl_id, fmt):
    """Print the change report of a crawl (default: the latest published one)."""
    _, db = _history(data)
    if crawl_id is None:  # a failed or unfinished crawl published nothing: its report is asked for by id
        crawl_id = latest_published(db)
        if crawl_id is None:
            raise ConfigError("no published crawl to report on yet")
    elif db.execute("SELECT 1 FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone() is None:
        raise ConfigError(f"no crawl {crawl_id}")
    report = build_report(db, crawl_id)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render_markdown(report) if fmt == "md" else render_html(report), nl=False)


def _print_result(result: RefreshResult) -> None:
    click.echo(result.summary)
    for name, health in sorted(result.health.items()):
        if health != "ok":
            click.echo(f"  {name}: {health}")
    click.echo(f"Published database: {result.programs_db}")
    click.echo(f"Change report:      {result.report_dir / 'report.html'} (also report.md, report.json)")
