"""A night's shards crawled on Scrapyd nodes, each shard ingested as soon as it is over.

Each shard goes to one node as one Scrapyd job: its first site is the job's spider and the others
ride along in `MLIS_SHARD_SITES`, so the project's `crawl` command (crawler/crawl/commands/)
runs every site of the shard in one process, each with its own crawler, feed and summary, as a
local night does. One process a shard, not one a site: a Scrapy process costs about 88 MiB
before its first site, one more site in it under 1 MiB (docs/operations.md). The job writes
each site's feed and summary into `<out>/shard-<i>/` (`FEEDS`, `MLIS_SUMMARY_DIR`): a folder the
node writes and this machine reads (the same machine, or a shared mount).

A shard's attempt is over when its job is finished (or the attempt timed out: the job is
cancelled, or the node stopped answering). A site that left no summary did not finish (the
process crashed, was killed, or never started); the shard is tried once more, on the same node,
for those sites only. Sites still without a summary get one written here, saying why
(its finish reason names the shard, the node and the cause), so the shard's ingest reports them
as failed and keeps their published values. Then the shard's folder goes through `ingest`
(crawler.night.Feeds): one night a shard, in the order the shards end. Other shards' sites are
not part of that night (reconcile works site by site), so their values stay as published.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from crawler.night.shards import Shard

PROJECT = "mlis-crawler"  # scrapy.cfg's [deploy] project
ATTEMPTS = 2  # a shard is tried once more for the sites its first attempt did not finish
POLL_FAILURES = 5  # a node that does not answer this many polls in a row has ended the attempt


class ScrapydError(Exception):
    """A Scrapyd node could not be reached, or refused a request."""


def call(node: str, endpoint: str, data: dict | None = None, timeout: float = 30) -> dict:
    """One request to a Scrapyd node's JSON API (POST when `data` is given)."""
    body = urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(f"{node.rstrip('/')}/{endpoint}", data=body),
                                    timeout=timeout) as answer:
            reply = json.load(answer)
    except (OSError, ValueError) as exc:  # URLError, refused, timed out, not JSON
        raise ScrapydError(f"{node}: {exc}") from exc
    if reply.get("status") != "ok":
        raise ScrapydError(f"{node} {endpoint}: {reply.get('message', reply)}")
    return reply


def job_settings(out: Path, settings: dict) -> list[str]:
    """The `setting=KEY=VALUE` values of a job: the feed and summary in `out`, then `settings`."""
    feeds = {str(out / "items-%(name)s.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}}
    own = {"FEEDS": feeds, "MLIS_SUMMARY_DIR": str(out), **settings}
    return [f"{k}={json.dumps(v) if isinstance(v, (dict, list, bool)) else v}" for k, v in own.items()]


@dataclass
class ShardRun:
    shard: Shard
    node: str
    out: Path
    attempt: int = 0
    jobs: dict[str, str] = field(default_factory=dict)  # Scrapyd job id -> spider
    asked: list[str] = field(default_factory=list)  # the spiders of the current attempt
    deadline: float = 0.0
    poll_failures: int = 0
    problem: str | None = None  # why the current attempt went wrong, if it did
    failed: dict[str, str] = field(default_factory=dict)  # spider -> why it was not crawled
    result: object = None  # the shard's NightResult once ingested
    done: bool = False

    def unfinished(self) -> list[str]:
        return [s for s in self.asked if not (self.out / f"summary-{s}.json").exists()]


def start(run: ShardRun, spiders: list[str], project: str, settings: dict, timeout: float, log) -> None:
    """Schedule one attempt: one job crawling `spiders` in one process (its spider is the first
    site, the others go in MLIS_SHARD_SITES: crawler/crawl/commands/crawl.py)."""
    run.attempt += 1
    run.asked, run.jobs, run.problem, run.poll_failures = list(spiders), {}, None, 0
    run.deadline = time.monotonic() + timeout
    for name in spiders:  # what a failed attempt left of these sites is not tonight's
        for stale in (run.out / f"items-{name}.jsonl", run.out / f"summary-{name}.json"):
            stale.unlink(missing_ok=True)
    run.out.mkdir(parents=True, exist_ok=True)
    shard = {**settings, "MLIS_SHARD_SITES": ",".join(spiders[1:])} if len(spiders) > 1 else settings
    try:
        reply = call(run.node, "schedule.json", {"project": project, "spider": spiders[0],
                                                 "setting": job_settings(run.out, shard)})
        run.jobs[reply["jobid"]] = spiders[0]
    except ScrapydError as exc:
        run.problem = f"could not schedule: {exc}"
    log(f"shard {run.shard.index}: attempt {run.attempt} on {run.node}: {len(spiders)} site(s) "
        + (f"not scheduled ({run.problem})" if run.problem else f"in job {next(iter(run.jobs))}"))


def attempt_over(run: ShardRun, project: str) -> bool:
    """Whether the current attempt has ended: every job finished, the node stopped answering,
    or the attempt's time ran out (its jobs still listed are cancelled, best effort)."""
    if not run.jobs:
        return True
    try:
        listed = call(run.node, f"listjobs.json?project={project}")
        run.poll_failures = 0
    except ScrapydError as exc:
        run.poll_failures += 1
        if run.poll_failures >= POLL_FAILURES:
            run.problem = f"the node stopped answering: {exc}"
            return True
        listed = None
    if listed is not None and set(run.jobs) <= {job["id"] for job in listed.get("finished", [])}:
        return True
    if time.monotonic() > run.deadline:
        run.problem = "the attempt timed out"
        for job in run.jobs:
            try:
                call(run.node, "cancel.json", {"project": project, "job": job}, timeout=10)
            except ScrapydError:
                pass  # finished meanwhile, or the node is gone: its site has no summary either way
        return True
    return False


def give_up(run: ShardRun) -> None:
    """Sites that did not finish twice: a summary each, saying so, for the shard's ingest."""
    for name in run.unfinished():
        why = run.problem or "its job ended without a summary (the crawl process crashed or was killed)"
        reason = f"not crawled: shard {run.shard.index} failed {run.attempt} times on {run.node}: {why}"
        run.failed[name] = reason
        summary = {"spider": name, "finish_reason": reason, "stats": {}}  # as a crawl writes one (crawler/night/feed.py)
        (run.out / f"summary-{name}.json").write_text(json.dumps(summary))


def run_shards(shards: list[Shard], nodes: list[str], out: Path, ingest, *, project: str = PROJECT,
               settings: dict | None = None, timeout: float = 3600, poll: float = 2.0, log=print) -> list[ShardRun]:
    """Crawl shard i on nodes[i] and ingest each shard once it is over (`ingest(folder, label)`
    runs the shard's night and returns its result). Every wait is bounded by `timeout` seconds an
    attempt. Returns each shard's run: its result, and the sites it reported failed."""
    if len(nodes) < len(shards):
        raise ValueError(f"{len(shards)} shards need as many nodes, not {len(nodes)}")
    runs = [ShardRun(shard, node, out / f"shard-{shard.index}") for shard, node in zip(shards, nodes) if shard.sites]
    try:
        return _until_ingested(runs, len(shards), ingest, project, settings or {}, timeout, poll, log)
    except KeyboardInterrupt:  # Ctrl-C: the jobs still running are cancelled, nothing more is ingested
        for run in runs:
            for job in ([] if run.done else run.jobs):
                try:
                    call(run.node, "cancel.json", {"project": project, "job": job}, timeout=10)
                except ScrapydError:
                    pass
        raise


def _until_ingested(runs: list[ShardRun], count: int, ingest, project: str, settings: dict, timeout: float,
                    poll: float, log) -> list[ShardRun]:
    for run in runs:
        start(run, run.shard.sites, project, settings, timeout, log)
    while True:
        waiting = [run for run in runs if not run.done]
        if not waiting:
            return runs
        for run in waiting:
            if not attempt_over(run, project):
                continue
            again = run.unfinished()
            if again and run.attempt < ATTEMPTS:
                log(f"shard {run.shard.index}: {len(again)} site(s) did not finish "
                    f"({run.problem or 'no summary'}); trying them once more")
                start(run, again, project, settings, timeout, log)
                continue
            give_up(run)
            if run.failed:
                log(f"shard {run.shard.index}: {len(run.failed)} site(s) reported failed: {', '.join(sorted(run.failed))}")
            run.result = ingest(run.out, f"shard {run.shard.index} of {count} on {run.node}")
            run.done = True
        if any(not run.done for run in runs):
            time.sleep(poll)
