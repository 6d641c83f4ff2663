"""`mlis-crawler`: a thin command layer over `crawler.night` and the history, publish and report modules.

Exit codes (docs/cli.md):
  0  done, every site healthy
  1  done, but some sites were degraded or failed (their published values were kept)
  2  usage or configuration error (bad option, missing replay folder, unwritable data folder,
     unknown spider, --site, --field or program, unusable history database, placeholder --reason)
  3  could not run (another process holds the data folder, a publish check failed, an unexpected
     error such as a file where a folder should be; its traceback goes to <data>/last-error.txt)
  4  done, but every site failed: probably our own network (published values kept)
  130, 143  interrupted by SIGINT / SIGTERM: the crawl was stopped, recorded as failed and
     reported; nothing of it was published
  141  the reader of the output went away (`| head`): nothing more is printed, no error
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_starting(signum, frame):  # noqa: ARG001 - a signal handler's signature
    """Ctrl-C while the command's modules are still being imported: the one line and exit code
    every other interruption gives, never a traceback from the middle of an import."""
    sys.stderr.write("mlis-crawler: error: interrupted by SIGINT\n")
    sys.stderr.flush()
    os._exit(130)


# Importing click, the commands and what they import takes most of a second; a handler of our own
# covers it and is handed back at the end of this module (an ignored SIGINT, as under nohup, stays
# ignored).
_sigint_before = signal.getsignal(signal.SIGINT)
if _sigint_before is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import click  # noqa: E402 - after the handler above

from crawler.cli import (  # noqa: E402
    audit, config, crawls, export, history, ingest, new_university, prune, publish, record, refresh, renormalize,
    report, review, rollback, serve, shards)
from crawler.cli.common import add_verbosity  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mlis-crawler")
def main():
    """Nightly refresh of online library-science master's program facts.

    Crawl the universities' pages (or recorded copies of them), compare with what is
    published, hold suspicious changes for review, publish programs.db and a change report.
    """




# One module per command; a new command is a module here plus one line below.
for module in (refresh, renormalize, review, publish, report, crawls, history, rollback, export, audit, serve, record,
               ingest, new_university, config, prune, shards):
    main.add_command(module.command)
    add_verbosity(module.command)  # -v / -q on every command (crawler/cli/common.py)


if signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
    signal.signal(signal.SIGINT, _sigint_before)
