"""Sources whose file status is unchanged are not read again; any change to one is seen."""
from __future__ import annotations

import os
import time

from hawal import pipeline, sources
from hawal.config import load_config
from hawal.pipeline import BuildCache, run_build
from test_build import EN_EARLIER, FILES
from test_incremental import clean_copy, site_bytes


def settled(monkeypatch) -> None:
    """Files written a moment ago count as untouched for a while (a test cannot set a file's
    change time in the past)."""
    monkeypatch.setattr(sources, "RACY_NS", 0)


def reads(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = sources.SourceLoader._read_bytes

    def counted(self, path):
        seen.append(path.name)
        return real(self, path)

    monkeypatch.setattr(sources.SourceLoader, "_read_bytes", counted)
    return seen


def test_unchanged_sources_are_not_read_again(make_project, monkeypatch):
    config = make_project(FILES)
    settled(monkeypatch)
    seen = reads(monkeypatch)
    run_build(config)
    assert sorted(seen) == sorted(os.path.basename(p) for p in FILES)
    seen.clear()
    pipeline.fingerprint.forget(config.root / ".hawal")        # a full build, not a no-change stop
    pipeline._KEPT.clear()                                       # as a fresh process: the cache from disk
    assert run_build(config).rendered == 0
    assert seen == []
    statuses = BuildCache.load(config.root / ".hawal/cache/build.pickle").statuses
    assert sorted(statuses) == sorted(f"content/{p}" for p in FILES)


def test_a_file_changed_just_now_is_read_again(make_project, monkeypatch):
    """Its status is not trusted: it could change again within the same clock tick."""
    config = make_project(FILES)
    seen = reads(monkeypatch)
    run_build(config)
    seen.clear()
    pipeline.fingerprint.forget(config.root / ".hawal")
    run_build(config)
    assert sorted(seen) == sorted(os.path.basename(p) for p in FILES)


def test_same_size_and_times_but_new_content_is_seen(make_project, tmp_path, monkeypatch):
    """An edit that keeps the size and puts the old modification time back (`touch -r`, a
    restore) still changes the file's change time: the source is read again."""
    config = make_project(FILES)
    story = config.content_dir / "2026/11/22/dam-levels.md"
    settled(monkeypatch)
    run_build(config)
    before = os.stat(story)
    time.sleep(0.01)
    story.write_text(EN_EARLIER.replace("two metres", "six metres"))
    os.utime(story, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(story)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ctime_ns != before.st_ctime_ns
    pipeline.fingerprint.forget(config.root / ".hawal")
    pipeline._KEPT.clear()
    run_build(config)
    assert "six metres" in (config.output_dir / "en/2026/11/22/dam-levels/index.html").read_text()
    assert site_bytes(config.output_dir) == site_bytes(clean_copy(config, tmp_path).output_dir)


def test_a_changed_setting_parses_every_source_again(make_project, monkeypatch):
    config = make_project(FILES)
    settled(monkeypatch)
    run_build(config)
    seen = reads(monkeypatch)
    config_path = config.root / "config.yaml"
    text = config_path.read_text()
    assert "timezone:" in text
    config_path.write_text(text.replace("Asia/Baghdad", "Asia/Tehran"))
    run_build(load_config(config_path))
    assert sorted(seen) == sorted(os.path.basename(p) for p in FILES)
