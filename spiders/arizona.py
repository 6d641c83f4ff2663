from crawler.crawl.spider import Institution, ProgramSpider, expects


class ArizonaSpider(ProgramSpider):
    """MA in Library and Information Science; each catalog emphasis area is its own program."""

    name = "arizona"
    institution = Institution(name="University of Arizona", city="Tucson", state="AZ", control="public",
                              website="arizona.edu", ipeds_unitid="104179")
    allowed_domains = ["arizona.edu"]
    start_pages = {
        "https://grad.arizona.edu/catalog/programinfo/LISMA": "parse_catalog",
        # Since the college's rename this answers with a redirect to infosci.arizona.edu.
        "https://ischool.arizona.edu/ma-library-information-science": "parse_overview",
    }

    @expects("degree", "total_credits", "start_terms")
    def parse_catalog(self, page):
        main = page.main
        degree = main.row("Degree Title")
        yield from self.programs("ma-lis", page, main.list_items("Emphasis Areas"), degree=degree)
        yield self.fact("total_credits", main.row("Minimum Total Units"), page)
        yield self.fact("start_terms", main.row("Admission Terms"), page)

    @expects("name", "delivery", "ala_accredited")
    def parse_overview(self, page):
        main = page.main
        yield self.fact("name", main.css("h1"), page)
        yield self.fact("delivery", main.sentence("campus", "online"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        # "Admissions" in older versions of the site, "Admissions & Cost" since 2025.
        yield from self.follow(page, main.link(text="Admissions"), self.parse_admissions)

    @expects("application_deadlines", "min_gpa")
    def parse_admissions(self, page):
        main = page.main
        # One list per campus (or, on older pages, per applicant group), under its heading;
        # the lists sit in an accordion whose text is in the HTML even while collapsed.
        for deadlines in main.under_headings("//ul[li[starts-with(normalize-space(), 'Fall')]]"):
            yield self.fact("application_deadlines", deadlines, page)
        yield self.fact("min_gpa", main.sentence("minimum", "GPA"), page)
        yield self.fact("entrance_exam", main.sentence("GRE"), page)
        for cost in main.texts(".cost-block"):
            yield self.fact("tuition", cost, page)
