"""Installing a file beside programs.db: the companions (changes.atom, programs.metadata.json)
take the published file's mode and group (and owner, when this process may set it), so a web
server or Datasette that reads the folder through a group keeps reading all of it whatever the
umask of the nightly job; then the file is renamed into place, so a reader sees it whole."""

from __future__ import annotations

import os
from pathlib import Path


def copy_permissions(tmp: Path, like: Path) -> bool:
    """Give `tmp` the mode, group and (if allowed) owner of `like`. False when the group could
    not be kept (this user is not in it); the mode is set either way."""
    try:
        st = like.stat()
    except FileNotFoundError:
        return True  # nothing to match: the process umask decides, as for any new file
    os.chmod(tmp, st.st_mode & 0o7777)
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except PermissionError:
        try:  # not root: the group can still be kept if this user is in it
            os.chown(tmp, -1, st.st_gid)
        except PermissionError:
            return False
        os.chmod(tmp, st.st_mode & 0o7777)  # chown may clear set-id bits
    return True


def install(tmp: Path, target: Path, like: Path) -> Path:
    """Rename `tmp` over `target` once it has `like`'s mode and group."""
    copy_permissions(tmp, like)
    os.replace(tmp, target)
    return target
