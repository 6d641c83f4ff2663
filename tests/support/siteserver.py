"""A loopback HTTP server for recorded sites, as the live web would answer them (tests, benchmarks).

`SiteServer(snapshot)` serves `snapshot/<host>/<path>` at `http://127.0.0.1:PORT/<host>/<path>`,
the form `crawler.crawl.routing` fetches every real host from (`server.routing()` gives the
`--set` overrides). Like a web server it answers:

- the snapshot's `_replay/<host>.json`: `redirects` (301 with that Location), `status` (that
  status), `responses` (a recording's status and headers);
- a file with `Content-Type` (`headers` overrides per URL, else `text/html; charset=utf-8`),
  an `ETag` (its sha256) and a `Last-Modified`; with `honour_validators` set, `304` to a
  conditional request whose validator matches (as most sites and CDNs do);
- `fail`: URLs answered 503 (a page whose read fails);
- every response after `latency` seconds (threads: hosts are answered in parallel).

It binds 127.0.0.1 only, runs in daemon threads, and logs every request it answered
(`log`: host, path, the validators sent, status).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.crawl.replay import not_modified
from crawler.crawl.routing import routing_settings, snapshot_hosts

LOOPBACK = "127.0.0.1"
LAST_MODIFIED = "Mon, 02 Nov 2026 08:00:00 GMT"


@dataclass(frozen=True)
class Hit:
    host: str
    path: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


class SiteServer:
    def __init__(self, snapshot: Path, latency: float = 0.0, headers: dict[str, dict] | None = None,
                 honour_validators: bool = True):
        self.snapshot = snapshot.resolve()
        self.latency = latency
        self.headers = headers or {}  # "https://host/path" -> headers that replace the defaults
        self.honour_validators = honour_validators
        self.fail: set[str] = set()  # "https://host/path" answered 503
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((LOOPBACK, 0), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]

    def __enter__(self) -> SiteServer:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def routing(self) -> dict[str, str]:
        return routing_settings(self.port, snapshot_hosts(self.snapshot))

    def hits(self) -> list[Hit]:
        with self._lock:
            return list(self.log)

    def reset(self) -> None:
        with self._lock:
            self.log.clear()

    def _sidecar(self, host: str) -> dict:
        file = self.snapshot / "_replay" / f"{host}.json"
        return json.loads(file.read_text()) if file.is_file() else {}

    def answer(self, host: str, key: str, request_headers) -> tuple[int, dict, bytes]:
        url = f"https://{host}{key}"
        table = self._sidecar(host)
        if url in self.fail:
            return 503, {"Content-Type": "text/html"}, b"<html><body>down for maintenance</body></html>"
        if key in table.get("redirects", {}):
            return 301, {"Location": table["redirects"][key]}, b""
        if key in table.get("status", {}):
            return int(table["status"][key]), {}, b""
        recorded = table.get("responses", {}).get(key)
        file = self._file(host, unquote(urlsplit(key).path) + (f"?{urlsplit(key).query}" if urlsplit(key).query else ""))
        body = file.read_bytes() if file is not None else None
        if recorded is not None and int(recorded.get("status", 200)) != 200:
            return int(recorded["status"]), dict(recorded.get("headers") or {}), body or b""
        if body is None:
            return 404, {"Content-Type": "text/html"}, b"<html><body><h1>Not Found</h1></body></html>"
        kind = "text/plain" if key == "/robots.txt" else "text/html; charset=utf-8"
        headers = {"Content-Type": kind, "ETag": f'"{hashlib.sha256(body).hexdigest()[:20]}"',
                   "Last-Modified": LAST_MODIFIED}
        headers.update((recorded or {}).get("headers") or {})
        headers.update(self.headers.get(url, {}))
        if self.honour_validators and not_modified(request_headers, headers):
            return 304, {k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")}, b""
        return 200, headers, body

    def _file(self, host: str, path: str) -> Path | None:
        root = (self.snapshot / host).resolve()
        candidate = (root / path.lstrip("/")).resolve()
        if not candidate.is_relative_to(root):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server's naming
                host, _, rest = self.path.lstrip("/").partition("/")
                key = "/" + rest
                byte_headers = {k: v.encode("latin-1") for k, v in self.headers.items()}
                status, headers, body = server.answer(host, key, _Headers(byte_headers))
                if server.latency:
                    time.sleep(server.latency)
                with server._lock:
                    server.log.append(Hit(host, key, self.headers.get("If-None-Match"),
                                          self.headers.get("If-Modified-Since"), status))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        return Handler


class _Headers:
    """The request headers as `not_modified` reads them (bytes values, case-insensitive names)."""

    def __init__(self, headers: dict[str, bytes]):
        self._headers = {k.lower(): v for k, v in headers.items()}

    def get(self, name: str, default=None):
        return self._headers.get(name.lower(), default)
