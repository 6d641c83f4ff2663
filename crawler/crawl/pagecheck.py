"""Page self-checks: a page that does not look like itself states nothing (DESIGN 6 and 6b).

A site answers 200 for many things that are not the page that was asked for: an error page in
the site's chrome ("Page not found"), a sign-in or CAPTCHA wall, a redirect (301 or
`<meta http-equiv=refresh>`) to its home page or to the section above the page, a document cut
off in transit, or a different kind of page that has lost most of what the page used to state.
Each has a ledger outcome of its own, checked in this order:

| outcome | the page ... |
| --- | --- |
| `login_wall` | was redirected to a sign-in address, holds a password field or a CAPTCHA, or is titled "Sign in" |
| `soft_404` | is titled or headed as an error ("Page not found", "404", "no longer exists") |
| `redirected_away` | was redirected (HTTP or meta refresh) to the site's home page or to a page above it |
| `truncated` | ends before `</body>`/`</html>`, or is smaller than `min_size_ratio` of its last good copy |
| `unrecognized` | found fewer than half of the fields its callback `@expects` (but some) |
| `extraction_empty` | found none of the fields its callback expects |

The first four fail hard: nothing the page yields is kept, not its facts, not the programs it
names, not the links it would follow; every field it would have stated (and those of the pages
it would have led to) is reported unknown for the programs it was followed for. The last two
fail soft: the page's facts are withheld the same way, but the programs it names and the links
it follows stand (each followed page is checked on its own), so a restyled site still lists its
programs, degraded. Withheld fields are unknown, never removed; the site is degraded.

The size check needs the last good copy's size: the refresh writes it for the crawl
(`MLIS_PAGE_HISTORY`, a JSON file: {"min_size_ratio": r, "sizes": {url: bytes}}); the ratio is a
review threshold, so it lives in crawler/history/policy.py with the others. A crawl without the
file (a first night, a crawl run elsewhere) skips only that comparison.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from scrapy.http import Request, Response, TextResponse

from crawler.items import FactItem, ProgramItem

_NOT = r"(?:n['’]?t|not)"  # can't, can’t, cannot, couldn't, could not ...
SOFT_404 = re.compile(
    r"\b40[14]\b|\b410\b|\bnot\s+found\b|\bnothing\s+(?:was\s+)?found\b"
    r"|\bpage\s+(?:is\s+)?(?:missing|unavailable|no\s+longer\s+available|gone)\b"
    rf"|\b(?:does\s*{_NOT}|no\s+longer)\s+exists?\b|\b(?:ca{_NOT}|cannot|could\s*{_NOT})\s+(?:be\s+)?f(?:i|ou)nd\b"
    r"|\bpage\s+(?:you|you['’]re)\s+(?:are\s+)?(?:looking\s+for|requested)\b|\berror\s+page\b|\bpage\s+error\b",
    re.IGNORECASE)
WALL_TITLE = re.compile(
    r"\b(?:sign|log)\s*-?\s*(?:in|on)\b|\blogin\b|\bauthenticat(?:e|ion)\b|\baccess\s+(?:denied|restricted)\b"
    r"|\bunauthori[sz]ed\b|\bmembers?\s+only\b|\bsession\s+(?:has\s+)?expired\b|\bcaptcha\b"
    r"|\bverify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human\b|\bare\s+you\s+(?:a\s+)?(?:human|robot)\b"
    r"|\bsecurity\s+check\b|\bchecking\s+(?:your|the)\s+browser\b|\bjust\s+a\s+moment\b"
    r"|\battention\s+required\b|\bbot\s+(?:check|protection|verification)\b|\bforbidden\b",
    re.IGNORECASE)
# Address parts of a sign-in service: /login, /signin, sso.example.edu, /cas/login, /idp/, /saml2 ...
WALL_ADDRESS = re.compile(
    r"(?:^|[./_=-])(?:login|log-in|logon|signin|sign-in|sso|cas|idp|shibboleth|oauth2?|saml2?|adfs|webauth|auth)"
    r"(?=$|[./_?&=-])", re.IGNORECASE)
CAPTCHA = ("//input[translate(@type, 'PASWORD', 'pasword')='password']"
           " | //*[contains(@class, 'g-recaptcha') or contains(@class, 'h-captcha') or contains(@class, 'cf-turnstile')"
           " or contains(@id, 'captcha') or contains(@class, 'captcha')]"
           " | //iframe[contains(@src, 'captcha') or contains(@src, 'challenges.cloudflare')]"
           " | //script[contains(@src, 'captcha') or contains(@src, 'challenges.cloudflare')]")
# The words CAPTCHA looks for. A page whose bytes hold none of them, in any case, cannot match it
# and is spared its scan of every element (a millisecond a page, as long as parsing it).
WALL_WORDS = (b"password", b"captcha", b"turnstile", b"challenges.cloudflare")
INDEX_FILE = re.compile(r"/(?:index|default|home)\.(?:html?|php|aspx?|jsp|cfm)$", re.IGNORECASE)
CLOSING = re.compile(rb"</(?:html|body)\s*>", re.IGNORECASE)

HARD = ("login_wall", "soft_404", "redirected_away", "truncated")
SOFT = ("unrecognized", "extraction_empty")


@dataclass(frozen=True)
class Verdict:
    outcome: str  # one of HARD or SOFT
    why: str

    @property
    def hard(self) -> bool:
        return self.outcome in HARD


def check(response: Response, expected: Iterable[str], found: set[str], last_size: int | None = None,
          min_size_ratio: float | None = None) -> Verdict | None:
    """Why the page fails its own checks, or None when it looks like itself."""
    expected = tuple(expected)
    scheduled = (response.request.meta.get("redirect_urls") or [response.url])[0] if response.request else response.url
    html = isinstance(response, TextResponse) and b"html" in (response.headers.get("Content-Type") or b"text/html").lower()
    titles = _titles(response) if html else []
    redirected = _path(scheduled) != _path(response.url) or urlsplit(scheduled).hostname != urlsplit(response.url).hostname
    if redirected and _wall_address(response.url) and not _wall_address(scheduled):
        return Verdict("login_wall", f"redirected to a sign-in address ({response.url})")
    if html and _may_hold_a_wall(response) and response.xpath(CAPTCHA):
        return Verdict("login_wall", "the page asks for a password or a CAPTCHA")
    for title in titles:
        if WALL_TITLE.search(title):
            return Verdict("login_wall", f"the page is a sign-in or robot check: {title[:120]!r}")
    for title in titles:
        if SOFT_404.search(title):
            return Verdict("soft_404", f"the page answers 200 but is an error page: {title[:120]!r}")
    if redirected:
        before, after = _path(scheduled), _path(response.url)
        if after == () and before != ():
            return Verdict("redirected_away", f"redirected to the site's home page ({response.url})")
        if len(after) < len(before) and before[:len(after)] == after:
            return Verdict("redirected_away", f"redirected to a page above it ({response.url})")
    if html and response.body.strip() and not CLOSING.search(response.body):
        return Verdict("truncated", f"the document ends before </body></html> ({len(response.body)} bytes)")
    if last_size and min_size_ratio and len(response.body) < last_size * min_size_ratio:
        return Verdict("truncated", f"{len(response.body)} bytes, {len(response.body) / last_size:.0%} of its last good "
                                    f"copy ({last_size} bytes)")
    missing = [f for f in expected if f not in found]
    if expected and len(missing) == len(expected):
        return Verdict("extraction_empty", "found none of the fields it states: " + ", ".join(missing))
    if expected and len(missing) * 2 > len(expected):
        return Verdict("unrecognized", f"found only {len(expected) - len(missing)} of the {len(expected)} fields it states "
                                       f"(missing: {', '.join(missing)})")
    return None


def withheld(expected: Iterable[str], out: list, verdict: Verdict) -> tuple[list, list[str]]:
    """What is kept of a page that failed its checks, and the fields it no longer states for sure:
    those it expects, those it yielded facts for, and (when it fails hard) those of the pages it
    would have led to."""
    fields = list(dict.fromkeys(expected))
    kept = []
    for item in out:
        if isinstance(item, FactItem):
            if item.field not in fields and (verdict.hard or not item.missing):
                fields.append(item.field)
            if item.missing and not verdict.hard:
                kept.append(item)  # a link not found stays reported as such
        elif isinstance(item, Request):
            if verdict.hard:
                fields.extend(f for f in item.meta.get("mlis_expects", ()) if f not in fields)
            else:
                kept.append(item)
        elif isinstance(item, ProgramItem):
            if not verdict.hard:
                kept.append(item)
        elif isinstance(item, list):
            kept.extend(withheld((), item, verdict)[0])
        else:
            kept.append(item)
    return kept, fields


def screen(spider, response: Response, ledger, expected: tuple, found: set[str], out: list,
           targets: list[str]) -> list | None:
    """The spider base's hook: None for a page that looks like itself; else what is left of it
    (its ledger row with the outcome, what a soft failure keeps, and its fields reported unknown)."""
    if not hasattr(spider, "_mlis_page_history"):
        settings = getattr(spider, "settings", None)
        spider._mlis_page_history = load_history(settings.get("MLIS_PAGE_HISTORY") if settings else None)
    sizes, ratio = spider._mlis_page_history
    verdict = check(response, expected, found, sizes.get(ledger.url), ratio)
    if verdict is None:
        return None
    ledger.outcome, ledger.error = verdict.outcome, verdict.why
    kept, fields = withheld(expected, out, verdict)
    if "*" not in targets and not verdict.hard:  # and the programs the page itself defines
        targets = list(dict.fromkeys([*targets, *(i.program_id for i in kept if isinstance(i, ProgramItem))]))
    return [ledger, *kept, *spider._unread(fields, targets, ledger.url, response.url,
                                           f"the page failed its checks: {verdict.outcome} ({verdict.why})")]


def load_history(path: str | None) -> tuple[dict[str, int], float | None]:
    """(url -> size of its last good copy, min_size_ratio) from the refresh's page-history file."""
    if not path or not Path(path).is_file():
        return {}, None
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {u: int(s) for u, s in (data.get("sizes") or {}).items() if s}, data.get("min_size_ratio")


def _may_hold_a_wall(response: TextResponse) -> bool:
    """False only when the CAPTCHA query cannot match: the page is in an encoding that writes
    these words as ASCII bytes (UTF-8, Latin-1, windows-1252...) and its bytes hold none of them.
    A page in UTF-16, say, is always queried."""
    try:
        ascii_words = "captcha".encode(response.encoding) == b"captcha"
    except (LookupError, UnicodeError):
        ascii_words = False
    if not ascii_words:
        return True
    body = response.body.lower()
    return any(word in body for word in WALL_WORDS)


_TITLE_TEXT = etree.XPath("//title//text()", smart_strings=False)
_H1 = etree.XPath("//h1")
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)


def _titles(response: TextResponse) -> list[str]:
    """The page's title and its first two h1s, each whitespace-collapsed (read on the lxml tree
    itself: the same strings as through parsel's selectors, without a Selector for each)."""
    root = response.selector.root
    texts = _TITLE_TEXT(root)[:1] + [" ".join(_TEXT_NODES(h)) for h in _H1(root)[:2]]
    return [t for t in (" ".join(t.split()) for t in texts) if t]


def _path(url: str) -> tuple[str, ...]:
    path = INDEX_FILE.sub("/", urlsplit(url).path or "/")
    return tuple(p for p in path.split("/") if p)


def _wall_address(url: str) -> bool:
    parts = urlsplit(url)
    return bool(WALL_ADDRESS.search(parts.hostname or "") or WALL_ADDRESS.search(parts.path or "")
                or WALL_ADDRESS.search(parts.query or ""))
