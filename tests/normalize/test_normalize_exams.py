"""parse_exam_rule: entrance-exam policies as universities word them."""

import pytest

from crawler.normalize import ExamRule, parse_exam_rule


def rule(status, exams=(), condition=None):
    return ExamRule(status=status, exams=list(exams), condition=condition)


GPA3 = "waived with GPA >= 3.0"

CASES = [
    # --- not required -------------------------------------------------------------------------
    ("The GRE is not required for admission.", rule("not_required", ["GRE"])),
    ("No GRE required", rule("not_required", ["GRE"])),
    ("Special Requirements: No GRE required", rule("not_required", ["GRE"])),
    ("GRE scores are not required and will not be considered.", rule("not_required", ["GRE"])),
    ("GRE not required (may be submitted voluntarily)", rule("not_required", ["GRE"])),
    ("GRE: Not required.", rule("not_required", ["GRE"])),
    ("GRE: Not required", rule("not_required", ["GRE"])),
    ("We do not require the GRE.", rule("not_required", ["GRE"])),
    ("The GRE requirement has been waived for all applicants.", rule("not_required", ["GRE"])),
    ("The Graduate Record Examination (GRE) is no longer required.", rule("not_required", ["GRE"])),
    ("Miller Analogies Test (MAT) scores are not accepted.", rule("not_required", ["MAT"])),
    ("No GMAT or GRE is required for this program.", rule("not_required", ["GRE", "GMAT"])),
    ("GMAT/GRE not required", rule("not_required", ["GRE", "GMAT"])),
    ("GRE scores will not be considered as part of the application.", rule("not_required", ["GRE"])),
    ("Test-optional: GRE scores may be submitted but are not required.", rule("not_required", ["GRE"])),
    ("Standardized tests are not required.", rule("not_required")),
    ("The program does not require standardized test scores (GRE, MAT) for admission.",
     rule("not_required", ["GRE", "MAT"])),
    ("Entrance exam: None", rule("not_required")),
    ("International applicants must submit TOEFL scores; the GRE is not required.", rule("not_required", ["GRE"])),
    ("Admission to the online MLIS does not require GRE scores.", rule("not_required", ["GRE"])),
    ("Good news: the GRE is not an admission requirement.", rule("not_required", ["GRE"])),
    # --- optional -------------------------------------------------------------------------------
    ("GRE optional", rule("optional", ["GRE"])),
    ("Submission of GRE scores is optional.", rule("optional", ["GRE"])),
    ("Standardized test scores (GRE) are optional but encouraged.", rule("optional", ["GRE"])),
    ("Applicants may submit GRE scores to strengthen their application.", rule("optional", ["GRE"])),
    # --- conditional ------------------------------------------------------------------------------
    ("Test scores required for applicants with GPA below 3.0", rule("conditional", [], GPA3)),
    ("No test score needed with a 3.0 GPA", rule("conditional", [], GPA3)),
    ("GRE waived for applicants who meet unconditional admission criteria",
     rule("conditional", ["GRE"], "waived for unconditional admission")),
    (
        "No standardized test score is needed if your undergraduate GPA is 3.0 or higher or if you hold another "
        "graduate degree. Applicants with a GPA below 3.0 must submit scores from the GRE, GMAT, LSAT, MCAT or MAT.",
        rule("conditional", ["GRE", "MAT", "GMAT", "LSAT", "MCAT"], "waived with GPA >= 3.0 or a graduate degree"),
    ),
    (
        "SLIS requires an official standardized test score (GRE or MAT). Applicants holding a graduate degree are "
        "exempt.",
        rule("conditional", ["GRE", "MAT"], "waived with a graduate degree"),
    ),
    ("Applicants who hold a graduate degree are exempt from the GRE requirement.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("GRE or MAT scores are required if your undergraduate GPA is below 3.0.",
     rule("conditional", ["GRE", "MAT"], GPA3)),
    ("Applicants with an undergraduate GPA of 3.0 or higher are not required to submit GRE scores.",
     rule("conditional", ["GRE"], GPA3)),
    ("The GRE is required for applicants who do not hold a master's degree.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("Applicants who already hold a graduate degree may request a GRE waiver.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("GRE General Test scores are required unless the applicant has a cumulative GPA of 3.25 or higher.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.25")),
    ("A GRE waiver is available to applicants with a GPA of 3.2 or above.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.2")),
    ("Applicants with a GPA below 2.75 must submit GRE scores.", rule("conditional", ["GRE"], "waived with GPA >= 2.75")),
    ("GRE requirement waived for Fall 2026 applicants.", rule("conditional", ["GRE"])),
    ("The GRE may be required of applicants whose academic record is incomplete.", rule("conditional", ["GRE"])),
    # --- required ---------------------------------------------------------------------------------
    ("An official GRE or MAT score is required", rule("required", ["GRE", "MAT"])),
    ("Applicants must submit official GRE scores.", rule("required", ["GRE"])),
    ("GRE: Required", rule("required", ["GRE"])),
    ("All applicants must take the GRE General Test.", rule("required", ["GRE"])),
    ("LSAT scores are required for the joint JD/MLIS program.", rule("required", ["LSAT"])),
    ("Official scores on the Graduate Record Examination are required.", rule("required", ["GRE"])),
    ("SLIS requires an official standardized test score.", rule("required")),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("GRE scores are optional.", rule("optional", ["GRE"])),
    ("GRE: Optional (Fall 2026)", rule("optional", ["GRE"])),
    ("No standardized tests are required.", rule("not_required")),
    ("Test scores (GRE/MAT) not required", rule("not_required", ["GRE", "MAT"])),
    ("No entrance exam (GRE/MAT) is required.", rule("not_required", ["GRE", "MAT"])),
    ("Testing: GRE not required", rule("not_required", ["GRE"])),
    ("We no longer require the GRE or any other standardized test.", rule("not_required", ["GRE"])),
    ("Graduate Record Examination (GRE) scores are not part of the admission review.", rule("not_required", ["GRE"])),
    ("The GRE is not required. International applicants must submit TOEFL scores of 90 or higher.",
     rule("not_required", ["GRE"])),
    ("GRE not required; TOEFL required for international applicants", rule("not_required", ["GRE"])),
    ("Submission of GRE scores is not required but may strengthen an application.", rule("not_required", ["GRE"])),
    ("GRE general test required; no subject test", rule("required", ["GRE"])),
    ("MAT or GRE scores (taken within the last 5 years) are required.", rule("required", ["GRE", "MAT"])),
    ("Official GRE scores less than 5 years old are required.", rule("required", ["GRE"])),
    # A score-age rule is not a waiver: the scores are still asked for.
    ("GRE scores older than five years will not be accepted.", rule("required", ["GRE"])),
    ("Scores from the GRE must be no more than five years old.", rule("required", ["GRE"])),
    ("MAT scores more than five years old are not accepted.", rule("required", ["MAT"])),
    # Conditions: GPA, a graduate degree, work experience.
    ("The GRE requirement is waived for applicants with a cumulative GPA of 3.25 or higher.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.25")),
    ("GRE or MAT required if GPA below 2.75", rule("conditional", ["GRE", "MAT"], "waived with GPA >= 2.75")),
    ("GRE or MAT: Required only if undergraduate GPA is under 3.0", rule("conditional", ["GRE", "MAT"], GPA3)),
    ("The GRE is required of all applicants whose undergraduate GPA is less than 3.0.",
     rule("conditional", ["GRE"], GPA3)),
    ("No GRE or MAT required for applicants with a 3.0 GPA or higher.", rule("conditional", ["GRE", "MAT"], GPA3)),
    ("The GRE is optional for applicants with an undergraduate GPA of 3.0 or above; applicants below 3.0 must submit "
     "scores.", rule("conditional", ["GRE"], GPA3)),
    ("Applicants with a master's degree are exempt from the GRE.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("GRE waived for applicants with a graduate degree", rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("The GRE requirement is waived for applicants who have earned a graduate degree from an accredited institution.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("Applicants who hold a JD are exempt from the GRE.", rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("A GRE score is required unless the applicant holds a master's degree or has a GPA of 3.5 or higher.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.5 or a graduate degree")),
    ("Applicants with five or more years of professional library experience may petition to waive the GRE.",
     rule("conditional", ["GRE"], "waived with work experience")),
    ("GRE: Waived", rule("not_required", ["GRE"])),
    ("GRE scores are recommended but not required.", rule("not_required", ["GRE"])),
    ("Applicants are not required to submit test scores if they hold a graduate degree.",
     rule("conditional", [], "waived with a graduate degree")),
    ("The GRE is required; scores must be less than five years old.", rule("required", ["GRE"])),
    # English tests only: not an entrance-exam rule.
    ("TOEFL or IELTS required for international students.", None),
    ("IELTS minimum 6.5; TOEFL iBT 80", None),
    ("Duolingo English Test scores of 110 or higher are accepted.", None),
    # --- no entrance-exam rule stated ---------------------------------------------------------
    ("TOEFL or IELTS scores are required for international applicants.", None),
    ("English proficiency test scores are required of non-native speakers.", None),
    ("Letters of recommendation and a resume are required.", None),
    ("The MAT is accepted in place of the GRE.", None),
    ("GRE: See the department website.", None),
    ("Applicants must hold a bachelor's degree.", None),
    ("", None),
    # --- PARSER_VERSION 3 ------------------------------------------------------------------------
    ("GRE or MAT required (graduate-degree holders may request a waiver)",
     rule("conditional", ["GRE", "MAT"], "waived with a graduate degree")),
    ("GRE required; waivers available to applicants holding a graduate or professional degree.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("The GRE is required unless you already hold an advanced degree.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("Graduate-degree holders are exempt from the GRE.", rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("Applicants with an earned master's degree may petition to waive the GRE.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("GRE scores are required. Applicants with a cumulative GPA of 3.25 or higher may request a GRE waiver.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.25")),
    ("The GRE is optional for applicants with an undergraduate GPA of 3.2 or higher.",
     rule("conditional", ["GRE"], "waived with GPA >= 3.2")),
    ("The MAT or GRE is required unless the applicant has a 3.0 GPA in the last 60 hours of undergraduate coursework.",
     rule("conditional", ["GRE", "MAT"], GPA3)),
    ("GRE waiver: applicants with 5+ years of professional library experience may request a waiver.",
     rule("conditional", ["GRE"], "waived with work experience")),
    ("Test scores (GRE/MAT) are required of applicants whose GPA is below 2.75.",
     rule("conditional", ["GRE", "MAT"], "waived with GPA >= 2.75")),
    ("GRE not required for applicants with a master's degree or higher; all others must submit GRE scores.",
     rule("conditional", ["GRE"], "waived with a graduate degree")),
    ("GRE: Not required for Fall 2025 admission.", rule("not_required", ["GRE"])),
    ("GRE scores are accepted but not required.", rule("not_required", ["GRE"])),
    ("The GRE requirement has been suspended.", rule("not_required", ["GRE"])),
    ("The GRE General Test is required of all applicants.", rule("required", ["GRE"])),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_exam_rule(text, expected):
    assert parse_exam_rule(text) == expected
