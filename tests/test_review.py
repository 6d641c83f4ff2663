"""Maintainers' decisions through the real CLI (DESIGN 6, docs/cli.md): list, accept, reject, publish.

A good night, then a night whose online tuition jumps from $900 to $1,200/unit (+33%, held
for review). Every command runs as `mlis-crawler ...` in a subprocess, as a maintainer runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import QUIET, ROOT, SITES
from tests.support.sitecopy import copy_data, copy_snapshot, edit, history, night, published, report

SPIDER = "arizona"
PROGRAMS = 9
ADMISSIONS = "https://infosci.arizona.edu/ma-library-information-science/admissions-cost"
ADMISSIONS_FILE = "infosci.arizona.edu/ma-library-information-science/admissions-cost"
MA = "arizona/ma-lis"
CLI = Path(sys.executable).parent / "mlis-crawler"


def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args, "--data", str(data)], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    data = tmp_path_factory.mktemp("review-baseline") / "data"
    assert night(data, SITES / QUIET, [SPIDER]).health == {SPIDER: "ok"}
    return data


@pytest.fixture
def data(baseline, tmp_path):
    return copy_data(baseline, tmp_path / "data")


def tuition_night(data: Path, tmp_path: Path, date: str, per_unit: str):
    snapshot = copy_snapshot(QUIET, tmp_path / f"sites-{date}", date)
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", f"{per_unit} per unit")
    return night(data, snapshot, [SPIDER])


def online_rates(data: Path) -> dict[str, float]:
    return dict(published(data).execute(
        "SELECT program_id, amount_cents / 100.0 FROM tuition_rates WHERE per = 'credit' ORDER BY program_id").fetchall())


def held(data: Path, tmp_path: Path) -> dict[str, int]:
    """Night 2026-11-03: the jump is held for every program; program id -> change id."""
    result = tuition_night(data, tmp_path, "2026-11-03", "$1,200")
    changes = report(result)["changes"]
    assert {(c["field"], c["kind"], c["status"]) for c in changes} == {("tuition", "changed", "pending")}
    assert len(changes) == PROGRAMS
    return {c["program_id"]: c["change_id"] for c in changes}


def test_review_lists_one_group_in_words_with_both_pieces_of_evidence(data, tmp_path):
    """Nine programs share the admissions page: one group, as the report shows one card."""
    ids = held(data, tmp_path)
    run = cli("review", data=data)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    first = min(ids.values())
    assert out.startswith(f"{PROGRAMS} pending changes in 1 group.")
    assert f"\n#{first}  University of Arizona: Tuition: changed  [{PROGRAMS} changes]\n" in out
    assert f"    ids: {' '.join(f'#{i}' for i in sorted(ids.values()))}\n" in out
    assert f"    {PROGRAMS} programs: {', '.join(sorted(ids))}\n" in out
    assert out.count("why held: money moved by +33.3% (limit 25%)") == 1
    assert "    $900.00 per credit (online campus) -> $1,200.00 per credit (online campus)  (+33.3%)\n" in out
    assert ("    before: “Online Campus Tuition & Fees Per unit $900/unit + $228 program fees for 7+ units* "
            "$8,328.00 for 9 units*”" in out)
    assert ("    now:    “Online Campus Tuition & Fees Per unit $1,200 per unit + $228 program fees for 7+ units* "
            "$8,328.00 for 9 units*”" in out)
    assert out.count(f"    page:   {ADMISSIONS}\n") == 1
    assert f'    accept: {CLI} review accept {first} --group --reason "…" --data {data}\n' in out
    # No JSON, no escapes: words for people.
    for raw in ('"amount_usd"', "[{", "\\u20", '": "'):
        assert raw not in out
    # Pending is never published.
    assert set(online_rates(data).values()) == {900.0}


def test_review_json_is_for_scripts_and_filters_narrow_the_list(data, tmp_path):
    ids = held(data, tmp_path)
    run = cli("review", "--format", "json", data=data)
    assert run.returncode == 0, run.stderr
    (only,) = json.loads(run.stdout)
    assert only["ids"] == sorted(ids.values()) and only["group"] == min(ids.values())
    assert {r["amount_usd"] for r in only["new"] if r["per"] == "credit"} == {"1200.00"}
    assert only["moves"][0]["old"] == "$900.00 per credit (online campus)"
    for args in (["--site", "arizona"], ["--field", "tuition"], ["--kind", "changed"]):
        assert cli("review", *args, "--format", "json", data=data).stdout == run.stdout
    for args, shown in ((["--site", "buffalo"], "--site buffalo"), (["--field", "min_gpa"], "--field min_gpa"),
                        (["--kind", "removed"], "--kind removed")):
        narrowed = cli("review", *args, data=data)
        assert narrowed.returncode == 0 and narrowed.stdout == f"No pending changes matching {shown}.\n"
        assert json.loads(cli("review", *args, "--format", "json", data=data).stdout) == []


def test_accepting_a_group_decides_every_change_in_it(data, tmp_path):
    ids = held(data, tmp_path)
    first = min(ids.values())
    run = cli("review", "accept", str(first), "--group", "--reason", "bursar confirms $1,200", data=data)
    assert run.returncode == 0, run.stderr
    decided_lines = run.stdout.splitlines()
    assert [line.split()[1] for line in decided_lines[:-1]] == [str(i) for i in sorted(ids.values())]
    assert all(line.endswith(" accepted") for line in decided_lines[:-1])
    assert decided_lines[-1].startswith(f"{PROGRAMS} change(s) accepted; run `{CLI} publish")  # the path run, pastes as is
    decided = history(data).execute(
        f"SELECT status, count(*) FROM changes WHERE change_id IN ({','.join(map(str, ids.values()))}) GROUP BY status").fetchall()
    assert [tuple(r) for r in decided] == [("accepted", PROGRAMS)]
    assert cli("review", data=data).stdout == "No pending changes.\n"
    assert cli("publish", data=data).returncode == 0
    assert set(online_rates(data).values()) == {1200.0}


def test_rejecting_a_group_does_not_say_publish(data, tmp_path):
    ids = held(data, tmp_path)
    run = cli("review", "reject", str(max(ids.values())), "--group", "--reason", "typo", data=data)
    assert run.returncode == 0, run.stderr
    assert "mlis-crawler publish" not in run.stdout and "the published values stay as they are" in run.stdout
    assert history(data).execute("SELECT count(*) FROM changes WHERE status = 'rejected'").fetchone()[0] == PROGRAMS


def test_page_text_cannot_drive_the_terminal(data, tmp_path):
    """Evidence with an escape sequence (set the window title, recolour) and a bidi override is
    shown with those characters made visible; none reaches the terminal raw."""
    snapshot = copy_snapshot(QUIET, tmp_path / "sites-evil", "2026-11-03")
    edit(snapshot, ADMISSIONS_FILE, "$900/unit", "$1,200/unit")
    # The tricks carry words the tuition reader knows: new words would hold the value back (familiar.py).
    edit(snapshot, ADMISSIONS_FILE, "for 9 units*", "for 9 units* \x1b]0;per unit\x07\x1b[31m fee \u202etuition")
    night(data, snapshot, [SPIDER])
    out = cli("review", data=data).stdout
    assert "per credit" in out and "⟨U+001B⟩" in out and "⟨U+202E⟩" in out
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in out
    script = cli("review", "--format", "json", data=data).stdout
    assert "\x1b" not in script and "\u202e" not in script and "\\u202e" in script
    assert "\x1b]0;per unit" in "".join(e["text"] for g in json.loads(script) for e in g["evidence_new"])


def test_accept_then_publish_reflects_the_change_and_records_the_decision(data, tmp_path):
    ids = held(data, tmp_path)
    before = datetime.now(UTC).replace(microsecond=0)
    run = cli("review", "accept", str(ids[MA]), "--reason", "new rate confirmed on the bursar page", data=data)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"change {ids[MA]} ({MA} tuition) accepted\n1 change(s) accepted; run `{CLI} publish")
    status, decided_at, reason = history(data).execute(
        "SELECT status, decided_at, decision_reason FROM changes WHERE change_id = ?", [ids[MA]]).fetchone()
    assert (status, reason) == ("accepted", "new rate confirmed on the bursar page")
    assert datetime.fromisoformat(decided_at) >= before and datetime.fromisoformat(decided_at).tzinfo is not None
    assert set(online_rates(data).values()) == {900.0}  # not published until `publish`

    run = cli("publish", data=data)
    assert run.returncode == 0, run.stderr
    rates = online_rates(data)
    assert rates.pop(MA) == 1200.0
    assert set(rates.values()) == {900.0}  # the other eight are still pending
    row = published(data).execute("SELECT kind, field, detected_at, accepted_by FROM changes WHERE change_id = ?", [ids[MA]]).fetchone()
    assert tuple(row) == ("changed", "tuition", "2026-11-03", "maintainer")
    assert published(data).execute("SELECT count(*) FROM pending_changes WHERE field = 'tuition'").fetchone()[0] == PROGRAMS - 1
    assert published(data).execute("SELECT as_of FROM tuition_rates WHERE program_id = ? AND per = 'credit'", [MA]).fetchone()[0] == "2026-11-03"
    # Still listed: the others; no longer listed: the accepted one.
    listed = cli("review", data=data).stdout
    assert f"#{ids[MA]}" not in listed and f"[{PROGRAMS - 1} changes]" in listed

    # The next night reads $1,200 again: nothing new to report for the accepted program.
    result = tuition_night(data, tmp_path, "2026-11-04", "$1,200")
    assert MA not in {c["program_id"] for c in report(result)["changes"]}


def test_reject_keeps_the_old_value_and_is_not_asked_again(data, tmp_path):
    ids = held(data, tmp_path)
    others = [str(i) for p, i in sorted(ids.items())]
    run = cli("review", "reject", *others, "--reason", "the page shows a typo; the bursar still lists $900", data=data)
    assert run.returncode == 0, run.stderr
    decided = history(data).execute(
        f"SELECT DISTINCT status, decision_reason FROM changes WHERE change_id IN ({','.join(others)})").fetchall()
    assert [tuple(r) for r in decided] == [("rejected", "the page shows a typo; the bursar still lists $900")]
    assert cli("review", data=data).stdout == "No pending changes.\n"
    assert cli("publish", data=data).returncode == 0
    assert set(online_rates(data).values()) == {900.0}

    # Same change on the next night: recorded rejected, not asked again, value kept.
    result = tuition_night(data, tmp_path, "2026-11-04", "$1,200")
    changes = report(result)["changes"]
    assert {(c["field"], c["kind"], c["status"]) for c in changes} == {("tuition", "changed", "rejected")}
    assert {c["program_id"]: c["reason"] for c in changes} == {p: f"rejected before (change {i})" for p, i in ids.items()}
    assert cli("review", data=data).stdout == "No pending changes.\n"
    assert set(online_rates(data).values()) == {900.0}
    # A different new value is news again, and asks again.
    result = tuition_night(data, tmp_path, "2026-11-05", "$1,300")
    assert {(c["kind"], c["status"]) for c in report(result)["changes"]} == {("changed", "pending")}


def test_stale_accept_is_refused(data, tmp_path):
    """The held change is overtaken: the next night the site states $950 (+5.6%, accepted at
    once). Accepting the old $1,200 would overwrite the newer value; it is refused with exit 2."""
    ids = held(data, tmp_path)
    result = tuition_night(data, tmp_path, "2026-11-04", "$950")
    assert {(c["kind"], c["status"]) for c in report(result)["changes"]} == {("changed", "accepted")}
    status, reason = history(data).execute(
        "SELECT status, decision_reason FROM changes WHERE change_id = ?", [ids[MA]]).fetchone()
    assert status == "rejected" and reason.startswith("superseded by change ")

    run = cli("review", "accept", str(ids[MA]), "--reason", "looks right", data=data)
    assert run.returncode == 2
    assert run.stderr == f"mlis-crawler: error: change {ids[MA]} is rejected, not pending; nothing was decided\n"
    assert cli("publish", data=data).returncode == 0
    assert set(online_rates(data).values()) == {950.0}


def test_unknown_change_id_is_a_usage_error_and_decides_nothing(data, tmp_path):
    ids = held(data, tmp_path)
    run = cli("review", "accept", str(ids[MA]), "999999", data=data)
    assert run.returncode == 2
    assert run.stderr == "mlis-crawler: error: no change 999999; nothing was decided\n"
    # All or none: the valid id in the same command was not decided either.
    assert history(data).execute("SELECT status FROM changes WHERE change_id = ?", [ids[MA]]).fetchone()[0] == "pending"


def test_accepted_removal_is_published_as_removed(data, tmp_path):
    from crawler.history.policy import POLICY

    gone = "arizona/ma-lis-special-librarianship"
    for day in range(3, 3 + POLICY.removal_confirmations):
        snapshot = copy_snapshot(QUIET, tmp_path / f"sites-{day}", f"2026-11-{day:02d}")
        edit(snapshot, "grad.arizona.edu/catalog/programinfo/LISMA", "<li>Special Librarianship</li>", "")
        result = night(data, snapshot, [SPIDER])
    (removal,) = report(result)["changes"]
    assert (removal["program_id"], removal["kind"], removal["status"]) == (gone, "program_removed", "pending")
    assert published(data).execute("SELECT status FROM programs WHERE program_id = ?", [gone]).fetchone()[0] == "unseen"
    assert cli("review", "accept", str(removal["change_id"]), "--reason", "dropped from the catalog", data=data).returncode == 0
    assert cli("publish", data=data).returncode == 0
    assert published(data).execute("SELECT status FROM programs WHERE program_id = ?", [gone]).fetchone()[0] == "removed"


def test_a_superseded_change_is_asked_again_when_the_site_returns_to_it(data, tmp_path):
    """Superseding is not a maintainer's rejection: only a decision may silence a value."""
    held(data, tmp_path)                                        # $1,200 held
    second = tuition_night(data, tmp_path, "2026-11-04", "$1,500")  # supersedes it, held too
    assert {c["status"] for c in report(second)["changes"]} == {"pending"}
    third = tuition_night(data, tmp_path, "2026-11-05", "$1,200")   # back to $1,200
    changes = report(third)["changes"]
    assert {(c["field"], c["status"]) for c in changes} == {("tuition", "pending")}
    assert not any((c["reason"] or "").startswith("rejected before") for c in changes)
    assert online_rates(data) == {program: 900.0 for program in online_rates(data)}
