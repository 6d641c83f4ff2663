"""`mlis-crawler audit` on the demo's file with the rankings page's claims: every claim gets a
status, contradictions come with our value, evidence, page and date."""

from __future__ import annotations

import json

import pytest

from crawler.audit import compare, read_claim, read_deadline_months, split_qualifier, states_qualifier
from tests.conftest import ROOT
from tests.support.datadir import cli
from tests.support.demo_file import demo_data

CLAIMS = ROOT / "fixtures" / "claims" / "rankings-2026.csv"
KEYS = {"institution_id", "program_id", "field", "claim", "status", "our_value", "claimed_value", "evidence",
        "source_url", "verified_at", "listing_entry"}


@pytest.fixture(scope="module")
def results():
    result = cli("audit", str(CLAIMS), "--format", "json", "--data", str(demo_data()))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def find(results, program_id, field):
    (found,) = [r for r in results if r["program_id"] == program_id and r["field"] == field]
    return found


def test_every_claim_has_a_status(results):
    claims = CLAIMS.read_text().splitlines()[1:]
    assert len(results) == len(claims) == 62
    assert all(KEYS <= set(r) for r in results)
    assert {r["status"] for r in results} == {"verified", "partly_verified", "contradicted", "not_stated", "unreadable"}
    for r in results:
        if r["status"] in ("verified", "partly_verified", "contradicted"):
            assert r["our_value"] and r["claimed_value"] and r["evidence"] and r["verified_at"]
            assert all(url.startswith(("https://", "http://")) for url in r["source_url"].split(" "))


def test_the_gre_claim_for_wisconsin_online_is_contradicted_by_its_own_page(results):
    gre = find(results, "wisc/ma-lis-online", "entrance_exam")
    assert gre["status"] == "contradicted"
    assert gre["claimed_value"] == "GRE required" and gre["our_value"] == "GRE not required"
    assert "GRE (Graduate Record Examinations): Not required." in gre["evidence"]
    assert gre["source_url"].startswith("https://guide.wisc.edu/")
    assert gre["verified_at"] == "2026-11-02"
    assert gre["listing_entry"].startswith("#7 University of Wisconsin-Madison")


def test_comparison_rules(results):
    assert find(results, "arizona/ma-lis", "tuition")["status"] == "verified"          # $900 per credit
    assert find(results, "usm/mlis", "tuition")["status"] == "verified"                # $556.12 per credit hour
    assert find(results, "arizona/ma-lis", "total_credits")["status"] == "verified"    # 37 = 37.0
    assert find(results, "buffalo/ms-ils", "application_fee")["status"] == "not_stated"  # $50: no current page says
    months = find(results, "twu/mls", "application_deadlines")                         # June / November / April
    assert months["status"] == "verified" and months["claimed_value"] == "Fall Jun; Spring Nov; Summer Apr"
    lsu = find(results, "lsu/mlis", "application_deadlines")                           # Spring: March 3 2025
    assert lsu["status"] == "contradicted" and "Spring Nov 15 (final, graduate school, domestic)" in lsu["our_value"]
    assert find(results, "denver/mlis", "delivery")["status"] == "verified"            # fully online: "an online MLIS program"
    twu = find(results, "twu/mls", "entrance_exam")                                    # "the GRE is not required"
    assert twu["status"] == "verified" and twu["our_value"] == "GRE not required"
    school = find(results, "twu/mls-school-librarianship", "delivery")                 # a 160-hour in-person practicum
    assert school["status"] == "contradicted" and school["our_value"] == "hybrid"
    assert find(results, "usm/mlis-youth-services-literature", "entrance_exam")["status"] == "not_stated"  # its page does not say
    assert find(results, "denver/mlis", "duration")["status"] == "not_stated"          # as few as 21 months: only an ad says so
    assert find(results, "buffalo/ms-ils", "entrance_exam")["status"] == "not_stated"  # Buffalo's pages do not say
    assert find(results, "lsu/mlis", "tuition")["status"] == "unreadable"              # "approximately $19980 total"
    assert find(results, "denver/mlis", "start_terms")["status"] == "unreadable"       # "four start dates a year"


def test_counts_on_the_demo_file(results):
    counts = {s: sum(r["status"] == s for r in results)
              for s in ("verified", "partly_verified", "contradicted", "not_stated", "unreadable")}
    assert counts == {"verified": 39, "partly_verified": 3, "contradicted": 8, "not_stated": 9, "unreadable": 3}


def test_a_program_we_do_not_publish_and_an_unknown_field(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("institution_id,program_id,field,claim\n"
                      "wisc,wisc/ma-lis-campus,total_credits,39 credits\n"
                      "wisc,wisc/ma-lis-online,ranking,#7\n"
                      "wisc,wisc/ma-lis-online,total_credits,39 credits\n")
    result = cli("audit", str(claims), "--format", "json", "--data", str(demo_data()))
    assert result.returncode == 0, result.stderr
    statuses = [(r["program_id"], r["status"]) for r in json.loads(result.stdout)]
    assert statuses == [("wisc/ma-lis-campus", "not_stated"), ("wisc/ma-lis-online", "unreadable"),
                        ("wisc/ma-lis-online", "contradicted")]
    assert "0 unreadable" not in result.stderr


def test_md_and_html(tmp_path):
    md = cli("audit", str(CLAIMS), "--data", str(demo_data()))
    assert md.returncode == 0 and md.stdout.index("## Contradicted (8)") < md.stdout.index("## Partly verified (3)") < md.stdout.index(
        "## Verified (39)")
    assert "- **wisc/ma-lis-online** entrance\\_exam: the listing says “typically requires an entrance exam such as the GRE”" in md.stdout
    page = cli("audit", str(CLAIMS), "--format", "html", "--data", str(demo_data()))
    assert page.returncode == 0 and page.stdout.count("<tr>") == 63
    assert '<a href="https://guide.wisc.edu/' in page.stdout


def test_a_bad_claims_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("program,claim\nx,y\n")
    result = cli("audit", str(bad), "--data", str(demo_data()))
    assert result.returncode == 2
    assert "lacks the column(s) institution_id, program_id, field" in result.stderr
    missing = cli("audit", str(tmp_path / "none.csv"), "--data", str(demo_data()))
    assert missing.returncode == 2 and "no claims file" in missing.stderr


def test_month_only_deadline_claims():
    assert read_deadline_months("deadlines in June (fall), November (spring), April (summer)") == {
        "fall": 6, "spring": 11, "summer": 4}
    assert read_deadline_months("Fall: June; Spring: November") == {"fall": 6, "spring": 11}
    assert read_deadline_months("Fall: June; Spring: sometime") is None  # a term without its month: not read
    assert read_claim("application_deadlines", "Fall: June 1")[0] == [
        {"term": "fall", "date": "--06-01", "kind": "final", "applies_to": None}]
    assert read_claim("ranking", "#1") == (None, read_claim("ranking", "#1")[1]) and "unknown field" in read_claim("ranking", "#1")[1]


# -- the audit accuses only with evidence (issue 18) ------------------------------------------------

def test_a_qualifier_our_pages_do_not_state_is_partly_verified(results):
    arizona = find(results, "arizona/ma-lis-academic-librarianship", "entrance_exam")
    assert arizona["status"] == "partly_verified" and arizona["our_value"] == "GRE not required"
    assert arizona["note"] == "our pages do not state the part “for applicants with a strong academic background”"
    assert arizona["evidence"] and arizona["source_url"] and arizona["verified_at"]
    buffalo = find(results, "buffalo/ms-school-librarianship", "delivery")
    assert buffalo["status"] == "partly_verified" and "“with in-person field experiences”" in buffalo["note"]


def test_a_qualifier_our_evidence_states_is_verified(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("institution_id,program_id,field,claim\n"
                      "twu,twu/mls-school-librarianship,delivery,hybrid with an in-person practicum\n"
                      "twu,twu/mls-school-librarianship,delivery,hybrid with weekend residencies\n"
                      "lsu,lsu/mlis,min_gpa,3.0 GPA on all undergraduate and graduate course work\n")
    result = cli("audit", str(claims), "--format", "json", "--data", str(demo_data()))
    assert [r["status"] for r in json.loads(result.stdout)] == ["verified", "partly_verified", "verified"]


def test_a_different_core_value_is_contradicted_with_its_page_quote_and_date(results):
    lsu = find(results, "lsu/mlis", "application_deadlines")  # a date
    assert lsu["status"] == "contradicted" and "Spring - November 15" in lsu["evidence"]
    assert lsu["source_url"].startswith("https://") and lsu["verified_at"]
    exam = find(results, "denver/mlis-academic-libraries", "entrance_exam")  # an exam status, with its qualifier
    assert exam["status"] == "contradicted" and "GRE test scores are not required" in exam["evidence"]


def test_online_contradicts_hybrid_only_where_our_pages_rule_out_campus_time():
    """Our `online` says a program can be finished online; a claimed `hybrid` (some campus time)
    is contradicted only by evidence that no campus time is needed."""
    assert compare("delivery", "hybrid", "online", "Denver launched an online MLIS program in 2019.")[0] == "not_stated"
    assert compare("delivery", "hybrid", "online", "The program is 100% asynchronous online.")[0] == "contradicted"
    assert compare("delivery", "hybrid", "online", "Online students cannot take face to face courses.")[0] == "contradicted"
    assert compare("delivery", "campus", "online", "an online MLIS program")[0] == "contradicted"
    assert compare("delivery", "online", "online", None)[0] == "verified"


def test_without_evidence_nothing_is_contradicted(tmp_path):
    """A published value whose page evidence is gone (a file edited by hand, an older schema)
    judges nothing: the claim our pages contradict becomes not_stated."""
    import shutil
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(demo_data() / "programs.db", data / "programs.db")
    conn = sqlite3.connect(data / "programs.db")
    with conn:
        conn.execute("DELETE FROM provenance WHERE program_id = 'wisc/ma-lis-online' AND field = 'entrance_exam'")
    conn.close()
    claims = tmp_path / "claims.csv"
    claims.write_text("institution_id,program_id,field,claim\n"
                      "wisc,wisc/ma-lis-online,entrance_exam,typically requires an entrance exam such as the GRE\n")
    result = cli("audit", str(claims), "--format", "json", "--data", str(data))
    (verdict,) = json.loads(result.stdout)
    assert verdict["status"] == "not_stated" and "no page evidence" in verdict["note"]


def test_what_a_qualifier_is():
    assert split_qualifier("GRE not required for applicants with a strong academic background") == (
        "GRE not required", "for applicants with a strong academic background")
    assert split_qualifier("online with in-person field experiences") == ("online", "with in-person field experiences")
    assert split_qualifier("3.0 GPA (2.75 with stipulations)") == ("3.0 GPA (2.75 with stipulations)", None)
    assert split_qualifier("fully online") == ("fully online", None)
    assert states_qualifier("with an on-campus immersion", "a required zero-credit on-campus Immersion (LIS 4001)")
    assert not states_qualifier("with in-person field experiences", "Course delivery: Online")
