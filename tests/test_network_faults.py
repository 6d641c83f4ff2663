"""Network faults against a real HTTP server on loopback (reliability rows N4, N5, S1, S5, S6, X1).

A copy of Arizona's recorded site is served from `tests.support.netserver.FaultServer` on 127.0.0.1,
next to fault endpoints (a hang, a truncated body, a 503, a redirect loop, bodies over the size
limit, redirects to cloud metadata and to a loopback canary). The test spider
(`tests.support.net_spiders`) is the real Arizona spider pointed at that server through
`python -m crawler.crawl --set ...`, with no replay: Scrapy's own downloader, retry, redirect
and size handling, and our address guard, do the work. Every URL must end in exactly one
ledger row with the right outcome, the healthy pages must yield exactly what the recorded
crawl yields, and the canary must never be reached.

Also: unit tests of the address guard's parsing (`literal_address`, `is_refused`) and of the
middleware itself.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from scrapy import Request

from crawler.crawl.middlewares import PrivateAddressGuard, RefusedAddress, is_refused, literal_address
from crawler.history.stage import read_crawl_dir, spider_health
from tests.conftest import NEWER, ROOT, SITES, observations, run_crawl
from tests.support.net_spiders import FAULTS
from tests.support.netserver import Canary, FaultServer

MAX_SIZE = 100_000
RETRY_TIMES = 1
REDIRECT_MAX_TIMES = 5
CRAWL_LIMIT_SECONDS = 120  # a bound, never an expectation: the crawl takes a few seconds

# The pages of the recorded site and what the ledger must say about them.
HEALTHY = {
    "/catalog/programinfo/LISMA": ("ok", "/catalog/programinfo/LISMA", []),
    "/ma-library-information-science/admissions-cost": ("ok", "/ma-library-information-science/admissions-cost", []),
    # S5: a program page that now redirects to a page the crawl also reads on its own
    "/fault/moved": ("ok", "/catalog/programinfo/LISMA", ["/fault/moved"]),
}


@pytest.fixture(scope="module")
def net(tmp_path_factory):
    """One crawl of the loopback site; the server's hit counts and the canary's connections."""
    out = tmp_path_factory.mktemp("net-crawl")
    site = SITES / NEWER
    with Canary() as canary, FaultServer([site / "grad.arizona.edu", site / "infosci.arizona.edu"],
                                         canary.port, MAX_SIZE) as server:
        overrides = {
            "SPIDER_MODULES": "spiders,tests.support.net_spiders",
            "NET_BASE": server.base,
            "MLIS_ALLOW_PRIVATE_HOSTS": "127.0.0.1",  # the server itself; nothing else local
            "DOWNLOAD_TIMEOUT": "1",
            "RETRY_TIMES": str(RETRY_TIMES),
            "REDIRECT_MAX_TIMES": str(REDIRECT_MAX_TIMES),
            "DOWNLOAD_MAXSIZE": str(MAX_SIZE),
            "DOWNLOAD_WARNSIZE": str(MAX_SIZE // 2),
            "DOWNLOAD_DELAY": "0",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
        }
        command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log"),
                   "--spider", "net_arizona"]
        for key, value in overrides.items():
            command += ["--set", f"{key}={value}"]
        subprocess.run(command, check=True, cwd=ROOT, timeout=CRAWL_LIMIT_SECONDS, stdin=subprocess.DEVNULL)
    data = read_crawl_dir(out)["net_arizona"]
    return {"data": data, "hits": dict(server.hits), "canary": canary.connections, "base": server.base,
            "canary_port": canary.port}


def path(url: str) -> str:
    return urlsplit(url).path


def ledger(net) -> dict[str, dict]:
    return {path(p["url"]): p for p in net["data"].pages}


def test_every_scheduled_url_has_exactly_one_ledger_row(net):
    urls = [path(p["url"]) for p in net["data"].pages]
    assert sorted(urls) == sorted(set(urls))
    assert set(urls) == set(HEALTHY) | set(FAULTS)


def test_each_fault_ends_with_its_outcome(net):
    outcomes = {url: row["outcome"] for url, row in ledger(net).items()}
    assert {url: outcomes[url] for url in FAULTS} == FAULTS
    assert outcomes["/fault/503"] == "http_5xx" and ledger(net)["/fault/503"]["status"] == 503
    assert ledger(net)["/fault/missing"]["status"] == 404
    assert ledger(net)["/fault/hang"]["error"].startswith("DownloadTimeoutError")
    assert ledger(net)["/fault/truncated"]["error"].startswith("ResponseDataLossError")
    for url in ("/fault/too-large", "/fault/too-large-streamed"):
        assert ledger(net)[url]["error"].startswith("DownloadCancelledError")


def test_healthy_pages_are_read_and_redirects_are_recorded(net):
    base = net["base"]
    rows = ledger(net)
    for url, (outcome, final, chain) in HEALTHY.items():
        assert (rows[url]["outcome"], rows[url]["final_url"], rows[url]["redirect_urls"]) == (
            outcome, base + final, [base + c for c in chain]), url
        assert rows[url]["status"] == 200 and rows[url]["sha256"] and rows[url]["size"] > 0


def test_retries_and_redirects_are_bounded(net):
    hits = net["hits"]
    attempts = RETRY_TIMES + 1
    assert hits["/fault/503"] == attempts
    assert hits["/fault/hang"] == attempts
    assert hits["/fault/truncated"] == attempts
    # a loop is followed REDIRECT_MAX_TIMES times, then given up: 6 requests, alternating
    assert hits["/fault/loop-a"] + hits["/fault/loop-b"] == REDIRECT_MAX_TIMES + 1
    assert hits["/fault/too-large"] == hits["/fault/too-large-streamed"] == 1
    for url in ("/fault/to-metadata", "/fault/to-localhost", "/fault/to-decimal", "/fault/to-hex", "/fault/to-mapped"):
        assert hits[url] == 1
    assert hits["/catalog/programinfo/LISMA"] == 2  # read on its own, and through /fault/moved
    loop = ledger(net)["/fault/loop-a"]
    assert len(loop["redirect_urls"]) == REDIRECT_MAX_TIMES
    assert loop["error"] == "IgnoreRequest: max redirections reached"


def test_redirects_to_private_addresses_are_refused_before_connecting(net):
    assert net["canary"] == 0
    rows = ledger(net)
    port = net["canary_port"]
    targets = {
        "/fault/to-metadata": ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        "/fault/to-localhost": (f"http://localhost:{port}/", "127.0.0.1"),
        "/fault/to-decimal": (f"http://2130706433:{port}/", "127.0.0.1"),
        "/fault/to-hex": (f"http://0x7f000001:{port}/", "127.0.0.1"),
        "/fault/to-mapped": (f"http://[::ffff:127.0.0.1]:{port}/", "::ffff:7f00:1"),
    }
    for url, (target, address) in targets.items():
        row = rows[url]
        assert (row["outcome"], row["final_url"], row["redirect_urls"]) == (
            "refused_address", target, [net["base"] + url])
        assert row["error"].startswith(f"RefusedAddress: refused address {address} for host ")


def test_faults_lose_nothing_else(net, tmp_path):
    """The loopback crawl reads exactly what a replay of the same recorded pages reads."""
    net_data = net["data"]
    replayed = run_crawl(SITES / NEWER, tmp_path / "replay", ["arizona"])["arizona"]
    got = {p.split("/", 1)[1]: fields for p, fields in observations(net_data).items()}
    want = {p.split("/", 1)[1]: fields for p, fields in observations(replayed).items()}
    assert set(got) == set(want) and len(want) == 9
    for program, fields in want.items():
        assert {f: (o.state, o.value) for f, o in got[program].items() if f != "application_fee"} == {
            f: (o.state, o.value) for f, o in fields.items()}, program
    # The field only the fault pages were to state is unknown, never a value, and says why.
    for program, fields in got.items():
        fee = fields["application_fee"]
        assert (fee.state, fee.value, fee.fetch_failed) == ("unknown", None, True), program
        for url, outcome in FAULTS.items():
            if outcome.startswith("http_"):
                assert f"page answered HTTP {ledger(net)[url]['status']} ({net['base']}{url})" in fee.problem
            else:
                assert f"page not fetched: {outcome} (" in fee.problem
    assert net_data.summary["finish_reason"] == "finished"
    assert spider_health(net_data) == "degraded"


# -- the address guard, unit by unit -------------------------------------------------------

@pytest.mark.parametrize(("host", "address"), [
    ("127.0.0.1", "127.0.0.1"),
    ("10.0.0.1", "10.0.0.1"),
    ("169.254.169.254", "169.254.169.254"),
    ("[::1]", "::1"),
    ("::1", "::1"),
    ("[::ffff:10.0.0.1]", "::ffff:a00:1"),
    ("2852039166", "169.254.169.254"),          # decimal
    ("0xa9fea9fe", "169.254.169.254"),          # hexadecimal
    ("0251.0376.0251.0376", "169.254.169.254"),  # octal, dotted
    ("127.1", "127.0.0.1"),                     # short form
    ("0", "0.0.0.0"),
    ("100.64.0.1", "100.64.0.1"),               # shared address space (carrier NAT)
    ("192.168.1.1", "192.168.1.1"),
    ("172.16.0.1", "172.16.0.1"),
    ("[fe80::1]", "fe80::1"),
    ("[fc00::1]", "fc00::1"),
    ("[::127.0.0.1]", "::7f00:1"),                  # IPv4-compatible IPv6
    ("[64:ff9b::a9fe:a9fe]", "64:ff9b::a9fe:a9fe"),  # NAT64 of the metadata address
    ("[2002:a9fe:a9fe::1]", "2002:a9fe:a9fe::1"),    # 6to4 of the metadata address
])
def test_non_global_addresses_in_every_spelling_are_refused(host, address):
    literal = literal_address(host)
    assert literal == ipaddress.ip_address(address)
    assert is_refused(literal) is True


@pytest.mark.parametrize(("host", "address"), [
    ("93.184.216.34", "93.184.216.34"),
    ("8.8.8.8", "8.8.8.8"),
    ("134217728", "8.0.0.0"),
    ("[2606:4700:4700::1111]", "2606:4700:4700::1111"),
    ("[::ffff:8.8.8.8]", "::ffff:808:808"),
    ("[64:ff9b::808:808]", "64:ff9b::808:808"),      # NAT64 of a public address
])
def test_public_addresses_are_allowed(host, address):
    literal = literal_address(host)
    assert literal == ipaddress.ip_address(address)
    assert is_refused(literal) is False


@pytest.mark.parametrize("host", ["example.edu", "grad.arizona.edu", "localhost", "", "1.2.3.4.5", "0x1g"])
def test_host_names_are_not_addresses(host):
    assert literal_address(host) is None


def guard(resolve: bool, allowed=()) -> PrivateAddressGuard:
    return PrivateAddressGuard(resolve=resolve, allowed=set(allowed))


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/",
    "http://[::ffff:10.0.0.1]:8080/",
    "https://0251.0376.0251.0376/x",
])
def test_guard_refuses_literal_addresses_even_in_replay(url):
    with pytest.raises(RefusedAddress, match="refused address "):
        asyncio.run(guard(resolve=False).process_request(Request(url)))
    with pytest.raises(RefusedAddress):
        asyncio.run(guard(resolve=True).process_request(Request(url)))


def test_guard_resolves_names_and_refuses_private_answers():
    with pytest.raises(RefusedAddress, match="for host localhost"):
        asyncio.run(guard(resolve=True).process_request(Request("http://localhost:1/")))


def test_guard_looks_each_host_up_once_and_refuses_a_kept_private_answer(monkeypatch):
    """The guard keeps a host's answer (the connection checks its own lookup again): one lookup
    per host, not per request, and a private answer refuses every request from the cache too."""
    from scrapy.utils.datatypes import LocalCache

    asked = []
    answers = {"public.example.test": "93.184.216.34", "private.example.test": "10.0.0.7"}

    def getaddrinfo(host, *args, **kwargs):
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    kept = PrivateAddressGuard(resolve=True, allowed=frozenset(), answers=LocalCache(10))
    for path in ("/robots.txt", "/a", "/b"):
        assert asyncio.run(kept.process_request(Request(f"https://public.example.test{path}"))) is None
        with pytest.raises(RefusedAddress, match="10.0.0.7"):
            asyncio.run(kept.process_request(Request(f"https://private.example.test{path}")))
    assert asked == ["public.example.test", "private.example.test"]
    uncached = guard(resolve=True)
    for _ in range(2):
        asyncio.run(uncached.process_request(Request("https://public.example.test/")))
    assert asked[2:] == ["public.example.test"] * 2  # without the cache (DNSCACHE_ENABLED off), every time


def test_guard_allow_list_is_exact():
    allowed = guard(resolve=True, allowed=["127.0.0.1"])
    assert asyncio.run(allowed.process_request(Request("http://127.0.0.1:8000/"))) is None
    for other in ("http://2130706433:8000/", "http://127.0.0.2/", "http://localhost:8000/"):
        with pytest.raises(RefusedAddress):
            asyncio.run(allowed.process_request(Request(other)))


REBINDING_DNS = '''
import socket
_getaddrinfo, _gethostbyname = socket.getaddrinfo, socket.gethostbyname
def getaddrinfo(host, *args, **kwargs):  # the guard's lookup: a public address
    if isinstance(host, str) and host.endswith(".rebind.test"):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 0))]
    return _getaddrinfo(host, *args, **kwargs)
def gethostbyname(host):  # the connection's lookup, moments later: loopback
    return "127.0.0.1" if host.endswith(".rebind.test") else _gethostbyname(host)
socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname
'''


def test_dns_rebinding_past_the_guard_is_refused_at_connection(tmp_path):
    """A name answering the guard with a public address and the connection with 127.0.0.1
    (redteam F8): the crawl connects to nothing, and the page is a failed fetch, never read."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(REBINDING_DNS)
    out = tmp_path / "out"
    with Canary() as canary, FaultServer([SITES / NEWER / "grad.arizona.edu"], canary.port, MAX_SIZE) as server:
        overrides = {"SPIDER_MODULES": "spiders,tests.support.net_spiders", "NET_BASE": server.base,
                     "DOWNLOAD_TIMEOUT": "2", "RETRY_TIMES": "0", "DOWNLOAD_DELAY": "0"}
        command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log"),
                   "--spider", "net_rebind"]
        for key, value in overrides.items():
            command += ["--set", f"{key}={value}"]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT), os.environ.get("PYTHONPATH", "")])}
        subprocess.run(command, check=True, cwd=ROOT, timeout=CRAWL_LIMIT_SECONDS, stdin=subprocess.DEVNULL, env=env)
        hits = dict(server.hits)
    assert "/catalog/programinfo/LISMA" not in hits, hits
    data = read_crawl_dir(out)["net_rebind"]
    outcomes = {urlsplit(p["url"]).path: p["outcome"] for p in data.pages}
    assert outcomes.get("/catalog/programinfo/LISMA") not in (None, "ok"), outcomes
    assert all(fact["text"] is None for fact in data.facts)  # every expected field missing, none read
