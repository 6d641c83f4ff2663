"""IPEDS as a second source: the reader on the real IC2022_AY rows (fixtures/ipeds/), on the
2024-25 COST1 layout and on broken files; check_rate on every real per-credit rate of the expected
records, on per-term figures planted as per credit, and without a file."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from crawler import ipeds, roster
from crawler.errors import ConfigError
from crawler.normalize import parse_tuition
from tests.conftest import ROOT
from tests.support.expected import expected, files

REAL = ROOT / "fixtures" / "ipeds" / "ic2022_ay.csv"
UNITID = {s.id: s.ipeds_unitid for s in roster.load()}


@pytest.fixture(scope="module")
def real():
    return ipeds.load(REAL)


def real_rows() -> dict[str, dict[str, str]]:
    """The fixture read by the csv module alone: what the reader must agree with."""
    with REAL.open(newline="", encoding="utf-8") as handle:
        return {row["UNITID"]: {k.strip(): v for k, v in row.items()} for row in csv.DictReader(handle)}


def expected_rates(per: str | None = None):
    """(university, capture, program, rate) for every tuition rate of tests/expected/ (each once)."""
    seen = set()
    for university, dates in files().items():
        for date in dates:
            for program_id, fields in expected(university, date).programs.items():
                for rate in fields.get("tuition") or []:
                    key = (university, rate["amount_usd"], rate["per"], rate["residency"])
                    if rate["kind"] == "tuition" and (per is None or rate["per"] == per) and key not in seen:
                        seen.add(key)
                        yield university, date, program_id, rate


# --- the reader -------------------------------------------------------------------------------------

def test_the_real_file_loads_every_row_as_the_csv_module_reads_it(real):
    rows = real_rows()
    assert set(real.rows) == set(rows)
    assert real.year == "2022-23" and real.label == "IPEDS 2022-23"
    for unitid, row in rows.items():
        charges = real.get(unitid)
        for column in ("HRCHG6", "HRCHG7"):
            value = row[column].strip()
            assert charges.charge(column) == (None if value in ipeds.SENTINELS else Decimal(value)), (unitid, column)
        assert charges.in_state_fee is None and charges.out_of_state_fee is None  # no HRCHF before 2024-25


def test_the_real_file_holds_a_charge_for_every_covered_school(real):
    for school in ("twu", "arizona", "buffalo", "usm", "denver", "lsu", "wisc"):
        charges = real.get(UNITID[school])
        assert charges and charges.in_state and charges.out_of_state, school


def test_a_dot_is_a_missing_value(real):
    """SJSU's in-state graduate charge is "." (flag A, not applicable) in IC2022_AY."""
    assert real_rows()["122755"]["HRCHG6"] == "."
    assert real.get("122755").in_state is None and real.get("122755").out_of_state is not None


def test_a_bom_and_crlf_are_tolerated(tmp_path, real):
    copy = tmp_path / "IC2022_AY.csv"
    copy.write_bytes(b"\xef\xbb\xbf" + REAL.read_bytes().replace(b"\n", b"\r\n"))
    again = ipeds.load(copy)
    assert again.rows == real.rows and again.year == "2022-23"


def test_the_2024_25_cost_file_layout_reads_per_credit_fees(tmp_path):
    """COST1_2024 columns (names and order as NCES releases them); the amounts are test values."""
    cost = tmp_path / "COST1_2024.csv"
    cost.write_text("UNITID,XAPPFEEG,APPLFEEG,XTUIT6,TUITION6,XFEE6,FEE6,XHRCHG6,HRCHG6,XHRCHF6,HRCHF6,"
                    "XTUIT7,TUITION7,XFEE7,FEE7,XHRCHG7,HRCHG7,XHRCHF7,HRCHF7\n"
                    "176372,R,60,R,9900,R,0,R,550,R,12,R,12000,R,0,R,660,R,-2\n"
                    "104179,R,85,A,-2,A,-2,A,-2,A,-2,A,-2,A,-2,A,-2,A,-2\n", encoding="utf-8")
    loaded = ipeds.load(cost)
    assert loaded.year == "2024-25"
    usm = loaded.get("176372")
    assert (usm.in_state, usm.in_state_fee, usm.out_of_state, usm.out_of_state_fee) == (550, 12, 660, None)
    assert loaded.get("104179") == ipeds.Charges(unitid="104179")
    rate = parse_tuition("$4,999.00 per credit hour")[0].model_copy(update={"residency": "in_state"})
    assert "(IPEDS 2024-25 HRCHG6)" in ipeds.check_rate(rate, "176372", loaded)
    assert ipeds.check_rate(rate, "104179", loaded) is None  # every value a sentinel: nothing said


@pytest.mark.parametrize("name, year", [("IC2022_AY.csv", "2022-23"), ("ic2023_ay.csv", "2023-24"),
                                        ("COST1_2024.csv", "2024-25"), ("cost1_2024_rv.csv", "2024-25"),
                                        ("HD2020.csv", None), ("charges.csv", None)])
def test_the_year_comes_from_the_file_name(name, year):
    assert ipeds.year_of(name) == year


def test_the_operator_can_name_the_year(tmp_path):
    copy = tmp_path / "download.csv"
    copy.write_bytes(REAL.read_bytes())
    assert ipeds.load(copy).label == "IPEDS"
    assert ipeds.load(copy, year="2022-23").label == "IPEDS 2022-23"


def broken(lines: list[str], edit) -> str:
    return "\n".join(edit(list(lines))) + "\n"


def _set(lines, line, column, value):
    header = [c.strip() for c in lines[0].split(",")]
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    return lines


@pytest.mark.parametrize("edit, message", [
    (lambda ls: _set(ls, 4, "HRCHG6", "abc"), r"line 4: HRCHG6: Value error, 'abc' is not an amount"),
    (lambda ls: _set(ls, 3, "HRCHG7", "-5"), r"line 3: HRCHG7: Value error, -5 is not a per-credit charge"),
    (lambda ls: _set(ls, 2, "HRCHG6", "1e9"), r"line 2: HRCHG6: Value error, 1e9 is not a per-credit charge"),
    (lambda ls: _set(ls, 2, "HRCHG6", "NaN"), r"line 2: HRCHG6: Value error, NaN is not a per-credit charge"),
    (lambda ls: _set(ls, 5, "UNITID", "12345"), r"line 5: UNITID: String should match pattern"),
    (lambda ls: ls[:3] + [ls[3].rsplit(",", 3)[0]] + ls[4:], r"line 4: 232 columns, the header has 235"),
    (lambda ls: ls + [ls[2]], r"line 19: UNITID \d{6} appears twice"),
    (lambda ls: [ls[0].replace("HRCHG7", "HRCHG9")] + ls[1:], r"no HRCHG7 column: not an IPEDS IC_AY or COST1"),
    (lambda ls: [ls[0].replace("XHRCHG6", "HRCHG6")] + ls[1:], r"the column HRCHG6 appears twice"),
])
def test_a_broken_file_is_an_error_naming_the_line(tmp_path, edit, message):
    bad = tmp_path / "IC2022_AY.csv"
    bad.write_text(broken(REAL.read_text(encoding="utf-8").splitlines(), edit), encoding="utf-8")
    with pytest.raises(ConfigError, match="^IC2022_AY.csv(: | )" + message):
        ipeds.load(bad)


def test_an_empty_file_is_an_error(tmp_path):
    (tmp_path / "IC2022_AY.csv").write_text("")
    with pytest.raises(ConfigError, match="^IC2022_AY.csv: the file is empty"):
        ipeds.load(tmp_path / "IC2022_AY.csv")


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path):
    with pytest.raises(ConfigError, match=r"larger than 1,000 bytes: not one IPEDS file"):
        ipeds.load(REAL, max_bytes=1_000)


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(ipeds, "MAX_ROWS", 5)
    with pytest.raises(ConfigError, match=r"line 7: more than 5 rows"):
        ipeds.load(REAL)


def test_a_missing_file_is_an_error():
    with pytest.raises(ConfigError, match="IPEDS file .*nowhere.csv"):
        ipeds.load(Path("/nonexistent/nowhere.csv"))


# --- check_rate -------------------------------------------------------------------------------------

def test_every_real_per_credit_rate_passes(real):
    checked = 0
    for university, date, program_id, rate in expected_rates(per="credit"):
        assert real.get(UNITID[university]) is not None, university  # the check really ran
        assert ipeds.check_rate(rate, UNITID[university], real) is None, (university, date, program_id, rate)
        checked += 1
    assert checked, "no per-credit tuition in tests/expected: the check ran on nothing"


def test_a_per_term_figure_read_as_per_credit_is_held(real):
    planted = 0
    for university, date, program_id, rate in expected_rates(per="term"):
        if rate["residency"] == "international":
            continue
        reason = ipeds.check_rate({**rate, "per": "credit"}, UNITID[university], real)
        assert reason and "a per-term or per-year figure read as per credit" in reason, (university, rate)
        planted += 1
    assert planted >= 2


def test_the_southern_miss_trap_reads_as_the_issue_says(real):
    """$4,999 per semester on usm.edu, read as per credit; USM's IPEDS 2022-23 charges are $513 / $625."""
    rate = parse_tuition("$4,999.00 per credit hour")[0]
    assert ipeds.check_rate(rate.model_copy(update={"residency": "in_state"}), UNITID["usm"], real) == (
        "$4,999.00 per credit is 9.7x the school's official graduate charge of $513.00 per credit "
        "(IPEDS 2022-23 HRCHG6): online rates may differ, but a per-term or per-year figure read as per "
        "credit looks like this")
    # any residency: compared with the nearer of the two charges
    assert "is 8.0x the school's official graduate charge of $625.00 per credit (IPEDS 2022-23 HRCHG7)" in \
        ipeds.check_rate(rate, UNITID["usm"], real)


def test_a_rate_far_below_the_charge_is_held_too(real):
    rate = {"kind": "tuition", "amount_usd": "61.90", "per": "credit", "residency": "out_of_state"}
    assert ipeds.check_rate(rate, UNITID["buffalo"], real) == (
        "$61.90 per credit is 0.06x the school's official graduate charge of $963.00 per credit "
        "(IPEDS 2022-23 HRCHG7): online rates may differ, but a fee, a discount or another school's rate "
        "read as tuition looks like this")


def test_the_wrong_school_is_caught(real):
    """Arizona's $900 online rate matched to Texas Woman's University."""
    rate = {"kind": "tuition", "amount_usd": "900.00", "per": "credit", "residency": "in_state"}
    assert ipeds.check_rate(rate, UNITID["arizona"], real) is None
    assert "is 3.2x the school's official graduate charge of $284.00" in ipeds.check_rate(rate, UNITID["twu"], real)


def test_a_ratio_just_outside_the_band_does_not_print_as_inside(real):
    rate = {"kind": "tuition", "amount_usd": "1794", "per": "credit", "residency": "in_state"}
    assert "is 2.03x the school's" in ipeds.check_rate(rate, UNITID["arizona"], real)


def test_a_flat_online_rate_between_the_two_charges_passes(real):
    rate = {"kind": "tuition", "amount_usd": "1300.00", "per": "credit", "residency": "any"}
    assert ipeds.check_rate(rate, UNITID["arizona"], real) is None


def test_the_band_is_the_callers(real):
    rate = {"kind": "tuition", "amount_usd": "556.12", "per": "credit", "residency": "any"}
    assert ipeds.check_rate(rate, UNITID["usm"], real) is None
    assert "1.08x" in ipeds.check_rate(rate, UNITID["usm"], real, low=0.9, high=1.05)
    with pytest.raises(ValueError, match="0 < low < 1 < high"):
        ipeds.check_rate(rate, UNITID["usm"], real, low=1.2, high=2.0)


@pytest.mark.parametrize("change", [
    {"per": "term"}, {"per": "year"}, {"kind": "fee"}, {"residency": "international"}, {"amount_usd": "0"},
])
def test_only_per_credit_tuition_for_a_residency_ipeds_knows_is_compared(real, change):
    rate = {"kind": "tuition", "amount_usd": "4999.00", "per": "credit", "residency": "any", **change}
    assert ipeds.check_rate(rate, UNITID["usm"], real) is None


def test_nothing_held_and_nothing_said_without_a_value(real):
    rate = {"kind": "tuition", "amount_usd": "4999.00", "per": "credit", "residency": "in_state"}
    assert ipeds.check_rate(rate, UNITID["usm"], None) is None          # no file configured
    assert ipeds.check_rate(rate, None, real) is None                   # no unit id (Canada)
    assert ipeds.check_rate(rate, "999999", real) is None               # not in the file
    assert ipeds.check_rate(rate, UNITID["sjsu"], real) is None         # HRCHG6 is "."
    assert ipeds.check_rate({**rate, "residency": "out_of_state"}, UNITID["sjsu"], real)  # HRCHG7 is not


def test_without_a_file_every_planted_figure_passes():
    for university, _, _, rate in expected_rates(per="term"):
        assert ipeds.check_rate({**rate, "per": "credit"}, UNITID[university], None) is None
