"""programs.db schema version 2 on the demo's file: no JSON in text columns, money as integer
cents, applies_to as columns, program_costs with its basis, pending changes visible, typed
changes, tables in primary-key order with foreign keys."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.publish.build import cents, program_costs
from crawler.publish.vocab import split_applies_to
from tests.support.demo_file import demo_data


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{demo_data() / 'programs.db'}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def tables(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def test_meta_says_version_2(db):
    assert dict(db.execute("SELECT key, value FROM meta").fetchall())["schema_version"] == "2"


def test_no_text_column_holds_json(db):
    checked = 0
    for table in tables(db):
        for row in db.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                if isinstance(value, str) and value[:1] in "[{":
                    try:
                        json.loads(value)
                    except ValueError:
                        continue
                    pytest.fail(f"{table} holds JSON: {value[:80]}")
                checked += 1
    assert checked > 5000


def test_money_is_integer_cents_everywhere(db):
    money = [(t, c[1]) for t in tables(db) for c in db.execute(f'PRAGMA table_info("{t}")') if "usd" in c[1] or c[1].endswith("_cents")]
    assert ("tuition_rates", "amount_cents") in money and ("programs", "application_fee_cents") in money
    assert not [m for m in money if "usd" in m[1]]
    for table, column in money:
        types = {r[0] for r in db.execute(f'SELECT DISTINCT typeof("{column}") FROM "{table}"')}
        assert types <= {"integer", "null"}, (table, column, types)
    assert db.execute("SELECT amount_cents FROM tuition_rates WHERE program_id = 'usm/mlis' AND per = 'credit'").fetchone()[0] == 55612
    fee = db.execute("SELECT old_number, new_number, unit FROM changes WHERE program_id = 'buffalo/ms-ils' AND field = 'fees'").fetchone()
    assert tuple(fee) == (None, None, None)  # a list field: its amounts are items
    items = db.execute("""SELECT side, amount_cents FROM change_items JOIN changes USING (change_id)
                          WHERE program_id = 'buffalo/ms-ils' AND field = 'fees' ORDER BY side""").fetchall()
    assert [tuple(i) for i in items] == [("new", 7616), ("old", 6190)]


def test_lists_are_rows_of_their_own_tables(db):
    assert [r[0] for r in db.execute("SELECT term FROM program_start_terms WHERE program_id = 'wisc/ma-lis-online'")] == ["fall"]
    assert [r[0] for r in db.execute("SELECT exam FROM program_entrance_exams WHERE program_id = 'usm/mlis'")] == ["GRE"]
    assert [r[0] for r in db.execute("SELECT exam FROM program_entrance_exams WHERE program_id = 'twu/mls'")] == ["GRE"]
    columns = {c[1] for c in db.execute("PRAGMA table_info(programs)")}
    assert not columns & {"start_terms", "entrance_exams", "application_fee_usd"}


def test_online_out_of_state_is_a_where_clause(db):
    rows = db.execute("""SELECT program_id, kind, amount_cents FROM tuition_rates
                         WHERE modality = 'online' AND residency IN ('any', 'out_of_state') AND kind = 'tuition'
                         ORDER BY program_id""").fetchall()
    found = {(r["program_id"].split("/")[0], r["amount_cents"]) for r in rows}
    assert found == {("arizona", 90000), ("buffalo", 56500), ("wisc", 85000)}
    campus = db.execute("SELECT DISTINCT residency FROM tuition_rates WHERE modality = 'campus' AND kind = 'tuition'").fetchall()
    assert {r[0] for r in campus} == {"in_state", "out_of_state", "international"}  # Arizona's main-campus rates
    lsu = db.execute("""SELECT applies_to_label, applicant, applies_to_other FROM deadlines
                        WHERE program_id = 'lsu/mlis' AND applies_to_other IS NOT NULL ORDER BY seq""").fetchall()
    assert [tuple(r) for r in lsu][:1] == [("graduate school, domestic", "domestic", "graduate school")]


def test_applies_to_vocabulary():
    assert split_applies_to("online campus, 7+ credits") | {} == {
        "modality": "online", "campus": "online", "applicant": None, "attendance": None, "credits_min": 7.0,
        "credits_max": None, "credit_system": None, "course_credits": None, "applies_to_other": None,
        "applies_to_label": "online campus, 7+ credits"}
    part = split_applies_to("part-time, 1-8 credits")
    assert (part["attendance"], part["credits_min"], part["credits_max"]) == ("part_time", 1.0, 8.0)
    assert split_applies_to("quarter credits")["credit_system"] == "quarter"
    assert split_applies_to("3-credit courses")["course_credits"] == 3.0
    other = split_applies_to("global campus, school librarianship certificate applicants")
    assert (other["modality"], other["campus"], other["applies_to_other"]) == (None, "global", "school librarianship certificate applicants")
    assert split_applies_to(None)["applies_to_label"] is None


def test_cents_are_exact_or_refused():
    assert cents("556.12") == 55612 and cents("0.10") == 10 and cents("19980") == 1998000
    with pytest.raises(ValueError):
        cents("1.005")


def test_program_costs_estimate_only_where_every_term_is_stated(db):
    costs = {(r["program_id"], r["seq"]): dict(r) for r in db.execute("SELECT * FROM program_costs")}
    buffalo = costs["buffalo/ms-ils", 1]
    assert buffalo["basis"] == "credits x rate + fees"
    assert buffalo["tuition_total_cents"] == 36 * 56500
    assert buffalo["estimated_total_cents"] == 36 * (56500 + 7616)
    arizona = costs["arizona/ma-lis", 1]  # $900/credit online; a $228 fee per term: the number of terms is not stated
    assert (arizona["tuition_total_cents"], arizona["fees_per_term_cents"], arizona["estimated_total_cents"]) == (37 * 90000, 22800, None)
    assert arizona["basis"] == "credits x rate; fees per term not totalled"
    wisc = costs["wisc/ma-lis-online", 1]
    assert (wisc["estimated_total_cents"], wisc["basis"]) == (None, "credits x rate; fees not stated")
    assert ("denver/mlis", 1) not in costs  # Denver states no rate of its own
    # A per-credit rate of a program whose total credits are not stated (none in the demo now):
    rate = tuple(db.execute("SELECT * FROM tuition_rates WHERE program_id = 'wisc/ma-lis-online' AND seq = 1").fetchone())
    (no_credits,) = program_costs("wisc/ma-lis-online", None, [rate])
    assert (no_credits[-3], no_credits[-2], no_credits[-1]) == (None, None, "no estimate: total credits not stated")
    usm_term = costs["usm/mlis", 1]
    assert (usm_term["per"], usm_term["tuition_total_cents"]) == ("term", None)
    assert usm_term["basis"] == "no estimate: tuition per term, number of terms not stated"
    # every tuition rate has its row, and nothing else does
    assert set(costs) == {(r[0], r[1]) for r in db.execute("SELECT program_id, seq FROM tuition_rates WHERE kind = 'tuition'")}


def test_pending_change_is_visible_with_its_first_date(db):
    pending = [dict(r) for r in db.execute("SELECT * FROM pending_changes")]
    assert len(pending) == 1
    (fee,) = pending
    assert (fee["program_id"], fee["field"], fee["kind"], fee["proposed_number"], fee["unit"], fee["since"]) == (
        "wisc/ma-lis-online", "application_fee", "changed", 7500, "cents", "2026-11-01")
    assert "$75" in fee["evidence"] and fee["reason"].startswith("money moved by")
    wisc = db.execute("SELECT application_fee_cents, under_review FROM programs WHERE program_id = 'wisc/ma-lis-online'").fetchone()
    assert tuple(wisc) == (5600, 1)  # the accepted value is still published
    assert db.execute("SELECT sum(under_review) FROM programs").fetchone()[0] == 1


def test_changes_are_typed_with_cause(db):
    rows = {(r["program_id"], r["field"]): dict(r) for r in db.execute("SELECT * FROM changes WHERE initial_load = 0")}
    delivery = rows["twu/mls-school-librarianship", "delivery"]  # the path now has an in-person practicum
    assert (delivery["old_text"], delivery["new_text"], delivery["unit"], delivery["cause"], delivery["accepted_by"]) == (
        "online", "hybrid", None, "site", "policy")
    renamed = rows["twu/mls-school-librarianship", "name"]
    assert (renamed["old_text"], renamed["new_text"]) == ("MLS with School Librarian Certification",
                                                          "MLS with Certificate in School Librarianship")
    exam = rows["arizona/ma-lis", "entrance_exam"]
    assert (exam["kind"], exam["old_text"], exam["new_text"], exam["new_detail"]) == ("added", None, "not_required", None)
    # No boolean changes between the recorded captures (Denver's "live sessions" were invented): a
    # boolean is published as an integer.
    assert tuple(db.execute("SELECT synchronous, typeof(synchronous) FROM programs WHERE program_id = 'lsu/mlis'").fetchone()) == (0, "integer")
    name = rows["wisc/ma-lis-online", "name"]
    assert name["new_text"].endswith("Online Program, MA")
    added = db.execute("SELECT count(*), count(old_text), count(new_text), count(new_number) FROM changes WHERE kind = 'program_added'").fetchone()
    assert tuple(added) == (42, 0, 0, 0)  # every program of the three nights, Tennessee's one included
    assert {r[0] for r in db.execute("SELECT DISTINCT cause FROM changes")} == {"site"}


def test_tables_are_in_primary_key_order_with_foreign_keys(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in tables(db):
        info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        key = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        assert key, f"{table} has no primary key"
        stored = [tuple(r) for r in db.execute(f'SELECT {", ".join(key)} FROM "{table}" NOT INDEXED')]  # storage order
        assert stored == sorted(stored), f"{table} is not in primary-key order"
    references = {t: {r[2] for r in db.execute(f'PRAGMA foreign_key_list("{t}")')} for t in tables(db)}
    for table in ("programs", "program_start_terms", "program_entrance_exams", "tuition_rates", "deadlines",
                  "program_costs", "provenance", "changes", "pending_changes"):
        assert references[table], f"{table} has no foreign key"


def test_each_field_has_one_published_shape():
    from crawler.publish.build import typed

    assert typed("application_fee", "75.00") | {"items": []} == {"text": None, "number": 7500, "number_max": None, "detail": None, "items": []}
    assert typed("min_gpa", "2.75")["number"] == 2.75 and typed("total_credits", "58.5")["number"] == 58.5
    assert typed("total_credits", "36")["number"] == 36 and isinstance(typed("total_credits", "36")["number"], int)
    assert typed("ala_accredited", False)["number"] == 0
    assert typed("duration", {"months_min": 24, "months_max": 48})["number_max"] == 48
    exam = typed("entrance_exam", {"status": "conditional", "exams": ["GRE", "MAT"], "condition": "waived with GPA >= 3.0"})
    assert (exam["text"], exam["detail"], exam["items"]) == ("conditional", "waived with GPA >= 3.0", [{"exam": "GRE"}, {"exam": "MAT"}])
    rate = typed("tuition", [{"kind": "tuition", "amount_usd": "556.12", "per": "credit", "residency": "any", "applies_to": None}])
    assert rate["items"][0]["amount_cents"] == 55612 and rate["text"] is None
    with pytest.raises(ValueError, match="no published shape"):
        typed("some_new_field", {"a": 1})


def test_program_costs_rules():
    from crawler.publish.build import program_costs
    from crawler.publish.vocab import COLUMNS

    def rate(seq, kind, cents_, per, residency="any", label=None):
        vocab = split_applies_to(label)
        return ("p/x", seq, kind, cents_, per, residency, *(vocab[c] for c in COLUMNS), "2026-11-02")

    rates = [rate(1, "tuition", 50000, "credit", "in_state", "online"), rate(2, "tuition", 1200000, "program"),
             rate(3, "fee", 1000, "credit", "in_state"), rate(4, "fee", 2500, "credit", "out_of_state"),
             rate(5, "fee", 15000, "program", "any", "online"), rate(6, "fee", 9900, "credit", "any", "on campus")]
    rows = {r[1]: r for r in program_costs("p/x", 30.5, rates)}
    assert set(rows) == {1, 2}
    # 30.5 x $500 + 30.5 x $10 (in-state per-credit fee; not the out-of-state or the campus one) + $150
    assert rows[1][-2:] == (30.5 * 50000 + 30.5 * 1000 + 15000, "credits x rate + fees")
    assert rows[1][9:13] == (1000, None, None, 15000)
    # a program rate for any residency and modality: the in-state, online and campus fees are for some students only
    assert rows[2][9:13] == (None, None, None, None)
    assert rows[2][-3:] == (1200000, None, "rate per program; some fees are for some of these students only")
    alone = {r[1]: r for r in program_costs("p/x", 30.5, [rates[1], rate(7, "fee", 4000, "term")])}
    assert alone[2][-3:] == (1200000, None, "rate per program; fees per term not totalled")
    assert program_costs("p/x", None, rates)[0][-3:] == (None, None, "no estimate: total credits not stated")
    no_credits = {r[1]: r for r in program_costs("p/x", None, rates)}
    assert no_credits[1][-3:] == (None, None, "no estimate: total credits not stated")
    per_credit_fee = {r[1]: r for r in program_costs("p/x", None, [rates[1], rate(8, "fee", 700, "credit")])}
    assert per_credit_fee[2][-3:] == (1200000, None, "rate per program; fees per credit, total credits not stated")
