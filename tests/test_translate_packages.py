"""Model packages: install (and refusing bad ones), discovery, routes, NLLB packing, `models` CLI."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

import model_factory as mf    # noqa: F401  (first: keeps argos's settings out of the home folder)
from hawal.translate import cli as models_cli
from hawal.translate.packages import (PackageError, best_models, check_package, discover_models, find_route,
                                      install_packages, pack_nllb, parse_nllb_langs)


def run_cli(tmp_path: Path, *argv: str, models_dir: Path | None = None, languages=("en", "ar", "ckb")) -> int:
    config = tmp_path / "config.yaml"
    lines = ["languages: [" + ", ".join(languages) + "]"]
    if models_dir is not None:
        lines += ["translation:", f"  models_dir: {models_dir}"]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return models_cli.main(["--config", str(config), "models", *argv])


def test_install_argosmodel_file_puts_a_readable_package_in_models_dir(tmp_path):
    archive = mf.make_argos_package(tmp_path / "dl", "en", "ar", version="1.2")
    installed = install_packages([archive], tmp_path / "models")
    assert [(m.from_code, m.to_code, m.version, m.kind) for m in installed] == [("en", "ar", "1.2", "argos-native")]
    found = discover_models(tmp_path / "models")
    assert [m.path for m in found.models] == [installed[0].path] and not found.problems
    assert (installed[0].model_dir / "model.bin").is_file()
    assert not [p for p in (tmp_path / "models").iterdir() if p.name.startswith(".")]    # no staging left


def test_install_unpacked_folder_and_reinstall_replaces_it(tmp_path):
    folder = mf.make_package_dir(tmp_path / "src", "ar", "en")
    first = install_packages([folder], tmp_path / "models")[0]
    second = install_packages([folder], tmp_path / "models")[0]
    assert first.path == second.path and len(discover_models(tmp_path / "models").models) == 1


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


META = json.dumps({"from_code": "en", "to_code": "ar", "package_version": "1.0"}).encode()


@pytest.mark.parametrize("files, message", [
    (None, "not a zip archive"),
    ({"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"}, "no metadata.json"),
    ({"a/metadata.json": META, "b/model/model.bin": b"x"}, "one top folder"),
    ({"metadata.json": META, "model/model.bin": b"x"}, "one top folder"),
    ({"pkg/metadata.json": META, "pkg/sentencepiece.model": b"x"}, "model/model.bin is missing"),
    ({"pkg/metadata.json": META, "pkg/model/model.bin": b"x"}, "no sentencepiece.model"),
    ({"pkg/metadata.json": b"{not json", "pkg/model/model.bin": b"x"}, "not valid JSON"),
    ({"pkg/metadata.json": b'{"from_code": "en"}', "pkg/model/model.bin": b"x"}, "needs from_code and to_code"),
    ({"pkg/metadata.json": META, "pkg/../../evil": b"x"}, "unsafe path"),
])
def test_bad_package_files_are_refused_with_a_clear_reason(tmp_path, files, message):
    path = tmp_path / "bad.argosmodel"
    if files is None:
        path.write_text("this is not a zip file")
    else:
        _zip(path, files)
    with pytest.raises(PackageError, match=message):
        check_package(path)


def test_one_bad_package_among_several_installs_nothing(tmp_path, capsys):
    good = mf.make_argos_package(tmp_path / "dl", "en", "ar")
    bad = _zip(tmp_path / "dl" / "bad.argosmodel", {"pkg/metadata.json": META})
    code = run_cli(tmp_path, "install", str(good), str(bad), models_dir=tmp_path / "models")
    err = capsys.readouterr().err
    assert code == 1 and "bad.argosmodel" in err and "nothing was installed" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert discover_models(tmp_path / "models").models == []


def test_cli_install_then_list_shows_pair_version_kind_licence_and_routes(tmp_path, capsys):
    models = tmp_path / "models"
    files = [mf.make_argos_package(tmp_path / "dl", a, b) for a, b in [("en", "ar"), ("ckb", "en")]]
    assert run_cli(tmp_path, "install", *map(str, files), models_dir=models) == 0
    assert "installed en→ar" in capsys.readouterr().out
    assert run_cli(tmp_path, "list", models_dir=models) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "translate-en_ar" in line and "argos-native" in line)
    assert row.split()[:4] == ["en", "ar", "translate-en_ar-1_0", "1.0"] and "MIT" in row and str(models) in row
    assert "ckb→ar: via English (translate-ckb_en-1_0 + translate-en_ar-1_0)" in out
    assert "en→ar: direct" in out
    assert "ar→en: missing" in out and "ar→en: no model" in out      # with the way to install it


def test_discovery_skips_broken_folders_and_reports_them(tmp_path):
    mf.install_test_models(tmp_path / "models", [("en", "ar")])
    (tmp_path / "models" / "leftover").mkdir()
    found = discover_models(tmp_path / "models")
    assert [m.to_code for m in found.models] == ["ar"]
    assert any("leftover" in p and "metadata.json" in p for p in found.problems)


def test_default_models_dir_is_argos_package_dir(tmp_path, monkeypatch):
    from argostranslate import settings

    monkeypatch.setattr(settings, "package_dirs", [tmp_path / "argos"])
    mf.install_test_models(tmp_path / "argos", [("en", "ckb")])
    assert [(m.from_code, m.to_code) for m in discover_models(None).models] == [("en", "ckb")]
    archive = mf.make_argos_package(tmp_path / "dl", "ckb", "en")
    install_packages([archive], None)
    assert len(discover_models(None).models) == 2


def test_routes_direct_pivot_and_missing(tmp_path):
    mf.install_test_models(tmp_path / "models", [("en", "ar"), ("ckb", "en"), ("ar", "en")])
    by_pair = best_models(discover_models(tmp_path / "models").models)
    assert [m.name for m in find_route(by_pair, "en", "ar")] == ["translate-en_ar-1_0"]
    assert [(m.from_code, m.to_code) for m in find_route(by_pair, "ckb", "ar")] == [("ckb", "en"), ("en", "ar")]
    assert find_route(by_pair, "ar", "ckb") is None      # no en→ckb to finish the pivot
    assert find_route(by_pair, "en", "ckb") is None


def test_highest_package_version_wins(tmp_path):
    mf.install_test_models(tmp_path / "models", [("en", "ar")], version="1.9")
    mf.install_test_models(tmp_path / "models", [("en", "ar")], version="1.10")
    assert best_models(discover_models(tmp_path / "models").models)[("en", "ar")].version == "1.10"


def test_pack_nllb_makes_every_direction_sharing_one_copy_of_weights(tmp_path, capsys):
    ct2 = mf.make_nllb_ct2_dir(tmp_path / "nllb-ct2")
    assert run_cli(tmp_path, "pack-nllb", str(ct2), "--langs", "en,ar,ckb", models_dir=tmp_path / "models") == 0
    out = capsys.readouterr().out
    assert "CC-BY-NC" in out
    models = discover_models(tmp_path / "models").models
    assert sorted((m.from_code, m.to_code) for m in models) == sorted(
        (a, b) for a in ("en", "ar", "ckb") for b in ("en", "ar", "ckb") if a != b)
    inodes = {os.stat(m.model_dir / "model.bin").st_ino for m in models}
    assert inodes == {os.stat(ct2 / "model.bin").st_ino}         # one file, linked six times
    ckb_ar = next(m for m in models if (m.from_code, m.to_code) == ("ckb", "ar"))
    assert (ckb_ar.source_prefix, ckb_ar.target_prefix, ckb_ar.kind) == ("ckb_Arab", "arb_Arab", "nllb-packed")
    assert ckb_ar.licence == "CC-BY-NC-4.0"
    run_cli(tmp_path, "list", models_dir=tmp_path / "models")
    listing = capsys.readouterr().out
    assert "nllb-packed" in listing and "CC-BY-NC" in listing and "ckb→ar: direct" in listing


def test_pack_nllb_falls_back_to_symlinks_when_hard_links_fail(tmp_path, monkeypatch):
    ct2 = mf.make_nllb_ct2_dir(tmp_path / "nllb-ct2")

    def no_hard_links(src, dst):
        raise OSError("cross-device link")

    monkeypatch.setattr(os, "link", no_hard_links)
    models = pack_nllb(ct2, parse_nllb_langs("en,ar"), tmp_path / "models")
    weights = sorted(m.model_dir / "model.bin" for m in models)
    real = [p for p in weights if not p.is_symlink()]
    assert len(real) == 1 and real[0].resolve() != (ct2 / "model.bin").resolve()   # one copy of a foreign disk
    assert all(p.resolve() == real[0].resolve() for p in weights)


def test_pack_nllb_refuses_languages_the_model_lacks(tmp_path):
    ct2 = mf.make_nllb_ct2_dir(tmp_path / "nllb-ct2")
    with pytest.raises(PackageError, match="no language token for fa"):
        pack_nllb(ct2, parse_nllb_langs("en,fa"), tmp_path / "models")
    with pytest.raises(PackageError, match="no NLLB token known"):
        parse_nllb_langs("en,xx")
    assert not (tmp_path / "models").exists() or discover_models(tmp_path / "models").models == []


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_install_from_index_offline_says_so_in_one_line(tmp_path, capsys):
    import socket

    with pytest.raises(Exception):
        socket.socket().connect(("127.0.0.1", 9))       # the network really is unreachable here
    code = run_cli(tmp_path, "install", "--from-index", "en", "ar", models_dir=tmp_path / "models")
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "offline" in err and "models install FILE.argosmodel" in err
