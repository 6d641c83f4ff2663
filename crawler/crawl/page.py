"""`Page`: a fetched page with small locators that return evidence text.

Every locator returns the exact text it found, whitespace-collapsed (the evidence the
history keeps), or None. Text in <script>, <style> and <noscript> is never evidence; text in
collapsed accordions and hidden panels is, because it is in the HTML.

The locators work on the lxml tree under the response's selector, and each element's text is
computed once per page (shared by every `Page` that `within` narrows from it): a page's
callbacks ask for the same blocks many times (`sentence` scans every paragraph and list item),
and building a parsel `Selector` per element and an XPath text query per block cost more than
the rest of the page path. `Selector` objects are made only where the API returns one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator
from scrapy.http import Response

from crawler.normalize import clean_text
from crawler.normalize.vocabulary import FACT_WORDS, alternation

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
_NOT_TEXT = frozenset(("script", "style", "noscript", "template"))  # the ancestors _TEXT excludes
_HEADING_LIKE = "|".join(f"//{t}" for t in (*HEADINGS, "button", "summary", "dt", "th", "strong", "b"))
_BLOCKS = "//p|//li|//td|//dd|//dt|//th|//div[not(*)]|//span[not(*)]|//h1|//h2|//h3|//h4|//h5|//h6"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_NAMESPACES = {"re": "http://exslt.org/regular-expressions", "set": "http://exslt.org/sets"}  # as parsel's
_CSS = HTMLTranslator()


@lru_cache(maxsize=512)
def _xpath(query: str) -> etree.XPath:
    return etree.XPath(query, namespaces=_NAMESPACES, smart_strings=False)


@lru_cache(maxsize=512)
def _css(query: str) -> etree.XPath:
    return _xpath(_CSS.css_to_xpath(query))


@lru_cache(maxsize=64)
def _fact_words(field: str) -> re.Pattern:
    """Any of the words that name `field` (FACT_WORDS), whole words, ignoring case; spaces and
    hyphens interchangeable ("grade point average" == "grade-point average")."""
    return re.compile(alternation(FACT_WORDS[field]), re.IGNORECASE)


@lru_cache(maxsize=256)
def _word(word: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def text_of(nodes: Selector | SelectorList | None) -> str | None:
    if nodes is None:
        return None
    text = clean_text(" ".join(nodes.xpath(_TEXT).getall()))
    return text or None


class _Texts:
    """The text of each element of one document, as `text_of` reads it, computed once.

    An element's raw text is its text nodes in document order joined by spaces (the spaces
    collapse in `clean_text`, as they do in `text_of`), read by lxml's `itertext` (comments and
    processing instructions give only their tail there too). Only the elements that hold a
    script, style, noscript or template (`_NOT_TEXT`) are read piece by piece, leaving those
    out, bottom-up and without recursion, so a deeply nested page cannot exhaust the stack.
    """

    def __init__(self):
        self._clean: dict = {}
        self._raw: dict = {}
        self.blocks: dict = {}  # root element -> its blocks, for `sentence`
        self.block_texts: dict = {}  # root element -> its blocks' texts
        self._hidden: set | None = None  # elements inside one of _NOT_TEXT
        self._holders: set = set()  # elements holding one of _NOT_TEXT

    def of(self, el) -> str:
        """The element's evidence text, "" when it has none."""
        text = self._clean.get(el)
        if text is None:
            if self._hidden is None:
                self._scan(el.getroottree())
            hidden = el.tag in _NOT_TEXT or el in self._hidden
            text = self._clean[el] = "" if hidden else clean_text(self._raw_of(el))
        return text

    def of_all(self, els: list) -> str | None:
        if len(els) == 1:
            return self.of(els[0]) or None
        parts = [self.of(el) for el in els]  # each clean already: joining and cleaning again is the same
        return clean_text(" ".join(parts)) or None

    def _scan(self, tree) -> None:
        self._hidden = set()
        for el in tree.iter(*_NOT_TEXT):
            self._hidden.update(el.iterdescendants())
            self._holders.update(el.iterancestors())

    def _raw_of(self, el) -> str:
        if el not in self._holders:
            return " ".join(el.itertext())
        raw = self._raw
        stack = [(el, False)]
        while stack:
            node, ready = stack.pop()
            if ready:
                parts = [node.text or ""]
                for child in node:
                    if isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
                        parts.append(raw[child] if child in self._holders else " ".join(child.itertext()))
                    parts.append(child.tail or "")
                raw[node] = " ".join(parts)
            elif node not in raw:
                stack.append((node, True))
                stack.extend((child, False) for child in node if child in self._holders and child not in raw)
        return raw[el]


_BLOCK_TAGS = frozenset(("p", "li", "td", "dd", "dt", "th", *HEADINGS))
_LEAF_BLOCK_TAGS = frozenset(("div", "span"))  # blocks only when they hold no element


def _block_elements(root) -> list:
    """The elements `_BLOCKS` selects under `root`, in page order, in one walk of the tree: the
    XPath union merges its fourteen node sets pairwise, quadratic in a page's size (a table of
    100,000 rows cost 42 s of CPU; redteam F14). lxml filters the walk by tag name before it makes
    a Python object for an element, so only the candidate blocks are made (half the cost on a
    program page, a seventeenth on a 100,000-row table)."""
    found = []
    for el in root.iterdescendants(*_BLOCK_TAGS, *_LEAF_BLOCK_TAGS):
        if el.tag in _BLOCK_TAGS or not any(isinstance(child.tag, str) for child in el):
            found.append(el)
    return found


def _is_element(node) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


class Page:
    def __init__(self, response: Response, root: Selector | None = None, _texts: _Texts | None = None,
                 content: str = "main"):
        self.response = response
        self.url = response.url
        self.root = root if root is not None else response.selector
        self._texts = _texts if _texts is not None else _Texts()
        self.content = content  # the CSS selector of the content area (a spider's `content`)

    @property
    def main(self) -> Page:
        """The content area: the first element matching `content` ("main"), or the whole page."""
        return self.within(self.content) or self

    # -- internals: lxml elements, their text, Selectors only at the API's edge -------------

    @property
    def _el(self):
        return self.root.root

    def _text(self, els: list) -> str | None:
        """`text_of` for a list of nodes: elements from the cache, anything else (an attribute's
        or a text node's string, a comment) as `text_of` reads its Selector."""
        if len(els) == 1:  # the common case: one element, its text from the cache
            el = els[0]
            if isinstance(el, etree._Element) and isinstance(el.tag, str):
                return self._texts.of(el) or None
        elif all(_is_element(el) for el in els):
            return self._texts.of_all(els) if els else None
        return text_of(SelectorList(self._selector(el) for el in els))

    def _selector(self, el) -> Selector:
        return type(self.root)(root=el, type=self.root.type)

    def _query(self, query: str, css: bool) -> list:
        if not _is_element(self._el):  # a Page narrowed to a text node: parsel's own rules
            found = self.root.css(query) if css else self.root.xpath(query)
            return [s.root for s in found]
        return (_css(query) if css else _xpath(query))(self._el)

    # -- the locators -----------------------------------------------------------------------

    def within(self, css: str) -> Page | None:
        """The same page narrowed to the first element matching `css` (e.g. "main")."""
        found = self._query(css, css=True)
        return Page(self.response, self._selector(found[0]), self._texts) if found else None

    def css(self, query: str) -> str | None:
        found = self._query(query, css=True)
        return self._text(found) if found else None

    def xpath(self, query: str) -> str | None:
        found = self._query(query, css=False)
        return self._text(found) if found else None

    def heading(self, contains: str) -> Selector | None:
        """The first heading-like element (h1-h6, accordion button, summary, dt, th, bold) whose
        text contains `contains`, ignoring case."""
        node = self._heading(contains)
        return self._selector(node) if node is not None else None

    def _heading(self, contains: str):
        wanted = contains.casefold()
        for node in self._query("." + _HEADING_LIKE.replace("|//", "|.//"), css=False):
            if wanted in (self._text([node]) or "").casefold():
                return node
        return None

    def section(self, heading: str, with_heading: bool = True) -> str | None:
        """The text under a heading: an accordion's panel, a dt's dd, or the siblings after
        an h1-h6 up to the next heading of the same or a higher level."""
        node = self._heading(heading)
        if node is None:
            return None
        body = _section_body(node)
        text = self._text(body) if body else None
        if not text:
            return None
        if _holds(body, node):
            return text  # the heading is inline (<strong>Label:</strong> value): already in the text
        return clean_text(f"{self._text([node])} {text}") if with_heading else text

    def row(self, label: str, with_label: bool = True) -> str | None:
        """The value beside `label` in a key/value table row or definition list."""
        wanted = label.casefold()
        for row in self._query(".//tr[count(th|td) >= 2]", css=False):
            cells = _xpath("th|td")(row)
            key = self._text(cells[:1]) or ""
            if wanted in key.casefold():
                value = self._text(cells[1:])
                if value:
                    return _pair(key, value) if with_label else value
        for dt in self._query(".//dt", css=False):
            key = self._text([dt]) or ""
            if wanted in key.casefold():
                value = self._text(_xpath("following-sibling::dd[1]")(dt))
                if value:
                    return _pair(key, value) if with_label else value
        return None

    def cells(self, css: str = "table") -> list[str]:
        """Each data cell of the tables matching `css`, labelled by its column heading and its
        row's first cell: a grid of deadlines by term and applicant group reads
        "International Applicants Fall: April 15" (a flattened grid would lose the columns)."""
        out = []
        for table in self._query(css, css=True):
            head = _xpath("(thead/tr | tr | tbody/tr)[th and not(td)][1]/th")(table)
            columns = [self._text([th]) or "" for th in head]
            for row in _xpath("tbody/tr[td] | tr[td]")(table):
                cells = _xpath("th|td")(row)
                label = (self._text(cells[:1]) or "") if cells else ""
                for i, cell in enumerate(cells[1:], start=1):
                    value = self._text([cell])
                    if value:
                        column = columns[i] if i < len(columns) else ""
                        out.append(_pair(clean_text(f"{column} {label}"), value))
        return out

    def sentence(self, *words: str) -> str | None:
        """The first sentence, in the smallest block that holds them, containing all `words`
        (whole words, ignoring case: "GRE" does not match "degree")."""
        return self._first_sentence([_word(w) for w in words])

    def block(self, *words: str) -> str | None:
        """The whole text of the first block (paragraph, list item, cell) holding all `words`
        (whole words, ignoring case): a statement whose sentences need each other ("... once a
        year, for fall semester. Although applications are accepted until February 1, ...")."""
        patterns = [_word(w) for w in words]
        for text in self._block_texts():
            if all(p.search(text) for p in patterns):
                return text
        return None

    def mention(self, field: str, *words: str) -> str | None:
        """The first sentence, in the smallest block that holds it, that names `field` by one of
        its words (`FACT_WORDS`: "GPA", "grade point average" and "grade-point average" alike for
        `min_gpa`) and holds every one of `words` (whole words, ignoring case, as `sentence`):
        `mention("min_gpa", "admission")` is the admission GPA, not a graduation average."""
        return self._first_sentence([_fact_words(field), *(_word(w) for w in words)])

    def _first_sentence(self, patterns: list[re.Pattern]) -> str | None:
        """The first sentence, in the smallest block that holds them all, matching every pattern."""
        for text in self._block_texts():
            if all(p.search(text) for p in patterns):
                for sentence in _SENTENCE_END.split(text):
                    if all(p.search(sentence) for p in patterns):
                        return sentence
        return None

    def list_after(self, *words: str) -> list[str]:
        """The items of the first list after the first block whose text contains all `words`
        (whole words, ignoring case), within this page's root: an unheaded list that a sentence
        introduces ("Below are the current concentrations ..."). A list inside that block counts."""
        patterns = [_word(w) for w in words]
        for block in self._blocks():
            if block.tag == "li" or not all(p.search(self._text([block]) or "") for p in patterns):
                continue
            lists = _xpath("descendant::*[self::ul or self::ol][1] | following::*[self::ul or self::ol][1]")(block)
            inside = [el for el in lists if self._contains(el)]
            if inside:
                items = _xpath("li")(inside[0])
                return [t for t in (self._text([li]) for li in items) if t]
            return []
        return []

    def answer(self, *words: str) -> str | None:
        """The answer to the first question (a heading-like element or paragraph ending in "?")
        holding all `words`: an accordion's panel, a dt's dd, the blocks under a heading, or the
        element right after the question. Never the question itself."""
        patterns = [_word(w) for w in words]
        query = "." + (_HEADING_LIKE + "|//p").replace("|//", "|.//")
        for node in self._query(query, css=False):
            text = self._text([node]) or ""
            if "?" not in text or not all(p.search(text) for p in patterns):
                continue
            body = [el for el in _section_body(node) if not _holds([el], node) and el is not node]
            if node.tag in ("strong", "b", "p") or not body:
                host = node if node.tag == "p" else node.getparent()
                body = _xpath("following-sibling::*[1]")(host) if host is not None else []
            found = self._text(body) if body else None
            if found:
                return found
        return None

    def _contains(self, el) -> bool:
        """Whether `el` is this page's root or inside it."""
        root = self._el
        return el is root or (_is_element(root) and any(a is root for a in el.iterancestors()))

    def _blocks(self) -> list:
        """Every block under this page's root, in page order (found once per root)."""
        key = self._el if _is_element(self._el) else id(self.root)
        found = self._texts.blocks.get(key)
        if found is None:
            if _is_element(self._el):
                found = _block_elements(self._el)
            else:  # a Page narrowed to a text node: parsel's own rules
                found = self._query("." + _BLOCKS.replace("|//", "|.//"), css=False)
            self._texts.blocks[key] = found
        return found

    def _block_texts(self) -> list[str]:
        """The text of each of `_blocks`, in page order ("" for a block without text), found once
        per root: `sentence`, `block` and `mention` each scan them all."""
        key = self._el if _is_element(self._el) else id(self.root)
        found = self._texts.block_texts.get(key)
        if found is None:
            found = self._texts.block_texts[key] = [self._text([block]) or "" for block in self._blocks()]
        return found

    def texts(self, css: str) -> list[str]:
        """The text of each element matching `css`, in page order (empty ones skipped)."""
        return [t for t in (self._text([node]) for node in self._query(css, css=True)) if t]

    def labels(self, css: str) -> list[str]:
        """The own text of each element matching `css`, without its children's: an accordion
        button's label without its "+" icon."""
        own = (clean_text(" ".join(_own_text(node))) for node in self._query(css, css=True))
        return [t for t in own if t]

    def under_headings(self, xpath: str) -> list[str]:
        """Each node matching `xpath`, prefixed by the nearest heading before it (an h1-h6, or the
        `<summary>` of the `<details>` it is in): a list of deadlines under "Online Campus" reads
        "Online Campus Fall: March 15 ...". """
        out = []
        for node in self._query(xpath, css=False):
            text = self._text([node])
            if text:
                before = _preceding_heading(node) if _is_element(node) else None
                heading = self._text([before]) if before is not None else None
                out.append(clean_text(f"{heading or ''} {text}"))
        return out

    def list_items(self, heading: str) -> list[str]:
        """The items of the first list after a heading, e.g. the concentrations a catalog names."""
        node = self._heading(heading)
        if node is None:
            return []
        items = _xpath("following::*[self::ul or self::ol][1]/li")(node)
        return [t for t in (self._text([li]) for li in items) if t]

    def titles(self, heading: str) -> list[str]:
        """The titles (button, summary) of the accordions in the section under a heading, e.g.
        the concentrations a program page lists as expandable panels under "Concentrations"."""
        node = self._heading(heading)
        body = _section_body(node) if node is not None else None
        if not body:
            return []
        query = _xpath("descendant-or-self::button | descendant-or-self::summary")
        found = [el for b in body for el in query(b)]  # per body element, as a SelectorList reads them
        return [t for t in (self._text([n]) for n in found) if t]

    def links(self, text: str | None = None, href: str | None = None) -> list[str]:
        """Absolute URLs of links whose text and/or href contain the given strings (ignoring case)."""
        return [url for _label, url in self.anchors(text, href)]

    def anchors(self, text: str | None = None, href: str | None = None) -> list[tuple[str, str]]:
        """(link text, absolute URL) of the links `links` finds, each URL once: the text names
        the program a program card links to, before its page is read."""
        found: dict[str, str] = {}
        for a in self._query(".//a[@href]", css=False):
            target, label = a.get("href"), self._text([a]) or ""
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


def _own_text(node) -> list[str]:
    """The strings `text()` selects under `node`: its own text nodes, without its children's."""
    if not _is_element(node):
        return []
    return [s for s in [node.text, *(child.tail for child in node)] if s is not None]


def _preceding_heading(node):
    """The nearest h1-h6 before `node` in page order, not one of its ancestors: XPath's
    `preceding::*[self::h1 or ... or self::h6][1]`, walked from the node back. A `<summary>`
    before it among its (or an ancestor's) siblings is its heading too: it titles the content of
    its `<details>`, which an h1-h6 further back does not (a redesign that folds each section
    into `<details>` must not label a list with the previous section's heading)."""
    for el in (node, *node.iterancestors()):
        for sibling in el.itersiblings(preceding=True):
            if sibling.tag == "summary":
                return sibling
            if isinstance(sibling.tag, str):
                last = None
                for last in sibling.iter(*HEADINGS):  # the sibling itself first, then in page order
                    pass
                if last is not None:
                    return last
    return None


def _holds(body: list, node) -> bool:
    """Whether `node` is one of `body`'s elements or inside one."""
    inside = {id(el) for el in body}
    return id(node) in inside or any(id(a) in inside for a in node.iterancestors())


def _section_body(node) -> list:
    """The elements that hold the text under a heading-like lxml element (empty: none)."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in ("button", "summary"):
        controls = node.get("aria-controls")
        if controls:
            panel = _xpath("//*[@id=$id]")(node, id=controls)  # a variable: the page's value may hold quotes
            if panel:
                return panel
        if tag == "summary":
            return _xpath("following-sibling::*")(node)
        panel = _xpath("following-sibling::*[1]")(node)
        return panel or _xpath("../following-sibling::*[1]")(node)
    if tag == "dt":
        return _xpath("following-sibling::dd[1]")(node)
    if tag == "th":
        return _xpath("following-sibling::td")(node)
    if tag in HEADINGS:
        stop = set(HEADINGS[: int(tag[1])])
        body = []
        for sib in _xpath("following-sibling::*")(node):
            # a sibling that is, or holds, a heading of the same or a higher level ends the section
            if sib.tag in stop or any(isinstance(d.tag, str) and d.tag in stop for d in sib.iterdescendants()):
                break
            body.append(sib)
        if body:
            return body
        # A heading wrapped alone (<div><div><h3>Q?</h3></div></div><div>answer</div>): the
        # block after its outermost lone wrapper.
        wrapper = node
        while (parent := wrapper.getparent()) is not None and sum(isinstance(c.tag, str) for c in parent) == 1:
            wrapper = parent
            after = _xpath("following-sibling::*[1]")(wrapper)
            if after:
                return after
        return _xpath("../following-sibling::*[1]")(node)
    # <strong>Label:</strong> value in the same block
    return _xpath("..")(node)
