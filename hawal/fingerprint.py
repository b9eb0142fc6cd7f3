"""A build's fingerprint: a cheap summary of everything a build reads, so that a build whose
inputs are exactly those of the last complete build can stop at once (a no-change rebuild).

It digests hawal's code, the configuration, the build options that change output, and the
status of every file in the folders a build reads (content, templates, catalogs, static files,
the glossary, the installed translation models and the Pagefind package): path, size, inode,
modification and change time, as `git status` and `make` judge files (and the translation
memory's, as a build left it: `with_translation_memory`). The change time cannot be
set back by tools, so any write to a file shows. The record of the last complete build (written
after its site was swapped in) names the site tree it left and that tree's manifest; when the
site folder was replaced or removed since, the build runs.

This module imports only what the check needs: a no-change command never loads the renderer,
the NLP stack or the templates.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .digests import code_digest

if TYPE_CHECKING:
    from .config import Config

RECORD = "last-build.fingerprint.json"
FORMAT = "1"
# Options that never change what a build writes (how it runs, where it reports).
NEUTRAL_OPTIONS = {"wait", "on_file", "engines", "jobs", "dry_run", "search_later"}
# Environment variables read by the libraries a build drives.
ENV_PREFIXES = ("ARGOS", "PAGEFIND", "HAWAL", "XDG_DATA_HOME", "HOME")


def _tree(h, folder: Path | None) -> None:
    """Every file below `folder` by its status (hidden folders too: a source may be anywhere)."""
    if folder is None:
        h.update(b"\0none")
        return
    root = os.fspath(folder)
    h.update(root.encode("utf-8", "surrogateescape") + b"\0")
    try:
        top = os.stat(root)
    except OSError:
        h.update(b"absent\0")
        return
    h.update(f"{top.st_ino}\0".encode())
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            h.update(f"unreadable {current}\0".encode("utf-8", "surrogateescape"))
            continue
        for entry in entries:
            # Links are not followed (the build's walker refuses them; a loop must not hang the
            # check): a link is its own status and target, and a change to either shows.
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                h.update(f"{entry.path}\0broken\0".encode("utf-8", "surrogateescape"))
                continue
            if entry.is_dir(follow_symlinks=False):
                h.update(f"d {entry.path}\0".encode("utf-8", "surrogateescape"))
                stack.append(entry.path)
            else:
                target = ""
                if entry.is_symlink():
                    try:
                        to = os.stat(entry.path)
                        target = f"{os.readlink(entry.path)}\0{to.st_mode}\0{to.st_size}\0{to.st_ino}\0{to.st_mtime_ns}\0{to.st_ctime_ns}"
                    except OSError:
                        target = "unreadable"
                h.update(f"f {entry.path}\0{st.st_mode}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0"
                         f"{st.st_ctime_ns}\0{target}\0".encode("utf-8", "surrogateescape"))


def _file(h, path: Path | None) -> None:
    if path is None:
        h.update(b"\0none")
        return
    try:
        st = os.stat(path)
        h.update(f"{path}\0{st.st_size}\0{st.st_ino}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0".encode())
    except OSError:
        h.update(f"{path}\0absent\0".encode())


def _models_dirs(config: "Config") -> list[Path]:
    if config.translation.models_dir:
        return [Path(config.translation.models_dir)]
    try:
        from .translate.packages import default_models_dirs
        return default_models_dirs()
    except Exception:             # argos not installed: the build finds no models either
        return []


def _pagefind_dirs() -> list[Path]:
    import importlib.util

    found = []
    for name in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        for location in (spec.submodule_search_locations or []) if spec else []:
            found.append(Path(location))
    return found


def build_fingerprint(config: "Config", options) -> str:
    """The digest of everything the build with `options` would read, by file status."""
    h = hashlib.blake2b(digest_size=16)
    output_options = {f.name: getattr(options, f.name) for f in dataclasses.fields(options)
                      if f.name not in NEUTRAL_OPTIONS}
    h.update(repr((FORMAT, __version__, code_digest(), sys.version, repr(config), sorted(output_options.items()),
                   sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIXES)))).encode())
    for folder in (config.content_dir, config.templates_dir, config.locale_dir, config.static_dir):
        _tree(h, folder)
    _file(h, config.translation.glossary)
    for folder in _models_dirs(config):
        _tree(h, folder)
    for folder in _pagefind_dirs():
        _tree(h, folder)
    return h.hexdigest()


def with_translation_memory(inputs: str, config: "Config") -> str:
    """`inputs` (`build_fingerprint`) with the status of the translation memory, which holds
    reviewed corrections (`translations import`) and what `translate` computed. The build itself
    writes to it, so the record of a build takes its status after the build: a later change by
    another command shows, the build's own writes do not."""
    h = hashlib.blake2b(inputs.encode(), digest_size=16)
    memory = str(config.translation.memory)
    if memory == ":memory:":
        h.update(b"\0no memory")
    else:
        for suffix in ("", "-wal"):
            _file(h, Path(memory + suffix))
    return h.hexdigest()


def _site_state(site: Path, manifests_folder: Path) -> list | None:
    """Which tree the site folder is and the status of its manifest; None when it has none."""
    try:
        tree = os.stat(site)
        manifest = os.stat(manifests_folder / f"{tree.st_ino}.pickle")
    except OSError:
        return None
    return [tree.st_ino, manifest.st_size, manifest.st_mtime_ns, manifest.st_ino]


def unchanged_report(state_dir: Path, site: Path, fingerprint: str) -> dict | None:
    """The report of the last complete build if it had this fingerprint and its site is still
    in place; else None (and the record is dropped: this build will write a new one)."""
    path = state_dir / "cache" / RECORD
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    state = _site_state(site, state_dir / "cache" / "trees")
    if (isinstance(record, dict) and record.get("fingerprint") == fingerprint and state is not None
            and record.get("site") == state and isinstance(record.get("report"), dict)):
        return record["report"]
    forget(state_dir)
    return None


def remember(state_dir: Path, site: Path, fingerprint: str, report: dict) -> None:
    """Record a complete build (after its site was swapped in)."""
    state = _site_state(site, state_dir / "cache" / "trees")
    if state is None:
        return
    path = state_dir / "cache" / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"fingerprint": fingerprint, "site": state, "report": report}, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, path)


def forget(state_dir: Path) -> None:
    try:
        (state_dir / "cache" / RECORD).unlink()
    except FileNotFoundError:
        pass
