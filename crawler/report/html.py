"""report.html: the change report as a page; the templates autoescape everything."""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

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
    moves,
    overview,
    percent_text,
    review_command,
    safe_url,
    sections,
    status_now,
    visible,
    waiting_since,
)

# The module itself (the package exports a function of the same name): its command_prefix is
# looked up each time a template asks, so the one place that says how commands begin stays one.
_DESCRIBE = sys.modules["crawler.report.describe"]

# -- HTML -----------------------------------------------------------------------------------------

def _finalize(value: Any) -> Any:
    """Every {{ expression }} of the HTML templates: hidden characters made visible, then autoescaped."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return visible(value)


_ENV = Environment(loader=PackageLoader("crawler.report", "templates"), autoescape=select_autoescape(default=True),
                   trim_blocks=True, lstrip_blocks=True, finalize=_finalize)
_ENV.filters.update(counted=counted, safe_url=safe_url, percent=percent_text)
_ENV.globals.update(moves=moves, label=label, kinds=KINDS, evidence_items=evidence_items,
                    evidence_urls=evidence_urls, review_command=review_command, broken_site=broken_site,
                    waiting_since=waiting_since, decision_line=decision_line,
                    conflict_options=conflict_options, baseline_values=baseline_values, overview=overview,
                    evidence_quotes=evidence_quotes, status_now=status_now, command_prefix=lambda: _DESCRIBE.command_prefix())  # looked up at each use: one place


def render_html(report: dict) -> str:
    return _ENV.get_template("report.html.j2").render(report=report, s=sections(report) if not report.get("failed") else {})

