"""`mlis-crawler review`: list pending changes as the report shows them, accept, reject or revert them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from crawler.cli.common import data_option, handle_errors, open_data, open_data_readonly
from crawler.errors import ReviewError
from crawler.history.queries import change_status, institution_names
from crawler.history.review import decide, revert, unique
from crawler.report.describe import evidence_items, group, label, moves, percent_text, review_command, safe_url, visible
from crawler.report.describe import KINDS
from crawler.report.gather import pending_changes
from crawler.states import Kind


def term(text) -> str:
    """Page text made safe for a terminal: one line, every control character, escape sequence
    introducer and hidden or reordering character shown as ⟨U+XXXX⟩ (never sent raw)."""
    return " ".join(visible(text).split())


_JSON_HIDDEN = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
                          "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def safe_json(value) -> str:
    """JSON for scripts, readable (not ASCII-escaped), with no character a terminal would act on."""
    return _JSON_HIDDEN.sub(_json_escape, json.dumps(value, indent=2, ensure_ascii=False, default=str))


def pending_groups(db, site: str | None = None, field: str | None = None, kind: str | None = None) -> list[dict]:
    """Pending changes grouped as the report groups them (one card for one shared change)."""
    changes = [c for c in pending_changes(db)
               if (site is None or c["institution_id"] == site) and (field is None or c["field"] == field)
               and (kind is None or c["kind"] == kind)]
    return sorted(group(changes), key=lambda g: g["ids"][0])


def expand_groups(db, change_ids: list[int]) -> list[int]:
    """Each id with every pending change of its group (`--group`), in id order, each once."""
    by_id = {i: g["ids"] for g in pending_groups(db) for i in g["ids"]}
    out: list[int] = []
    for change_id in change_ids:
        if change_id not in by_id:
            status = change_status(db, change_id)
            raise ReviewError(f"no change {change_id}" if status is None else f"change {change_id} is {status}, not pending")
        out += [i for i in by_id[change_id] if i not in out]
    return out


def describe_group(g: dict, institutions: dict[str, str], data: Path) -> list[str]:
    """One group as plain lines, in the report's order: what, who, why held, old -> new, evidence, page."""
    c = g["change"]
    ids = g["ids"]
    what = f"{label(c)}: {KINDS.get(c['kind'], c['kind'])}" + (" (parser change)" if c["cause"] == "parser" else "")
    count = f"{len(ids)} changes" if len(ids) > 1 else "1 change"
    lines = [f"#{ids[0]}  {term(institutions.get(c['institution_id'], c['institution_id']))}: {term(what)}  [{count}]"]
    if len(ids) > 1:
        lines.append(f"    ids: {' '.join(f'#{i}' for i in ids)}")
    programs = g["programs"]
    if len(programs) == 1:
        lines.append(f"    program: {term(programs[0]['name'])} ({term(programs[0]['program_id'])})")
    else:
        lines.append(f"    {len(programs)} programs: {', '.join(term(p['program_id']) for p in programs)}")
    if c.get("reason") and c["kind"] != Kind.PROGRAM_ADDED:
        lines.append(f"    why held: {term(c['reason'])}")
    for m in moves(c):
        if m["op"] == "note":
            lines.append(f"    {term(m['text'])}")
        elif m["op"] == "added":
            lines.append(f"    + {term(m['new'])}")
        elif m["op"] == "removed":
            lines.append(f"    - {term(m['old'])}")
        else:
            pct = f"  ({percent_text(m['percent'])})" if m.get("percent") is not None else ""
            lines.append(f"    {term(m['old'])} -> {term(m['new'])}{pct}")
    for title, evidence in (("before", c["evidence_old"]), ("now", c["evidence_new"])):
        items = evidence_items(evidence)
        if not items and not (c["evidence_old"] or c["evidence_new"]):
            continue
        if not items:
            lines.append(f"    {title + ':':8}—")
        for e in items:
            where = safe_url(e["url"])
            source = f"  (from {where})" if where and where != c["source_url"] else ""
            lines.append(f"    {title + ':':8}“{term(e['text'])}”{source}")
    if c["source_url"]:
        page = safe_url(c["source_url"])
        lines.append(f"    page:   {page}" if page else f"    page (not a web link): {term(c['source_url'])}")
    lines.append(f"    waiting since {term(c['detected_at'])} (crawl {term(c['crawl_id'])})")
    flag = [ids[0]] if len(ids) > 1 else ids
    lines.append(f"    accept: {review_command(flag, data, group=len(ids) > 1)}")
    lines.append(f"    reject: {review_command(flag, data, group=len(ids) > 1, verb='reject')}")
    return lines


def _listing(db, data: Path, site, field, kind, fmt) -> None:
    groups = pending_groups(db, site, field, kind)
    if fmt == "json":
        click.echo(safe_json([{"group": g["ids"][0], "ids": g["ids"], "programs": g["programs"],
                               "moves": moves(g["change"]), **g["change"]} for g in groups]))
        return
    if not groups:
        filters = [f"--{k} {v}" for k, v in (("site", site), ("field", field), ("kind", kind)) if v]
        click.echo("No pending changes" + (f" matching {' '.join(filters)}." if filters else "."))
        return
    institutions = institution_names(db)
    total = sum(len(g["ids"]) for g in groups)
    click.echo(f"{total} pending change{'s' if total != 1 else ''} in {len(groups)} group{'s' if len(groups) != 1 else ''}. "
               "A group is one change shown once for every program it touches (as in the report); "
               "decide it whole with its first id and --group.")
    for g in groups:
        click.echo("")
        for line in describe_group(g, institutions, data):
            click.echo(line)


@click.group("review", invoke_without_command=True)
@data_option
@click.option("--site", metavar="NAME", help="Only this site's changes (the spider name, e.g. buffalo).")
@click.option("--field", metavar="FIELD", help="Only changes to this field (e.g. tuition, application_deadlines).")
@click.option("--kind", type=click.Choice([Kind.CHANGED, Kind.ADDED, Kind.REMOVED, Kind.PROGRAM_ADDED,
                                           Kind.PROGRAM_REMOVED, Kind.CONFLICT]), metavar="KIND",
              help="Only changes of this kind: changed, added, removed, program_added, program_removed, conflict.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json (one object per group, with every change's data) for scripts.")
@click.pass_context
@handle_errors
def command(ctx, data, site, field, kind, fmt):
    """List pending changes (held by the review policy), or accept / reject / revert them.

    Without a subcommand, lists what waits for a decision as the report shows it: identical
    changes to several programs (a shared tuition page) as one group, with the old and new
    values in words, the evidence before and now, the page, and the commands that decide it.
    A group is named by its first change id; `review accept ID --group` decides the whole
    group. Page text is shown with control and hidden characters made visible.

    Listing only reads (it works on a read-only data folder); accept, reject and revert change
    the accepted state and need write access. Every decision is kept on record with who
    (--by, default the login name), when and why (--reason, required to reject or revert), and
    shown in the reports.
    """
    ctx.obj = data
    if ctx.invoked_subcommand is None:
        _, db = open_data_readonly(data)
        _listing(db, data, site, field, kind, fmt)


by_option = click.option("--by", metavar="NAME", help="Who decides, kept on record (default: the login name).")


def _given_twice(change_ids) -> None:
    twice = sorted({i for i in change_ids if change_ids.count(i) > 1})
    if twice:
        click.echo(f"note: {', '.join(f'#{i}' for i in twice)} given more than once; each is decided once")


def _decide(accept: bool):
    @click.argument("change_ids", nargs=-1, required=True, type=int)
    @click.option("--reason", help="Why: kept on record with the decision" + ("." if accept else " (required)."))
    @click.option("--group", "whole_group", is_flag=True,
                  help="Decide every pending change in the group of each ID (as `review` lists them).")
    @by_option
    @data_option
    @click.pass_context
    @handle_errors
    def command(ctx, change_ids, reason, whole_group, by, data, use=None):
        data = ctx.obj if ctx.obj and data == Path("data") else data
        _given_twice(list(change_ids))
        paths, db = open_data(data)
        with paths.exclusive():
            ids = expand_groups(db, unique(list(change_ids))) if whole_group else unique(list(change_ids))
            outcomes = decide(db, ids, accept, reason, by, use)
        for outcome in outcomes:
            click.echo(outcome.describe())
        click.echo(f"{len(outcomes)} change(s) {'accepted' if accept else 'rejected'}; "
                   + (f"run `mlis-crawler publish --data {data}` to publish" if accept else "the published values stay as they are"))

    command.__doc__ = ("Accept pending changes: they become part of the published state at the next publish. "
                       "A conflict between pages is accepted with --use URL, naming the page that is right."
                       if accept else "Reject pending changes (--reason required): the published value stays; "
                                      "the same change is not asked again.")
    command.__doc__ += ("\n\n    All or none: an unknown, decided or stale id decides nothing (exit 2). Given the"
                        "\n    group flag, each ID stands for its whole group, as `review` lists it.")
    return command


command.command("accept")(click.option(
    "--use", metavar="URL", help="For a conflict (pages that disagree): the page whose value is right; it becomes "
                                 "the accepted value. A conflict with a single reading needs no --use.")(_decide(True)))
command.command("reject")(_decide(False))


@command.command("revert")
@click.argument("change_ids", nargs=-1, required=True, type=int)
@click.option("--reason", required=True, help="Why: kept on record with the revert (required).")
@by_option
@data_option
@click.pass_context
@handle_errors
def revert_command(ctx, change_ids, reason, by, data):
    """Undo accepted changes: the old value is accepted again, the change is marked reverted,
    and the next nights do not accept the same reading again (as if it had been rejected).

    Only the change that is published now for a value can be reverted; when several changes
    were applied to one value, revert the newest first (or use `mlis-crawler rollback`). Run
    `mlis-crawler publish` afterwards to publish the restored values.
    """
    data = ctx.obj if ctx.obj and data == Path("data") else data
    _given_twice(list(change_ids))
    paths, db = open_data(data)
    with paths.exclusive():
        outcomes = revert(db, unique(list(change_ids)), reason, by)
    for outcome in outcomes:
        click.echo(outcome.describe() + ": its old value is accepted again")
    click.echo(f"{len(outcomes)} change(s) reverted; run `mlis-crawler publish --data {data}` to publish")
