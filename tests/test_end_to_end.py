"""The nightly job end to end on the recorded sites: older night, newer night, quiet night."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

import pytest

from crawler.jobs import refresh
from tests.conftest import NEWER, OLDER, QUIET, SITES

ARIZONA_PROGRAMS = 9  # the MA and its eight emphasis areas


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
    changes = report(first)["changes"]
    assert Counter((c["kind"], c["status"], c["initial_load"]) for c in changes) == {
        ("program_added", "accepted", True): ARIZONA_PROGRAMS}
    assert first.healthy


def test_second_night_reports_exactly_the_differences_between_the_recorded_versions(nights):
    _, (_, second, _) = nights
    changes = report(second)["changes"]
    assert Counter((c["field"], c["kind"], c["status"]) for c in changes) == {
        ("application_deadlines", "changed", "accepted"): ARIZONA_PROGRAMS,  # domestic/international -> per campus
        ("entrance_exam", "added", "accepted"): ARIZONA_PROGRAMS,            # "The GRE is not required"
        ("tuition", "added", "accepted"): ARIZONA_PROGRAMS,                  # the three cost blocks
    }
    deadlines = next(c for c in changes if c["program_id"] == "arizona/ma-lis" and c["field"] == "application_deadlines")
    assert {d["applies_to"] for d in deadlines["old"]} == {"domestic", "international"}
    assert {d["applies_to"] for d in deadlines["new"]} == {"main campus", "online campus", "global campus"}
    assert deadlines["evidence_new"] and all(e["url"].startswith("https://infosci.arizona.edu/") for e in deadlines["evidence_new"])


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
    assert credits["evidence"] == "Minimum Total Units Required: 37"
    assert credits["source_url"] == "https://grad.arizona.edu/catalog/programinfo/LISMA"


def test_published_file_is_a_clean_rollback_journal_database(nights):
    data, _ = nights
    db = published(data)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert dict(db.execute("SELECT key, value FROM meta").fetchall())["schema_version"] == "2"
    assert not list(data.glob("programs.db-*")) and not list(data.glob(".programs.db.tmp-*"))
    assert len(list((data / "previous").glob("programs-*.db"))) == 2


# -- all seven universities, as `make demo` runs them -------------------------------------------

SECOND_NIGHT = {  # (university, field, kind, status): programs; each a difference fixtures/notes/ records
    ("arizona", "application_deadlines", "changed", "accepted"): 9,  # domestic/international -> per campus
    ("arizona", "entrance_exam", "added", "accepted"): 9,            # "The GRE is not required"
    ("arizona", "tuition", "added", "accepted"): 9,                  # the three cost blocks
    ("buffalo", "application_deadlines", "changed", "accepted"): 11,  # Feb. 1 priority, then rolling -> May 1 / Nov. 1
    ("buffalo", "fees", "changed", "accepted"): 12,                  # non-resident online fees $61.90 -> $76.16
    ("denver", "synchronous", "added", "accepted"): 3,               # weekly live class sessions now stated
    ("lsu", "synchronous", "added", "accepted"): 3,                  # "100% asynchronous online"
    ("lsu", "total_credits", "changed", "accepted"): 3,              # 40 -> 36
    ("twu", "application_deadlines", "changed", "accepted"): 3,      # a month earlier
    ("twu", "entrance_exam", "changed", "accepted"): 3,              # test required -> only below a 3.0 GPA
    ("usm", "entrance_exam", "changed", "accepted"): 4,              # GRE or MAT required -> no GRE
    ("usm", "min_gpa", "changed", "accepted"): 4,                    # 3.0 -> 2.75
    ("usm", "total_credits", "changed", "accepted"): 4,              # 39 -> 40
    ("wisc", "application_fee", "changed", "pending"): 1,            # $56 -> $75: +34%, held for review
    ("wisc", "name", "changed", "accepted"): 1,                      # Distance Delivered Program -> Online Program
    ("wisc", "total_credits", "changed", "accepted"): 1,             # 39 -> 36
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo")
    return [refresh(data, SITES / snapshot, log=lambda line: None) for snapshot in (OLDER, NEWER, QUIET)]


def test_demo_nights_report_the_real_changes_of_all_seven_and_nothing_on_the_quiet_night(demo):
    first, second, third = (report(night) for night in demo)
    assert all(night.healthy for night in demo)
    assert {c["kind"] for c in first["changes"]} == {"program_added"} and len(first["changes"]) == 35
    assert Counter((c["program_id"].split("/")[0], c["field"], c["kind"], c["status"])
                   for c in second["changes"]) == SECOND_NIGHT
    assert third["changes"] == []
    assert third["summary"] == f"mlis-crawler refresh {QUIET}: 0 changes published; 1 waiting for review"
