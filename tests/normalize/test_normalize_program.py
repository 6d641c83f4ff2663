"""parse_duration, parse_delivery, parse_start_terms, parse_accredited, parse_degree, clean_text."""

import pytest

from crawler.normalize import (
    Delivery,
    Duration,
    clean_text,
    parse_accredited,
    parse_degree,
    parse_delivery,
    parse_duration,
    parse_start_terms,
)

DURATION = [
    ("as few as 21 months", Duration(months_min=21)),
    ("Complete your degree in as little as 2 years.", Duration(months_min=24)),
    ("1-3 years", Duration(months_min=12, months_max=36)),
    ("Completion Time: 1-3 years", Duration(months_min=12, months_max=36)),
    ("2 years full-time; 3-4 years part-time", Duration(months_min=24, months_max=48)),
    ("Full-time students finish in about two years; part-time students typically take 3 to 4 years.",
     Duration(months_min=24, months_max=48)),
    ("must finish within five years", Duration(months_max=60)),
    ("All requirements must be completed within 6 years of admission.", Duration(months_max=72)),
    # What most students do is a statistic, not the length (issue 19, sixth pass; the corpus convention).
    ("Students must complete the degree within 5 years. Most finish in 2 years.", Duration(months_max=60)),
    ("4 full-time semesters", Duration(months_min=24, months_max=24)),
    ("Time to completion: 4 full-time semesters", Duration(months_min=24, months_max=24)),
    ("18 months", Duration(months_min=18, months_max=18)),
    ("12-month accelerated option", Duration(months_min=12, months_max=12)),
    ("a two-year program", Duration(months_min=24, months_max=24)),
    ("6 quarters", Duration(months_min=24, months_max=24)),
    ("Most students finish in 5 to 6 semesters.", None),
    ("1.5 years", Duration(months_min=18, months_max=18)),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("complete in as little as 18 months", Duration(months_min=18)),
    ("2-3 years part-time", Duration(months_min=24, months_max=36)),
    ("Full-time students can finish in 4 semesters; part-time students in 6-8 semesters.",
     Duration(months_min=24, months_max=48)),
    ("Typically completed in two years of full-time study", Duration(months_min=24, months_max=24)),
    ("Program length: 12 to 24 months", Duration(months_min=12, months_max=24)),
    ("Most students graduate in 2.5 years", None),
    ("Time to degree: 1.5\u20132 years", Duration(months_min=18, months_max=24)),
    ("Part-time: 3 years | Full-time: 1.5 years", Duration(months_min=18, months_max=36)),
    ("Students typically take 2 courses per semester and complete the program in about 3 years.",
     Duration(months_min=36, months_max=36)),
    ("Complete your MLIS in 12 months (accelerated) or 24 months (standard).", Duration(months_min=12, months_max=24)),
    ("Finish in 10 courses over 20 months", Duration(months_min=20, months_max=20)),
    # Time limits are maxima only.
    ("Students have six years to complete the degree.", Duration(months_max=72)),
    ("Maximum time to degree: 7 years", Duration(months_max=84)),
    ("Students must complete all degree requirements within seven calendar years.", Duration(months_max=84)),
    ("Time limit for completion: 5 years", Duration(months_max=60)),
    # Lengths of something else.
    ("Courses run in 8-week sessions.", None),
    ("Classes are offered in 7-week terms.", None),
    ("Applicants need two years of library work experience.", None),
    ("two years of professional experience", None),
    ("GPA of 3.0 in the last two years of undergraduate work", None),
    ("Coursework older than 6 years cannot be transferred.", None),
    ("Courses taken within the last 5 years may transfer.", None),
    ("Flexible schedule", None),
    ("", None),
    # --- PARSER_VERSION 3: a time limit never overrides stated lengths --------------------------
    ("Full-time students usually finish in about two years (four semesters). Part-time students typically take three "
     "to four years. The Graduate School allows five years to complete the degree.",
     Duration(months_min=24, months_max=48)),
    ("Most full-time students complete the program in 2 years; part-time students take 3-4 years. The university "
     "permits 6 years to finish.", Duration(months_min=24, months_max=48)),
    ("Students typically graduate in 18 to 24 months. University policy gives students seven years to complete all "
     "requirements.", Duration(months_min=18, months_max=24)),
    ("The Graduate School allows students six years to complete the degree.", Duration(months_max=72)),
    ("Students are permitted 5 years to complete the MLIS.", Duration(months_max=60)),
    ("Most students finish in 2 to 3 years and have up to 6 years to complete the program.",
     Duration(months_max=72)),
]


@pytest.mark.parametrize("text, expected", DURATION)
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


DELIVERY = [
    ("100% asynchronous online", Delivery(mode="online", synchronous=False)),
    ("Classes meet online once a week in virtual classrooms", Delivery(mode="online", synchronous=True)),
    ("weekly live sessions", Delivery(mode="online", synchronous=True)),
    ("Courses are synchronous: students log in to virtual Zoom classrooms on weekday evenings.",
     Delivery(mode="online", synchronous=True)),
    ("Fully online; no required campus visits.", Delivery(mode="online")),
    ("Offered on the Tucson campus and fully online through Arizona Online.", Delivery(mode="online")),
    ("on campus, online or hybrid", Delivery(mode="online")),
    ("Courses are offered face-to-face, online, or in a mixed format.", Delivery(mode="online")),
    ("online with a short on-campus immersion", Delivery(mode="hybrid")),
    ("Online students must attend a two-day on-campus immersion before their first quarter.",
     Delivery(mode="hybrid")),
    ("A low-residency program with a required one-week summer residency", Delivery(mode="hybrid")),
    # Named hybrid with campus classes in it, and no wholly online route: hybrid (was "online"
    # before PARSER_VERSION 2).
    ("Hybrid: evening classes on campus plus online coursework", Delivery(mode="hybrid")),
    ("Blended delivery", Delivery(mode="hybrid")),
    ("The program is delivered face-to-face in Madison.", Delivery(mode="campus")),
    ("In-person classes on our Denton campus", Delivery(mode="campus")),
    ("Mostly asynchronous, with optional live sessions each week.", Delivery(mode="online", synchronous=False)),
    ("A mix of synchronous and asynchronous online courses", Delivery(mode="online", synchronous=None)),
    ("Course delivery: Online", Delivery(mode="online")),
    ("Distance learning with no set class times", Delivery(mode="online", synchronous=False)),
    ("Real-time online classes meet Tuesday evenings.", Delivery(mode="online", synchronous=True)),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("100% online, asynchronous", Delivery(mode="online", synchronous=False)),
    ("synchronous online sessions one evening per week", Delivery(mode="online", synchronous=True)),
    ("Live online classes are held Tuesday and Thursday evenings.", Delivery(mode="online", synchronous=True)),
    ("Delivery: Online with synchronous components", Delivery(mode="online", synchronous=True)),
    ("All courses are taught online in an asynchronous format, with no required log-in times.",
     Delivery(mode="online", synchronous=False)),
    ("Instruction combines asynchronous coursework and scheduled synchronous sessions.",
     Delivery(mode="online", synchronous=None)),
    # Optional live sessions do not make a program synchronous.
    ("All courses are offered online. Some courses schedule optional synchronous sessions; recordings are provided.",
     Delivery(mode="online", synchronous=False)),
    ("fully online with optional campus visits", Delivery(mode="online")),
    ("Courses are offered entirely online; there is no on-campus requirement.", Delivery(mode="online")),
    ("Students may choose between our on-campus program in Pittsburgh and our online program.", Delivery(mode="online")),
    ("On-campus (Columbia) or online", Delivery(mode="online")),
    ("The program is available fully online or in a hybrid format.", Delivery(mode="online")),
    # "Hybrid" named as the way the program is delivered, with campus time in it.
    ("hybrid: online courses plus two on-campus weekends", Delivery(mode="hybrid")),
    ("The program is offered in a hybrid format, combining online coursework with monthly Saturday classes on campus.",
     Delivery(mode="hybrid")),
    ("Online (asynchronous) with one required on-campus orientation", Delivery(mode="hybrid", synchronous=False)),
    ("Online, with a mandatory 3-day orientation on campus", Delivery(mode="hybrid")),
    ("Weekend format: classes meet on campus one weekend per month", Delivery(mode="campus")),
    ("Mode of delivery: Face-to-face", Delivery(mode="campus")),
    ("Apply by February 1.", None),
    ("Apply online by February 1. All classes meet on campus in Madison.", Delivery(mode="campus")),
    ("Submit the online application; courses are taught face-to-face.", Delivery(mode="campus")),
    ("", None),
    # --- PARSER_VERSION 3: a campus component in any word order; scheduled live meetings -------
    ("An on-campus experience required of students in the MLIS@Denver online program.", Delivery(mode="hybrid")),
    ("Complete your coursework online, then join classmates in Denver for a short on-campus Immersion experience.",
     Delivery(mode="hybrid")),
    ("The online MLIS includes a one-week campus residency each summer.", Delivery(mode="hybrid")),
    ("Online students plan to attend a three-day orientation on campus before their first semester.",
     Delivery(mode="hybrid")),
    ("Take classes online and come to campus twice for weekend intensives.", Delivery(mode="hybrid")),
    ("Online students must travel to Chapel Hill for a two-day immersion weekend.", Delivery(mode="hybrid")),
    ("Online students are invited to an optional on-campus orientation.", Delivery(mode="online")),
    ("The program is online. An on-campus immersion is not required.", Delivery(mode="online")),
    ("Our online program has no campus residency requirement.", Delivery(mode="online")),
    ("The online MLIS is completed entirely online; students are welcome to visit campus for the commencement ceremony.",
     Delivery(mode="online")),
    ("The MLIS meets synchronously once a week in a virtual classroom; the rest of the work is completed on your own "
     "schedule.", Delivery(mode="online", synchronous=True)),
    ("Online courses include required weekly live sessions; other coursework is asynchronous.",
     Delivery(mode="online", synchronous=True)),
    ("Classes are asynchronous, but students meet live on Zoom every Tuesday evening.",
     Delivery(mode="online", synchronous=True)),
    ("Asynchronous online courses with optional synchronous sessions.", Delivery(mode="online", synchronous=False)),
    ("Courses are asynchronous; there are no weekly live sessions.", Delivery(mode="online", synchronous=False)),
    ("Asynchronous coursework; students are not required to attend live sessions.",
     Delivery(mode="online", synchronous=False)),
]


@pytest.mark.parametrize("text, expected", DELIVERY)
def test_parse_delivery(text, expected):
    assert parse_delivery(text) == expected


START_TERMS = [
    ("Admission for Fall and Spring", ["fall", "spring"]),
    ("fall only", ["fall"]),
    ("Students may begin in the fall, spring, or summer.", ["fall", "spring", "summer"]),
    ("Start terms: Summer, Fall", ["fall", "summer"]),
    ("Fall: May 1 Spring: Nov. 1", ["fall", "spring"]),
    ("The program admits once a year, in the fall. The program does not admit in the spring.", ["fall"]),
    ("No spring or summer admission.", []),
    ("Admission for Fall and Spring (Summer only for the School Librarianship certificate)", ["fall", "spring"]),
    ("Autumn and Winter quarters", ["fall", "winter"]),
    ("Four start dates a year", []),
    ("Entry terms: Fall, Spring", ["fall", "spring"]),
    ("Cohorts begin each Fall semester.", ["fall"]),
    ("You can start in Spring or Fall.", ["fall", "spring"]),
    ("Start in Fall, Winter, Spring or Summer quarter.", ["fall", "spring", "summer", "winter"]),
    ("Admission: Fall semester only", ["fall"]),
    ("Students are admitted in the fall and spring; there is no summer admission.", ["fall", "spring"]),
    ("The program no longer admits students in the summer. Fall and spring starts remain.", ["fall", "spring"]),
    ("Summer courses are available; admission is in the fall.", ["fall"]),
    ("Applications accepted for Autumn quarter", ["fall"]),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("Start in fall, spring, or summer", ["fall", "spring", "summer"]),
    ("Fall admission only", ["fall"]),
    ("Admission: Fall and Spring semesters", ["fall", "spring"]),
    ("New students are admitted each semester (fall, spring, summer).", ["fall", "spring", "summer"]),
    ("Students may enter the program in any semester.", []),
    ("Fall and spring entry; summer entry is not available.", ["fall", "spring"]),
    ("We accept applications for fall and spring terms.", ["fall", "spring"]),
    ("Cohorts start every summer", ["summer"]),
    ("The program admits new students in the fall semester only; no spring admission.", ["fall"]),
    ("Spring start available", ["spring"]),
    ("Begin your degree in January, May, or August", []),
    ("Students can begin the program in Fall or Spring. Summer courses are available.", ["fall", "spring"]),
    ("Admission cycles: Fall 2026, Spring 2027", ["fall", "spring"]),
    ("Summer admission is not offered. Students begin in fall or spring.", ["fall", "spring"]),
    ("Rolling admission year-round", []),
    ("Fall Deadline: December 15 Spring Deadline: The program does not admit in the spring.", ["fall"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", START_TERMS)
def test_parse_start_terms(text, expected):
    assert parse_start_terms(text) == expected


ACCREDITED = [
    ("The MA in Library and Information Science is accredited by the American Library Association (ALA).", True),
    ("ALA-accredited since 1972", True),
    ("Our MLIS is an ALA accredited program.", True),
    ("Accreditation status: Continued accreditation. Next comprehensive review: 2025.", True),
    ("The MLIS program has been continuously accredited by the ALA since 1931.", True),
    ("The Committee on Accreditation of the American Library Association granted the MLIS continued accreditation.",
     True),
    ("Accredited by the American Library Association", True),
    ("The program holds conditional accreditation status from the ALA.", True),
    ("The program is in candidacy status with the ALA.", False),
    ("This program is not accredited by the American Library Association.", False),
    ("The program is currently seeking ALA accreditation.", False),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("ALA-accredited since 1928", True),
    ("The program has candidacy status with ALA.", False),
    ("The program has been granted candidacy by the ALA Committee on Accreditation.", False),
    ("The program is in pre-candidacy for ALA accreditation.", False),
    ("The MLIS program is accredited by the American Library Association's Committee on Accreditation.", True),
    ("Our MSLS program has been accredited by the ALA continuously since 1928.", True),
    ("Accreditation: ALA", True),
    ("One of the nation's ALA-accredited programs", True),
    ("ALA accreditation status: Conditional", True),
    ("Accredited by the American Library Association through 2031", True),
    ("The ALA Committee on Accreditation will conduct a site visit in 2026.", None),
    ("The school is accredited by the Middle States Commission on Higher Education.", None),
    ("The school library media program is nationally recognized by AASL.", None),
    ("The university is accredited by the Higher Learning Commission (HLC).", None),
    ("The school librarianship program is accredited by CAEP.", None),
    ("The university holds continued accreditation from the Higher Learning Commission.", None),
    ("The program is fully accredited.", None),
    ("Our curriculum follows the ALA Core Competences of Librarianship.", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", ACCREDITED)
def test_parse_accredited(text, expected):
    assert parse_accredited(text) is expected


DEGREE = [
    ("Master of Library Science", "MLS"),
    ("Master of Library Science (MLS)", "MLS"),
    ("Master of Library and Information Science", "MLIS"),
    ("Master of Library & Information Studies", "MLIS"),
    ("Master of Arts", "MA"),
    ("Master of Arts in Library and Information Science", "MA"),
    ("Library & Information Science (MA)", "MA"),  # Arizona's Graduate College catalog title
    ("Information and Library Science (MS)", "MS"),
    ("Master of Science", "MS"),
    ("M.S. in Information and Library Science", "MS"),
    ("MA in Library and Information Studies", "MA"),
    ("MS in School Librarianship", "MS"),
    ("MLIS", "MLIS"),
    ("Online MLIS Program", "MLIS"),
    ("MLS with Certificate in School Librarianship", "MLS"),
    ("M.L.I.S.", "MLIS"),
    ("MSLS degree", "MS"),
    ("Master of Science in Library Science", "MS"),
    ("M.Ed. in School Library Media", "MEd"),
    ("Master of Information", "MI"),
    # --- Wider phrasings: other US programs ---------------------------------------------------
    ("Master of Science in Library Science (MSLS)", "MS"),
    ("Master of Information (MI)", "MI"),
    ("Master of Library and Information Science (MLIS)", "MLIS"),
    ("Master of Science in Information (MSI)", "MS"),
    ("M.L.S. degree", "MLS"),
    ("Master of Science in Library and Information Science (MSLIS)", "MS"),
    ("MS in Library Science", "MS"),
    ("Master of Arts in Library Science", "MA"),
    ("Master of Library and Information Studies (MLIS)", "MLIS"),
    ("Master of Information Science", "MIS"),
    ("MLIS/MA dual degree in History", "MLIS"),
    ("M.S.L.S.", "MS"),
    ("MSLIS", "MS"),
    ("Master of Science in Information Science (MSIS)", "MS"),
    ("Master of Education in School Library Media", "MEd"),
    ("Master's in Library and Information Science", None),
    ("Master of Legal Studies (MLS)", None),
    ("MLS - Master of Liberal Studies", None),
    ("Medical Laboratory Science (MLS)", None),
    ("Boston, MA 02115", None),
    ("Jackson, MS 39201", None),
    ("Bachelor of Arts in English", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", DEGREE)
def test_parse_degree(text, expected):
    assert parse_degree(text) == expected


CLEAN = [
    ("  Fall:\u00a0May 1  ", "Fall: May 1"),
    ("Tuition\n\t$900\r\nper unit", "Tuition $900 per unit"),
    ("$1,\u200b372", "$1,372"),
    ("\ufeffMLIS", "MLIS"),
    ("Cafe\u0301", "Caf\u00e9"),
    ("a\u2003b\u2009c", "a b c"),
    ("", ""),
    ("   ", ""),
    ("Fall:\u00a0\u00a0May\u00a01", "Fall: May 1"),
    ("line one\u2028line two", "line one line two"),
    ("tab\tseparated\tcells", "tab separated cells"),
    ("\u200dzero\u200cwidth\u2060joiners", "zerowidthjoiners"),
    ("soft\u00adhyphen", "softhyphen"),
    ("\u3000ideographic space\u3000", "ideographic space"),
    ("$8,328.00\n\n", "$8,328.00"),
    ("Spring:\r\nAugust 1", "Spring: August 1"),
    ("n\u0303o", "\u00f1o"),
    ("\u00c5ngstr\u00f6m", "\u00c5ngstr\u00f6m"),
    ("A\u0301", "\u00c1"),
    ("already clean", "already clean"),
    ("\u2013 dashes \u2014 kept", "\u2013 dashes \u2014 kept"),
    ("\x0bvertical\x0ctab", "vertical tab"),
]


@pytest.mark.parametrize("text, expected", CLEAN)
def test_clean_text(text, expected):
    assert clean_text(text) == expected
