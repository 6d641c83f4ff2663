"""The same facts, another page: variants of a recorded page that a real redesign could produce.

Each variant kind is a pure function from one page's HTML to another page's HTML with the same
visible fact sentences (issue 18, DESIGN.md section 4b): the markup, the order of sections, the
headings' words or the surroundings change; what the page says about the program does not.

    strip_attributes   every class, id and data-* attribute removed
    tables_to_lists    a 2-column key/value table -> <dl> or <ul><li><strong>Label</strong> value;
                       a table with column headings or more columns -> one list item per row,
                       each cell labelled by its column heading
    lists_to_tables    a list of "Label: value" items -> a 2-column table
    synonym_headings   headings replaced by a synonym of the same fact (HEADING_SYNONYMS, each
                       checked against the vocabulary's FACT_WORDS)
    reorder_sections   sibling sections (a heading and what follows it) in reverse order
    add_wrappers       sections folded into accordions and <details>, content in tab/div soup
    remove_wrappers    div/section nesting unwrapped, in order (a div holding text becomes a <p>)
    noise              a nav, a sidebar and a footer holding other programs' figures outside
                       the content (<main>), and a "Related programs" aside inside it

`night(source, dest_root, kind)` copies a composed night and applies a kind to every HTML page;
`compare(base, variant)` says, per university, what a spider read differently from the untouched
pages (tests/spiders/test_variants.py, benchmarks/variants.py). `missing_text(before, after)`
lists the visible text a variant lost (it must lose none).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.crawl import recordings
from crawler.fields import canonical
from crawler.history.stage import SpiderData, merge, spider_errors, spider_health
from crawler.normalize import clean_text
from crawler.normalize.vocabulary import FACT_WORDS
from crawler.states import Health

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HIDDEN = frozenset(("script", "style", "noscript", "template"))  # never visible text (as crawler/crawl/page.py)
# Elements whose text runs on inside a block: the rest break the text into blocks.
_INLINE = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "img", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "label", "svg",
))
_LISTS = ("ul", "ol")

KINDS: dict[str, Callable[[str], str]] = {}


def _kind(transform: Callable[[lxml.html.HtmlElement], None]) -> Callable[[str], str]:
    """Register a tree transform as a variant kind: HTML text in, HTML text out."""

    def apply(html: str) -> str:
        doc = _parse(html)
        if doc.find("body") is None:
            return html  # nothing visible to change
        transform(doc)
        return _serialize(doc, html)

    apply.__name__ = transform.__name__
    apply.__doc__ = transform.__doc__
    KINDS[transform.__name__] = apply
    return apply


# ---- shared tree helpers ----------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _serialize(doc, source: str) -> str:
    """The tree as HTML, with the source's doctype (none where the source has none: lxml would
    add HTML 4.0's)."""
    doctype = doc.getroottree().docinfo.doctype if re.search(r"<!doctype", source[:2048], re.IGNORECASE) else None
    return lxml.html.tostring(doc, encoding="unicode", doctype=doctype or None)


def _parse(html: str) -> lxml.html.HtmlElement:
    """A page's tree (an XHTML page's XML declaration, which lxml refuses in a str, dropped)."""
    return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))

def _is_element(node) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str)


def _content(doc) -> lxml.html.HtmlElement:
    """The page's content area: its <main>, or its <body>."""
    found = doc.xpath("//main")
    return found[0] if found else doc.body


def _body(doc):
    found = doc.find("body")
    return found if found is not None else doc


def _level(el) -> int:
    return int(el.tag[1]) if _is_element(el) and el.tag in HEADINGS else 0


def _text(el) -> str:
    """An element's visible text, whitespace-collapsed (script, style... left out)."""
    return clean_text(" ".join(_visible(el)))


def _visible(el) -> list[str]:
    out: list[str] = []
    stack = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
            continue
        if _is_element(node) and node.tag not in _HIDDEN:
            out.append(node.text or "")
            for child in reversed(node):
                if child.tail:
                    stack.append(child.tail)
                stack.append(child)
    return out


def _move_content(src, dst) -> None:
    """Append src's text and children to dst (src is left empty)."""
    if src.text:
        _append_text(dst, src.text)
    for child in list(src):
        dst.append(child)
    src.text = None


def _append_text(el, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def _replace(old, *new) -> None:
    """Put `new` elements where `old` is, keeping old's tail after them."""
    parent = old.getparent()
    index = parent.index(old)
    tail = old.tail
    parent.remove(old)
    for i, el in enumerate(new):
        parent.insert(index + i, el)
    if new:
        new[-1].tail = (new[-1].tail or "") + (tail or "")
    elif tail:
        prev = parent[index - 1] if index > 0 else None
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _element(tag: str, **attrs) -> lxml.html.HtmlElement:
    return lxml.html.Element(tag, **attrs)


def _sections(container) -> list[list]:
    """The sections among a container's children: a heading of the container's top level (h2 or
    lower; an h1 never moves) and the siblings after it up to the next heading of that level or
    higher. The children before the first heading are not a section."""
    children = [c for c in container if _is_element(c)]
    levels = [_level(c) for c in children if _level(c) > 1]
    if not levels:
        return []
    top = min(levels)
    sections: list[list] = []
    for child in children:
        level = _level(child)
        if level == top:
            sections.append([child])
        elif 0 < level < top:  # an h1 after the sections ends them; before them it is not one
            if sections:
                break
        elif sections:
            sections[-1].append(child)
    return sections


# ---- the kinds --------------------------------------------------------------------------------

@_kind
def strip_attributes(doc) -> None:
    """Every class, id and data-* attribute removed: a redesign's markup hooks are its own."""
    for el in doc.iter():
        if _is_element(el):
            for name in list(el.attrib):
                if name in ("class", "id") or name.startswith("data-"):
                    del el.attrib[name]


def _rows(table) -> list:
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _cells(row) -> list:
    return [c for c in row if _is_element(c) and c.tag in ("td", "th")]


@_kind
def tables_to_lists(doc) -> None:
    """A 2-column key/value table becomes a definition list or a list of "<strong>Label</strong>
    value" items (alternately); a table with column headings, or wider, becomes one list item per
    row, each cell labelled by its column heading."""
    # Data tables only: a layout table (one holding tables, headings or forms) is left alone.
    tables = [t for t in doc.iter("table")
              if not t.xpath(".//table | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//form | ancestor::table")]
    for n, table in enumerate(tables):
        rows = _rows(table)
        cells = [_cells(r) for r in rows]
        if not rows or any(not c for c in cells):
            continue
        head: list[str] = []
        if all(c.tag == "th" for c in cells[0]) and len(cells[0]) >= 2:
            head = [_text(c) for c in cells[0]]
            rows, cells = rows[1:], cells[1:]
        if not rows or max(len(c) for c in cells) < 2:
            continue
        out = []
        caption = table.find("caption")
        if caption is not None:
            p = _element("p")
            _move_content(caption, p)
            out.append(p)
        if not head and all(len(c) == 2 for c in cells):
            if n % 2 == 0:
                listing = _element("dl")
                for key, value in cells:
                    dt, dd = _element("dt"), _element("dd")
                    _move_content(key, dt)
                    _move_content(value, dd)
                    listing.extend([dt, dd])
            else:
                listing = _element("ul")
                for key, value in cells:
                    li, strong = _element("li"), _element("strong")
                    _move_content(key, strong)
                    strong.tail = " "
                    li.append(strong)
                    _move_content(value, li)
                    listing.append(li)
        else:
            listing = _element("ul")
            for row in cells:
                li = _element("li")
                for i, cell in enumerate(row):
                    label = head[i] if i < len(head) else ""
                    if i:
                        _append_text(li, "; ")
                    if label:
                        strong = _element("strong")
                        strong.text = f"{label}:"
                        strong.tail = " "
                        li.append(strong)
                        _move_content(cell, li)
                    elif i == 0:
                        strong = _element("strong")
                        _move_content(cell, strong)
                        strong.tail = " "
                        li.append(strong)
                    else:
                        _move_content(cell, li)
                listing.append(li)
        out.append(listing)
        _replace(table, *out)


_BLOCK_IN_ITEM = ("ul", "ol", "p", "div", "table", "dl", "section", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")


def _label_split(li):
    """(label with its colon, a function moving the rest of the item into a cell), or None when
    the item is not "Label: value"."""
    if any(_is_element(c) and c.tag in _BLOCK_IN_ITEM for c in li):
        return None
    lead = li.text or ""
    first = li[0] if len(li) and _is_element(li[0]) else None
    if not lead.strip() and first is not None and first.tag in ("strong", "b", "em", "span"):
        label = _text(first)
        tail = first.tail or ""
        if label.endswith(":"):
            rest = tail
        elif tail.lstrip().startswith(":"):
            label, rest = f"{label}:", tail.lstrip()[1:]
        else:
            return None
        if not 1 < len(label) <= 60 or label[-2].isdigit():
            return None

        def move(cell):
            cell.text = rest
            for child in list(li)[1:]:
                cell.append(child)
        return label, move
    if ":" not in lead:
        return None
    label, rest = lead.split(":", 1)
    label = clean_text(label)
    if not label or len(label) > 60 or label[-1].isdigit() or not rest.strip() and not len(li):
        return None

    def move(cell):
        cell.text = rest
        for child in list(li):
            cell.append(child)
    return f"{label}:", move


@_kind
def lists_to_tables(doc) -> None:
    """A list of two or more "Label: value" items becomes a 2-column table."""
    for listing in list(doc.iter(*_LISTS)):
        items = [c for c in listing if _is_element(c)]
        if len(items) < 2 or any(i.tag != "li" for i in items):
            continue
        splits = [_label_split(li) for li in items]
        if any(s is None for s in splits):
            continue
        table, body = _element("table"), _element("tbody")
        table.append(body)
        for label, move in splits:
            tr, th, td = _element("tr"), _element("th", scope="row"), _element("td")
            th.text = label
            move(td)
            tr.extend([th, td])
            body.append(tr)
        _replace(listing, table)


# Headings a redesign may retitle, by what they say: each synonym names the same fact (and keeps
# a word of every FACT_WORDS field the heading had: `keeps_meaning`). Keys are casefolded.
HEADING_SYNONYMS: dict[str, str] = {
    "admission requirements": "Admissions Criteria",
    "admissions requirements": "Admissions Criteria",
    "requirements for admission": "Admission Criteria",
    "admission criteria": "Admission Requirements",
    "admissions": "Admission Information",
    "how to apply": "Application Process",
    "tuition": "Tuition and Fees",
    "tuition and fees": "Costs and Fees",
    "tuition & fees": "Costs and Fees",
    "cost": "Tuition and Costs",
    "costs": "Tuition and Costs",
    "program cost": "Cost of the Program",
    "application deadlines": "Deadlines to Apply",
    "application deadline": "Deadline to Apply",
    "deadlines": "Application Deadlines",
    "preferred application deadlines": "Preferred Deadlines to Apply",
    "accreditation": "Program Accreditation",
    "program requirements": "Degree Requirements",
    "degree requirements": "Program Requirements",
    "curriculum": "Program of Study",
    "program of study": "Curriculum",
    "emphasis areas": "Areas of Emphasis",
    "concentrations": "Areas of Concentration",
    "focus areas": "Areas of Focus",
    "specializations": "Areas of Specialization",
    "frequently asked questions": "FAQs",
    "faq": "Frequently Asked Questions",
    "faqs": "Frequently Asked Questions",
    "program overview": "About the Program",
    "overview": "Program Overview",
    "financial aid": "Financial Aid and Scholarships",
    "standardized test scores": "Test Scores",
    "test scores": "Standardized Test Scores",
    "grade point average": "GPA Requirement",
    "gpa": "Grade Point Average",
    "application fee": "Fee to Apply",
    "admission terms": "Entry Terms",
    "start terms": "Entry Terms",
    "start dates": "Start Terms",
    "program format": "Delivery Format",
}


def _fact_fields(text: str) -> set[str]:
    """The fields whose FACT_WORDS a heading holds (whole words, ignoring case)."""
    return {f for f, words in FACT_WORDS.items()
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words)}


def keeps_meaning(heading: str, synonym: str) -> bool:
    """A synonym keeps a word of every fact the heading names (FACT_WORDS)."""
    return _fact_fields(heading) <= _fact_fields(synonym)


def _retitle(el) -> bool:
    """Replace a heading's text by its synonym where one text node holds all of it."""
    key = _text(el).rstrip(":").strip().casefold()
    synonym = HEADING_SYNONYMS.get(key)
    if synonym is None:
        return False
    holders = [(n, "text") for n in el.iter() if _is_element(n) and (n.text or "").strip()]
    holders += [(n, "tail") for n in el.iterdescendants() if _is_element(n) and (n.tail or "").strip()]
    if len(holders) != 1:
        return False
    node, slot = holders[0]
    old = getattr(node, slot)
    if old.strip().rstrip(":").strip().casefold() != key:
        return False
    new = synonym.upper() if old.strip().isupper() and len(key) > 3 else synonym
    colon = ":" if old.strip().endswith(":") else ""
    lead, trail = old[: len(old) - len(old.lstrip())], old[len(old.rstrip()):]
    setattr(node, slot, f"{lead}{new}{colon}{trail}")
    return True


@_kind
def synonym_headings(doc) -> None:
    """Headings (h2-h6, accordion buttons, summaries) retitled by a synonym of the same fact."""
    for el in list(doc.iter("h2", "h3", "h4", "h5", "h6", "summary", "button")):
        _retitle(el)


def _holds_h1(el) -> bool:
    return el.tag == "h1" or bool(el.xpath(".//h1"))


@_kind
def reorder_sections(doc) -> None:
    """Sibling sections in reverse order: each heading with what follows it, or each wrapper
    (section, article, div) that opens with a heading; what comes before them stays first."""
    root = _content(doc)
    for container in [root, *root.iterdescendants()]:
        if not _is_element(container) or container.tag in _HIDDEN or container.tag in _INLINE:
            continue
        sections = _sections(container)
        if len(sections) >= 2:
            start = container.index(sections[0][0])
            moved = [el for s in reversed(sections) for el in s]
            for el in moved:
                container.remove(el)
            for i, el in enumerate(moved):
                container.insert(start + i, el)
            continue
        wrappers = [c for c in container if _is_element(c) and c.tag in ("section", "article", "div")
                    and not _holds_h1(c) and _opens_with_heading(c)]
        if len(wrappers) >= 2:
            slots = [container.index(w) for w in wrappers]
            for w in wrappers:
                container.remove(w)
            for slot, w in sorted(zip(slots, reversed(wrappers)), key=lambda p: p[0]):
                container.insert(slot, w)


def _opens_with_heading(el) -> bool:
    """Whether the first visible text in `el` is a heading's (h2-h6)."""
    found = el.xpath(".//text()[normalize-space()][not(ancestor::script or ancestor::style or ancestor::noscript"
                     " or ancestor::template)][1]")
    if not found:
        return False
    holder = found[0].getparent()
    holder = holder.getparent() if found[0].is_tail else holder
    while holder is not None and holder is not el:
        if _level(holder) > 1:
            return True
        holder = holder.getparent()
    return False


def _leaf_sections(root) -> list[list]:
    """Sections (heading + body) under root whose body holds no heading."""
    out = []
    for container in [root, *root.iterdescendants()]:
        if not _is_element(container) or container.tag in _HIDDEN:
            continue
        for section in _sections(container):
            if not any(_level(d) for el in section[1:] for d in el.iter() if _is_element(d)):
                out.append(section)
    return out


@_kind
def add_wrappers(doc) -> None:
    """Sections folded into Bootstrap-style accordions and <details> panels (alternately), and the
    content inside tab and grid div soup; the text is all still in the HTML."""
    root = _content(doc)
    for n, (heading, *body) in enumerate(_leaf_sections(root)):
        panel = _element("div")
        if n % 2 == 0:
            item = _element("div", **{"class": "accordion-item"})
            outer = _element("div", **{"class": "accordion", "id": f"variant-accordion-{n}"})
            outer.append(item)
            title = _element(heading.tag, **{"class": "accordion-header"})
            button = _element("button", **{"class": "accordion-button collapsed", "type": "button",
                                           "aria-expanded": "false", "aria-controls": f"variant-panel-{n}"})
            _move_content(heading, button)
            title.append(button)
            collapse = _element("div", **{"class": "accordion-collapse collapse", "id": f"variant-panel-{n}"})
            panel.set("class", "accordion-body")
            collapse.append(panel)
            item.extend([title, collapse])
        else:
            outer = _element("details")
            summary = _element("summary")
            _move_content(heading, summary)
            outer.extend([summary, panel])
        for el in body:
            panel.append(el)  # with its tail
        _replace(heading, outer)
    soup = [_element("div", **{"class": c}) for c in ("container", "row", "col-12 col-lg-8", "tab-content",
                                                      "tab-pane fade show active")]
    soup[-1].set("role", "tabpanel")
    for outer, inner in zip(soup, soup[1:]):
        outer.append(inner)
    _move_content(root, soup[-1])
    root.append(soup[0])


def _block_children(el) -> bool:
    return any(_is_element(c) and c.tag not in _INLINE for c in el)


def _paragraphs(el) -> None:
    """Give each run of loose text and inline elements directly in `el` a <p> of its own."""
    nodes: list = []  # the element's content as a sequence: text strings and elements
    if el.text:
        nodes.append(el.text)
    for child in list(el):
        tail, child.tail = child.tail, None
        el.remove(child)
        nodes.append(child)
        if tail:
            nodes.append(tail)
    el.text = None
    run: list = []

    def flush():
        if any(isinstance(n, str) and n.strip() or not isinstance(n, str) for n in run) and \
                any(n.strip() if isinstance(n, str) else _text(n) for n in run):
            p = _element("p")
            for n in run:
                if isinstance(n, str):
                    _append_text(p, n)
                else:
                    p.append(n)
            el.append(p)
        else:
            for n in run:
                if isinstance(n, str):
                    _append_text(el, n)
                else:
                    el.append(n)
        run.clear()

    for n in nodes:
        if isinstance(n, str) or (_is_element(n) and n.tag in _INLINE) or not _is_element(n):
            run.append(n)
        else:
            flush()
            el.append(n)
    flush()


@_kind
def remove_wrappers(doc) -> None:
    """div and section nesting unwrapped, content kept in order; a div holding text of its own
    becomes a paragraph (its text stays a block of its own)."""
    for el in reversed(list(doc.body.iter("div", "section"))):
        if el is doc.body:
            continue
        has_text = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        inline_only = not _block_children(el)
        if has_text and inline_only:
            el.tag = "p"
            continue
        if has_text or any(_is_element(c) and c.tag in _INLINE and _text(c) for c in el):
            _paragraphs(el)
        el.drop_tag()


# Other programs' figures, none of them this program's: a spider that reads them has read
# another program (credits, tuition, a deadline, an exam rule, a GPA, a fee, a delivery, a length).
NOISE_NAV = """<nav aria-label="Programs"><ul>
<li><a href="/programs/data-science-ms">MS in Data Science</a></li>
<li><a href="/programs/online-mba">Online MBA</a></li>
<li><a href="/programs/counseling-med">MEd in Counseling</a></li>
<li><a href="/programs/computer-science-phd">PhD in Computer Science</a></li>
</ul><p>Featured: the online MS in Data Science, 51 credit hours at $1,234 per credit hour.</p></nav>"""
NOISE_SIDEBAR = """<aside aria-label="Other graduate programs"><h2>Other graduate programs</h2>
<p>The MS in Data Science requires 51 credit hours.</p>
<p>Tuition for the Online MBA is $1,234 per credit hour.</p>
<p>MBA applicants need a minimum GPA of 3.33.</p>
<p>The GRE is required for the PhD in Computer Science.</p>
<p>Application deadline for the MEd in Counseling: Fall: January 9.</p>
<p>The MEd in Counseling is offered on campus only.</p>
<p>The application fee for the Online MBA is $95.</p>
<h3>At a glance: MS in Data Science</h3>
<dl><dt>Credits</dt><dd>51</dd><dt>Format</dt><dd>On campus</dd><dt>Completion Time</dt><dd>12 months</dd>
<dt>Application Deadline</dt><dd>Fall: January 9</dd><dt>Tuition</dt><dd>$1,234 per credit hour</dd></dl>
</aside>"""
NOISE_FOOTER = """<footer><p>PhD in Computer Science applications are due December 12; GRE scores are required.</p>
<p>The Online MBA can be completed in 12 months.</p><p>Copyright. All rights reserved.</p></footer>"""
NOISE_RELATED = """<aside aria-label="Related programs"><h2>Related programs</h2><ul>
<li><a href="/programs/health-informatics-certificate">Graduate Certificate in Health Informatics</a>:
15 credits, $777 per credit, completed in 9 months; GRE required.</li>
<li><a href="/programs/data-science-ms">MS in Data Science</a>:
51 credit hours; application deadline March 3; minimum GPA 3.33; offered on campus.</li>
</ul><table><tr><th>Program</th><th>Credits</th><th>Tuition</th><th>Deadline</th></tr>
<tr><td>Online MBA</td><td>48</td><td>$1,234 per credit hour</td><td>Fall: January 9</td></tr></table></aside>"""


def _fragment(html: str):
    return lxml.html.fragment_fromstring(html)


@_kind
def noise(doc) -> None:
    """A nav, a sidebar and a footer holding other programs' figures outside the content (<main>,
    or, on a page without one, before and after everything in <body>), and a "Related programs"
    aside at the end of the content."""
    body = doc.body
    main = doc.xpath("//main")
    if main:
        main = main[0]
        parent = main.getparent()
        parent.insert(parent.index(main), _fragment(NOISE_NAV))
        sidebar = _fragment(NOISE_SIDEBAR)
        main.addnext(sidebar)  # addnext moves main's tail after the sidebar
        main.append(_fragment(NOISE_RELATED))
    else:
        nav = _fragment(NOISE_NAV)
        nav.tail, body.text = body.text, None
        body.insert(0, nav)
        body.append(_fragment(NOISE_RELATED))
        body.append(_fragment(NOISE_SIDEBAR))
    body.append(_fragment(NOISE_FOOTER))


# ---- pages and nights ---------------------------------------------------------------------------

def transform(kind: str, body: bytes) -> bytes:
    """A recorded page's bytes through one kind, in the page's own encoding."""
    encoding, text = html_to_unicode(None, body)
    return KINDS[kind](text).encode(encoding, errors="xmlcharrefreplace")


def is_html(path: Path) -> bool:
    if path.suffix.lower() in (".txt", ".json", ".xml", ".pdf", ".csv", ".js", ".css"):
        return False
    head = path.read_bytes()[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!--")) or head.startswith(b"<?xml") and b"<html" in head


def html_pages(night: Path) -> list[Path]:
    """Every recorded HTML page of a composed night (or a capture folder)."""
    return [p for host in recordings.host_folders(night.parent, night.name)
            for p in recordings.recorded_pages(night / host) if is_html(p)]


def night(source: Path, dest_root: Path, kind: str, page: Callable[[bytes], bytes] | None = None) -> Path:
    """A copy of the night `source` (named as it is, under dest_root/kind) with every HTML page
    through `kind` (or through `page`, a bytes -> bytes function)."""
    dest = dest_root / kind / source.name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest)
    change = page or (lambda body: transform(kind, body))
    for path in html_pages(dest):
        path.write_bytes(change(path.read_bytes()))
    return dest


# ---- what a variant kept -----------------------------------------------------------------------

_SPACE_BEFORE_PUNCT = re.compile(r"\s+([:;,.!?)])")


def _norm(text: str) -> str:
    return _SPACE_BEFORE_PUNCT.sub(r"\1", clean_text(text))


@lru_cache(maxsize=256)  # a page's units are read once for every kind
def text_units(html: str) -> tuple[str, ...]:
    """The visible text of a page as units a variant must keep whole: each run of text and inline
    elements between block boundaries ("Fall: May 1", a sentence or a paragraph, a cell)."""
    body = _body(_parse(html))
    hidden = {d for el in body.iter(*_HIDDEN) for d in el.iter()}
    units: list[str] = []
    for el in body.iter():
        if not _is_element(el) or el.tag in _INLINE or el in hidden:
            continue
        run = [el.text or ""]
        for child in el:
            if _is_element(child) and child.tag in _INLINE:
                run.extend(_visible(child))
            elif _is_element(child) and child.tag not in _HIDDEN:
                units.append(_norm(" ".join(run)))
                run = []
            run.append(child.tail or "")
        units.append(_norm(" ".join(run)))
    return tuple(u for u in units if u)


@lru_cache(maxsize=256)
def table_rows(html: str) -> tuple[tuple[str, ...], ...]:
    """The cells of each data table row (a layout table's cells, holding blocks, are not cells)."""
    doc = _parse(html)
    rows = []
    for row in doc.iter("tr"):
        cells = _cells(row)
        if len(cells) >= 2 and not any(_block_children(c) or c.xpath(".//table") for c in cells):
            rows.append(tuple(t for t in (_norm(_text(c)) for c in cells) if t))
    return tuple(rows)


def visible_text(html: str) -> str:
    return _norm(" ".join(_visible(_body(_parse(html)))))


def same_page(html: str) -> str:
    """A page parsed and serialized unchanged: what a kind's output is compared with to tell
    whether it changed the page at all."""
    return _serialize(_parse(html), html)


def missing_text(before: str, after: str, ignore: set[str] = frozenset()) -> list[str]:
    """The text units of `before` not found in `after` (case-folded units in `ignore` exempt),
    and the table rows whose cells `after` no longer holds in order."""
    text = visible_text(after)
    lost = [u for u in text_units(before) if u not in text and u.rstrip(":").casefold() not in ignore]
    for cells in table_rows(before):
        at = 0
        for cell in cells:
            at = text.find(cell, at)
            if at < 0:
                lost.append(" | ".join(cells))
                break
            at += len(cell)
    return lost


# ---- what the spiders read from a variant ------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    """A value the variant gave that the untouched pages did not."""

    field: str
    read: str  # canonical JSON of what the variant gave (values of a conflict joined by " / ")
    evidence: str
    was: str  # what the untouched pages give: canonical JSON, or "nothing"
    was_evidence: str

    def describe(self, programs: list[str]) -> str:
        return (f"{self.field} of {', '.join(programs)}: read {self.read} from {self.evidence}; "
                f"the untouched pages give {self.was}" + (f" from {self.was_evidence}" if self.was_evidence else ""))


@dataclass
class Comparison:
    """One university's crawl of a variant against its crawl of the untouched pages."""

    university: str
    stated: int = 0  # (program, field) pairs with a value on the untouched pages
    read: int = 0  # of those, read with the same value from the variant
    differences: dict[Difference, list[str]] = field(default_factory=dict)  # -> the programs it was read for
    invented: list[str] = field(default_factory=list)  # programs the untouched pages do not give
    lost: list[str] = field(default_factory=list)  # programs the variant crawl did not find
    health: str = Health.OK  # the variant crawl's own verdict on the site
    errors: list[str] = field(default_factory=list)

    @property
    def different(self) -> int:
        """(program, field) pairs whose variant value is not the untouched pages' one."""
        return sum(len(p) for p in self.differences.values())

    @property
    def reported(self) -> bool:
        """The crawl says the site is broken (a non-ok page, a missing or unreadable fact, no program)."""
        return self.health in (Health.DEGRADED, Health.FAILED)

    @property
    def failures(self) -> list[str]:
        """Each different value (once for all the programs it was read for), each invented
        program, and each program lost without a broken-site report."""
        out = [d.describe(programs) for d, programs in self.differences.items()]
        out += [f"{p}: a program the untouched pages do not give" for p in self.invented]
        if not self.reported:
            out += [f"{p} lost with no broken-site report (health {self.health})" for p in self.lost]
        return out


def _observed(data: SpiderData | None) -> dict[str, dict[str, object]]:
    if data is None:
        return {}
    out: dict[str, dict[str, object]] = {p: {} for p in data.programs}
    for (program_id, name), obs in merge(data.programs, data.facts).items():
        out.setdefault(program_id, {})[name] = obs
    return out


def _evidence(obs, limit: int = 240) -> str:
    def short(text):
        text = text or ""
        return text if len(text) <= limit else f"{text[:limit]}..."
    texts = [f"{short(e.get('text'))!r} at {e.get('url')}" for e in (obs.evidence or [])] if obs is not None else []
    return "; ".join(texts) or "no evidence"


def _values(obs) -> list:
    """The values an observation states: its value, or each page's value of a conflict."""
    if obs is None:
        return []
    if obs.state == "value":
        return [obs.value]
    if obs.state == "conflict":
        return [a["value"] for a in obs.value or []]
    return []


def compare(university: str, base: SpiderData | None, variant: SpiderData | None) -> Comparison:
    """The same value or nothing, per program and field: every value the variant gives that the
    untouched pages do not give is a difference; a program lost needs a broken-site report."""
    result = Comparison(university)
    if variant is None:
        result.health, result.errors = Health.FAILED, ["no feed for this spider"]
    else:
        result.health, result.errors = spider_health(variant), spider_errors(variant)
    before, after = _observed(base), _observed(variant)
    result.lost = sorted(set(before) - set(after))
    result.invented = sorted(set(after) - set(before))
    for program_id in sorted(before):
        fields_before, fields_after = before[program_id], after.get(program_id, {})
        for name in sorted(set(fields_before) | set(fields_after)):
            old, new = fields_before.get(name), fields_after.get(name)
            stated = old is not None and old.state == "value"
            result.stated += stated
            others = [v for v in _values(new) if not (stated and canonical(v) == canonical(old.value))]
            if others:
                difference = Difference(name, " / ".join(canonical(v) for v in others), _evidence(new),
                                        canonical(old.value) if stated else "nothing",
                                        _evidence(old) if stated else "")
                result.differences.setdefault(difference, []).append(program_id)
            elif stated and new is not None and new.state == "value":
                result.read += 1
    return result
