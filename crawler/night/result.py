"""What a night hands back: its report (the dict report.json holds) and what the caller needs
from it: where things are, each site's health, and the exit code it earns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crawler.errors import EXIT_DEGRADED, EXIT_FAILED, EXIT_NO_SITE, EXIT_OK
from crawler.states import Health, every_site_failed


@dataclass
class NightResult:
    crawl_id: str
    report_dir: Path | None
    programs_db: Path
    health: dict[str, str]
    counts: dict[str, int]
    summary: str
    report: dict = field(default_factory=dict, repr=False)
    dry_run: bool = False
    backup_failed: str | None = None  # why the history backup after the night failed, if it did

    @classmethod
    def of(cls, report: dict, report_dir: Path | None, programs_db: Path) -> "NightResult":
        return cls(crawl_id=report["crawl_id"], report_dir=report_dir, programs_db=programs_db,
                   health={s["name"]: s["health"] for s in report["spiders"]}, counts=report["counts"],
                   summary=report["summary"], report=report)

    @property
    def healthy(self) -> bool:
        return all(h == Health.OK for h in self.health.values())

    @property
    def all_failed(self) -> bool:
        """Every site of several failed: far more likely our own network than the sites."""
        return every_site_failed(self.health.values())

    @property
    def exit_code(self) -> int:
        """0 every site healthy, 1 some degraded or failed (their values kept), 4 every site failed,
        3 when the history backup after it failed (the night itself was published)."""
        if self.all_failed:
            return EXIT_NO_SITE
        if self.backup_failed:
            return EXIT_FAILED
        return EXIT_OK if self.healthy else EXIT_DEGRADED
