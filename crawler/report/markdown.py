"""report.md: the change report as Markdown (mail, pull requests)."""

from __future__ import annotations

from typing import Any

from crawler.report.describe import (
    KINDS,
    baseline_values,
    broken_site,
    conflict_options,
    evidence_items,
    evidence_urls,
    label,
    md,
    md_code,
    md_link,
    moves,
    percent_text,
    review_command,
    sections,
    waiting_since,
)
from crawler.states import BREAKAGE, Kind

# -- Markdown -------------------------------------------------------------------------------------

def render_markdown(report: dict) -> str:
    if report.get("failed"):
        return _md_failed(report)
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
                "Accept with the command under each change, or reject with "
                f"{md_code(review_command(['ID...'], report.get('data_dir'), verb='reject'))}; "
                "`mlis-crawler review` lists them in the terminal.", ""]
        for g in s["pending"]:
            out += _md_group(g, report, heading="####", with_programs=True, decide=True)
    if s["broken"]:
        out += [f"### Broken sites ({len(s['broken'])})", ""]
        for site in s["broken"]:
            since = f" since {md(site['broken_since'])}" if site["broken_since"] else ""
            runs = f" ({site['crawls_broken']} crawls in a row)" if site.get("crawls_broken", 0) > 1 else ""
            out.append(f"- **{md(name(site['name']))}** ({md_code(site['name'])}): **{md(site['health'])}**{since}{runs}; "
                       f"{site['pages']} pages, {site['programs']} programs")
            words = broken_site(site)
            for item in words["causes"][:20]:
                out.append(f"  - {md(_capital(item['text']))}{_md_urls(item['urls'])}")
            if len(words["causes"]) > 20:
                out.append(f"  - … and {len(words['causes']) - 20} more")
            out += [f"  - so: {md(item['text'])}{_md_urls(item['urls'])}" for item in words["consequences"]]
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
        out += ["## First seen (baselines)", "",
                "Every value of each new program, with its evidence, for a once-over (values outside their "
                "plausible range wait under \"Needs a decision\").", ""]
        for institution, changes in s["baselines"].items():
            added = [c for c in changes if c["kind"] == Kind.PROGRAM_ADDED]
            out += [f"### {md(name(institution))}: {len(added)} programs", ""]
            for c in added:
                out += [f"<details><summary>{md(c['program_name'] or c['program_id'])} ({md_code(c['program_id'])})</summary>", ""]
                for v in baseline_values(c):
                    quotes = "; ".join(f"“{md(e['text'])}”" + (f" ({md_link(e['url'])})" if e["url"] else "") for e in v["evidence"])
                    out.append(f"- {md(v['label'])}: **{md(v['value'])}**" + (f" — {quotes}" if quotes else ""))
                out += ["", "</details>", ""]
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
    out += _md_decisions(report)
    return "\n".join(out) + "\n"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _md_urls(urls: list[str], limit: int = 5) -> str:
    if not urls:
        return ""
    links = ", ".join(md_link(u) for u in urls[:limit])
    more = f" and {len(urls) - limit} more" if len(urls) > limit else ""
    return f" on {links}{more}"
def _md_failed(report: dict) -> str:
    """A crawl that did not finish: said plainly first, then what it got to."""
    out = [f"# {md(report['summary'])}", "",
           f"Crawl {md_code(report['crawl_id'])} of {md(report['source'])}, pages as of {md(report['observed_on'])}; "
           f"started {md(report['started_at'])}, **did not finish** (status {md(report['status'])}).", "",
           f"**Why:** {md(report['error'])}", "",
           "**Nothing of this crawl was published**: `programs.db` still holds "
           + (f"the last good publish, crawl {md_code(report['last_good_publish'])}." if report.get("last_good_publish")
              else "nothing (no crawl has been published yet)."), ""]
    if report["spiders"]:
        out += ["## Sites as far as it got", ""]
        out += [f"- {md_code(s['name'])}: {md(s['health'])}, {s['pages']} pages, {s['programs']} programs" for s in report["spiders"]]
        out.append("")
    if report["still_pending"]:
        out += [f"Still waiting for review from earlier crawls: {len(report['still_pending'])} change(s) "
                "(`mlis-crawler review`).", ""]
    out += _md_decisions(report)
    return "\n".join(out) + "\n"


def decision_line(d: dict) -> str:
    """One decision as a line of words: when, who, what, why (the renderers share the words)."""
    verb = {"accept": "accepted", "reject": "rejected", "revert": "reverted"}.get(d["action"], d["action"])
    what = f"{d['program_id']} {label(d)}" if d.get("field") else f"{d['program_id']} ({KINDS.get(d['kind'], d['kind'])})"
    part = f" as part of the rollback to crawl {d['rollback_to']}" if d.get("rollback_to") else ""
    return f"{d['decided_at']}: change #{d['change_id']} ({what}, crawl {d['crawl_id']}) {verb} by {d['decided_by']}{part}"


def _md_decisions(report: dict) -> list[str]:
    out = []
    for key, title in (("decisions", "Decisions since the last report"),
                       ("decisions_after", "Decisions made after this report (its lists above are as written)")):
        if report.get(key):
            out += [f"## {title}", ""]
            for d in report[key]:
                why = f" — why: {md(d['reason'])}" if d.get("reason") else ""
                out.append(f"- {md(decision_line(d))}{why}")
            out.append("")
    return out


def _md_programs(programs: list[dict]) -> list[str]:
    items = [f"- {md(p['name'])} ({md_code(p['program_id'])})" for p in programs]
    return [f"<details><summary>{len(programs)} programs</summary>", "", *items, "", "</details>", ""]


def _md_group(g: dict, report: dict, heading: str, with_programs: bool = False, decide: bool = False) -> list[str]:
    c = g["change"]
    cause = " (parser change)" if c["cause"] == "parser" else ""
    ids = f" ({', '.join(f'#{i}' for i in g['ids'])})" if decide else ""
    lines = [f"{heading} {md(label(c))}: {md(KINDS.get(c['kind'], c['kind']))}{cause}{ids}", ""]
    waiting = waiting_since(c, report)
    if waiting:
        lines += [f"*{md(waiting.capitalize())}* (held by an earlier crawl).", ""]
    if with_programs:
        institution = report["institutions"].get(c["institution_id"], c["institution_id"])
        who = g["programs"]
        if len(who) == 1:
            lines += [f"{md(institution)}: {md(who[0]['name'])} ({md_code(who[0]['program_id'])}).", ""]
        else:
            lines += [f"{md(institution)}:", ""] + _md_programs(who)
    if c.get("reason") and c["kind"] not in BREAKAGE and not (c["kind"] == Kind.PROGRAM_ADDED):
        lines += [f"{'**Why held:**' if c['status'] == 'pending' else '**Note:**'} {md(c['reason'])}", ""]
    if c["kind"] == Kind.CONFLICT:
        return lines + _md_conflict(c, g["ids"] if decide else None, report.get("data_dir"))
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
        lines += ["```sh", review_command(g["ids"], report.get("data_dir")), "```", ""]
    return lines




def _md_conflict(c: dict, ids: list[int] | None, data: Any = None) -> list[str]:
    """Each page's reading side by side, and the command that picks it."""
    lines = [f"- {md(m['text'])}" for m in moves(c)] + ["", "| Page | States | Evidence |", "| --- | --- | --- |"]
    options = conflict_options(c)
    for o in options:
        page = md_link(o["url"]) or md(o["raw_url"])
        quotes = "<br>".join(f"“{md(t)}”" for t in o["evidence"]) or "—"
        lines.append(f"| {page} | **{md(o['value'])}** | {quotes} |")
    lines.append("")
    if ids:
        lines += ["Accept the page that is right, or keep the published value with "
                  f"{md_code(review_command(ids, data, verb='reject'))}:", "", "```sh"]
        lines += [review_command(ids, data, use=o["url"] if len(options) > 1 else None)
                  for o in options if o["url"] or len(options) == 1]
        lines += ["```", ""]
    return lines
