"""Stage: read a crawl's plain-data output into the history database, in one transaction.

Facts become per-program observations here (`merge`), by one rule for every university:
a fact addressed to all programs goes to every program the spider yielded; several facts for
a list field add up; for a single-valued field they must agree. A field with any evidence that
could not be found or read is `unknown` as a whole: a partial list is never a value, so a page
that failed to load can never look like a deadline or a rate that disappeared.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crawler.errors import FeedError
from crawler.faults import checkpoint
from crawler.fields import FIELDS, canonical, in_order
from crawler.items import ALL_PROGRAMS, READ_OUTCOMES
from crawler.normalize.binding import binding_clause
from crawler.normalize.text import MAX_CHARS
from crawler.states import Health

FETCH_FAILURE_PREFIXES = ("page not fetched", "page answered HTTP")


@dataclass
class Observation:
    state: str  # value | unknown | conflict
    value: Any
    evidence: list[dict]
    source_url: str
    problem: str | None = None
    fetch_failed: bool = False


class SpiderData:
    """One spider's part of a crawl: its institution, programs, facts, pages and summary.

    Built in memory (renormalize's reread, tests), or backed by its feed (`read_crawl_dir`):
    then the items are read from the file when first asked for and `release` forgets them, so
    staging holds one spider's items at a time, never a whole crawl's.
    """

    def __init__(self, name: str, institution: dict | None = None, programs: dict[str, dict] | None = None,
                 facts: list[dict] | None = None, pages: list[dict] | None = None, summary: dict | None = None,
                 feed: Path | None = None, checked: tuple[int, int] | None = None):
        self.name = name
        self.summary = summary
        self.feed = feed
        self._items = {"institution": institution, "programs": programs if programs is not None else {},
                       "facts": facts if facts is not None else [], "pages": pages if pages is not None else []}
        self._loaded = feed is None
        # the file as it was checked (read_crawl_dir), else as it is now
        self._checked = checked if checked is not None else _stamp(feed) if feed is not None else None

    def _get(self, key: str):
        if not self._loaded:
            if self._checked is not None and _stamp(self.feed) != self._checked:
                raise FeedError(self.feed, "changed since it was checked (read_crawl_dir)")
            read = collect(self.name, _read_jsonl(self.feed))
            self._items = {k: read._items[k] for k in self._items}
            self._loaded = True
        return self._items[key]

    def _set(self, key: str, value) -> None:
        self._get(key)
        self._items[key] = value

    institution = property(lambda self: self._get("institution"), lambda self, v: self._set("institution", v))
    programs = property(lambda self: self._get("programs"), lambda self, v: self._set("programs", v))
    facts = property(lambda self: self._get("facts"), lambda self, v: self._set("facts", v))
    pages = property(lambda self: self._get("pages"), lambda self, v: self._set("pages", v))

    def release(self) -> None:
        """Forget the items of a feed-backed spider (read again from the feed if asked for)."""
        if self.feed is not None:
            self._items = {"institution": None, "programs": {}, "facts": [], "pages": []}
            self._loaded = False

    def __repr__(self) -> str:
        return f"SpiderData({self.name!r}, feed={self.feed!r}, loaded={self._loaded})"


def _stamp(path: Path | str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


class CrawlDir(MutableMapping[str, SpiderData]):
    """A crawl folder as {spider: SpiderData}, holding no spider's data between uses.

    Every feed is checked when the folder is opened (`read_crawl_dir`); what is kept is each
    feed's size and mtime as checked and which summaries exist, a few dozen bytes a spider. A
    spider's `SpiderData` (its summary read, its items read when first asked for) is built each
    time it is looked up, so staging a crawl of thousands of sites holds one site at a time.
    A spider set here (`crawl[name] = data`: one that left nothing, or whose summary is replaced)
    is held as given.
    """

    def __init__(self, folder: Path, stamps: dict[str, tuple[int, int]], summaries: set[str]):
        self.folder = folder
        self._stamps = stamps  # spider -> its feed's (size, mtime_ns) as checked
        self._summaries = summaries  # spiders with a summary file
        self._held: dict[str, SpiderData] = {}

    def __getitem__(self, name: str) -> SpiderData:
        if name in self._held:
            return self._held[name]
        if name not in self._stamps and name not in self._summaries:
            raise KeyError(name)
        feed = self.folder / f"items-{name}.jsonl" if name in self._stamps else None
        data = SpiderData(name, feed=feed, checked=self._stamps.get(name))
        if name in self._summaries:
            data.summary = _read_summary(self.folder / f"summary-{name}.json")
        return data

    def __setitem__(self, name: str, data: SpiderData) -> None:
        self._held[name] = data

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._held.pop(name, None)
        self._stamps.pop(name, None)
        self._summaries.discard(name)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted({*self._stamps, *self._summaries, *self._held}))

    def __len__(self) -> int:
        return len({*self._stamps, *self._summaries, *self._held})

    def __contains__(self, name: object) -> bool:
        return name in self._held or name in self._stamps or name in self._summaries


def _read_summary(path: Path) -> dict:
    """A spider's closing summary; one that is not a JSON object (copied half from a node, say)
    fails its spider with the reason, as a malformed feed does, and the other spiders stage."""
    try:
        summary = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {"finish_reason": f"malformed summary: {path.name} ({type(exc).__name__})"}
    if not isinstance(summary, dict):
        return {"finish_reason": f"malformed summary: {path.name} is not a JSON object"}
    return summary


def read_crawl_dir(folder: Path) -> CrawlDir:
    """What a crawl process wrote: one feed and one summary per spider.

    Each feed is checked here, line by line (a malformed line raises FeedError, as it always
    did), but its items are read only when staged: a crawl of any size is held one spider at
    a time (`CrawlDir`)."""
    stamps: dict[str, tuple[int, int]] = {}
    summaries: set[str] = set()
    with os.scandir(folder) as entries:  # names only: no Path object per file kept (thousands of spiders)
        names = sorted(entry.name for entry in entries)
    for file_name in names:
        if file_name.startswith("items-") and file_name.endswith(".jsonl"):
            feed = os.path.join(folder, file_name)  # a str: pathlib would intern every name it parses
            stamp = _stamp(feed)
            for _item in _read_jsonl(feed):
                pass
            stamps[file_name[len("items-"):-len(".jsonl")]] = stamp
        elif file_name.startswith("summary-") and file_name.endswith(".json"):
            summaries.add(file_name[len("summary-"):-len(".json")])
    return CrawlDir(folder, stamps, summaries)


def _read_jsonl(path: Path | str) -> Iterator[dict]:
    """A feed's items. Only a cut-off last line (no newline: the crawl was killed mid-write) is
    forgiven; a malformed line anywhere else raises FeedError rather than hiding what follows it."""
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                if not raw.endswith(b"\n"):  # only the last line can lack one
                    return  # a feed cut short by a killed crawl ends at its last whole line
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
                raise FeedError(Path(path), f"line {number} is not JSON ({why})") from exc
            if not isinstance(item, dict):
                raise FeedError(Path(path), f"line {number} is not a JSON object")
            yield item


def collect(name: str, items: Iterable[dict]) -> SpiderData:
    data = SpiderData(name)
    for item in items:
        kind = item.get("type")
        if kind == "institution":
            data.institution = {k: v for k, v in item.items() if k != "type"}
        elif kind == "program":
            data.programs.setdefault(item["program_id"], item)
        elif kind == "fact":
            data.facts.append(item)
        elif kind == "page":
            data.pages.append(item)
    return data


def merge(program_ids: Iterable[str], facts: Iterable[dict]) -> dict[tuple[str, str], Observation]:
    """Per (program, field): the observation the facts add up to."""
    program_ids = list(program_ids)
    known = set(program_ids)
    by_target: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for fact in facts:
        targets = program_ids if ALL_PROGRAMS in fact["programs"] else [p for p in fact["programs"] if p in known]
        for program_id in targets:
            by_target[(program_id, fact["field"])].append(fact)
    return {key: _observe(key[1], group) for key, group in by_target.items()}


def _observe(field_name: str, facts: list[dict]) -> Observation:
    spec = FIELDS[field_name]
    evidence = [_evidence(field_name, f) for f in facts if f.get("text")]
    source_url = facts[0]["url"]
    problems = [f"{f['missing']} ({f['url']})" if f.get("missing") else f["problem"]
                for f in facts if f.get("missing") or f.get("problem")]
    fetch_failed = any((f.get("missing") or "").startswith(FETCH_FAILURE_PREFIXES) for f in facts)
    values = [f["value"] for f in facts if f.get("value") is not None]
    if spec.many:
        merged: list = []
        for value in values:
            merged.extend(v for v in value if v not in merged)
        value = in_order(field_name, merged) or None
    else:
        distinct = {canonical(v): v for v in values}
        if len(distinct) > 1:
            problems.append(f"pages disagree: {' / '.join(sorted(distinct))}")
            if len(problems) == 1:  # read cleanly, but pages disagree: a conflict, each page's value kept
                return Observation(CONFLICT, alternatives(facts), evidence, source_url, problems[0])
        value = next(iter(distinct.values())) if len(distinct) == 1 else None
    if problems or value is None:
        return Observation("unknown", value, evidence, source_url, "; ".join(problems) or "no value", fetch_failed)
    return Observation("value", value, evidence, source_url)


# Evidence is page text, untrusted and unbounded (a careless CMS block can be megabytes, copied
# per program per night): what is kept of a longer text is its start, its length and its hash.
MAX_EVIDENCE_CHARS = 4_000


def _evidence(field_name: str, fact: dict) -> dict:
    """One fact's evidence: its text and page, and, when a value was read from part of the text,
    the clause that binds it ("clause"), so a maintainer sees why (normalize.binding). A text over
    MAX_EVIDENCE_CHARS keeps its start, with "chars" (its length) and "sha256" (of all of it)."""
    text = fact["text"]
    out = {"text": _capped(text), "url": fact["url"]}
    if len(text) > MAX_EVIDENCE_CHARS:
        out.update(chars=len(text), sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    if fact.get("value") is not None:
        clause = _clause(field_name, text)
        if clause and clause != text.strip():
            out["clause"] = _capped(clause)
    return out


def _read_part(text: str | None) -> str | None:
    """A fact's text as the history keeps it: the part the normalizers read (text.MAX_CHARS, the
    cap they apply before any regex), so renormalizing reads the same value, while a 5 MB paragraph
    costs the history 20,000 characters a night, not 5 MB (redteam F13)."""
    return text[:MAX_CHARS] if text and len(text) > MAX_CHARS else text


def _capped(text: str) -> str:
    return text if len(text) <= MAX_EVIDENCE_CHARS else text[:MAX_EVIDENCE_CHARS] + "…"


@lru_cache(maxsize=4096)
def _clause(field_name: str, text: str) -> str | None:
    """The binding clause, once per text: a fact stated for every program of a site is one text."""
    return binding_clause(field_name, text)


CONFLICT = "conflict"  # observations.state of a field whose pages disagree (value: `alternatives`)


def alternatives(facts: list[dict]) -> list[dict]:
    """What each page states for one field: [{"url", "value", "evidence": [{"text", "url"}]}], one
    entry per page and value, in the order the pages were read."""
    out: dict[tuple[str, str], dict] = {}
    for f in facts:
        if f.get("value") is None:
            continue
        entry = out.setdefault((f["url"], canonical(f["value"])), {"url": f["url"], "value": f["value"], "evidence": []})
        entry["evidence"].append(_evidence(f["field"], f))
    return list(out.values())


def content_hash(states: dict[str, tuple[str, Any]]) -> str:
    """One hash per program over its fields' (state, value), git-history style: a program whose
    hash matches the accepted state's needs no field-by-field comparison."""
    body = canonical({f: list(sv) for f, sv in sorted(states.items())})
    return hashlib.sha256(body.encode()).hexdigest()


def spider_errors(data: SpiderData) -> list[str]:
    errors = [f"{p['outcome']}: {p['url']}" + (f" ({p['error']})" if p.get("error") else "")
              for p in data.pages if p["outcome"] not in READ_OUTCOMES]
    seen = set()
    for fact in data.facts:
        reason = fact.get("missing") and f"{fact['field']}: {fact['missing']} ({fact['url']})"
        reason = reason or (fact.get("problem") and f"{fact['problem']} ({fact['url']})")
        if reason and reason not in seen:
            seen.add(reason)
            errors.append(reason)
    if data.summary is None:
        errors.insert(0, "the crawl ended before this spider closed (killed or crashed)")
    elif data.summary.get("finish_reason") != "finished":
        errors.insert(0, f"finished with reason {data.summary.get('finish_reason')!r}")
    if not data.programs:
        errors.insert(0, "no programs found")
    return errors


def spider_health(data: SpiderData) -> str:
    if data.summary is None or data.summary.get("finish_reason") != "finished" or not data.programs:
        return Health.FAILED
    if any(p["outcome"] not in READ_OUTCOMES for p in data.pages):
        return Health.DEGRADED
    if any(f.get("missing") or f.get("problem") for f in data.facts):
        return Health.DEGRADED
    return Health.OK


def stage(db: Database, crawl_id: str, spiders: Mapping[str, SpiderData]) -> None:
    """Write one crawl's pages, facts and observations, all or nothing."""
    with db.atomic():
        for name in sorted(spiders):
            data = spiders[name]  # looked up one at a time: a CrawlDir builds each spider when asked
            _stage_spider(db, crawl_id, data)
            data.release()  # a feed-backed spider's items: one spider in memory at a time
        db.execute("UPDATE crawls SET status = 'staged' WHERE crawl_id = ?", [crawl_id])
        checkpoint("stage:before_commit")


def _stage_spider(db: Database, crawl_id: str, data: SpiderData) -> None:
    conn = db.conn
    if data.institution:
        db["institutions"].upsert(data.institution, pk="institution_id")
    conn.executemany(
        "INSERT OR REPLACE INTO pages VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(crawl_id, p["url"], data.name, p["outcome"], p.get("status"), p.get("final_url"),
          json.dumps(p.get("redirect_urls") or []), p.get("sha256"), p.get("size"), p.get("fetched_at"), p.get("error"),
          p.get("etag"), p.get("last_modified"), p.get("content_type"))
         for p in data.pages],
    )
    start = conn.execute("SELECT coalesce(max(seq), 0) FROM facts WHERE crawl_id = ?", [crawl_id]).fetchone()[0]
    conn.executemany(
        "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(crawl_id, start + i, f["institution_id"], f["field"], json.dumps(f["programs"]), _read_part(f.get("text")), f["url"],
          f.get("missing"), None if f.get("value") is None else canonical(f["value"]), f.get("problem"))
         for i, f in enumerate(data.facts, 1)],
    )
    write_observations(db, crawl_id, data)
    coverage = _coverage(db, crawl_id, data)
    db["spider_runs"].upsert(
        {
            "crawl_id": crawl_id, "spider": data.name,
            "finish_reason": (data.summary or {}).get("finish_reason"),
            "health": spider_health(data), "pages": len(data.pages), "programs": len(data.programs),
            "coverage": json.dumps(coverage, sort_keys=True), "errors": json.dumps(spider_errors(data)),
            "stats": json.dumps((data.summary or {}).get("stats", {}), default=str, sort_keys=True),
        },
        pk=("crawl_id", "spider"),
    )


def write_observations(db: Database, crawl_id: str, data: SpiderData) -> None:
    observations = merge(data.programs, data.facts)
    per_program: dict[str, dict[str, tuple]] = defaultdict(dict)
    for (program_id, field_name), obs in observations.items():
        per_program[program_id][field_name] = (obs.state, obs.value)
    db.conn.executemany(
        "INSERT OR REPLACE INTO observations VALUES (?,?,?,?,?,?,?,?,?)",
        [(crawl_id, program_id, field_name, o.state, None if o.value is None else canonical(o.value),
          json.dumps(o.evidence, ensure_ascii=False), o.source_url, o.problem, int(o.fetch_failed))
         for (program_id, field_name), o in sorted(observations.items())],
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO seen_programs VALUES (?,?,?,?,?)",
        [(crawl_id, program_id, data.name, item.get("url"), content_hash(per_program.get(program_id, {})))
         for program_id, item in sorted(data.programs.items())],
    )


def _coverage(db: Database, crawl_id: str, data: SpiderData) -> dict[str, float]:
    """Per field: the share of this spider's programs with a value in this crawl."""
    if not data.programs:
        return {}
    rows = db.execute(  # this site's programs first (not every site's observations, then filtered)
        """SELECT o.field, count(*) FROM seen_programs s INDEXED BY seen_programs_by_site
           CROSS JOIN observations o ON o.crawl_id = s.crawl_id AND o.program_id = s.program_id
           WHERE s.crawl_id = ? AND s.institution_id = ? AND o.state = 'value' GROUP BY o.field""",
        [crawl_id, data.name],
    ).fetchall()
    return {f: round(n / len(data.programs), 4) for f, n in rows}
