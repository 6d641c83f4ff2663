"""The positive binding of application deadlines (issue 19, third pass): each rule made to fire and
made not to fire. A date is read only where its own words, a label or a list heading bind it
(crawler/normalize/deadlines.py, section "positive binding"; vocabulary section
"application_deadlines: positive binding"; binding.py section "application_deadlines")."""

from __future__ import annotations

import pytest

from crawler.normalize import parse_deadlines
from crawler.normalize.binding import deadline_for_funding, deadline_of_other, deadline_shape, label_words_only
from crawler.normalize.deadlines import _pipe_head


def _read(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(d.term, d.date, d.kind) for d in parse_deadlines(text)]


# ---- a predicate of applying, a label or a list heading binds the date; nothing else does -------

@pytest.mark.parametrize("text", [
    "On the morning of January 16 each year, we freeze and download all applications and begin reviewing them.",
    "Each year on March 3 the admissions committee meets to welcome the new cohort.",
])
def test_a_date_nothing_binds_is_not_read(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Applications must be received by January 16.", [(None, "--01-16", "final")]),
    ("The application shuts off at 11:59 p.m. on Oct. 1.", [(None, "--10-01", "final")]),
    ("Fall Semester July 1 Spring Semester November 15", [("fall", "--07-01", "final"), ("spring", "--11-15", "final")]),
    ("February 1 (international applicants only)", [(None, "--02-01", "final")]),
])
def test_a_predicate_or_a_label_binds_the_date(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_a_list_heading_naming_deadlines_binds_its_short_items() -> None:
    text = "Applicant type | Deadline | International applications | January 31 | Domestic applications | August 1 |"
    assert _read(text) == [(None, "--01-31", "final"), (None, "--08-01", "final")]
    # Without the heading's deadline, the same items are bound by nothing.
    assert _read("Applicant type | Office | International applications | January 31 | Domestic applications | August 1 |") == []


# ---- a date compared, not set ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "If departmental deadlines are earlier than February 15, have all materials in six weeks before them.",
    "Applications submitted after February 1 will be reviewed on a space available basis only.",
])
def test_a_compared_date_is_not_a_deadline(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Applications must be received no later than February 15.", [(None, "--02-15", "final")]),
    ("Applications are not accepted after February 15.", [(None, "--02-15", "final")]),
])
def test_a_negated_comparison_is_a_deadline(text: str, expected: list) -> None:
    assert _read(text) == expected


# ---- a date opening its row is bound only by what its row says of it ---------------------------

def test_a_row_of_other_business_is_not_a_deadline() -> None:
    assert parse_deadlines("August 21, Monday | Fall classes start at 5 pm |") == []
    assert parse_deadlines("May 2 | Admission decisions released |") == []


def test_a_row_naming_a_deadline_is_read() -> None:
    assert _read("December 1, 2017: Early decision deadline.") == [(None, "2017-12-01", "priority")]
    assert _read("Fall: August 21 | Priority deadline |") == [("fall", "--08-21", "priority")]


# ---- the kind a date's purpose gives --------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("To be considered for merit-based aid, a student must submit the application by February 1.", "priority"),
    ("For many financial aid opportunities, it is better to apply by December 15.", "priority"),
    ("We encourage students to submit applications by December 15.", "preferred"),
    ("Admission is rolling, but please finish your application by December 1.", "preferred"),
])
def test_purpose_gives_the_kind(text: str, kind: str) -> None:
    assert [d.kind for d in parse_deadlines(text) if d.date] == [kind]


@pytest.mark.parametrize("text, kind", [
    ("A student must submit the application by February 1.", "final"),
    ("Students must submit applications by December 15.", "final"),
    # A kind the text names wins over the purpose: "priority deadlines" stays priority.
    ("Applicants are encouraged to meet the priority deadline: April 1.", "priority"),
])
def test_without_a_purpose_the_kind_is_the_named_one(text: str, kind: str) -> None:
    assert [d.kind for d in parse_deadlines(text) if d.date] == [kind]


# ---- a heading of other business holds for its whole list --------------------------------------

@pytest.mark.parametrize("text", [
    "Co-op applications for the Summer semester opened on January 1st. The last day to apply for summer admission is April 30th.",
    "December 31 Conferral Deadlines \u2022 Final Submission Deadline to the Graduate School: December 1",
])
def test_a_heading_of_other_business_moves_its_list(text: str) -> None:
    assert parse_deadlines(text) == []


def test_a_heading_that_states_nothing_moves_nothing() -> None:
    text = "A co-op option is available. The last day to apply for summer admission is April 30."
    assert _read(text) == [("summer", "--04-30", "final")]


# ---- a table row labelled by another degree -------------------------------------------------

def test_another_degrees_row_is_that_degrees() -> None:
    text = "| Program | Fall | Spring | | Creative Writing (MFA) | Feb 1 | Oct 1 | | English (MA) | Aug 15 | Dec 15 |"
    assert parse_deadlines(text) == []


def test_our_degrees_row_is_ours() -> None:
    text = "Application deadline: | Library and Information Science (MLIS) | Feb 1 |"
    assert _read(text) == [(None, "--02-01", "final")]


# ---- a flattened table's column heading --------------------------------------------------------

def test_a_column_of_other_business_is_not_read() -> None:
    text = "Term | Deadline | File Completion Deadline | ---|---|---| Fall | February 1 | May 15 | Spring | June 15 | October 1 |"
    assert _read(text) == [("fall", "--02-01", "final"), ("spring", "--06-15", "final")]


def test_every_deadline_column_is_read() -> None:
    text = "Term | Priority deadline | Final deadline | ---|---|---| Fall | February 1 | May 15 |"
    assert sorted(d.date for d in parse_deadlines(text)) == ["--02-01", "--05-15"]


# ---- a deadline restated for a named group is one deadline ----------------------------------------

def test_a_bare_restatement_merges_into_the_groups() -> None:
    text = ("Priority Deadline: January 15 (FALL) | The priority deadline for all international students is "
            "January 15 for all Fall applicants.")
    got = parse_deadlines(text)
    assert [(d.term, d.date, d.kind) for d in got] == [("fall", "--01-15", "priority")]
    assert got[0].applies_to == "international"


def test_two_groups_with_one_date_stay_two() -> None:
    got = parse_deadlines("Domestic applicants: January 15 (fall). International applicants: January 15 (fall).")
    assert sorted(d.applies_to or "" for d in got) == ["domestic", "international"]


# ---- the shape gate (issue 19, fourth pass): each shape fires, and abstains on its look-alike ------
# binding.deadline_shape and deadlines._shape; words: vocabulary, "the shape gate".

@pytest.mark.parametrize("before, after, shape", [
    ("Fall: ", "", "label"),
    ("Priority Deadline: ", "", "predicate"),
    ("The Fall Application Deadline for all materials for the MSIS program is ", " at 11:59pm (CT).", "predicate"),
    ("Your application must reach us by 11:59 pm Mountain Time on ", ".", "predicate"),
    ("", " (priority)", "own words"),
    ("", " for fall admission", "own words"),
    ("", " is the normal deadline", "own words"),
    ("", " Graduate Admission closes at 11:59 PM", "own words"),
    ("", " Deadline to apply for fall admission", "own words"),
])
def test_a_binding_shape_fires(before: str, after: str, shape: str) -> None:
    assert deadline_shape(before, after) == shape


@pytest.mark.parametrize("before, after", [
    ("Priority deadline for Orientation sign ups is ", "."),  # another action between the label and the date
    ("", " G-2 students' deadline to send the book list"),  # a deadline of another action
    ("Fall Deferral Request Deadline: ", ""),  # a deadline noun whose modifiers name something else
    ("Application Fee Payment Deadline: ", ""),
    ("Fall 2012 New Student Convocation Tuesday ", " Classes begin"),  # a term label far from its date
    ("Each year on ", " the admissions committee meets"),  # a label word after the date, not its label
    ("Orientation is ", " for fall students"),
    ("", " Deadline to submit intent to graduate"),  # what the deadline is "to" do is another business
])
def test_a_look_alike_shape_abstains(before: str, after: str) -> None:
    assert deadline_shape(before, after) is None


def test_label_words_are_a_closed_list() -> None:
    assert label_words_only("Fall 2026 Application Submission")
    assert label_words_only("for the MSIS program is")
    assert not label_words_only("Deferral Request")


def test_a_date_range_is_a_period_not_a_deadline() -> None:
    assert parse_deadlines("Approximate Fall Semester Dates: August 25 - December 15") == []
    assert _read("Fall Semester Deadline: August 1") == [("fall", "--08-01", "final")]


def test_a_heading_kind_is_not_inherited_by_a_date_naming_its_own_deadline() -> None:
    text = ("The priority deadline is February 1; applications received by then are read first. "
            "April 1 is the normal deadline.")
    assert _read(text) == [(None, "--02-01", "priority"), (None, "--04-01", "final")]


def test_a_negated_purpose_names_no_kind() -> None:
    assert _read("Applications must be received by February 1; these will not receive fellowship consideration.") == [
        (None, "--02-01", "final")]
    assert _read("Applications must be received by January 15 to receive fellowship consideration.") == [
        (None, "--01-15", "priority")]


def test_the_default_final_abstains_where_a_kind_or_purpose_binds_no_date() -> None:
    # The heading names priority, the items name no kind of their own: which kind is theirs is not settled.
    text = "Below are the deadlines for priority admission and financial aid. • Fall Admission: June 15 • Spring Admission: October 15"
    assert parse_deadlines(text) == []
    # Without the heading's kind the same items are final.
    assert _read("Below are the deadlines for admission. • Fall Admission: June 15 • Spring Admission: October 15") == [
        ("fall", "--06-15", "final"), ("spring", "--10-15", "final")]


def test_a_heading_naming_two_kinds_settles_none() -> None:
    text = "We recommend that all materials arrive no later than: • March 1 for Fall • September 1 for Spring"
    assert all(d.kind != "final" for d in parse_deadlines(text))


def test_term_labels_on_both_sides_abstain() -> None:
    text = "Application Deadlines For the fall semester April 1 For the winter semester August 1"
    assert parse_deadlines(text) == []
    assert _read("Application Deadlines: April 1 for the fall semester, August 1 for the winter semester") == [
        ("fall", "--04-01", "final"), ("winter", "--08-01", "final")]


def test_early_is_a_kind_only_before_a_deadline_noun() -> None:
    assert _read("Early decision deadline: December 1") == [(None, "--12-01", "priority")]
    assert _read("Applications received early are reviewed first. All applications are due by March 1.") == [
        (None, "--03-01", "final")]


def test_rolling_said_of_other_departments_is_not_ours() -> None:
    assert parse_deadlines('For departments that use "rolling admission", we suggest applying early.') == []
    assert _read("Admission is rolling.") == [(None, None, "rolling")]


def test_a_group_row_label_under_a_deadline_heading_binds() -> None:
    text = "Application deadlines International students: March 15 Canadian students: April 1"
    assert [d.date for d in parse_deadlines(text)] == ["--03-15", "--04-01"]
    assert parse_deadlines("Office hours International students: March 15 Canadian students: April 1") == []


def test_a_coordinated_date_shares_the_binding() -> None:
    assert [d.date for d in parse_deadlines("Application deadlines for the MLIS are October 15 and February 15.")] == [
        "--10-15", "--02-15"]


def test_a_date_in_a_parenthesis_stands_with_label_words_only() -> None:
    text = "Submit all documents no later than 30 September 2022 (30 August 2022 for School of Government degrees)."
    assert _read(text) == [(None, "2022-09-30", "final")]
    assert _read("Fall: July 1 (international: April 1)") == [("fall", "--07-01", "final"), ("fall", "--04-01", "final")]


def test_a_predicate_opening_before_the_reach_binds_when_its_words_are_label_words() -> None:
    text = "Fall applicants should submit an application and all supporting materials by January 15."
    assert _read(text) == [("fall", "--01-15", "final")]
    assert parse_deadlines("Students should submit the signed thesis approval form to the graduate school by April 1.") == []


# ---- fifth pass (issue 19): another group, a funding award, a pipe table's column ----------------

@pytest.mark.parametrize("text", [
    "*Art transfer applicants must apply by January 1 for fall admission.",  # a discipline's named group
    "Applicants to Joint-Degree Programs must submit all materials by November 1.",
    "The early action deadline for fall freshman applications is November 1.",  # an undergraduate entry
    "Fall Transfer Application due March 15, priority deadline",
    "Spring Semester November 1 — First-year and Transfer.",
])
def test_a_date_said_of_another_group_or_program_is_not_read(text: str) -> None:
    assert deadline_of_other(text)
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Canadian students must apply by April 1.", [(None, "--04-01", "final")]),  # a nationality stays ours
    ("Postgraduate applicants must apply by June 30.", [(None, "--06-30", "final")]),
    ("MLIS applicants must apply by February 1.", [(None, "--02-01", "final")]),
    ("School Library Media applicants must apply by October 1.", [(None, "--10-01", "final")]),
    ("Although applications are accepted until May 1, apply early.", [(None, "--05-01", "final")]),
    ("Fall Early Application Deadline: December 1", [("fall", "--12-01", "priority")]),  # Title Case, no group
    ("Students may transfer credits; applications are due by March 1.", [(None, "--03-01", "final")]),
])
def test_our_own_group_or_a_heading_in_title_case_still_reads(text: str, expected: list) -> None:
    assert not deadline_of_other(text)
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "October 1 is the priority deadline for all spring merit scholarships.",
    "Applications for this assistance are due by March 1st for the following Fall semester.",
])
def test_a_deadline_whose_object_is_a_funding_award_is_not_read(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text", [
    "The priority deadline for scholarship consideration is January 15.",  # funding as consideration
    "Applications for admission and financial aid are due by February 1.",  # beside admission
    "Fall applicants seeking assistantships should apply by January 15.",
    "February 1 is the priority deadline for applicants seeking assistantships.",
])
def test_funding_as_consideration_or_beside_admission_is_no_funding_object(text: str) -> None:
    assert not deadline_for_funding(text)
    assert deadline_for_funding("March 1 is the priority deadline for transfer merit scholarships.")


def test_a_pipe_table_without_a_rule_reads_only_its_deadline_column() -> None:
    text = "Semester Start | Application Deadline | Class Start | Fall 2026 | July 1, 2026 | Aug. 24, 2026 |"
    assert _read(text) == [("fall", "2026-07-01", "final")]
    assert _pipe_head(text, text.index("July")) == "Application Deadline"
    assert _pipe_head(text, text.index("Aug.")) == "Class Start"
    assert _pipe_head("Fall | July 1 | Spring | Dec 1", 7) == ""  # no row of named cells: no heading


def test_admittance_labels_a_date_and_apply_at_any_time_is_rolling() -> None:
    assert _read("Fall A Admittance: July 15th") == [("fall", "--07-15", "final")]
    assert _read("You may apply to our programs at any time during the year.") == [(None, None, "rolling")]
    assert parse_deadlines("Fall A Orientation: July 15th") == []


def test_a_review_the_school_holds_is_not_a_deadline() -> None:
    assert parse_deadlines("The committee meets three times: March 1 (the final review).") == []
    assert _read("Early review: November 1") == [(None, "--11-01", "priority")]
    assert _read("Priority review deadline: January 5") == [(None, "--01-05", "priority")]


# ---- sixth pass (issue 19, r6-dead): attributes not bound, dates of other business, flat tables -----
# Each rule made to fire and made not to fire; the sentences are our own, in the shapes batch J-DL
# found on real pages (tests/normalize/corpus/fresh-j-dl.json).

from crawler.normalize.binding import action_subject, deadline_for_aid, other_credential_only  # noqa: E402


def test_an_action_of_another_kind_as_the_subject_is_not_a_deadline() -> None:
    assert parse_deadlines("Decision letters for the spring cycle will be posted no later than December 15.") == []
    assert parse_deadlines("There is a required program orientation for all standard program students on August 18, 2018.") == []
    # A word of applying after the other action (or in the binding word itself) keeps the date bound.
    assert _read("Students who wish to start in the spring must submit applications by September 15.") == [
        ("spring", "--09-15", "final")]
    before = "Decision letters will be posted no later than "
    assert action_subject(before, before.index("no later"), len(before))
    before = "Students who wish to start in the spring must submit applications by "
    assert not action_subject(before, before.index("submit"), len(before))


def test_a_date_coordinated_with_another_business_date_shares_its_veto() -> None:
    text = "The online application becomes available on May 1, 2025 for spring admission and Aug. 1, 2025 for fall admission."
    assert parse_deadlines(text) == []
    assert _read("Applications are due May 1 for spring admission and Aug. 1 for fall admission.") == [
        ("spring", "--05-01", "final"), ("fall", "--08-01", "final")]


def test_applying_for_an_award_is_the_award_s_deadline() -> None:
    assert parse_deadlines("Students who want to apply for a teaching assistantship award should apply before the April 15 deadline.") == []
    assert _read("Students should apply for fall admission before the April 15 deadline.") == [("fall", "--04-15", "final")]


def test_a_text_about_the_aid_application_states_no_admission_deadline() -> None:
    aid = "FAFSAs are processed on a rolling basis. Apply by these dates: fall - apply by May 1 spring - apply by November 1"
    assert deadline_for_aid("FAFSAs are processed on a rolling basis.")
    assert parse_deadlines(aid) == []
    assert _read(aid.replace("FAFSAs", "Applications")) == [
        (None, None, "rolling"), ("fall", "--05-01", "final"), ("spring", "--11-01", "final")]


def test_another_credential_s_process_before_a_date_moves_it() -> None:
    assert parse_deadlines("Application Process for the Graduate Certificate in Data Analytics - Deadline to apply: March 1") == []
    # Not in a parenthesis (an aside about the date before), nor a certificate of this program's field.
    assert _read("The school library media certificate accepts applications. Deadline to apply: March 1") == [
        (None, "--03-01", "final")]
    text = "March 15 for Summer (Graduate Certificate only) \u2022 May 15 for the Fall semester"
    assert not other_credential_only(text, 0, text.index("May 15"))
    assert other_credential_only("For the Graduate Certificate: ", 0, 29)
    assert not other_credential_only("For the Online Masters and Graduate Certificate: ", 0, 48)


def test_a_kind_in_a_date_s_own_label_does_not_hold_for_labelled_dates_after_it() -> None:
    text = "Priority Deadline to be considered for funding: March 31 Fall Admission: May 1 Spring Admission: November 1"
    assert _read(text) == [(None, "--03-31", "priority"), ("fall", "--05-01", "final"), ("spring", "--11-01", "final")]
    # A kind heading over term labels still holds for them.
    assert _read("Priority Deadlines: Fall: March 1 Spring: October 1") == [
        ("fall", "--03-01", "priority"), ("spring", "--10-01", "priority")]
    text = "Priority Date: March 15. Applications are accepted up through July 1 for domestic applicants and June 1 for international applicants."
    assert _read(text) == [(None, "--03-15", "priority"), (None, "--07-01", "final"), (None, "--06-01", "final")]


def test_a_kind_right_after_an_unclosed_parenthesis_is_the_date_s_before() -> None:
    text = ("March 1 (priority application deadline, with an extended deadline of March 15 for supporting documents); "
            "May 1 (final deadline)")
    assert _read(text) == [(None, "--03-01", "priority"), (None, "--05-01", "final")]
    assert _read("July 1 for fall (international: April 1)") == [("fall", "--07-01", "final"), ("fall", "--04-01", "final")]


def test_rolling_notices_are_not_rolling_admission() -> None:
    text = "Applicants must submit all materials by February 21 and will be notified on a rolling basis."
    assert _read(text) == [(None, "--02-21", "final")]
    assert _read("Applications are reviewed on a rolling basis.") == [(None, None, "rolling")]
    # Another action's month is not an unreadable deadline; a deadline's month still is.
    assert _read("Applicants must submit all materials by February 21 and will be notified by the end of March.") == [
        (None, "--02-21", "final")]
    assert parse_deadlines("Applications are due by the end of March.") == []


def test_all_materials_by_the_applicant_is_the_application() -> None:
    assert _read("Non-binding early admission applicants must submit all materials by January 5.") == [
        (None, "--01-05", "priority")]
    assert parse_deadlines("Applicants must submit all supporting materials by January 5.") == []


def test_no_deadline_and_no_date_is_rolling() -> None:
    text = "For domestic students, there is no deadline for admission. Apply at least six months before the term."
    assert _read(text) == [(None, None, "rolling")]
    assert parse_deadlines("There is no deadline extension.") == []
    # With a date, the date is read and no rolling reading is added.
    assert _read("Although there is no official deadline, we encourage students to apply by December 15 for fall.") == [
        ("fall", "--12-15", "preferred")]


def test_an_advised_date_restated_with_a_funding_purpose_is_not_settled() -> None:
    text = ("Although there is no official deadline, we encourage students to apply by December 15 for fall. "
            "Applications submitted by this date receive full consideration for assistantships.")
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("To be admitted for the fall semester, applications must be completed prior to January 15.", [("fall", "--01-15", "final")]),
    ("Applications are accepted up through July 1.", [(None, "--07-01", "final")]),
    ("The next deadline, for Fall 2021 matriculation, is December 17, 2020.", [("fall", "2020-12-17", "final")]),
    ("The application period for our September intakes closes on January 31.", [("fall", "--01-31", "final")]),
    ("Fall admission: April 15\u2014international applicants July 1\u2014domestic applicants",
     [("fall", "--04-15", "final"), ("fall", "--07-01", "final")]),
    ("Spring Admission\u2013 Priority Date: June 1.", [("spring", "--06-01", "priority")]),
])
def test_more_words_of_the_shapes(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_a_table_of_terms_over_applicant_group_rows_is_read_by_column() -> None:
    text = "Priority Deadlines Fall Spring Summer US Citizens: Jun 25 Nov 25 Mar 25 Internationals: Mar 1 Jul 15 Dec 15"
    assert _read(text) == [("fall", "--06-25", "priority"), ("spring", "--11-25", "priority"), ("summer", "--03-25", "priority"),
                           ("fall", "--03-01", "priority"), ("spring", "--07-15", "priority"), ("summer", "--12-15", "priority")]
    assert {d.applies_to for d in parse_deadlines(text)} == {"domestic", "international"}
    # Rows of programs, not applicant groups: not read.
    assert parse_deadlines("Deadlines Fall Spring Nursing: Jan 1 Feb 1 Music: Jan 5 Feb 5") == []


def test_a_table_of_named_columns_reads_only_the_application_column() -> None:
    text = "Application deadline File Completion Deadline Fall February 1 May 15 Spring June 15 October 1"
    assert _read(text) == [("fall", "--02-01", "final"), ("spring", "--06-15", "final")]
    assert parse_deadlines("Classes begin Orientation date Fall August 20 August 18 Spring January 10 January 8") == []
    # As many column names as dates in a row, or nothing is read.
    assert parse_deadlines("Application deadline Fall February 1 May 15 Spring June 15 October 1") == []


def test_a_date_s_own_for_words_naming_another_credential_move_it() -> None:
    text = "The deadline for completed applications for September admission is December 15 for doctoral admission and March 15 for master's admission."
    assert _read(text) == [("fall", "--03-15", "final")]
    assert _read("The deadline is December 15 for fall admission and March 15 for spring admission.") == [
        ("fall", "--12-15", "final"), ("spring", "--03-15", "final")]


def test_an_opening_column_and_a_weekday_and_ongoing_admission() -> None:
    text = "Semester | Application Open | Application Deadline | Fall 2026 | March 1, 2026 | July 1, 2026 |"
    assert _read(text) == [("fall", "2026-07-01", "final")]
    assert _read("Final Deadline Monday, December 12, 2022") == [(None, "2022-12-12", "final")]
    assert parse_deadlines("Final Deadline Payday, December 12, 2022") == []  # not a weekday: not a label word
    assert _read("Applications for admission and assistantships are ongoing.") == [(None, None, "rolling")]
    assert parse_deadlines("Construction of the new library is ongoing.") == []


def test_a_table_row_label_is_an_applicant_group_only_when_all_its_words_are() -> None:
    assert parse_deadlines("Deadlines Fall Spring US Citizens: Jan 1 Feb 1 Nursing students: Jan 5 Feb 5") == []
    assert _read("Deadlines Fall Spring US Citizens: Jan 1 Feb 1 International students: Jan 5 Feb 5") == [
        ("fall", "--01-01", "final"), ("spring", "--02-01", "final"), ("fall", "--01-05", "final"), ("spring", "--02-05", "final")]


def test_a_date_said_beside_no_official_deadline_or_a_benefit_is_not_final() -> None:
    assert parse_deadlines("There is no official deadline, but applicants should apply by June 1 to be considered for the fall.") == []
    assert parse_deadlines("Apply by February 1 for the best chance of admission.") == []
    # Advice words still give preferred; a plain deadline stays final.
    assert _read("Although there is no official deadline, we encourage students to apply by December 15 for fall.") == [
        ("fall", "--12-15", "preferred")]
    assert _read("The deadline is February 1.") == [(None, "--02-01", "final")]


# ---- seventh pass (issue 19, r7-dead): four vetoes of other business -----------------------------
# Each made to fire (the date abstains) and not to fire (the same shape said of the application is
# read); binding.SEVENTH_PASS switched off shows the guard is what decides.

from crawler.normalize import binding as _binding  # noqa: E402


@pytest.fixture
def seventh_pass_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_binding, "SEVENTH_PASS", False)


@pytest.mark.parametrize("text", [
    "SIPA will be closed Thursday, November 28 and Friday, November 29 for Thanksgiving.",
    "The University is also closed Friday, January 1, 2021, and will reopen Monday, January 4, 2021.",
    "Our admissions office will be closed Monday, January 20.",
])
def test_a_closure_of_something_else_is_not_a_deadline(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Applications close February 24, 2017", [(None, "2017-02-24", "final")]),
    ("Please note: The application period for our September intakes closes on January 31", [("fall", "--01-31", "final")]),
    ("Fall 2026: closes March 1", [("fall", "--03-01", "final")]),
    ("The application shuts off at 11:59 p.m. on Oct. 1.", [(None, "--10-01", "final")]),
])
def test_a_closure_of_the_application_is_still_a_deadline(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_the_closure_veto_is_what_decides(seventh_pass_off: None) -> None:
    assert parse_deadlines("SIPA will be closed Thursday, November 28 and Friday, November 29 for Thanksgiving.") != []


@pytest.mark.parametrize("text", [
    "Applicants must arrange to take the GRE exam no later than November 1 so that the program receives scores before our deadline.",
    "To be sure you meet the application deadline, you should take the GRE no later than November 10, 2014.",
    "International applicants should complete the required standardized tests at least three months prior to April 15.",
])
def test_a_test_s_own_date_is_not_a_deadline(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Applications and GRE scores must be received by February 1.", [(None, "--02-01", "final")]),
    ("Applications, including GRE scores, are due February 1.", [(None, "--02-01", "final")]),
    ("Deadline: Official GRE scores are due the same day the application is due, December 2, 2014.", [(None, "2014-12-02", "final")]),
    ("The January 15 deadline applies to all applicants; the GRE is not required.", [(None, "--01-15", "final")]),
])
def test_an_exam_beside_the_application_s_own_deadline_keeps_it(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_the_exam_veto_is_what_decides(seventh_pass_off: None) -> None:
    assert parse_deadlines("Applicants must arrange to take the GRE exam no later than November 1.") != []


@pytest.mark.parametrize("text", [
    "Program | Concentration | Semester | Deadline | Notes | Anthropology, M.S. | Fall | 01/15 | || Anthropology, M.S. | Spring | 09/15 | ||",
    "Program | Semester | Deadline | Art History, M.A. | Spring | 10/15 |",
    "Civil & Environmental Engineering M.Eng. Fall/Spring December 1st",
    "Program Degree Application Deadline Biology MS June 30 for fall admission",
])
def test_another_program_s_named_row_is_not_ours(text: str) -> None:
    assert parse_deadlines(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Program | Semester | Deadline | Library and Information Science, M.L.I.S. | Fall | 01/15 |", [("fall", "--01-15", "final")]),
    ("Master of Library Science MLS Fall/Spring March 1", [("fall", "--03-01", "final"), ("spring", "--03-01", "final")]),
    ("Fall Semester: applications due July 31", [("fall", "--07-31", "final")]),
])
def test_our_own_named_row_and_plain_term_labels_are_read(text: str, expected: list) -> None:
    assert _read(text) == expected


def test_the_named_row_veto_is_what_decides(seventh_pass_off: None) -> None:
    assert parse_deadlines("Civil & Environmental Engineering M.Eng. Fall/Spring December 1st") != []
    assert parse_deadlines("Program | Semester | Deadline | Art History, M.A. | Spring | 10/15 |") != []


def test_a_row_labelled_by_other_business_is_not_read() -> None:
    text = ("| DOCUMENT | FALL | SPRING | SUMMER I | SUMMER II | | DGP admission decision recommendation submitted in "
            "ApplyYourself and requested documents due in Graduate Admissions Office | July 15 | December 25 | April 15 | June 1 |")
    assert parse_deadlines(text) == []
    assert parse_deadlines("| Term | Fall | Spring | | Classes begin | August 25 | January 12 |") == []


def test_a_row_labelled_by_the_application_is_not_vetoed() -> None:
    # The row's label names the application: the row veto does not fire (the row is left to the
    # other shapes; here the pipe heading's column binds it).
    assert _binding.other_business_row("| Application and fee due in Graduate Admissions Office | June 25 |", 58) is False
    assert _binding.other_business_row("| Requested documents due in Graduate Admissions Office | June 25 |", 58) is True


def test_the_row_veto_is_what_decides(seventh_pass_off: None) -> None:
    text = ("| DOCUMENT | FALL | SPRING | SUMMER I | SUMMER II | | DGP admission decision recommendation submitted in "
            "ApplyYourself and requested documents due in Graduate Admissions Office | July 15 | December 25 | April 15 | June 1 |")
    assert parse_deadlines(text) != []
