from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_in, concentration_name
from crawler.normalize.rows import stated_rate


class UsmSpider(ProgramSpider):
    """MLIS; each emphasis (graduate certificate path) is its own program. Emphases are completed
    within the MLIS hours and admission is to the MLIS, so the MLIS pages' facts hold for all."""

    name = "usm"
    institution = Institution(name="University of Southern Mississippi", city="Hattiesburg", state="MS", control="public",
                              website="usm.edu", ipeds_unitid="176372")
    allowed_domains = ["usm.edu"]
    start_pages = {"https://www.usm.edu/library-information-science/": "parse_school"}
    id_omits = ("and",)  # "Archives and Special Collections" -> mlis-archives-special-collections

    @expects("delivery", "synchronous", "ala_accredited")
    def parse_school(self, page):
        main = page.main
        yield self.fact("delivery", main.sentence("fully online"), page)
        yield self.fact("synchronous", main.sentence("synchronous"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield from self.follow(page, main.link(text="Master of Library and Information Science"), self.parse_mlis)
        yield from self.follow(page, main.link(text="Southern Miss Online"), self.parse_online)

    @expects("name", "degree", "total_credits", "min_gpa", "entrance_exam")
    def parse_mlis(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("mlis", page, name=title, degree=title)
        yield self.fact("total_credits", main.sentence("credit hours"), page)  # "The MLIS requires 40* credit hours:"
        requirements = main.list_items("Admission Requirements")
        yield self.fact("min_gpa", next((r for r in requirements if "GPA" in r), None), page)
        yield self.fact("entrance_exam", next((r for r in requirements if "GRE" in r), None), page)
        yield self.fact("application_deadlines", main.sentence("rolling"), page)  # no fixed dates
        # "MLIS with Archives and Special Collections"; the licensure emphasis ("MLIS with School
        # Library Licensure emphasis") is a section (#licensure) of the youth services page.
        emphases = {}
        for title, url in main.anchors(text="MLIS with"):
            emphases.setdefault(url.partition("#")[0], []).append(self.emphasis_id(concentration_in(title)))
        for url, programs in emphases.items():
            yield from self.follow(page, url, self.parse_emphasis, programs=programs)
        yield from self.follow(page, main.link(text="Graduate Bulletin"), self.parse_catalog)
        yield from self.follow(page, main.link(text="pricing"), self.parse_pricing)

    @expects("name", "concentration", "total_credits", "delivery", "synchronous")
    def parse_emphasis(self, page):
        main = page.main
        title = main.css("h1")  # "MLIS with Archives and Special Collections"
        concentration = concentration_in(title)
        yield from self.emphasis(page, concentration, name=title, degree=title)
        # "The combined program is completed within the 40* hours of the MLIS, fully online with
        # weekly synchronous class meetings."
        details = main.sentence("combined program")
        for field in ("total_credits", "delivery", "synchronous"):
            yield self.fact(field, details, page, programs=[self.emphasis_id(concentration)])
        licensure = main.css("#licensure")  # "School Library Licensure Emphasis"
        if licensure:
            # "... by completing the MLIS with the school library licensure emphasis."
            yield from self.emphasis(page, concentration_name(licensure), name=licensure,
                                     degree=main.sentence("MLIS", "licensure"))

    def emphasis(self, page, concentration, **identity):
        return self.program(self.emphasis_id(concentration), page, concentration=concentration, **identity)

    def emphasis_id(self, concentration):
        """"Archives and Special Collections" -> "mlis-archives-special-collections"; no name -> an
        invalid id, reported by `program` rather than an invented program."""
        return self.concentration_id("mlis", concentration)

    @expects("total_credits", "duration", "delivery", "synchronous", "entrance_exam", "ala_accredited")
    def parse_online(self, page):
        main = page.main
        yield self.fact("total_credits", main.sentence("credit hours"), page)
        # The Program-at-a-Glance box sits in an aside, outside <main>.
        yield self.fact("duration", page.row("Completion Time"), page)
        yield self.fact("delivery", page.row("Format"), page)
        yield self.fact("synchronous", page.row("Format"), page)
        yield self.fact("entrance_exam", main.section("Do I need a GRE score", with_heading=False), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield from self.follow(page, main.link(text="pricing"), self.parse_pricing)

    @expects("min_gpa", "total_credits")
    def parse_catalog(self, page):
        content = page.within(".block_n2_and_content") or page
        yield self.fact("min_gpa", content.sentence("GPA"), page)
        yield self.fact("total_credits", content.sentence("Total Hours"), page)

    @expects("tuition")
    def parse_pricing(self, page):
        rows = page.under_headings("//*[contains(@class, 'price-card')][starts-with(normalize-space(h2), 'Graduate')]"
                                   "//*[contains(@class, 'price-row')]")
        for row in rows:  # "Part Time 1-8 HOURS Cost per Hour $556.12"
            if stated_rate(row):  # per year and per 3-hour course multiply the stated rates out
                yield self.fact("tuition", row, page)
