"""One configuration file, `<data>/mlis-crawler.toml` (or `--config FILE`), read with tomllib.

    [crawl]
    contact = "data-team@example.edu"     # goes into the user agent every site sees
    settings = { DOWNLOAD_DELAY = 2.0 }   # Scrapy setting overrides, as `scrapy crawl -s` sets them

    [policy]                              # the review thresholds: crawler.history.policy.Policy's fields
    money_jump = 25.0
    bands = { total_credits = [24, 72] }  # merged over the fields' own bands
    rate_bands = { "tuition.credit" = [50, 5000] }  # by kind.per, merged over fields.RATE_BANDS

    [retention]
    crawls_keep_days = 30                 # crawls/<crawl_id>/ older than this are pruned
    crawls_keep_count = 14                # ... but the newest this many are always kept
    reports_keep_days = 365
    reports_keep_count = 30
    backups_keep = 7                      # history.db backups in <data>/backups/

    [notify]
    email_to = ["maintainer@example.edu"]
    email_from = "mlis-crawler@localhost"
    smtp_host = "localhost"
    smtp_port = 25
    webhook = "https://chat.example.edu/hooks/mlis"
    report_url = "https://mlis.example.edu/reports/{crawl_id}/report.html"   # a link instead of a path

A missing default file means the defaults; a missing `--config FILE` is an error. Each section
is a typed model (pydantic, strict): an unknown section or key, a value of the wrong type or out
of its range (a port past 65535, a negative threshold, a share above 1), a webhook or report URL
that is not http(s), an address that is not an e-mail address, a Scrapy setting this crawler does
not know or of the wrong type (`DOWNLOAD_DELAY = "fast"`) is an error naming the key (exit 2).
Settings that make the crawl impolite (robots.txt off, no delay) load, and `Config.warnings()`
says so in every report. Nothing else in the product reads configuration: the CLI loads it once
and passes the parts on; when the file does not load, `salvage_notify` still finds a valid
[notify] section so the failed night alerts.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import ConfigDict, Field, ValidationError, field_validator
from pydantic.dataclasses import dataclass as typed

from crawler.datadir import CONFIG, DataDir
from crawler.errors import ConfigError
from crawler.history.policy import Policy

CONFIG_NAME = CONFIG  # the file name, from crawler/datadir.py
DEFAULT_CONTACT = "data@mlis-crawler.org"
USER_AGENT = "mlis-crawler/0.1 (nightly refresh of public program pages; contact: {contact})"
# An address: something@host.tld, no spaces, no angle brackets (the SMTP envelope takes it raw).
EMAIL = re.compile(r"[^@\s<>\"',;]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


# A config table: a dataclass (dataclasses.replace works on it) validated by pydantic: typed,
# strict (a string is not a number), no unknown key, frozen.
section = typed(frozen=True, config=ConfigDict(extra="forbid", strict=True))


@section
class Crawl:
    contact: str = DEFAULT_CONTACT
    settings: dict[str, Any] = Field(default_factory=dict)

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty: sites need a way to reach the operator")
        if any(c in value for c in "()\r\n") or not value.isprintable():
            raise ValueError("must be an e-mail address or a URL, without parentheses or control characters")
        return value.strip()

    @field_validator("settings")
    @classmethod
    def _settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key, setting in value.items():
            check_scrapy_setting(key, setting)
        return value

    def overrides(self) -> dict[str, Any]:
        """The Scrapy settings a crawl runs with on top of crawler/crawl/settings.py."""
        return {"USER_AGENT": USER_AGENT.format(contact=self.contact), **self.settings}

    @property
    def has_contact(self) -> bool:
        """Whether the operator named a contact (the default is a placeholder nobody reads)."""
        return self.contact != DEFAULT_CONTACT

    def warnings(self) -> list[str]:
        """Settings that make the crawl impolite: said in every report, never silently kept."""
        out = []
        effective = self.overrides()
        if effective.get("ROBOTSTXT_OBEY") is False:
            out.append("[crawl] settings turn robots.txt off (ROBOTSTXT_OBEY = false): sites' rules are ignored")
        delay = effective.get("DOWNLOAD_DELAY")
        if isinstance(delay, (int, float)) and delay < 1 and not effective.get("AUTOTHROTTLE_ENABLED"):
            out.append(f"[crawl] settings set DOWNLOAD_DELAY = {delay}: less than a second between requests to a site")
        return out


NonNegative = Annotated[int, Field(ge=0)]


@section
class Retention:
    crawls_keep_days: NonNegative = 30
    crawls_keep_count: NonNegative = 14
    reports_keep_days: NonNegative = 365
    reports_keep_count: NonNegative = 30
    backups_keep: NonNegative = 7


@section
class Notify:
    email_to: list[str] = Field(default_factory=list)
    email_from: str = "mlis-crawler@localhost"
    smtp_host: str = "localhost"
    smtp_port: Annotated[int, Field(ge=1, le=65535)] = 25
    webhook: str = ""
    report_url: str = ""  # "{crawl_id}" is replaced; empty: the report's path on this machine
    timeout: Annotated[float, Field(gt=0, le=600)] = 20.0

    @field_validator("email_to", mode="before")
    @classmethod
    def _one_address(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("email_to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if not EMAIL.fullmatch(address):
                raise ValueError(f"{address!r} is not an e-mail address")
        return value

    @field_validator("email_from")
    @classmethod
    def _sender(cls, value: str) -> str:
        if not re.fullmatch(r"[^@\s<>\"',;]+@[A-Za-z0-9.-]+", value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value

    @field_validator("smtp_host")
    @classmethod
    def _host(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", value):
            raise ValueError(f"{value!r} is not a host name")
        return value

    @field_validator("webhook", "report_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if value:
            check_url(value)
        return value

    @property
    def enabled(self) -> bool:
        return bool(self.email_to or self.webhook)


def check_url(url: str) -> None:
    """An http(s) URL with a host; a webhook to a link-local address (cloud metadata) is refused."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise ValueError(f"must be an http(s) URL, not {url!r}")
    if any(c.isspace() or not c.isprintable() for c in url):
        raise ValueError(f"must be a URL without spaces or control characters, not {url!r}")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return
    if address.is_link_local or address.is_multicast or address.is_unspecified:
        raise ValueError(f"must not point at {address} (link-local, multicast or unspecified)")


def check_scrapy_setting(key: str, value: Any) -> None:
    """A known Scrapy (or project) setting, with a value of its default's type."""
    from scrapy.settings import default_settings

    from crawler.crawl import settings as ours

    if not key.isupper():
        raise ValueError(f"{key!r} is not a Scrapy setting name (UPPER_CASE)")
    if hasattr(ours, key):
        default = getattr(ours, key)
    elif hasattr(default_settings, key):
        default = getattr(default_settings, key)
    else:
        raise ValueError(f"{key!r} is not a Scrapy setting this crawler knows (a typo?)")
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, (dict, list, tuple)):
        ok = isinstance(value, (dict, list))
    else:
        ok = True  # None defaults: any TOML value
    if not ok:
        kind = {bool: "true or false", int: "a non-negative number", float: "a non-negative number",
                str: "a string"}.get(type(default), "a table or a list")
        raise ValueError(f"{key} must be {kind}, not {value!r}")


# Policy thresholds: shares are fractions of one, counts whole and positive where zero means nothing.
POLICY_RANGES: dict[str, tuple[float, float | None]] = {
    "money_jump": (0, None), "mass_change_share": (0, 1), "mass_change_min_values": (0, None),
    "removal_confirmations": (1, None), "program_drop": (0, 1), "coverage_drop": (0, 1),
    "program_jump_share": (0, None), "program_jump_max": (0, None), "min_size_ratio": (0, 1), "size_memory": (1, None),
    "ipeds_low": (0, 1), "ipeds_high": (1, None),
}


@dataclass(frozen=True)
class Config:
    crawl: Crawl = field(default_factory=Crawl)
    policy: Policy = field(default_factory=Policy)
    retention: Retention = field(default_factory=Retention)
    notify: Notify = field(default_factory=Notify)
    source: Path | None = None  # the file read, None for the defaults

    def warnings(self) -> list[str]:
        return self.crawl.warnings()


SECTIONS = {"crawl": Crawl, "policy": Policy, "retention": Retention, "notify": Notify}


def config_path(data: Path, given: Path | None) -> Path:
    return given if given is not None else DataDir(data).config


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc


def load_config(data: Path, given: Path | None = None) -> Config:
    """The effective configuration: the file's values over the defaults."""
    path = config_path(data, given)
    if not path.is_file():
        if given is not None:
            raise ConfigError(f"config file not found: {path}")
        return Config()
    return parse_config(read_config_file(path), path)


def salvage_notify(data: Path, given: Path | None = None) -> Notify | None:
    """The [notify] section of a config file that does not load as a whole, when that section is
    valid on its own: a night that cannot start still alerts. None when there is nothing to use."""
    path = config_path(data, given)
    try:
        raw = read_config_file(path) if path.is_file() else {}
        table = raw.get("notify")
        notify = _section("notify", Notify, table, "") if isinstance(table, dict) else None
    except ConfigError:
        return None
    return notify if notify is not None and notify.enabled else None


def parse_config(raw: dict[str, Any], path: Path | None = None) -> Config:
    where = f"{path}: " if path else ""
    unknown = sorted(set(raw) - set(SECTIONS))
    if unknown:
        raise ConfigError(f"{where}unknown section [{unknown[0]}] (known: {', '.join(f'[{s}]' for s in SECTIONS)})")
    parts: dict[str, Any] = {}
    for name, cls in SECTIONS.items():
        table = raw.get(name, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{where}[{name}] must be a table")
        parts[name] = _section(name, cls, table, where)
    return Config(**parts, source=path)


def _section(name: str, cls: type, table: dict[str, Any], where: str):
    return _policy(table, where) if cls is Policy else _model(name, cls, table, where)


# pydantic's error types, in the words the rest of the product's messages use.
_EXPECTED = {"int_type": "a whole number", "float_type": "a number", "string_type": "a string",
             "bool_type": "true or false", "list_type": "a list of strings", "dict_type": "a table"}


def _model(name: str, cls: type, table: dict[str, Any], where: str):
    known = [f.name for f in dataclasses.fields(cls)]
    for key in table:
        if key not in known:
            raise ConfigError(f"{where}unknown key {key!r} in [{name}] (known: {', '.join(known)})")
    try:
        return cls(**table)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"])
        top = str(error["loc"][0])
        value = table.get(top)
        if error["type"] in _EXPECTED and len(error["loc"]) == 1:
            message = f"must be {_EXPECTED[error['type']]}, not {value!r}"
        elif error["type"] in _EXPECTED:
            message = f"must be {_EXPECTED[error['type']]}"
        else:
            bound = {"greater_than_equal": "at least {ge}", "less_than_equal": "at most {le}",
                     "greater_than": "above {gt}", "less_than": "below {lt}"}.get(error["type"])
            message = f"must be {bound.format(**error['ctx'])}, not {value!r}" if bound else \
                str(error["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{where}[{name}] {key} {message}") from None


def _policy(table: dict[str, Any], where: str) -> Policy:
    fields = {f.name: f for f in dataclasses.fields(Policy)}
    default = Policy()
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in fields:
            raise ConfigError(f"{where}unknown key {key!r} in [policy] (known: {', '.join(fields)})")
        values[key] = _coerce(f"[policy] {key}", getattr(default, key), value, where)
        if key in POLICY_RANGES:
            low, high = POLICY_RANGES[key]
            if values[key] < low or (high is not None and values[key] > high):
                allowed = f"between {low} and {high}" if high is not None else f"at least {low}"
                raise ConfigError(f"{where}[policy] {key} must be {allowed}, not {value!r}")
    if "bands" in values:
        bands = dict(default.bands)
        for field_name, band in values["bands"].items():
            if field_name not in bands:
                known = ", ".join(sorted(bands))
                raise ConfigError(f"{where}[policy] bands: unknown field {field_name!r} (known: {known})")
            bands[field_name] = _band(f"[policy] bands.{field_name}", band, where)
        values["bands"] = bands
    if "rate_bands" in values:  # keys "kind.per", e.g. "tuition.credit" (fields.RATE_BANDS)
        rate_bands = dict(default.rate_bands)
        for key, band in values["rate_bands"].items():
            kind_per = tuple(str(key).split("."))
            if kind_per not in rate_bands:
                known = ", ".join(f"{k}.{p}" for k, p in default.rate_bands)
                raise ConfigError(f"{where}[policy] rate_bands: unknown rate {key!r} (known: {known})")
            rate_bands[kind_per] = _band(f"[policy] rate_bands.{key}", band, where)
        values["rate_bands"] = rate_bands
    policy = Policy(**values)
    if policy.ipeds_file:  # read once here: a file that does not load stops the night before it starts
        try:
            policy.ipeds()
        except ConfigError as exc:
            raise ConfigError(f"{where}[policy] ipeds_file: {exc}") from None
    return policy


def _coerce(key: str, default: Any, value: Any, where: str) -> Any:
    """A TOML value as the type of the policy field's default; a mismatch names the key."""
    def wrong(expected: str) -> ConfigError:
        return ConfigError(f"{where}{key} must be {expected}, not {value!r}")

    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong("a whole number")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (
                float("inf"), float("-inf")):
            raise wrong("a number")
        return float(value)
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise wrong("a table")
        return value
    if isinstance(default, str) and not isinstance(value, str):
        raise wrong("a string")
    return value


def _band(key: str, value: Any, where: str) -> tuple[Decimal, Decimal]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            or not all(abs(v) != float("inf") and v == v for v in value)):
        raise ConfigError(f"{where}{key} must be [low, high], not {value!r}")
    low, high = (Decimal(str(v)) for v in value)
    if low < 0:
        raise ConfigError(f"{where}{key}: low {low} is below zero")
    if low > high:
        raise ConfigError(f"{where}{key}: low {low} is above high {high}")
    return low, high


# -- printing --------------------------------------------------------------------------------------

def to_toml(config: Config) -> str:
    """The effective configuration as TOML that load_config reads back to the same values."""
    header = f"# effective configuration; read from {config.source}" if config.source else \
        "# effective configuration: the defaults (no config file)"
    out = [header, f"# crawl user agent: {config.crawl.overrides()['USER_AGENT']}"]
    for name in SECTIONS:
        section = getattr(config, name)
        out += ["", f"[{name}]"]
        tables = []
        for f in dataclasses.fields(section):
            value = getattr(section, f.name)
            if isinstance(value, dict):
                tables.append((f.name, value))
            else:
                out.append(f"{f.name} = {_toml_value(value)}")
        for key, table in tables:
            out += ["", f"[{name}.{key}]"]
            out += [f"{_toml_key('.'.join(k) if isinstance(k, tuple) else k)} = {_toml_value(v)}"
                    for k, v in sorted(table.items())]
    return "\n".join(out) + "\n"


def _toml_key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'

