"""`mlis-crawler serve` follows the published file (issue 22): a publish swaps programs.db for a
new file, and the running server answers from the new one without a restart.

A real night of Arizona's recorded pages, `serve` started on loopback, then a second real night
whose catalog page states 36 credits instead of 37 (accepted by the rules): the same server,
asked again, answers 36, and the publish number it shows is the new file's.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import QUIET
from tests.support.datadir import CLI
from tests.support.sitecopy import copy_snapshot, edit, night

SPIDER = "arizona"
CATALOG_FILE = "grad.arizona.edu/catalog/programinfo/LISMA"
START_SECONDS = 60  # bounds on waits, never expectations
FOLLOW_SECONDS = 10


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def credits(base: str) -> float:
    rows = get_json(base + "/programs/programs.json?_shape=array&program_id=arizona/ma-lis")
    return rows[0]["total_credits"]


def publish_seq(base: str) -> str:
    return get_json(base + "/programs/meta.json?_shape=array&key=publish_seq")[0]["value"]


@pytest.fixture
def served(tmp_path):
    data = tmp_path / "data"
    assert night(data, copy_snapshot(QUIET, tmp_path / "sites", QUIET), [SPIDER]).health == {SPIDER: "ok"}
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([str(CLI), "serve", "--data", str(data), "--port", str(port)],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    try:
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                get_json(base + "/-/versions.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "Datasette did not start"
                time.sleep(0.2)
        yield data, base, tmp_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_serve_answers_from_the_file_published_after_it_started(served):
    data, base, tmp_path = served
    assert credits(base) == 37 and publish_seq(base) == "1"
    for _ in range(6):  # every worker thread opens the first file
        assert credits(base) == 37
    inode = (data / "programs.db").stat().st_ino
    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    edit(snapshot, CATALOG_FILE, "total of 37 units", "total of 36 units")
    assert night(data, snapshot, [SPIDER]).health == {SPIDER: "ok"}
    assert (data / "programs.db").stat().st_ino != inode  # swapped: a new file under the same name
    deadline = time.monotonic() + FOLLOW_SECONDS
    while credits(base) != 36:
        assert time.monotonic() < deadline, "serve still answers from the file it opened first"
        time.sleep(0.2)
    for _ in range(6):  # and every worker thread does, not just one
        assert credits(base) == 36 and publish_seq(base) == "2"
