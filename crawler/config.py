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

A missing default file means the defaults; a missing `--config FILE` is an error. An unknown
section or key, or a value of the wrong type, is an error naming it (exit 2). Nothing else in
the product reads configuration: the CLI loads it once and passes the parts on.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from crawler.datadir import CONFIG, DataDir
from crawler.errors import ConfigError
from crawler.history.policy import Policy

CONFIG_NAME = CONFIG  # the file name, from crawler/datadir.py
DEFAULT_CONTACT = "data@mlis-crawler.org"
USER_AGENT = "mlis-crawler/0.1 (nightly refresh of public program pages; contact: {contact})"


@dataclass(frozen=True)
class Crawl:
    contact: str = DEFAULT_CONTACT
    settings: dict[str, Any] = field(default_factory=dict)

    def overrides(self) -> dict[str, Any]:
        """The Scrapy settings a crawl runs with on top of crawler/crawl/settings.py."""
        return {"USER_AGENT": USER_AGENT.format(contact=self.contact), **self.settings}


@dataclass(frozen=True)
class Retention:
    crawls_keep_days: int = 30
    crawls_keep_count: int = 14
    reports_keep_days: int = 365
    reports_keep_count: int = 30
    backups_keep: int = 7


@dataclass(frozen=True)
class Notify:
    email_to: list[str] = field(default_factory=list)
    email_from: str = "mlis-crawler@localhost"
    smtp_host: str = "localhost"
    smtp_port: int = 25
    webhook: str = ""
    report_url: str = ""  # "{crawl_id}" is replaced; empty: the report's path on this machine
    timeout: float = 20.0

    @property
    def enabled(self) -> bool:
        return bool(self.email_to or self.webhook)


@dataclass(frozen=True)
class Config:
    crawl: Crawl = field(default_factory=Crawl)
    policy: Policy = field(default_factory=Policy)
    retention: Retention = field(default_factory=Retention)
    notify: Notify = field(default_factory=Notify)
    source: Path | None = None  # the file read, None for the defaults


SECTIONS = {"crawl": Crawl, "policy": Policy, "retention": Retention, "notify": Notify}


def config_path(data: Path, given: Path | None) -> Path:
    return given if given is not None else DataDir(data).config


def load_config(data: Path, given: Path | None = None) -> Config:
    """The effective configuration: the file's values over the defaults."""
    path = config_path(data, given)
    if not path.is_file():
        if given is not None:
            raise ConfigError(f"config file not found: {path}")
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from exc
    return parse_config(raw, path)


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
    fields = {f.name: f for f in dataclasses.fields(cls)}
    default = cls()
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in fields:
            raise ConfigError(f"{where}unknown key {key!r} in [{name}] (known: {', '.join(fields)})")
        values[key] = _coerce(f"[{name}] {key}", getattr(default, key), value, where)
    if name == "policy" and "bands" in values:
        bands = dict(default.bands)
        for field_name, band in values["bands"].items():
            bands[field_name] = _band(f"[policy] bands.{field_name}", band, where)
        values["bands"] = bands
    if name == "policy" and "rate_bands" in values:  # keys "kind.per", e.g. "tuition.credit" (fields.RATE_BANDS)
        rate_bands = dict(default.rate_bands)
        for key, band in values["rate_bands"].items():
            kind_per = tuple(str(key).split("."))
            if kind_per not in rate_bands:
                known = ", ".join(f"{k}.{p}" for k, p in default.rate_bands)
                raise ConfigError(f"{where}[policy] rate_bands: unknown rate {key!r} (known: {known})")
            rate_bands[kind_per] = _band(f"[policy] rate_bands.{key}", band, where)
        values["rate_bands"] = rate_bands
    if name == "crawl":
        for key in values.get("settings", {}):
            if not key.isupper():
                raise ConfigError(f"{where}[crawl] settings: {key!r} is not a Scrapy setting name (UPPER_CASE)")
        if "contact" in values and not values["contact"].strip():
            raise ConfigError(f"{where}[crawl] contact must not be empty: sites need a way to reach the operator")
    if name == "notify" and isinstance(values.get("email_to"), str):
        values["email_to"] = [values["email_to"]]
    if name == "retention":
        for key, value in values.items():
            if value < 0:
                raise ConfigError(f"{where}[retention] {key} must not be negative")
    return cls(**values)


def _coerce(key: str, default: Any, value: Any, where: str) -> Any:
    """A TOML value as the type of the field's default; a mismatch names the key."""
    def wrong(expected: str) -> ConfigError:
        return ConfigError(f"{where}{key} must be {expected}, not {value!r}")

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise wrong("true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong("a whole number")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise wrong("a number")
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise wrong("a string")
        return value
    if isinstance(default, tuple):  # a (low, high) band
        return _band(key, value, where)
    if isinstance(default, list):
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise wrong("a list of strings")
        return value
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise wrong("a table")
        return value
    return value


def _band(key: str, value: Any, where: str) -> tuple[Decimal, Decimal]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        raise ConfigError(f"{where}{key} must be [low, high], not {value!r}")
    low, high = (Decimal(str(v)) for v in value)
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

