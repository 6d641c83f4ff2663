"""Publishing under readers (reliability rows P1-P3, C3): programs.db is swapped atomically.

Reader processes loop opening programs.db `?mode=ro` while this process publishes it 100
times from two real history databases (after one and after two recorded nights), so
consecutive files differ. Every read must succeed and be self-consistent: the data it read
is exactly the file whose label (meta.crawl_id) it read. A publish killed at each of its
named points leaves the old file byte-identical (or the complete new one after the rename),
no journal, and a next publish that cleans up.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from crawler.publish import KEEP_PREVIOUS, kept_files, publish
from tests.conftest import NEWER, OLDER, ROOT, SITES
from tests.support.datadir import KILLED, check_published_file, cli, published_content, ro, stale_temp_files
from tests.support.publish_reader import fingerprint, read_once

READERS = 4
PUBLISHES = 100
READER_MAX_READS = 20_000
READER_MAX_SECONDS = 120  # bounds, never expectations
WAIT_SECONDS = 60


@pytest.fixture(scope="module")
def histories(tmp_path_factory):
    """Two data folders built by real refreshes: after the first night, and after the second."""
    base = tmp_path_factory.mktemp("histories")
    one, two = base / "one", base / "two"
    for data, nights in ((one, [OLDER]), (two, [OLDER, NEWER])):
        for night in nights:
            result = cli("refresh", "--replay", str(SITES / night), "--data", str(data), "--spider", "arizona")
            assert result.returncode == 0, result.stderr
    return {"a": one, "b": two}


def connect(data) -> sqlite3.Connection:
    return sqlite3.connect(data / "history.db")


def label(i: int) -> str:
    """Publish i's label (its meta.crawl_id): which history it came from, and its number."""
    return f"{'ab'[i % 2]}-{i:03d}"


def meta_label(path) -> str:
    conn = ro(path)
    try:
        return conn.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()[0]
    finally:
        conn.close()


def wait_for(predicate, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not predicate():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.01)


@pytest.mark.slow
def test_readers_never_see_a_partial_or_mixed_file(histories, tmp_path):
    history = {k: connect(v) for k, v in histories.items()}
    expected = {}
    for key, conn in history.items():  # what a file published from each history holds
        scratch = tmp_path / f"scratch-{key}"
        scratch.mkdir()
        publish(conn, scratch, "x")
        expected[key] = fingerprint(ro(scratch / "programs.db"))
    assert expected["a"] != expected["b"]

    data = tmp_path / "data"
    data.mkdir()
    publish(history["a"], data, label(0))
    stop = tmp_path / "stop"
    readers = []
    for n in range(READERS):
        paths = [str(data / "programs.db"), str(stop), str(tmp_path / f"ready-{n}"), str(tmp_path / f"reads-{n}.jsonl")]
        readers.append(subprocess.Popen(
            [sys.executable, "-m", "tests.support.publish_reader", *paths, str(READER_MAX_READS), str(READER_MAX_SECONDS)],
            cwd=ROOT, stdin=subprocess.DEVNULL))
    try:
        wait_for(lambda: all((tmp_path / f"ready-{n}").exists() for n in range(READERS)), "the readers' first reads")
        for i in range(1, PUBLISHES + 1):
            publish(history["ab"[i % 2]], data, label(i))
        stop.touch()
        for reader in readers:
            assert reader.wait(timeout=READER_MAX_SECONDS + WAIT_SECONDS) == 0
    finally:
        for reader in readers:
            if reader.poll() is None:
                reader.kill()
                reader.wait()

    total = 0
    for n in range(READERS):
        reads = [json.loads(line) for line in (tmp_path / f"reads-{n}.jsonl").read_text().splitlines()]
        assert [r for r in reads if "error" in r] == []
        for r in reads:
            assert r["fingerprint"] == expected[r["label"][0]], r["label"]
        labels = [r["label"] for r in reads]
        assert labels[0] == label(0) and labels[-1] == label(PUBLISHES)  # it read before and after
        assert labels == sorted(labels, key=lambda s: int(s[2:]))  # never an older file after a newer
        total += len(reads)
    assert total >= 2 * READERS

    assert check_published_file(data)["crawl_id"] == label(PUBLISHES)
    previous = kept_files(data / "previous")  # oldest first
    assert [meta_label(p) for p in previous] == [label(i) for i in range(PUBLISHES - KEEP_PREVIOUS, PUBLISHES)]
    assert [p.name for p in previous] == [f"programs-{label(i)}.db" for i in range(PUBLISHES - KEEP_PREVIOUS, PUBLISHES)]
    assert stale_temp_files(data) == []


def test_a_long_lived_reader_keeps_its_file_until_it_reopens(histories, tmp_path):
    """P3: a connection open across a publish goes on reading the file it opened, whole."""
    data = tmp_path / "data"
    data.mkdir()
    a, b = connect(histories["a"]), connect(histories["b"])
    publish(a, data, "first")
    reader = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    before = fingerprint(reader)
    publish(b, data, "second")
    assert reader.execute("SELECT value FROM meta WHERE key = 'crawl_id'").fetchone()[0] == "first"
    assert fingerprint(reader) == before
    reader.close()
    assert read_once(data / "programs.db")["label"] == "second"
    assert read_once(data / "programs.db")["fingerprint"] != before


@pytest.mark.parametrize("point", ["publish:built", "publish:before_replace", "publish:after_replace"])
def test_a_killed_publish_leaves_a_whole_file(point, histories, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(histories["b"], data)
    target = data / "programs.db"
    old_bytes, old_inode = target.read_bytes(), target.stat().st_ino
    old_content = published_content(target)
    old_previous = sorted(p.name for p in (data / "previous").glob("programs-*.db"))

    killed = cli("publish", "--data", str(data), kill_at=point)

    assert killed.returncode == KILLED
    check_published_file(data)  # complete, integrity ok, rollback journal, no -journal / -wal
    if point == "publish:after_replace":
        assert target.stat().st_ino != old_inode
        assert published_content(target) == old_content  # the same accepted state, rebuilt whole
    else:
        assert target.stat().st_ino == old_inode and target.read_bytes() == old_bytes
        assert [p.name for p in data.glob(".programs.db.tmp-*")] != []  # killed mid-publish indeed

    again = cli("publish", "--data", str(data))

    assert again.returncode == 0, again.stderr
    check_published_file(data)
    assert published_content(target) == old_content
    assert stale_temp_files(data) == []
    previous = kept_files(data / "previous")
    # one file per published crawl: the file replaced (crawl two) is kept once, however often it was re-published
    assert len(previous) == min(KEEP_PREVIOUS, len(old_previous) + 1)
    for path in previous:
        conn = ro(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    # the versions kept for rollback are distinct files, newest last, and none is the live one
    inodes = [p.stat().st_ino for p in previous]
    assert len(set(inodes)) == len(inodes)
    assert target.stat().st_ino not in inodes


def test_a_published_file_carries_the_digest_of_its_values(histories, tmp_path):
    """meta.values_sha256 is the digest a kept file is compared by (crawler/publish `_stamp`): it
    equals the digest of the file's values recomputed, it is the same for the same state published
    twice, and it differs once a value differs."""
    from crawler.publish import VALUES_KEY, _fingerprint

    digests = {}
    for name in ("a", "b"):
        out = tmp_path / name
        out.mkdir()
        history = connect(histories[name])
        try:
            for _ in range(2):
                conn = ro(publish(history, out, f"{name}-label"))
                try:
                    stored = conn.execute("SELECT value FROM meta WHERE key = ?", [VALUES_KEY]).fetchone()[0]
                    assert stored == _fingerprint(conn)
                finally:
                    conn.close()
                digests.setdefault(name, set()).add(stored)
        finally:
            history.close()
    assert len(digests["a"]) == len(digests["b"]) == 1  # dates and ids aside, the same values
    assert digests["a"] != digests["b"]  # the second night moved values
