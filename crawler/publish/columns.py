"""What every table and column of programs.db (schema version 2) means: the one description
that the Datasette metadata (crawler/publish/datasette.py) and the column tables of
docs/schema.md are made from (`python -m crawler.publish.columns` prints those tables;
tests/test_schema_docs.py checks both against a real file).

TABLES: table -> (what one row is, {column: (type, meaning, unit or None)}).
"""

from __future__ import annotations

import sys

_VOCAB = {
    "modality": ("TEXT", "from `applies_to`: `online`, `campus` or `hybrid`; NULL when the label names none", None),
    "campus": ("TEXT", "from `applies_to`: the named campus, `main`, `online` or `global`; NULL when none is named", None),
    "applicant": ("TEXT", "from `applies_to`: `domestic` or `international` applicants; NULL for any", None),
    "attendance": ("TEXT", "from `applies_to`: `full_time` or `part_time`; NULL for any", None),
    "credits_min": ("REAL", "from `applies_to`: the lowest credit load per term it applies to (`7+ credits` -> 7)", "credits"),
    "credits_max": ("REAL", "from `applies_to`: the highest credit load per term it applies to (`1-8 credits` -> 8); NULL for no upper bound", "credits"),
    "credit_system": ("TEXT", "`quarter` when the label says quarter credits; NULL otherwise (semester credits, or not stated)", None),
    "course_credits": ("REAL", "from `applies_to`: the course size a per-course price is for (`3-credit courses` -> 3)", "credits"),
    "applies_to_other": ("TEXT", "qualifiers of the label outside this vocabulary (e.g. `graduate school`, a named applicant group), comma-separated; NULL when none. A row with a value here is narrower than its columns say", None),
    "applies_to_label": ("TEXT", "the qualifiers as read from the page, lowercase, comma-separated (e.g. `online campus, 7+ credits`); NULL when the page states none", None),
}

TABLES: dict[str, tuple[str, dict[str, tuple[str, str, str | None]]]] = {
    "meta": ("one row per key: what this file is", {
        "key": ("TEXT, primary key", "`schema_version`, `published_at`, `crawl_id`, `generator`, `publish_seq`, `values_sha256`", None),
        "value": ("TEXT", "`schema_version` is `2`; `published_at` an ISO timestamp (UTC); `crawl_id` the last crawl folded in; `generator` is `mlis-crawler <version>`; `publish_seq` this publish's number, one more than the file it replaced (see Keeping a mirror in sync); `values_sha256` a SHA-256 of what moves the file's values (its change log, pending changes, institutions, and each program's page and status; without the date and id columns that move on a quiet night): two files with the same digest hold the same values", None),
    }),
    "institutions": ("one row per university", {
        "institution_id": ("TEXT, primary key", "short slug, the spider's name: `twu`, `arizona`, `buffalo`, `usm`, `denver`, `lsu`, `wisc`", None),
        "name": ("TEXT", "official name", None),
        "city": ("TEXT", "main campus city", None),
        "state": ("TEXT", "main campus state, USPS code", None),
        "control": ("TEXT", "`public` or `private`", None),
        "website": ("TEXT", "registrable domain, e.g. `arizona.edu`", None),
        "ipeds_unitid": ("TEXT", "IPEDS unit id", None),
    }),
    "programs": ("one row per program; a concentration is its own program", {
        "program_id": ("TEXT, primary key", "`<institution_id>/<slug>`, stable across crawls, e.g. `arizona/ma-lis-archival-studies`", None),
        "institution_id": ("TEXT", "references `institutions`", None),
        "name": ("TEXT", "program name as the university states it", None),
        "degree": ("TEXT", "`MLS`, `MLIS`, `MA`, `MS`, `MIS`, `MI`, `MEd`", None),
        "concentration": ("TEXT", "the concentration, emphasis or certificate; NULL for the base program", None),
        "delivery": ("TEXT", "`online`, `hybrid` (online with required campus visits) or `campus`", None),
        "synchronous": ("INTEGER", "1 scheduled live classes, 0 asynchronous, NULL not stated", None),
        "ala_accredited": ("INTEGER", "1 accredited by the American Library Association, 0 not, NULL not stated", None),
        "total_credits": ("REAL", "credits the degree requires now (quarter credits for quarter-system schools)", "credits"),
        "min_gpa": ("REAL", "minimum GPA for regular admission (4.0 scale)", None),
        "application_fee_cents": ("INTEGER", "application fee for domestic applicants, in US cents (`5000` is $50.00)", "US cents"),
        "entrance_exam": ("TEXT", "`required`, `not_required`, `optional` or `conditional`; the exams named are in `program_entrance_exams`", None),
        "entrance_exam_condition": ("TEXT", "for `conditional`: when the exam is waived, in words, e.g. `waived with GPA >= 3.0 or a graduate degree`", None),
        "duration_months_min": ("INTEGER", "shortest typical time to complete", "months"),
        "duration_months_max": ("INTEGER", "longest typical time to complete", "months"),
        "url": ("TEXT", "the page that lists the program", None),
        "status": ("TEXT", "`active`; `unseen` (missing from recent crawls, values kept); `removed` (confirmed gone by a maintainer)", None),
        "first_seen": ("TEXT", "date the program was first crawled (`YYYY-MM-DD`)", None),
        "verified_at": ("TEXT", "the oldest `verified_at` of its fields: every value in the row was confirmed on or after this date", None),
        "under_review": ("INTEGER", "number of changes to this program held for a maintainer (rows of `pending_changes`); 0 when none. The published values are the accepted ones", None),
    }),
    "program_start_terms": ("one row per program and term in which it admits students", {
        "program_id": ("TEXT", "references `programs`; with `term`, the primary key", None),
        "term": ("TEXT", "`fall`, `spring`, `summer` or `winter`", None),
        "as_of": ("TEXT", "the date the start terms were last confirmed", None),
    }),
    "program_entrance_exams": ("one row per program and entrance exam its rule names", {
        "program_id": ("TEXT", "references `programs`; with `exam`, the primary key", None),
        "exam": ("TEXT", "`GRE`, `MAT`, `GMAT`, `LSAT` or `MCAT`; what is asked of it is `programs.entrance_exam`", None),
        "as_of": ("TEXT", "the date the exam rule was last confirmed", None),
    }),
    "tuition_rates": ("one row per stated price: tuition, or a fee stated beside it", {
        "program_id": ("TEXT", "references `programs`", None),
        "seq": ("INTEGER", "order (tuition before fees, then by residency); with `program_id`, the primary key", None),
        "kind": ("TEXT", "`tuition` or `fee`", None),
        "amount_cents": ("INTEGER", "the price in US cents (`90000` is $900.00)", "US cents"),
        "per": ("TEXT", "the unit priced: `credit`, `course`, `term`, `year` or `program`", None),
        "residency": ("TEXT", "`any`, `in_state`, `out_of_state` or `international`", None),
        **_VOCAB,
        "as_of": ("TEXT", "the date this rate was last confirmed", None),
    }),
    "deadlines": ("one row per application deadline", {
        "program_id": ("TEXT", "references `programs`", None),
        "seq": ("INTEGER", "order (by term, then `applies_to`); with `program_id`, the primary key", None),
        "term": ("TEXT", "`fall`, `spring`, `summer`, `winter`, or NULL (rolling admission for any term)", None),
        "date": ("TEXT", "`YYYY-MM-DD`, or `--MM-DD` when the page states no year (it recurs every year); NULL for rolling", None),
        "year": ("INTEGER", "the year of `date` when the page states one, else NULL", None),
        "month": ("INTEGER", "the month of `date` (1-12); NULL for rolling", None),
        "day": ("INTEGER", "the day of `date`; NULL for rolling", None),
        "kind": ("TEXT", "`priority`, `final`, `preferred` or `rolling`", None),
        **_VOCAB,
        "as_of": ("TEXT", "the date these deadlines were last confirmed", None),
    }),
    "program_costs": ("one row per tuition rate of a program: the fees that go with it and, where every term is stated, an estimated total", {
        "program_id": ("TEXT", "references `programs`", None),
        "seq": ("INTEGER", "the tuition rate (`tuition_rates.seq`); with `program_id`, the primary key", None),
        "residency": ("TEXT", "the rate's residency: `any`, `in_state`, `out_of_state` or `international`", None),
        "modality": ("TEXT", "the rate's modality (as `tuition_rates.modality`)", None),
        "campus": ("TEXT", "the rate's campus (as `tuition_rates.campus`)", None),
        "applies_to_label": ("TEXT", "the rate's qualifiers as read from the page", None),
        "tuition_cents": ("INTEGER", "the tuition rate, in US cents", "US cents"),
        "per": ("TEXT", "the rate's unit: `credit`, `course`, `term`, `year` or `program`", None),
        "total_credits": ("REAL", "`programs.total_credits`", "credits"),
        "fees_per_credit_cents": ("INTEGER", "sum of the fees per credit that go with this rate (for its residency or `any`; its modality and campus, or unrestricted); NULL when none", "US cents"),
        "fees_per_term_cents": ("INTEGER", "sum of the fees per term that go with this rate; NULL when none", "US cents"),
        "fees_per_year_cents": ("INTEGER", "sum of the fees per year that go with this rate; NULL when none", "US cents"),
        "fees_per_program_cents": ("INTEGER", "sum of the one-off fees per program that go with this rate; NULL when none", "US cents"),
        "tuition_total_cents": ("INTEGER", "tuition for the whole degree: `total_credits` x the rate per credit (to the cent, half up), or the rate per program; NULL when a term is not stated", "US cents"),
        "estimated_total_cents": ("INTEGER", "`tuition_total_cents` + `total_credits` x fees per credit + fees per program, only where fees are stated and none is per term, year or course; otherwise NULL", "US cents"),
        "basis": ("TEXT", "how the totals were computed, or why not: see the list in docs/schema.md", None),
    }),
    "provenance": ("one row per program, field and page: the evidence behind every published value", {
        "program_id": ("TEXT", "references `programs`", None),
        "field": ("TEXT", "a canonical field name: `name`, `degree`, `concentration`, `delivery`, `synchronous`, `total_credits`, `tuition`, `fees`, `application_deadlines`, `start_terms`, `entrance_exam`, `min_gpa`, `application_fee`, `duration`, `ala_accredited`", None),
        "source_url": ("TEXT", "the page the text was read from; with `program_id` and `field`, the primary key", None),
        "evidence": ("TEXT", "the exact text, whitespace-collapsed; several passages of one page are joined by ` | `", None),
        "crawl_id": ("TEXT", "the crawl that last confirmed it", None),
        "verified_at": ("TEXT", "the date it was last confirmed", None),
    }),
    "changes": ("one row per change to a published value that was accepted, and one per revert of such a change: a log that only grows, a row never changes once published (pending ones are in `pending_changes`, rejected ones nowhere)", {
        "change_id": ("INTEGER, primary key", "stable id, as in the change report; for a `reverted` row, minus the id of the maintainer's decision (a revert is a decision, not a change of its own)", None),
        "crawl_id": ("TEXT", "the crawl that found it", None),
        "detected_at": ("TEXT", "the date of the crawl that found it (`YYYY-MM-DD`)", None),
        "program_id": ("TEXT", "references `programs`", None),
        "field": ("TEXT", "the field (as `provenance.field`); NULL for `program_added` / `program_removed`", None),
        "kind": ("TEXT", "`program_added`, `added`, `changed`, `removed`, `program_removed`; `conflict` (pages disagreed, a maintainer named the right one: `new_*` is its value); `reverted` (the change `reverts` undone: `old_*` is its value, `new_*` the value back)", None),
        "cause": ("TEXT", "`site` (the university's page changed), `parser` (our reading of the same text changed: `mlis-crawler renormalize`) or `maintainer` (a value a maintainer put back: every `reverted` row)", None),
        "accepted_by": ("TEXT", "`policy` (accepted by the review rules) or `maintainer` (held for review, then accepted with `mlis-crawler review accept`; every `reverted` row)", None),
        "initial_load": ("INTEGER", "1 for the first crawl of a university (its programs seen for the first time), else 0", None),
        "unit": ("TEXT", "what `old_number` / `new_number` count: `credits`, `gpa`, `cents` (US cents), `months`, `boolean` (1 yes, 0 no); NULL for text and list fields", None),
        "old_text": ("TEXT", "the value before, for text fields (`name`, `degree`, `concentration`, `delivery`) and the exam status (`entrance_exam`)", None),
        "new_text": ("TEXT", "the value after, as `old_text`", None),
        "old_number": ("NUMERIC", "the value before, for number fields (see `unit`); for `duration`, the shortest length", None),
        "new_number": ("NUMERIC", "the value after, as `old_number`", None),
        "old_number_max": ("NUMERIC", "for `duration`: the longest length before", "months"),
        "new_number_max": ("NUMERIC", "for `duration`: the longest length after", "months"),
        "old_detail": ("TEXT", "for `entrance_exam`: the waiver condition before", None),
        "new_detail": ("TEXT", "for `entrance_exam`: the waiver condition after", None),
        "evidence_old": ("TEXT", "the text the old value was read from (passages joined by ` | `)", None),
        "evidence_new": ("TEXT", "the text the new value was read from", None),
        "source_url": ("TEXT", "the page that states the new value", None),
        "published_seq": ("INTEGER", "the publish that first carried this row (`meta.publish_seq` of that file): a held change accepted weeks later has that later publish's number", None),
        "published_at": ("TEXT", "when that publish was made (ISO timestamp, UTC)", None),
        "applied_order": ("INTEGER", "the order in which rows became the published state, over the whole table (unique): apply rows in this order; a later publish's rows come after an earlier one's", None),
        "decision": ("TEXT", "what made it the published state: `policy` (the review rules, at once), `review` (held, then accepted by a maintainer), `revert` (`mlis-crawler review revert`), `rollback` (`mlis-crawler rollback`)", None),
        "decided_at": ("TEXT", "when a maintainer decided (ISO timestamp, UTC); NULL for `policy`", None),
        "reverts": ("INTEGER", "for `reverted`: the `change_id` of the change undone; NULL otherwise", None),
    }),
    "pending_changes": ("one row per change to a published program held for a maintainer: the published value is still the accepted one", {
        "change_id": ("INTEGER, primary key", "the change's id (`mlis-crawler review accept <id>`)", None),
        "program_id": ("TEXT", "references `programs`", None),
        "field": ("TEXT", "the field (as `provenance.field`); NULL for `program_removed`", None),
        "kind": ("TEXT", "`added`, `changed`, `removed` or `program_removed`", None),
        "cause": ("TEXT", "`site`, `parser` or `maintainer` (as `changes.cause`)", None),
        "since": ("TEXT", "the date the proposed value was first seen (`YYYY-MM-DD`)", None),
        "reason": ("TEXT", "why it was held, e.g. `money moved by +33.9% (limit 25%)`", None),
        "unit": ("TEXT", "what `proposed_number` counts (as `changes.unit`)", None),
        "proposed_text": ("TEXT", "the proposed value, for text fields (as `changes.new_text`)", None),
        "proposed_number": ("NUMERIC", "the proposed value, for number fields (as `changes.new_number`)", None),
        "proposed_number_max": ("NUMERIC", "for `duration`: the proposed longest length", "months"),
        "proposed_detail": ("TEXT", "for `entrance_exam`: the proposed waiver condition", None),
        "evidence": ("TEXT", "the text the proposed value was read from", None),
        "source_url": ("TEXT", "the page that states it", None),
    }),
    "change_items": ("one row per item of a list value (rates, deadlines, start terms, exams) before or after a change", {
        "change_id": ("INTEGER", "a change of `changes` or of `pending_changes`; with `side` and `seq`, the primary key", None),
        "side": ("TEXT", "`old` or `new` (a row of `changes`), `proposed` (a row of `pending_changes`)", None),
        "seq": ("INTEGER", "the item's place in the list", None),
        "term": ("TEXT", "`application_deadlines`: the deadline's term; `start_terms`: the term", None),
        "date": ("TEXT", "`application_deadlines`: the date (as `deadlines.date`)", None),
        "kind": ("TEXT", "`tuition` / `fees`: `tuition` or `fee`; `application_deadlines`: the deadline kind", None),
        "amount_cents": ("INTEGER", "`tuition` / `fees`: the amount in US cents", "US cents"),
        "per": ("TEXT", "`tuition` / `fees`: the unit priced", None),
        "residency": ("TEXT", "`tuition` / `fees`: the residency", None),
        "applies_to_label": ("TEXT", "`tuition` / `fees` / `application_deadlines`: the qualifiers as read from the page", None),
        "exam": ("TEXT", "`entrance_exam`: one exam the rule names", None),
    }),
}


def markdown_table(table: str) -> str:
    """The column table of one table, as docs/schema.md has it."""
    _, columns = TABLES[table]
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    for name, (kind, meaning, unit) in columns.items():
        suffix = f" (unit: {unit})" if unit and unit not in meaning else ""
        lines.append(f"| `{name}` | {kind} | {(meaning + suffix).replace('|', chr(92) + '|')} |")
    return "\n".join(lines)


if __name__ == "__main__":
    for name in sys.argv[1:] or list(TABLES):
        print(f"<!-- columns: {name} -->\n{markdown_table(name)}\n<!-- /columns -->\n")
