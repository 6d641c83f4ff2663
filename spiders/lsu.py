from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.rows import for_terms


class LsuSpider(ProgramSpider):
    """MLIS (online); the focus areas a rankings site lists are programs of their own.

    The School's program deadlines and the Graduate School's general ones disagree; both are
    official, so both are kept (the Graduate School's labelled as such).
    """

    name = "lsu"
    institution = Institution(name="Louisiana State University and A&M College", city="Baton Rouge", state="LA", control="public",
                              website="lsu.edu", ipeds_unitid="159391")
    allowed_domains = ["lsu.edu"]
    # The Graduate School's list links the program page wherever it lives (/chse/slis/ until
    # the 2023 rename, /chse/sis/ since).
    start_pages = {"https://www.lsu.edu/graduateschool/programs/": "parse_programs"}
    focus_areas = ("Academic Libraries", "Public Libraries")
    terms = ("Fall", "Spring")  # the MLIS admits in these only; other dates are for certificates

    def parse_programs(self, page):
        main = page.main
        yield from self.follow(page, main.link(text="Library and Information Science"), self.parse_program)

    @expects("name", "degree", "delivery", "start_terms", "entrance_exam", "ala_accredited")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")
        # Focus areas sit in a collapsed accordion; their text is in the HTML.
        areas = [a for a in main.labels(".accordion-button") if a in self.focus_areas]
        yield from self.programs("mlis", page, areas, name=title, degree=title)
        yield self.fact("delivery", main.sentence("courses", "online"), page)
        yield self.fact("synchronous", main.sentence("asynchronous"), page)
        yield self.fact("start_terms", main.sentence("admitted", "Fall"), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "waived"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield self.fact("duration", main.sentence("complete the degree within"), page)
        yield from self.follow(page, main.link(href="/programs/admissions.php"), self.parse_admissions)
        yield from self.follow(page, main.link(text="application requirements and deadlines"), self.parse_graduate_deadlines)
        yield from self.follow(page, main.link(text="Graduate School FAQs"), self.parse_graduate_faq)
        yield from self.follow(page, main.link(href="catalog.lsu.edu/preview_program.php"), self.parse_catalog)

    @expects("application_deadlines", "min_gpa", "entrance_exam")
    def parse_admissions(self, page):
        main = page.main
        for deadline in main.list_items("Application Deadlines"):  # "May 15 for the Fall semester"
            if for_terms(deadline, self.terms):
                yield self.fact("application_deadlines", deadline, page)
        yield self.fact("min_gpa", main.sentence("grade point average", "at least"), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "unconditional admission"), page)

    @expects("application_deadlines")
    def parse_graduate_deadlines(self, page):
        main = page.main
        school = page.css(".unit-bar")  # "The Graduate School"
        # One cell per term and applicant group: "Domestic Applicants Fall: June 30".
        for cell in main.cells("table"):
            if for_terms(cell, self.terms):
                yield self.fact("application_deadlines", f"{school} {cell}" if school else cell, page)

    @expects("application_fee")
    def parse_graduate_faq(self, page):
        main = page.main
        yield self.fact("application_fee", main.sentence("application fee", "U.S. citizens"), page)

    @expects("total_credits")
    def parse_catalog(self, page):
        # "Total Hours: 36". The program page's "36 semester-hour program: 18 hours of core ..."
        # is not read: one statement of the total is enough, and this one is unambiguous.
        yield self.fact("total_credits", page.xpath("//h2[starts-with(normalize-space(), 'Total Hours')]"), page)
