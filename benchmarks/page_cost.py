"""What a page costs the product, against a bare Scrapy fetch + parse of the same pages, in one run.

    .venv/bin/python benchmarks/page_cost.py                  # 2,000 pages, 3 interleaved repetitions
    .venv/bin/python benchmarks/page_cost.py --profile        # + where the product's page time goes (cProfile)

A Twisted server in a child process serves N copies of one recorded program page on loopback
(`/p/0` ... `/p/N-1`, the same bytes, as text/html; utf-8). Each mode crawls them in a fresh child
process through Scrapy's real downloader, 16 requests at a time, no politeness delay, no robots.txt
(the loopback routing and the address guard are switched off here only):

- product: the real spider's page callback (default: Arizona's admissions page,
  `ArizonaSpider.parse_admissions`), reached through `ProgramSpider`'s ledger and `Page` locators,
  every item through the project's pipeline (normalizers) and written to a JSON-lines feed, as a
  refresh does; the links the callback follows are left out (the bare spider follows none either);
- bare: a plain `scrapy.Spider` doing a few `response.css` look-ups per page (the lxml parse plus
  the selector machinery), yielding one small dict, no pipeline, no feed.

Both crawls are CPU-bound (no delay, a loopback server on its own process), so a mode's rate is
its pages over the CPU seconds the crawling process spent from the spider opening to its closing
(`time.process_time`; the start-up before it, imports and Scrapy's components, is a cost per
process, not per page, and is printed apart): on a machine shared with other work, wall-clock
time measures the neighbours too (the wall-clock rate, over Scrapy's own elapsed time, is
printed beside it). The
ratio is taken per repetition (both modes run back to back) and the medians printed.
Last line: `page cost: product P p/s, bare fetch+parse B p/s (x R)`.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SNAPSHOT = ROOT / "fixtures" / "sites" / "2026-11-01"
DEFAULT_PAGE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
DEFAULT_CALLBACK = "spiders.arizona:ArizonaSpider.parse_admissions"


# -- the server (child process) -----------------------------------------------------------------

def serve(page: Path, port_file: Path) -> None:
    from twisted.internet import reactor
    from twisted.web.resource import Resource
    from twisted.web.server import Site

    body = page.read_bytes()

    class Copies(Resource):
        isLeaf = True

        def render_GET(self, request):
            request.setHeader(b"content-type", b"text/html; charset=utf-8")
            return body

    port = reactor.listenTCP(0, Site(Copies(), logPath=os.devnull), interface="127.0.0.1")
    port_file.write_text(str(port.getHost().port))
    reactor.run()


# -- the crawls (child processes) ----------------------------------------------------------------

def crawl(mode: str, port: int, n: int, callback: str, out: Path) -> dict:
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler.crawl import settings as project_settings

    urls = [f"http://127.0.0.1:{port}/p/{i}" for i in range(n)]
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.setdict({
        "ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "WARNING", "MEMUSAGE_ENABLED": False,
        "CLOSESPIDER_TIMEOUT": 600,
        # loopback only here: the guard refuses private addresses in every real crawl
        "DOWNLOADER_MIDDLEWARES": {"crawler.crawl.middlewares.PrivateAddressGuard": None,
                                   "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
                                   "crawler.crawl.middlewares.Rfc9309RobotsTxt": None},
    }, priority="cmdline")

    if mode == "bare":
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
        settings.set("EXTENSIONS", {}, priority="cmdline")

        class Bare(scrapy.Spider):
            name = "bare"

            async def start(self):
                for url in urls:
                    yield scrapy.Request(url, callback=self.parse)

            def parse(self, response):
                yield {"url": response.url, "title": response.css("h1::text").get(),
                       "gre": response.css("main p::text").re_first(r"GRE.*"),
                       "items": len(response.css("main li")), "cost": response.css(".cost-block").getall()}

        spider_cls = Bare
    else:
        from crawler.crawl.spider import expects

        module, _, qual = callback.partition(":")
        cls_name, _, method = qual.partition(".")
        base = getattr(__import__(module, fromlist=[cls_name]), cls_name)
        original = getattr(base, method)

        class Product(base):
            name = base.name  # the items carry the real spider's name, as in a refresh
            allowed_domains = None

            async def start(self):
                for url in urls:
                    yield self.request(url, self.parse_copy)

            @expects(*getattr(original, "expected_fields", ()))
            def parse_copy(self, page):
                for item in original(self, page):
                    if not isinstance(item, scrapy.Request):
                        yield item

        settings.set("FEEDS", {str(out / "items.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}}, priority="cmdline")
        settings.set("MLIS_SUMMARY_DIR", str(out), priority="cmdline")
        spider_cls = Product

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    clock: dict[str, float] = {"start": time.process_time()}

    def opened(spider):  # named: signals hold their receivers weakly
        clock["opened"] = time.process_time()

    def closed(spider):
        clock["closed"] = time.process_time()

    crawler.signals.connect(opened, signal=scrapy.signals.spider_opened)
    crawler.signals.connect(closed, signal=scrapy.signals.spider_closed)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    pages = stats.get("response_received_count", 0)
    elapsed = stats.get("elapsed_time_seconds") or 1e-9
    items = stats.get("item_scraped_count", 0)
    cpu = clock["closed"] - clock["opened"]  # the pages' cost; start-up (imports, components) is printed apart
    return {"pages": pages, "seconds": elapsed, "wall_rate": pages / elapsed, "rate": pages / cpu, "items": items,
            "cpu": cpu, "startup_cpu": clock["opened"] - clock["start"],
            "status_200": stats.get("downloader/response_status_count/200", 0)}


def run_child(args: list[str]) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- profiling the page path in memory -----------------------------------------------------------

def profile(page: Path, callback: str, pages: int) -> None:
    """The product's per-page work without the network: callback + pipeline on one response."""
    import cProfile
    import pstats

    from scrapy.http import HtmlResponse

    from crawler.crawl.pipelines import NormalizePipeline
    from crawler.items import FactItem

    module, _, qual = callback.partition(":")
    cls_name, _, method = qual.partition(".")
    spider_cls = getattr(__import__(module, fromlist=[cls_name]), cls_name)
    spider = spider_cls()
    handler = getattr(spider, method)
    body = page.read_bytes()

    from scrapy.utils.test import get_crawler

    pipeline = NormalizePipeline(get_crawler(spider_cls))

    def once(i):
        request = spider.request(f"https://infosci.arizona.edu/p/{i}", handler)
        response = HtmlResponse(request.url, body=body, encoding="utf-8", request=request)
        for item in spider._read(response, handler):
            if isinstance(item, FactItem):
                pipeline.process_item(item)

    once(0)
    t0 = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(pages):
        once(i)
    profiler.disable()
    print(f"in memory: {pages / (time.perf_counter() - t0):.0f} pages/s under cProfile")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


# -- the run -------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--page", default=DEFAULT_PAGE, help="recorded page, relative to the snapshot folder")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    parser.add_argument("--callback", default=DEFAULT_CALLBACK, help="module:Spider.method that reads the page")
    parser.add_argument("--profile", action="store_true", help="also profile the page path in memory")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    page = args.snapshot / args.page
    if args.child == "serve":
        serve(page, args.out)
        return 0
    if args.child:
        print(json.dumps(crawl(args.child, args.port, args.pages, args.callback, args.out)))
        return 0
    if not page.is_file():
        print(f"page not found: {page}", file=sys.stderr)
        return 2

    print(f"{args.pages} copies of {args.page} ({page.stat().st_size} bytes), read by {args.callback}; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="page-cost-") as tmp:
        tmp = Path(tmp)
        port_file = tmp / "port"
        server = subprocess.Popen([sys.executable, __file__, "--child", "serve", "--page", args.page,
                                   "--snapshot", str(args.snapshot), "--out", str(port_file)])
        try:
            deadline = time.monotonic() + 30
            while not (port_file.exists() and port_file.read_text()):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the page server did not start")
                time.sleep(0.05)
            port = int(port_file.read_text())
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass
            runs: dict[str, list[dict]] = {"bare": [], "product": []}
            for rep in range(args.repeat):
                for mode in ("bare", "product"):
                    out = tmp / f"{mode}-{rep}"
                    out.mkdir()
                    runs[mode].append(run_child(["--child", mode, "--port", str(port), "--pages", str(args.pages),
                                                 "--callback", args.callback, "--out", str(out)]))
                b, p = runs["bare"][-1], runs["product"][-1]
                print(f"  run {rep + 1}: bare {b['rate']:.0f} p/s ({b['pages']} pages, CPU {b['cpu']:.1f} s + start-up {b['startup_cpu']:.1f} s, "
                      f"wall {b['wall_rate']:.0f} p/s), product {p['rate']:.0f} p/s ({p['items']} items, "
                      f"CPU {p['cpu']:.1f} s + start-up {p['startup_cpu']:.1f} s, wall {p['wall_rate']:.0f} p/s): x {p['rate'] / b['rate']:.2f} "
                      f"(wall x {p['wall_rate'] / b['wall_rate']:.2f})", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for mode, results in runs.items():
        short = [r for r in results if r["pages"] != args.pages or r["status_200"] != args.pages]
        if short:
            print(f"CHECK FAILED: {mode} fetched {[r['pages'] for r in short]} pages of {args.pages}")
            return 1
    if args.profile:
        profile(page, args.callback, min(args.pages, 300))
    ratios = [p["rate"] / b["rate"] for b, p in zip(runs["bare"], runs["product"])]
    product = statistics.median(r["rate"] for r in runs["product"])
    bare = statistics.median(r["rate"] for r in runs["bare"])
    print(f"page cost: product {product:.0f} p/s, bare fetch+parse {bare:.0f} p/s (x {statistics.median(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
