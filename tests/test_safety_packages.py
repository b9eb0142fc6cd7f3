"""Model packages from outside: only regular files, nothing written outside the package folder,
unpacked size capped, metadata typed; a broken installed package is skipped with a warning."""
from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

import model_factory as mf    # noqa: F401  (first: keeps argos's settings out of the home folder)
from hawal.translate import cli as models_cli
from hawal.translate import packagefs
from hawal.translate.packages import PackageError, check_package, discover_models, install_packages

SECRET = b"secret bytes from outside the package"


@pytest.fixture(scope="module")
def good_folder(tmp_path_factory) -> Path:
    return mf.make_package_dir(tmp_path_factory.mktemp("src"), "en", "ar")


def copy_of(good_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "pkg" / good_folder.name
    shutil.copytree(good_folder, folder)
    return folder


def nothing_installed(models: Path) -> bool:
    return not models.exists() or not [p for p in models.iterdir()]


def outside_file(tmp_path: Path) -> Path:
    path = tmp_path / "outside.txt"
    path.write_bytes(SECRET)
    return path


@pytest.mark.parametrize("plant", [
    lambda folder, tmp: os.symlink(outside_file(tmp), folder / "NOTICE.txt"),
    lambda folder, tmp: os.symlink("/etc", folder / "etc"),
    lambda folder, tmp: os.symlink(".", folder / "model" / "again"),
    lambda folder, tmp: os.symlink("missing", folder / "dangling"),
    lambda folder, tmp: os.mkfifo(folder / "pipe"),
    lambda folder, tmp: (os.remove(folder / "sentencepiece.model"),
                         os.symlink(outside_file(tmp), folder / "sentencepiece.model")),
], ids=["file-link", "etc-link", "loop", "dangling", "fifo", "needed-file-is-a-link"])
def test_a_package_folder_holding_anything_but_regular_files_is_refused(good_folder, tmp_path, plant):
    folder = copy_of(good_folder, tmp_path)
    plant(folder, tmp_path)
    with pytest.raises(PackageError, match="a package holds only regular files"):
        install_packages([folder], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")


def _zip_with(tmp_path: Path, good_folder: Path, extra: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    archive = tmp_path / "pkg.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(good_folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{good_folder.name}/{path.relative_to(good_folder).as_posix()}")
        for info, data in extra:
            zf.writestr(info, data)
    return archive


def _special(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (mode | 0o777) << 16
    return info


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name, data, message", [
    ("../evil.txt", b"x", "unsafe path"),
    ("{top}/../../evil.txt", b"x", "unsafe path"),
    ("/tmp/evil.txt", b"x", "unsafe path"),
    ("{top}\\..\\..\\evil.txt", b"x", "unsafe path"),
    ("C:/evil.txt", b"x", "unsafe path"),
    ("{top}/./model/x", b"x", "unsafe path"),
    ("{top}//x", b"x", "unsafe path"),
    ("{top}/metadata.json", b"{}", "twice"),
    ("other/readme.txt", b"x", "one top folder"),
])
def test_archive_names_that_could_land_outside_the_package_are_refused(good_folder, tmp_path, name, data, message):
    archive = _zip_with(tmp_path, good_folder, [(name.format(top=good_folder.name), data)])
    with pytest.raises(PackageError, match=message):
        install_packages([archive], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()


@pytest.mark.parametrize("mode", [stat.S_IFLNK, stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK])
def test_archive_entries_that_are_not_regular_files_are_refused(good_folder, tmp_path, mode):
    archive = _zip_with(tmp_path, good_folder, [(_special(f"{good_folder.name}/link", mode), b"/etc/passwd")])
    with pytest.raises(PackageError, match="a package holds only regular files"):
        install_packages([archive], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")


def test_a_decompression_bomb_is_refused_before_anything_is_written(good_folder, tmp_path):
    archive = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(good_folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{good_folder.name}/{path.relative_to(good_folder).as_posix()}")
        with zf.open(f"{good_folder.name}/padding.bin", "w", force_zip64=True) as out:
            block = bytes(1 << 20)
            for _ in range(200):
                out.write(block)
    assert archive.stat().st_size < 1_500_000
    with pytest.raises(PackageError, match="would unpack to 200"):
        install_packages([archive], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")


def test_unpacked_size_and_file_count_are_capped(good_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(packagefs, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(PackageError, match="unpacks to .* more than"):
        install_packages([good_folder], tmp_path / "models")
    archive = mf.zip_package(good_folder, tmp_path / "p.argosmodel")
    with pytest.raises(PackageError, match="more than"):
        install_packages([archive], tmp_path / "models")
    monkeypatch.setattr(packagefs, "MAX_UNPACKED_BYTES", 16 * 1024**3)
    monkeypatch.setattr(packagefs, "MAX_ENTRIES", 3)
    with pytest.raises(PackageError, match="at most 3"):
        install_packages([archive], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")


def test_unpacking_stops_at_the_declared_size(good_folder, tmp_path):
    archive = mf.zip_package(good_folder, tmp_path / "p.argosmodel")
    with zipfile.ZipFile(archive) as zf:
        top, entries, infos = packagefs.scan_zip(archive, zf)
        big = max(infos, key=lambda i: i.file_size)
        big.file_size -= 1                                  # the archive lies about one file's size
        with pytest.raises((packagefs.PackageProblem, zipfile.BadZipFile)):
            packagefs.extract_zip(zf, infos, top, tmp_path / "out", str(archive))


@pytest.mark.parametrize("change, message", [
    ({"to_code": {"code": "ar"}}, "to_code must be a language code"),
    ({"from_code": ["en"]}, "from_code must be a language code"),
    ({"to_code": "en"}, "both 'en'"),
    ({"to_code": "../../x"}, "not a language code"),
    ({"package_version": ["1"]}, "package_version must be text"),
    ({"package_version": True}, "package_version must be text"),
    ({"target_prefix": 7}, "target_prefix must be text"),
    ({"license": {"x": 1}}, "license must be text"),
    ({"links": ["javascript:alert(1)"]}, "scheme 'javascript'"),
    ({"links": "https://example.org"}, "links must be a list"),
    ({"type": "sbd"}, "not a translation model"),
    ({"hawal_kind": "mystery"}, "hawal_kind must be one of"),
])
def test_metadata_types_are_checked_at_install(good_folder, tmp_path, change, message):
    folder = copy_of(good_folder, tmp_path)
    metadata = json.loads((folder / "metadata.json").read_text())
    metadata.update(change)
    (folder / "metadata.json").write_text(json.dumps(metadata))
    with pytest.raises(PackageError, match=message):
        check_package(folder)
    with pytest.raises(PackageError):
        install_packages([mf.zip_package(folder, tmp_path / "p.argosmodel")], tmp_path / "models")
    assert nothing_installed(tmp_path / "models")


def test_metadata_that_is_not_json_or_far_too_deep(good_folder, tmp_path):
    folder = copy_of(good_folder, tmp_path)
    (folder / "metadata.json").write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(PackageError, match="nested too deeply|JSON object"):
        check_package(folder)


def _install_broken(models: Path, good_folder: Path, change: dict | None = None, plant=None) -> Path:
    folder = models / "broken-en_ar"
    shutil.copytree(good_folder, folder)
    if change:
        metadata = json.loads((folder / "metadata.json").read_text())
        metadata.update(change)
        (folder / "metadata.json").write_text(json.dumps(metadata))
    if plant:
        plant(folder)
    return folder


@pytest.mark.parametrize("change, plant", [
    ({"to_code": {"code": "ar"}}, None),
    ({"to_code": "en", "from_code": "en"}, None),
    ({"package_version": [1, 2]}, None),
    (None, lambda folder: (os.remove(folder / "sentencepiece.model"),
                           os.symlink("/etc/passwd", folder / "sentencepiece.model"))),
    (None, lambda folder: (folder / "metadata.json").write_text("{broken")),
])
def test_a_broken_installed_package_is_skipped_with_a_warning(good_folder, tmp_path, capsys, change, plant):
    models = tmp_path / "models"
    install_packages([good_folder], models)
    _install_broken(models, good_folder, change, plant)
    found = discover_models(models)
    assert [m.path.name for m in found.models] == [good_folder.name]
    assert len(found.problems) == 1 and "broken-en_ar" in found.problems[0]
    config = tmp_path / "config.yaml"
    config.write_text(f"languages: [en, ar]\ntranslation:\n  models_dir: {models}\n")
    assert models_cli.main(["--config", str(config), "models", "list"]) == 0
    out = capsys.readouterr().out
    assert "cannot use:" in out and "broken-en_ar" in out and good_folder.name in out


def test_a_build_skips_a_broken_installed_package(make_project, good_folder, capsys):
    from hawal.pipeline import run_build
    from hawal.progress import Progress
    config = make_project({"2026/11/23/a.md": "---\ntitle: Dam\n---\nThe council met on Monday in Erbil.\n"})
    models = config.translation.models_dir
    _install_broken(models, good_folder, {"to_code": {"code": "ar"}})
    report = run_build(config, progress=Progress(quiet=False))
    assert report.ok
    assert "skipping a package that cannot be used" in capsys.readouterr().err
