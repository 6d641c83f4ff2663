"""Tune sentences of the reading corpus that are not read right yet, each with why (issue 19).

`MISSED`: a value the text states that we do not read (allowed: an unknown is better than a wrong
value). `WRONG`: a value that differs from the label; each is a defect to fix, listed so the
corpus test stays strict for every other sentence (a listed sentence that starts reading right
fails the test: the lists only shrink). Both are keyed by corpus sentence id (slug-index-function).
"""

WRONG: dict[str, str] = {
    # Batch S (the familiar-wording gate's unseen measure, never tuned on): the rules alone, as measured once.
    "fresh-s-7-parse_deadlines": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-29-parse_gpa": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-32-parse_deadlines": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-49-parse_credits": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-52-parse_accredited": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-68-parse_tuition": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-77-parse_gpa": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-s-81-parse_delivery": "batch S, never tuned on: read wrong by the rules alone (as measured once)",
    # Batch P (the familiar-wording gate's unseen measure, written before the gate, never tuned on): the rules alone, as measured once.
    "fresh-p-1-parse_money": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-27-parse_exam_rule": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-36-parse_tuition": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-40-parse_money": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-43-parse_delivery": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-54-parse_duration": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-56-parse_gpa": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-59-parse_exam_rule": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-68-parse_tuition": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-69-parse_tuition": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-80-parse_credits": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-85-parse_deadlines": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-87-parse_delivery": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-90-parse_delivery": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-91-parse_delivery": "batch P, never tuned on: read wrong by the rules alone (as measured once)",
    # Batch Q (the familiar-wording gate's unseen measure, written before the gate, never tuned on): the rules alone, as measured once.
    "fresh-q-8-parse_tuition": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-15-parse_deadlines": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-16-parse_deadlines": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-21-parse_tuition": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-29-parse_duration": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-51-parse_duration": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-54-parse_tuition": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-p-36-parse_tuition": "batch P: the undergraduate row of a flattened table read beside the graduate one (the same amount twice); every word familiar",
    "fresh-p-40-parse_money": "batch P: the undergraduate application fee, named first, taken for the graduate program's",
    "fresh-p-69-parse_tuition": "batch P: a row labelled 'Fee per credit hour' under a tuition heading read as a fee, and an in-state rate invented",
    "fresh-s-68-parse_tuition": "batch S: a flattened 'Schedule of Fees / Academic Charges' row of per-hour rates read as fees (labelled tuition); every word familiar",
    "fresh-q-58-parse_delivery": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-90-parse_duration": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    "fresh-q-96-parse_gpa": "batch Q, never tuned on: read wrong by the rules alone (as measured once)",
    # Batch N-ST (r7-status, issue 19 seventh pass): the pass's own unseen check, scored once after the last rule,
    # never tuned on; the wrongs as measured (the code without the pass reads the same).
    "fresh-n-st-4-parse_exam_rule": "batch N-ST: an unanswered question without a question mark ('Does the VSU MLIS Program require the GRE, MAT ...') read as required",
    "fresh-n-st-11-parse_accredited": "batch N-ST: advice 'make sure that the program you choose is accredited by the ALA': the chosen program is read as this one",
    "fresh-n-st-21-parse_exam_rule": "batch N-ST: business programs' rule '(MBA, MSA, MSBA)' with a waiver read as conditional: the programs named by letters in a parenthesis are not seen as another program",
    "fresh-n-st-23-parse_delivery": "batch N-ST: a student's remark on 'taking online courses' read as an online program",
    "fresh-n-st-26-parse_delivery": "batch N-ST: 'a brick-and-mortar LIS school without a fully online option' (schools in general, negated) read as online",
    # Batch N-CG (r7-scope, seventh pass): written after the pass's last rule, scored once, never tuned on: as measured.
    "fresh-n-cg-4-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): dual-degree study plans ('Three- and four-year study plans ... coordinated dual degree study') read as the upper end",
    "fresh-n-cg-7-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'Foundational Courses (43 credits)': a course group named 'Foundational' (the part scope knows 'foundation(s)'), this program's name after it",
    "fresh-n-cg-12-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): an advanced standing track's total (one applicant group's route) read as the program's",
    "fresh-n-cg-15-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): an advanced standing track's length read as the program's",
    "fresh-n-cg-17-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'MSW Advanced Standing Program (39 Credits)': a track's credits read as the total",
    "fresh-n-cg-18-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): an advanced standing track's lengths read as the program's",
    "fresh-n-cg-19-parse_gpa": "batch N-CG (the seventh pass's unseen check, never tuned on): a GPA below which applicants may still apply ('Applicants with a lower cumulative GPA may apply') read as a minimum",
    "fresh-n-cg-21-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): advanced standing students' length read as the program's",
    "fresh-n-cg-22-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): '30 credit hours in the M.B.A. core': a part named with a qualifier and no 'courses' read as the total",
    "fresh-n-cg-38-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'by the completion of 20 semester hours': a point along the way (a filing deadline) read as the total",
    "fresh-n-cg-43-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): '4 additional courses (12 credit hours)': additional courses read as the total",
    "fresh-n-cg-45-parse_gpa": "batch N-CG (the seventh pass's unseen check, never tuned on): an advanced standing criterion's GPA in one field's courses ('in all the social work courses') read as the minimum",
    "fresh-n-cg-47-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): an advanced standing plan's credits read as the program's",
    # Batch N-TU of r7-money (tuition and money): written after the pass's last rule, scored once, never tuned on.
    "fresh-n-tu-13-parse_tuition": "batch N-TU (measured once): a registration fee of summer-session and clinical-only terms, the session named after the unit ('per term summer session ...'), read as a term fee",
    "alabama-3-parse_deadlines": "rolling term from the previous clause (';' ends the sentence that names spring)",
    # Batch B of reading-c, scored once at the end and never tuned on: left as measured (a holdout).
    # Batch A of reading-e (tuition and money, third pass), tuned on: what its rules leave.
    # Batch B of reading-e (tuition and money): tuned on by the shape gate (r-money2, fourth pass).
    "fresh-e-tu-b-11-parse_tuition": "batch B: both 'Per credit hour tuition' rows read ($590 per credit twice: the Office of Global Distance's row has its own applies_to); the label keeps one",
    # Batch D of reading-c, written after the last rule and scored once: left as measured.
    # Batch A of r-scope (credits, GPA, duration; tuned on): the wrongs left after the rules.
    # Batch B of r-scope (credits, GPA, duration), scored once at the end and never tuned on: left as measured.
    # Batch A of r-status (exam rules, accreditation, delivery), tuned on: what its rules leave.
    # Batch B of r-status, scored once at the end and never tuned on: left as measured (a holdout).
    # Batch A of r-scope (credits, GPA, duration; tuned on): the wrongs left after the rules.
    # (Batch B of r-scope, credits and duration: its six wrongs read right after r-scope2's shape gate.)
    # Batch R2-A of r-scope2 (credits, GPA, duration; scored once, then tuned on): what the shape gate leaves.
    # Batch R2-B of r-scope2, written after the gate and scored once (21 right, 0 missed, 4 wrong), then tuned on
    # with general rules (23, 0, 2): what is left.
    # Batch R2-C of r-scope2 (24 look-alikes), written after the last rule and scored once (23 right, 1 wrong;
    # the code before this pass: 22, 2): never tuned on, left as measured.
    "iu-bloomington-10-parse_deadlines": "another university's program ('MLS' = Liberal Studies); nothing in the text says so",
    "liu-post-10-parse_credits": "a cohort's course list total read as the degree total",
    "pennwest-2-parse_gpa": "the university's general admission minimum; the program's is stated elsewhere",
    "simmons-2-parse_exam_rule": "a dual degree written 'Archives Management (MS) + History (MA)'",
    "umich-2-parse_deadlines": "a merit scholarship's first-consideration deadline read as a priority deadline",
    # Batch B of r-dead (deadlines, issue 19 third pass), never tuned on, scored once at the end:
    # left as measured (each was wrong with main's code too).
    "utk-4-parse_gpa": "foreign degree holders' minimums read from the second figure",
    "western-0-parse_duration": "'at least 12 months' then a part-time plan of 20 months: upper end not read",
    # Batch F (independent measure of the third pass, never tuned on): left as measured.
    "fresh-f-26-parse_gpa": "batch F: a GPA that, with work experience, waives a test: read as the admission minimum",
    "fresh-f-27-parse_gpa": "batch F: the Graduate School's floor that colleges and departments may raise: read as the program's (sixth pass: a floor programs may only raise still binds every applicant, as LSU's FAQ the spider reads; the label says otherwise, a decision for the lead)",
    "fresh-f-96-parse_exam_rule": "batch F: every applicant may take a GMAT/GRE waiver: read as conditional, labelled optional",
    "fresh-f-123-parse_money": "batch F: an application fee on a Canadian university's schedule (dollars not US): read as US dollars",
    # Batch G of r5-scope (credits, GPA, duration; fifth pass), tuned on: what its rules leave.
    # Batch H of r5-scope (credits, GPA, duration), written after the fifth pass's last rule, scored once, never tuned on.
    # Batch G of r5-status (exam rules, accreditation, delivery; fifth pass): scored once before the rules.
    "fresh-g-st-27-parse_delivery": "batch G: 'The University of North Texas holds a conference ... Other than these meetings, the program is completely online': another university's program",
    # Batch J of r6-scope (credits, GPA, duration; sixth pass), scored once before the rules: what is not fixed yet.
    "fresh-j-cg-11-parse_credits": "batch J: 'at least 3 concentration credits must be taken within the MPA program for a total of 30 credits in the MPA program': a residence count read as the total",
    "fresh-j-cg-39-parse_duration": "batch J: a flattened table with a study period and an academic period (the limit): the study period read as a limit",
    # Batch J-TU (r6-money, issue 19 sixth pass), scored once before the rules: the wrongs as measured.
    "fresh-j-tu-32-parse_tuition": "batch J-TU: equal fee cells under residency columns read once per residency column; labelled 'any' (the convention of fresh-c-d-18 and fresh-f-64; emporia-13 and fresh-e-tu-a-26 label such cells per column): a labelling choice for the lead",
    # Batch I: written by a colleague who changed no code; the unseen measure of the sixth pass, tune material of the seventh.
    "fresh-i-65-parse_exam_rule": "batch I (tuned on in the seventh pass, left): a no beside \"is welcome to\" submit is labelled optional here, while illinois-2 and unc-chapel-hill-7 (a no beside \"may submit\") are labelled not_required: a labelling conflict, no rule written",
    # Batch N-DL (r7-dead, seventh pass): its own unseen check, scored once after the last rule; never tuned on.
    "fresh-n-dl-3-parse_deadlines": "batch N-DL (scored once, never tuned on): a first-year applicants' column ('ACTION FIRST YEAR ... Early Action: November 15') read as a priority date",
    "fresh-n-dl-5-parse_deadlines": "batch N-DL (scored once, never tuned on): 'For September 2008 enrollment, December 15, 2007 is the deadline': the September enrollment not read as fall",
    "fresh-n-dl-6-parse_deadlines": "batch N-DL (scored once, never tuned on): 'Summer-only MPH Program (priority): December 15, 2007': a program's name read as the summer term",
    "fresh-n-dl-17-parse_deadlines": "batch N-DL (scored once, never tuned on): a graduation application's 'FALL APPLICATION DATES: ... Priority Date: July 10' read as an admission priority date (the graduation words stand in the sentence before)",
    # Batch L: the lead's final unseen measure, written by a colleague who changed no code; never tuned on.
    "fresh-l-1-parse_gpa": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-2-parse_deadlines": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-3-parse_exam_rule": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-5-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-12-parse_deadlines": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-23-parse_deadlines": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-26-parse_exam_rule": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-47-parse_delivery": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-53-parse_credits": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-55-parse_credits": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-58-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-79-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-81-parse_exam_rule": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-90-parse_credits": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-100-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-101-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-124-parse_gpa": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-136-parse_tuition": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-137-parse_exam_rule": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-138-parse_gpa": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-142-parse_gpa": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-144-parse_deadlines": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-146-parse_delivery": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-154-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
    "fresh-l-155-parse_duration": "batch L (the final unseen measure, never tuned on): wrong as measured after the seventh pass",
}

MISSED: dict[str, str] = {
    # Batch S (the familiar-wording gate's unseen measure, never tuned on): the rules alone, as measured once.
    "fresh-s-1-parse_accredited": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-6-parse_deadlines": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-11-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-12-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-13-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-16-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-27-parse_deadlines": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-33-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-37-parse_tuition": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-39-parse_tuition": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-43-parse_credits": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-60-parse_delivery": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-66-parse_tuition": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-73-parse_exam_rule": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-85-parse_credits": "batch S, never tuned on: missed by the rules alone (as measured once)",
    "fresh-s-88-parse_delivery": "batch S, never tuned on: missed by the rules alone (as measured once)",
    # Batch P (the familiar-wording gate's unseen measure, never tuned on): the rules alone, as measured once.
    "fresh-p-0-parse_tuition": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-10-parse_exam_rule": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-15-parse_delivery": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-22-parse_deadlines": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-41-parse_credits": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-46-parse_accredited": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-64-parse_exam_rule": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-79-parse_duration": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-89-parse_deadlines": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-93-parse_deadlines": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-94-parse_gpa": "batch P, never tuned on: missed by the rules alone (as measured once)",
    "fresh-p-99-parse_deadlines": "batch P, never tuned on: missed by the rules alone (as measured once)",
    # Batch Q (the familiar-wording gate's unseen measure, never tuned on): the rules alone, as measured once.
    "fresh-q-25-parse_money": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-37-parse_delivery": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-46-parse_deadlines": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-53-parse_tuition": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-59-parse_credits": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-60-parse_gpa": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-61-parse_deadlines": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-65-parse_delivery": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-69-parse_delivery": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-76-parse_duration": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-78-parse_tuition": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-81-parse_credits": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-83-parse_delivery": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-89-parse_deadlines": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    "fresh-q-95-parse_deadlines": "batch Q, never tuned on: missed by the rules alone (as measured once)",
    # Batch N-ST (r7-status): the misses as measured, scored once.
    "fresh-n-st-2-parse_exam_rule": "batch N-ST: 'it considers not only the undergraduate GPA and Graduate Record Examination scores': no binding shape for the exam after 'considers'",
    "fresh-n-st-16-parse_accredited": "batch N-ST: 'Continued accreditation status and release from conditional status was granted to the Master of Science in Library Science program': the ALA is not named in the sentence and the recipient shape needs the link right after the status ('status was granted to'), not after a second status",
    "fresh-n-st-18-parse_accredited": "batch N-ST: 'Candidacy status was maintained for the following program: • Master of Science ...': candidacy said of a recipient is not bound (the recipient shape needs 'granted to' / 'withdrawn from')",
    "fresh-n-st-22-parse_exam_rule": "batch N-ST: 'scores on the GRE exam is one of the factors considered for admission': no binding shape",
    # Batch M-ST (r7-status, issue 19 seventh pass; tuned on): the miss left.
    "fresh-m-st-6-parse_accredited": "batch M-ST: 'Conditional accreditation status was granted to the University at Buffalo, SUNY and University of Missouri-Columbia programs': the ALA is named only in the heading, and the recipients are universities, not a library or information master's",
    # Batch N-CG (r7-scope, seventh pass): written after the pass's last rule, scored once, never tuned on: as measured.
    "fresh-n-cg-0-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'The Master of Public Health program is a 42-credit ... program': another discipline's name vetoes the value (the convention labels it)",
    "fresh-n-cg-2-parse_gpa": "batch N-CG (the seventh pass's unseen check, never tuned on): a waiver in the sentence after the floor vetoes it",
    "fresh-n-cg-3-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'The Master of Public Health requires 44 hours': another discipline's name vetoes the value",
    "fresh-n-cg-9-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): 'designed for completion within a year ... up to 3 years': the designed length with a limit beside it not read",
    "fresh-n-cg-11-parse_gpa": "batch N-CG (the seventh pass's unseen check, never tuned on): the floor beside a waiver's GPA ('GRE (waived if GPA is at or above 3.2)'): the waiver clause vetoes both",
    "fresh-n-cg-26-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'Master of Business Administration degree requires ... 42 semester hours': another discipline's name vetoes the value",
    "fresh-n-cg-27-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): 'expected to finish the MBA degree within six years': another discipline's degree letters veto the limit",
    "fresh-n-cg-28-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): 'The MBA program consists of an aggregate of 54 credit hours': another discipline's program",
    "fresh-n-cg-35-parse_credits": "batch N-CG (the seventh pass's unseen check, never tuned on): a numbered graduation requirement with a GPA in its clause: total not read",
    "fresh-n-cg-37-parse_duration": "batch N-CG (the seventh pass's unseen check, never tuned on): a limit that includes transfer credits: the transfer word vetoes it",
    # Batch N-TU of r7-money: scored once, never tuned on (left as measured).
    "fresh-n-tu-0-parse_tuition": "batch N-TU (measured once): the second graduate mandatory-fee row ('6 or fewer credit hours $769') after the first is not read",
    "fresh-n-tu-4-parse_tuition": "batch N-TU (measured once): 'Graduate, per semester hour $120.00' between undergraduate and audit rows: the row list binds no cell",
    "fresh-n-tu-18-parse_money": "batch N-TU (measured once): a '$65 nonrefundable application fee' list item among other requirements (the shape of fresh-g-tu-23)",
    # Batch M-TU of r7-money (tuition and money, seventh pass; scored once, then tuned on): what is left.
    "fresh-m-tu-11-parse_tuition": "batch M-TU: 'each credit costs $519.30 ... for in-state residents': a cost predicate with no price word or label binds no rate",
    "fresh-m-tu-40-parse_tuition": "batch M-TU: a row with empty '--' cells under four level-and-load columns: the cell beside a placeholder binds nothing (the seventh pass's placeholder veto; before it, read per credit)",
    "fresh-m-tu-41-parse_tuition": "batch M-TU: a graduate full-time cell among '--' cells: unbound beside the placeholders (before the pass, read per credit)",
    "fresh-m-tu-42-parse_tuition": "batch M-TU: four level-and-load columns (undergraduate and graduate, full- and part-time): the header's columns do not bind the cells one to one by the reader's shapes",
    "fresh-m-tu-21-parse_money": "batch M-TU: 'For U.S. citizens ..., the fee is $40' with the application fee named only in the next sentence: a bare 'fee' binds nothing",
    "fresh-f-64-parse_tuition": "batch F: a flattened In State / Out of State table with unit columns and fee rows without '$': not read (was read with totals and out-of-state tuition as fees before the shape gate)",
    # Batch J-TU (r6-money, issue 19 sixth pass), scored once before the rules: the misses as measured.
    "fresh-j-tu-25-parse_tuition": "batch J-TU: 'Master's Degree $300 Specialist Degree ... $360': the specialist degree blanks the list (another credential binds the sentence), so the master's row is not read",
    # Batch G-TU (r5-money, issue 19 fifth pass), scored once and tuned on: the misses it leaves.
    "fresh-g-tu-16-parse_money": "batch G-TU: 'Nonrefundable Fees Application (one-time) $25': 'Application' alone is not a fee's name, the heading's 'Fees' is too far",
    "fresh-g-tu-17-parse_tuition": "batch G-TU: 'Part-Time Doctoral & Master Student Fee Per Semester $100': the second row's unit is not read after the first row took it",
    "fresh-g-tu-23-parse_money": "batch G-TU: a requirement list ('Online application $70 nonrefundable application fee One official transcript ...'): too many words for a bare amount",
    # What the shape gate (r-money2, issue 19 fourth pass) turned from wrong into unknown: tables whose
    # cells no header binds one to one, and rows under a fee's heading without a label of their own.
    "fresh-c-b-10-parse_tuition": "shape gate: a header of three unit columns ('Per Credit Hour Per Semester Yearly Total') over rows of two cells: no cell is bound",
    "fresh-c-d-18-parse_tuition": "shape gate: rows of two equal cells ('| $30 | $30 |') whose columns no header names",
    "fresh-e-tu-a-26-parse_tuition": "shape gate: fee rows printed without '$' between the tuition row and the sums row: the label does not bind the '$' cells after the bare figures; the tuition row's second cell takes the fee row's name after it",
    "fresh-e-tu-b-3-parse_tuition": "shape gate: 'Resource Fees per semester' heading over unlabelled load rows: not read as tuition (the fee reading is not taken either)",
    "fresh-e-tu-b-23-parse_tuition": "shape gate: 'Semester Annual' columns over rows of two cells: the header's run of unit words names no unit the cells take",
    # Batches C and D of r-dead2 (deadlines, issue 19 fourth pass): what the shape gate leaves unread.
    "fresh-r2-dl-c-2-parse_deadlines": "batch C: a list under 'we recommend ... no later than:' whose first item is a funding date ('financial support'): the kinds are not settled, so the list abstains",
    "fresh-r2-dl-e-3-parse_deadlines": "batch E: 'the latest date by which the Postgraduate Admissions Office must receive your application is June 30': no binding shape within reach",
    "fresh-r2-dl-d-2-parse_deadlines": "batch D (never tuned on): a column table of filing periods and deadlines whose rows hold a period and two dates: not read",
    # The shape gate (issue 19, fourth pass, r-dead2): sentences that read wrong before and now abstain.
    "shsu-0-parse_deadlines": "the shape gate: dates inside 'received early (Fall - June 15, ...) will be given preference' bind no kind of their own (the sentence names one after the parenthesis): those three abstain",
    "dalhousie-15-parse_deadlines": "the shape gate: 'by the March 1 deadline ... automatically considered for these awards' names a purpose no kind word binds to the date: abstains (labelled priority)",
    "fresh-e-dl-b-7-parse_deadlines": "batch B: 'and by June 1st to begin studies in the Fall semester': the second date stands in no binding shape (the shape gate abstains; its term would not be bound either)",
    "fresh-e-dl-b-8-parse_deadlines": "batch B: 'For the fall semester April 1 For the winter semester August 1 ...': a term label on both sides of a date, so the pairing cannot be told: the list abstains",
    "fresh-e-dl-b-36-parse_deadlines": "batch B: 'February 1: Date by which applications must be received ...': the predicate stands beyond the reach after the date (the negated fellowship consideration no longer gives priority)",
    "uri-2-parse_deadlines": "'required deadlines for priority admission and financial aid' heading: the items bind no kind of their own, so they abstain (the funding date abstains too); the rolling reading is kept",
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
    "iu-bloomington-4-parse_deadlines": "a date stated for international applicants after a processing note",
    "mcgill-1-parse_gpa": "'CGPA of 3.0 out of 4.0' spelled CGPA/CPGA",
    "missouri-3-parse_gpa": "GPA minimum in a bulleted requirement",
    "nccu-1-parse_exam_rule": "'one of the following standardized test scores' list",
    "pitt-3-parse_exam_rule": "'standardized predictor test' with a waiver",
    "pratt-6-parse_deadlines": "rolling plus recommended dates",
    "queens-6-parse_tuition": "fee table with included fees",
    "ualberta-4-parse_gpa": "'calculated over the most recent coursework' (calculated is a scope word for averages)",
    "ualberta-9-parse_credits": "credits written with a star (★39)",
    "uncg-2-parse_credits": "two programs' totals in one sentence",
    "uncg-10-parse_exam_rule": "a question followed by an answer without yes/no",
    "fresh-e-st-a-2-parse_exam_rule": "batch A: 'My undergraduate GPA was not 3.0 or above. What should I do? You should take the GRE': advice to a group read as no rule",
    # r-status2 (issue 19, fourth pass: status shapes): wrong before, now abstained.
    "nccu-12-parse_exam_rule": "a numbered list: 'GRE scores' binds only as a list item and a later item waives something ('may request a waiver'): abstained rather than read as required",
    "fresh-e-st-b-36-parse_delivery": "batch B (never tuned on): a weekend format of class instruction on campus ('two days spent on campus') not read as campus",
    "felician-0-parse_tuition": "a Doctorate row blanks the whole flattened price list (another credential binds the sentence)",
    "montevallo-0-parse_tuition": "a Cyber Doctorate row blanks the whole flattened price list (another credential binds the sentence)",
    "rutgers-14-parse_tuition": "a 'Tuition and Fees' heading makes the residency pair a combined figure: not read",
    "rutgers-16-parse_tuition": "full-time rows printed without '$' and without their own unit ('Annual' heads the table)",
    "vt-0-parse_gpa": "the regular minimum named inside a lesser route's sentence ('below the 3.00 required by the Graduate School')",
    "ut-austin-1-parse_exam_rule": "optional for one program, another's rule beside it",
    "ut-austin-4-parse_exam_rule": "'will not require GRE scores for the Fall 2024 cycle'",
    "utk-3-parse_deadlines": "rolling 'until the incoming class is full'",
    # Batch A of r-dead (deadlines, issue 19 third pass), tuned on: what is still not read.
    "fresh-e-dl-a-34-parse_deadlines": "batch A: 'submit their application materials by December 15' (for a fellowship nomination): 'materials by' read as a documents deadline",
    # Batch B of r-dead, scored once at the end: left as measured.
    "fresh-e-dl-b-2-parse_deadlines": "batch B: 'entry into the MA, MSc and PhD programs': the PhD named beside the master's moves the sentence (other_program scope); the September entry would not give fall either",
    "fresh-e-dl-b-5-parse_deadlines": "batch B: a heading naming a PhD among the degrees: the other-credential heading moves the list",
    "fresh-e-dl-b-11-parse_deadlines": "batch B: 'accepted from June 1-Aug. 1': a window's end is not bound as a deadline",
    "fresh-e-dl-b-26-parse_deadlines": "batch B: a flattened table (classes begin, application deadline) with two dates side by side: not read",
    "fresh-e-dl-b-28-parse_deadlines": "batch B: a flattened rounds table (deadline, notification) with two dates side by side: not read",
    "fresh-e-dl-b-38-parse_deadlines": "batch B: a rounds table with dates side by side: not read",
    # Batch F (never tuned on): left as measured.
    "fresh-f-6-parse_credits": "batch F: 'a total of 8.0 credits' on a Canadian full-course scale: not read",
    "fresh-f-15-parse_deadlines": "batch F: a term × applicant-group table flattened to text: not read",
    "fresh-f-74-parse_delivery": "batch F: 'The online delivery (asynchronous or synchronous) of the courses' under a policy heading: the fourth pass's shape gate abstains (read right before it)",
    "fresh-f-97-parse_gpa": "batch F: 'at least a 2.5GPA' (no space before GPA): the fourth pass's shape gate finds no binder (read right before it)",
    "fresh-f-109-parse_deadlines": "batch F: 'Fall 2017 Domestic Application Deadline: January 15, 2017' after a funding sentence: the fourth pass's shape gate abstains (read right before it)",
    "fresh-f-130-parse_tuition": "batch F: a schedule of charges whose amounts carry no '$': not read",
    # Batch G of r5-scope (credits, GPA, duration; fifth pass).
    "fresh-g-cg-18-parse_gpa": "batch G: 'We expect a minimum GPA of 3.0 but occasionally will make exceptions': the exceptions clause moves the minimum",
    "fresh-g-cg-35-parse_duration": "batch G: 'the normative time to degree is six quarters (two years) for the master's degree, and a further six quarters (two years) for the PhD': the doctorate's span beside it",
    # Batch G of r5-dead (deadlines, fifth pass; scored once, then tuned on): the misses left.
    "fresh-g-dl-0-parse_deadlines": "batch G: 'has to be in by 31 December to get the fullest consideration': 'be in by' is no predicate of the shapes",
    "fresh-g-dl-35-parse_deadlines": "batch G: 'received after the Priority Application Deadline (June 30 for fall semesters, ...)': the dates stand after 'after' (compared), so the list abstains",
    "fresh-g-st-6-parse_exam_rule": "batch G: a GRE or MAT score 'to receive unconditional admission': one route's condition not read",
    "fresh-g-st-12-parse_exam_rule": "batch G: MAT or GRE minimum under 'considered for Special Admission if': one group's condition not read",
    # Batch J of r6-status (exam rules, accreditation, delivery; sixth pass): scored once, then tuned on; the misses left.
    "fresh-j-st-19-parse_exam_rule": "batch J: 'a 3.0 G.P.A. Your official GRE scores are expected': the abbreviation's period is not a clause edge, so the graduates 'of accredited colleges' stay the subject",
    "fresh-j-st-27-parse_exam_rule": "batch J: 'Assessment Data: GRE or MAT score, ...': an item of a portfolio list with no status word",
    "fresh-j-st-28-parse_exam_rule": "batch J: '3. GRE - minimum 800 (V/Q)' beside a GPA item 'waived for certified teachers': a score floor is no status word and the waiver's object is not told apart",
    "fresh-j-st-34-parse_delivery": "batch J: 'begin during the summer residencies': residencies named without a mode word (no shape binds them)",
    # Batch J of r6-scope (credits, GPA, duration; sixth pass), scored once before the rules.
    "fresh-j-cg-0-parse_credits": "batch J: 'The Master of Public Administration degree is made up of a minimum of 36 semester credit hours': a master's named by another field is read as another program's (fifth pass)",
    "fresh-j-cg-19-parse_gpa": "batch J: 'all doctorate, master's, and certificate applicants must ... Graduate with a 3.0 GPA': the doctorate in the list of applicant groups reads as another credential",
    # Sixth pass of the deadline reader (r6-dead): batch J-DL (scored once, then tuned on) and batch F's
    # dates whose kind the words do not settle, moved here from WRONG (they abstain now).
    "fresh-j-dl-10-parse_deadlines": "batch J-DL: 'by the School of Social Work priority deadline of January 15th': a unit's name in the deadline's label is not a label word, so the shape abstains",
    "fresh-f-0-parse_deadlines": "batch F: an awards heading over 'To be considered, finish your admissions application by January 1': the heading names a purpose no kind word binds to the date: abstains (labelled priority)",
    "fresh-f-112-parse_deadlines": "batch F: 'no official application deadline, we encourage ... by December 15' and 'by this date ... full consideration for TA positions': advised or priority, the words do not settle it: abstains (labelled priority)",
    # Batch K-DL of r6-dead (written after the pass's rules, scored once at 14/6/2 like main's code, then tuned
    # on with four general rules): the misses left.
    "fresh-k-dl-0-parse_deadlines": "batch K-DL: 'MPPA applicants not interested in graduate assistantship funding ... must apply by March 15': the negated funding words leave the date unread",
    "fresh-k-dl-2-parse_deadlines": "batch K-DL: 'Priority Funding Application Deadline - December 15, 2023': read as a separate funding application's deadline (the admission application's priority date, labelled priority)",
    "fresh-k-dl-3-parse_deadlines": "batch K-DL: one date for two applicant groups ('Domestic Applicants - January 12, 2023 - International Applicants - January 12, 2023'): read once",
    "fresh-k-dl-6-parse_deadlines": "batch K-DL: 'accepted June 15 through January 1': a window's end is not bound as a deadline (the reader abstains on every range)",
    "fresh-k-dl-16-parse_deadlines": "batch K-DL: a pipe table whose heading row names 'Final Decision' and whose row label names 'Priority Decision': two kinds, none settled: abstains",
    # Batch M-DL (r7-dead, seventh pass: the classes' instances and positive controls): the misses left.
    "fresh-m-dl-10-parse_deadlines": "batch M-DL: 'The January 5th fall admission deadline is almost here and we are fielding many questions': a date before its deadline noun with other words after it binds no shape",
    "fresh-m-dl-14-parse_deadlines": "batch M-DL: a Graduate School's fall date followed by two named programs' exceptions in the same sentence: the other programs' names blank the sentence",
    "fresh-m-dl-15-parse_deadlines": "batch M-DL: NC State's pipe table (international applicants): the application row is not bound either (the row veto keeps the documents row out; the heading cell 'DOCUMENT' names no deadline)",
    # Batch I: the sixth pass's unseen measure, the seventh's tune material.
    "fresh-i-6-parse_credits": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-12-parse_deadlines": "batch I (tune material in the seventh pass): 'Fall Semester Start- applications due July 31 - Spring Semester Start- ...': the glued dash puts each next term into the date before's own words, the terms conflict and the list abstains (a fix tried in r7-dead turned it wrong: left missed)",
    "fresh-i-20-parse_tuition": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-27-parse_tuition": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-35-parse_deadlines": "batch I (tune material in the seventh pass): 'submitted by these dates to be considered for a given semester: February 1 - Fall Semester (begins in September) ...': the heading's words are not label words, so the first date abstains and the list with it",
    "fresh-i-51-parse_delivery": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-76-parse_delivery": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-70-parse_gpa": "batch I (tuned on in the seventh pass): 'a cumulative grade point average between 2.75 and 4.0': the band's upper end (4.0) is no longer read; its lower end is a minimum only because the band ends at the scale's top, a rule one sentence would explain (not written)",
    # Batch M-CG (r7-scope, seventh pass): instances of its classes from other schools' pages, tuned on.
    "fresh-m-cg-7-parse_duration": "batch M-CG: 'within five consecutive calendar years from the date of completion of the first credited course': two qualifiers before the unit and a start named by a course's completion (one sentence each: no rule)",
    "fresh-m-cg-16-parse_duration": "batch M-CG: 'within six years of the date of completion of the first course': a limit counted from the first course's completion, not a start word the limit reader knows (one sentence: no rule)",
    "fresh-m-cg-24-parse_gpa": "batch M-CG: 'A cumulative minimum 3.0 (on a 4-point scale) GPA is required ... for regular admission status': the label after a parenthesized scale is out of the shape gate's reach",
    "fresh-i-92-parse_gpa": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-101-parse_deadlines": "batch I (tune material in the seventh pass): 'Unless stated otherwise below, application deadlines for U.S. citizens ... are: July 15 for Fall Semester': the comma does not end the deadline noun's label, so 'otherwise below' reads as its modifiers and the first date abstains (one instance: no rule written)",
    "fresh-i-106-parse_tuition": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-109-parse_tuition": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-113-parse_tuition": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-122-parse_deadlines": "batch I (tune material in the seventh pass): a flattened table whose term rows carry their year ('Spring 2015 Semester November 1, 2014 December 5, 2014'): the row labels are not read as terms (a year-label rule had two instances, fresh-e-dl-b-26 and this one, short of the pass's three: not written)",
    "fresh-i-133-parse_exam_rule": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-137-parse_exam_rule": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-138-parse_exam_rule": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-139-parse_exam_rule": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    "fresh-i-141-parse_exam_rule": "batch I (unseen until the seventh pass tuned on it): missed as measured after the sixth pass and left by the seventh",
    # Batch N-DL (r7-dead, seventh pass): scored once, never tuned on.
    "fresh-n-dl-8-parse_deadlines": "batch N-DL (scored once, never tuned on): 'Final deadline (MPH and Summer-only programs only): February 15, 2008': the 'programs only' parenthesis blanks the date",
    "fresh-n-dl-11-parse_deadlines": "batch N-DL (scored once, never tuned on): 'MPH Program and Summer-Only MPH Program: December 15, 2012': a program's name as the label binds no shape",
    "fresh-n-dl-20-parse_deadlines": "batch N-DL (scored once, never tuned on): 'Dec 15 2021 All fall 2022 applications must be submitted by this date': the predicate stands after the date and names it 'this date'",
    # Batch L: the final unseen measure; never tuned on.
    "fresh-l-8-parse_exam_rule": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-14-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-16-parse_delivery": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-30-parse_money": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-43-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-44-parse_deadlines": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-49-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-64-parse_tuition": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-80-parse_money": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-82-parse_gpa": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-86-parse_duration": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-93-parse_accredited": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-94-parse_accredited": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-102-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-103-parse_duration": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-112-parse_gpa": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-116-parse_delivery": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-117-parse_gpa": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-119-parse_duration": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-122-parse_gpa": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-127-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-129-parse_credits": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
    "fresh-l-133-parse_tuition": "batch L (the final unseen measure, never tuned on): missed as measured after the seventh pass",
}


# Sentences of the batches kept unseen by the familiar-wording gate (corpus.UNSEEN_BY_GATE) that
# still read a wrong value with the gate on (tests/normalize/test_familiar.py), as measured once.
GATED_WRONG: dict[str, str] = {
    "fresh-l-2-parse_deadlines": "batch L: another program's row (Aging Studies) of a flattened list, every word of it familiar",
    "fresh-l-12-parse_deadlines": "batch L: a date-first row ('<date> Next Application Due Date <date> Start Classes') read with the next row's date",
    "fresh-n-cg-22-parse_credits": "batch N-CG: '30 credit hours in the M.B.A. core' (a part) read as the total; 'core' and 'M.B.A.' are familiar words",
    "fresh-p-36-parse_tuition": "batch P: the undergraduate row of a flattened table read beside the graduate one (the same amount twice); every word familiar",
    "fresh-p-40-parse_money": "batch P: the undergraduate application fee, named first, taken for the graduate program's",
    "fresh-p-69-parse_tuition": "batch P: a row labelled 'Fee per credit hour' under a tuition heading read as a fee, and an in-state rate invented",
    "fresh-s-68-parse_tuition": "batch S: a flattened 'Schedule of Fees / Academic Charges' row of per-hour rates read as fees (labelled tuition); every word familiar",
    "fresh-q-58-parse_delivery": "batch Q: a required week-long seminar in the next sentence, which the rules miss; the binding clause (the first sentence) is all familiar, so online stands",
}
