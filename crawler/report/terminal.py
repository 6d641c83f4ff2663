"""The review listing for a terminal (`mlis-crawler review`): each pending group as plain
lines, in the report's order and with the report's words (the shared describers of
describe.py); page text made safe for a terminal, JSON made safe for scripts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from crawler.report.describe import (
    KINDS,
    evidence_quotes,
    label,
    moves,
    percent_text,
    review_command,
    safe_url,
    visible,
)
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
        items = evidence_quotes(evidence, c["source_url"])
        if not items and not (c["evidence_old"] or c["evidence_new"]):
            continue
        if not items:
            lines.append(f"    {title + ':':8}—")
        for e in items:
            source = f"  (from {e['url'] or 'a page that is not a web link'})" if e["page"] else ""
            lines.append(f"    {title + ':':8}“{term(e['text'])}”{source}")
    if c["source_url"]:
        page = safe_url(c["source_url"])
        lines.append(f"    page:   {page}" if page else f"    page (not a web link): {term(c['source_url'])}")
    lines.append(f"    waiting since {term(c['detected_at'])} (crawl {term(c['crawl_id'])})")
    flag = [ids[0]] if len(ids) > 1 else ids
    lines.append(f"    accept: {review_command(flag, data, group=len(ids) > 1)}")
    lines.append(f"    reject: {review_command(flag, data, group=len(ids) > 1, verb='reject')}")
    return lines
