"""How many tune sentences of the reading corpus each binding rule decides (issue 19's closing note).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/reading_rules.py [--shapes]

Turns one rule off at a time (a scope of vocabulary.FIELD_SCOPES, the other-credential heading, a
status-word or table pattern) and counts the sentences whose outcome changes: how many are right
only with the rule, and how many would be wrong without it. Tune part only; never the holdout. `--shapes` prints only the status shapes' table (how many
sentences each binding shape of the status readers binds, right and wrong).
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.normalize import binding as b  # noqa: E402
from crawler.normalize import credits, deadlines, delivery, duration, exams, gpa, money, program, tuition  # noqa: E402
from crawler.normalize import vocabulary as v  # noqa: E402
from tests.support import corpus  # noqa: E402

NEVER = re.compile(r"(?!x)x")


def main() -> int:
    sentences = corpus.load()

    def outcomes() -> dict[str, str]:
        b._marks.cache_clear()
        b.clause_scope.cache_clear()
        return {s.id: corpus.run(s)[1] for s in sentences}

    base = outcomes()

    def report(name: str) -> None:
        now = outcomes()
        changed = [i for i in base if base[i] != now[i]]
        right = sum(1 for i in changed if base[i] == corpus.RIGHT)
        wrong = sum(1 for i in changed if now[i] == corpus.WRONG)
        print(f"{name:34} decides {len(changed):3} (right only with it {right}, wrong without it {wrong})")

    saved = copy.deepcopy(v.FIELD_SCOPES)
    for scope in v.SCOPES:
        for field in v.FIELD_SCOPES:
            v.FIELD_SCOPES[field] = tuple(x for x in saved[field] if x != scope)
        report(f"scope {scope}")
        v.FIELD_SCOPES.update(copy.deepcopy(saved))
    for module, name, label in (
        (b, "_OTHER", "another credential's heading"), (b, "_HELD_BEFORE", "a held credential is a qualification"),
        (b, "_LABEL_START", "a labelled item is a clause"),
        (exams, "_NOT_REQUIRED_WORDS", "exam: not-required status words"), (exams, "_NO_WAIVER", "exam: 'even if'"),
        (exams, "_ALTERNATIVES", "exam: test or degree or experience"), (exams, "_ANSWERED", "exam: answered question"),
        (exams, "_EXAMPLES", "exam: exams named as examples"), (deadlines, "_START_MONTH", "deadline: month-named start"),
        (deadlines, "_BULLET", "deadline: bullets end a date's words"), (deadlines, "_OPENS_AFTER", "deadline: opens after"),
        (tuition, "_TABLE_UNIT", "tuition: a table's stated unit"), (tuition, "_GENERAL_RATE", "tuition: own over general"),
        (tuition, "_COUNTED", "tuition: rate times a count"), (tuition, "_COLUMN_JOIN", "tuition: joined columns"),
        (tuition, "_DASH_AFTER", "tuition: a row label after a dash"), (tuition, "_LIST_OF_ROWS", "tuition: a list naming ours"),
        (tuition, "_YEAR_COLUMN", "tuition: earlier years' columns"), (tuition, "OTHER_CURRENCY", "tuition: currency before binding"),
        (credits, "_SIZES_A_PART", "credits: a number sizing a part"), (credits, "_PROGRESS_BEFORE", "credits: a point along the way"),
        (credits, "_STARTED_BEFORE", "credits: started before a change"), (duration, "_ADJECTIVE_AFTER", "duration: singular unit adjective"),
        (duration, "_PART_TIME_STUDENT", "duration: part-time only is the max"), (gpa, "_ROUTE_HEADING", "gpa: lesser route heading"),
        (gpa, "_NOT_THE_PROGRAMS", "gpa: enrolled students' list"),
    ):
        kept = getattr(module, name)
        setattr(module, name, NEVER)
        report(label)
        setattr(module, name, kept)
    # Thresholds: set to a value that turns the rule off.
    for module, name, off, label in (
        (duration, "MIN_MONTHS", 0, "duration: no program under 9 months"),
        (tuition, "MAX_LOAD_MULTIPLE", 0, "tuition: worked load multiples"),
    ):
        kept = getattr(module, name)
        setattr(module, name, off)
        report(label)
        setattr(module, name, kept)
    # Abstaining where binding is weak (binding.py's "abstaining" section; money side, second pass).
    # Each is switched off by putting back what the code did before it.
    saved_other = v.SCOPES["other_program"]
    v.SCOPES["other_program"] = ("clause", tuple(w for w in saved_other[1] if w != r"non-?degree\s+applicants?"))
    b._scope_pattern.cache_clear()
    report("abstain: non-degree applicants")
    v.SCOPES["other_program"] = saved_other
    b._scope_pattern.cache_clear()
    label_end = credits._LABEL_END
    for module, name, off, label in (
        (b, "RUN", 10**6, "abstain: a run of three GPAs is a table"),
        (b, "_COMPARED_BEFORE", NEVER, "abstain: 'more than N credits'"),
        (b, "_COMPARED_AFTER", NEVER, "abstain: 'N credits or less'"),
        (credits, "_LABEL_END", re.compile(rf"(?:[:\-]\s?|\b{credits._UNIT}\s)$", re.I), "abstain: 'K-12' is no label"),
        (duration, "one_or_none", max, "abstain: two time limits give none"),
        (tuition, "_in_parenthesis", lambda item: False, "abstain: a unit in a parenthesis"),
        (tuition, "_unit_taken", lambda *args: False, "abstain: a term word another's"),
        (tuition, "_SERVICE_LABEL", NEVER, "abstain: a service label is a fee"),
        (money, "KEEP_FIRST", False, "abstain: first amount moved away"),
        (tuition, "_ESTIMATE", NEVER, "abstain: figures called estimates"),
        (tuition, "_AUDIT_LABEL", NEVER, "abstain: an audit's row"),
        (credits, "_LOAD_CLAUSE", re.compile(credits._LOAD_BASE, re.I),
         "abstain: loads ('can register', a term's label)"),
    ):
        kept = getattr(module, name)
        setattr(module, name, off)
        report(label)
        setattr(module, name, kept)
    assert credits._LABEL_END is label_end
    # Positive binding for the money readers (issue 19, third pass): each switched off in turn.
    level_without_rows = re.compile(
        tuition._LEVEL.pattern.replace("|".join((*v.OTHER_DISCIPLINES, *v.TUITION_OTHER_ROWS)), "|".join(v.OTHER_DISCIPLINES)), re.I)
    for module, name, off, label in (
        (money, "POSITIVE_BINDING", False, "money: a charge name binds the fee"),
        (money, "DOMESTIC_FIRST", False, "money: the domestic fee first"),
        (money, "_OTHER_APPLICANTS", NEVER, "money: other applicants' heading"),
        (tuition, "PRICE_BINDING", False, "tuition: a price word binds an amount"),
        (tuition, "_NOT_SET", NEVER, "tuition: rates not yet set"),
        (tuition, "_BUDGET", NEVER, "tuition: budgets (cost of attendance)"),
        (tuition, "TUITION_NAMED_FEE", False, "tuition: a fee named by tuition"),
        (tuition, "ONE_TIME_ROW", False, "tuition: a one-time row label"),
        (tuition, "_LEVEL", level_without_rows, "tuition: rows of a course or group"),
        # Positive binding of deadlines (issue 19, third pass: deadlines.py "positive binding"). Each
        # switched off by putting back what the code did before it.
        (deadlines, "_bound", lambda *args: True, "deadline: positive binding (all of it)"),
        (deadlines, "_COMPARED", NEVER, "deadline: a compared date"),
        (deadlines, "_COLUMN_OTHER", NEVER, "deadline: a column of other business"),
        (deadlines, "other_program_row", lambda *args: False, "deadline: another degree's row"),
        (deadlines, "first_clause_scope", lambda *args: None, "deadline: a heading of other business"),
        (deadlines, "_purpose_kind", lambda *args: None, "deadline: kind from purpose (both)"),
        (deadlines, "_FUNDING_PURPOSE", NEVER, "deadline: funding purpose is priority"),
        (deadlines, "_ADVICE_WORDS", NEVER, "deadline: advice is preferred"),
        (deadlines, "_merge_restated", lambda out: out, "deadline: a restatement merges"),
        # The status readers' positive binding (binding.py's "status fields" section; r-status). Each is
        # switched off by putting back what the code did before it.
        (b, "_EXAM_HOLDER_ELSEWHERE", NEVER, "status: exam rule held elsewhere"),
        (exams, "_IMPERATIVE", NEVER, "status: 'Submit GRE scores.' required"),
        (b, "_ACCREDITED_KIND", NEVER, "status: accreditation of a kind"),
        (delivery, "describes_a_kind", lambda sentence: False, "status: delivery of a kind"),
        (delivery, "_CAMPUS_RULED_OUT", NEVER, "status: a campus word ruled out"),
        # Status shapes (binding.py "status shapes"; r-status2): each gate switched off whole. (The
        # accreditation gate holds r-status's "candidacy bound to the ALA", now to its sentence.)
        (exams, "exam_rule_shape", lambda *args: "off", "status shapes: exam rule (all of it)"),
        (delivery, "delivery_shape", lambda *args, **kw: "off", "status shapes: delivery (all of it)"),
        (program, "accreditation_shape", lambda *args, **kw: "off", "status shapes: accreditation (all of it)"),
    ):
        kept = getattr(module, name)
        setattr(module, name, off)
        report(label)
        setattr(module, name, kept)
    # The shape gate for the money readers (issue 19, fourth pass): whole, then each veto in turn.
    b.SHAPE_GATE = False
    report("gate: the whole shape gate")
    b.SHAPE_GATE = True
    veto = b.rate_veto
    for name in b.RATE_VETOES:
        b.rate_veto = lambda *args, _n=name, **kw: (None if veto(*args, **kw) == _n else veto(*args, **kw))
        report(f"gate: {name}")
    b.rate_veto = veto
    # The status readers' seventh pass (binding.py "status shapes, seventh pass"): its vetoes together.
    b.SEVENTH_PASS = False
    report("status: seventh pass (all of it)")
    b.SEVENTH_PASS = True
    seventh_pass_scope(report)
    status_shapes(sentences)
    return 0


def status_shapes(sentences: "list[corpus.Sentence]") -> None:
    """Per status shape (binding.py "status shapes"): how many tune sentences it binds, and of those
    how many read right and how many wrong. A sentence counts for the shape that bound its value."""
    gates = ((exams, "exam_rule_shape"), (delivery, "delivery_shape"), (program, "accreditation_shape"))
    seen: list[str] = []
    kept = {name: getattr(module, name) for module, name in gates}

    def recording(fn):
        def wrapper(*args, **kwargs):
            shape = fn(*args, **kwargs)
            if shape:
                seen.append(shape)
            return shape
        return wrapper

    for module, name in gates:
        setattr(module, name, recording(kept[name]))
    tally: dict[tuple[str, str], dict[str, int]] = {}
    try:
        for s in sentences:
            if s.fn not in ("parse_exam_rule", "parse_delivery", "parse_accredited"):
                continue
            seen.clear()
            got, outcome = corpus.run(s)
            if got is None or got == []:
                continue
            row = tally.setdefault((s.fn, seen[-1] if seen else "?"), {corpus.RIGHT: 0, corpus.MISSED: 0, corpus.WRONG: 0})
            row[outcome] += 1
    finally:
        for module, name in gates:
            setattr(module, name, kept[name])
    for (fn, shape), row in sorted(tally.items()):
        print(f"shape {fn:17} {shape:18} binds {sum(row.values()):3} (right {row[corpus.RIGHT]}, wrong {row[corpus.WRONG]})")


def seventh_pass_scope(report) -> None:
    """The seventh pass for credits, GPA and duration (r7-scope; vocabulary "seventh pass"), one rule
    off at a time (its two scopes, "part_group" and "candidacy", are counted with every scope above)."""
    saved = v.SHAPE_PART_AFTER["total_credits"]
    v.SHAPE_PART_AFTER["total_credits"] = tuple(x for x in saved if x not in v.TOTAL_CREDITS_PART_AFTER_QUALIFIED)
    b._shape_pattern.cache_clear()
    report("7th: a qualified part after the figure")
    v.SHAPE_PART_AFTER["total_credits"] = saved
    b._shape_pattern.cache_clear()
    saved = v.SCOPES["credit_age"]
    v.SCOPES["credit_age"] = ("clause", tuple(x for x in saved[1] if x not in v.DURATION_EARLIER_WORK))
    b._scope_pattern.cache_clear()
    report("7th: the age of earlier work")
    v.SCOPES["credit_age"] = saved
    b._scope_pattern.cache_clear()
    units = (credits._WITH_UNIT, credits._SAME_KIND, credits._UNIT_AFTER)
    credits._WITH_UNIT, credits._SAME_KIND, credits._UNIT_AFTER = (
        re.compile(p.pattern.replace("|" + v.TOTAL_CREDITS_UNIT_QUALIFIERS, ""), p.flags) for p in units)
    report("7th: 'graduate level' credits")
    credits._WITH_UNIT, credits._SAME_KIND, credits._UNIT_AFTER = units
    placed = re.compile(credits._PLACED_AFTER.pattern.replace("|" + v.TOTAL_CREDITS_SHARE_OF_WHOLE, ""), re.I)
    for module, name, off, label in (
        (credits, "_CANDIDACY", NEVER, "7th: a candidacy sentence (lead-in)"),
        (credits, "_PLACED_AFTER", placed, "7th: a share of a stated whole"),
        (gpa, "_BAND_UPPER_BEFORE", NEVER, "7th: a GPA band's upper end"),
        (duration, "_RESTATED", re.compile(r"(?!x)(x)"), "7th: a restated span"),
        (duration, "_LIMIT_HEADING", NEVER, "7th: a heading of time limits"),
        (b, "SEVENTH_PASS", False, "7th: a row of another degree level"),
    ):
        kept = getattr(module, name)
        setattr(module, name, off)
        report(label)
        setattr(module, name, kept)


if __name__ == "__main__":
    if "--shapes" in sys.argv[1:]:
        status_shapes(corpus.load())
        raise SystemExit(0)
    raise SystemExit(main())
