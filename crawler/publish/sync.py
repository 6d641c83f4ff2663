"""What a downstream mirror needs to follow programs.db without missing anything (docs/schema.md,
"Keeping a mirror in sync").

Every publish has a sequence number (`meta.publish_seq`): one more than the highest of the file
it replaces and of the publishes on record in the history, so a publish killed after its swap
but before it was recorded never has its number given twice. The history's `publishes` row of
a publish takes the file's number as its `publish_id` (`record_publish`).

The published `changes` table is a log that only grows: each row is written once, in the publish
that first carries it, and never changes after. A row is

- a change that became the accepted state: by the review rules at once (`decision` `policy`),
  or held and accepted by a maintainer, maybe weeks later (`review`), or a conflict whose right
  page a maintainer named (`review`, kind `conflict`); a change later reverted stays in the log;
- a revert (kind `reverted`, `reverts` = the change it undoes, `decision` `revert` or
  `rollback`): the value before that change is the accepted value again. A revert has no change
  of its own in the history, only a decision; its `change_id` is minus that decision's id, so it
  never meets a change's id.

`published_seq` / `published_at` say which publish first carried the row: a held change accepted
later has that later publish's number, so "rows since the last sequence I saw" finds it.
`applied_order` is the order in which rows became the accepted state, over the whole log: a
mirror applies rows in that order. Rows of a later publish always come after those of an
earlier one.

How the order is known: accepted changes carry `applied_seq` in the history (kept by triggers,
in the order they were applied). Decisions that are not an applied change (reverts, conflicts
accepted) are placed after every change known to be applied before them: changes a maintainer
accepted with an earlier decision, the changes earlier reverts undid, and everything an
earlier publish contained. A change the revert check (crawler/history/review.py) would let in
between is always on another value, so the order of one value's rows is exact.
"""

from __future__ import annotations

import bisect
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crawler.states import VALUE_KINDS, Kind, Status

REVERTED = Kind.REVERTED  # the published kind of a revert row
POLICY, REVIEW, REVERT, ROLLBACK = "policy", "review", "revert", "rollback"


def file_stamp(programs_db: Path) -> tuple[int | None, str | None]:
    """(publish_seq, published_at) of a published file; (None, None) when it has none or is unreadable."""
    try:
        conn = sqlite3.connect(f"{programs_db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, None
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        seq = meta.get("publish_seq")
        return (int(seq) if seq and seq.isdigit() else None), meta.get("published_at")
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()


def _has_table(history: sqlite3.Connection, name: str) -> bool:
    return history.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def next_sequence(history: sqlite3.Connection, programs_db: Path) -> int:
    """The number of the next publish of `programs_db`."""
    recorded = 0
    if _has_table(history, "publishes"):
        recorded = history.execute("SELECT coalesce(max(publish_id), 0) FROM publishes").fetchone()[0]
    current = file_stamp(programs_db)[0] if programs_db.exists() else None
    return max(recorded, current or 0) + 1


@dataclass
class _Publishes:
    """The publishes on record, to tell which one first carried a change or a decision."""

    ids: list[int]
    at: list[str]
    applied: list[int]     # applied_upto, never decreasing
    decided: list[int]     # decisions_upto, never decreasing
    seq: int               # the publish being built
    now: str

    @classmethod
    def load(cls, history: sqlite3.Connection, seq: int, now: str) -> _Publishes:
        rows = history.execute("""SELECT publish_id, published_at, applied_upto, decisions_upto FROM publishes
                                  ORDER BY publish_id""").fetchall() if _has_table(history, "publishes") else []
        applied, decided, running_a, running_d = [], [], 0, 0
        for r in rows:  # made monotone, whatever an old history holds
            running_a, running_d = max(running_a, r[2]), max(running_d, r[3])
            applied.append(running_a)
            decided.append(running_d)
        return cls([r[0] for r in rows], [r[1] for r in rows], applied, decided, seq, now)

    def _first(self, column: list[int], value: int) -> tuple[int, str]:
        i = bisect.bisect_left(column, value)
        return (self.ids[i], self.at[i]) if i < len(column) else (self.seq, self.now)

    def of_applied(self, applied_seq: int) -> tuple[int, str]:
        return self._first(self.applied, applied_seq)

    def of_decision(self, decision_id: int) -> tuple[int, str]:
        return self._first(self.decided, decision_id)

    def applied_before(self, decision_id: int) -> int:
        """applied_upto of the last publish made before decision `decision_id`."""
        i = bisect.bisect_left(self.decided, decision_id)  # publishes [0, i) had decisions_upto < decision_id
        return self.applied[i - 1] if i else 0


_CHANGE_COLUMNS = ("change_id", "crawl_id", "detected_at", "program_id", "field", "kind", "cause", "status",
                   "decided_at", "initial_load", "old", "new", "evidence_old", "evidence_new", "source_url", "applied_seq")


@dataclass(slots=True)
class Entry:
    """One row of the published changes log, before its values are typed."""

    change_id: int
    change: dict            # the history's change (for a revert: the change it undoes)
    kind: str
    old: str | None         # JSON values, as in the history
    new: str | None
    evidence_old: str | None
    evidence_new: str | None
    source_url: str | None
    detected_at: str
    decision: str
    decided_at: str | None
    reverts: int | None
    published_seq: int
    published_at: str
    applied_order: int = 0


def log(history: sqlite3.Connection, seq: int, now: str):
    """Every row of the published changes log, in `applied_order` (streamed: the applied changes
    are read in `applied_seq` order, along its index; the decisions placed between them are
    few). Rows of programs no longer in the history's `programs` (a first publication undone)
    are left out: they are not in the file either."""
    publishes = _Publishes.load(history, seq, now)
    accepts: dict[int, tuple[int, str]] = {}     # change id -> (its accept decision, when)
    events: list[tuple[int, int, Entry | None]] = []  # (placed after applied_seq, decision id, entry)
    if _has_table(history, "decisions"):
        running = 0
        rows = history.execute(
            f"""SELECT d.decision_id, d.action, d.decided_at AS decision_at, d.rollback_to, {", ".join("c." + c for c in _CHANGE_COLUMNS)}
                FROM decisions d JOIN changes c USING (change_id) WHERE d.action IN ('accept', 'revert')
                ORDER BY d.decision_id""")
        listed = {r[0] for r in history.execute(
            "SELECT DISTINCT c.program_id FROM decisions d JOIN changes c USING (change_id) "
            "WHERE d.action IN ('accept', 'revert') AND c.program_id IN (SELECT program_id FROM programs)")}
        columns = [d[0] for d in rows.description]
        for values in rows:
            row = dict(zip(columns, values))
            decision_id = row["decision_id"]
            running = max(running, publishes.applied_before(decision_id))
            if row["action"] == "accept":
                accepts[row["change_id"]] = (decision_id, row["decision_at"])
                if row["applied_seq"] is not None:
                    running = max(running, row["applied_seq"])
                elif (row["kind"] == Kind.CONFLICT and row["status"] in (Status.ACCEPTED, Status.REVERTED)
                      and row["program_id"] in listed):
                    events.append((running, decision_id, _conflict(row, publishes)))
                continue
            running = max(running, row["applied_seq"] or 0)
            if row["program_id"] in listed:
                events.append((running, decision_id, _revert(row, publishes)))
    events.sort(key=lambda e: (e[0], e[1]))
    order, next_event = 0, 0
    changes = history.cursor()
    changes.row_factory = sqlite3.Row  # made in C: a dict per row costs a tenth of publishing at scale
    # Read in the order of the applied_seq index: the planner's own choice (the status index, then
    # a sort of every applied change with its values and evidence) held a sorter of the whole log,
    # and temporary files beyond it, for the length of the publish.
    changes.execute(
        f"""SELECT {", ".join(_CHANGE_COLUMNS)} FROM changes INDEXED BY changes_by_applied
            WHERE status IN (?, ?) AND applied_seq IS NOT NULL AND kind IN ({",".join("?" * len(VALUE_KINDS))})
            AND program_id IN (SELECT program_id FROM programs) ORDER BY applied_seq""",
        [Status.ACCEPTED, Status.REVERTED, *VALUE_KINDS])
    for row in changes:
        while next_event < len(events) and events[next_event][0] < row["applied_seq"]:
            order += 1
            events[next_event][2].applied_order = order
            yield events[next_event][2]
            next_event += 1
        order += 1
        yield _applied(row, accepts.get(row["change_id"]), publishes, order)
    for _after, _decision, entry in events[next_event:]:
        order += 1
        entry.applied_order = order
        yield entry


def _applied(row: dict, accept: tuple[int, str] | None, publishes: _Publishes, order: int) -> Entry:
    if accept is None and row["status"] == Status.ACCEPTED and row["decided_at"]:
        accept = (0, row["decided_at"])  # accepted by a maintainer before decisions were kept
    seq, at = publishes.of_applied(row["applied_seq"])
    return Entry(row["change_id"], row, row["kind"], row["old"], row["new"], row["evidence_old"], row["evidence_new"],
                 row["source_url"], row["detected_at"], REVIEW if accept else POLICY, accept[1] if accept else None,
                 None, seq, at, order)


def _conflict(row: dict, publishes: _Publishes) -> Entry:
    seq, at = publishes.of_decision(row["decision_id"])
    return Entry(row["change_id"], row, row["kind"], row["old"], row["new"], row["evidence_old"], row["evidence_new"],
                 row["source_url"], row["detected_at"], REVIEW, row["decision_at"], None, seq, at)


def _revert(row: dict, publishes: _Publishes) -> Entry:
    """A revert of `row`'s change: its new value goes, its old value is back."""
    seq, at = publishes.of_decision(row["decision_id"])
    return Entry(-row["decision_id"], row, REVERTED, row["new"], row["old"], row["evidence_new"], row["evidence_old"],
                 row["source_url"], row["decision_at"][:10], ROLLBACK if row["rollback_to"] else REVERT,
                 row["decision_at"], row["change_id"], seq, at)
