from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_name
from crawler.normalize.rows import for_career, rate_field


class BuffaloSpider(ProgramSpider):
    """MS Information and Library Science (each concentration its own program) and MS School
    Librarianship. Every page footer links Buffalo State, a separate campus: never followed."""

    name = "buffalo"
    institution = Institution(name="University at Buffalo (SUNY)", city="Buffalo", state="NY", control="public",
                              website="buffalo.edu", ipeds_unitid="196088")
    allowed_domains = ["buffalo.edu"]
    start_pages = {"https://ed.buffalo.edu/information.html": "parse_department"}

    def parse_department(self, page):
        main = page.main
        # Each program page defines its program(s): its failure concerns them only.
        yield from self.follow(page, main.link(text="Information and Library Science"), self.parse_ils, programs=["ms-ils"])
        yield from self.follow(page, main.link(text="School Librarianship"), self.parse_school_librarianship,
                          programs=["ms-school-librarianship"])

    @expects("name", "degree", "total_credits", "duration", "delivery", "application_deadlines", "ala_accredited")
    def parse_ils(self, page):
        main = page.main
        name, degree = main.css("h1"), main.row("Academic credential granted")
        # "Law Librarianship (Joint JD/MS with the UB School of Law)": the name is "Law Librarianship".
        concentrations = [concentration_name(title) for title in main.titles("Concentrations")]
        yield from self.programs("ms-ils", page, concentrations, name=name, degree=degree)
        programs = ["ms-ils", *(self.concentration_id("ms-ils", c) for c in concentrations)]
        yield from self.overview(page, main, programs)
        yield from self.follow(page, main.link(text="FAQ"), self.parse_faq)
        yield from self.follow(page, main.link(text="tuition and fees"), self.parse_tuition)
        yield from self.follow(page, main.link(text="School Librarianship"), self.parse_school_librarianship,
                          programs=["ms-school-librarianship"])

    @expects("name", "degree", "total_credits", "duration", "delivery", "application_deadlines", "ala_accredited")
    def parse_school_librarianship(self, page):
        main = page.main
        yield from self.program("ms-school-librarianship", page, name=main.css("h1"),
                                degree=main.row("Academic credential granted"))
        yield from self.overview(page, main, ["ms-school-librarianship"])
        yield from self.follow(page, main.link(text="Student Accounts"), self.parse_tuition)

    def overview(self, page, main, programs):
        """The key/value table both program pages open with."""
        # The deadline cell packs both terms ("Fall: May 1 Spring: Nov. 1"); its label carries a badge.
        deadlines = main.row("Application deadline", with_label=False)
        facts = {
            "total_credits": main.row("Credits required"),
            "duration": main.row("Time to completion"),
            "delivery": main.row("Course delivery"),
            "application_deadlines": deadlines,
            "start_terms": deadlines,
            "ala_accredited": main.sentence("accredited"),
        }
        for field, text in facts.items():
            yield self.fact(field, text, page, programs=programs)

    @expects("min_gpa", "application_fee")
    def parse_faq(self, page):
        # Titled for the ILS degree; the School Librarianship page sends admission questions here too.
        main = page.main
        yield self.fact("min_gpa", main.sentence("minimum", "GPA"), page)
        yield self.fact("application_fee", main.sentence("application", "fee"), page)

    @expects("tuition", "fees")
    def parse_tuition(self, page):
        # Only the non-resident tab states rates (the resident tab says they are being updated).
        panel = page.within("#non-resident-online") or page
        term = panel.css("h3")  # "Non-Resident Online – Winter 2025"
        for cell in panel.cells("table"):  # "Tuition Per Credit Hour Graduate (includes Certificates): $565.00"
            field = rate_field(cell)
            if field and for_career(cell, "Graduate"):
                yield self.fact(field, " ".join(filter(None, [term, cell])), page)
