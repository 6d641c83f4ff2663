"""Platform readers: one per catalog platform, one per tuition shape, each set up in a few class
attributes (as alltheplaces' store-finder bases, `locations/storefinders/`).

Catalogs run on few platforms. Acalog (`preview_program.php?catoid=…&poid=…`) and CourseLeaf
(`catalog.X.edu/graduate/<college>/<dept>/<program>/`) reach 32 of the 46 online programs. Both
read the same facts the same way, by what a reader of the page sees:

- the program's name: the page's first `<h1>` ("Library and Information Science, MLIS");
- the degree: the title's, or a label/value pair's ("Degree Awarded:"), `catalog_degree`;
- the total: the last block that opens with "Total" (or "Minimum Required"/"Minimum Total") and
  names a credit unit (`FACT_WORDS`) and a number, or whose label/value pair does: Acalog's
  "Total Units Required: 43" heading, CourseLeaf's "Total Hours | 40" row, Drexel's "Minimum
  Required Credits: 45.0"; else
  the sentence stating "a total of 36 credit hours". A course group's "Core Courses (10 units)"
  does not open with "Total", so it is never the total;
- the concentrations: the list under a heading the school names (`catalog_concentrations`);
- the catalog year: the "2023-2024" of the catalog the page belongs to (Acalog's selected
  catalog, CourseLeaf's header or title).

Tuition pages share no vendor, but three shapes recur, each a reader:

- a program card of label/value pairs ("Cost Per Credit" / "$737.00"): `RateCard`, `tuition_labels`;
- a rate table, one row per residency or fee, one column per load: `RateTable`, `tuition_rows`
  and `fee_rows` (words a row's label holds), `tuition_columns` (the per-credit column) and
  `tuition_table` (the table's CSS, "table");
- sentences ("Special Session tuition is $474 per unit"): `RateSentence`, `tuition_words` (each
  sentence holding them, a per-credit phrase and an amount is read).

A school's spider subclasses one catalog reader and one tuition reader and says where:

    class SjsuSpider(AcalogCatalog, RateSentence):
        name = "sjsu"
        institution = Institution(...)
        allowed_domains = ["sjsu.edu"]
        start_pages = {"https://catalog.sjsu.edu/preview_program.php?catoid=14&poid=8517": "parse_catalog",
                       "https://ischool.sjsu.edu/programs/mlis/fees": "parse_tuition"}
        catalog_program = "mlis"
        tuition_words = ("Special Session",)

The readers themselves (`acalog`, `courseleaf`, `label_value`, `rate_card`, `rate_table`,
`rate_sentences`, `program_area`) are plain functions of a `Page` returning evidence text,
tested on the recorded pages (tests/spiders/test_platforms.py). An Acalog page is read inside
the table cell holding its title (`program_area`): the whole cell is one block otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from crawler.crawl.page import _SENTENCE_END, Page, _pair, _xpath
from crawler.crawl.spider import ProgramSpider, expects
from crawler.normalize import clean_text
from crawler.normalize.vocabulary import FACT_WORDS, alternation

__all__ = ["AcalogCatalog", "CatalogFacts", "CourseLeafCatalog", "RateCard", "RateSentence", "RateTable",
           "acalog", "courseleaf", "label_value", "rate_card", "rate_sentence", "rate_sentences", "rate_table"]

# "Total Units Required: 43", "Total Credit Hours 36", "Program Total: 36 credits".
# "Minimum Required Credits", "Minimum Total Units": not "Minimum Hours Required Within the Unit".
_TOTAL = re.compile(rf"^(?:(?:program\s+|degree\s+)?total\b|minimum\s+(?:required|total)\s+(?:total\s+|required\s+)?"
                    rf"(?={alternation(FACT_WORDS['total_credits'])}))"
                    rf".{{0,60}}?{alternation(FACT_WORDS['total_credits'])}", re.I)
_TOTAL_OF = re.compile(rf"\ba\s+total\s+of\s+\d{{2,3}}(?:\.\d)?\s*{alternation(FACT_WORDS['total_credits'])}", re.I)
_NUMBER = re.compile(r"\b\d{2,3}(?:\.\d)?\b")
_YEARS = re.compile(r"\b(20\d\d)\s*[-\u2013/]\s*(20\d\d|\d\d)\b")
_PER_CREDIT_RE = re.compile(alternation([w for w in FACT_WORDS["tuition"] if w.startswith("per ")]), re.I)  # "per unit"
# The blocks a total may be stated in, in page order: headings, paragraphs, table rows, labels.
_TOTAL_BLOCKS = "h2, h3, h4, h5, p, tr, dt, strong, li"


@dataclass(frozen=True)
class CatalogFacts:
    """What a catalog page states about one program, as evidence text (None: not stated)."""

    name: str | None
    degree: str | None
    total_credits: str | None
    concentrations: list[str] = field(default_factory=list)
    catalog_year: str | None = None


def catalog_total(page: Page) -> str | None:
    """The last block that opens with "Total" and names a credit unit and a number: the program's
    total closes its requirements; a course group's credits ("Core Courses (10 units)") do not
    open with "Total"."""
    found = []
    for text in page.texts(_TOTAL_BLOCKS):
        if _TOTAL.match(text) and not _NUMBER.search(text) and len(text) < 80:
            text = label_value(page, text.rstrip(":")) or text  # a label whose value follows it
        if _TOTAL.match(text) and _NUMBER.search(text):
            found.append(text)
    if not found:  # lines of one block ("Major: …<br/>Minimum Required Credits: 45.0<br/>…")
        found = [line for line in _lines(page) if _TOTAL.match(line) and _NUMBER.search(line)]
    if found:
        return found[-1]
    # Otherwise the requirements' sentence: "students must complete a total of 36 credit hours",
    # read in its own paragraph (an Acalog page's content cell is a block holding them all).
    for block in page.texts("p, li"):
        for sentence in _SENTENCE_END.split(block):
            if _TOTAL_OF.search(sentence):
                return sentence
    return None


def catalog_year(page: Page, *places: str) -> str | None:
    """"2023-2024" of the first of `places` (CSS) whose text names a year range."""
    for css in places:
        for text in page.texts(css):
            m = _YEARS.search(text)
            if m:
                end = m[2] if len(m[2]) == 4 else m[1][:2] + m[2]
                return f"{m[1]}-{end}"
    return None


def acalog(page: Page, concentrations: str | None = None, degree: str | None = None) -> CatalogFacts:
    """An Acalog program page (`preview_program.php`); the degree is the title's unless the page
    names it in a label/value pair (`degree`: its label, "Degree Awarded")."""
    name = page.css("h1")
    return CatalogFacts(name=name, degree=label_value(page, degree) if degree else name, total_credits=catalog_total(page),
                        concentrations=page.list_items(concentrations) if concentrations else [],
                        catalog_year=catalog_year(page, "option[selected]", "title"))


def courseleaf(page: Page, concentrations: str | None = None, degree: str | None = None) -> CatalogFacts:
    """A CourseLeaf program page (`/graduate/<college>/<dept>/<program>/`): its tabs' text is all
    in the HTML, so the total is read from the page as a whole. Degree as `acalog`'s."""
    name = page.css("h1")
    return CatalogFacts(name=name, degree=label_value(page, degree) if degree else name, total_credits=catalog_total(page),
                        concentrations=page.list_items(concentrations) if concentrations else [],
                        catalog_year=catalog_year(page, "header", "title"))


def rate_card(page: Page, labels: tuple[str, ...]) -> list[str]:
    """"Label: value" for each label of a program card found on the page: a table row or a
    definition list (`Page.row`), a label in bold before its value in one block, or an element
    holding only the label followed by the element holding its value."""
    out = []
    for label in labels:
        text = label_value(page, label)
        if text:
            out.append(text)
    return out


def label_value(page: Page, label: str) -> str | None:
    """"Label: value" of a label/value pair: a table row or definition list (`Page.row`), a label in
    bold before its value in one block, an element holding only the label followed by the
    element holding its value (not another label), or a short block of plain text opening with
    "Label:" and its value. None when the label has no value."""
    found = page.row(label)
    if found:
        return found
    wanted = label.casefold().rstrip(":")
    texts = page._texts  # each element's text, computed once per page
    for el in page.root.root.iter():
        if isinstance(el.tag, str) and texts.of(el).casefold().rstrip(":") == wanted:
            inline = _inline_value(el, texts)
            if inline:  # <p><strong>Label:</strong> value<br/><strong>Next:</strong> ...</p>
                return f"{label}: {inline}"
            after = el.getnext()
            while after is not None and not isinstance(after.tag, str):
                after = after.getnext()
            value = texts.of(after) if after is not None else ""
            if value and not value.endswith(":"):  # the next label is not this one's value
                return f"{label}: {value}"
    # Plain text: "<p>Cost Per Credit: $737.00</p>", or one of several pairs on a line ("Credits: 36
    # Duration: 1 to 4 years Format: Online"), each value ending where the next "Label:" begins.
    pair = re.compile(rf"(?:^|(?<=\s))(?i:{re.escape(label.rstrip(':'))})\s*:\s*(?P<value>\S.{{0,80}}?)"
                      r"(?=\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*:(?:\s|$)|$)")
    for text in [*_lines(page), *page.texts("p, li, dd, td")]:  # a line, else a block
        found = pair.search(text)
        if found:
            return f"{label.rstrip(':')}: {found['value']}"
    return None


def _lines(page: Page) -> list[str]:
    """The page's text nodes, each cleaned: the lines of a block broken by `<br/>`."""
    return [clean_text(t) for el in page.root.root.iter() if isinstance(el.tag, str) and el.tag not in ("script", "style")
            for t in (el.text, el.tail) if t and t.strip()]


def _inline_value(el, texts) -> str:
    """The text after a label element in its own block, up to a line break or the next label of
    the same kind: "value" in `<strong>Label:</strong> value<br/>`."""
    parts = [el.tail or ""]
    for sib in el.itersiblings():
        if not isinstance(sib.tag, str):
            parts.append(sib.tail or "")
            continue
        if sib.tag in ("br", el.tag):
            break
        parts.extend([texts.of(sib), sib.tail or ""])
    return clean_text(" ".join(parts))


def rate_table(page: Page, rows: tuple[str, ...], css: str = "table", columns: tuple[str, ...] = ()) -> list[str]:
    """The cells of the rate table's rows whose label (first cell) opens with one of `rows`, each
    labelled by its column heading and row ("Per Credit Hour Maryland Resident: $717.00", as
    `Page.cells` writes them): "Maryland Resident" is not "Maryland Non-resident" nor "Total
    Maryland Resident". Only the `columns` named (their heading, whole), or every column: a column
    that multiplies the rate out ("(Full Time)", nine credits) adds nothing and is left out by
    naming the per-credit column."""
    wanted = [r.casefold() for r in rows]
    named = [c.casefold() for c in columns]
    text = page._texts.of  # each element's text, computed once per page (Page's own cache)
    out = []
    for table in page._query(css, css=True):
        # The heading row: of the rows of headings only, the one naming most columns (a title row
        # above it, "Tuition" over two empty cells, names one).
        heads = [[text(th) for th in _xpath("th")(tr)] for tr in _xpath("thead/tr | tr | tbody/tr")(table)
                 if not _xpath("td")(tr)]
        headings = max(heads, key=lambda row: sum(1 for h in row if h), default=[])
        for row in _xpath("tbody/tr[td] | tr[td]")(table):
            cells = _xpath("th|td")(row)
            label = text(cells[0]) if cells else ""
            if not any(label.casefold().startswith(w) for w in wanted):
                continue
            for i, cell in enumerate(cells[1:], start=1):
                column = headings[i] if i < len(headings) else ""
                if text(cell) and (not named or column.casefold() in named):
                    out.append(_pair(clean_text(f"{column} {label}"), text(cell)))
    return out


def rate_sentences(page: Page, words: tuple[str, ...] = ()) -> list[str]:
    """Each sentence, in page order and once, holding all `words` (whole words, ignoring case), a
    per-credit phrase ("per unit", "per credit hour") and an amount: "$X per credit" statements.
    Read paragraph by paragraph (list items, cells), so a block holding several is split."""
    wanted = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I) for w in words]
    out: list[str] = []
    for block in page.texts("p, li, td, dd"):
        for sentence in _SENTENCE_END.split(block):
            if ("$" in sentence and _PER_CREDIT_RE.search(sentence) and all(w.search(sentence) for w in wanted)
                    and sentence not in out):
                out.append(sentence)
    return out


def rate_sentence(page: Page, words: tuple[str, ...] = ()) -> str | None:
    """The first of `rate_sentences`."""
    found = rate_sentences(page, words)
    return found[0] if found else None


def program_area(page: Page) -> Page:
    """The part of a catalog page that is the program's: the content area (`page.main`) or, on an
    Acalog page laid out as a table, the innermost cell holding the program's `<h1>` (the whole
    cell would otherwise be one block, and its sentences would run across paragraphs)."""
    main = page.main
    cell = main.root.xpath("(.//h1)[1]/ancestor::td[1]")
    return Page(page.response, cell[0], main._texts, content=page.content) if cell else main


# -- the spiders' side: a reader and a callback, set up by class attributes -----------------------


class AcalogCatalog(ProgramSpider):
    """Reads the program (name, degree, concentrations) and its total from an Acalog page, at the
    URL `start_pages` maps to `parse_catalog`."""

    catalog_program: str = "mlis"  # the program slug
    catalog_concentrations: str | None = None  # the heading over the list of concentrations
    catalog_degree: str | None = None  # the label of the degree's label/value pair; else the title
    catalog_reader = staticmethod(acalog)

    @expects("name", "degree", "total_credits")
    def parse_catalog(self, page: Page) -> Iterator[Any]:
        main = program_area(page)
        facts = self.catalog_reader(main, self.catalog_concentrations, self.catalog_degree)
        yield from self.programs(self.catalog_program, page, facts.concentrations, name=facts.name, degree=facts.degree)
        yield self.fact("total_credits", facts.total_credits, page)
        yield from self.parse_catalog_more(main)

    def parse_catalog_more(self, page: Page) -> Iterator[Any]:
        """Facts a school's catalog page states beyond the platform's (none by default)."""
        return iter(())


class CourseLeafCatalog(AcalogCatalog):
    """As `AcalogCatalog`, for a CourseLeaf program page."""

    catalog_reader = staticmethod(courseleaf)


class RateCard(ProgramSpider):
    """Tuition from a program card of label/value pairs, at the URL mapped to `parse_tuition`."""

    tuition_labels: tuple[str, ...] = ("Cost Per Credit",)

    @expects("tuition")
    def parse_tuition(self, page: Page) -> Iterator[Any]:
        for text in rate_card(page.main, self.tuition_labels):
            yield self.fact("tuition", text, page)


class RateTable(ProgramSpider):
    """Tuition (and per-credit fees) from a rate table: the rows whose label holds one of
    `tuition_rows` (`fee_rows`), in the `tuition_columns` (default: every column)."""

    tuition_rows: tuple[str, ...] = ("Graduate",)
    fee_rows: tuple[str, ...] = ()
    tuition_columns: tuple[str, ...] = ()
    tuition_table: str = "table"

    @expects("tuition")
    def parse_tuition(self, page: Page) -> Iterator[Any]:
        for field, rows in (("tuition", self.tuition_rows), ("fees", self.fee_rows)):
            for text in rate_table(page.main, rows, self.tuition_table, self.tuition_columns) if rows else ():
                yield self.fact(field, text, page)


class RateSentence(ProgramSpider):
    """Tuition from a "$X per credit" sentence holding `tuition_words`."""

    tuition_words: tuple[str, ...] = ()

    @expects("tuition")
    def parse_tuition(self, page: Page) -> Iterator[Any]:
        for text in rate_sentences(page.main, self.tuition_words):
            yield self.fact("tuition", text, page)
