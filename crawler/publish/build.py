"""Build a programs.db file (DESIGN section 7, schema version 1) from the accepted state:
its schema and every table, in primary-key order. Only accepted values are published; pending
changes never are. `crawler.publish` swaps the built file in.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from crawler import __version__
from crawler.fields import FIELDS
from crawler.states import VALUE_KINDS

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE institutions (
    institution_id TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT, state TEXT, control TEXT,
    website TEXT, ipeds_unitid TEXT
);
CREATE TABLE programs (
    program_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL REFERENCES institutions(institution_id),
    name TEXT, degree TEXT, concentration TEXT, delivery TEXT, synchronous INTEGER, ala_accredited INTEGER,
    total_credits REAL, min_gpa REAL, application_fee_usd REAL,
    entrance_exam TEXT, entrance_exam_condition TEXT, entrance_exams TEXT,
    duration_months_min INTEGER, duration_months_max INTEGER, start_terms TEXT,
    url TEXT, status TEXT NOT NULL, first_seen TEXT NOT NULL, verified_at TEXT
);
CREATE TABLE tuition_rates (
    program_id TEXT NOT NULL REFERENCES programs(program_id), seq INTEGER NOT NULL,
    kind TEXT NOT NULL, amount_usd REAL NOT NULL, per TEXT NOT NULL, residency TEXT NOT NULL,
    applies_to TEXT, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, seq)
);
CREATE TABLE deadlines (
    program_id TEXT NOT NULL REFERENCES programs(program_id), seq INTEGER NOT NULL,
    term TEXT, date TEXT, kind TEXT NOT NULL, applies_to TEXT, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, seq)
);
CREATE TABLE provenance (
    program_id TEXT NOT NULL REFERENCES programs(program_id), field TEXT NOT NULL, source_url TEXT NOT NULL,
    evidence TEXT NOT NULL, crawl_id TEXT NOT NULL, verified_at TEXT NOT NULL,
    PRIMARY KEY (program_id, field, source_url)
);
CREATE TABLE changes (
    change_id INTEGER PRIMARY KEY, crawl_id TEXT NOT NULL, program_id TEXT NOT NULL, field TEXT,
    kind TEXT NOT NULL, old TEXT, new TEXT, evidence_old TEXT, evidence_new TEXT, source_url TEXT,
    detected_at TEXT NOT NULL
);
"""

# programs column -> (field, how to read its JSON value), from each field's spec (crawler/fields.py)
SCALAR_COLUMNS = {spec.column: (name, spec.cast) for name, spec in FIELDS.items() if spec.column}


def build(history: sqlite3.Connection, path: Path, crawl_id: str | None) -> None:
    out = sqlite3.connect(path, isolation_level=None)
    try:
        out.execute("PRAGMA journal_mode=DELETE")
        # No fsync at COMMIT: the finished file is integrity-checked and fsynced by `publish`
        # before it replaces anything, and a build that dies midway is never published.
        out.execute("PRAGMA synchronous=OFF")
        out.execute("BEGIN")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                out.execute(statement)
        published_at = datetime.now(UTC).isoformat(timespec="seconds")
        meta = {"schema_version": str(SCHEMA_VERSION), "published_at": published_at, "crawl_id": crawl_id or "",
                "generator": f"mlis-crawler {__version__}"}
        out.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        out.executemany("INSERT INTO institutions VALUES (?,?,?,?,?,?,?)", history.execute(
            """SELECT institution_id, name, city, state, control, website, ipeds_unitid FROM institutions
               WHERE institution_id IN (SELECT institution_id FROM programs) ORDER BY institution_id"""))
        _write_programs(history, out)
        out.executemany("INSERT INTO changes VALUES (?,?,?,?,?,?,?,?,?,?,?)", history.execute(
            f"""SELECT change_id, crawl_id, program_id, field, kind, old, new, evidence_old, evidence_new, source_url, detected_at
                FROM changes WHERE status = 'accepted' AND kind IN ({",".join("?" * len(VALUE_KINDS))})
                AND program_id IN (SELECT program_id FROM programs) ORDER BY change_id""", VALUE_KINDS))
        out.execute("COMMIT")
    finally:
        out.close()


def _write_programs(history: sqlite3.Connection, out: sqlite3.Connection) -> None:
    """Stream the accepted state program by program, in primary-key order."""
    rows = history.execute(
        """SELECT p.program_id, p.institution_id, p.url, p.status, p.first_seen, c.field, c.value, c.evidence,
                  c.source_url, c.crawl_id, c.verified_at
           FROM programs p LEFT JOIN current c USING (program_id) ORDER BY p.program_id, c.field"""
    )
    batch = _Batch()
    program, fields = None, {}
    for row in rows:
        if program is not None and row[0] != program[0]:
            _write_program(batch, program, fields)
            fields = {}
            if len(batch.programs) >= _Batch.SIZE:
                batch.flush(out)
        program = row[:5]
        if row[5] is not None:
            fields[row[5]] = row[6:]
    if program is not None:
        _write_program(batch, program, fields)
    batch.flush(out)


class _Batch:
    """The rows of the next few hundred programs, written with one executemany per table: the
    rows stream through in bounded memory, without a statement per program and table."""

    SIZE = 500
    PROGRAM_COLUMNS = ("program_id", "institution_id", *SCALAR_COLUMNS, "entrance_exam", "entrance_exam_condition",
                       "entrance_exams", "duration_months_min", "duration_months_max", "start_terms", "url", "status",
                       "first_seen", "verified_at")

    def __init__(self) -> None:
        self.programs: list[tuple] = []
        self.rates: list[tuple] = []
        self.deadlines: list[tuple] = []
        self.provenance: list[tuple] = []

    def flush(self, out: sqlite3.Connection) -> None:
        columns = self.PROGRAM_COLUMNS
        out.executemany(f"INSERT INTO programs ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})", self.programs)
        out.executemany("INSERT INTO tuition_rates VALUES (?,?,?,?,?,?,?,?)", self.rates)
        out.executemany("INSERT INTO deadlines VALUES (?,?,?,?,?,?,?)", self.deadlines)
        out.executemany("INSERT INTO provenance VALUES (?,?,?,?,?,?)", self.provenance)
        for rows in (self.programs, self.rates, self.deadlines, self.provenance):
            rows.clear()


def _write_program(batch: _Batch, program: tuple, fields: dict) -> None:
    program_id, institution_id, url, status, first_seen = program
    value = {name: json.loads(f[0]) for name, f in fields.items()}
    row = {"program_id": program_id, "institution_id": institution_id}
    for column, (name, cast) in SCALAR_COLUMNS.items():
        v = value.get(name)
        row[column] = cast(v) if (cast and v is not None) else v
    exam = value.get("entrance_exam") or {}
    duration = value.get("duration") or {}
    row.update(
        entrance_exam=exam.get("status"), entrance_exam_condition=exam.get("condition"),
        entrance_exams=json.dumps(exam["exams"]) if exam.get("exams") else None,
        duration_months_min=duration.get("months_min"), duration_months_max=duration.get("months_max"),
        start_terms=json.dumps(value["start_terms"]) if "start_terms" in value else None,
        url=url, status=status, first_seen=first_seen,
        verified_at=min((f[4] for f in fields.values()), default=None),
    )
    batch.programs.append(tuple(row[column] for column in batch.PROGRAM_COLUMNS))
    rates = [(r, fields[name][4]) for name in ("tuition", "fees") for r in value.get(name) or []]
    batch.rates.extend(
        (program_id, seq, r["kind"], float(r["amount_usd"]), r["per"], r["residency"], r.get("applies_to"), as_of)
        for seq, (r, as_of) in enumerate(rates, 1)
    )
    deadlines = value.get("application_deadlines") or []
    as_of = fields["application_deadlines"][4] if deadlines else None
    batch.deadlines.extend(
        (program_id, seq, d.get("term"), d.get("date"), d["kind"], d.get("applies_to"), as_of)
        for seq, d in enumerate(deadlines, 1)
    )
    provenance = batch.provenance
    for name, (_value, evidence, source_url, crawl_id, verified_at) in sorted(fields.items()):
        by_url: dict[str, list[str]] = defaultdict(list)
        for piece in json.loads(evidence or "[]"):
            if piece["text"] not in by_url[piece["url"]]:
                by_url[piece["url"]].append(piece["text"])
        for piece_url, texts in sorted(by_url.items()):
            provenance.append((program_id, name, piece_url, " | ".join(texts), crawl_id, verified_at))


