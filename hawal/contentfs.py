"""Reading contributors' files safely: only regular files inside a folder, reached without leaving it.

`content/` (and `static/`) are written by people hawal must not trust blindly: a symbolic link
to /etc/passwd, a link to a folder outside, a link loop, a FIFO that blocks every read, a device
file, or a folder that another file system is mounted on would otherwise be read and published.
`walk_tree` lists what is there without following any link, and reports everything that is not a
plain file or folder instead of reading it. `read_inside` opens a listed file again component by
component relative to the folder with O_NOFOLLOW, so a file swapped for a link between listing and
reading is refused too, and reads at most a size limit.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


class UnsafePath(OSError):
    """A path inside the tree is not a regular file reached through real folders."""


@dataclass(frozen=True)
class Refused:
    """Something in the tree that is not read, and why."""

    path: Path
    reason: str


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)        # sorted
    refused: list[Refused] = field(default_factory=list)
    statuses: dict[str, tuple] = field(default_factory=dict, repr=False)   # path → `file_status` of each file


def file_status(info: os.stat_result) -> tuple:
    """What tells a file's content changed without reading it: device, inode, size, and the
    modification and change times in nanoseconds."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def kind_of(mode: int) -> str:
    """A few words for what a file-system entry is."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _link_note(path: str) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        return ""
    return f" (to {target})"


def walk_tree(root: Path, wanted: Callable[[str], bool], skip: Callable[[str], bool] = lambda name: False) -> Listing:
    """Every regular file under `root` whose name is `wanted`, plus what was refused.

    Names for which `skip` is true (files or folders) are passed over silently. Links are never
    followed; a wanted-looking name that is a link or a special file is refused, and so is a folder
    that is a link or lies on another file system (a mount point). `root` itself may be a link
    (the configured content folder may live elsewhere).
    """
    listing = Listing()
    root = Path(root)
    try:
        root_info = os.stat(root)
    except OSError:
        return listing
    if not stat.S_ISDIR(root_info.st_mode):
        return listing
    stack = [(str(root), root_info.st_dev)]
    found: list[str] = []
    while stack:
        folder, device = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            listing.refused.append(Refused(Path(folder), f"cannot be listed: {exc.strerror}"))
            continue
        for entry in entries:
            name = entry.name
            if skip(name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                listing.refused.append(Refused(Path(entry.path), f"cannot be read: {exc.strerror}"))
                continue
            mode = info.st_mode
            if stat.S_ISDIR(mode):
                if info.st_dev != device:
                    listing.refused.append(Refused(Path(entry.path), "is a folder of another file system mounted "
                                                   "inside the content; it is not read"))
                    continue
                stack.append((entry.path, device))
            elif stat.S_ISREG(mode):
                if wanted(name):
                    found.append(entry.path)
                    listing.statuses[entry.path] = file_status(info)
            elif stat.S_ISLNK(mode):
                # A link to a folder is refused whatever its name: what it leads to could be a source.
                if wanted(name) or _points_to_folder(entry.path):
                    listing.refused.append(Refused(Path(entry.path), f"is {kind_of(mode)}{_link_note(entry.path)}; "
                                                   "links are not followed: sources must be regular files inside "
                                                   "the folder"))
            elif wanted(name):
                listing.refused.append(Refused(Path(entry.path), f"is {kind_of(mode)}, not a regular file; not read"))
    listing.files = [Path(p) for p in sorted(found)]
    listing.refused.sort(key=lambda r: str(r.path))
    return listing


def _points_to_folder(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False           # dangling, a loop, or unreadable: not a folder we would have walked


def read_inside(root: Path, path: Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file under `root`, opened without following any link.

    Raises UnsafePath when a component is a link or the file is not regular, and
    OSError(EFBIG) when the file is larger than `limit` bytes (nothing past the limit is read).
    """
    root, path = Path(root), Path(path)
    rel = path.relative_to(root)
    parts = rel.parts
    if not parts or any(p in ("", ".", "..") for p in parts):
        raise UnsafePath(errno.EINVAL, "not a path inside the folder", str(path))
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        for part in parts[:-1]:
            try:
                next_fd = os.open(part, _OPEN_DIR, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise UnsafePath(exc.errno, "a folder on the way is a link or not a folder", str(path)) from None
                raise
            os.close(fd)
            fd = next_fd
        try:
            file_fd = os.open(parts[-1], _OPEN_FILE, dir_fd=fd)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UnsafePath(exc.errno, "is a symbolic link; links are not followed", str(path)) from None
            raise
    finally:
        os.close(fd)
    try:
        info = os.fstat(file_fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(errno.EINVAL, f"is {kind_of(info.st_mode)}, not a regular file", str(path))
        if info.st_size > limit:
            raise OSError(errno.EFBIG, f"{info.st_size} bytes", str(path))
        os.set_blocking(file_fd, True)
        chunks, total = [], 0
        while True:
            chunk = os.read(file_fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:              # the file grew while being read
                raise OSError(errno.EFBIG, f"over {limit} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(file_fd)
