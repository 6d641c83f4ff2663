"""The HTML report of real refreshes, opened in a real headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium with an explicit chromedriver path, so Selenium Manager never
downloads anything). Skips, saying how to get a browser, where there is none.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from crawler.report import render_html, safe_url
from tests.test_report import HELD_EXAM, _demo_like_report, decisions_scenario, hostile_scenario, report_json

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("MLIS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("MLIS_CHROMEDRIVER") or shutil.which("chromedriver")
HOW = "install a browser with `apt-get install chromium chromium-driver` (Debian/Ubuntu, as root) and `pip install -r requirements.lock`"
PHONE, DESKTOP = 390, 1200


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason=f"selenium is not installed: {HOW}")
    from selenium.webdriver.chrome.service import Service

    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip(f"no headless Chromium found (chromium and chromedriver on PATH): {HOW}")
    profile = tempfile.mkdtemp(prefix="mlis-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1200,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_report(driver, path: Path, width: int, height: int = 900):
    """Load a report with the viewport of a `width`-pixel-wide screen (a phone when narrow)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    return driver


def text_of(driver, selector: str = "body") -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector).text


def expand_all(driver) -> None:
    """Open every <details> so the program lists are visible text too."""
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")


@pytest.fixture(scope="module")
def decisions(tmp_path_factory):
    return decisions_scenario(tmp_path_factory.mktemp("decisions"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_scenario(tmp_path_factory.mktemp("hostile"))


def test_report_shows_decisions_first_then_published_changes(browser, decisions):
    *_, third = decisions
    driver = open_report(browser, third.report_dir / "report.html", DESKTOP)
    assert driver.title == third.summary
    assert text_of(driver, "#summary") == third.summary
    pending = text_of(driver, "#pending")
    assert pending.startswith("Pending changes (9)\n")
    assert "Why held: money moved by +38.9% (limit 25%)" in pending
    assert "$900.00 per credit (online campus) → $1,250.00 per credit (online campus) +38.9%" in pending
    assert "fee $228.00 per term (online campus, 7+ credits) → fee $240.00 per term (online campus, 7+ credits) +5.3%" in pending
    assert "Online Campus Tuition & Fees Per unit $1,250 per unit + $240 program fees for 7+ units*" in pending  # the evidence, now
    assert "Online Campus Tuition & Fees Per unit $900/unit + $228 program fees for 7+ units*" in pending    # and before
    assert 'mlis-crawler review accept 21 24 27 30 33 36 39 42 45 --reason "…"' in pending
    broken = text_of(driver, "#broken")
    assert "University of Arizona\ndegraded" in broken
    assert "Broken since 2026-11-01 (2 crawls in a row); its last good values are kept." in broken
    assert ("Entrance exam: the text does not state a value we can read on "
            "https://infosci.arizona.edu/ma-library-information-science/admissions-cost\nso: its last good values are kept") in broken
    published = text_of(driver, "#published")
    assert published.startswith("Changes published\nUniversity of Arizona\nAll 9 programs\n")
    assert "Fall Mar 15 (final, online campus) → Fall Apr 1 (final, online campus)" in published
    body = text_of(driver)
    assert body.index("Needs a decision") < body.index("Pending changes") < body.index("Broken sites") < body.index("Changes published")
    # Before and Now evidence sit side by side on a wide screen.
    before, now = driver.execute_script(
        "const q = document.querySelectorAll('#pending .evidence > .quote'); return [q[0].getBoundingClientRect().toJSON(), q[1].getBoundingClientRect().toJSON()]")
    assert before["top"] == now["top"] and before["right"] <= now["left"]


def test_the_quiet_and_first_nights_render_too(browser, decisions):
    first, second, _ = decisions
    driver = open_report(browser, first.report_dir / "report.html", DESKTOP)
    expand_all(driver)
    assert "Nothing: no pending changes, every site healthy." in text_of(driver, "#decisions")
    assert "University of Arizona: 9 programs" in text_of(driver, "#baselines")
    assert "Library & Information Science (MA) — Archival Studies arizona/ma-lis-archival-studies" in text_of(driver, "#baselines")
    driver = open_report(browser, second.report_dir / "report.html", DESKTOP)
    assert "tuition" not in text_of(driver, "#decisions").lower()
    # The only news of that night is the newer page's GRE line, unreadable there: Arizona is degraded,
    # its values carried over, nothing published.
    assert text_of(driver, "#published") == "Changes published\nNone."
    assert "University of Arizona\ndegraded" in text_of(driver, "#broken")


def test_hostile_page_text_runs_no_script_and_stays_visible_text(browser, hostile):
    _, second = hostile
    driver = open_report(browser, second.report_dir / "report.html", DESKTOP)
    expand_all(driver)
    assert driver.execute_script("return window.pwned") is None
    assert driver.title == second.summary
    assert driver.execute_script(
        "return document.querySelectorAll('script, img, svg, iframe, object, embed, base, form, input, link, video, audio').length") == 0
    assert driver.execute_script(
        "return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))") == []
    body = text_of(driver)
    assert HELD_EXAM in body  # the exam sentence is held back; the report names its new words
    assert ("Master of Arts <img src=x onerror=\"window.pwned=5\"> in ⟨U+202E⟩Library⟨U+2069⟩ Science [y](data:text/html,1) "
            "<script>window.pwned=6</script> \"><svg onload=window.pwned=7> [z](javascript:window.pwned=8) | b | `c` # t") in body
    for hidden in "\u202e\u2066\u2069\u200b":
        assert hidden not in body


def test_links_are_http_pages_and_point_at_the_source(browser, hostile, decisions):
    for result in (hostile[1], decisions[2]):
        report = report_json(result)
        expected = {safe_url(c["source_url"]) for c in report["changes"] + report["still_pending"]} - {None}
        expected |= {safe_url(e.get("url")) for c in report["changes"] + report["still_pending"]
                     for e in (c["evidence_old"] or []) + (c["evidence_new"] or []) if isinstance(e, dict)} - {None}
        driver = open_report(browser, result.report_dir / "report.html", DESKTOP)
        links = driver.execute_script(
            "return [...document.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.href, a.protocol, a.textContent])")
        assert links, "the report links to its pages"
        # The overview's links lead to cards of this page, each of which exists; every other link is a page.
        inside = [attribute for attribute, *_ in links if attribute.startswith("#")]
        assert inside and driver.execute_script(
            "return arguments[0].every(h => document.getElementById(h.slice(1)) !== null)", inside)
        for attribute, resolved, protocol, text in links:
            if attribute.startswith("#"):
                continue
            assert protocol in ("http:", "https:")
            assert attribute == resolved == text  # the href is the source URL itself, shown as the link text
            assert attribute in expected
        page_links = driver.execute_script("return [...document.querySelectorAll('p.page a')].map(a => a.getAttribute('href'))")
        assert set(page_links) == {safe_url(c["source_url"]) for c in report["changes"] if c["kind"] != "program_added"
                                   and c["status"] in ("accepted", "pending") and c["kind"] not in ("extraction_failed", "fetch_failed")} - {None}


@pytest.mark.parametrize("scenario", ["decisions", "hostile"])
def test_fits_a_phone_without_horizontal_scrolling(browser, request, scenario):
    result = request.getfixturevalue(scenario)[-1]
    driver = open_report(browser, result.report_dir / "report.html", PHONE)
    expand_all(driver)
    assert driver.execute_script("return window.innerWidth") == PHONE
    assert driver.execute_script("return document.documentElement.scrollWidth") <= PHONE
    widest = driver.execute_script("return Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right))")
    assert widest <= PHONE
    if scenario == "decisions":  # evidence stacks: Now under Before
        before, now = driver.execute_script(
            "const q = document.querySelectorAll('#pending .evidence > .quote'); return [q[0].getBoundingClientRect().toJSON(), q[1].getBoundingClientRect().toJSON()]")
        assert now["top"] >= before["bottom"]


def test_screenshots_for_a_person_to_look_at(browser, decisions, tmp_path):
    """Full-page screenshots at phone and desktop widths (kept under MLIS_SCREENSHOTS if set)."""
    out = Path(os.environ.get("MLIS_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    for width in (PHONE, DESKTOP):
        driver = open_report(browser, decisions[-1].report_dir / "report.html", width)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": width < 600})
        shot = out / f"report-{width}.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000


# A phone's first screen: 390 x 844 CSS pixels (the newcomer scrolled 9,800 px of one to see what changed).
PHONE_HEIGHT = 844


@pytest.mark.parametrize("width, height", [(PHONE, PHONE_HEIGHT), (DESKTOP, 900)])
def test_the_overview_is_on_the_first_screen_and_leads_to_each_card(browser, decisions, tmp_path, width, height):
    busy = tmp_path / "busy" / "report.html"  # seven universities, as the demo's second night
    busy.parent.mkdir()
    busy.write_text(render_html(_demo_like_report() | {"data_dir": "/srv/mlis-crawler/data"}), encoding="utf-8")
    for path, rows in ((decisions[-1].report_dir / "report.html", 1), (busy, 7)):
        driver = open_report(browser, path, width, height)
        assert driver.execute_script("return window.innerHeight") == height
        top, bottom = driver.execute_script(
            "const r = document.querySelector('#overview').getBoundingClientRect(); return [r.top, r.bottom]")
        assert 0 < top and bottom <= height, (path, top, bottom)  # all of it, without scrolling
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width
        assert len(driver.execute_script("return [...document.querySelectorAll('#overview tbody tr')]")) == rows
        links = driver.execute_script("return [...document.querySelectorAll('#overview a')].map(a => a.getAttribute('href'))")
        assert links and all(link.startswith("#") for link in links)
        for link in links:  # each count brings its card on screen
            driver.execute_script("window.scrollTo(0, 0); document.querySelector(arguments[0]).click()",
                                  f"#overview a[href='{link}']")
            card_top, scrolled = driver.execute_script(
                "return [document.getElementById(arguments[0]).getBoundingClientRect().top, window.scrollY]", link[1:])
            assert scrolled > 0 and -1 < card_top <= height - 48, (link, card_top)  # its title at least
    driver = open_report(browser, decisions[-1].report_dir / "report.html", width, height)
    assert "University of Arizona 9 held 9 published degraded" in text_of(driver, "#overview").replace("\n", " ")
    # Each cell names its field: the column head on a wide screen, before the cell on a phone.
    heads = driver.execute_script("return [...document.querySelectorAll('#overview thead th')].map(th => th.offsetParent !== null)")
    labels = driver.execute_script("return [...document.querySelectorAll('#overview td:not(.empty)')]"
                                   ".map(td => getComputedStyle(td, '::before').content)")
    if width == PHONE:
        assert not any(heads) and labels == ['"Tuition: "', '"Application deadlines: "', '"Site: "']
    else:
        assert all(heads) and set(labels) == {"none"}
