"""Adding a field is one spec and its normalizer (issue 20): a throw-away field, registered in
this process only, goes through a real night and comes out published, reported, exported and
audited, with no other module taught about it.

The site: Arizona's recorded pages of the quiet night, one page of which states the new fact
(copied under tmp_path and edited there). The night: a real crawl of that copy (Scrapy's
downloader, in its own process), whose feed gets the one fact line a spider that located the
sentence would write (the crawl child does not know a field registered here), ingested, staged,
reconciled, published and reported in this process.
"""

from __future__ import annotations

import csv
import json
import re

import pytest

from crawler import shapes
from crawler.audit import Published, audit
from crawler.crawl.replay import relpath_to_url
from crawler.fields import FIELDS, Field, read_fact
from crawler.jobs import ingest
from crawler.publish.export import export
from tests.conftest import QUIET, SITES, run_crawl
from tests.support.sitecopy import copy_snapshot, edit, night

NAME = "thesis_option"
PAGE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
SENTENCE = "A master's thesis is optional: students may write one in place of two electives."
PROGRAM = "arizona/ma-lis"


def parse_thesis(text: str) -> bool | None:
    """The throw-away normalizer: whether a thesis is an option of the degree."""
    if re.search(r"\bno thesis\b|\bthesis is not (?:offered|an option)\b", text, re.I):
        return False
    if re.search(r"\bthesis\b.*\b(?:optional|option)\b|\bthesis option\b", text, re.I):
        return True
    return None


@pytest.fixture
def throwaway(monkeypatch):
    spec = Field(NAME, "Thesis option", parse_thesis, shape=shapes.BOOLEAN)
    monkeypatch.setitem(FIELDS, NAME, spec)
    return spec


def test_a_field_registered_in_process_is_published_reported_exported_and_audited(throwaway, tmp_path):
    data = tmp_path / "data"
    assert night(data, SITES / QUIET, ["arizona"]).health == {"arizona": "ok"}

    snapshot = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    edit(snapshot, PAGE, "</body>", f"<p>{SENTENCE}</p></body>")
    feeds = tmp_path / "feeds"
    run_crawl(snapshot, feeds, ["arizona"])
    value, problem = read_fact(NAME, SENTENCE)  # what the crawl's pipeline does with a located fact
    assert (value, problem) == (True, None)
    with (feeds / "items-arizona.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps({"institution_id": "arizona", "field": NAME, "text": SENTENCE, "url": relpath_to_url(PAGE),
                              "programs": [PROGRAM], "missing": None, "value": value, "problem": None,
                              "type": "fact"}) + "\n")
    summary = json.loads((feeds / "summary-arizona.json").read_text())
    summary["stats"]["item_scraped_count"] += 1  # the spider would have counted it (ingest checks the count)
    (feeds / "summary-arizona.json").write_text(json.dumps(summary))

    result = ingest(data, [str(feeds)], observed_on="2026-11-03", log=lambda line: None)

    # published: one change, in the typed columns its shape gives it
    import sqlite3
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    row = conn.execute("SELECT kind, unit, new_number, new_text, source_url FROM changes WHERE field = ?", [NAME]).fetchall()
    provenance = conn.execute("SELECT evidence FROM provenance WHERE program_id = ? AND field = ?", [PROGRAM, NAME]).fetchall()
    conn.close()
    assert row == [("added", "boolean", 1, None, relpath_to_url(PAGE))]
    assert provenance == [(SENTENCE,)]

    # reported: in the night's report, in its label and words
    (change,) = [c for c in result.report["changes"] if c["field"] == NAME]
    assert change["status"] == "accepted" and change["new"] is True
    markdown = (result.report_dir / "report.md").read_text(encoding="utf-8")
    assert "Thesis option" in markdown and "now stated" in markdown
    assert "Thesis option" in (data / "changes.atom").read_text(encoding="utf-8")

    # exported: the published file's changes, as CSV
    export(data / "programs.db", tmp_path / "export", "csv")
    with (tmp_path / "export" / "changes.csv").open(encoding="utf-8") as f:
        exported = [r for r in csv.DictReader(f) if r["field"] == NAME]
    assert [(r["program_id"], r["unit"], r["new_number"]) for r in exported] == [(PROGRAM, "boolean", "1")]

    # audited: read back from the published file by its spec, judged by it, with its evidence
    claims = [{"institution_id": "arizona", "program_id": PROGRAM, "field": NAME, "claim": "thesis option available"},
              {"institution_id": "arizona", "program_id": PROGRAM, "field": NAME, "claim": "no thesis"}]
    verified, contradicted = audit(claims, Published(data / "programs.db"))
    assert verified["status"] == "verified" and verified["our_value"] == "yes"
    assert verified["evidence"] == SENTENCE and verified["source_url"] == relpath_to_url(PAGE)
    assert contradicted["status"] == "contradicted" and contradicted["verified_at"] == "2026-11-03"
