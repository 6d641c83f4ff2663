"""A nightly crawl under real politeness, twice: the second night unchanged, answered with 304s.

    .venv/bin/python benchmarks/nightly.py [--snapshot fixtures/sites/2026-11-02] [--latency 0.1] [--delay 1.0]
    .venv/bin/python benchmarks/nightly.py --profile night3.prof   # + a third, profiled, unchanged night

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
- CPU C: the crawl process's CPU (user + system) after start-up: from the moment all of its
  spiders are open to the last one closing (`mlis/crawl_cpu_seconds`, written by
  `crawler.crawl.conditional.CrawlCpu`). The whole child's CPU (imports and start-up included)
  and the ingest's (stage, reconcile, publish, report) are printed too.

The floor: night 2's requests exactly as the server received them (same URLs and order, the
validators sent, robots.txt and the redirect hop each a request of their own) fetched again by a
plain `scrapy.Spider` that does nothing with the answers, through the same routing and
politeness, Scrapy's defaults otherwise, in a process of its own. Its CPU F is counted the same
way as C: after start-up, from its spider opening (all of its one spider open) to its closing.
R2 = C2 / F (target <= 1.25: an unchanged night costs about what Scrapy alone spends re-asking
the same requests). The whole floor process's CPU is printed beside the whole crawl child's.

`--repeat N` runs N unchanged nights, each followed by its own floor, and prints each; the last line
then gives the night whose R2 is the median (the first night's figures are printed once).

`--profile FILE` runs one more night, unchanged like the second and after all figures are taken,
with its crawl child under cProfile over the span C counts (all spiders open to the last closing;
`FILE`, for `python -m pstats`), and prints its top entries.

The last line is
`nightly: wall W s, slowest site B s (x R1); second night CPU C2 s vs floor F s (x R2)`.
"""

from __future__ import annotations

import argparse
import json
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The product (and the site server) are imported by the nights only (`product`): the floor's
# process, this file run with --floor-child, holds Scrapy and the routing add-on, nothing else.


def cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def profiled(target: Path | None):
    """While active, a night's crawl child runs through `profile_child`: cProfile over the span R2
    counts (all of its spiders open to the last closing), written to `target`."""
    if target is None:
        yield
        return
    from crawler.night import crawl as crawl_module

    real = crawl_module.subprocess

    class Profiled:
        def __getattr__(self, name):
            return getattr(real, name)

        @staticmethod
        def Popen(command, *args, **kwargs):  # noqa: N802 (subprocess's name)
            assert command[1:3] == ["-m", "crawler.crawl"], command
            return real.Popen([command[0], __file__, "--profile-child", str(target), *command[3:]], *args, **kwargs)

    crawl_module.subprocess = Profiled()
    try:
        yield
    finally:
        crawl_module.subprocess = real


def profile_child(target: Path, argv: list[str]) -> int:
    """`python -m crawler.crawl ARGV`, profiled from the moment `CrawlCpu` starts counting (every
    spider open) to the last spider closing: the crawl's own CPU, start-up left out."""
    import cProfile
    import gc

    gc.disable()  # as `python -m crawler.crawl` starts (crawler/crawl/__main__.py); `main` turns it back on

    from crawler.crawl.conditional import CrawlCpu
    from crawler.crawl.runner import main as crawl_main

    profiler = cProfile.Profile(time.process_time)  # CPU, not wall: the other jobs' load stays out
    opened, closed = CrawlCpu.opened, CrawlCpu.closed
    state = {"open": 0, "on": False}

    def opened_profiled(self, spider=None):
        opened(self, spider)
        state["open"] += 1
        if CrawlCpu.started is not None and not state["on"]:
            state["on"] = True
            profiler.enable()

    def closed_profiled(self, spider=None, reason=None):
        closed(self, spider, reason)
        state["open"] -= 1
        if state["on"] and state["open"] == 0:
            profiler.disable()
            profiler.dump_stats(str(target))

    CrawlCpu.opened, CrawlCpu.closed = opened_profiled, closed_profiled
    return crawl_main(argv)


def night(data: Path, server, delay: float) -> dict:
    from crawler.config import Config, Crawl
    from crawler.jobs import refresh

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


def floor(server, hits: list, delay: float, work: Path) -> dict:
    """CPU seconds a bare Scrapy spider spends fetching `hits` again, as the server received them:
    after start-up (`cpu`, from its spider opening to its closing) and its whole process (`whole`)."""
    requests = [{"url": f"https://{h.host}{h.path}", "headers": {k: v for k, v in (("If-None-Match", h.if_none_match),
                 ("If-Modified-Since", h.if_modified_since)) if v}} for h in hits]
    plan = work / "floor.json"
    plan.write_text(json.dumps({"requests": requests, "settings": {**server.routing(), "DOWNLOAD_DELAY": delay}}))
    child0 = cpu(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, __file__, "--floor-child", str(plan)], check=True, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    whole = cpu(resource.RUSAGE_CHILDREN) - child0
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "whole": whole}


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--snapshot", type=Path, default=ROOT / "fixtures" / "sites" / "2026-11-02")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each response (default 0.1)")
    parser.add_argument("--delay", type=float, default=1.0, help="DOWNLOAD_DELAY (default 1.0, the project's)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="unchanged nights, each with its floor measured after it; R2 is their median (default 1)")
    parser.add_argument("--profile", type=Path, help="profile one more unchanged night's crawl child into this file")
    parser.add_argument("--floor-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-child", type=Path, help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.profile_child:
        return profile_child(args.profile_child, rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.floor_child:
        return floor_child(args.floor_child)
    from tests.support.siteserver import SiteServer

    with tempfile.TemporaryDirectory(prefix="mlis-nightly-") as tmp, \
            SiteServer(args.snapshot, latency=args.latency, honour_validators=False) as server:
        data = Path(tmp) / "data"
        first = night(data, server, args.delay)
        server.honour_validators = True
        rounds = []
        for _ in range(max(1, args.repeat)):
            unchanged = night(data, server, args.delay)
            server.reset()
            rounds.append((unchanged, floor(server, unchanged["hits"], args.delay, Path(tmp))))
        if args.profile:
            with profiled(args.profile.resolve()):
                night(data, server, args.delay)
    second, bare = rounds[0]
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
    wall, c1, c2, f = first["crawl_wall"], first["crawl_cpu"], second["crawl_cpu"], bare["cpu"]
    print(f"second night vs first, after start-up: {c2:.2f} s vs {c1:.2f} s CPU (x {c2 / c1:.2f})")
    print(f"floor: a bare Scrapy spider fetching night 2's {len(second['hits'])} requests as sent "
          f"({bare['responses']} responses) spends {f:.2f} s of CPU after start-up, its whole process "
          f"{bare['whole']:.2f} s; night 2's whole crawl process {second['child_cpu']:.2f} s "
          f"(x {second['child_cpu'] / bare['whole']:.2f})")
    if len(rounds) > 1:
        for k, (n, b) in enumerate(rounds, start=2):
            print(f"unchanged night {k}: CPU {n['crawl_cpu']:.2f} s vs floor {b['cpu']:.2f} s "
                  f"(x {n['crawl_cpu'] / b['cpu']:.2f}); whole processes {n['child_cpu']:.2f} s vs {b['whole']:.2f} s")
        ratio = statistics.median_low(n["crawl_cpu"] / b["cpu"] for n, b in rounds)
        c2, f = next((n["crawl_cpu"], b["cpu"]) for n, b in rounds if n["crawl_cpu"] / b["cpu"] == ratio)
        print(f"the median of {len(rounds)} unchanged nights follows")
    if args.profile:
        print(f"one more unchanged night, profiled: {args.profile}")
        pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(40)
    print(f"nightly: wall {wall:.2f} s, slowest site {budget:.2f} s (x {wall / budget:.2f}); "
          f"second night CPU {c2:.2f} s vs floor {f:.2f} s (x {c2 / f:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
