"""Record what the spiders fetch, in the form replay reads back (`mlis-crawler record`).

Format: the snapshot folder of DESIGN section 4 (`DIR/<host>/<path>`, one file per body, the
same mapping replay uses) plus one sidecar per host, `DIR/_replay/<host>.json`, whose
`responses` table keeps each URL's status and the headers that matter (Content-Type with its
charset, ETag, Last-Modified, Location, Cache-Control, Expires, Content-Language, Refresh).
A redirect is recorded as a response with a Location and no body, so replay answers the
recorded status (301, 302, 307, ...). Authored snapshots (files only) keep working unchanged,
and a recording stays a folder of plain files that a maintainer can read, doctor or diff.

`RecordMiddleware` is a downloader middleware enabled by `MLIS_RECORD_DIR` (the `RecordAddon`
adds it). It sits at 585, between HttpCompressionMiddleware (590) and MetaRefreshMiddleware
(580): it sees decoded bodies, and a `<meta http-equiv=refresh>` page as the page it is; the
HTTP redirects already followed are read from the final response's `redirect_urls` and
`redirect_reasons`. robots.txt is recorded like any page.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.crawl.replay import SIDECAR_FOLDER, resolve_under, sidecar_key, url_to_relpath
from crawler.errors import ConfigError, RefreshError


logger = logging.getLogger(__name__)


class RecordError(RefreshError):
    """The recording crawl itself did not run to its end."""

RECORDED_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Location", "Cache-Control", "Expires",
                    "Content-Language", "Refresh")
FEED_FOLDER = "_record"  # the recording crawl's own feed, summaries and log (replay ignores `_` folders)


class RecordAddon:
    def update_settings(self, settings) -> None:
        if settings.get("MLIS_RECORD_DIR"):
            settings["DOWNLOADER_MIDDLEWARES"].set("crawler.crawl.record.RecordMiddleware", 585, "addon")


class RecordMiddleware:
    def __init__(self, root: Path):
        self.root = root.resolve()
        self.responses: dict[str, dict[str, dict]] = {}  # host -> sidecar key -> {status, headers}

    @classmethod
    def from_crawler(cls, crawler):
        root = crawler.settings.get("MLIS_RECORD_DIR")
        if not root:
            raise NotConfigured
        middleware = cls(Path(root))
        crawler.signals.connect(middleware.write_sidecars, signal=signals.spider_closed)
        return middleware

    def process_response(self, request, response):
        chain = request.meta.get("redirect_urls", [])
        reasons = request.meta.get("redirect_reasons", [])
        for hop, (url, reason) in enumerate(zip(chain, reasons)):
            if isinstance(reason, int):  # an HTTP redirect, already followed; "meta refresh" pages are recorded as pages
                target = chain[hop + 1] if hop + 1 < len(chain) else response.url
                self._remember(url, reason, {"Location": target})
        headers = {}
        for name in RECORDED_HEADERS:
            value = response.headers.get(name)
            if value is not None:
                headers[name] = value.decode("latin-1")
        self._remember(response.url, response.status, headers)
        if response.body and not write_body(self.root, url_to_relpath(response.url), response.body):
            logger.warning("not recorded: %s names a file outside the recording's host folder", response.url)
        return response

    def _remember(self, url: str, status: int, headers: dict) -> None:
        host = url.split("/", 3)[2].split(":")[0].lower()
        self.responses.setdefault(host, {})[sidecar_key(url)] = {"status": status, "headers": headers}

    def write_sidecars(self, spider=None, reason=None) -> None:
        folder = self.root / SIDECAR_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for host, responses in self.responses.items():
            target = folder / f"{host}.json"
            table = json.loads(target.read_text()) if target.is_file() else {}  # spiders can share a host
            table.setdefault("responses", {}).update(responses)
            tmp = target.with_suffix(".tmp")
            tmp.write_text(json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
            os.replace(tmp, target)


def write_body(root: Path, relpath: str, body: bytes) -> bool:
    """Write a body where replay reads it; False, writing nothing, where `relpath` would leave
    `root` (a resolved folder) or its host's folder (`resolve_under`: `..`, `%2e%2e`, a symlink
    out). A URL that is both a page and a folder of pages (`/program` and `/program/admissions`)
    keeps its body as the folder's `index.html`. No symlink is followed for the file written."""
    target = resolve_under(root, relpath)
    if target is None:
        return False
    for parent in reversed(target.relative_to(root).parents):
        folder = root / parent
        if folder.is_file():  # recorded earlier as a page: it becomes its folder's index.html
            body_before = folder.read_bytes()
            folder.unlink()
            folder.mkdir()
            (folder / "index.html").write_bytes(body_before)
    if target.is_dir():
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as out:
        out.write(body)
    return True


def record(out: Path, spiders: list[str], overrides: dict[str, str] | None = None) -> Path:
    """Crawl with the real spiders and settings and record what they fetched into `out`.

    `out` must not exist or be empty: a recording is one night's copy, never merged into
    another. Returns the folder holding the recording crawl's feed, summaries and log."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ConfigError(f"{out} already exists and is not an empty folder: record into a new snapshot folder")
    out.mkdir(parents=True, exist_ok=True)
    feed = out / FEED_FOLDER
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(feed), "--log-file", str(feed / "crawl.log"),
               "--set", f"MLIS_RECORD_DIR={out.resolve()}"]
    for key, value in (overrides or {}).items():
        command += ["--set", f"{key}={value}"]
    for name in spiders:
        command += ["--spider", name]
    result = subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RecordError(f"the recording crawl failed (exit {result.returncode}); its log: {feed / 'crawl.log'}")
    if not any(p.is_file() for host in out.iterdir() if not host.name.startswith("_") for p in host.rglob("*")):
        raise RecordError(f"the recording crawl fetched nothing ({why_nothing(feed)}); {out} holds no page; "
                          f"its log: {feed / 'crawl.log'}")
    return feed


def why_nothing(feed: Path) -> str:
    """What the recording crawl's requests met instead of pages, from its spiders' summaries: the
    errors by kind and the HTTP statuses ("DNSLookupError ×7: probably our network ...")."""
    met: dict[str, int] = {}
    for summary in sorted(feed.glob("summary-*.json")):
        try:
            stats = json.loads(summary.read_text(encoding="utf-8")).get("stats") or {}
        except (OSError, ValueError, AttributeError):
            continue
        for key, count in stats.items():
            if key.startswith("downloader/exception_type_count/"):
                name = key.rsplit("/", 1)[1].rsplit(".", 1)[-1]
            elif key.startswith("downloader/response_status_count/"):
                name = f"HTTP {key.rsplit('/', 1)[1]}"
            else:
                continue
            met[name] = met.get(name, 0) + int(count)
    if not met:
        return "no request got an answer; every site down or refused?"
    words = ", ".join(f"{name} ×{n}" for name, n in sorted(met.items(), key=lambda item: -item[1]))
    network = any(part in name for name in met for part in ("DNSLookup", "ConnectionRefused", "TimedOut", "Timeout", "NoRoute"))
    return words + (": probably our network (DNS, proxy, firewall), not the sites" if network else "")
