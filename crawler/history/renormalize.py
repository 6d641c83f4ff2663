"""Re-read the stored evidence of a crawl with today's normalizers, without crawling again.

`reread` turns a stored crawl back into the plain data a crawl feed holds, every fact read
again; `crawler.jobs.renormalize` stages it as a crawl of kind `renormalize` (cause `parser`)
that flows through reconcile, the review policy, publish and the report like any other, so a
better parser's changes are reviewed like a site's, and labelled as the parser's.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from crawler.fields import read_fact
from crawler.history.stage import SpiderData


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
    for page in db.query(
        "SELECT spider, url, outcome, status, final_url, redirect_urls, sha256, size, fetched_at, error FROM pages WHERE crawl_id = ?",
        [crawl_id],
    ):
        page["redirect_urls"] = json.loads(page["redirect_urls"] or "[]")
        spiders[page["spider"]].pages.append(page)
    return spiders
