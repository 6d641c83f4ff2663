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
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
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
    since, crawls_broken = None, 0
    if health != "ok":
        # Crawl order is the crawls table's insertion order: started_at has one-second resolution.
        order = db.execute("SELECT rowid FROM crawls WHERE crawl_id = ?", [crawl["crawl_id"]]).fetchone()[0]
        last_ok = db.execute(
            """SELECT coalesce(max(c.rowid), 0) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health = 'ok' AND c.rowid < ?""", [name, order]).fetchone()[0]
        since, crawls_broken = db.execute(
            """SELECT min(c.observed_on), count(*) FROM spider_runs r JOIN crawls c USING (crawl_id)
               WHERE r.spider = ? AND r.health != 'ok' AND c.rowid > ? AND c.rowid <= ?""",
            [name, last_ok, order]).fetchone()
    return {"name": name, "health": health, "quarantined": bool(quarantined), "pages": pages, "programs": programs,
            "errors": json.loads(errors or "[]"), "broken_since": since, "crawls_broken": crawls_broken}


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


def evidence_items(evidence: Any) -> list[dict[str, Any]]:
    """Evidence as a list of {"text", "url"} (the stored form is a list of such dicts)."""
    if not evidence:
        return []
    if isinstance(evidence, list):
        return [{"text": str(e.get("text") or ""), "url": e.get("url")} for e in evidence if isinstance(e, dict)]
    return [{"text": str(evidence), "url": None}]


def evidence_urls(evidence: Any, besides: Any = None) -> list[str]:
    """The http(s) pages an evidence list was read from, in order, without `besides`."""
    urls: list[str] = []
    for e in evidence_items(evidence):
        url = safe_url(e["url"])
        if url and url != besides and url not in urls:
            urls.append(url)
    return urls


_URL_CHARS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")


def safe_url(url: Any) -> str | None:
    """The URL if it may become a link: http(s), a host, printable ASCII without quotes or brackets."""
    if not isinstance(url, str) or not _URL_CHARS.match(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


# -- page text is untrusted -------------------------------------------------------------------------

# Characters that are invisible or reorder what is around them (bidi embeddings, overrides and
# isolates, zero-width characters, the BOM, tag characters) and control characters: shown as
# visible escapes such as ⟨U+202E⟩ so a page cannot hide or disguise text in the report.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def visible(text: Any) -> str:
    """Text with every hidden or reordering character replaced by ⟨U+XXXX⟩."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", str(text))


# Everything inline Markdown (GitHub's included) can act on mid-line: emphasis, code, links and
# images, autolinks, raw HTML and entities, table pipes, strikethrough, headings, mentions.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!@$])")
# What starts a block when it opens a line or a list item: list markers, ordered-list numbers,
# setext underlines (quotes, headings and fences are escaped above wherever they are).
_MD_BLOCK_START = re.compile(r"^(?:[+=-]|\d{1,9}(?=[.)]))")


def md(text: Any) -> str:
    """Page text made inert in Markdown: hidden characters shown, on one line, specials escaped."""
    flat = _MD_SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))
    start = _MD_BLOCK_START.match(flat)
    if start:
        marker = start.group()
        flat = "\\" + flat if not marker.isdigit() else marker + "\\" + flat[len(marker):]
    return flat


def md_code(text: Any) -> str:
    """Text as a Markdown code span, whatever backticks it holds."""
    flat = " ".join(visible(text).split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_link(url: Any) -> str | None:
    """A Markdown autolink for an http(s) URL, None for anything else."""
    url = safe_url(url)
    return f"<{url}>" if url else None


# -- grouping for the renderers -------------------------------------------------------------------

LABELS = {
    "name": "Name", "degree": "Degree", "concentration": "Concentration", "delivery": "Delivery",
    "synchronous": "Synchronous classes", "total_credits": "Total credits", "tuition": "Tuition", "fees": "Fees",
    "application_deadlines": "Application deadlines", "start_terms": "Start terms", "entrance_exam": "Entrance exam",
    "min_gpa": "Minimum GPA", "application_fee": "Application fee", "duration": "Length", "ala_accredited": "ALA accreditation",
}
KINDS = {"changed": "changed", "added": "now stated", "removed": "no longer stated", "program_added": "new program",
         "program_removed": "program gone", "extraction_failed": "could not be read", "fetch_failed": "page not fetched"}


def label(change: dict) -> str:
    field = change.get("field")
    if field:
        return LABELS.get(field, field.replace("_", " ").capitalize())
    return KINDS.get(change["kind"], change["kind"].replace("_", " "))


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


def by_programs(groups: list[dict], program_count: int | None = None) -> list[dict]:
    """Groups of one university under the programs they touch: shared changes first, then each program."""
    buckets: dict[tuple, dict] = {}
    for g in groups:
        key = tuple(p["program_id"] for p in g["programs"])
        bucket = buckets.setdefault(key, {"programs": g["programs"], "groups": []})
        bucket["groups"].append(g)
    for bucket in buckets.values():
        who = bucket["programs"]
        if len(who) == 1:
            bucket["label"] = who[0]["name"]
        elif program_count and len(who) == program_count:
            bucket["label"] = f"All {len(who)} programs"
        else:
            bucket["label"] = f"{len(who)} programs"
    return sorted(buckets.values(), key=lambda b: (-len(b["programs"]), b["label"]))


def _breakage_groups(changes: list[dict]) -> list[dict]:
    """Values carried forward for one reason, once per field and reason, with the programs."""
    groups: dict[tuple, dict] = {}
    for c in changes:
        entry = groups.setdefault((c["field"], c["kind"], c["reason"]), {"change": c, "programs": [], "ids": []})
        entry["programs"].append({"program_id": c["program_id"], "name": c["program_name"] or c["program_id"]})
        entry["ids"].append(c["change_id"])
    return list(groups.values())


def sections(report: dict) -> dict[str, Any]:
    changes = report["changes"]
    program_counts = {s["name"]: s["programs"] for s in report["spiders"]}
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
    name = report["institutions"].get
    return {
        "pending": group([c for c in changes if c["status"] == "pending"] + report["still_pending"]),
        "broken": [s for s in report["spiders"] if s["health"] != "ok"],
        "accepted": {i: by_programs(group(cs), program_counts.get(i))
                     for i, cs in sorted(by_institution.items(), key=lambda item: name(item[0], item[0]))},
        "baselines": dict(sorted(baselines.items(), key=lambda item: name(item[0], item[0]))),
        "breakage": {i: _breakage_groups(cs) for i, cs in sorted(breakage.items(), key=lambda item: name(item[0], item[0]))},
        "rejected": group([c for c in changes if c["status"] == "rejected"]),
    }


def moves(change: dict) -> list[dict[str, Any]]:
    """What moved, one entry per item for lists: {"op": changed|added|removed|note, "old", "new", "percent", "text"}."""
    field = change["field"]
    if change["kind"] == "program_added":
        return [{"op": "note", "text": f"new program: {describe('name', (change['new'] or {}).get('name'))}"}]
    if change["kind"] == "program_removed":
        return [{"op": "note", "text": "program no longer listed"}]
    if change["kind"] in BREAKAGE:
        return [{"op": "note", "text": f"kept {describe(field, change['old'])}: {change['reason'] or change['kind']}"}]
    if "items" in change:
        items = change["items"]
        out = [{"op": "changed", "old": describe(field, c["old"]), "new": describe(field, c["new"]), "percent": c.get("percent")}
               for c in items["changed"]]
        out += [{"op": "added", "new": describe(field, v)} for v in items["added"]]
        out += [{"op": "removed", "old": describe(field, v)} for v in items["removed"]]
        return out or [{"op": "changed", "old": describe(field, change["old"]), "new": describe(field, change["new"])}]
    if isinstance(change["new"], list) and change["kind"] == "added":
        return [{"op": "added", "new": describe(field, v)} for v in change["new"]]
    if isinstance(change["old"], list) and change["kind"] == "removed":
        return [{"op": "removed", "old": describe(field, v)} for v in change["old"]]
    return [{"op": "changed", "old": describe(field, change["old"]), "new": describe(field, change["new"]),
             "percent": change.get("percent")}]


def percent_text(value: float | None) -> str:
    return f"{value:+.1f}%" if value is not None else ""


def review_command(ids: list[int]) -> str:
    return f"mlis-crawler review accept {' '.join(map(str, ids))} --reason \"…\""


# -- Markdown -------------------------------------------------------------------------------------

def render_markdown(report: dict) -> str:
    s = sections(report)
    name = lambda institution: report["institutions"].get(institution, institution)  # noqa: E731
    c = report["counts"]
    out = [f"# {md(report['summary'])}", "",
           f"Crawl {md_code(report['crawl_id'])} of {md(report['source'])}, pages as of {md(report['observed_on'])}; "
           f"started {md(report['started_at'])}, finished {md(report['finished_at'])}.", "",
           f"**{c['pending'] + c['still_pending']}** waiting for review · **{c['sites_broken']}** of {len(report['spiders'])} "
           f"site(s) broken · **{c['accepted'] - c['initial_load']}** published · {c['initial_load']} first seen", ""]
    out += ["## Needs a decision", ""]
    if not s["pending"] and not s["broken"]:
        out += ["Nothing: no pending changes, every site healthy.", ""]
    if s["pending"]:
        out += [f"### Pending changes ({sum(len(g['ids']) for g in s['pending'])})", "",
                "Accept with the command under each change, or reject with `mlis-crawler review reject ID... --reason ...`.", ""]
        for g in s["pending"]:
            out += _md_group(g, report, heading="####", with_programs=True, decide=True)
    if s["broken"]:
        out += [f"### Broken sites ({len(s['broken'])})", ""]
        for site in s["broken"]:
            since = f" since {md(site['broken_since'])}" if site["broken_since"] else ""
            runs = f" ({site['crawls_broken']} crawls in a row)" if site.get("crawls_broken", 0) > 1 else ""
            held = "; its changes are held for review" if site["quarantined"] else "; its last good values are kept"
            out.append(f"- **{md(name(site['name']))}** ({md_code(site['name'])}): **{md(site['health'])}**{since}{runs}{held}; "
                       f"{site['pages']} pages, {site['programs']} programs")
            out += [f"  - {md(e)}" for e in site["errors"][:20]]
            if len(site["errors"]) > 20:
                out.append(f"  - … and {len(site['errors']) - 20} more")
        out.append("")
    out += ["## Changes published", ""]
    if not s["accepted"]:
        out += ["None.", ""]
    for institution, buckets in s["accepted"].items():
        out += [f"### {md(name(institution))}", ""]
        for bucket in buckets:
            out += [f"#### {md(bucket['label'])}", ""]
            if len(bucket["programs"]) > 1:
                out += _md_programs(bucket["programs"])
            else:
                out += [f"Program {md_code(bucket['programs'][0]['program_id'])}.", ""]
            for g in bucket["groups"]:
                out += _md_group(g, report, heading="#####")
    if s["rejected"]:
        out += ["## Rejected again (decided before, nothing to do)", ""]
        for g in s["rejected"]:
            out += _md_group(g, report, heading="####", with_programs=True)
    if s["baselines"]:
        out += ["## First seen (baselines)", ""]
        for institution, changes in s["baselines"].items():
            out += [f"- **{md(name(institution))}**: {len(changes)} programs"]
            out += [f"  - {md(c['program_name'] or c['program_id'])} ({md_code(c['program_id'])})" for c in changes]
        out.append("")
    if s["breakage"]:
        out += ["## Values kept because pages could not be read", ""]
        for institution, groups in s["breakage"].items():
            out.append(f"- **{md(name(institution))}**: {sum(len(g['ids']) for g in groups)} values carried forward")
            for g in groups[:30]:
                ch = g["change"]
                who = (md_code(g["programs"][0]["program_id"]) if len(g["programs"]) == 1 else f"{len(g['programs'])} programs")
                out.append(f"  - {md(label(ch))} of {who}: {md(ch['reason'] or ch['kind'])}")
            if len(groups) > 30:
                out.append(f"  - … and {len(groups) - 30} more")
        out.append("")
    if report["unseen"]:
        out += ["## Programs not seen", ""]
        out += [f"- {md_code(u['program_id'])}: missing from {u['missed_crawls']} healthy crawl(s)" for u in report["unseen"]]
        out.append("")
    return "\n".join(out) + "\n"


def _md_programs(programs: list[dict]) -> list[str]:
    items = [f"- {md(p['name'])} ({md_code(p['program_id'])})" for p in programs]
    return [f"<details><summary>{len(programs)} programs</summary>", "", *items, "", "</details>", ""]


def _md_group(g: dict, report: dict, heading: str, with_programs: bool = False, decide: bool = False) -> list[str]:
    c = g["change"]
    cause = " (parser change)" if c["cause"] == "parser" else ""
    ids = f" ({', '.join(f'#{i}' for i in g['ids'])})" if decide else ""
    lines = [f"{heading} {md(label(c))}: {md(KINDS.get(c['kind'], c['kind']))}{cause}{ids}", ""]
    if with_programs:
        institution = report["institutions"].get(c["institution_id"], c["institution_id"])
        who = g["programs"]
        if len(who) == 1:
            lines += [f"{md(institution)}: {md(who[0]['name'])} ({md_code(who[0]['program_id'])}).", ""]
        else:
            lines += [f"{md(institution)}:", ""] + _md_programs(who)
    if c.get("reason") and c["kind"] not in BREAKAGE and not (c["kind"] == "program_added"):
        lines += [f"{'**Why held:**' if c['status'] == 'pending' else '**Note:**'} {md(c['reason'])}", ""]
    for m in moves(c):
        if m["op"] == "note":
            lines.append(f"- {md(m['text'])}")
        elif m["op"] == "added":
            lines.append(f"- added: {md(m['new'])}")
        elif m["op"] == "removed":
            lines.append(f"- removed: ~~{md(m['old'])}~~")
        else:
            pct = f" **({percent_text(m['percent'])})**" if m.get("percent") is not None else ""
            lines.append(f"- {md(m['old'])} → **{md(m['new'])}**{pct}")
    lines.append("")
    if c["evidence_old"] or c["evidence_new"]:
        def cell(evidence: Any) -> str:
            quotes = [f"“{md(e['text'])}”" for e in evidence_items(evidence)]
            quotes += [f"from {md_link(u)}" for u in evidence_urls(evidence, besides=c["source_url"])]
            return "<br>".join(quotes) or "—"
        lines += ["| Before | Now |", "| --- | --- |", f"| {cell(c['evidence_old'])} | {cell(c['evidence_new'])} |", ""]
    link = md_link(c["source_url"])
    if link:
        lines += [f"Page: {link}", ""]
    elif c["source_url"]:
        lines += [f"Page (not a web link): {md(c['source_url'])}", ""]
    if decide:
        lines += ["```sh", review_command(g["ids"]), "```", ""]
    return lines


# -- HTML -----------------------------------------------------------------------------------------

def _finalize(value: Any) -> Any:
    """Every {{ expression }} of the HTML templates: hidden characters made visible, then autoescaped."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return visible(value)


_ENV = Environment(loader=PackageLoader("crawler", "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True, finalize=_finalize)
_ENV.filters.update(safe_url=safe_url, percent=percent_text)
_ENV.globals.update(moves=moves, label=label, kinds=KINDS, evidence_items=evidence_items,
                    evidence_urls=evidence_urls, review_command=review_command)


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
