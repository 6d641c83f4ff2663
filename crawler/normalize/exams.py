"""Entrance-exam rules (GRE, MAT, GMAT, LSAT, MCAT). English-proficiency tests (TOEFL, IELTS,
Duolingo) are not entrance exams and are ignored.

Status, decided in this order:
- not_required: "not required", "no GRE required", "does not require", "will not be considered",
  "no longer required" - unless the sentence ties it to a condition ("no test score needed with
  a 3.0 GPA"), which makes it conditional. "(may be submitted voluntarily)" stays not_required.
- conditional: "waived for/if ...", "exempt", "unless", "required for applicants with a GPA
  below 3.0", "may be required".
- optional: "optional", "may submit", "voluntarily".
- required: "required", "must submit", "requires".
A mention with no status ("GRE: see website") is None, as is a text with no exam at all.

Decisions: a score-age rule ("GRE scores older than five years will not be accepted", "must be no
more than five years old") is about the scores the program uses: required, never not_required.
"optional for applicants with a 3.0 GPA" is conditional. An at-a-glance "GRE: Waived" is
not_required. Conditions read: a GPA, a graduate degree (master's, doctorate, JD), work
experience ("waived with GPA >= 3.5 or a graduate degree", "waived with work experience").

exams lists canonical names in a fixed order (GRE, MAT, GMAT, LSAT, MCAT) so that two wordings
of one rule compare equal; a generic "standardized test" gives exams == [].
Status words (issue 19, most in vocabulary.EXAM_NOT_REQUIRED): "GRE required? No", "GRE
Required: No" (a question or label about the scores, "Is there a minimum required score?", is no
status), "Neither the GMAT nor the GRE is required", "do not accept GRE scores", "has been replaced
by" are not_required; advice ("we recommend that you submit") is no condition; a test asked of one
applicant group only ("required for all international applicants", "applicants who do not meet the
GPA must submit") or announced as one of "the alternative methods" is conditional; a condition is
read in its own sentence or dashed-list item ("3.0 or higher - A GRE is not required" has none).

Binding (issue 19, third pass): a sentence whose rule is held by a department or by programs in
general ("depending on the department", "if the department to which you apply requires",
"programs that require", "the programs listed above", "not required centrally") states no rule for
this program unless it names this program (binding.exam_rule_held_elsewhere); "Submit official GRE
or MAT scores." at a sentence's start is required.

Status shapes (issue 19, fourth pass; binding.exam_rule_shape): the rule read is returned only
where a sentence the parser kept binds it by one of three shapes: the exam then what is said of it
("GRE scores are not required"), a verb of asking, sending or waiving then the exam ("The program
does not require the MAT or GRE", "300 on the GRE"), or the exam as a list item ("2. GRE scores");
not where the subject before it is someone else ("Some require GRE scores", "Many ... programs
don't require", "For business, applicants ... 500 on the GMAT"). Every exam the rule names must
be bound by a shape; a rule bound only as a list item is not read as required where the text
waives something. Every other shape abstains (None).

Sixth pass (issue 19, r6-status): a rule left to whoever requires it ("whichever is appropriate",
"when required", "each program that uses test scores", a rule quoted in advice on wording: "add a
note saying that ... the GRE requirement is waived") and an office's floor where the text leaves the
rule to the program ("The Graduate School does not require the GRE. Your academic program may or
may not require it.") state no rule for this program; "are expected", "based on" and "complete"
bind an exam ("Your official GRE scores are expected", "Admission is based on the GPA, GRE scores",
"unable to complete the GRE"); "must also take", "must be filed" and "use ... (GRE) scores" are
required; a test the program "may ask applicants to take" (or applicants "may be asked to
submit") is conditional; "not required but will be considered if submitted" is optional (the "if" is the
applicant's choice), and so is a waiver open to every applicant ("All applicants are eligible for
a GRE waiver") unless its sentence names a condition.

Seventh pass (issue 19, r7-status; binding.py "status shapes, seventh pass"): a requirement
coordinated with a lesser status is left open ("required, optional/not required or not accepted",
"may be required or recommended": None; "not required or recommended" stays not_required); an
embedded question states no rule ("to see if an entrance examination (GRE, MAT, GMAT, etc.) is
required" is blanked before reading); the reader's own program ("contact your program of interest
... for a GRE score waiver") and programs in general as a modal subject at a clause's start
("Academic programs may also request substitute test scores") hold the rule, not this program.

condition is short and normalized to when the exam is waived: "waived with GPA >= 3.0 or a
graduate degree", "waived for unconditional admission".
"""

from __future__ import annotations

import re

from . import vocabulary as v
from .binding import (
    bound_text, clause_scope, exam_embedded_questions_blanked, exam_office_subject, exam_rule_held_elsewhere,
    exam_rule_left_to_programs, exam_rule_shape, exam_status_left_open,
)
from .models import ExamRule
from .text import prepare
from .familiar import gate

EXAMS = v.EXAMS
_EXAM_RE = [(name, v.regex(p, re.I)) for name, p in EXAMS]
_GENERIC = v.regex(r"\b(?:" + "|".join(v.EXAM_GENERIC) + r")\b", re.I)  # one list with the status shapes
_ENGLISH = v.regex(r"\b(?:" + "|".join(v.ENGLISH_TESTS) + r")\b", re.I)
_NOT_REQUIRED = v.regex(
    r"\bnot\s+(?:be\s+)?(?:required|needed|necessary|considered|accepted|reviewed|used|part\s+of|require)"
    r"|\bno\s+(?:longer\s+)?(?:require|required|need)\w*|\bno\s+(?:\w+\s){0,3}?(?:required|needed|necessary)\b(?!\s+(?:minimum\s+)?(?:scores?|cut-?\s?off))"
    r"|\bno\s+(?:GRE|MAT|GMAT|standardi[sz]ed|test|entrance)\b|\b(?:do(?:es)?|will)\s+not\s+require|\bdon't\s+require"
    r"|\bdoesn't\s+require|\bwithout\s+(?:taking\s+|submitting\s+)?(?:the\s+|an?\s+)?(?:GRE|MAT|test|exam|entrance)|"
    # "required an entrance exam at one time but no longer does" (issue 9: time).
    r"\bno\s+longer\s+(?:does|do|is|are|accepts?|accepted|considers?)\b|\bat\s+one\s+time\s+but\s+no\s+longer\b"
    r"|\b(?:do|does|will)\s+not\s+need\b|\bdon't\s+need\b|\bGRE[-\s]free\b|\bwaived\s+for\s+all\b"
    # "We do not accept GRE scores." (not "do not accept scores older than five years" nor copies).
    r"|\b(?:do|does|will)\s+not\s+accept\s+(?:the\s+)?(?:GRE|MAT|GMAT|standardi[sz]ed|test|entrance)\w*(?:\s+(?:general\s+)?(?:test\s+)?scores?)?\s*(?:[.;]|$|for\s+admission)"
    # "The GRE requirement has been suspended", "the GRE is temporarily suspended".
    r"|\b(?:requirement\s+(?:has\s+been\s+|is\s+|was\s+)?|(?:is|are|been|was)\s+(?:temporarily\s+)?)(?:suspended|eliminated|removed)\b"
    r"|\bis\s+not\s+an?\s+(?:admission\s+)?requirement|\bnot\s+an?\s+(?:admission\s+)?requirement"
    r"|\bno\s+(?:GRE|test)\s+(?:scores?\s+)?(?:is\s+|are\s+)?required"
    r"|(?:exams?|tests?|scores?|GRE)\s?(?:required)?\s?:\s?(?:none|n/a|not\s+applicable)\b"
    # An at-a-glance "GRE: Waived" with nothing after it: waived for everyone.
    r"|(?:exams?|tests?|scores?|GRE|MAT)\s?(?:requirement)?\s?:\s?waived\s?(?:$|[.;])",
    re.I,
)
_NOT_REQUIRED_WORDS = v.regex(r"\b(?:" + "|".join(v.EXAM_NOT_REQUIRED) + ")", re.I)
_NO_WAIVER = v.regex(r"\b(?:" + "|".join(v.EXAM_NO_WAIVER) + ")", re.I)
_ALTERNATIVES = v.regex(r"\b(?:" + "|".join(v.EXAM_ALTERNATIVES) + ")", re.I)
_ONE_GROUP = v.regex(r"\b(?:" + "|".join(v.EXAM_ONE_GROUP) + ")", re.I)
# Advice is not a condition: "not required. However, if your GPA is below 3.0, we recommend that you
# submit a GRE score" stays not_required.
_ADVICE = v.regex(r"\b(?:recommend\w*|encourag\w*|suggest\w*|advis\w*)\b", re.I)
# A sentence end or a new item of a dashed list ("3.0 or higher - A GRE is not required"), never
# the period of an initial ("Ph.D. are not required").
_BOUND = v.regex(r"(?<!\b[A-Z])[.;]\s|\s-\s(?=[A-Z])")


# Sentences, never split after an initial's period ("applicants who already hold a Ph.D. are not
# required") nor after "St." ("programs at St. John's must submit": the subject stays with its verb).
_SPLIT = v.regex(r"(?<=[.;!?])(?<!\b[A-Z]\.)(?<!\bSt\.)\s")


def _sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or dashed-list item) of body that holds body[start:end]."""
    a = 0
    for m in _BOUND.finditer(body, 0, start):
        a = m.end()
    m = _BOUND.search(body, end)
    return a, m.start() if m else len(body)


def _one_group(body: str) -> bool:
    """A sentence that asks the exam of one group of applicants only (not an English test's)."""
    for part in _SPLIT.split(body):
        if _ONE_GROUP.search(part) and _exams_in(part) and not _ENGLISH.search(part):
            return True
    return False
_CONDITION_AFTER_NEG = v.regex(
    r"\b(?:if|when|provided|unless|with\s+an?\s+(?:\w+\s){0,3}?(?:gpa|\d\.\d+|graduate|master)|with\s+\d\.\d"
    r"|for\s+(?:applicants|students|those)\s+(?:with|who|whose|holding|that)|who\s+(?:already\s+)?(?:have|hold|meet)"
    r"|whose|holding|above|at\s+least|or\s+higher|or\s+better)\b",
    re.I,
)
_CONDITIONAL = v.regex(
    r"\bwaive[drs]?\b|\bwaivers?\b|\bexempt\w*|\bunless\b|\bmay\s+be\s+required\b"
    r"|\b(?:" + "|".join(v.EXAM_MAY_ASK) + r")"  # "may ask applicants to take the GRE when" (sixth pass)
    # "may ask for GRE scores when", "in lieu of a test score", "at the discretion of" (issue 9).
    r"|\bmay\s+(?:ask\s+for|request|require)\b|\bin\s+lieu\s+of\b|\bat\s+the\s+discretion\b"
    r"|\bfor\s+(?:applicants|students|those)\s+(?:who\s+(?:have\s+not|do\s+not|did\s+not|lack)|whose|without|below|under)\b"
    r"|\bor\s+(?:an?\s+)?(?:prior\s+|previous\s+|previously\s+earned\s+)?(?:graduate|master'?s|advanced)\s+degree"
    r"|\bor\s+(?:\w+\s+)?years?\s+of\s+(?:[\w-]+\s+){0,3}?experience"
    r"|\b(?:under|less\s+than|lower\s+than)\s+(?:a\s+)?[0-4]\.\d"
    r"|\brequired\s+(?:only\s+)?(?:for|of|if|when)\s+(?:applicants?|students?|those|your|an?|the)?\s?(?:\w+\s){0,4}?"
    r"(?:with|whose|below|under|less|who|if)\b|\bbelow\s+(?:a\s+)?\d\.\d|\bbelow\s+(?:a\s+)?(?:gpa|grade)"
    r"|\bif\s+(?:your|the|an?)\s+(?:\w+\s){0,3}?(?:gpa|grade)|\bif\s+you\s+(?:do\s+not|don't)\s+(?:have|meet)\b"
    r"|\brequires?\s+(?:\w+\s){0,3}?(?:if|when)\b"
    # "optional for applicants with a GPA of 3.0 or above": optional for some is waived for some.
    r"|\boptional\s+(?:only\s+)?(?:for|if|when)\s+(?:applicants?|students?|those)?\s?(?:\w+\s){0,4}?(?:with|whose|who|if)\b",
    re.I,
)
# How old scores may be ("GRE scores older than five years will not be accepted"): a rule about
# the scores the program asks for, so the exam is required (never not_required).
_SCORE_AGE = v.regex(
    r"\b(?:older\s+than|(?:more|less|no\s+more)\s+than\s+\w+\s+(?:\(\d+\)\s+)?years?\s+old|taken\s+within"
    r"|within\s+the\s+(?:last|past)\s+\w+\s+years?|valid\s+for\s+\w+\s+years?|expired?)\b",
    re.I,
)
_EXPERIENCE = v.regex(
    r"\byears?\s+of\s+(?:[\w-]+\s){0,3}?(?:experience|employment)\b|\b(?:professional|work|library)\s+experience\b",
    re.I,
)
_WAIVER = v.regex(r"\bwaive[drs]?\b|\bwaivers?\b|\bexempt\w*", re.I)
# Sixth pass (r6-status): "not required but will be considered if submitted" and a waiver open to
# every applicant are optional (vocabulary, "status shapes, sixth pass").
_CONSIDERED_IF_SENT = v.regex(r"\b(?:" + "|".join(v.EXAM_CONSIDERED_IF_SENT) + r")", re.I)
_NOT_REQUIRED_BUT_CONSIDERED = v.regex(
    r"\bnot\s+(?:be\s+)?required\b[^.;?]{0,60}?(?:[.;]\s?(?:however|but)\b|,?\s(?:but|however)\b)[^.;?]{0,100}?"
    r"\b(?:" + "|".join(v.EXAM_CONSIDERED_IF_SENT) + r")", re.I)
_WAIVER_OPEN_TO_ALL = v.regex(r"\b(?:" + "|".join(v.EXAM_WAIVER_OPEN_TO_ALL) + r")", re.I)
_OPTIONAL_WORD = v.regex(r"(?:" + "|".join(v.EXAM_OPTIONAL_WORDS) + r")\b", re.I)
_OPTIONAL = v.regex(r"\boptional\b|\bvoluntar\w*|\bmay\s+(?:be\s+)?submit\w*|\bencouraged\b|\btest[-\s]optional\b", re.I)
_REQUIRED = v.regex(
    # "We also use Graduate Record Exam (GRE) scores ... to assess", "decisions rest on ... test
    # scores": the program reads the scores.
    r"(?<!not\s)\b(?:use|uses|consider|considers|evaluate|evaluates|review|reviews)\s+(?:[\w()]+\s){0,5}?(?:scores?|results)\b"
    r"|\b(?:rests?|(?:is|are)\s+based|depends?)\s+(?:up)?on\b"
    r"|\b(?:" + "|".join(v.EXAM_EXPECTED) + r")"  # "Your official GRE scores are expected" (sixth pass)
    r"|\brequired\b|\bwill\s+need\b|\bmust\s+be\s+(?:sent|submitted|filed|received|on\s+file)\b|\bneeds?\s+(?:your|an?|the|official)\b|\bmust\s+(?:also\s+)?(?:submit|take|provide|have|present|send)\b|\brequires?\b|\bmandatory\b|\bneeded\b",
    re.I,
)
# "Submit official GRE or MAT scores.": an imperative to every applicant, at a sentence's or a list
# item's start (vocabulary.EXAM_IMPERATIVE).
_IMPERATIVE = v.regex(r"(?:^|(?<=[.;:\u2022]\s)|(?<=\u2022))\s?(?:" + "|".join(v.EXAM_IMPERATIVE) + ")", re.I)
_GPA_NUMBER = v.regex(r"([0-4]\.\d{1,2})")
_GRAD_DEGREE = v.regex(
    # "graduate-degree holders", "a graduate or professional degree".
    r"\b(?:graduate|master'?s|doctoral|advanced|terminal|professional)(?:\s+or\s+[a-z']+)?[-\s]degrees?\b|\bmaster'?s\b"
    r"|\bph\.?d\b|\bdoctorate\b"
    r"|\bJ\.D\.|\bJD\b",
    re.I,
)
_GPA_WORD = v.regex(r"\bgpas?\b|grade[-\s]point", re.I)
_TIED = v.regex(
    r"\b(?:if|unless|with|whose|has|have|holding|below|under|above|less\s+than|at\s+least|or\s+(?:higher|above|better)"
    r"|minimum|earned|exempt"
    r"|waive\w*)\b",
    re.I,
)
_BELOW_GPA = v.regex(r"\b(?:below|under|less\s+than)\s+(?:an?\s+)?[0-4]\.\d", re.I)
# "cannot be waived": the rule holds for everyone (issue 9).
_NOT_WAIVABLE = v.regex(
    r"\b(?:cannot|can\s?not|may\s+not|will\s+not|is\s+not)\s+be\s+waived\b|\bnot\s+waivable\b|\bno\s+(?:exceptions|waivers)\b"
    r"|\bcannot\s+be\s+waived\b",
    re.I,
)
# "An application consists of the following items: ...; Admissions Test Scores": the exam among
# the materials every applicant sends is required.
_MATERIALS = v.regex(
    r"\b(?:consists?\s+of|the\s+following(?:\s+(?:items|materials|documents))?|application\s+materials|required\s+documents"
    r"|checklist|must\s+submit|the\s+application\s+process\s+requires)\b",
    re.I,
)
# "For students taking the MAT, scores need to be at least 410": guidance for those who choose
# to take a test, not a rule on it; licensure tests (Praxis) are not entrance exams.
_GUIDANCE = v.regex(
    r"^\s?(?:for|if)\s+(?:students|applicants|those|you)\s+(?:who\s+)?(?:are\s+)?(?:tak|submit|choos|send)\w*", re.I
)
_EXAMPLES = v.regex(r"\(\s?(?:such\s+as|e\.g\.,?|for\s+example,?)[^()]{0,120}\)", re.I)
# A question states nothing ("Is the GRE required for admission?"), unless its answer follows it
# ("GRE required? No").
_QUESTION = v.regex(r"\?\s*$")
_ANSWERED = v.regex(r"(?P<question>(?:[^.?!;]|\.(?=\d)){0,300})\?\s?:?\s?(?:(?P<no>no|none|n/a)|(?P<yes>yes))\b", re.I)


# A label and its answer: "GRE Required: No", "Test scores needed: Yes".
_LABEL_ANSWER = v.regex(
    r"(?P<question>\b[\w()/ -]{0,40}?\b(?:required|needed|necessary))\s?:\s?(?:(?P<no>no|none|n/a)|(?P<yes>yes))\b", re.I
)
# A question about the scores, not about the exam being asked for: its answer is no status.
_ABOUT_SCORES = v.regex(
    r"\b(?:minimum|cut-?\s?off|lowest|average|typical|how\s+(?:old|recent|high|important)|older|expire\w*|still\s+(?:good|valid))\b",
    re.I,
)


def _answer(m: re.Match[str]) -> str:
    """A question about an exam and its yes/no answer, as the rule it states ("Do I still need to
    take the GRE? Yes." -> "GRE required."); a question about anything else is left alone."""
    exams = _exams_in(m.group("question"))
    if not (exams or _GENERIC.search(m.group("question"))) or _ABOUT_SCORES.search(m.group("question")):
        return m.group(0)  # "Is there a minimum required score on the GRE? No." is about scores
    # "Entrance exam required? No": a test named generically keeps the status.
    return " " + (" and ".join(exams) or "entrance exam") + (" not required" if m.group("no") else " required")
_LICENSURE = v.regex(r"\b(?:" + "|".join(v.LICENSURE_TESTS) + r")\b", re.I)
_UNCONDITIONAL = v.regex(r"\bunconditional(?:\s+admission)?\b|\bregular\s+admission\s+criteria\b", re.I)


def _exams_in(text: str) -> list[str]:
    return [name for name, pattern in _EXAM_RE if pattern.search(text)]


def _mentions_exam(text: str) -> bool:
    if _exams_in(text):
        return True
    for m in _GENERIC.finditer(text):
        window = text[max(0, m.start() - 40) : m.end() + 40]
        if not _ENGLISH.search(window):
            return True
    return False


def _condition(text: str) -> str | None:
    """When the exam is waived, in a few words; None when the page says it in a way we do not
    recognize (the status still says conditional)."""
    parts: list[str] = []
    with_parts: list[str] = []
    for m in _GPA_NUMBER.finditer(text):
        near = text[max(0, m.start() - 60) : m.end() + 25]
        # The GPA of the waiver, not a separate requirement ("a 3.0 GPA AND a test score").
        if _GPA_WORD.search(near) and _TIED.search(near) or _BELOW_GPA.search(text, max(0, m.start() - 12), m.end()):
            with_parts.append(f"GPA >= {m.group(1)}")
            break
    if _GRAD_DEGREE.search(text):
        with_parts.append("a graduate degree")
    if _EXPERIENCE.search(text):
        with_parts.append("work experience")
    if with_parts:
        parts.append("with " + " or ".join(with_parts))
    if _UNCONDITIONAL.search(text):
        parts.append("for unconditional admission")
    return "waived " + " or ".join(parts) if parts else None


def _sentences_with_exam(text: str) -> str:
    """Only the sentences that talk about an entrance exam, so that 'TOEFL is required' next to
    'GRE not required' does not make the GRE required."""
    parts = _SPLIT.split(text)
    # An office's own floor where the text leaves the rule to the program (sixth pass): "The Graduate
    # School does not require the GRE. Your academic program may or may not require it."
    left_to_programs = exam_rule_left_to_programs(text)
    # A question ("Is the GRE required for admission?") states nothing.
    keep = [
        p for p in parts
        if _mentions_exam(p) and not _GUIDANCE.match(p) and not _LICENSURE.search(p) and not _QUESTION.search(p)
        and not clause_scope("entrance_exam", p)  # another school's or program's test
        and not exam_rule_held_elsewhere(p)  # a rule a department or programs in general hold
        and not (left_to_programs and exam_office_subject(p))
    ]
    # A follow-up sentence without the exam's name ("Applicants holding a graduate degree are
    # exempt.") still belongs to the rule when it states a waiver.
    for i, p in enumerate(parts):
        if p not in keep and i and parts[i - 1] in keep and _WAIVER.search(p) and not _ENGLISH.search(p):
            keep.append(p)
    # One that announces the routes named after it ("... can satisfy this requirement by one of the
    # alternative methods listed below. 1. Submit ... 2. GRE ...") belongs to the rule too.
    for i, p in enumerate(parts):
        if p not in keep and any(q in keep for q in parts[i + 1 : i + 4]) and _ALTERNATIVES.search(p):
            keep.append(p)
    return " ".join(p for p in parts if p in keep)


def _shaped(rule: ExamRule, body: str, whole: str) -> ExamRule | None:
    """The rule where a sentence the parser read binds it by one of the status shapes
    (binding.exam_rule_shape), else None: every other shape abstains. An exam bound only as an
    item of a list of requirements is not read as required where the text waives something
    ("5. Applicants holding an earned doctorate degree may request a waiver."): the waiver's
    object is unknown."""
    # Exams named only in a question ("do I still have to have GRE scores?") are bound by the
    # answer's generic test ("a waiver of the test score requirements").
    named = rule.exams if _exams_in(body) else []
    shape = exam_rule_shape(body, named)
    if shape == "list_item" and rule.status == "required" and _WAIVER.search(whole):
        return None
    return rule if shape else None


@gate("parse_exam_rule")
def parse_exam_rule(text: str) -> ExamRule | None:
    """The entrance-exam rule the text states; None when it names no entrance exam or no status."""
    t = prepare(text)
    if not _mentions_exam(t):
        return None
    # "GRE required? No": the answer states the rule; the status words of the vocabulary ("has
    # stopped requiring", "replaces the requirement for") say "not required", and "even if you
    # hold an advanced degree" says no waiver.
    # "Standardised test results (such as TOEFL, GRE, GMAT, etc.)": exams named as examples.
    t = _EXAMPLES.sub(" ", bound_text("entrance_exam", t))
    if "?" in t:
        t = _ANSWERED.sub(_answer, t)
    if ":" in t:
        t = _LABEL_ANSWER.sub(_answer, t)  # "GRE Required: No"
    # The exams a status phrase names stay ("Neither the GMAT nor the GRE is required").
    t = _NOT_REQUIRED_WORDS.sub(lambda m: " " + " ".join(_exams_in(m.group(0))) + " not required ", t)
    body = _NOT_WAIVABLE.sub(" required ", _NO_WAIVER.sub(" required; ", _sentences_with_exam(t)))
    if not body.strip():
        return None
    if exam_status_left_open(body):
        return None  # seventh pass: "required, optional/not required or not accepted": left open
    body = exam_embedded_questions_blanked(body)  # seventh pass: "to see if the GRE is required"
    if not body.strip():
        return None
    # "Do I still have to have GRE scores? ... a waiver of the test score requirements": the answer
    # names the test generically; the question says which.
    exams = _exams_in(body) or _exams_in(" ".join(q for q in re.findall(r"[^.?!;]{0,300}\?", t)))
    # A score-age rule's "will not be accepted" is about old scores: not a rule on the exam.
    age_rule = False
    neg = None
    for neg in _NOT_REQUIRED.finditer(body):
        a = max(body.rfind(". ", 0, neg.start()), body.rfind("; ", 0, neg.start())) + 1
        b = min((i for i in (body.find(". ", neg.end()), body.find("; ", neg.end())) if i != -1), default=len(body))
        if _SCORE_AGE.search(body, a, b):
            age_rule = True
            neg = None
            continue
        break
    else:
        neg = None
    age_rule = age_rule or _SCORE_AGE.search(body) is not None
    if neg:
        # "not required ... if/with a 3.0 GPA", "Applicants with a 3.0 GPA are not required":
        # a condition in the same sentence; or a waiver stated elsewhere (not "waived for all").
        start, end = _sentence_around(body, neg.start(), neg.end())
        sentence = body[start:end]
        rest = body[:neg.start()] + " " + body[neg.end():]
        rest = " ".join(p for p in _SPLIT.split(rest) if not _ADVICE.search(p))
        turned = _NOT_REQUIRED_BUT_CONSIDERED.search(t)
        if turned and not _CONDITION_AFTER_NEG.search(_CONSIDERED_IF_SENT.sub(" ", turned.group(0))) \
                and not _CONDITIONAL.search(rest):
            # "The GRE is not required but will be considered if submitted": the choice is the applicant's.
            return _shaped(ExamRule(status="optional", exams=exams), body, t)
        if _CONDITION_AFTER_NEG.search(sentence) or _CONDITIONAL.search(rest):
            return _shaped(ExamRule(status="conditional", exams=exams, condition=_condition(body)), body, t)
        if _OPTIONAL_WORD.search(sentence):
            # "The GRE is optional, not required", "GRE required? No, the GRE is optional": optional
            # is the more precise status (fifth pass; "may be submitted voluntarily" stays not_required).
            return _shaped(ExamRule(status="optional", exams=exams), body, t)
        return _shaped(ExamRule(status="not_required", exams=exams), body, t)
    open_waiver = _WAIVER_OPEN_TO_ALL.search(body)
    if open_waiver:
        a, b = _sentence_around(body, open_waiver.start(), open_waiver.end())
        if not _CONDITION_AFTER_NEG.search(body, a, b) and not _REQUIRED.search(body):
            # "All applicants are eligible for a GRE waiver": open to everyone, the test is optional.
            return _shaped(ExamRule(status="optional", exams=exams), body, t)
    if _CONDITIONAL.search(body) or _ALTERNATIVES.search(body) or _one_group(body):
        # "GRE scores, or a graduate degree, or three years of experience": one route of several.
        return _shaped(ExamRule(status="conditional", exams=exams, condition=_condition(body)), body, t)
    if _OPTIONAL.search(body):
        return _shaped(ExamRule(status="optional", exams=exams), body, t)
    if _REQUIRED.search(body) or (age_rule and exams) or (_IMPERATIVE.search(body) and exams):
        return _shaped(ExamRule(status="required", exams=exams), body, t)
    if _MATERIALS.search(t):
        return _shaped(ExamRule(status="required", exams=exams), body, t)  # listed among the application materials
    return None
