"""parse_deadlines: real-world deadline phrasings, each with its exact expected deadlines."""

import pytest

from crawler.normalize import Deadline, parse_deadlines


def d(term, date, kind="final", applies_to=None):
    return Deadline(term=term, date=date, kind=kind, applies_to=applies_to)


def rolling(term=None, applies_to=None):
    return Deadline(term=term, date=None, kind="rolling", applies_to=applies_to)


CASES = [
    # --- University of Arizona: per-campus and per-applicant lists -----------------------------
    (
        "Main Campus Fall: February 1 Currently closed Spring: August 1 Currently open Summer: March 1 Currently closed",
        [d("fall", "--02-01", applies_to="main campus"), d("spring", "--08-01", applies_to="main campus"),
         d("summer", "--03-01", applies_to="main campus")],
    ),
    (
        "Online Campus Fall: March 15 Spring: October 1 Summer: March 1",
        [d("fall", "--03-15", applies_to="online campus"), d("spring", "--10-01", applies_to="online campus"),
         d("summer", "--03-01", applies_to="online campus")],
    ),
    (
        "Global Campus Fall: February 15 Currently closed Spring: September 1 Currently open Summer: March 1 Closed",
        [d("fall", "--02-15", applies_to="global campus"), d("spring", "--09-01", applies_to="global campus"),
         d("summer", "--03-01", applies_to="global campus")],
    ),
    (
        "Main Campus Fall: February 1 Spring: August 1 Summer: March 1 Online Campus Fall: March 15 Spring: October 1 "
        "Summer: March 1 Global Campus Fall: February 15 Spring: September 1 Summer: March 1",
        [d("fall", "--02-01", applies_to="main campus"), d("spring", "--08-01", applies_to="main campus"),
         d("summer", "--03-01", applies_to="main campus"),
         d("fall", "--03-15", applies_to="online campus"), d("spring", "--10-01", applies_to="online campus"),
         d("summer", "--03-01", applies_to="online campus"),
         d("fall", "--02-15", applies_to="global campus"), d("spring", "--09-01", applies_to="global campus"),
         d("summer", "--03-01", applies_to="global campus")],
    ),
    (
        "Domestic Applicants Fall: February 15 Spring: October 15 Summer: March 15",
        [d("fall", "--02-15", applies_to="domestic"), d("spring", "--10-15", applies_to="domestic"),
         d("summer", "--03-15", applies_to="domestic")],
    ),
    (
        "Domestic Applicants Fall: February 15 Spring: October 15 Summer: March 15 "
        "International Applicants Fall: February 15 Spring: September 1 Summer: March 1",
        [d("fall", "--02-15", applies_to="domestic"), d("spring", "--10-15", applies_to="domestic"),
         d("summer", "--03-15", applies_to="domestic"),
         d("fall", "--02-15", applies_to="international"), d("spring", "--09-01", applies_to="international"),
         d("summer", "--03-01", applies_to="international")],
    ),
    (
        "The priority application deadline is April 1 for Fall and April 1 for Summer.",
        [d("fall", "--04-01", "priority"), d("summer", "--04-01", "priority")],
    ),
    # --- University at Buffalo -----------------------------------------------------------------
    ("Fall: May 1 Spring: Nov. 1", [d("fall", "--05-01"), d("spring", "--11-01")]),
    ("Fall: May 1, Spring: Nov. 1", [d("fall", "--05-01"), d("spring", "--11-01")]),
    (
        "Fall Feb. 1 priority, then rolling; Spring Nov. 1 priority, then rolling",
        [d("fall", "--02-01", "priority"), rolling("fall"), d("spring", "--11-01", "priority"), rolling("spring")],
    ),
    (
        "Fall: May 1 (priority), then rolling. Spring: Nov. 1 (priority), then rolling.",
        [d("fall", "--05-01", "priority"), rolling("fall"), d("spring", "--11-01", "priority"), rolling("spring")],
    ),
    ("Admission is rolling.", [rolling()]),
    ("We review applications on a rolling basis.", [rolling()]),
    # --- Texas Woman's University ----------------------------------------------------------------
    (
        "Preferred Application Deadlines Fall - June 1 Spring - November 1 Summer - April 1",
        [d("fall", "--06-01", "preferred"), d("spring", "--11-01", "preferred"), d("summer", "--04-01", "preferred")],
    ),
    (
        "Preferred deadlines: Fall July 1, Spring December 1, Summer May 1. Applications are accepted until all "
        "spaces are filled.",
        [d("fall", "--07-01", "preferred"), d("spring", "--12-01", "preferred"), d("summer", "--05-01", "preferred")],
    ),
    ("Fall - June 1 Spring - November 1 Summer - April 1",
     [d("fall", "--06-01"), d("spring", "--11-01"), d("summer", "--04-01")]),
    # --- Louisiana State University --------------------------------------------------------------
    (
        "May 15 for the Fall semester; October 15 for the Spring semester; March 15 for the Summer semester "
        "(certificate only)",
        # The summer date is the certificate's only (the page: "Graduate Certificate in School
        # Librarianship only"): not a deadline of the master's (issue 19, a date's own scope).
        [d("fall", "--05-15"), d("spring", "--10-15")],
    ),
    (
        "Domestic: Fall June 30, Spring November 15, Summer May 1. International: Fall April 15, Spring October 1, "
        "Summer April 15.",
        [d("fall", "--06-30", applies_to="domestic"), d("spring", "--11-15", applies_to="domestic"),
         d("summer", "--05-01", applies_to="domestic"),
         d("fall", "--04-15", applies_to="international"), d("spring", "--10-01", applies_to="international"),
         d("summer", "--04-15", applies_to="international")],
    ),
    # --- University of Wisconsin-Madison -----------------------------------------------------
    (
        "Fall Deadline: December 15 (priority, includes scholarship consideration); applications accepted until "
        "February 1",
        [d("fall", "--12-15", "priority"), d("fall", "--02-01", "final")],
    ),
    (
        "December 15 (priority, includes scholarship consideration); applications accepted until February 1. "
        "The program admits students once a year, in the fall.",
        [d("fall", "--12-15", "priority"), d("fall", "--02-01", "final")],
    ),
    ("Spring Deadline: The program does not admit in the spring.", []),
    (
        "Fall Deadline: December 15 Spring Deadline: The program does not admit in the spring. "
        "Summer Deadline: The program does not admit in the summer.",
        [d("fall", "--12-15")],
    ),
    (
        "Summer Deadline: The program does not admit in the summer. Fall Deadline: February 1",
        [d("fall", "--02-01")],
    ),
    # --- Other universities -----------------------------------------------------------------------
    ("Application deadline: February 1st", [d(None, "--02-01")]),
    ("Applications for Fall 2026 are due Feb. 1, 2026.", [d("fall", "2026-02-01")]),
    ("Priority deadline: January 15, 2026 at 11:59 p.m. MST", [d(None, "2026-01-15", "priority")]),
    ("Applications must be submitted by 11:59 p.m. (Central) on March 1.", [d(None, "--03-01")]),
    ("Priority Deadline: December 1. Final Deadline: March 1.", [d(None, "--12-01", "priority"), d(None, "--03-01")]),
    (
        "Application Opens: September 1 | Priority Deadline: December 15 | Final Deadline: February 1",
        [d(None, "--12-15", "priority"), d(None, "--02-01")],
    ),
    ("Applications open September 1 and close January 15.", [d(None, "--01-15")]),
    (
        "Fall admission: March 15 (priority consideration for assistantships); final deadline May 1",
        [d("fall", "--03-15", "priority"), d("fall", "--05-01")],
    ),
    ("Deadlines: Fall - July 15; Spring - November 15; Summer - April 15",
     [d("fall", "--07-15"), d("spring", "--11-15"), d("summer", "--04-15")]),
    ("Fall \u2013 May 1st; Spring \u2013 October 1st", [d("fall", "--05-01"), d("spring", "--10-01")]),
    ("The deadline for Fall admission is April 1st.", [d("fall", "--04-01")]),
    ("Fall 2025: 15 March 2025", [d("fall", "2025-03-15")]),
    ("Autumn entry: 1 May", [d("fall", "--05-01")]),
    ("Winter quarter: October 1", [d("winter", "--10-01")]),
    ("Fall: 2026-03-01", [d("fall", "2026-03-01")]),
    ("Fall: February 1 Spring: rolling", [d("fall", "--02-01"), rolling("spring")]),
    ("No spring or summer admission. Fall deadline: January 10", [d("fall", "--01-10")]),
    (
        "Fall semester begins August 25; the application deadline is June 1.",
        [d("fall", "--06-01")],
    ),
    (
        "Applications received by January 15 receive priority consideration for funding.",
        [d(None, "--01-15", "priority")],
    ),
    ("Deadline: 2/15/2026", [d(None, "2026-02-15")]),
    ("Fall\u00a0:\u00a0May\u00a01", [d("fall", "--05-01")]),
    ("Leap-year deadline: February 29", [d(None, "--02-29")]),
    ("Apply by July 15 for fall and by December 1 for spring.", [d("fall", "--07-15"), d("spring", "--12-01")]),
    ("Spring 2026 applications due November 15, 2025", [d("spring", "2025-11-15")]),
    ("Fall 2026: Priority Deadline January 15, Final Deadline April 15",
     [d("fall", "--01-15", "priority"), d("fall", "--04-15")]),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    # No term named: term None.
    ("Priority deadline: January 15; Final deadline: April 1", [d(None, "--01-15", "priority"), d(None, "--04-01")]),
    ("Priority: Feb 1 | Regular: April 15 | Rolling thereafter",
     [d(None, "--02-01", "priority"), d(None, "--04-15"), rolling()]),
    ("Applications reviewed on a rolling basis", [rolling()]),
    ("Rolling admissions; we recommend applying at least 8 weeks before the start of the term.", [rolling()]),
    ("Applications received after the priority deadline of February 15 will be reviewed on a space-available basis.",
     [d(None, "--02-15", "priority")]),
    ("The Graduate School's deadline is July 1; the department recommends applying by March 1.",
     # The Graduate School named as the source of the first date (PARSER_VERSION 3).
     [d(None, "--07-01", applies_to="graduate school"), d(None, "--03-01", "preferred")]),
    ("Early decision: November 15", [d(None, "--11-15", "priority")]),
    # Kind words in parentheses after each date stay with their own date.
    ("Fall admission: March 1 (priority) / July 1 (final)", [d("fall", "--03-01", "priority"), d("fall", "--07-01")]),
    ("Fall: January 15 (priority); March 15 (regular)", [d("fall", "--01-15", "priority"), d("fall", "--03-15")]),
    ("Deadlines: Fall - March 15 (priority), June 1 (final); Spring - October 15",
     [d("fall", "--03-15", "priority"), d("fall", "--06-01"), d("spring", "--10-15")]),
    ("Application deadline for Fall 2026 admission is December 1, 2025 (priority) and March 1, 2026 (final).",
     [d("fall", "2025-12-01", "priority"), d("fall", "2026-03-01")]),
    # Two kind words in one sentence, each written next to its own date.
    ("January 15 is the priority deadline and April 1 is the final deadline for fall.",
     [d("fall", "--01-15", "priority"), d("fall", "--04-01")]),
    ("The priority and final deadlines for fall are January 15 and April 1, respectively.",
     [d("fall", "--01-15", "priority"), d("fall", "--04-01")]),
    ("Fall: Feb 1 (for funding consideration), May 1 (final)", [d("fall", "--02-01", "priority"), d("fall", "--05-01")]),
    # Qualifiers in parentheses after a date are that date's, not the next one's.
    ("Fall: January 15 (international applicants); March 1 (domestic applicants)",
     [d("fall", "--01-15", applies_to="international"), d("fall", "--03-01", applies_to="domestic")]),
    ("Deadline: March 1 (Fall) and October 1 (Spring)", [d("fall", "--03-01"), d("spring", "--10-01")]),
    ("Application deadline: 1 March (Fall intake)", [d("fall", "--03-01")]),
    # Term lists written many ways.
    ("Spring \u2014 October 15; Summer \u2014 March 15", [d("spring", "--10-15"), d("summer", "--03-15")]),
    ("Spring: October 1 / Summer: February 1 / Fall: May 1",
     [d("spring", "--10-01"), d("summer", "--02-01"), d("fall", "--05-01")]),
    ("Deadline for fall: Feb. 1st, 5:00 p.m. EST", [d("fall", "--02-01")]),
    ("Deadline to apply: June 15th for Fall; November 15th for Spring", [d("fall", "--06-15"), d("spring", "--11-15")]),
    ("International applicants: January 15 for fall admission", [d("fall", "--01-15", applies_to="international")]),
    ("Fall semester: priority deadline February 1; general deadline May 15",
     [d("fall", "--02-01", "priority"), d("fall", "--05-15")]),
    ("Final deadline for fall is July 15, 2026; priority deadline is April 1, 2026.",
     [d("fall", "2026-07-15"), d("fall", "2026-04-01", "priority")]),
    ("Applications are accepted on a rolling basis until July 1 for the fall semester.",
     [rolling("fall"), d("fall", "--07-01")]),
    # One date for several terms: one deadline per term.
    ("Fall and Spring: March 1", [d("fall", "--03-01"), d("spring", "--03-01")]),
    ("Summer and Fall admission deadline: February 1", [d("summer", "--02-01"), d("fall", "--02-01")]),
    ("Applications for summer and fall are due March 15.", [d("summer", "--03-15"), d("fall", "--03-15")]),
    ("Fall, Spring and Summer: rolling", [rolling("fall"), rolling("spring"), rolling("summer")]),
    ("Fall/Spring: priority deadline March 1; Summer: January 15",
     [d("fall", "--03-01", "priority"), d("spring", "--03-01", "priority"), d("summer", "--01-15")]),
    # A term with its academic year: the year names the term, not the date.
    ("Fall 2026: January 15", [d("fall", "--01-15")]),
    ("Spring 2027 - applications due by October 1, 2026", [d("spring", "2026-10-01")]),
    ("Fall 2026 applications open September 1, 2025 and close January 15, 2026.", [d("fall", "2026-01-15")]),
    # Numeric dates: US month/day when a term labels the date; alone and ambiguous, skipped.
    ("Fall: 3/1; Spring: 10/1; Summer: 2/1", [d("fall", "--03-01"), d("spring", "--10-01"), d("summer", "--02-01")]),
    ("Apply by: 11/1 (spring), 3/1 (summer), 6/1 (fall)",
     [d("spring", "--11-01"), d("summer", "--03-01"), d("fall", "--06-01")]),
    ("Fall 2026 deadline: 02/01/2026", [d("fall", "2026-02-01")]),
    ("Deadline: 12/1", []),
    ("Fall deadline: 3/15", [d("fall", "--03-15")]),
    # Relative deadlines are not dates.
    ("We admit students in fall, spring and summer; applications are due 60 days before the term.", []),
    ("Deadlines are 60 days before the start of the semester.", []),
    ("Applications must be complete six weeks prior to the first day of classes.", []),
    # As many dates as listed terms pair up in order.
    ("Fall and Spring: March 1 and October 1, respectively", [d("fall", "--03-01"), d("spring", "--10-01")]),
    ("Fall and spring deadlines are March 1 and October 1.", [d("fall", "--03-01"), d("spring", "--10-01")]),
    ("Fall 2026 | Priority: 1/15/2026 | Final: 4/1/2026",
     [d("fall", "2026-01-15", "priority"), d("fall", "2026-04-01")]),
    ("For fall admission, the priority deadline is February 1 and the final deadline is June 1.",
     [d("fall", "--02-01", "priority"), d("fall", "--06-01")]),
    ("Spring admission deadline: October 1. There is no summer admission.", [d("spring", "--10-01")]),
    ("The program admits in fall and spring. Deadline: March 1", [d(None, "--03-01")]),
    # --- Not deadlines ------------------------------------------------------------------------
    ("Deadline: February 30", []),
    ("Deadline: February 29, 2027", []),
    ("Deadline: 03/04/2026", []),
    ("Deadline: See the Graduate School website.", []),
    ("Decisions are released by April 1.", []),
    ("Classes start January 12.", []),
    ("Currently open", []),
    ("Application Deadlines", []),
    ("", []),
    # --- PARSER_VERSION 3 ------------------------------------------------------------------------
    # A stated deadline whose date cannot be read: [] for the whole text, never a partial list.
    ("Fall: May  priority, then rolling Spring: Nov.  priority, then rolling", []),
    ("Fall: February  Spring: October ", []),
    ("Priority deadline: March ; final deadline: June 1", []),
    ("Applications for fall are due in May.", []),
    ("Fall: January 15; Spring: Oct. priority", []),
    ("Admission is rolling", [rolling()]),
    ("Fall deadline: January 15. Classes begin in August.", [d("fall", "--01-15")]),
    # The Graduate School named as the source qualifies the deadlines (first in applies_to).
    ("The Graduate School Application Deadlines Domestic Fall: June 30 Spring: November 15",
     [d("fall", "--06-30", applies_to="graduate school, domestic"),
      d("spring", "--11-15", applies_to="graduate school, domestic")]),
    ("The Graduate School Application Deadlines Domestic Fall: June 30 Spring: November 15 "
     "International Fall: April 15 Spring: October 1",
     [d("fall", "--06-30", applies_to="graduate school, domestic"),
      d("spring", "--11-15", applies_to="graduate school, domestic"),
      d("fall", "--04-15", applies_to="graduate school, international"),
      d("spring", "--10-01", applies_to="graduate school, international")]),
    ("Graduate School deadline: July 1", [d(None, "--07-01", applies_to="graduate school")]),
    ("Graduate School deadlines: Fall - July 15; Spring - December 1",
     [d("fall", "--07-15", applies_to="graduate school"), d("spring", "--12-01", applies_to="graduate school")]),
    ("Deadlines set by the Graduate School: Fall: August 1, Spring: December 15",
     [d("fall", "--08-01", applies_to="graduate school"), d("spring", "--12-15", applies_to="graduate school")]),
    ("Apply to the Graduate School by March 1 for fall admission.", [d("fall", "--03-01")]),
    # "(... applicants only)" names who the date is for.
    ("March 15 for the Summer semester (School Librarianship certificate applicants only)",
     [d("summer", "--03-15", applies_to="school librarianship certificate applicants")]),
    ("October 1 for spring (School Library Media applicants only)",
     [d("spring", "--10-01", applies_to="school library media applicants")]),
    ("Fall: April 1 (Archives certificate students only)",
     [d("fall", "--04-01", applies_to="archives certificate students")]),
    ("February 1 (international applicants only)", [d(None, "--02-01", applies_to="international")]),
    ("Domestic: March 15 for the Summer semester (School Librarianship certificate applicants only)",
     [d("summer", "--03-15", applies_to="domestic, school librarianship certificate applicants")]),
    # Funding or "full consideration" dates are priority dates.
    ("\u2026to be considered for fall assistantships, apply by January 15", [d("fall", "--01-15", "priority")]),
    ("To be considered for fall assistantships, apply by January 15", [d("fall", "--01-15", "priority")]),
    ("Applicants who wish to be considered for spring graduate assistantships should apply by October 1.",
     [d("spring", "--10-01", "priority")]),
    ("Rolling admission for all terms; apply by April 15 for best consideration for fall scholarships.",
     [rolling(), d("fall", "--04-15", "priority")]),
    # Year-round rolling admission is rolling for every term (term None).
    ("Applications are accepted year-round on a rolling basis; fall applicants should apply by March 1 for full "
     "consideration", [rolling(), d("fall", "--03-01", "priority")]),
    ("We accept applications throughout the year on a rolling basis. For full consideration for fall, apply by "
     "February 1.", [rolling(), d("fall", "--02-01", "priority")]),
    # "Apply online" is about the form, not an online-only deadline.
    ("Apply online by March 1.", [d(None, "--03-01")]),
    ("Submit your online application by February 15 for fall.", [d("fall", "--02-15")]),
    # --- Wider phrasings (PARSER_VERSION 3 probe) ---------------------------------------------
    ("Fall admission: priority deadline February 1; final deadline May 1.",
     [d("fall", "--02-01", "priority"), d("fall", "--05-01")]),
    ("Priority Deadline (Fall): January 15 | Final Deadline (Fall): April 1 | Spring: October 15",
     [d("fall", "--01-15", "priority"), d("fall", "--04-01"), d("spring", "--10-15")]),
    ("Fall semester \u2013 Priority: Dec. 1, Regular: March 15. Spring semester \u2013 Priority: Sept. 1, Regular: Nov. 1",
     [d("fall", "--12-01", "priority"), d("fall", "--03-15"), d("spring", "--09-01", "priority"), d("spring", "--11-01")]),
    ("Applications for fall admission are due February 15; spring applications are due October 1.",
     [d("fall", "--02-15"), d("spring", "--10-01")]),
    ("Deadlines: Fall \u2013 March 15 (priority), July 1 (final); Spring \u2013 October 15 (priority), December 1 (final)",
     [d("fall", "--03-15", "priority"), d("fall", "--07-01"), d("spring", "--10-15", "priority"), d("spring", "--12-01")]),
    ("For fall 2026 admission, the priority deadline is January 10, 2026 and the final deadline is June 1, 2026.",
     [d("fall", "2026-01-10", "priority"), d("fall", "2026-06-01")]),
    ("Fall: Feb 1 (funding consideration), Jun 1 (final)", [d("fall", "--02-01", "priority"), d("fall", "--06-01")]),
    ("We review applications on a rolling basis until July 15 for fall entry.", [rolling("fall"), d("fall", "--07-15")]),
    ("Applications received by March 1 receive priority consideration for scholarships.", [d(None, "--03-01", "priority")]),
    ("Fall Term: Applications open September 1 and close March 31.", [d("fall", "--03-31")]),
    ("Domestic applicants: apply by July 1 (fall) or November 1 (spring). International applicants: apply by April 1 "
     "(fall) or September 1 (spring).",
     [d("fall", "--07-01", applies_to="domestic"), d("spring", "--11-01", applies_to="domestic"),
      d("fall", "--04-01", applies_to="international"), d("spring", "--09-01", applies_to="international")]),
    ("Spring 2027: October 15, 2026", [d("spring", "2026-10-15")]),
    ("Fall Priority Deadline: January 15. Fall Final Deadline: April 15. Spring Priority Deadline: September 15. "
     "Spring Final Deadline: November 15.",
     [d("fall", "--01-15", "priority"), d("fall", "--04-15"), d("spring", "--09-15", "priority"), d("spring", "--11-15")]),
    ("Early action deadline for fall: December 1", [d("fall", "--12-01", "priority")]),
    ("All materials must be submitted by 11:59 p.m. on February 1 for fall admission.", [d("fall", "--02-01")]),
    ("Application deadlines are 1 February (fall) and 1 October (spring).", [d("fall", "--02-01"), d("spring", "--10-01")]),
    ("Fall 2025 \u2013 5/1/2025; Spring 2026 \u2013 11/1/2025", [d("fall", "2025-05-01"), d("spring", "2025-11-01")]),
    ("Applications for the fall cohort are accepted until June 15.", [d("fall", "--06-15")]),
    ("Applications for the fall term are reviewed beginning January 15 and accepted until all seats are filled.", []),
    ("Preferred deadline for fall: March 1; applications received after that date are reviewed on a rolling basis.",
     [d("fall", "--03-01", "preferred"), rolling("fall")]),
    ("Winter quarter: October 1; Spring quarter: January 15; Summer quarter: April 1; Autumn quarter: June 1",
     [d("winter", "--10-01"), d("spring", "--01-15"), d("summer", "--04-01"), d("fall", "--06-01")]),
    ("Online MLIS: Fall \u2013 August 1, Spring \u2013 December 1, Summer \u2013 April 15",
     [d("fall", "--08-01", applies_to="online"), d("spring", "--12-01", applies_to="online"),
      d("summer", "--04-15", applies_to="online")]),
    ("Assistantship consideration: February 1. General admission: May 1 (fall).",
     [d("fall", "--02-01", "priority"), d("fall", "--05-01")]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_deadlines(text, expected):
    assert parse_deadlines(text) == expected
