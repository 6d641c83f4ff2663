from crawler.crawl.platforms import AcalogCatalog, RateCard
from crawler.crawl.spider import Institution


class UkySpider(AcalogCatalog, RateCard):
    """MSLS, fully online. Its tracks are named in prose (catalog) and in a list cut short in the
    stored copies (UK Online): one program, not one per track."""

    name = "uky"
    institution = Institution(name="University of Kentucky", city="Lexington", state="KY", control="public",
                              website="uky.edu", ipeds_unitid="157085")
    allowed_domains = ["uky.edu"]
    start_pages = {
        "https://catalogs.uky.edu/preview_program.php?catoid=19&poid=8970": "parse_catalog",
        "https://online.uky.edu/masters/library-information-science/msls": "parse_tuition",
    }
    catalog_program = "msls"
    tuition_labels = ("Cost Per Credit",)

    def parse_catalog_more(self, main):
        yield self.fact("delivery", main.sentence("fully online"), main)
        yield self.fact("ala_accredited", main.sentence("accreditation", "American Library Association"), main)
        yield self.fact("start_terms", main.sentence("apply for", "semesters"), main)
        yield self.fact("min_gpa", main.sentence("grade point average", "or higher"), main)
