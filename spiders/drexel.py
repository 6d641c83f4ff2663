from crawler.crawl.platforms import CourseLeafCatalog, label_value
from crawler.crawl.spider import Institution, expects


class DrexelSpider(CourseLeafCatalog):
    """MSI, Library and Information Science major, on campus or online; quarter credits. No
    official stored page states its rate (Drexel Central's tables were not seen): no tuition."""

    name = "drexel"
    institution = Institution(name="Drexel University", city="Philadelphia", state="PA", control="private",
                              website="drexel.edu", ipeds_unitid="212054")
    allowed_domains = ["drexel.edu"]
    start_pages = {
        "https://catalog.drexel.edu/graduate/collegeofcomputingandinformatics/libraryandinformationscience/": "parse_catalog",
        "https://drexel.edu/cci/academics/masters-programs/ms-in-library-information-science/": "parse_facts",
    }
    catalog_program = "msi-lis"
    catalog_degree = "Degree Awarded"

    def parse_catalog_more(self, main):
        yield self.fact("ala_accredited", main.sentence("accredited", "American Library Association"), main)

    @expects("delivery", "start_terms")
    def parse_facts(self, page):
        # "GRE required? No" is not read: the exam parser takes it for a requirement.
        for field, label in (("delivery", "Format"), ("start_terms", "Term Starts"), ("duration", "Time-to-Degree")):
            yield self.fact(field, label_value(page.main, label), page)
