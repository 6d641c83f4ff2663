from crawler.crawl.platforms import CourseLeafCatalog, RateSentence
from crawler.crawl.spider import Institution, expects


class IllinoisSpider(CourseLeafCatalog, RateSentence):
    """MS in LIS, its online option (Leep): the online section's per-credit rates, not the
    on-campus ranges per semester. The catalog's "Minimum GPA: 2.75" is to graduate: not read."""

    name = "illinois"
    institution = Institution(name="University of Illinois Urbana-Champaign", city="Champaign", state="IL",
                              control="public", website="illinois.edu", ipeds_unitid="145637")
    allowed_domains = ["illinois.edu"]
    start_pages = {
        "https://catalog.illinois.edu/graduate/graduate-majors/library-info-sci/ms-library-info-sciences/": "parse_catalog",
        "https://ischool.illinois.edu/future-students/tuition-aid": "parse_tuition",
        "https://ischool.illinois.edu/academics/graduate/ms-library-and-information-science/faq": "parse_faq",
    }
    catalog_program = "ms-lis-online"
    tuition_words = ("Per Credit Hour Rate",)

    def parse_catalog_more(self, main):
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), main)

    @expects("delivery")
    def parse_faq(self, page):
        main = page.main
        yield self.fact("delivery", main.sentence("completed online"), page)
        yield self.fact("synchronous", main.sentence("taught synchronously"), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "not required"), page)
