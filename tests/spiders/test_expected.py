"""Every field of every program, per spider and snapshot, against a hand-checked expected record.

`tests/expected/<snapshot>/<spider>.json` maps program id -> field -> value (as published
JSON). Each value was read off the recorded page by a person; one test per field, so a failure
names the spider, the program and the field.
"""

from __future__ import annotations

import json

import pytest

from crawler.fields import in_order
from tests.conftest import ROOT, observations

EXPECTED = ROOT / "tests" / "expected"


def _cases():
    for file in sorted(EXPECTED.glob("*/*.json")):
        snapshot, spider = file.parent.name, file.stem
        for program_id, fields in json.loads(file.read_text()).items():
            yield snapshot, spider, program_id, fields


CASES = list(_cases())


@pytest.mark.parametrize(
    "snapshot, spider, program_id, field, expected",
    [(s, sp, p, f, v) for s, sp, p, fields in CASES for f, v in fields.items()],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_field(crawled, snapshot, spider, program_id, field, expected):
    program = observations(crawled(snapshot)[spider]).get(program_id)
    assert program is not None, f"{program_id} not found"
    obs = program.get(field)
    assert obs is not None, f"{field} not found"
    assert obs.state == "value", f"{field} is {obs.state}: {obs.problem}"
    # Expected lists are written in page order; values are kept in one canonical order.
    assert obs.value == (in_order(field, expected) if isinstance(expected, list) else expected)


@pytest.mark.parametrize("snapshot, spider, program_id, fields", CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_no_other_fields(crawled, snapshot, spider, program_id, fields):
    """A spider states nothing the page does not: no extra field, no unknown one."""
    program = observations(crawled(snapshot)[spider])[program_id]
    assert {f for f, o in program.items() if o.state == "value"} == set(fields)
    assert {f: o.problem for f, o in program.items() if o.state != "value"} == {}


@pytest.mark.parametrize("snapshot, spider", sorted({(s, sp) for s, sp, _, _ in CASES}))
def test_programs_listed(crawled, snapshot, spider):
    expected = json.loads((EXPECTED / snapshot / f"{spider}.json").read_text())
    assert set(crawled(snapshot)[spider].programs) == set(expected)
