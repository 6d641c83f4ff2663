"""Every named state, spelled once: change kinds and statuses, site health, crawl and program
statuses (DESIGN sections 6 and 7; contract: they are stored in history.db, published in
programs.db and reported in report.json). Plain strings, so they bind in SQL and dump as JSON.
"""

from __future__ import annotations


class Kind:
    """What a change is (`changes.kind`)."""

    PROGRAM_ADDED = "program_added"
    PROGRAM_REMOVED = "program_removed"
    ADDED = "added"            # a field now stated
    CHANGED = "changed"
    REMOVED = "removed"        # a field no longer stated
    EXTRACTION_FAILED = "extraction_failed"  # fetched, but what was found before is not found
    FETCH_FAILED = "fetch_failed"            # the page or site could not be fetched
    CONFLICT = "conflict"      # pages of one site state different values for one field
    REVERTED = "reverted"      # published only: an accepted change undone (a revert or a rollback
                               # decision; programs.db `changes`, crawler/publish/sync.py)


# Breakage never alters a value; value kinds do (and are what programs.db publishes).
BREAKAGE = (Kind.EXTRACTION_FAILED, Kind.FETCH_FAILED)
VALUE_KINDS = (Kind.PROGRAM_ADDED, Kind.ADDED, Kind.CHANGED, Kind.REMOVED, Kind.PROGRAM_REMOVED)
FIELD_KINDS = (Kind.ADDED, Kind.CHANGED, Kind.REMOVED)


class Status:
    """Where a change stands (`changes.status`)."""

    ACCEPTED = "accepted"
    PENDING = "pending"        # held for a maintainer
    REJECTED = "rejected"
    SUPERSEDED = "superseded"  # the site went back on it before anyone decided
    REVERTED = "reverted"      # accepted, then undone by a maintainer (`review revert`, `rollback`);
                               # the same reading is not accepted again, as if rejected


class Health:
    """A spider's health in one crawl."""

    OK = "ok"
    DEGRADED = "degraded"
    FAILED = "failed"


class CrawlStatus:
    """How far a crawl got (`crawls.status`), in order."""

    RUNNING = "running"
    STAGED = "staged"
    RECONCILED = "reconciled"
    PUBLISHED = "published"
    FAILED = "failed"


class ProgramStatus:
    """A published program's standing (`programs.status`)."""

    ACTIVE = "active"
    UNSEEN = "unseen"
    REMOVED = "removed"


def every_site_failed(healths) -> bool:
    """A crawl of several sites in which every one failed: far more likely our own network (DNS,
    proxy, firewall) than the sites. A crawl of one site that failed is that site's failure."""
    healths = list(healths)
    return len(healths) > 1 and all(h == Health.FAILED for h in healths)
