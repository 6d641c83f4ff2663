"""The nightly job end to end on the recorded sites: older night, newer night, quiet night.

What each night must report is derived from the expected records (tests/expected/, each value
read off the recorded pages by a person): a program in a university's records for the first
time is `program_added`; a field whose expected value differs between two captures is `changed`,
`added` or `removed`, held for review when the later record says so (`held_for_review`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

import pytest

from crawler.crawl import recordings
from crawler.jobs import refresh
from tests.conftest import NEWER, OLDER, QUIET, SITES
from tests.support.expected import changes, expected

ARIZONA_PROGRAMS = len(expected("arizona", QUIET).programs)  # the MA and its concentrations


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """Three refreshes of one data folder, oldest snapshot first, as `make demo` runs them."""
    data = tmp_path_factory.mktemp("data")
    results = [refresh(data, SITES / snapshot, ["arizona"], log=lambda line: None) for snapshot in (OLDER, NEWER, QUIET)]
    return data, results


def report(result) -> dict:
    return json.loads((result.report_dir / "report.json").read_text())


def published(data) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{data / 'programs.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def test_first_night_is_the_baseline(nights):
    _, (first, _, _) = nights
    reported = report(first)["changes"]
    assert Counter((c["kind"], c["status"], c["initial_load"]) for c in reported) == {
        ("program_added", "accepted", True): ARIZONA_PROGRAMS}
    assert first.healthy


def test_second_night_reports_exactly_the_differences_between_the_recorded_versions(nights):
    _, (_, second, _) = nights
    reported = report(second)["changes"]
    wanted = changes(expected("arizona", OLDER), expected("arizona", NEWER))
    assert wanted, "the recorded versions differ (fixtures/notes/arizona.md)"
    assert Counter((c["field"], c["kind"], c["status"]) for c in reported) == {
        (field, kind, status): n for (_, field, kind, status), n in wanted.items()}
    # The newer "MLIS Admissions & Cost" (infosci.arizona.edu) adds "A GRE is not required."
    exam = next(c for c in reported if c["program_id"] == "arizona/ma-lis" and c["field"] == "entrance_exam")
    assert exam["kind"] == "added" and exam["old"] is None and exam["new"]["status"] == "not_required"
    assert exam["evidence_new"] and all(e["url"].startswith("https://infosci.arizona.edu/") for e in exam["evidence_new"])


def test_quiet_night_reports_nothing(nights):
    _, (_, _, third) = nights
    assert report(third)["changes"] == []
    assert report(third)["summary"].endswith("no changes")


def test_published_file_holds_the_newer_facts(nights):
    data, _ = nights
    db = published(data)
    programs = {r["program_id"]: r for r in db.execute("SELECT * FROM programs")}
    assert len(programs) == ARIZONA_PROGRAMS
    assert "arizona/ma-lis-archival-studies" in programs
    for row in programs.values():
        assert row["total_credits"] == 37
        assert row["entrance_exam"] == "not_required"
        assert row["min_gpa"] == 3
        assert row["ala_accredited"] == 1
        assert row["verified_at"] == QUIET
        assert row["under_review"] == 0
    terms = db.execute("SELECT program_id, term FROM program_start_terms ORDER BY program_id, term").fetchall()
    assert [tuple(t) for t in terms] == [(p, t) for p in sorted(programs) for t in ("fall", "spring", "summer")]
    rates = db.execute(
        "SELECT kind, amount_cents, per, residency, modality, campus, credits_min, applies_to_label FROM tuition_rates"
        " WHERE program_id = 'arizona/ma-lis' ORDER BY seq").fetchall()
    assert ("tuition", 90000, "credit", "any", "online", "online", None, "online campus") in [tuple(r) for r in rates]
    assert ("fee", 22800, "term", "any", "online", "online", 7, "online campus, 7+ credits") in [tuple(r) for r in rates]
    deadlines = {(r["applies_to_label"], r["term"]): r["date"] for r in db.execute(
        "SELECT * FROM deadlines WHERE program_id = 'arizona/ma-lis-law-librarianship'")}
    assert deadlines == {
        ("main campus", "fall"): "--02-01", ("main campus", "spring"): "--08-01", ("main campus", "summer"): "--03-01",
        ("online campus", "fall"): "--03-15", ("online campus", "spring"): "--10-01", ("online campus", "summer"): "--03-01",
        ("global campus", "fall"): "--02-15", ("global campus", "spring"): "--09-01", ("global campus", "summer"): "--03-01",
    }


def test_every_published_field_has_provenance(nights):
    data, _ = nights
    db = published(data)
    columns = {"name": "name", "degree": "degree", "total_credits": "total_credits", "min_gpa": "min_gpa",
               "entrance_exam": "entrance_exam", "ala_accredited": "ala_accredited", "delivery": "delivery",
               "concentration": "concentration"}
    for row in db.execute("SELECT * FROM programs"):
        stated = {field for column, field in columns.items() if row[column] is not None}
        stated |= {"tuition"} if db.execute("SELECT 1 FROM tuition_rates WHERE program_id = ?", [row["program_id"]]).fetchone() else set()
        stated |= {"start_terms"} if db.execute("SELECT 1 FROM program_start_terms WHERE program_id = ?", [row["program_id"]]).fetchone() else set()
        stated |= {"application_deadlines"} if db.execute("SELECT 1 FROM deadlines WHERE program_id = ?", [row["program_id"]]).fetchone() else set()
        proven = {r["field"]: r for r in db.execute("SELECT * FROM provenance WHERE program_id = ?", [row["program_id"]])}
        assert stated <= set(proven), f"{row['program_id']} lacks provenance for {stated - set(proven)}"
        for field in stated:
            assert proven[field]["source_url"].startswith("https://")
            assert proven[field]["evidence"].strip()
    credits = db.execute("SELECT evidence, source_url FROM provenance WHERE program_id = 'arizona/ma-lis' AND field = 'total_credits'").fetchone()
    assert credits["evidence"] == "This degree program is a total of 37 units."
    assert credits["source_url"] == "https://grad.arizona.edu/catalog/programinfo/LISMA"


def test_published_file_is_a_clean_rollback_journal_database(nights):
    data, _ = nights
    db = published(data)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert dict(db.execute("SELECT key, value FROM meta").fetchall())["schema_version"] == "2"
    assert not list(data.glob("programs.db-*")) and not list(data.glob(".programs.db.tmp-*"))
    assert len(list((data / "previous").glob("programs-*.db"))) == 2


# -- every recorded university, night after night, as `make demo` runs them --------------------

NIGHTS = recordings.nights(SITES)


def expected_changes(night: str, previous: str | None) -> Counter:
    """(university, field, kind, status) -> programs that night `night` must report after
    `previous`: for each university, the differences between the expected records of the
    captures the two nights replay (none when both replay the same capture)."""
    wanted: Counter = Counter()
    before = recordings.plan(SITES, previous) if previous else {}
    for university, capture in recordings.plan(SITES, night).items():
        earlier = before.get(university)
        if earlier is None or earlier.date != capture.date:
            wanted += changes(expected(university, earlier.date) if earlier else None, expected(university, capture.date))
    return wanted


@pytest.fixture(scope="module")
def demo(tmp_path_factory, night_dir):
    data = tmp_path_factory.mktemp("demo")
    return [refresh(data, night_dir(date).path, list(night_dir(date).universities), log=lambda line: None)
            for date in NIGHTS]


def test_demo_nights_report_the_real_changes_of_every_university_and_nothing_on_a_quiet_night(demo):
    assert {OLDER, NEWER, QUIET} <= set(NIGHTS)
    assert all(night.healthy for night in demo)
    waiting = 0
    for i, (date, night) in enumerate(zip(NIGHTS, demo)):
        wanted = expected_changes(date, NIGHTS[i - 1] if i else None)
        got = report(night)
        assert Counter((c["program_id"].split("/")[0], c["field"], c["kind"], c["status"])
                       for c in got["changes"]) == wanted, f"night {date}"
        if i == 0:
            assert {kind for _, _, kind, _ in wanted} == {"program_added"}
        if not wanted:  # a quiet night: nothing changed, what was held is still waiting
            assert got["changes"] == []
            assert got["summary"] == (f"mlis-crawler refresh {date}: 0 changes published; {waiting} waiting for review"
                                      if waiting else f"mlis-crawler refresh {date}: no changes")
        waiting += sum(n for (_, _, _, status), n in wanted.items() if status == "pending")
    # The derivation is not vacuous: on the second night the universities whose stored pages exist
    # in an older and a newer version that differ in facts have the differences fixtures/notes/
    # records; USM's versions differ in wording only, and Denver's and LSU's pages are stored in one
    # version each: none for them. UW-Madison's fee rise (+34%) is held.
    second = expected_changes(NEWER, OLDER)
    assert {"arizona", "buffalo", "twu", "wisc"} <= {u for u, *_ in second}
    assert not {"denver", "lsu", "usm"} & {u for u, *_ in second}
    assert second[("wisc", "application_fee", "changed", "pending")] == 1
    assert not expected_changes(QUIET, NEWER)
