"""Breakage is never data (issue 10): each fault made to happen on a copy of the newest recorded
sites, through the real nightly refresh, after a good night.

Each test shows that nothing published moves, the site is flagged (not `ok`), the ledger (the
pages table) says why, and the report says what a maintainer must decide.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from crawler.errors import StorageError
from crawler.history.db import open_history, storage_errors
from crawler.history.policy import POLICY
from crawler.report.describe import outcome_words
from tests.conftest import QUIET, ROOT, SITES
from tests.support.datadir import CLI
from tests.support.sitecopy import PUBLISHED_TABLES, copy_data, copy_snapshot, declare, edit, history, night, published, report

NIGHT = "2026-11-03"
PROGRAMS = {"arizona": 9, "twu": 3, "usm": 4}
START = "https://ischool.arizona.edu/ma-library-information-science/admissions-cost"  # 301 -> infosci
ADMISSIONS = "https://infosci.arizona.edu/ma-library-information-science/admissions-cost"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
ADMISSIONS_PATH = "/ma-library-information-science/admissions-cost"
CATALOG_FILE = "grad.arizona.edu/catalog/programinfo/LISMA"
TWU_MLS = "https://twu.edu/slis/programs-admission-requirements/master-of-library-science-degree-mls/"
TWU_MLS_FILE = "twu.edu/slis/programs-admission-requirements/master-of-library-science-degree-mls/index.html"
TWU_CERT_PATH = "/slis/programs-admission-requirements/mls-school-librarian/"
USM_MLIS = "https://www.usm.edu/library-information-science/master-library-and-information-science"
USM_MLIS_FILE = "www.usm.edu/library-information-science/master-library-and-information-science"
USM_ONLINE = "https://online.usm.edu/graduate/library-and-information-science-ms"
USM_YOUTH = "https://catalog.usm.edu/preview_program.php?catoid=27&poid=13874"
USM_YOUTH_FILE = "catalog.usm.edu/preview_program.php?catoid=27&poid=13874"
USM_ABOUT = "https://www.usm.edu/library-information-science/about-us"
ADMISSIONS_EXPECTS = {"application_deadlines", "start_terms", "min_gpa", "tuition"}


@pytest.fixture
def site(tmp_path):
    return lambda date=NIGHT: copy_snapshot(QUIET, tmp_path / f"sites-{date}", date)


def changes_of(result) -> Counter:
    return Counter((c["field"], c["kind"], c["status"]) for c in report(result)["changes"])


def ledger(data: Path, crawl_id: str) -> dict[str, dict]:
    return {r["url"]: dict(r) for r in history(data).execute("SELECT * FROM pages WHERE crawl_id = ?", [crawl_id])}


def values(data: Path) -> dict[str, list[tuple]]:
    """The published value rows, without their confirmation dates (verified_at, as_of)."""
    conn = published(data)
    try:
        return {t: [tuple(v for k, v in zip(r.keys(), r) if k not in ("verified_at", "as_of"))
                    for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")] for t in PUBLISHED_TABLES}
    finally:
        conn.close()


def spider_entry(result, spider: str) -> dict:
    (entry,) = [s for s in report(result)["spiders"] if s["name"] == spider]
    return entry


def markdown(result) -> str:
    return (result.report_dir / "report.md").read_text()


def replace_main(snapshot: Path, relpath: str, title: str, inner: str) -> None:
    """The page's own content replaced, the site's chrome (header, navigation, footer) kept."""
    file = snapshot / relpath
    html = file.read_text(encoding="utf-8")
    html, n = re.subn(r"(<main\b[^>]*>).*?(</main>)", lambda m: m[1] + inner + m[2], html, flags=re.S)
    assert n == 1
    html = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", html, count=1, flags=re.S)
    file.write_text(html, encoding="utf-8")


def arizona_home(snapshot: Path) -> None:
    """infosci.arizona.edu's home page, in the site's chrome: it says things a program page says."""
    shutil.copy(snapshot / ADMISSIONS_FILE, snapshot / "infosci.arizona.edu/index.html")
    replace_main(snapshot, "infosci.arizona.edu/index.html", "College of Information Science | The University of Arizona",
                 "<h1>College of Information Science</h1><p>Our degrees are offered on campus and online.</p>"
                 "<p>The MLIS is accredited by the American Library Association.</p>"
                 f'<p><a href="{ADMISSIONS_PATH}">Admissions</a></p>')


# -- 1. error pages answering 200 ----------------------------------------------------------------

def soft_404(s):
    replace_main(s, ADMISSIONS_FILE, "Page not found | College of Information Science",
                 "<h1>Page not found</h1><p>The page you requested could not be found. Try the "
                 '<a href="/">home page</a> or <a href="/graduate-programs">Graduate Programs</a>.</p>')


def sign_in(s):
    replace_main(s, ADMISSIONS_FILE, "Sign in to continue | The University of Arizona",
                 '<h1>Sign in to continue</h1><form action="/auth/login" method="post"><input name="netid">'
                 '<input type="password" name="password"><button>Sign in</button></form>')


def captcha(s):
    replace_main(s, ADMISSIONS_FILE, "One more step", '<h1>One more step</h1><div class="cf-turnstile" data-sitekey="k"></div>')


def redirect_home(s):
    arizona_home(s)
    declare(s, "infosci.arizona.edu", redirects={ADMISSIONS_PATH: "https://infosci.arizona.edu/"})


def meta_refresh_home(s):
    arizona_home(s)
    (s / ADMISSIONS_FILE).write_text('<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/">'
                                   "<title>Moved</title></head><body><p>This page has moved.</p></body></html>")


@pytest.mark.parametrize("break_page, outcome", [
    (soft_404, "soft_404"), (sign_in, "login_wall"), (captcha, "login_wall"),
    (redirect_home, "redirected_away"), (meta_refresh_home, "redirected_away"),
], ids=["soft-404", "sign-in", "captcha", "301-home", "meta-refresh-home"])
def test_an_error_page_answering_200_states_nothing(data, site, break_page, outcome):
    data = data("arizona")
    before = values(data)
    snapshot = site()
    break_page(snapshot)
    result = night(data, snapshot, ["arizona"])

    assert values(data) == before  # not even the name from its <h1>
    assert result.health == {"arizona": "degraded"}
    page = ledger(data, result.crawl_id)[START]
    assert page["outcome"] == outcome and page["error"]
    # Every field the page is expected to state is unknown: kept, reported.
    assert changes_of(result) == {(f, "extraction_failed", "accepted"): 9 for f in ADMISSIONS_EXPECTS}
    assert {c["reason"].split(" (")[0] for c in report(result)["changes"]} == {f"the page failed its checks: {outcome}"}
    assert any(e.startswith(f"{outcome}: {START}") for e in spider_entry(result, "arizona")["errors"])
    assert "https://infosci.arizona.edu/" not in ledger(data, result.crawl_id)  # a page that is not itself: no link followed
    broken = markdown(result).replace("\\_", "_").split("## Changes published")[0]
    said = outcome_words(outcome)[1:]  # in words, with the check's own detail, on the page's line
    assert any(f"{said}: " in line and START in line for line in broken.splitlines())


def test_a_program_page_replaced_by_an_error_page_invents_no_program(data, site):
    """USM's youth-services certificate page defines its program from its <h1>: as a soft 404 it
    would have invented a "Page Not Found" program; its program is listed, its fields unknown."""
    data = data("usm")
    before = values(data)
    snapshot = site()
    replace_main(snapshot, USM_YOUTH_FILE, "Page Not Found | The University of Southern Mississippi",
                 "<h1>Page Not Found</h1><p>Sorry, we can't find that page.</p>")
    result = night(data, snapshot, ["usm"])
    assert values(data) == before
    assert result.health == {"usm": "degraded"}
    programs = {r[0] for r in history(data).execute("SELECT program_id FROM programs")}
    assert len(programs) == PROGRAMS["usm"]
    assert not [c for c in report(result)["changes"] if c["kind"] not in ("extraction_failed", "fetch_failed")]
    assert {c["program_id"] for c in report(result)["changes"]} == {"usm/mlis-youth-services-literature"}
    assert ledger(data, result.crawl_id)[USM_YOUTH]["outcome"] == "soft_404"


def test_a_page_that_lost_most_of_its_fields_is_unrecognized(data, site):
    """TWU's MLS page becomes a news item that still names the program and its accreditation:
    three of the seven fields it states. None of them is taken on its word."""
    data = data("twu")
    before = values(data)
    snapshot = site()
    replace_main(snapshot, TWU_MLS_FILE, "Master of Library Science (MLS) | Texas Woman's University",
                 "<h1>Master of Library Science (MLS)</h1><p>News: the MLS is still accredited by the "
                 "American Library Association.</p>"
                 + "<p>The new reading room on the second floor opens with longer hours and more seats.</p>" * 150)
    result = night(data, snapshot, ["twu"])
    assert values(data) == before
    assert result.health == {"twu": "degraded"}
    page = ledger(data, result.crawl_id)[TWU_MLS]
    assert page["outcome"] == "unrecognized" and "found only 3 of the 7 fields" in page["error"]
    assert {k for k in changes_of(result) if k[1] not in ("extraction_failed",)} == set()


# -- 2. cut pages ----------------------------------------------------------------------------------

SPRING = "Spring - November 1<br>"


@pytest.mark.parametrize("ending, why", [
    ("", "ends before </body></html>"),                                  # cut in transit
    ("</p></main></body></html>", "of its last good copy"),  # closed, but a third shorter
], ids=["unterminated", "much-smaller"])
def test_a_cut_page_removes_nothing(data, site, ending, why):
    """The MLS page ends right after its Spring deadline: the Summer deadline and the `summer`
    start term are not removed on its word."""
    data = data("twu")
    before = values(data)
    snapshot = site()
    page = snapshot / TWU_MLS_FILE
    html = page.read_text(encoding="utf-8")
    page.write_text(html[:html.index(SPRING) + len(SPRING)] + ending, encoding="utf-8")
    assert len(page.read_bytes()) < POLICY.min_size_ratio * len(html.encode())
    result = night(data, snapshot, ["twu"])

    assert values(data) == before
    assert result.health == {"twu": "degraded"}
    row = ledger(data, result.crawl_id)[TWU_MLS]
    assert row["outcome"] == "truncated" and why in row["error"]
    kinds = changes_of(result)
    assert not [k for k in kinds if k[1] in ("removed", "changed", "added", "program_removed")]
    assert ("application_deadlines", "extraction_failed", "accepted") in kinds
    assert ("start_terms", "extraction_failed", "accepted") in kinds
    terms = {r[0] for r in published(data).execute("SELECT term FROM program_start_terms WHERE program_id = 'twu/mls'")}
    assert terms == {"fall", "spring", "summer"}


# -- 3. additions are reviewed ----------------------------------------------------------------------

def test_a_second_rate_beside_the_accepted_one_is_a_conflict(data, site):
    data = data("arizona")
    before = values(data)
    snapshot = site()
    edit(snapshot, ADMISSIONS_FILE, "$8,328.00 for 9 units*</p>",
         "$8,328.00 for 9 units*</p><h3>Online Campus</h3><p>Tuition: $990 per unit</p>")
    result = night(data, snapshot, ["arizona"])

    assert values(data) == before
    assert changes_of(result) == {("tuition", "conflict", "pending"): 9}
    change = report(result)["changes"][0]
    assert "tuition $990.00 per credit (online campus) beside tuition $900.00 per credit (online campus)" in change["reason"]
    assert result.health == {"arizona": "degraded"}
    assert "held for a decision: tuition: two values for one slot (9 programs)" in spider_entry(result, "arizona")["errors"]
    md = markdown(result)
    assert "## Needs a decision" in md and "Tuition: conflict" in md.split("## Changes published")[0]
    assert "conflict" in report(result)["summary"]


def test_one_of_two_fees_of_a_slot_moving_is_a_change_not_a_conflict(data, site):
    """On campus, a program fee and a university fee share one slot (fee per term, in-state, 7+
    credits): the program fee moving from $350 to $375 is news, published as any change."""
    data = data("arizona")
    snapshot = site()
    edit(snapshot, ADMISSIONS_FILE, "$6,359 tuition + $350 program fees", "$6,359 tuition + $375 program fees")
    result = night(data, snapshot, ["arizona"])
    assert result.health == {"arizona": "ok"}
    assert changes_of(result) == {("tuition", "changed", "accepted"): 9}
    fees = {r[0] for r in published(data).execute(
        "SELECT amount_cents FROM tuition_rates WHERE kind = 'fee' AND residency = 'in_state' AND program_id = 'arizona/ma-lis'")}
    assert fees == {37500, 83548}


def test_an_implausible_new_row_waits(data, site):
    """A new "$9,999,999 per semester" row on USM's pricing page, for all four programs."""
    data = data("usm")
    before = values(data)
    snapshot = site()
    graduate = '<h3>Full Time <span>9-13 HOURS</span></h3>\n<dl><div><dt>Cost per Semester:</dt><dd>$4,999</dd></div>'
    edit(snapshot, "online.usm.edu/pricing", graduate, graduate + "<div><dt>Cost per Semester:</dt><dd>$9,999,999</dd></div>")
    result = night(data, snapshot, ["usm"])
    assert values(data) == before
    assert {(f, s) for f, _, s in changes_of(result)} == {("tuition", "pending")}
    assert sum(changes_of(result).values()) == PROGRAMS["usm"]
    assert result.health == {"usm": "degraded"}


def test_programs_that_jump_are_held(data, site):
    """A widened selector: 60 new "programs" under Arizona, each with its credits and tuition."""
    data = data("arizona")
    before = values(data)
    snapshot = site()
    extra = "".join(f"<li>Topic {word}</li>" for word in (f"{a}{b}" for a in "abcdefghij" for b in "uvwxyz"))
    edit(snapshot, CATALOG_FILE, "<li>Academic Librarianship</li>", extra + "<li>Academic Librarianship</li>")
    result = night(data, snapshot, ["arizona"])

    assert values(data) == before
    assert changes_of(result) == {(None, "program_added", "pending"): 60}
    entry = spider_entry(result, "arizona")
    assert entry["health"] == "degraded" and entry["quarantined"]
    assert "circuit breaker: found 60 new programs at once, 9 published: held for a decision" in entry["errors"]


def test_the_first_night_of_a_university_is_a_review(tmp_path, site):
    """TWU seen for the first time, its application fee misread as $560: every baseline value is
    listed with its evidence; the fee waits (a band applies to a first value too)."""
    snapshot = site()
    edit(snapshot, "twu.edu/admissions/graduate-admissions/index.html", "The $50 fee", "The $560 fee")
    data = tmp_path / "fresh"
    result = night(data, snapshot, ["twu"])

    assert changes_of(result) == {(None, "program_added", "accepted"): 3, ("application_fee", "added", "pending"): 3}
    assert {r[0] for r in published(data).execute("SELECT application_fee_cents FROM programs")} == {None}
    credits = dict(published(data).execute("SELECT program_id, total_credits FROM programs").fetchall())
    assert credits == {"twu/mls": 36.0, "twu/mls-community-information": None, "twu/mls-school-librarianship": None}
    assert result.health == {"twu": "degraded"}
    added = next(c for c in report(result)["changes"] if c["kind"] == "program_added" and c["program_id"] == "twu/mls")
    assert "application_fee" not in added["new"]
    assert {e["field"] for e in added["evidence_new"]} == set(added["new"])
    md = markdown(result)
    baseline = md.split("## First seen (baselines)")[1]
    assert "Total credits: **36** — “Total Semester Credit Hours 36”" in baseline  # the value with its evidence (the catalog row, as the CourseLeaf reader quotes it)
    assert "$560" in md.split("## Changes published")[0]  # the held fee, under "Needs a decision"


# -- 4. pages of one site that disagree --------------------------------------------------------------

def test_pages_that_disagree_are_a_conflict_decided_with_use(data, site):
    """USM's MLIS page and its About Us page both state the MLIS's hours; About Us changes to 42
    while the MLIS page still says 40: a conflict, decided by naming the page to believe."""
    data = data("usm")
    before = values(data)
    snapshot = site()
    edit(snapshot, "www.usm.edu/library-information-science/about-us", "Our 40\ngraduate credit hour program",
         "Our 42\ngraduate credit hour program")
    result = night(data, snapshot, ["usm"])

    assert values(data) == before
    assert changes_of(result) == {("total_credits", "conflict", "pending"): 1}
    assert result.health == {"usm": "degraded"}
    assert report(result)["summary"] == f"mlis-crawler refresh {NIGHT}: 0 changes published; 1 waiting for review " \
                                        f"(1 conflict); 1 site broken (usm)"
    change = next(c for c in report(result)["changes"] if c["program_id"] == "usm/mlis")
    assert {o["url"]: o["value"] for o in change["new"]} == {USM_MLIS: "40", USM_ABOUT: "42"}
    md = markdown(result)
    decisions = md.split("## Changes published")[0]
    assert "Total credits: conflict" in decisions
    assert "Earned 40\\* semester hours of credit" in decisions and "Our 42 graduate credit hour program" in decisions
    assert f"--use {USM_ABOUT}" in decisions.replace("\\", "")
    html = (result.report_dir / "report.html").read_text()
    assert 'data-kind="conflict"' in html and "Our 42 graduate credit hour program" in html

    ids = {c["program_id"]: c["change_id"] for c in report(result)["changes"]}
    run = subprocess.run([str(CLI), "review", "accept", str(ids["usm/mlis"]), "--data", str(data)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "--use URL" in run.stderr  # two pages: which one?
    run = subprocess.run([str(CLI), "review", "accept", str(ids["usm/mlis"]), "--use", "https://elsewhere.example/",
                          "--data", str(data)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "is not one of its pages" in run.stderr
    run = subprocess.run([str(CLI), "review", "accept", str(ids["usm/mlis"]), "--use", USM_ABOUT, "--data", str(data)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert subprocess.run([str(CLI), "publish", "--data", str(data)], cwd=ROOT, capture_output=True).returncode == 0
    # the decision changed a published value: a row of `changes` says so, for mirrors (docs/schema.md)
    row = published(data).execute("SELECT kind, decision, old_number, new_number, source_url FROM changes "
                                  "WHERE change_id = ?", [ids["usm/mlis"]]).fetchone()
    assert tuple(row) == ("conflict", "review", 40, 42, USM_ABOUT)
    credits = dict(published(data).execute("SELECT program_id, total_credits FROM programs"))
    assert credits == {"usm/mlis": 42.0, "usm/mlis-archives-special-collections": None, "usm/mlis-licensure": None,
                       "usm/mlis-youth-services-literature": None}
    evidence = published(data).execute(
        "SELECT source_url, evidence FROM provenance WHERE program_id = 'usm/mlis' AND field = 'total_credits'").fetchall()
    assert [tuple(r) for r in evidence] == [(USM_ABOUT, "Our 42 graduate credit hour program does not require physical residence "
                                                        "in Mississippi, but each course does have required real-time online class meetings.")]


# -- 5. refused redirects ---------------------------------------------------------------------------

@pytest.mark.parametrize("target, outcome", [
    ("https://apply.example.com/mlis", "offsite"),
    ("http://169.254.169.254/latest/meta-data/", "refused_address"),
    ("http://127.0.0.1/admin", "refused_address"),
], ids=["offsite", "metadata", "loopback"])
def test_a_refused_redirect_has_its_ledger_row(data, site, target, outcome):
    data = data("arizona")
    before = values(data)
    snapshot = site()
    declare(snapshot, "infosci.arizona.edu", redirects={ADMISSIONS_PATH: target})
    result = night(data, snapshot, ["arizona"])

    assert values(data) == before
    assert result.health == {"arizona": "degraded"}
    row = ledger(data, result.crawl_id)[START]
    assert (row["outcome"], row["final_url"], json.loads(row["redirect_urls"])) == (outcome, target, [START, ADMISSIONS])
    assert changes_of(result) == {(f, "fetch_failed", "accepted"): 9 for f in ADMISSIONS_EXPECTS}
    assert {c["reason"] for c in report(result)["changes"]} == {f"page not fetched: {outcome} ({target})"}


def test_a_program_page_redirected_offsite_is_never_offered_for_removal(data, site):
    data = data("twu")
    before = values(data)
    for day in range(3, 3 + POLICY.removal_confirmations + 1):
        snapshot = site(f"2026-11-{day:02d}")
        declare(snapshot, "twu.edu", redirects={TWU_CERT_PATH: "https://www.example.org/"})
        result = night(data, snapshot, ["twu"])
        assert result.health == {"twu": "degraded"}
        assert ledger(data, result.crawl_id)[f"https://twu.edu{TWU_CERT_PATH}"]["outcome"] == "offsite"
        kinds = changes_of(result)
        assert not [k for k in kinds if k[1] in ("removed", "program_removed")]
        assert {k[1] for k in kinds} == {"fetch_failed"}
    status = dict(history(data).execute("SELECT program_id, status FROM programs"))
    assert status["twu/mls-school-librarianship"] == "active"
    assert {k: v for k, v in values(data).items() if k != "programs"} == {k: v for k, v in before.items() if k != "programs"}


# -- 6. a full disk is not a corrupt history --------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A real, small file system (tmpfs), mounted for the test; skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_says_so_and_leaves_the_files_alone(baselines, small_disk, site):
    data = copy_data(baselines("arizona"), small_disk / "data")
    shutil.rmtree(data / "crawls")  # room for the history only
    programs_before = (data / "programs.db").read_bytes()
    filler = fill(small_disk)
    run = subprocess.run([str(CLI), "refresh", "--replay", str(site()), "--data", str(data), "--spider", "arizona"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 3, run.stdout + run.stderr
    assert "no space left on the disk" in run.stderr and "do not restore a backup" in run.stderr
    assert "not a usable history database" not in run.stderr
    assert (data / "programs.db").read_bytes() == programs_before
    filler.unlink()
    conn = sqlite3.connect(data / "history.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {r[0] for r in conn.execute("SELECT status FROM crawls")} == {"published"}


def test_sqlite_full_mid_write_is_a_storage_error(small_disk):
    path = small_disk / "history.db"
    db = open_history(path)
    fill(small_disk)
    with pytest.raises(StorageError, match="no space left on the disk"):
        with storage_errors(path):
            with db.atomic():
                db.execute("CREATE TABLE filler (x TEXT)")
                for _ in range(2000):
                    db.execute("INSERT INTO filler VALUES (?)", [os.urandom(4096).hex()])


def test_a_corrupt_history_is_still_called_corrupt(tmp_path):
    path = tmp_path / "history.db"
    path.write_bytes(b"this is not a database" * 100)
    from crawler.errors import HistoryError

    with pytest.raises(HistoryError, match="not a usable history database"):
        open_history(path)


# -- the page self-checks, as pure functions ---------------------------------------------------------

from scrapy.http import HtmlResponse, Request  # noqa: E402

from crawler.crawl import pagecheck, recordings  # noqa: E402
from crawler.crawl.replay import relpath_to_url  # noqa: E402


def response(url: str, body: str, redirected_from: str | None = None) -> HtmlResponse:
    request = Request(url, meta={"redirect_urls": [redirected_from]} if redirected_from else {})
    return HtmlResponse(url, body=body.encode(), encoding="utf-8", request=request,
                        headers={"Content-Type": "text/html; charset=utf-8"})


def test_every_recorded_page_passes_its_checks():
    """Precision: no page of any recorded snapshot is taken for an error page, a wall or a cut page."""
    checked = 0
    for snapshot in sorted(p for p in SITES.iterdir() if p.is_dir()):
        for file in sorted(snapshot.rglob("*")):
            rel = file.relative_to(snapshot).as_posix()
            if not file.is_file() or rel.startswith("_") or file.name in ("robots.txt", recordings.PENDING):
                continue
            page = response(relpath_to_url(rel), file.read_text(encoding="utf-8", errors="replace"))
            assert pagecheck.check(page, (), set(), len(file.read_bytes()), POLICY.min_size_ratio) is None, rel
            checked += 1
    assert checked > 100


PAGE = "<html><head><title>{title}</title></head><body><main><h1>{h1}</h1>{body}</main></body></html>"


@pytest.mark.parametrize("title, h1, body, outcome", [
    ("Oops | Example University", "That page can’t be found", "", "soft_404"),
    ("Error 404 | Example University", "Sorry", "", "soft_404"),
    ("Example University", "Log in", "", "login_wall"),
    ("Example University", "Welcome", '<form><input type="PASSWORD" name="p"></form>', "login_wall"),
    ("Example University", "Welcome", '<div class="g-recaptcha"></div>', "login_wall"),
    ("Master of Library Science", "Master of Library Science", "<p>36 credits</p>", None),
    ("Master of Library Science", "Master of Library Science", "<p>Found in 1901; not a 404.</p>", None),
])
def test_error_pages_and_walls_are_recognized_by_their_titles_and_forms(title, h1, body, outcome):
    verdict = pagecheck.check(response("https://x.edu/mlis/", PAGE.format(title=title, h1=h1, body=body)), (), set())
    assert (verdict.outcome if verdict else None) == outcome


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "windows-1252"])
@pytest.mark.parametrize("wall", ['<input type="PassWord" name="p">', '<div class="cf-turnstile"></div>',
                                  '<iframe src="https://challenges.cloudflare.com/x"></iframe>',
                                  '<script src="/captcha.js"></script>'])
def test_a_wall_is_found_in_any_encoding_and_any_case(encoding, wall):
    """The CAPTCHA query is skipped only for a page whose bytes cannot match it: never for a
    wall, whatever its encoding (UTF-16 writes no word as ASCII bytes) or its letter case."""
    html = PAGE.format(title="Example University", h1="Welcome", body=f"<form>{wall}</form>")
    page = HtmlResponse("https://x.edu/mlis/", body=html.encode(encoding), encoding=encoding,
                        headers={"Content-Type": f"text/html; charset={encoding}"}, request=Request("https://x.edu/mlis/"))
    assert pagecheck.check(page, (), set()).outcome == "login_wall"


def test_a_page_that_only_mentions_a_password_is_queried_and_passes():
    """The words are a necessary sign, not a verdict: a page that talks about passwords and
    CAPTCHAs but has neither is queried and passes."""
    body = "<p>Reset your password at the portal; the form has no captcha.</p>"
    assert pagecheck._may_hold_a_wall(response("https://x.edu/mlis/", PAGE.format(title="MLS", h1="MLS", body=body)))
    assert pagecheck.check(response("https://x.edu/mlis/", PAGE.format(title="MLS", h1="MLS", body=body)), (), set()) is None
    assert not pagecheck._may_hold_a_wall(response("https://x.edu/mlis/", PAGE.format(title="MLS", h1="MLS", body="<p>36</p>")))


@pytest.mark.parametrize("scheduled, final, outcome", [
    ("https://x.edu/slis/mls/", "https://x.edu/", "redirected_away"),
    ("https://x.edu/slis/mls/", "https://www.x.edu/index.php", "redirected_away"),
    ("https://x.edu/slis/programs/mls/", "https://x.edu/slis/programs/", "redirected_away"),
    ("https://x.edu/slis/mls/", "https://login.x.edu/cas/login?service=mls", "login_wall"),
    ("https://x.edu/slis/mls/", "https://sso.x.edu/idp/profile", "login_wall"),
    ("https://old.x.edu/mls", "https://new.x.edu/mls", None),                # a host renamed
    ("https://x.edu/slis/index.php", "https://x.edu/slis/", None),          # the same page
    ("https://x.edu/", "https://x.edu/online-mlis-program/", None),          # the home page moved in
    ("https://x.edu/slis/mls", "https://x.edu/programs/mls-degree", None),   # the page moved
    ("https://x.edu/authors/mls", "https://x.edu/author/mls", None),         # not a sign-in address
])
def test_redirects_to_the_home_page_above_the_page_or_to_a_sign_in(scheduled, final, outcome):
    page = response(final, PAGE.format(title="Example", h1="Example", body=""), redirected_from=scheduled)
    verdict = pagecheck.check(page, (), set())
    assert (verdict.outcome if verdict else None) == outcome


def test_cut_and_shrunken_pages_and_pages_that_lost_most_of_their_fields():
    whole = PAGE.format(title="MLS", h1="MLS", body="<p>x</p>" * 200)
    assert pagecheck.check(response("https://x.edu/m", whole[:500]), (), set()).outcome == "truncated"
    assert pagecheck.check(response("https://x.edu/m", whole), (), set(), len(whole) * 2, 0.7).outcome == "truncated"
    assert pagecheck.check(response("https://x.edu/m", whole), (), set(), int(len(whole) * 1.2), 0.7) is None
    fields = ("name", "degree", "total_credits", "min_gpa", "tuition")
    assert pagecheck.check(response("https://x.edu/m", whole), fields, {"name", "degree"}).outcome == "unrecognized"
    assert pagecheck.check(response("https://x.edu/m", whole), fields, {"name", "degree", "min_gpa"}) is None
    assert pagecheck.check(response("https://x.edu/m", whole), fields, set()).outcome == "extraction_empty"
