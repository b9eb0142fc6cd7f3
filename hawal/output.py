"""Write stage: output files into a temporary folder beside the site, then swap it in whole.

A build killed at any moment leaves either the previous site or the new one, never a mix: the
new tree is complete on disk before one rename (an atomic exchange where Linux offers it) makes
it the site.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import errno
import fcntl
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .render import OutputFile, PageJob

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildLocked(RuntimeError):
    """Another build (or publish) holds the lock."""


class BuildLock:
    """An exclusive lock on `.hawal/build.lock`, shared by build, serve and publish."""

    def __init__(self, state_dir: Path):
        self.path = state_dir / "build.lock"
        self._fh = None

    def acquire(self, wait: bool = False, purpose: str = "build") -> "BuildLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise BuildLocked(f"another build is running ({holder}); wait for it or run with --wait") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{purpose} by pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            self._fh.seek(0)
            self._fh.truncate()
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap_in(new_tree: Path, target: Path) -> None:
    """Make `new_tree` the `target` folder in one step; the old tree is removed afterwards."""
    if not target.exists():
        os.rename(new_tree, target)
        return
    if _exchange(new_tree, target):
        shutil.rmtree(new_tree)           # now holds the previous site
        return
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    os.rename(target, old)
    os.rename(new_tree, target)
    shutil.rmtree(old)


def recover_interrupted(target: Path) -> None:
    """Clean up after a build killed mid-way: drop partial trees, restore a site moved aside."""
    parent = target.parent
    if not parent.exists():
        return
    olds = sorted(parent.glob(f"{target.name}.old-*"))
    if not target.exists() and olds:
        os.rename(olds[-1], target)
        olds = olds[:-1]
    for leftover in [*olds, *parent.glob(f"{target.name}.tmp-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@dataclass
class WriteResult:
    files: int = 0
    bytes: int = 0
    rendered: int = 0
    reused: int = 0
    keys: dict[str, str] = field(default_factory=dict)   # path -> input digest, for the next build


def write_site(
    jobs: Iterable[PageJob],
    target: Path,
    previous_keys: dict[str, str] | None = None,
    on_file: Callable[[OutputFile], None] | None = None,
) -> WriteResult:
    """Produce every file into a fresh tree beside `target`, then swap it in; on error nothing changes.

    A job whose key matches the previous build's is not rendered again: its file in the current
    site is hard-linked into the new tree (files are never modified in place, only replaced).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted(target)
    previous_keys = previous_keys or {}
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    result = WriteResult()
    try:
        made: set[Path] = {tmp}
        for job in jobs:
            dest = tmp / job.path
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            if job.key and previous_keys.get(job.path) == job.key and _link_previous(target / job.path, dest):
                result.reused += 1
                result.bytes += dest.stat().st_size
            else:
                output = job.make()
                dest.write_bytes(output.data)
                result.rendered += 1
                result.bytes += len(output.data)
                if on_file is not None:
                    on_file(output)
            if job.key:
                result.keys[job.path] = job.key
            result.files += 1
        swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _link_previous(source: Path, dest: Path) -> bool:
    try:
        os.link(source, dest)
        return True
    except OSError:
        return False


def write_build_marker(state_dir: Path, target: Path, files: int) -> None:
    """Record that `target` holds a complete build (read by `publish`)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    marker = state_dir / "last-build.json"
    tmp = marker.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({
        "output_dir": str(target.resolve()),
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "files": files,
    }, indent=2))
    os.replace(tmp, marker)
