"""Write stage: output files into a staging folder beside the site, then swap it in whole.

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
import hashlib
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from .errors import LockedError

if TYPE_CHECKING:
    from .render import OutputFile, PageJob

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildLocked(LockedError, RuntimeError):
    """Another build (or publish) holds the lock; `holder` says which (as it wrote itself in the lock)."""

    def __init__(self, message: str, holder: str = "another process"):
        super().__init__(message)
        self.holder = holder


class BuildLock:
    """An exclusive lock shared by build, serve and publish.

    The lock is held on the project folder itself (the parent of `.hawal/`), which nothing a build
    does can delete or replace, so removing `.hawal/` during a build does not let a second build
    start beside it. `.hawal/build.lock` only says who holds the lock, for the message.
    """

    def __init__(self, state_dir: Path):
        self.path = state_dir / "build.lock"
        self.project = state_dir.parent
        self._fh = None
        self._dir_fd: int | None = None

    def acquire(self, wait: bool = False, purpose: str = "build") -> "BuildLock":
        dir_fd = os.open(self.project, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(dir_fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            os.close(dir_fd)
            try:
                holder = self.path.read_text().strip() or "another process"
            except OSError:
                holder = "another process"
            raise BuildLocked(f"another build is running ({holder}); wait for it or run with --wait", holder) from None
        except BaseException:
            os.close(dir_fd)
            raise
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+")
        except BaseException:
            fcntl.flock(dir_fd, fcntl.LOCK_UN)
            os.close(dir_fd)
            raise
        fh.seek(0)
        fh.truncate()
        fh.write(f"{purpose} by pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        fh.flush()
        self._fh = fh
        self._dir_fd = dir_fd
        return self

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.seek(0)
                self._fh.truncate()
            except OSError:
                pass                   # .hawal/ was deleted, or the disk is full: the lock goes anyway
            self._fh.close()
            self._fh = None
        if self._dir_fd is not None:
            fcntl.flock(self._dir_fd, fcntl.LOCK_UN)
            os.close(self._dir_fd)
            self._dir_fd = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def exchange_paths(a: Path, b: Path) -> bool:
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


def recover_interrupted(target: Path, moved_aside: str = "{name}.old-*", partial: str = "{name}.tmp-*") -> None:
    """Clean up after a swap killed mid-way: restore a tree moved aside, drop partial trees.

    `moved_aside` and `partial` are glob patterns beside `target` ({name} is its name)."""
    parent = target.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(moved_aside.format(name=target.name)))
    if not target.exists() and olds:
        os.rename(olds[-1], target)
        olds = olds[:-1]
    for leftover in [*olds, *parent.glob(partial.format(name=target.name))]:
        shutil.rmtree(leftover, ignore_errors=True)


class TreeManifests:
    """The input digest of every file in an output tree, filed under the tree folder's inode, and
    the digest of every file's bytes (so a file produced again with the same bytes is kept as it is).

    A manifest moves with its folder through every swap, so it always describes the tree it is
    filed under; a tree being changed has none (unknown state) until the change is complete.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, tree: Path) -> Path:
        return self.folder / f"{tree.stat().st_ino}.pickle"

    def read(self, tree: Path) -> dict[str, str] | None:
        """path → input digest of every file in `tree` (None: unknown)."""
        found = self.read_all(tree)
        return None if found is None else found.keys

    def read_all(self, tree: Path) -> "TreeManifest | None":
        try:
            with self._file(tree).open("rb") as fh:
                data = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        if isinstance(data, TreeManifest):
            return data
        return TreeManifest(data, {}) if isinstance(data, dict) else None     # written before contents

    def write(self, tree: Path, keys: dict[str, str], contents: dict[str, str] | None = None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._file(tree)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(TreeManifest(keys, contents or {}), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def keep_only(self, *trees: Path) -> None:
        """Drop the manifests of trees that are gone, so a new folder that happens to get a gone
        folder's inode number never inherits its manifest."""
        live = {f"{tree.stat().st_ino}.pickle" for tree in trees if tree.exists()}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.name not in live:
                    path.unlink(missing_ok=True)

    def forget(self, tree: Path) -> None:
        try:
            self._file(tree).unlink()
        except FileNotFoundError:
            pass


@dataclass
class TreeManifest:
    """What an output tree holds: each file's input digest (`keys`) and, for files this build
    produced, the digest of its bytes (`contents`, `content_digest`)."""

    keys: dict[str, str]
    contents: dict[str, str]


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class WriteResult:
    files: int = 0
    bytes: int = 0
    rendered: int = 0
    reused: int = 0
    unchanged: int = 0           # of the rendered files, those whose bytes the tree already held (not rewritten)
    keys: dict = field(default_factory=dict, repr=False)     # path → input digest of the new tree
    contents: dict = field(default_factory=dict, repr=False)  # path → digest of the bytes, where known


def write_site(
    jobs: Iterable[PageJob],
    target: Path,
    manifests: TreeManifests,
    on_file: Callable[[OutputFile], None] | None = None,
) -> WriteResult:
    """Bring a staging tree beside `target` up to date, then swap it in; on error the site is untouched.

    The staging tree (`site.next`) holds the site of the build before last; only files whose input
    digest differs from what it holds are produced again (or hard-linked from the live site when
    that already has them), so an edit to one article touches a handful of files, not the whole
    tree. Files are always replaced, never written in place, because the two trees share inodes.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted(target)
    staging = target.with_name(f"{target.name}.next")
    site_manifest = (manifests.read_all(target) if target.exists() else None) or TreeManifest({}, {})
    staging_manifest = manifests.read_all(staging) if staging.exists() else None
    if staging_manifest is None:                  # unknown state (first build, or a build died here)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
        staging_manifest = TreeManifest({}, {})
    manifests.forget(staging)
    try:
        result = _fill_staging(jobs, staging, target, staging_manifest, site_manifest, on_file)
    except Exception:
        # A staging tree left half-written has no manifest and is rebuilt from scratch next
        # time anyway; removing it now gives back the space (the disk may be full).
        shutil.rmtree(staging, ignore_errors=True)
        raise
    new_keys = result.keys
    manifests.write(staging, new_keys, result.contents)
    first_site = not target.exists()
    swap_in_keeping(staging, target)
    manifests.keep_only(target, staging)
    if first_site and _link_tree(target, staging):
        # A first build leaves no previous site to become the next staging tree: a linked copy
        # of this one lets the next build touch only what changed, not link every file itself.
        manifests.write(staging, new_keys, result.contents)
    return result


def _fill_staging(jobs: Iterable[PageJob], staging: Path, target: Path, staging_manifest: TreeManifest,
                  site_manifest: TreeManifest, on_file: Callable[[OutputFile], None] | None) -> WriteResult:
    """Produce or link every file of the new site in the staging tree (see write_site)."""
    result = WriteResult()
    new_keys: dict[str, str] = {}
    contents: dict[str, str] = {}
    staging_keys, staging_contents = staging_manifest.keys, staging_manifest.contents
    site_keys, site_contents = site_manifest.keys, site_manifest.contents
    made: set[str] = set()
    staging_root, target_root = f"{staging}{os.sep}", f"{target}{os.sep}"
    for job in jobs:
        path = job.path
        new_keys[path] = job.key
        result.files += 1
        dest = staging_root + path                  # plain strings: this loop runs for every file of the site
        old_key = staging_keys.get(path)
        if job.key and old_key == job.key and os.path.exists(dest):
            result.reused += 1
            if path in staging_contents:
                contents[path] = staging_contents[path]
            continue
        if job.key and site_keys.get(path) == job.key:
            # The live site has it: a hard link (unlinking what the staging tree holds there first;
            # never written in place, the two trees share inodes).
            if old_key is not None:
                _unlink(dest)
            else:
                _make_folder(dest, made)
            if _link(target_root + path, dest):
                result.reused += 1
                if path in site_contents:
                    contents[path] = site_contents[path]
                continue
        output = job.make()
        result.rendered += 1
        result.bytes += len(output.data)
        if on_file is not None:
            on_file(output)
        digest = contents[path] = content_digest(output.data)
        # A template edit changes every page's key, and often not its bytes: a file the staging
        # tree already holds with these very bytes stays as it is (no unlink, open, write).
        if old_key is not None and staging_contents.get(path) == digest and os.path.exists(dest):
            result.unchanged += 1
            continue
        # The staging tree is private and has no manifest until it is complete, so a file is
        # replaced by unlinking it first (never written in place: it may share its inode with the
        # live site) and a build killed here just leaves a tree the next build starts afresh.
        # Its manifest lists every file it holds: a path it does not list has nothing to unlink.
        if old_key is not None:
            _unlink(dest)
        else:
            _make_folder(dest, made)
        try:
            _write_new(dest, output.data)
        except FileNotFoundError:                 # its folder is gone (removed by hand): made again
            made.discard(os.path.dirname(dest))
            _make_folder(dest, made)
            _write_new(dest, output.data)
    for gone in set(staging_keys) - set(new_keys):
        _remove_file(staging, gone)
    result.keys = new_keys
    result.contents = contents
    return result


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _write_new(path: str, data: bytes) -> None:
    """A new file with `data` (one open and one write: no buffered file object)."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _make_folder(dest: str, made: set[str]) -> None:
    """The folder of `dest`, made once per build (a file the staging tree lists has its folder)."""
    folder = os.path.dirname(dest)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _link_tree(source: Path, dest: Path) -> bool:
    """A copy of `source` at `dest` made of hard links; False (and nothing left) where links fail."""
    source_root = str(source)
    try:
        for folder, _dirs, files in os.walk(source_root):
            copy = str(dest) + folder[len(source_root):]
            os.mkdir(copy)
            for name in files:
                os.link(os.path.join(folder, name), os.path.join(copy, name))
    except OSError:
        shutil.rmtree(dest, ignore_errors=True)
        return False
    return True


def swap_in_keeping(staging: Path, target: Path) -> None:
    """Swap `staging` in as `target`; the previous site stays at the staging path for next time."""
    if not target.exists():
        os.rename(staging, target)
        return
    if exchange_paths(staging, target):
        return
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    os.rename(target, old)
    os.rename(staging, target)
    os.rename(old, staging)


def _link(source: str, dest: str) -> bool:
    try:
        os.link(source, dest)
        return True
    except OSError:
        return False


def _remove_file(tree: Path, rel: str) -> None:
    path = tree / rel
    try:
        path.unlink()
    except FileNotFoundError:
        return
    parent = path.parent
    while parent != tree:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent


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
