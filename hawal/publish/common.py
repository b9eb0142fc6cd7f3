"""What every publish target shares: the completed build, the lock, change lists and errors."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator, Protocol

from ..config import Config
from ..configcheck import output_dir_problem
from ..errors import ConfigurationError, HawalError
from ..output import BuildLock, BuildLocked


class PublishError(HawalError, RuntimeError):
    """A target could not be published; `str()` is one line, `details` are extra lines to show."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.details = details or []


class TargetConfigError(ConfigurationError, ValueError):
    """A `publish:` entry in config.yaml cannot be used; the message names the target and key."""


MANIFEST = ".hawal-publish.json"      # at a target: the files hawal put there (so others' are never lost)
SHOWN_FILES = 20


class BuildNotReady(HawalError, RuntimeError):
    """There is no complete build in the output folder to publish."""


@dataclass(frozen=True)
class SiteFile:
    path: str          # relative, with forward slashes
    source: Path       # absolute path of the file in the built site
    size: int


@dataclass(frozen=True)
class BuiltSite:
    """A complete build: the output folder, its files, and when the build finished."""
    root: Path
    files: dict[str, SiteFile]
    finished: str


@dataclass
class Changes:
    """Files (relative paths) a publish adds, changes and removes at a target."""
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def sorted(self) -> "Changes":
        return Changes(sorted(self.added), sorted(self.changed), sorted(self.removed))

    def summary(self, dry_run: bool = False) -> str:
        a, c, r = len(self.added), len(self.changed), len(self.removed)
        if dry_run:
            return f"would add {a}, change {c}, remove {r}"
        return f"added {a}, changed {c}, removed {r}"

    def lines(self) -> list[str]:
        """One line a file: `+ added`, `~ changed`, `- removed`."""
        return ([f"+ {p}" for p in self.added] + [f"~ {p}" for p in self.changed]
                + [f"- {p}" for p in self.removed])


@dataclass
class PublishResult:
    target: str
    changes: Changes
    dry_run: bool
    note: str = ""      # e.g. the commit made, or why nothing was done


class Target(Protocol):
    name: str
    kind: ClassVar[str]

    def describe(self) -> str: ...

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult: ...


def state_dir(config: Config) -> Path:
    return config.root / ".hawal"


def load_completed_build(config: Config) -> BuiltSite:
    """The files of the last complete build; BuildNotReady when the output folder is not one.

    The build writes `.hawal/last-build.json` after it has swapped the new site in, so a marker
    older than anything in the site, or a file count that differs, means the folder is not what
    a finished build left there.
    """
    site = config.output_dir.resolve()
    rebuild, again = "run `python build.py build` first", "run `python build.py build` again"
    if not site.is_dir():
        raise BuildNotReady(f"{config.output_dir} does not exist: nothing to publish; {rebuild}")
    marker_path = state_dir(config) / "last-build.json"
    try:
        marker = json.loads(marker_path.read_text(encoding="utf-8"))
        marker_time = marker_path.stat().st_mtime
    except FileNotFoundError:
        raise BuildNotReady(f"no completed build is recorded ({marker_path} is missing); {rebuild}") from None
    except (OSError, ValueError) as exc:
        raise BuildNotReady(f"{marker_path} cannot be read ({exc}); {rebuild}") from None
    if not isinstance(marker, dict) or Path(str(marker.get("output_dir", ""))).resolve() != site:
        raise BuildNotReady(f"the last completed build did not write {config.output_dir}; {rebuild}")

    files: dict[str, SiteFile] = {}
    newest, newest_path = os.stat(site).st_mtime, site
    for rel, entry, is_dir in walk_entries(site):
        info = entry.stat(follow_symlinks=False)
        if info.st_mtime > newest:
            newest, newest_path = info.st_mtime, Path(entry.path)
        if is_dir:
            continue
        if not entry.is_file(follow_symlinks=False):
            raise BuildNotReady(f"{entry.path} is not a plain file; a build writes plain files only; {again}")
        files[rel] = SiteFile(rel, Path(entry.path), info.st_size)
    if newest > marker_time:
        raise BuildNotReady(f"{newest_path} changed after the last completed build; {again}")
    if marker.get("files") != len(files):
        raise BuildNotReady(f"{config.output_dir} holds {len(files)} files but the last completed build wrote "
                            f"{marker.get('files')}; {again}")
    return BuiltSite(site, files, str(marker.get("finished", "")))


def manifest_bytes(files: Iterable[str]) -> bytes:
    """The manifest a publish leaves at its target: every file it put there."""
    return json.dumps({"by": "hawal publish", "files": sorted(files)}).encode("utf-8")


def parse_manifest(data: bytes | str) -> set[str]:
    """The files a manifest lists; empty when it is not one."""
    try:
        parsed = json.loads(data)
    except ValueError:
        return set()
    files = parsed.get("files") if isinstance(parsed, dict) else None
    return {f for f in files if isinstance(f, str)} if isinstance(files, list) else set()


def refuse_foreign_files(target_name: str, where: str, changes: Changes, ours: set[str]) -> None:
    """PublishError listing the files at the target that hawal did not put there (not in `ours`, the
    previous manifest) and that publishing would delete or overwrite; nothing when there are none."""
    foreign = sorted(rel for rel in (*changes.removed, *changes.changed) if rel not in ours)
    if not foreign:
        return
    removed = set(changes.removed)
    shown = [f"  {'- ' if rel in removed else '~ '}{rel}" for rel in foreign[:SHOWN_FILES]]
    if len(foreign) > SHOWN_FILES:
        shown.append(f"  … and {len(foreign) - SHOWN_FILES} more")
    raise PublishError(
        f"{target_name}: {where} holds {len(foreign)} file(s) that hawal did not put there, and publishing "
        f"would delete (-) or overwrite (~) them; nothing was changed. Move them away, or run "
        f"`publish --force` to replace them:", shown)


def walk_entries(folder: Path) -> Iterator[tuple[str, os.DirEntry, bool]]:
    """(relative path, entry, is a real folder) for everything under `folder`; links are not followed."""
    stack = [""]
    while stack:
        rel = stack.pop()
        with os.scandir(os.path.join(folder, rel)) as entries:
            for entry in entries:
                path = f"{rel}/{entry.name}" if rel else entry.name
                is_dir = entry.is_dir(follow_symlinks=False)
                if is_dir:
                    stack.append(path)
                yield path, entry, is_dir


class PublishLock:
    """The build's lock (`.hawal/build.lock`), held for the whole publish so no build swaps site/ mid-way."""

    def __init__(self, config: Config):
        self._lock = BuildLock(state_dir(config))

    def __enter__(self) -> "PublishLock":
        try:
            self._lock.acquire(wait=False, purpose="publish")
        except BuildLocked:
            try:
                holder = self._lock.path.read_text().strip()
            except OSError:
                holder = ""
            what = "another publish" if holder.startswith("publish") else "a build"
            raise BuildNotReady(f"{what} is running ({holder or 'it holds ' + str(self._lock.path)}); "
                                "publish when it has finished") from None
        return self

    def __exit__(self, *exc) -> None:
        self._lock.release()


def inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies under it."""
    return path == folder or folder in path.parents


def check_not_protected(target_name: str, path: Path, config: Config) -> None:
    """A target folder is replaced whole: it must not be, hold or lie in the site, the content or
    any other folder of the project (templates, static, locale, .hawal), nor be or hold the project
    folder itself or its models, glossary and configuration."""
    protected = {"site (output_dir)": config.output_dir, "content": config.content_dir,
                 "templates": config.templates_dir, "static": config.static_dir, "locale": config.locale_dir,
                 "state (.hawal)": config.root / ".hawal"}
    contained = {"models folder": config.translation.models_dir, "glossary": config.translation.glossary,
                 "translation memory": config.translation.memory, "configuration": config.root / "config.yaml"}
    problem = output_dir_problem(path, config.root, protected, {k: v for k, v in contained.items() if v is not None})
    if problem:
        raise TargetConfigError(f"publish target {target_name!r}: the folder overlaps what it must not replace: "
                                f"{problem.replace('use a folder of its own such as site/', 'publish to a folder of its own')}")


def resolve_path(config: Config, value: str) -> Path:
    path = Path(os.path.expanduser(value))
    return (path if path.is_absolute() else config.root / path).resolve()


def expect_str(target: str, key: str, value: Any, allow_empty: bool = False) -> str:
    if not isinstance(value, str) or (not value and not allow_empty):
        raise TargetConfigError(f"publish target {target!r}: {key}: expected text, got {value!r}")
    return value
