"""The change report of one crawl (DESIGN section 8): report.json, report.md, report.html.

`build_report` gathers everything from the history database into one plain dict (that is
report.json); the Markdown and HTML renderers only lay it out. Decisions come first
(pending changes, broken sites), then accepted changes grouped by university and program.
Page text is untrusted: the HTML template autoescapes everything, links are kept only when
they are http(s), and Markdown output escapes every character Markdown would act on.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from decimal import Decimal, InvalidOperation
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlite_utils import Database

from crawler.diff import diff_items, percent
from crawler.faults import checkpoint
from crawler.fields import FIELDS
from crawler.policy import BREAKAGE

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# -- gathering ----------------------------------------------------------------------------------

def build_report(db: Database, crawl_id: str) -> dict[str, Any]:
    crawl = dict(zip(
        ("crawl_id", "kind", "cause", "based_on", "source", "started_at", "finished_at", "observed_on", "status"),
        db.execute("""SELECT crawl_id, kind, cause, based_on, source, started_at, finished_at, observed_on, status
                      FROM crawls WHERE crawl_id = ?""", [crawl_id]).fetchone(),
    ))
    names = dict(db.execute(
        """SELECT n.program_id, json_extract(n.value, '$') || coalesce(' — ' || json_extract(c.value, '$'), '')
           FROM current n LEFT JOIN current c ON c.program_id = n.program_id AND c.field = 'concentration'
           WHERE n.field = 'name'"""))
    institutions = dict(db.execute("SELECT institution_id, name FROM institutions"))
    changes = [_change(row, names) for row in db.execute(_CHANGES + " WHERE crawl_id = ? ORDER BY change_id", [crawl_id])]
    still_pending = [_change(row, names) for row in db.execute(
        _CHANGES + " WHERE status = 'pending' AND crawl_id != ? ORDER BY change_id", [crawl_id])]
    spiders = [_spider(db, row, crawl) for row in db.execute(
        "SELECT spider, health, quarantined, pages, programs, errors FROM spider_runs WHERE crawl_id = ? ORDER BY spider",
        [crawl_id])]
    unseen = [{"program_id": p, "missed_crawls": m} for p, m in db.execute(
        "SELECT program_id, missed_crawls FROM programs WHERE status = 'unseen' ORDER BY program_id")]
    counts = {
        "accepted": sum(c["status"] == "accepted" and c["kind"] not in BREAKAGE for c in changes),
        "initial_load": sum(bool(c["initial_load"]) for c in changes),
        "pending": sum(c["status"] == "pending" for c in changes),
        "rejected": sum(c["status"] == "rejected" for c in changes),
        "breakage": sum(c["kind"] in BREAKAGE for c in changes),
        "still_pending": len(still_pending),
        "sites_broken": sum(s["health"] != "ok" for s in spiders),
    }
    report = {
        **crawl,
        "finished_at": crawl["finished_at"] or datetime.now(UTC).isoformat(timespec="seconds"),
        "institutions": institutions,
        "spiders": spiders,
        "counts": counts,
        "changes": changes,
        "still_pending": still_pending,
        "unseen": unseen,
    }
    report["summary"] = summary_line(report)
    return report


_CHANGES = """SELECT change_id, crawl_id, program_id, field, kind, status, cause, old, new, evidence_old, evidence_new,
                     source_url, reason, initial_load, detected_at, decided_at, decision_reason FROM changes"""


def _change(row: tuple, names: dict[str, str]) -> dict[str, Any]:
    keys = ("change_id", "crawl_id", "program_id", "field", "kind", "status", "cause", "old", "new", "evidence_old",
            "evidence_new", "source_url", "reason", "initial_load", "detected_at", "decided_at", "decision_reason")
    change = dict(zip(keys, row))
    for key in ("old", "new", "evidence_old", "evidence_new"):
        change[key] = json.loads(change[key]) if change[key] else None
    change["initial_load"] = bool(change["initial_load"])
    change["institution_id"] = change["program_id"].split("/")[0]
    change["program_name"] = names.get(change["program_id"])
    if not change["program_name"] and change["kind"] == "program_added" and isinstance(change["new"], dict):
        change["program_name"] = change["new"].get("name")
    spec = FIELDS.get(change["field"] or "")
    if spec and spec.many and change["kind"] == "changed":
        change["items"] = diff_items(change["field"], change["old"], change["new"])
    elif spec and spec.money and change["kind"] == "changed":
        change["percent"] = percent(change["old"], change["new"])
    return change


def _spider(db: Database, row: tuple, crawl: dict) -> dict[str, Any]:
    name, health, quarantined, pages, programs, errors = row
    since = None
    if health != "ok":
        last_ok = db.execute(
            """SELECT max(c.started_at) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health = 'ok' AND c.started_at < ?""", [name, crawl["started_at"]]).fetchone()[0]
        since = db.execute(
            """SELECT min(c.observed_on) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health != 'ok' AND c.started_at > coalesce(?, '')""", [name, last_ok]).fetchone()[0]
    return {"name": name, "health": health, "quarantined": bool(quarantined), "pages": pages, "programs": programs,
            "errors": json.loads(errors or "[]"), "broken_since": since}


def summary_line(report: dict) -> str:
    """One line, fit for a mail subject."""
    c = report["counts"]
    published = c["accepted"] - c["initial_load"]
    parts = [f"{published} change{'s' if published != 1 else ''} published"]
    if c["initial_load"]:
        parts.append(f"{c['initial_load']} program{'s' if c['initial_load'] != 1 else ''} seen for the first time")
    if c["pending"] or c["still_pending"]:
        parts.append(f"{c['pending'] + c['still_pending']} waiting for review")
    broken = [s["name"] for s in report["spiders"] if s["health"] != "ok"]
    if broken:
        parts.append(f"{len(broken)} site{'s' if len(broken) != 1 else ''} broken ({', '.join(broken)})")
    if not c["accepted"] and not c["pending"] and not c["still_pending"] and not broken:
        parts = ["no changes"]
    kind = "renormalize" if report["kind"] == "renormalize" else "refresh"
    return f"mlis-crawler {kind} {report['observed_on']}: {'; '.join(parts)}"


# -- describing values ----------------------------------------------------------------------------

def describe(field: str | None, value: Any) -> str:
    """A value as a maintainer reads it: "$900.00 per credit (online campus)", "Fall Mar 15"."""
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(describe(field, v) for v in value) or "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        if "amount_usd" in value:
            who = {"any": None, "in_state": "in-state", "out_of_state": "out-of-state", "international": "international"}
            qualifiers = [q for q in (who[value["residency"]], value.get("applies_to")) if q]
            label = "" if value["kind"] == "tuition" else "fee "
            return f"{label}{dollars(value['amount_usd'])} per {value['per']}" + (f" ({', '.join(qualifiers)})" if qualifiers else "")
        if "kind" in value and "date" in value:
            term = (value.get("term") or "any term").capitalize()
            when = "rolling" if value["date"] is None else _date(value["date"])
            qualifiers = [value["kind"]] + ([value["applies_to"]] if value.get("applies_to") else [])
            return f"{term} {when} ({', '.join(qualifiers)})"
        if "status" in value:
            exams = "/".join(value.get("exams") or []) or "entrance exam"
            text = f"{exams} {value['status'].replace('_', ' ')}"
            return text + (f": {value['condition']}" if value.get("condition") else "")
        if "months_min" in value:
            low, high = value.get("months_min"), value.get("months_max")
            return f"{low}-{high} months" if low != high and low and high else f"{low or high} months"
        return ", ".join(f"{k}: {describe(None, v)}" for k, v in value.items())
    if field in ("tuition", "fees", "application_fee"):
        return dollars(value)
    return str(value)


def dollars(amount: Any) -> str:
    try:
        return f"${Decimal(str(amount)):,.2f}"
    except (InvalidOperation, ValueError):
        return f"${amount}"


def _date(iso: str) -> str:
    match = re.match(r"^(\d{4}|-)-(\d\d)-(\d\d)$", iso)
    if not match:
        return iso
    year, month, day = match.groups()
    return f"{MONTHS[int(month) - 1]} {int(day)}" + (f", {year}" if year != "-" else "")


def evidence_text(evidence: Any) -> str:
    if not evidence:
        return ""
    if isinstance(evidence, list):
        return " | ".join(e.get("text", "") for e in evidence if isinstance(e, dict))
    return str(evidence)


def safe_url(url: Any) -> str | None:
    return url if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>`]+$", url) else None


# -- grouping for the renderers -------------------------------------------------------------------

def group(changes: list[dict]) -> list[dict]:
    """Identical changes to several programs (a shared tuition page) shown once, with the list."""
    groups: dict[tuple, dict] = {}
    for c in changes:
        key = (c["institution_id"], c["field"], c["kind"], c["status"], json.dumps(c["old"], sort_keys=True),
               json.dumps(c["new"], sort_keys=True) if c["kind"] != "program_added" else c["change_id"])
        entry = groups.setdefault(key, {"change": c, "programs": [], "ids": []})
        entry["programs"].append({"program_id": c["program_id"], "name": c["program_name"] or c["program_id"]})
        entry["ids"].append(c["change_id"])
    return list(groups.values())


def sections(report: dict) -> dict[str, Any]:
    changes = report["changes"]
    accepted = [c for c in changes if c["status"] == "accepted" and c["kind"] not in BREAKAGE and not c["initial_load"]]
    by_institution: dict[str, list] = defaultdict(list)
    for c in accepted:
        by_institution[c["institution_id"]].append(c)
    baselines: dict[str, list] = defaultdict(list)
    breakage: dict[str, list] = defaultdict(list)
    for c in changes:
        if c["initial_load"]:
            baselines[c["institution_id"]].append(c)
        if c["kind"] in BREAKAGE:
            breakage[c["institution_id"]].append(c)
    return {
        "pending": group([c for c in changes if c["status"] == "pending"] + report["still_pending"]),
        "broken": [s for s in report["spiders"] if s["health"] != "ok"],
        "accepted": {i: group(cs) for i, cs in sorted(by_institution.items())},
        "baselines": dict(sorted(baselines.items())),
        "breakage": dict(sorted(breakage.items())),
        "rejected": [c for c in changes if c["status"] == "rejected"],
    }


def change_lines(change: dict) -> list[str]:
    """old -> new, in words; for lists, one line per item that moved."""
    field = change["field"]
    if change["kind"] == "program_added":
        return [f"new program: {describe('name', (change['new'] or {}).get('name'))}"]
    if change["kind"] == "program_removed":
        return ["program no longer listed"]
    if change["kind"] in BREAKAGE:
        return [f"kept {describe(field, change['old'])}: {change['reason'] or change['kind']}"]
    if "items" in change:
        items = change["items"]
        lines = [f"{describe(field, c['old'])} → {describe(field, c['new'])}" + (f" ({c['percent']:+.1f}%)" if c.get("percent") is not None else "")
                 for c in items["changed"]]
        lines += [f"added {describe(field, v)}" for v in items["added"]]
        lines += [f"removed {describe(field, v)}" for v in items["removed"]]
        return lines or [f"{describe(field, change['old'])} → {describe(field, change['new'])}"]
    if isinstance(change["new"], list) and change["kind"] == "added":
        return [f"added {describe(field, v)}" for v in change["new"]]
    if isinstance(change["old"], list) and change["kind"] == "removed":
        return [f"removed {describe(field, v)}" for v in change["old"]]
    pct = f" ({change['percent']:+.1f}%)" if change.get("percent") is not None else ""
    return [f"{describe(field, change['old'])} → {describe(field, change['new'])}{pct}"]


# -- rendering ------------------------------------------------------------------------------------

# Inline Markdown only ever sees page text mid-line, so these are all it can act on:
# emphasis, code, links and images, autolinks and raw HTML, table pipes.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: Any) -> str:
    """Page text made inert in Markdown: special characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_markdown(report: dict) -> str:
    s = sections(report)
    out = [f"# {md(report['summary'])}", "",
           f"Crawl `{report['crawl_id']}` of {md(report['source'])}, pages as of {report['observed_on']}; "
           f"started {report['started_at']}, finished {report['finished_at']}.", ""]
    out += ["## Needs a decision", ""]
    if not s["pending"] and not s["broken"]:
        out += ["Nothing: no pending changes, every site healthy.", ""]
    if s["pending"]:
        out += [f"### Pending changes ({sum(len(g['ids']) for g in s['pending'])})", "",
                "Accept or reject with `mlis-crawler review accept|reject ID... --reason ...`.", ""]
        for g in s["pending"]:
            out += _md_group(g, with_ids=True)
    if s["broken"]:
        out += [f"### Broken sites ({len(s['broken'])})", ""]
        for site in s["broken"]:
            since = f", since {site['broken_since']}" if site["broken_since"] else ""
            held = "; its changes are held" if site["quarantined"] else ""
            out.append(f"- **{md(site['name'])}**: {site['health']}{since}{held}; {site['pages']} pages, {site['programs']} programs")
            out += [f"  - {md(e)}" for e in site["errors"][:20]]
            if len(site["errors"]) > 20:
                out.append(f"  - … and {len(site['errors']) - 20} more")
        out.append("")
    out += ["## Changes published", ""]
    if not s["accepted"]:
        out += ["None.", ""]
    for institution, groups in s["accepted"].items():
        out += [f"### {md(report['institutions'].get(institution, institution))}", ""]
        for g in groups:
            out += _md_group(g)
    if s["baselines"]:
        out += ["## First seen (baselines)", ""]
        for institution, changes in s["baselines"].items():
            names = ", ".join(f"{md(c['program_name'] or c['program_id'])} (`{c['program_id']}`)" for c in changes)
            out += [f"- **{md(report['institutions'].get(institution, institution))}**: {len(changes)} programs: {names}"]
        out.append("")
    if s["breakage"]:
        out += ["## Values kept because pages could not be read", ""]
        for institution, changes in s["breakage"].items():
            out.append(f"- **{md(institution)}**: {len(changes)} values carried forward")
            out += [f"  - `{c['program_id']}` {md(c['field'] or 'all fields')}: {md(c['reason'] or c['kind'])}" for c in changes[:30]]
            if len(changes) > 30:
                out.append(f"  - … and {len(changes) - 30} more")
        out.append("")
    if report["unseen"]:
        out += ["## Programs not seen", ""]
        out += [f"- `{u['program_id']}`: missing from {u['missed_crawls']} healthy crawl(s)" for u in report["unseen"]]
        out.append("")
    return "\n".join(out) + "\n"


def _md_group(g: dict, with_ids: bool = False) -> list[str]:
    c = g["change"]
    label = c["field"] or c["kind"].replace("_", " ")
    cause = " (parser change)" if c["cause"] == "parser" else ""
    ids = f" ({', '.join(f'#{i}' for i in g['ids'])})" if with_ids else ""
    who = g["programs"]
    target = (f"{md(who[0]['name'])} (`{who[0]['program_id']}`)" if len(who) == 1
              else f"{len(who)} programs: " + ", ".join(f"`{p['program_id']}`" for p in who))
    lines = [f"#### {md(label)} {md(c['kind'])}{cause}{ids}", "", f"For {target}.", ""]
    lines += [f"- {md(x)}" for x in change_lines(c)]
    if c.get("reason") and c["kind"] not in BREAKAGE:
        lines.append(f"- why held: {md(c['reason'])}" if c["status"] == "pending" else f"- note: {md(c['reason'])}")
    if c["evidence_old"]:
        lines.append(f"- before: “{md(evidence_text(c['evidence_old']))}”")
    if c["evidence_new"]:
        lines.append(f"- now: “{md(evidence_text(c['evidence_new']))}”")
    url = safe_url(c["source_url"])
    if url:
        lines.append(f"- page: <{url}>")
    return lines + [""]


_ENV = Environment(loader=PackageLoader("crawler", "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True)
_ENV.filters.update(describe=describe, evidence=evidence_text, safe_url=safe_url)
_ENV.globals.update(change_lines=change_lines)


def render_html(report: dict) -> str:
    return _ENV.get_template("report.html.j2").render(report=report, s=sections(report))


def write_reports(report: dict, folder: Path) -> Path:
    """Write the three files, each under a temporary name first, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    outputs = {
        "report.json": json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n",
        "report.md": render_markdown(report),
        "report.html": render_html(report),
    }
    for name, text in outputs.items():
        tmp = folder / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        checkpoint("report:before_write")
        os.replace(tmp, folder / name)
    return folder
