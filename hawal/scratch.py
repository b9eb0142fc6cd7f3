"""Scratch folders that a killed process leaves behind are removed by the next one.

A scratch folder's name carries the id of the process that made it (`hawal-search-1234-x8f2`), so a
later process can tell a leftover (its maker is gone) from a folder in use (its maker still runs)
and remove only leftovers, and only its own user's.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

OLD_UNNAMED_AGE_S = 6 * 3600         # folders named before the pid was part of the name


def scratch_prefix(name: str) -> str:
    """A tempfile prefix naming this process: `name-<pid>-`."""
    return f"{name}-{os.getpid()}-"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(folder: str | Path, name: str) -> list[Path]:
    """Remove `name-<pid>-*` folders in `folder` whose process has ended (and old unnamed ones)."""
    removed: list[Path] = []
    pattern = re.compile(rf"^{re.escape(name)}-(?:(\d+)-)?[^/]+$")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = pattern.match(entry.name)
        if m is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or info.st_uid != os.getuid():
                continue
        except OSError:
            continue
        pid = int(m.group(1)) if m.group(1) else None
        stale = (not _running(pid)) if pid is not None else now - info.st_mtime > OLD_UNNAMED_AGE_S
        if stale and pid != os.getpid():
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed
