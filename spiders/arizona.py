from crawler.crawl.spider import Institution, ProgramSpider, expects


class ArizonaSpider(ProgramSpider):
    """MA in Library and Information Science; each concentration the Graduate College catalog
    lists is its own program."""

    name = "arizona"
    institution = Institution(name="University of Arizona", city="Tucson", state="AZ", control="public",
                              website="arizona.edu", ipeds_unitid="104179")
    allowed_domains = ["arizona.edu"]
    start_pages = {
        "https://grad.arizona.edu/catalog/programinfo/LISMA": "parse_catalog",
        # "MLIS Admissions & Cost"; since the college's rename it answers from infosci.arizona.edu.
        "https://ischool.arizona.edu/ma-library-information-science/admissions-cost": "parse_admissions",
    }

    @expects("name", "degree", "total_credits", "ala_accredited", "delivery")
    def parse_catalog(self, page):
        main = page.main
        title = main.css("h1")  # "Library & Information Science (MA)"
        # Prose, then an unheaded list: "Below are the current concentrations ..."; five items
        # end in "(Certificate)", which is not part of the name.
        concentrations = main.list_after("concentrations", "offered")
        yield from self.programs("ma-lis", page, concentrations, name=title, degree=title)
        yield self.fact("total_credits", main.mention("total_credits", "total"), page)
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), page)
        yield self.fact("delivery", main.mention("delivery", "offered"), page)

    @expects("application_deadlines", "start_terms", "min_gpa", "tuition")
    def parse_admissions(self, page):
        main = page.main
        # One list per campus under its heading ("Fall Semester: February 1" and an open/closed
        # flag); the lists sit in an accordion whose text is in the HTML even while collapsed.
        for deadlines in main.under_headings(".//ul[li[starts-with(normalize-space(), 'Fall')]]"):
            yield self.fact("application_deadlines", deadlines, page)
            yield self.fact("start_terms", deadlines, page)
        yield self.fact("min_gpa", main.mention("min_gpa"), page)
        yield self.fact("entrance_exam", main.sentence("GRE"), page)
        # Each cost block: its heading ("Online Campus Tuition & Fees") and its formula lines.
        for cost in main.under_headings(".//p[contains(., '$')]"):
            yield self.fact("tuition", cost, page)
