"""The feed boundary of `ingest`: a feed crawled elsewhere is untrusted input, and every line of
it passes a typed model here before anything else reads it (issue 21, DESIGN section 6b).

What a feed may say is what our own crawl writes (crawler/items.py), for its own spider only:

- every line is a JSON object of one item type, with the types items.py gives its attributes
  (strict: no dict or list where a scalar belongs, no unknown attribute, no `NaN`, `Infinity` or
  a number too large for a float, no string SQLite cannot store);
- the institution, program and fact ids are the feed's spider's own (`<spider>/<slug>`, the
  slug rule `ProgramSpider.program` applies), and every URL is http(s) on a host the spider's
  `allowed_domains` give it (`recordings.owner`: the most specific domain wins), so one
  university's feed can never name another's programs or pages;
- a fact's value is a value its field's normalizer can return (the return type of the field's
  `parse`, fields.py, with the models of crawler/normalize/models.py: real calendar dates,
  finite non-negative amounts, known kinds and terms), in the JSON form `read_fact` gives it,
  and the typed columns its shape publishes (crawler/shapes.py) hold it: every integer fits
  SQLite's 64 bits;
- the feed is whole: its last line ends in a newline, and it holds as many items as its
  summary's `item_scraped_count`.

A fact whose value fails is kept with its value refused (`problem` says why and where), so the
field is unknown for its programs: the published value stays and the site reads degraded. Any
other failure refuses the spider's feed as a whole: the spider failed for the night (its
published values kept, no removal queued), its summary's finish reason naming the file, the
line and the reason. A whole feed is refused rather than a line dropped because a dropped
program line would make its program look gone (a removal queued), and a feed that names
another university, reaches outside its hosts or was cut short is not a crawl of its site.

The files as received stay in `<crawl>/received/`; the checked feeds beside them are what is
staged. `fetch` reads a feed file from a loopback URL (see its docstring for the rules).
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import math
import os
import re
import socket
import ssl
import threading
import time
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, ValidationInfo, model_validator

from crawler.fields import FIELDS, canonical, to_json
from crawler.items import ALL_PROGRAMS, OUTCOMES, READ_OUTCOMES

FEED_FILE = re.compile(r"(items-[\w-]+\.jsonl|summary-[\w-]+\.json)")
RECEIVED = "received"  # <crawl>/received/: the files as they came, before their check

# Fetching feeds from URLs (`fetch`): all of one ingest's downloads together get this long, and
# one file at most this many bytes (a site's feed is tens of kilobytes; a 10 MB line is read).
FETCH_DEADLINE_SECONDS = 300.0
FETCH_MAX_BYTES = 512 * 1024 * 1024

INT64 = (-(2**63), 2**63 - 1)  # what an SQLite INTEGER holds


class Refused(ValueError):
    """Why a line (or a value, or a download) is refused, in words."""


# -- one JSON line ------------------------------------------------------------------------------

class NonFinite:
    """`NaN`, `Infinity` or a float that overflows (`1e400`), as the line parser meets it: kept as
    this marker so that the model refuses the value it stands in, naming it."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _float(text: str) -> float | NonFinite:
    number = float(text)
    return number if math.isfinite(number) else NonFinite(text)


SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_line(raw: bytes) -> Any:
    """A feed line as JSON data; non-finite numbers become `NonFinite` markers. A string holding a
    lone surrogate (`"\\ud800"`: JSON allows it, UTF-8 and SQLite do not) is refused here."""
    data = json.loads(raw.decode("utf-8"), parse_constant=NonFinite, parse_float=_float)
    if SURROGATE_ESCAPE.search(raw):  # a pair (an escaped emoji) is one character: only then look closer
        try:
            json.dumps(data, ensure_ascii=False, default=repr).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a string holds a lone surrogate (not text)") from None
    return data


# -- what belongs to a spider -------------------------------------------------------------------

@dataclass(frozen=True)
class Scope:
    """One spider's own: its name, and every spider's allowed domains (`owner` picks the spider a
    host belongs to, the most specific domain winning)."""

    name: str
    domains: Mapping[str, list[str]]
    owners: dict[str, str | None] = field(default_factory=dict, compare=False)  # host -> its spider, as found

    def url(self, url: str, what: str) -> None:
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            raise Refused(f"{what} {url!r} is not a URL") from None
        if parts.scheme not in ("http", "https") or not host:
            raise Refused(f"{what} {url!r} is not an http(s) URL")
        self.host(host, f"{what} {url!r}")

    def host(self, host: str, what: str) -> None:
        from crawler.crawl.recordings import owner

        found = self.owners.get(host, "")
        if found == "":  # a feed's lines share a few hosts; `owner` reads every spider's domains
            found = self.owners[host] = owner(host, self.domains)
        if found != self.name:
            raise Refused(f"{what} is not on a host of {self.name}'s (allowed domains: "
                          f"{', '.join(self.domains.get(self.name) or []) or 'none'})")

    def program(self, program_id: str) -> None:
        from crawler.crawl.spider import PROGRAM_SLUG

        owner, slash, slug = program_id.partition("/")
        if owner != self.name or not slash or not PROGRAM_SLUG.fullmatch(slug):
            raise Refused(f"program id {program_id[:80]!r} is not one of {self.name}'s ({self.name}/<slug>)")

    def institution(self, institution_id: str) -> None:
        if institution_id != self.name:
            raise Refused(f"institution id {institution_id[:80]!r} is not this feed's spider {self.name!r}")


def _scope(info: ValidationInfo) -> Scope:
    return info.context["scope"]


class Line(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class InstitutionLine(Line):
    type: Literal["institution"]
    institution_id: str
    name: str
    city: str | None = None
    state: str | None = None
    control: str | None = None
    website: str
    ipeds_unitid: str | None = None

    @model_validator(mode="after")
    def _own(self, info: ValidationInfo) -> "InstitutionLine":
        scope = _scope(info)
        scope.institution(self.institution_id)
        scope.host(self.website, f"website {self.website!r}")
        return self


class ProgramLine(Line):
    type: Literal["program"]
    program_id: str
    institution_id: str
    url: str

    @model_validator(mode="after")
    def _own(self, info: ValidationInfo) -> "ProgramLine":
        scope = _scope(info)
        scope.institution(self.institution_id)
        scope.program(self.program_id)
        scope.url(self.url, "url")
        return self


class FactLine(Line):
    type: Literal["fact"]
    institution_id: str
    field: str
    text: str | None
    url: str
    programs: list[str]
    missing: str | None = None
    value: Any = None  # checked on its own (`value_refusal`): a bad value refuses that value only
    problem: str | None = None

    @model_validator(mode="after")
    def _own(self, info: ValidationInfo) -> "FactLine":
        scope = _scope(info)
        scope.institution(self.institution_id)
        if self.field not in FIELDS:
            raise Refused(f"unknown field {self.field[:80]!r}")
        scope.url(self.url, "url")
        for program_id in self.programs:
            if program_id != ALL_PROGRAMS:
                scope.program(program_id)
        return self


class PageLine(Line):
    type: Literal["page"]
    spider: str
    url: str
    outcome: str
    status: int | None = None
    final_url: str | None = None
    redirect_urls: list[str] = []
    sha256: str | None = None
    size: int | None = None
    fetched_at: str | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @model_validator(mode="after")
    def _own(self, info: ValidationInfo) -> "PageLine":
        scope = _scope(info)
        scope.institution(self.spider)
        if self.outcome not in OUTCOMES:
            raise Refused(f"unknown page outcome {self.outcome[:80]!r}")
        if self.status is not None and not 100 <= self.status <= 599:
            raise Refused(f"HTTP status {self.status} is not one")
        if self.size is not None and not 0 <= self.size <= INT64[1]:
            raise Refused(f"page size {self.size} is out of range")
        scope.url(self.url, "url")
        if self.outcome in READ_OUTCOMES and self.final_url is not None:  # a page read is on its site
            scope.url(self.final_url, "final_url")
        return self  # a refused hop (offsite, a private address) is recorded where it pointed


LINES: dict[str, type[Line]] = {"institution": InstitutionLine, "program": ProgramLine, "fact": FactLine,
                                "page": PageLine}


class Summary(BaseModel):
    """A spider's closing summary (crawler/crawl/extensions.py)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    spider: str
    finish_reason: str
    stats: dict[str, Any]
    crawl_finish_reason: str | None = None

    @property
    def item_count(self) -> int | None:
        count = self.stats.get("item_scraped_count", 0)  # Scrapy leaves it out when nothing was scraped
        return count if type(count) is int else None


def _reason(exc: Exception) -> str:
    """A validation failure in one line: the first error, where it is, what it is."""
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if isinstance(first.get("ctx", {}).get("error"), Refused):
            message = str(first["ctx"]["error"])
        return f"{where}: {message}" if where else message
    return str(exc)


# -- a fact's value ------------------------------------------------------------------------------

@cache
def _value_type(parse) -> TypeAdapter:
    """The type a field's normalizer returns (its `parse`'s annotation): the one statement of what
    a value of the field can be."""
    return TypeAdapter(typing.get_type_hints(parse).get("return", Any))


def value_refusal(field_name: str, value: Any) -> str | None:
    """Why a fact's value cannot be taken, or None. None (no value) is always taken."""
    if value is None:
        return None
    if _has_nonfinite(value):
        return f"{field_name}: not a finite number ({_short(value)})"
    try:
        typed = _value_type(FIELDS[field_name].parse).validate_python(value)
    except ValidationError as exc:
        return f"{field_name}: not a value of this field ({_reason(exc)}): {_short(value)}"
    if typed is None or typed == []:
        return f"{field_name}: an empty value ({_short(value)})"
    if canonical(to_json(typed)) != canonical(value):  # 36 for "36", 1 for true, "850" for "850.00"
        return f"{field_name}: not in its field's form ({_short(value)}; read as {_short(to_json(typed))})"
    try:
        columns = FIELDS[field_name].encode(value)
    except (ValueError, TypeError, ArithmeticError) as exc:
        return f"{field_name}: cannot be published ({exc}): {_short(value)}"
    if not _fits(columns):
        return f"{field_name}: a number out of range ({_short(value)})"
    return None


def _has_nonfinite(value: Any) -> bool:
    if isinstance(value, NonFinite):
        return True
    if isinstance(value, dict):
        return any(_has_nonfinite(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_nonfinite(v) for v in value)
    return False


def _fits(columns: Any) -> bool:
    """Every number of a value's published columns fits SQLite (64-bit integers, finite reals)."""
    if isinstance(columns, bool):
        return True
    if isinstance(columns, int):
        return INT64[0] <= columns <= INT64[1]
    if isinstance(columns, float):
        return math.isfinite(columns)
    if isinstance(columns, dict):
        return all(_fits(v) for v in columns.values())
    if isinstance(columns, list):
        return all(_fits(v) for v in columns)
    return True


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, default=repr, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"


# -- one spider's feed ---------------------------------------------------------------------------

@dataclass
class Checked:
    """What the check of one spider's feed found."""

    name: str
    refused: str | None = None  # the feed as a whole, with its reason: the spider failed
    refused_values: list[str] = field(default_factory=list)
    items: int = 0


def check_feed(received: Path, out: Path, scope: Scope, not_received: str | None = None) -> Checked:
    """Check `received/items-<spider>.jsonl` and its summary; write what passes to `out` as the
    feed and summary staging reads. A refused feed leaves only a summary whose finish reason says
    why (the spider failed); a refused value is written back as `value: null` with the reason in
    `problem`."""
    name = scope.name
    checked = Checked(name)
    items_file, summary_file = received / f"items-{name}.jsonl", received / f"summary-{name}.json"
    summary: Summary | None = None
    try:
        if not_received is not None:
            raise Refused(not_received)
        if summary_file.exists():
            summary = _summary(summary_file, name)
        if items_file.exists():
            checked.items = _lines(items_file, out / items_file.name, scope, checked)
        if summary is not None and summary.finish_reason == "finished" and summary.item_count != checked.items:
            raise Refused(f"incomplete: {items_file.name} holds {checked.items} items, its summary counts "
                          f"{summary.item_count} (item_scraped_count): a download cut short?")
    except Refused as exc:
        checked.refused = str(exc)
        (out / items_file.name).unlink(missing_ok=True)
        stats = summary.stats if summary is not None else {}
        _write_json(out / summary_file.name, {"spider": name, "finish_reason": f"refused feed: {exc}", "stats": stats})
        return checked
    if summary is not None:
        _write_json(out / summary_file.name, summary.model_dump(exclude_none=True))
    return checked


def _summary(path: Path, name: str) -> Summary:
    try:
        data = parse_line(path.read_bytes())
        summary = Summary.model_validate(data)
    except (UnicodeDecodeError, ValueError) as exc:  # JSON and validation errors are ValueErrors
        raise Refused(f"{path.name}: not a summary ({_reason(exc)})") from None
    if summary.spider != name:
        raise Refused(f"{path.name} is the summary of spider {summary.spider[:80]!r}")
    if _has_nonfinite(summary.stats):
        raise Refused(f"{path.name}: a stat is not a finite number")
    if summary.finish_reason == "finished" and summary.item_count is None:
        raise Refused(f"{path.name}: item_scraped_count is not a count")
    return summary


def _lines(source: Path, target: Path, scope: Scope, checked: Checked) -> int:
    """Check every line of a feed into `target`; the number of items."""
    count = 0
    with source.open("rb") as lines, target.open("wb") as out:
        for number, raw in enumerate(lines, 1):
            where = f"{source.name} line {number}"
            if not raw.endswith(b"\n"):
                raise Refused(f"incomplete: {where} is cut off (no newline): a download cut short?")
            if not raw.strip():
                continue
            try:
                item = parse_line(raw)
            except (UnicodeDecodeError, ValueError) as exc:
                raise Refused(f"{where} is not JSON ({_reason(exc)})") from None
            kind = item.get("type") if isinstance(item, dict) else None
            model = LINES.get(kind) if isinstance(kind, str) else None
            if model is None:
                raise Refused(f"{where} is not a feed item (type {_short(kind)})")
            try:
                line = model.model_validate(item, context={"scope": scope})
            except (ValidationError, Refused) as exc:
                raise Refused(f"{where}: {_reason(exc)}") from None
            count += 1
            if isinstance(line, FactLine):
                why = value_refusal(line.field, line.value)
                if why is not None:
                    checked.refused_values.append(f"{where}: {why}")
                    item = {**item, "value": None, "problem": f"refused at ingest ({where}): {why}"}
                    out.write(json.dumps(item, ensure_ascii=False, default=repr).encode("utf-8") + b"\n")
                    continue
            out.write(raw)
    return count


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True, default=str), encoding="utf-8")


# -- a feed file from a URL ----------------------------------------------------------------------

def loopback_address(host: str) -> str:
    """The one address a URL's host is read from: it must be loopback. A name is resolved once,
    here, and every address it resolves to must be loopback; the connection then goes to that
    address (no second lookup for a rebinding name to answer differently)."""
    from crawler.crawl.middlewares import embedded_ipv4, literal_address

    literal = literal_address(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise Refused(f"host {host!r} does not resolve ({exc})") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    for address in addresses:
        embedded = embedded_ipv4(address)
        if not (address.is_loopback or (embedded is not None and embedded.is_loopback)):
            raise Refused(f"host {host!r} is not loopback ({address})")
    if not addresses:
        raise Refused(f"host {host!r} does not resolve")
    return str(addresses[0])


def check_url(url: str) -> str:
    """The feed file's name a URL names, when ingest may read it (see `fetch`); Refused otherwise."""
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise Refused("only http(s) URLs are read")
    name = Path(parts.path).name
    if not FEED_FILE.fullmatch(name):
        raise Refused("not a feed or summary URL (items-<spider>.jsonl, summary-<spider>.json)")
    if parts.username is not None or parts.password is not None:
        raise Refused("a URL with a user name is not read")
    loopback_address(host)
    return name


def fetch(url: str, target: Path, deadline: float, max_bytes: int = FETCH_MAX_BYTES) -> None:
    """Download one feed file from a loopback URL into `target`, or raise Refused.

    Only http(s); the host must be loopback (a Scrapyd node's files reach this machine through
    an SSH tunnel, or are copied): it is resolved once and the connection goes to that address.
    No redirect is followed (a 3xx is refused: give the file's own URL), no proxy is asked (the
    environment's `http_proxy` and the like are not read: http.client knows none), the body must
    be whole (as long as its Content-Length says, or its chunks complete), at most `max_bytes`,
    and everything, connecting included, must be done by `deadline` (time.monotonic()): a server
    that trickles is cut off then, so a slow node cannot hold the data folder's lock."""
    check_url(url)
    parts = urlsplit(url)
    address = loopback_address(parts.hostname)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Refused("not fetched: the downloads' deadline had passed")
    if parts.scheme == "https":
        conn = http.client.HTTPSConnection(parts.hostname, port, timeout=remaining,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=remaining)
    opened: list[socket.socket] = []

    def connect(_where, timeout, source) -> socket.socket:  # to the address checked, not a second lookup
        sock = socket.create_connection((address, port), timeout, source)
        opened.append(sock)
        return sock

    conn._create_connection = connect
    expired = threading.Event()

    def cut_off() -> None:  # the response holds the socket (not `conn`) once the headers are read
        expired.set()
        for sock in opened:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(remaining, cut_off)
    timer.daemon = True
    timer.start()
    partial = target.with_name(target.name + ".part")
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", path or "/", headers={"Accept-Encoding": "identity", "Connection": "close"})
        answer = conn.getresponse()
        if 300 <= answer.status < 400:
            raise Refused(f"answered HTTP {answer.status} to {answer.getheader('Location')!r}: "
                          "redirects are not followed (give the file's own URL)")
        if answer.status != 200:
            raise Refused(f"answered HTTP {answer.status}")
        declared = answer.getheader("Content-Length")
        expected = int(declared) if declared and declared.strip().isdigit() else None
        if expected is not None and expected > max_bytes:
            raise Refused(f"{expected} bytes is over the {max_bytes}-byte limit of a feed file")
        got = 0
        with partial.open("wb") as out:
            while True:
                chunk = answer.read1(min(1 << 16, max_bytes + 1 - got))  # what has come, not a full 64 KiB
                if not chunk:
                    break
                got += len(chunk)
                if got > max_bytes:
                    raise Refused(f"over the {max_bytes}-byte limit of a feed file")
                out.write(chunk)
                if expired.is_set():
                    break
        if expired.is_set():
            raise Refused(f"not whole by the downloads' deadline ({got} bytes read)")
        if expected is not None and got != expected:
            raise Refused(f"incomplete: {got} of {expected} bytes (Content-Length) before the connection closed")
        os.replace(partial, target)
    except http.client.IncompleteRead as exc:
        raise Refused(f"incomplete: the connection closed after {len(exc.partial)} more bytes") from None
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set():
            raise Refused("not whole by the downloads' deadline") from None
        raise Refused(f"could not be read ({type(exc).__name__}: {exc})") from None
    finally:
        timer.cancel()
        conn.close()
        partial.unlink(missing_ok=True)
