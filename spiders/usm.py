from crawler.crawl.spider import Institution, ProgramSpider, expects
from crawler.normalize.program_names import concentration_in, concentration_name
from crawler.normalize.rows import stated_rate


class UsmSpider(ProgramSpider):
    """MLIS; the licensure MLIS and the two graduate certificates earned with the MLIS are each their
    own program. The school's pages (delivery, weekly meetings, ALA, pricing) speak for every
    program; the MLIS pages' credits, length, GRE rule and GPA are the MLIS's own."""

    name = "usm"
    institution = Institution(name="University of Southern Mississippi", city="Hattiesburg", state="MS", control="public",
                              website="usm.edu", ipeds_unitid="176372")
    allowed_domains = ["usm.edu"]
    start_pages = {
        "https://www.usm.edu/library-information-science/": "parse_school",
        "https://www.usm.edu/library-information-science/about-us": "parse_about",
        "https://online.usm.edu/graduate/library-and-information-science-ms": "parse_online",
        "https://online.usm.edu/pricing": "parse_pricing",
        "https://catalog.usm.edu/preview_program.php?catoid=20&poid=9402": "parse_catalog",  # archived 2018-19 bulletin
    }
    # Each track's own page, by its real URL, for the program it defines (reported alone if it fails).
    tracks = {
        "mlis-licensure": "https://online.usm.edu/graduate/library-and-information-science-licensure-online-degree-mlis/",
        "mlis-archives-special-collections": "https://online.usm.edu/certificate/archives-and-special-collections-"
                                             "graduate-certificate-school-of-library-and-information-science/",
        "mlis-youth-services-literature": "https://catalog.usm.edu/preview_program.php?catoid=27&poid=13874",
    }
    id_omits = ("and",)  # "Archives and Special Collections" -> mlis-archives-special-collections

    @expects("delivery", "synchronous")
    def parse_school(self, page):
        main = page.main
        yield self.fact("delivery", main.sentence("fully online"), page)  # "Our fully online programs include ..."
        yield self.fact("synchronous", main.mention("synchronous"), page)  # "Synchronous classes meet online once each week"
        yield from self.follow(page, main.link(text="Master of Library and Information Science Degree Requirements"),
                               self.parse_mlis, programs=["mlis"])
        for program, url in self.tracks.items():
            yield from self.follow(page, url, self.parse_track, programs=[program])

    @expects("ala_accredited", "total_credits")
    def parse_about(self, page):
        main = page.main
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield self.fact("total_credits", main.sentence("credit hour program"), page, programs=["mlis"])  # "Our 40 graduate credit hour program"

    @expects("name", "degree", "total_credits")
    def parse_mlis(self, page):
        main = page.main
        title = main.css("h1")  # "Master of Library and Information Science"
        yield from self.program("mlis", page, name=title, degree=title)
        # The degree's own requirement ("Earned 40* semester hours of credit consisting of ..."),
        # not a course group's "Required Courses (22 credit hours)".
        yield self.fact("total_credits", main.sentence("semester hours of credit"), page, programs=["mlis"])

    @expects("duration", "entrance_exam")
    def parse_online(self, page):
        main = page.main  # the Program-at-a-Glance label/value list
        yield self.fact("duration", main.row("Completion Time"), page, programs=["mlis"])
        yield self.fact("entrance_exam", main.row("Special Requirements"), page, programs=["mlis"])

    @expects("min_gpa")
    def parse_catalog(self, page):
        # "... qualifying for regular admission ... must have a 2.75 (4.0 scale) grade point average": the
        # admission average, not the degree's "3.0 cumulative GPA" further down the bulletin.
        yield self.fact("min_gpa", page.main.mention("min_gpa", "admission"), page, programs=["mlis"])

    @expects("tuition")
    def parse_pricing(self, page):
        # Each cost (a label/value pair, listed or tabled) of the Graduate Degree card, with its band:
        # "Part Time 1-8 HOURS Cost per Hour: $556.12".
        costs = page.main.under_headings("(//dl/*[dt] | //tr[count(th|td) >= 2])[preceding::h2[1][contains(., 'Graduate')]]")
        for cost in costs:
            if stated_rate(cost):  # per year and per 3-hour course multiply the stated rates out
                yield self.fact("tuition", cost, page)

    @expects("name", "concentration")
    def parse_track(self, page):
        """A track of the MLIS on its own page: "Library and Information Science (Licensure) MLIS",
        "Archives and Special Collections Graduate Certificate"."""
        title = page.main.css("h1")
        concentration = concentration_in(title) or concentration_name(title)
        yield from self.program(self.concentration_id("mlis", concentration), page, name=title,
                                concentration=concentration)
