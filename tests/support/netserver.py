"""A small fault-injection HTTP server on loopback, for the network-fault tests.

It serves a recorded copy of a site (several recorded hosts merged under one root; their
paths do not collide) and a few fault endpoints under `/fault/`, modelled on Scrapy's own
mock server. A second listener, the canary, stands for an address the crawler must never
reach: it only counts connections.

Both bind to 127.0.0.1 only, on ports the OS picks, run in daemon threads, and stop when the
context manager exits; a handler never waits longer than `HANG_SECONDS` or past `stop()`.
"""

from __future__ import annotations

import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOOPBACK = "127.0.0.1"
HANG_SECONDS = 20  # a hanging answer gives up after this long even if nobody stops it


class FaultServer:
    """`with FaultServer(roots, canary_port) as server:` ... `server.base`, `server.hits`."""

    def __init__(self, roots: list[Path], canary_port: int, max_size: int):
        self.roots = roots
        self.canary_port = canary_port
        self.max_size = max_size
        self.hits: Counter[str] = Counter()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((LOOPBACK, 0), self._handler())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.base = f"http://{LOOPBACK}:{self.port}"

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def count(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server's naming
                path = urlsplit(self.path).path
                server.count(path)
                canary = f"{server.canary_port}"
                redirects = {
                    "/fault/loop-a": "/fault/loop-b",
                    "/fault/loop-b": "/fault/loop-a",
                    "/fault/moved": "/catalog/programinfo/LISMA",
                    "/fault/to-metadata": "http://169.254.169.254/latest/meta-data/",
                    "/fault/to-localhost": f"http://localhost:{canary}/",
                    "/fault/to-decimal": f"http://2130706433:{canary}/",
                    "/fault/to-hex": f"http://0x7f000001:{canary}/",
                    "/fault/to-mapped": f"http://[::ffff:127.0.0.1]:{canary}/",
                }
                if path in redirects:
                    return self._send(302, b"", {"Location": redirects[path]})
                if path == "/fault/503":
                    return self._send(503, b"<html><body>down for maintenance</body></html>")
                if path == "/fault/hang":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    self.wfile.write(b"<html>")
                    self.wfile.flush()
                    server.stopping.wait(HANG_SECONDS)
                    self.close_connection = True
                    return None
                if path == "/fault/truncated":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b"<html><body><h1>Tuition</h1><p>$900 per")
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                if path == "/fault/too-large":  # declared too large: refused before the body
                    return self._send(200, b"<html>" + b"x" * (2 * server.max_size) + b"</html>")
                if path == "/fault/too-large-streamed":  # no length: it only shows while reading
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.close_connection = True
                    chunk = b"x" * 16384
                    try:
                        for _ in range(4 * server.max_size // len(chunk)):
                            self.wfile.write(chunk)
                    except OSError:
                        pass  # the crawler hung up at its limit
                    return None
                file = self._file(path)
                if file is None:
                    return self._send(404, b"<html><body><h1>Not Found</h1></body></html>")
                return self._send(200, file.read_bytes(), {"Content-Type": "text/html; charset=utf-8"})

            def _file(self, path: str) -> Path | None:
                if path == "/robots.txt":
                    return None
                relative = unquote(path).lstrip("/")
                for root in server.roots:
                    candidate = (root / relative).resolve()
                    if not candidate.is_relative_to(root.resolve()):
                        return None
                    if candidate.is_dir():
                        candidate = candidate / "index.html"
                    if candidate.is_file():
                        return candidate
                return None

            def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                for name, value in {"Content-Type": "text/html", **(headers or {})}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    self.close_connection = True  # the crawler hung up (a body over its size limit)

        return Handler


class Canary:
    """A loopback listener that only counts the connections it accepts."""

    def __init__(self):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((LOOPBACK, 0))
        self._sock.listen(16)
        self._sock.settimeout(0.05)
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> Canary:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.setblocking(False)
        while True:  # a connection still waiting in the backlog counts too
            try:
                conn, _ = self._sock.accept()
            except OSError:
                break
            self.connections += 1
            conn.close()
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()
