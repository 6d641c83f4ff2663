"""Reconcile a staged crawl with the last accepted state (DESIGN section 6).

Every difference becomes one change with a kind and a status; accepted value changes are
applied to `current`, pending ones wait for `mlis-crawler review`. What "nothing lost" means:

- a field that could not be fetched or read (`unknown`) keeps its accepted value and its old
  `verified_at`; the change says what broke (`fetch_failed`, `extraction_failed`);
- a field with no evidence at all counts as `removed` only when the whole site was read
  cleanly (health `ok`); otherwise it is simply not verified tonight;
- a program missing from a crawl is `unseen`; it becomes `program_removed` (pending) only after
  `removal_confirmations` healthy crawls in a row without it;
- a site whose circuit breaker tripped is quarantined: all of its value changes are held;
- a night of pages older than the last published night's (the operator's `--allow-older`) holds
  every value change it finds, and verifies nothing a later night verified already.

Programs whose content hash equals the accepted state's are confirmed in bulk in SQL; only the
rest are compared field by field, so the work grows with what changed, not with the catalogue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from crawler.faults import checkpoint
from crawler.fields import FIELDS, canonical, in_order, read_fact
from crawler.history.db import newest_published_day
from crawler.history.policy import OUT_OF_BAND, POLICY, Policy, clashes, review
from crawler.history.stage import CONFLICT, content_hash
from crawler.states import VALUE_KINDS, Health, Kind, ProgramStatus, Status

# Changes that wait for a decision on a value: asked once (a pending twin), superseded when the
# site moves on, refused again once rejected.
DECIDED_KINDS = (*VALUE_KINDS, Kind.CONFLICT)


@dataclass
class Change:
    program_id: str
    field: str | None
    kind: str
    old: Any = None
    new: Any = None
    evidence_old: Any = None
    evidence_new: Any = None
    source_url: str | None = None
    reason: str | None = None
    status: str = Status.ACCEPTED
    initial_load: bool = False


@dataclass
class SiteRun:
    spider: str
    health: str
    # Every page fetched and every expected field read (the spider's own health, before the
    # circuit breaker): what the site states tonight is complete, even if the breaker holds it.
    clean: bool
    quarantined: bool = False
    errors: list[str] = field(default_factory=list)


def reconcile(db: Database, crawl_id: str, policy: Policy = POLICY) -> None:
    """Classify, review and apply one staged crawl, all or nothing."""
    crawl = db.execute("SELECT observed_on, cause FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
    observed_on, cause = crawl
    newer = _newer_published_day(db, observed_on)
    with db.atomic():
        for run in _site_runs(db, crawl_id, policy):
            changes = _site_changes(db, crawl_id, run, observed_on, policy)
            _hold_mass_changes(db, run, changes, policy)
            if newer:
                _hold_going_back(changes, observed_on, newer)
            for change in changes:
                _record(db, crawl_id, change, cause, observed_on)
            _flag_site(db, crawl_id, run, changes)
        _supersede_reverted(db, crawl_id, observed_on)
        db.execute("UPDATE crawls SET status = 'reconciled' WHERE crawl_id = ?", [crawl_id])
        checkpoint("reconcile:before_commit")


def _newer_published_day(db: Database, observed_on: str) -> str | None:
    """The newest published night's date when it is later than `observed_on`: pages older than what
    is published, let through by the operator's `--allow-older` (`night.steps.check_observed_on`)."""
    newest = newest_published_day(db)
    return newest[1] if newest and newest[1] > observed_on else None


def _hold_going_back(changes: list[Change], observed_on: str, newer: str) -> None:
    """Values read on an older day than the published ones would take the published values back in
    time: each waits for a maintainer, who decides whether the older page is the truth; one held for
    another reason says this one too."""
    for change in changes:
        if change.kind in VALUE_KINDS and change.status in (Status.ACCEPTED, Status.PENDING):
            change.status = Status.PENDING
            change.reason = "; ".join(r for r in (change.reason, f"held: read on {observed_on}, before the last "
                                                  f"published night ({newer})") if r)


# -- circuit breakers -------------------------------------------------------------------------

def _site_runs(db: Database, crawl_id: str, policy: Policy) -> list[SiteRun]:
    runs = []
    for spider, health, programs, errors in db.execute(
        "SELECT spider, health, programs, errors FROM spider_runs WHERE crawl_id = ? ORDER BY spider", [crawl_id]
    ).fetchall():
        run = SiteRun(spider, health, clean=health == Health.OK, errors=json.loads(errors or "[]"))
        if health != Health.FAILED:
            trips = _breaker_trips(db, crawl_id, spider, programs, policy)
            if trips:
                run.quarantined, run.health = True, Health.DEGRADED
                run.errors = [f"circuit breaker: {t}" for t in trips] + run.errors
        db.execute(
            "UPDATE spider_runs SET health = ?, quarantined = ?, errors = ? WHERE crawl_id = ? AND spider = ?",
            [run.health, int(run.quarantined), json.dumps(run.errors), crawl_id, spider],
        )
        runs.append(run)
    return runs


def _breaker_trips(db: Database, crawl_id: str, spider: str, programs: int, policy: Policy) -> list[str]:
    """What tonight's crawl of a site lacks against what is published for it.

    Programs: fewer found than are published. Fields: among the programs read completely tonight
    (no page failed, no field unreadable: those are reported already), a field stated for fewer
    of them than are published with it, i.e. a field that vanished silently. Both sides are what
    is published, so once a maintainer accepts what the breaker held, it stops tripping."""
    trips = []
    published = db.execute(
        "SELECT count(*) FROM programs WHERE institution_id = ? AND status != 'removed'", [spider]).fetchone()[0]
    if published and programs < published * (1 - policy.program_drop):
        trips.append(f"found {programs} programs, {published} published")
    if published:  # programs that jump: a widened selector, a listing misread
        new = db.execute(
            """SELECT count(*) FROM seen_programs s INDEXED BY seen_programs_by_site WHERE s.crawl_id = ?
               AND s.institution_id = ? AND NOT EXISTS (SELECT 1 FROM programs p WHERE p.program_id = s.program_id
               AND p.status != 'removed')""", [crawl_id, spider]).fetchone()[0]
        if new > policy.program_jump_max or new > published * policy.program_jump_share:
            trips.append(f"found {new} new programs at once, {published} published: held for a decision")
    # Programs whose content hash matches the published one count the same on both sides, so
    # only the others can make a field drop; exact shares are computed only when one does.
    drops = db.execute(_COVERAGE.format(only_moved="AND r.moved"),
                       {"crawl": crawl_id, "spider": spider}).fetchall()
    if any((before - now) / total > policy.coverage_drop for _, before, now, total in drops):
        for name, before, now, total in db.execute(_COVERAGE.format(only_moved=""), {"crawl": crawl_id, "spider": spider}):
            if (before - now) / total > policy.coverage_drop:
                trips.append(f"{name} found for {now / total:.0%} of programs, {before / total:.0%} published")
    return trips


# Per field, among a site's programs read completely tonight (no unknown field): how many have a
# published value, how many of those were read with a value tonight, and how many were read.
_COVERAGE = """WITH read AS (
      SELECT s.program_id, p.content_hash IS NOT s.content_hash AS moved
      FROM seen_programs s INDEXED BY seen_programs_by_site JOIN programs p ON p.program_id = s.program_id
      WHERE s.crawl_id = :crawl AND s.institution_id = :spider AND NOT EXISTS (
        SELECT 1 FROM observations u WHERE u.crawl_id = s.crawl_id AND u.program_id = s.program_id
        AND u.state != 'value'))
    SELECT c.field, count(*), count(o.program_id), (SELECT count(*) FROM read)
    FROM read r JOIN current c ON c.program_id = r.program_id
    LEFT JOIN observations o ON o.crawl_id = :crawl AND o.program_id = r.program_id AND o.field = c.field
                              AND o.state = 'value'
    WHERE 1 {only_moved}
    GROUP BY c.field ORDER BY c.field"""


# -- the differences --------------------------------------------------------------------------

def _site_changes(db: Database, crawl_id: str, run: SiteRun, observed_on: str, policy: Policy) -> list[Change]:
    seen = {row["program_id"]: row for row in db.query(
        "SELECT program_id, url, content_hash FROM seen_programs INDEXED BY seen_programs_by_site WHERE crawl_id = ? AND institution_id = ?",
        [crawl_id, run.spider])}
    known = {row["program_id"]: row for row in db.query(
        "SELECT program_id, status, content_hash, missed_crawls FROM programs WHERE institution_id = ?", [run.spider])}
    changes: list[Change] = []
    unitid = _ipeds_unitid(db, run.spider) if policy.ipeds_file else None

    if run.health == Health.FAILED:
        reason = run.errors[0] if run.errors else "the spider failed"
        return [Change(p, None, Kind.FETCH_FAILED, reason=reason)
                for p, program in sorted(known.items()) if program["status"] != ProgramStatus.REMOVED]

    for program_id, program in sorted(seen.items()):
        previous = known.get(program_id)
        if previous is None or previous["status"] == ProgramStatus.REMOVED:
            changes.extend(_new_program(db, crawl_id, program_id, program["url"], previous is None, run, policy, unitid))
            changes.extend(_field_changes(db, crawl_id, program_id, observed_on, clean_site=False, only_unknown=True))
            continue
        if program["content_hash"] != previous["content_hash"]:
            changes.extend(_field_changes(db, crawl_id, program_id, observed_on, clean_site=run.clean))
    _confirm_site(db, crawl_id, run.spider, observed_on, clean_site=run.health == Health.OK)

    # A circuit breaker holds what the site states; it does not stop a cleanly read site from
    # confirming that a program is gone (held for review like every removal).
    if run.clean:
        for program_id, program in sorted(known.items()):
            if program_id in seen or program["status"] == ProgramStatus.REMOVED:
                continue
            missed = program["missed_crawls"] + 1
            db.execute("UPDATE programs SET status = ?, missed_crawls = ? WHERE program_id = ?",
                       [ProgramStatus.UNSEEN, missed, program_id])
            if missed >= policy.removal_confirmations:
                changes.append(Change(program_id, None, Kind.PROGRAM_REMOVED, old=ProgramStatus.ACTIVE, new=ProgramStatus.REMOVED,
                                      reason=f"not found in {missed} healthy crawls in a row"))
    for change in changes:
        if change.kind in VALUE_KINDS and change.status == Status.ACCEPTED:
            # Every value change goes through the policy, also those that already say why they
            # happened (a program_removed must wait for a maintainer like any removal).
            change.status, held = review(change.kind, change.field, change.old, change.new, policy, unitid)
            change.reason = "; ".join(r for r in (change.reason, held) if r) or None
        if run.quarantined and change.kind in VALUE_KINDS and change.status == Status.ACCEPTED:
            change.status, change.reason = Status.PENDING, "held: the site's circuit breaker tripped"
    return changes


def _ipeds_unitid(db: Database, spider: str) -> str | None:
    row = db.execute("SELECT ipeds_unitid FROM institutions WHERE institution_id = ?", [spider]).fetchone()
    return row[0] if row else None


def _new_program(db: Database, crawl_id: str, program_id: str, url: str, first: bool, run: SiteRun,
                 policy: Policy, unitid: str | None = None) -> list[Change]:
    """A program seen for the first time (or listed again): its values are judged one by one, as
    any added value is; those outside their bands wait as held `added` changes, the rest are its
    baseline (`program_added`, with each value's evidence). A program first seen on a degraded
    site waits as a whole: the same crawl could not vouch for the site."""
    rows = db.execute(
        """SELECT field, value, evidence, source_url FROM observations WHERE crawl_id = ? AND program_id = ?
           AND state = 'value' ORDER BY field""", [crawl_id, program_id]).fetchall()
    values, evidence, held = {}, [], []
    for name, value, found, source in rows:
        value, found = json.loads(value), json.loads(found or "[]")
        status, why = review(Kind.ADDED, name, None, value, policy, unitid)
        if status == Status.PENDING:
            held.append(Change(program_id, name, Kind.ADDED, new=value, evidence_new=found, source_url=source,
                               reason=why, status=Status.PENDING, initial_load=first))
            continue
        values[name] = value
        evidence += [{**e, "field": name} for e in found]
    added = Change(program_id, None, Kind.PROGRAM_ADDED, new=values, evidence_new=evidence or None, source_url=url,
                   initial_load=first, reason="first crawl to see this program: its baseline" if first else "listed again")
    if run.health != Health.OK:
        added.status = Status.PENDING
        added.reason = f"held: first seen while the site is degraded ({run.errors[0] if run.errors else run.health})"
    return [added, *held]


# The site's programs seen tonight that were listed before (not removed), as the FROM clause of the
# set-based updates below: the site's rows first, by index, so the work grows with the site.
_SEEN_AND_KNOWN = """seen_programs s INDEXED BY seen_programs_by_site
    CROSS JOIN programs p ON p.program_id = s.program_id"""
_SEEN_AND_KNOWN_WHERE = "s.crawl_id = ? AND s.institution_id = ? AND p.institution_id = s.institution_id AND p.status != 'removed'"


def _confirm_site(db: Database, crawl_id: str, spider: str, observed_on: str, clean_site: bool) -> None:
    """One statement each for all of a site's programs seen again (instead of several per program):
    they are listed again (active, seen tonight), and every accepted value the crawl read again
    unchanged is verified tonight, with tonight's evidence: all fields of a program whose content
    hash matches, and for the others each field whose observed value equals the accepted one.
    A program's page (`url`, published) moves only on a clean crawl: a misread site keeps it."""
    db.execute(
        """UPDATE programs SET status = 'active', missed_crawls = 0, last_seen = max(coalesce(last_seen, ''), ?),
            url = CASE WHEN ? THEN s.url ELSE programs.url END
            FROM seen_programs s INDEXED BY seen_programs_by_site
            WHERE s.crawl_id = ? AND s.institution_id = ? AND programs.program_id = s.program_id
            AND programs.institution_id = s.institution_id AND programs.status != 'removed'""",
        [observed_on, clean_site, crawl_id, spider],
    )
    db.execute(
        f"""UPDATE current SET verified_at = ?, crawl_id = ?, evidence = o.evidence, source_url = o.source_url
            FROM {_SEEN_AND_KNOWN} CROSS JOIN observations o ON o.crawl_id = s.crawl_id AND o.program_id = s.program_id
            WHERE {_SEEN_AND_KNOWN_WHERE} AND current.program_id = o.program_id AND current.field = o.field
            AND (p.content_hash = s.content_hash OR (o.state = 'value' AND o.value = current.value))
            AND current.verified_at <= ?""",  # an older night (--allow-older) does not move it back
        [observed_on, crawl_id, crawl_id, spider, observed_on],
    )


def _supersede_reverted(db: Database, crawl_id: str, observed_on: str) -> None:
    """A pending change the site has gone back on (it states the published value again, or, read
    cleanly, no longer states the held one) is superseded: accepting it later would publish a
    value the site no longer states. Superseded is not decided: no decided_at. One statement per
    crawl: pending changes are few, so this starts from them."""
    db.execute(
        """UPDATE changes SET status = 'rejected', decision_reason = :reason
           WHERE change_id IN (
             SELECT ch.change_id FROM changes ch INDEXED BY changes_by_status
             JOIN seen_programs s ON s.crawl_id = :crawl AND s.program_id = ch.program_id
             JOIN spider_runs r ON r.crawl_id = :crawl AND r.spider = s.institution_id
             LEFT JOIN observations o ON o.crawl_id = :crawl AND o.program_id = ch.program_id AND o.field = ch.field
             LEFT JOIN current c ON c.program_id = ch.program_id AND c.field = ch.field
             WHERE ch.status = 'pending' AND ch.kind IN ('added', 'changed', 'removed', 'conflict') AND ch.crawl_id != :crawl
             AND ((o.state = 'value' AND o.value IS c.value)
                  OR (o.program_id IS NULL AND c.program_id IS NULL AND r.health = 'ok')))""",
        {"reason": f"superseded: the site states the published value again on {observed_on}", "crawl": crawl_id},
    )


def _field_changes(db: Database, crawl_id: str, program_id: str, observed_on: str, clean_site: bool,
                   only_unknown: bool = False) -> list[Change]:
    observed = {r["field"]: r for r in db.query(
        "SELECT field, state, value, evidence, source_url, problem, fetch_failed FROM observations WHERE crawl_id = ? AND program_id = ?",
        [crawl_id, program_id])}
    accepted = {r["field"]: r for r in db.query(
        "SELECT field, value, evidence, source_url FROM current WHERE program_id = ?", [program_id])}
    changes = []
    for name in sorted(observed.keys() | accepted.keys()):
        obs, cur = observed.get(name), accepted.get(name)
        stated = obs is not None and obs["state"] == "value"
        if only_unknown and not (obs and obs["state"] in ("unknown", CONFLICT)):
            continue
        if stated and cur is not None and obs["value"] == cur["value"]:
            continue  # unchanged, verified tonight by _confirm_site; most fields: parse nothing
        old = json.loads(cur["value"]) if cur else None
        evidence_old = json.loads(cur["evidence"]) if cur and cur["evidence"] else None
        if stated:
            new, evidence_new = json.loads(obs["value"]), json.loads(obs["evidence"])
            kind = Kind.ADDED if cur is None else Kind.CHANGED
            clash = clashes(name, old, new)
            if clash:  # a second value for one slot beside the accepted one: which is right?
                changes.append(_list_conflict(program_id, name, old, new, evidence_old, evidence_new, obs["source_url"], clash))
                continue
            changes.append(Change(program_id, name, kind, old=old, new=new, evidence_old=evidence_old,
                                  evidence_new=evidence_new, source_url=obs["source_url"]))
        elif obs and obs["state"] == CONFLICT:  # read cleanly, but the site's pages disagree
            options = json.loads(obs["value"])
            says = "; ".join(f"{o['url']} states {_quote(o)}" for o in options)
            changes.append(Change(program_id, name, Kind.CONFLICT, old=old, new=options, evidence_old=evidence_old,
                                  evidence_new=json.loads(obs["evidence"] or "[]"), source_url=obs["source_url"],
                                  reason=f"pages disagree: {says}", status=Status.PENDING))
        elif obs:  # unknown: carried forward, reported
            kind = Kind.FETCH_FAILED if obs["fetch_failed"] else Kind.EXTRACTION_FAILED
            changes.append(Change(program_id, name, kind, old=old, evidence_old=evidence_old,
                                  evidence_new=json.loads(obs["evidence"] or "[]"), source_url=obs["source_url"],
                                  reason=obs["problem"]))
        elif clean_site:
            changes.append(Change(program_id, name, Kind.REMOVED, old=old, evidence_old=evidence_old,
                                  source_url=cur["source_url"]))
    return changes


def _quote(option: dict) -> str:
    texts = [e.get("text") or "" for e in option.get("evidence") or []]
    text = " / ".join(dict.fromkeys(texts)) or canonical(option.get("value"))
    return json.dumps(text if len(text) <= 160 else text[:157] + "...", ensure_ascii=False)


def _item_text(field_name: str, item: dict) -> str:
    if "amount_usd" in item:
        who = "" if item.get("residency") in (None, "any") else f" {item['residency'].replace('_', '-')}"
        scope = f" ({item['applies_to']})" if item.get("applies_to") else ""
        return f"{item['kind']} ${item['amount_usd']} per {item['per']}{who}{scope}"
    return canonical(item)


def _list_conflict(program_id: str, name: str, old: list, new: list, evidence_old, evidence_new: list, source_url: str,
                   clash: list) -> Change:
    """A list gaining an item beside an accepted one of the same identity: a conflict with, per page
    that states the slot, the list that page makes it (one page: the list as read)."""
    key = FIELDS[name].key
    slots = {key(gained) for gained, _ in clash}
    by_url: dict[str, dict] = {}
    for e in evidence_new or []:
        entry = by_url.setdefault(e.get("url"), {"url": e.get("url"), "items": [], "evidence": []})
        entry["evidence"].append(e)
        value, _ = read_fact(name, e.get("text") or "")
        entry["items"] += [i for i in value or [] if key(i) in slots and i not in entry["items"]]
    stating = [o for o in by_url.values() if o["items"]]
    if len(stating) <= 1:
        options = [{"url": (stating[0]["url"] if stating else source_url), "value": new,
                    "evidence": stating[0]["evidence"] if stating else evidence_new}]
    else:
        rest = [i for i in new if key(i) not in slots]
        options = [{"url": o["url"], "value": in_order(name, rest + o["items"]), "evidence": o["evidence"]} for o in stating]
    says = "; ".join(f"{_item_text(name, gained)} beside {', '.join(_item_text(name, b) for b in beside)}"
                     for gained, beside in clash)
    return Change(program_id, name, Kind.CONFLICT, old=old, new=options, evidence_old=evidence_old,
                  evidence_new=evidence_new, source_url=source_url, status=Status.PENDING,
                  reason=f"two values for one slot: {says}; accept the list as read, or reject to keep the published one")


def _flag_site(db: Database, crawl_id: str, run: SiteRun, changes: list[Change]) -> None:
    """A site with values waiting because they cannot be right as read (pages that disagree, a value
    outside its band) is not healthy tonight: it is degraded, with the reason, until decided."""
    waiting = [c for c in changes if c.status == Status.PENDING
               and (c.kind == Kind.CONFLICT or OUT_OF_BAND in (c.reason or ""))]
    if not waiting:
        return
    reasons: dict[str, set] = {}
    for c in waiting:
        what = (f"{c.field}: pages disagree" if c.kind == Kind.CONFLICT and (c.reason or "").startswith("pages disagree")
                else f"{c.field}: two values for one slot" if c.kind == Kind.CONFLICT else f"{c.field}: {c.reason}")
        reasons.setdefault(what, set()).add(c.program_id)
    errors = [f"held for a decision: {what} ({len(programs)} program{'s' if len(programs) != 1 else ''})"
              for what, programs in sorted(reasons.items())]
    run.errors = [*run.errors, *errors]
    if run.health == Health.OK:
        run.health = Health.DEGRADED
    db.execute("UPDATE spider_runs SET health = ?, errors = ? WHERE crawl_id = ? AND spider = ?",
               [run.health, json.dumps(run.errors), crawl_id, run.spider])


def _hold_mass_changes(db: Database, run: SiteRun, changes: list[Change], policy: Policy) -> None:
    """Most of one site's published values changing at once looks like a misread site."""
    moved = [c for c in changes if c.kind in (Kind.CHANGED, Kind.REMOVED)]
    published = db.execute(
        "SELECT count(*) FROM current JOIN programs USING (program_id) WHERE institution_id = ?", [run.spider]
    ).fetchone()[0]
    if published >= policy.mass_change_min_values and len(moved) > published * policy.mass_change_share:
        for change in moved:
            if change.status == Status.ACCEPTED:
                change.status = Status.PENDING
                change.reason = f"held: {len(moved)} of {published} published values of this site changed at once"


# -- recording and applying -------------------------------------------------------------------

def _record(db: Database, crawl_id: str, change: Change, cause: str, observed_on: str) -> None:
    old, new = _json(change.old), _json(change.new)
    if change.kind in DECIDED_KINDS:
        twin = _pending_twin(db, change, new)
        if twin is not None:
            # Asked already. If tonight nothing holds it (the site's breaker has cleared, say),
            # the waiting change is published now; otherwise it keeps waiting, asked once.
            if change.status == Status.ACCEPTED:
                db.execute("UPDATE changes SET status = 'accepted', decision_reason = ? WHERE change_id = ?",
                           [f"no longer held on {observed_on}", twin])
                apply_change(db, twin)
            return
        # A reverted change counts as rejected: the reading a maintainer undid (its new value) is not
        # accepted again, whatever it would replace now (after a rollback the old value differs).
        rejected = db.execute(
            """SELECT change_id, status FROM changes WHERE program_id = ? AND field IS ? AND new IS ? AND decided_at IS NOT NULL
               AND ((status = 'rejected' AND kind = ? AND old IS ?) OR (status = 'reverted' AND kind IN ('added', 'changed', 'removed', ?)))
               ORDER BY change_id DESC LIMIT 1""",
            [change.program_id, change.field, new, change.kind, old, change.kind],
        ).fetchone()
        if rejected:
            change.status, change.reason = Status.REJECTED, f"{rejected[1]} before (change {rejected[0]})"
    cursor = db.execute(
        """INSERT INTO changes (crawl_id, program_id, field, kind, status, cause, old, new, evidence_old, evidence_new,
                                source_url, reason, initial_load, detected_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        [crawl_id, change.program_id, change.field, change.kind, change.status, cause, old, new,
         _json(change.evidence_old), _json(change.evidence_new), change.source_url, change.reason,
         int(change.initial_load), observed_on],
    )
    change_id = cursor.lastrowid
    if change.kind in DECIDED_KINDS:
        # Superseded, not decided: no decided_at, so "rejected before" (which needs a maintainer's
        # decision) never silently refuses that value if the site returns to it later.
        db.execute(
            """UPDATE changes SET status = 'rejected', decision_reason = ?
               WHERE program_id = ? AND field IS ? AND status = 'pending' AND change_id != ?""",
            [f"superseded by change {change_id} on {observed_on}", change.program_id, change.field, change_id],
        )
    if change.status == Status.ACCEPTED and change.kind in VALUE_KINDS:
        apply_change(db, change_id)


def _pending_twin(db: Database, change: Change, new: str | None) -> int | None:
    """The same change, already waiting for a decision."""
    row = db.execute(
        "SELECT change_id FROM changes WHERE program_id = ? AND field IS ? AND kind = ? AND new IS ? AND status = 'pending'",
        [change.program_id, change.field, change.kind, new],
    ).fetchone()
    return row[0] if row else None


def apply_change(db: Database, change_id: int) -> None:
    """Make an accepted change part of the accepted state (what the next publish shows)."""
    crawl_id, program_id, name, kind, new, evidence, url, detected_at = db.execute(
        "SELECT crawl_id, program_id, field, kind, new, evidence_new, source_url, detected_at FROM changes WHERE change_id = ?",
        [change_id],
    ).fetchone()
    if kind == Kind.PROGRAM_ADDED:
        institution_id, program_url = db.execute(
            "SELECT institution_id, url FROM seen_programs WHERE crawl_id = ? AND program_id = ?", [crawl_id, program_id]
        ).fetchone()
        db.execute(
            """INSERT INTO programs (program_id, institution_id, url, status, first_seen, last_seen, missed_crawls)
               VALUES (?,?,?,'active',?,?,0)
               ON CONFLICT (program_id) DO UPDATE SET status = 'active', missed_crawls = 0, last_seen = excluded.last_seen""",
            [program_id, institution_id, program_url, detected_at, detected_at],
        )
        db.execute("DELETE FROM current WHERE program_id = ?", [program_id])
        db.execute(  # its baseline: the values that passed review (those held wait as `added` changes)
            """INSERT INTO current SELECT program_id, field, value, evidence, source_url, crawl_id, :at
               FROM observations WHERE crawl_id = :crawl AND program_id = :program AND state = 'value'
               AND (:new IS NULL OR field IN (SELECT key FROM json_each(:new)))""",
            {"at": detected_at, "crawl": crawl_id, "program": program_id, "new": new},
        )
    elif kind == Kind.CONFLICT:  # decided: `new` is the value of the page picked, `source_url` that page
        chosen = [e for e in json.loads(evidence or "[]") if e.get("url") == url]
        db.execute("INSERT OR REPLACE INTO current VALUES (?,?,?,?,?,?,?)",
                   [program_id, name, new, json.dumps(chosen, ensure_ascii=False), url, crawl_id, detected_at])
    elif kind in (Kind.ADDED, Kind.CHANGED):
        db.execute(
            "INSERT OR REPLACE INTO current VALUES (?,?,?,?,?,?,?)",
            [program_id, name, new, evidence, url, crawl_id, detected_at],
        )
    elif kind == Kind.REMOVED:
        db.execute("DELETE FROM current WHERE program_id = ? AND field = ?", [program_id, name])
    elif kind == Kind.PROGRAM_REMOVED:
        db.execute("UPDATE programs SET status = 'removed' WHERE program_id = ?", [program_id])
    refresh_hash(db, program_id)


def refresh_hash(db: Database, program_id: str) -> None:
    states = {f: ("value", json.loads(v)) for f, v in db.execute(
        "SELECT field, value FROM current WHERE program_id = ?", [program_id])}
    db.execute("UPDATE programs SET content_hash = ? WHERE program_id = ?", [content_hash(states), program_id])


def _json(value: Any) -> str | None:
    return None if value is None else canonical(value)
