"""The plain data a crawl produces (one JSON line each) and the ingest step reads back.

Crawling and ingesting are joined only by these items, so a crawl can run on another
machine and be ingested later. Every item carries `type` so a mixed feed can be read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ALL_PROGRAMS = "*"

# Outcomes of one scheduled URL (the ledger vocabulary of DESIGN section 6b).
OK = "ok"
# Answered 304 to a conditional GET: read again from the body stored last time (conditional.py).
NOT_MODIFIED = "not_modified"
READ_OUTCOMES = (OK, NOT_MODIFIED)  # the page was read: its facts stand
OUTCOMES = (
    OK, NOT_MODIFIED, "http_4xx", "http_5xx", "dns", "timeout", "dataloss", "too_large", "robots",
    "offsite", "redirect_loop", "refused_address", "conn_failed", "parse_error",
    "extraction_empty", "error",
    # A page that failed its own checks (crawler/crawl/pagecheck.py): it states nothing.
    "soft_404", "login_wall", "redirected_away", "truncated", "unrecognized",
)


@dataclass(kw_only=True)
class Institution:
    """A university: its spider declares it (keywords only), the crawl feeds it as the first item.

    `institution_id` is the spider's name, filled in by `ProgramSpider`; a spider leaves it out."""

    institution_id: str = ""
    name: str
    # City, state, control and IPEDS id are unknown until someone reads them off the university's
    # pages: null in the feed and the published file, never an empty string shown as a value.
    city: str | None = None
    state: str | None = None
    control: str | None = None  # "public" or "private"
    website: str  # the registrable domain, "arizona.edu"
    ipeds_unitid: str | None = None
    type: str = "institution"

    def __post_init__(self) -> None:
        for name in ("city", "state", "control", "ipeds_unitid"):
            if getattr(self, name) == "":
                setattr(self, name, None)


@dataclass
class ProgramItem:
    """A program exists: its stable id and the page that best describes it."""

    program_id: str
    institution_id: str
    url: str
    type: str = "program"


@dataclass
class FactItem:
    """Evidence for one field of some programs: the exact text and where it was read.

    `programs` lists program ids, or ALL_PROGRAMS for every program this spider yields
    (a tuition page shared by all concentrations). A fact with `text=None` says the spider
    expected the field on that page and could not find it (`missing` gives the reason).
    The normalize pipeline fills `value` (JSON) or `problem`.
    """

    institution_id: str
    field: str
    text: str | None
    url: str
    programs: list[str] = field(default_factory=lambda: [ALL_PROGRAMS])
    missing: str | None = None
    value: Any = None
    problem: str | None = None
    type: str = "fact"


@dataclass
class PageItem:
    """One ledger row: a URL the crawl scheduled and what became of it."""

    spider: str
    url: str
    outcome: str
    status: int | None = None
    final_url: str | None = None
    redirect_urls: list[str] = field(default_factory=list)
    sha256: str | None = None
    size: int | None = None
    fetched_at: str | None = None
    error: str | None = None
    # The response's validators and type, kept for the next night's conditional GET.
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    type: str = "page"
