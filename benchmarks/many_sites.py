"""A night of many sites on one machine: wall, memory and CPU as the number of sites grows.

    .venv/bin/python benchmarks/many_sites.py                      # 10, 100 and 1,000 sites
    .venv/bin/python benchmarks/many_sites.py --sites 10,100 --delay 0.2   # a quick look

Serves the newest recorded night (2026-11-02, composed per university from its latest capture on
or before it, as `make demo` replays it: `crawler.crawl.recordings.compose`) over loopback HTTP
(`tests.support.siteserver.SiteServer`, threads, `--latency` seconds before each response) under N
generated sites. Site k is a copy of one of the recorded universities (in turn): each of its hosts is served as
`s<k>.<host>` (`s0042.catalog.twu.edu`), the absolute links and redirects of its pages point at its
own hosts, and its facts are its own: every dollar amount on its pages is raised by k mod 50 + 1
dollars (a different per-credit rate, fee, application fee). Its spider is a subclass of the real
one, generated into a temporary package put on `SPIDER_MODULES`, with `allowed_domains` the copy's
hosts and `start_pages` rewritten to them, and the address guard lets those hosts through (its
`custom_settings`' `MLIS_ALLOW_PRIVATE_HOSTS`: they resolve to loopback); its name is `<spider>_<k>`.

Each N is one real crawl, `python -m crawler.crawl` in a child process, as the refresh runs it (a
page cache folder, so the normalized memo is on; no validators: a first night), with the live
politeness settings: DOWNLOAD_DELAY `--delay` (default 1.0, the project's; a shorter one is said
in the output), one request at a time per host, robots.txt fetched and obeyed. Only the routing
(`crawler.crawl.routing`: each host keeps its own download slot) and the address guard's allowed
hosts differ from the live web.

Figures per N:
- wall W, the crawl's span from the first spider opening to the last closing (the summaries'
  `start_time` / `finish_time`), against B, the slowest site's politeness budget, (its requests -
  1) x delay + its requests x latency (requests counted by the server per host: a host is a
  download slot); R = W / B. The child's whole wall time (start-up included) is printed beside it;
- peak memory M: the crawl child's peak RSS (`ru_maxrss` from `os.wait4`), and per site: the growth
  over the smallest N run (M(N) - M(n0)) / (N - n0), what one more site costs; M / N is printed
  beside it (with one N only, M / N is the figure);
- CPU per page: the child's CPU (user + system, `os.wait4`) less its start-up (a crawl of one site
  whose start pages are emptied: imports, the reactor, one crawler built, opened and closed;
  measured once per run), over the responses received (`response_received_count`, robots.txt
  included); G = that over the smallest N's.

The feeds are checked: every site finishes (`finish_reason` finished) with programs, and its
tuition amounts are its own (k's raised amounts). Everything listens on 127.0.0.1 and stops by
itself. Last line:
`many sites: 1000 sites, wall W s (x R of slowest), peak M MiB (K KiB a site), CPU C ms a page (x G of 10 sites)`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.crawl.routing import snapshot_hosts  # noqa: E402
from tests.support.siteserver import SiteServer  # noqa: E402

SITES = ROOT / "fixtures" / "sites"
NIGHT = "2026-11-02"
PACKAGE = "mlis_many_sites"
DOLLARS = re.compile(rb"\$(\d{1,3}(?:,\d{3})*|\d+)(?=[^\d,]|,(?!\d{3})|$)")


def site_label(k: int) -> str:
    return f"s{k:04d}"


def raise_dollars(body: bytes, by: int) -> bytes:
    """Every `$amount` on the page raised by `by` dollars (cents and thousands separators kept)."""
    def shift(m: re.Match) -> bytes:
        amount = int(m.group(1).replace(b",", b"")) + by
        return b"$" + (f"{amount:,}" if b"," in m.group(1) else str(amount)).encode()
    return DOLLARS.sub(shift, body)


class CopiesServer(SiteServer):
    """The snapshot's hosts served again under `s<k>.<host>` for every site k, each copy's links
    pointing at its own hosts and its dollar amounts raised by k mod 50 + 1."""

    def __init__(self, snapshot: Path, hosts: list[str], **kwargs):
        super().__init__(snapshot, **kwargs)
        # Every site connects at once: http.server's backlog of 5 would drop most SYNs, and the
        # kernel's retries (1 s, 3 s, ...) would be measured as the crawl's wall time.
        self._httpd.socket.listen(4096)
        names = "|".join(re.escape(h) for h in sorted(hosts, key=len, reverse=True))
        self._links = re.compile(rf"(?<=//)({names})(?=[/:?#\"'\s<]|$)".encode())

    def answer(self, host: str, key: str, request_headers):
        label, _, real = host.partition(".")
        if not re.fullmatch(r"s\d{4}", label):
            return 404, {"Content-Type": "text/html"}, b""
        status, headers, body = super().answer(real, key, request_headers)
        prefix = label.encode() + b"."
        if "Location" in headers:
            headers = {**headers, "Location": self._links.sub(lambda m: prefix + m.group(1),
                                                              headers["Location"].encode()).decode()}
        if body and key != "/robots.txt":
            body = raise_dollars(self._links.sub(lambda m: prefix + m.group(1), body), int(label[1:]) % 50 + 1)
        return status, headers, body


def spider_hosts(allowed: list[str], hosts: list[str]) -> list[str]:
    return [h for h in hosts if any(h == d or h.endswith("." + d) for d in allowed)]


def write_spiders(folder: Path, n: int, hosts: list[str]) -> list[str]:
    """A package of n generated spiders (site k: a copy of the (k mod m)th of the m spiders the
    snapshot holds pages for); their names."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawler.crawl import settings as project_settings

    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    loader = SpiderLoader.from_settings(settings)
    # Only the spiders the snapshot holds pages for: a copy of one it does not (a university added
    # since it was recorded) has no page to read and fails.
    bases = [name for name in sorted(loader.list()) if spider_hosts(loader.load(name).allowed_domains, hosts)]
    plan = []
    for k in range(n):
        base = loader.load(bases[k % len(bases)])
        label = site_label(k)
        start_pages = {re.sub(r"(?<=//)", label + ".", url, count=1): cb for url, cb in base.start_pages.items()}
        plan.append({"module": base.__module__, "cls": base.__name__, "name": f"{base.name}_{k:04d}",
                     "allowed_domains": [f"{label}.{h}" for h in spider_hosts(base.allowed_domains, hosts)],
                     "start_pages": start_pages})
    package = folder / PACKAGE
    package.mkdir(parents=True)
    (package / "plan.json").write_text(json.dumps(plan))
    (package / "__init__.py").write_text(
        '"""Spiders generated by benchmarks/many_sites.py: copies of the real ones on other hosts."""\n'
        "import importlib, json\nfrom pathlib import Path\n\n"
        "for _site in json.loads((Path(__file__).parent / 'plan.json').read_text()):\n"
        "    _base = getattr(importlib.import_module(_site['module']), _site['cls'])\n"
        "    globals()[_site['name']] = type(_site['name'], (_base,), {\n"
        "        'name': _site['name'], 'allowed_domains': _site['allowed_domains'], 'start_pages': _site['start_pages'],\n"
        "        'custom_settings': {**(_base.custom_settings or {}), 'MLIS_ALLOW_PRIVATE_HOSTS': _site['allowed_domains']}})\n"
    )
    return [p["name"] for p in plan]


def run_child(command: list[str], env: dict, err_file: Path) -> tuple[float, float, int, int]:
    """Run the crawl child; its wall seconds, CPU seconds (user + system), peak RSS KiB, exit status.
    Its stderr goes to a file (a pipe read only after the wait would fill and stall the crawl)."""
    wall0 = time.perf_counter()
    with err_file.open("wb") as err:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - wall0
    if child.returncode:
        sys.stderr.write(err_file.read_text(errors="replace")[-4000:])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode


def crawl_command(out: Path, settings: dict) -> list[str]:
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log")]
    for key, value in settings.items():
        command += ["--set", f"{key}={value}"]
    return command


def child_env(package_root: Path) -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(package_root), str(ROOT)])}


def startup_cpu(work: Path, hosts: list[str]) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of a crawl child of one site that fetches nothing (its start
    pages emptied): imports, the reactor, one crawler built, opened and closed, its feed written."""
    folder = work / "empty"
    write_spiders(folder, 1, hosts)
    plan_file = folder / PACKAGE / "plan.json"
    plan_file.write_text(json.dumps([{**site, "start_pages": {}} for site in json.loads(plan_file.read_text())]))
    out = folder / "out"
    _, cpu, rss, code = run_child(crawl_command(out, {"SPIDER_MODULES": PACKAGE, "MLIS_PROGRESS": "off"}),
                                  child_env(folder), folder / "stderr.txt")
    if code:
        raise SystemExit(f"the empty crawl failed with exit code {code}")
    return cpu, rss


def one_night(n: int, server: CopiesServer, hosts: list[str], args, work: Path) -> dict:
    folder = work / f"n{n}"
    names = write_spiders(folder, n, hosts)
    out = folder / "out"
    settings = {"SPIDER_MODULES": PACKAGE, "MLIS_PROGRESS": "off", "DOWNLOAD_DELAY": args.delay,
                "MLIS_PAGE_CACHE": folder / "pages", "MLIS_ROUTE_TO": f"127.0.0.1:{server.port}"}
    server.reset()
    wall, cpu, rss, code = run_child(crawl_command(out, settings), child_env(folder), folder / "stderr.txt")
    critical = (out / "crawl.log").read_text(errors="replace").count("] CRITICAL:") if (out / "crawl.log").is_file() else 0
    summaries = {p.name[len("summary-"):-len(".json")]: json.loads(p.read_text()) for p in out.glob("summary-*.json")}
    problems = []
    if code:
        problems.append(f"the crawl child exited with {code}")

    missing = sorted(set(names) - set(summaries))
    if missing:
        problems.append(f"{len(missing)} site(s) left no summary: {missing[:5]}")
    unfinished = sorted(name for name, s in summaries.items() if s.get("finish_reason") != "finished")
    if unfinished:
        problems.append(f"{len(unfinished)} site(s) did not finish: "
                        f"{Counter(summaries[x].get('finish_reason') for x in unfinished).most_common(3)}")
    problems += check_feeds(out, names)
    stats = [s["stats"] for s in summaries.values()]
    start = min(datetime.fromisoformat(s["start_time"]) for s in stats)
    finish = max(datetime.fromisoformat(s["finish_time"]) for s in stats)
    per_host = Counter(h.host for h in server.hits())
    slowest, requests = max(per_host.items(), key=lambda kv: (kv[1], kv[0]))
    return {
        "n": n, "critical": critical, "child_wall": wall, "cpu": cpu, "rss_kib": rss, "problems": problems,
        "wall": (finish - start).total_seconds(), "pages": sum(s.get("response_received_count", 0) for s in stats),
        "requests": sum(per_host.values()), "slowest": slowest, "slowest_requests": requests,
        "budget": (requests - 1) * args.delay + requests * args.latency,
    }


def check_feeds(out: Path, names: list[str]) -> list[str]:
    """Every site wrote programs, and its tuition amounts are its own copy's (raised by k mod 50 + 1)."""
    amounts: dict[str, dict[int, set]] = {}
    problems = []
    for name in names:
        base, _, k = name.rpartition("_")
        feed = out / f"items-{name}.jsonl"
        items = [json.loads(line) for line in feed.read_text().splitlines()] if feed.is_file() else []
        if not any("program_id" in i and "field" not in i for i in items):
            problems.append(f"{name}: no program in its feed")
            continue
        found = {str(r.get("amount_usd")) for i in items if i.get("field") == "tuition" and isinstance(i.get("value"), list)
                 for r in i["value"] if isinstance(r, dict)}
        amounts.setdefault(base, {})[int(k)] = found
    for base, copies in amounts.items():
        if not any(copies.values()):
            continue  # this university's pages state no tuition amount the feed reads
        by_shift: dict[int, set] = {}
        for k, found in copies.items():
            by_shift.setdefault(k % 50, set()).add(frozenset(found))
        same = [shift for shift, kinds in by_shift.items() if len(kinds) > 1]
        if same:
            problems.append(f"{base}: copies raised alike read different tuition ({len(same)} shift(s))")
        if len({frozenset(f) for f in copies.values()}) < min(len(by_shift), 2):
            problems.append(f"{base}: copies with different amounts read the same tuition")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", default="10,100,1000", help="comma-separated N (default 10,100,1000)")
    parser.add_argument("--delay", type=float, default=1.0, help="DOWNLOAD_DELAY (default 1.0, the project's)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each response (default 0.1)")
    parser.add_argument("--snapshot", type=Path, help=f"a replay folder (default: the night {NIGHT}, composed)")
    args = parser.parse_args()
    sizes = sorted({int(x) for x in args.sites.split(",")})
    if args.delay != 1.0:
        print(f"note: DOWNLOAD_DELAY {args.delay} s, not the project's 1.0 s: a quick look, not the live politeness")
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"({os.cpu_count()} CPUs)")
    results = []
    with tempfile.TemporaryDirectory(prefix="mlis-many-sites-") as tmp:
        from crawler.crawl.recordings import compose
        snapshot = args.snapshot or compose(SITES, NIGHT, Path(tmp) / "nights").path
        hosts = snapshot_hosts(snapshot)
        with CopiesServer(snapshot, hosts, latency=args.latency, honour_validators=False) as server:
            results = run_sizes(sizes, server, hosts, args, Path(tmp))
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    last, first = results[-1], results[0]
    print(f"many sites: {last['n']} sites, wall {last['wall']:.1f} s (x {last['wall'] / last['budget']:.2f} of slowest), "
          f"peak {last['rss_kib'] / 1024:.0f} MiB ({last['per_site_kib']:.0f} KiB a site), "
          f"CPU {last['cpu_page'] * 1000:.2f} ms a page (x {last['cpu_page'] / first['cpu_page']:.2f} of {first['n']} sites)")
    return 1 if any(r["problems"] for r in results) else 0


def run_sizes(sizes: list[int], server, hosts: list[str], args, work: Path) -> list[dict]:
    results: list[dict] = []
    base_cpu, base_rss = startup_cpu(work, hosts)
    print(f"start-up (a crawl of one site fetching nothing): {base_cpu * 1000:.0f} ms CPU, peak {base_rss / 1024:.1f} MiB")
    for n in sizes:
        r = one_night(n, server, hosts, args, work)
        results.append(r)
        first = results[0]
        r["cpu_page"] = (r["cpu"] - base_cpu) / max(r["pages"], 1)
        r["per_site_kib"] = ((r["rss_kib"] - first["rss_kib"]) / (n - first["n"]) if n > first["n"]
                             else r["rss_kib"] / n)
        print(f"{n} sites: {r['pages']} responses ({r['requests']} requests served); wall {r['wall']:.2f} s "
              f"(child {r['child_wall']:.2f} s with start-up) vs slowest site {r['budget']:.2f} s "
              f"({r['slowest']}, {r['slowest_requests']} requests) x {r['wall'] / r['budget']:.2f}; "
              f"peak RSS {r['rss_kib'] / 1024:.1f} MiB ({r['per_site_kib']:.0f} KiB a site"
              f"{' over ' + str(first['n']) + ' sites' if n > first['n'] else ''}, "
              f"{r['rss_kib'] / n:.0f} KiB a site in all); CPU {r['cpu']:.2f} s, "
              f"{r['cpu_page'] * 1000:.2f} ms a page after start-up (x {r['cpu_page'] / first['cpu_page']:.2f} "
              f"of {first['n']} sites); load average {os.getloadavg()[0]:.2f}", flush=True)
        if r["critical"]:  # Scrapy's HTTP handler closing under load: its timeout races the pool's close
            print(f"  note: {r['critical']} CRITICAL record(s) in crawl.log (AlreadyCalledError: Scrapy's "
                  "HTTP11DownloadHandler.close, its disconnect timeout firing after the pool closed)")
        for problem in r["problems"]:
            print(f"  PROBLEM {problem}")
    return results


if __name__ == "__main__":
    sys.exit(main())
