from crawler.crawl.platforms import RateTable, label_value
from crawler.crawl.spider import Institution, expects


class PittSpider(RateTable):
    """MLIS, on campus or online: one page holds credits, deadlines and the tuition table. Its
    deadline column "Domestic and Online International Students" is not read: the deadline
    parser keeps only "online, international" of it, and domestic applicants would be lost."""

    name = "pitt"
    institution = Institution(name="University of Pittsburgh", city="Pittsburgh", state="PA", control="public",
                              website="pitt.edu", ipeds_unitid="215293")
    allowed_domains = ["pitt.edu"]
    start_pages = {"https://www.sci.pitt.edu/academics/masters-degrees/library-and-information-science-mlis": "parse_program"}
    tuition_rows = ("PA Residents", "Out-of-State Residents")  # per term (full-time) and per credit

    @expects("name", "degree", "total_credits", "delivery", "tuition")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("mlis", page, name=title, degree=title)
        for field, label in (("total_credits", "Credits"), ("duration", "Duration"), ("delivery", "Format")):
            yield self.fact(field, label_value(main, label), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "not required"), page)
        yield from self.parse_tuition(page)
        yield from self.follow(page, main.link(text="MLIS Online"), self.parse_online)

    @expects("ala_accredited")
    def parse_online(self, page):
        yield self.fact("ala_accredited", page.main.sentence("ALA accreditation"), page)
