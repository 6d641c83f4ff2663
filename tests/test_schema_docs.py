"""docs/schema.md against the demo's real file: every ```sql block runs, every column of every
table and view is documented (and no column that does not exist), and the column tables are
the ones the Datasette metadata is made from."""

from __future__ import annotations

import re
import sqlite3

import pytest

from crawler.publish.columns import TABLES, markdown_table
from tests.conftest import ROOT
from tests.support.demo_file import demo_data

DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
QUERIES = re.findall(r"```sql\n(.*?)```", DOC, re.S)


@pytest.fixture(scope="module")
def db():
    conn = sqlite3.connect(f"file:{demo_data() / 'programs.db'}?mode=ro", uri=True)
    yield conn
    conn.close()


def documented() -> dict[str, set[str]]:
    """table -> the columns its section's column table lists (## `table`, then the table headed
    | column | type | meaning |, one | `column` | row each)."""
    out: dict[str, set[str]] = {}
    for section in re.split(r"^## ", DOC, flags=re.M)[1:]:
        heading = re.match(r"`(\w+)`", section)
        table = re.search(r"^\| column \| type \| meaning \|\n\| --- \| --- \| --- \|\n((?:\|.*\n)+)", section, re.M)
        if heading and table:
            out[heading[1]] = set(re.findall(r"^\| `(\w+)` \|", table[1], re.M))
    return out


def test_the_docs_have_the_worked_queries():
    assert len(QUERIES) >= 8
    text = " ".join(QUERIES)
    for needle in ("out_of_state", "GRE", "+60 days", "start of month"):
        assert needle in text


@pytest.mark.parametrize("query", QUERIES, ids=[f"sql-{i}" for i in range(len(QUERIES))])
def test_every_query_in_the_docs_runs(db, query):
    rows = db.execute(query).fetchall()
    if "'now'" not in query:  # the demo's facts are fixed: these must find them
        assert rows, query


def test_every_column_of_every_table_and_view_is_documented(db):
    real = {name: {c[1] for c in db.execute(f'PRAGMA table_info("{name}")')}
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    docs = documented()
    assert set(real) <= set(docs), f"tables not documented: {set(real) - set(docs)}"
    for table, columns in real.items():
        assert docs[table] == columns, (table, "undocumented:", columns - docs[table], "not in the file:", docs[table] - columns)
    assert set(TABLES) == set(real)


def test_the_docs_tables_are_the_metadata_descriptions():
    for table in TABLES:
        block = re.search(rf"<!-- columns: {table} -->\n(.*?)\n<!-- /columns -->", DOC, re.S)
        assert block, f"docs/schema.md has no column table for {table}"
        assert block[1] == markdown_table(table), f"{table}: regenerate with python -m crawler.publish.columns {table}"


def test_the_docs_say_version_2_and_how_it_differs_from_1():
    assert "schema version 2" in DOC.splitlines()[0]
    assert "## From version 1" in DOC
    assert "`schema_version` is `2`" in DOC
