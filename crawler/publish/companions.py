"""The files publish writes beside programs.db once it is swapped in: the Datasette metadata
(programs.metadata.json) and the Atom feed of accepted changes (changes.atom). Each is
written to a temporary name, given the published file's mode and group (crawler/publish/
files.py) and renamed, so a reader sees a whole file that it may read as it reads programs.db;
both are rebuilt from scratch by every publish, so one killed before writing them is made good
by the next."""

from __future__ import annotations

from pathlib import Path

from crawler.publish.datasette import METADATA_NAME, write_metadata
from crawler.publish.feed import FEED_NAME, write_feed


def write_companions(programs_db: Path) -> list[Path]:
    folder = programs_db.parent
    for name in (METADATA_NAME, FEED_NAME):
        for stale in folder.glob(f".{name}.tmp-*"):
            stale.unlink()  # left by a publish killed while writing it
    return [write_metadata(folder), write_feed(programs_db)]
