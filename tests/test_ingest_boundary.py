"""The feed boundary of `ingest` (issue 21; redteam F3, F4, F7, F10): a feed is untrusted input.

Every feed here is made by a real crawl (Scrapy's downloader, a child process) of the recorded
quiet night, for Arizona and Wisconsin, then edited the way the red team's repros edit it; the
nights are real (history.db, reconcile, publish, report); the URL fetches go to real HTTP servers
on 127.0.0.1. Each test makes its guard fire and checks what was published: another university's
program untouched, a refused value never in the history, a spider cut short failed with nothing
removed, the other spider ingested all the same.
"""

from __future__ import annotations

import dataclasses
import http.server
import json
import shutil
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.errors import ConfigError
from crawler.items import FactItem, Institution, PageItem, ProgramItem
from crawler.night import Feeds, Night
from tests.conftest import QUIET, ROOT, SITES, run_crawl

SPIDERS = ["arizona", "wisc"]
WISC_URL = "https://guide.wisc.edu/graduate/information/library-information-studies-ma/"


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The real feeds of the quiet night for Arizona and Wisconsin (crawled once)."""
    feeds = tmp_path_factory.mktemp("clean") / "feeds"
    run_crawl(SITES / QUIET, feeds, SPIDERS)
    (feeds / "crawl.log").unlink()
    return feeds


@pytest.fixture(scope="module")
def published(clean, tmp_path_factory):
    """A data folder after a clean ingest of those feeds (each test works on a copy)."""
    data = tmp_path_factory.mktemp("published") / "data"
    result = night(data, [str(clean)])
    assert result.health == {"arizona": "ok", "wisc": "ok"}
    return data


def night(data: Path, sources: list[str], log: list | None = None, **limits):
    lines = log if log is not None else []
    return Night(data, Feeds(sources, QUIET, **limits), None, lines.append).run()


def copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


def items(feed: Path) -> list[dict]:
    return [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]


def append(feeds: Path, spider: str, *lines: dict) -> None:
    """Lines added to a spider's feed, its summary counting them (so only the guard under test fires)."""
    with (feeds / f"items-{spider}.jsonl").open("a", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line) + "\n")
    recount(feeds, spider, len(lines))


def recount(feeds: Path, spider: str, more: int) -> None:
    summary = json.loads((feeds / f"summary-{spider}.json").read_text())
    summary["stats"]["item_scraped_count"] += more
    (feeds / f"summary-{spider}.json").write_text(json.dumps(summary))


def query(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def programs(data: Path) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in query(data / "programs.db", "SELECT program_id, name, total_credits, status, "
                                             "institution_id FROM programs")}


def errors(data: Path, crawl_id: str, spider: str) -> str:
    (found,) = query(data / "history.db", "SELECT errors FROM spider_runs WHERE crawl_id = ? AND spider = ?",
                     crawl_id, spider)
    return found[0]


def pending_removals(data: Path) -> list[tuple]:
    return query(data / "history.db", "SELECT program_id, field FROM changes WHERE kind = 'removed' "
                 "AND status = 'pending'")


# -- F3: a feed names only its own spider's ids and hosts, in items as items.py writes them --------

FOREIGN = {
    "another university's program": [
        {"program_id": "arizona/ma-lis", "institution_id": "wisc", "url": WISC_URL, "type": "program"},
        {"institution_id": "wisc", "field": "name", "text": "HIJACKED BY WISC FEED", "url": WISC_URL,
         "programs": ["arizona/ma-lis"], "missing": None, "value": "HIJACKED BY WISC FEED", "problem": None,
         "type": "fact"}],
    "a fact for another university's program": [
        {"institution_id": "wisc", "field": "total_credits", "text": "30 credits", "url": WISC_URL,
         "programs": ["arizona/ma-lis"], "missing": None, "value": "30", "problem": None, "type": "fact"}],
    "another university's institution id": [
        {"institution_id": "arizona", "name": "HIJACKED", "city": None, "state": None, "control": None,
         "website": "arizona.edu", "ipeds_unitid": None, "type": "institution"}],
    "a page of another university's host": [
        {"institution_id": "wisc", "field": "min_gpa", "text": "A 3.0 GPA.", "url": "https://infosci.arizona.edu/x",
         "programs": ["*"], "missing": None, "value": "3.00", "problem": None, "type": "fact"}],
    "a javascript: source URL": [
        {"institution_id": "wisc", "field": "min_gpa", "text": "A 3.0 GPA.", "url": "javascript:alert(document.domain)//",
         "programs": ["*"], "missing": None, "value": "3.00", "problem": None, "type": "fact"}],
    "a program id that is no slug": [
        {"program_id": "wisc/../../../x", "institution_id": "wisc", "url": WISC_URL, "type": "program"}],
    "an attribute no item has": [
        {"program_id": "wisc/ma-lis-online", "institution_id": "wisc", "url": WISC_URL, "type": "program",
         "status": "removed"}],
    # not an item as crawler/items.py writes it
    "NaN where a page's size belongs": [
        {"spider": "wisc", "url": WISC_URL, "outcome": "ok", "status": 200, "final_url": WISC_URL, "redirect_urls": [],
         "sha256": None, "size": float("nan"), "fetched_at": None, "error": None, "etag": None, "last_modified": None,
         "content_type": "text/html", "type": "page"}],
    "a dict where a name belongs": [
        {"institution_id": "wisc", "name": {"x": 1}, "city": None, "state": None, "control": None,
         "website": "wisc.edu", "ipeds_unitid": None, "type": "institution"}],
    "a string where a list of programs belongs": [
        {"institution_id": "wisc", "field": "min_gpa", "text": "A 3.0 GPA.", "url": WISC_URL, "programs": "*",
         "missing": None, "value": "3.00", "problem": None, "type": "fact"}],
    "an unknown field": [
        {"institution_id": "wisc", "field": "bribe", "text": "x", "url": WISC_URL, "programs": ["*"],
         "missing": None, "value": "x", "problem": None, "type": "fact"}],
    "an unknown item type": [{"type": "bribe"}],
    "a lone surrogate, which SQLite cannot store": [
        {"institution_id": "wisc", "field": "min_gpa", "text": "A 3.0 GPA.\ud800", "url": WISC_URL,
         "programs": ["*"], "missing": None, "value": "3.00", "problem": None, "type": "fact"}],
}


@pytest.mark.parametrize("case", FOREIGN, ids=list(FOREIGN))
def test_a_feed_naming_what_is_not_its_spiders_or_no_item_is_refused_and_the_others_publish(case, clean, published, tmp_path):
    data = copy(published, tmp_path / "data")
    before = programs(data)
    feeds = copy(clean, tmp_path / "feeds")
    line = len(items(feeds / "items-wisc.jsonl")) + 1
    append(feeds, "wisc", *FOREIGN[case])
    result = night(data, [str(feeds)])
    assert result.health == {"arizona": "ok", "wisc": "failed"}
    assert programs(data) == before, "a refused feed changed what was published"
    assert f"refused feed: items-wisc.jsonl line {line}" in errors(data, result.crawl_id, "wisc")
    assert not pending_removals(data)
    assert query(data / "history.db", "SELECT count(*) FROM facts WHERE crawl_id = ? AND institution_id = 'wisc'",
                 result.crawl_id) == [(0,)], "a line of a refused feed reached the history"


# -- F7: values are typed, finite, in range, real dates; one bad value refuses that value ---------

BAD_VALUES = {  # field -> (the value as written into the feed's JSON, why it is refused)
    "total_credits": ("NaN", "finite number"),
    "min_gpa": ("Infinity", "finite number"),
    "application_fee": ("1e400", "finite number"),
    "tuition": ('"abc"', "valid list"),
    "application_deadlines": ('[{"term": "fall", "date": "2027-02-30", "kind": "final", "applies_to": null}]',
                              "real day"),
    "duration": ('{"months_min": 1000000000000000000000000000000, "months_max": null}', "out of range"),
    "ala_accredited": ('{"x": 1}', "valid boolean"),
}


def test_bad_values_are_refused_one_by_one_and_never_reach_the_history(clean, published, tmp_path):
    data = copy(published, tmp_path / "data")
    before = programs(data)
    feeds = copy(clean, tmp_path / "feeds")
    feed = feeds / "items-wisc.jsonl"
    lines = feed.read_text(encoding="utf-8").splitlines()
    replaced = set()
    for i, line in enumerate(lines):
        item = json.loads(line)
        if item["type"] == "fact" and item["field"] in BAD_VALUES and item["value"] is not None:
            item["value"] = "@@"
            lines[i] = json.dumps(item).replace('"@@"', BAD_VALUES[item["field"]][0])
            replaced.add(item["field"])
    assert replaced == set(BAD_VALUES), "the wisc feed no longer states every field this test spoils"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    log: list[str] = []
    result = night(data, [str(feeds)], log)  # did not raise: no value stops the night
    assert result.health == {"arizona": "ok", "wisc": "degraded"}
    assert programs(data) == before, "a refused value changed what was published"
    observed = dict(query(data / "history.db", "SELECT field, state || ': ' || coalesce(problem, '') FROM observations "
                          "WHERE crawl_id = ? AND program_id = 'wisc/ma-lis-online'", result.crawl_id))
    for field_name, (_, why) in BAD_VALUES.items():
        assert observed[field_name].startswith("unknown: refused at ingest (items-wisc.jsonl line "), observed[field_name]
        assert why in observed[field_name]
    assert sum("refused: wisc: items-wisc.jsonl line" in line for line in log) == len(BAD_VALUES)
    report = (result.report_dir / "report.md").read_text(encoding="utf-8")
    assert "refused at ingest" in report
    # and the next night is not stuck: the clean feeds publish as usual
    assert night(data, [str(clean)]).health == {"arizona": "ok", "wisc": "ok"}


@pytest.mark.parametrize("field_name, value", [
    ("total_credits", "36"), ("min_gpa", "3.00"), ("application_fee", "75.00"), ("delivery", "online"),
    ("start_terms", ["fall", "spring"]), ("ala_accredited", True),
    ("application_deadlines", [{"term": "spring", "date": "--02-29", "kind": "priority", "applies_to": None}]),
    ("tuition", [{"kind": "fee", "amount_usd": "62.50", "per": "credit", "residency": "in_state", "applies_to": None}]),
])
def test_values_of_their_fields_form_pass(field_name, value):
    from crawler.night.feed import value_refusal

    assert value_refusal(field_name, value) is None


@pytest.mark.parametrize("field_name, value, why", [
    ("total_credits", 36, "form"), ("total_credits", ["36"], "not a value"),
    ("delivery", "moon", "not a value"), ("start_terms", ["autumn"], "not a value"), ("ala_accredited", 1, "form"),
    ("application_deadlines", [{"term": "fall", "date": "2026-04-31", "kind": "final", "applies_to": None}], "real day"),
    ("application_deadlines", [{"term": "fall", "date": "9999-12-31", "kind": "final", "applies_to": None}], "real day"),
    ("tuition", [{"kind": "bribe", "amount_usd": "1.00", "per": "credit", "residency": "any", "applies_to": None}],
     "not a value"),
    ("tuition", [{"kind": "tuition", "amount_usd": "850.00", "residency": "any", "applies_to": None}], "not a value"),
    ("tuition", [{"kind": "tuition", "amount_usd": "-850.00", "per": "credit", "residency": "any", "applies_to": None}],
     "non-negative"),
    ("application_fee", "99999999999999999999999.00", "out of range"), ("total_credits", "1E+400", "out of range"),
    ("tuition", [], "empty"),
])
def test_values_out_of_their_fields_form_or_range_are_refused(field_name, value, why):
    from crawler.night.feed import value_refusal

    assert why in (value_refusal(field_name, value) or "")


def test_the_line_models_hold_every_attribute_of_the_items():
    """The boundary's models and crawler/items.py describe one feed: an attribute added to an item
    must be added to its model (or every feed carrying it is refused)."""
    from crawler.night.feed import LINES

    for kind, item in (("institution", Institution), ("program", ProgramItem), ("fact", FactItem), ("page", PageItem)):
        assert set(LINES[kind].model_fields) == {f.name for f in dataclasses.fields(item)}, kind


# -- F4: a feed cut short is incomplete; its spider failed, nothing removed -----------------------

def test_a_feed_cut_at_half_on_a_line_boundary_fails_its_spider_and_queues_no_removal(clean, published, tmp_path):
    data = copy(published, tmp_path / "data")
    before = programs(data)
    feeds = copy(clean, tmp_path / "feeds")
    feed = feeds / "items-arizona.jsonl"
    lines = feed.read_bytes().splitlines(keepends=True)
    feed.write_bytes(b"".join(lines[: len(lines) // 2]))
    result = night(data, [str(feeds)])
    assert result.health == {"arizona": "failed", "wisc": "ok"}
    assert f"holds {len(lines) // 2} items, its summary counts {len(lines)}" in errors(data, result.crawl_id, "arizona")
    assert programs(data) == before and not pending_removals(data)


def test_a_feed_whose_last_line_is_cut_off_is_incomplete(clean, published, tmp_path):
    data = copy(published, tmp_path / "data")
    feeds = copy(clean, tmp_path / "feeds")
    feed = feeds / "items-arizona.jsonl"
    body = feed.read_bytes()
    feed.write_bytes(body[: len(body) - 40])
    result = night(data, [str(feeds)])
    assert result.health == {"arizona": "failed", "wisc": "ok"}
    assert "is cut off (no newline)" in errors(data, result.crawl_id, "arizona")
    assert not pending_removals(data)


# -- F10: the URL fetch -------------------------------------------------------------------------

class Server:
    """A real HTTP server on a loopback address, answering from `routes` (path -> handler
    function) and recording every request line it is sent."""

    def __init__(self, routes: dict, host: str = "127.0.0.1", tls: tuple[Path, Path] | None = None):
        self.routes, self.requests = routes, []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.requestline)
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                else:
                    route(self)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        if tls is not None:  # (certificate, key)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.base = f"https://localhost:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve_file(path: Path, declared: int | None = None, send: int | None = None):
    """A handler sending a file: `declared` as its Content-Length, only `send` bytes of it."""
    def handle(request):
        body = path.read_bytes()
        request.send_response(200)
        request.send_header("Content-Length", str(declared if declared is not None else len(body)))
        request.end_headers()
        request.wfile.write(body[:send] if send is not None else body)
        request.close_connection = True
    return handle


def redirect(location: str):
    def handle(request):
        request.send_response(302)
        request.send_header("Location", location)
        request.send_header("Content-Length", "0")
        request.end_headers()
    return handle


def trickle(request):
    """One byte every 0.2 s of a body said to be a megabyte, until the client hangs up."""
    request.send_response(200)
    request.send_header("Content-Length", str(1 << 20))
    request.end_headers()
    try:
        for _ in range(1000):
            request.wfile.write(b"{")
            request.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


def feed_routes(feeds: Path, spider: str) -> dict:
    return {f"/{name}": serve_file(feeds / name) for name in (f"items-{spider}.jsonl", f"summary-{spider}.json")}


def urls(base: str, spider: str, prefix: str = "") -> list[str]:
    return [f"{base}{prefix}/items-{spider}.jsonl", f"{base}/summary-{spider}.json"]


def test_a_url_fetch_publishes_what_the_folder_publishes_and_ignores_proxies(clean, published, tmp_path, monkeypatch):
    with Server({}) as proxy, Server(feed_routes(clean, "wisc")) as node:
        for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "all_proxy"):
            monkeypatch.setenv(name, proxy.base)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        data = copy(published, tmp_path / "data")
        result = night(data, urls(node.base, "wisc"))
    assert result.health == {"wisc": "ok"}
    assert proxy.requests == [], "a feed was asked of the environment's proxy"
    assert sorted(node.requests) == ["GET /items-wisc.jsonl HTTP/1.1", "GET /summary-wisc.json HTTP/1.1"]
    received = data / "crawls" / result.crawl_id / "received"
    assert (received / "items-wisc.jsonl").read_bytes() == (clean / "items-wisc.jsonl").read_bytes()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_an_https_url_is_read_from_the_checked_address_with_the_hosts_certificate(clean, published, tmp_path,
                                                                                 monkeypatch):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
                   check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the one certificate authority trusted here
    with Server(feed_routes(clean, "wisc"), tls=(cert, key)) as node:
        data = copy(published, tmp_path / "data")
        result = night(data, urls(node.base, "wisc"))
        assert result.health == {"wisc": "ok"}
        wrong_name = night(data, urls(node.base.replace("localhost", "127.0.0.1"), "wisc"))
    assert wrong_name.health == {"wisc": "failed"}  # the certificate names localhost, not the address
    assert "CERTIFICATE_VERIFY_FAILED" in errors(data, wrong_name.crawl_id, "wisc")


def test_a_redirect_is_not_followed(clean, published, tmp_path):
    with Server(feed_routes(clean, "wisc"), host="127.0.0.2") as elsewhere:
        routes = {**feed_routes(clean, "wisc"), "/redir/items-wisc.jsonl": redirect(f"{elsewhere.base}/items-wisc.jsonl")}
        with Server(routes) as node:
            data = copy(published, tmp_path / "data")
            result = night(data, urls(node.base, "wisc", "/redir"))
    assert elsewhere.requests == [], "the redirect was followed"
    assert result.health == {"wisc": "failed"}
    assert "items-wisc.jsonl not received (http://127.0.0.1:" in errors(data, result.crawl_id, "wisc")
    assert "answered HTTP 302" in errors(data, result.crawl_id, "wisc")
    assert not pending_removals(data)


def test_a_download_cut_short_is_incomplete(clean, published, tmp_path):
    feed = clean / "items-arizona.jsonl"
    size = feed.stat().st_size
    half = feed.read_bytes()[: size // 2].rindex(b"\n") + 1  # ends on a line boundary, as in the repro
    routes = {**feed_routes(clean, "arizona"), "/items-arizona.jsonl": serve_file(feed, declared=size, send=half)}
    with Server(routes) as node:
        data = copy(published, tmp_path / "data")
        before = programs(data)
        result = night(data, urls(node.base, "arizona"))
    assert result.health == {"arizona": "failed"}
    assert f"incomplete: {half} of {size} bytes" in errors(data, result.crawl_id, "arizona")
    assert programs(data) == before and not pending_removals(data)


def test_a_trickling_server_is_cut_off_at_the_deadline_and_the_folder_is_free_again(clean, published, tmp_path):
    routes = {**feed_routes(clean, "wisc"), **feed_routes(clean, "arizona"), "/items-arizona.jsonl": trickle}
    with Server(routes) as node:
        data = copy(published, tmp_path / "data")
        started = time.monotonic()
        result = night(data, urls(node.base, "arizona") + urls(node.base, "wisc"), fetch_seconds=1.5)
        took = time.monotonic() - started
    assert took < 15, f"ingest took {took:.1f} s with a 1.5 s deadline"
    assert result.health["arizona"] == "failed"
    assert "deadline" in errors(data, result.crawl_id, "arizona")
    # the lock is free: another night runs at once
    assert night(data, [str(clean)]).health == {"arizona": "ok", "wisc": "ok"}


def test_a_file_over_the_size_cap_is_refused(clean, published, tmp_path):
    with Server(feed_routes(clean, "wisc")) as node:
        data = copy(published, tmp_path / "data")
        result = night(data, urls(node.base, "wisc"), fetch_bytes=1000)
    assert result.health == {"wisc": "failed"}
    assert "over the 1000-byte limit" in errors(data, result.crawl_id, "wisc")


@pytest.mark.parametrize("url, message", [
    ("http://10.0.0.7/items-wisc.jsonl", "is not loopback"),
    ("http://169.254.169.254/items-wisc.jsonl", "is not loopback"),
    ("http://127.0.0.1@169.254.169.254/items-wisc.jsonl", "user name"),
    ("http://[::ffff:169.254.169.254]/items-wisc.jsonl", "is not loopback"),
    ("http://user:pw@127.0.0.1/items-wisc.jsonl", "user name"),
    ("file:///etc/items-wisc.jsonl", "only http(s)"),
    ("ftp://127.0.0.1/items-wisc.jsonl", "only http(s)"),
    ("http://127.0.0.1:9/listing.html", "not a feed or summary URL"),
    ("http://x.edu[1]/items-wisc.jsonl", "not a valid URL"),
])
def test_urls_that_are_not_loopback_feed_files_are_refused_before_anything_is_fetched(url, message, tmp_path):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        night(tmp_path / "data", [url])
    assert not (tmp_path / "data" / "history.db").exists()


def test_a_refused_url_exits_2_with_the_reason(tmp_path):
    result = subprocess.run([str(Path(sys.executable).parent / "mlis-crawler"), "ingest",
                             "http://169.254.169.254/items-wisc.jsonl", "--data", str(tmp_path / "data")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert "is not loopback" in result.stderr and "SSH tunnel" in result.stderr


def test_a_feed_file_that_is_a_symlink_is_not_read(clean, published, tmp_path):
    feeds = copy(clean, tmp_path / "feeds")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the history\n")
    (feeds / "items-wisc.jsonl").unlink()
    (feeds / "items-wisc.jsonl").symlink_to(secret)
    data = copy(published, tmp_path / "data")
    result = night(data, [str(feeds)])
    assert result.health == {"arizona": "ok", "wisc": "failed"}
    assert "items-wisc.jsonl not received" in errors(data, result.crawl_id, "wisc")
    assert not (data / "crawls" / result.crawl_id / "received" / "items-wisc.jsonl").exists()


def test_feeds_of_an_unknown_spider_or_the_same_file_twice_are_refused(clean, tmp_path):
    feeds = copy(clean, tmp_path / "feeds")
    shutil.copyfile(feeds / "items-wisc.jsonl", feeds / "items-evil.jsonl")
    with pytest.raises(ConfigError, match="unknown spider evil"):
        night(tmp_path / "data", [str(feeds)])
    with pytest.raises(ConfigError, match="items-arizona.jsonl comes from two sources"):
        night(tmp_path / "data", [str(clean), str(clean)])
