"""The replay contract (DESIGN section 4): a reversible URL <-> file mapping, answered through
Scrapy's real download handler interface, refusing paths that leave the snapshot."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scrapy import Request
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionRefusedError

from crawler.items import OUTCOMES
from crawler.crawl.replay import ReplayDownloadHandler, relpath_to_url, url_to_relpath
from tests.conftest import NEWER, SITES

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
])
def test_paths_that_leave_the_snapshot_are_refused(url):
    assert download(url).status == 400


def test_a_host_with_no_recording_refuses_the_connection():
    with pytest.raises(ConnectionRefusedError):
        download("https://www.harvard.edu/")


def test_every_ledger_outcome_is_in_the_documented_vocabulary(crawled):
    outcomes = {page["outcome"] for data in crawled(NEWER).values() for page in data.pages}
    assert outcomes and outcomes <= set(OUTCOMES)
