"""Audit of third-party claims: what a listing (a rankings page, a directory) says about a
program, checked against what the program's own pages say, as published in programs.db.

A claims file is a CSV with the columns `institution_id`, `program_id`, `field`, `claim` (the
listing's words, e.g. "GRE required", "36 credits", "$900 per credit") and optionally
`listing_entry` (which entry of the listing it comes from). Each claim is read with our own
normalizers (`crawler.fields.read_fact`) by the same rules as page text (not the familiar-wording
gate, whose question a claim's column answers), and compared with the published fact. Its status:

- `verified`: the program's pages state the same value;
- `partly_verified`: they state the claim's core value, but the claim adds a qualifier ("for
  applicants with a strong academic background", "with in-person field experiences") that our
  evidence does not state; the note names the part we could not confirm;
- `contradicted`: our current evidence states another core value (an exam status, an amount, a
  count, a date, a delivery mode): `our_value`, the `evidence` quote, its `source_url` and the
  date we last `verified_at` it are given. Without such evidence nothing is contradicted;
- `not_stated`: we publish no such value (the program is not published, or its pages do not
  state the field);
- `unreadable`: the claim itself cannot be read (a field we do not know, or words no
  normalizer reads, e.g. "four start dates a year").

Each field's spec judges its core value (crawler/shapes.py, `judge`): credits and GPA equal as
numbers; money equal per unit (a claimed
"$900 per credit" is verified by a tuition rate of $900.00 per credit for the same residency,
contradicted when our rates per credit are all other amounts, not stated when we have none per
credit); exam rules by status (required, not_required, optional, conditional); lengths by the
bounds the claim states; deadlines per term, by date, or by month when the claim only gives
months ("Fall: June" is verified by any fall deadline in June); start terms as sets; the
rest equal.
"""

from __future__ import annotations

import csv
import html
import re
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from crawler.commandline import command
from crawler.errors import ConfigError
from crawler.fields import FIELDS, read_fact, words as describe
from crawler.normalize import familiar
from crawler.normalize.text import MONTHS, TERM_WORDS, clean_text
from crawler.shapes import MONTHS as MONTH_NAMES

COLUMNS = ("institution_id", "program_id", "field", "claim")
STATUSES = ("verified", "partly_verified", "contradicted", "not_stated", "unreadable")
EXAM_ORDER = {name: i for i, name in enumerate(("GRE", "MAT", "GMAT", "LSAT", "MCAT"))}  # as the normalizer names them
KEYS = ("institution_id", "program_id", "field", "claim", "status", "our_value", "claimed_value", "evidence",
        "source_url", "verified_at", "listing_entry", "note")


# -- reading claims -------------------------------------------------------------------------------

def load_claims(path: Path) -> list[dict]:
    """The claims of a CSV file, or a ConfigError saying what is wrong with it."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ConfigError(f"{path}: the claims file lacks the column(s) {', '.join(missing)} "
                                  f"(it needs {', '.join(COLUMNS)}, and may have listing_entry)")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except FileNotFoundError as exc:
        raise ConfigError(f"no claims file at {path}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{path} is not a readable CSV file ({exc})") from exc


_TERM = r"(fall|autumn|spring|summer|winter)"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TERM_THEN_MONTH = re.compile(rf"\b{_TERM}\s*(?::|-|–|deadline(?:s)? (?:is |are )?(?:in )?)\s*{_MONTH}\b(?!\s*\d)", re.I)
_MONTH_THEN_TERM = re.compile(rf"\b{_MONTH}\s*\(\s*{_TERM}\s*\)", re.I)


def read_deadline_months(text: str) -> dict[str, int] | None:
    """{term: month} from a claim that gives months only ("Fall: June; Spring: November",
    "deadlines in June (fall), November (spring)"); None unless every term it names has one."""
    text = clean_text(text)
    found: dict[str, int] = {}
    for m in _TERM_THEN_MONTH.finditer(text):
        found[TERM_WORDS[m[1].lower()]] = MONTHS[m[2].lower()]
    for m in _MONTH_THEN_TERM.finditer(text):
        found[TERM_WORDS[m[2].lower()]] = MONTHS[m[1].lower()]
    named = {TERM_WORDS[t.lower()] for t in re.findall(rf"\b{_TERM}\b", text, re.I)}
    return found if found and set(found) == named else None


def read_claim(field: str, text: str) -> tuple[Any, str | None]:
    """(the claimed value, None) or (None, why it cannot be read). A qualifier the claim adds
    (`split_qualifier`) is not part of the value: the core is read alone when it states one.
    Claims are read by the rules alone: the familiar-wording gate (crawler/normalize/familiar.py)
    asks whether page prose binds a value to this program's fact, which a claim's column answers."""
    if field not in FIELDS:
        return None, f"unknown field {field!r} (known: {', '.join(FIELDS)})"
    with familiar.off():
        return _read_claim(field, text)


def _read_claim(field: str, text: str) -> tuple[Any, str | None]:
    core, qualifier = split_qualifier(text)
    if qualifier is not None:
        value, _ = read_fact(field, core)
        if value is not None:
            return value, None
    value, problem = read_fact(field, text)
    if value is None and field == "application_deadlines":
        months = read_deadline_months(text)
        if months:
            return {"months": months}, None
    return value, problem


# -- what we publish -------------------------------------------------------------------------------

class Published:
    """The facts of a programs.db file, per program, in the shapes read_fact returns."""

    def __init__(self, path: Path):
        if not path.is_file():
            raise ConfigError(f"no published file at {path}: run `{command('refresh')}` (or `publish`) first")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            version = dict(conn.execute("SELECT key, value FROM meta").fetchall()).get("schema_version")
            if version != "2":
                raise ConfigError(f"{path} has schema version {version}; this audit reads version 2")
            self.programs = {r["program_id"]: dict(r) for r in conn.execute("SELECT * FROM programs")}
            self.rates = self._by_program(conn, "SELECT * FROM tuition_rates ORDER BY program_id, seq")
            self.deadlines = self._by_program(conn, "SELECT * FROM deadlines ORDER BY program_id, seq")
            self.terms = self._by_program(conn, "SELECT * FROM program_start_terms ORDER BY program_id, term")
            self.exams = self._by_program(conn, "SELECT * FROM program_entrance_exams ORDER BY program_id, exam")
            # A field with no column or table of its own is published only as its changes: its value
            # is the newest accepted change's new side, read back by the field's spec.
            self.latest: dict[tuple[str, str], tuple[dict, list[dict]]] = {}
            # in the order rows became the published state: a late accept or a revert comes last
            for r in conn.execute("SELECT * FROM changes WHERE field IS NOT NULL ORDER BY applied_order"):
                items = [dict(i) for i in conn.execute(
                    "SELECT * FROM change_items WHERE change_id = ? AND side = 'new' ORDER BY seq", [r["change_id"]])]
                self.latest[r["program_id"], r["field"]] = (dict(r), items)
            self.provenance: dict[tuple[str, str], list[dict]] = defaultdict(list)
            for r in conn.execute("SELECT * FROM provenance ORDER BY program_id, field, source_url"):
                self.provenance[r["program_id"], r["field"]].append(dict(r))
        finally:
            conn.close()

    @staticmethod
    def _by_program(conn: sqlite3.Connection, sql: str) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for r in conn.execute(sql):
            out[r["program_id"]].append(dict(r))
        return out

    def value(self, program_id: str, field: str) -> Any:
        """Our value of a field, in read_fact's shape (money as decimal strings); None if not stated."""
        p = self.programs[program_id]
        if field in ("tuition", "fees"):
            kind = "tuition" if field == "tuition" else "fee"
            return [{"kind": r["kind"], "amount_usd": str(Decimal(r["amount_cents"]) / 100), "per": r["per"],
                     "residency": r["residency"], "applies_to": r["applies_to_label"]}
                    for r in self.rates[program_id] if r["kind"] == kind] or None
        if field == "application_deadlines":
            return [{"term": d["term"], "date": d["date"], "kind": d["kind"], "applies_to": d["applies_to_label"]}
                    for d in self.deadlines[program_id]] or None
        if field == "start_terms":
            return [t["term"] for t in self.terms[program_id]] or None
        if field == "entrance_exam":
            if p["entrance_exam"] is None:
                return None
            exams = sorted((e["exam"] for e in self.exams[program_id]), key=lambda x: (EXAM_ORDER.get(x, 9), x))
            return {"status": p["entrance_exam"], "exams": exams,
                    "condition": p["entrance_exam_condition"]}
        if field == "duration":
            low, high = p["duration_months_min"], p["duration_months_max"]
            return {"months_min": low, "months_max": high} if (low or high) else None
        if field == "application_fee":
            return None if p["application_fee_cents"] is None else str(Decimal(p["application_fee_cents"]) / 100)
        spec = FIELDS[field]
        if spec.column is None:
            if (program_id, field) not in self.latest:
                return None  # stated since the program's first night, or never: we cannot say which
            change, items = self.latest[program_id, field]
            return spec.decode({c: change[f"new_{c}"] for c in ("text", "number", "number_max", "detail")}, items)
        value = p[spec.column]
        if field in ("synchronous", "ala_accredited") and value is not None:
            return bool(value)
        return value

    def evidence(self, program_id: str, field: str) -> tuple[str | None, str | None, str | None]:
        """(evidence text, source URLs, verified_at) of a field: the texts of several pages joined
        by ' | ', their URLs by a space, and the oldest date any of them was last verified."""
        fields = ("tuition", "fees") if field in ("tuition", "fees") else (field,)
        rows = [r for f in fields for r in self.provenance.get((program_id, f), [])]
        if not rows:
            return None, None, None
        return (" | ".join(r["evidence"] for r in rows), " ".join(dict.fromkeys(r["source_url"] for r in rows)),
                min(r["verified_at"] for r in rows))


# -- comparing -------------------------------------------------------------------------------------

# A qualifier a listing adds after the core of its claim: "GRE not required | for applicants with a
# strong academic background", "online | with in-person field experiences". Only outside
# parentheses ("3.0 GPA (2.75 with stipulations)" is one value with its own exception).
_QUALIFIER = re.compile(r"\s+((?:for|with|if|when|unless|except|provided)\b.+)$", re.I)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SMALL_WORDS = {"for", "with", "if", "when", "unless", "except", "provided", "the", "and", "or", "a", "an", "of",
                "to", "in", "on", "some", "who", "that", "have", "has", "their"}


def split_qualifier(text: str) -> tuple[str, str | None]:
    """(the claim's core, the qualifier it adds) or (the claim, None)."""
    text = clean_text(text)
    match = _QUALIFIER.search(text)
    if match is None or text[:match.start()].count("(") != text[:match.start()].count(")"):
        return text, None
    return text[:match.start()].rstrip(" ,;"), match[1]


def states_qualifier(qualifier: str, evidence: str | None) -> bool:
    """Whether our evidence says what the qualifier says: every word of it that carries meaning."""
    words = {w for w in _WORD.findall(qualifier.lower()) if w not in _SMALL_WORDS}
    found = set(_WORD.findall((evidence or "").lower()))
    return bool(words) and words <= found


def compare(field: str, claimed: Any, ours: Any, evidence: str | None = None) -> tuple[str, str | None]:
    """(status, a note on how it was compared) for a claimed and a published value, both stated:
    the field's spec judges its core value (crawler/shapes.py), with our evidence's words where
    the value alone cannot decide."""
    return FIELDS[field].judge(claimed, ours, evidence)


def _show(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if field == "application_deadlines" and isinstance(value, dict) and "months" in value:
        return "; ".join(f"{term.capitalize()} {MONTH_NAMES[month - 1]}" for term, month in value["months"].items())
    return describe(field, value)


def audit(claims: list[dict], published: Published) -> list[dict]:
    """One result per claim, in the claims' order, with every key of KEYS."""
    out = []
    for claim in claims:
        field, program_id = claim.get("field", ""), claim.get("program_id", "")
        result = {k: claim.get(k) for k in ("institution_id", "program_id", "field", "claim", "listing_entry")}
        result.update(status=None, our_value=None, claimed_value=None, evidence=None, source_url=None,
                      verified_at=None, note=None)
        claimed, problem = read_claim(field, claim.get("claim", ""))
        if claimed is None:
            result.update(status="unreadable", note=problem)
        else:
            result["claimed_value"] = _show(field, claimed)
            ours = published.value(program_id, field) if program_id in published.programs else None
            if program_id not in published.programs:
                result.update(status="not_stated", note="we publish no such program")
            elif ours is None:
                result.update(status="not_stated", note="the program's pages do not state it")
            else:
                evidence, url, verified_at = published.evidence(program_id, field)
                status, note = compare(field, claimed, ours, evidence)
                qualifier = split_qualifier(claim.get("claim", ""))[1]
                if status != "not_stated" and not (evidence and url and verified_at):
                    status, note = "not_stated", "we hold no page evidence for our value, so we judge nothing"
                elif status == "verified" and qualifier and not states_qualifier(qualifier, evidence):
                    status, note = "partly_verified", f"our pages do not state the part “{qualifier}”"
                result.update(status=status, note=note, our_value=_show(field, ours), evidence=evidence,
                              source_url=url, verified_at=verified_at)
        out.append({k: result.get(k) for k in KEYS})
    return out


def counts(results: list[dict]) -> dict[str, int]:
    return {s: sum(r["status"] == s for r in results) for s in STATUSES}


# -- rendering -------------------------------------------------------------------------------------

def _md(text: Any) -> str:
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", str(text)) if text is not None else ""


def render_markdown(results: list[dict]) -> str:
    c = counts(results)
    lines = ["# Audit of listing claims", "",
             " · ".join(f"**{c[s]}** {s.replace('_', ' ')}" for s in STATUSES), ""]
    for status in ("contradicted", "partly_verified", "unreadable", "not_stated", "verified"):  # what editors act on first
        rows = [r for r in results if r["status"] == status]
        if not rows:
            continue
        lines += [f"## {status.replace('_', ' ').capitalize()} ({len(rows)})", ""]
        for r in rows:
            lines.append(f"- **{_md(r['program_id'])}** {_md(r['field'])}: the listing says “{_md(r['claim'])}”"
                         + (f" ({_md(r['listing_entry'])})" if r.get("listing_entry") else ""))
            if status in ("verified", "partly_verified", "contradicted"):
                lines.append(f"  - ours: {_md(r['our_value'])}; claimed: {_md(r['claimed_value'])}")
                lines.append(f"  - evidence: “{_md(r['evidence'])}” ({_md(r['source_url'])}, verified {_md(r['verified_at'])})")
            if r["note"]:
                lines.append(f"  - {_md(r['note'])}")
        lines.append("")
    return "\n".join(lines)


def render_html(results: list[dict]) -> str:
    c = counts(results)
    e = html.escape
    rows = []
    for r in results:
        link = (f'<a href="{e(r["source_url"].split()[0])}">{e(r["source_url"])}</a>'
                if r["source_url"] and r["source_url"].startswith(("http://", "https://")) else e(r["source_url"] or ""))
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in (
            e(r["program_id"] or ""), e(r["field"] or ""), e(r["claim"] or ""), f'<strong class="{e(r["status"])}">{e(r["status"])}</strong>',
            e(r["our_value"] or ""), e(r["claimed_value"] or ""), e(r["evidence"] or ""), link, e(r["verified_at"] or ""),
            e(r["note"] or ""))) + "</tr>")
    summary = ", ".join(f"{c[s]} {s.replace('_', ' ')}" for s in STATUSES)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Audit of listing claims</title>"
            "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}"
            ".contradicted{color:#a00}.verified{color:#060}.partly_verified{color:#850}</style></head><body>"
            f"<h1>Audit of listing claims</h1><p>{e(summary)}</p><table><tr>"
            + "".join(f"<th>{h}</th>" for h in ("program", "field", "claim", "status", "ours", "claimed", "evidence",
                                                 "page", "verified", "note"))
            + "</tr>" + "".join(rows) + "</table></body></html>\n")
