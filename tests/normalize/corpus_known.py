"""Tune sentences of the reading corpus that are not read right yet, each with why (issue 19).

`MISSED`: a value the text states that we do not read (allowed: an unknown is better than a wrong
value). `WRONG`: a value that differs from the label; each is a defect to fix, listed so the
corpus test stays strict for every other sentence (a listed sentence that starts reading right
fails the test: the lists only shrink). Both are keyed by corpus sentence id (slug-index-function).
"""

WRONG: dict[str, str] = {
    "st-johns-b-4-parse_exam_rule": "a state mandate for 'all candidates' whose next sentence names the School of Education's programs: the first sentence alone reads as this program's",
    "valdosta-b-3-parse_exam_rule": "the GRE as an exemption from a licensure test (GACE) named in an earlier bullet",
    "catholic-b-1-parse_delivery": "online classes described as a kind ('An online class is taught asynchronously'): read as an online program, as the unit tests' convention for 'Real-time online classes meet Tuesday evenings' wants",
    "ualberta-b-2-parse_delivery": "online courses described as a kind ('Online courses are taken asynchronously'): same convention as catholic-b-1",
    "shsu-0-parse_deadlines": "'received early (...) will be given preference': 'early' read as priority and held past 'All applications are due by'",
    "alabama-3-parse_deadlines": "rolling term from the previous clause; 'please finish by' read as final, not preferred",
    "dalhousie-15-parse_deadlines": "an award's eligibility date read as a final admission deadline",
    # Batch B of reading-c, scored once at the end and never tuned on: left as measured (a holdout).
    "fresh-c-b-10-parse_tuition": "batch B: flattened table whose unit columns (per credit, per semester, yearly) are not aligned to cells",
    # Batch A of reading-e (tuition and money, third pass), tuned on: what its rules leave.
    "fresh-e-tu-a-26-parse_tuition": "batch A: a residency table whose fee rows print their cells without '$' between '$' rows: the sums row is read as fees",
    # Batch B of reading-e (tuition and money), scored once at the end and never tuned on: left as measured.
    "fresh-e-tu-b-3-parse_tuition": "batch B: 'Resource Fees per semester' heading then load rows: the unlabelled amounts read as tuition, not fees",
    "fresh-e-tu-b-5-parse_tuition": "batch B: 'End of semester delinquent account charge $75.00': a penalty read as a term fee",
    "fresh-e-tu-b-8-parse_tuition": "batch B: another college's technology fee ('David B. Falk College ... Non-Falk majors'): no scope word for it",
    "fresh-e-tu-b-11-parse_tuition": "batch B: '$590 Per course fee': the next row's unit read as this cell's ('per course' for a second tuition)",
    "fresh-e-tu-b-18-parse_tuition": "batch B: a fee per undergraduate course unit with a cap read as a fee per credit",
    "fresh-e-tu-b-23-parse_tuition": "batch B: 'Semester Annual' columns: the semester cells read as annual",
    "fresh-e-tu-b-25-parse_tuition": "batch B: another program's row ('Master of Energy Economics') under a school heading read as ours",
    "fresh-e-tu-b-29-parse_money": "batch B: a stipend ('receive a minimum of $20,000') names no charge: read as a bare amount",
    "fresh-e-tu-b-30-parse_money": "batch B: a registration option's charge names no charge word: read as a bare amount",
    "fresh-e-tu-b-32-parse_tuition": "batch B: another college's course fee charged on its courses only ('for VPA courses')",
    # Batch D of reading-c, written after the last rule and scored once: left as measured.
    "fresh-c-d-17-parse_tuition": "batch D: undergraduate and graduate columns of a flattened table read as rows, the graduate column as fees",
    "fresh-c-d-18-parse_tuition": "batch D: equal undergraduate/graduate columns: the second cell read again with another unit",
    # Batch A of r-scope (credits, GPA, duration; tuned on): the wrongs left after the rules.
    "fresh-e-cg-a-37-parse_duration": "batch A: 'Most students complete the program in three years': what most students do, read as the length (the corpus reads 'usually completed in two years' as the length; no rule separates the two)",
    # (Batch B of r-scope, credits and duration: its six wrongs read right after r-scope2's shape gate.)
    # Batch R2-A of r-scope2 (credits, GPA, duration; scored once, then tuned on): what the shape gate leaves.
    "fresh-r2-a-22-parse_duration": "batch R2-A: 'The vast majority of students finish the program in only 3 years' beside a six-year limit: what most students do, read as the length (the unit tests read 'Most students finish in 18 months to 3 years' as the length; the corpus convention does not)",
    # Batch R2-B of r-scope2, written after the gate and scored once (21 right, 0 missed, 4 wrong), then tuned on
    # with general rules (23, 0, 2): what is left.
    "fresh-r2-b-6-parse_gpa": "batch R2-B: 'All applicants to the Master of Accountancy program need a cumulative GPA of 2.75': another program named by a discipline the vocabulary does not list",
    "fresh-r2-b-7-parse_gpa": "batch R2-B: '...Occupational Therapy program need a cumulative GPA of 3.0; for Prosthetics and Orthotics, a cumulative GPA of 2.5': the first clause moves (another discipline's program), the second names a program the vocabulary does not know",
    # Batch R2-C of r-scope2 (24 look-alikes), written after the last rule and scored once (23 right, 1 wrong;
    # the code before this pass: 22, 2): never tuned on, left as measured.
    "fresh-r2-c-7-parse_credits": "batch R2-C: 'by the end of the semester in which the student completes 15 credit hours': a probation point read as the total ('completes' binds it; 'fewer than 15 credits' earlier in the clause is not a breaker)",
    "hawaii-11-parse_delivery": "offerings described (hybrid courses for some students), not the program's mode",
    "iu-bloomington-10-parse_deadlines": "another university's program ('MLS' = Liberal Studies); nothing in the text says so",
    "liu-post-10-parse_credits": "a cohort's course list total read as the degree total",
    "nccu-12-parse_exam_rule": "a numbered list whose alternative route comes in a later item",
    "pennwest-2-parse_gpa": "the university's general admission minimum; the program's is stated elsewhere",
    "simmons-2-parse_exam_rule": "a dual degree written 'Archives Management (MS) + History (MA)'",
    "simmons-10-parse_delivery": "a list of schedules including online; the label reads it as no mode",
    "umich-2-parse_deadlines": "a merit scholarship's first-consideration deadline read as a priority deadline",
    "uri-2-parse_deadlines": "'deadlines for priority admission' heading not applied; a scholarship date added",
    "utk-4-parse_gpa": "foreign degree holders' minimums read from the second figure",
    "utk-5-parse_deadlines": "two-column table (deadline, file completion deadline): second column read as deadlines",
    "utoronto-8-parse_tuition": "a levy named in a bullet before the amounts",
    "western-0-parse_duration": "'at least 12 months' then a part-time plan of 20 months: upper end not read",
}

MISSED: dict[str, str] = {
    # Batch B of reading-e, scored once at the end and never tuned on: left as measured.
    "fresh-e-tu-b-12-parse_money": "batch B: 'Application fee (for graduate admission) $65 Application fee (for non-degree status) $65': the non-degree scope blanks the clause",
    "fresh-e-tu-b-22-parse_tuition": "batch B: credit, semester and annual columns with reduced-status columns after them: not aligned",
    # Batch A of reading-e (tuition and money, third pass), tuned on: what its rules leave.
    "fresh-e-tu-a-31-parse_tuition": "batch A: a schedule of charges printed without '$' or cents ('Tuition per semester hour 320'): bare numbers are not read as money",
    "fresh-e-tu-a-38-parse_tuition": "batch A: a flat fee whose unit is the table's term columns ('Fall 2026 Rates | Spring 2027 Rates')",
    "buffalo-a-5-parse_credits": "two degrees' totals in one sentence (the second 'for the MS in School Librarianship')",
    "dalhousie-0-parse_deadlines": "flattened table: the scholarship row's date (labelled priority) is not read as an admission date",
    "iu-bloomington-b-1-parse_deadlines": "'Application deadline for mid-March response': a month with no day in a deadline's place makes the whole list unread",
    "shsu-6-parse_deadlines": "a dashed list with no sentence end before 'Some programs may have earlier deadlines': the scope blanks the list",
    "fresh-c-c-14-parse_tuition": "batch C: 'Activity fees: 1-8 credit hours (charge per credit hour ...) $15': the load row's unit in a parenthesis of notes",
    "fresh-c-d-15-parse_duration": "batch D (never tuned on): a time limit whose sentence names transferred credits (the transfer words skip it)",
    "fresh-c-b-42-parse_credits": "batch B (never tuned on): 'requires at least 30 credits and 16 months': the months beside it",
    "fresh-e-cg-a-17-parse_credits": "batch A: the heading 'MASTER OF SCIENCE DEGREE MODEL' matches another master's of science (vocabulary.OTHER_CREDENTIALS reads the capitalized 'DEGREE' as a field name) and blanks the text",
    "fresh-e-cg-a-20-parse_credits": "batch A: 'MASTER OF SCIENCE DEGREE - TOTAL OF 36 SEMESTER HOURS': same capitalized heading read as another credential",
    "fresh-e-cg-a-32-parse_gpa": "batch A: a flattened row 'Minimum requirement overall (B-): B- 2.7': a letter grade between the label and the number",
    "fresh-e-cg-b-19-parse_credits": "batch B (never tuned on): 'at least 36 credits for graduates': 'at least' before the figure reads it as a part (credits._PART_BEFORE)",
    "fresh-e-cg-b-28-parse_credits": "batch B (never tuned on): '..., a comprehensive examination, and thirty (30) graduate credit hours for the ... degree': 'and' before the figure reads it as a part (credits._PART_BEFORE)",
    "fresh-e-cg-b-33-parse_duration": "batch B (never tuned on): 'nine hours per semester for four semesters': a course plan's length not read",
    "fresh-c-a-17-parse_tuition": "'$40,449 ($13,483 per term)': the yearly figure's unit is not written (abstained: a unit in a parenthesis is its amount's)",
    "fresh-c-a-30-parse_money": "'For Degree Programs (Ph.D. and Master's)': the PhD heading moves the fee away though ours shares it",
    "dominican-5-parse_tuition": "fee list with units in parentheses",
    "emporia-11-parse_tuition": "graduate row of an undergraduate/graduate table",
    "emporia-13-parse_tuition": "graduate row of an undergraduate/graduate table",
    "fsu-15-parse_tuition": "'$5-per-term' hyphenated unit",
    "illinois-14-parse_tuition": "semester rates by credit range (ranges as columns)",
    "iu-bloomington-4-parse_deadlines": "a date stated for international applicants after a processing note",
    "mcgill-1-parse_gpa": "'CGPA of 3.0 out of 4.0' spelled CGPA/CPGA",
    "missouri-3-parse_gpa": "GPA minimum in a bulleted requirement",
    "nccu-1-parse_exam_rule": "'one of the following standardized test scores' list",
    "pitt-3-parse_exam_rule": "'standardized predictor test' with a waiver",
    "pratt-5-parse_exam_rule": "GPA or test evidence as a route",
    "pratt-6-parse_deadlines": "rolling plus recommended dates",
    "queens-6-parse_tuition": "fee table with included fees",
    "ualberta-4-parse_gpa": "'calculated over the most recent coursework' (calculated is a scope word for averages)",
    "ualberta-6-parse_duration": "time limit in a later sentence about course-based study",
    "ualberta-9-parse_credits": "credits written with a star (★39)",
    "unc-chapel-hill-6-parse_exam_rule": "'We also use GRE scores': no status word",
    "uncg-2-parse_credits": "two programs' totals in one sentence",
    "uncg-10-parse_exam_rule": "a question followed by an answer without yes/no",
    "felician-0-parse_tuition": "a Doctorate row blanks the whole flattened price list (another credential binds the sentence)",
    "montevallo-0-parse_tuition": "a Cyber Doctorate row blanks the whole flattened price list (another credential binds the sentence)",
    "rutgers-14-parse_tuition": "a 'Tuition and Fees' heading makes the residency pair a combined figure: not read",
    "rutgers-16-parse_tuition": "full-time rows printed without '$' and without their own unit ('Annual' heads the table)",
    "vt-0-parse_gpa": "the regular minimum named inside a lesser route's sentence ('below the 3.00 required by the Graduate School')",
    "ut-austin-1-parse_exam_rule": "optional for one program, another's rule beside it",
    "ut-austin-4-parse_exam_rule": "'will not require GRE scores for the Fall 2024 cycle'",
    "utk-3-parse_deadlines": "rolling 'until the incoming class is full'",
}
