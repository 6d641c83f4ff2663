"""Every error the product raises on purpose, each with the exit code the CLI gives it.

The CLI turns any of these into one line, `mlis-crawler: error: <message>`, and exits with the
error's `exit_code`; anything else is unexpected (exit 3, traceback saved in the data folder).
Exit codes are a contract (docs/cli.md).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DEGRADED = 1   # done, but some sites were degraded or failed (their published values were kept)
EXIT_CONFIG = 2     # usage or configuration error
EXIT_FAILED = 3     # could not run
EXIT_NO_SITE = 4    # done, but every site failed: probably our own network (DNS, proxy, firewall), not the sites
EXIT_SIGINT = 130   # interrupted by SIGINT (Ctrl-C): the crawl is recorded as failed, nothing was published
EXIT_SIGTERM = 143  # interrupted by SIGTERM (systemd stop, kill): the same


class MlisError(Exception):
    """Base of the product's own errors."""

    exit_code = EXIT_FAILED


class ConfigError(MlisError):
    """Bad input from the user or the environment: an option, a folder, a spider name."""

    exit_code = EXIT_CONFIG


class HistoryError(MlisError):
    """The history database cannot be opened or is not ours (corrupt, foreign, unreadable)."""

    exit_code = EXIT_CONFIG


class StorageError(MlisError):
    """The disk, not the data: no space left, no permission, a read-only or locked file, an I/O
    error. Nothing was changed (SQLite rolled back); history.db and programs.db are intact."""

    exit_code = EXIT_FAILED


class ReviewError(MlisError):
    """A review decision that cannot be made (no such change, not pending, stale)."""

    exit_code = EXIT_CONFIG


class RefreshError(MlisError):
    """The job could not run at all (another process holds the data folder)."""

    exit_code = EXIT_FAILED


class PublishError(MlisError):
    """The new programs.db failed its checks; the published file was left as it was."""

    exit_code = EXIT_FAILED


class Interrupted(MlisError):
    """A job stopped by SIGINT or SIGTERM: exit 128 + the signal's number (130, 143)."""

    def __init__(self, signum: int, message: str):
        super().__init__(message)
        self.signum = signum
        self.exit_code = 128 + signum


class ReadOnlyError(MlisError):
    """A command that changes state asked of a data folder this user cannot write."""

    exit_code = EXIT_CONFIG


class FeedError(MlisError, ValueError):
    """A crawl feed with a malformed line that is not its last (a broken file, not a crawl cut short)."""

    exit_code = EXIT_FAILED

    def __init__(self, path, message: str):
        super().__init__(f"{path.name} {message}")
        self.path = path


class ClockError(ConfigError):
    """A night whose pages' date is not a real date, lies in the future, or is older than the last
    published night's (without the operator's --allow-older): refused before anything is recorded."""


class UnsafePathError(ConfigError):
    """A path the program would write in the data folder is a symlink, not a regular file, or not
    one plain name under its folder (crawler/datadir.py): refused, never written through."""
