"""Named points where a test can kill the process, to prove a crash there loses nothing.

`MLIS_KILL_AT=<point>` makes the process SIGKILL itself on reaching that point; unset (always,
outside tests) a checkpoint does nothing. The points are listed in `POINTS`.
"""

from __future__ import annotations

import os
import signal

POINTS = (
    "crawl:before", "stage:before_commit", "reconcile:before_commit",
    "publish:built", "publish:before_replace", "publish:after_replace", "report:before_write",
    "report:after_write",
)


def checkpoint(point: str) -> None:
    if os.environ.get("MLIS_KILL_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
