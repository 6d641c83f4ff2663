from crawler.crawl.platforms import RateSentence
from crawler.crawl.spider import Institution, expects
from crawler.normalize.rows import for_terms


class ValdostaSpider(RateSentence):
    """MLIS, online; eTuition is one rate for every residency. The department's 36 hours, not the
    Graduate School's older "39 semester-hour"."""

    name = "valdosta"
    institution = Institution(name="Valdosta State University", city="Valdosta", state="GA", control="public",
                              website="valdosta.edu", ipeds_unitid="141264")
    allowed_domains = ["valdosta.edu"]
    start_pages = {
        "https://valdosta.edu/academics/graduate-school/our-programs/master-of-library-and-information-science.php": "parse_program",
        "https://www.valdosta.edu/colleges/education/master-of-library-and-information-science/our-program/about-us.php": "parse_about",
        "https://www.valdosta.edu/colleges/education/master-of-library-and-information-science/faqs.php": "parse_faq",
        "https://blazenet.valdosta.edu/administration/finance-admin/financial-services/students/"
        "etuition-and-online-courses-for-graduate-students.php": "parse_tuition",
    }
    tuition_words = ("eTuition",)

    @expects("name", "degree", "application_deadlines", "start_terms", "ala_accredited")
    def parse_program(self, page):
        main = page.main
        title = main.css("h1")
        yield from self.program("mlis", page, name=title, degree=title)
        for deadline in main.list_items("Admission Deadlines"):
            if for_terms(deadline, ("fall", "spring")):
                yield self.fact("application_deadlines", deadline, page)
        yield self.fact("start_terms", main.sentence("accepts applications", "semesters"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)

    @expects("total_credits", "delivery")
    def parse_about(self, page):
        statement = page.main.sentence("hour", "non-thesis program")  # "a 36-hour non-thesis program ... online"
        yield from (self.fact(field, statement, page) for field in ("total_credits", "delivery"))

    def parse_faq(self, page):
        yield self.fact("entrance_exam", page.main.sentence("entrance exam"), page)
