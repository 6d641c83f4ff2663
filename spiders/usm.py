import re

from crawler.crawl.spider import Institution, ProgramSpider, expects, slug


class UsmSpider(ProgramSpider):
    """MLIS; each emphasis (graduate certificate path) is its own program. Emphases are completed
    within the MLIS hours and admission is to the MLIS, so the MLIS pages' facts hold for all."""

    name = "usm"
    institution = Institution("University of Southern Mississippi", "Hattiesburg", "MS", "public", "usm.edu", "176372")
    allowed_domains = ["usm.edu"]
    start_pages = {"https://www.usm.edu/library-information-science/": "parse_school"}

    @expects("delivery", "synchronous", "ala_accredited")
    def parse_school(self, page):
        main = page.within("main") or page
        yield self.fact("delivery", main.sentence("fully online"), page)
        yield self.fact("synchronous", main.sentence("synchronous"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield self.follow(page, main.link(text="Master of Library and Information Science"), self.parse_mlis)
        yield self.follow(page, main.link(text="Southern Miss Online"), self.parse_online)

    @expects("name", "degree", "total_credits", "min_gpa", "entrance_exam")
    def parse_mlis(self, page):
        main = page.within("main") or page
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
            concentration = re.sub(r"\s+emphasis$", "", title.removeprefix("MLIS with "), flags=re.I)
            emphases.setdefault(url.partition("#")[0], []).append(emphasis_id(concentration))
        for url, programs in emphases.items():
            yield self.follow(page, url, self.parse_emphasis, programs=programs)
        yield self.follow(page, main.link(text="Graduate Bulletin"), self.parse_catalog)
        yield self.follow(page, main.link(text="pricing"), self.parse_pricing)

    @expects("name", "concentration", "total_credits", "delivery", "synchronous")
    def parse_emphasis(self, page):
        main = page.within("main") or page
        title = main.css("h1") or ""  # "MLIS with Archives and Special Collections"
        concentration = title.removeprefix("MLIS with ")
        yield from self.emphasis(page, concentration, name=title, degree=title)
        # "The combined program is completed within the 40* hours of the MLIS, fully online with
        # weekly synchronous class meetings."
        details = main.sentence("combined program")
        for field in ("total_credits", "delivery", "synchronous"):
            yield self.fact(field, details, page, programs=[emphasis_id(concentration)])
        licensure = main.css("#licensure")  # "School Library Licensure Emphasis"
        if licensure:
            # "... by completing the MLIS with the school library licensure emphasis."
            yield from self.emphasis(page, re.sub(r"\s+Emphasis$", "", licensure, flags=re.I), name=licensure,
                                     degree=main.sentence("MLIS", "licensure"))

    def emphasis(self, page, concentration, **identity):
        return self.program(emphasis_id(concentration), page, concentration=concentration, **identity)

    @expects("total_credits", "duration", "delivery", "synchronous", "entrance_exam", "ala_accredited")
    def parse_online(self, page):
        main = page.within("main") or page
        yield self.fact("total_credits", main.sentence("credit hours"), page)
        # The Program-at-a-Glance box sits in an aside, outside <main>.
        yield self.fact("duration", page.row("Completion Time"), page)
        yield self.fact("delivery", page.row("Format"), page)
        yield self.fact("synchronous", page.row("Format"), page)
        yield self.fact("entrance_exam", main.section("Do I need a GRE score", with_heading=False), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield self.follow(page, main.link(text="pricing"), self.parse_pricing)

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
            # Per semester and per hour are the rates; per year and per 3-hour course multiply them out.
            if re.search(r"\bper (Semester|Hour)\b", row):
                yield self.fact("tuition", row, page)


def emphasis_id(concentration):
    """"Archives and Special Collections" -> "mlis-archives-special-collections"."""
    return "mlis-" + slug(re.sub(r"\band\b", " ", concentration))
