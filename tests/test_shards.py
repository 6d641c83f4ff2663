"""Planning a night as K shards (crawler/night/shards.py): every site in exactly one shard, and shards
that finish together, within what longest-processing-time-first promises."""

from __future__ import annotations

import itertools
import random

import pytest

from crawler.crawl.runner import spider_names
from crawler.history.db import open_history
from crawler.night.shards import Shard, pages_on_record, plan, site_budgets
from tests.support.datadir import cli


def longest(shards: list[Shard]) -> float:
    return max(s.budget for s in shards)


def best_possible(budgets: list[float], k: int) -> float:
    """The shortest longest shard over every assignment (small instances only)."""
    best = float("inf")
    for assignment in itertools.product(range(k), repeat=len(budgets)):
        loads = [0.0] * k
        for budget, shard in zip(budgets, assignment):
            loads[shard] += budget
        best = min(best, max(loads))
    return best


def within_lpt_bound(planner, rng: random.Random, instances: int = 150) -> list[tuple]:
    """Instances where `planner`'s longest shard exceeds (4/3 - 1/(3K)) of the best possible."""
    bad = []
    for _ in range(instances):
        k = rng.randint(2, 3)
        budgets = {f"site{i}": float(rng.randint(1, 20)) for i in range(rng.randint(k + 1, 8))}
        shards = planner(budgets, k)
        if longest(shards) > (4 / 3 - 1 / (3 * k)) * best_possible(list(budgets.values()), k) + 1e-9:
            bad.append((budgets, k))
    return bad


def in_given_order(budgets: dict[str, float], k: int) -> list[Shard]:
    """Greedy without sorting first (list scheduling): the mistake the bound test must catch."""
    shards = [Shard(i + 1) for i in range(k)]
    for site, budget in budgets.items():
        target = min(shards, key=lambda s: s.budget)
        target.sites.append(site)
        target.budget += budget
    return shards


def test_every_site_is_in_exactly_one_shard_and_each_shard_sums_its_sites():
    budgets = {f"site{i}": float(i % 7 + 1) for i in range(50)}
    shards = plan(budgets, 4)
    assert [s.index for s in shards] == [1, 2, 3, 4]
    assert sorted(site for s in shards for site in s.sites) == sorted(budgets)
    for shard in shards:
        assert shard.budget == pytest.approx(sum(budgets[site] for site in shard.sites))
    assert plan(budgets, 4) == shards  # the same sites, the same plan


def test_the_longest_shard_is_within_the_lpt_bound_of_the_best_split():
    assert within_lpt_bound(plan, random.Random(24)) == []


def test_the_bound_catches_a_greedy_that_does_not_take_the_costliest_sites_first():
    assert within_lpt_bound(in_given_order, random.Random(24)), "the bound test cannot fail"


def test_no_two_shards_differ_by_more_than_the_costliest_site():
    rng = random.Random(7)
    for _ in range(50):
        budgets = {f"site{i}": rng.uniform(1, 60) for i in range(rng.randint(20, 300))}
        shards = plan(budgets, rng.randint(2, 9))
        spread = max(s.budget for s in shards) - min(s.budget for s in shards)
        assert spread <= max(budgets.values()) + 1e-9


def test_fewer_sites_than_shards_leaves_shards_empty_and_bad_counts_are_refused():
    shards = plan({"a": 3.0, "b": 1.0}, 3)
    assert [s.sites for s in shards] == [["a"], ["b"], []]
    with pytest.raises(ValueError):
        plan({"a": 1.0}, 0)
    with pytest.raises(ValueError):
        plan({"a": -1.0}, 1)


def test_a_site_without_pages_on_record_costs_the_median_site():
    assert site_budgets({"a": 10, "b": 30, "c": 20, "new": None}, 2.0) == {"a": 20.0, "b": 60.0, "c": 40.0, "new": 40.0}
    assert site_budgets({"x": None, "y": None}, 1.5) == {"x": 1.5, "y": 1.5}


def test_pages_on_record_are_each_sites_latest_night_that_did_not_fail(tmp_path):
    db = open_history(tmp_path / "history.db")
    for crawl, runs in (("c1", {"a": ("ok", 10), "b": ("degraded", 7)}),
                        ("c2", {"a": ("failed", 0), "b": ("ok", 9)}),
                        ("c3", {"c": ("failed", 0)})):
        db["crawls"].insert({"crawl_id": crawl, "source": "test", "started_at": "2026-12-06T00:00:00Z",
                             "observed_on": "2026-12-06", "status": "published"},
                            alter=False)
        for spider, (health, pages) in runs.items():
            db["spider_runs"].insert({"crawl_id": crawl, "spider": spider, "health": health, "pages": pages})
    assert pages_on_record(db, ["a", "b", "c", "d"]) == {"a": 10, "b": 9, "c": None, "d": None}


def test_shards_plan_prints_every_site_once_in_the_shards_asked_for(tmp_path):
    done = cli("shards", "plan", "--shards", "3", "--data", str(tmp_path / "data"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["shard 1", "shard 2", "shard 3"]
    sites = [site for line in lines for site in line.split(": ", 1)[1].split(" s: ")[1].split(", ")]
    assert sorted(sites) == spider_names()  # no history: every site costs one page, shards differ by one site at most
    counts = [int(line.split(": ")[1].split(" ")[0]) for line in lines]
    assert max(counts) - min(counts) <= 1
