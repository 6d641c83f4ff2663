from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_in


class TwuSpider(ProgramSpider):
    """MLS, and the MLS with a graduate certificate (each path its own program and page)."""

    name = "twu"
    institution = Institution(name="Texas Woman's University", city="Denton", state="TX", control="public",
                              website="twu.edu", ipeds_unitid="228529")
    allowed_domains = ["twu.edu"]
    start_pages = {"https://twu.edu/slis/programs-admission-requirements/": "parse_programs"}
    id_omits = ("Certificate in",)  # "MLS with Certificate in School Librarianship" -> mls-school-librarianship

    def parse_programs(self, page):
        main = page.main
        # Program cards; the MA, the dual degree and stand-alone certificates are other programs.
        # A card's title names the program its page defines (the page's own title, once read).
        for title, url in main.anchors(text="Master of Library Science") + main.anchors(text="MLS with Certificate"):
            yield from self.follow(page, url, self.parse_program, programs=[self.program_slug(title)])
        yield from self.follow(page, main.link(text="Graduate School"), self.parse_graduate_school)

    @expects("name", "degree", "total_credits", "delivery", "ala_accredited", "min_gpa", "entrance_exam",
             "application_deadlines", "start_terms")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")  # "Master of Library Science (MLS)", "MLS with Certificate in School Librarianship"
        program = self.program_slug(title)
        yield from self.program(program, page, name=title, degree=title, concentration=concentration_in(title))
        facts = {
            "total_credits": main.xpath(".//p/strong[contains(., 'credit hours')]"),
            "delivery": main.sentence("100% online") or main.sentence("fully online"),
            "ala_accredited": main.sentence("accredited", "American Library Association"),
            # The admission accordions: collapsed (hidden), their text is in the HTML.
            "min_gpa": main.section("Grade Point Average"),
            "entrance_exam": main.section("Standardized Test Scores"),
        }
        # The heading carries a badge ("Spring 2027 applications open"): not a deadline.
        deadlines = main.under_headings(".//ul[contains(@class, 'deadline-list')]")
        facts["application_deadlines"] = facts["start_terms"] = deadlines[0] if deadlines else None
        for field, text in facts.items():
            yield self.fact(field, text, page, programs=[program])
        catalog = main.link(href="catalog.twu.edu/graduate/")
        if catalog or program == "mls":  # the MLS page links its catalog entry; a certificate page may not
            yield from self.follow(page, catalog, self.parse_catalog)

    @expects("total_credits", "delivery", "synchronous")
    def parse_catalog(self, page):
        main = page.main
        yield self.fact("total_credits", main.row("Total Semester Credit Hours"), page)
        yield self.fact("delivery", main.sentence("entirely online"), page)
        yield self.fact("synchronous", main.section("Program Delivery", with_heading=False), page)

    @expects("application_fee")
    def parse_graduate_school(self, page):
        main = page.main
        yield self.fact("application_fee", main.row("Domestic applicants"), page)

    def program_slug(self, title):
        """The program a title names: "MLS with Certificate in School Librarianship" -> the
        certificate's (mls-school-librarianship); "Master of Library Science (MLS)" -> "mls"."""
        concentration = concentration_in(title)
        return self.concentration_id("mls", concentration) if concentration else "mls"
