"""parse_tuition on real tuition and fee pages (issue 9).

Each case paraphrases an official page of an ALA-accredited program beyond our seven and keeps its
structure (flattened tables, footnote marks, residency columns, amounts without "$"); the comment
names the school and the kind of page. Negative cases mention money but state no rate: [].
"""

from decimal import Decimal

import pytest

from crawler.normalize import Rate, parse_tuition


def r(kind, amount, per, residency="any", applies_to=None):
    return Rate(kind=kind, amount_usd=Decimal(amount), per=per, residency=residency, applies_to=applies_to)


CASES = [
    # --- our own universities' real wording ----------------------------------------------------------------
    # Arizona, "MLIS Admissions & Cost": a block heading naming tuition and fees, a "Per unit" line,
    # the formula, then the price of 9 units worked out (not a rate).
    ("Online Campus Tuition & Fees Per unit $900/unit + $228 program fees for 7+ units* $8,328.00 for 9 units* "
     "* Tuition, fees and other costs subject to change.",
     [r("tuition", "900", "credit", applies_to="online campus"),
      r("fee", "228", "term", applies_to="online campus, 7+ credits")]),
    ("In-State, On-Campus Tuition & Fees Per semester (7+ units) $6,359 tuition + $350 program fees + $835.48 "
     "university fees*",
     [r("tuition", "6359", "term", "in_state", "on campus, 7+ credits"),
      r("fee", "350", "term", "in_state", "on campus, 7+ credits"),
      r("fee", "835.48", "term", "in_state", "on campus, 7+ credits")]),
    ("$1,500 for 3 credits", []),
    # Buffalo Student Accounts, a cell of the by-career table read with its column heading and row label.
    ("Fees*: Non-Resident Online Per Credit Hour Graduate (includes Certificates): $76.16",
     [r("fee", "76.16", "credit", "out_of_state", "online")]),
    ("Total**: Non-Resident Online Per Credit Hour Graduate (includes Certificates): $641.16", []),
    # --- per-credit rates, with and without a total for the degree --------------------------------------
    # San Jose State, fees page: per unit and the degree total that restates it; the rate is Special
    # Session's (Regular Session pays the CSU's flat semester rate), so it says so.
    ("Special Session tuition is $474 per unit, with a total tuition cost of $20,382 for the degree (43 units).",
     [r("tuition", "474", "credit", applies_to="special session")]),
    # Kentucky online, at-a-glance block.
    ("Credits Required: 36 Cost Per Credit: $737.00", [r("tuition", "737", "credit")]),
    # Wisconsin-Milwaukee FAQ: per credit, then a worked course price.
    ("Tuition for online courses for the 2019-2020 academic year: $800/credit Most courses are 3 credits: $2,400.",
     [r("tuition", "800", "credit", applies_to="online")]),
    # Rutgers tuition page: two residencies, then the online rate for everyone.
    ("For 2016-2017, $689 per credit for NJ residents and $1172 per credit for non-residents. The Online Master of "
     "Information Program, tuition is $900 per credit (regardless of state of residency).",
     [r("tuition", "689", "credit", "in_state"), r("tuition", "1172", "credit", "out_of_state"),
      r("tuition", "900", "credit", applies_to="online")]),
    # Missouri online: same amount for both residencies, labels before amounts.
    ("In-State Tuition Per Credit $367.60 Out of State Tuition Per Credit $367.60",
     [r("tuition", "367.60", "credit", "in_state"), r("tuition", "367.60", "credit", "out_of_state")]),
    # Dominican, tuition table flattened: per credit and per course columns.
    ("Degree Cost per credit Cost per course (3 credit hours) Master's per credit $850 $2,550",
     [r("tuition", "850", "credit"), r("tuition", "2550", "course")]),
    # Dominican, fee rows with the term in parentheses.
    ("Technology Fee (full time/semester) $100 Technology Fee (part time/semester) $50",
     [r("fee", "100", "term", applies_to="full-time"), r("fee", "50", "term", applies_to="part-time")]),
    # Dominican: a fee per class.
    ("Student Fee (per class) $23", [r("fee", "23", "course")]),
    # --- flattened tables with a residency header row --------------------------------------------------
    # Florida State, tuition table: header names the residency columns; undergraduate row dropped.
    ("Campus/Program Career In-State Rate per credit hour Out-of-State Rate per credit hour Distance Learning* "
     "Undergraduate $180.49 $686.04 Distance Learning* Graduate $444.26 $1,075.66",
     [r("tuition", "444.26", "credit", "in_state", "online"), r("tuition", "1075.66", "credit", "out_of_state", "online")]),
    # South Florida, fee table: the out-of-state fee row under an In-State / Out of State header.
    ("Charge In-State Out of State Out-of-State Fee $0.00 $424.52 (per credit hour)",
     [r("fee", "0", "credit", "in_state"), r("fee", "424.52", "credit", "out_of_state")]),
    # Pittsburgh, program page: residency rows under unit columns.
    ("Tuition Residency Full-time per term Part-time per credit PA Residents $14,130 $1,148 Out-of-State Residents "
     "$24,909 $2,044",
     [r("tuition", "14130", "term", "in_state", "full-time"), r("tuition", "1148", "credit", "in_state", "part-time"),
      r("tuition", "24909", "term", "out_of_state", "full-time"),
      r("tuition", "2044", "credit", "out_of_state", "part-time")]),
    # Amounts without "$" in a money column (older Rutgers / UNF schedules).
    ("Tuition per credit hour: In-State 479.32 Out-of-State 1,110.72",
     [r("tuition", "479.32", "credit", "in_state"), r("tuition", "1110.72", "credit", "out_of_state")]),
    ("Graduate tuition per credit hour (USD) Resident 275.00 Non-Resident 799.51",
     [r("tuition", "275", "credit", "in_state"), r("tuition", "799.51", "credit", "out_of_state")]),
    # --- per-hour fee rows -----------------------------------------------------------------------------
    # South Florida, other fees: a per-hour row for online courses.
    ("Distance Learning Fee (Online Course Only)* Per Credit Hour $50.00", [r("fee", "50", "credit", applies_to="online")]),
    # South Florida: an undergraduate-only surcharge row.
    ("Repeat Course Surcharge Fee (Undergraduate Only) Per Credit Hour $122.00", []),
    # Wisconsin-Green Bay schedule: distance-ed fee per credit.
    ("A $20 per credit Distance Ed fee will apply to internet credits in addition to tuition.",
     [r("fee", "20", "credit", applies_to="online")]),
    # --- tuition and fees in one sentence ---------------------------------------------------------------
    # Issue 9: a rate plus a program fee with its condition.
    ("Tuition is $525 per credit hour plus a $150 program fee each semester for students enrolled in 6 or more "
     "credits.", [r("tuition", "525", "credit"), r("fee", "150", "term", applies_to="6+ credits")]),
    # Residency said in words.
    ("Students outside the state pay $980 per credit hour; Texas residents pay $541 per credit hour.",
     [r("tuition", "980", "credit", "out_of_state"), r("tuition", "541", "credit", "in_state")]),
    ("Tuition is $612 per credit hour for Georgia residents and $612 per credit hour for students living out of "
     "state.", [r("tuition", "612", "credit", "in_state"), r("tuition", "612", "credit", "out_of_state")]),
    # Valdosta-like eTuition: the same rate regardless of residency.
    ("Online courses are billed at the eRate of $408 per credit hour for in-state and out-of-state students alike.",
     [r("tuition", "408", "credit", applies_to="online")]),
    # Undergraduate rates printed beside graduate ones.
    ("Undergraduate: $350 per credit hour; Graduate: $650 per credit hour", [r("tuition", "650", "credit")]),
    ("Graduate tuition $712 per credit hour (undergraduate tuition $402 per credit hour)",
     [r("tuition", "712", "credit")]),
    # A per-credit rate with the whole degree's price that restates it.
    ("Tuition is $750 per credit hour, or $27,000 for the 36-credit degree.", [r("tuition", "750", "credit")]),
    # --- money that is not a rate (negative) ----------------------------------------------------------
    # McGill: Canadian dollars.
    ("MISt tuition & fees: Canadian - Quebec Resident $2,098 Canadian - Out of Province $6,550 International $19,600",
     []),
    ("Tuition (CAD) per term: $1,272.00", []),
    ("Approximate annual tuition in Canadian dollars: Quebec residents $2,098; international students $19,600.", []),
    # Issue 9: savings.
    ("Online students save $300 per credit compared with the out-of-state rate.", []),
    ("Our distance students save over $10,000 on the degree.", []),
    # Issue 9: total program cost approximately.
    ("The total program cost is approximately $21,000.", []),
    ("Expect to pay about $19,500 in tuition for the whole program.", []),
    # One-time fees.
    ("A one-time matriculation fee of $200 is charged in the first term.", []),
    ("Matriculation Fee (one time charge) $25", []),
    ("Degree Fee (filing an application for graduation) $75", []),
    ("Application Fee, nonrefundable $50.00", []),
    # Wisconsin-Milwaukee: a fraction of out-of-state tuition.
    ("Our distance education students pay approximately 1/3 of out-of-state tuition cost.", []),
    # Wisconsin-Milwaukee MLS: an approximate per-credit fee.
    ("A modest fee of approximately $100 per credit will be assessed due to the program's special staffing.", []),
    # FSU: descriptions without amounts.
    ("Distance students typically pay tuition plus a distance learning fee.", []),
    ("Several graduate programs offer special rates for out-of-state students.", []),
    # Pittsburgh: in-state rate for everyone, no amount.
    ("Beginning in 2019, all online students will pay the in-state tuition rate.", []),
    # Wayne State FAQ question.
    ("Do online students pay the omnibus fee?", []),
    # Scholarships and awards.
    ("The iSchool will match the Spectrum Scholarship's $5,000, giving each scholar a total of $10,000.", []),
    ("Scholarships of $1,500 per semester are available to qualified students.", []),
    # Cost of attendance lines.
    ("Average Cost of Books (per year) $1,500", []),
    ("Room and board (double room, 15 meals per week) $11,526", []),
    # A tuition increase description.
    ("In recent years tuition increases have ranged between 5 and 10 percent per year.", []),
    # Salaries on a careers page.
    ("Librarians and media collections specialists: $60,820 potential earnings", []),
    # A reduction.
    ("Members of partner associations receive a tuition reduction of $100 per credit.", []),
    # Discounts.
    ("Students receive a 50% tuition discount for the first four core courses.", []),
    # Refund of a deposit.
    ("The $300 deposit is refundable until May 1.", []),
    # Waivers.
    ("UH employees may be eligible for a tuition waiver of up to six credits per semester.", []),
    # An endowment.
    ("A $2.3 million investment renewed the library building.", []),
    # A late fee.
    ("Late Registration, Late Payment, or Re-Registration Fee $100 each", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_tuition_real_pages(text, expected):
    assert parse_tuition(text) == expected
