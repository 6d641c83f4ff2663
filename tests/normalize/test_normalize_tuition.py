"""parse_tuition: one table of real-world phrasings, each with its exact expected rates."""

from decimal import Decimal

import pytest

from crawler.normalize import Rate, parse_tuition


def r(kind, amount, per, residency="any", applies_to=None):
    return Rate(kind=kind, amount_usd=Decimal(amount), per=per, residency=residency, applies_to=applies_to)


CASES = [
    # --- University of Arizona: one-line formulas per block -------------------------------
    (
        "Online Campus $900 per unit + $228 program fees (7+ units) Example: 9 units = $8,328.00",
        [r("tuition", "900", "credit", applies_to="online campus"),
         r("fee", "228", "term", applies_to="online campus, 7+ credits")],
    ),
    (
        "In-State On-Campus $6,359 tuition + $350 program fees + $835.48 university fees* per semester (7+ units)",
        [r("tuition", "6359", "term", "in_state", "on campus, 7+ credits"),
         r("fee", "350", "term", "in_state", "on campus, 7+ credits"),
         r("fee", "835.48", "term", "in_state", "on campus, 7+ credits")],
    ),
    (
        "Out-of-State & International On-Campus $16,145 tuition + $450 program fees + $835.48 university fees* "
        "per semester (9+ units)",
        [r(k, a, "term", res, "on campus, 9+ credits")
         for res in ("out_of_state", "international")
         for k, a in (("tuition", "16145"), ("fee", "450"), ("fee", "835.48"))],
    ),
    (
        # The whole cost block flattened into one string: each heading starts a new block.
        "In-State On-Campus $6,359 tuition + $350 program fees + $835.48 university fees* per semester (7+ units) "
        "Online Campus $900 per unit + $228 program fees (7+ units) Example: 9 units = $8,328.00",
        [r("tuition", "6359", "term", "in_state", "on campus, 7+ credits"),
         r("fee", "350", "term", "in_state", "on campus, 7+ credits"),
         r("fee", "835.48", "term", "in_state", "on campus, 7+ credits"),
         r("tuition", "900", "credit", applies_to="online campus"),
         r("fee", "228", "term", applies_to="online campus, 7+ credits")],
    ),
    # --- Southern Mississippi pricing cards ---------------------------------------------------
    (
        "Full Time 9-13 HOURS: Cost per Semester $4,999 Cost per Year $9,998 "
        "Part Time 1-8 HOURS: Cost per Hour $556.12 Cost per 3-Hour Credit Course $1,668.36",
        [r("tuition", "4999", "term", applies_to="full-time, 9-13 credits"),
         r("tuition", "9998", "year", applies_to="full-time, 9-13 credits"),
         r("tuition", "556.12", "credit", applies_to="part-time, 1-8 credits"),
         r("tuition", "1668.36", "course", applies_to="part-time, 1-8 credits, 3-credit courses")],
    ),
    ("Full time 9-13 hours: $4,999 per semester", [r("tuition", "4999", "term", applies_to="full-time, 9-13 credits")]),
    (
        "Part-time (1-8 hours): $556.12 per hour ($1,668.36 per 3-hour course)",
        [r("tuition", "556.12", "credit", applies_to="part-time, 1-8 credits"),
         r("tuition", "1668.36", "course", applies_to="part-time, 1-8 credits, 3-credit courses")],
    ),
    ("Course fees range from $20-$150 per credit hour.", []),
    # --- University at Buffalo: Student Accounts table rows -----------------------------------
    ("Tuition + fees per credit hour: $565 / $76.16 / $641.16",
     [r("tuition", "565", "credit"), r("fee", "76.16", "credit")]),
    (
        "Non-Resident Online Graduate (includes Certificates) Tuition $565.00 Fees $76.16 Total $641.16 Per Credit Hour",
        [r("tuition", "565", "credit", "out_of_state", "online"), r("fee", "76.16", "credit", "out_of_state", "online")],
    ),
    (
        "Winter 2025 rates: Graduate $565.00 per credit hour; Fees $76.16 per credit hour",
        [r("tuition", "565", "credit"), r("fee", "76.16", "credit")],
    ),
    # --- Wisconsin, Denver, TWU ----------------------------------------------------------------
    (
        "During the 2021-22 academic year, online tuition is $850 per credit, the same for residents and non-residents.",
        [r("tuition", "850", "credit", applies_to="online")],
    ),
    ("Tuition is $1,372 per quarter credit hour.", [r("tuition", "1372", "credit", applies_to="quarter credits")]),
    (
        "Tuition (per quarter credit hour): $1,372 | 4 credits per quarter: $5,488 | 8 credits per quarter: $10,976 "
        "| 12-18 credits per quarter: $16,464",
        [r("tuition", "1372", "credit", applies_to="quarter credits"),
         r("tuition", "5488", "term", applies_to="4 credits"),
         r("tuition", "10976", "term", applies_to="8 credits"),
         r("tuition", "16464", "term", applies_to="12-18 credits")],
    ),
    ("$225.20 per SCH resident, $579.20 per SCH nonresident",
     [r("tuition", "225.20", "credit", "in_state"), r("tuition", "579.20", "credit", "out_of_state")]),
    (
        "Resident tuition: $225.20 per semester credit hour; non-resident tuition: $579.20 per semester credit hour",
        [r("tuition", "225.20", "credit", "in_state"), r("tuition", "579.20", "credit", "out_of_state")],
    ),
    # --- Other universities ----------------------------------------------------------------
    ("$850 per credit", [r("tuition", "850", "credit")]),
    ("$1,234.56/credit", [r("tuition", "1234.56", "credit")]),
    ("Graduate tuition: $1,890 per credit hour", [r("tuition", "1890", "credit")]),
    ("Arizona residents pay $6,359 per semester.", [r("tuition", "6359", "term", "in_state")]),
    ("Tuition is $1,250 per credit hour for all students, regardless of residency.", [r("tuition", "1250", "credit")]),
    ("Tuition is $18,500 annually.", [r("tuition", "18500", "year")]),
    ("Annual tuition: $24,000", [r("tuition", "24000", "year")]),
    ("$12,000 per year", [r("tuition", "12000", "year")]),
    ("Tuition is $32,500 for the entire program.", [r("tuition", "32500", "program")]),
    ("Total tuition for the 36-credit program is $19,980.", [r("tuition", "19980", "program")]),
    ("In-state: $7,500 per semester | Out-of-state: $15,000 per semester",
     [r("tuition", "7500", "term", "in_state"), r("tuition", "15000", "term", "out_of_state")]),
    (
        "Graduate tuition is $1,100 per credit hour for New York residents and $1,650 per credit hour for "
        "out-of-state students.",
        [r("tuition", "1100", "credit", "in_state"), r("tuition", "1650", "credit", "out_of_state")],
    ),
    (
        "$650 per credit hour for Florida residents; $1,250 per credit hour for non-Florida residents",
        [r("tuition", "650", "credit", "in_state"), r("tuition", "1250", "credit", "out_of_state")],
    ),
    (
        "Online courses: $598 per credit hour (Texas residents) and $1,012 per credit hour (non-residents)",
        [r("tuition", "598", "credit", "in_state", "online"), r("tuition", "1012", "credit", "out_of_state", "online")],
    ),
    ("Per-credit tuition: $695 (same for in-state and out-of-state students)", [r("tuition", "695", "credit")]),
    (
        "The online program costs $525 per credit hour plus a $50 technology fee per semester.",
        [r("tuition", "525", "credit", applies_to="online"), r("fee", "50", "term", applies_to="online")],
    ),
    (
        "Tuition: $695 per credit hour. Technology fee: $15 per credit hour. Graduation fee: $100.",
        [r("tuition", "695", "credit"), r("fee", "15", "credit")],
    ),
    (
        "Students enrolled in 6 or more credits pay a $125 student services fee each semester.",
        [r("fee", "125", "term", applies_to="6+ credits")],
    ),
    (
        "Tuition per semester (full-time, 9+ credits): $10,870 resident / $22,110 nonresident",
        [r("tuition", "10870", "term", "in_state", "full-time, 9+ credits"),
         r("tuition", "22110", "term", "out_of_state", "full-time, 9+ credits")],
    ),
    ("Full-time students (12+ credits) pay a flat $9,450 per semester.",
     [r("tuition", "9450", "term", applies_to="full-time, 12+ credits")]),
    ("Out-of-state online students pay $700 per credit hour.", [r("tuition", "700", "credit", "out_of_state", "online")]),
    ("International students: $1,420 per credit", [r("tuition", "1420", "credit", "international")]),
    ("Cost per credit: $1,050. Estimated cost of attendance: about $42,000 per year.", [r("tuition", "1050", "credit")]),
    ("Tuition: $900 per credit. A 3-credit course would cost $2,700.", [r("tuition", "900", "credit")]),
    ("US$ 1,150 per unit", [r("tuition", "1150", "credit")]),
    (
        "Graduate tuition (per credit): In-state $512.50, Out-of-state $1,237.00",
        [r("tuition", "512.50", "credit", "in_state"), r("tuition", "1237", "credit", "out_of_state")],
    ),
    ("Resident: $9,562 per year; Non-resident: $19,410 per year",
     [r("tuition", "9562", "year", "in_state"), r("tuition", "19410", "year", "out_of_state")]),
    ("Flat-rate tuition of $7,200 per term for 12-18 credits", [r("tuition", "7200", "term", applies_to="12-18 credits")]),
    (
        "Tuition for 2024-25: $1,050 per credit hour. Online learning fee: $60 per credit hour.",
        [r("tuition", "1050", "credit"), r("fee", "60", "credit", applies_to="online")],
    ),
    ("The cost is $750 per credit hour, or $27,000 for the 36-credit degree.", [r("tuition", "750", "credit")]),
    ("Tuition: $5,000 (fall 2024)", []),
    ("$475 a credit hour", [r("tuition", "475", "credit")]),
    # --- Not rates ---------------------------------------------------------------------------
    ("A 3-credit course would cost $2,700.", []),
    ("Example: 9 units = $8,328.00", []),
    ("$8,328.00 for 9 units", []),
    ("Contact the Bursar's Office for current tuition rates.", []),
    ("Use our tuition calculator to estimate your costs.", []),
    ("Tuition and fees vary by program; see the Bursar.", []),
    ("Estimated total program cost: approximately $19,980", []),
    ("Application fee: $50 ($75 for international applicants)", []),
    ("Transcript fee: $5 per transcript request", []),
    ("Tuition: TBD", []),
    ("Tuition: $12.345,00 per year", []),
    ("Tuition starting at $450 per credit hour", []),
    ("Costs up to $1,000 per course", []),
    ("Tuition: $1.2 million endowment supports scholarships", []),
    ("", []),
    # --- Wider phrasings: other US programs (bursar tables, at-a-glance boxes, FAQs) ------------
    # Residency pairs in one sentence: the unit stated once carries to the other residency.
    ("$541/credit hour for Texas residents; $1,058 for non-residents",
     [r("tuition", "541", "credit", "in_state"), r("tuition", "1058", "credit", "out_of_state")]),
    ("Tuition is $410 per credit hour for Kansas residents and $455 for non-residents.",
     [r("tuition", "410", "credit", "in_state"), r("tuition", "455", "credit", "out_of_state")]),
    ("Tuition: $507.25 per credit hour (resident); $1,123.25 per credit hour (non-resident)",
     [r("tuition", "507.25", "credit", "in_state"), r("tuition", "1123.25", "credit", "out_of_state")]),
    # A table row flattened to text: the unit after the last cell is the row's unit.
    ("Resident $507.25 Non-resident $1,123.25 per credit",
     [r("tuition", "507.25", "credit", "in_state"), r("tuition", "1123.25", "credit", "out_of_state")]),
    ("In-State $7,850 Out-of-State $16,300 per semester",
     [r("tuition", "7850", "term", "in_state"), r("tuition", "16300", "term", "out_of_state")]),
    ("Graduate Tuition 2025-2026 Resident: $507.25 per credit hour Non-resident: $1,123.25 per credit hour",
     [r("tuition", "507.25", "credit", "in_state"), r("tuition", "1123.25", "credit", "out_of_state")]),
    ("Per credit hour: $598.75 (resident), $1,232.75 (nonresident), $1,232.75 (international)",
     [r("tuition", "598.75", "credit", "in_state"), r("tuition", "1232.75", "credit", "out_of_state"),
      r("tuition", "1232.75", "credit", "international")]),
    ("Virginia residents: $612 per credit hour; Out-of-state: $1,389 per credit hour",
     [r("tuition", "612", "credit", "in_state"), r("tuition", "1389", "credit", "out_of_state")]),
    ("Cost per credit hour - In-state: $389.50 | Out-of-state: $1,008.50",
     [r("tuition", "389.50", "credit", "in_state"), r("tuition", "1008.50", "credit", "out_of_state")]),
    ("Non-Texas residents pay $1,106 per semester credit hour.", [r("tuition", "1106", "credit", "out_of_state")]),
    # One rate for everyone (e-tuition, online flat rates).
    ("eTuition rate: $650 per credit hour for all students, regardless of residency",
     [r("tuition", "650", "credit")]),
    ("Online students pay $495 per credit hour regardless of state of residence.",
     [r("tuition", "495", "credit", applies_to="online")]),
    # Decision: "out-of-state online students pay the in-state rate" is one rate for everyone.
    ("Out-of-state online students pay the in-state rate of $398 per credit hour.",
     [r("tuition", "398", "credit", applies_to="online")]),
    ("All online MLIS students pay in-state tuition: $525 per credit hour.",
     [r("tuition", "525", "credit", applies_to="online")]),
    ("Online tuition: $485 per credit hour (all students)", [r("tuition", "485", "credit", applies_to="online")]),
    ("$1,200 per course for all students", [r("tuition", "1200", "course")]),
    # Per course, per term, per year, per program.
    ("Tuition: $1,255 per course", [r("tuition", "1255", "course")]),
    ("$1,575 per 3-credit course", [r("tuition", "1575", "course", applies_to="3-credit courses")]),
    ("Full-time (9-12 credits): $6,840 per semester", [r("tuition", "6840", "term", applies_to="full-time, 9-12 credits")]),
    ("$9,876 per semester for full-time enrollment (9 or more credit hours)",
     [r("tuition", "9876", "term", applies_to="full-time, 9+ credits")]),
    (
        "1-6 credit hours: $3,105 per semester; 7-11 credit hours: $5,200 per semester; "
        "12+ credit hours: $6,400 per semester",
        [r("tuition", "3105", "term", applies_to="1-6 credits"), r("tuition", "5200", "term", applies_to="7-11 credits"),
         r("tuition", "6400", "term", applies_to="12+ credits")],
    ),
    ("Flat rate: $4,500 per term for 6+ credits", [r("tuition", "4500", "term", applies_to="6+ credits")]),
    ("Annual tuition (2025-2026): $21,500*", [r("tuition", "21500", "year")]),
    ("2025-2026 Tuition: $16,200 per academic year (two semesters)", [r("tuition", "16200", "year")]),
    ("Tuition: $22,500/year; Fees: $1,800/year", [r("tuition", "22500", "year"), r("fee", "1800", "year")]),
    ("Total program cost: $19,980", [r("tuition", "19980", "program")]),
    ("Total Program Tuition: $24,840", [r("tuition", "24840", "program")]),
    ("Cost: $19,980 for the entire 36-credit program", [r("tuition", "19980", "program")]),
    ("The entire MLIS costs $17,460 in tuition.", []),
    ("Summer tuition is charged at the same per-credit rate: $745.", [r("tuition", "745", "credit")]),
    # Footnote markers and leaders between the label and the price.
    ("Graduate tuition: $1,364\u00b9 per credit hour", [r("tuition", "1364", "credit")]),
    ("Tuition per credit hour\u2020: $612", [r("tuition", "612", "credit")]),
    ("Tuition per credit hour ........ $1,290", [r("tuition", "1290", "credit")]),
    ("Tuition*: $875 per credit**", [r("tuition", "875", "credit")]),
    # "plus fees", "subject to change": no rate in the words.
    ("Tuition is $560 per credit hour plus fees.", [r("tuition", "560", "credit")]),
    ("Tuition and fees are subject to change.", []),
    ("Tuition and fees are subject to change without notice. 2025-26 graduate tuition: $742 per credit hour.",
     [r("tuition", "742", "credit")]),
    # Fees: per credit, per term; a named fee with no unit is per term only when the sentence says so.
    ("Distance education fee: $50 per credit hour", [r("fee", "50", "credit", applies_to="online")]),
    ("Technology fee: $125 per semester", [r("fee", "125", "term")]),
    ("Technology fee $125", []),
    ("A technology fee of $150 is charged each semester.", [r("fee", "150", "term")]),
    ("Student activity fee: $40 (per term)", [r("fee", "40", "term")]),
    ("Tuition $6,000 per semester; student services fee $300",
     [r("tuition", "6000", "term")]),
    ("Technology Fee $20.00 per credit hour (max $240 per semester)", [r("fee", "20", "credit")]),
    ("Mandatory fees: $35.50 per credit hour, capped at $426 per semester", [r("fee", "35.50", "credit")]),
    ("Program fee: $500 per semester", [r("fee", "500", "term")]),
    (
        "Library school students pay $1,048 per credit hour; the university charges a $75 per semester technology fee.",
        [r("tuition", "1048", "credit"), r("fee", "75", "term")],
    ),
    # An "online learning fee" names the fee: it does not make later amounts online-only.
    (
        "Tuition $500 per credit hour, online learning fee $40 per credit hour, technology fee $15 per semester",
        [r("tuition", "500", "credit"), r("fee", "40", "credit", applies_to="online"), r("fee", "15", "term")],
    ),
    (
        "Online learning fee: $30 per credit hour. Tuition: $480 per credit hour.",
        [r("fee", "30", "credit", applies_to="online"), r("tuition", "480", "credit")],
    ),
    (
        "Online Master of Library Science: $395 per credit hour + $50 online fee per course",
        [r("tuition", "395", "credit", applies_to="online"), r("fee", "50", "course", applies_to="online")],
    ),
    # Graduate and undergraduate rows in one text: only the graduate rows are the program's.
    (
        "Graduate (per credit hour): Resident $410.50; Nonresident $1,015.50. "
        "Undergraduate (per credit hour): Resident $310.00; Nonresident $850.00",
        [r("tuition", "410.50", "credit", "in_state"), r("tuition", "1015.50", "credit", "out_of_state")],
    ),
    ("Undergraduate tuition: $350 per credit hour; graduate tuition: $525 per credit hour.",
     [r("tuition", "525", "credit")]),
    ("Undergraduate: $320/credit hour", []),
    # A "Total" after an amount heads the next amount; the total itself is not a rate.
    ("Cost per credit hour: $836 Total cost (36 credits): $30,096", [r("tuition", "836", "credit")]),
    ("Residents: $13,500/yr. Nonresidents: $28,700/yr.",
     [r("tuition", "13500", "year", "in_state"), r("tuition", "28700", "year", "out_of_state")]),
    ("Graduate Tuition: $11,730 per semester (full-time); $1,303 per credit (part-time)",
     [r("tuition", "11730", "term", applies_to="full-time"), r("tuition", "1303", "credit", applies_to="part-time")]),
    ("The per-credit rate for the online MLIS is $470 (in-state) and $560 (out-of-state).",
     [r("tuition", "470", "credit", "in_state", "online"), r("tuition", "560", "credit", "out_of_state", "online")]),
    ("e-Tuition: $575/credit hour (no out-of-state surcharge)", [r("tuition", "575", "credit")]),
    ("Tuition & Mandatory Fees per credit hour: $612.45", []),
    # Not rates: ranges, words, totals, cost of attendance.
    ("Tuition ranges from $450 to $700 per credit hour depending on residency.", []),
    # Money in words is read when it is exact (issue 9; this case expected [] before PARSER_VERSION 4).
    ("Tuition is six hundred dollars per credit hour.", [r("tuition", "600", "credit")]),
    ("In-state tuition and fees: $5,120 per semester", []),
    ("Estimated cost of attendance: $42,000 per year", []),
    ("Books and supplies: $1,200 per year", []),
    # --- PARSER_VERSION 3: a label belongs to the amount after it in "Label: $X" text --------
    # Recorded (Buffalo): kinds were swapped and the total kept.
    ("Tuition Per Credit Hour: $565.00 Fees Per Credit Hour: $76.16 Total Per Credit Hour: $641.16",
     [r("tuition", "565", "credit"), r("fee", "76.16", "credit")]),
    ("Tuition per credit: $1,024 Fees per credit: $98.50 Total per credit: $1,122.50",
     [r("tuition", "1024", "credit"), r("fee", "98.50", "credit")]),
    ("Graduate Tuition Per Credit Hour: $612.00 Mandatory Fees Per Credit Hour: $54.25",
     [r("tuition", "612", "credit"), r("fee", "54.25", "credit")]),
    ("Tuition (per credit hour): $745.00 Technology Fee (per credit hour): $25.00",
     [r("tuition", "745", "credit"), r("fee", "25", "credit")]),
    ("Tuition: $1,050/credit. Student services fee: $35/credit.",
     [r("tuition", "1050", "credit"), r("fee", "35", "credit")]),
    # Label after the amount stays the amount's own.
    ("$6,359 tuition + $350 program fees per semester", [r("tuition", "6359", "term"), r("fee", "350", "term")]),
    ("$834 per credit hour tuition and $63 per credit hour fees",
     [r("tuition", "834", "credit"), r("fee", "63", "credit")]),
    ("Per credit: $1,175 (tuition) + $60 (fees)", [r("tuition", "1175", "credit"), r("fee", "60", "credit")]),
    # A label followed by a colon heads the next amount, never the one before it.
    ("Tuition per credit hour: Resident $420 Non-resident $980 Fees per credit hour: $62",
     [r("tuition", "420", "credit", "in_state"), r("tuition", "980", "credit", "out_of_state"),
      r("fee", "62", "credit")]),
    # A label between two amounts is the second's when the second has none after it.
    ("Graduate Students (per credit hour) Arkansas Resident $398.50 Non-Resident $1,077.00 Fees $61.25",
     [r("tuition", "398.50", "credit", "in_state"), r("tuition", "1077", "credit", "out_of_state"),
      r("fee", "61.25", "credit")]),
    # An unlabelled amount takes the kind of the labelled one before it in its sentence.
    ("Graduate tuition and fees per semester (full time): In-state $6,800 Out-of-state $17,400", []),
    ("Tuition & Fees Per Credit Hour Resident $548.10 Non-Resident $1,089.35", []),
    ("Fees per credit: In-state $50; Out-of-state $80",
     [r("fee", "50", "credit", "in_state"), r("fee", "80", "credit", "out_of_state")]),
    ("Mandatory fees per semester: Resident $812 Non-resident $812",
     [r("fee", "812", "term", "in_state"), r("fee", "812", "term", "out_of_state")]),
    ("Application fee: $50 ($75 for international applicants)", []),
    # --- Wider phrasings (PARSER_VERSION 3 probe) ---------------------------------------------
    ("Per-credit tuition: $540 in-state, $1,210 out-of-state, $1,310 international",
     [r("tuition", "540", "credit", "in_state"), r("tuition", "1210", "credit", "out_of_state"),
      r("tuition", "1310", "credit", "international")]),
    ("Resident tuition: $7,200 per semester. Nonresident tuition: $14,850 per semester.",
     [r("tuition", "7200", "term", "in_state"), r("tuition", "14850", "term", "out_of_state")]),
    ("In-state: $512 per credit hour; Out-of-state: $1,087 per credit hour",
     [r("tuition", "512", "credit", "in_state"), r("tuition", "1087", "credit", "out_of_state")]),
    ("Graduate tuition is $478.50 per credit hour for Oklahoma residents and $1,166.25 per credit hour for non-residents.",
     [r("tuition", "478.50", "credit", "in_state"), r("tuition", "1166.25", "credit", "out_of_state")]),
    ("Virginia residents pay $725 per credit; non-Virginia residents pay $1,450 per credit.",
     [r("tuition", "725", "credit", "in_state"), r("tuition", "1450", "credit", "out_of_state")]),
    ("Tuition for the 2024-2025 academic year is $11,250 per semester for full-time students (9-15 credits).",
     [r("tuition", "11250", "term", applies_to="full-time, 9-15 credits")]),
    ("Full-time graduate tuition (9+ credits): $9,480 per term (resident), $19,220 per term (non-resident)",
     [r("tuition", "9480", "term", "in_state", "full-time, 9+ credits"),
      r("tuition", "19220", "term", "out_of_state", "full-time, 9+ credits")]),
    ("The online MLIS costs $499 per credit hour regardless of residency.",
     [r("tuition", "499", "credit", applies_to="online")]),
    ("Per credit hour: Resident $620.75 | Non-resident $1,389.50",
     [r("tuition", "620.75", "credit", "in_state"), r("tuition", "1389.50", "credit", "out_of_state")]),
    ("Graduate Resident $588 per credit hour, Graduate Non-Resident $1,230 per credit hour",
     [r("tuition", "588", "credit", "in_state"), r("tuition", "1230", "credit", "out_of_state")]),
    ("Tuition is $825 per credit hour plus a $45 per credit hour distance education fee.",
     [r("tuition", "825", "credit"), r("fee", "45", "credit", applies_to="online")]),
    ("Students pay $690 per credit. A $100 technology fee is charged each semester.",
     [r("tuition", "690", "credit"), r("fee", "100", "term")]),
    ("Annual tuition: $28,500 (in-state), $52,300 (out-of-state)",
     [r("tuition", "28500", "year", "in_state"), r("tuition", "52300", "year", "out_of_state")]),
    ("Full-time (12+ credits): $8,940 per semester; Part-time: $745 per credit",
     [r("tuition", "8940", "term", applies_to="full-time, 12+ credits"),
      r("tuition", "745", "credit", applies_to="part-time")]),
    ("Tuition $925 per credit hour, Library Science course fee $30 per credit hour",
     [r("tuition", "925", "credit"), r("fee", "30", "credit")]),
    ("Flat rate tuition for 9-18 credits: $5,430 per semester", [r("tuition", "5430", "term", applies_to="9-18 credits")]),
    ("Graduate Tuition Rates (per credit hour) Resident: $457.90 Nonresident: $1,043.90",
     [r("tuition", "457.90", "credit", "in_state"), r("tuition", "1043.90", "credit", "out_of_state")]),
    ("Fees: $412 per semester (mandatory student fees)", [r("fee", "412", "term")]),
    ("Online students pay $615 per credit plus a $75 online course fee per course.",
     [r("tuition", "615", "credit", applies_to="online"), r("fee", "75", "course", applies_to="online")]),
    ("Residents: $9,432 per year; Non-residents: $23,004 per year",
     [r("tuition", "9432", "year", "in_state"), r("tuition", "23004", "year", "out_of_state")]),
    ("Cost Per Credit Hour In-State $412.71 Out-of-State $892.71",
     [r("tuition", "412.71", "credit", "in_state"), r("tuition", "892.71", "credit", "out_of_state")]),
    ("Graduate students pay a $250 comprehensive fee per semester in addition to tuition of $560 per credit.",
     [r("fee", "250", "term"), r("tuition", "560", "credit")]),
    ("Tuition for Texas residents is $380 per SCH, and $823 per SCH for non-residents, plus fees of $112 per SCH.",
     [r("tuition", "380", "credit", "in_state"), r("tuition", "823", "credit", "out_of_state"),
      r("fee", "112", "credit")]),
    ("Tuition: $600/credit hour (in-state); $1,200/credit hour (out-of-state); Fees: $50/credit hour",
     [r("tuition", "600", "credit", "in_state"), r("tuition", "1200", "credit", "out_of_state"),
      r("fee", "50", "credit")]),
    ("Full-time flat rate (12-18 credits): $9,870 per semester. Part-time (fewer than 12 credits): $822.50 per credit.",
     [r("tuition", "9870", "term", applies_to="full-time, 12-18 credits"),
      r("tuition", "822.50", "credit", applies_to="part-time")]),
    ("Graduate tuition: $5,736 per semester (full-time, resident); $13,542 per semester (full-time, nonresident)",
     [r("tuition", "5736", "term", "in_state", "full-time"), r("tuition", "13542", "term", "out_of_state", "full-time")]),
    ("Semester tuition (9 or more hours): Resident $6,213.50; Non-resident $15,890.00",
     [r("tuition", "6213.50", "term", "in_state", "9+ credits"),
      r("tuition", "15890", "term", "out_of_state", "9+ credits")]),
    ("Per term: In-State $4,115 | Out-of-State $11,780",
     [r("tuition", "4115", "term", "in_state"), r("tuition", "11780", "term", "out_of_state")]),
    ("Student activity fee: $45 per semester; Health fee: $210 per semester; Technology fee: $12 per credit hour",
     [r("fee", "45", "term"), r("fee", "210", "term"), r("fee", "12", "credit")]),
    ("Tuition for residents is $11,390 per academic year and $27,780 per academic year for nonresidents.",
     [r("tuition", "11390", "year", "in_state"), r("tuition", "27780", "year", "out_of_state")]),
    ("Tuition: In-state $701.25 per credit | Out-of-state $1,402.50 per credit | Mandatory fees $108 per credit",
     [r("tuition", "701.25", "credit", "in_state"), r("tuition", "1402.50", "credit", "out_of_state"),
      r("fee", "108", "credit")]),
    ("MLIS online rate: $535 per credit hour for all students, plus a $95 per semester technology fee.",
     [r("tuition", "535", "credit", applies_to="online"), r("fee", "95", "term", applies_to="online")]),
    ("2025\u20132026 Graduate Tuition: Resident: $8,892/year Nonresident: $21,006/year",
     [r("tuition", "8892", "year", "in_state"), r("tuition", "21006", "year", "out_of_state")]),
    ("In-State Tuition & Fees: $5,120 per semester", []),
    ("Fees per semester: $1,019 (full-time), $510 (part-time)",
     [r("fee", "1019", "term", applies_to="full-time"), r("fee", "510", "term", applies_to="part-time")]),
    ("The estimated cost of attendance is $31,000 per year including books and living expenses.", []),
    ("Each 3-credit course costs $2,085.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_tuition(text, expected):
    assert parse_tuition(text) == expected
