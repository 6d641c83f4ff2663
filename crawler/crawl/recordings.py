"""Recorded sites per university, and the nights composed from them (fixtures/README.md).

`fixtures/sites/<capture date>/<host>/<path>` stays the replay format (`crawler.crawl.replay`).
A host belongs to the university whose spider may crawl it (`allowed_domains`: the domain or a
subdomain of it). A university's captures are the dates whose folder holds a page on one of its
hosts, so each university brings its own capture dates; no date needs every university.

A night is composed per university: night D replays, for each university recorded on or before
D, its latest capture on or before D (its host folders and their `_replay/<host>.json`). The
nights are the capture dates of all universities. A university with no recorded page yet (the
scaffold leaves a `.recording-pending` marker in its host folder) is in no night, so it never
makes another university's night degraded.

    python -m crawler.crawl.recordings SITES OUT

composes every night into `OUT/<date>/` and prints one line per night, oldest first:
`OUT/<date> <university> <university> ...` (what `make demo` replays).
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

CAPTURE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PENDING = ".recording-pending"  # the scaffold's marker: a host folder waiting for its pages
REPLAY_TABLES = "_replay"


@dataclass(frozen=True)
class Capture:
    """The pages of one university as recorded on one date: its host folders there."""

    university: str
    date: str
    hosts: tuple[str, ...]


@dataclass(frozen=True)
class Night:
    """A composed replay folder (named by its date) and the universities it holds."""

    date: str
    path: Path
    universities: tuple[str, ...]


def spider_domains() -> dict[str, list[str]]:
    """Each spider's `allowed_domains` (lowercase, without dots at the ends), by spider name."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    from crawler.crawl import settings as project_settings

    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    loader = SpiderLoader.from_settings(settings)
    return {name: [d.lower().strip(".") for d in getattr(loader.load(name), "allowed_domains", None) or []]
            for name in sorted(loader.list())}


def owner(host: str, domains: Mapping[str, list[str]]) -> str | None:
    """The university whose spider may crawl `host`; the most specific domain wins."""
    host = host.lower()
    best = None
    for university, names in domains.items():
        for domain in names:
            if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > len(best[1])):
                best = (university, domain)
    return best[0] if best else None


def capture_dates(sites: Path) -> list[str]:
    return sorted(p.name for p in sites.iterdir() if p.is_dir() and CAPTURE_DATE.fullmatch(p.name)) if sites.is_dir() else []


def host_folders(sites: Path, date: str) -> list[str]:
    folder = sites / date
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def recorded_pages(host_folder: Path) -> list[Path]:
    """The recorded pages of a host folder: every file but robots.txt and dotfiles (the marker)."""
    return sorted(p for p in host_folder.rglob("*")
                  if p.is_file() and p.name != "robots.txt" and not p.name.startswith("."))


def universities_in(snapshot: Path, domains: Mapping[str, list[str]] | None = None) -> set[str]:
    """The universities a snapshot folder (`fixtures/sites/<date>/`, a composed night, a `record`
    output) holds at least one recorded page of: those a replay of it can crawl."""
    domains = spider_domains() if domains is None else domains
    hosts = [p for p in snapshot.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    return {university for host in hosts if (university := owner(host.name, domains)) and recorded_pages(host)}


def in_snapshot(names: list[str], snapshot: Path) -> tuple[list[str], list[str]]:
    """Of the spiders `names`, (those the snapshot holds a page of, those it holds none of): what a
    replay without --spider crawls, and what it leaves alone as "not in this snapshot" (neither
    failed nor broken: a snapshot older than a university, or recorded for some sites only). A
    folder with no university's pages at all (fixtures/sites for fixtures/sites/<date>) keeps
    every spider, so the night fails and says the replay folder may be wrong."""
    present = universities_in(snapshot)
    if not present:
        return list(names), []
    return [n for n in names if n in present], [n for n in names if n not in present]


def captures(sites: Path, domains: Mapping[str, list[str]] | None = None) -> dict[str, list[Capture]]:
    """Each university's captures, oldest first: the dates where one of its hosts holds a page."""
    domains = spider_domains() if domains is None else domains
    out: dict[str, list[Capture]] = {}
    for date in capture_dates(sites):
        hosts: dict[str, list[str]] = {}
        for host in host_folders(sites, date):
            university = owner(host, domains)
            if university is not None:
                hosts.setdefault(university, []).append(host)
        for university, names in sorted(hosts.items()):
            if any(recorded_pages(sites / date / h) for h in names):
                out.setdefault(university, []).append(Capture(university, date, tuple(names)))
    return out


def pending(sites: Path, domains: Mapping[str, list[str]] | None = None) -> dict[str, list[Path]]:
    """Universities with no recorded page at all yet, by the marker folders waiting for them."""
    domains = spider_domains() if domains is None else domains
    recorded = captures(sites, domains)
    out: dict[str, list[Path]] = {}
    for date in capture_dates(sites):
        for host in host_folders(sites, date):
            university = owner(host, domains)
            if university and university not in recorded and (sites / date / host / PENDING).is_file():
                out.setdefault(university, []).append(sites / date / host)
    return out


def unowned_hosts(sites: Path, domains: Mapping[str, list[str]] | None = None) -> list[str]:
    """Recorded host folders no spider may crawl ("<date>/<host>"): never replayed by a night."""
    domains = spider_domains() if domains is None else domains
    return [f"{date}/{host}" for date in capture_dates(sites) for host in host_folders(sites, date)
            if owner(host, domains) is None]


def nights(sites: Path, domains: Mapping[str, list[str]] | None = None) -> list[str]:
    """Every university's capture dates, oldest first: the nights the demo and the tests replay."""
    found = captures(sites, domains)
    return sorted({c.date for caps in found.values() for c in caps})


def plan(sites: Path, night: str, domains: Mapping[str, list[str]] | None = None) -> dict[str, Capture]:
    """For each university recorded on or before `night`, its latest capture on or before it."""
    out = {}
    for university, caps in captures(sites, domains).items():
        earlier = [c for c in caps if c.date <= night]
        if earlier:
            out[university] = earlier[-1]
    return out


def compose(sites: Path, night: str, dest_root: Path, domains: Mapping[str, list[str]] | None = None) -> Night:
    """Write night `night` as a replay folder, `dest_root/<night>/` (replaced if it exists): each
    university's host folders from its latest capture on or before that date, with their replay
    tables. The folder is a copy, so a test may break its pages without touching fixtures/."""
    if not CAPTURE_DATE.fullmatch(night):
        raise ValueError(f"a night is a date (YYYY-MM-DD), not {night!r}")
    chosen = plan(sites, night, domains)
    dest = dest_root / night
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for capture in chosen.values():
        for host in capture.hosts:
            shutil.copytree(sites / capture.date / host, dest / host, ignore=shutil.ignore_patterns(PENDING))
            table = sites / capture.date / REPLAY_TABLES / f"{host}.json"
            if table.is_file():
                (dest / REPLAY_TABLES).mkdir(exist_ok=True)
                shutil.copy2(table, dest / REPLAY_TABLES / table.name)
    return Night(night, dest, tuple(sorted(chosen)))


def compose_all(sites: Path, dest_root: Path, domains: Mapping[str, list[str]] | None = None) -> list[Night]:
    domains = spider_domains() if domains is None else domains
    return [compose(sites, night, dest_root, domains) for night in nights(sites, domains)]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m crawler.crawl.recordings SITES OUT", file=sys.stderr)
        return 2
    sites, out = Path(args[0]), Path(args[1])
    if not sites.is_dir():
        print(f"recordings: no such folder: {sites}", file=sys.stderr)
        return 2
    domains = spider_domains()
    for university, folders in pending(sites, domains).items():
        print(f"recordings: {university} has no recorded pages yet ({', '.join(map(str, folders))}): "
              "not in any night", file=sys.stderr)
    for night in compose_all(sites, out, domains):
        print(night.path, *night.universities)
    return 0


if __name__ == "__main__":
    sys.exit(main())
