"""The crawl child of a live or replayed night: which spiders, its process, and the signals a
night forwards to it.

Signals: SIGINT and SIGTERM are forwarded to the crawl child (it runs in its own process group
and dies with its parent), waited for, and the crawl is recorded as failed; the night then raises
`Interrupted` (exit 130 / 143). A signal after the reconcile committed lets the night finish
publishing and reporting first (a few seconds): its changes are accepted already.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from crawler.errors import ConfigError, Interrupted
from crawler.faults import checkpoint

CHILD_GRACE_SECONDS = 30  # after a forwarded signal, the crawl child gets this long to stop, then SIGKILL
SIGNAL_NAMES = {signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}


def check_spiders(requested: list[str]) -> list[str]:
    """The spiders to run: those asked for, each once, in the order asked (a name given twice
    would run twice at once, both writing one feed), or every spider."""
    from crawler.crawl.runner import spider_names  # Scrapy: imported only by the jobs that crawl

    known = spider_names()
    requested = list(dict.fromkeys(requested))
    unknown = [s for s in requested if s not in known]
    if unknown:
        raise ConfigError(f"unknown spider {', '.join(unknown)}; known: {', '.join(known)}")
    return requested or known


class Signals:
    """SIGINT / SIGTERM during a night: remembered, forwarded to the crawl child, acted on between steps.

    Installed only in the main thread (signal handlers can live nowhere else); elsewhere (a night
    run from a thread) signals keep their default behaviour.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self.child: subprocess.Popen | None = None
        self._saved: dict[int, object] = {}

    def __enter__(self) -> "Signals":
        if threading.current_thread() is threading.main_thread():
            for signum in SIGNAL_NAMES:
                self._saved[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def _handle(self, signum, frame) -> None:
        self.received = self.received or signum
        child = self.child
        if child is not None and child.poll() is None:
            child.send_signal(signum)  # every time: a second Ctrl-C makes Scrapy stop at once

    @property
    def name(self) -> str:
        return SIGNAL_NAMES.get(self.received, str(self.received))

    def stop_if_asked(self, when: str) -> None:
        if self.received:
            raise Interrupted(self.received, f"interrupted by {self.name} {when}")


def crawl_overrides() -> list[str]:
    """Scrapy settings for the crawl child from `MLIS_CRAWL_SETTINGS` ("KEY=VALUE KEY=VALUE"), e.g.
    `DOWNLOAD_DELAY=2` for a slower crawl on this machine; each becomes a `--set` of the child."""
    pairs = os.environ.get("MLIS_CRAWL_SETTINGS", "").split()  # values without spaces (JSON: write it compact)
    bad = [p for p in pairs if "=" not in p or p.startswith("=")]
    if bad:
        raise ConfigError(f"MLIS_CRAWL_SETTINGS expects KEY=VALUE pairs, not {' '.join(bad)}")
    return [arg for pair in pairs for arg in ("--set", pair)]


def _die_with_parent() -> None:
    """In the crawl child, before exec: be killed if the parent dies (even by SIGKILL), so no
    crawl ever goes on as an orphan after the lock is released (Linux; elsewhere a no-op). And
    start with SIGINT and SIGTERM blocked (the mask survives exec): a signal forwarded while the
    interpreter and Scrapy are still starting waits until the child's handlers are in place
    (crawler.crawl.runner.EarlySignals unblocks them), instead of a KeyboardInterrupt traceback
    out of some import."""
    signal.pthread_sigmask(signal.SIG_BLOCK, set(SIGNAL_NAMES))
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass


def run_crawl(out: Path, replay: Path | None, names: list[str], signals: Signals | None = None,
              settings: dict | None = None) -> None:
    """Crawl in a child process; whatever it leaves behind is read, whatever it lost is failed.

    `settings` ([crawl] of the config file, the night's own files) and then MLIS_CRAWL_SETTINGS
    become the child's `--set`s (the later wins). The child runs in its own process group, so a
    Ctrl-C at the terminal reaches only this process, which forwards it (once per signal) and
    waits for the child to stop; a child that does not stop within CHILD_GRACE_SECONDS of a
    forwarded signal is killed."""
    out.mkdir(parents=True, exist_ok=True)
    checkpoint("crawl:before")
    command = [sys.executable, "-m", "crawler.crawl", "--out", str(out), "--log-file", str(out / "crawl.log")]
    if replay is not None:
        command += ["--replay", str(replay.resolve())]
    for name in names:
        command += ["--spider", name]
    for key, value in (settings or {}).items():  # dicts and lists as JSON
        command += ["--set", f"{key}={json.dumps(value) if isinstance(value, (dict, list, bool)) else value}"]
    command += crawl_overrides()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, process_group=0, preexec_fn=_die_with_parent)
    if signals is not None:
        signals.child = child
        if signals.received:  # a signal that came while the child was being started
            child.send_signal(signals.received)
    try:
        stop_by = None
        while True:
            try:
                child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if signals is not None and signals.received:
                    stop_by = stop_by or time.monotonic() + CHILD_GRACE_SECONDS
                    if time.monotonic() > stop_by:
                        child.kill()
    finally:
        if child.poll() is None:  # this process is leaving (an error): the crawl goes with it
            child.kill()
            child.wait()
        if signals is not None:
            signals.child = None
    if child.returncode and not (signals is not None and signals.received):
        print(f"note: the crawl process exited with code {child.returncode} (its log: {out / 'crawl.log'}; "
              "errors before logging started go to stderr)", file=sys.stderr)
