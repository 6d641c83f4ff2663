"""How values, evidence and changes are shown: shared by the Markdown and HTML renderers.

Page text is untrusted: links are kept only when they are http(s), hidden characters are made
visible, and Markdown output escapes every character Markdown would act on.
"""

from __future__ import annotations

import json
import re
import shlex
from collections import defaultdict
from typing import Any

from crawler.commandline import command
from crawler.fields import FIELDS, words
from crawler.states import BREAKAGE, Health, Kind, Status
from crawler.untrusted import safe_url, visible

# -- describing values ----------------------------------------------------------------------------

def describe(field: str | None, value: Any) -> str:
    """A value as a maintainer reads it: "$900.00 per credit (online campus)", "Fall Mar 15".
    Its field's spec says how (crawler/fields.py, crawler/shapes.py)."""
    return words(field, value)


def evidence_items(evidence: Any) -> list[dict[str, Any]]:
    """Evidence as a list of {"text", "url"} (the stored form is a list of such dicts). Where the
    value was read from part of the text, "text" is the clause that binds it (stored as "clause":
    what a maintainer needs to see why); the page's whole text stays in the history."""
    if not evidence:
        return []
    if isinstance(evidence, list):
        return [{"text": str(e.get("clause") or e.get("text") or ""), "url": e.get("url")}
                for e in evidence if isinstance(e, dict)]
    return [{"text": str(evidence), "url": None}]


def evidence_quotes(evidence: Any, source_url: Any = None) -> list[dict[str, Any]]:
    """Each quote with the page it came from: {"text", "url" (http(s) or None: a page that may not
    become a link is said to be one, never shown), "page" (whether to name the page beside the quote)}.
    When every quote comes from the change's own page (`source_url`, named once under the card),
    none names it again; when several pages state the value, every quote names its own page, that
    one included, so no page is dropped and no quote is left without one."""
    items = evidence_items(evidence)
    elsewhere = bool({e["url"] for e in items if e["url"]} - {source_url})
    return [{"text": e["text"], "url": safe_url(e["url"]), "page": elsewhere and bool(e["url"])}
            for e in items]


def evidence_urls(evidence: Any, besides: Any = None) -> list[str]:
    """The http(s) pages an evidence list was read from, in order, without `besides`."""
    urls: list[str] = []
    for e in evidence_items(evidence):
        url = safe_url(e["url"])
        if url and url != besides and url not in urls:
            urls.append(url)
    return urls


# -- page text is untrusted -------------------------------------------------------------------------

# safe_url and visible: crawler/untrusted.py (the published feed applies them too).


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

KINDS = {"changed": "changed", "added": "now stated", "removed": "no longer stated", "program_added": "new program",
         "program_removed": "program gone", "extraction_failed": "could not be read", "fetch_failed": "page not fetched",
         "conflict": "conflict"}


def label(change: dict) -> str:
    field = change.get("field")
    if field:
        spec = FIELDS.get(field)
        return spec.label if spec else field.replace("_", " ").capitalize()
    return KINDS.get(change["kind"], change["kind"].replace("_", " "))


def group(changes: list[dict]) -> list[dict]:
    """Identical changes to several programs (a shared tuition page) shown once, with the list."""
    groups: dict[tuple, dict] = {}
    for c in changes:
        now = c.get("now") or {}
        key = (c["institution_id"], c["field"], c["kind"], c["status"], json.dumps(c["old"], sort_keys=True),
               json.dumps(c["new"], sort_keys=True) if c["kind"] != Kind.PROGRAM_ADDED else c["change_id"],
               now.get("action"), now.get("decided_by"), now.get("decided_at"), now.get("reason"), now.get("rollback_to"))
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


# -- broken sites: the cause first, then what it cost ----------------------------------------------

# Every page outcome of the ledger (crawler/items.py OUTCOMES) in words, once.
OUTCOME_WORDS = {
    "http_4xx": "the page answered HTTP {status} (gone, moved without a redirect, or forbidden)",
    "http_5xx": "the site's server failed (HTTP {status})",
    "dns": "the site's name could not be found (DNS lookup failed)",
    "timeout": "the site did not answer in time",
    "dataloss": "the page arrived cut short",
    "too_large": "the page was larger than the size limit",
    "robots": "the site's robots.txt does not allow reading the page",
    "offsite": "a link led off the site",
    "redirect_loop": "the page redirects in a loop, or too many times",
    "refused_address": "the site's address is private or local (refused for safety)",
    "conn_failed": "the connection to the site failed (refused or dropped)",
    "parse_error": "the page could not be read (its markup broke the spider)",
    "extraction_empty": "the page was read but states none of the expected facts",
    "error": "the download failed for an unexpected reason",
    "not_modified": "the page had not changed since the last crawl (answered 304 Not Modified)",
    # The page self-checks (crawler/crawl/pagecheck.py): the page loaded but is not itself; the
    # check's own words (which title, how many bytes) follow.
    "soft_404": "the page answered 200 but is an error page",
    "login_wall": "the page is behind a sign-in or robot check",
    "redirected_away": "the page redirected away from itself, to the home page or above it",
    "truncated": "the page arrived incomplete or much smaller than its last good copy",
    "unrecognized": "the page no longer looks like itself: most facts it states were not found",
}
PAGE_CHECKS = ("soft_404", "login_wall", "redirected_away", "truncated", "unrecognized")


def outcome_words(outcome: str, status: Any = None) -> str:
    text = OUTCOME_WORDS.get(outcome, outcome.replace("_", " "))
    return text.format(status=status if status is not None else "error")


class _Lines:
    """Lines of words, each with the pages it is about (http(s) links only, each once)."""

    def __init__(self) -> None:
        self.urls: dict[str, list[str]] = {}

    def add(self, text: str, url: Any = None) -> None:
        urls = self.urls.setdefault(text, [])
        link = safe_url(url)
        if link and link not in urls:
            urls.append(link)

    def items(self) -> list[dict]:
        return [{"text": t, "urls": u} for t, u in self.urls.items()]


def broken_site(site: dict) -> dict[str, list[dict]]:
    """A broken site as {"causes": [...], "consequences": [...]}, each {"text", "urls"}: one line
    per cause (the failing pages as links), then what it cost (facts not read, values kept)."""
    causes, consequences = _Lines(), _Lines()
    failed_pages = _page_failures(site, causes)
    _error_lines(site, causes, consequences)
    _facts_not_read(site, failed_pages, causes, consequences)
    consequences.add("its changes are held for review" if site.get("quarantined") else "its last good values are kept")
    return {"causes": causes.items(), "consequences": consequences.items()}


def _page_failures(site: dict, causes: _Lines) -> set[str]:
    """Each page that failed, in words (a page check's own reason after it); returns their URLs."""
    failed = set()
    for f in site.get("failures") or []:
        words = outcome_words(f["outcome"], f.get("status"))
        if f["outcome"] in PAGE_CHECKS and f.get("error"):
            words += f": {f['error']}"
        causes.add(words, f["url"])
        failed.update(u for u in (f["url"], f.get("final_url")) if u)  # a redirect's target failed with it
    return failed


def _error_lines(site: dict, causes: _Lines, consequences: _Lines) -> None:
    """The spider's error lines not said otherwise: a page outcome only for an older report without
    structured failures, a fact not read never (`_facts_not_read` says it), "no programs" as a cost."""
    fact_errors = {text for m in site.get("missing") or []
                   for text in (f"{m['field']}: {m['reason']} ({m['url']})", f"{m['reason']} ({m['url']})")}
    for error in site["errors"]:
        match = re.match(r"^([a-z_0-9]+): (\S+)(?: \((.*)\))?$", error)
        if match and match.group(1) in OUTCOME_WORDS:
            if site.get("failures") is None:  # an older report without the structured failures
                causes.add(outcome_words(match.group(1)), match.group(2))
            continue
        if error in fact_errors:
            continue
        if error == "no programs found":
            consequences.add("no programs were found")
        else:
            causes.add(error)


def _facts_not_read(site: dict, failed_pages: set[str], causes: _Lines, consequences: _Lines) -> None:
    """A fact not read on a page that loaded is a cause (the page changed), one line per reason;
    one not read because its page failed is a consequence of that failure, one line in all."""
    lost_fields: list[str] = []
    lost_programs: set[str] = set()
    by_reason: dict[str, dict] = {}
    for m in site.get("missing") or []:
        spec = FIELDS.get(m["field"])
        name = spec.label if spec else m["field"].replace("_", " ").capitalize()
        if m["url"] in failed_pages:
            if name not in lost_fields:
                lost_fields.append(name)
            try:
                lost_programs.update(json.loads(m.get("programs") or "[]"))
            except (TypeError, ValueError):
                pass
            continue
        reason = str(m["reason"]).removeprefix(f"{m['field']}: ")
        entry = by_reason.setdefault(reason, {"fields": [], "urls": []})
        if name not in entry["fields"]:
            entry["fields"].append(name)
        entry["urls"].append(m["url"])
    for reason, entry in by_reason.items():
        for url in entry["urls"] or [None]:
            causes.add(f"{', '.join(entry['fields'])}: {reason}", url)
    if lost_fields:
        if "*" in lost_programs:
            who = f" for all {site['programs']} programs" if site.get("programs") else " for every program"
        else:
            who = f" for {len(lost_programs)} program{'s' if len(lost_programs) != 1 else ''}" if lost_programs else ""
        consequences.add(f"not read{who}: {', '.join(lost_fields)}")


def waiting_since(change: dict, report: dict) -> str | None:
    """"waiting since <date>" for a held change carried over from an earlier crawl."""
    if change.get("status") == Status.PENDING and change.get("crawl_id") != report.get("crawl_id") and change.get("detected_at"):
        return f"waiting since {change['detected_at']}"
    return None


def sections(report: dict) -> dict[str, Any]:
    changes = report["changes"]
    program_counts = {s["name"]: s["programs"] for s in report["spiders"]}
    accepted = [c for c in changes if c["status"] == Status.ACCEPTED and c["kind"] not in BREAKAGE and not c["initial_load"]]
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
    now = decided_since(report)
    held = [c for c in changes if c["status"] == Status.PENDING] + report["still_pending"]
    return {
        "pending": group([c for c in held if c["change_id"] not in now]),
        # Held when the report was written, decided since: each with where it stands now, no command.
        "decided": group([{**c, "now": now[c["change_id"]]} for c in held if c["change_id"] in now]),
        "broken": [s for s in report["spiders"] if s["health"] != Health.OK],
        "accepted": {i: by_programs(group(cs), program_counts.get(i))
                     for i, cs in sorted(by_institution.items(), key=lambda item: name(item[0], item[0]))},
        "baselines": dict(sorted(baselines.items(), key=lambda item: name(item[0], item[0]))),
        "breakage": {i: _breakage_groups(cs) for i, cs in sorted(breakage.items(), key=lambda item: name(item[0], item[0]))},
        "rejected": group([c for c in changes if c["status"] == Status.REJECTED]),
    }


def moves(change: dict) -> list[dict[str, Any]]:
    """What moved, one entry per item for lists: {"op": changed|added|removed|note, "old", "new", "percent", "text"}."""
    field = change["field"]
    if change["kind"] == Kind.PROGRAM_ADDED:
        return [{"op": "note", "text": f"new program: {describe('name', (change['new'] or {}).get('name'))}"}]
    if change["kind"] == Kind.CONFLICT:
        return [{"op": "note", "text": f"published now: {describe(field, change['old'])}"}]
    if change["kind"] == Kind.PROGRAM_REMOVED:
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
    if isinstance(change["new"], list) and change["kind"] == Kind.ADDED:
        return [{"op": "added", "new": describe(field, v)} for v in change["new"]]
    if isinstance(change["old"], list) and change["kind"] == "removed":
        return [{"op": "removed", "old": describe(field, v)} for v in change["old"]]
    return [{"op": "changed", "old": describe(field, change["old"]), "new": describe(field, change["new"]),
             "percent": change.get("percent")}]


def counted(n: Any, word: str) -> str:
    """"1 page", "2 pages": a count and its noun."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def percent_text(value: float | None) -> str:
    return f"{value:+.1f}%" if value is not None else ""


def command_prefix() -> str:
    """How every command the reports print begins: the program as the operator ran it
    (`crawler.commandline`, the one place for every printed command: `review` in the terminal, the
    report's cards and its notes all go through it)."""
    return command()


def review_command(ids: list[int], data: Any = None, group: bool = False, verb: str = "accept",
                   use: str | None = None) -> str:
    """The command that decides `ids`, ready to paste but for its reason; it names the data folder
    and, for a conflict, the page to use (`--use URL`)."""
    where = f" --data {shlex.quote(str(data))}" if data else ""
    using = f" --use {shlex.quote(use)}" if use else ""
    return (f"{command_prefix()} review {verb} {' '.join(map(str, ids))}{' --group' if group else ''}{using} "
            f"--reason \"…\"{where}")


def conflict_options(change: dict) -> list[dict[str, Any]]:
    """A conflict's readings side by side: per page, {"url" (http(s) or None), "raw_url", "value"
    (described), "evidence" (texts)}; a maintainer accepts one with `review accept ID --use URL`."""
    out = []
    for option in change.get("new") or [] if change["kind"] == Kind.CONFLICT else []:
        if not isinstance(option, dict):
            continue
        out.append({"url": safe_url(option.get("url")), "raw_url": option.get("url"),
                    "value": describe(change["field"], option.get("value")),
                    "evidence": [e["text"] for e in evidence_items(option.get("evidence"))]})
    return out


def baseline_values(change: dict) -> list[dict[str, Any]]:
    """A new program's baseline, field by field: {"label", "value", "evidence": [{"text", "url"}]}."""
    values = change.get("new") if isinstance(change.get("new"), dict) else {}
    evidence = change.get("evidence_new") if isinstance(change.get("evidence_new"), list) else []
    out = []
    for field in sorted(values, key=lambda f: list(FIELDS).index(f) if f in FIELDS else len(FIELDS)):
        spec = FIELDS.get(field)
        out.append({"field": field, "label": spec.label if spec else field, "value": describe(field, values[field]),
                    "evidence": [{"text": str(e.get("text") or ""), "url": safe_url(e.get("url"))}
                                 for e in evidence if isinstance(e, dict) and e.get("field") == field]})
    return out


def published_count(counts: dict) -> int:
    """How many changes a report published: accepted changes to programs already published, never
    a first-seen program's baseline, held or accepted (F22). A report written before `published`
    was counted gives its accepted changes less its accepted baselines, which it did not keep apart:
    never below zero."""
    if "published" in counts:
        return counts["published"]
    return max(0, counts.get("accepted", 0) - counts.get("initial_load", 0))


DECIDED = {"accept": "accepted", "reject": "rejected", "revert": "reverted"}


def decided_since(report: dict) -> dict[int, dict]:
    """Each change the report lists that was decided after it was written, with its latest decision
    (`decisions_after`, added when a report is shown again): where it stands now."""
    return {d["change_id"]: d for d in report.get("decisions_after") or []}


def status_now(d: dict) -> str:
    """Where a change stands now, from its latest decision: "accepted on <when> by <who>"; the
    reason is shown beside it."""
    part = f" (the rollback to crawl {d['rollback_to']})" if d.get("rollback_to") else ""
    return f"{DECIDED.get(d['action'], d['action'])} on {d['decided_at']} by {d['decided_by']}{part}"


def decision_line(d: dict) -> str:
    """One decision as a line of words: when, who, what, why (the renderers share the words)."""
    verb = DECIDED.get(d["action"], d["action"])
    what = f"{d['program_id']} {label(d)}" if d.get("field") else f"{d['program_id']} ({KINDS.get(d['kind'], d['kind'])})"
    part = f" as part of the rollback to crawl {d['rollback_to']}" if d.get("rollback_to") else ""
    return f"{d['decided_at']}: change #{d['change_id']} ({what}, crawl {d['crawl_id']}) {verb} by {d['decided_by']}{part}"


# -- the overview: what changed, before any card -----------------------------------------------------

_PROGRAM_COLUMNS = {Kind.PROGRAM_ADDED: "New programs", Kind.PROGRAM_REMOVED: "Programs gone"}
# A cell's entries in this order; the words after each count.
STATES = ("held", "accepted since", "rejected since", "reverted since", "published", "first seen")


def overview(report: dict, s: dict) -> dict[str, Any]:
    """Universities × fields: each cell counts that university's changes to that field (one per
    program) by where they stand — held, decided since the report, published, first seen — each
    count a link to its card (`anchor`). Also the night's totals and which sites broke."""
    columns: dict[str, str] = {}
    rows: dict[str, dict] = {}

    def row(institution: str) -> dict:
        return rows.setdefault(institution, {"institution": institution, "cells": {}, "site": None,
                                             "name": report["institutions"].get(institution, institution)})

    def add(g: dict, state: str, anchor: str) -> None:
        c = g["change"]
        key = c["field"] or c["kind"]
        columns.setdefault(key, _PROGRAM_COLUMNS.get(c["kind"]) or label(c))
        row(c["institution_id"])["cells"].setdefault(key, {}).setdefault(state, []).append(
            {"count": len(g["ids"]), "anchor": anchor})

    for g in s["pending"]:
        add(g, "held", f"change-{g['ids'][0]}")
    for g in s["decided"]:
        add(g, f"{DECIDED.get(g['change']['now']['action'], 'decided')} since", f"change-{g['ids'][0]}")
    for buckets in s["accepted"].values():
        for bucket in buckets:
            for g in bucket["groups"]:
                add(g, "published", f"change-{g['ids'][0]}")
    for institution, changes in s["baselines"].items():
        first = [c for c in changes if c["kind"] == Kind.PROGRAM_ADDED and c["status"] == Status.ACCEPTED]
        if first:
            add({"change": first[0], "ids": [c["change_id"] for c in first]}, "first seen", f"baselines-{institution}")
    for site in s["broken"]:
        row(site["name"])["site"] = {"health": site["health"], "anchor": f"site-{site['name']}"}
    order = [k for k in _PROGRAM_COLUMNS if k in columns] + [f for f in FIELDS if f in columns]
    order += [k for k in columns if k not in order]
    held_ids = sum(len(g["ids"]) for g in s["pending"])
    decided_ids = sum(len(g["ids"]) for g in s["decided"])
    counts = report["counts"]
    return {
        "columns": [{"key": k, "label": columns[k]} for k in order],
        "rows": [dict(r, cells=[_cell(r["cells"].get(k)) for k in order]) for r in sorted(rows.values(), key=lambda r: r["name"])],
        "broken": bool(s["broken"]),
        "totals": {"held": held_ids, "decided": decided_ids, "published": published_count(counts),
                   "first_seen": counts.get("initial_load", 0), "sites_broken": counts.get("sites_broken", 0),
                   "sites": len(report["spiders"])},
    }


def _cell(states: dict | None) -> dict | None:
    """One overview cell: its entries in STATES order, each {"state", "count", "links"}, and the
    same as words ("9 held, 2 published")."""
    if not states:
        return None
    order = list(STATES) + sorted(set(states) - set(STATES))
    entries = [{"state": st, "links": states[st], "count": sum(link["count"] for link in states[st])}
               for st in order if st in states]
    return {"entries": entries, "text": ", ".join(f"{e['count']} {e['state']}" for e in entries)}
