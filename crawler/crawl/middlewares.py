"""Downloader middlewares: refuse requests to private, loopback or link-local addresses, and to
other sites, with a ledger row for each.

Scrapy checks host names (allowed_domains), never addresses, and a redirect from a start URL
skips the offsite check. This middleware runs on every request, redirects included, and
refuses any whose host is, or resolves to, a non-global address (cloud metadata at
169.254.169.254, 127.0.0.1, 10.x, [::1], decimal forms like 2852039166, ...).

The guard resolves a name before the request, and the connection resolves it again: a name whose
answer changes between the two (DNS rebinding) would pass the guard with a public address and
connect to a private one. `GlobalAddressResolver`, the crawl's `TWISTED_DNS_RESOLVER`, closes that gap
where the connection is made: an answer that is not a global address fails the lookup, so the
address checked is the address connected to. So the guard may keep a host's answer for the crawl
(`GUARD_ANSWERS`, as Scrapy's DNS cache keeps the connection's) and look each host up once.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.datatypes import LocalCache
from twisted.internet.error import DNSLookupError
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

from crawler.crawl.shared import allowed_private_hosts


class RefusedAddress(IgnoreRequest):
    """The request's host is, or resolves to, an address the crawler must not reach."""


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name spells directly, in any form a resolver accepts, else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:  # inet_aton reads the legacy forms: 2852039166, 0xa9fea9fe, 0251.0376.0251.0376
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


NAT64 = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and routes to: mapped (::ffff:a.b.c.d),
    IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::)."""
    if address.version != 6:
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in NAT64 or address in IPV4_COMPATIBLE:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_refused(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    embedded = embedded_ipv4(address)
    return not address.is_global or (embedded is not None and not embedded.is_global)


class GlobalAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that fails every lookup answering a non-global address, unless
    the name is in `MLIS_ALLOW_PRIVATE_HOSTS` (tests and benchmarks routed to loopback). Address
    literals are not looked up here: `PrivateAddressGuard` refuses them on every request."""

    allowed: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.allowed = allowed_private_hosts(crawler.settings)
        return resolver

    def getHostByName(self, name: str, timeout=()):
        answer = super().getHostByName(name, timeout)
        if name in self.allowed or literal_address(name) is not None:
            return answer
        return answer.addCallback(self._global_only, name)

    @staticmethod
    def _global_only(address: str, name: str) -> str:
        if is_refused(ipaddress.ip_address(address)):
            raise DNSLookupError(f"refused address {address} for host {name} at connection time")
        return address


class RefusedOffsite(IgnoreRequest):
    """A redirect (or link) to a host outside the spider's allowed_domains."""


class LedgerOffsite(OffsiteMiddleware):
    """Scrapy's offsite filter, refusing where the request's errback hears of it.

    Scrapy filters offsite requests when they are *scheduled* (the `request_scheduled` signal),
    and the engine drops them there without calling any errback: a redirect to another domain
    (or to a bare IP address, never in allowed_domains) left no ledger row, and the programs of
    the page it started from looked merely thinner. Here the check runs in `process_request`
    instead, so the refusal is a download failure: the errback records the scheduled URL with its
    redirect chain and outcome `offsite`, and the page's fields are unknown, never removed. A
    redirect is refused even when its first request was `dont_filter` (Scrapy copies the flag to
    every hop). Placed after PrivateAddressGuard, so a hop to 127.0.0.1 reads `refused_address`.
    """

    def request_scheduled(self, request, spider=None) -> None:
        return None

    def process_request(self, request, spider=None) -> None:
        spider = self.crawler.spider
        if request.meta.get("redirect_urls") and not request.meta.get("allow_offsite") \
                and not self.should_follow(request, spider):
            self.stats.inc_value("offsite/filtered")
            host = urlparse_cached(request).hostname
            raise RefusedOffsite(f"Filtered offsite request to {host!r} (redirected from {request.meta['redirect_urls'][0]})")
        try:
            return super().process_request(request)
        except RefusedOffsite:
            raise
        except IgnoreRequest as exc:
            raise RefusedOffsite(str(exc)) from None


# The guard's answers, host -> addresses (empty: the lookup failed), one cache for the process as
# Scrapy keeps `scrapy.resolver.dnscache` (DNSCACHE_ENABLED, DNSCACHE_SIZE). Each lookup is a
# thread-pool call (about 0.25 ms of CPU, more on the live web); a host's every request used to
# make one. An answer kept here cannot let a rebound name through: the connection looks the
# name up again and refuses a non-global answer (`GlobalAddressResolver`).
GUARD_ANSWERS: LocalCache[str, tuple] = LocalCache(10_000)


class PrivateAddressGuard:
    def __init__(self, resolve: bool, allowed: frozenset[str], answers: LocalCache | None = None):
        self.resolve = resolve
        self.allowed = allowed
        self.answers = answers

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.getbool("DNSCACHE_ENABLED"):
            GUARD_ANSWERS.limit = settings.getint("DNSCACHE_SIZE")
        # Replayed sites are never resolved: there is no network to reach.
        return cls(
            resolve=not settings.get("MLIS_REPLAY_DIR"),
            allowed=allowed_private_hosts(settings),  # one set per process, not per site
            answers=GUARD_ANSWERS if settings.getbool("DNSCACHE_ENABLED") else None,
        )

    async def process_request(self, request):
        host = urlparse_cached(request).hostname or ""
        if host in self.allowed:
            return None
        literal = literal_address(host)
        if literal is not None:
            addresses = [literal]
        elif self.resolve:
            addresses = await self._lookup(host)
        else:
            return None
        refused = [str(a) for a in addresses if is_refused(a)]
        if refused:
            raise RefusedAddress(f"refused address {', '.join(refused)} for host {host}")
        return None


    async def _lookup(self, host: str) -> tuple:
        """The host's addresses, looked up once per process while the cache keeps them."""
        if self.answers is None:
            return tuple(await _resolve(host))
        found = self.answers.get(host)
        if found is None:
            found = self.answers[host] = tuple(await _resolve(host))
        return found


async def _resolve(host: str) -> list:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return []  # the download itself will fail and be recorded as a DNS error
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


class Rfc9309RobotsTxt(RobotsTxtMiddleware):
    """robots.txt as RFC 9309 reads it: a 5xx answer means the site is unreachable for crawlers,
    so nothing on that host is fetched (Scrapy would parse the error page and allow all); a 4xx
    answer means there are no rules. A robots.txt that cannot be fetched at all keeps Scrapy's
    behaviour: the page request is made and fails with its own cause (refused, timeout, DNS),
    which the ledger records."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.unreachable: set[str] = set()

    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500:
            self.unreachable.add(netloc)
        if response.status >= 400:
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)

    def process_request_2(self, rp, request):
        if urlparse_cached(request).netloc in self.unreachable:
            self._stats.inc_value("robotstxt/unreachable")
            raise IgnoreRequest("Forbidden by robots.txt: it answered with a server error (RFC 9309: unreachable)")
        super().process_request_2(rp, request)


class ReleaseParsedPage:
    """Spider middleware: a response's parsed tree and decoded text are dropped once its callback
    has yielded its first item or request.

    `ProgramSpider._read` reads the whole page (locators, page checks) before it yields anything,
    but the response, with the lxml tree and text it caches (`response.selector`, `.text`), is
    held until every item it gave has gone through the pipeline and the feed. Those items are
    carried one at a time, interleaved with every other site's, so with a thousand sites crawled
    at once a thousand parsed pages were alive together, several times each page's size. A
    callback that reads the response again after yielding gets it parsed again (the same tree)."""

    def process_spider_output(self, response, result, spider=None):
        for i, out in enumerate(result):
            if i == 0:
                _release(response)
            yield out

    async def process_spider_output_async(self, response, result, spider=None):
        first = True
        async for out in result:
            if first:
                _release(response)
                first = False
            yield out


def _release(response) -> None:
    if hasattr(response, "_cached_selector"):
        response._cached_selector = None
        response._cached_ubody = None
