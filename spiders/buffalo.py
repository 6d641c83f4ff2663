from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_name
from crawler.normalize.rows import for_career, rate_field


class BuffaloSpider(ProgramSpider):
    """MS Information and Library Science (each concentration its own program) and MS School
    Librarianship. Buffalo State (buffalostate.edu) is a separate campus: never read."""

    name = "buffalo"
    institution = Institution(name="University at Buffalo (SUNY)", city="Buffalo", state="NY", control="public",
                              website="buffalo.edu", ipeds_unitid="196088")
    allowed_domains = ["buffalo.edu"]
    start_programs = {"https://ed.buffalo.edu/information/academics/masters/school-librarianship.html":
                      ("ms-school-librarianship",)}
    faq = "https://ed.buffalo.edu/information/academics/masters/library-science/faq.html"
    # The program pages moved out of /information/ in 2025 and Student Accounts renamed its
    # online-rates page; the older URLs answer with a redirect to the newer ones.
    start_pages = {
        "https://ed.buffalo.edu/information/academics/masters/library-science.html": "parse_ils",
        "https://ed.buffalo.edu/information/academics/masters/school-librarianship.html": "parse_school_librarianship",
        "https://www.buffalo.edu/studentaccounts/tuition-and-fees/winter.non-resident-online.html": "parse_tuition",
    }

    @expects("name", "degree", "total_credits", "duration", "delivery", "application_deadlines", "ala_accredited")
    def parse_ils(self, page):
        main = page.main
        name, degree = main.css("h1"), main.row("Academic credential granted")
        # An unheaded list after "Concentrations are available within this program ...";
        # "Law librarianship, with a concurrent JD" names "Law librarianship".
        concentrations = main.list_after("Concentrations", "available")
        yield from self.programs("ms-ils", page, concentrations, name=name, degree=degree)
        programs = ["ms-ils", *(self.concentration_id("ms-ils", concentration_name(c)) for c in concentrations)]
        yield from self.overview(page, main, programs)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page, programs)
        yield from self.follow(page, self.faq, self.parse_faq, programs=programs)  # its FAQ, by its URL

    @expects("name", "degree", "total_credits", "duration", "delivery", "application_deadlines")
    def parse_school_librarianship(self, page):
        main = page.main
        yield from self.program("ms-school-librarianship", page, name=main.css("h1"),
                                degree=main.row("Academic credential granted"))
        yield from self.overview(page, main, ["ms-school-librarianship"])

    def overview(self, page, main, programs):
        """The key/value table a program page opens with, for that page's programs."""
        # The deadline cell packs both terms ("Fall: May 1 Spring: Nov. 1").
        deadlines = main.row("Application deadline", with_label=False)
        facts = {
            "total_credits": main.row("Credits required"),
            "duration": main.row("Time to completion"),
            "delivery": main.row("Course delivery"),
            "application_deadlines": deadlines,
            "start_terms": deadlines,
        }
        for field, text in facts.items():
            yield self.fact(field, text, page, programs=programs)

    @expects("min_gpa")
    def parse_faq(self, page):
        # Titled for the ILS degree; its answers are the department's admission rules.
        # The question names the fact ("What is the minimum undergraduate GPA ...?"); the answer states it.
        programs = page.response.meta.get("mlis_programs")  # the ILS programs it was followed for
        yield self.fact("min_gpa", page.main.answer("minimum", "GPA"), page, programs)

    @expects("tuition", "fees")
    def parse_tuition(self, page):
        # One rate table by career; columns "Tuition: / Fees*: / Total**: Non-Resident Online Per Credit Hour".
        for cell in page.main.cells("table"):  # "Tuition: Non-Resident Online ... Graduate (includes Certificates): $565.00"
            field = rate_field(cell)
            if field and for_career(cell, "Graduate"):
                yield self.fact(field, cell, page)
