"""Build a programs.db file (DESIGN section 7, schema version 2, docs/schema.md) from the
accepted state: its schema and every table, in primary-key order. Only accepted values are
published as values; pending changes are listed in `pending_changes`, never applied.
`crawler.publish` swaps the built file in.

Version 2 keeps no JSON in any text column: lists are rows of their own tables, money is
integer cents everywhere (`*_cents`), `applies_to` is split into a closed vocabulary
(crawler/publish/vocab.py) beside the label, and `changes` carries typed old/new columns.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from crawler import __version__
from crawler.fields import FIELDS, Field
from crawler.publish.sync import POLICY, log, next_sequence
from crawler.publish.vocab import COLUMNS as VOCAB, split_applies_to
from crawler.shapes import cents, empty_columns
from crawler.states import VALUE_KINDS, Kind, Status

SCHEMA_VERSION = 2

_VOCAB_DDL = """modality TEXT, campus TEXT, applicant TEXT, attendance TEXT, credits_min REAL, credits_max REAL,
    credit_system TEXT, course_credits REAL, applies_to_other TEXT, applies_to_label TEXT"""

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE institutions (
    institution_id TEXT PRIMARY KEY, name TEXT NOT NULL, city TEXT, state TEXT, control TEXT,
    website TEXT, ipeds_unitid TEXT
);
CREATE TABLE programs (
    program_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL REFERENCES institutions(institution_id),
    name TEXT, degree TEXT, concentration TEXT, delivery TEXT, synchronous INTEGER, ala_accredited INTEGER,
    total_credits REAL, min_gpa REAL, application_fee_cents INTEGER,
    entrance_exam TEXT, entrance_exam_condition TEXT,
    duration_months_min INTEGER, duration_months_max INTEGER,
    url TEXT, status TEXT NOT NULL, first_seen TEXT NOT NULL, verified_at TEXT, under_review INTEGER NOT NULL
);
CREATE TABLE program_start_terms (
    program_id TEXT NOT NULL REFERENCES programs(program_id), term TEXT NOT NULL, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, term)
);
CREATE TABLE program_entrance_exams (
    program_id TEXT NOT NULL REFERENCES programs(program_id), exam TEXT NOT NULL, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, exam)
);
CREATE TABLE tuition_rates (
    program_id TEXT NOT NULL REFERENCES programs(program_id), seq INTEGER NOT NULL,
    kind TEXT NOT NULL, amount_cents INTEGER NOT NULL, per TEXT NOT NULL, residency TEXT NOT NULL,
    {_VOCAB_DDL}, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, seq)
);
CREATE TABLE deadlines (
    program_id TEXT NOT NULL REFERENCES programs(program_id), seq INTEGER NOT NULL,
    term TEXT, date TEXT, year INTEGER, month INTEGER, day INTEGER, kind TEXT NOT NULL,
    {_VOCAB_DDL}, as_of TEXT NOT NULL,
    PRIMARY KEY (program_id, seq)
);
CREATE TABLE program_costs (
    program_id TEXT NOT NULL REFERENCES programs(program_id), seq INTEGER NOT NULL,
    residency TEXT NOT NULL, modality TEXT, campus TEXT, applies_to_label TEXT,
    tuition_cents INTEGER NOT NULL, per TEXT NOT NULL, total_credits REAL,
    fees_per_credit_cents INTEGER, fees_per_term_cents INTEGER, fees_per_year_cents INTEGER, fees_per_program_cents INTEGER,
    tuition_total_cents INTEGER, estimated_total_cents INTEGER, basis TEXT NOT NULL,
    PRIMARY KEY (program_id, seq),
    FOREIGN KEY (program_id, seq) REFERENCES tuition_rates(program_id, seq)
);
CREATE TABLE provenance (
    program_id TEXT NOT NULL REFERENCES programs(program_id), field TEXT NOT NULL, source_url TEXT NOT NULL,
    evidence TEXT NOT NULL, crawl_id TEXT NOT NULL, verified_at TEXT NOT NULL,
    PRIMARY KEY (program_id, field, source_url)
);
CREATE TABLE changes (
    change_id INTEGER PRIMARY KEY, crawl_id TEXT NOT NULL, detected_at TEXT NOT NULL,
    program_id TEXT NOT NULL REFERENCES programs(program_id), field TEXT, kind TEXT NOT NULL,
    cause TEXT NOT NULL, accepted_by TEXT NOT NULL, initial_load INTEGER NOT NULL,
    unit TEXT, old_text TEXT, new_text TEXT, old_number NUMERIC, new_number NUMERIC,
    old_number_max NUMERIC, new_number_max NUMERIC, old_detail TEXT, new_detail TEXT,
    evidence_old TEXT, evidence_new TEXT, source_url TEXT,
    published_seq INTEGER NOT NULL, published_at TEXT NOT NULL, applied_order INTEGER NOT NULL UNIQUE,
    decision TEXT NOT NULL, decided_at TEXT, reverts INTEGER
);
CREATE TABLE pending_changes (
    change_id INTEGER PRIMARY KEY, program_id TEXT NOT NULL REFERENCES programs(program_id), field TEXT,
    kind TEXT NOT NULL, cause TEXT NOT NULL, since TEXT NOT NULL, reason TEXT,
    unit TEXT, proposed_text TEXT, proposed_number NUMERIC, proposed_number_max NUMERIC, proposed_detail TEXT,
    evidence TEXT, source_url TEXT
);
CREATE TABLE change_items (
    change_id INTEGER NOT NULL, side TEXT NOT NULL, seq INTEGER NOT NULL,
    term TEXT, date TEXT, kind TEXT, amount_cents INTEGER, per TEXT, residency TEXT, applies_to_label TEXT, exam TEXT,
    PRIMARY KEY (change_id, side, seq)
) WITHOUT ROWID;
"""

TABLES = ("meta", "institutions", "programs", "program_start_terms", "program_entrance_exams", "tuition_rates",
          "deadlines", "program_costs", "provenance", "changes", "pending_changes", "change_items")

def _column(name: str, spec) -> tuple[str, Any]:
    """A scalar field's programs column in version 2: money as integer cents (`*_cents`)."""
    if spec.money:
        return spec.column.removesuffix("_usd") + "_cents", cents
    return spec.column, spec.cast


# programs column -> (field, how to read its JSON value), from each field's spec (crawler/fields.py)
SCALAR_COLUMNS = dict((_column(name, spec)[0], (name, _column(name, spec)[1]))
                      for name, spec in FIELDS.items() if spec.column)

# how each field's value is published in changes / pending_changes (docs/schema.md, "changes")
def unit_of(field: str | None) -> str | None:
    """What a field's `*_number` columns count (its shape's unit), asked when publishing, so a
    field registered after import is published as its spec says."""
    spec = FIELDS.get(field) if field else None
    return spec.shape.unit if spec is not None else None
ITEM_FIELDS = ("tuition", "fees", "application_deadlines", "start_terms", "entrance_exam")


# The history's JSON is our own, written by json.dumps: the decoder's scanner reads it without
# json.loads' per-call wrapper (which checks types and trailing text), a tenth of publishing at
# 100,000 programs (benchmarks/reconcile_scale.py).
_SCAN = json.JSONDecoder().scan_once


def _read_json(text: str) -> Any:
    return _SCAN(text, 0)[0]


# A published value repeats across programs: a fact addressed to all of a site's programs is one
# value in each of them, and many values ("online", "36") recur across sites. The recurring ones
# are decoded once (the results are only read, never changed); a few hundred entries hold them,
# where a few thousand mostly held rate and deadline lists that never recur (6 MiB of a publish's
# peak at 20,000 programs, benchmarks/reconcile_scale.py).
_read_value = lru_cache(maxsize=256)(_read_json)


def build(history: sqlite3.Connection, path: Path, crawl_id: str | None, publish_seq: int | None = None) -> None:
    """Build the file at `path`; `publish_seq` is its publish's number (crawler/publish/sync.py;
    by default the next one the history's publishes leave)."""
    if publish_seq is None:
        publish_seq = next_sequence(history, path)
    out = sqlite3.connect(path, isolation_level=None)
    try:
        # Pages of 16 KiB: a fourth of the b-tree pages to fill, link and check for the same rows
        # (build and integrity check 7% less CPU at 20,000 programs; readers see the same tables).
        out.execute("PRAGMA page_size=16384")
        out.execute("PRAGMA journal_mode=OFF")  # a fresh file, never read before its checks: nothing to roll back to
        # No fsync at COMMIT: the finished file is integrity-checked and fsynced by `publish`
        # before it replaces anything, and a build that dies midway is never published.
        out.execute("PRAGMA synchronous=OFF")
        out.execute("BEGIN")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                out.execute(statement)
        published_at = datetime.now(UTC).isoformat(timespec="seconds")
        meta = {"schema_version": str(SCHEMA_VERSION), "published_at": published_at, "crawl_id": crawl_id or "",
                "generator": f"mlis-crawler {__version__}", "publish_seq": str(publish_seq)}
        out.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        out.executemany("INSERT INTO institutions VALUES (?,?,?,?,?,?,?)", history.execute(
            """SELECT institution_id, name, city, state, control, website, ipeds_unitid FROM institutions
               WHERE institution_id IN (SELECT institution_id FROM programs) ORDER BY institution_id"""))
        pending = _pending(history)
        _write_programs(history, out, pending)
        _write_changes(history, out, publish_seq, published_at)
        _write_pending(out, pending)
        out.execute("COMMIT")
    finally:
        out.close()


# -- programs and their rows ------------------------------------------------------------------

def _write_programs(history: sqlite3.Connection, out: sqlite3.Connection, pending: list[dict]) -> None:
    """Stream the accepted state program by program, in primary-key order."""
    under_review: dict[str, int] = defaultdict(int)
    for change in pending:
        under_review[change["program_id"]] += 1
    # The programs and their fields, each read in the order of its primary key (no sort) and
    # merged here: fields of a program that is not published are passed over.
    programs = history.execute("SELECT program_id, institution_id, url, status, first_seen FROM programs ORDER BY program_id")
    fields = groupby(history.execute("SELECT program_id, field, value, verified_at FROM current ORDER BY program_id, field"),
                     key=itemgetter(0))
    batch = _Batch()
    group = next(fields, None)
    for program in programs:
        while group is not None and group[0] < program[0]:  # str order is SQLite's BINARY order (UTF-8)
            group = next(fields, None)
        if group is not None and group[0] == program[0]:
            ours, group = list(group[1]), next(fields, None)
        else:
            ours = []
        _write_program(batch, program, ours, under_review)
        if len(batch.programs) >= _Batch.SIZE:
            batch.flush(out)
    batch.flush(out)
    _write_provenance(history, out)


def _write_provenance(history: sqlite3.Connection, out: sqlite3.Connection) -> None:
    """One row per program, field and page (`_evidence_by_url`), streamed in primary-key order.
    Evidence of one passage (nearly all of it) is one row with nothing to group: SQLite's JSON
    functions take its page and text out, and only evidence of several passages is decoded and
    grouped here. Half the file's rows (1.5 M of 3 M at 100,000 programs,
    benchmarks/reconcile_scale.py) so go from the history to the file without Python's decoder."""
    rows = history.execute(
        """SELECT c.program_id, c.field, json_extract(c.evidence, '$[0].url'), json_extract(c.evidence, '$[0].text'),
                  c.crawl_id, c.verified_at, CASE WHEN json_array_length(c.evidence) != 1 THEN c.evidence END
           FROM programs p JOIN current c USING (program_id) WHERE c.evidence IS NOT NULL
           ORDER BY c.program_id, c.field""")

    def expanded():
        for row in rows:
            if row[6] is None:  # one passage
                yield row[:6]
            else:
                for url, text in _evidence_by_url(row[6]):
                    yield (row[0], row[1], url, text, row[4], row[5])

    out.executemany("INSERT INTO provenance VALUES (?, ?, ?, ?, ?, ?)", expanded())


class _Batch:
    """The rows of the next few hundred programs, written with one executemany per table: the
    rows stream through in bounded memory, without a statement per program and table."""

    SIZE = 250
    PROGRAM_COLUMNS = ("program_id", "institution_id", *SCALAR_COLUMNS, "entrance_exam", "entrance_exam_condition",
                       "duration_months_min", "duration_months_max", "url", "status", "first_seen", "verified_at",
                       "under_review")
    TABLES = ("programs", "program_start_terms", "program_entrance_exams", "tuition_rates", "deadlines",
              "program_costs")

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {table: [] for table in self.TABLES}
        for table in self.TABLES:
            setattr(self, table, self.rows[table])

    def flush(self, out: sqlite3.Connection) -> None:
        columns = self.PROGRAM_COLUMNS
        out.executemany(f"INSERT INTO programs ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})",
                        self.rows["programs"])
        for table in self.TABLES[1:]:
            if self.rows[table]:
                width = len(self.rows[table][0])
                out.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * width)})", self.rows[table])
        for rows in self.rows.values():
            rows.clear()


# (programs column, field, how to read its JSON value) of the scalar columns, in the table's order
_SCALARS = tuple((column, name, cast) for column, (name, cast) in SCALAR_COLUMNS.items())


def _write_program(batch: _Batch, program: tuple, fields: list[tuple], under_review: dict[str, int]) -> None:
    """One program's rows but its provenance; `fields` are its rows of `current` (program_id,
    field, value, verified_at), in order of name."""
    program_id, institution_id, url, status, first_seen = program
    value = {f[1]: _read_value(f[2]) for f in fields}
    as_of = {f[1]: f[3] for f in fields}
    row = [program_id, institution_id]
    for _column, name, cast in _SCALARS:
        v = value.get(name)
        row.append(cast(v) if (cast and v is not None) else v)
    exam = value.get("entrance_exam") or {}
    duration = value.get("duration") or {}
    row += (exam.get("status"), exam.get("condition"), duration.get("months_min"), duration.get("months_max"),
            url, status, first_seen, min(as_of.values(), default=None), under_review.get(program_id, 0))
    batch.programs.append(tuple(row))
    terms = value.get("start_terms")
    if terms:
        batch.program_start_terms.extend((program_id, term, as_of["start_terms"]) for term in sorted(set(terms)))
    if exam.get("exams"):
        batch.program_entrance_exams.extend(
            (program_id, name, as_of["entrance_exam"]) for name in sorted(set(exam["exams"])))

    rate_rows = []
    for name in ("tuition", "fees"):
        for r in value.get(name) or ():
            rate_rows.append((program_id, len(rate_rows) + 1, r["kind"], cents(r["amount_usd"]), r["per"],
                              r["residency"], *_vocab(r.get("applies_to")), as_of[name]))
    if rate_rows:
        batch.tuition_rates.extend(rate_rows)
        batch.program_costs.extend(program_costs(program_id, row[_TOTAL_CREDITS], rate_rows))

    for seq, d in enumerate(value.get("application_deadlines") or (), 1):
        year, month, day = _date_parts(d.get("date"))
        batch.deadlines.append((program_id, seq, d.get("term"), d.get("date"), year, month, day, d["kind"],
                                *_vocab(d.get("applies_to")), as_of["application_deadlines"]))


_TOTAL_CREDITS = _Batch.PROGRAM_COLUMNS.index("total_credits")


@lru_cache(maxsize=256)
def _vocab(label: str | None) -> tuple:
    """The vocabulary's columns of one `applies_to` label, in table order (labels recur: "online", "7+ credits")."""
    vocab = split_applies_to(label)
    return tuple(vocab[c] for c in VOCAB)


def _date_parts(date: str | None) -> tuple[int | None, int | None, int | None]:
    if not date:
        return None, None, None
    year, month, day = date[:-6], date[-5:-3], date[-2:]
    return (int(year) if year.isdigit() else None), int(month), int(day)


def _evidence_by_url(evidence: str | list | None) -> list[tuple[str, str]]:
    """(url, the texts of that page joined by " | "), pages in order of URL."""
    pieces = _read_json(evidence) if isinstance(evidence, str) else (evidence or [])
    if len(pieces) == 1:  # most evidence is one passage: nothing to group
        return [(pieces[0]["url"], pieces[0]["text"])]
    by_url: dict[str, list[str]] = defaultdict(list)
    for piece in pieces:
        if piece["text"] not in by_url[piece["url"]]:
            by_url[piece["url"]].append(piece["text"])
    return [(url, " | ".join(texts)) for url, texts in sorted(by_url.items())]


# -- program_costs ----------------------------------------------------------------------------

_R = {name: i for i, name in enumerate(("program_id", "seq", "kind", "amount_cents", "per", "residency", *VOCAB))}
FEE_PERS = ("credit", "course", "term", "year", "program")


def _fee_fit(fee: tuple, rate: tuple) -> str:
    """How a fee goes with a tuition rate: `applies` (same residency or any, and its modality
    and campus, where stated, are the rate's), `narrower` (it is for some of the rate's students
    only: a residency, modality or campus the rate does not restrict) or `other`."""
    fit = "applies"
    for column in ("residency", "modality", "campus"):
        wide = "any" if column == "residency" else None
        ours, theirs = fee[_R[column]], rate[_R[column]]
        if ours == wide or ours == theirs:
            continue
        if theirs == wide:
            fit = "narrower"
        else:
            return "other"
    return fit


def program_costs(program_id: str, total_credits: float | None, rates: list[tuple]) -> list[tuple]:
    """One row per tuition rate: the fees that go with it and, where every term is stated, an
    estimated total (credits x rate + fees). `basis` says how (docs/schema.md, program_costs).
    A fee meant for some of the rate's students only (out-of-state, on campus, ...) is not
    added, and then there is no estimate: it would be right for some students only."""
    out = []
    fee_rows = [r for r in rates if r[_R["kind"]] == "fee"]
    credits = Decimal(str(total_credits)) if total_credits is not None else None
    for rate in rates:
        if rate[_R["kind"]] != "tuition":
            continue
        fees = {per: None for per in FEE_PERS}
        fits = [(_fee_fit(fee, rate), fee) for fee in fee_rows]
        for fit, fee in fits:
            if fit == "applies":
                fees[fee[_R["per"]]] = (fees[fee[_R["per"]]] or 0) + fee[_R["amount_cents"]]
        narrower = any(fit == "narrower" for fit, _fee in fits)
        per, amount = rate[_R["per"]], rate[_R["amount_cents"]]
        tuition_total = None
        if per == "credit" and credits is not None:
            tuition_total, how = _whole_cents(credits * amount), "credits x rate"
        elif per == "program":
            tuition_total, how = amount, "rate per program"
        elif per == "credit":
            how = "no estimate: total credits not stated"
        else:
            how = f"no estimate: tuition per {per}, number of {per}s not stated"
        estimate = None
        if tuition_total is not None:
            stated = [p for p in FEE_PERS if fees[p] is not None]
            if narrower:
                how += "; some fees are for some of these students only"
            elif not stated:
                how += "; fees not stated"
            elif any(p in ("course", "term", "year") for p in stated):
                how += "; fees per " + " and ".join(p for p in stated if p in ("course", "term", "year")) + " not totalled"
            elif fees["credit"] is not None and credits is None:
                how += "; fees per credit, total credits not stated"
            else:
                estimate = tuition_total + (fees["program"] or 0)
                if fees["credit"] is not None:
                    estimate += _whole_cents(credits * fees["credit"])
                how += " + fees"
        out.append((program_id, rate[_R["seq"]], rate[_R["residency"]], rate[_R["modality"]], rate[_R["campus"]],
                    rate[_R["applies_to_label"]], amount, per, total_credits, fees["credit"], fees["term"],
                    fees["year"], fees["program"], tuition_total, estimate, how))
    return out


def _whole_cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# -- changes ----------------------------------------------------------------------------------

def typed(field: str | None, value: Any) -> dict:
    """A field's value as the typed columns of `changes` (text, number, number_max, detail) and
    its items (for change_items): its spec's shape says how (crawler/shapes.py, docs/schema.md)."""
    if value is None or field is None:
        return empty_columns()
    spec = FIELDS.get(field)
    if spec is None:  # a field without a spec has no published shape but text
        return Field(field, field, str).encode(value)
    return spec.encode(value)


_ITEM_COLUMNS = ("term", "date", "kind", "amount_cents", "per", "residency", "applies_to_label", "exam")


def _items(change_id: int, side: str, items: list[dict]) -> list[tuple]:
    return [(change_id, side, seq, *(item.get(c) for c in _ITEM_COLUMNS)) for seq, item in enumerate(items, 1)]


def _evidence_text(evidence: str | None) -> str | None:
    texts = [text for _url, text in _evidence_by_url(evidence)]
    return " | ".join(texts) or None


def _write_changes(history: sqlite3.Connection, out: sqlite3.Connection, publish_seq: int, published_at: str) -> None:
    """The changes log (crawler/publish/sync.py): every row in the order it became the accepted
    state, each with the publish that first carried it and the decision behind it."""
    changes, items = [], []
    for e in log(history, publish_seq, published_at):  # rows of the programs published only
        program_id, field = e.change["program_id"], e.change["field"]
        # program_added / program_removed (and their reverts): the program's row holds its values
        field_change = field is not None and e.change["kind"] not in (Kind.PROGRAM_ADDED, Kind.PROGRAM_REMOVED)
        o = typed(field, _read_json(e.old)) if (e.old and field_change) else typed(None, None)
        n = typed(field, _read_json(e.new)) if (e.new and field_change) else typed(None, None)
        source_url = e.source_url
        if e.reverts is not None:  # the page of the value that is back
            source_url = next((url for url, _text in _evidence_by_url(e.evidence_new)), None)
        by_maintainer = e.decision != POLICY
        changes.append((e.change_id, e.change["crawl_id"], e.detected_at, program_id, field, e.kind,
                        "maintainer" if e.reverts is not None else e.change["cause"],
                        "maintainer" if by_maintainer else "policy", e.change["initial_load"] if e.reverts is None else 0,
                        unit_of(field) if field_change else None,
                        o["text"], n["text"], o["number"], n["number"], o["number_max"], n["number_max"],
                        o["detail"], n["detail"], _evidence_text(e.evidence_old), _evidence_text(e.evidence_new), source_url,
                        e.published_seq, e.published_at, e.applied_order, e.decision, e.decided_at, e.reverts))
        items += _items(e.change_id, "old", o["items"]) + _items(e.change_id, "new", n["items"])
        if len(changes) >= _Batch.SIZE:
            _flush_changes(out, changes, items)
    _flush_changes(out, changes, items)


def _flush_changes(out: sqlite3.Connection, changes: list, items: list) -> None:
    out.executemany(f"INSERT INTO changes VALUES ({','.join('?' * 27)})", changes)
    out.executemany(f"INSERT INTO change_items VALUES ({','.join('?' * 11)})", items)
    changes.clear()
    items.clear()


def _pending(history: sqlite3.Connection) -> list[dict]:
    """Pending value changes of published programs, oldest first."""
    cursor = history.execute(
        f"""SELECT change_id, program_id, field, kind, cause, detected_at, reason, new, evidence_new, source_url
            FROM changes WHERE status = ? AND kind IN ({",".join("?" * len(VALUE_KINDS))})
            AND program_id IN (SELECT program_id FROM programs) ORDER BY change_id""", [Status.PENDING, *VALUE_KINDS])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor]


def _write_pending(out: sqlite3.Connection, pending: list[dict]) -> None:
    rows, items = [], []
    for p in pending:
        field_change = p["kind"] not in (Kind.PROGRAM_ADDED, Kind.PROGRAM_REMOVED)
        v = typed(p["field"], _read_json(p["new"])) if (p["new"] and field_change) else typed(None, None)
        rows.append((p["change_id"], p["program_id"], p["field"], p["kind"], p["cause"], p["detected_at"], p["reason"],
                     unit_of(p["field"]) if field_change else None, v["text"], v["number"], v["number_max"],
                     v["detail"], _evidence_text(p["evidence_new"]), p["source_url"]))
        items += _items(p["change_id"], "proposed", v["items"])
    out.executemany(f"INSERT INTO pending_changes VALUES ({','.join('?' * 14)})", rows)
    out.executemany(f"INSERT INTO change_items VALUES ({','.join('?' * 11)})", sorted(items))
