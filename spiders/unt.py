from crawler.crawl.spider import Institution, ProgramSpider, expects


class UntSpider(ProgramSpider):
    """MS, Library Science major, completely online (or in Denton, or in Houston). Tuition: the
    Out-of-State Teaching Fee table's newest stored copy is for 2020-21 and states no rate for
    Texas residents: not read. The program of study's "Thirty-six credit hours" is the total,
    not the core's "(9 credit hours)"."""

    name = "unt"
    institution = Institution(name="University of North Texas", city="Denton", state="TX", control="public",
                              website="unt.edu", ipeds_unitid="227216")
    allowed_domains = ["unt.edu"]
    start_pages = {"https://informationscience.unt.edu/master-science": "parse_program"}

    @expects("name", "degree", "delivery", "ala_accredited")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("ms-ls", page, name=title, degree=title)
        yield self.fact("delivery", main.sentence("Completely Online"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield from self.follow(page, main.link(text="MS-LS General Program of Study"), self.parse_study)

    @expects("total_credits")
    def parse_study(self, page):
        requirements = page.main.list_items("General Requirements")
        yield self.fact("total_credits", next((r for r in requirements if "coursework" in r), None), page)
