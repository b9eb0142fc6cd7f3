"""`dir` target: mirror the site into a folder, swapped in whole so readers never see a mix."""
from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..config import Config
from .. import output
from ..output import exchange_paths
from .common import (MANIFEST, BuiltSite, Changes, PublishError, PublishResult, check_not_protected, expect_str,
                     manifest_bytes, parse_manifest, refuse_foreign_files, resolve_path, walk_entries)


def existing_files(folder: Path) -> dict[str, Path]:
    """Every non-folder entry under `folder` by relative path (symbolic links count as files)."""
    if not folder.is_dir():
        return {}
    return {rel: Path(entry.path) for rel, entry, is_dir in walk_entries(folder) if not is_dir and rel != MANIFEST}


def published_by_hawal(folder: Path) -> set[str]:
    """The files a previous publish put in `folder` (its manifest); empty when there is none."""
    try:
        return parse_manifest((folder / MANIFEST).read_bytes())
    except OSError:
        return set()


def compare_with_folder(site: BuiltSite, folder: Path) -> Changes:
    """What mirroring `site` into `folder` would add, change and remove (contents compared byte by byte)."""
    there = existing_files(folder)
    changes = Changes()
    for rel, file in site.files.items():
        old = there.get(rel)
        if old is None:
            changes.added.append(rel)
        elif old.is_symlink() or not filecmp.cmp(file.source, old, shallow=False):
            changes.changed.append(rel)
    changes.removed = [rel for rel in there if rel not in site.files]
    return changes.sorted()


def recover_interrupted(target: Path) -> None:
    """Undo what a publish killed mid-way left beside `target`: partial trees, a target moved aside."""
    output.recover_interrupted(target, ".{name}.hawal-old-*", ".{name}.hawal-new-*")


def swap_folders(new_tree: Path, target: Path) -> None:
    """Make `new_tree` the `target` in one step and remove the previous tree.

    renameat2(RENAME_EXCHANGE) swaps the two in one atomic step; where Linux does not offer it,
    two renames do, putting the old tree back if the second fails.
    """
    if not target.exists():
        os.rename(new_tree, target)
        return
    if exchange_paths(new_tree, target):
        shutil.rmtree(new_tree, ignore_errors=True)      # now holds the previous tree
        return
    old = target.with_name(f".{target.name}.hawal-old-{os.getpid()}")
    os.rename(target, old)
    try:
        os.rename(new_tree, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@dataclass
class DirTarget:
    """Mirror into a local folder (e.g. one a web server serves)."""
    name: str
    path: Path
    force: bool = False               # replace files hawal did not put there (`publish --force`)
    kind: ClassVar[str] = "dir"
    required: ClassVar[tuple[str, ...]] = ("path",)
    optional: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_options(cls, name: str, options: dict, config: Config) -> "DirTarget":
        path = resolve_path(config, expect_str(name, "path", options["path"]))
        check_not_protected(name, path, config)
        return cls(name, path)

    def describe(self) -> str:
        return f"dir {self.path}"

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult:
        target = self.path
        if target.is_symlink() or (target.exists() and not target.is_dir()):
            raise PublishError(f"{self.name}: {target} exists and is not a folder")
        if not dry_run:
            recover_interrupted(target)
        changes = compare_with_folder(site, target)
        if not self.force:
            refuse_foreign_files(self.name, str(target), changes, published_by_hawal(target))
        if dry_run or changes.empty:
            if not dry_run and target.is_dir() and not (target / MANIFEST).exists():
                _write_manifest(target, site)       # a folder published before hawal kept a manifest
            return PublishResult(self.name, changes, dry_run)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PublishError(f"{self.name}: cannot create {target.parent}: {exc.strerror}") from None
        new_tree = target.with_name(f".{target.name}.hawal-new-{os.getpid()}")
        unchanged = set(site.files) - set(changes.added) - set(changes.changed)
        current = ""
        try:
            new_tree.mkdir()
            if target.is_dir():
                shutil.copymode(target, new_tree)
            made = {new_tree}
            for rel, file in sorted(site.files.items()):
                current = rel
                dest = new_tree / rel
                if dest.parent not in made:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    made.add(dest.parent)
                if rel in unchanged:
                    # The old tree goes away after the swap, so a hard link shares nothing for long and
                    # keeps the file's identity and time for web servers' caches.
                    try:
                        os.link(target / rel, dest)
                        continue
                    except OSError:
                        pass
                shutil.copy2(file.source, dest)
            current = MANIFEST
            _write_manifest(new_tree, site)
            current = ""
            swap_folders(new_tree, target)
        except BaseException as exc:
            shutil.rmtree(new_tree, ignore_errors=True)
            if not isinstance(exc, Exception):
                raise
            where = f" at {current}" if current else " while swapping it in"
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise PublishError(f"{self.name}: mirroring failed{where} ({reason}); {target} was left as it was") from None
        return PublishResult(self.name, changes, False, f"mirrored into {target}")


def _write_manifest(folder: Path, site: BuiltSite) -> None:
    tmp = folder / f"{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_bytes(manifest_bytes(site.files))
    os.replace(tmp, folder / MANIFEST)
