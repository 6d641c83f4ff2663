"""Positive binding for the money readers (issue 19, third pass: parse_money, parse_tuition).

Each rule is made to fire and made not to fire; where a rule has a switch (a module constant that
benchmarks/reading_rules.py turns off to count what it decides), the test also turns it off and
shows the wrong reading it prevents, so the test can fail if the rule stops working.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crawler.normalize import binding, money, parse_money, parse_tuition, tuition

D = Decimal


def rates(text: str) -> list[tuple[str, Decimal, str, str]]:
    return [(r.kind, r.amount_usd, r.per, r.residency) for r in parse_tuition(text)]


# ---- parse_money: the charge name nearest an amount binds it ------------------------------------

@pytest.mark.parametrize("text, expected", [
    # the fee's own name before the amount, or right after it
    ("Application Fee $50", D("50.00")),
    ("Pay the $60 application fee by credit card.", D("60.00")),
    ("A prospective student sends transcripts and a $50.00 non-refundable fee for application processing.", D("50.00")),
    # a name after an amount that labels the next amount is not this one's
    ("Pre-Enrollment Fees Application Fee $50 Tuition Deposit $300", D("50.00")),
    # amounts joined by 'or' share the name after the last of them
    ("A new application and a $60 (Domestic) or $70 (International) non-refundable processing fee are required.", D("60.00")),
    # a fee named with the application, and a fee list's label
    ("A non-refundable fee must be sent with the application ($50 for US citizens).", D("50.00")),
    ("Application (all degrees): $100", D("100.00")),
    # another charge's name binds the amount to that charge
    ("Change of Status/Readmission Fee All applicants $75.00", None),
    ("Domestic students send a $150 tuition deposit with the confirmation form by May 1.", None),
    ("For Graduate Degree Programs, a non-refundable readmission fee of $150.00.", None),
    # a text that names no charge is a bare value: read as before
    ("$1,372", D("1372.00")),
    ("fee USD 50", D("50.00")),
])
def test_application_fee_is_bound_by_its_name(text: str, expected: Decimal | None) -> None:
    assert parse_money(text) == expected


def test_positive_binding_switched_off_reads_the_other_charge(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Domestic students send a $150 tuition deposit with the confirmation form by May 1."
    assert parse_money(text) is None
    monkeypatch.setattr(money, "POSITIVE_BINDING", False)
    monkeypatch.setattr(binding, "SHAPE_GATE", False)  # the fourth pass's gate would refuse the bare amount too
    assert parse_money(text) == D("150.00")


@pytest.mark.parametrize("text, expected", [
    ("New Application Fee International $95.00 U.S. Citizen/Permanent Residents $75.00", D("75.00")),
    ("Pay the $60 application fee ($100 for international applicants).", D("60.00")),
    # only an international fee stated: it is the one there is
    ("Application fee for international applicants: $95", D("95.00")),
])
def test_domestic_fee_before_international(text: str, expected: Decimal) -> None:
    assert parse_money(text) == expected


def test_domestic_first_switched_off_reads_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "New Application Fee International $95.00 U.S. Citizen/Permanent Residents $75.00"
    monkeypatch.setattr(money, "DOMESTIC_FIRST", False)
    assert parse_money(text) == D("95.00")


@pytest.mark.parametrize("text, expected", [
    ("Requirements for Graduate Certificate Students • Application form with the $75 application fee.", None),
    ("All graduate certificate applicants send: 1. the form 2. A non-refundable $30 application fee", None),
    ("Requirements for Master's Students • Application form with the $75 application fee.", D("75.00")),
])
def test_other_applicants_fee_is_not_ours(text: str, expected: Decimal | None) -> None:
    assert parse_money(text) == expected


# ---- parse_tuition: a price word binds an amount; rows, budgets and kinds -----------------------

def test_an_amount_named_as_an_amount_is_no_price(monkeypatch: pytest.MonkeyPatch) -> None:
    award = "Maximum Annual Amount Per Semester Amounts Full-time: $500 Half-time: $250"
    assert rates(award) == []
    assert rates("Tuition Per Semester Full-time: $500") == [("tuition", D("500.00"), "term", "any")]
    # a bare rate the spider located, in a rate's form, is read as before
    assert rates("Resident $552.25 Non-resident $1,182 per credit hour") == [
        ("tuition", D("552.25"), "credit", "in_state"), ("tuition", D("1182.00"), "credit", "out_of_state")]
    monkeypatch.setattr(tuition, "PRICE_BINDING", False)
    assert rates(award) != []


@pytest.mark.parametrize("text, expected", [
    ("Special Course Tuition • TGS 512 Continuous Registration $100/quarter", []),
    ("Program or Course Differential Tuition per Credit Purpose Biology $25 Supplies", []),
    ("Masters Full-time Tuition • billed each quarter $15,612/quarter", [("tuition", D("15612.00"), "term", "any")]),
    # a year range is not a course number
    ("Tuition 2024-2025 per credit $700", [("tuition", D("700.00"), "credit", "any")]),
])
def test_rows_of_a_course_or_another_group(text: str, expected: list) -> None:
    assert rates(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tuition based on a proposed $2,421 per credit", []),
    ("Tuition is $2,421 per credit", [("tuition", D("2421.00"), "credit", "any")]),
    ("Program Length 1 semester Tuition $14,430 per semester Living expenses $6,299", []),
    ("Tuition $14,430 per semester", [("tuition", D("14430.00"), "term", "any")]),
    ("NOTE: A $50.00 fee is charged each term to every non-matriculated student.", []),
    ("NOTE: A $50.00 fee is charged each term to every student.", [("fee", D("50.00"), "term", "any")]),
])
def test_not_set_budgets_and_students_outside_the_degree(text: str, expected: list) -> None:
    assert rates(text) == expected


def test_a_fee_named_by_tuition_is_tuition(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "For the Fall and Spring semesters, the base tuition registration fee is $383.25 per credit."
    assert rates(text) == [("tuition", D("383.25"), "credit", "any")]
    assert rates("The registration fee is $40 per semester.") == [("fee", D("40.00"), "term", "any")]
    assert rates("Tuition and fees: $5,120 per semester") == []  # a combined figure, as before
    monkeypatch.setattr(tuition, "TUITION_NAMED_FEE", False)
    assert rates(text) == [("fee", D("383.25"), "credit", "any")]


def test_a_row_label_naming_a_one_time_charge(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "• Information Technology fee, per semester - $15 per credit hour • Late registration for continuing students - $40"
    assert rates(text) == [("fee", D("15.00"), "credit", "any")]
    monkeypatch.setattr(tuition, "ONE_TIME_ROW", False)
    assert ("fee", D("40.00"), "term", "any") in rates(text)


def test_a_cost_word_that_names_a_fee() -> None:
    assert rates("**Transportation & Safety Fee of $90.00 is charged per semester") == [("fee", D("90.00"), "term", "any")]
    assert rates("Additional costs - Transportation: $1,548 - Personal expenses: $2,000") == []


# ---- the shape gate (issue 19, fourth pass): a value only in a kept shape ---------------------
# Each veto fires on one phrasing (the gate on gives nothing; switched off, the wrong reading it
# prevents comes back) and stays quiet on a near twin in a kept shape. Phrasings are our own.

def gate_off(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(binding, "SHAPE_GATE", False)


@pytest.mark.parametrize("fires, wrong_without, twin, twin_reads", [
    # cells-unbound / columns-not-one-to-one: a header of unit words that is not one to one with the cells
    ("Mandatory Charges Semester Annual Student Government Fee $ 30.00 $ 60.00",
     ("fee", D("30.00"), "year", "any"),
     "Student Government Fee $30.00 per semester",
     [("fee", D("30.00"), "term", "any")]),
    ("Kind Per Credit Hour Per Term Annual Graduate Tuition $870",
     ("tuition", D("870.00"), "year", "any"),
     "Graduate Tuition $870 per credit hour",
     [("tuition", D("870.00"), "credit", "any")]),
    # figure-between: a label binds the figures printed without '$' after it; the row of sums binds nothing
    ("Residency In State Out of State Tuition (per credit) $500.00 $900.00 Facility Fee (per credit) 25.50 25.50 $525.50 $925.50",
     ("tuition", D("525.50"), "credit", "in_state"),
     "Tuition (per credit): In State $500.00 Out of State $900.00",
     [("tuition", D("500.00"), "credit", "in_state"), ("tuition", D("900.00"), "credit", "out_of_state")]),
    # term-word-not-predicate: a term word before the amount is not its unit
    ("Other Charges End of semester returned check charge $35.00 Photo ID replacement $15.00",
     ("fee", D("35.00"), "term", "any"),
     "Other Charges Returned check charge $35.00 is billed each semester",
     [("fee", D("35.00"), "term", "any")]),
    # unit-of-other-level: a unit of another level's courses
    ("The lab fee is $6 per unit of undergraduate science course.",
     ("fee", D("6.00"), "credit", "any"),
     "The lab fee is $6 per unit.",
     [("fee", D("6.00"), "credit", "any")]),
    # fee-heading: unlabelled rows under a fee's heading are not the tuition
    ("Resource Fees per semester (charged in full after the tenth day of classes) Full-time (12 or more credits) "
     "$400 per semester Half-time (6-11 credits) $300 per semester Less than half-time (1-5 credits) $150 per semester",
     ("tuition", D("150.00"), "term", "any"),
     "Graduate Tuition per term Full-time students (9+ credits) $9,000 per term",
     [("tuition", D("9000.00"), "term", "any")]),
    # other-school: another college's charge; our own college's is read
    ("College of Fine Arts Studio Fee: All students enrolled in studio courses $45 per credit hour",
     ("fee", D("45.00"), "credit", "any"),
     "College of Communication and Information Program Fee: $45 per credit hour",
     [("fee", D("45.00"), "credit", "any")]),
])
def test_shape_gate_vetoes(monkeypatch: pytest.MonkeyPatch, fires: str, wrong_without: tuple, twin: str, twin_reads: list) -> None:
    assert rates(fires) == []
    assert rates(twin) == twin_reads
    gate_off(monkeypatch)
    assert wrong_without in rates(fires)


def test_a_table_row_binds_whole_or_not_at_all() -> None:
    # the sums row's first cell is refused (bare figures between it and its label): its second cell goes with it
    text = "Residency In State Out of State Tuition (per credit) $500.00 $900.00 Facility Fee (per credit) 25.50 25.50 $525.50 $925.50"
    assert all(r[1] not in (D("525.50"), D("925.50")) for r in rates(text))


def test_a_unit_with_a_charge_name_heads_the_next_amount() -> None:
    text = "Per credit hour tuition $615 Per course fee (Distance Office) $95"
    start = text.index("$615")
    assert binding.unit_heads_next(text, start + 4, text.index("$95"))
    assert binding.rate_veto(text, start, start + 4, unit_from="own", kind_from="before", next_start=text.index("$95")) == "unit-heads-next"
    # the parser leaves that unit to the next amount: each reads its own label's unit
    assert rates(text) == [("tuition", D("615.00"), "credit", "any"), ("fee", D("95.00"), "course", "any")]
    # a fee named after its own unit with more text after it is its own ("$50 per semester technology fee")
    assert not binding.unit_heads_next("$50 per semester technology fee, charged to all", 3, 48)


def test_a_unit_from_elsewhere_does_not_bind() -> None:
    assert binding.rate_veto("$100", 0, 4, unit_from=None, kind_from="before") == "unit-elsewhere"
    assert binding.rate_veto("Tuition $100 per credit", 8, 12, unit_from="own", kind_from="before") is None


@pytest.mark.parametrize("text, expected", [
    # a bare amount binds in a label's shape only: no number of another kind, a few words at most
    ("Scholars receive at least $15,000 for 2 years.", None),
    ("Extension option Minimum 3 credits $ 1,400.00", None),
    ("$75", D("75.00")),
    ("Tuition: $565.00 Fees: $76.16", D("565.00")),
])
def test_bare_application_fee_shape(monkeypatch: pytest.MonkeyPatch, text: str, expected: Decimal | None) -> None:
    assert parse_money(text) == expected
    if expected is None:
        gate_off(monkeypatch)
        assert parse_money(text) is not None


def test_a_charge_name_binds_only_within_a_short_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    far = ("Application fee waivers are described on the graduate school's page, with the forms and "
           "the offices that review them each term. Students joining the optional study tour pay $450.")
    assert parse_money(far) is None
    assert parse_money("Application fee waivers are described below. The fee is $450.") == D("450.00")
    monkeypatch.setattr(money, "BEFORE_REACH", 300)
    assert parse_money(far) == D("450.00")


# ---- shape gate, fifth pass (r5-money): a scope word in the few words before a rate ---------------

@pytest.mark.parametrize("text, scope", [
    # a session named by a preposition (batch G-TU, Saint Mary's and College of Idaho pages)
    ("Summer Session 2015 Tuition Tuition for summer session is $420 per credit hour.", "session"),
    ("Internships or other classes taken during the summer will be billed at $469 per credit.", "session"),
    # a reduced rate for a group
    ("Students who are 25 or older may enroll for classes at a reduced rate of $685 per credit.", "reduced"),
    # another credential's row
    ("School Psychological Examiner Certification: $420 per credit hour", "credential"),
    # a living cost
    ("Dependent Expenses (including insurance): For spouse: $11,500/year", "living"),
    # an applicant group outside the degree
    ("Non-Degree Costs: $1,200.00 per credit hour", "group"),
    # other programs named by their names ("For the English, Nursing and Public Affairs programs, ..."
    # is already moved by the scope words' "programs"; majors and departments are this class's own)
    ("For the Accounting majors: $950 per credit hour", "program"),
])
def test_a_scope_word_before_a_rate_moves_it(monkeypatch: pytest.MonkeyPatch, text: str, scope: str) -> None:
    start = text.index("$")
    assert binding.rate_scope_before(text, start) == scope
    assert rates(text) == []
    monkeypatch.setattr(binding, "RATE_SCOPE_SWITCH", False)  # the rule off: the wrong rate is read
    monkeypatch.setattr(binding, "HEADING_SCOPE", False)  # (a session in the heading is the sixth pass's rule)
    assert rates(text) != []


@pytest.mark.parametrize("text, expected", [
    # a summer row of a graduate price table is the program's summer rate (no preposition)
    ("Summer session (per credit hour) $875", [("tuition", D("875.00"), "credit", "any")]),
    # a credential named with this program's rate is included, not another scope
    ("Non-Resident Online Per Credit Hour Graduate (includes Certificates): Tuition: $565.00",
     [("tuition", D("565.00"), "credit", "out_of_state")]),
    # this program named in the 'for the ... program' scope
    ("For the Library and Information Science program, tuition is $950 per credit hour.",
     [("tuition", D("950.00"), "credit", "any")]),
    # the scope word is out of reach, before the amount before
    ("Non-degree students apply separately. Graduate tuition is $600 per credit hour.",
     [("tuition", D("600.00"), "credit", "any")]),
    ("Tuition is $950 per credit hour.", [("tuition", D("950.00"), "credit", "any")]),
])
def test_a_scope_word_that_does_not_move_the_rate(text: str, expected: list) -> None:
    assert rates(text) == expected


def test_a_scope_word_before_the_amount_before_does_not_reach_past_it() -> None:
    text = "Certificate Programs: $65 per credit hour Graduate Tuition: $600 per credit hour"
    second = text.index("$600")
    first_end = text.index("$65") + len("$65")
    assert binding.rate_scope_before(text, second, first_end) is None
    assert binding.rate_scope_before(text, text.index("$65")) == "credential"


# ---- sixth pass (issue 19, r6-money): rows, columns, headings and the application fee in a list ----

def test_a_kind_a_row_label_gave_stops_at_the_next_level_row(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Rates: Audit - $45.00 per semester hour Undergraduate - $205.00 per semester hour "
            "Masters - $225.00 per semester hour Doctoral - $245.00 per semester hour")
    assert rates(text) == [("tuition", D("225.00"), "credit", "any")]
    monkeypatch.setattr(tuition, "ROW_KIND_STOPS", False)  # the audit row's kind carried to every row
    assert rates(text) == []


def test_a_row_label_without_a_level_keeps_the_row_kind() -> None:
    # no level row label after the one-time row: its kind is carried, nothing is a rate
    assert rates("Late registration - $40 Reinstatement - $50") == []


def test_cells_after_a_row_label_take_that_rows_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Fee Description Resident of Kansas Nonresident of Kansas Student Fee per credit hour $40.55 $40.55 "
            "Facilities Use Fee per credit hour $6.00 $6.00 Registration Fee per semester $17.00 $17.00")
    got = rates(text)
    assert ("fee", D("17.00"), "term", "out_of_state") in got and ("fee", D("17.00"), "credit", "out_of_state") not in got
    monkeypatch.setattr(tuition, "ROW_UNIT", False)  # the first row's unit reaches the last row's second cell
    assert ("fee", D("17.00"), "credit", "out_of_state") in rates(text)


UMSL_LIKE = ("Tuition Undergraduate Tuition Graduate Tuition Optometry Tuition Missouri Residents $315.80 per credit "
             "hour (no maximum) $409.10 per credit hour (no maximum) $677.70 per credit hour")


def test_a_header_of_level_columns_keeps_the_graduate_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rates(UMSL_LIKE) == [("tuition", D("409.10"), "credit", "in_state")]
    monkeypatch.setattr(tuition, "COLUMN_LABELS", False)  # no column binds the row's cells: the rate is missed
    assert rates(UMSL_LIKE) == []


def test_a_row_of_level_cells_without_its_header_binds_nothing() -> None:
    assert rates("Nonresidents $814.30 per credit hour (no maximum) $1,008.50 per credit hour (no maximum)") == []


SCHEDULE = ("Missouri Residents (per credit hour) Tuition General Fees Total per Credit Hour "
            "Undergraduate Students $197.55 $33.70 $231.25 Graduate Students $258.30 $33.70 $292.00 "
            "Doctoral Students $360.30 $33.70 $394.00")


def test_a_header_of_kind_columns_names_each_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rates(SCHEDULE) == [("tuition", D("258.30"), "credit", "in_state"), ("fee", D("33.70"), "credit", "in_state")]
    monkeypatch.setattr(tuition, "COLUMN_LABELS", False)  # the doctoral row blanks the list; no column binds
    assert rates(SCHEDULE) == []


def test_kind_columns_bind_only_one_to_one() -> None:
    # two kind words over rows of three cells: no column is named, the cells are not read
    assert rates("Tuition Fees Graduate Students $258.30 $33.70 $292.00") == []


def test_a_row_whose_label_names_nothing_the_table_knows_binds_no_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Undergraduate | Graduate | | Tuition (per credit) | || In state | $610 | $887 | Out of state | $1,451 | "
            "$1,727 | Regional | $1,068 | $1,331 |")
    assert rates(text) == [("tuition", D("887.00"), "credit", "in_state"), ("tuition", D("1727.00"), "credit", "out_of_state")]
    assert tuition._row_label_binds(" | Out of state | ") and not tuition._row_label_binds(" | Regional | ")


@pytest.mark.parametrize("text, scope", [
    ("Summer Session Tuition 2022 Fee Rate Undergraduate $612/credit Graduate* $867/credit", "session"),
    ("Tuition for summer terms is billed at a part-time rate. Tuition per credit hour In-State $370.00", "session"),
    ("Statutory Tuition: rates are set by the Legislature. The rate for Texas residents is $50 per semester credit hour.",
     "component"),
])
def test_a_scope_in_the_heading_moves_every_rate(monkeypatch: pytest.MonkeyPatch, text: str, scope: str) -> None:
    assert binding.heading_scope_of(text, text.index("$")) == scope
    assert rates(text) == []
    monkeypatch.setattr(binding, "HEADING_SCOPE", False)
    assert rates(text) != []


def test_a_summer_row_after_the_heading_is_not_a_heading_scope() -> None:
    text = "Graduate Programs Part-time (1-8 hours, per credit hour) $925 Summer session (per credit hour) $875"
    assert binding.heading_scope_of(text, text.index("$")) is None
    assert ("tuition", D("875.00"), "credit", "any") in rates(text)


@pytest.mark.parametrize("text, kept, dropped, why", [
    ("Tuition is $500 per credit in the summer and $600 per credit in fall and spring.", "600.00", "500.00", "session-after"),
    ("Tuition for international students is $1,200 per credit hour; domestic students pay $800 per credit hour.",
     "1200.00", "800.00", "residency-unbound"),
])
def test_words_right_around_a_rate_move_it(monkeypatch: pytest.MonkeyPatch, text: str, kept: str, dropped: str, why: str) -> None:
    shown = "$" + f"{int(float(dropped)):,}"
    start = text.index(shown)
    before = text.rfind("$", 0, start)
    prev_end = text.index(" ", before) if before >= 0 else 0  # the amount before ends at the space after it
    assert binding.scope_after(text, start, start + len(shown), prev_end) == why
    amounts = [str(r[1]) for r in rates(text)]
    assert kept in amounts and dropped not in amounts
    monkeypatch.setattr(binding, "AFTER_SCOPES", False)
    assert dropped in [str(r[1]) for r in rates(text)]


def test_a_contract_residency_beside_domestic_binds() -> None:
    assert rates("Domestic (in-state) students: $800 per credit hour") == [("tuition", D("800.00"), "credit", "in_state")]


@pytest.mark.parametrize("text", ["Tuition 2024-25: $12,000 per year (MXN 200,000)", "Tuition is $9,000 per year (about 750,000 rupees)"])
def test_another_currency_named_anywhere_gives_no_dollar_rate(text: str) -> None:
    assert rates(text) == []


def test_a_list_of_named_fees_states_no_application_fee(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Matriculation Fee - $20.00 per course Administrative Fee - $35.00 per trimester"
    assert parse_money(text) is None
    monkeypatch.setattr(money, "NAMED_FEE", False)  # the first amount read as a bare fee
    assert parse_money(text) == D("20.00")


@pytest.mark.parametrize("text, expected", [
    ("Registration fee | $60 |", D("60.00")),  # one labelled cell: the value a spider located
    ("Nonrefundable Fee: $45 Required Fee $45", D("45.00")),  # words that name nothing of their own
])
def test_a_single_or_unnamed_fee_is_read_as_before(text: str, expected: Decimal) -> None:
    assert parse_money(text) == expected


def test_the_application_fee_in_a_fee_list_is_bound_by_its_own_name(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Application fee $50 ($75 for international students) Graduation fee $195 Late registration fee $195"
    assert parse_money(text) == D("50.00")
    monkeypatch.setattr(money, "LISTED_FEES", False)  # 'Graduation' blanks the whole list
    assert parse_money(text) is None


@pytest.mark.parametrize("text", [
    "Graduation Fee $150.00 Late Graduation Application Fee $75.00",
    "Diploma Application Fee $40",
])
def test_another_applications_fee_is_not_the_application_fee(text: str) -> None:
    assert parse_money(text) is None


BANDS = ("Semester Rates for New & Continuing Students Range I (12+ hours) Range II (6-11 hours) Range III (1-5 hours) "
         "Grad base rate Resident $5,900 $3,900 $1,900 Nonresident $12,700 $8,500 $4,200 "
         "Grad Library & Information Science rate Resident $7,000 $4,600 $2,300 Nonresident $12,000 $8,000 $4,000")


def test_credit_range_columns_and_the_programs_own_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    got = parse_tuition(BANDS)
    assert [(r.amount_usd, r.per, r.residency, r.applies_to) for r in got] == [
        (D("7000.00"), "term", "in_state", "12+ credits"), (D("4600.00"), "term", "in_state", "6-11 credits"),
        (D("2300.00"), "term", "in_state", "1-5 credits"), (D("12000.00"), "term", "out_of_state", "12+ credits"),
        (D("8000.00"), "term", "out_of_state", "6-11 credits"), (D("4000.00"), "term", "out_of_state", "1-5 credits"),
    ]
    monkeypatch.setattr(tuition, "GENERAL_ROWS", False)  # the general rate's rows read beside the program's own
    assert D("5900.00") in [r.amount_usd for r in parse_tuition(BANDS)]


def test_credit_range_columns_without_a_rate_unit_bind_nothing() -> None:
    assert rates(BANDS.replace("Semester Rates", "Rates")) == []


def test_a_general_rate_row_is_read_when_no_row_is_the_programs_own() -> None:
    text = "Graduate tuition rate Resident $600 per credit hour Nonresident $900 per credit hour"
    assert rates(text) == [("tuition", D("600.00"), "credit", "in_state"), ("tuition", D("900.00"), "credit", "out_of_state")]


SCHEDULE_NO_DOLLARS = ("Graduate Studies: Schedule of Charges Graduate Tuition and Fees Tuition per semester hour 320 "
                       "Registration Fee per Fall/Spring Semester 291 Technology Fee 84 Graduation Fee 90")


def test_a_schedule_of_charges_without_dollar_signs(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rates(SCHEDULE_NO_DOLLARS) == [("tuition", D("320.00"), "credit", "any")]
    monkeypatch.setattr(tuition, "BARE_SCHEDULE", False)  # whole numbers are never read as money
    assert rates(SCHEDULE_NO_DOLLARS) == []


@pytest.mark.parametrize("text", [
    # no heading naming charges
    "Graduate Studies Tuition per semester hour 320",
    # a number the label does not bind as a price: a count after the unit
    "Schedule of Charges: Tuition per credit hour 12 credits maximum",
    # the unit before the charge's name: not a label with its unit
    "Fee schedule: Experiential Credit Graduate, per credit hour fee 150 Returned Check Charge 30",
])
def test_whole_numbers_outside_a_labelled_schedule_are_not_money(text: str) -> None:
    assert rates(text) == []


@pytest.mark.parametrize("text, why", [
    ("Western Regional Graduate Program (WRGP) rate: $650 per credit hour", "residency-unbound"),
    ("In-District $120 per credit hour", "residency-unbound"),
    ("Midwest Student Exchange Program participants pay $450 per credit hour.", "residency-unbound"),
    ("Military rate: $250 per credit hour", "rate-scope:payer"),
    ("Employee tuition rate $100 per credit hour", "rate-scope:payer"),
    ("The average graduate student pays $12,000 per year in tuition.", "rate-scope:statistic"),
])
def test_a_payer_group_or_a_statistic_is_not_the_programs_rate(text: str, why: str) -> None:
    start = text.index("$")
    end = start + len(text[start:].split()[0])
    kw = dict(unit_from="own", kind_from="default")
    assert binding.rate_veto(text, start, end, **kw) == why
    assert rates(text) == []


def test_a_contract_residency_keeps_its_rate_beside_a_regional_one() -> None:
    text = "Tuition Resident $500 per credit hour Non-resident $900 per credit hour NEBHE Tuition Break $700 per credit hour"
    assert rates(text) == [("tuition", D("500.00"), "credit", "in_state"), ("tuition", D("900.00"), "credit", "out_of_state")]


def test_an_amount_added_to_the_tuition_is_not_the_tuition(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Out-of-state students pay an additional $300 per credit hour."
    assert rates(text) == []
    monkeypatch.setattr(tuition, "ADDITIONAL", False)
    assert rates(text) == [("tuition", D("300.00"), "credit", "out_of_state")]
    # a named charge after the amount keeps it: the addition is that fee
    assert ("fee", D("50.00"), "credit", "international") in rates(
        "Tuition is $600 per credit. International students pay an additional $50 per credit international student fee.")


def test_a_future_change_is_not_the_rate_now(monkeypatch: pytest.MonkeyPatch) -> None:
    assert rates("Effective Fall 2025, tuition will increase to $700 per credit hour (currently $650).") == []
    text = "Application fee increases to $75 on January 1 (currently $60)."
    assert parse_money(text) is None
    monkeypatch.setattr(money, "FUTURE", False)
    assert parse_money(text) == D("75.00")


@pytest.mark.parametrize("text, expected", [
    ("Late application fee (after the deadline) $25 Application fee $50", D("50.00")),
    ("Reapplication fee $30", None),
])
def test_a_late_or_repeated_application_is_another_charge(text: str, expected: Decimal | None) -> None:
    assert parse_money(text) == expected


def test_a_past_rate_and_other_programs_named_as_a_group_are_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tuition for the 2025-2026 academic year is $1,100 per credit hour; the 2024-2025 rate was $1,050 per credit hour."
    assert rates(text) == [("tuition", D("1100.00"), "credit", "any")]
    monkeypatch.setattr(tuition, "ADDITIONAL", False)  # (the same switch holds the added and the past rate)
    assert ("tuition", D("1050.00"), "credit", "any") in rates(text)
    assert rates("Online MLIS tuition is $450 per credit hour. Campus programs are charged $600 per credit hour.") == [
        ("tuition", D("450.00"), "credit", "any")]


# ---- seventh pass (issue 19, r7-money) -----------------------------------------------------------------


def test_an_insurance_plan_named_in_the_heading_prices_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    # the shape of a university's health-insurance page: the heading names the plan, the rows are its periods
    text = ("Domestic student health insurance costs • Fall 2024: $1,937.00 (8/15/24 through 1/14/25) "
            "• Annual: $4,621.00 (8/15/24 through 8/14/2025)")
    assert rates(text) == []
    monkeypatch.setattr(binding, "INSURANCE_SCOPE", False)
    assert rates(text) == [("tuition", D("4621.00"), "year", "any")]


def test_an_insurance_plan_right_before_a_rate_scopes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The student health insurance plan costs $1,200 per semester."
    assert rates(text) == []
    monkeypatch.setattr(binding, "RATE_SCOPE_SWITCH", False)
    monkeypatch.setattr(binding, "INSURANCE_SCOPE", False)
    assert rates(text) == [("tuition", D("1200.00"), "term", "any")]


@pytest.mark.parametrize("text", [
    "Tuition (does not include health insurance): $500 per credit hour",
    "Tuition $500 per credit hour Health insurance $1,200 per semester",
])
def test_insurance_excluded_or_after_the_rate_keeps_the_tuition(text: str) -> None:
    assert rates(text) == [("tuition", D("500.00"), "credit", "any")]


def test_a_row_of_students_outside_the_degree_is_another_group() -> None:
    # a graduate rate table's exception row for high school students (batch I's shape)
    assert rates("Exceptions to the Tuition Schedule Missouri Resident Non-Missouri Resident Per Credit Hour "
                 "High School Dual Credit $75.00 $75.00") == []
    assert rates("Graduate $400 per credit hour High School Dual Enrollment $100 per credit hour") == [
        ("tuition", D("400.00"), "credit", "any")]
    assert rates("Concurrent enrollment tuition: $125 per credit hour") == []
    # without their words the same shapes are read
    assert rates("Tuition: $125 per credit hour") == [("tuition", D("125.00"), "credit", "any")]


@pytest.mark.parametrize("text", [
    "Effective January 1, 2020, the minimum rate paid for any position is $8.56/hour.",
    "Student jobs are divided into 5 levels with base pay rates of $5.15, $5.35, $5.55, $5.75, $6.50 per hour.",
])
def test_a_wage_by_the_hour_is_not_a_credit_hour(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert rates(text) == []
    monkeypatch.setattr(binding, "WAGE_HOUR", False)
    assert ("tuition", D("5.15") if "5.15" in text else D("8.56"), "credit", "any") in rates(text)


@pytest.mark.parametrize("text, expected", [
    ("Tuition $500 per hour", [("tuition", D("500.00"), "credit", "any")]),  # no pay word: a price
    ("Tuition: $500 per credit hour. Graduate assistants are paid a stipend.", [("tuition", D("500.00"), "credit", "any")]),
])
def test_an_hour_without_pay_words_or_a_credit_hour_stays_a_price(text: str, expected: list) -> None:
    assert rates(text) == expected


def test_credit_by_assessment_is_charged_apart_from_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    before = "The fee for Portfolio Assessment is $50 per credit hour."
    assert rates(before) == []
    heading = ("Fee Policy All students must pay a non-refundable assessment fee when submitting their Portfolio. "
               "The fee is based on the number of credits requested at the rate of $50 per credit.")
    assert rates(heading) == []
    monkeypatch.setattr(binding, "COST_HEADINGS", False)
    assert rates(heading) == [("fee", D("50.00"), "credit", "any")]
    monkeypatch.setattr(binding, "RATE_SCOPE_SWITCH", False)
    assert rates(before) == [("fee", D("50.00"), "credit", "any")]
    # a word of the class elsewhere does not blank a rate it does not precede
    assert rates("Tuition is $600 per credit hour. Portfolio assessment is available.") == [
        ("tuition", D("600.00"), "credit", "any")]


@pytest.mark.parametrize("text", [
    "Master of Accountancy, per credit hour $665",
    "Master in Fine Arts - per credit hour $663.00",
    "Post Baccalaureate Professional Degree in Computer Science - per credit hour $960.00",
    "M.S. in Data Science: $1,000 per credit",
])
def test_another_degree_named_by_its_field_owns_the_rate(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    assert rates(text) == []
    monkeypatch.setattr(binding, "RATE_SCOPE_SWITCH", False)
    monkeypatch.setattr(binding, "COST_HEADINGS", False)
    assert len(rates(text)) == 1


def test_another_degree_in_the_heading_owns_every_rate_below_it(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Master of Athletic Training Tuition 2025-2026 $600 per credit hour Technology Fee $25.00 per credit hour"
    assert rates(text) == []
    monkeypatch.setattr(binding, "COST_HEADINGS", False)
    assert rates(text) == [("fee", D("25.00"), "credit", "any")]  # the tuition is still refused by the reach before it


@pytest.mark.parametrize("text, expected", [
    ("Master of Science in Library and Information Science: $1,000 per credit", D("1000.00")),
    ("Master of Science (M.S.) in Library Science: $700 per credit hour", D("700.00")),
    ("Master of Science tuition: $700 per credit hour", D("700.00")),
    ("M.S. in Information Science $800 per credit hour", D("800.00")),
    ("Master of Education $450 per credit hour; Master of Library Science $500 per credit hour", D("500.00")),
])
def test_this_programs_degree_keeps_its_rate(text: str, expected: Decimal) -> None:
    assert rates(text) == [("tuition", expected, "credit", "any")]


def test_a_cell_beside_a_placeholder_binds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    header = ("Fee Description | Undergraduate Full-Time (Per Semester) | Undergraduate Part-Time (Per Credit Hour) | "
              "Graduate Full-Time (Per Semester) | Graduate Part-Time (Per Credit Hour) | ")
    text = header + "Legal Services Fee | $5.56 | -- | $5.56 | -- |"
    assert rates(text) == []
    monkeypatch.setattr(binding, "PLACEHOLDER_CELLS", False)
    assert rates(text) == [("fee", D("5.56"), "credit", "any")]  # the wrong unit the counting gave


@pytest.mark.parametrize("text, expected", [
    # an N/A cell takes only its neighbour; the next row is read as before
    ("Undergraduate | Graduate | | Activity Fee (Flat Fee Per Semester) | $32 | N/A | Registration Fee (Flat Fee Per Semester) | $30 | $30 |",
     [("fee", D("30.00"), "term", "any")]),
    ("Masters - $225.00 per semester hour Doctoral - $300.00 per semester hour", [("tuition", D("225.00"), "credit", "any")]),
])
def test_a_row_without_placeholders_or_a_dash_label_is_read(text: str, expected: list) -> None:
    assert rates(text) == expected
