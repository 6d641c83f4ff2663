"""Reconcile and publish at catalogue scale, against SQLite's own tools on the same data.

    .venv/bin/python benchmarks/reconcile_scale.py --programs 10000     # `make bench`
    .venv/bin/python benchmarks/reconcile_scale.py --programs 100000    # the scale target

Builds two synthetic crawls of N programs spread over about N/20 spiders (universities), shaped
like what `crawler.history.stage.read_crawl_dir` returns for a real crawl: one institution, one page per
program plus an overview page, and per-program facts whose values are injected directly in the
shape the normalizers' JSON has (tuition and fee rate lists, deadline lists, credits, GPA, exam
rule, duration...; not every value is one a normalizer would read, e.g. degree "MSIS"), plus
facts addressed to all of a spider's programs. Between the two crawls exactly 1% of the field
values change, 0.5% of the programs are added and 0.5% disappear. Both crawls go through the
real `stage`, `reconcile` and `publish`, in that order, as `crawler.jobs` runs them.

Timed (median of --repeat runs, each step in a fresh child process on a fresh copy of the
history database, interleaved with the baselines):

- stage      reading the second crawl's feeds (written beforehand) and `stage()` of it, as refresh does;
- reconcile  `reconcile()` of the staged second crawl;
- publish    `publish()` of the result (build, integrity check, fsync, atomic replace);
- sqldiff    `sqldiff --primarykey` between the two published files (output to a file);
- raw insert one `executemany` per table of every row of the second programs.db, into an empty
             file with the same schema, in one transaction (rows read into tuples beforehand).

Peak memory is the growth of the child's peak RSS (`ru_maxrss`) over the step, in a fresh child
per step, so it counts SQLite's own allocations too. The changes found are checked exactly
against what was planted; a wrong count fails the run (exit 1).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PER_SPIDER = 20
CHANGED_SHARE, ADDED_SHARE, REMOVED_SHARE = 0.01, 0.005, 0.005
# Stated on each program's own page (changes are planted among these) ...
OWN_FIELDS = ("name", "degree", "concentration", "delivery", "synchronous", "total_credits", "tuition", "fees",
              "application_deadlines", "start_terms", "entrance_exam", "min_gpa", "duration")
# ... and on the university's overview page, for all of its programs.
SHARED_FIELDS = ("application_fee", "ala_accredited")
CRAWLS = {1: ("20261101T020000Z-b001", "2026-11-01"), 2: ("20261102T020000Z-b002", "2026-11-02")}
CONCENTRATIONS = ("Archives and Records Management", "School Librarianship", "Data Curation", "Digital Libraries",
                  "Information Organization", "Youth Services", "Health Sciences Librarianship", "Law Librarianship",
                  "Public Librarianship", "Academic Librarianship", "User Experience", "Information Policy")
STATES = ("AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KY", "LA", "MA", "MD", "MI", "MN", "MO", "NC", "NJ", "NY",
          "OH", "OK", "PA", "SC", "TN", "TX", "UT", "VA", "WA", "WI")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


# -- the planted differences -------------------------------------------------------------------

@dataclass
class Plan:
    n: int
    spiders: int
    removed: set[int]
    added: list[int]
    changed: dict[int, set[str]]  # program index -> fields whose value changes in crawl 2

    def spider(self, i: int) -> str:
        return f"u{i % self.spiders:05d}"

    def program_id(self, i: int) -> str:
        return f"{self.spider(i)}/mlis-{i:07d}"

    def indices(self, crawl: int) -> list[int]:
        return list(range(self.n)) if crawl == 1 else [i for i in range(self.n) if i not in self.removed] + self.added

    @property
    def changed_pairs(self) -> set[tuple[str, str]]:
        return {(self.program_id(i), f) for i, fields in self.changed.items() for f in fields}


def make_plan(n: int, seed: int = 20261102) -> Plan:
    rng = random.Random(seed)
    removed = set(rng.sample(range(n), round(n * REMOVED_SHARE)))
    added = list(range(n, n + round(n * ADDED_SHARE)))
    common = [i for i in range(n) if i not in removed]
    fields_per_program = len(OWN_FIELDS) + len(SHARED_FIELDS)
    picks = rng.sample(range(len(common) * len(OWN_FIELDS)), round(len(common) * fields_per_program * CHANGED_SHARE))
    changed: dict[int, set[str]] = defaultdict(set)
    for p in picks:
        changed[common[p // len(OWN_FIELDS)]].add(OWN_FIELDS[p % len(OWN_FIELDS)])
    return Plan(n, spider_count(n), removed, added, dict(changed))


def spider_count(n: int) -> int:
    return max(1, round(n / PER_SPIDER))


# -- synthetic crawl data, shaped like a real crawl's ---------------------------------------------

def _money(amount: int) -> str:
    return f"{amount}.00"


def program_values(i: int) -> dict[str, object]:
    r = random.Random(i * 7919 + 17)
    concentration = r.choice(CONCENTRATIONS)
    credit = r.randrange(350, 1100)
    tuition = [
        {"kind": "tuition", "amount_usd": _money(credit), "per": "credit", "residency": "in_state", "applies_to": None},
        {"kind": "tuition", "amount_usd": _money(credit + r.randrange(150, 700)), "per": "credit",
         "residency": "out_of_state", "applies_to": None},
    ]
    if r.random() < 0.5:
        tuition.append({"kind": "tuition", "amount_usd": _money(credit + r.randrange(0, 100)), "per": "credit",
                        "residency": "any", "applies_to": "online"})
    fees = [{"kind": "fee", "amount_usd": _money(r.randrange(40, 400)), "per": "term", "residency": "any",
             "applies_to": None}]
    if r.random() < 0.4:
        fees.append({"kind": "fee", "amount_usd": _money(r.randrange(20, 120)), "per": "credit", "residency": "any",
                     "applies_to": "7+ credits"})
    deadlines = [
        {"term": "fall", "date": f"--{r.randint(1, 7):02d}-{r.choice((1, 15)):02d}", "kind": r.choice(("priority", "final")),
         "applies_to": None},
        {"term": "spring", "date": f"--{r.randint(9, 11):02d}-{r.choice((1, 15)):02d}", "kind": "final", "applies_to": None},
    ]
    if r.random() < 0.3:
        deadlines.append({"term": "fall", "date": "--03-01", "kind": "final", "applies_to": "international"})
    exam = r.choice((
        {"status": "not_required", "exams": ["GRE"], "condition": None},
        {"status": "conditional", "exams": ["GRE"], "condition": "waived with GPA >= 3.0"},
        {"status": "optional", "exams": ["GRE", "MAT"], "condition": None},
    ))
    months = r.choice((12, 18, 24, 24, 36))
    return {
        "name": f"Master of Library and Information Science: {concentration}",
        "degree": r.choice(("MLIS", "MLS", "MS", "MA", "MSIS")),
        "concentration": concentration,
        "delivery": r.choice(("online", "hybrid", "campus")),
        "synchronous": r.random() < 0.3,
        "total_credits": str(r.choice((30, 33, 36, 36, 39, 42, 48))),
        "tuition": tuition,
        "fees": fees,
        "application_deadlines": deadlines,
        "start_terms": ["fall", "spring"] + (["summer"] if r.random() < 0.4 else []),
        "entrance_exam": exam,
        "min_gpa": r.choice(("2.75", "3.00", "3.00", "3.25")),
        "duration": {"months_min": months, "months_max": months + r.choice((0, 0, 12))},
    }


def changed_value(field: str, value):
    """A plausible new value that review accepts (small money moves, credits in band...)."""
    if field in ("tuition", "fees"):
        first = dict(value[0], amount_usd=_money(int(float(value[0]["amount_usd"]) * 1.04)))
        return [first, *value[1:]]
    if field == "application_deadlines":
        return [dict(value[0], date="--08-01" if value[0]["date"] != "--08-01" else "--07-15"), *value[1:]]
    if field == "start_terms":
        return value[:-1] if "summer" in value else [*value, "summer"]
    if field == "entrance_exam":
        return dict(value, status="optional" if value["status"] != "optional" else "not_required", condition=None)
    if field == "duration":
        return dict(value, months_max=value["months_max"] + 6)
    if field == "synchronous":
        return not value
    if field == "total_credits":
        return str(int(value) + 3)
    if field == "min_gpa":
        return "3.50" if value != "3.50" else "3.00"
    if field == "delivery":
        return {"online": "hybrid", "hybrid": "campus", "campus": "online"}[value]
    if field == "degree":
        return "MSLIS" if value != "MSLIS" else "MLIS"
    return f"{value} (revised)"  # name, concentration


def fact_text(field: str, value) -> str:
    if field in ("tuition", "fees"):
        return "; ".join(f"{'Tuition' if r['kind'] == 'tuition' else 'Fee'}: ${r['amount_usd']} per {r['per']} "
                         f"({r['residency'].replace('_', '-')}{', ' + r['applies_to'] if r['applies_to'] else ''})"
                         for r in value)
    if field == "application_deadlines":
        return " ".join(f"{d['term'].title()}{' (' + d['applies_to'] + ')' if d['applies_to'] else ''}: "
                        f"{MONTHS[int(d['date'][2:4]) - 1]} {int(d['date'][5:])} ({d['kind']} deadline)" for d in value)
    if field == "start_terms":
        return "Admission terms: " + ", ".join(t.title() for t in value)
    if field == "entrance_exam":
        return f"The {' or '.join(value['exams'])} is {value['status'].replace('_', ' ')}" + (
            f", {value['condition']}." if value["condition"] else ".")
    if field == "duration":
        return f"Most students finish in {value['months_min']} to {value['months_max']} months."
    if field == "synchronous":
        return "Courses meet live online." if value else "Courses are asynchronous."
    if field == "total_credits":
        return f"The program requires {value} credit hours."
    if field == "min_gpa":
        return f"A minimum cumulative GPA of {value} on a 4.0 scale is required."
    if field == "delivery":
        return {"online": "Offered fully online.", "hybrid": "Offered online with on-campus weekends.",
                "campus": "Offered on campus."}[value]
    return str(value)


def build_crawl(plan: Plan, crawl: int):
    """{spider: SpiderData} as `read_crawl_dir` returns it for a finished, clean crawl."""
    from crawler.items import ALL_PROGRAMS
    from crawler.history.stage import SpiderData

    crawl_id, day = CRAWLS[crawl]
    fetched_at = f"{day}T02:00:00+00:00"
    by_spider: dict[str, list[int]] = defaultdict(list)
    for i in plan.indices(crawl):
        by_spider[plan.spider(i)].append(i)
    spiders = {}
    for name, indices in sorted(by_spider.items()):
        number = int(name[1:])
        site = f"https://www.{name}.edu"
        overview = f"{site}/ischool/mlis"
        data = SpiderData(name, institution={
            "institution_id": name, "name": f"University {number}", "city": f"City {number % 997}",
            "state": STATES[number % len(STATES)], "control": "public" if number % 3 else "private",
            "website": f"{name}.edu", "ipeds_unitid": str(100000 + number)})
        data.summary = {"finish_reason": "finished", "spider": name,
                        "stats": {"item_scraped_count": 1 + 2 * len(indices), "finish_reason": "finished"}}

        def page(url: str, body: str) -> dict:
            return {"spider": name, "url": url, "outcome": "ok", "status": 200, "final_url": url, "redirect_urls": [],
                    "sha256": hashlib.sha256(body.encode()).hexdigest(), "size": 40000 + len(body),
                    "fetched_at": fetched_at, "error": None, "type": "page"}

        fee = 50 + number % 50
        for field, value, text in (("application_fee", _money(fee), f"Application fee: ${fee}"),
                                   ("ala_accredited", True, "The MLIS is accredited by the American Library Association.")):
            data.facts.append({"institution_id": name, "field": field, "text": text, "url": overview,
                               "programs": [ALL_PROGRAMS], "missing": None, "value": value, "problem": None, "type": "fact"})
        data.pages.append(page(overview, overview))
        for i in indices:
            program_id = plan.program_id(i)
            url = f"{site}/catalog/mlis-{i:07d}"
            data.programs[program_id] = {"program_id": program_id, "institution_id": name, "url": url, "type": "program"}
            values = program_values(i)
            if crawl == 2:
                for field in plan.changed.get(i, ()):
                    values[field] = changed_value(field, values[field])
            texts = []
            for field in OWN_FIELDS:
                text = fact_text(field, values[field])
                texts.append(text)
                data.facts.append({"institution_id": name, "field": field, "text": text, "url": url,
                                   "programs": [program_id], "missing": None, "value": values[field], "problem": None,
                                   "type": "fact"})
            data.pages.append(page(url, "\n".join(texts)))
        spiders[name] = data
    return spiders


def write_feeds(spiders: dict, folder: Path) -> None:
    """The crawl as a crawl process leaves it: `items-<spider>.jsonl` and `summary-<spider>.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in spiders.items():
        with (folder / f"items-{name}.jsonl").open("w", encoding="utf-8") as feed:
            feed.write(json.dumps({"type": "institution", **data.institution}) + "\n")
            for item in (*data.programs.values(), *data.facts, *data.pages):
                feed.write(json.dumps(item, ensure_ascii=False) + "\n")
        (folder / f"summary-{name}.json").write_text(json.dumps(data.summary))


# -- the steps, each in a fresh child process -----------------------------------------------------

def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _rss_kinds() -> dict[str, float]:
    """Resident MiB now by kind (Linux): anonymous (Python's heap, SQLite's caches) and file-backed
    (mapped files: SQLite's WAL index among them); {} elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return {}
    return {k: int(v) / 1024 for k, v in (line.split()[:2] for line in status.splitlines()
                                           if line.startswith(("RssAnon:", "RssFile:")))}


def child(step: str, work: Path, n: int) -> dict:
    from crawler.publish import publish
    from crawler.history.reconcile import reconcile
    from crawler.history.stage import stage
    from crawler.history.db import open_history

    history, data_dir = work / "history.db", work / "data"
    out: dict = {}
    if step == "setup":  # the first crawl: stage, reconcile, publish as refresh does (timed, not the target)
        plan = make_plan(n)
        db = open_history(history)
        for crawl in (1, 2):
            crawl_id, day = CRAWLS[crawl]
            db["crawls"].insert({"crawl_id": crawl_id, "kind": "crawl", "cause": "site", "source": "benchmark",
                                 "started_at": f"{day}T02:00:00+00:00", "observed_on": day, "status": "running",
                                 "spiders": "", "code_version": "bench", "parser_version": "1"})
            if crawl == 2:  # the second crawl is only registered and its feeds written; each repetition stages it
                write_feeds(build_crawl(plan, 2), work / "feeds-2")
                break
            spiders = build_crawl(plan, 1)
            t0 = time.perf_counter()
            stage(db, crawl_id, spiders)
            del spiders
            t1 = time.perf_counter()
            reconcile(db, crawl_id)
            t2 = time.perf_counter()
            data_dir.mkdir(exist_ok=True)
            publish(db.conn, data_dir, crawl_id)
            t3 = time.perf_counter()
            db.execute("UPDATE crawls SET status = 'published', finished_at = ? WHERE crawl_id = ?",
                       [f"{day}T03:00:00+00:00", crawl_id])
            out = {"stage": t1 - t0, "reconcile": t2 - t1, "publish": t3 - t2}
        db.conn.close()
        return out
    if step == "raw_insert":
        from crawler.publish import SCHEMA
        src = sqlite3.connect(f"file:{data_dir / 'programs.db'}?mode=ro", uri=True)
        tables = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
        src.close()
        target = work / "raw.db"
        target.unlink(missing_ok=True)
        conn = sqlite3.connect(target, isolation_level=None)
        conn.executescript(SCHEMA)
        rss0, t0 = _rss_mib(), time.perf_counter()
        conn.execute("BEGIN")
        for t in tables:
            conn.executemany(f"INSERT INTO {t} VALUES ({','.join('?' * len(rows[t][0]))})", rows[t]) if rows[t] else None
        conn.execute("COMMIT")
        out = {"seconds": time.perf_counter() - t0, "mib": _rss_mib() - rss0, "rows": {t: len(r) for t, r in rows.items()}}
        conn.close()
        target.unlink()
        return out

    crawl_id, day = CRAWLS[2]
    db = open_history(history)  # its quick_check and migrations stay outside the clock
    from crawler.jobs import read_feeds
    feeds = work / "feeds-2"
    # The spiders the refresh ran, known before staging (no plan built here: its peak would hide stage's).
    names = [Plan(n, spider_count(n), set(), [], {}).spider(k) for k in range(spider_count(n))]
    rss0, kinds0, t0 = _rss_mib(), _rss_kinds(), time.perf_counter()
    if step == "stage":  # as refresh stages a crawl: its feeds checked, then staged one spider at a time
        stage(db, crawl_id, read_feeds(feeds, names))
    elif step == "reconcile":
        reconcile(db, crawl_id)
    elif step == "publish":
        import crawler.publish as pub
        phases: dict[str, float] = {}
        for name in ("build", "_check", "_fsync"):  # where publish's time goes
            def timed(*a, _f=getattr(pub, name), _n=name, **k):
                t = time.perf_counter()
                try:
                    return _f(*a, **k)
                finally:
                    phases[_n] = phases.get(_n, 0.0) + time.perf_counter() - t
            setattr(pub, name, timed)
        publish(db.conn, data_dir, crawl_id)
    out = {"seconds": time.perf_counter() - t0, "mib": _rss_mib() - rss0, "total_mib": _rss_mib(),
           "kinds": {k: v - kinds0.get(k, 0.0) for k, v in _rss_kinds().items()}}
    if step == "publish":
        out["phases"] = {k.strip("_"): v for k, v in phases.items()}
    if step == "publish":
        db.execute("UPDATE crawls SET status = 'published', finished_at = ? WHERE crawl_id = ?",
                   [f"{day}T03:00:00+00:00", crawl_id])
    db.conn.close()
    return out


def run_child(step: str, work: Path, n: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--programs", str(n), "--child", step, "--work", str(work)],
                            check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_sqldiff(old: Path, new: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS MiB and output lines of `sqldiff --primarykey old new`."""
    with out.open("w") as sink:
        t0 = time.perf_counter()
        proc = subprocess.Popen(["sqldiff", "--primarykey", str(old), str(new)], stdout=sink)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"sqldiff failed with status {status}")
    with out.open("rb") as f:
        lines = sum(1 for _ in f)
    return seconds, usage.ru_maxrss / 1024, lines


# -- checking the work ---------------------------------------------------------------------------

def verify(plan: Plan, work: Path) -> list[str]:
    """Every planted difference found, nothing else; the published file reflects crawl 2."""
    problems = []
    crawl1, crawl2 = CRAWLS[1][0], CRAWLS[2][0]
    h = sqlite3.connect(work / "history.db")
    kinds = Counter(h.execute("SELECT kind, status FROM changes WHERE crawl_id = ?", [crawl2]).fetchall())
    expected = Counter({("changed", "accepted"): sum(len(f) for f in plan.changed.values()),
                        ("program_added", "accepted"): len(plan.added)})
    if kinds != expected:
        problems.append(f"changes of crawl 2 by kind/status {dict(kinds)}, planted {dict(expected)}")
    changed = set(h.execute("SELECT program_id, field FROM changes WHERE crawl_id = ? AND kind = 'changed'", [crawl2]))
    if changed != plan.changed_pairs:
        problems.append(f"changed fields differ from the planted ones: {len(changed ^ plan.changed_pairs)} differ")
    added = {r[0] for r in h.execute("SELECT program_id FROM changes WHERE crawl_id = ? AND kind = 'program_added'", [crawl2])}
    if added != {plan.program_id(i) for i in plan.added}:
        problems.append("added programs differ from the planted ones")
    unseen = {r[0] for r in h.execute("SELECT program_id FROM programs WHERE status = 'unseen'")}
    if unseen != {plan.program_id(i) for i in plan.removed}:
        problems.append(f"{len(unseen)} programs unseen, {len(plan.removed)} planted as removed")
    initial = h.execute("SELECT count(*) FROM changes WHERE crawl_id = ? AND kind = 'program_added' AND initial_load = 1",
                        [crawl1]).fetchone()[0]
    if initial != plan.n:
        problems.append(f"first crawl: {initial} initial loads for {plan.n} programs")
    stale = h.execute("""SELECT count(*) FROM seen_programs s JOIN programs p USING (program_id)
                         WHERE s.crawl_id = ? AND s.content_hash IS NOT p.content_hash""", [crawl2]).fetchone()[0]
    if stale:
        problems.append(f"{stale} programs' accepted state differs from what crawl 2 saw")
    unverified = h.execute("""SELECT count(*) FROM current c JOIN seen_programs s ON s.program_id = c.program_id
                              AND s.crawl_id = ? WHERE c.verified_at != ?""", [crawl2, CRAWLS[2][1]]).fetchone()[0]
    if unverified:
        problems.append(f"{unverified} values of programs seen tonight were not verified tonight")
    h.close()
    p = sqlite3.connect(f"file:{work / 'data' / 'programs.db'}?mode=ro", uri=True)
    status = Counter(dict(p.execute("SELECT status, count(*) FROM programs GROUP BY status").fetchall()))
    want = Counter({"active": plan.n - len(plan.removed) + len(plan.added), "unseen": len(plan.removed)})
    if status != want:
        problems.append(f"published programs by status {dict(status)}, expected {dict(want)}")
    published_changes = p.execute("SELECT count(*) FROM changes WHERE crawl_id = ?", [crawl2]).fetchone()[0]
    if published_changes != sum(expected.values()):
        problems.append(f"{published_changes} changes of crawl 2 published, expected {sum(expected.values())}")
    p.close()
    return problems


# -- the run -----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programs", type=int, default=10000, help="programs per crawl (N)")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions; medians are reported")
    parser.add_argument("--keep", type=Path, help="keep the work folder here (the last repetition's files)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    n = args.programs
    if args.child:
        print(json.dumps(child(args.child, args.work, n)))
        return 0
    if shutil.which("sqldiff") is None:
        print("sqldiff not found: it is SQLite's diff tool, in the Debian package sqlite3-tools "
              "(`apt-get install sqlite3-tools`), or build it from the SQLite sources (`make sqldiff`).", file=sys.stderr)
        return 2

    plan = make_plan(n)
    n_changed = sum(len(f) for f in plan.changed.values())
    fields_total = (n - len(plan.removed)) * (len(OWN_FIELDS) + len(SHARED_FIELDS))
    print(f"{n} programs, {plan.spiders} spiders; crawl 2: {n_changed} of {fields_total} field values changed "
          f"({n_changed / fields_total:.2%}) in {len(plan.changed)} programs, {len(plan.added)} programs added, "
          f"{len(plan.removed)} removed; sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="reconcile-scale-") as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        base.mkdir()
        setup = run_child("setup", base, n)
        print(f"first crawl (initial load of {n} programs): stage {setup['stage']:.2f} s, reconcile "
              f"{setup['reconcile']:.2f} s, publish {setup['publish']:.2f} s", flush=True)
        results: dict[str, list] = defaultdict(list)
        work = tmp / "work"
        for rep in range(args.repeat):
            shutil.rmtree(work / "data", ignore_errors=True)
            (work / "data").mkdir(parents=True)
            shutil.copy(base / "history.db", work / "history.db")
            shutil.copy(base / "data" / "programs.db", work / "data" / "programs.db")
            if not (work / "feeds-2").exists():
                shutil.copytree(base / "feeds-2", work / "feeds-2")
            for step in ("stage", "reconcile", "publish"):
                results[step].append(run_child(step, work, n))
            results["sqldiff"].append(run_sqldiff(base / "data" / "programs.db", work / "data" / "programs.db",
                                                  tmp / "sqldiff.sql"))
            results["raw"].append(run_child("raw_insert", work, n))
            r = {k: v[-1] for k, v in results.items()}
            print(f"  run {rep + 1}: stage {r['stage']['seconds']:.2f} s, reconcile {r['reconcile']['seconds']:.2f} s, "
                  f"publish {r['publish']['seconds']:.2f} s, sqldiff {r['sqldiff'][0]:.2f} s, "
                  f"raw insert {r['raw']['seconds']:.2f} s", flush=True)
        problems = verify(plan, work)
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
            shutil.copy(base / "data" / "programs.db", args.keep / "programs-crawl1.db")

    def med(step: str, key: str = "seconds") -> float:
        return statistics.median(r[key] for r in results[step])

    stage_s, recon_s, pub_s, raw_s = med("stage"), med("reconcile"), med("publish"), med("raw")
    sqldiff_s = statistics.median(r[0] for r in results["sqldiff"])
    sqldiff_mib = statistics.median(r[1] for r in results["sqldiff"])
    rows = results["raw"][-1]["rows"]
    print(f"published rows: {', '.join(f'{t} {c}' for t, c in rows.items())} ({sum(rows.values())} in all)")
    print(f"sqldiff --primarykey: {results['sqldiff'][-1][2]} lines of SQL, peak RSS {sqldiff_mib:.0f} MiB")
    kinds = results["stage"][-1].get("kinds") or {}
    print(f"stage of crawl 2: {stage_s:.2f} s, peak RSS growth {med('stage', 'mib'):.1f} MiB"
          + (f" (resident at its end: anonymous +{kinds.get('RssAnon:', 0):.1f}, file-backed "
             f"+{kinds.get('RssFile:', 0):.1f} MiB)" if kinds else "")
          + f", peak RSS in all {med('stage', 'total_mib'):.0f} MiB "
          "(its feeds read and checked, then staged one spider at a time, as refresh does)")
    phases = {k: statistics.median(r["phases"][k] for r in results["publish"]) for k in results["publish"][0]["phases"]}
    print("publish: " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()) + " (build the file; integrity and "
          "foreign key check; fsync of file and folder)")
    print(f"peak RSS growth (ru_maxrss, fresh child per step, median of {args.repeat}): reconcile "
          f"{med('reconcile', 'mib'):.1f} MiB, publish {med('publish', 'mib'):.1f} MiB, raw insert {med('raw', 'mib'):.1f} MiB")
    if problems:
        print("CHECK FAILED: " + "; ".join(problems))
    else:
        print(f"checks: ok (changes found exactly as planted: {n_changed} changed, {len(plan.added)} added, "
              f"{len(plan.removed)} unseen; every other value verified tonight)")
    peak = max(med("reconcile", "mib"), med("publish", "mib"))
    print(f"{n} programs: reconcile {recon_s:.2f} s (sqldiff {sqldiff_s:.2f} s, x {recon_s / sqldiff_s:.2f}); "
          f"publish {pub_s:.2f} s (raw insert {raw_s:.2f} s, x {pub_s / raw_s:.2f}); peak {peak:.0f} MiB; "
          f"stage {stage_s:.2f} s, peak {med('stage', 'mib'):.0f} MiB")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
