"""Route every request for the spiders' real hosts to one loopback server (tests, benchmarks).

`-s MLIS_ROUTE_TO=127.0.0.1:PORT` swaps the http(s) download handler for `RouteHandler`:
`https://grad.arizona.edu/catalog/x` is fetched as `http://127.0.0.1:PORT/grad.arizona.edu/catalog/x`
by Scrapy's own HTTP/1.1 handler, and the response keeps the real URL. Everything before the
handler sees the real URL, so each host keeps its own download slot (one request at a time
per site, with its delay), allowed_domains, robots.txt and redirects work as on the live web.
Only a loopback address is accepted as the target. Nothing in the product sets it; the
address guard still resolves the real host names, so a test or benchmark that routes also
lists them in `MLIS_ALLOW_PRIVATE_HOSTS` (`routing_settings` does both).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response


def routing_settings(port: int, hosts: list[str]) -> dict[str, str]:
    """The `--set` overrides that route `hosts` to 127.0.0.1:port (the guard lets them through)."""
    return {"MLIS_ROUTE_TO": f"127.0.0.1:{port}", "MLIS_ALLOW_PRIVATE_HOSTS": ",".join(sorted(hosts))}


def snapshot_hosts(snapshot: Path) -> list[str]:
    return sorted(p.name for p in snapshot.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


class RoutingAddon:
    def update_settings(self, settings) -> None:
        if not settings.get("MLIS_ROUTE_TO"):
            return
        for scheme in ("http", "https"):
            settings["DOWNLOAD_HANDLERS"].set(scheme, "crawler.crawl.routing.RouteHandler", "addon")


class RouteHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):
        target = crawler.settings.get("MLIS_ROUTE_TO") or ""
        host, _, port = target.rpartition(":")
        try:
            if not ipaddress.ip_address(host).is_loopback or not port.isdigit():
                raise ValueError(target)
        except ValueError:
            raise NotConfigured(f"MLIS_ROUTE_TO must be a loopback host:port, not {target!r}") from None
        super().__init__(crawler)
        self.target = target

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        routed = f"http://{self.target}/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        response = await super().download_request(request.replace(url=routed))
        return response.replace(url=request.url, request=request)
