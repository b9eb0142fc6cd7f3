"""What a model package may hold, and unpacking it without trusting it.

An `.argosmodel` file or package folder comes from outside: it may hold symbolic links (to
/etc, or a loop back to itself), device files, names that climb out of the package folder
(`../../x`, `/abs`, `C:\\x`), the same name twice, or a few hundred kilobytes that unpack to
gigabytes. A package holds only regular files and folders; everything else is refused before
anything is written. Unpacking writes only below the package's own folder, counts every byte
written and stops at the size the check allowed; copying a folder opens each file again without
following links. Metadata values are checked for their types too, so a package whose
`to_code` is a mapping is refused at install, not met as a crash by every later build.
"""
from __future__ import annotations

import errno
import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..contentfs import UnsafePath, kind_of, read_inside
from ..urlpolicy import url_problem

MAX_UNPACKED_BYTES = 16 * 1024**3       # the largest NLLB-200 conversion is about 7 GB
MAX_COMPRESSION_RATIO = 50              # model weights hardly compress; 530 KB → 200 MB is a bomb
MAX_ENTRIES = 10_000
MAX_METADATA_BYTES = 1024 * 1024
_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8}){0,3}$")
_CHUNK = 1 << 20


class PackageProblem(Exception):
    """A package cannot be installed or used; the message says which file and why."""


@dataclass(frozen=True)
class Entry:
    inner: str          # path inside the package folder, '/'-separated
    size: int


def human_size(n: float) -> str:
    """A byte count for people: 512 B, 3.4 MB, 1.1 GB."""
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def _check_total(where: str, total: int, count: int, packed: int | None = None) -> None:
    if count > MAX_ENTRIES:
        raise PackageProblem(f"{where}: {count} files; a package holds at most {MAX_ENTRIES}")
    if total > MAX_UNPACKED_BYTES:
        raise PackageProblem(f"{where}: unpacks to {human_size(total)}, more than the {human_size(MAX_UNPACKED_BYTES)} "
                             "a package may hold")
    if packed is not None and packed > 0 and total > max(packed, 1 << 20) * MAX_COMPRESSION_RATIO:
        raise PackageProblem(f"{where}: {human_size(packed)} that would unpack to {human_size(total)} (over "
                             f"{MAX_COMPRESSION_RATIO} times its size): not a model package")


def scan_folder(folder: Path) -> list[Entry]:
    """The regular files of a package folder; PackageProblem for a link or special file anywhere."""
    entries: list[Entry] = []
    total = 0
    stack = [""]
    while stack:
        rel = stack.pop()
        here = os.path.join(folder, rel) if rel else str(folder)
        try:
            listing = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as exc:
            raise PackageProblem(f"{here}: cannot be listed ({exc.strerror})") from None
        for entry in listing:
            inner = f"{rel}/{entry.name}" if rel else entry.name
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):
                stack.append(inner)
            elif stat.S_ISREG(info.st_mode):
                entries.append(Entry(inner, info.st_size))
                total += info.st_size
                _check_total(str(folder), total, len(entries))
            else:
                target = f" (to {os.readlink(entry.path)})" if stat.S_ISLNK(info.st_mode) else ""
                raise PackageProblem(f"{folder}: {inner} is {kind_of(info.st_mode)}{target}; a package holds only "
                                     "regular files and folders")
    return entries


def _unsafe_name(name: str) -> str | None:
    if not name or "\x00" in name:
        return "an empty name or a NUL character"
    if name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name):
        return "an absolute path or a backslash"
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "'..', '.' or an empty folder name"
    return None


def scan_zip(path: Path, zf: zipfile.ZipFile) -> tuple[str, list[Entry], list[zipfile.ZipInfo]]:
    """(top folder, files inside it, their ZipInfos) of an archive; PackageProblem when it is unsafe."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackageProblem(f"{path}: {len(infos)} entries; a package holds at most {MAX_ENTRIES}")
    seen: set[str] = set()
    files: list[zipfile.ZipInfo] = []
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        problem = _unsafe_name(name)
        if problem:
            raise PackageProblem(f"{path}: unsafe path inside the archive: {name!r} ({problem})")
        mode = (info.external_attr >> 16) & 0o170000      # the file type, where a Unix zip recorded one
        is_dir = name.endswith("/") or stat.S_ISDIR(mode)
        if mode and not is_dir and not stat.S_ISREG(mode):
            raise PackageProblem(f"{path}: {name} is {kind_of(mode)} in the archive; a package holds only regular "
                                 "files and folders")
        key = name.rstrip("/")
        if key in seen:
            raise PackageProblem(f"{path}: {name} is in the archive twice")
        seen.add(key)
        tops.add(key.split("/")[0])
        if not is_dir:
            files.append(info)
            total += info.file_size
    _check_total(str(path), total, len(files), os.path.getsize(path))
    if len(tops) != 1 or not any("/" in i.filename.rstrip("/") for i in files):
        listed = ", ".join(sorted(tops)[:4]) or "nothing"
        raise PackageProblem(f"{path}: expected everything under one top folder, found {listed}")
    top = tops.pop()
    if top in seen and any(i.filename.rstrip("/") == top and not i.filename.endswith("/") for i in files):
        raise PackageProblem(f"{path}: {top} is both a file and the top folder")
    entries = [Entry(i.filename[len(top) + 1:], i.file_size) for i in files]
    return top, entries, files


def _write_new(dest: Path, chunks, limit: int, where: str) -> int:
    """Write `chunks` to a new file (never through a link); stop past `limit` bytes."""
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o644)
    written = 0
    with os.fdopen(fd, "wb") as out:
        for chunk in chunks:
            written += len(chunk)
            if written > limit:
                raise PackageProblem(f"{where}: holds more bytes than it declares; not installed")
            out.write(chunk)
    return written


def _inside(root: Path, inner: str) -> Path:
    target = root.joinpath(*PurePosixPath(inner).parts)
    if os.path.commonpath([str(root), str(target)]) != str(root):
        raise PackageProblem(f"{inner}: would be written outside the package folder")
    return target


def extract_zip(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], top: str, dest: Path, where: str) -> None:
    """Unpack the checked files of `top/` into `dest` (the new package folder) and nothing else."""
    dest.mkdir()
    budget = sum(i.file_size for i in infos)
    written = 0
    for info in infos:
        target = _inside(dest, info.filename[len(top) + 1:])
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src:
            written += _write_new(target, iter(lambda: src.read(_CHUNK), b""), info.file_size, f"{where}: {info.filename}")
        if written > budget:
            raise PackageProblem(f"{where}: unpacks to more than it declares; not installed")


def copy_folder(source: Path, entries: list[Entry], dest: Path) -> None:
    """Copy the checked files of a package folder into `dest`, reading none of them through a link."""
    dest.mkdir()
    for entry in entries:
        target = _inside(dest, entry.inner)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            data = read_inside(source, source.joinpath(*entry.inner.split("/")), entry.size)
        except UnsafePath as exc:
            raise PackageProblem(f"{source}: {entry.inner} {exc.strerror}") from None
        except OSError as exc:
            if exc.errno == errno.EFBIG:
                raise PackageProblem(f"{source}: {entry.inner} grew while it was copied") from None
            raise
        _write_new(target, [data], entry.size, f"{source}: {entry.inner}")


# --- metadata ------------------------------------------------------------------------------------

def parse_metadata(where: str, raw: bytes) -> dict:
    """metadata.json as a mapping; PackageProblem when it is not JSON, too big or too deep."""
    if len(raw) > MAX_METADATA_BYTES:
        raise PackageProblem(f"{where}: metadata.json is larger than {MAX_METADATA_BYTES // 1024} KB")
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageProblem(f"{where}: metadata.json is not valid JSON ({exc})") from None
    except RecursionError:
        raise PackageProblem(f"{where}: metadata.json is nested too deeply") from None
    if not isinstance(metadata, dict):
        raise PackageProblem(f"{where}: metadata.json must hold a JSON object")
    return metadata


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def metadata_problem(metadata: dict, kinds: tuple[str, ...]) -> str | None:
    """The first value of a package's metadata whose type or form is wrong, or None."""
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value:
            return f"{key} must be a language code (text), got {_type_name(value) if value is not None else 'nothing'}"
        if not _LANG_CODE.match(value):
            return f"{key} {value[:20]!r} is not a language code"
    if metadata["from_code"] == metadata["to_code"]:
        return f"from_code and to_code are both {metadata['from_code']!r}: a model translates between two languages"
    kind = metadata.get("type", "translate")
    if kind != "translate":
        shown = repr(kind) if isinstance(kind, str) else _type_name(kind)
        return f"a {shown[:40]} package, not a translation model"
    version = metadata.get("package_version", "0")
    if isinstance(version, bool) or not isinstance(version, (str, int, float)) or len(str(version)) > 40:
        return f"package_version must be text such as \"1.0\", got {_type_name(version)}"
    for key in ("source_prefix", "target_prefix", "license", "licence", "from_name", "to_name", "name",
                "argos_version", "hawal_base_model"):
        value = metadata.get(key)
        if value is not None and not (isinstance(value, str) and len(value) <= 500) and not (
                key == "argos_version" and isinstance(value, (int, float)) and not isinstance(value, bool)):
            return f"{key} must be text, got {_type_name(value)}"
        if isinstance(value, str) and any(ord(c) < 32 for c in value):
            return f"{key} holds a control character"
    if metadata.get("hawal_kind") is not None and metadata["hawal_kind"] not in kinds:
        return f"hawal_kind must be one of {', '.join(kinds)}"
    links = metadata.get("links", [])
    if not isinstance(links, list):
        return f"links must be a list of URLs, got {_type_name(links)}"
    for link in links[:100]:
        problem = url_problem(link, relative=False, what="a link")
        if problem:
            return f"links: {problem}"
    return None


def links_outside(folder: Path, allowed: Path) -> str | None:
    """The first symbolic link in an installed package that leads outside `allowed` (the models
    folder), or is a loop; None when every link stays inside (packs made by `pack-nllb` share
    weights through relative links)."""
    allowed = allowed.resolve()
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                try:
                    target = Path(entry.path).resolve(strict=True)
                except (OSError, RuntimeError):
                    return f"{Path(entry.path).relative_to(folder)} is a broken link or a link loop"
                if allowed not in target.parents:
                    return f"{Path(entry.path).relative_to(folder)} links outside the models folder ({target})"
                if target.is_dir():
                    return f"{Path(entry.path).relative_to(folder)} links to a folder"
            elif entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
    return None
