"""Translation models on disk: argos packages found, checked, installed, and routes between languages.

Discovery reads packages through `argostranslate.package.Package` (metadata and tokenizer); the
install itself is ours because argos's `install_from_path` imports `argostranslate.translate`
(torch, network) and unpacks without checking. Packages are validated completely before anything
is written, then unpacked beside the models folder and moved into place in one rename.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Sequence

from ..contentfs import read_inside
from ..errors import InputError
from .packagefs import (MAX_METADATA_BYTES, Entry, PackageProblem, copy_folder, extract_zip, links_outside,
                        metadata_problem, parse_metadata, scan_folder, scan_zip)
from ..langs import DEFAULT_SITE_LANGUAGES, from_argos, nllb_token, pivot as pivot_language, to_argos

NLLB_KIND = "nllb-packed"
ARGOS_KIND = "argos-native"


class PackageError(InputError):
    """A package file or folder cannot be installed; the message says which and why."""


@dataclass(frozen=True)
class InstalledModel:
    """One installed argos package for one direction."""

    from_code: str
    to_code: str
    name: str                         # the package folder's name
    version: str
    path: Path
    kind: str                         # "argos-native" | "nllb-packed"
    licence: str
    source_prefix: str = ""           # NLLB source language token
    target_prefix: str = ""           # NLLB target language token
    model_name: str = ""              # the model in words, for readers ("NLLB-200")
    credit: str = ""                  # who made it, as its licence asks to be credited
    package: object = field(default=None, repr=False, compare=False)    # argostranslate.package.Package

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_file(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    def identity(self) -> str:
        """Stable name of the model for the translation memory: package, direction and weights."""
        return f"{self.name}:{self.from_code}-{self.to_code}"

    def version_key(self) -> str:
        """Package version plus a fingerprint of the weights, so a replaced model never reuses old output."""
        return f"{self.version}#{weights_fingerprint(self.model_dir / 'model.bin')}"

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def weights_fingerprint(model_bin: Path) -> str:
    """A cheap fingerprint of a weights file: its size and its first and last MiB."""
    try:
        size = model_bin.stat().st_size
        digest = hashlib.sha1(str(size).encode())
        with open(model_bin, "rb") as f:
            digest.update(f.read(1 << 20))
            if size > 2 << 20:
                f.seek(-(1 << 20), os.SEEK_END)
                digest.update(f.read())
        return digest.hexdigest()[:12]
    except OSError:
        return "absent"


def _argos_package_module():
    """argostranslate.package, imported on first use (its settings module reads the environment then)."""
    from argostranslate import package

    return package


def default_models_dirs() -> list[Path]:
    """argos's own package folders: ARGOS_PACKAGES_DIR, else ~/.local/share/argos-translate/packages."""
    from argostranslate import settings

    return [Path(p) for p in settings.package_dirs]


def models_dirs(models_dir: Path | None) -> list[Path]:
    """The folders searched for packages: `translation.models_dir` if set, else argos's usual ones."""
    return [Path(models_dir)] if models_dir else default_models_dirs()


def install_dir(models_dir: Path | None) -> Path:
    """Where `models install` puts packages."""
    return models_dirs(models_dir)[0]


def read_model(folder: Path) -> InstalledModel:
    """Read one unpacked package folder through argos; PackageError when it is not usable."""
    if not (folder / "metadata.json").is_file() or (folder / "metadata.json").is_symlink():
        raise PackageError(f"{folder}: no metadata.json")
    try:
        metadata = parse_metadata(str(folder), (folder / "metadata.json").read_bytes()[:MAX_METADATA_BYTES + 1])
        problem = metadata_problem(metadata, (NLLB_KIND, ARGOS_KIND)) or links_outside(folder, folder.parent)
    except PackageProblem as exc:
        raise PackageError(str(exc)) from None
    except OSError as exc:
        raise PackageError(f"{folder}: metadata.json cannot be read: {exc.strerror}") from None
    if problem:
        raise PackageError(f"{folder}: {problem}")
    try:
        pkg = _argos_package_module().Package(folder)
    except Exception as exc:         # argos reads more than metadata.json; whatever it trips on, skip the package
        raise PackageError(f"{folder}: argos cannot read the package: {type(exc).__name__}: {exc}") from None
    if getattr(pkg, "type", "translate") != "translate" or not pkg.from_code or not pkg.to_code:
        raise PackageError(f"{folder}: not a translation package (metadata.json needs from_code and to_code)")
    if not (folder / "model" / "model.bin").is_file():
        raise PackageError(f"{folder}: no CTranslate2 model (model/model.bin is missing)")
    if not (folder / "sentencepiece.model").is_file():
        raise PackageError(f"{folder}: no sentencepiece.model (hawal runs SentencePiece packages only)")
    target_prefix = metadata.get("target_prefix", "") or ""
    source_prefix = metadata.get("source_prefix", "") or ""
    if target_prefix and not source_prefix:     # argos metadata has no source token; NLLB needs one
        source_prefix = nllb_token(from_argos(pkg.from_code))
    kind = metadata.get("hawal_kind") or (NLLB_KIND if target_prefix else ARGOS_KIND)
    licence = metadata.get("license") or metadata.get("licence") or ("CC-BY-NC-4.0" if kind == NLLB_KIND else "not stated")
    # Packages name languages by argos codes; the rest of hawal by the codes of hawal/langs/.
    model_name, credit = _model_words(metadata, kind)
    return InstalledModel(from_argos(pkg.from_code), from_argos(pkg.to_code), folder.name,
                          str(pkg.package_version or "0"), folder, kind, str(licence), source_prefix, target_prefix,
                          model_name, credit, pkg)


def _model_words(metadata: dict, kind: str) -> tuple[str, str]:
    """(the model in words, its credit) from a package's metadata: `model_name` and `credit` when the
    package states them, else what its kind implies."""
    name = str(metadata.get("model_name") or "").strip()
    credit = str(metadata.get("credit") or "").strip()
    if kind == NLLB_KIND:
        return name or "NLLB-200", credit or NLLB_CREDIT
    return name or "Argos Translate", credit or "Argos Open Technologies"


@dataclass
class Discovery:
    models: list[InstalledModel]
    problems: list[str]               # folders that look like packages but cannot be used
    searched: list[Path]


def discover_models(models_dir: Path | None) -> Discovery:
    """Every usable package in the models folder(s), plus a line for each broken one."""
    found: list[InstalledModel] = []
    problems: list[str] = []
    searched = models_dirs(models_dir)
    for directory in searched:
        if not directory.is_dir():
            continue
        for folder in sorted(directory.iterdir()):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            try:
                found.append(read_model(folder))
            except PackageError as exc:
                problems.append(str(exc))
    return Discovery(found, problems, searched)


def _version_order(version: str):
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version), "")
    except InvalidVersion:
        return (0, Version("0"), version)


def best_models(models: Iterable[InstalledModel]) -> dict[tuple[str, str], InstalledModel]:
    """One model per direction: the highest package version (then name, for determinism)."""
    best: dict[tuple[str, str], InstalledModel] = {}
    for m in sorted(models, key=lambda m: (_version_order(m.version), m.name)):
        best[(m.from_code, m.to_code)] = m
    return best


def find_route(by_pair: dict[tuple[str, str], InstalledModel], src: str, tgt: str) -> list[InstalledModel] | None:
    """Models to go from src to tgt: direct, else through the pivot language (English); None when
    neither exists."""
    if (src, tgt) in by_pair:
        return [by_pair[(src, tgt)]]
    pivot = pivot_language()
    if pivot not in (src, tgt) and (src, pivot) in by_pair and (pivot, tgt) in by_pair:
        return [by_pair[(src, pivot)], by_pair[(pivot, tgt)]]
    return None


# --- checking and installing -------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedPackage:
    source: Path
    top: str                          # the package's folder name
    from_code: str
    to_code: str
    version: str
    entries: tuple[Entry, ...] = ()   # the regular files it holds, as checked


def _check_metadata(where: str, raw: bytes) -> dict:
    try:
        metadata = parse_metadata(where, raw)
    except PackageProblem as exc:
        raise PackageError(str(exc)) from None
    if not metadata.get("from_code") or not metadata.get("to_code"):
        raise PackageError(f"{where}: metadata.json needs from_code and to_code")
    problem = metadata_problem(metadata, (NLLB_KIND, ARGOS_KIND))
    if problem:
        raise PackageError(f"{where}: metadata.json: {problem}")
    return metadata


def check_package(path: Path) -> CheckedPackage:
    """Check an `.argosmodel` file or unpacked package folder completely; PackageError if unusable."""
    path = Path(path)
    if not path.exists():
        raise PackageError(f"{path}: no such file or folder")
    if path.is_symlink() and path.is_dir():
        path = path.resolve()            # a link named on the command line is the user's choice
    try:
        if path.is_dir():
            entries = scan_folder(path)
            inner = {e.inner for e in entries}
            if "metadata.json" not in inner:
                raise PackageError(f"{path}: no metadata.json in the folder")
            metadata = _check_metadata(str(path), read_inside(path, path / "metadata.json", MAX_METADATA_BYTES))
            top = path.name
        else:
            if not path.is_file() or not zipfile.is_zipfile(path):
                raise PackageError(f"{path}: not an argos package (not a zip archive)")
            with zipfile.ZipFile(path) as zf:
                top, entries, infos = scan_zip(path, zf)
                inner = {e.inner for e in entries}
                if "metadata.json" not in inner:
                    raise PackageError(f"{path}: no metadata.json in {top}/")
                info = next(i for i in infos if i.filename == f"{top}/metadata.json")
                if info.file_size > MAX_METADATA_BYTES:
                    raise PackageError(f"{path}: metadata.json is larger than {MAX_METADATA_BYTES // 1024} KB")
                metadata = _check_metadata(str(path), zf.read(info))
    except PackageProblem as exc:
        raise PackageError(str(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise PackageError(f"{path}: a damaged archive ({exc})") from None
    if "model/model.bin" not in inner:
        raise PackageError(f"{path}: no CTranslate2 model (model/model.bin is missing)")
    if "sentencepiece.model" not in inner:
        raise PackageError(f"{path}: no sentencepiece.model (hawal runs SentencePiece packages only)")
    if top.startswith("."):
        raise PackageError(f"{path}: the package folder name {top!r} starts with a dot")
    return CheckedPackage(path, top, str(metadata["from_code"]), str(metadata["to_code"]),
                          str(metadata.get("package_version", "0")), tuple(entries))


def install_packages(paths: Sequence[Path], models_dir: Path | None) -> list[InstalledModel]:
    """Check every package first, then install them all; a bad one means none is installed."""
    checked = [check_package(Path(p)) for p in paths]
    tops = [c.top for c in checked]
    if len(set(tops)) != len(tops):
        raise PackageError(f"two packages share the folder name {next(t for t in tops if tops.count(t) > 1)!r}")
    target_dir = install_dir(models_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    return [_install_checked(c, target_dir) for c in checked]


def _install_checked(checked: CheckedPackage, target_dir: Path) -> InstalledModel:
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target_dir))
    try:
        unpacked = staging / checked.top
        try:
            if checked.source.is_dir():
                copy_folder(checked.source, list(checked.entries), unpacked)
            else:
                with zipfile.ZipFile(checked.source) as zf:
                    top, _entries, infos = scan_zip(checked.source, zf)       # the file may have changed since
                    extract_zip(zf, infos, top, unpacked, str(checked.source))
        except PackageProblem as exc:
            raise PackageError(str(exc)) from None
        except (zipfile.BadZipFile, EOFError) as exc:
            raise PackageError(f"{checked.source}: a damaged archive ({exc})") from None
        read_model(unpacked)                          # argos must be able to read what we put in place
        final = target_dir / checked.top
        old = None
        if final.exists():                            # an update: swap in the new one, then drop the old
            old = staging / ".previous"
            final.rename(old)
        unpacked.rename(final)
        return read_model(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# --- NLLB ----------------------------------------------------------------------------------------

NLLB_CREDIT = "Meta AI, No Language Left Behind"
NLLB_LICENCE = ("NLLB-200 is licensed CC-BY-NC 4.0 (Creative Commons Attribution-NonCommercial): "
                "non-commercial use only; credit Meta AI's No Language Left Behind.")
_NLLB_TOKENIZER_NAMES = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model")


def _read_vocabulary(ct2_dir: Path) -> list[str]:
    for name in ("shared_vocabulary.json", "target_vocabulary.json"):
        if (ct2_dir / name).is_file():
            return json.loads((ct2_dir / name).read_text(encoding="utf-8"))
    for name in ("shared_vocabulary.txt", "target_vocabulary.txt"):
        if (ct2_dir / name).is_file():
            return (ct2_dir / name).read_text(encoding="utf-8").splitlines()
    raise PackageError(f"{ct2_dir}: no vocabulary file (shared_vocabulary.json) — is this a CTranslate2 model folder?")


def parse_nllb_langs(spec: str) -> dict[str, str]:
    """`en,ar,ckb` (or `fa:pes_Arab` for a language hawal has no token for) → {code: NLLB token}."""
    tokens: dict[str, str] = {}
    for item in filter(None, (s.strip() for s in spec.split(","))):
        code, _, token = item.partition(":")
        token = token or nllb_token(code)
        if not token:
            raise PackageError(f"--langs: no NLLB token known for {code!r}; write it as {code}:xxx_Xxxx")
        tokens[code] = token
    if len(tokens) < 2:
        raise PackageError(f"--langs: name at least two languages, e.g. {','.join(DEFAULT_SITE_LANGUAGES)}")
    return tokens


def _link_or_copy(src: Path, dst: Path, *, symlink: bool = True) -> str:
    """Hard link, else (if allowed) a relative symlink, else a copy; says which it made."""
    try:
        os.link(src, dst)
        return "hard link"
    except OSError:
        pass
    if symlink:
        try:
            os.symlink(os.path.relpath(src.resolve(), dst.parent.resolve()), dst)
            return "symlink"
        except OSError:
            pass
    shutil.copy2(src, dst)
    return "copy"


def pack_nllb(ct2_dir: Path, langs: dict[str, str], models_dir: Path | None, *, version: str = "1.0",
              tokenizer: Path | None = None) -> list[InstalledModel]:
    """Install an argos package for every direction between `langs` from one NLLB CTranslate2 folder,
    all sharing one copy of the weights (hard links, else symlinks)."""
    ct2_dir = Path(ct2_dir)
    if not (ct2_dir / "model.bin").is_file():
        raise PackageError(f"{ct2_dir}: no model.bin — expected a CTranslate2 conversion of an NLLB model")
    vocabulary = set(_read_vocabulary(ct2_dir))
    absent = [f"{code} ({token})" for code, token in langs.items() if token not in vocabulary]
    if absent:
        raise PackageError(f"{ct2_dir}: the model has no language token for {', '.join(absent)}")
    if tokenizer is None:
        tokenizer = next((ct2_dir / n for n in _NLLB_TOKENIZER_NAMES if (ct2_dir / n).is_file()), None)
    if tokenizer is None or not Path(tokenizer).is_file():
        raise PackageError(f"{ct2_dir}: no SentencePiece tokenizer (sentencepiece.bpe.model); pass --tokenizer PATH")
    target_dir = install_dir(models_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    weight_files = [p for p in sorted(ct2_dir.iterdir()) if p.is_file() and p.name not in _NLLB_TOKENIZER_NAMES]
    base = ct2_dir.resolve().name
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=target_dir))
    try:
        first_model: Path | None = None
        names = []
        for src in langs:
            for tgt in langs:
                if src == tgt:
                    continue
                name = f"nllb-{src}_{tgt}-{version.replace('.', '_')}"
                folder = staging / name
                (folder / "model").mkdir(parents=True)
                # The first package links to CT2_DIR (or holds the one copy when that is on another
                # disk); every other package links to the first, so the weights exist once. Symlinks
                # are relative and stay inside the models folder, so moving packages into place keeps them.
                origin = first_model or ct2_dir
                for f in weight_files:
                    _link_or_copy(origin / f.name, folder / "model" / f.name, symlink=first_model is not None)
                _link_or_copy(first_model.parent / "sentencepiece.model" if first_model else Path(tokenizer),
                              folder / "sentencepiece.model", symlink=first_model is not None)
                first_model = first_model or folder / "model"
                metadata = {
                    "package_version": version, "argos_version": "1.11", "type": "translate",
                    "from_code": to_argos(src), "to_code": to_argos(tgt), "from_name": src, "to_name": tgt,
                    "source_prefix": langs[src], "target_prefix": langs[tgt],
                    "license": "CC-BY-NC-4.0", "hawal_kind": NLLB_KIND, "hawal_base_model": base, "links": [],
                    "model_name": "NLLB-200", "credit": NLLB_CREDIT,
                }
                (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
                (folder / "README.md").write_text(f"{src}→{tgt} from {base}, packed by hawal.\n\n{NLLB_LICENCE}\n",
                                                  encoding="utf-8")
                names.append(name)
        installed = []
        for name in names:
            final = target_dir / name
            if final.exists():
                shutil.rmtree(final)
            (staging / name).rename(final)
            installed.append(read_model(final))
        return installed
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def distinct_size(models: Iterable[InstalledModel]) -> int:
    """Bytes on disk for a set of packages, counting hard-linked files once and symlinks not at all."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for m in models:
        for p in m.path.rglob("*"):
            if p.is_symlink() or not p.is_file():
                continue
            st = p.stat()
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total
