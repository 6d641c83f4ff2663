"""The IPEDS second source in the review policy (issue 23): a scraped per-credit tuition far from
the school's official graduate charge waits for review with the official figure beside it; every
real rate passes; without a file nothing is held and nothing is said. The file is the real NCES
IC2022_AY layout with the real rows of the covered schools (fixtures/ipeds/)."""

from __future__ import annotations

import sqlite3
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from crawler.config import Config, parse_config
from crawler.errors import ConfigError
from crawler.history.policy import Policy, review
from crawler.jobs import refresh
from crawler.normalize import Rate
from tests.conftest import QUIET, ROOT
from tests.support.sitecopy import copy_snapshot, edit

IPEDS_FILE = ROOT / "fixtures" / "ipeds" / "ic2022_ay.csv"
USM = "176372"
PRICING = "online.usm.edu/pricing"


def per_credit(amount: str, residency: str = "in_state") -> list[dict]:
    return [Rate(kind="tuition", amount_usd=Decimal(amount), per="credit", residency=residency).model_dump(mode="json")]


def test_a_per_term_figure_read_as_per_credit_is_held_with_the_official_figure():
    status, reason = review("added", "tuition", None, per_credit("4999.00"), Policy(ipeds_file=str(IPEDS_FILE)), USM)
    assert status == "pending"
    assert "$513.00 per credit" in reason and "IPEDS 2022-23 HRCHG6" in reason and "online rates may differ" in reason


def test_a_real_rate_passes_and_no_file_says_nothing():
    assert review("added", "tuition", None, per_credit("556.12", "any"), Policy(ipeds_file=str(IPEDS_FILE)), USM) == (
        "accepted", None)
    assert review("added", "tuition", None, per_credit("4999.00"), Policy(), USM) == ("accepted", None)
    # a school the file does not hold: nothing to compare with
    assert review("added", "tuition", None, per_credit("4999.00"), Policy(ipeds_file=str(IPEDS_FILE)), None) == (
        "accepted", None)


def test_the_config_names_a_file_that_does_not_load(tmp_path):
    bad = tmp_path / "cost.csv"
    bad.write_text("not,an,ipeds,file\n1,2,3,4\n")
    with pytest.raises(ConfigError, match=r"\[policy\] ipeds_file"):
        parse_config(tomllib.loads(f'[policy]\nipeds_file = "{bad}"\n'))
    with pytest.raises(ConfigError, match=r"\[policy\] ipeds_low must be between 0 and 1"):
        parse_config(tomllib.loads("[policy]\nipeds_low = 1.5\n"))


@pytest.mark.parametrize("with_file", [True, False], ids=["ipeds-file", "no-file"])
def test_a_night_holds_the_planted_rate_only_with_the_file(tmp_path, with_file):
    """USM's pricing page states its per-semester figure as the cost per hour: the rate band
    (tuition per credit up to $5,000) lets it through; the official $513 per credit does not."""
    night = copy_snapshot(QUIET, tmp_path / "sites", "2026-11-03")
    edit(night, PRICING, "<dd>$556.12</dd>", "<dd>$4,999.00</dd>")
    config = Config(policy=Policy(ipeds_file=str(IPEDS_FILE))) if with_file else Config()
    refresh(tmp_path / "data", night, spiders=["usm"], log=lambda line: None, config=config)
    history = sqlite3.connect(tmp_path / "data" / "history.db")
    held = history.execute("SELECT program_id, reason FROM changes WHERE field = 'tuition' AND status = 'pending'").fetchall()
    if with_file:
        assert held and all("IPEDS" in reason and "$4,999.00 per credit" in reason for _, reason in held), held
    else:
        assert held == []
