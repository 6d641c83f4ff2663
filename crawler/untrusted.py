"""Page text and URLs are untrusted (DESIGN 6b): the two rules every output that shows them
applies, in one place for the reports (crawler/report/) and the published companions
(changes.atom, crawler/publish/feed.py) alike."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

_URL_CHARS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")


def safe_url(url: Any) -> str | None:
    """The URL if it may become a link: http(s), a host, printable ASCII without quotes or brackets."""
    if not isinstance(url, str) or not _URL_CHARS.match(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


# Characters that are invisible or reorder what is around them (bidi embeddings, overrides and
# isolates, zero-width characters, the BOM, tag characters) and control characters: shown as
# visible escapes such as ⟨U+202E⟩ so a page cannot hide or disguise text in the report.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def visible(text: Any) -> str:
    """Text with every hidden or reordering character replaced by ⟨U+XXXX⟩."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", str(text))
