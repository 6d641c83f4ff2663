"""Expected records, per university and capture date, each value stated once.

`tests/expected/<university>/<capture date>.json` is one of:

    {"every_program": {field: value, ...},        what every program of the university states
     "programs": {program_id: {field: value}},    each program, with what differs from the above
                                                  (null: this program does not state the field)
     "held_for_review": {field: reason}}          changes since the previous capture the policy
                                                  holds for review (the rest are accepted)

    {"same_as": "<earlier capture date>"}         a quiet capture: the same values as that one

Values are as published (JSON); lists in page order. Each was read off the recorded page by a
person (docs/adding-a-university.md, step 4).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from crawler.fields import canonical, in_order

EXPECTED = Path(__file__).resolve().parent.parent / "expected"


@dataclass(frozen=True)
class Expected:
    university: str
    date: str
    file: Path
    programs: dict[str, dict[str, object]]
    held_for_review: dict[str, str] = field(default_factory=dict)


def files() -> dict[str, dict[str, Path]]:
    """university -> capture date -> its expectations file."""
    out: dict[str, dict[str, Path]] = {}
    for file in sorted(EXPECTED.glob("*/*.json")):
        out.setdefault(file.parent.name, {})[file.stem] = file
    return out


@cache
def expected(university: str, date: str) -> Expected:
    file = EXPECTED / university / f"{date}.json"
    doc = json.loads(file.read_text(encoding="utf-8"))
    unknown = set(doc) - {"every_program", "programs", "held_for_review", "same_as", "notes"}
    assert not unknown, f"{file}: unknown keys {sorted(unknown)}"
    if "same_as" in doc:
        assert set(doc) <= {"same_as", "notes"}, f"{file}: same_as stands alone"
        assert doc["same_as"] < date, f"{file}: same_as must name an earlier capture"
        earlier = expected(university, doc["same_as"])
        return Expected(university, date, file, earlier.programs)
    defaults = doc.get("every_program", {})
    programs = {}
    for program_id, overrides in doc.get("programs", {}).items():
        assert program_id.startswith(f"{university}/"), f"{file}: {program_id} is not a {university} program"
        merged = {**defaults, **overrides}
        programs[program_id] = {f: v for f, v in merged.items() if v is not None}
    return Expected(university, date, file, programs, doc.get("held_for_review", {}))


def same(field_name: str, a: object, b: object) -> bool:
    """Two expected values are one value (lists compared in the field's canonical order)."""
    def norm(v):
        return canonical(in_order(field_name, v) if isinstance(v, list) else v)
    return norm(a) == norm(b)


def changes(before: Expected | None, after: Expected) -> Counter:
    """(university, field, kind, status) -> programs: what a night must report when a
    university's records go from `before` (None: never seen) to `after`."""
    out: Counter = Counter()
    u = after.university
    if before is None:
        out.update({(u, None, "program_added", "accepted"): len(after.programs)})
        return out
    status = lambda f: "pending" if f in after.held_for_review else "accepted"  # noqa: E731
    for program_id in sorted(set(before.programs) | set(after.programs)):
        old, new = before.programs.get(program_id), after.programs.get(program_id)
        if old is None:
            out[(u, None, "program_added", "accepted")] += 1
        elif new is None:
            out[(u, None, "program_removed", "pending")] += 1
        else:
            for f in sorted(set(old) | set(new)):
                if f not in old:
                    out[(u, f, "added", status(f))] += 1
                elif f not in new:
                    out[(u, f, "removed", "pending")] += 1
                elif not same(f, old[f], new[f]):
                    out[(u, f, "changed", status(f))] += 1
    for f in after.held_for_review:
        assert any(k[1] == f for k in out), f"{after.file}: {f} is held for review but did not change"
    return out
