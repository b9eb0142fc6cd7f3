"""publish with the system rsync, to a local folder (remote hosts take the same command)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hawal.publish import parse_targets, publish_site, rsync_target
from hawal.publish.common import MANIFEST, parse_manifest
from hawal.publish.rsync_target import parse_itemized
from test_publish import SITE_V1, SITE_V2, as_bytes, make_site, read_tree, rebuild, run_cli, write_tree

needs_rsync = pytest.mark.skipif(shutil.which("rsync") is None,
                                 reason="rsync is not installed (Debian/Ubuntu: apt-get install rsync)")


def box_config(tmp_path, **options):
    (tmp_path / "box").mkdir(exist_ok=True)
    return make_site(tmp_path / "p", SITE_V1, [{"name": "box", "type": "rsync", "dest": str(tmp_path / "box"),
                                               **options}])


def test_itemized_output_is_read_as_files_added_changed_removed():
    lines = [
        ".f..t...... static/site.css",          # only the time differs: not a change
        ">f+++++++++ ar/index.html",
        "cd+++++++++ ar/",
        ">fcst...... en/index.html",
        "*deleting   en/old-story/index.html",
        "*deleting   en/old-story/",
        ">f+++++++++ en/a file with spaces.html",
    ]
    changes = parse_itemized(lines)
    assert changes.added == ["ar/index.html", "en/a file with spaces.html"]
    assert changes.changed == ["en/index.html"]
    assert changes.removed == ["en/old-story/index.html"]


def test_remote_destinations_are_kept_as_written_and_local_ones_resolved(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [
        {"name": "a", "type": "rsync", "dest": "editor@briefing.example.org:/var/www/briefing/"},
        {"name": "b", "type": "rsync", "dest": "rsync://mirror.example.org/briefing/"},
        {"name": "c", "type": "rsync", "dest": "../box", "options": ["--chmod=F644"]}])
    a, b, c = parse_targets(config.publish, config)
    assert a.dest == "editor@briefing.example.org:/var/www/briefing/"
    assert b.dest == "rsync://mirror.example.org/briefing/"
    assert c.dest == f"{(tmp_path / 'box').resolve()}/"
    command = c.command(load_site(config), dry_run=False)
    assert command[:6] == ["rsync", "-a", "--delete", "--checksum", "--delay-updates", "--delete-after"]
    assert "--chmod=F644" in command and "--dry-run" not in command
    assert command[-2:] == [f"{config.output_dir}/", c.dest]


def test_the_manifest_lies_in_the_destination_folder_whatever_its_spelling():
    names = {"editor@host:/var/www/briefing/": "editor@host:/var/www/briefing/", "host:": "host:",
             "host:www": "host:www/", "rsync://mirror.example.org/briefing": "rsync://mirror.example.org/briefing/"}
    for dest, folder in names.items():
        assert rsync_target.RsyncTarget("box", dest).manifest_dest() == folder + MANIFEST


def load_site(config):
    from hawal.publish import load_completed_build
    return load_completed_build(config)


def test_missing_rsync_is_said_plainly(tmp_path, monkeypatch, capsys):
    config = box_config(tmp_path)
    monkeypatch.setattr(rsync_target.shutil, "which", lambda name: None)
    assert run_cli(config) == 1
    assert capsys.readouterr().err.strip() == (
        "error: box: rsync is not installed (on Debian or Ubuntu: apt-get install rsync)")


@needs_rsync
def test_rsync_adds_changes_and_removes(tmp_path):
    config = box_config(tmp_path)
    write_tree(tmp_path / "box", {"leftover.html": "from an older site"})
    [result], failures = publish_site(config, report=lambda line: None, force=True)
    assert not failures and result.changes.removed == ["leftover.html"]
    assert read_tree(tmp_path / "box") == as_bytes(SITE_V1)

    rebuild(config.root, SITE_V2)
    [result], _ = publish_site(config, report=lambda line: None)
    assert (result.changes.added, result.changes.changed, result.changes.removed) == (
        ["ar/index.html"], ["en/index.html"], ["en/old-story/index.html"])
    assert read_tree(tmp_path / "box") == as_bytes(SITE_V2)

    [result], _ = publish_site(config, report=lambda line: None)
    assert result.changes.empty and result.note == ""


@needs_rsync
def test_rsync_options_from_the_config_are_passed(tmp_path):
    config = box_config(tmp_path, options=["--exclude=uploads/"])
    write_tree(tmp_path / "box", {"uploads/photo.jpg": b"\xff\xd8kept"})
    publish_site(config, report=lambda line: None)
    assert (tmp_path / "box" / "uploads" / "photo.jpg").read_bytes() == b"\xff\xd8kept"


@needs_rsync
def test_rsync_dry_run_lists_and_changes_nothing(tmp_path, capsys):
    config = box_config(tmp_path)
    write_tree(tmp_path / "box", {"leftover.html": "x", "index.html": "older home"})
    before = read_tree(tmp_path / "box")
    assert run_cli(config, "--dry-run", "--verbose", "--force") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"box (rsync {tmp_path / 'box'}/): would add 5, change 1, remove 1"
    assert "  ~ index.html" in out and "  - leftover.html" in out and "  + en/feed.xml" in out
    assert read_tree(tmp_path / "box") == before
    assert sorted(p.name for p in (tmp_path / "box").iterdir()) == ["index.html", "leftover.html"]


@needs_rsync
def test_rsync_never_deletes_or_overwrites_files_hawal_did_not_put_there(tmp_path, capsys):
    box = tmp_path / "box"
    config = box_config(tmp_path)
    write_tree(box, {"stats/report.html": "the web host's statistics", "index.html": "someone's own home page"})
    before = read_tree(box)
    assert run_cli(config) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"error: box: {box}/ holds 2 file(s) that hawal did not put there, and publishing would delete "
                      "(-) or overwrite (~) them; nothing was changed. Move them away, or run `publish --force` to "
                      "replace them:")
    assert err[1:] == ["  ~ index.html", "  - stats/report.html"]
    assert read_tree(box) == before and not (box / MANIFEST).exists()

    (box / "index.html").unlink()                     # the overwrite is gone; the statistics stay foreign
    [result], failures = publish_site(config, report=lambda line: None, force=True)
    assert not failures and result.changes.removed == ["stats/report.html"]
    assert sorted(parse_manifest((box / MANIFEST).read_bytes())) == sorted(SITE_V1)

    # hawal's own files come and go without --force; a file someone adds later is kept from harm again.
    write_tree(box, {"uploads/photo.jpg": b"\xff\xd8"})
    rebuild(config.root, SITE_V2)
    _, [failure] = publish_site(config, report=lambda line: None)
    assert failure.details == ["  - uploads/photo.jpg"]
    (box / "uploads" / "photo.jpg").unlink()
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and result.changes.removed == ["en/old-story/index.html"]
    assert read_tree(box) == as_bytes(SITE_V2)
    assert sorted(parse_manifest((box / MANIFEST).read_bytes())) == sorted(SITE_V2)


@needs_rsync
def test_rsync_first_publish_to_an_empty_folder_needs_no_force_and_leaves_a_manifest(tmp_path):
    config = box_config(tmp_path)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and sorted(result.changes.added) == sorted(SITE_V1)
    assert MANIFEST not in result.changes.added
    assert sorted(parse_manifest((tmp_path / "box" / MANIFEST).read_bytes())) == sorted(SITE_V1)
    [result], _ = publish_site(config, report=lambda line: None)
    assert result.changes.empty


@needs_rsync
def test_rsync_that_cannot_compare_sends_nothing(tmp_path):
    config = box_config(tmp_path, options=["--no-such-rsync-option"])
    _, [failure] = publish_site(config, report=lambda line: None)
    assert str(failure).startswith("box: rsync could not compare with") and str(failure).endswith("nothing was sent")
    assert read_tree(tmp_path / "box") == {}


@needs_rsync
def test_rsync_failing_for_real_lists_every_change_not_done(tmp_path):
    config = make_site(tmp_path / "p", SITE_V1, [
        {"name": "box", "type": "rsync", "dest": str(tmp_path / "no" / "such" / "folder")}])
    _, [failure] = publish_site(config, report=lambda line: None)
    assert "failed with exit status" in str(failure) and "0 of 6 changes were reported done" in str(failure)
    assert sorted(failure.details) == sorted(f"  not done: + {name}" for name in SITE_V1)
    assert not (tmp_path / "no").exists()


def test_rsync_failure_part_way_reports_what_was_and_was_not_sent(tmp_path, monkeypatch):
    config = box_config(tmp_path)
    monkeypatch.setattr(rsync_target.shutil, "which", lambda name: "/usr/bin/rsync")
    planned = ">f+++++++++ ar/index.html\n>fcst...... en/index.html\n*deleting   en/old-story/index.html\n"
    answers = iter([
        subprocess.CompletedProcess([], 0, planned, ""),
        subprocess.CompletedProcess([], 12, ">f+++++++++ ar/index.html\n",
                                    "rsync: connection unexpectedly closed (0 bytes received so far) [sender]\n"),
    ])
    fetches = []

    def run(command, **kw):
        if command[-2].endswith(MANIFEST):          # the manifest the last publish left
            fetches.append(command)
            (Path(command[-1]) / MANIFEST).write_text('{"files": ["en/index.html", "en/old-story/index.html"]}')
            return subprocess.CompletedProcess(command, 0, "", "")
        return next(answers)
    monkeypatch.setattr(rsync_target.subprocess, "run", run)
    _, [failure] = publish_site(config, report=lambda line: None)
    assert len(fetches) == 1
    assert str(failure).startswith("box: rsync to ")
    assert "exit status 12 (connection unexpectedly closed" in str(failure)
    assert "1 of 3 changes were reported done" in str(failure)
    assert failure.details == ["  done: + ar/index.html", "  not done: ~ en/index.html",
                               "  not done: - en/old-story/index.html"]
