from crawler.crawl.spider import Institution, ProgramSpider, expects


class DenverSpider(ProgramSpider):
    """MLIS@DEN (the online MLIS, Morgridge College of Education); the specializations a rankings
    site lists are programs of their own.

    Not read on purpose: a tuition figure. The only stored Morgridge rate ($1372.00/quarter
    credit-hour, 2018-19) sits on another program's tuition page, and DU's graduate tuition page is
    a JavaScript calculator. No official page names the program in words other than "MLIS@DEN".
    """

    name = "denver"
    institution = Institution(name="University of Denver", city="Denver", state="CO", control="private",
                              website="du.edu", ipeds_unitid="127060")
    allowed_domains = ["du.edu"]
    start_pages = {
        "https://morgridgeonline.du.edu/online-mlis-program/curriculum/specializations": "parse_specializations",
        "https://morgridgeonline.du.edu/online-mlis-program/admissions/requirements/": "parse_requirements",
        "https://morgridge.du.edu/news/mlis-program-granted-continued-ala-accreditation": "parse_news",
        "https://morgridge.du.edu/about/accreditation/library-and-information-science-ala-accreditation": "parse_accreditation",
    }
    specializations = ("Academic Libraries", "Research Data Management")

    @expects("degree")
    def parse_specializations(self, page):
        main = page.main
        # One heading per specialization under "Students have the opportunity to specialize in ...".
        areas = [a for a in dict.fromkeys(main.texts("h2, h3, h4, summary, button, dt, strong")) if a in self.specializations]
        yield from self.programs("mlis", page, areas, degree=main.css("h1"))  # "MLIS@DEN Specializations"

    @expects("application_fee", "entrance_exam")
    def parse_requirements(self, page):
        main = page.main
        yield self.fact("application_fee", main.sentence("application fee"), page)  # an item of the list to submit
        yield self.fact("entrance_exam", main.sentence("GRE", "required"), page)

    @expects("ala_accredited")
    def parse_news(self, page):
        yield self.fact("ala_accredited", page.main.sentence("accreditation", "American Library Association"), page)

    @expects("delivery")
    def parse_accreditation(self, page):
        # "NOTE: The University of Denver launched an online MLIS program in Spring 2019."
        yield self.fact("delivery", page.main.sentence("online", "MLIS", "launched"), page)
