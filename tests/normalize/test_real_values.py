"""parse_gpa, parse_credits and parse_money on real program pages (issue 9).

Each case paraphrases an official page of an ALA-accredited program beyond our seven, keeping its
structure; the comment names the school and the kind of page. Negative cases mention a GPA, a
credit count or money but state no admission minimum, no degree total, no price: they give None.
"""

from decimal import Decimal

import pytest

from crawler.normalize import parse_credits, parse_gpa, parse_money

D = Decimal

GPA = [
    # --- minimums, in the forms real pages write them -------------------------------------------------
    # Kentucky, catalog: "3.0 or higher (4.0 scale)".
    ("Admission requires a grade point average of 3.0 or higher (4.0 scale) on any prior undergraduate or graduate "
     "work", D("3.00")),
    # South Carolina, admission guidelines: a minimum followed by an exceptions clause.
    ("A grade point average of at least 3.0 on a 4.0 scale. Students who do not have a 3.0 may still be admitted.",
     D("3.00")),
    # St. Catherine, requirements: "3.0 (B) or better".
    ("Undergraduate cumulative grade point average (GPA) of 3.0 (B) or better on a 4.0 scale.", D("3.00")),
    # Pittsburgh, FAQ: "B (3.0 on a 4.0 scale) or better".
    ("Applicants must have earned a bachelor's degree with a scholastic average of B (3.0 on a 4.0 scale) or better.",
     D("3.00")),
    # Hawaii, admissions criteria: "B" (3.0) average.
    ("Evidence of above average scholastic ability, shown by graduation with a \"B\" (3.0) average or higher.",
     D("3.00")),
    # North Texas: three routes, the first is the regular one.
    ("Transcripts are reviewed for a minimum GPA of 3.0 on the last 60 hours of a bachelor's degree, a 3.0 "
     "cumulative undergraduate GPA, or a 3.5 GPA on a completed master's degree.", D("3.00")),
    # Tennessee, admission snapshot.
    ("Unofficial transcripts with an undergraduate GPA of 3.25 or above.", D("3.25")),
    # Tennessee, older page: "will be considered".
    ("Applicants with an undergraduate grade point average (GPA) of 3.25 or above will be considered for admission.",
     D("3.25")),
    # Alabama: last 60 semester hours, 4.0 system.
    ("A grade point average of at least 3.0 overall for the last 60 semester hours in a degree program, based on a "
     "4.0 system", D("3.00")),
    # LSU: unconditional admission, "A" = 4.0.
    ("A grade-point average of at least 3.0 (\"A\"= 4.0) on all undergraduate work (or in the final 64 credit hours)",
     D("3.00")),
    # Wayne State: 3.00 or better, alternatives after.
    ("Have an undergraduate grade point average of 3.00 or better or possess another degree beyond the bachelor's "
     "degree. Applicants with a GPA between 2.50 and 2.99 can satisfy this requirement another way.", D("3.00")),
    # Wisconsin-Milwaukee: "(4.0 basis)".
    ("A bachelor's degree and an undergraduate GPA of at least 2.75 (4.0 basis) are basic requirements of the "
     "Graduate School.", D("2.75")),
    # Kent State: highest completed degree.
    ("Total GPA of 3.0 or higher in their highest completed degree.", D("3.00")),
    # Maryland: minimum with the average of admitted students after it.
    ("Applicants must have earned a minimum 3.0 GPA (on a 4.0 scale) in all prior undergraduate and graduate "
     "coursework. (The average GPA for students admitted for Fall 2016 was 3.52.)", D("3.00")),
    # Oklahoma PhD page: minimum requirement based on a 4.0 scale.
    ("Applicants must meet the minimum 3.0 GPA requirement (based on a 4.0 scale).", D("3.00")),
    # Southern Miss: regular admission with a 3.0 (4.0 scale) for the last two years.
    ("Students qualifying for regular admission have had a 3.0 (4.0 scale) grade point average for the last two "
     "years of undergraduate study.", D("3.00")),
    # Syracuse: school media track.
    ("Applicants must submit a cumulative undergraduate grade point average of at least 3.0.", D("3.00")),
    # St. John's: 3.0 or above.
    ("All applicants must possess a bachelor's degree from an accredited college with a 3.0 grade point average or "
     "above.", D("3.00")),
    # Issue 9 forms: "B (3.0)", "typically the minimum", one decimal, exceptions clause.
    ("A minimum undergraduate average of B (3.0) is required.", D("3.00")),
    ("A 3.0 GPA is typically the minimum for admission.", D("3.00")),
    ("Minimum GPA: 2.7", D("2.70")),
    ("Minimum GPA of 3.0; exceptions may be made for applicants with strong professional experience.", D("3.00")),
    ("GPA: 3.0 minimum (exceptions considered case by case)", D("3.00")),
    # Kent State FAQ style: regular admission threshold.
    ("For regular admission (unconditional) to graduate study, you must have a cumulative GPA of 3.0 or above.",
     D("3.00")),
    # --- numbers that are not the admission minimum (negative) --------------------------------------
    # Kentucky, degree requirements: GPA to graduate.
    ("To earn the MSLS, students must complete a total of 36 credit hours, successfully pass the exit requirement, "
     "and have a GPA of 3.0 or higher.", None),
    # South Carolina, bulletin: graduation minimum.
    ("An approved program of at least 36 semester hours must be completed with a minimum grade point average of "
     "3.00 (B) overall.", None),
    # Illinois, advising guide: to receive the degree.
    ("You must complete 40 hours of course work with a minimum cumulative grade point average of 2.75 to receive "
     "the M.S. degree.", None),
    # Tennessee, academics: maintain.
    ("Graduate students must maintain a cumulative grade-point average (GPA) of at least 3.0 in all graduate "
     "courses.", None),
    # Southern Connecticut: maintain a QPR.
    ("Students must maintain a minimum QPR of 2.7.", None),
    # Southern Connecticut: probation.
    ("If the cumulative grade point average falls below 3.0, it may result in academic probation.", None),
    # Southern Miss: degree candidates' GPA.
    ("Candidates for the MLIS degree must earn a minimum of 40 semester hours of credit with a 3.0 cumulative GPA.",
     None),
    # Washington: core course grades.
    ("Pass all required core courses with a 2.7 or higher, or CR grade.", None),
    # Maryland: average of admitted students.
    ("The average GPA for students admitted for Fall 2013 was 3.55.", None),
    ("Average GPA of the entering class: 3.48", None),
    # North Texas: conditional band.
    ("Applicants with a 2.90-2.99 will be conditionally admitted and must make a B or above in their first 12 hours.",
     None),
    # Wisconsin-Milwaukee: below the minimum, may be admitted.
    ("A student whose undergraduate GPA is below 2.75 may be admitted with evidence of capacity for graduate work.",
     None),
    # Oklahoma CLS: enrollment limits, not admission.
    ("Exceeding these enrollment limits will be considered if the student has a retention combined GPA of 3.00 or "
     "higher.", None),
    # Oklahoma CLS: profile of successful applicants.
    ("Applicants are evaluated holistically, but generally successful graduate applicants possess a 3.0 cumulative "
     "GPA.", None),
    # Oklahoma CLS: writing sample below 2.5.
    ("Applicants with GPA below 2.5 will be required to submit an additional writing sample.", None),
    # Kent State: how the GPA is computed.
    ("GPA is calculated from the grades of all courses taken at the relevant level, baccalaureate or master.", None),
    # Kent State FAQ: transcripts advice.
    ("If your total undergraduate GPA is less than 3.0, it is to your advantage to submit graduate transcripts.",
     None),
    # Dominican, undergraduate admission: a high-school GPA.
    ("Entrance requirements include a high school cumulative grade point average of 2.7.", None),
    # Drexel engineering: merit awards.
    ("The merit-based award is determined using GPA and GRE scores.", None),
    # San Jose State: provisional admission timing.
    ("The Graduate Admissions office will calculate your GPA based on your last 60 semester (90 quarter) units.",
     None),
    # Scholarship GPA.
    ("Scholarship recipients must keep a 3.5 GPA to renew the award.", None),
    # A GRE writing score written like a GPA.
    ("Scores need to be at least 294 with a score of at least 4.0 on the writing section.", None),
    # Kentucky graduate admissions: the scale restated "A = 4.0" after the minimum.
    ("A grade point average of 3.0 or higher on any prior undergraduate or graduate work, in both cases on a "
     "scale with A = 4.0.", D("3.00")),
    # Oklahoma CLS: conditional admission below 3.0 only.
    ("Applicants with a GPA below a 3.0 will be considered and may be conditionally admitted.", None),
    # Wayne State: post-baccalaureate route with its own GPA.
    ("Submit evidence of graduate course work completed with a grade point average of 3.0 or better in a minimum "
     "of 12 graduate credits.", None),
    # Profile of admitted students, then the stated minimum (Maryland-like FAQ).
    ("Applicants typically have a GPA of 3.4.", None),
    ("The average undergraduate GPA of our fall 2024 cohort was 3.41; the minimum is 3.0.", D("3.00")),
    ("Preferred GPA: 3.2; minimum 2.8", D("2.80")),
    # Tennessee academics: a grade below C cannot count.
    ("A course for which a graduate student receives a grade below C cannot be used towards the degree.", None),
]


CREDITS = [
    # --- degree totals beside their parts ------------------------------------------------------------
    # Kentucky, catalog: "Within the 36 hours".
    ("Within the 36 hours, students must complete 4 required core courses (12 hours), 1 technology course "
     "(3 hours), and 7 elective courses (21 hours).", D("36")),
    # Kentucky, catalog: a total.
    ("To earn the MSLS, students must complete a total of 36 credit hours and pass the exit requirement.", D("36")),
    # Kentucky online: at-a-glance block.
    ("Credits and Tuition Cost (2023-2024) Credits Required: 36 Cost Per Credit: $737.00", D("36")),
    # Illinois, advising guide.
    ("You must complete 40 hours of course work to receive the M.S. degree. Of those 40 hours, 6 hours are required.",
     D("40")),
    # Illinois, degree page.
    ("The master's degree program requires 40 hours of graduate study, including two core courses.", D("40")),
    # Syracuse: a 36-credit degree program.
    ("The MSLIS is a comprehensive, ALA-accredited, 36-credit degree program.", D("36")),
    # Syracuse: overview with its parts.
    ("Overview (36 total credits) 19 credits of core knowledge and skills courses 14 credits of elective courses "
     "3 credit exit requirement", D("36")),
    # Drexel: core, then total with decimals.
    ("All students complete the six core courses, totaling 18.0 credits. Completion of the MSLIS requires a total of "
     "45.0 credits.", D("45")),
    # Drexel: credits equating to courses.
    ("45 credits to complete MS programs equating to 15 courses", D("45")),
    # South Carolina: hours including core.
    ("MLIS students on the General track take 36 hours of coursework, including 18 hours of required core classes.",
     D("36")),
    # South Carolina: a heading.
    ("Degree Requirements (36 Hours)", D("36")),
    # South Carolina: at least 36 semester hours.
    ("An approved program of at least 36 semester hours of graduate course work must be completed.", D("36")),
    # Alabama: credit-hour program.
    ("The MLIS degree is a 36-credit-hour program, one of about 55 accredited programs.", D("36")),
    # Valdosta: at-a-glance.
    ("Total Credit Hours: 39 Degree Format: Online", D("39")),
    # Valdosta: semester-hour, non-thesis.
    ("The curriculum is a 39 semester-hour, non-thesis program.", D("39")),
    # Valdosta, 1999 news: a typical program of 40 credits and its parts.
    ("A typical program would consist of 40 credits: a three-credit foundations course, up to 24 credit hours of "
     "web-based instruction, 10 face-to-face credits, and a three-credit capstone course.", D("40")),
    # Missouri: credit hours including required.
    ("The program consists of 39 credit hours, including 18 credits of required courses.", D("39")),
    # Missouri: parenthesised parts.
    ("Successful completion requires 39 credit hours of course work (27 credit hours of required courses, a 3-credit "
     "hour practicum and 9 credit hours of electives).", D("39")),
    # Missouri online: at-a-glance.
    ("Course Delivery 100% Online Total Credits 39 In-State Tuition Per Credit $367.60", D("39")),
    # Wisconsin-Milwaukee FAQ.
    ("The minimum degree requirement for the MLIS is 36 graduate credits.", D("36")),
    # Rutgers: a 36-credit degree.
    ("The Master of Information program is a competitive, 36-credit degree available on campus or fully online.",
     D("36")),
    # Rutgers review: words and a course count.
    ("Thirty six credits (12 courses) are required to earn the MLIS degree.", D("36")),
    # St. John's: credits then courses.
    ("The program requires 36 credits, four core courses, a management course, and seven elective courses.", D("36")),
    # Hawaii: required credits beside a per-course value and full-time status.
    ("When calculating tuition, note that 39 graduate credits are required for the MLISc degree and that courses "
     "are worth 3 credits each. Full-time graduate student status is 8 credits each semester.", D("39")),
    # Washington: total, then ranges of parts.
    ("63 total credits required for degree: 30-33 credits, required core; 25-28 credits, electives; 5 credits, "
     "Capstone", D("63")),
    # Alberta: N-credit program.
    ("The program is a 48-credit program (16 courses) and students have 6 years to complete it.", D("48")),
    # UNC Greensboro FAQ: semester hours of which core.
    ("The MLIS program requires 36 semester hours of course work of which 15 hours are core courses.", D("36")),
    # UNC Greensboro catalog: table total row.
    ("Total Credit Hours | 36", D("36")),
    # IUPUI FAQ: "within the 39 credits".
    ("It is possible to complete two specializations within the 39 credits.", D("39")),
    # South Florida catalog.
    ("Total Minimum Program Hours Required (Post Bachelor's Degree): 39", D("39")),
    # Southern Miss: words with the figure in parentheses.
    ("Candidates must earn a minimum of forty (40) semester hours of credit. Eighteen (18) of these hours must be "
     "at the 600 level.", D("40")),
    # Dominican: 12-course (36 credit-hour) curriculum.
    ("Our 12-course (36 credit-hour) curriculum prepares you for a broad spectrum of libraries.", D("36")),
    # Simmons: the 36-credit MS degree.
    ("The requirements for completing the 36-credit MS degree are as follows:", D("36")),
    # Southern Connecticut: a total of 36 credits (approximately 12 courses).
    ("The degree requires completion of a total of 36 credits (or approximately 12 courses).", D("36")),
    # Issue 9 forms.
    ("40* (includes a one-credit orientation)", D("40")),
    ("Total credits: 40* *includes a one-credit orientation course", D("40")),
    ("The degree was reduced from 42 to 36 credit hours in 2023.", D("36")),
    ("Beginning fall 2024, required credits were reduced from 42 to 36.", D("36")),
    ("The MLIS requires 36 credits; the school library certificate adds 18 credits.", D("36")),
    ("MLIS: 36 credit hours. Graduate certificate in archives: 15 credit hours.", D("36")),
    # --- not a degree total (negative) ----------------------------------------------------------------
    # UNC Greensboro catalog: two totals for two tracks.
    ("Required: 36 or 42 credit hours", None),
    # Illinois FAQ: transfer limit.
    ("You can transfer up to eight credit hours from another ALA-accredited university.", None),
    # Syracuse: electives only.
    ("Students are able to select 14 credits of electives from a variety of graduate classes.", None),
    # South Carolina: classes in and outside the school.
    ("Our students take at least eight of their classes (24 hours) in our school, which leaves four classes "
     "(12 hours) in other departments.", None),
    # Missouri: clock hours of a practicum.
    ("The School Library Practicum (3 credit hours) requires 100 clock hours spent in a school library.", None),
    # Wisconsin-Milwaukee: a coordinated-degree component.
    ("The MLIS component of each coordinated program includes 30 credits of SOIS courses.", None),
    # Catholic: exemption and remaining credits.
    ("An accepted student with a graduate degree is exempt from six semester credit hours; the 30 remaining credits "
     "must be earned within the Department.", None),
    # Dominican: accelerated option.
    ("Seniors may be admitted to take up to six semester hours of courses in SOIS.", None),
    # Simmons: load per semester.
    ("Courses may be taken part-time (3-6 credits per semester) or full-time (9 credits per semester).", None),
    # Southern Connecticut: transfer credits.
    ("Up to 9 transfer credits may be awarded.", None),
    # Tennessee: course load.
    ("The maximum course load for a graduate student is 15 hours in the fall and spring semesters and 12 hours in "
     "the summer.", None),
    # Pittsburgh: transfer of six credits.
    ("Up to six (6) credits of graduate-level course work can be transferred from an accredited institution.", None),
    # Issue 9: reductions.
    ("Students holding a prior master's degree receive a six-hour reduction.", None),
    ("A 6-credit reduction is available for students with a second master's degree.", None),
    # McGill: annual full-time load.
    ("Approximate annual fees for full-time (24 credits) students as of July 2020.", None),
    # Certificate only.
    ("The post-master's certificate requires 15 credit hours.", None),
    ("School library certification requires 24 credits of coursework.", None),
    # Full-time status.
    ("Full-time status is 9 credit hours per semester.", None),
    # Clock hours of an internship.
    ("The internship consists of 120 clock hours on site.", None),
    # Per-course credits.
    ("Each course is worth 3 credits.", None),
    # Kentucky graduate admissions: fees only.
    ("There is a $65 domestic application fee and a $75 international application fee.", None),
    # Rutgers 2003 fee schedule: full-time means 12 or more credits.
    ("Student Fee Full-time (12 or more credits) 391.00 Part-time (11 or fewer credits) 103.00", None),
    # Drexel student post: 45 credits spread over 15 classes.
    ("I still need 45 credits, but that is spread out over 15 classes, including the capstone project.", D("45")),
    # Southern Connecticut: three credits outside the program.
    ("Students may take up to three credits outside the program with prior approval.", None),
    # Issue 9: credits added on top of a figure leave the total unstated.
    ("Students complete 30 credits of coursework plus a 6-credit thesis.", None),
]


MONEY = [
    # Rutgers tuition page: no thousands separator.
    ("$1172 per credit for non-residents", D("1172.00")),
    # FSU distance page: hyphenated unit.
    ("a $5-per-term FSUCard fee", D("5.00")),
    # North Texas: application fee.
    ("pay the $75 non-refundable application fee", D("75.00")),
    # Kentucky: with cents.
    ("Cost Per Credit: $737.00", D("737.00")),
    # Issue 9 leftover: money in words.
    ("The application fee is fifty dollars.", D("50.00")),
    ("Tuition is five hundred dollars per credit hour.", D("500.00")),
    # Negatives: other currencies, vague words.
    ("Tuition (CAD): $2,098", None),
    ("CAD $1,200 per course", None),
    ("C$900 per term", None),
    ("\u20ac900 per semester", None),
    ("\u00a3500 deposit", None),
    ("a few hundred dollars for books", None),
    ("The application fee is non-refundable.", None),
    ("AUD 500 per unit", None),
    # Kentucky graduate admissions: the first of two fees.
    ("There is a $65 domestic application fee and a $75 international application fee.", D("65.00")),
    # Salve Regina-like table cell.
    ("Registration fee | $60 |", D("60.00")),
]


@pytest.mark.parametrize("text, expected", GPA)
def test_parse_gpa_real_pages(text, expected):
    assert parse_gpa(text) == expected


@pytest.mark.parametrize("text, expected", CREDITS)
def test_parse_credits_real_pages(text, expected):
    assert parse_credits(text) == expected


@pytest.mark.parametrize("text, expected", MONEY)
def test_parse_money_real_pages(text, expected):
    assert parse_money(text) == expected
