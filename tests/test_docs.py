"""docs/cli.md is every command's --help, verbatim: this fails when they drift apart (`make docs` fixes it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from crawler.cli import docs, main
from tests.conftest import ROOT

CLI = str(Path(sys.executable).parent / "mlis-crawler")
CLI_MD = ROOT / "docs" / "cli.md"


def test_cli_md_is_what_make_docs_writes():
    assert CLI_MD.read_text(encoding="utf-8") == docs.render(), "docs/cli.md is out of date: run `make docs`"


@pytest.mark.parametrize("path", docs.command_paths(), ids=lambda p: " ".join(p) or "mlis-crawler")
def test_each_command_help_appears_verbatim(path):
    """What a user sees in an 80-column terminal is what docs/cli.md shows."""
    run = subprocess.run([CLI, *path, "--help"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "COLUMNS": "80"})
    assert run.returncode == 0
    title = " ".join(["mlis-crawler", *path])
    block = f"## `{title}`\n\n```text\n{run.stdout.rstrip()}\n```\n"
    assert block in CLI_MD.read_text(encoding="utf-8")


def test_every_command_is_documented():
    documented = {line.removeprefix("## `").removesuffix("`") for line in CLI_MD.read_text().splitlines()
                  if line.startswith("## `mlis-crawler")}
    names = {"mlis-crawler " + n for n in main.list_commands(click.Context(main))}
    assert names <= documented
    assert {"mlis-crawler review accept", "mlis-crawler review reject"} <= documented


def test_the_check_fails_when_an_option_changes(monkeypatch):
    option = next(p for p in main.commands["prune"].params if p.name == "dry_run")
    monkeypatch.setattr(option, "help", "Something else entirely.")
    assert docs.render() != CLI_MD.read_text(encoding="utf-8")
