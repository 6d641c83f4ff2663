"""`Page`: a fetched page with small locators that return evidence text.

Every locator returns the exact text it found, whitespace-collapsed (the evidence the
history keeps), or None. Text in <script>, <style> and <noscript> is never evidence; text in
collapsed accordions and hidden panels is, because it is in the HTML.
"""

from __future__ import annotations

import re

from parsel import Selector, SelectorList
from scrapy.http import Response

from crawler.normalize import clean_text

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
_HEADING_LIKE = "|".join(f"//{t}" for t in (*HEADINGS, "button", "summary", "dt", "th", "strong", "b"))
_BLOCKS = "//p|//li|//td|//dd|//dt|//th|//div[not(*)]|//span[not(*)]|//h1|//h2|//h3|//h4|//h5|//h6"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")


def text_of(nodes: Selector | SelectorList | None) -> str | None:
    if nodes is None:
        return None
    text = clean_text(" ".join(nodes.xpath(_TEXT).getall()))
    return text or None


class Page:
    def __init__(self, response: Response, root: Selector | None = None, content: str = "main"):
        self.response = response
        self.url = response.url
        self.root = root if root is not None else response.selector
        self.content = content  # the CSS selector of the content area (a spider's `content`)

    @property
    def main(self) -> Page:
        """The content area: the first element matching `content` ("main"), or the whole page."""
        return self.within(self.content) or self

    def within(self, css: str) -> Page | None:
        """The same page narrowed to the first element matching `css` (e.g. "main")."""
        found = self.root.css(css)
        return Page(self.response, found[0]) if found else None

    def css(self, query: str) -> str | None:
        return text_of(self.root.css(query)) if self.root.css(query) else None

    def xpath(self, query: str) -> str | None:
        return text_of(self.root.xpath(query)) if self.root.xpath(query) else None

    def heading(self, contains: str) -> Selector | None:
        """The first heading-like element (h1-h6, accordion button, summary, dt, th, bold) whose
        text contains `contains`, ignoring case."""
        wanted = contains.casefold()
        for node in self.root.xpath("." + _HEADING_LIKE.replace("|//", "|.//")):
            if wanted in (text_of(node) or "").casefold():
                return node
        return None

    def section(self, heading: str, with_heading: bool = True) -> str | None:
        """The text under a heading: an accordion's panel, a dt's dd, or the siblings after
        an h1-h6 up to the next heading of the same or a higher level."""
        node = self.heading(heading)
        if node is None:
            return None
        body = _section_body(node)
        text = text_of(body) if body else None
        if not text:
            return None
        if body.xpath("descendant-or-self::*") and node.root in [n.root for n in body.xpath("descendant-or-self::*")]:
            return text  # the heading is inline (<strong>Label:</strong> value): already in the text
        return clean_text(f"{text_of(node)} {text}") if with_heading else text

    def row(self, label: str, with_label: bool = True) -> str | None:
        """The value beside `label` in a key/value table row or definition list."""
        wanted = label.casefold()
        for row in self.root.xpath(".//tr[count(th|td) >= 2]"):
            cells = row.xpath("th|td")
            key = text_of(cells[0]) or ""
            if wanted in key.casefold():
                value = text_of(SelectorList(cells[1:]))
                if value:
                    return _pair(key, value) if with_label else value
        for dt in self.root.xpath(".//dt"):
            key = text_of(dt) or ""
            if wanted in key.casefold():
                value = text_of(dt.xpath("following-sibling::dd[1]"))
                if value:
                    return _pair(key, value) if with_label else value
        return None

    def cells(self, css: str = "table") -> list[str]:
        """Each data cell of the tables matching `css`, labelled by its column heading and its
        row's first cell: a grid of deadlines by term and applicant group reads
        "International Applicants Fall: April 15" (a flattened grid would lose the columns)."""
        out = []
        for table in self.root.css(css):
            head = table.xpath("(thead/tr | tr | tbody/tr)[th and not(td)][1]/th")
            columns = [text_of(th) or "" for th in head]
            for row in table.xpath("tbody/tr[td] | tr[td]"):
                cells = row.xpath("th|td")
                label = (text_of(cells[0]) or "") if cells else ""
                for i, cell in enumerate(cells[1:], start=1):
                    value = text_of(cell)
                    if value:
                        column = columns[i] if i < len(columns) else ""
                        out.append(_pair(clean_text(f"{column} {label}"), value))
        return out

    def sentence(self, *words: str) -> str | None:
        """The first sentence, in the smallest block that holds them, containing all `words`
        (whole words, ignoring case: "GRE" does not match "degree")."""
        patterns = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE) for w in words]
        for block in self.root.xpath("." + _BLOCKS.replace("|//", "|.//")):
            text = text_of(block) or ""
            if all(p.search(text) for p in patterns):
                for sentence in _SENTENCE_END.split(text):
                    if all(p.search(sentence) for p in patterns):
                        return sentence
        return None

    def texts(self, css: str) -> list[str]:
        """The text of each element matching `css`, in page order (empty ones skipped)."""
        return [t for t in (text_of(node) for node in self.root.css(css)) if t]

    def labels(self, css: str) -> list[str]:
        """The own text of each element matching `css`, without its children's: an accordion
        button's label without its "+" icon."""
        own = (clean_text(" ".join(node.xpath("text()").getall())) for node in self.root.css(css))
        return [t for t in own if t]

    def under_headings(self, xpath: str) -> list[str]:
        """Each node matching `xpath`, prefixed by the nearest heading before it: a list of
        deadlines under "Online Campus" reads "Online Campus Fall: March 15 ...". """
        out = []
        for node in self.root.xpath(xpath):
            heading = text_of(node.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]"))
            text = text_of(node)
            if text:
                out.append(clean_text(f"{heading or ''} {text}"))
        return out

    def list_items(self, heading: str) -> list[str]:
        """The items of the first list after a heading, e.g. the concentrations a catalog names."""
        node = self.heading(heading)
        if node is None:
            return []
        items = node.xpath("following::*[self::ul or self::ol][1]/li")
        return [t for t in (text_of(li) for li in items) if t]

    def titles(self, heading: str) -> list[str]:
        """The titles (button, summary) of the accordions in the section under a heading, e.g.
        the concentrations a program page lists as expandable panels under "Concentrations"."""
        node = self.heading(heading)
        body = _section_body(node) if node is not None else None
        if not body:
            return []
        found = body.xpath("descendant-or-self::button | descendant-or-self::summary")
        return [t for t in (text_of(n) for n in found) if t]

    def links(self, text: str | None = None, href: str | None = None) -> list[str]:
        """Absolute URLs of links whose text and/or href contain the given strings (ignoring case)."""
        return [url for _label, url in self.anchors(text, href)]

    def anchors(self, text: str | None = None, href: str | None = None) -> list[tuple[str, str]]:
        """(link text, absolute URL) of the links `links` finds, each URL once: the text names
        the program a program card links to, before its page is read."""
        found: dict[str, str] = {}
        for a in self.root.xpath(".//a[@href]"):
            target, label = a.attrib["href"], text_of(a) or ""
            if text and text.casefold() not in label.casefold():
                continue
            if href and href.casefold() not in target.casefold():
                continue
            url = self.response.urljoin(target)
            if url.startswith(("http://", "https://")):
                found.setdefault(url, label)
        return [(label, url) for url, label in found.items()]

    def link(self, text: str | None = None, href: str | None = None) -> str | None:
        found = self.links(text, href)
        return found[0] if found else None


def _pair(key: str, value: str) -> str:
    """A key/value row as one line of evidence: "Minimum Total Units Required: 37"."""
    return clean_text(f"{key} {value}" if key.rstrip().endswith(":") else f"{key}: {value}")


def _section_body(node: Selector) -> SelectorList | None:
    tag = node.root.tag if hasattr(node.root, "tag") else ""
    if tag in ("button", "summary"):
        controls = node.attrib.get("aria-controls")
        if controls:
            panel = node.xpath("//*[@id=$id]", id=controls)  # a variable: the page's value may hold quotes
            if panel:
                return panel
        if tag == "summary":
            return node.xpath("following-sibling::*")
        panel = node.xpath("following-sibling::*[1]")
        return panel or node.xpath("../following-sibling::*[1]")
    if tag == "dt":
        return node.xpath("following-sibling::dd[1]")
    if tag == "th":
        return node.xpath("following-sibling::td")
    if tag in HEADINGS:
        level = int(tag[1])
        stop = " or ".join(f"self::h{i}" for i in range(1, level + 1))
        siblings = node.xpath("following-sibling::*")
        body = []
        for sib in siblings:
            # self::*[...] is a node test; a bare "self::h1 or self::h2" is a boolean, always truthy here
            if sib.xpath(f"self::*[{stop}]") or sib.xpath(f".//*[{stop}]"):
                break
            body.append(sib)
        if body:
            return SelectorList(body)
        return node.xpath("../following-sibling::*[1]")
    # <strong>Label:</strong> value in the same block
    return node.xpath("..")
