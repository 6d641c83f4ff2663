"""The command line starts without Scrapy: `--help` and the commands that only read or write
the history (review, publish, report) never import the crawler's engine."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from crawler.cli import main
try:
    main({args!r})
except SystemExit as exit:
    code = exit.code
print("LOADED", " ".join(m for m in ("scrapy", "twisted") if m in sys.modules), "EXIT", code)
"""


def probe(args: list[str]) -> str:
    result = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_help_does_not_import_scrapy():
    assert probe(["--help"]) == "LOADED  EXIT 0"


def test_light_commands_do_not_import_scrapy(tmp_path):
    # No history there: each command ends with its usage error (2), having run its own code.
    for command in (["review"], ["publish"], ["report"]):
        assert probe([*command, "--data", str(tmp_path)]) == "LOADED  EXIT 2", command


def test_the_probe_sees_scrapy_when_a_command_needs_it(tmp_path):
    # The guard can fire: refresh checks the spider names, which loads Scrapy's spider loader.
    line = probe(["refresh", "--data", str(tmp_path), "--spider", "no-such-spider"])
    assert line.startswith("LOADED scrapy") and line.endswith("EXIT 2"), line
