"""The change report: describing values, escaping page text, links, the summary line, grouping,
and the Markdown of real refreshes (one with decisions to make, one whose pages carry hostile text).

The scenario helpers here are shared with tests/test_report_browser.py. They copy a recorded
snapshot to a tmp folder (named by its date: the replay's folder name is the night it stands
for), edit pages of the copy, and run real refreshes over it. fixtures/ is never modified.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from crawler.commandline import command

from crawler.jobs import refresh
from crawler.report import (
    by_programs, describe, moves, group, md, md_code, render_html, render_markdown, safe_url, summary_line, visible,
)
from tests.conftest import SITES
from tests.support.datadir import cli

# -- scenarios: real refreshes over edited copies of the recorded sites -------------------------------

ADMISSIONS = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
CATALOG = "grad.arizona.edu/catalog/programinfo/LISMA"
GRE = "<li>A GRE is not required. You may still submit one if you choose to.</li>"
UNREADABLE_GRE = "<li>The GRE policy for 2027 is under review.</li>"  # a sentence no normalizer can read
NAME = "<h1>Library &amp; Information Science (MA)</h1>"

# Hostile page text, as a page would show it (so HTML-escaped in the page source).
PAYLOAD_EXAM = ("The GRE <script>document.title='pwned';window.pwned=1</script> "
                "<img src=x onerror=\"window.pwned=2\"> \"><svg onload=window.pwned=3> "
                "[x](javascript:window.pwned=4) | a | `code` # h \u202eevil\u2066iso\u2069 zero\u200bwidth "
                "is not required for admission.")
PAYLOAD_NAME = ("Master of Arts <img src=x onerror=\"window.pwned=5\"> in \u202eLibrary\u2069 Science [y](data:text/html,1) "
                "<script>window.pwned=6</script> \"><svg onload=window.pwned=7> [z](javascript:window.pwned=8) | b | `c` # t")
# The exam sentence's markup words are words no page states an exam rule in: the familiar-wording gate
# holds its value back (crawler/normalize/familiar.py) and the report names them; the name, which no
# gate reads, carries the same tricks into the report's text.
HELD_EXAM = ("Entrance exam: held back, the words that bind it are new to this reader: "
             "document, evil, img, iso, javascript, onerror, onload, pwned")


def page_text(text: str) -> str:
    """Text as it appears in a page's HTML source (so the page shows it literally)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def snapshot_copy(root: Path, snapshot: str, edits: list[tuple[str, str, str]]) -> Path:
    """A copy of fixtures/sites/<snapshot> under root, with each (page, old, new) edit applied once."""
    dest = root / "sites" / snapshot
    shutil.copytree(SITES / snapshot, dest)
    for relpath, old, new in edits:
        file = dest / relpath
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{relpath}: {old!r} found {text.count(old)} times"
        file.write_text(text.replace(old, new), encoding="utf-8")
    return dest


def nights(root: Path, snapshots: list[Path]) -> list:
    data = root / "data"
    return [refresh(data, snapshot, ["arizona"], log=lambda line: None) for snapshot in snapshots]


def decisions_scenario(root: Path) -> list:
    """Three nights: a baseline; a night where the GRE sentence can't be read (the site is degraded);
    a night where it still can't, the online rate jumps 38.9% (held) and a deadline moves (published)."""
    older = root / "a"
    newer = root / "b"
    return nights(root, [
        SITES / "2024-09-15",
        snapshot_copy(older, "2026-11-01", [(ADMISSIONS, GRE, UNREADABLE_GRE)]),
        snapshot_copy(newer, "2026-11-02", [
            (ADMISSIONS, GRE, UNREADABLE_GRE),
            (ADMISSIONS, "$900/unit", "$1,250 per unit"),
            (ADMISSIONS, "$228 program fees", "$240 program fees"),
            (ADMISSIONS, "<li>Fall Semester: March 15", "<li>Fall Semester: April 1"),
        ]),
    ])


def hostile_scenario(root: Path) -> list:
    """A baseline, then a night whose GRE sentence and program name carry scripts, markup and bidi tricks."""
    return nights(root, [
        SITES / "2024-09-15",
        snapshot_copy(root, "2026-11-01", [
            (ADMISSIONS, GRE, f"<li>{page_text(PAYLOAD_EXAM)}</li>"),
            (CATALOG, NAME, f"<h1>{page_text(PAYLOAD_NAME)}</h1>"),
        ]),
    ])


def held_first_seen_scenario(root: Path) -> list:
    """A baseline, then a night where Arizona is degraded (its GRE sentence unreadable) and its
    catalog lists one more concentration: a program first seen on a degraded site is held, and
    nothing else changed (F22: the summary once said "-1 changes published")."""
    return nights(root, [
        SITES / "2024-09-15",
        snapshot_copy(root, "2026-11-01", [
            (ADMISSIONS, GRE, UNREADABLE_GRE),
            (CATALOG, "<li>Special Librarianship</li>", "<li>Special Librarianship</li>\n<li>Youth Services Librarianship</li>"),
        ]),
    ])


USM_ABOUT = "www.usm.edu/library-information-science/about-us"
USM_MLIS = "www.usm.edu/library-information-science/master-library-and-information-science"


def pages_scenario(root: Path) -> list:
    """Southern Miss states the MLIS's credits on two pages (the school's About page and the degree's
    requirements); both move from 40 to 41, so the change has a quote from each page."""
    data = root / "data"
    changed = snapshot_copy(root, "2026-11-02", [
        (USM_ABOUT, "Our 40\ngraduate credit hour", "Our 41\ngraduate credit hour"),
        (USM_MLIS, "Earned 40*", "Earned 41*"),
    ])
    return [refresh(data, snapshot, ["usm"], log=lambda line: None) for snapshot in (SITES / "2024-09-15", changed)]


def report_json(result) -> dict:
    return json.loads((result.report_dir / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def decisions(tmp_path_factory):
    return decisions_scenario(tmp_path_factory.mktemp("decisions"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_scenario(tmp_path_factory.mktemp("hostile"))


# -- describe ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("field, value, expected", [
    ("tuition", {"kind": "tuition", "amount_usd": "900.00", "per": "credit", "residency": "any", "applies_to": "online campus"},
     "$900.00 per credit (online campus)"),
    ("tuition", {"kind": "fee", "amount_usd": "228", "per": "term", "residency": "in_state", "applies_to": "7+ credits"},
     "fee $228.00 per term (in-state, 7+ credits)"),
    ("tuition", {"kind": "tuition", "amount_usd": "16145", "per": "term", "residency": "out_of_state", "applies_to": None},
     "$16,145.00 per term (out-of-state)"),
    ("application_deadlines", {"kind": "final", "date": "--03-15", "term": "fall", "applies_to": "online campus"},
     "Fall Mar 15 (final, online campus)"),
    ("application_deadlines", {"kind": "priority", "date": "2027-01-05", "term": "spring", "applies_to": None},
     "Spring Jan 5, 2027 (priority)"),
    ("application_deadlines", {"kind": "priority", "date": None, "term": None, "applies_to": None}, "Any term rolling (priority)"),
    ("entrance_exam", {"status": "not_required", "exams": ["GRE"], "condition": None}, "GRE not required"),
    ("entrance_exam", {"status": "waivable", "exams": ["GRE", "MAT"], "condition": "GPA above 3.0"}, "GRE/MAT waivable: GPA above 3.0"),
    ("duration", {"months_min": 18, "months_max": 24}, "18-24 months"),
    ("duration", {"months_min": 24, "months_max": 24}, "24 months"),
    ("application_fee", "75", "$75.00"),
    ("ala_accredited", True, "yes"),
    ("start_terms", ["fall", "spring"], "fall; spring"),
    ("start_terms", [], "(none)"),
    ("total_credits", None, "(none)"),
    ("total_credits", "37", "37"),
])
def test_describe(field, value, expected):
    assert describe(field, value) == expected


# -- page text is untrusted -------------------------------------------------------------------------

def test_visible_shows_bidi_zero_width_and_control_characters():
    assert visible("a\u202eb\u2066c\u2067d\u2068e\u2069f\u200bg\ufeffh\x00i") == \
        "a⟨U+202E⟩b⟨U+2066⟩c⟨U+2067⟩d⟨U+2068⟩e⟨U+2069⟩f⟨U+200B⟩g⟨U+FEFF⟩h⟨U+0000⟩i"
    assert visible("tag\U000e0041s") == "tag⟨U+E0041⟩s"
    assert visible("plain text, Ünïcödé and — dashes\tand\nlines") == "plain text, Ünïcödé and — dashes\tand\nlines"


@pytest.mark.parametrize("text, expected", [
    ("plain words", "plain words"),
    ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
    ("![i](https://e.example/i.png)", r"\!\[i\](https://e.example/i.png)"),
    ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
    ('"><svg onload=alert(1)>', r'"\>\<svg onload=alert(1)\>'),
    ("a | b", r"a \| b"),
    ("`code` and ``more``", r"\`code\` and \`\`more\`\`"),
    ("# heading", r"\# heading"),
    ("> quote", r"\> quote"),
    ("- item", r"\- item"),
    ("+ item", r"\+ item"),
    ("= setext", r"\= setext"),
    ("2026. not a list", r"2026\. not a list"),
    ("3) nor this", r"3\) nor this"),
    ("*em* _em_ ~~del~~", r"\*em\* \_em\_ \~\~del\~\~"),
    ("&#x202E; &amp;", r"\&\#x202E; \&amp;"),
    ("$6,359 + $350", r"\$6,359 + \$350"),
    ("@someone", r"\@someone"),
    ("back\\slash", r"back\\slash"),
    ("two\nlines\r\n  and   spaces", "two lines and spaces"),
    ("left\u202eright zero\u200bwidth", "left⟨U+202E⟩right zero⟨U+200B⟩width"),
])
def test_md_escapes_everything_markdown_acts_on(text, expected):
    assert md(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("arizona/ma-lis", "`arizona/ma-lis`"),
    ("a`b", "``a`b``"),
    ("``x", "``` ``x ```"),
    ("x\u202ey", "`x⟨U+202E⟩y`"),
])
def test_md_code_cannot_be_broken_out_of(text, expected):
    assert md_code(text) == expected


@pytest.mark.parametrize("url", [
    "https://infosci.arizona.edu/ma-library-information-science/admissions-cost",
    "http://example.edu/a?b=1&c=2#frag",
    "https://example.edu:8443/path(1)/x_y~z",
])
def test_safe_url_keeps_http_and_https(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
    " https://example.edu/", "https://example.edu/ x", 'https://example.edu/"onmouseover="x', "https://example.edu/'x",
    "https://example.edu/<x>", "https://example.edu/`x`", "https://exa\u202emple.edu/", "https://example.edu/\u200b",
    "https://", "http:///path", "ftp://example.edu/", "//example.edu/", "/relative", "", None, 42,
])
def test_safe_url_refuses_everything_else(url):
    assert safe_url(url) is None


# -- summary line -----------------------------------------------------------------------------------

def _summary(kind="crawl", broken=(), **counts):
    base = {"accepted": 0, "initial_load": 0, "pending": 0, "still_pending": 0}
    spiders = [{"name": "arizona", "health": "ok"}] + [{"name": n, "health": "degraded"} for n in broken]
    return summary_line({"kind": kind, "observed_on": "2026-11-02", "counts": {**base, **counts}, "spiders": spiders})


def test_summary_line():
    assert _summary() == "mlis-crawler refresh 2026-11-02: no changes"
    assert _summary(accepted=1) == "mlis-crawler refresh 2026-11-02: 1 change published"
    assert _summary(accepted=27) == "mlis-crawler refresh 2026-11-02: 27 changes published"
    assert _summary(accepted=9, initial_load=9) == \
        "mlis-crawler refresh 2026-11-02: 0 changes published; 9 programs seen for the first time"
    assert _summary(accepted=10, initial_load=1, pending=2, still_pending=1, broken=["lsu", "twu"]) == (
        "mlis-crawler refresh 2026-11-02: 9 changes published; 1 program seen for the first time; "
        "3 waiting for review; 2 sites broken (lsu, twu)")
    assert _summary(broken=["lsu"]) == "mlis-crawler refresh 2026-11-02: 0 changes published; 1 site broken (lsu)"
    assert _summary(kind="renormalize", accepted=9) == "mlis-crawler renormalize 2026-11-02: 9 changes published"


def test_summary_line_never_counts_first_seen_programs_as_published():
    # F22: 60 programs first seen on a site whose breaker tripped, all held; nothing else changed.
    assert _summary(accepted=0, published=0, initial_load=60, initial_load_held=60, pending=60) == (
        "mlis-crawler refresh 2026-11-02: 0 changes published; 60 programs seen for the first time "
        "(60 held for review); 60 waiting for review")
    # A report written before `published` was counted: never below zero.
    assert _summary(accepted=0, initial_load=60, pending=60).startswith("mlis-crawler refresh 2026-11-02: 0 changes published;")


# -- grouping ---------------------------------------------------------------------------------------

def _change(change_id, program_id, field="tuition", kind="changed", old="900", new="950", status="accepted"):
    return {"change_id": change_id, "program_id": program_id, "institution_id": program_id.split("/")[0],
            "program_name": program_id.split("/")[1].upper(), "field": field, "kind": kind, "status": status,
            "old": old, "new": new}


def test_identical_changes_to_several_programs_are_shown_once_with_the_list():
    changes = [_change(1, "az/a"), _change(2, "az/b"), _change(3, "az/c", new="990"), _change(4, "az/a", field="min_gpa"),
               _change(5, "uw/a"), _change(6, "az/c", status="pending")]
    groups = group(changes)
    assert [(g["change"]["change_id"], g["ids"], [p["program_id"] for p in g["programs"]]) for g in groups] == [
        (1, [1, 2], ["az/a", "az/b"]),  # same university, field, kind, status, old and new
        (3, [3], ["az/c"]),             # another new value
        (4, [4], ["az/a"]),             # another field
        (5, [5], ["uw/a"]),             # another university
        (6, [6], ["az/c"]),             # another status
    ]
    assert groups[0]["programs"] == [{"program_id": "az/a", "name": "A"}, {"program_id": "az/b", "name": "B"}]


def test_new_programs_are_never_merged():
    added = [_change(1, "az/a", field=None, kind="program_added", old=None, new={"name": "X"}),
             _change(2, "az/b", field=None, kind="program_added", old=None, new={"name": "X"})]
    assert [g["ids"] for g in group(added)] == [[1], [2]]


def test_groups_are_listed_under_the_programs_they_touch():
    groups = group([_change(1, "az/a"), _change(2, "az/b"), _change(3, "az/a", field="min_gpa"),
                    _change(4, "az/b", field="name"), _change(5, "az/a", field="total_credits"),
                    _change(6, "az/b", field="total_credits")])
    buckets = by_programs(groups, program_count=2)
    assert [(b["label"], [g["ids"] for g in b["groups"]]) for b in buckets] == [
        ("All 2 programs", [[1, 2], [5, 6]]), ("A", [[3]]), ("B", [[4]])]
    assert [b["label"] for b in by_programs(groups, program_count=9)][0] == "2 programs"


def test_moves_give_percent_per_rate():
    rate = lambda amount, per="credit": {"kind": "tuition", "amount_usd": amount, "per": per, "residency": "any",  # noqa: E731
                                         "applies_to": "online campus"}
    change = {"field": "tuition", "kind": "changed", "old": [rate("900"), rate("6359", "term")],
              "new": [rate("1250"), rate("6359", "term"), rate("100", "year")]}
    from crawler.history.diff import diff_items
    change["items"] = diff_items("tuition", change["old"], change["new"])
    assert moves(change) == [
        {"op": "changed", "old": "$900.00 per credit (online campus)", "new": "$1,250.00 per credit (online campus)",
         "percent": 38.9},
        {"op": "added", "new": "$100.00 per year (online campus)"}]
    assert moves({"field": "application_fee", "kind": "changed", "old": "50", "new": "75", "percent": 50.0}) == \
        [{"op": "changed", "old": "$50.00", "new": "$75.00", "percent": 50.0}]
    assert moves({"field": "min_gpa", "kind": "added", "old": None, "new": "3.0"}) == \
        [{"op": "changed", "old": "(none)", "new": "3.0", "percent": None}]


# -- the HTML of a hand-made hostile report, parsed ---------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.hrefs, self.handlers, self.text, self.ids = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href"]
        self.ids += [v for k, v in attrs if k == "id"]
        self.handlers += [k for k, _ in attrs if k.startswith("on")]

    def handle_data(self, data):
        self.text.append(data)


def _hostile_report() -> dict:
    evil = "<script>window.pwned=1</script>\u202e"
    change = {
        "change_id": 7, "crawl_id": "c1", "program_id": "az/x", "institution_id": "az", "program_name": f"Name {evil}",
        "field": "name", "kind": "changed", "status": "pending", "cause": "site", "old": "Old", "new": f"New {evil}",
        "evidence_old": [{"text": "Old", "url": "javascript:alert(1)"}],
        "evidence_new": [{"text": f"New {evil}", "url": "https://example.edu/new?a=1&b=2"}],
        "source_url": "data:text/html,<script>alert(1)</script>", "reason": f"held {evil}", "initial_load": False,
        "detected_at": "2026-11-02", "decided_at": None, "decision_reason": None,
    }
    report = {"crawl_id": "c1", "kind": "crawl", "source": f"live {evil}", "observed_on": "2026-11-02",
              "started_at": "s", "finished_at": "f", "institutions": {"az": f"Uni {evil}"},
              "spiders": [{"name": "az", "health": "degraded", "quarantined": True, "pages": 1, "programs": 1,
                           "errors": [f"error {evil}"], "broken_since": "2026-11-01", "crawls_broken": 2}],
              "counts": {"accepted": 0, "initial_load": 0, "pending": 1, "rejected": 0, "breakage": 0,
                         "still_pending": 0, "sites_broken": 1},
              "changes": [change], "still_pending": [], "unseen": []}
    report["summary"] = summary_line(report)
    return report


def test_html_keeps_page_text_as_text_and_links_only_http():
    html = render_html(_hostile_report())
    parsed = _Tags()
    parsed.feed(html)
    assert not {"script", "img", "svg", "iframe", "object", "embed", "base", "form"} & set(parsed.tags)
    assert parsed.handlers == []
    # The only http(s) URL (attribute unescaped by the parser); every other link is the overview's,
    # to a card of this page.
    assert [h for h in parsed.hrefs if not h.startswith("#")] == ["https://example.edu/new?a=1&b=2"]
    assert {h for h in parsed.hrefs if h.startswith("#")} == {"#change-7", "#site-az"}
    assert {"change-7", "site-az"} <= set(parsed.ids)
    text = "".join(parsed.text)
    assert "New <script>window.pwned=1</script>⟨U+202E⟩" in text
    assert "data:text/html,<script>alert(1)</script>" in text  # shown, not linked
    assert "\u202e" not in html


def test_markdown_keeps_page_text_as_text():
    markdown = render_markdown(_hostile_report())
    assert "\u202e" not in markdown
    assert r"New \<script\>window.pwned=1\</script\>⟨U+202E⟩" in markdown
    assert "javascript:" not in markdown and "data:text/html" in markdown
    assert "Page (not a web link): data:text/html,\\<script\\>alert(1)\\</script\\>" in markdown
    assert "from <https://example.edu/new?a=1&b=2>" in markdown


# -- real refreshes -----------------------------------------------------------------------------------

def test_decisions_come_first_with_reasons_since_and_percent(decisions):
    *_, third = decisions
    assert third.summary == "mlis-crawler refresh 2026-11-02: 9 changes published; 9 waiting for review; 1 site broken (arizona)"
    markdown = (third.report_dir / "report.md").read_text(encoding="utf-8")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        f"# {md(third.summary)}",
        "## What changed",
        "## Needs a decision",
        "### Pending changes (9)",
        "#### Tuition: changed (#21, #24, #27, #30, #33, #36, #39, #42, #45)",
        "### Broken sites (1)",
        "## Changes published",
        "### University of Arizona",
        "#### All 9 programs",
        "##### Application deadlines: changed",
        "## Values kept because pages could not be read",
    ]
    assert "**Why held:** money moved by +38.9% (limit 25%)" in markdown
    assert "- \\$900.00 per credit (online campus) → **\\$1,250.00 per credit (online campus)** **(+38.9%)**" in markdown
    assert "- fee \\$228.00 per term (online campus, 7+ credits) → **fee \\$240.00 per term (online campus, 7+ credits)** **(+5.3%)**" in markdown
    assert "mlis-crawler review accept 21 24 27 30 33 36 39 42 45 --reason \"…\"" in markdown
    assert ("- **University of Arizona** (`arizona`): **degraded** since 2026-11-01 (2 crawls in a row); "
            "2 pages, 9 programs\n"
            "  - Entrance exam: the text does not state a value we can read on "
            "<https://infosci.arizona.edu/ma-library-information-science/admissions-cost>\n"
            "  - so: its last good values are kept\n") in markdown
    assert "- Fall Mar 15 (final, online campus) → **Fall Apr 1 (final, online campus)**" in markdown
    assert "  - Entrance exam of 9 programs: entrance\\_exam: the text does not state a value we can read" in markdown
    assert markdown.count("Page: <https://infosci.arizona.edu/ma-library-information-science/admissions-cost>") == 2
    assert report_json(third)["spiders"][0]["broken_since"] == "2026-11-01"


def test_markdown_of_hostile_pages_stays_text(hostile):
    _, second = hostile
    markdown = (second.report_dir / "report.md").read_text(encoding="utf-8")
    for hidden in "\u202e\u2066\u2069\u200b":
        assert hidden not in markdown
    # (The crawler itself drops the zero-width space from page text; the unit tests above cover it.)
    assert HELD_EXAM in markdown
    assert ("- Master of Arts \\<img src=x onerror=\"window.pwned=5\"\\> in ⟨U+202E⟩Library⟨U+2069⟩ Science "
            "\\[y\\](data:text/html,1) \\<script\\>window.pwned=6\\</script\\> \"\\>\\<svg onload=window.pwned=7\\> "
            "\\[z\\](javascript:window.pwned=8) \\| b \\| \\`c\\` \\# t (`arizona/ma-lis`)") in markdown
    # Every "<" that is not escaped is our own markup: details, summary, line breaks, http(s) autolinks.
    ours = re.compile(r"<(?:/?details>|/?summary>|br>|https?://[^\s<>]+>)")
    for match in re.finditer(r"(?<!\\)<", markdown):
        assert ours.match(markdown, match.start()), markdown[match.start():match.start() + 60]
    # Every link is an http(s) autolink: no inline links, no reference definitions.
    assert not re.search(r"(?<!\\)\]\(", markdown)
    assert not re.search(r"^\s*(?<!\\)\[[^\]]*\]:", markdown, re.M)


# -- F22: a held first-seen program is not taken off what was published --------------------------------

def test_held_first_seen_program_is_counted_apart(tmp_path):
    _, second = held_first_seen_scenario(tmp_path)
    counts = report_json(second)["counts"]
    assert (counts["published"], counts["initial_load"], counts["initial_load_held"], counts["pending"]) == (0, 1, 1, 1)
    assert second.summary == ("mlis-crawler refresh 2026-11-01: 0 changes published; 1 program seen for the first time "
                              "(1 held for review); 1 waiting for review; 1 site broken (arizona)")
    markdown = (second.report_dir / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith(f"# {md(second.summary)}\n")
    assert "**0** published" in markdown and not re.search(r"(?<![\d-])-\d+\**\s(changes?\s)?published", markdown)
    assert "- **University of Arizona**: New programs 1 held; site degraded" in markdown
    listed = cli("crawls", "--format", "json", "--data", str(tmp_path / "data"))
    assert listed.returncode == 0, listed.stderr
    assert [(r["changes_published"], r["first_seen"], r["changes_held"]) for r in json.loads(listed.stdout)] == [
        (0, 9, 0), (0, 1, 1)]


# -- each quote with its page -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return pages_scenario(tmp_path_factory.mktemp("pages"))


def test_every_quote_names_its_page_when_several_pages_state_a_value(pages):
    _, second = pages
    about, mlis = (f"https://{page}" for page in (USM_ABOUT, USM_MLIS))
    change = next(c for c in report_json(second)["changes"] if c["field"] == "total_credits")
    assert change["source_url"] == about  # the page the card names once; its quote is named too
    markdown = (second.report_dir / "report.md").read_text(encoding="utf-8")
    assert ("| “Our 40 graduate credit hour program does not require physical residence in Mississippi, but each "
            f"course does have required real-time online class meetings.” from <{about}><br>“Earned 40\\* semester hours "
            "of credit consisting of 22 hours of required courses, 15 hours of general electives, and three hours of the "
            f"master's project” from <{mlis}> | “Our 41 graduate") in markdown
    html = (second.report_dir / "report.html").read_text(encoding="utf-8")
    for value in ("40", "41"):
        assert re.search(rf'<blockquote>Our {value} graduate credit hour program[^<]*</blockquote>\s*'
                         rf'<p class="from">from <a href="{re.escape(about)}"', html)
        assert re.search(rf'<blockquote>Earned {value}\* semester hours[^<]*</blockquote>\s*'
                         rf'<p class="from">from <a href="{re.escape(mlis)}"', html)
    from crawler.report.terminal import describe_group
    lines = describe_group({"change": change, "ids": [change["change_id"]],
                            "programs": [{"program_id": change["program_id"], "name": "MLIS"}]}, {}, tmp_path_of(second))
    quoted = [line for line in lines if line.lstrip().startswith("now:")]
    assert [line.rsplit("(from ", 1)[-1] for line in quoted] == [f"{about})", f"{mlis})"]


def tmp_path_of(result) -> Path:
    return result.report_dir.parent.parent


def test_a_quote_from_the_cards_own_page_alone_is_not_named_twice():
    from crawler.report.describe import evidence_quotes
    page, other = "https://example.edu/a", "https://example.edu/b"
    one = evidence_quotes([{"text": "37 units", "url": page}], page)
    assert one == [{"text": "37 units", "url": page, "page": False}]
    two = evidence_quotes([{"text": "37 units", "url": page}, {"text": "37 credits", "url": other}], page)
    assert [(q["url"], q["page"]) for q in two] == [(page, True), (other, True)]
    hidden = evidence_quotes([{"text": "x", "url": "javascript:alert(1)"}], page)
    assert hidden == [{"text": "x", "url": None, "page": True}]  # said to be elsewhere, never linked


# -- reject beside accept -----------------------------------------------------------------------------

def test_every_held_card_shows_accept_and_reject(decisions):
    *_, third = decisions
    ids = "21 24 27 30 33 36 39 42 45"
    markdown = (third.report_dir / "report.md").read_text(encoding="utf-8")
    held = markdown.split("### Pending changes")[1].split("### Broken sites")[0]
    data = shlex.quote(str(third.report_dir.parent.parent))
    program = command()  # the program as this process was started (crawler/commandline.py)
    assert (f"To accept:\n\n```sh\n{program} review accept {ids} --reason \"…\" --data {data}\n```\n\n"
            f"To reject:\n\n```sh\n{program} review reject {ids} --reason \"…\" --data {data}\n```") in held
    html = (third.report_dir / "report.html").read_text(encoding="utf-8")
    cards = re.findall(r'<article class="card change pending".*?</article>', html, re.S)
    assert len(cards) == 1
    for card in cards:
        assert f'To accept</span><code>{html_escape(program)} review accept {ids} --reason' in card
        assert f'To reject</span><code>{html_escape(program)} review reject {ids} --reason' in card


def test_commands_begin_with_the_one_prefix(decisions, monkeypatch):
    import sys
    monkeypatch.setattr(sys.modules["crawler.report.describe"], "command_prefix", lambda: "/opt/mlis/.venv/bin/mlis-crawler")
    report = report_json(decisions[-1]) | {"data_dir": "/srv/mlis"}
    for text in (render_markdown(report), render_html(report)):
        assert "/opt/mlis/.venv/bin/mlis-crawler review accept 21 " in text
        assert "/opt/mlis/.venv/bin/mlis-crawler review reject 21 " in text
        assert not re.search(r"(?<![/\w])mlis-crawler review", text)


# -- a report shown again after decisions -------------------------------------------------------------

@pytest.fixture(scope="module")
def decided(tmp_path_factory):
    """Two nights (a baseline, then the online rate +38.9%: held for 9 programs); then alice accepts
    the MA's and bob rejects the others', and the report of the night is shown again."""
    root = tmp_path_factory.mktemp("decided")
    _, held = nights(root, [SITES / "2024-09-15",
                            snapshot_copy(root, "2026-11-02", [(ADMISSIONS, "$900/unit", "$1,250 per unit")])])
    data = root / "data"
    ids = {c["program_id"]: c["change_id"] for c in report_json(held)["changes"] if c["status"] == "pending"}
    ma = ids.pop("arizona/ma-lis")
    for args in (("accept", str(ma), "--by", "alice", "--reason", "bursar confirms the new rate"),
                 ("reject", *map(str, ids.values()), "--by", "bob", "--reason", "the concentrations keep the old rate")):
        run = cli("review", *args, "--data", str(data))
        assert run.returncode == 0, run.stderr
    shown = {fmt: cli("report", "--crawl", held.crawl_id, "--format", fmt, "--data", str(data)) for fmt in ("md", "html")}
    for run in shown.values():
        assert run.returncode == 0, run.stderr
    return held, ma, sorted(ids.values()), shown["md"].stdout, shown["html"].stdout


def test_report_after_decisions_shows_where_each_held_change_stands(decided):
    held, ma, others, markdown, html = decided
    written = (held.report_dir / "report.md").read_text(encoding="utf-8")
    assert "mlis-crawler review accept" in written  # as the night wrote it
    # Shown again: no command to decide what is decided (pasted, it would fail), each card's state now.
    assert "review accept" not in markdown and "review reject" not in markdown
    assert "review accept" not in html and "review reject" not in html
    assert "Nothing: every change this report held has been decided since (below), every site healthy." in markdown
    assert "**Since this report was written, 9 held change(s) were decided**" in markdown
    decided_part = markdown.split("## Held, decided since this report\n")[1].split("## Changes published")[0]
    assert f"### Tuition: changed (#{ma})" in decided_part
    assert re.search(r"\*\*Now accepted on \S+ by alice\*\* — why: bursar confirms the new rate\.", decided_part)
    assert f"### Tuition: changed ({', '.join(f'#{i}' for i in others)})" in decided_part
    assert re.search(r"\*\*Now rejected on \S+ by bob\*\* — why: the concentrations keep the old rate\.", decided_part)
    assert "- **University of Arizona**: Tuition 1 accepted since, 8 rejected since" in markdown
    cards = re.findall(r'<article class="card change decided".*?</article>', html, re.S)
    assert len(cards) == 2 and all('class="status-now"' in card for card in cards)
    assert 'id="pending"' not in html
    # The report keeps its word: its lists and summary are as written.
    assert held.summary in markdown.splitlines()[0].replace("\\", "")


# -- the header: configuration warnings and coverage ------------------------------------------------------

def test_config_warnings_and_coverage_are_in_the_header(tmp_path):
    from crawler.config import parse_config
    from crawler.report.gather import failure_report
    from crawler.roster import coverage
    from sqlite_utils import Database

    risky = parse_config({"crawl": {"contact": "ops@example.edu",
                                    "settings": {"ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0}}})
    assert len(risky.warnings()) == 2
    night = refresh(tmp_path / "data", SITES / "2024-09-15", ["arizona"], log=lambda line: None, config=risky)
    line = coverage().line()
    assert re.fullmatch(r"covering \d+ of 46 online programs", line)
    written = report_json(night)
    assert written["warnings"] == risky.warnings() and written["coverage"] == line
    markdown = (night.report_dir / "report.md").read_text(encoding="utf-8")
    head = markdown.split("## What changed")[0]
    for warning in risky.warnings():
        assert f"**Configuration warning:** {md(warning)}" in head
    assert f"The crawler is {line}." in head
    html = (night.report_dir / "report.html").read_text(encoding="utf-8")
    header = html.split("</header>")[0]
    assert header.count("<li>Configuration: ") == 2 and "robots.txt off (ROBOTSTXT_OBEY = false)" in header
    assert f'<span class="coverage">The crawler is {line}.</span>' in header
    failed = failure_report(Database(tmp_path / "data" / "history.db"), night.crawl_id, "a test", risky.warnings())
    assert "**Configuration warning:** " in render_markdown(failed).split("**Why:**")[0]
    # Without a risky setting, nothing is said.
    quiet = refresh(tmp_path / "quiet", SITES / "2024-09-15", ["arizona"], log=lambda line: None,
                    config=parse_config({}))
    assert report_json(quiet)["warnings"] == []
    assert "Configuration" not in (quiet.report_dir / "report.md").read_text(encoding="utf-8")


# -- the overview ----------------------------------------------------------------------------------------

def test_overview_comes_first_and_links_each_count_to_its_card(decisions):
    *_, third = decisions
    markdown = (third.report_dir / "report.md").read_text(encoding="utf-8")
    overview = markdown.split("## What changed\n")[1].split("## Needs a decision")[0]
    assert overview == ("\n**9** waiting for review · **9** published · **1** of 1 site(s) broken · 0 first seen\n\n"
                        "- **University of Arizona**: Tuition 9 held; Application deadlines 9 published; site degraded\n\n")
    html = (third.report_dir / "report.html").read_text(encoding="utf-8")
    table = html.split('<table class="overview">')[1].split("</table>")[0]
    assert re.findall(r'<th scope="col">([^<]*)</th>', table) == ["University", "Tuition", "Application deadlines", "Site"]
    links = dict((text, href) for href, text in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', table))
    assert links == {"9": links["9"], "degraded": "site-arizona"}
    cells = re.findall(r'data-field="(\w+)"><span class="state (\w+)"><a href="#(change-\d+)">(\d+)</a>', table)
    assert cells == [("tuition", "held", "change-21", "9"), ("application_deadlines", "published", "change-19", "9")]
    for _, _, anchor, _ in cells:
        assert f'id="{anchor}"' in html
    assert html.index('id="overview"') < html.index('id="decisions"')


def _demo_like_report() -> dict:
    """A night like the demo's second: seven universities, a held fee, changes to several fields."""
    fields = ["tuition", "application_deadlines", "total_credits", "entrance_exam", "duration", "min_gpa"]
    names = {"arizona": "University of Arizona", "buffalo": "University at Buffalo", "denver": "University of Denver",
             "lsu": "Louisiana State University", "twu": "Texas Woman's University",
             "usm": "University of Southern Mississippi", "wisconsin": "University of Wisconsin-Madison"}
    changes, next_id = [], 100
    for i, institution in enumerate(names):
        for field in fields[i % 3: i % 3 + 3]:
            next_id += 1
            changes.append({**_change(next_id, f"{institution}/mlis", field=field, old=None, new=None),
                            "cause": "site", "evidence_old": None, "evidence_new": None, "source_url": None,
                            "reason": None, "initial_load": False, "crawl_id": "c2", "detected_at": "2026-11-02"})
    changes[0] = {**changes[0], "field": "application_fee", "status": "pending", "reason": "money moved by +33.9%"}
    report = {"crawl_id": "c2", "kind": "crawl", "source": "live", "observed_on": "2026-11-02", "started_at": "s",
              "finished_at": "f", "institutions": names, "changes": changes, "still_pending": [], "unseen": [],
              "spiders": [{"name": n, "health": "ok", "quarantined": False, "pages": 3, "programs": 5, "errors": []}
                          for n in names],
              "counts": {"accepted": len(changes) - 1, "published": len(changes) - 1, "initial_load": 0, "pending": 1,
                         "rejected": 0, "breakage": 0, "still_pending": 0, "sites_broken": 0},
              "warnings": [], "coverage": "covering 16 of 46 online programs"}
    report["summary"] = summary_line(report)
    return report


def test_overview_of_a_busy_night_counts_every_change_once():
    from crawler.report.describe import overview, sections
    report = _demo_like_report()
    o = overview(report, sections(report))
    assert [r["name"] for r in o["rows"]] == sorted(report["institutions"].values())
    counted = sum(e["count"] for r in o["rows"] for cell in r["cells"] if cell for e in cell["entries"])
    assert counted == len(report["changes"]) == 21
    assert o["totals"] | {} == {"held": 1, "decided": 0, "published": 20, "first_seen": 0, "sites_broken": 0, "sites": 7}
    arizona = next(r for r in o["rows"] if r["institution"] == "arizona")
    fee = o["columns"].index(next(c for c in o["columns"] if c["key"] == "application_fee"))
    assert arizona["cells"][fee]["text"] == "1 held"


def test_overview_cell_of_many_cards_links_its_first():
    # Sixty programs first seen on a site whose breaker tripped: sixty held cards of one kind.
    report = _demo_like_report()
    added = [{**_change(500 + i, f"arizona/p{i}", field=None, kind="program_added", old=None, new={"name": f"P{i}"},
                        status="pending"), "cause": "site", "evidence_old": None, "evidence_new": None,
              "source_url": None, "reason": "first seen while its site is degraded", "initial_load": True,
              "crawl_id": "c2", "detected_at": "2026-11-02"} for i in range(60)]
    report = report | {"changes": report["changes"] + added,
                       "counts": report["counts"] | {"pending": 61, "initial_load": 60, "initial_load_held": 60}}
    html = render_html(report)
    table = html.split('<table class="overview">')[1].split("</table>")[0]
    assert '<span class="state held"><a href="#change-500">60</a> held (60 cards, from the first)</span>' in table
    assert table.count('href="#change-5') == 1
    assert "- **University of Arizona**: New programs 60 held;" in render_markdown(report)


def test_a_spider_list_that_cannot_be_read_leaves_only_the_coverage_line_out(monkeypatch):
    from crawler.report.gather import coverage_line
    import crawler.roster

    assert re.fullmatch(r"covering \d+ of 46 online programs", coverage_line())
    monkeypatch.setattr(crawler.roster, "spider_names", lambda: (_ for _ in ()).throw(SyntaxError("a broken spider")))
    assert coverage_line() is None
