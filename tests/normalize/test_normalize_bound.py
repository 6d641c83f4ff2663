"""A value only where the text binds it (issue 9): for every normalizer, text made of the fact's
keywords, glue words and punctuation, but with no value those keywords could be bound to, never
yields a value. Hypothesis draws the texts from each function's keyword table."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler import normalize as n

GLUE = ["the", "this", "of", "for", "and", "or", "is", "are", "to", "in", "on", "by", "with", "students", "applicants",
        "program", "MLIS", "please", "see", "website", ".", ",", ";", ":", "-", "(", ")", "*", "|", "\n"]

# function -> (keywords of its fact, what "no value" looks like)
KEYWORDS = {
    "parse_gpa": (["GPA", "grade point average", "minimum", "cumulative", "required", "average", "admission",
                   "scale", "B average", "or higher", "regular admission", "undergraduate", "last 60 hours"], None),
    "parse_credits": (["credits", "credit hours", "semester hours", "units", "total", "degree", "requires",
                       "minimum", "complete", "core", "electives", "Total Credits:", "credit-hour program"], None),
    "parse_money": (["dollars", "USD", "US$", "tuition", "fee", "cost", "per credit", "price", "hundred"], None),
    "parse_tuition": (["tuition", "fees", "per credit hour", "per semester", "In-State", "Out-of-State", "Resident",
                       "Non-Resident", "program fee", "total cost", "USD", "rate", "online", "per unit"], []),
    "parse_deadlines": (["deadline", "deadlines", "priority", "final", "preferred", "Fall", "Spring", "Summer",
                         "apply by", "due", "applications", "admission", "March", "Oct.", "International",
                         "Main Campus", "Online Campus", "extended to", "opens"], []),
    "parse_exam_rule": (["GRE", "MAT", "GMAT", "Graduate Record Examination", "Miller Analogies Test", "scores",
                         "test", "institution code", "information", "Educational Testing Service", "percentile",
                         "verbal", "quantitative", "Braille editions", "TOEFL"], None),
    "parse_duration": (["years", "months", "semesters", "duration", "complete", "length", "time to degree",
                        "full-time", "part-time", "finish", "weeks"], None),
    "parse_delivery": (["delivery", "format", "courses", "classes", "program", "schedule", "instruction",
                        "apply online", "online application", "curriculum"], None),
    "parse_start_terms": (["start", "begin", "admission", "cohort", "entry", "intake", "semester", "January",
                           "August", "new students"], []),
}


def _texts(keywords: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(keywords + GLUE), min_size=1, max_size=40).map(" ".join)


def _check(name: str) -> None:
    keywords, nothing = KEYWORDS[name]
    fn = getattr(n, name)

    @settings(max_examples=80, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_texts(keywords))
    def run(text: str) -> None:
        assert fn(text) == nothing, text

    run()


def test_gpa_needs_a_number():
    _check("parse_gpa")


def test_credits_need_a_number():
    _check("parse_credits")


def test_money_needs_an_amount():
    _check("parse_money")


def test_tuition_needs_an_amount():
    _check("parse_tuition")


def test_deadlines_need_a_date_or_rolling():
    _check("parse_deadlines")


def test_exam_rule_needs_a_status():
    _check("parse_exam_rule")


def test_duration_needs_a_length():
    _check("parse_duration")


def test_delivery_needs_a_modality():
    _check("parse_delivery")


def test_start_terms_need_a_term():
    _check("parse_start_terms")


# And the converse guard: the same generator with a bound value added does yield one, so the
# property above is not vacuous (a parser that always returned nothing would fail here).
def test_the_keyword_generator_can_yield_values():
    assert n.parse_gpa("minimum GPA: 3.0") is not None
    assert n.parse_credits("Total Credits: 36") is not None
    assert n.parse_money("fee USD 50") is not None
    assert n.parse_tuition("tuition $500 per credit hour") != []
    assert n.parse_deadlines("Fall deadline: March 1") != []
    assert n.parse_exam_rule("GRE scores are required") is not None
    assert n.parse_duration("complete in 2 years") is not None
    assert n.parse_delivery("fully online program") is not None
    assert n.parse_start_terms("admission in Fall") != []
