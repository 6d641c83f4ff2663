"""Normalizers: one piece of page text in, typed values out (DESIGN section 3b, a contract).

Every function is pure, accepts any string (non-strings are treated as empty), never raises,
and returns None or [] when the text does not clearly state the fact: a missing value is better
than a misread one. Inputs are capped at text.MAX_CHARS (20,000) characters before any regex,
and every pattern is linear or bounded, so adversarial text cannot stall a crawl.

    clean_text(text) -> str
    parse_money(text) -> Decimal | None
    parse_tuition(text) -> list[Rate]
    parse_credits(text) -> Decimal | None
    parse_deadlines(text) -> list[Deadline]
    parse_exam_rule(text) -> ExamRule | None
    parse_gpa(text) -> Decimal | None
    parse_duration(text) -> Duration | None
    parse_delivery(text) -> Delivery | None
    parse_start_terms(text) -> list[str]
    parse_accredited(text) -> bool | None
    parse_degree(text) -> str | None

Conventions spider authors can rely on (each module's docstring has the details):

- applies_to (Rate and Deadline) is lowercase, comma-joined, in this order: source (deadlines:
  "graduate school" when the text names the Graduate School as the source of its dates), campus
  or delivery ("special session", "main campus", "online campus", "global campus", "on campus",
  "online"), applicant
  group (deadlines: "domestic", "international"), named applicant group (deadlines: "(School
  Librarianship certificate applicants only)" -> "school librarianship certificate applicants"),
  attendance ("full-time", "part-time"), load
  ("1-8 credits", "7+ credits"), "quarter credits", course size ("3-credit courses"). Units,
  hours, semester hours and credit hours are all spelled "credits". None when nothing qualifies.
- Money: Decimal quantized to cents. parse_money returns the amount a charge name binds to the
  application fee (the domestic one first), or the first amount of a text that names no charge
  when the text is in a label's shape (a few words, no number that is not an amount);
  None when that amount opens a range ("$500-$700"), has a scale word ("$1.2 million") or non-US separators, or when
  binding moves the first amount away (a graduation fee, a non-degree applicants' fee): a later
  amount never stands in for it.
- Rates: "per unit / credit hour / semester hour / SCH / quarter credit hour" -> per="credit"
  (quarter adds "quarter credits" to applies_to); "per 3-hour course" -> per="course"; a
  semester, term, quarter or trimester -> "term"; "annually" -> "year"; "for the entire program"
  -> "program". Worked examples, ranges, approximations ("about $19,980") and totals are skipped;
  one-time fees (application, transcript, graduation) are not rates. "Out-of-State &
  International" yields one Rate per residency; "same for residents and non-residents" and
  "out-of-state online students pay the in-state rate" are "any". Undergraduate rows, costs of
  attendance and named fees without a unit (unless the sentence says "each semester") are not
  rates (details in tuition.py).
- Deadlines: date "YYYY-MM-DD" when the page gives a year, else "--MM-DD"; rolling has date None.
  "then rolling" adds a rolling Deadline for that term; year-round rolling has term None. Default
  kind "final"; funding/assistantship or "full consideration" dates are "priority". A stated
  deadline whose date cannot be read ("Fall: May priority") makes the whole result []. One date for
  several terms ("Fall and Spring: March 1") gives one Deadline per term; "3/1" is US month/day
  only when a term labels it (details in deadlines.py). "There is no deadline for admission" in a
  text that gives no date is rolling (term None); a kind the words do not settle (advised, and the
  same date restated for funding consideration) gives no Deadline rather than a guessed kind.
- Credits: models.plain() (Decimal("37"), Decimal("58.5")); quarter credits are not converted.
- GPA: two decimals (Decimal("3.00"), Decimal("2.75")), never rounded beyond what is stated.
  (Decimal("3.00") == Decimal("3"), so comparisons do not depend on this choice.)
- Duration: 1 year = 12 months, 1 semester = 6, 1 quarter or trimester = 4; "as few as" is a
  lower bound only; a time limit ("within five years") is a maximum used only when nothing else
  is stated.
- Delivery: the most online way to complete the program; a required residency or immersion of
  any length, in any word order ("then join classmates on campus for an immersion"), makes an
  online program "hybrid" (an optional one does not). Live meetings on a schedule ("meets
  synchronously once a week") are synchronous even when the rest of the work is self-paced.
- Credits: "a 36 semester-hour program" / "a 30-unit program" names the total, beside its parts.
- Tuition: a label belongs to the amount after it when written "Label: $X" (or "Label per credit:
  $X"); an amount with no label takes the kind of the label before it in its sentence.
- Exams: canonical names GRE, MAT, GMAT, LSAT, MCAT in that order; conditions are phrased as when
  the exam is waived ("waived with GPA >= 3.0 or a graduate degree").
- Degree: MLIS, MLS, MA, MS, MIS, MI, MEd; any Master of Science (MSLS, MSIS) is "MS".
- Start terms: canonical order fall, spring, summer, winter. Starts given only as months
  ("Months of entry: January, August") give [] (a January start is spring at one school and
  the winter quarter at another).
- A value only where the text binds it (issue 9, PARSER_VERSION 4): averages of admitted
  students, GPAs to graduate or stay in good standing, savings, scholarships, reductions,
  one-time fees, amounts in another currency (CAD, Quebec rates, EUR), opening / document /
  funding-application / policy dates, loads, clock hours, certificate credits and the lengths
  of terms, leaves or transfer-credit windows all give nothing. A flattened table row of
  adjacent amounts takes the residency or unit columns of its header; rows of adjacent dates are
  read only where the heading pairs each column (a run of terms over applicant-group rows, or one
  named column per date over term rows, of which only the application deadline's is read); any
  other rows of adjacent dates make parse_deadlines []. Word tables live once in vocabulary.py.
- Binding, one mechanism for every normalizer (issue 19, PARSER_VERSION 5; binding.py): a value
  is returned only where its clause binds it to this program. Scope words are vocabulary
  (`vocabulary.SCOPES`; `FIELD_SCOPES` says which move which field): another school or program
  ("applicants to the business school", "if required by your program"), awards, grades once
  enrolled, a part of the degree ("Core Courses (18 credits)", nearest head before the value),
  statistics, an accreditation's term, co-ops, office closures, disregarded dates, events.
  Another credential named before a value (CAS, PhD, specialist, dual degree, a concentration's own
  requirements) holds until the program is named again; one an applicant holds ("applicants who
  hold a doctorate") is a qualification. A clause is a sentence or a labelled item of a flattened
  list. `binding.binding_clause(field, text)` gives the shortest run of sentences that reads as
  the whole text; the history keeps it as the evidence's "clause" and the report shows it.
- Binding shapes, the default inverted (issue 19, PARSER_VERSION 6; binding.py's "positive
  binding" and "shape gate" sections): besides the scopes that move a value away, each field names
  the few shapes that bind one (a label or predicate of the field within a few words of the value,
  the value's own unit or kind words, a table cell under a binding column, a spider's "Label:
  value" pair), with nothing of another kind between them (another value of the same kind, another
  action, entity or discipline, a part named after the value); a value in any other shape is not
  returned. A GPA binds to admission, a credit total to the degree, a date to applying, an exam
  rule, delivery mode or accreditation to this program (a department's rule, a glossary's kind of
  course or "schools accredited by" bind nothing); the application fee is the amount a charge name
  binds to it.
- Familiar wording, the last word (issue 19, PARSER_VERSION 9; familiar.py): a value the rules read
  is returned only when every word of the clause that binds it is one its normalizer has seen
  state the fact (`familiar_words.WORDS`, generated from the reading corpus and the recorded
  sites by `benchmarks/familiarity.py write`); otherwise the normalizer abstains and
  `crawler.fields.read_fact` names the new words. On four batches written for it and left out of
  the lists it took wrong or invented values from 10.9% of sentences to 2.0%, at the cost of 16
  points of sentences read right (it reads a quarter of the stated facts, the rules alone two
  thirds; tests/normalize/corpus/README.md). The gate only ever takes a value away.
"""

from __future__ import annotations

from .credits import parse_credits
from .deadlines import parse_deadlines
from .delivery import parse_delivery
from .duration import parse_duration
from .exams import parse_exam_rule
from .gpa import parse_gpa
from .models import Deadline, Delivery, Duration, ExamRule, Rate
from .money import parse_money
from .program import parse_accredited, parse_degree, parse_start_terms
from .text import clean_text
from .tuition import parse_tuition

__all__ = [
    "Deadline",
    "Delivery",
    "Duration",
    "ExamRule",
    "Rate",
    "clean_text",
    "parse_accredited",
    "parse_credits",
    "parse_deadlines",
    "parse_degree",
    "parse_delivery",
    "parse_duration",
    "parse_exam_rule",
    "parse_gpa",
    "parse_money",
    "parse_start_terms",
    "parse_tuition",
]
