"""The change report: describing values, escaping page text, links, the summary line, grouping,
and the Markdown of real refreshes (one with decisions to make, one whose pages carry hostile text).

The scenario helpers here are shared with tests/test_report_browser.py. They copy a recorded
snapshot to a tmp folder (named by its date: the replay's folder name is the night it stands
for), edit pages of the copy, and run real refreshes over it. fixtures/ is never modified.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from crawler.jobs import refresh
from crawler.report import (
    by_programs, describe, moves, group, md, md_code, render_html, render_markdown, safe_url, summary_line, visible,
)
from tests.conftest import SITES

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
PAYLOAD_NAME = "Master of Arts <img src=x onerror=\"window.pwned=5\"> in \u202eLibrary\u2069 Science [y](data:text/html,1)"


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
    assert ("“The GRE \\<script\\>document.title='pwned';window.pwned=1\\</script\\> \\<img src=x onerror=\"window.pwned=2\"\\> "
            "\"\\>\\<svg onload=window.pwned=3\\> \\[x\\](javascript:window.pwned=4) \\| a \\| \\`code\\` \\# h "
            "⟨U+202E⟩evil⟨U+2066⟩iso⟨U+2069⟩ zero") in markdown
    assert ("- Master of Arts \\<img src=x onerror=\"window.pwned=5\"\\> in ⟨U+202E⟩Library⟨U+2069⟩ Science "
            "\\[y\\](data:text/html,1) (`arizona/ma-lis`)") in markdown
    # Every "<" that is not escaped is our own markup: details, summary, line breaks, http(s) autolinks.
    ours = re.compile(r"<(?:/?details>|/?summary>|br>|https?://[^\s<>]+>)")
    for match in re.finditer(r"(?<!\\)<", markdown):
        assert ours.match(markdown, match.start()), markdown[match.start():match.start() + 60]
    # Every link is an http(s) autolink: no inline links, no reference definitions.
    assert not re.search(r"(?<!\\)\]\(", markdown)
    assert not re.search(r"^\s*(?<!\\)\[[^\]]*\]:", markdown, re.M)
