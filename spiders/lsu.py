from functools import partial

from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.rows import for_terms
from crawler.normalize.vocabulary import FACT_WORDS


class LsuSpider(ProgramSpider):
    """MLIS (online, School of Information Studies); the focus areas a rankings site lists are
    programs of their own. The program page states no deadlines, fee or admission GPA: those are
    the Graduate School's, read from its own pages and labelled as such."""

    name = "lsu"
    institution = Institution(name="Louisiana State University and A&M College", city="Baton Rouge", state="LA", control="public",
                              website="lsu.edu", ipeds_unitid="159391")
    allowed_domains = ["lsu.edu"]
    start_pages = {
        "https://www.lsu.edu/chse/sis/programs/graduate_programs/mlis.php": "parse_program",
        "https://lsu.edu/graduateschool/admissions/beforeyouapply.php": "parse_graduate_deadlines",
        "https://www.lsu.edu/graduateschool/prospective-students/faqs.php": "parse_graduate_faq",
    }
    focus_areas = ("Academic Librarianship", "Public Librarianship")
    terms = ("Fall", "Spring")  # the MLIS admits in these only

    @expects("name", "degree", "total_credits", "delivery", "start_terms", "entrance_exam", "ala_accredited")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("mlis", page, name=title, degree=title)
        # "a minimum of 36 semester hours (18 hours of core ...)": the degree's own total.
        yield self.fact("total_credits", main.sentence("minimum", "semester hours"), page)
        online = main.sentence("asynchronous", "online")  # "100% asynchronous online with no on-campus requirements"
        yield self.fact("delivery", online, page)
        yield self.fact("synchronous", online, page)
        yield self.fact("start_terms", main.sentence("admitted", "Fall"), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "waived"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "ALA"), page)
        yield self.fact("duration", main.sentence("within", "years"), page)
        # The focus areas' programs share the program's name and degree.
        read = partial(self.parse_focus_areas, name=title)
        read.__name__ = "parse_focus_areas"
        yield from self.follow(page, main.link(text="Focus Areas"), read)

    def parse_focus_areas(self, page, name):
        # One heading per focus area; the abbreviation list above them says "Librarianships (Academic)".
        areas = [a for a in dict.fromkeys(page.main.texts("h2, h3, h4, summary, button, dt, strong")) if a in self.focus_areas]
        for area in areas:
            yield from self.program(self.concentration_id("mlis", area), page, name=name, degree=name, concentration=area)

    @expects("application_deadlines")
    def parse_graduate_deadlines(self, page):
        # Whose dates these are: the unit the title names ("Before You Apply | LSU Graduate School").
        school = (page.css("title") or "").rpartition("|")[2].strip()
        # One list per applicant group, under its heading: "International Students Fall - April 15".
        for line in page.main.under_headings(".//li"):
            if for_terms(line, self.terms) and "non-degree" not in line.casefold():
                yield self.fact("application_deadlines", f"{school} {line}", page)

    @expects("application_fee", "min_gpa")
    def parse_graduate_faq(self, page):
        main = page.main
        # The fee is in the answer to "How do I apply?"; the GPA question is answered below it.
        yield self.fact("application_fee", main.sentence("fee", "application"), page)
        yield self.fact("min_gpa", next(filter(None, map(main.section, FACT_WORDS["min_gpa"][::-1])), None), page)
