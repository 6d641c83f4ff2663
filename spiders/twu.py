from crawler.crawl.platforms import courseleaf
from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_in


class TwuSpider(ProgramSpider):
    """MLS, and the MLS paths with a certificate (each its own program and page). The SLIS program
    pages state admission; the catalog states credits; Graduate Admissions states the fee and the
    GRE rule for every graduate program."""

    name = "twu"
    institution = Institution(name="Texas Woman's University", city="Denton", state="TX", control="public",
                              website="twu.edu", ipeds_unitid="229179")
    allowed_domains = ["twu.edu"]
    start_pages = {
        "https://twu.edu/slis/programs-admission-requirements/": "parse_programs",
        "https://catalog.twu.edu/graduate/professional-education/library-information-studies/library-science-mls/":
            "parse_catalog",
    }
    id_omits = ("Certificate in",)  # "MLS with Certificate in School Librarianship" -> mls-school-librarianship
    # A renamed path keeps its id: "MLS with School Librarian Certification" (until 2025) is the same program.
    renamed = {"mls-school-librarian-certification": "mls-school-librarianship"}

    def parse_programs(self, page):
        main = page.main
        # The MA, the dual degree and stand-alone certificates are other programs. A link's text
        # names the program its page defines (that page's own title, once read).
        for title, url in main.anchors(text="Master of Library Science") + main.anchors(text="MLS with"):
            read = self.parse_program if concentration_in(title) else self.parse_mls
            yield from self.follow(page, url, read, programs=[self.program_slug(title)])

    @expects("name", "degree", "delivery", "ala_accredited", "min_gpa", "application_deadlines", "start_terms")
    def parse_mls(self, page):
        """The MLS page: a program page that also states admission (GPA, preferred deadlines)."""
        yield from self.parse_program(page)
        # Only here: a certificate page states no GPA of its own (any it holds is another program's).
        yield self.fact("min_gpa", page.main.mention("min_gpa"), page, programs=["mls"])

    @expects("name", "degree", "delivery", "ala_accredited")
    def parse_program(self, page):
        """A SLIS program page, or the catalog entry a program has instead."""
        main = page.main
        title = main.css("h1")  # "Master of Library Science (MLS)", "MLS with Certificate in School Librarianship"
        program = self.program_slug(title)
        yield from self.program(program, page, name=title, degree=title, concentration=concentration_in(title))
        facts = {
            "delivery": main.sentence("entirely online"),
            "ala_accredited": main.sentence("accredited", "American Library Association"),
            "application_deadlines": main.section("Preferred Application Deadlines"),
            "start_terms": main.section("Preferred Application Deadlines"),
        }
        for field, text in facts.items():
            yield self.fact(field, text, page, programs=[program])
        how_to_apply = main.link(text="How to Apply")
        if how_to_apply:  # every SLIS page links it; the catalog entry does not
            yield from self.follow(page, how_to_apply, self.parse_graduate_admissions)

    @expects("total_credits")
    def parse_catalog(self, page):
        # A CourseLeaf program page: the platform's reader finds the program's total ("Total
        # Semester Credit Hours 36"), not a course group's hours.
        yield self.fact("total_credits", courseleaf(page.main).total_credits, page, programs=["mls"])

    @expects("application_fee", "entrance_exam")
    def parse_graduate_admissions(self, page):
        main = page.main
        yield self.fact("application_fee", main.section("application fee"), page)  # "2. Pay the application fee"
        yield self.fact("entrance_exam", main.mention("entrance_exam"), page)  # "Until further notice, the GRE is not required"

    def program_slug(self, title):
        """The program a title names: "MLS with Certificate in School Librarianship" ->
        mls-school-librarianship; "Master of Library Science (MLS)" -> "mls"."""
        concentration = concentration_in(title)
        slug = self.concentration_id("mls", concentration) if concentration else "mls"
        return self.renamed.get(slug, slug)
