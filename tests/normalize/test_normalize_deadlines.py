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
        [d("fall", "--05-15"), d("spring", "--10-15"), d("summer", "--03-15")],
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
]


@pytest.mark.parametrize("text, expected", CASES)
def test_parse_deadlines(text, expected):
    assert parse_deadlines(text) == expected
