"""The contract every spider keeps, checked for every spider `scrapy list` knows.

On its newest capture (the latest night replays every university's newest capture) a spider
has recorded pages, finds at least one program, and everything it reports is valid. On broken copies of its own pages (emptied, cut short, digits
stripped) it must say so (missing or unreadable facts, a non-ok ledger outcome) rather than
yield an empty or a wrong record; a real refresh of the broken copy after a good night marks
the site degraded or failed and publishes no different value.

A spider's pages are the recorded host folders matching its `allowed_domains` (the host
itself or a subdomain of it). A spider the scaffold just wrote, whose host folder holds only the
`.recording-pending` marker, is skipped by name; a spider with no host folder at all fails.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest

from crawler.crawl import recordings
from crawler.crawl.runner import spider_names
from crawler.items import OK
from crawler.history.policy import VALUE_KINDS
from tests.conftest import SITES
from tests.support.sitecopy import (
    copy_data, copy_snapshot, history, night, published_rows, recorded_pages, report, spider_class, spider_hosts,
)

SPIDERS = spider_names()
DOMAINS = recordings.spider_domains()
CAPTURES = recordings.captures(SITES, DOMAINS)
PENDING = recordings.pending(SITES, DOMAINS)
NEWEST = recordings.nights(SITES, DOMAINS)[-1]  # the latest night: every university's newest capture
NEXT_NIGHT = (date.fromisoformat(NEWEST) + timedelta(days=1)).isoformat()


def skip_if_not_recorded(spider: str) -> None:
    if spider in PENDING:
        pytest.skip(f"{spider}: no recorded pages yet ({', '.join(str(p.relative_to(SITES)) for p in PENDING[spider])})")


def emptied(body: bytes) -> bytes:
    return b"<html><body></body></html>"


def truncated(body: bytes) -> bytes:
    return body[: int(len(body) * 0.4)]


def digits_stripped(body: bytes) -> bytes:
    return body.translate(None, b"0123456789")


MUTATIONS = {"emptied": emptied, "truncated": truncated, "digits-stripped": digits_stripped}


def test_there_are_spiders():
    assert "arizona" in SPIDERS


def test_every_recorded_host_belongs_to_a_spider():
    assert recordings.unowned_hosts(SITES, DOMAINS) == [], "a host folder no spider may crawl is never replayed"


@pytest.mark.parametrize("spider", SPIDERS)
def test_spider_has_recorded_pages(spider):
    cls = spider_class(spider)
    assert cls.name == spider
    assert cls.allowed_domains, "a spider must say which domains it may crawl"
    skip_if_not_recorded(spider)
    assert spider in CAPTURES, f"no recorded host with pages for {cls.allowed_domains} in {SITES}"
    newest = CAPTURES[spider][-1]
    hosts = spider_hosts(spider, SITES / newest.date)
    assert hosts, f"no recorded host for {cls.allowed_domains} in {newest.date}"
    assert [p for h in hosts for p in recorded_pages(SITES / newest.date, h)], f"{spider}: hosts {hosts} hold no pages"
    # Once pages are recorded, the scaffold's marker goes (a marker beside pages says nothing true).
    markers = [p for c in CAPTURES[spider] for h in c.hosts if (p := SITES / c.date / h / recordings.PENDING).exists()]
    assert markers == [], f"{spider}: remove {markers}: the pages are recorded"
    # Every start page is on one of its hosts, or answered by a recorded redirect of one.
    for url in cls.start_pages:
        host = url.split("/")[2]
        assert any(host == h or host.endswith("." + d) or host == d
                   for h in hosts for d in cls.allowed_domains), url


@pytest.mark.parametrize("spider", SPIDERS)
def test_spider_reads_the_newest_snapshot_cleanly(crawled, spider):
    skip_if_not_recorded(spider)
    data = crawled(NEWEST)[spider]
    assert data.programs, f"{spider} found no program"
    assert all(p["program_id"].startswith(f"{spider}/") for p in data.programs.values())
    assert data.summary and data.summary["finish_reason"] == "finished"
    assert {p["url"]: p["outcome"] for p in data.pages if p["outcome"] != OK} == {}
    assert [f for f in data.facts if f.get("missing") or f.get("problem")] == []
    assert all(f.get("value") is not None for f in data.facts)
    start = set(spider_class(spider).start_pages)
    assert start <= {p["url"] for p in data.pages}, "every start page has a ledger row"


@cache
def _baseline(spider: str, root: Path, newest: Path) -> Path:
    data = root / f"baseline-{spider}"
    result = night(data, newest, [spider])
    assert result.health == {spider: "ok"}, f"{spider} is not healthy on {NEWEST}: {report(result)['spiders']}"
    return data


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, night_dir):
    root = tmp_path_factory.mktemp("contract")
    return lambda spider: _baseline(spider, root, night_dir(NEWEST).path)


def observed(data: Path, crawl_id: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    return {(r["program_id"], r["field"]): (r["state"], r["value"]) for r in history(data).execute(
        "SELECT program_id, field, state, value FROM observations WHERE crawl_id = ?", [crawl_id])}


def values(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Published rows without their confirmation dates."""
    return {t: [r[:-1] if t in ("programs", "tuition_rates", "deadlines") else r for r in rs] for t, rs in rows.items()}


# Known contract breaches, each a real bug to fix at its source; strict, so a fix is noticed.
KNOWN_BREACHES = {
}


def _broken_cases():
    for spider in SPIDERS:
        for mutation in sorted(MUTATIONS):
            reason = KNOWN_BREACHES.get((spider, mutation))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            if spider in PENDING:
                marks = [pytest.mark.skip(reason=f"{spider}: no recorded pages yet")]
            yield pytest.param(spider, mutation, marks=marks, id=f"{spider}-{mutation}")


@pytest.mark.parametrize("spider, mutation", list(_broken_cases()))
def test_broken_pages_are_reported_not_published(baseline, night_dir, tmp_path, spider, mutation):
    good = baseline(spider)
    good_crawl = history(good).execute("SELECT crawl_id FROM crawls").fetchone()[0]
    data = copy_data(good, tmp_path / "data")
    before = published_rows(data)

    snapshot = copy_snapshot(night_dir(NEWEST).path, tmp_path / "sites", NEXT_NIGHT)
    pages = [p for host in spider_hosts(spider, snapshot) for p in recorded_pages(snapshot, host)]
    assert pages
    for page in pages:
        page.write_bytes(MUTATIONS[mutation](page.read_bytes()))
    result = night(data, snapshot, [spider])

    # The site is marked broken, with reasons.
    assert result.health[spider] in ("degraded", "failed")
    db = history(data)
    errors = json.loads(db.execute("SELECT errors FROM spider_runs WHERE crawl_id = ? AND spider = ?",
                                   [result.crawl_id, spider]).fetchone()[0])
    assert errors
    # The spider itself said something went wrong: a non-ok page, a missing or unreadable fact,
    # or no program at all.
    outcomes = [r[0] for r in db.execute("SELECT outcome FROM pages WHERE crawl_id = ? AND spider = ?", [result.crawl_id, spider])]
    flagged = db.execute("""SELECT count(*) FROM facts WHERE crawl_id = ? AND institution_id = ?
                            AND (missing IS NOT NULL OR problem IS NOT NULL)""", [result.crawl_id, spider]).fetchone()[0]
    programs = db.execute("SELECT count(*) FROM seen_programs WHERE crawl_id = ? AND institution_id = ?",
                          [result.crawl_id, spider]).fetchone()[0]
    assert any(o != OK for o in outcomes) or flagged or programs == 0
    # Every start page has its ledger row.
    assert set(spider_class(spider).start_pages) <= {
        r[0] for r in db.execute("SELECT url FROM pages WHERE crawl_id = ? AND spider = ?", [result.crawl_id, spider])}

    # Nothing wrong was read: no invented program, and every value read equals the good night's.
    good_values = observed(good, good_crawl)
    good_programs = {p for p, _ in good_values}
    broken = observed(data, result.crawl_id)
    assert {p for p, _ in broken} <= good_programs
    wrong = {k: v[1] for k, v in broken.items() if v[0] == "value" and good_values.get(k, (None, None))[1] != v[1]}
    assert wrong == {}, f"{spider} read different values from {mutation} pages"

    # Nothing published moved; no value change was accepted.
    assert values(published_rows(data)) == values(before)
    accepted = [(c["program_id"], c["field"], c["kind"]) for c in report(result)["changes"]
                if c["kind"] in VALUE_KINDS and c["status"] == "accepted"]
    assert accepted == []
