"""parse_duration, parse_delivery and parse_start_terms on real program pages (issue 9).

Each case paraphrases an official page of an ALA-accredited program beyond our seven; the comment
names the school and the kind of page. Negative cases mention years, weeks, campus or terms but
state no program length, no delivery, no start term.
"""

import pytest

from crawler.normalize import Delivery, Duration, parse_delivery, parse_duration, parse_start_terms


def dur(lo, hi):
    return Duration(months_min=lo, months_max=hi)


def dv(mode, sync=None):
    return Delivery(mode=mode, synchronous=sync)


DURATION = [
    # Pittsburgh, FAQ: as little as a year, or up to four years part-time.
    ("You can finish the program in as little as a year (three consecutive semesters of full-time study) or up to "
     "four years (twelve terms) of part-time study.", dur(12, 48)),
    # Pittsburgh, at a glance.
    ("Credits: 36 Duration: 1 to 4 years to complete Format: On campus or online", dur(12, 48)),
    # Pittsburgh, online page: must be completed within four years (a maximum).
    ("The Master's Degree program must be completed within four years of the first term in which courses were taken.",
     dur(None, 48)),
    # Maryland FAQ: full-time 2 years, the 5-year limit does not widen it.
    ("For a full-time student, the program can be completed in 2 years. The MLIS program must be completed within "
     "5 years of initial registration.", dur(24, 24)),
    # Maryland FAQ: part-time 3 (or more) years next to full-time 2 years.
    ("Some students attend part time, taking 1-2 classes per semester and completing the program in 3 (or more) "
     "years. For a full-time student, the program can be completed in 2 years.", dur(24, None)),
    # Maryland FAQ: a year and a half.
    ("It is possible to complete the program in a year and a half by taking 4 classes per semester.", dur(18, 18)),
    # Rutgers: students must complete within three years.
    ("Students must complete the program within three years.", dur(None, 36)),
    # Rutgers online page: two to three years.
    ("You will take two to three years to complete your degree online.", dur(24, 36)),
    # Simmons: up to six years.
    ("Students have up to six years to complete the program, and can take courses part- or full-time.",
     dur(None, 72)),
    # Alberta: 6 years to complete.
    ("The program is a 48-credit program (16 courses) and students have 6 years to complete this program.",
     dur(None, 72)),
    # Missouri: two to four years.
    ("Students typically take between one and three classes each semester and finish in two to four years.",
     dur(24, 48)),
    # Missouri online: two years.
    ("Students typically take two classes each semester and finish the program in two years.", dur(24, 24)),
    # IUPUI FAQ: part-time within three years.
    ("On a part-time basis, students can finish within three years taking two courses per semester.",
     dur(None, 36)),
    # St. John's FAQ: as little as 24 months.
    ("The M.S.L.I.S. program can be completed in as little as 24 months.", dur(24, None)),
    # Emporia-style at a glance: minimum time.
    ("Minimum time to completion: 16 months", dur(16, None)),
    # Drexel engineering: five full-time quarters.
    ("Full-time students typically complete their degrees in five full-time quarters.", dur(20, 20)),
    # Hawaii: plan to spend at least two years.
    ("Applicants from other countries should plan to spend at least two years to complete their programs.",
     dur(24, None)),
    # Issue 9 leftovers and forms.
    ("Full-time: 2 years. Part-time: up to 4 years.", dur(24, 48)),
    ("Full-time students finish in as little as a year, or up to four years part time.", dur(12, 48)),
    ("The degree takes a year and a half of full-time study.", dur(18, 18)),
    # What most students do is a statistic, not the length (issue 19, sixth pass).
    ("Most students finish in 18 months to 3 years.", None),
    ("All requirements must be completed within 6 years.", dur(None, 72)),
    # --- limits and lengths of something else (negative) ---------------------------------------------
    # Tennessee: incomplete grades.
    ("An incomplete must be removed within one year or it changes to an F.", None),
    # Leave of absence.
    ("A leave of absence may be granted for up to one year.", None),
    ("Students may request a leave of absence of up to two semesters.", None),
    # Pittsburgh: transfer-credit age limit.
    ("Courses you wish to have transferred must have been taken within four (4) years preceding the date of initial "
     "enrollment.", None),
    ("Transfer credits must have been earned within the last six years.", None),
    # Illinois: term lengths.
    ("Fall and spring semesters are 15 weeks, Summer I is 4 weeks and Summer II is 8 weeks.", None),
    # Drexel reddit-like: 10-week classes.
    ("Classes are 10 weeks long, four times a year.", None),
    # Missouri: eight-week format.
    ("Courses are mostly semester-based and some use an eight-week format.", None),
    # UNC Greensboro FAQ: the 3 year plan link.
    ("Where can I find the 3 year plan?", None),
    # Alabama: recommenders in school in the last 5 years.
    ("For applicants who have been in school in the last 5 years, at least two letters must be academic.", None),
    # Southern Connecticut: accreditation review date.
    ("The next comprehensive review visit is scheduled for 2028.", None),
    # GRE scores age.
    ("Scores must be no more than 5 years old at the time of application.", None),
    # Five years of experience (Alabama).
    ("Five years of demonstrated professional experience in the field.", None),
    # Financial aid application timing (San Jose State).
    ("You must complete your financial aid application 3-4 months before the semester begins.", None),
    # A time-to-decision.
    ("Once all materials are received, a decision is usually reached in 2 weeks.", None),
    # Weekly hours.
    ("Students should expect to spend 12-15 hours per week on each course.", None),
]


DELIVERY = [
    # Illinois FAQ: online, taught synchronously in a virtual classroom.
    ("Yes, we offer an MSLIS Leep program that can be completed online. The courses are taught synchronously, "
     "meaning instructors and students meet in a virtual classroom at the assigned class time.", dv("online", True)),
    # Illinois (older): on-campus sessions combined with web-based instruction.
    ("Brief periods of on-campus instruction (an initial ten-day session in the summer, then a long weekend each "
     "semester) are combined with web-based instruction.", dv("hybrid")),
    # Illinois (older): weekly live interaction, the rest at times convenient to the student.
    ("Online courses may have up to 2 hours per week of live interaction at a regularly scheduled time; the rest of "
     "the work is done at times convenient to the student.", dv("online", True)),
    # St. John's FAQ: at times convenient to you.
    ("You will have assignment deadlines, but you can complete your online coursework at times that are convenient "
     "for you.", dv("online", False)),
    # St. John's FAQ: fully online, no residencies.
    ("All of our online graduate programs are fully online, with no on-campus components or required residencies.",
     dv("online")),
    # Wisconsin-Milwaukee FAQ: without coming to campus.
    ("Yes, you can complete your MLIS degree without coming to campus. We encourage you to come for orientation and "
     "graduation, but it is not required.", dv("online")),
    ("Students can earn the degree without coming to campus.", dv("online")),
    # Wisconsin-Milwaukee: online and onsite, no residency requirement.
    ("Our flexible program options include both online and onsite degree completion (with no residency "
     "requirement).", dv("online")),
    # IUPUI FAQ: asynchronous, never on campus.
    ("All courses are asynchronous and do not require students to come to campus at any time during the degree.",
     dv("online", False)),
    # Alberta: completely online, no scheduled meetings.
    ("This is a completely online program; students are not required to come to campus. Courses are offered "
     "asynchronously (there are no scheduled class meeting times).", dv("online", False)),
    # Alabama, prospective students page: required orientation, real-time courses.
    ("Members of this cohort complete their studies online after a required on-campus three-day orientation. "
     "Courses are offered in real-time, synchronous mode.", dv("hybrid", True)),
    # Alabama: 75% online / 25% weekend courses.
    ("Students in the regional cohort complete 75% of their coursework online and 25% in weekend courses on campus.",
     dv("hybrid")),
    # North Texas: required face-to-face institutes.
    ("Online and distance-learning cohorts require a face-to-face component called On-site Institutes, where "
     "students attend three days of face-to-face meetings.", dv("hybrid")),
    # South Carolina: fully online or a combination.
    ("The program can be earned through fully online courses or a combination of online and on-campus courses.",
     dv("online")),
    # Kentucky catalog.
    ("Offered fully online, the program prepares students to work in many settings.", dv("online")),
    # Valdosta FAQ: online, occasional optional meetings.
    ("The MLIS Program is an online program. Some courses might include occasional optional face-to-face meetings.",
     dv("online")),
    # Missouri: 100 percent online, no campus visits.
    ("Delivery of this program's courses is 100 percent online; no campus visits are required.", dv("online")),
    # Missouri: both kinds of online classes.
    ("Online asynchronous classes allow you to participate anytime, anywhere. Online synchronous classes, scheduled "
     "at fixed times, offer real-time interaction.", dv("online")),
    # Missouri: some synchronous meetings via Zoom, listed at registration.
    ("Courses are entirely online with some required synchronous meetings via Zoom.", dv("online", True)),
    # Maryland FAQ.
    ("The MLIS Program at Maryland can be completed totally online.", dv("online")),
    ("All online courses are held asynchronously, which allows a more flexible schedule.", dv("online", False)),
    # Rutgers (older online page): asynchronous mode.
    ("In general, we use an asynchronous mode of delivery, which means you do not need to be online at a given time.",
     dv("online", False)),
    # Rutgers (older blog): some on-campus classes required.
    ("Courses are offered online and on campus; however, students must attend a few on-campus classes during the "
     "program.", dv("hybrid")),
    # Syracuse FAQ: live classes plus asynchronous content.
    ("The iSchool's online programs combine live weekly classes with asynchronous content.", dv("online", True)),
    # Negative for the mode: live sessions, but no word on where they are held.
    ("Most live class sessions are held on weekday evenings and last an hour and a half.", None),
    # Issue 9: some courses online but not the whole degree.
    ("Some courses are offered online, but the degree cannot be completed entirely online.", dv("hybrid")),
    ("Several electives are available online; the full degree is not offered online.", dv("hybrid")),
    # Issue 9: live online classes.
    ("Classes meet in live online sessions on weekday evenings.", dv("online", True)),
    # Kent State catalog: fully online delivery.
    ("Delivery: Fully online", dv("online")),
    # Wisconsin-Milwaukee: hybrid courses as part of an online route.
    ("Students may complete the degree entirely online or take blended courses on campus.", dv("online")),
    # --- no delivery stated (negative) ---------------------------------------------------------------
    ("Apply online by March 1.", None),
    ("Complete the online application and pay the $75 fee.", None),
    ("Request transcripts online through the registrar.", None),
    ("Visit our online store for iSchool apparel.", None),
    ("You can check the status of your application online.", None),
    ("Online application fee: $50", None),
    ("Submit your documents through the online portal.", None),
]


START_TERMS = [
    # Kentucky catalog.
    ("The MSLS program invites applicants to apply for the fall, spring, and summer semesters.",
     ["fall", "spring", "summer"]),
    # Valdosta: no summer admission.
    ("Fall Semester: March 15 Spring Semester: September 30 Summer Semester: No Admission", ["fall", "spring"]),
    # San Jose State: twice a year.
    ("We accept applications twice a year: fall and spring.", ["fall", "spring"]),
    # Kent State FAQ.
    ("New students can start the program in the fall, spring or summer semester.", ["fall", "spring", "summer"]),
    # Kentucky graduate admissions: LIS admits three terms.
    ("LIS admits students for fall, spring and summer semesters.", ["fall", "spring", "summer"]),
    # Issue 9 leftover, St. John's listing: starts given as months are not terms (January is the
    # spring semester at one school, the winter quarter at another): unknown on purpose.
    ("Months of entry: January, August", []),
    ("New cohorts start in August and January.", []),
    ("Start dates: January, May, August", []),
    # Alabama: fall only for the online cohort.
    ("The national cohort, completely online, begins in the fall term.", ["fall"]),
    # Negative: courses in terms, not starts.
    ("Summer classes meet during Summer Session II.", []),
    ("Spring break does not affect online course deadlines.", []),
]


@pytest.mark.parametrize("text, expected", DURATION)
def test_parse_duration_real_pages(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text, expected", DELIVERY)
def test_parse_delivery_real_pages(text, expected):
    assert parse_delivery(text) == expected


@pytest.mark.parametrize("text, expected", START_TERMS)
def test_parse_start_terms_real_pages(text, expected):
    assert parse_start_terms(text) == expected
