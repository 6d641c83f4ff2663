"""The house's rules that imports and names can show: checked on the code itself (issue 20)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from crawler import datadir

CRAWLER = Path(__file__).resolve().parents[1] / "crawler"
# Names that only a data folder uses; "crawls", "reports" and "pages" are also table and key
# names, so those count only where a path is joined with them (`data / "crawls"`).
OWN_NAMES = {datadir.HISTORY, datadir.PUBLISHED, datadir.CONFIG, datadir.LOCK, datadir.LAST_ERROR,
             datadir.PAGE_HISTORY, datadir.VALIDATORS}
JOINED_NAMES = OWN_NAMES | {datadir.CRAWLS, datadir.REPORTS, datadir.PAGES, datadir.BACKUPS, datadir.PREVIOUS}


def spelled_names(tree: ast.AST) -> list[tuple[int, str]]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in OWN_NAMES:
            found.add((node.lineno, node.value))
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant)
              and node.right.value in JOINED_NAMES):
            found.add((node.lineno, node.right.value))
    return sorted(found)


def test_only_datadir_spells_a_data_folder_file_name():
    spelled = {f"{path.relative_to(CRAWLER.parent)}:{line}: {name}"
               for path in CRAWLER.rglob("*.py") if path.name != "datadir.py"
               for line, name in spelled_names(ast.parse(path.read_text(encoding="utf-8")))}
    assert not spelled, sorted(spelled)


def test_the_check_sees_a_spelled_name():
    assert spelled_names(ast.parse('target = data / "history.db"\nlock = ".lock"\nc = data / "crawls"')) == [
        (1, "history.db"), (2, ".lock"), (3, "crawls")]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_publishing_does_not_reach_up_into_the_report():
    """The published file is built before the report is written: publish/ asks the fields'
    specs for a value's words, never report/."""
    upward = {f"{path.relative_to(CRAWLER.parent)}: {module}"
              for path in (CRAWLER / "publish").rglob("*.py")
              for module in imported_modules(path) if module.startswith("crawler.report")}
    assert not upward, sorted(upward)


SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA)\s")  # as this code writes SQL


def sql_in(tree: ast.AST) -> list[int]:
    """Lines that hold SQL: a string that opens with a statement, or a call of .execute/.query."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
            lines.add(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("execute", "executemany", "executescript", "query")):
            lines.add(node.lineno)
    return sorted(lines)


def test_the_cli_holds_no_sql():
    """The commands parse, make one call and print; what they ask of a database is asked by name
    in crawler/history/ (queries.py) or crawler/report/."""
    found = {f"{path.relative_to(CRAWLER.parent)}:{line}" for path in (CRAWLER / "cli").glob("*.py")
             for line in sql_in(ast.parse(path.read_text(encoding="utf-8")))}
    assert not found, sorted(found)


def test_the_sql_check_sees_sql():
    assert sql_in(ast.parse('x = db.execute("SELECT 1")\ny = "  UPDATE t SET a = 1"\nz = "selected"')) == [1, 2]
