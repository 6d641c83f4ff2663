"""Record, then replay (issue 13): `mlis-crawler record` against a loopback copy of a site served
with real HTTP headers, redirects and a windows-1252 page; the recording replays to the same
crawl feed as the server gave, the windows-1252 text decoded exactly.

The server (`tests.support.siteserver.SiteServer`) serves Arizona's newest recorded hosts; the spiders'
real hosts are routed to it (`crawler.crawl.routing`), so each host keeps its own download slot
and the URLs, redirects and robots.txt are the real ones.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crawler.crawl.record import RecordError, record
from crawler.errors import ConfigError
from crawler.history.stage import read_crawl_dir
from tests.conftest import NEWER, SITES, run_crawl
from tests.support.siteserver import SiteServer

HOSTS = ("grad.arizona.edu", "ischool.arizona.edu", "infosci.arizona.edu")
CP1252_PAGE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
CP1252_URL = "https://" + CP1252_PAGE
GPA_OLD = "A grade point average of 3.0 or higher"
# windows-1252's own characters (0x92-0x94), in words the GPA reader knows: a value bound by words no
# page states a GPA in would be held back (crawler/normalize/familiar.py), which is not this test's point.
GPA_NEW = "A grade point average of 3.0 or higher (the program\u2019s \u201ccumulative\u201d minimum)"
FAST = {"DOWNLOAD_DELAY": "0"}


def served_site(root: Path) -> Path:
    """Arizona's newest hosts, one page re-saved as windows-1252 and declaring it."""
    site = root / "served"
    for host in HOSTS:
        shutil.copytree(SITES / NEWER / host, site / host)
    (site / "_replay").mkdir()
    shutil.copy(SITES / NEWER / "_replay" / "ischool.arizona.edu.json", site / "_replay")
    page = site / CP1252_PAGE
    text = page.read_text(encoding="utf-8")
    assert text.count(GPA_OLD) == 1 and text.count('<meta charset="utf-8">') == 1
    text = text.replace(GPA_OLD, GPA_NEW).replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page.write_bytes(text.encode("cp1252"))
    return site


def comparable(data) -> dict:
    """A crawl feed without what differs between two reads of the same pages (fetch times)."""
    pages = sorted(json.dumps({k: v for k, v in p.items() if k != "fetched_at"}, sort_keys=True) for p in data.pages)
    facts = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in data.facts)
    return {"pages": pages, "facts": facts, "programs": sorted(data.programs), "institution": data.institution}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    root = tmp_path_factory.mktemp("record")
    site = served_site(root)
    with SiteServer(site, headers={CP1252_URL: {"Content-Type": "text/html; charset=windows-1252"}}) as server:
        feed = record(root / "2026-11-05", ["arizona"], {**server.routing(), **FAST})
        hits = server.hits()
    return {"root": root, "recording": root / "2026-11-05", "live": read_crawl_dir(feed)["arizona"], "hits": hits}


def test_the_recording_keeps_statuses_headers_and_redirects(recorded):
    recording = recorded["recording"]
    ischool = json.loads((recording / "_replay" / "ischool.arizona.edu.json").read_text())["responses"]
    assert ischool["/ma-library-information-science/admissions-cost"] == {
        "status": 301, "headers": {"Location": CP1252_URL}}
    infosci = json.loads((recording / "_replay" / "infosci.arizona.edu.json").read_text())["responses"]
    page = infosci["/ma-library-information-science/admissions-cost"]
    assert page["status"] == 200
    assert page["headers"]["Content-Type"] == "text/html; charset=windows-1252"
    assert page["headers"]["ETag"].startswith('"') and page["headers"]["Last-Modified"]
    # bodies are kept byte for byte, where replay reads them
    assert (recording / CP1252_PAGE).read_bytes() == (recorded["root"] / "served" / CP1252_PAGE).read_bytes()
    assert (recording / "grad.arizona.edu" / "robots.txt").is_file()
    served = {(h.host, h.path) for h in recorded["hits"]}
    assert ("ischool.arizona.edu", "/ma-library-information-science/admissions-cost") in served


def test_the_windows_1252_page_is_decoded_exactly(recorded):
    gpa = [f for f in recorded["live"].facts if f["field"] == "min_gpa"]
    assert len(gpa) == 1 and "(the program\u2019s \u201ccumulative\u201d minimum)" in gpa[0]["text"]
    assert "\ufffd" not in json.dumps([f["text"] for f in recorded["live"].facts], ensure_ascii=False)


def test_replaying_the_recording_gives_the_same_feed_as_the_server(recorded, tmp_path):
    replayed = run_crawl(recorded["recording"], tmp_path / "replay", ["arizona"])["arizona"]
    live = recorded["live"]
    assert len(live.pages) == 2 and len(live.programs) == 9
    assert all(p["outcome"] == "ok" for p in live.pages)
    assert comparable(replayed) == comparable(live)
    page = {p["final_url"]: p for p in replayed.pages}[CP1252_URL]  # reached through the ischool redirect
    assert page["content_type"] == "text/html; charset=windows-1252" and page["etag"]


def test_record_refuses_a_folder_that_is_not_empty(recorded):
    with pytest.raises(ConfigError, match="not an empty folder"):
        record(recorded["recording"], ["arizona"])


def test_a_redirect_cannot_make_record_write_outside_its_folder(tmp_path):
    """A same-host redirect whose path climbs out (`%2e%2e`) or whose query holds `/..`
    (redteam F1): the recording crawl goes on, and nothing is written outside the recording."""
    site = served_site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    climb = "/%2e%2e" * 12 + str(outside)
    (site / "_replay" / "grad.arizona.edu.json").write_text(json.dumps({"redirects": {
        "/catalog/programinfo/LISMA": "https://grad.arizona.edu/catalog" + climb + "/PWNED_PATH.html"}}))
    (site / "_replay" / "infosci.arizona.edu.json").write_text(json.dumps({"redirects": {
        "/ma-library-information-science/admissions-cost":
            "https://infosci.arizona.edu/ma-library-information-science/admissions-cost?x="
            + "/.." * 12 + str(outside) + "/PWNED_QUERY.html"}}))
    recording = tmp_path / "2026-12-05"
    with SiteServer(site) as server:
        record(recording, ["arizona"], {**server.routing(), **FAST})
    assert list(outside.iterdir()) == []
    written = {p.resolve() for p in recording.rglob("*") if p.is_file()}
    assert all(p.is_relative_to(recording.resolve()) for p in written)
    # the query redirect's answer is kept as one file of its host, its slashes encoded
    assert any("PWNED_QUERY.html" in p.name and "%2F" in p.name for p in written)


def test_a_recording_that_fetched_nothing_is_an_error(tmp_path):
    """Every site down: `record` says so instead of leaving an empty recording and exit 0 (issue 22)."""
    with SiteServer(served_site(tmp_path)) as server:
        routing = server.routing()
    # the server is stopped: every connection is refused
    with pytest.raises(RecordError, match=r"fetched nothing \(\w*ConnectionRefusedError ×\d+: probably our network"):
        record(tmp_path / "2026-12-06", ["arizona"], {**routing, **FAST, "RETRY_TIMES": "0"})
