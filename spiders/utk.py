import re

from crawler.crawl.spider import Institution, ProgramSpider, expects

_CHOICE = re.compile(r"“(?P<name>[^”]+?)\.?”")  # the application's program choice, quoted


class UtkSpider(ProgramSpider):
    """MSIS, by distance education (live, synchronous classes in Zoom). Tuition is not read: the
    school's tuition page (sis.utk.edu/admission/msis/tuition) states only estimated
    tuition-and-fees totals for the whole program, a combined figure that is neither a tuition
    nor a fee (fixtures/notes/utk.md)."""

    name = "utk"
    institution = Institution(name="University of Tennessee, Knoxville", city="Knoxville", state="TN",
                              control="public", website="utk.edu", ipeds_unitid="221759")
    allowed_domains = ["utk.edu"]
    start_pages = {
        "https://sis.utk.edu/admissions": "parse_admissions",
        "https://sis.utk.edu/exploreprograms/masters/de": "parse_distance",
    }

    @expects("name", "degree", "min_gpa", "application_fee", "entrance_exam")
    def parse_admissions(self, page):
        main = page.main
        choice = _CHOICE.search(main.sentence("Online Students", "choose") or "")
        title = choice["name"] if choice else None  # "Information Sciences – MS (Distance Education)"
        yield from self.program("msis", page, name=title, degree=title)
        yield self.fact("min_gpa", main.mention("min_gpa", "transcripts"), page)
        yield self.fact("application_fee", main.mention("application_fee"), page)
        yield self.fact("entrance_exam", main.mention("entrance_exam"), page)

    @expects("total_credits", "delivery", "synchronous", "start_terms", "ala_accredited")
    def parse_distance(self, page):
        main = page.main
        yield self.fact("total_credits", main.sentence("credit-hour program"), page)
        delivery = main.sentence("distance education", "synchronous")
        yield from (self.fact(field, delivery, page) for field in ("delivery", "synchronous"))
        yield self.fact("start_terms", main.sentence("admitted each"), page)
        yield self.fact("ala_accredited", main.sentence("ALA-accredited"), page)

