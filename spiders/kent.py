from crawler.crawl.platforms import label_value
from crawler.crawl.spider import Institution, ProgramSpider, expects


class KentSpider(ProgramSpider):
    """MLIS, 100% online. The program card's label/value pairs state its delivery, credits,
    deadlines and accreditation. The optional concentrations stay inside the one program: the
    stored copy lists only the first of them."""

    name = "kent"
    institution = Institution(name="Kent State University", city="Kent", state="OH", control="public",
                              website="kent.edu", ipeds_unitid="203517")
    allowed_domains = ["kent.edu"]
    start_pages = {"https://onlinedegrees.kent.edu/degrees/master-of-library-and-information-science": "parse_program"}
    card = {"delivery": "Course Delivery", "total_credits": "Total Credits",
            "application_deadlines": "Application Deadlines", "ala_accredited": "Accreditation"}

    @expects("name", "degree", "delivery", "total_credits", "application_deadlines", "ala_accredited")
    def parse_program(self, page):
        main = page.main
        yield from self.program("mlis", page, name=main.css("h1"), degree=main.sentence("Master of", "program at"))
        for field, label in self.card.items():
            yield self.fact(field, label_value(main, label), page)
