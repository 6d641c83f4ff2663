"""Data-level faults, made to happen on copies of the recorded sites (DESIGN 6 and 6b).

Each test starts from the same good night (the newest snapshot, refreshed once per module and
copied per test), breaks a copy of that snapshot in one way, runs the real nightly refresh on
it, and checks what "nothing lost" promises: published values stay, their dates do not move
for what could not be read, the site is marked degraded or failed with the reason, the report
says what broke and since when, and every scheduled URL has a ledger row.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from crawler.history.policy import POLICY
from crawler.errors import ReviewError
from crawler.history.review import decide
from crawler.crawl.spider import slug
from crawler.history.db import open_history
from tests.conftest import QUIET, ROOT, SITES
from tests.support.sitecopy import (
    copy_data, copy_snapshot, declare, edit, history, night, provenance, published, published_rows, report,
)

SPIDER = "arizona"
BASE_NIGHT = QUIET  # 2026-11-02: the good night every test starts from
PROGRAMS = 9
CATALOG = "https://grad.arizona.edu/catalog/programinfo/LISMA"
START = "https://ischool.arizona.edu/ma-library-information-science/admissions-cost"  # answers 301 -> infosci
ADMISSIONS = "https://infosci.arizona.edu/ma-library-information-science/admissions-cost"
CATALOG_FILE = "grad.arizona.edu/catalog/programinfo/LISMA"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
ADMISSIONS_PATH = "/ma-library-information-science/admissions-cost"
HOSTS = ("grad.arizona.edu", "infosci.arizona.edu", "ischool.arizona.edu")
# Fields read from each page (what a failure of that page must leave untouched).
CATALOG_FIELDS = {"name", "degree", "total_credits", "ala_accredited", "delivery", "concentration"}
ADMISSIONS_FIELDS = {"application_deadlines", "start_terms", "min_gpa", "entrance_exam", "tuition"}
ADMISSIONS_EXPECTS = ADMISSIONS_FIELDS - {"entrance_exam"}  # what the page must state (older versions have no GRE line)
CREDITS = "a total of 37 units"
GRE_LINE = "<li>A GRE is not required. You may still submit one if you choose to.</li>"
CLI = Path(sys.executable).parent / "mlis-crawler"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """A data folder after one good night of the newest snapshot."""
    data = tmp_path_factory.mktemp("baseline") / "data"
    result = night(data, SITES / BASE_NIGHT, [SPIDER])
    assert result.health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


@pytest.fixture
def site(tmp_path):
    """site(night) -> a fresh copy of the good snapshot, standing for that night."""
    return lambda date: copy_snapshot(BASE_NIGHT, tmp_path / f"sites-{date}", date)


def copy_snapshot_as(snapshot: Path, date: str) -> Path:
    """An edited snapshot again, standing for a later night (the folder name is the date)."""
    return Path(shutil.copytree(snapshot, snapshot.parent.parent / f"sites-{date}" / date))


def changes_of(result) -> Counter:
    return Counter((c["field"], c["kind"], c["status"]) for c in report(result)["changes"])


def spider_report(result) -> dict:
    (entry,) = [s for s in report(result)["spiders"] if s["name"] == SPIDER]
    return entry


def ledger(data: Path, crawl_id: str) -> dict[str, dict]:
    return {r["url"]: dict(r) for r in history(data).execute("SELECT * FROM pages WHERE crawl_id = ?", [crawl_id])}


def current(data: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(program, field) -> (value JSON, verified_at) of the accepted state."""
    return {(r["program_id"], r["field"]): (r["value"], r["verified_at"])
            for r in history(data).execute("SELECT * FROM current")}


def assert_kept(before_rows, before_prov, data: Path, unverified: set[str], night: str) -> None:
    """Published values unchanged; the fields of failed pages keep their old provenance and date;
    the others (if any) were verified tonight with the same evidence."""
    assert published_rows(data) == before_rows
    after = provenance(data)
    assert after.keys() == before_prov.keys()
    for (program_id, field), rows in after.items():
        old = before_prov[(program_id, field)]
        if field in unverified:
            assert rows == old, f"{program_id} {field} moved"
        else:
            assert {u: r["evidence"] for u, r in rows.items()} == {u: r["evidence"] for u, r in old.items()}
            assert {r["verified_at"] for r in rows.values()} == {night}


def values(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Published rows without their confirmation dates (programs.verified_at, as_of)."""
    return {t: [r[:-1] if t in ("programs", "tuition_rates", "deadlines") else r for r in rs] for t, rs in rows.items()}


def remove_hosts(snapshot: Path, *hosts: str) -> None:
    for host in hosts:
        shutil.rmtree(snapshot / host)


# -- 1. a site down, a 5xx, a 404 ----------------------------------------------------------------

def test_site_down_keeps_everything_and_exits_1(data, site):
    """Every host gone (connection refused), two nights running, through the real CLI."""
    before_rows, before_prov, before_current = published_rows(data), provenance(data), current(data)
    for date in ("2026-11-03", "2026-11-04"):
        snapshot = site(date)
        remove_hosts(snapshot, *HOSTS)
        run = subprocess.run([str(CLI), "refresh", "--replay", str(snapshot), "--data", str(data), "--spider", SPIDER],
                             capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 1, run.stderr
        assert f"{SPIDER}: failed" in run.stdout
        assert published_rows(data) == before_rows
        assert provenance(data) == before_prov  # same values, same evidence, same verified_at
        assert current(data) == before_current
    crawl_id = history(data).execute("SELECT crawl_id FROM crawls ORDER BY started_at DESC LIMIT 1").fetchone()[0]
    latest = report_of(data, crawl_id)
    (entry,) = latest["spiders"]
    assert entry["health"] == "failed"
    assert entry["programs"] == 0
    assert entry["broken_since"] == "2026-11-03"
    assert entry["errors"][0] == "no programs found"
    assert any(e.startswith(f"conn_failed: {CATALOG} ") for e in entry["errors"])
    assert Counter((c["field"], c["kind"], c["status"]) for c in latest["changes"]) == {
        (None, "fetch_failed", "accepted"): PROGRAMS}
    assert {c["reason"] for c in latest["changes"]} == {"no programs found"}
    assert {p: r["outcome"] for p, r in ledger(data, crawl_id).items()} == {CATALOG: "conn_failed", START: "conn_failed"}
    statuses = {r["status"] for r in published(data).execute("SELECT status FROM programs")}
    assert statuses == {"active"}


def report_of(data: Path, crawl_id: str) -> dict:
    import json

    return json.loads((data / "reports" / crawl_id / "report.json").read_text())


def test_a_healthy_night_exits_0(data, site):
    run = subprocess.run([str(CLI), "refresh", "--replay", str(site("2026-11-03")), "--data", str(data), "--spider", SPIDER],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "mlis-crawler refresh 2026-11-03: no changes" in run.stdout.splitlines()


def test_one_host_down_keeps_its_fields_and_verifies_the_rest(data, site):
    """infosci.arizona.edu refuses connections: the admissions page (reached by a redirect) is
    lost; the catalog still confirms its facts."""
    before_rows, before_prov = published_rows(data), provenance(data)
    snapshot = site("2026-11-03")
    remove_hosts(snapshot, "infosci.arizona.edu")
    result = night(data, snapshot, [SPIDER])
    assert result.health == {SPIDER: "degraded"}
    assert changes_of(result) == {(f, "fetch_failed", "accepted"): PROGRAMS for f in ADMISSIONS_EXPECTS}
    assert_kept(before_rows, before_prov, data, ADMISSIONS_FIELDS, "2026-11-03")
    pages = ledger(data, result.crawl_id)
    # The ledger row is the URL the spider scheduled, with where its redirect led.
    assert set(pages) == {CATALOG, START}
    assert pages[START]["outcome"] == "conn_failed"
    assert pages[START]["final_url"] == ADMISSIONS
    assert pages[START]["redirect_urls"] == f'["{START}"]'
    assert pages[CATALOG]["outcome"] == "ok"
    entry = spider_report(result)
    assert f"min_gpa: page not fetched: conn_failed ({ADMISSIONS})" in entry["errors"]


@pytest.mark.parametrize("break_page, outcome, status, reason", [
    (lambda s: declare(s, "infosci.arizona.edu", status={ADMISSIONS_PATH: 503}), "http_5xx", 503, "page answered HTTP 503"),
    (lambda s: (s / ADMISSIONS_FILE).unlink(), "http_4xx", 404, "page answered HTTP 404"),
], ids=["503", "404"])
def test_failed_page_keeps_values_and_dates(data, site, break_page, outcome, status, reason):
    before_rows, before_prov = published_rows(data), provenance(data)
    snapshot = site("2026-11-03")
    break_page(snapshot)
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    # Only the fields the page was expected to state are reported broken; nothing else moves.
    assert changes_of(result) == {(f, "fetch_failed", "accepted"): PROGRAMS for f in ADMISSIONS_EXPECTS}
    for change in report(result)["changes"]:
        assert change["new"] is None and change["old"] is not None
        assert change["reason"] == f"{reason} ({ADMISSIONS})"
    # The rows downstream reads are identical, verified_at and as_of included: the page's
    # fields were not verified tonight; the catalog's were.
    assert_kept(before_rows, before_prov, data, ADMISSIONS_FIELDS, "2026-11-03")
    entry = spider_report(result)
    assert entry["health"] == "degraded" and entry["broken_since"] == "2026-11-03"
    assert f"{outcome}: {START}" in entry["errors"]  # the URL scheduled; it redirected to ADMISSIONS
    pages = ledger(data, result.crawl_id)
    assert set(pages) == {CATALOG, START}
    assert (pages[START]["outcome"], pages[START]["status"], pages[START]["final_url"]) == (outcome, status, ADMISSIONS)


def test_broken_since_is_the_first_bad_night_after_the_last_good_one(data, site):
    def broken(date):
        snapshot = site(date)
        declare(snapshot, "infosci.arizona.edu", status={ADMISSIONS_PATH: 503})
        return night(data, snapshot, [SPIDER])

    assert spider_report(broken("2026-11-03"))["broken_since"] == "2026-11-03"
    assert spider_report(broken("2026-11-04"))["broken_since"] == "2026-11-03"
    good = night(data, site("2026-11-05"), [SPIDER])
    assert spider_report(good)["health"] == "ok" and spider_report(good)["broken_since"] is None
    assert changes_of(good) == {}
    assert spider_report(broken("2026-11-06"))["broken_since"] == "2026-11-06"
    # After the good night every field is verified on it; the broken page's fields stay there.
    verified = {f: v for (p, f), (_, v) in current(data).items() if p == "arizona/ma-lis"}
    assert {f for f, v in verified.items() if v == "2026-11-05"} == ADMISSIONS_FIELDS
    assert {v for f, v in verified.items() if f not in ADMISSIONS_FIELDS} == {"2026-11-06"}


# -- 2. a restyled site --------------------------------------------------------------------------

RESTYLED_TAGS = ("main", "section", "article", "nav", "header", "footer", "div", "span", "p", "ul", "ol", "li",
                 "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd",
                 "strong", "b", "em", "button", "summary", "details")


def restyle(snapshot: Path) -> None:
    """A new design system: every block is a custom element with new class names; the words stay."""
    pattern = re.compile(rf"<(/?)({'|'.join(RESTYLED_TAGS)})\b", re.IGNORECASE)
    for host in HOSTS:
        for page in (snapshot / host).rglob("*"):
            if page.is_file() and page.name != "robots.txt":
                text = pattern.sub(lambda m: f"<{m[1]}ds-{m[2]}", page.read_text(encoding="utf-8"))
                page.write_text(text, encoding="utf-8")


def test_restyled_site_is_unknown_not_removed(data, site):
    before_rows, before_prov = published_rows(data), provenance(data)
    snapshot = site("2026-11-03")
    restyle(snapshot)
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    crawl = history(data)
    states = Counter(r["state"] for r in crawl.execute("SELECT state FROM observations WHERE crawl_id = ?", [result.crawl_id]))
    assert states == {"unknown": 9}  # the nine fields the two pages are expected to state, all unknown
    kinds = changes_of(result)
    assert not [k for k in kinds if k[1] in ("removed", "program_removed", "changed", "added")]
    assert set(kinds) == {(f, "extraction_failed", "accepted") for f in
                          ("name", "degree", "total_credits", "ala_accredited", "delivery",
                           "application_deadlines", "start_terms", "min_gpa", "tuition")}
    entry = spider_report(result)
    assert entry["quarantined"] is True
    assert entry["errors"][0] == f"circuit breaker: found 1 programs, {PROGRAMS} published"
    assert_kept(before_rows, before_prov, data, CATALOG_FIELDS | ADMISSIONS_FIELDS, "2026-11-03")
    # The pages were fetched fine; the ledger says the extraction came back empty.
    assert {u: p["outcome"] for u, p in ledger(data, result.crawl_id).items()} == {
        CATALOG: "extraction_empty", START: "extraction_empty"}


# -- 3. a program disappears ---------------------------------------------------------------------

GONE = "arizona/ma-lis-special-librarianship"


def without_program(snapshot: Path) -> Path:
    edit(snapshot, CATALOG_FILE, "<li>Special Librarianship</li>", "")
    return snapshot


def test_disappeared_program_is_unseen_until_confirmed_by_healthy_nights(data, site):
    gone_row = dict(published(data).execute("SELECT * FROM programs WHERE program_id = ?", [GONE]).fetchone())
    k = POLICY.removal_confirmations
    dates = iter(f"2026-11-{d:02d}" for d in range(3, 30))
    db = lambda: history(data)  # noqa: E731
    missed = lambda: db().execute("SELECT status, missed_crawls FROM programs WHERE program_id = ?", [GONE]).fetchone()  # noqa: E731

    for healthy_night in range(1, k + 1):
        result = night(data, without_program(site(next(dates))), [SPIDER])
        assert result.health == {SPIDER: "ok"}
        assert tuple(missed()) == ("unseen", healthy_night)
        if healthy_night < k:
            assert changes_of(result) == {}
            assert report(result)["unseen"] == [{"program_id": GONE, "missed_crawls": healthy_night}]
            published_gone = dict(published(data).execute("SELECT * FROM programs WHERE program_id = ?", [GONE]).fetchone())
            assert published_gone == {**gone_row, "status": "unseen"}  # every value and date kept
        if healthy_night == 1:
            # A degraded night in between: the program is still missing, but it does not count.
            snapshot = without_program(site(next(dates)))
            declare(snapshot, "infosci.arizona.edu", status={ADMISSIONS_PATH: 503})
            degraded = night(data, snapshot, [SPIDER])
            assert degraded.health == {SPIDER: "degraded"}
            assert tuple(missed()) == ("unseen", 1)
            assert not [c for c in report(degraded)["changes"] if c["kind"] == "program_removed"]

    (removal,) = [c for c in report(result)["changes"]]
    assert (removal["program_id"], removal["kind"], removal["status"]) == (GONE, "program_removed", "pending")
    assert removal["reason"] == (f"not found in {k} healthy crawls in a row; "
                                 "the program is no longer listed; confirm before removing it")
    # Pending: still published, with its values; removed only when a maintainer accepts.
    row = published(data).execute("SELECT status FROM programs WHERE program_id = ?", [GONE]).fetchone()
    assert row["status"] == "unseen"
    assert published(data).execute("SELECT count(*) FROM deadlines WHERE program_id = ?", [GONE]).fetchone()[0] == 9

    # It comes back before anyone decided: the removal no longer applies and cannot be accepted.
    back_date = next(dates)
    back = night(data, site(back_date), [SPIDER])
    assert back.health == {SPIDER: "ok"}
    assert tuple(missed()) == ("active", 0)
    run = subprocess.run([str(CLI), "review", "accept", str(removal["change_id"]), "--data", str(data)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip() == (f"mlis-crawler: error: change {removal['change_id']} is stale: "
                                  f"{GONE} was listed again on {back_date}; nothing was decided")
    assert published(data).execute("SELECT status FROM programs WHERE program_id = ?", [GONE]).fetchone()[0] == "active"


# -- 4. robots.txt newly disallows a page -------------------------------------------------------

def test_robots_disallow_is_recorded_and_values_kept(data, site):
    before_rows, before_prov = published_rows(data), provenance(data)
    snapshot = site("2026-11-03")
    edit(snapshot, "infosci.arizona.edu/robots.txt", "Disallow: /admin/\n", f"Disallow: /admin/\nDisallow: {ADMISSIONS_PATH}\n")
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    pages = ledger(data, result.crawl_id)
    assert pages[START]["outcome"] == "robots"  # its redirect led to the disallowed path
    assert pages[START]["sha256"] is None  # never fetched
    assert changes_of(result) == {(f, "fetch_failed", "accepted"): PROGRAMS for f in ADMISSIONS_EXPECTS}
    assert {c["reason"] for c in report(result)["changes"]} == {f"page not fetched: robots ({ADMISSIONS})"}
    assert f"robots: {START} (IgnoreRequest: Forbidden by robots.txt)" in spider_report(result)["errors"]
    assert_kept(before_rows, before_prov, data, ADMISSIONS_FIELDS, "2026-11-03")


def test_robots_txt_answering_a_server_error_forbids_the_host(data, site):
    """RFC 9309: a 5xx robots.txt means the host is unreachable for crawlers; Scrapy alone would
    read the error page as "no rules" and crawl on."""
    before_rows, before_prov = published_rows(data), provenance(data)
    snapshot = site("2026-11-03")
    declare(snapshot, "infosci.arizona.edu", status={"/robots.txt": 503})
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    pages = ledger(data, result.crawl_id)
    # The ischool URL redirects into the forbidden host, so the admissions page behind it is never
    # fetched; the catalog, on another host, is read as usual.
    assert pages[START]["outcome"] == "robots"
    assert pages[START]["sha256"] is None  # never fetched
    assert pages[START]["error"] == ("IgnoreRequest: Forbidden by robots.txt: it answered with a server error "
                                     "(RFC 9309: unreachable)")
    assert ADMISSIONS not in pages and pages[CATALOG]["outcome"] == "ok"
    assert changes_of(result) == {(field, "fetch_failed", "accepted"): PROGRAMS for field in ADMISSIONS_EXPECTS}
    assert_kept(before_rows, before_prov, data, ADMISSIONS_FIELDS, "2026-11-03")


# -- 5. circuit breakers and holds ---------------------------------------------------------------

def test_fewer_programs_than_published_quarantines_the_site(data, site):
    snapshot = site("2026-11-03")
    gone = ("Special Librarianship", "Public Librarianship", "Law Librarianship")  # 9 -> 6 programs
    for item in ("Special Librarianship", "Public Librarianship", "Law Librarianship (Certificate)"):
        edit(snapshot, CATALOG_FILE, f"<li>{item}</li>", "")
    edit(snapshot, CATALOG_FILE, CREDITS, "a total of 36 units")  # news that would be accepted on a healthy night
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    entry = spider_report(result)
    assert entry["quarantined"] is True
    assert entry["errors"] == [f"circuit breaker: found 6 programs, {PROGRAMS} published"]
    assert changes_of(result) == {("total_credits", "changed", "pending"): 6}
    assert {c["reason"] for c in report(result)["changes"]} == {"held: the site's circuit breaker tripped"}
    assert {r["total_credits"] for r in published(data).execute("SELECT total_credits FROM programs")} == {37}
    # The site was read cleanly, so the absence counts towards removal (held like any removal).
    statuses = dict(history(data).execute("SELECT program_id, status FROM programs"))
    assert {p for p, status in statuses.items() if status == "unseen"} == {f"arizona/ma-lis-{slug(n)}" for n in gone}


def test_field_coverage_drop_quarantines_a_site_that_looked_healthy(data, site):
    """The GRE statement is optional on the admissions page (older versions have none), so the
    spider cannot report it missing; the breaker sees its coverage fall from 100% to 0% of the
    published programs and holds the site. The page was read cleanly, so the vanished exam rule
    is offered for review as `removed`."""
    before_rows = published_rows(data)
    snapshot = site("2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, GRE_LINE, "")
    edit(snapshot, CATALOG_FILE, CREDITS, "a total of 36 units")
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "degraded"}
    entry = spider_report(result)
    assert entry["quarantined"] is True
    assert entry["errors"] == ["circuit breaker: entrance_exam found for 0% of programs, 100% published"]
    assert changes_of(result) == {("total_credits", "changed", "pending"): PROGRAMS,
                                  ("entrance_exam", "removed", "pending"): PROGRAMS}
    assert values(published_rows(data)) == values(before_rows)
    # Values read again and equal are confirmed tonight.
    assert {r[-1] for r in published_rows(data)["deadlines"]} == {"2026-11-03"}
    assert {r[-1] for r in published_rows(data)["tuition_rates"]} == {"2026-11-03"}


def test_accepting_what_the_breaker_held_clears_it(data, site):
    """The site really dropped its GRE statement: a maintainer accepts the held removals, and the
    next night the breaker (comparing with what is published) no longer trips; the credits
    change it was also holding is published then, without a second question."""
    snapshot = site("2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, GRE_LINE, "")
    edit(snapshot, CATALOG_FILE, CREDITS, "a total of 36 units")
    first = night(data, snapshot, [SPIDER])
    removals = [c["change_id"] for c in report(first)["changes"] if c["kind"] == "removed"]
    decide(open_history(data / "history.db"), removals, True, "the program stopped stating its exam rule")

    second = night(data, copy_snapshot_as(snapshot, "2026-11-04"), [SPIDER])

    assert second.health == {SPIDER: "ok"}
    assert report(second)["changes"] == []
    assert {r[0] for r in published(data).execute("SELECT entrance_exam FROM programs")} == {None}
    assert {r[0] for r in published(data).execute("SELECT total_credits FROM programs")} == {36}
    reasons = {r[0] for r in history(data).execute(
        "SELECT decision_reason FROM changes WHERE field = 'total_credits' AND status = 'accepted'")}
    assert reasons == {"no longer held on 2026-11-04"}


def test_a_change_the_site_went_back_on_cannot_be_accepted(data, site):
    """Held (+33%), then the site states the published value again: the held change is
    superseded, so a late 'accept' cannot publish a value the site no longer states."""
    snapshot = site("2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$1,200/unit")
    held = night(data, snapshot, [SPIDER])
    assert changes_of(held) == {("tuition", "changed", "pending"): PROGRAMS}
    night(data, site("2026-11-04"), [SPIDER])  # the page says $900 again
    statuses = {r[0]: r[1] for r in history(data).execute(
        "SELECT status, decision_reason FROM changes WHERE crawl_id = ?", [held.crawl_id])}
    assert statuses == {"rejected": "superseded: the site states the published value again on 2026-11-04"}
    with pytest.raises(ReviewError, match="is rejected, not pending"):
        decide(open_history(data / "history.db"), [report(held)["changes"][0]["change_id"]], True, None)


def test_reordered_rates_are_not_a_change(data, site):
    """The same cost blocks in another order on the page: nothing changed."""
    snapshot = site("2026-11-03")
    page = snapshot / ADMISSIONS_FILE
    html = page.read_text()
    costs = html[html.index("<summary>Program Cost</summary>"):]
    blocks = re.findall(r"<h3>.*?(?=<h3>|</details>)", costs[: costs.index("</details>") + 10], flags=re.S)
    assert len(blocks) == 3
    start, end = html.index(blocks[0]), html.index(blocks[2]) + len(blocks[2])
    page.write_text(html[:start] + "\n".join(reversed(blocks)) + html[end:])
    result = night(data, snapshot, [SPIDER])
    assert result.health == {SPIDER: "ok"}
    assert report(result)["changes"] == []


def first_crawl(data: Path) -> str:
    return history(data).execute("SELECT crawl_id FROM crawls ORDER BY started_at LIMIT 1").fetchone()[0]


def test_mass_change_is_held(data, site):
    snapshot = site("2026-11-03")
    edit(snapshot, CATALOG_FILE, CREDITS, "a total of 36 units")                                  # total_credits
    edit(snapshot, ADMISSIONS_FILE, "<li>Summer Term: March 1<br>Currently open</li>", "", count=3)  # start_terms
    edit(snapshot, ADMISSIONS_FILE, "grade point average of 3.0 or", "grade point average of 2.75 or")  # min_gpa
    edit(snapshot, ADMISSIONS_FILE, "Fall Semester: March 15", "Fall Semester: April 1")          # deadlines
    edit(snapshot, ADMISSIONS_FILE, GRE_LINE, "<li>A GRE is required for admission.</li>")        # entrance_exam
    edit(snapshot, CATALOG_FILE, "<h1>Library &amp; Information Science (MA)</h1>",
         "<h1>Information &amp; Library Science (MA)</h1>")                                         # name
    result = night(data, snapshot, [SPIDER])

    published_values = history(data).execute("SELECT count(*) FROM current").fetchone()[0]
    moved = 6 * PROGRAMS
    assert moved > published_values * POLICY.mass_change_share
    assert result.health == {SPIDER: "ok"}
    assert changes_of(result) == {(f, "changed", "pending"): PROGRAMS for f in
                                  ("total_credits", "start_terms", "min_gpa", "application_deadlines", "entrance_exam", "name")}
    assert {c["reason"] for c in report(result)["changes"]} == {
        f"held: {moved} of {published_values} published values of this site changed at once"}


def online_rate(data: Path) -> float:
    return published(data).execute(
        "SELECT amount_cents / 100.0 FROM tuition_rates WHERE program_id = 'arizona/ma-lis' AND per = 'credit'").fetchone()[0]


@pytest.mark.parametrize("new, status, reason", [
    ("$1,200", "pending", "money moved by +33.3% (limit 25%)"),
    ("$1,125", "accepted", None),   # +25.0%: at the limit, not beyond it
    ("$950", "accepted", None),
], ids=["jump", "at-limit", "small"])
def test_money_moves(data, site, new, status, reason):
    snapshot = site("2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", f"{new}/unit")
    result = night(data, snapshot, [SPIDER])

    assert changes_of(result) == {("tuition", "changed", status): PROGRAMS}
    change = next(c for c in report(result)["changes"] if c["program_id"] == "arizona/ma-lis")
    assert change["reason"] == reason
    (moved,) = change["items"]["changed"]
    assert (moved["old"]["amount_usd"], moved["new"]["amount_usd"]) == ("900.00", new.strip("$").replace(",", "") + ".00")
    assert online_rate(data) == (900.0 if status == "pending" else float(moved["new"]["amount_usd"]))


@pytest.mark.parametrize("credits", ["90", "12"])
def test_out_of_band_credits_are_held(data, site, credits):
    snapshot = site("2026-11-03")
    edit(snapshot, CATALOG_FILE, CREDITS, f"a total of {credits} units")
    result = night(data, snapshot, [SPIDER])
    assert changes_of(result) == {("total_credits", "changed", "pending"): PROGRAMS}
    assert {c["reason"] for c in report(result)["changes"]} == {
        f"total_credits {credits} is outside the plausible range 24-72"}
    assert {r[0] for r in published(data).execute("SELECT total_credits FROM programs")} == {37.0}


# -- 7. quiet nights and planted changes ---------------------------------------------------------

def test_quiet_night_reports_nothing(data, site):
    before_rows = published_rows(data)
    result = night(data, site("2026-11-03"), [SPIDER])
    assert result.health == {SPIDER: "ok"}
    assert report(result)["changes"] == []
    assert report(result)["summary"] == "mlis-crawler refresh 2026-11-03: no changes"
    after = published_rows(data)
    at = [d[0] for d in published(data).execute("SELECT * FROM programs").description].index("verified_at")
    assert [r[:at] + r[at + 1:] for r in after["programs"]] == [r[:at] + r[at + 1:] for r in before_rows["programs"]]
    assert {r[at] for r in after["programs"]} == {"2026-11-03"}


def test_planted_changes_are_each_reported_with_the_right_kind(data, site):
    snapshot = site("2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "Fall Semester: March 15", "Fall Semester: March 20")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$950/unit")
    edit(snapshot, ADMISSIONS_FILE, GRE_LINE, "<li>A GRE is required for admission.</li>")
    edit(snapshot, CATALOG_FILE, CREDITS, "a total of 36 units")
    result = night(data, snapshot, [SPIDER])

    assert result.health == {SPIDER: "ok"}
    assert changes_of(result) == {(f, "changed", "accepted"): PROGRAMS for f in
                                  ("application_deadlines", "tuition", "entrance_exam", "total_credits")}
    by_field = {c["field"]: c for c in report(result)["changes"] if c["program_id"] == "arizona/ma-lis-archival-studies"}
    assert (by_field["total_credits"]["old"], by_field["total_credits"]["new"]) == ("37", "36")
    assert (by_field["entrance_exam"]["old"]["status"], by_field["entrance_exam"]["new"]["status"]) == ("not_required", "required")
    assert by_field["entrance_exam"]["evidence_new"] == [{"text": "A GRE is required for admission.", "url": ADMISSIONS}]
    assert by_field["application_deadlines"]["items"] == {"added": [], "removed": [], "changed": [{
        "key": ["fall", "final", "online campus"],
        "old": {"applies_to": "online campus", "date": "--03-15", "kind": "final", "term": "fall"},
        "new": {"applies_to": "online campus", "date": "--03-20", "kind": "final", "term": "fall"}}]}
    assert [(c["old"]["amount_usd"], c["new"]["amount_usd"], c["percent"]) for c in by_field["tuition"]["items"]["changed"]] == [
        ("900.00", "950.00", 5.6)]
    db = published(data)
    assert {r[0] for r in db.execute("SELECT total_credits FROM programs")} == {36.0}
    assert {r[0] for r in db.execute("SELECT entrance_exam FROM programs")} == {"required"}
    assert online_rate(data) == 950.0
    assert db.execute("SELECT count(*) FROM changes WHERE detected_at = '2026-11-03'").fetchone()[0] == 4 * PROGRAMS


# -- 9. the ledger --------------------------------------------------------------------------------

def test_every_scheduled_url_has_one_ledger_row(baseline):
    db = history(baseline)
    (crawl_id,) = db.execute("SELECT crawl_id FROM crawls").fetchone()
    pages = ledger(baseline, crawl_id)
    assert {u: (p["outcome"], p["status"], p["final_url"]) for u, p in pages.items()} == {
        CATALOG: ("ok", 200, CATALOG),
        START: ("ok", 200, ADMISSIONS),
    }
    for page in pages.values():
        assert re.fullmatch(r"[0-9a-f]{64}", page["sha256"]) and page["size"] > 0 and page["fetched_at"]
    # The crawl's own count of requests that reached a callback or errback agrees with the ledger.
    stats = db.execute("SELECT pages FROM spider_runs WHERE crawl_id = ?", [crawl_id]).fetchone()[0]
    assert stats == len(pages)
