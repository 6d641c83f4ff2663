"""The roster: every institution with an ALA-accredited master's program, and the candidate.

One data file, `crawler/roster.csv`, one row per institution: its id (the spider name once a
spider exists), name, state or province, country, degree(s), online option, catalog platform,
IPEDS unit id, accreditation status, and the page that shows the online option. The facts come
from the coverage research (ALA's *Prism* counts: 64 institutions, 1 candidate); the unit ids
from the NCES HD2020 directory file. A school is *covered* when a spider of its id exists.

    python -m crawler.roster          prints the coverage line ("covering 7 of 46 online programs")
    python -m crawler.roster docs     rewrites docs/coverage.md (tests/test_roster.py fails when
                                      the file differs from what this module renders)
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from crawler.errors import ConfigError

ROSTER_FILE = Path(__file__).with_name("roster.csv")
TARGET = Path(__file__).resolve().parents[1] / "docs" / "coverage.md"

Online = Literal["online", "probable", "hybrid", "none"]
Platform = Literal["courseleaf", "acalog", "coursedog", "smartcatalog", "custom", "wordpress", "unknown"]
Status = Literal["accredited", "candidate"]

ONLINE_OPTIONS: tuple[str, ...] = Online.__args__
PLATFORMS: tuple[str, ...] = Platform.__args__
# What counts as "an online program" in the coverage line: confirmed plus probable, as the research
# counts its 46 (hybrid and campus-only schools are listed, not counted).
COUNTS_AS_ONLINE = ("online", "probable")
COLUMNS = ("id", "name", "state", "country", "degrees", "online", "platform", "ipeds_unitid", "status",
           "evidence", "notes")


class School(BaseModel):
    """One row of the roster."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9]{1,29}$")
    name: str = Field(min_length=3, max_length=120)
    state: str = Field(pattern=r"^[A-Z]{2}$")  # US state, DC, PR; Canadian province
    country: Literal["US", "CA"]
    degrees: str = Field(min_length=2, max_length=40)
    online: Online
    platform: Platform
    ipeds_unitid: str | None = Field(default=None, pattern=r"^[0-9]{6}$")
    status: Status
    evidence: str = Field(default="", max_length=300)
    notes: str = Field(default="", max_length=300)

    @field_validator("ipeds_unitid", mode="before")
    @classmethod
    def _empty_is_none(cls, value):
        return value or None

    @model_validator(mode="after")
    def _ipeds_is_us_only(self):
        if self.country == "CA" and self.ipeds_unitid:
            raise ValueError("a Canadian institution has no IPEDS unit id")
        return self

    @property
    def offers_online(self) -> bool:
        return self.online in COUNTS_AS_ONLINE

    @property
    def accredited(self) -> bool:
        return self.status == "accredited"


def parse(text: str, source: str = "roster.csv") -> tuple[School, ...]:
    """The roster's rows from CSV text; a bad row is an error naming its line."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ConfigError(f"{source}: the header must be {','.join(COLUMNS)}")
    schools: list[School] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row or None in row.values():
            raise ConfigError(f"{source} line {line}: expected {len(COLUMNS)} columns")
        try:
            school = School(**row)
        except ValidationError as error:
            problem = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in error.errors())
            raise ConfigError(f"{source} line {line}: {problem}") from None
        if school.id in seen:
            raise ConfigError(f"{source} line {line}: id {school.id!r} is already on line {seen[school.id]}")
        seen[school.id] = line
        schools.append(school)
    return tuple(schools)


@cache
def load(path: Path = ROSTER_FILE) -> tuple[School, ...]:
    return parse(path.read_text(encoding="utf-8"), path.name)


def spider_names() -> set[str]:
    """The spiders of this project (Scrapy's spider loader over SPIDER_MODULES)."""
    from crawler.crawl.runner import spider_names as names

    return set(names())


@dataclass(frozen=True)
class Coverage:
    schools: tuple[School, ...]
    spiders: frozenset[str]

    def covered(self, school: School) -> bool:
        return school.id in self.spiders

    @property
    def accredited(self) -> list[School]:
        return [s for s in self.schools if s.accredited]

    @property
    def online(self) -> list[School]:
        """Accredited institutions with an online option (confirmed or probable)."""
        return [s for s in self.accredited if s.offers_online]

    @property
    def covered_online(self) -> list[School]:
        return [s for s in self.online if self.covered(s)]

    @property
    def unknown_spiders(self) -> list[str]:
        """Spiders whose name is no roster id (a typo, or a school to add to the roster)."""
        return sorted(self.spiders - {s.id for s in self.schools})

    def line(self) -> str:
        """The sentence the demo and the report print."""
        return f"covering {len(self.covered_online)} of {len(self.online)} online programs"


def coverage(schools: Iterable[School] | None = None, spiders: Iterable[str] | None = None) -> Coverage:
    return Coverage(tuple(load() if schools is None else schools),
                    frozenset(spider_names() if spiders is None else spiders))


def _table(counter: Counter, order: Iterable[str], covered: Counter | None = None) -> list[str]:
    head = "| | schools |" + (" covered |" if covered is not None else "")
    rule = "| --- | ---: |" + (" ---: |" if covered is not None else "")
    rows = [head, rule]
    for key in order:
        if counter[key]:
            rows.append(f"| {key} | {counter[key]} |" + (f" {covered[key]} |" if covered is not None else ""))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(cov: Coverage | None = None) -> str:
    """docs/coverage.md, from the roster and the spiders present."""
    cov = cov or coverage()
    accredited, online = cov.accredited, cov.online
    candidates = [s for s in cov.schools if not s.accredited]
    us_online = [s for s in online if s.ipeds_unitid]
    lines = [
        "# Coverage: every ALA-accredited master's program",
        "",
        "<!-- Generated by `python -m crawler.roster docs` from crawler/roster.csv and the spiders in",
        "     spiders/; edit those, never this file (tests/test_roster.py fails when they drift apart). -->",
        "",
        f"**{cov.line().capitalize()}** ({len([s for s in accredited if cov.covered(s)])} of "
        f"{len(accredited)} accredited institutions have a spider).",
        "",
        f"- {len(accredited)} institutions hold ALA accreditation for a master's program "
        f"({sum(s.country == 'US' for s in accredited)} in the United States and Puerto Rico, "
        f"{sum(s.country == 'CA' for s in accredited)} in Canada); "
        f"{len(candidates)} more {'is a candidate' if len(candidates) == 1 else 'are candidates'}.",
        f"- {len(online)} of them offer the degree online: "
        f"{sum(s.online == 'online' for s in accredited)} confirmed on their own pages, "
        f"{sum(s.online == 'probable' for s in accredited)} probable. "
        f"{sum(s.online == 'hybrid' for s in accredited)} are hybrid or unclear, "
        f"{sum(s.online == 'none' for s in accredited)} campus only.",
        f"- {sum(s.country == 'US' for s in online)} of the {len(online)} online programs are at U.S. "
        f"institutions (Puerto Rico included), which report to IPEDS; the {len(us_online)} with a unit id below "
        "can have their per-credit tuition checked against the school's official charge ([ipeds.md](ipeds.md)).",
        "",
        "Online option: `online` (the degree can be completed at a distance; short residencies and live "
        "sessions noted), `probable` (not yet confirmed by an official page), `hybrid` (some face-to-face "
        "time, or unclear), `none` (campus only). Platform: the software behind the catalog, read off its "
        "URLs (`preview_program.php?catoid=` is Acalog; `/graduate/<college>/<dept>/<program>/` is "
        "CourseLeaf).",
        "",
        "## Online programs by catalog platform",
        "",
        *_table(Counter(s.platform for s in online), PLATFORMS,
                Counter(s.platform for s in cov.covered_online)),
        "",
        "## The institutions",
        "",
        "| id | institution | state | degree | online | platform | IPEDS unit id | covered | notes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for school in [*accredited, *candidates]:
        name = school.name + (" (*candidate*)" if not school.accredited else "")
        lines.append(
            f"| `{school.id}` | {_cell(name)} | {school.state} | {_cell(school.degrees)} | {school.online} "
            f"| {school.platform} | {school.ipeds_unitid or '—'} | {'yes' if cov.covered(school) else 'no'} "
            f"| {_cell(school.notes)} |")
    lines += [
        "",
        "The page showing each online option is in `crawler/roster.csv` (`evidence`). IPEDS unit ids come",
        "from the NCES institutional directory file HD2020; an empty one was not confirmed from a stored",
        "source (PennWest was formed in 2022, after that file). Canadian institutions are not in IPEDS.",
    ]
    if cov.unknown_spiders:
        lines += ["", "Spiders with no roster row: " + ", ".join(f"`{n}`" for n in cov.unknown_spiders) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["docs"]:
        TARGET.write_text(render(), encoding="utf-8")
        print(f"wrote {TARGET}")
        return 0
    if args:
        print("usage: python -m crawler.roster [docs]", file=sys.stderr)
        return 2
    print(coverage().line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
