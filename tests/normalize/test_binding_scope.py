"""Positive binding for credits, GPA and duration (issue 19, third pass): each rule made to fire and
shown not to fire on its look-alike. The real sentences the rules were found in are in the corpus
(tests/normalize/corpus/fresh-e-cg-a.json and the files named in corpus_known.py)."""

from __future__ import annotations

from decimal import Decimal

from crawler.normalize import Duration, parse_credits, parse_duration, parse_gpa
from crawler.normalize.binding import gpa_bound_to_admission, heading_scope


# ---- R1: a GPA binds to admission ----------------------------------------------------------------


def test_a_gpa_in_a_text_about_enrolled_students_only_is_not_the_admission_minimum() -> None:
    assert parse_gpa("Students will not graduate unless the cumulative GPA is at least 3.000.") is None
    assert parse_gpa("A student with a cumulative grade point average of 3.00 or higher is in satisfactory standing.") is None
    assert not gpa_bound_to_admission("To qualify for the degree, a minimum cumulative grade-point average of 3.000.")
    # The look-alike: the same figure for applicants, for an undergraduate record, or as a bare row.
    assert parse_gpa("Applicants must have a cumulative GPA of at least 3.000.") == Decimal("3.00")
    assert parse_gpa("Students need an undergraduate GPA of at least 3.0.") == Decimal("3.00")
    assert parse_gpa("Minimum GPA: 2.7") == Decimal("2.70")
    assert parse_gpa("Total GPA of 3.0 or higher in their highest completed degree.") == Decimal("3.00")


def test_the_gpa_as_subject_binds_the_number_its_verb_meets() -> None:
    assert parse_gpa("The minimum undergraduate grade point average (GPA) accepted is 3.0 on a 4.0 scale.") == Decimal("3.00")
    # Without the GPA as its subject the same verb binds nothing.
    assert parse_gpa("For admission, the minimum number of letters accepted is 3.0 per applicant.") is None


def test_scale_figures_do_not_make_two_routes_a_run() -> None:
    text = ("Either a cumulative baccalaureate grade point average (GPA) of at least 2.75 on a 4.0 scale "
            "or a cumulative GPA of at least 3.0 on a 4.0 scale in the latter half of your baccalaureate.")
    assert parse_gpa(text) == Decimal("2.75")
    # A real run (a grade table) still abstains.
    assert parse_gpa("Undergraduate GPA scale: A 4.00 A- 3.67 B+ 3.33 B 3.00") is None


def test_no_stated_minimum_abstains() -> None:
    assert parse_gpa("There is no stated minimum. Most graduate applicants should have a GPA of 3.5 or higher.") is None
    assert parse_gpa("Graduate applicants should have a minimum GPA of 3.5 or higher.") == Decimal("3.50")


# ---- R4: a heading's scope holds for the list under it -------------------------------------------


def test_a_heading_naming_funding_holds_for_its_list() -> None:
    text = ("Eligibility Criteria for a Graduate Assistantship: 2. Academic qualifications - For new "
            "students, an undergraduate grade point average of at least 3.0 (on a 4.0 scale) is required.")
    assert heading_scope("min_gpa", text) == "funding"
    assert parse_gpa(text) is None
    admission = text.replace("Eligibility Criteria for a Graduate Assistantship", "Admission Criteria")
    assert heading_scope("min_gpa", admission) is None
    assert parse_gpa(admission) == Decimal("3.00")


# ---- R2: a credit figure binds to the degree's total ---------------------------------------------


def test_a_credit_figure_in_a_text_naming_no_total_is_not_the_total() -> None:
    assert parse_credits("The GPA is calculated on the student's last 60 credits of undergraduate upper-division hours.") is None
    assert parse_credits("The degree requires 60 credits of upper-division coursework.") == Decimal("60")
    assert parse_credits("Curriculum requirements: 33 credits") == Decimal("33")
    assert parse_credits("36 credits for those starting Fall 2022 or later") == Decimal("36")


def test_a_figure_tied_to_a_period_is_a_rate() -> None:
    assert parse_credits("Assistants must not exceed a total of 20 hours per week.") is None
    assert parse_credits("The program requires a total of 20 hours.") == Decimal("20")


def test_a_figure_placed_by_its_predicate_is_a_distribution_rule() -> None:
    assert parse_credits("The Graduate College requires that 8 of those 12 hours be in the major.") is None
    assert parse_credits("Up to 9 of the 30 credits may be taken in other departments.") is None
    assert parse_credits("Students complete 30 credits; up to 9 of the 30 credits may be transfer credits.") == Decimal("30")


def test_a_floor_a_department_adds_to_is_not_the_total() -> None:
    text = "Candidates must complete a minimum of 30 semester hours and such other study as the department may require."
    assert parse_credits(text) is None
    assert parse_credits("Candidates must complete a minimum of 30 semester hours.") == Decimal("30")


# ---- R3: duration ---------------------------------------------------------------------------------


def test_a_span_in_a_sentence_with_no_duration_predicate_is_not_a_length() -> None:
    assert parse_duration("A student who does not enroll for three semesters, or one year, must apply for readmission.") is None
    assert parse_duration("Full-time students finish in three semesters.") == Duration(months_min=18, months_max=18)
    assert parse_duration("18 months") == Duration(months_min=18, months_max=18)  # a bare value a spider located


def test_an_obligation_to_complete_makes_a_limit() -> None:
    text = "All requirements must be completed during the six years immediately preceding the award of the degree."
    assert parse_duration(text) == Duration(months_min=None, months_max=72)
    assert parse_duration("Students complete all requirements in two years.") == Duration(months_min=24, months_max=24)


def test_a_span_from_the_programs_start_is_a_limit() -> None:
    text = "Graduate students are allowed seven years from the date of admission to complete the degree."
    assert parse_duration(text) == Duration(months_min=None, months_max=84)
    # "from the date of graduation" is not the program's start.
    assert parse_duration("Transcripts are kept seven years from the date of graduation.") is None


def test_a_count_per_year_is_a_frequency() -> None:
    assert parse_duration("This program consists of three 14-week terms a year.") is None
    assert parse_duration("The program takes a year of full-time study.") == Duration(months_min=12, months_max=12)


def test_a_minimum_time_subject_bounds_every_span_of_its_sentence() -> None:
    text = "The minimum time is two academic years of full-time study, three courses a semester for two years."
    assert parse_duration(text) == Duration(months_min=24, months_max=None)
    assert parse_duration("The program takes two academic years of full-time study.") == Duration(months_min=24, months_max=24)


def test_a_default_a_program_may_replace_is_not_the_programs() -> None:
    text = ("A master's candidate is expected to finish within five years of first registering, unless the "
            "student is in a program with a different time limit.")
    assert parse_duration(text) is None
    assert parse_duration("A master's candidate is expected to finish within five years of first registering.") == Duration(
        months_min=None, months_max=60
    )


# ---- the shape gate (issue 19, fourth pass): a value only where a binding shape holds it ----------
# binding.shape_of / shape_binds, words in vocabulary's "shape gate" section. Each test makes the gate
# fire and shows the look-alike it lets through.

from crawler.normalize.binding import shape_of  # noqa: E402


def test_a_credit_figure_with_no_binder_within_reach_abstains() -> None:
    text = "A graduate assistant may not exceed 13 credit hours during a regular semester."
    assert shape_of("total_credits", text, text.index("13"), text.index(" during")) is None
    assert parse_credits(text) is None
    assert parse_credits("The program requires 36 credit hours.") == Decimal("36")
    assert shape_of("total_credits", "The program requires 36 credit hours.", 22, 37) == "before requires"


def test_a_word_of_another_action_between_binder_and_value_breaks_the_binding() -> None:
    assert parse_credits("The program requires students to be registered for 30 graduate credits.") is None
    assert parse_credits("The program requires students to complete 30 graduate credits.") == Decimal("30")


def test_a_value_followed_by_its_part_is_a_part() -> None:
    text = ("The thirty (30) graduate hours consist of twelve (12) hours of Core courses, eighteen (18) hours "
            "of required courses as follows:")
    assert parse_credits(text) == Decimal("30")  # 12 and 18 are parts; 30 binds through "consist of"


def test_words_after_a_value_that_move_it_out_of_the_fact() -> None:
    text = ("Students must complete a minimum of ten courses (30 credit hours) in the MS degree program "
            "as part of the residence requirement.")
    assert parse_credits(text) is None
    assert parse_credits(text.replace(" as part of the residence requirement", "")) == Decimal("30")


def test_a_located_bare_value_binds_through_its_label() -> None:
    assert shape_of("total_credits", "36 credits", 0, 10) == "bare"
    assert shape_of("total_credits", "Cannot exceed 13 credits", 15, 25) is None  # a breaker is not bare
    assert parse_credits("Cannot exceed 13 credits") is None
    assert parse_credits("36") == Decimal("36")
    assert parse_duration("18 months") == Duration(months_min=18, months_max=18)


def test_a_scale_figure_between_a_gpa_and_its_label_does_not_break_the_binding() -> None:
    text = ("Students qualifying for regular admission to the master's program must have a 2.75 (4.0 scale) grade "
            "point average for the last two years (60 hours) of undergraduate study.")
    assert parse_gpa(text) == Decimal("2.75")
    # Another GPA figure between label and value does.
    other = "Applicants must have a 2.75 (3.0 in the major) grade point average."
    assert shape_of("min_gpa", other, other.index("2.75"), other.index("2.75") + 4) is None


def test_an_entity_owning_the_binder_binds_the_span_to_itself() -> None:
    text = ("The calendar allows a full-time student to complete programs for Master's degree in two years, "
            "for Bachelor's degree in four years.")
    assert parse_duration(text) == Duration(months_min=24, months_max=24)
    assert parse_duration("The calendar allows a full-time student to complete the degree in four years.") == Duration(
        months_min=48, months_max=48
    )


def test_a_span_that_is_not_the_whole_length_or_a_limit_that_restarts() -> None:
    assert parse_duration("Students are expected to finish the M.Sc. degree in three semesters and one summer session.") is None
    assert parse_duration("Students are expected to finish the M.Sc. degree in three semesters.") == Duration(
        months_min=18, months_max=18
    )
    assert parse_duration("If a student changes major, the seven-year limit starts over.") is None
    assert parse_duration("Students must complete the degree within seven years.") == Duration(months_min=None, months_max=84)


def test_a_clause_about_a_dissertation_an_assistantship_or_a_class_of_programs_moves_every_span() -> None:
    assert parse_duration("The maximum time for the dissertation is five years.") is None
    assert parse_duration("A master's student may be awarded an assistantship for a maximum of four semesters.") is None
    assert parse_duration("Programs of 36 credits or less must be completed within five years.") is None
    assert parse_duration("The master's program must be completed within five years.") == Duration(
        months_min=None, months_max=60
    )


def test_values_joined_by_a_coordinator_share_one_binder() -> None:
    text = "Complete your MLIS in 12 months (accelerated) or 24 months (standard)."
    assert parse_duration(text) == Duration(months_min=12, months_max=24)
    assert parse_duration("Complete your MLIS in 12 months, then 24 months of residency work.") != Duration(
        months_min=12, months_max=24
    )


def test_a_credential_named_right_after_a_value_takes_it() -> None:
    text = "The university sets a time limitation of 5 years for the master's degree and 9 years for the doctorate degree."
    assert parse_duration(text) == Duration(months_min=None, months_max=60)
    # Named after a comma, the next item's credential leaves the value before it alone.
    both = "Students complete programs for Master's degree in two years, for Bachelor's degree in four years."
    assert parse_duration(both) == Duration(months_min=24, months_max=24)


def test_another_disciplines_program_as_subject_moves_the_clause() -> None:
    assert parse_gpa("All applicants to the Occupational Therapy program need a cumulative GPA of 3.0.") is None
    assert parse_gpa("All applicants to the MLIS program need a cumulative GPA of 3.0.") == Decimal("3.00")


def test_an_extensions_length_is_not_the_limit() -> None:
    assert parse_duration("The Graduate School may grant an exception to the above time limits for a period of up to two years.") is None
    assert parse_duration("Approved extensions will be for a maximum of one year per request.") is None


# ---- fifth pass (issue 19): five more classes of another kind, made to fire and not to fire ------
# The real sentences are in tests/normalize/corpus/fresh-g-cg.json; each look-alike below is the same
# shape with the class's word taken out, so that the rule, not the gate's default, decides.

from crawler.normalize import binding as _binding  # noqa: E402


def test_another_credential_before_a_value_owns_it() -> None:
    assert parse_duration("The time limit for certificate completion is three years.") is None
    assert parse_duration("Certificate of Graduate Study - 5 years from matriculation (all courses)") is None
    assert parse_duration("Students can complete the A.A.S. degree in two years of full-time study.") is None
    assert parse_duration("Associate Degree: Four semesters") is None
    # Not firing: the program's own time limit, and a word of this program between credential and value.
    assert parse_duration("The time limit for degree completion is three years.") == Duration(months_min=36, months_max=36)
    assert parse_credits("The certificate can be added, while the MLIS requires 36 credits.") == Decimal("36")
    assert _binding.other_credential_owns("a certificate and the master's takes 2 years", 0, 33) is False
    assert _binding.other_credential_owns("the certificate takes 1 year", 0, 22) is True


def test_a_worked_example_or_a_default_states_no_fact() -> None:
    example = "For example, a typical 30-credit hour master's program should be completed within approximately 2.5 years."
    assert parse_credits(example) is None
    assert parse_duration(example) is None
    default = "Those admitted are expected to present a GPA of 3.0 or better in undergraduate studies, unless specified otherwise."
    assert parse_gpa(default) is None
    # Not firing: the same sentences without the example's or the default's words.
    assert parse_credits("The 30-credit hour master's program should be completed within 2.5 years.") == Decimal("30")
    assert parse_gpa("Those admitted are expected to present a GPA of 3.0 or better in undergraduate studies.") == Decimal("3.00")


def test_a_provisional_students_gpa_is_not_the_admission_minimum() -> None:
    text = ("If a student is granted provisional status, the student must first complete the plan approved by the "
            "program director with a GPA of 3.0 or higher before being officially admitted to the program.")
    assert parse_gpa(text) is None
    # Not firing: the same clause said of every applicant.
    assert parse_gpa("Applicants must finish the plan with a GPA of 3.0 or higher.") == Decimal("3.00")


def test_programs_or_fields_named_by_a_capitalized_name_take_the_value() -> None:
    assert parse_gpa("For the English, Nursing and Public Affairs programs, a minimum GPA of 3.0 is required.") is None
    assert parse_gpa("Applicants need an undergraduate Accounting GPA of 3.4 or higher.") is None
    heading = "Nursing: Graduate Admission Options Option One A 3.0 grade point average (GPA) over the last 30 credits."
    assert parse_gpa(heading) is None
    # Not firing: generic qualifiers of a GPA, and this program named the same way.
    assert parse_gpa("Applicants need an undergraduate Cumulative GPA of 3.4 or higher.") == Decimal("3.40")
    assert parse_gpa("For the Library and Information Science program, a minimum GPA of 3.0 is required.") == Decimal("3.00")
    assert parse_gpa("Admission Options Option One A 3.0 grade point average (GPA) over the last 30 credits.") == Decimal("3.00")


def test_a_cap_or_a_waivers_condition_is_not_the_fact() -> None:
    assert parse_credits("A maximum of 12 credits may be earned toward the degree at Summer Session.") is None
    assert parse_gpa("Applicants with an undergraduate GPA of 3.3 or higher may have the GRE waived.") is None
    assert parse_duration("Tuition waivers for the program are limited to 3 years.") is None
    # Not firing: the count without the cap, the GPA without the waiver, a minimum that is a floor.
    assert parse_credits("A total of 12 credits must be earned for the degree.") == Decimal("12")
    assert parse_credits("The MLIS requires a minimum of 36 credit hours.") == Decimal("36")
    assert parse_gpa("Applicants must have an undergraduate GPA of 3.3 or higher.") == Decimal("3.30")


def test_credits_given_for_one_component_are_a_part() -> None:
    assert parse_credits("A total of 12 credits will be awarded for research, the thesis proposal and defense.") is None
    assert parse_credits("A total of 30 credits will be awarded for the degree.") == Decimal("30")


def test_a_limit_counted_from_matriculation_is_a_maximum() -> None:
    text = "Time Limits for Graduate Degree Completion Master's Degree - 5 years from matriculation"
    assert parse_duration(text) == Duration(months_min=None, months_max=60)


def test_a_master_of_another_field_and_named_fields_after_for_take_the_value() -> None:
    assert parse_gpa("All applicants to the Master of Accountancy program need a cumulative GPA of 2.75 or higher.") is None
    two = "Applicants need a GPA of 3.0; for Prosthetics and Orthotics, a cumulative GPA of 2.5 is required."
    assert parse_gpa(two) == Decimal("3.00")
    # Not firing: this program's own name, a term after "for", and a list of degrees that names ours.
    assert parse_gpa("All applicants to the Master of Library Science program need a cumulative GPA of 2.75.") == Decimal("2.75")
    assert parse_gpa("For Fall and Spring, a cumulative GPA of 2.5 is required.") == Decimal("2.50")
    shared = ("All requirements for the Master of Arts, Master of Fine Arts, Master of Library Science, or Master of Music "
              "must be completed within four years.")
    assert parse_duration(shared) == Duration(months_min=None, months_max=48)


def test_credits_counted_on_probation_are_not_the_total() -> None:
    text = ("A student on probation who has completed fewer than 15 credits must raise the GPA to 3.0 or above by the end "
            "of the semester in which the student completes 15 credit hours or be dismissed from the Graduate School.")
    assert parse_credits(text) is None
    assert parse_credits("A student who has completed 15 credits may apply for candidacy; the degree requires 36 credit hours.") == Decimal("36")


def test_a_class_of_degrees_as_subject_states_no_length_of_ours() -> None:
    text = "The minimum requirements for most master's degrees can be satisfied in one academic year of two semesters."
    assert parse_duration(text) is None
    assert parse_duration("The minimum requirements for the degree can be satisfied in one academic year of two semesters.") is not None


# ---- sixth pass (issue 19, r6-scope): more classes of another kind --------------------------------
# Each rule made to fire and shown not to fire on its look-alike; the real sentences are in the corpus
# (fresh-j-cg.json and the entries named in the commit messages). `binding.SIXTH_PASS` switches the
# shape-gate vetoes off, to show that they, not something else, decide.


def test_what_most_students_do_is_a_statistic_not_the_length() -> None:
    assert parse_duration("Most students complete the program in three years, but some take longer.") is None
    assert parse_duration("The vast majority of students finish the program in only 3 years.") is None
    # A limit the same students have stays one; a pace named with the subject stays the length.
    assert parse_duration("Students have up to six years to complete. Most finish in 3 years.") == Duration(months_max=72)
    assert parse_duration("Most full-time students complete the program in 2 years.") == Duration(months_min=24, months_max=24)
    assert parse_duration("Students complete the program in three years.") == Duration(months_min=36, months_max=36)


def test_a_floor_that_programs_replace_is_not_this_programs_value() -> None:
    gpa = ("Minimum requirements for graduate admission: a cumulative grade point average of 2.5 in all undergraduate "
           "coursework. Individual program requirements vary; see program specific requirements.")
    credits = ("Although each Master's degree program has specific academic requirements, several are common to all: "
               "a minimum of 30 semester hours in a prescribed curriculum must be completed.")
    assert parse_gpa(gpa) is None
    assert parse_credits(credits) is None
    assert parse_gpa("Departments set their own minimums. Applicants need an undergraduate GPA of 2.75.") is None
    # Not firing: the same floor alone; a floor that programs may only raise still binds every applicant
    # (LSU's Graduate School FAQ, which the spider reads); a university's time limit.
    assert parse_gpa("Minimum cumulative grade point average of 2.5 in all undergraduate coursework for admission.") == Decimal("2.50")
    assert parse_credits("A minimum of 30 semester hours in a prescribed curriculum must be completed.") == Decimal("30")
    lsu = ("Applicants should have at least a 3.00 GPA on all undergraduate and graduate course work already completed. "
           "Some programs set higher standards than the Graduate School.")
    assert parse_gpa(lsu) == Decimal("3.00")
    assert parse_duration("Program requirements vary. All work must be completed within six years.") == Duration(months_max=72)


def test_floor_rule_fires_only_with_the_sixth_pass(monkeypatch) -> None:
    from crawler.normalize import binding

    text = "Individual program requirements vary. Minimum cumulative GPA of 2.5 for admission."
    assert parse_gpa(text) is None
    monkeypatch.setattr(binding, "SIXTH_PASS", False)
    binding.floor_raised_by_programs.cache_clear()
    assert parse_gpa(text) == Decimal("2.50")
    binding.floor_raised_by_programs.cache_clear()


def test_a_gpa_that_is_a_condition_of_something_else() -> None:
    assert parse_gpa("For those with a cumulative GPA of 3.0 or higher in all undergraduate work, no GRE is required.") is None
    assert parse_gpa("Applicants must have a GPA of 3.2 or higher to be considered for a letter of reference.") is None
    assert parse_gpa("Applicants need a graduate degree with 3.0 GPA.") is None
    assert parse_gpa("Applicants need a 3.4 GPA in Accounting or cumulative.") is None
    # Not firing: the test rule without a condition on the GPA, admission as the purpose, an undergraduate record.
    assert parse_gpa("GRE scores are not required; applicants need an undergraduate GPA of 3.0.") == Decimal("3.00")
    assert parse_gpa("Applicants must have a GPA of 3.2 or higher to be considered for admission.") == Decimal("3.20")
    assert parse_gpa("Applicants need a bachelor's degree with a 3.0 GPA.") == Decimal("3.00")
    assert parse_gpa("Applicants need a 3.0 GPA in Library Science coursework or cumulative.") == Decimal("3.00")


def test_another_credential_owns_a_value_anywhere_before_it_in_its_clause() -> None:
    assert parse_duration("The associate degree programs are designed to be completed in a minimum of two years.") is None
    assert parse_gpa("To earn a graduate certificate, a student must have a grade point average of 3.0 on all course work.") is None
    assert parse_gpa("Candidates must have a minimum GPA of 3.00 in the course work presented on the certificate application.") is None
    # Not firing: this program named in the clause.
    assert parse_gpa("Applicants to the master's program or the certificate must have a GPA of 3.0.") == Decimal("3.00")
    assert parse_duration("The MLIS programs are designed to be completed in a minimum of two years.") == Duration(months_min=24)


def test_spans_that_are_not_the_whole_length() -> None:
    assert parse_duration("A full-time student finishes the coursework in 4 semesters (including Summer Sessions I & II).") is None
    assert parse_duration("Complete the program within four academic years for coursework and two years for thesis.") is None
    assert parse_duration("Students without at least a year of full-time relevant professional experience take an internship.") is None
    # Not firing: semesters without summers, years with the summer session, a span of the program itself.
    assert parse_duration("A full-time student finishes the coursework in 4 semesters.") == Duration(months_min=24, months_max=24)
    assert parse_duration("Full-time students complete the program in two academic years, including the summer session.") == \
        Duration(months_min=24, months_max=24)
    assert parse_duration("Complete the program within four academic years.") == Duration(months_max=48)


def test_a_class_of_programs_with_a_level_word_or_a_quantifier_pronoun() -> None:
    assert parse_duration("Most master's level programs require two years of study.") is None
    assert parse_duration("Our degrees vary. Some are designed as a one year program.") is None
    assert parse_duration("The master's program requires two years of study.") == Duration(months_min=24, months_max=24)


def test_vetoes_fire_only_with_the_sixth_pass(monkeypatch) -> None:
    from crawler.normalize import binding

    cases = [
        (parse_gpa, "For those with a cumulative GPA of 3.0 or higher in all undergraduate work, no GRE is required."),
        (parse_duration, "Most master's level programs require two years of study."),
        (parse_duration, "Complete the program within four academic years for coursework and two years for thesis."),
    ]
    assert all(fn(text) is None for fn, text in cases)
    monkeypatch.setattr(binding, "SIXTH_PASS", False)
    assert all(fn(text) is not None for fn, text in cases)


def test_credits_chosen_from_a_list_or_included_are_parts() -> None:
    assert parse_credits("Complete at least four courses (12 hours) from the categories listed below.") is None
    assert parse_credits("Course Requirements: The courses must include 15 credit hours of MSE graduate courses.") is None
    # Not firing: the total of the same courses, and "including" after the total.
    assert parse_credits("Complete at least 12 courses (36 hours) for the degree.") == Decimal("36")
    assert parse_credits("The degree requires 36 credit hours, including 15 hours of core courses.") == Decimal("36")


def test_no_masters_total_is_above_the_bound() -> None:
    assert parse_credits("Requirements for the Degree: A minimum of 124 semester credits must be earned.") is None
    assert parse_credits("Requirements for the Degree: A minimum of 72 quarter credits must be earned.") == Decimal("72")
    assert parse_credits("124") == Decimal("124")  # a spider's located value keeps the wider bound


def test_a_limit_said_after_a_spaced_dash_is_blanked_alone() -> None:
    text = "Degree requirements (Minimum of 33 hours) \u2013 No more than 9 credit hours from the College of Business can count."
    assert parse_credits(text) == Decimal("33")
    assert parse_credits("No more than 9 credit hours from the College of Business can count toward the degree.") is None
    assert parse_credits("Primary Core Coursework - 18 Credits") is None  # a dash before a number keeps its heading


def test_a_limit_counted_back_from_graduation_and_a_glued_gpa_label() -> None:
    assert parse_duration("All coursework must be completed within six years of the date of graduation.") == Duration(months_max=72)
    assert parse_duration("GRE scores must be within five years of the date of application.") is None
    assert parse_gpa("Applicants need an undergraduate 2.75GPA.") == Decimal("2.75")


# ---- seventh pass (issue 19, r7-scope): classes found on batch I, checked on other schools' pages ----


def test_a_course_group_named_with_qualifiers_is_a_part() -> None:
    assert parse_credits("Required Graduate Courses: 24 Semester Hours Graduate Electives: 12 Semester Hours") is None
    assert parse_credits("Required Professional Courses: 18 hours") is None
    # Not firing: a total label, and a group named before the program's own total.
    assert parse_credits("Total Required: 33 hours") == Decimal("33")
    assert parse_credits("Required Graduate Courses: see below. The degree requires 36 semester hours.") == Decimal("36")


def test_credits_said_of_a_qualified_part_right_after_the_figure_are_parts() -> None:
    assert parse_credits("A total of 18 credit hours of MLIS core classes") is None
    assert parse_credits("A minimum of 18 credit hours in an area of professional specialization") is None
    assert parse_credits("Students earn at least 21 graduate semester hours in one area of concentration.") is None
    # Not firing: the total with the same words later in its clause, and a total named by "of coursework".
    assert parse_credits("The program requires 36 credit hours, with 18 in an area of specialization.") == Decimal("36")
    assert parse_credits("The program requires a total of 36 credit hours of coursework.") == Decimal("36")


def test_graduate_level_between_the_figure_and_its_unit() -> None:
    assert parse_credits("The MLIS degree requires at least 36 graduate level credits.") == Decimal("36")
    assert parse_credits("A minimum of 33 graduate-level credits must be earned for the master's degree.") == Decimal("33")
    # Not firing: a graduate-level load is still a load.
    assert parse_credits("Students may register for 12 graduate-level credits in any semester.") is None


def test_credits_for_candidacy_are_a_point_along_the_way() -> None:
    text = ("Degree Candidacy Students become candidates for the degree as follows: Master's Degree: Successful "
            "completion of 12 units with a GPA of 3.0.")
    assert parse_credits(text) is None
    assert parse_credits("Apply for admission to candidacy after completing 15 semester hours of the program.") is None
    # Not firing: a candidate for the degree (not candidacy) completing the total.
    assert parse_credits("A candidate for the master's degree must complete 36 semester hours.") == Decimal("36")


def test_a_share_of_a_stated_whole_is_a_part() -> None:
    assert parse_credits("Students must complete at least 21 credit hours of the 30 at this university.") is None
    # The whole beside its share is read; alone it is read too.
    assert parse_credits("Students complete at least 21 semester hours of the required 30 hours.") == Decimal("30")
    assert parse_credits("Students complete the required 30 semester hours.") == Decimal("30")


def test_the_age_of_earlier_work_is_not_the_programs_limit() -> None:
    assert parse_duration(
        "Tests and course work taken before entry into the program may count if completed within five years of acceptance."
    ) is None
    assert parse_duration("Graduate courses taken more than six (6) years before graduation do not count toward the degree.") is None
    # Not firing: the program's own limit counted back from graduation.
    assert parse_duration("All coursework must be completed within six years of the date of graduation.") == Duration(months_max=72)


def test_the_upper_end_of_a_gpa_band_is_never_a_minimum() -> None:
    assert parse_gpa("Full admission requires a cumulative grade point average between 2.75 and 4.0.") is None
    # Not firing on the lower end: "2.50-4.00" gives its floor.
    assert parse_gpa("Applicants need an undergraduate GPA of 2.50-4.00.") == Decimal("2.50")
    # Not firing: a minimum with a scale, and a minimum beside a lesser route's band.
    assert parse_gpa("Applicants need an undergraduate GPA of 2.75 on a 4.0 scale.") == Decimal("2.75")
    assert parse_gpa("Admission requires an undergraduate GPA of 3.0 or higher.") == Decimal("3.00")


def test_a_span_restated_in_digits_is_one_span() -> None:
    assert parse_duration("This is a part-time program to be finished within six (6) years.") == Duration(months_max=72)
    # Not firing where the restated span is another kind's.
    assert parse_duration("Master's students serve no more than three (3) years as teaching assistants.") is None


def test_a_row_of_another_degree_level_owns_its_value() -> None:
    text = ("Maximum time limits for degrees are as follows: Undergraduate Degree 6 years Master's Degree 5 years "
            "Juris Doctorate - Full-time and Part-time 7 years Doctoral Degree 7 years")
    assert parse_duration(text) == Duration(months_max=60)
    assert parse_duration("Time limits: Doctoral Degree 9 years Certificate 4 years") is None
    # Not firing: one value (a held bachelor's degree is no row label), and the master's row itself.
    assert parse_duration("Students with a Bachelor's degree complete the program in 2 years.") == Duration(months_min=24, months_max=24)
    assert parse_duration("Time Limits for Completion Master's Degree - 5 years") == Duration(months_max=60)


def test_rows_and_headings_fire_only_with_the_seventh_pass(monkeypatch) -> None:
    from crawler.normalize import binding

    text = "Time limits: Undergraduate Degree 6 years Master's Degree 5 years"
    assert parse_duration(text) == Duration(months_max=60)
    monkeypatch.setattr(binding, "SEVENTH_PASS", False)
    assert parse_duration(text) != Duration(months_max=60)


def test_a_heading_naming_time_limits_makes_its_spans_limits() -> None:
    assert parse_duration("Time Limits for Degree Completion Master's Degree 5 years") == Duration(months_max=60)
    # Not firing: the same row without the heading is a length; a later sentence is not under the heading.
    assert parse_duration("Master's Degree 5 years") == Duration(months_min=60, months_max=60)
    assert parse_duration("Time limits are set by the Graduate School. The MLIS program takes 2 years.") == Duration(
        months_min=24, months_max=24
    )
