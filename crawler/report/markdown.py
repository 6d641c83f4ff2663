"""report.md: the change report as Markdown (mail, pull requests)."""

from __future__ import annotations

from typing import Any

from crawler.report.describe import (
    KINDS,
    broken_site,
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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _md_urls(urls: list[str], limit: int = 5) -> str:
    if not urls:
        return ""
    links = ", ".join(md_link(u) for u in urls[:limit])
    more = f" and {len(urls) - limit} more" if len(urls) > limit else ""
    return f" on {links}{more}"


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


