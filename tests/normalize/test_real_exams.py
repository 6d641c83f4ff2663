"""parse_exam_rule on real admission pages (issue 9): negation, time and scope.

Each case paraphrases a sentence of an official page of an ALA-accredited program beyond our
seven; the comment names the school and the kind of page. Negative cases mention an exam (or a
test) but state no rule on it for admission: they must give None.
"""

import pytest

from crawler.normalize import ExamRule, parse_exam_rule


def rule(status, exams=(), condition=None):
    return ExamRule(status=status, exams=list(exams), condition=condition)


GPA3 = "waived with GPA >= 3.0"
GRAD = "waived with a graduate degree"

CASES = [
    # --- required, including "cannot be waived" and materials lists ---------------------------------
    # Alabama, online MLIS FAQ: a score no more than five years old; cannot be waived.
    ("Every applicant must submit an admissions test score no more than 5 years old. This requirement cannot be "
     "waived. Applicants may choose either the Graduate Record Examination (GRE) or the Miller Analogies Test (MAT).",
     rule("required", ["GRE", "MAT"])),
    # Alabama FAQ, the short form.
    ("The GRE/MAT requirement cannot be waived, even for applicants who already hold a graduate degree.",
     rule("required", ["GRE", "MAT"])),
    # Southern Miss, catalog: scores for all three sections.
    ("Graduate Record Examination - Applicants must submit official GRE scores for the verbal, quantitative, and "
     "analytical writing sections.", rule("required", ["GRE"])),
    # Southern Miss, mailing-list notice: GRE or MAT.
    ("Applicants must submit GRE scores for Verbal, Quantitative, and Written Analytical or submit official Miller "
     "Analogies scores.", rule("required", ["GRE", "MAT"])),
    # UNC Greensboro, FAQ: the exam among the application materials.
    ("The application process requires application to the Graduate School, one copy of all post-secondary "
     "transcripts, the scores from the Graduate Record Exam, and three letters of recommendation.",
     rule("required", ["GRE"])),
    # Alabama, admission page: the materials list names admissions test scores.
    ("An application consists of the following items: Application Form; Statement of Purpose; Application Fee; "
     "Transcripts; Admissions Test Scores; Three letters of recommendation.", rule("required", [])),
    # Lincoln University, graduate page: GRE results among the items to submit.
    ("An applicant must submit the following items: an application; a $30 fee; official transcripts; three "
     "letters; the results of the Graduate Record Examination (GRE).", rule("required", ["GRE"])),
    # South Carolina, older admission page: you need the official score.
    ("To apply, you will need your official score from the GRE or MAT.", rule("required", ["GRE", "MAT"])),
    # Gadsden (Alabama): minimum scores with an age limit.
    ("A minimum score of 300 on the Graduate Record Examination or 50th percentile on the Miller Analogies Test. "
     "Test scores must be less than five years old.", rule("required", ["GRE", "MAT"])),
    # Issue 9: "no minimum score" is not a condition.
    ("GRE scores are required; there is no minimum score.", rule("required", ["GRE"])),
    ("The GRE is required of all applicants. No minimum GRE score is set.", rule("required", ["GRE"])),
    # Checklist row.
    ("Official scores on one of the following entrance exams: GRE or MAT (required)", rule("required", ["GRE", "MAT"])),
    # --- not required, including time ("no longer") ---------------------------------------------------
    # Valdosta, FAQ: required at one time but no longer.
    ("No. The MLIS program required an entrance exam at one time but no longer does.", rule("not_required")),
    # Valdosta, newer FAQ.
    ("The MLIS Program no longer requires an entrance exam.", rule("not_required")),
    # Southern Connecticut: as of a date, no longer required.
    ("The MLIS program has rolling admissions and as of January 26, 2016, GRE scores are no longer required.",
     rule("not_required", ["GRE"])),
    # Tennessee, admission snapshot.
    ("The GRE is not required for admissions.", rule("not_required", ["GRE"])),
    # Tennessee, older page.
    ("SIS no longer requires the GRE for admissions.", rule("not_required", ["GRE"])),
    # Oklahoma, program page.
    ("GRE scores are not required.", rule("not_required", ["GRE"])),
    # Pittsburgh, program page.
    ("The GRE is not required for admission to this program.", rule("not_required", ["GRE"])),
    # Illinois, FAQ: not required, may submit if it helps.
    ("No, standardized tests such as the GRE or GMAT are not required. If you have taken either test and feel it "
     "would strengthen your application, you can submit the results.", rule("not_required", ["GRE", "GMAT"])),
    # South Carolina, admission guidelines: not required, reviewed if sent.
    ("We do not require scores from the GRE or MAT for the MLIS degree. If you have current scores and would like "
     "to submit them, we will review them with the other materials.", rule("not_required", ["GRE", "MAT"])),
    # Hawaii, admissions criteria: recommended but no longer required.
    ("Graduate Record Examination: GRE General Test scores are recommended but no longer required.",
     rule("not_required", ["GRE"])),
    # Issue 9: emphatic NOT.
    ("The GRE is NOT required for admission to the MLIS.", rule("not_required", ["GRE"])),
    ("GRE scores are NOT required.", rule("not_required", ["GRE"])),
    # Kentucky-like snapshot row.
    ("GRE: Not required for the MSLS", rule("not_required", ["GRE"])),
    # Time: no longer accepted at all.
    ("We no longer accept the MAT.", rule("not_required", ["MAT"])),
    # Tennessee snapshot bullets.
    ("All undergraduate degrees are welcome. The GRE is not required for admissions.", rule("not_required", ["GRE"])),
    # --- conditional: scope, degrees, GPA, "may ask" --------------------------------------------------
    # Pittsburgh, older FAQ: required, advanced-degree holders exempt.
    ("Scores from the GRE or Miller Analogy tests are required. Applicants with post-baccalaureate advanced "
     "degrees (Master's, PhD, JD, etc.) are exempt from this requirement.",
     rule("conditional", ["GRE", "MAT"], GRAD)),
    # Rutgers, admissions and costs: only required below 3.0 without a graduate degree.
    ("GRE test scores are only required if your undergraduate GPA is below 3.0 and you do not hold a graduate "
     "degree. Applicants with a GPA of 3.0 or higher or who have earned an advanced degree (e.g., MA, JD, Ph.D.) "
     "are automatically exempt from submitting GRE scores.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.0 or a graduate degree")),
    # Kent State: GRE for those without a 3.0.
    ("Graduate Record Exam (GRE) General Test for those who have not earned a 3.0 GPA in their highest completed "
     "degree.", rule("conditional", ["GRE"], GPA3)),
    # Catholic University, FAQ: waived above 3.0.
    ("GRE scores (applicants with undergraduate GPAs above 3.0 will have the GRE score requirement automatically "
     "waived)", rule("conditional", ["GRE"], GPA3)),
    # Catholic University, older FAQ: below 3.0 need scores.
    ("Applicants with undergraduate GPAs below 3.0 will need GRE scores.", rule("conditional", ["GRE"], GPA3)),
    # Catholic University, older admissions: waived for master's, J.D. or doctorate holders.
    ("GRE Scores. An official report of GRE general test scores taken within the past five years. This requirement "
     "is waived for applicants who already hold an accredited Master's degree, J.D., or doctorate.",
     rule("conditional", ["GRE"], GRAD)),
    # IUPUI, FAQ: no GRE with a 3.0.
    ("If your undergraduate GPA is 3.0 or above, you do not need to take the GRE for admission to the MLIS program.",
     rule("conditional", ["GRE"], GPA3)),
    # Maryland, older admissions: not required with 3.5.
    ("Domestic applicants with a cumulative undergraduate GPA of 3.5 or higher are not required to submit a GRE "
     "score.", rule("conditional", ["GRE"], "waived with GPA >= 3.5")),
    # Maryland, older admissions: 3.0 and another graduate degree.
    ("Domestic applicants with a cumulative undergraduate GPA of 3.0 or higher AND who have earned another graduate "
     "degree are not required to submit a GRE score.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.0 or a graduate degree")),
    # Wisconsin-Milwaukee, older admission page: exempt with 3.0 or a graduate degree.
    ("Satisfactory scores on the MAT or the GRE. Applicants whose overall GPA is at least 3.0 or who possess a "
     "graduate degree are exempt.", rule("conditional", ["GRE", "MAT"], "waived with GPA >= 3.0 or a graduate degree")),
    # South Carolina, bulletin: a master's may be accepted in lieu of a test score.
    ("A qualifying score on either the GRE or MAT; a previously earned master's degree may be accepted in lieu of a "
     "test score at the discretion of the admissions committee.", rule("conditional", ["GRE", "MAT"], GRAD)),
    # Drexel (older): 3.2 may be admitted without the GRE.
    ("GRE scores (applicants who have at least a 3.2 cumulative GPA may be eligible to gain admission without taking "
     "the GRE)", rule("conditional", ["GRE"], "waived with GPA >= 3.2")),
    # Issue 9: doctorate holders not required.
    ("Applicants who hold a doctorate are not required to submit GRE scores.", rule("conditional", ["GRE"], GRAD)),
    # Issue 9: "may ask for GRE scores when".
    ("The admissions committee may ask for GRE scores when the academic record is incomplete.",
     rule("conditional", ["GRE"])),
    ("The program may request GRE scores if your transcript does not show recent coursework.",
     rule("conditional", ["GRE"])),
    # Issue 9: "for those below a 3.0".
    ("GRE scores are required for those below a 3.0.", rule("conditional", ["GRE"], GPA3)),
    ("The MAT is required only for applicants whose GPA falls below 2.75.",
     rule("conditional", ["MAT"], "waived with GPA >= 2.75")),
    # Alabama catalog: test OR prior graduate degree OR experience.
    ("Regular admission: a 3.0 GPA AND an acceptable score on one entrance examination (300 on the GRE or the 50th "
     "percentile on the MAT) OR a prior graduate degree completed within the last five years OR five years of "
     "demonstrated professional experience in the field.",
     rule("conditional", ["GRE", "MAT"], "waived with a graduate degree or work experience")),
    # Simmons-like: waived with significant experience.
    ("The GRE is waived for applicants with five or more years of professional library experience.",
     rule("conditional", ["GRE"], "waived with work experience")),
    # --- optional ------------------------------------------------------------------------------------
    # Syracuse, admissions FAQ: optional, recommended for some.
    ("The submission of GRE/GMAT scores is optional, but is recommended for applicants who feel their scores will "
     "support their application.", rule("optional", ["GRE", "GMAT"])),
    # Syracuse, application requirements: test scores optional.
    ("Test Scores: GRE scores are optional for all online programs.", rule("optional", ["GRE"])),
    ("Applicants may submit GRE scores to strengthen their application.", rule("optional", ["GRE"])),
    # --- negatives: exams named, no admission rule ------------------------------------------------------
    # South Carolina: institution code.
    ("The USC institution code for the GRE is 5818.", None),
    # Maryland: averages of admitted students.
    ("The average GRE percentile rankings for those recommended for admission were 84% Verbal, 48% Quantitative.",
     None),
    # Alabama: Braille editions.
    ("Braille editions of the GRE and the MAT can be obtained from the University Test Service.", None),
    # Alabama: where to learn about the GRE.
    ("Information about the GRE is available from the Educational Testing Service, Princeton, NJ.", None),
    # Alabama: plan ahead.
    ("Applicants should plan well in advance so that examination results are available when needed.", None),
    # Drexel engineering: merit awards.
    ("The merit-based award is determined using GPA and GRE scores.", None),
    # English tests only.
    ("International students whose native language is not English must provide an official TOEFL or IELTS score.",
     None),
    ("Applicants who received all degrees from non-English speaking countries must submit TOEFL or IELTS scores.",
     None),
    # Score guidance for those who choose to take a test (South Carolina).
    ("For students taking the MAT (must have been taken within the past five years), official scores need to be at "
     "least 410.", None),
    ("For students taking the GRE, scores need to be at least 294 with a verbal score of at least 153.", None),
    # A link, no rule.
    ("GRE: see the Graduate School website for details.", None),
    # Pittsburgh: the institution and program codes.
    ("The institution number for the University of Pittsburgh is 2927. The program code for Library and Information "
     "Science is 4701.", None),
    # Catholic: scholarships.
    ("GRE scores are also recommended if you wish to be considered for University Scholarships.", None),
    # Test-taking in courses, not admission (Syracuse FAQ).
    ("How are tests taken in these programs? Some are done in the online platform and some are take-home exams.",
     None),
    # Comprehensive exam as an exit option (Oklahoma).
    ("Students complete the degree by passing a comprehensive examination, completing a thesis, or a portfolio.",
     None),
    # State certification exam (USF).
    ("All candidates for Educational Media certification are required to take the Florida Teacher Certification "
     "Examination in School Media.", None),
    # Praxis waiver (Southern Connecticut).
    ("The State Department of Education accepts minimum GRE scores as a basis for Praxis I waivers.", None),
    # Maryland (older): scores sent directly, with their age limit, for those who must submit them.
    ("GRE scores must be sent directly from ETS (institution code 5814). Scores must be no more than 5 years old at "
     "the time of application.", rule("required", ["GRE"])),
    # Drexel FAQ question heading only.
    ("GRE Exam: Is the GRE required for admission? If so, what is the minimum score required?", None),
    # Missouri content test for certification.
    ("Certification also requires completion of the Missouri Content Area Test for Library Media Specialist.", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_exam_rule_real_pages(text, expected):
    assert parse_exam_rule(text) == expected
