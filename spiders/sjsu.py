from crawler.crawl.platforms import AcalogCatalog, RateSentence
from crawler.crawl.spider import Institution, expects


class SjsuSpider(AcalogCatalog, RateSentence):
    """MLIS, fully online. Tuition splits by session: Regular Session (local zip codes) pays the
    CSU's flat semester rate, which the page does not state; Special Session a rate per unit."""

    name = "sjsu"
    institution = Institution(name="San José State University", city="San Jose", state="CA", control="public",
                              website="sjsu.edu", ipeds_unitid="122755")
    allowed_domains = ["sjsu.edu"]
    start_pages = {
        "https://catalog.sjsu.edu/preview_program.php?catoid=14&poid=8517": "parse_catalog",
        "https://ischool.sjsu.edu/programs/mlis/fees": "parse_tuition",
        "https://ischool.sjsu.edu/mlis-how-apply": "parse_apply",
    }
    tuition_words = ("Special Session",)

    def parse_catalog_more(self, main):
        yield self.fact("delivery", main.sentence("fully online"), main)
        yield self.fact("min_gpa", main.sentence("GPA", "at least"), main)

    @expects("start_terms")
    def parse_apply(self, page):
        yield self.fact("start_terms", page.main.sentence("applications", "a year"), page)
