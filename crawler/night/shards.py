"""A night split into K shards that finish together: what each site costs, and which shard runs it.

A site's cost is its politeness budget: the pages it asked for on its latest night that was not a
failure (`spider_runs.pages` in history.db: the ledger's URLs, robots.txt and redirects included)
times the delay between two requests to one site (`DOWNLOAD_DELAY`). That is what a site costs in
wall time once the crawl keeps pace with politeness, and it is on record for every site that was
crawled once; a spider's own start pages would undercount every site that follows links. A site
never crawled (or only ever failed) counts as the median known site, and as one page when no site
is known (the shards are then balanced by number of sites).

A shard's sites run at once in one process (crawler/night/scrapyd.py), so its wall time is its
slowest site's budget or its pages x the CPU a page costs, whichever is longer: past some 200 sites
a process is CPU-bound (docs/operations.md). Balancing the summed budgets balances the pages, and
so the CPU and the memory of the shards; the slowest site costs the same in any shard. The sum is
also an upper bound of a shard's wall (its sites one after another): the default time an attempt
may take is built on it.

`plan` is longest-processing-time-first: sites from the costliest down, each to the shard with
the least cost so far. Its longest shard is within 4/3 - 1/(3K) of the best possible split, and
no two shards differ by more than the costliest site (tests/test_shards.py checks both).
"""

from __future__ import annotations

import heapq
import statistics
from dataclasses import dataclass, field


@dataclass
class Shard:
    index: int  # 1-based, as a person counts them
    sites: list[str] = field(default_factory=list)
    budget: float = 0.0  # seconds: the sum of its sites' budgets


def plan(budgets: dict[str, float], shards: int) -> list[Shard]:
    """Group sites into `shards` shards whose summed budgets are as even as LPT makes them.

    Deterministic: ties between sites are broken by name, between shards by index. A shard may
    be empty when there are fewer sites than shards. Each shard lists its sites by name."""
    if shards < 1:
        raise ValueError(f"a night needs at least one shard, not {shards}")
    out = [Shard(i + 1) for i in range(shards)]
    heap = [(0.0, i) for i in range(shards)]  # (load, index): the least loaded shard first
    for site, budget in sorted(budgets.items(), key=lambda item: (-item[1], item[0])):
        if budget < 0:
            raise ValueError(f"a budget cannot be negative: {site} {budget}")
        load, i = heapq.heappop(heap)
        out[i].sites.append(site)
        out[i].budget += budget
        heapq.heappush(heap, (load + budget, i))
    for shard in out:
        shard.sites.sort()
    return out


def site_budgets(pages: dict[str, int | None], delay: float) -> dict[str, float]:
    """Seconds a site costs a night: its pages x `delay`; a site with no pages on record counts
    as the median of those with a record (one page when none has)."""
    known = [p for p in pages.values() if p]
    default = statistics.median(known) if known else 1
    return {site: (p or default) * delay for site, p in pages.items()}


def pages_on_record(db, spiders: list[str]) -> dict[str, int | None]:
    """Each spider's pages on its latest night that was not a failure (None: no such night)."""
    rows = dict(db.execute(
        """SELECT r.spider, r.pages FROM spider_runs r JOIN crawls c ON c.crawl_id = r.crawl_id
           WHERE r.health != 'failed' AND c.rowid = (
             SELECT MAX(c2.rowid) FROM spider_runs r2 JOIN crawls c2 ON c2.crawl_id = r2.crawl_id
             WHERE r2.spider = r.spider AND r2.health != 'failed')""").fetchall())
    return {spider: rows.get(spider) for spider in spiders}
