"""The commands the product prints for an operator to paste (reports, `review`, alerts, `rollback`,
hints in errors): each starts with the path this process was started by, so it runs as pasted
whether or not `mlis-crawler` is on PATH.

`command("review", "accept", 113)` gives `/srv/mlis/.venv/bin/mlis-crawler review accept 113`
when the night ran as `/srv/mlis/.venv/bin/mlis-crawler` (or as `.venv/bin/mlis-crawler` from
/srv/mlis), and `mlis-crawler review accept 113` when it ran as `mlis-crawler` found on PATH.
Started some other way (`python -m`, a test runner, a script that imports the CLI), the command
is the `mlis-crawler` installed beside the running interpreter. Kept free of the CLI's imports so
the report and the history modules can use it too.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

NAME = "mlis-crawler"


def program() -> str:
    """How to run mlis-crawler again, as this process was started: a bare name only when the shell
    finds the same program by that name, otherwise an absolute path (symlinks kept as written:
    `/srv/mlis/.venv/bin/mlis-crawler` reads better than the interpreter's real folder)."""
    started = sys.argv[0] if sys.argv and sys.argv[0] else ""
    if os.path.basename(started) != NAME:
        beside = Path(sys.executable).parent / NAME
        if not beside.is_file():
            return NAME
        started = str(beside)
    if os.sep not in started:
        return NAME  # run by its bare name: the shell finds it on PATH
    path = os.path.abspath(started)
    on_path = shutil.which(NAME)
    if on_path is not None and os.path.abspath(on_path) == path:
        return NAME
    return path


def command(*args: object) -> str:
    """`mlis-crawler ARGS...` ready to paste into a POSIX shell: the program as `program()` names
    it, then each argument shell-quoted (a data folder with a space stays one argument)."""
    return " ".join(shlex.quote(str(part)) for part in (program(), *args))
