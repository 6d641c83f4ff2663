"""A new university's files, the way `scrapy genspider -t` writes a spider from a template.

`new_university(root, id, name, url)` writes, under the project checkout `root`:

- `spiders/<id>.py`: a spider on `ProgramSpider` with `start_pages` from the URL, its
  `allowed_domains` the URL's registrable domain (`ischool.sjsu.edu` -> `sjsu.edu`);
- `fixtures/sites/<date>/<host>/.recording-pending`: the recorded-site folder, waiting for its
  pages (until they are there, the tests skip the university by name and no night replays it);
- `tests/expected/<id>/<date>.json`: the expected-records skeleton (tests/support/expected.py);
- `fixtures/notes/<id>.md`: the notes skeleton.

Nothing is overwritten: a bad id, a taken id or domain, or a URL that is not http(s) is a
ConfigError (exit 2) before any file is written. The arguments are untrusted text: the host must
be a DNS name, the name may hold no control character, every value reaches the Python source as
a literal (`json.dumps`, which Python reads back as the same string), and the rendered spider
is compiled before anything is written.
"""

from __future__ import annotations

import ipaddress
import json
import keyword
import re
from datetime import UTC, date as Date, datetime
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from crawler.crawl.recordings import PENDING, capture_dates, owner, recorded_pages, spider_domains
from crawler.errors import ConfigError

TEMPLATES = Path(__file__).parent / "templates"
SPIDER_ID = re.compile(r"[a-z][a-z0-9_]{1,31}")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
DNS_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Second-level labels under which a country code's registrable domains sit ("ox.ac.uk").
_SECOND_LEVEL = {"ac", "co", "com", "edu", "gov", "net", "org"}


def registrable_domain(host: str) -> str:
    """The domain a university's hosts share: "ischool.sjsu.edu" -> "sjsu.edu",
    "www.ox.ac.uk" -> "ox.ac.uk" (a country code under a generic second level keeps three labels)."""
    labels = host.lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def check(root: Path, spider_id: str, name: str, url: str, on: str) -> tuple[str, str]:
    """(host, domain) when the arguments make a new university; a ConfigError otherwise."""
    if not (root / "scrapy.cfg").is_file() or not (root / "spiders").is_dir():
        raise ConfigError(f"{root.resolve()} is not the project checkout (no scrapy.cfg and spiders/): "
                          "run new-university there or give --root")
    if not SPIDER_ID.fullmatch(spider_id) or keyword.iskeyword(spider_id):
        raise ConfigError(f"bad university id {spider_id!r}: 2-32 characters, lowercase letters, digits and _, "
                          "starting with a letter (it names the spider, its module and its program ids)")
    domains = spider_domains()
    if spider_id in domains or (root / "spiders" / f"{spider_id}.py").exists():
        raise ConfigError(f"a spider named {spider_id!r} already exists (spiders/{spider_id}.py)")
    for path in (root / "tests" / "expected" / spider_id, root / "fixtures" / "notes" / f"{spider_id}.md"):
        if path.exists():
            raise ConfigError(f"{path.relative_to(root)} already exists: {spider_id!r} is taken")
    if not name.strip():
        raise ConfigError("--name must name the university")
    if _CONTROL.search(name):
        raise ConfigError("--name must be plain text (it holds a control character)")
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError as exc:
        raise ConfigError(f"--url is not a valid URL ({exc}): {url!r}") from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise ConfigError(f"--url must be an http(s) URL of the university's program page, not {url!r}")
    if _CONTROL.search(url) or " " in url:
        raise ConfigError(f"--url must be a URL without spaces or control characters, not {url!r}")
    host = hostname.lower()
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        raise ConfigError(f"--url must name the university's host, not an address ({host})")
    if "." not in host:
        raise ConfigError(f"--url must name the university's public host, not {host!r}")
    if not DNS_NAME.fullmatch(host):
        raise ConfigError(f"--url must name a host of letters, digits, hyphens and dots, not {host!r}")
    domain = registrable_domain(host)
    taken = owner(host, domains)
    if taken:
        raise ConfigError(f"{host} is already crawled by spider {taken!r}")
    try:
        Date.fromisoformat(on)
    except ValueError:
        raise ConfigError(f"--date must be YYYY-MM-DD, not {on!r}") from None
    return host, domain


def new_university(root: Path, spider_id: str, name: str, url: str, on: str | None = None) -> list[Path]:
    """Write the new university's files (see the module docstring); the paths written."""
    on = on or datetime.now(UTC).date().isoformat()
    name = " ".join(name.split())
    host, domain = check(root, spider_id, name, url, on)
    values = {
        "id": spider_id, "name": name, "url": url, "host": host, "domain": domain, "date": on,
        "class_name": "".join(part.capitalize() for part in spider_id.split("_")),
        "name_literal": json.dumps(name, ensure_ascii=False), "url_literal": json.dumps(url, ensure_ascii=False),
        "domain_literal": json.dumps(domain), "name_doc": json.dumps(name, ensure_ascii=False)[1:-1],
        "slug": "mlis",
    }
    expected = {
        "notes": f"{name} as recorded on {on}: read each value off the recorded pages (docs/adding-a-university.md, "
                 "step 4); what every program states goes in every_program, what differs under its program.",
        "every_program": {},
        "programs": {f"{spider_id}/mlis": {}},
    }
    spider = _render("spider.py.tmpl", values)
    try:
        compile(spider, f"spiders/{spider_id}.py", "exec")
    except SyntaxError as exc:  # a bug of the template: the values are literals
        raise ConfigError(f"the spider written from these arguments would not compile: {exc}") from None
    files = {
        root / "spiders" / f"{spider_id}.py": spider,
        root / "fixtures" / "sites" / on / host / PENDING: _render("recording-pending.tmpl", values),
        root / "tests" / "expected" / spider_id / f"{on}.json": json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
        root / "fixtures" / "notes" / f"{spider_id}.md": _render("notes.md.tmpl", values),
    }
    sites = root / "fixtures" / "sites"
    if any(recorded_pages(sites / d / host) for d in capture_dates(sites) if (sites / d / host).is_dir()):
        del files[sites / on / host / PENDING]  # its pages are recorded already: no marker
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # never overwrite
            out.write(text)
    return list(files)


def _render(template: str, values: dict[str, str]) -> str:
    return Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
