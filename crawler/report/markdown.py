"""report.md: the change report as Markdown (mail, pull requests), from a template
(templates/report.md.j2) as report.html is; the words come from the shared describers
(describe.py), and every value is escaped for Markdown by the template's filters."""

from __future__ import annotations

import sys
from jinja2 import Environment, PackageLoader

from crawler.report.describe import (
    KINDS,
    baseline_values,
    broken_site,
    counted,
    conflict_options,
    decision_line,
    evidence_items,
    evidence_quotes,
    evidence_urls,
    label,
    md,
    md_code,
    md_link,
    moves,
    overview,
    percent_text,
    review_command,
    sections,
    status_now,
    waiting_since,
)
from crawler.states import BREAKAGE

# The module itself (the package exports a function of the same name): its command_prefix is
# looked up each time a template asks, so the one place that says how commands begin stays one.
_DESCRIBE = sys.modules["crawler.report.describe"]

__all__ = ["decision_line", "render_markdown"]

_ENV = Environment(loader=PackageLoader("crawler.report", "templates"), autoescape=False, trim_blocks=True,
                   lstrip_blocks=True)
_ENV.filters.update(counted=counted, md=md, md_code=md_code, md_link=md_link, percent=percent_text,
                    capital=lambda text: text[:1].upper() + text[1:], quoted=lambda text: f"“{text}”")
_ENV.globals.update(moves=moves, label=label, kinds=KINDS, evidence_items=evidence_items, evidence_urls=evidence_urls,
                    review_command=review_command, broken_site=broken_site, waiting_since=waiting_since,
                    decision_line=decision_line, conflict_options=conflict_options, baseline_values=baseline_values,
                    breakage=BREAKAGE, overview=overview, evidence_quotes=evidence_quotes, status_now=status_now,
                    command_prefix=lambda: _DESCRIBE.command_prefix())  # looked up at each use: one place


def render_markdown(report: dict) -> str:
    def name(institution: str) -> str:
        return report["institutions"].get(institution, institution)

    return _ENV.get_template("report.md.j2").render(
        report=report, s=sections(report) if not report.get("failed") else {}, name=name)
