"""Every field of every program, per university and capture, against a hand-checked expected record.

`tests/expected/<university>/<capture date>.json` (tests/support/expected.py) states each value
once; each was read off the recorded page by a person. One test per field, so a failure names
the university, the capture, the program and the field, and shows the evidence the crawl read.
A university whose pages are not recorded yet (the scaffold's marker) is skipped, by name.
"""

from __future__ import annotations

import json

import pytest

from crawler.crawl import recordings
from crawler.fields import in_order
from tests.conftest import SITES, observations
from tests.support.expected import expected, files

DOMAINS = recordings.spider_domains()
CAPTURES = {u: [c.date for c in caps] for u, caps in recordings.captures(SITES, DOMAINS).items()}
PENDING = recordings.pending(SITES, DOMAINS)


def _cases():
    for university, dates in sorted(files().items()):
        for date in sorted(dates):
            if university in PENDING:
                marks = [pytest.mark.skip(reason=f"{university}: no recorded pages yet "
                                                 f"({', '.join(str(p.relative_to(SITES)) for p in PENDING[university])})")]
                yield pytest.param(university, date, "-", {}, marks=marks, id=f"{university}-{date}-not-recorded-yet")
                continue
            for program_id, fields in expected(university, date).programs.items():
                yield pytest.param(university, date, program_id, fields, id=f"{date}-{university}-{program_id}")


CASES = list(_cases())


def evidence(obs) -> str:
    """The text and URL behind an observed value, for a failure message."""
    if obs is None:
        return "no evidence"
    texts = [f"{e.get('text')!r} at {e.get('url')}" for e in obs.evidence or []]
    return "; ".join(texts) or f"no evidence text (source {obs.source_url})"


def _field_cases():
    for case in CASES:
        university, date, program_id, fields = case.values
        if not fields:
            yield pytest.param(university, date, program_id, "-", None, marks=case.marks, id=case.id)
        for field, value in fields.items():
            yield pytest.param(university, date, program_id, field, value, id=f"{case.id}-{field}")


@pytest.mark.parametrize("university, date, program_id, field, wanted", list(_field_cases()))
def test_field(crawled, university, date, program_id, field, wanted):
    program = observations(crawled(date)[university]).get(program_id)
    assert program is not None, f"{program_id} not found on {date}"
    obs = program.get(field)
    assert obs is not None, f"{program_id} {field} not found on {date}"
    assert obs.state == "value", f"{program_id} {field} is {obs.state}: {obs.problem} (evidence: {evidence(obs)})"
    # Expected lists are written in page order; values are kept in one canonical order.
    want = in_order(field, wanted) if isinstance(wanted, list) else wanted
    assert obs.value == want, (
        f"{program_id} {field} on {date}: read {json.dumps(obs.value)} from {evidence(obs)}; "
        f"{expected(university, date).file.relative_to(SITES.parent.parent)} expects {json.dumps(want)}")


@pytest.mark.parametrize("university, date, program_id, fields", CASES)
def test_no_other_fields(crawled, university, date, program_id, fields):
    """A spider states nothing the page does not: no extra field, no unknown one."""
    program = observations(crawled(date)[university])[program_id]
    extra = {f: evidence(o) for f, o in program.items() if o.state == "value" and f not in fields}
    assert extra == {}, f"{program_id} on {date} states fields its expected record does not"
    assert {f for f, o in program.items() if o.state == "value"} == set(fields)
    assert {f: f"{o.problem} ({evidence(o)})" for f, o in program.items() if o.state != "value"} == {}


def _listed_cases():
    for university, dates in sorted(files().items()):
        for date in sorted(dates):
            marks = [pytest.mark.skip(reason=f"{university}: no recorded pages yet")] if university in PENDING else []
            yield pytest.param(university, date, marks=marks, id=f"{date}-{university}")


@pytest.mark.parametrize("university, date", list(_listed_cases()))
def test_programs_listed(crawled, university, date):
    assert date in CAPTURES.get(university, []), f"{university} has no capture on {date}: {CAPTURES.get(university)}"
    assert set(crawled(date)[university].programs) == set(expected(university, date).programs)


@pytest.mark.parametrize("university", sorted(set(CAPTURES) | set(files())))
def test_every_capture_has_its_expected_records(university):
    if university in PENDING:
        pytest.skip(f"{university}: no recorded pages yet")
    assert sorted(files().get(university, {})) == CAPTURES.get(university, []), (
        f"{university}: recorded on {CAPTURES.get(university)}, expected records for {sorted(files().get(university, {}))}")
