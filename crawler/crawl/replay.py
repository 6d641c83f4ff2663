"""Replay recorded sites through Scrapy's real downloader, answered as HTTP (DESIGN section 4).

`--replay DIR` (or `-s MLIS_REPLAY_DIR=DIR`) replaces only the http/https download handler:
requests still pass every downloader middleware (robots.txt, redirects, retries, stats).

Mapping from a URL to a recorded file, reversible:

- `https://HOST/PATH` is answered from `DIR/HOST/PATH`, the path percent-decoded;
- a path ending in `/`, or naming a folder, reads that folder's `index.html`;
- a query string stays in the file name verbatim, except that its `/` and `%` are written
  `%2F` and `%25` (a query is one file name, never a folder): `/p.php?id=3` -> `DIR/HOST/p.php?id=3`;
- no file: 404, as a real site would answer; no `DIR/HOST` folder at all: the connection
  is refused, as for a site that is down.

`DIR/_replay/HOST.json`, one per host, keyed by the URL's raw path (and `?query`), may say:

- `"redirects": {"/old": "https://new/x"}`: answered 301 with that Location (authored);
- `"status": {"/path": 503}`: answered with that status and no body (authored);
- `"responses": {"/path": {"status": 200, "headers": {...}}}`: what `mlis-crawler record` saw:
  the status and the headers that matter (Content-Type with its charset, ETag, Last-Modified,
  Location, ...); the body is the file, if one was recorded. A recorded redirect is a response
  with a Location header and no file.

Answers follow HTTP: the recorded Content-Type is sent as recorded; a file with no recorded
headers gets a type from its extension and *no* charset, so Scrapy decodes it as a browser
would (BOM, then `<meta charset>`, then UTF-8/cp1252 detection) instead of being forced to
UTF-8; a conditional request (`If-None-Match`, else `If-Modified-Since`) whose validator matches
the recorded `ETag` / `Last-Modified` gets `304 Not Modified` and no body; and a body larger
than `DOWNLOAD_MAXSIZE` fails with `DownloadCancelledError` as the live downloader does (with
a warning past `DOWNLOAD_WARNSIZE`), both also per request (`download_maxsize` meta).

A path that would leave DIR or its host's folder (a `.` or `..` segment, also percent-encoded;
NUL; a symlink out) is refused with a 400, and `mlis-crawler record` never writes one
(`resolve_under`, shared by both).
"""

from __future__ import annotations

import json
import logging
import mimetypes
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import DownloadCancelledError, NotConfigured
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from twisted.internet.error import ConnectionRefusedError

logger = logging.getLogger(__name__)

SIDECAR_FOLDER = "_replay"
HTML_SUFFIXES = {".html", ".htm", ".php", ".asp", ".aspx", ".cfm", ".jsp", ""}
# No charset on purpose: the body (BOM, <meta charset>, then detection) decides, as in a browser.
TEXT_TYPES = {".txt": b"text/plain", ".json": b"application/json", ".xml": b"application/xml"}
NOT_FOUND = b"<html><body><h1>Not Found</h1></body></html>"


def url_to_relpath(url: str) -> str:
    """The file (relative to the snapshot folder) that answers `url`."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "?" + parts.query.replace("%", "%25").replace("/", "%2F")
    return parts.hostname + path


def resolve_under(root: Path, relpath: str) -> Path | None:
    """The file `relpath` names under `root`, or None when it would leave it: a NUL, an empty
    host, a `.` or `..` segment (after percent-decoding, so `%2e%2e` too), or a symlink whose
    target lies outside `root`. `root` must be resolved."""
    segments = relpath.split("?", 1)[0].split("/")
    if "\x00" in relpath or not segments[0] or any(s in (".", "..") for s in segments):
        return None
    candidate = (root / relpath).resolve()
    return candidate if candidate.is_relative_to(root) and candidate != root else None


def relpath_to_url(relpath: str, scheme: str = "https") -> str:
    """The inverse of `url_to_relpath` for recorded files (index.html reads as its folder)."""
    host, _, path = relpath.partition("/")
    path, mark, query = path.partition("?")
    query = query.replace("%2F", "/").replace("%25", "%")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{scheme}://{host}/{quote(path)}{mark}{query}"


def sidecar_key(url: str) -> str:
    """The key of a URL in its host's `_replay/HOST.json`: the raw path, and `?query`."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def not_modified(request_headers, recorded: dict[str, str]) -> bool:
    """Whether a conditional request's validator matches the recorded response (RFC 9110 13.1:
    If-None-Match wins over If-Modified-Since; ETags compare weakly for GET)."""
    recorded = {k.lower(): v for k, v in recorded.items()}
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match is not None:
        etag = recorded.get("etag")
        if not etag:
            return False
        wanted = {t.strip().removeprefix("W/") for t in if_none_match.decode("latin-1").split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    if_modified_since = request_headers.get("If-Modified-Since")
    last_modified = recorded.get("last-modified")
    if if_modified_since is None or not last_modified:
        return False
    try:
        return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(if_modified_since.decode("latin-1"))
    except (TypeError, ValueError):
        return False


class ReplayAddon:
    """Switches the http(s) handler to ReplayDownloadHandler when MLIS_REPLAY_DIR is set."""

    def update_settings(self, settings) -> None:
        if not settings.get("MLIS_REPLAY_DIR"):
            return
        handlers = settings["DOWNLOAD_HANDLERS"]  # per-key priorities: the project's own keys stay
        for scheme in ("http", "https"):
            handlers.set(scheme, "crawler.crawl.replay.ReplayDownloadHandler", "addon")
        # Recorded files need no politeness delay; this wins over the project default only.
        settings.set("DOWNLOAD_DELAY", 0, max(settings.getpriority("DOWNLOAD_DELAY") or 0, 15))


class ReplayDownloadHandler(BaseDownloadHandler):
    lazy = False

    def __init__(self, crawler):
        super().__init__(crawler)
        root = crawler.settings.get("MLIS_REPLAY_DIR")
        if not root:
            raise NotConfigured("MLIS_REPLAY_DIR is not set")
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise NotConfigured(f"replay folder not found: {root}")
        self.maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        self.warnsize = crawler.settings.getint("DOWNLOAD_WARNSIZE")

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        host = parts.hostname or ""
        if not host or not (self.root / host).is_dir() or host.startswith(("_", ".")):
            raise ConnectionRefusedError(f"no recorded site for {host!r}")
        overrides = self._overrides(host)
        key = sidecar_key(request.url)
        if key in overrides.get("redirects", {}):
            return self._response(request, 301, b"", {"Location": overrides["redirects"][key]})
        if key in overrides.get("status", {}):
            return self._response(request, int(overrides["status"][key]), b"")
        recorded = overrides.get("responses", {}).get(key)
        file = self._resolve(url_to_relpath(request.url))
        if file is None:
            return self._response(request, 400, b"bad path")
        if file.is_dir():
            file = file / "index.html"
        if recorded is not None:
            headers = dict(recorded.get("headers") or {})
            status = int(recorded.get("status", 200))
            if status == 200 and not_modified(request.headers, headers):
                return self._response(request, 304, b"", headers)
            return self._response(request, status, self._body(request, file) if file.is_file() else b"", headers)
        if not file.is_file():
            return self._response(request, 404, NOT_FOUND, {"Content-Type": "text/html"})
        return self._response(request, 200, self._body(request, file), {"Content-Type": _content_type(file)})

    def _body(self, request: Request, file: Path) -> bytes:
        """The file's bytes, within the size limits the live downloader applies."""
        size = file.stat().st_size
        maxsize = request.meta.get("download_maxsize", self.maxsize)
        warnsize = request.meta.get("download_warnsize", self.warnsize)
        if maxsize and size > maxsize:
            message = f"Expected to receive {size} bytes which is larger than download max size ({maxsize}) in request {request}."
            logger.warning(message)
            raise DownloadCancelledError(message)
        if warnsize and size > warnsize:
            logger.warning("Expected to receive %s bytes which is larger than download warn size (%s) in request %s.",
                           size, warnsize, request)
        return file.read_bytes()

    def _resolve(self, relpath: str) -> Path | None:
        return resolve_under(self.root, relpath)

    @cache  # noqa: B019 - one handler per crawl; the table is small and read-only
    def _overrides(self, host: str) -> dict:
        file = self.root / SIDECAR_FOLDER / f"{host}.json"
        return json.loads(file.read_text()) if file.is_file() else {}

    def _response(self, request: Request, status: int, body: bytes, headers: dict | None = None) -> Response:
        headers = Headers(headers or {})  # bytes keys: responsetypes reads Content-Type instead of sniffing the body
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=status, headers=headers, body=body, request=request, flags=["replay"])


def _content_type(file: Path) -> bytes:
    suffix = file.suffix.lower() if "?" not in file.name else Path(file.name.split("?")[0]).suffix.lower()
    if file.name == "robots.txt":
        return b"text/plain"
    if suffix in TEXT_TYPES:
        return TEXT_TYPES[suffix]
    if suffix in HTML_SUFFIXES:
        return b"text/html"
    return (mimetypes.guess_type(file.name)[0] or "application/octet-stream").encode()
