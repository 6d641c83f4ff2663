"""Replay recorded sites through Scrapy's real downloader (DESIGN section 4).

`--replay DIR` (or `-s MLIS_REPLAY_DIR=DIR`) replaces only the http/https download handler:
requests still pass every downloader middleware (robots.txt, redirects, retries, stats).

Mapping from a URL to a recorded file, reversible:

- `https://HOST/PATH` is answered from `DIR/HOST/PATH`, the path percent-decoded;
- a path ending in `/`, or naming a folder, reads that folder's `index.html`;
- a query string stays in the file name verbatim: `/p.php?id=3` -> `DIR/HOST/p.php?id=3`;
- no file: 404, as a real site would answer; no `DIR/HOST` folder at all: the connection
  is refused, as for a site that is down;
- `DIR/_replay/HOST.json` may declare redirects, `{"redirects": {"/old": "https://new/x"}}`
  (answered 301), and fixed statuses, `{"status": {"/path": 503}}`.

A path that would leave DIR (`..`, absolute, NUL) is refused with a 400.
"""

from __future__ import annotations

import json
import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.responsetypes import responsetypes
from twisted.internet.error import ConnectionRefusedError

HTML_SUFFIXES = {".html", ".htm", ".php", ".asp", ".aspx", ".cfm", ".jsp", ""}
TEXT_TYPES = {".txt": b"text/plain; charset=utf-8", ".json": b"application/json", ".xml": b"application/xml"}


def url_to_relpath(url: str) -> str:
    """The file (relative to the snapshot folder) that answers `url`."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path.endswith("/"):
        path += "index.html"
    if parts.query:
        path += "?" + parts.query
    return parts.hostname + path


def relpath_to_url(relpath: str, scheme: str = "https") -> str:
    """The inverse of `url_to_relpath` for recorded files (index.html reads as its folder)."""
    host, _, path = relpath.partition("/")
    path, mark, query = path.partition("?")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{scheme}://{host}/{quote(path)}{mark}{query}"


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

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        host = parts.hostname or ""
        if not host or not (self.root / host).is_dir() or host.startswith(("_", ".")):
            raise ConnectionRefusedError(f"no recorded site for {host!r}")
        overrides = self._overrides(host)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        if key in overrides.get("redirects", {}):
            return self._response(request, 301, b"", {"Location": overrides["redirects"][key]})
        if key in overrides.get("status", {}):
            return self._response(request, int(overrides["status"][key]), b"")
        file = self._resolve(url_to_relpath(request.url))
        if file is None:
            return self._response(request, 400, b"bad path")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return self._response(request, 404, b"<html><body><h1>Not Found</h1></body></html>", {"Content-Type": "text/html"})
        return self._response(request, 200, file.read_bytes(), {"Content-Type": _content_type(file)})

    def _resolve(self, relpath: str) -> Path | None:
        if "\x00" in relpath:
            return None
        candidate = (self.root / relpath).resolve()
        return candidate if candidate.is_relative_to(self.root) else None

    @cache  # noqa: B019 - one handler per crawl; the table is small and read-only
    def _overrides(self, host: str) -> dict:
        file = self.root / "_replay" / f"{host}.json"
        return json.loads(file.read_text()) if file.is_file() else {}

    def _response(self, request: Request, status: int, body: bytes, headers: dict | None = None) -> Response:
        headers = headers or {}
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=status, headers=headers, body=body, request=request, flags=["replay"])


def _content_type(file: Path) -> bytes:
    suffix = file.suffix.lower() if "?" not in file.name else Path(file.name.split("?")[0]).suffix.lower()
    if file.name == "robots.txt":
        return b"text/plain; charset=utf-8"
    if suffix in TEXT_TYPES:
        return TEXT_TYPES[suffix]
    if suffix in HTML_SUFFIXES:
        return b"text/html; charset=utf-8"
    return (mimetypes.guess_type(file.name)[0] or "application/octet-stream").encode()
