"""The replay contract (DESIGN section 4): a reversible URL <-> file mapping, answered through
Scrapy's real download handler interface, refusing paths that leave the snapshot."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionRefusedError

from crawler.items import OUTCOMES
from crawler.crawl.replay import ReplayDownloadHandler, relpath_to_url, resolve_under, url_to_relpath
from crawler.history.stage import read_crawl_dir
from tests.conftest import NEWER, ROOT, SITES, run_crawl

SEGMENT = st.text(st.characters(whitelist_categories=("Ll", "Nd"), max_codepoint=127), min_size=1, max_size=12)


@pytest.mark.parametrize("url, relpath", [
    ("https://grad.arizona.edu/catalog/programinfo/LISMA", "grad.arizona.edu/catalog/programinfo/LISMA"),
    ("https://twu.edu/slis/programs-admission-requirements/", "twu.edu/slis/programs-admission-requirements/index.html"),
    ("https://catalog.lsu.edu/preview_program.php?catoid=29&poid=12852",
     "catalog.lsu.edu/preview_program.php?catoid=29&poid=12852"),
    ("http://assessment.arizona.edu/sbs/Information%20Resources", "assessment.arizona.edu/sbs/Information Resources"),
])
def test_documented_examples(url, relpath):
    assert url_to_relpath(url) == relpath


@pytest.mark.parametrize("url, relpath", [
    # A query is one file name: its slashes cannot make folders, nor climb out of one.
    ("https://a.edu/p?x=/../../etc/cron.d/x", "a.edu/p?x=%2F..%2F..%2Fetc%2Fcron.d%2Fx"),
    ("https://a.edu/p?u=a%2Fb", "a.edu/p?u=a%252Fb"),
])
def test_a_query_never_names_a_folder(url, relpath):
    assert url_to_relpath(url) == relpath
    assert relpath_to_url(relpath) == url


def test_resolve_under_refuses_symlinks_out(tmp_path):
    root = (tmp_path / "snap").resolve()
    (root / "a.edu").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (root / "a.edu" / "link").symlink_to(tmp_path / "outside")
    assert resolve_under(root, "a.edu/page.html") == root / "a.edu" / "page.html"
    assert resolve_under(root, "a.edu/link/page.html") is None
    assert resolve_under(root, "a.edu/../b.edu/x") is None
    assert resolve_under(root, "/etc/passwd") is None


@given(host=SEGMENT.map(lambda s: f"{s}.edu"), parts=st.lists(SEGMENT, min_size=1, max_size=4),
       folder=st.booleans(), query=st.none() | SEGMENT.map(lambda s: f"id={s}&x=1"))
def test_the_mapping_is_reversible(host, parts, folder, query):
    url = f"https://{host}/{'/'.join(parts)}{'/' if folder else ''}" + (f"?{query}" if query else "")
    assert relpath_to_url(url_to_relpath(url)) == url


def download(url: str) -> object:
    handler = ReplayDownloadHandler(get_crawler(settings_dict={"MLIS_REPLAY_DIR": str(SITES / NEWER)}))
    return asyncio.run(handler.download_request(Request(url)))


def test_a_recorded_page_is_answered_and_a_missing_one_is_a_404():
    assert download("https://grad.arizona.edu/catalog/programinfo/LISMA").status == 200
    assert download("https://grad.arizona.edu/catalog/programinfo/NOPE").status == 404


@pytest.mark.parametrize("url", [
    "https://grad.arizona.edu/%2e%2e/%2e%2e/etc/passwd",
    "https://grad.arizona.edu/..%2f..%2f..%2fetc/passwd",
    "https://grad.arizona.edu/catalog/%00index.html",
    "https://grad.arizona.edu/catalog/%2e%2e/programinfo/LISMA",  # stays in the folder, but not by a clean path
    "https://grad.arizona.edu/..%2fischool.arizona.edu/robots.txt",  # another host's recording
])
def test_paths_that_leave_the_snapshot_are_refused(url):
    assert download(url).status == 400


def test_a_host_with_no_recording_refuses_the_connection():
    with pytest.raises(ConnectionRefusedError):
        download("https://www.harvard.edu/")


def test_every_ledger_outcome_is_in_the_documented_vocabulary(crawled):
    outcomes = {page["outcome"] for data in crawled(NEWER).values() for page in data.pages}
    assert outcomes and outcomes <= set(OUTCOMES)


# -- answered as HTTP (issue 13, issue 10 item 7) --------------------------------------------

LAST_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"


@pytest.fixture
def recording(tmp_path):
    """A tiny recording: a page with validators and a charset, a 302, a recorded 404 with a body."""
    site = tmp_path / "2026-11-05"
    (site / "www.example.edu" / "mlis").mkdir(parents=True)
    (site / "www.example.edu" / "mlis" / "index.html").write_bytes(
        '<html><head><meta charset="windows-1252"></head><body><h1>Jos\u00e9\u2019s \u201ccohort\u201d</h1></body></html>'
        .encode("cp1252"))
    (site / "www.example.edu" / "gone").write_bytes(b"<html><body>no such page</body></html>")
    (site / "_replay").mkdir()
    (site / "_replay" / "www.example.edu.json").write_text(json.dumps({"responses": {
        "/mlis/": {"status": 200, "headers": {"Content-Type": "text/html; charset=windows-1252", "ETag": '"v1"',
                                              "Last-Modified": LAST_MODIFIED}},
        "/old": {"status": 302, "headers": {"Location": "https://www.example.edu/mlis/"}},
        "/gone": {"status": 404, "headers": {"Content-Type": "text/html"}},
    }}))
    return site


def fetch(root, url: str, headers: dict | None = None, **settings) -> object:
    handler = ReplayDownloadHandler(get_crawler(settings_dict={"MLIS_REPLAY_DIR": str(root), **settings}))
    return asyncio.run(handler.download_request(Request(url, headers=headers)))


def test_recorded_status_headers_and_redirects_are_answered(recording):
    page = fetch(recording, "https://www.example.edu/mlis/")
    assert page.status == 200 and page.headers[b"ETag"] == b'"v1"'
    assert page.encoding == "cp1252" and "Jos\u00e9\u2019s \u201ccohort\u201d" in page.text
    moved = fetch(recording, "https://www.example.edu/old")
    assert (moved.status, moved.headers[b"Location"], moved.body) == (302, b"https://www.example.edu/mlis/", b"")
    gone = fetch(recording, "https://www.example.edu/gone")
    assert (gone.status, gone.body) == (404, b"<html><body>no such page</body></html>")


@pytest.mark.parametrize("headers, status", [
    ({"If-None-Match": '"v1"'}, 304),
    ({"If-None-Match": 'W/"v1", "v0"'}, 304),
    ({"If-None-Match": '"v2"'}, 200),
    ({"If-None-Match": '"v2"', "If-Modified-Since": LAST_MODIFIED}, 200),  # If-None-Match decides
    ({"If-Modified-Since": LAST_MODIFIED}, 304),
    ({"If-Modified-Since": "Tue, 03 Nov 2026 08:00:00 GMT"}, 304),
    ({"If-Modified-Since": "Sun, 01 Nov 2026 08:00:00 GMT"}, 200),
    ({"If-Modified-Since": "not a date"}, 200),
    ({}, 200),
])
def test_a_matching_validator_gets_304(recording, headers, status):
    answer = fetch(recording, "https://www.example.edu/mlis/", headers)
    assert answer.status == status
    assert (answer.body == b"") is (status == 304)


def test_authored_pages_get_no_validators_and_no_forced_charset():
    page = download("https://grad.arizona.edu/catalog/programinfo/LISMA")
    assert page.headers[b"Content-Type"] == b"text/html" and b"ETag" not in page.headers
    unconditional = asyncio.run(ReplayDownloadHandler(get_crawler(settings_dict={"MLIS_REPLAY_DIR": str(SITES / NEWER)}))
                                .download_request(Request("https://grad.arizona.edu/catalog/programinfo/LISMA",
                                                          headers={"If-Modified-Since": "Tue, 01 Dec 2099 00:00:00 GMT"})))
    assert unconditional.status == 200  # nothing recorded to compare with: the full page


def test_download_maxsize_applies_as_in_the_live_downloader(recording, caplog):
    size = (recording / "www.example.edu" / "mlis" / "index.html").stat().st_size
    with pytest.raises(DownloadCancelledError, match="larger than download max size"):
        fetch(recording, "https://www.example.edu/mlis/", DOWNLOAD_MAXSIZE=size - 1)
    assert fetch(recording, "https://www.example.edu/mlis/", DOWNLOAD_MAXSIZE=size).status == 200
    handler = ReplayDownloadHandler(get_crawler(settings_dict={"MLIS_REPLAY_DIR": str(recording)}))
    with pytest.raises(DownloadCancelledError):  # per request, as Scrapy's download_maxsize meta
        asyncio.run(handler.download_request(Request("https://www.example.edu/mlis/", meta={"download_maxsize": 10})))
    with caplog.at_level(logging.WARNING):
        fetch(recording, "https://www.example.edu/mlis/", DOWNLOAD_WARNSIZE=10)
    assert "larger than download warn size (10)" in caplog.text


def test_a_windows_1252_page_replays_decoded_as_a_browser_would(tmp_path):
    """Issue 10 item 7: an authored page saved as windows-1252 with <meta charset> and no recorded
    headers is decoded by its meta charset through a real crawl, never forced to UTF-8."""
    from tests.test_record import GPA_NEW, served_site

    site = served_site(tmp_path)
    data = run_crawl(site, tmp_path / "crawl", ["arizona"])["arizona"]
    texts = [f["text"] for f in data.facts if f["field"] == "min_gpa"]
    assert len(texts) == 1 and GPA_NEW in texts[0]
    assert all("\ufffd" not in (f["text"] or "") for f in data.facts)
    assert all(p["outcome"] == "ok" for p in data.pages)


def test_too_large_pages_are_ledger_rows_in_a_replayed_crawl(tmp_path):
    """Arizona's catalog page is under 5,000 bytes, its admissions page over: that limit cuts the
    second only, through the real downloader, as `too_large` (the live downloader's outcome)."""
    data = run_crawl_with(SITES / NEWER, tmp_path / "crawl", ["arizona"], {"DOWNLOAD_MAXSIZE": "5000"})
    outcomes = {p["url"]: (p["outcome"], p["error"] or "") for p in data.pages}
    assert outcomes["https://grad.arizona.edu/catalog/programinfo/LISMA"] == ("ok", "")
    outcome, error = outcomes["https://ischool.arizona.edu/ma-library-information-science/admissions-cost"]
    size = (SITES / NEWER / "infosci.arizona.edu/ma-library-information-science/admissions-cost").stat().st_size
    assert size > 5000 and outcome == "too_large"
    assert error.startswith(f"DownloadCancelledError: Expected to receive {size} bytes which is larger than download max size (5000)")


def run_crawl_with(snapshot, out, spiders, settings):
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--replay", str(snapshot),
               "--log-file", str(out / "crawl.log")]
    for name in spiders:
        command += ["--spider", name]
    for key, value in settings.items():
        command += ["--set", f"{key}={value}"]
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(command, check=True, cwd=ROOT, stdin=subprocess.DEVNULL)
    return read_crawl_dir(out)[spiders[0]]


def test_a_crawl_logs_no_python_warnings(tmp_path):
    """A deprecation (a setting Scrapy renamed, a call it will drop) would be logged in every
    night's crawl.log until it breaks; the recorded sites crawl without one."""
    run_crawl(SITES / NEWER, tmp_path / "crawl", ["arizona"])
    log = (tmp_path / "crawl" / "crawl.log").read_text()
    assert "INFO: Spider closed (finished)" in log
    assert [line for line in log.splitlines() if "[py.warnings]" in line or "Warning:" in line] == []


def test_records_below_the_log_level_are_never_built():
    """Scrapy leaves its `scrapy` logger at DEBUG and filters at the handler, so a "Scraped from"
    record (the item formatted into it) was built for every item and thrown away; once a spider
    opens, records below LOG_LEVEL are not built, and loggers Scrapy quiets further stay quiet."""
    from scrapy.utils.log import configure_logging

    from crawler.crawl.extensions import QuietBelowLogLevel

    saved = {name: logging.getLogger(name).level for name in ("", "scrapy", "twisted")}
    try:
        configure_logging({"LOG_LEVEL": "INFO", "LOG_INSTALL_ROOT_HANDLER": False})  # the levels each crawler sets as it starts
        scraper = logging.getLogger("scrapy.core.scraper")
        assert scraper.isEnabledFor(logging.DEBUG)  # as Scrapy leaves it
        QuietBelowLogLevel("INFO").spider_opened()
        assert not scraper.isEnabledFor(logging.DEBUG) and scraper.isEnabledFor(logging.INFO)
        assert logging.getLogger("twisted").getEffectiveLevel() == logging.ERROR
        configure_logging({"LOG_LEVEL": "DEBUG", "LOG_INSTALL_ROOT_HANDLER": False})
        QuietBelowLogLevel("DEBUG").spider_opened()
        assert scraper.isEnabledFor(logging.DEBUG)  # asked for: kept
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def test_the_feed_exporter_writes_the_bytes_scrapys_own_would():
    """ItemLinesExporter skips ItemAdapter's per-field walk for our dataclass items; what it
    writes is byte for byte what Scrapy's JsonLinesItemExporter writes, and anything else goes
    Scrapy's way."""
    import io

    from scrapy.exporters import JsonLinesItemExporter

    from crawler.crawl.exporters import ItemLinesExporter
    from crawler.items import FactItem, Institution, PageItem, ProgramItem

    items = [
        Institution(institution_id="twu", name="Texas Woman’s University", city="Denton", state="TX",
                    control="public", website="twu.edu", ipeds_unitid="229179"),
        ProgramItem(program_id="twu/mls", institution_id="twu", url="https://twu.edu/x"),
        FactItem(institution_id="twu", field="tuition", text="Tuition: $1,000 per credit — résidents",
                 url="https://twu.edu/x", programs=["twu/mls"], value=[{"amount_usd": "1000.00"}]),
        PageItem(spider="twu", url="https://twu.edu/x", outcome="ok", status=200, fetched_at="2026-11-02T02:00:00+00:00"),
        {"type": "other", "text": "naïve"},
    ]
    ours, theirs = io.BytesIO(), io.BytesIO()
    for exporter, buffer in ((ItemLinesExporter(ours, encoding="utf-8"), ours),
                             (JsonLinesItemExporter(theirs, encoding="utf-8"), theirs)):
        exporter.start_exporting()
        for item in items:
            exporter.export_item(item)
        exporter.finish_exporting()
    assert ours.getvalue() == theirs.getvalue() and ours.getvalue().count(b"\n") == len(items)
    assert "Woman’s".encode() in ours.getvalue()  # UTF-8 as written, not \u escapes
