from crawler.crawl.platforms import CourseLeafCatalog, RateTable
from crawler.crawl.spider import Institution


class UmdSpider(CourseLeafCatalog, RateTable):
    """MLIS, online option (catalog code LBSO). The catalog's "online sections offered on a
    rotating basis" is about the in-person program: delivery is not read there."""

    name = "umd"
    institution = Institution(name="University of Maryland, College Park", city="College Park", state="MD",
                              control="public", website="umd.edu", ipeds_unitid="163286")
    allowed_domains = ["umd.edu"]
    start_pages = {
        "https://academiccatalog.umd.edu/graduate/programs/library-information-science-online-lbso/"
        "library-information-science-mlis/": "parse_catalog",
        "https://ischool.umd.edu/tuition-fees": "parse_tuition",
    }
    # The online courses' table: per-credit column only (the others multiply it out).
    tuition_rows = ("Maryland Resident", "Maryland Non-resident")
    fee_rows = ("College Online Program Fee",)
    tuition_columns = ("Per Credit Hour",)
