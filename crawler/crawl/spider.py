"""`ProgramSpider`: what every university spider shares.

A university spider says where the facts are; this base class does the rest: it records a
ledger row for every page it asked for (fetched, failed, blocked or empty), turns page text
into evidence items, and reports every field it expected on a page and could not find.

Example::

    class ExampleSpider(ProgramSpider):
        name = "example"
        institution = Institution(name="Example University", city="Springfield", state="IL",
                                  control="public", website="example.edu", ipeds_unitid="999999")
        allowed_domains = ["example.edu"]
        start_pages = {"https://www.example.edu/mlis/": "parse_program"}

        @expects("total_credits", "tuition")
        def parse_program(self, page):
            main = page.main  # the content area: `content` ("main"), or the whole page
            yield from self.program("mlis", page, name=main.css("h1"), degree=main.css("h1"))
            yield self.fact("total_credits", main.row("Credits"), page)
            yield self.fact("tuition", main.section("Tuition"), page)
            yield from self.follow(page, main.link(text="Admissions"), self.parse_admissions)

Callbacks receive a `Page` (`page.main` is its content area, the first element matching the
spider's `content` selector, "main" by default) and yield `self.fact(...)`, and `yield from`
`self.program(...)`, `self.programs(...)` and `self.follow(...)` (each an iterator of items and
requests). `None` is skipped, so a locator that found nothing can be yielded as is (the field
then counts as missing when the callback `expects` it).

A page's missing fields (the page failed, answered an error, could not be read, or did not
state them) are reported for the programs it was followed for (`programs=`, default: all), so
one program's broken page never leaves the others' fields unknown. A link that is no longer
found reports the fields its callback expects, so a renamed link is a degraded site, not a
silently thinner record.
"""

from __future__ import annotations

import hashlib
import re
import logging
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import scrapy
from lxml import etree
from scrapy.http import Response

from crawler.crawl import pagecheck
from crawler.items import ALL_PROGRAMS, NOT_MODIFIED, OK, FactItem, Institution, PageItem, ProgramItem
from crawler.crawl.page import Page
from crawler.normalize.program_names import concentration_name, program_slug

__all__ = ["Institution", "ProgramSpider", "expects", "slug"]

logger = logging.getLogger(__name__)

ERROR_STATUSES = list(range(400, 600))
MAX_PAGE_ELEMENTS = 200_000  # defaults of MLIS_PAGE_MAX_ELEMENTS and MLIS_PAGE_MAX_SECONDS (crawl/settings.py)
MAX_PAGE_SECONDS = 20.0


class PageBudget(BaseException):
    """A page over its budget of elements or CPU time. A BaseException, so that no locator's own
    `except Exception` can swallow it half-way through the page. `outcome`: its ledger outcome."""

    def __init__(self, message: str, outcome: str):
        super().__init__(message)
        self.outcome = outcome


@contextmanager
def cpu_budget(seconds: float):
    """Raise PageBudget in the block once it has spent `seconds` of the process's CPU time
    (ITIMER_PROF: CPU, not wall-clock time, so a busy machine does not fail pages). Only in the
    main thread, where Scrapy runs callbacks; elsewhere, or for 0, no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    def expire(signum, frame):
        raise PageBudget(f"reading the page took over {seconds:g} s of CPU (MLIS_PAGE_MAX_SECONDS)", "parse_error")
    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
# What `_check_elements` counts: the nodes `root.iter()` walks (the root, its elements, comments and
# processing instructions), counted by libxml2 without making a Python object for each element.
_COUNT_NODES = etree.XPath("count(descendant-or-self::node()) - count(descendant::text())")
PROGRAM_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def expects(*fields: str) -> Callable:
    """Declare the fields a page callback must find; each one it misses is reported."""

    def mark(method: Callable) -> Callable:
        method.expected_fields = tuple(fields)
        return method

    return mark


class ProgramSpider(scrapy.Spider):
    institution: Institution
    # URL -> name of the callback that reads it.
    start_pages: dict[str, str] = {}
    # URL of a start page -> the program slugs it defines, when not all of the university's: a
    # failure of that page then leaves the other programs' fields alone (as `follow(programs=)`).
    start_programs: dict[str, tuple[str, ...]] = {}
    # The CSS selector of a page's content area, `page.main` (the whole page when none matches).
    content: str = "main"
    # Words or phrases a concentration's name keeps and its program id leaves out ("and"), as
    # this university's ids were first minted: an id never changes, so neither does this.
    id_omits: tuple[str, ...] = ()

    async def start(self):
        yield replace(self.institution, institution_id=self.name)
        for url, callback in self.start_pages.items():
            yield self.request(url, getattr(self, callback), self.start_programs.get(url))

    # -- what callbacks yield -------------------------------------------------------------

    def program(self, slug: str, page: Page, **identity: str | None) -> Iterator[Any]:
        """A program (`<institution>/<slug>`) and its identity facts (name, degree, concentration)."""
        program_id = f"{self.name}/{slug}"
        if not PROGRAM_SLUG.fullmatch(slug):
            # A slug built from text the page no longer states ("mlis-" from a missing heading)
            # would invent a program: report the page instead (the site is then degraded).
            yield FactItem(institution_id=self.name, field="name", text=None, url=page.url, programs=[program_id],
                           missing=f"no valid program id ({program_id!r})")
            return
        yield ProgramItem(program_id=program_id, institution_id=self.name, url=page.url)
        for field, text in identity.items():
            yield self.fact(field, text, page, programs=[program_id])

    def programs(self, base: str, page: Page, concentrations: Iterable[str] = (), **identity: str | None) -> Iterator[Any]:
        """A program and one more per concentration (`<base>-<concentration slug>`), sharing the
        identity facts; each concentration's name (`concentration_name` of its title) is its
        `concentration` fact."""
        yield from self.program(base, page, **identity)
        for title in concentrations:
            concentration = concentration_name(title)
            yield from self.program(self.concentration_id(base, concentration), page, concentration=concentration, **identity)

    def concentration_id(self, base: str, concentration: str | None) -> str:
        """The slug of a concentration's program: `<base>-<slug of its name>` (without `id_omits`).
        An empty name gives an invalid slug, which `program` reports instead of inventing a program."""
        return f"{base}-{program_slug(concentration, self.id_omits)}"

    def fact(self, field: str, text: str | None, page: Page, programs: Iterable[str] | None = None) -> FactItem | None:
        """Evidence for `field` from `page`, for the given program ids (default: all)."""
        if not text:
            return None
        return FactItem(institution_id=self.name, field=field, text=text, url=page.url, programs=self.targets(programs))

    def follow(self, page: Page, url: str | None, callback: Callable,
               programs: Iterable[str] | None = None) -> Iterator[scrapy.Request | FactItem]:
        """The request for the page at `url`, read by `callback`, for the given program ids
        (default: all); `yield from` it. Without a URL (the link is no longer on `page`) it yields
        the fields the callback expects, reported missing: a renamed link must not look like a
        healthy site."""
        if url:
            yield self.request(page.response.urljoin(url), callback, programs)
            return
        name = getattr(callback, "__name__", repr(callback))
        yield from self._missing(getattr(callback, "expected_fields", ()), page.url,
                                 f"link to {name} not found on the page", self.targets(programs))

    def request(self, url: str, callback: Callable, programs: Iterable[str] | None = None) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self._read,
            errback=self._failed,
            cb_kwargs={"handler": callback},
            # Every error status reaches _read (to be recorded); redirects are still followed.
            meta={"handle_httpstatus_list": ERROR_STATUSES, "mlis_expects": getattr(callback, "expected_fields", ()),
                  "mlis_programs": self.targets(programs)},
        )

    def targets(self, programs: Iterable[str] | None) -> list[str]:
        """Program ids (slugs or `<institution>/<slug>`), or ALL_PROGRAMS when none are given."""
        return [p if "/" in p or p == ALL_PROGRAMS else f"{self.name}/{p}" for p in programs or [ALL_PROGRAMS]]

    # -- the ledger and the expected-field check -----------------------------------------

    def _read(self, response: Response, handler: Callable) -> Iterator[Any]:
        expected = response.meta.get("mlis_expects", ())
        targets = response.meta.get("mlis_programs", [ALL_PROGRAMS])
        ledger = page_item(self.name, response)
        if response.status >= 400:
            ledger.outcome = "http_4xx" if response.status < 500 else "http_5xx"
            yield ledger
            yield from self._unread(expected, targets, ledger.url, response.url, f"page answered HTTP {response.status}")
            return
        try:
            page = Page(response, content=self.content)
            self._check_elements(response)
            with cpu_budget(self._budget("MLIS_PAGE_MAX_SECONDS", MAX_PAGE_SECONDS)):
                out = [item for item in handler(page) if item is not None]
            wrong = [item for item in out if not isinstance(item, (ProgramItem, FactItem, scrapy.Request))]
            if wrong:  # a generator yielded as an item: `yield self.follow(...)` for `yield from`
                raise TypeError(f"{getattr(handler, '__name__', handler)} yielded {wrong[0]!r}: "
                                "program(), programs() and follow() are iterators, use `yield from`")
        except PageBudget as exc:  # this page fails alone; the site's other pages are read as usual
            logger.warning("%s: %s: %s", self.name, response.url, exc)
            ledger.outcome, ledger.error = exc.outcome, str(exc)
            yield ledger
            yield from self._unread(expected, targets, ledger.url, response.url, f"page not read: {exc}")
            return
        except Exception as exc:  # a locator crashed on odd markup: record it, keep crawling
            logger.exception("%s: could not read %s", self.name, response.url)
            ledger.outcome, ledger.error = "parse_error", f"{type(exc).__name__}: {exc}"
            yield ledger
            yield from self._unread(expected, targets, ledger.url, response.url, "the page could not be read")
            return
        found = {item.field for item in out if isinstance(item, FactItem) and not item.missing}
        checked = pagecheck.screen(self, response, ledger, expected, found, out, targets)  # a page unlike itself
        if checked is not None:
            yield from checked
            return
        yield ledger
        yield from out
        if ALL_PROGRAMS not in targets:  # and the programs the page itself defines
            targets = list(dict.fromkeys([*targets, *(i.program_id for i in out if isinstance(i, ProgramItem))]))
        yield from self._missing([f for f in expected if f not in found], response.url, "not found on the page", targets)

    def _budget(self, name: str, default: float) -> float:
        settings = getattr(self, "settings", None)
        return settings.getfloat(name, default) if settings is not None else default

    def _check_elements(self, response: Response) -> None:
        """A page of more elements than MLIS_PAGE_MAX_ELEMENTS fails before any locator reads it."""
        cap = int(self._budget("MLIS_PAGE_MAX_ELEMENTS", MAX_PAGE_ELEMENTS))
        if cap <= 0:
            return
        if _COUNT_NODES(response.selector.root) > cap:
            raise PageBudget(f"the page holds more than {cap:,} elements (MLIS_PAGE_MAX_ELEMENTS)", "too_large")

    def _failed(self, failure) -> Iterator[Any]:
        request = failure.request
        outcome, error = classify_failure(failure.value)
        logger.warning("%s: %s for %s (%s)", self.name, outcome, request.url, error)
        # The ledger row is the URL that was scheduled: a redirect that then failed is
        # recorded under where it started, with where it went (as page_item does).
        redirects = request.meta.get("redirect_urls", [])
        yield PageItem(spider=self.name, url=redirects[0] if redirects else request.url, outcome=outcome,
                       final_url=request.url, redirect_urls=list(redirects), error=error, fetched_at=now())
        yield from self._unread(request.meta.get("mlis_expects", ()), request.meta.get("mlis_programs", [ALL_PROGRAMS]),
                                redirects[0] if redirects else request.url, request.url, f"page not fetched: {outcome}")

    def _unread(self, fields: Iterable[str], programs: list[str], scheduled: str, url: str, reason: str) -> Iterator[Any]:
        """A page that was not read. The programs it was followed for are still listed (their link
        was found), each with the page's fields unknown: the report then names the program that
        was not verified, instead of it vanishing from the crawl."""
        for program_id in programs:
            if program_id != ALL_PROGRAMS and PROGRAM_SLUG.fullmatch(program_id.partition("/")[2]):
                yield ProgramItem(program_id=program_id, institution_id=self.name, url=scheduled)
        yield from self._missing(fields, url, reason, programs)

    def _missing(self, fields: Iterable[str], url: str, reason: str, programs: list[str]) -> Iterator[FactItem]:
        for field in fields:
            yield FactItem(institution_id=self.name, field=field, text=None, url=url, programs=list(programs), missing=reason)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def page_item(spider: str, response: Response, sha256: str | None = None) -> PageItem:
    """The ledger row of a page read (`sha256`: its body's hash, when known already)."""
    redirects = response.request.meta.get("redirect_urls", []) if response.request else []
    return PageItem(
        spider=spider,
        url=redirects[0] if redirects else response.url,
        outcome=NOT_MODIFIED if "not_modified" in response.flags else OK,
        status=response.status,
        final_url=response.url,
        redirect_urls=list(redirects),
        sha256=sha256 or hashlib.sha256(response.body).hexdigest(),
        size=len(response.body),
        fetched_at=now(),
        etag=_header(response, b"ETag"),
        last_modified=_header(response, b"Last-Modified"),
        content_type=_header(response, b"Content-Type"),
    )


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value is not None else None


def classify_failure(exc: BaseException) -> tuple[str, str]:
    """Map a download failure to the ledger's outcome vocabulary."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    message = str(exc) or type(exc).__name__
    if "RefusedAddress" in names:
        outcome = "refused_address"
    elif "RefusedOffsite" in names:
        outcome = "offsite"
    elif "IgnoreRequest" in names:
        lowered = message.lower()
        outcome = ("robots" if "robots" in lowered else "redirect_loop" if "redirection" in lowered
                   else "offsite" if "offsite" in lowered else "error")
    elif names & {"DNSLookupError", "CannotResolveHostError"}:
        outcome = "dns"
    elif names & {"TimeoutError", "DownloadTimeoutError", "TCPTimedOutError"}:
        outcome = "timeout"
    elif names & {"ResponseDataLossError", "_DataLoss"}:
        outcome = "dataloss"
    elif "DownloadCancelledError" in names:
        # Scrapy cancels a download only at DOWNLOAD_MAXSIZE; when the size shows only while
        # reading (no Content-Length) the error carries no message at all.
        outcome = "too_large"
    elif names & {"ConnectionRefusedError", "DownloadConnectionRefusedError", "ConnectError",
                  "ConnectionLost", "ConnectionDone", "DownloadFailedError"}:
        outcome = "conn_failed"
    else:
        outcome = "error"
    return outcome, f"{type(exc).__name__}: {message}"[:500]


def slug(text: str) -> str:
    """A program-id slug: "Law & Legal Information" -> "law-legal-information" (`program_slug`)."""
    return program_slug(text)
