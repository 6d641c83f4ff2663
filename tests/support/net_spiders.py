"""A test-only spider for the network-fault tests: the Arizona spider, pointed at a loopback
copy of its recorded site, plus one start page per fault endpoint of `tests.support.netserver`.

Loaded only when a crawl is run with `--set SPIDER_MODULES=spiders,tests.support.net_spiders` and
`--set NET_BASE=http://127.0.0.1:<port>`; never by the nightly job.
"""

from __future__ import annotations

from crawler.crawl.spider import expects
from spiders.arizona import ArizonaSpider

# Fault endpoint -> the ledger outcome the crawl must record for it.
FAULTS = {
    "/fault/hang": "timeout",
    "/fault/truncated": "dataloss",
    "/fault/503": "http_5xx",
    "/fault/loop-a": "redirect_loop",
    "/fault/too-large": "too_large",
    "/fault/too-large-streamed": "too_large",
    "/fault/to-metadata": "refused_address",
    "/fault/to-localhost": "refused_address",
    "/fault/to-decimal": "refused_address",
    "/fault/to-hex": "refused_address",
    "/fault/to-mapped": "refused_address",
    "/fault/missing": "http_4xx",
}


class NetArizonaSpider(ArizonaSpider):
    name = "net_arizona"
    allowed_domains = []  # the address guard alone must stop the redirects below

    @property
    def start_pages(self) -> dict[str, str]:
        base = self.settings.get("NET_BASE")
        pages = {
            f"{base}/catalog/programinfo/LISMA": "parse_catalog",
            f"{base}/ma-library-information-science/admissions-cost": "parse_admissions",
            # a redirect to a page the crawl also reads on its own
            f"{base}/fault/moved": "parse_catalog",
        }
        pages.update({f"{base}{path}": "parse_fault" for path in FAULTS})
        return pages

    @expects("application_fee")
    def parse_fault(self, page):
        yield self.fact("application_fee", page.row("Application Fee"), page)


class RebindSpider(NetArizonaSpider):
    """One page of a host under `rebind.test` on the fault server's port: the rebinding test
    (tests/test_network_faults.py) answers the guard's lookup of it with a public address and the
    connection's lookup with 127.0.0.1."""

    name = "net_rebind"
    allowed_domains = ["rebind.test"]

    @property
    def start_pages(self) -> dict[str, str]:
        port = self.settings.get("NET_BASE").rsplit(":", 1)[1]
        return {f"http://www.rebind.test:{port}/catalog/programinfo/LISMA": "parse_catalog"}


class TlsSpider(NetArizonaSpider):
    """Arizona's two start pages over HTTPS from the loopback server (the systemd unit test)."""

    name = "net_tls"

    @property
    def start_pages(self) -> dict[str, str]:
        base = self.settings.get("NET_BASE")
        return {f"{base}/catalog/programinfo/LISMA": "parse_catalog",
                f"{base}/ma-library-information-science/admissions-cost": "parse_admissions"}
