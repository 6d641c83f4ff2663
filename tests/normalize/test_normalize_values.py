"""parse_money, parse_credits, parse_gpa: single values from real-world phrasings."""

from decimal import Decimal

import pytest

from crawler.normalize import parse_credits, parse_gpa, parse_money

MONEY = [
    ("$1,372", Decimal("1372.00")),
    ("$8,328.00", Decimal("8328.00")),
    ("USD 900", Decimal("900.00")),
    ("900 dollars", Decimal("900.00")),
    ("US$ 1,150.5", Decimal("1150.50")),
    ("$ 556.12 per hour", Decimal("556.12")),
    ("Tuition: $565.00 Fees: $76.16", Decimal("565.00")),
    ("$1,000,000", Decimal("1000000.00")),
    ("The fee is $75.", Decimal("75.00")),
    ("$0", Decimal("0.00")),
    ("$1,\u200b372", Decimal("1372.00")),
    ("Application fee\u00a0:\u00a0$50", Decimal("50.00")),
    ("\uff04900 per unit", Decimal("900.00")),
    ("TBD", None),
    ("varies", None),
    ("Tuition varies by program", None),
    ("$12.345,00", None),
    ("$1.372", None),
    ("$1,3720", None),
    ("$1.2 million", None),
    ("$5K scholarship", None),
    ("$20-$150 per credit", None),
    ("between $500 and $700", None),
    ("$500 to $700 per course", None),
    ("\u0661\u0662\u0663 dollars", None),
    ("$\u0661\u0662\u0663", None),
    ("900", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", MONEY)
def test_parse_money(text, expected):
    value = parse_money(text)
    assert value == expected
    if value is not None:
        assert value.as_tuple().exponent == -2  # always to the cent


CREDITS = [
    ("Minimum Total Units Required: 37", Decimal("37")),
    ("37 units", Decimal("37")),
    ("36 semester credit hours", Decimal("36")),
    ("40*", Decimal("40")),
    ("40 *", Decimal("40")),
    ("thirty-six credits", Decimal("36")),
    ("Thirty six credit hours", Decimal("36")),
    ("39 credits for students who started before Fall 2022; 36 credits for those starting Fall 2022 or later",
     Decimal("36")),
    ("Minimum Degree Credits: 36", Decimal("36")),
    ("58 quarter credits", Decimal("58")),
    ("Program of Study (36 semester credit hours)", Decimal("36")),
    ("Total Semester Credit Hours 36", Decimal("36")),
    ("Credits required for completion: 36", Decimal("36")),
    ("The program requires 36 credit hours, including 15 hours of required core and 21 hours of electives.",
     Decimal("36")),
    ("The MLIS is a 36-credit-hour program.", Decimal("36")),
    ("Students complete 42 credits: 18 credits of core courses and 24 credits of electives.", Decimal("42")),
    ("40 credit hours (22 required, 15 elective, 3 master's project)", Decimal("40")),
    ("Total: 48 credits", Decimal("48")),
    ("The degree consists of 30 credit hours.", Decimal("30")),
    ("A total of 45 quarter hours is required.", Decimal("45")),
    ("36 s.h.", Decimal("36")),
    ("37.5 credits", Decimal("37.5")),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("36 semester hours (12 courses)", Decimal("36")),
    ("a 36-credit-hour program", Decimal("36")),
    ("Total: 42 credit hours", Decimal("42")),
    ("minimum of 36 graduate credits", Decimal("36")),
    ("The MLIS requires a minimum of 36 credit hours.", Decimal("36")),
    ("Credit Hours: 36", Decimal("36")),
    ("Credits: 39", Decimal("39")),
    ("Credits: 3", None),
    ("Program length: 39 credit hours", Decimal("39")),
    ("Students complete 36 credits of coursework.", Decimal("36")),
    ("The 48-credit MLIS (including a 6-credit practicum)", Decimal("48")),
    ("The program is 37 semester hours.", Decimal("37")),
    ("Required hours: 36", Decimal("36")),
    ("Thirty-nine (39) credit hours", Decimal("39")),
    ("The online MSLS totals 36 credit hours across 12 courses.", Decimal("36")),
    ("Total of 60 quarter units", Decimal("60")),
    ("MLS: 36; MA: 39", None),
    ("36-42 credits depending on concentration", None),
    ("Credit hours required: 30-36", None),
    ("3 credits each", None),
    ("9 credits of core", None),
    ("Required Core Courses (9 credits)", None),
    ("Students may transfer up to 6 credits.", None),
    ("At least 18 hours must be at the 600 level.", None),
    ("LIS 5013 Foundations of Library Science (3 credits)", None),
    ("MLS: 36 credits; MA: 39 credits", None),
    ("Full-time students take 9 credits per semester.", None),
    ("Tuition is $900 per unit", None),
    ("Credits: varies", None),
    ("", None),
    # --- PARSER_VERSION 3: hyphenated units; "a N-unit program" names the total ----------------
    ("The MLIS is a 36 semester-hour program: 18 hours of core courses and 18 hours of electives.", Decimal("36")),
    ("Our 42 credit-hour degree: 15 credit hours of required core and 27 in electives.", Decimal("42")),
    ("This 39 semester-hour curriculum includes 12 semester hours of required courses.", Decimal("39")),
    ("The degree is a 48 quarter-hour program: 24 quarter hours of core coursework and 24 of electives.", Decimal("48")),
    ("The MLS is a 30-unit program; 12 units are required core courses.", Decimal("30")),
    ("Students complete a 36-semester-hour program of study.", Decimal("36")),
    ("Degree requirements: 12 courses (36 credit hours)", Decimal("36")),
    ("Students must complete 12 hours of core courses.", None),
]


@pytest.mark.parametrize("text, expected", CREDITS)
def test_parse_credits(text, expected):
    value = parse_credits(text)
    assert value == expected
    if value is not None:
        assert str(value) == str(expected)  # canonical: no trailing zeros


GPA = [
    ("A minimum cumulative GPA of 3.0 on a 4.0 scale in the last 60 units of coursework", Decimal("3.00")),
    ("minimum 3.0 GPA", Decimal("3.00")),
    ("3.00 on the last 60 credits", Decimal("3.00")),
    ("Minimum GPA: 3.00 on the last 60 credits (or 3.00 on a completed master's degree)", Decimal("3.00")),
    ("a GPA of at least 3.0 (2.75 with stipulations)", Decimal("3.00")),
    ("2.75 over the last 60 hours", Decimal("2.75")),
    ("Applicants must have a 2.75 GPA over the last two years (60 hours) of undergraduate study.", Decimal("2.75")),
    ("Unconditional admission requires a GPA of 3.0 or higher; probationary admission requires 2.75 on the final "
     "64 hours.", Decimal("3.00")),
    ("3.0 cumulative GPA and 3.0 in the last 60 SCH", Decimal("3.00")),
    ("Grade point average of 3.25 or better", Decimal("3.25")),
    ("GPA: 3.0/4.0", Decimal("3.00")),
    ("Minimum undergraduate GPA of 2.5 (on a 4.0 scale)", Decimal("2.50")),
    ("An undergraduate grade-point average of at least 3.0", Decimal("3.00")),
    ("Minimum GPA \u2265 3.0", Decimal("3.00")),
    ("A 3.125 GPA is required.", Decimal("3.125")),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("GPA of 3.0 or better on a 4.0 scale (B average)", Decimal("3.00")),
    # Decision: two routes ("overall" or "last 60 hours"): the minimum stated first is the
    # regular one.
    ("2.75 overall or 3.0 in the last 60 hours", Decimal("2.75")),
    ("minimum GPA of 3.0 for the last 60 credit hours or 2.75 overall", Decimal("3.00")),
    ("A grade point average of at least 2.5 overall, or 3.0 for the last two years", Decimal("2.50")),
    ("a minimum undergraduate GPA of 3.0 in the last 60 semester hours", Decimal("3.00")),
    ("Cumulative undergraduate GPA: 3.0 minimum", Decimal("3.00")),
    ("Minimum GPA: 2.75 (3.0 preferred)", Decimal("2.75")),
    ("Applicants with GPAs between 2.5 and 2.99 may be admitted provisionally; regular admission requires 3.0.",
     Decimal("3.00")),
    ("B average (3.0 on a 4.0 scale) in undergraduate coursework", Decimal("3.00")),
    ("GPA requirement: 3.0", Decimal("3.00")),
    ("Minimum 3.0 GPA for unconditional admission; 2.5 for conditional admission", Decimal("3.00")),
    ("an undergraduate GPA of 3.00 or higher (on a 4.00 scale)", Decimal("3.00")),
    ("GPA: 3.0 in last 60 hours of undergraduate work", Decimal("3.00")),
    ("must have earned a 3.2 GPA in their undergraduate degree", Decimal("3.20")),
    ("Applicants should have a GPA of 3.0 (on a 4-point scale).", Decimal("3.00")),
    ("Grade Point Average of 3.0/4.0", Decimal("3.00")),
    ("Students with a GPA under 3.0 are encouraged to submit GRE scores.", None),
    ("Students must maintain a 3.0 GPA to remain in good standing.", None),
    ("Applicants with a GPA below 3.0 may be considered", None),
    ("Conditional admission may be granted with a GPA of 2.5.", None),
    ("Students must maintain a B average.", None),
    ("Tuition $3.50 per page", None),
    ("Version 3.0 of the application", None),
    ("on a 4.0 scale", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", GPA)
def test_parse_gpa(text, expected):
    value = parse_gpa(text)
    assert value == expected
    if value is not None:
        assert str(value) == str(expected)  # canonical: two decimals
