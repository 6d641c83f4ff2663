"""`mlis-crawler crawls`: every crawl on record, failed ones too."""

from __future__ import annotations

import json

import click

from crawler.cli.common import data_option, handle_errors, open_data_readonly, someone_working
from crawler.states import CrawlStatus, Health


def crawl_rows(db, working: bool) -> list[dict]:
    """One dict per crawl, oldest first: status, times, source, sites, changes, whether published."""
    sites: dict[str, dict[str, int]] = {}
    for crawl_id, health, n in db.execute("SELECT crawl_id, health, count(*) FROM spider_runs GROUP BY crawl_id, health"):
        sites.setdefault(crawl_id, {Health.OK: 0, Health.DEGRADED: 0, Health.FAILED: 0})[health] = n
    counted = dict(db.execute("SELECT crawl_id, report FROM night_reports"))
    published = {r[0] for r in db.execute("SELECT DISTINCT crawl_id FROM publishes")}
    newest = db.execute("SELECT max(rowid) FROM crawls").fetchone()[0]
    rows = []
    for crawl in db.query("""SELECT rowid, crawl_id, kind, status, started_at, finished_at, source, observed_on, error
                             FROM crawls ORDER BY rowid"""):
        status, note = crawl["status"], crawl.pop("error")
        if status in (CrawlStatus.RUNNING, CrawlStatus.STAGED, CrawlStatus.RECONCILED):
            running = working and crawl["rowid"] == newest
            note = "still running" if running else (
                f"interrupted, no process is running it{': ' + note if note else ''}; the next run "
                + ("publishes it (its changes were accepted)" if status == CrawlStatus.RECONCILED else "records it as failed"))
            status = status if running else "interrupted"
        report = json.loads(counted[crawl["crawl_id"]]) if crawl["crawl_id"] in counted else None
        counts = (report or {}).get("counts") or {}
        rows.append({
            "crawl_id": crawl["crawl_id"], "kind": crawl["kind"], "status": status, "recorded_status": crawl["status"],
            "started_at": crawl["started_at"], "finished_at": crawl["finished_at"] if status != "interrupted" else None,
            "source": crawl["source"], "observed_on": crawl["observed_on"],
            "sites": sites.get(crawl["crawl_id"], {Health.OK: 0, Health.DEGRADED: 0, Health.FAILED: 0}),
            "changes_published": (counts.get("accepted", 0) - counts.get("initial_load", 0)) if report else None,
            "first_seen": counts.get("initial_load") if report else None,
            "changes_held": counts.get("pending") if report else None,
            "published": crawl["crawl_id"] in published or crawl["status"] == CrawlStatus.PUBLISHED,
            "note": note,
        })
    return rows


@click.command("crawls")
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@handle_errors
def command(data, fmt):
    """List every crawl, oldest first: status (published, failed, interrupted, running), when it
    started and finished, its source, its sites ok/degraded/failed, the changes it published and
    held, whether it was published, and why a crawl failed. Reads only: works on a read-only
    data folder. `mlis-crawler report --crawl ID` shows one crawl's report.
    """
    paths, db = open_data_readonly(data)
    rows = crawl_rows(db, someone_working(paths.data))
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No crawls yet.")
    for r in rows:
        s = r["sites"]
        changes = ("" if r["changes_published"] is None else
                   f"; {r['changes_published']} published, {r['changes_held']} held"
                   + (f", {r['first_seen']} first seen" if r["first_seen"] else ""))
        click.echo(f"{r['crawl_id']}  {r['status']:<11} {r['kind']:<11} pages as of {r['observed_on']}; "
                   f"started {r['started_at']}, finished {r['finished_at'] or '-'}; from {r['source']}")
        click.echo(f"    sites: {s['ok']} ok, {s['degraded']} degraded, {s['failed']} failed{changes}; "
                   f"{'published' if r['published'] else 'not published'}")
        if r["note"]:
            click.echo(f"    {r['status']}: {r['note']}")
