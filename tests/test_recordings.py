"""Nights composed per university from each one's own capture dates (crawler/crawl/recordings.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crawler.crawl import recordings
from tests.conftest import NEWER, OLDER, QUIET, ROOT, SITES

DOMAINS = {"alpha": ["alpha.edu"], "beta": ["beta.edu"], "gamma": ["gamma.edu"], "deep": ["lib.alpha.edu"]}


def page(root, relpath, text="<html><body><main><h1>x</h1></main></body></html>"):
    file = root / relpath
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)


def sites(tmp_path):
    root = tmp_path / "sites"
    page(root, "2025-01-10/www.alpha.edu/index.html", "alpha January")
    page(root, "2025-01-10/_replay/www.alpha.edu.json", '{"redirects": {"/old": "https://www.alpha.edu/"}}')
    page(root, "2025-03-01/www.alpha.edu/index.html", "alpha March")
    page(root, "2025-03-01/grad.alpha.edu/robots.txt", "User-agent: *\nAllow: /\n")
    page(root, "2025-02-01/beta.edu/programs/index.html", "beta February")
    page(root, "2025-02-01/lib.alpha.edu/index.html", "deep February")  # the most specific domain owns it
    page(root, "2025-04-01/www.gamma.edu/" + recordings.PENDING, "save the pages here")  # scaffolded only
    page(root, "2025-04-01/www.unknown.org/index.html", "nobody's")
    (root / "notes").mkdir()  # not a date: not a capture
    return root


def test_each_university_brings_its_own_capture_dates(tmp_path):
    root = sites(tmp_path)
    found = recordings.captures(root, DOMAINS)
    assert {u: [(c.date, c.hosts) for c in caps] for u, caps in found.items()} == {
        "alpha": [("2025-01-10", ("www.alpha.edu",)), ("2025-03-01", ("grad.alpha.edu", "www.alpha.edu"))],
        "beta": [("2025-02-01", ("beta.edu",))],
        "deep": [("2025-02-01", ("lib.alpha.edu",))],
    }
    assert recordings.nights(root, DOMAINS) == ["2025-01-10", "2025-02-01", "2025-03-01"]  # not gamma's 04-01
    assert list(recordings.pending(root, DOMAINS)) == ["gamma"]
    assert recordings.unowned_hosts(root, DOMAINS) == ["2025-04-01/www.unknown.org"]


def test_a_night_replays_each_university_s_latest_capture_on_or_before_it(tmp_path):
    root = sites(tmp_path)
    night = recordings.compose(root, "2025-02-15", tmp_path / "nights", DOMAINS)
    assert night.path == tmp_path / "nights" / "2025-02-15" and night.universities == ("alpha", "beta", "deep")
    assert (night.path / "www.alpha.edu" / "index.html").read_text() == "alpha January"
    assert (night.path / "_replay" / "www.alpha.edu.json").is_file()  # its replay table comes along
    assert (night.path / "beta.edu" / "programs" / "index.html").read_text() == "beta February"
    assert sorted(p.name for p in night.path.iterdir()) == ["_replay", "beta.edu", "lib.alpha.edu", "www.alpha.edu"]

    later = recordings.compose(root, "2025-03-01", tmp_path / "nights", DOMAINS)
    assert (later.path / "www.alpha.edu" / "index.html").read_text() == "alpha March"
    assert not (later.path / "_replay").exists()  # March's alpha has no table; January's is not carried over
    assert (later.path / "grad.alpha.edu" / "robots.txt").is_file()
    assert (later.path / "beta.edu" / "programs" / "index.html").read_text() == "beta February"

    assert recordings.compose(root, "2025-01-01", tmp_path / "nights", DOMAINS).universities == ()


def test_the_seven_universities_nights_are_the_recorded_folders(tmp_path):
    """Composed from per-university captures, each night the first seven share is that folder, file for
    file, plus the universities whose latest capture is earlier (the schools first recorded on
    2026-11-01 are replayed from that capture on the quiet night), copied unchanged."""
    domains = recordings.spider_domains()
    for date in (OLDER, NEWER, QUIET):
        night = recordings.compose(SITES, date, tmp_path, domains)
        earlier = {h: c.date for c in recordings.plan(SITES, date, domains).values() if c.date != date for h in c.hosts}

        def host(f: str) -> str:
            parts = Path(f).parts
            return parts[1].removesuffix(".json") if parts[0] == recordings.REPLAY_TABLES else parts[0]

        composed = sorted(str(p.relative_to(night.path)) for p in night.path.rglob("*") if p.is_file())
        recorded = sorted(str(p.relative_to(SITES / date)) for p in (SITES / date).rglob("*") if p.is_file())
        assert [f for f in composed if host(f) not in earlier] == recorded, date
        assert all((night.path / f).read_bytes() == (SITES / date / f).read_bytes() for f in recorded)
        assert all((night.path / f).read_bytes() == (SITES / earlier[host(f)] / f).read_bytes()
                   for f in composed if host(f) in earlier)


def test_the_command_prints_one_line_per_night(tmp_path):
    out = subprocess.run([sys.executable, "-m", "crawler.crawl.recordings", str(SITES), str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()
    assert [line.split()[0] for line in out] == [str(tmp_path / d) for d in recordings.nights(SITES)]
    assert all("arizona" in line.split()[1:] for line in out)
    bad = subprocess.run([sys.executable, "-m", "crawler.crawl.recordings", str(tmp_path / "nope"), str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "no such folder" in bad.stderr
