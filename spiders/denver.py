from crawler.crawl.spider import Institution, ProgramSpider, expects


class DenverSpider(ProgramSpider):
    """MLIS@Denver (online MLIS); the pathways a rankings site lists are programs of their own.

    Not read on purpose: the DU tuition calculator (JavaScript, no numbers), the old campus FAQ
    (campus program facts) and University College's "MLS" (Master of Liberal Studies), which the
    DU-wide footer links from every page.
    """

    name = "denver"
    institution = Institution(name="University of Denver", city="Denver", state="CO", control="private",
                              website="du.edu", ipeds_unitid="127060")
    allowed_domains = ["du.edu"]
    start_pages = {
        "https://morgridgeonline.du.edu/online-mlis-program/": "parse_overview",
        "http://morgridge.du.edu/programs/library-and-information-science/": "parse_college",
    }
    pathways = ("Academic Libraries", "Research Data Management")

    @expects("name", "degree", "duration", "entrance_exam", "ala_accredited")
    def parse_overview(self, page):
        main = page.main
        title = main.css("h1")
        # Pathways sit in a collapsed accordion; their text is in the HTML.
        pathways = [p for p in main.labels("#pathways .accordion__trigger") if p in self.pathways]
        yield from self.programs("mlis", page, pathways, name=title, degree=title)
        yield self.fact("synchronous", main.sentence("live", "sessions"), page)
        yield self.fact("duration", main.sentence("as few as", "months"), page)
        yield self.fact("entrance_exam", main.sentence("GRE", "required"), page)
        yield self.fact("ala_accredited", main.sentence("Accredited", "American Library Association"), page)
        yield from self.follow(page, main.link(text="Admissions Requirements"), self.parse_requirements)
        yield from self.follow(page, main.link(href="/news/mlis-program-granted-continued-ala-accreditation"), self.parse_news)
        # The college's rate table sits on a page named after another Morgridge program.
        yield from self.follow(page, main.link(text="Morgridge College of Education tuition"), self.parse_tuition)

    @expects("delivery", "ala_accredited")
    def parse_college(self, page):
        main = page.main
        # The page is mostly about the campus program; only the MLIS@Denver lines are ours.
        yield self.fact("delivery", main.sentence("online", "Immersion"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield from self.follow(page, main.link(href="morgridgeonline.du.edu/online-mlis-program/"), self.parse_overview)

    @expects("application_fee", "entrance_exam")
    def parse_requirements(self, page):
        main = page.main
        yield self.fact("application_fee", main.sentence("Application fee"), page)
        yield self.fact("entrance_exam", main.css(".callout"), page)

    @expects("ala_accredited")
    def parse_news(self, page):
        main = page.main
        yield self.fact("ala_accredited", main.sentence("continued accreditation", "Master of Library and Information Science"), page)

    @expects("tuition")
    def parse_tuition(self, page):
        main = page.main
        # Footnote 1 states the base rate; the table rows are worked examples at set loads.
        yield self.fact("tuition", main.sentence("rate", "per quarter credit hour"), page)
