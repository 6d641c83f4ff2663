"""The roster (crawler/roster.csv) and docs/coverage.md, rendered from it and the spiders present."""

from __future__ import annotations

from collections import Counter

import pytest
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawler import roster
from crawler.crawl import settings as project_settings
from crawler.errors import ConfigError
from tests.conftest import ROOT

HEADER = ",".join(roster.COLUMNS)
GOOD_ROW = "sjsu,San José State University,CA,US,MLIS,online,acalog,122755,accredited,catalog.sjsu.edu,"

@pytest.fixture(scope="module")
def spiders():
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    loader = SpiderLoader.from_settings(settings)
    return {name: loader.load(name) for name in loader.list()}


def test_docs_coverage_md_is_what_the_roster_renders():
    assert (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8") == roster.render(), \
        "docs/coverage.md is out of date: run `python -m crawler.roster docs`"


def test_the_docs_check_fails_when_a_row_changes():
    schools = list(roster.load())
    schools[0] = schools[0].model_copy(update={"platform": "unknown"})
    assert roster.render(roster.coverage(schools)) != (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")


def test_the_docs_check_fails_when_a_spider_is_added():
    cov = roster.coverage()
    uncovered = next(s.id for s in roster.load() if s.offers_online and s.id not in cov.spiders)
    more = roster.coverage(spiders=cov.spiders | {uncovered})
    assert more.line() != cov.line()
    assert roster.render(more) != roster.render(cov)


def test_the_roster_holds_the_researched_counts():
    """research/coverage.md §0 and §1.3: 64 institutions + 1 candidate; 46 online (43 + 3 probable)."""
    schools = roster.load()
    accredited = [s for s in schools if s.accredited]
    assert len(accredited) == 64
    assert [s.id for s in schools if not s.accredited] == ["ucm"]
    assert Counter(s.online for s in accredited) == {"online": 43, "probable": 3, "hybrid": 5, "none": 13}
    assert Counter(s.country for s in accredited) == {"US": 56, "CA": 8}
    online = [s for s in accredited if s.offers_online]
    assert len(online) == 46
    assert sum(s.country == "US" for s in online) == 44
    assert Counter(s.platform for s in online) == {"courseleaf": 16, "acalog": 16, "coursedog": 1,
                                                    "smartcatalog": 1, "custom": 6, "wordpress": 1, "unknown": 5}
    assert Counter(s.platform for s in accredited) == {"courseleaf": 18, "acalog": 16, "coursedog": 2,
                                                       "smartcatalog": 1, "custom": 12, "wordpress": 2,
                                                       "unknown": 13}


def test_unit_ids_are_unique_and_us_only():
    schools = roster.load()
    ids = [s.ipeds_unitid for s in schools if s.ipeds_unitid]
    assert len(ids) == len(set(ids))
    assert all(s.ipeds_unitid is None for s in schools if s.country == "CA")
    missing = [s.id for s in schools if s.country == "US" and not s.ipeds_unitid]
    assert missing == ["pennwest"], "a U.S. school without a unit id: say why in its notes"


def test_the_ids_agreed_with_the_team_are_on_the_roster():
    ids = {s.id for s in roster.load()}
    assert {"twu", "arizona", "buffalo", "usm", "denver", "lsu", "wisc"} <= ids
    assert {"sjsu", "unt", "kent", "illinois", "umd", "pitt", "uky", "drexel", "valdosta", "utk"} <= ids


def test_every_spider_is_on_the_roster(spiders):
    cov = roster.coverage()
    assert cov.spiders == set(spiders)
    assert cov.unknown_spiders == [], "a spider whose name is no roster id"


def test_covered_schools_carry_the_roster_unit_id(spiders):
    by_id = {s.id: s for s in roster.load()}
    wrong = {name: (spider.institution.ipeds_unitid, by_id[name].ipeds_unitid)
             for name, spider in spiders.items()
             if (spider.institution.ipeds_unitid or "") != (by_id[name].ipeds_unitid or "")}
    assert wrong == {}


def test_the_coverage_line_counts_online_programs_only():
    schools = roster.load()
    assert roster.coverage(schools, []).line() == "covering 0 of 46 online programs"
    # SJSU (online), Dominican (probable): counted; Emporia (hybrid), UCLA (none), UCM (candidate): not.
    assert roster.coverage(schools, ["sjsu", "dominican", "emporia", "ucla", "ucm"]).line() == \
        "covering 2 of 46 online programs"


def test_a_good_row_parses():
    (school,) = roster.parse(f"{HEADER}\n{GOOD_ROW}\n")
    assert (school.id, school.ipeds_unitid, school.offers_online, school.accredited) == ("sjsu", "122755", True, True)


@pytest.mark.parametrize("row, says", [
    (GOOD_ROW.replace(",online,", ",sometimes,"), "line 2: online"),
    (GOOD_ROW.replace(",acalog,", ",drupal,"), "line 2: platform"),
    (GOOD_ROW.replace("122755", "12275"), "line 2: ipeds_unitid"),
    (GOOD_ROW.replace(",CA,US,", ",CA,CA,"), "line 2: row: Value error, a Canadian institution has no IPEDS"),
    (GOOD_ROW.replace("sjsu,", "SJSU,", 1), "line 2: id"),
    (GOOD_ROW.rsplit(",", 2)[0], "line 2: expected 11 columns"),
    (GOOD_ROW + ",extra", "line 2: expected 11 columns"),
])
def test_a_bad_row_is_an_error_naming_its_line(row, says):
    with pytest.raises(ConfigError, match="^roster.csv " + says.replace("(", r"\(")):
        roster.parse(f"{HEADER}\n{row}\n")


def test_a_duplicate_id_names_both_lines():
    with pytest.raises(ConfigError, match="line 3: id 'sjsu' is already on line 2"):
        roster.parse(f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\n")


def test_a_wrong_header_is_an_error():
    with pytest.raises(ConfigError, match="the header must be"):
        roster.parse(HEADER.replace("platform", "catalog") + "\n" + GOOD_ROW + "\n")
