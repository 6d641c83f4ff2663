"""A nightly crawl under real politeness, twice: the second night unchanged, answered with 304s.

    .venv/bin/python benchmarks/nightly.py [--snapshot fixtures/sites/2026-11-02] [--latency 0.1] [--delay 1.0]

Serves a recorded snapshot over loopback HTTP (`tests.support.siteserver.SiteServer`: threads, every
response after `--latency` seconds, ETag and Last-Modified on every page) and runs the real
nightly job, `crawler.jobs.refresh`, for every spider, with the live politeness settings (all
sites at once in one process, one request at a time per host, `--delay` between a host's
requests; the project default is 1.0 s). Only two things differ from the live web, both inside
this benchmark: every host is routed to the server (`crawler.crawl.routing`; each host keeps its
own download slot), and the address guard lets those hosts through (they resolve to loopback).

Night 1 starts from an empty data folder; night 2 repeats it with the server honouring the
validators the history kept (If-None-Match / If-Modified-Since -> 304).

Figures, per night:
- wall W: the crawl's wall time, from the first spider opening to the last closing (the
  spiders' own `start_time` / `finish_time` stats; the interpreter and Scrapy start-up, about
  1 s and the same every night, are printed separately);
- B: the slowest site's politeness budget, (its requests - 1) x delay + its requests x latency,
  its requests counted by the server (robots.txt and redirect hops included: each takes its turn
  in the host's slot); R1 = W / B (target <= 1.2: the night costs its slowest site, not the sum);
- CPU C: the crawl process's CPU (user + system) from its first spider opening to its last
  closing (`mlis/crawl_cpu_seconds`, written by `crawler.crawl.conditional.CrawlCpu`);
  R2 = C2 / C1 (target <= 0.25: an unchanged night costs 304s, not parses). The whole child's
  CPU (imports included) and the ingest's (stage, reconcile, publish, report) are printed too.

Beside them, the floor: night 2's requests exactly as the server received them (same URLs and
order, the validators sent, robots.txt and the redirect hop each a request of their own) fetched
again by a plain `scrapy.Spider` that does nothing with the answers, through the same routing and
politeness, Scrapy's defaults otherwise. Its CPU F is what Scrapy alone spends on those 304s; R2
cannot fall below F / C1 without fewer requests.

The last line is
`nightly: wall W s, slowest site B s (x R1); second night CPU C2 s vs first C1 s (x R2)`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.config import Config, Crawl
from crawler.jobs import refresh  # noqa: E402
from tests.support.siteserver import SiteServer  # noqa: E402


def cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def night(data: Path, server: SiteServer, delay: float) -> dict:
    server.reset()
    settings = {**server.routing(), "DOWNLOAD_DELAY": str(delay)}
    child0, self0, wall0 = cpu(resource.RUSAGE_CHILDREN), cpu(resource.RUSAGE_SELF), time.perf_counter()
    result = refresh(data, None, None, log=lambda line: None, settings=settings,
                     config=Config(crawl=Crawl(contact="benchmarks@example.edu")))
    wall = time.perf_counter() - wall0
    child, ingest = cpu(resource.RUSAGE_CHILDREN) - child0, cpu(resource.RUSAGE_SELF) - self0
    stats = [json.loads(p.read_text())["stats"] for p in (data / "crawls" / result.crawl_id).glob("summary-*.json")]
    start = min(datetime.fromisoformat(s["start_time"]) for s in stats)
    finish = max(datetime.fromisoformat(s["finish_time"]) for s in stats)
    hits = server.hits()
    return {
        "result": result, "refresh_wall": wall, "child_cpu": child, "ingest_cpu": ingest,
        "crawl_wall": (finish - start).total_seconds(),
        "crawl_cpu": max(s.get("mlis/crawl_cpu_seconds", 0.0) for s in stats),
        "callback_cpu": sum(s.get("mlis/callback_cpu_seconds", 0.0) for s in stats),
        "per_host": Counter(h.host for h in hits), "statuses": Counter(h.status for h in hits),
        "hits": hits, "not_modified": sum(s.get("mlis/conditional/not_modified", 0) for s in stats),
        "memo_hits": sum(s.get("mlis/conditional/memo_hit", 0) for s in stats),
    }


def floor(server: SiteServer, hits: list, delay: float, work: Path) -> float:
    """CPU seconds a bare Scrapy spider spends fetching `hits` again, as the server received them."""
    requests = [{"url": f"https://{h.host}{h.path}", "headers": {k: v for k, v in (("If-None-Match", h.if_none_match),
                 ("If-Modified-Since", h.if_modified_since)) if v}} for h in hits]
    plan = work / "floor.json"
    plan.write_text(json.dumps({"requests": requests, "settings": {**server.routing(), "DOWNLOAD_DELAY": delay}}))
    result = subprocess.run([sys.executable, __file__, "--floor-child", str(plan)], check=True, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])["cpu"]


def floor_child(plan_file: Path) -> int:
    import scrapy
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    plan = json.loads(plan_file.read_text())
    spent: dict[str, float] = {}

    class Bare(scrapy.Spider):
        name = "bare"

        async def start(self):
            for r in plan["requests"]:
                yield scrapy.Request(r["url"], headers=r["headers"], callback=self.parse, dont_filter=True)

        def parse(self, response):
            return None

    process = CrawlerProcess({
        **plan["settings"], "DOWNLOAD_DELAY_JITTER": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CONCURRENT_ITEMS": 1,
        "ROBOTSTXT_OBEY": False, "REDIRECT_ENABLED": False, "HTTPERROR_ALLOW_ALL": True, "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False, "ADDONS": {"crawler.crawl.routing.RoutingAddon": 0},
    })
    crawler = process.create_crawler(Bare)
    def opened(spider):
        spent["start"] = time.process_time()

    def closed(spider):
        spent["end"] = time.process_time()

    crawler.signals.connect(opened, signal=signals.spider_opened)  # held weakly: named, alive until we return
    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler)
    process.start()
    print(json.dumps({"cpu": spent["end"] - spent["start"], "responses": crawler.stats.get_value("response_received_count")}))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snapshot", type=Path, default=ROOT / "fixtures" / "sites" / "2026-11-02")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each response (default 0.1)")
    parser.add_argument("--delay", type=float, default=1.0, help="DOWNLOAD_DELAY (default 1.0, the project's)")
    parser.add_argument("--floor-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_child:
        return floor_child(args.floor_child)
    with tempfile.TemporaryDirectory(prefix="mlis-nightly-") as tmp, \
            SiteServer(args.snapshot, latency=args.latency, honour_validators=False) as server:
        data = Path(tmp) / "data"
        first = night(data, server, args.delay)
        server.honour_validators = True
        second = night(data, server, args.delay)
        server.reset()
        bare = floor(server, second["hits"], args.delay, Path(tmp))
    for label, n in (("night 1", first), ("night 2", second)):
        print(f"{label}: refresh {n['refresh_wall']:.2f} s wall; crawl {n['crawl_wall']:.2f} s wall, "
              f"{n['crawl_cpu']:.2f} s CPU (reading pages {n['callback_cpu']:.3f} s; whole crawl process {n['child_cpu']:.2f} s, ingest {n['ingest_cpu']:.2f} s); "
              f"responses {dict(sorted(n['statuses'].items()))}; 304s read back {n['not_modified']}, "
              f"without a parse {n['memo_hits']}; health {sorted(set(n['result'].health.values()))}")
    host, requests = max(first["per_host"].items(), key=lambda kv: (kv[1], kv[0]))
    budget = (requests - 1) * args.delay + requests * args.latency
    print(f"sites (hosts): {len(first['per_host'])}; requests per host {sorted(first['per_host'].values(), reverse=True)}; "
          f"slowest {host}: {requests} requests, delay {args.delay} s, latency {args.latency} s")
    print(f"sum of all sites' budgets: {sum((n - 1) * args.delay + n * args.latency for n in first['per_host'].values()):.1f} s")
    print(f"reading pages (spider callbacks): second night {second['callback_cpu']:.3f} s vs first "
          f"{first['callback_cpu']:.3f} s (x {second['callback_cpu'] / first['callback_cpu']:.2f})")
    wall, c1, c2 = first["crawl_wall"], first["crawl_cpu"], second["crawl_cpu"]
    print(f"floor: a bare Scrapy spider fetching night 2's {len(second['hits'])} requests as sent spends {bare:.2f} s "
          f"of CPU; night 2 costs x {c2 / bare:.2f} of it, and R2 cannot fall below {bare / c1:.2f} without fewer requests")
    print(f"nightly: wall {wall:.2f} s, slowest site {budget:.2f} s (x {wall / budget:.2f}); "
          f"second night CPU {c2:.2f} s vs first {c1:.2f} s (x {c2 / c1:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
