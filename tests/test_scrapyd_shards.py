"""A night split over two Scrapyd nodes: `mlis-crawler shards run` plans two shards, crawls each on
its own real Scrapyd process on loopback, ingests each as it ends, and the published file holds
what a local night over the same recorded snapshot publishes. A node that is down gets its shard
tried twice, then its sites are reported failed while the other shard's sites are published; a
job that dies twice has its sites reported with the reason; Ctrl-C while waiting cancels the job.

The nodes, the egg and the local night are built once for the module (tests/test_scrapyd.py
shows the same machinery step by step); every wait is bounded."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from crawler.history.db import open_history_readonly
from crawler.jobs import refresh
from crawler.night import Feeds, Night
from crawler.night.scrapyd import run_shards
from crawler.night.shards import Shard, pages_on_record, plan
from tests.conftest import OLDER, ROOT, SITES
from tests.support.datadir import cli
from tests.test_ingest import QUIET
from tests.test_scrapyd import BIN, PROJECT, call, free_port, multipart, scrapyd_process

# The seven sites recorded in the snapshot and one it does not hold (a failed site on both sides):
# two shards of four, one round of jobs on nodes running four at a time.
SPIDERS = ["arizona", "buffalo", "denver", "kent", "lsu", "twu", "usm", "wisc"]

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]' or make setup)")
pytestmark = pytest.mark.scrapyd


@contextmanager
def scrapyd_node(home: Path, egg: bytes):
    """A Scrapyd process on 127.0.0.1 (tests/test_scrapyd.py) with the egg deployed."""
    with scrapyd_process(home) as base:
        body, content_type = multipart({"project": PROJECT, "version": "1"}, "egg", "project.egg", egg)
        call(base, "addversion.json", body, {"Content-Type": content_type})
        yield base


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """Two Scrapyd nodes with the project deployed."""
    home = tmp_path_factory.mktemp("nodes")
    egg = home / "project.egg"
    subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    with ExitStack() as stack:
        yield [stack.enter_context(scrapyd_node(home / f"node{i}", egg.read_bytes())) for i in (1, 2)]


@pytest.fixture(scope="module")
def local_night(tmp_path_factory):
    data = tmp_path_factory.mktemp("local") / "data"
    refresh(data, SITES / OLDER, SPIDERS, **QUIET)
    return data


def published_values(data: Path) -> dict[str, list[tuple]]:
    """Every table of programs.db but meta, rows sorted, with what names a run rather than a value
    masked: every crawl id of the history (a sharded night publishes one crawl a shard), and each
    change id replaced by its change's content (ids are numbered in the order the shards ended)."""
    history = open_history_readonly(data / "history.db")
    crawl_ids = {row[0] for row in history.execute("SELECT crawl_id FROM crawls").fetchall()}
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    try:
        def rows(table: str) -> tuple[list[str], list[tuple]]:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            # which publish carried a change, when, and in what order name the runs too (a sharded
            # night publishes once a shard, in the order the shards ended)
            runs = {i for i, c in enumerate(columns) if c in ("published_seq", "published_at", "applied_order", "decided_at")}
            masked = [tuple("<run>" if i in runs else "<crawl>" if v in crawl_ids else v for i, v in enumerate(row))
                      for row in conn.execute(f"SELECT * FROM {table}").fetchall()]
            return columns, masked

        change = {}
        for table in ("changes", "pending_changes"):
            columns, masked = rows(table)
            at = columns.index("change_id")
            change.update({row[at]: (table, *row[:at], *row[at + 1:]) for row in masked})
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta'").fetchall():
            columns, masked = rows(table)
            at = columns.index("change_id") if "change_id" in columns else None
            out[table] = sorted((row if at is None else (*row[:at], change.get(row[at], row[at]), *row[at + 1:]))
                                for row in masked)
        return out
    finally:
        conn.close()


def latest_health(data: Path) -> dict[str, str]:
    """Each site's health on its latest night."""
    history = open_history_readonly(data / "history.db")
    return dict(history.execute(
        """SELECT r.spider, r.health FROM spider_runs r JOIN crawls c ON c.crawl_id = r.crawl_id
           ORDER BY c.rowid""").fetchall())


def sharded_night(data: Path, out: Path, nodes: list[str]) -> subprocess.CompletedProcess:
    args = ["shards", "run", "--data", str(data), "--out", str(out), "--replay", str(SITES / OLDER), "--timeout", "90"]
    args += [arg for name in SPIDERS for arg in ("--spider", name)]
    for node in nodes:
        args += ["--node", node]
    return cli(*args)


def test_two_shards_on_two_nodes_publish_what_a_local_night_publishes(nodes, local_night, tmp_path):
    data = tmp_path / "data"
    done = sharded_night(data, tmp_path / "out", nodes)
    assert done.returncode == latest_exit(local_night), done.stdout + done.stderr
    first, second = plan(dict.fromkeys(SPIDERS, 1.0), 2)  # no history yet: every site costs as much
    assert f"shard 1: {len(first.sites)} site(s)" in done.stdout and f"shard 2: {len(second.sites)} site(s)" in done.stdout
    assert "attempt 2" not in done.stdout, done.stdout  # nothing had to be tried again
    history = open_history_readonly(data / "history.db")
    ingests = history.execute("SELECT source, spiders FROM crawls ORDER BY rowid").fetchall()
    assert sorted(spiders for _, spiders in ingests) == sorted([",".join(first.sites), ",".join(second.sites)])
    assert {source.split(" on ")[1] for source, _ in ingests} == set(nodes)  # each shard on its own node

    values = published_values(data)
    assert values["programs"], "nothing was published"
    assert values == published_values(local_night)
    assert latest_health(data) == latest_health(local_night)
    # The next plan reads what each site cost tonight: a site that was crawled has its pages on record.
    on_record = pages_on_record(history, SPIDERS)
    assert {s for s, p in on_record.items() if p} == {s for s, h in latest_health(data).items() if h != "failed"}


def test_a_shard_whose_node_is_down_is_tried_twice_then_its_sites_fail_and_the_rest_publish(nodes, local_night, tmp_path):
    data, down = tmp_path / "data", f"http://127.0.0.1:{free_port()}"  # nothing listens there
    done = sharded_night(data, tmp_path / "out", [nodes[0], down])
    assert done.returncode == 1, done.stdout + done.stderr
    first, second = plan(dict.fromkeys(SPIDERS, 1.0), 2)
    assert f"shard 2: attempt 2 on {down}" in done.stdout, done.stdout  # retried once, on its node
    assert "attempt 3" not in done.stdout

    health = latest_health(data)
    assert {s: health[s] for s in second.sites} == dict.fromkeys(second.sites, "failed")
    history = open_history_readonly(data / "history.db")
    errors = dict(history.execute("SELECT spider, errors FROM spider_runs WHERE spider IN (%s)"
                                  % ",".join("?" * len(second.sites)), second.sites).fetchall())
    assert all(any("not crawled: shard 2 failed 2 times" in line for line in json.loads(listed))
               for listed in errors.values()), errors

    # Shard 1's sites are published with the values a local night gives them; shard 2's not at all.
    local, values = published_values(local_night), published_values(data)
    assert values["programs"], "nothing was published"
    assert {row[0] for row in values["programs"]} == programs_of(local_night, first.sites)
    assert set(values["programs"]) == {row for row in local["programs"] if row[0] in programs_of(local_night, first.sites)}
    assert {s: health[s] for s in first.sites} == {s: latest_health(local_night)[s] for s in first.sites}


def programs_of(data: Path, spiders: list[str]) -> set[str]:
    """The programs these spiders yielded in a night's feeds."""
    ids = set()
    for spider in spiders:
        for feed in data.glob(f"crawls/*/items-{spider}.jsonl"):
            ids |= {item["program_id"] for item in map(json.loads, feed.read_text().splitlines())
                    if item.get("type") == "program"}
    assert ids, f"none of {spiders} yielded a program"
    return ids


def latest_exit(data: Path) -> int:
    """The exit code the local night earned (1: some recorded sites are degraded or failed)."""
    health = latest_health(data).values()
    return 0 if all(h == "ok" for h in health) else 1


def test_a_shard_whose_job_fails_twice_has_its_sites_reported_failed(nodes, tmp_path):
    """The node answers, but the job's process dies before any site closes (here: a setting it
    cannot read), twice: the shard's night says why each site was not crawled."""
    lines: list[str] = []

    def ingest(feeds: Path, label: str):
        return Night(tmp_path / "data", Feeds([str(feeds)], OLDER, label), log=lines.append).run()

    shard = Shard(1, ["arizona", "usm"])
    [run] = run_shards([shard], [nodes[1]], tmp_path / "out", ingest, timeout=60, poll=0.5, log=lines.append,
                       settings={"MLIS_REPLAY_DIR": str(SITES / OLDER), "MLIS_GC_THRESHOLD": "not-a-number"})
    assert run.attempt == 2 and any("attempt 2" in line for line in lines), lines
    assert run.result.health == {"arizona": "failed", "usm": "failed"}
    assert set(run.failed) == {"arizona", "usm"}
    assert all("ended without a summary" in why for why in run.failed.values()), run.failed
    assert not (tmp_path / "data" / "programs.db").exists() or not published_values(tmp_path / "data")["programs"]


def test_ctrl_c_while_waiting_cancels_the_jobs_still_running(nodes, tmp_path):
    def interrupt(line: str) -> None:
        if "attempt 1" in line:  # the job is scheduled: the operator presses Ctrl-C
            raise KeyboardInterrupt

    def ingest(feeds: Path, label: str):
        raise AssertionError("nothing is ingested after Ctrl-C")

    with pytest.raises(KeyboardInterrupt):
        run_shards([Shard(1, ["usm"])], [nodes[0]], tmp_path / "out", ingest, timeout=60, log=interrupt,
                   settings={"MLIS_REPLAY_DIR": str(SITES / OLDER)})
    deadline = time.monotonic() + 30
    while True:  # cancelled before its process started, or stopped while it ran: usm is not read to the end
        listed = call(nodes[0], f"listjobs.json?project={PROJECT}")
        if not listed["pending"] and not listed["running"]:
            break
        assert time.monotonic() < deadline, f"the job was not cancelled: {listed}"
        time.sleep(0.5)
    assert not (tmp_path / "out" / "shard-1" / "summary-usm.json").exists() or \
        json.loads((tmp_path / "out" / "shard-1" / "summary-usm.json").read_text())["finish_reason"] != "finished"
