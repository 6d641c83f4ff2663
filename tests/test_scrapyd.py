"""Scale out on Scrapyd: the project deploys to a real Scrapyd node, its jobs crawl a recorded
snapshot, and ingesting their feeds publishes what a local refresh publishes.

Starts Scrapyd on 127.0.0.1 (a free port, its eggs, logs and job database in a temporary
folder, every wait bounded), builds the project's egg with scrapyd-client (`scrapyd-deploy
--build-egg`, what `scrapyd-deploy local` uploads) and uploads it through addversion.json.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest

from crawler.crawl.recordings import in_snapshot
from crawler.jobs import check_spiders, ingest, refresh
from tests.conftest import OLDER, ROOT, SITES
from tests.test_ingest import QUIET, published_content

pytest.importorskip("scrapyd", reason="scrapyd is not installed (pip install -e '.[test]' or make setup)")
pytestmark = pytest.mark.scrapyd

BIN = Path(sys.executable).parent
PROJECT = "mlis-crawler"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base: str, endpoint: str, data: dict | bytes | None = None, headers: dict | None = None) -> dict:
    body = urlencode(data, doseq=True).encode() if isinstance(data, dict) else data
    request = urllib.request.Request(f"{base}/{endpoint}", data=body, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as answer:
        reply = json.load(answer)
    assert reply.get("status") == "ok", reply
    return reply


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "mlis-crawler-egg-boundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@contextmanager
def scrapyd_process(home: Path):
    """A Scrapyd process on 127.0.0.1 (a free port, its eggs, logs and job database under `home`),
    up before this yields its base URL, stopped after."""
    port = free_port()
    home.mkdir(parents=True)
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\nitems_dir =\ndbs_dir = {home / 'dbs'}\nmax_proc = 4\npoll_interval = 0.5\n")
    log = (home / "scrapyd.log").open("w")
    node = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call(base, "daemonstatus.json")
                break
            except OSError:
                if time.monotonic() > deadline or node.poll() is not None:
                    pytest.fail(f"scrapyd did not start: {(home / 'scrapyd.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        node.terminate()
        try:
            node.wait(timeout=20)
        except subprocess.TimeoutExpired:
            node.kill()
        log.close()


@pytest.fixture
def scrapyd(tmp_path):
    home = tmp_path / "scrapyd"
    with scrapyd_process(home) as base:
        yield base, home


def test_scrapyd_jobs_ingested_publish_what_a_local_refresh_publishes(scrapyd, tmp_path):
    base, home = scrapyd
    egg = tmp_path / "project.egg"
    subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=ROOT, check=True,
                   capture_output=True, timeout=300)
    body, content_type = multipart({"project": PROJECT, "version": "1"}, "egg", "project.egg", egg.read_bytes())
    deployed = call(base, "addversion.json", body, {"Content-Type": content_type})
    spiders = check_spiders([])
    assert deployed["spiders"] == len(spiders)
    assert sorted(call(base, f"listspiders.json?project={PROJECT}")["spiders"]) == sorted(spiders)

    snapshot, out = SITES / OLDER, tmp_path / "node-out"
    # The universities the snapshot holds pages of: what the local refresh below crawls too (it
    # leaves the others alone, "not in this snapshot").
    spiders = in_snapshot(spiders, snapshot)[0]
    feeds = json.dumps({str(out / "items-%(name)s.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}})
    jobs = {call(base, "schedule.json", {"project": PROJECT, "spider": name, "setting": [
        f"MLIS_REPLAY_DIR={snapshot}", f"MLIS_SUMMARY_DIR={out}", f"FEEDS={feeds}"]})["jobid"] for name in spiders}
    deadline = time.monotonic() + 300
    while True:
        listed = call(base, f"listjobs.json?project={PROJECT}")
        finished = {job["id"] for job in listed["finished"]}
        if jobs <= finished:
            break
        if time.monotonic() > deadline:
            pytest.fail(f"Scrapyd jobs still running after 300 s: {listed}")
        time.sleep(1)
    assert sorted(p.name for p in out.glob("summary-*.json")) == sorted(f"summary-{s}.json" for s in spiders)

    ingested = ingest(tmp_path / "ingested", [str(out)], observed_on=OLDER, **QUIET)
    local = refresh(tmp_path / "local", snapshot, **QUIET)
    assert ingested.health == local.health and ingested.counts == local.counts
    content = published_content(tmp_path / "ingested")
    assert content["programs"], "nothing was published"
    assert content == published_content(tmp_path / "local")
