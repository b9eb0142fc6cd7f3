"""publish: completed-build checks, the build lock, target configuration, the dir target and the CLI."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from hawal.cli import main
from hawal.config import Config, load_config
from hawal.output import BuildLock, write_build_marker
from hawal.publish import (BuildNotReady, TargetConfigError, load_completed_build, parse_targets,
                           publish_site)
from hawal.publish import dir_target

SITE_V1 = {
    "index.html": "<!doctype html><p>home</p>",
    "en/index.html": "<p>Council meets on the budget</p>",
    "en/feed.xml": "<feed/>",
    "ckb/index.html": "<p>ئەنجومەن کۆدەبێتەوە</p>",
    "static/site.css": "body{margin:0}",
    "en/old-story/index.html": "<p>a story withdrawn later</p>",
}
SITE_V2 = {
    **{k: v for k, v in SITE_V1.items() if k != "en/old-story/index.html"},
    "en/index.html": "<p>Council agrees the budget</p>",
    "ar/index.html": "<p>المجلس يوافق على الميزانية</p>",
}


def write_tree(folder: Path, files: dict[str, str | bytes]) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (what a target or site holds), but the publish manifest."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != dir_target.MANIFEST}


def as_bytes(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {k: v if isinstance(v, bytes) else v.encode("utf-8") for k, v in files.items()}


def make_site(root: Path, files: dict[str, str | bytes], publish: list) -> Config:
    """A project at `root` whose site/ holds `files` as a completed build, with `publish` targets."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(yaml.safe_dump({"output_dir": "site", "content_dir": "content",
                                                      "publish": publish}), encoding="utf-8")
    write_tree(root / "content", {"2026/11/24/council.md": "---\ntitle: Council\n---\nThe council met.\n"})
    rebuild(root, files)
    return load_config(root / "config.yaml")


def rebuild(root: Path, files: dict[str, str | bytes]) -> None:
    """Replace site/ with `files` the way a build finishes: new tree, then the marker."""
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    write_tree(site, files)
    site.mkdir(exist_ok=True)
    write_build_marker(root / ".hawal", site, len(files))


def run_cli(config: Config, *args: str) -> int:
    return main(["--config", str(config.root / "config.yaml"), "publish", *args])


# -- the completed build -----------------------------------------------------------------------------


def test_completed_build_lists_every_site_file(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [])
    site = load_completed_build(config)
    assert sorted(site.files) == sorted(SITE_V1)
    assert site.files["en/index.html"].size == len(SITE_V1["en/index.html"].encode())


def test_refuses_when_site_folder_is_missing(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": str(tmp_path / "www")}])
    shutil.rmtree(config.output_dir)
    assert run_cli(config) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "python build.py build" in err and "Traceback" not in err
    assert not (tmp_path / "www").exists()


def test_refuses_without_a_build_marker(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": str(tmp_path / "www")}])
    (config.root / ".hawal" / "last-build.json").unlink()
    assert run_cli(config) == 1
    assert "no completed build is recorded" in capsys.readouterr().err
    assert not (tmp_path / "www").exists()


def test_refuses_when_site_changed_after_the_marker(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [])
    marker = config.root / ".hawal" / "last-build.json"
    later = marker.stat().st_mtime + 5
    os.utime(config.output_dir / "en" / "index.html", (later, later))
    with pytest.raises(BuildNotReady, match="changed after the last completed build"):
        load_completed_build(config)


def test_refuses_when_site_file_count_differs_from_the_marker(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [])
    marker = config.root / ".hawal" / "last-build.json"
    (config.output_dir / "en" / "feed.xml").unlink()
    os.utime(marker)      # the marker is newer, yet the folder is not what the build wrote
    with pytest.raises(BuildNotReady, match="holds 5 files but the last completed build wrote 6"):
        load_completed_build(config)


def test_refuses_a_marker_for_another_output_folder(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [])
    write_build_marker(config.root / ".hawal", tmp_path / "elsewhere", len(SITE_V1))
    with pytest.raises(BuildNotReady, match="did not write"):
        load_completed_build(config)


def test_refuses_while_a_build_holds_the_lock(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": str(tmp_path / "www")}])
    lock = BuildLock(config.root / ".hawal").acquire(purpose="build")
    try:
        assert run_cli(config) == 1
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert "a build is running" in err and "build by pid" in err
    assert not (tmp_path / "www").exists()
    assert run_cli(config) == 0                       # once the build is done, publish goes ahead
    assert read_tree(tmp_path / "www") == as_bytes(SITE_V1)


def test_publish_holds_the_lock_so_a_build_cannot_start(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": str(tmp_path / "www")}])
    seen = []
    real = dir_target.DirTarget.publish

    def publish_and_try_a_build(self, site, dry_run=False):
        with pytest.raises(Exception, match="another build is running"):
            BuildLock(config.root / ".hawal").acquire()
        seen.append(True)
        return real(self, site, dry_run)

    dir_target.DirTarget.publish = publish_and_try_a_build
    try:
        publish_site(config, report=lambda line: None)
    finally:
        dir_target.DirTarget.publish = real
    assert seen == [True]


# -- configuration -----------------------------------------------------------------------------------


@pytest.mark.parametrize("entry, message", [
    ({"name": "x", "type": "ftp", "host": "h"}, "publish target 'x': unknown type 'ftp' (known: dir, git, rsync, s3)"),
    ({"name": "x", "type": "dir"}, "publish target 'x': missing key 'path' for type dir"),
    ({"name": "x", "type": "git"}, "publish target 'x': missing key 'repo' for type git"),
    ({"name": "x", "type": "rsync", "dest": "h:/w", "optoins": []}, "publish target 'x': unknown key 'optoins'"),
    ({"name": "x", "type": "s3"}, "publish target 'x': missing key 'bucket' for type s3"),
    ({"type": "dir", "path": "/tmp/w"}, "publish[0]: missing key 'name'"),
    ({"name": "x", "path": "/tmp/w"}, "publish target 'x': missing key 'type'"),
    ({"name": "x", "type": "rsync", "dest": "h:/w", "options": "--chmod=F644"}, "options: expected a list"),
    ({"name": "x", "type": "git", "repo": "r", "message": "Briefing {day}"}, "message: cannot fill 'day'"),
])
def test_bad_target_entries_give_one_clear_line(tmp_path, capsys, entry, message):
    config = make_site(tmp_path / "p", SITE_V1, [entry])
    assert run_cli(config) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_duplicate_target_names_are_refused(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": "a"},
                                                 {"name": "m", "type": "dir", "path": "b"}])
    with pytest.raises(TargetConfigError, match="'m': the name is used twice"):
        parse_targets(config.publish, config)


def test_unknown_target_name_on_the_command_line(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(tmp_path / "www")}])
    assert run_cli(config, "--target", "mirorr") == 2
    assert capsys.readouterr().err.strip() == "error: unknown publish target 'mirorr' (configured: mirror)"
    assert not (tmp_path / "www").exists()


def test_no_targets_configured(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [])
    assert run_cli(config) == 2
    assert "no publish targets" in capsys.readouterr().err


@pytest.mark.parametrize("path", ["site", "site/mirror", ".", "content"])
def test_dir_target_may_not_overlap_site_or_content(tmp_path, path):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": path}])
    with pytest.raises(TargetConfigError, match="overlaps"):
        parse_targets(config.publish, config)


def test_relative_paths_resolve_from_the_project(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": "../www"}])
    [target] = parse_targets(config.publish, config)
    assert target.path == (tmp_path / "www").resolve()


# -- dir target --------------------------------------------------------------------------------------


def test_dir_mirror_adds_changes_and_removes(tmp_path):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and read_tree(www) == as_bytes(SITE_V1)
    assert sorted(result.changes.added) == sorted(SITE_V1)

    write_tree(www, {"stray/by-hand.txt": "left by someone"})
    rebuild(config.root, SITE_V2)
    [result], failures = publish_site(config, report=lambda line: None, force=True)    # the stray file goes
    assert not failures
    assert result.changes.added == ["ar/index.html"]
    assert result.changes.changed == ["en/index.html"]
    assert result.changes.removed == ["en/old-story/index.html", "stray/by-hand.txt"]
    assert read_tree(www) == as_bytes(SITE_V2)
    assert not (www / "en" / "old-story").exists() and not (www / "stray").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".www")] == []   # nothing left beside it


def test_dir_second_publish_without_change_does_nothing(tmp_path):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    publish_site(config, report=lambda line: None)
    inode = www.stat().st_ino
    [result], _ = publish_site(config, report=lambda line: None)
    assert result.changes.empty and result.note == ""
    assert www.stat().st_ino == inode


def test_dir_unchanged_files_keep_their_identity(tmp_path):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    publish_site(config, report=lambda line: None)
    css = (www / "static" / "site.css").stat()
    rebuild(config.root, SITE_V2)
    publish_site(config, report=lambda line: None)
    after = (www / "static" / "site.css").stat()
    assert (after.st_ino, after.st_mtime_ns) == (css.st_ino, css.st_mtime_ns)
    assert (www / "en" / "index.html").read_bytes() == SITE_V2["en/index.html"].encode()


def test_dir_swap_happens_in_one_step_with_both_trees_complete(tmp_path, monkeypatch):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    publish_site(config, report=lambda line: None)
    rebuild(config.root, SITE_V2)
    calls = []
    real_exchange = dir_target.exchange_paths

    def watching_exchange(new_tree, target):
        calls.append((read_tree(Path(new_tree)), read_tree(Path(target))))
        return real_exchange(new_tree, target)

    monkeypatch.setattr(dir_target, "exchange_paths", watching_exchange)
    publish_site(config, report=lambda line: None)
    assert len(calls) == 1
    new_contents, target_contents = calls[0]
    assert new_contents == as_bytes(SITE_V2)             # the new tree was complete before the swap
    assert target_contents == as_bytes(SITE_V1)          # and readers saw the whole old site until then
    assert read_tree(www) == as_bytes(SITE_V2)


def test_dir_failure_mid_way_leaves_target_intact(tmp_path, monkeypatch):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    publish_site(config, report=lambda line: None)
    before = read_tree(www)
    rebuild(config.root, SITE_V2)
    site_before, content_before = read_tree(config.output_dir), read_tree(config.content_dir)
    copied = []
    real_copy = shutil.copy2

    def copy_then_fail(src, dst, *a, **kw):
        if copied:
            raise OSError(28, "No space left on device")
        copied.append(dst)
        return real_copy(src, dst, *a, **kw)

    monkeypatch.setattr(dir_target.shutil, "copy2", copy_then_fail)
    results, [failure] = publish_site(config, report=lambda line: None)
    assert results == []
    assert "mirror: mirroring failed at" in str(failure) and "No space left on device" in str(failure)
    assert "was left as it was" in str(failure)
    assert copied                                           # it really failed part-way
    assert read_tree(www) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".www")] == []
    assert read_tree(config.output_dir) == site_before and read_tree(config.content_dir) == content_before


def test_dir_fallback_swap_puts_the_old_tree_back_when_the_second_rename_fails(tmp_path, monkeypatch):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    publish_site(config, report=lambda line: None)
    rebuild(config.root, SITE_V2)
    monkeypatch.setattr(dir_target, "exchange_paths", lambda a, b: False)   # as on a kernel without renameat2
    real_rename = os.rename

    def rename_failing_into_place(src, dst):
        if Path(dst) == www and ".hawal-new-" in str(src):
            raise OSError(5, "Input/output error")
        return real_rename(src, dst)

    monkeypatch.setattr(dir_target.os, "rename", rename_failing_into_place)
    _, [failure] = publish_site(config, report=lambda line: None)
    assert "while swapping it in" in str(failure)
    assert read_tree(www) == as_bytes(SITE_V1)
    monkeypatch.setattr(dir_target.os, "rename", real_rename)
    _, failures = publish_site(config, report=lambda line: None)   # the two-rename path itself works
    assert not failures and read_tree(www) == as_bytes(SITE_V2)


def test_dir_recovers_a_target_moved_aside_by_a_killed_publish(tmp_path):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    write_tree(tmp_path / ".www.hawal-old-999", {"index.html": "previous",
                                                 dir_target.MANIFEST: '{"files": ["index.html"]}'})
    write_tree(tmp_path / ".www.hawal-new-999", {"index.html": "half"})
    [result], _ = publish_site(config, names=["mirror"], report=lambda line: None)
    assert result.changes.changed == ["index.html"]        # compared with the recovered old tree
    assert read_tree(www) == as_bytes(SITE_V1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p", "www"]


# -- dry run and the command line --------------------------------------------------------------------


def test_dry_run_lists_changes_and_changes_nothing(tmp_path, capsys):
    www = tmp_path / "www"
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "mirror", "type": "dir", "path": str(www)}])
    assert run_cli(config) == 0
    rebuild(config.root, SITE_V2)
    before = read_tree(www)
    site_before, content_before = read_tree(config.output_dir), read_tree(config.content_dir)
    capsys.readouterr()
    assert run_cli(config, "--dry-run") == 0
    assert capsys.readouterr().out.splitlines() == [f"mirror (dir {www}): would add 1, change 1, remove 1"]
    assert run_cli(config, "--dry-run", "--verbose") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"mirror (dir {www}): would add 1, change 1, remove 1"
    assert out[1:] == ["  + ar/index.html", "  ~ en/index.html", "  - en/old-story/index.html"]
    assert read_tree(www) == before
    assert read_tree(config.output_dir) == site_before and read_tree(config.content_dir) == content_before


def test_target_option_publishes_only_the_named_targets(tmp_path, capsys):
    config = make_site(tmp_path / "p", SITE_V1, [
        {"name": "one", "type": "dir", "path": str(tmp_path / "one")},
        {"name": "two", "type": "dir", "path": str(tmp_path / "two")},
        {"name": "three", "type": "dir", "path": str(tmp_path / "three")}])
    assert run_cli(config, "--target", "three", "--target", "one") == 0
    assert (tmp_path / "one").is_dir() and (tmp_path / "three").is_dir() and not (tmp_path / "two").exists()
    out = capsys.readouterr().out
    assert out.index("one (dir") < out.index("three (dir")             # config order


def test_a_failing_target_does_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "afile").write_text("not a folder")
    config = make_site(tmp_path / "p", SITE_V1, [
        {"name": "broken", "type": "dir", "path": str(tmp_path / "afile")},
        {"name": "good", "type": "dir", "path": str(tmp_path / "good")}])
    assert run_cli(config) == 1
    captured = capsys.readouterr()
    assert "error: broken: " in captured.err and "is not a folder" in captured.err
    assert "good (dir" in captured.out and read_tree(tmp_path / "good") == as_bytes(SITE_V1)
    assert (tmp_path / "afile").read_text() == "not a folder"


def test_publish_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["publish", "--help"])
    out = capsys.readouterr().out
    assert "--dry-run" in out and "--target" in out


def test_a_second_publish_at_the_same_time_is_refused(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [{"name": "m", "type": "dir", "path": str(tmp_path / "www")}])
    from hawal.publish import PublishLock
    with PublishLock(config):
        with pytest.raises(BuildNotReady, match=r"another publish is running \(publish by pid \d+"):
            publish_site(config, report=lambda line: None)
