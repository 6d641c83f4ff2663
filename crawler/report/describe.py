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
from urllib.parse import urlsplit

from crawler.fields import FIELDS, words
from crawler.states import BREAKAGE, Health, Kind, Status

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
        key = (c["institution_id"], c["field"], c["kind"], c["status"], json.dumps(c["old"], sort_keys=True),
               json.dumps(c["new"], sort_keys=True) if c["kind"] != Kind.PROGRAM_ADDED else c["change_id"])
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
    return {
        "pending": group([c for c in changes if c["status"] == Status.PENDING] + report["still_pending"]),
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


def percent_text(value: float | None) -> str:
    return f"{value:+.1f}%" if value is not None else ""


def review_command(ids: list[int], data: Any = None, group: bool = False, verb: str = "accept",
                   use: str | None = None) -> str:
    """The command that decides `ids`, ready to paste but for its reason; it names the data folder
    and, for a conflict, the page to use (`--use URL`)."""
    where = f" --data {shlex.quote(str(data))}" if data else ""
    using = f" --use {shlex.quote(use)}" if use else ""
    from crawler.commandline import command  # the path the operator ran, one place for every printed command

    return (f"{command('review', verb, *ids)}{' --group' if group else ''}{using} --reason \"…\""
            f"{where}")


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


def decision_line(d: dict) -> str:
    """One decision as a line of words: when, who, what, why (the renderers share the words)."""
    verb = {"accept": "accepted", "reject": "rejected", "revert": "reverted"}.get(d["action"], d["action"])
    what = f"{d['program_id']} {label(d)}" if d.get("field") else f"{d['program_id']} ({KINDS.get(d['kind'], d['kind'])})"
    part = f" as part of the rollback to crawl {d['rollback_to']}" if d.get("rollback_to") else ""
    return f"{d['decided_at']}: change #{d['change_id']} ({what}, crawl {d['crawl_id']}) {verb} by {d['decided_by']}{part}"
