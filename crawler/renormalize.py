"""Re-read the stored evidence of a crawl with today's normalizers, without crawling again.

The result is a crawl of kind `renormalize` (cause `parser`) that flows through reconcile,
the review policy, publish and the report like any other, so a better parser's changes are
reviewed like a site's, and labelled as the parser's. Only the latest published crawl can be
re-read: re-reading an older one would replay stale pages over newer values.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database

from crawler import __version__
from crawler.fields import PARSER_VERSION, read_fact
from crawler.refresh import ConfigError, Paths, RefreshResult, check_data_dir, exclusive, finish, new_crawl_id, recover
from crawler.stage import SpiderData, stage
from crawler.storage import latest_published, open_history


def renormalize(data, crawl_id: str | None = None, log=print) -> RefreshResult:
    if not (data / "history.db").exists():
        raise ConfigError(f"no history at {data / 'history.db'}: run `mlis-crawler refresh --data {data}` first")
    paths: Paths = check_data_dir(data)
    with exclusive(paths):
        db = open_history(paths.history)
        recover(db, paths, log)  # a crawl killed after reconcile is finished first (a `note:` line says so)
        latest = latest_published(db)
        if latest is None:
            raise ConfigError("no published crawl to re-read")
        based_on = crawl_id or latest
        if based_on != latest:
            raise ConfigError(f"only the latest published crawl ({latest}) can be re-read, not {based_on}")
        source, observed_on = db.execute("SELECT source, observed_on FROM crawls WHERE crawl_id = ?", [based_on]).fetchone()
        new_id = new_crawl_id()
        db["crawls"].insert({
            "crawl_id": new_id, "kind": "renormalize", "cause": "parser", "based_on": based_on,
            "source": f"evidence of crawl {based_on} ({source})", "observed_on": observed_on,
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"), "status": "running",
            "code_version": __version__, "parser_version": PARSER_VERSION,
        })
        stage(db, new_id, reread(db, based_on))
        return finish(db, paths, new_id)


def reread(db: Database, crawl_id: str) -> dict[str, SpiderData]:
    """The crawl's plain data as it was crawled, with every fact's text read again."""
    spiders: dict[str, SpiderData] = {}
    for spider, finish_reason, stats in db.execute(
        "SELECT spider, finish_reason, stats FROM spider_runs WHERE crawl_id = ?", [crawl_id]
    ):
        data = spiders[spider] = SpiderData(spider)
        if finish_reason is not None:
            data.summary = {"finish_reason": finish_reason, "stats": json.loads(stats or "{}")}
    for program_id, institution_id, url in db.execute(
        "SELECT program_id, institution_id, url FROM seen_programs WHERE crawl_id = ?", [crawl_id]
    ):
        spiders[institution_id].programs[program_id] = {"program_id": program_id, "institution_id": institution_id, "url": url}
    for row in db.execute(
        "SELECT institution_id, field, programs, text, url, missing FROM facts WHERE crawl_id = ? ORDER BY seq", [crawl_id]
    ):
        institution_id, field, programs, text, url, missing = row
        value, problem = read_fact(field, text) if text is not None else (None, None)
        spiders[institution_id].facts.append({
            "institution_id": institution_id, "field": field, "programs": json.loads(programs), "text": text,
            "url": url, "missing": missing, "value": value, "problem": problem,
        })
    for row in db.execute(
        "SELECT spider, url, outcome, status, final_url, redirect_urls, sha256, size, fetched_at, error FROM pages WHERE crawl_id = ?",
        [crawl_id],
    ):
        keys = ("spider", "url", "outcome", "status", "final_url", "redirect_urls", "sha256", "size", "fetched_at", "error")
        page = dict(zip(keys, row))
        page["redirect_urls"] = json.loads(page["redirect_urls"] or "[]")
        spiders[page["spider"]].pages.append(page)
    return spiders
