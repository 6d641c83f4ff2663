from crawler.crawl.spider import Institution, ProgramSpider, expects


class WiscSpider(ProgramSpider):
    """MA Library and Information Studies, online program: one record, whatever the Guide calls
    the named option ("Distance Delivered Program" before, "Online Program" now)."""

    name = "wisc"
    institution = Institution(name="University of Wisconsin-Madison", city="Madison", state="WI", control="public",
                              website="wisc.edu", ipeds_unitid="240444")
    allowed_domains = ["wisc.edu"]
    start_pages = {
        "https://guide.wisc.edu/graduate/information/library-information-studies-ma/": "parse_guide",
        "https://ischool.wisc.edu/current-students/ma-requirements-overview/": "parse_requirements",
        "https://ischool.wisc.edu/current-students/masters-degree-program/funding-financial-aid/": "parse_funding",
        # The Graduate School's fee page (its FAQ before, "How to Apply" since).
        "http://grad.wisc.edu/admissions/faq/": "parse_fee",
    }

    def parse_guide(self, page):
        # The parent's curricular table still says "Minimum Credit Requirement 39 credits" (the
        # pre-2022 curriculum): not read. Its named options link the online one by its real path.
        main = page.main
        option = main.link(href="-online-program-ma") or main.link(href="-distance-delivered-program-ma")
        yield from self.follow(page, option, self.parse_option)

    @expects("name", "degree", "delivery", "duration", "ala_accredited", "application_deadlines",
             "start_terms", "entrance_exam", "min_gpa")
    def parse_option(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("ma-lis-online", page, name=title, degree=title)
        yield self.fact("delivery", main.sentence("online", "face to face"), page)  # "Online students cannot take face to face courses."
        yield self.fact("duration", main.sentence("Full-time", "years"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "ALA"), page)
        # The Fall Deadline cell says only "December 15"; the prose under the table says which
        # date is the priority one and which the last.
        yield self.fact("application_deadlines", main.block("applications", "accepted", "until"), page)
        # The spring and summer cells say the program does not admit then.
        yield self.fact("start_terms", " ".join(filter(None, (main.row(f"{term} Deadline")
                                                             for term in ("Fall", "Spring", "Summer")))), page)
        yield self.fact("entrance_exam", main.row("GRE"), page)
        yield self.fact("min_gpa", main.sentence("grade-point average"), page)

    @expects("total_credits")
    def parse_requirements(self, page):
        # "Starting in the Fall of 2022, the iSchool curriculum is 36-credits", not the 39 of
        # those who began earlier.
        yield self.fact("total_credits", page.main.sentence("Starting", "curriculum", "credits"), page)

    @expects("tuition")
    def parse_funding(self, page):
        yield self.fact("tuition", page.main.sentence("online tuition", "per credit"), page)

    @expects("application_fee")
    def parse_fee(self, page):
        # "Your application fee is $75 ..." / "The application fee is $56.00 U.S."; the $6
        # international processing fee is a sentence of its own, and the FAQ question ("How much is
        # the application fee?") is not its answer.
        yield self.fact("application_fee", page.main.sentence("application fee is"), page)
