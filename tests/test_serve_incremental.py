"""`serve`'s rebuilds: pages swapped in first, the search index after (`hawal.catchup`), and a
site equal to a clean build's once both are done, edit after edit."""
from __future__ import annotations

import gzip
import threading

import pytest

from hawal import search
from hawal.pipeline import run_build
from hawal.progress import Progress
from hawal.serve import BuildState, rebuild
from test_build import EN_EARLIER, FILES
from test_incremental import clean_copy, site_bytes

needs_pagefind = pytest.mark.skipif(search.pagefind_executable() is None, reason="Pagefind is not installed")


def search_text(site, lang: str) -> str:
    """Every page text in a language's Pagefind fragments."""
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                     for p in sorted((site / "pagefind" / lang).rglob("*.pf_fragment")))



def serve_rebuild(config, state: BuildState):
    report = rebuild(config.root / "config.yaml", state, Progress(quiet=True))
    assert report is not None, state.error
    state.wait_for_search(timeout=120)
    assert state.search is None or not state.search.is_alive()
    assert state.error is None, state.error
    return report


def hold_background_pagefind(monkeypatch):
    """Make every Pagefind run on a thread other than this one wait for `release`; `indexing` is set
    when one starts. Returns (release, indexing, the real build_bundle)."""
    release, indexing = threading.Event(), threading.Event()
    real = search.build_bundle
    main = threading.current_thread()

    def slow_bundle(records, executable):
        if threading.current_thread() is not main:
            indexing.set()
            assert release.wait(60)
        return real(records, executable)

    monkeypatch.setattr(search, "build_bundle", slow_bundle)
    return release, indexing, real


@needs_pagefind
def test_serve_edits_equal_a_clean_build_each_time(make_project, tmp_path):
    """Edit an article again and again, change its date and tags, add one, delete one: after
    each rebuild (and its search catch-up) the site is the clean build's, search included."""
    config = make_project(FILES)
    state = BuildState()
    serve_rebuild(config, state)
    story = config.content_dir / "2026/11/22/dam-levels.md"
    steps = [
        lambda: story.write_text(EN_EARLIER.replace("two metres", "three metres")),
        lambda: story.write_text(EN_EARLIER.replace("two metres", "seventeen metres")),
        lambda: story.write_text(EN_EARLIER.replace("date: 2026-11-22", "date: 2026-10-30")
                                 .replace("[water]", "[water, weather]")),
        lambda: (config.content_dir / "2026/10/31").mkdir(parents=True, exist_ok=True) or
        (config.content_dir / "2026/10/31/river-gauge.md").write_text(
            EN_EARLIER.replace("Rain lifts dam levels in Duhok", "River gauges rise in Zakho")
            .replace("2026-11-22", "2026-10-31").replace("two metres", "ninety centimetres")),
        lambda: (config.content_dir / "2026/11/23/kahraba.md").unlink(),
    ]
    for n, step in enumerate(steps):
        step()
        report = serve_rebuild(config, state)
        assert report.rendered > 0
        clean = clean_copy(config, tmp_path, f"clean{n}")
        assert site_bytes(config.output_dir) == site_bytes(clean.output_dir), f"step {n}"
        if n == 1:
            text = search_text(config.output_dir, "en")
            assert "seventeen metres" in text and "three metres" not in text
    text = search_text(config.output_dir, "en")
    assert "ninety centimetres" in text and "seventeen metres" not in text and "/2026/10/30/dam-levels/" in text
    # Recorded once the search was in place: nothing changed means nothing to do.
    again = serve_rebuild(config, state)
    assert again.rendered == 0 and set(again.seconds) == {"check"}


@needs_pagefind
def test_pages_are_swapped_in_before_the_search_index(make_project, tmp_path, monkeypatch):
    config = make_project(FILES)
    state = BuildState()
    serve_rebuild(config, state)
    release, indexing, real = hold_background_pagefind(monkeypatch)
    story = config.content_dir / "2026/11/22/dam-levels.md"
    story.write_text(EN_EARLIER.replace("two metres", "eleven metres"))
    assert rebuild(config.root / "config.yaml", state, Progress(quiet=True)) is not None
    assert indexing.wait(30)
    # The pages are in place while Pagefind still runs; the search still has the last build's.
    assert "eleven metres" in (config.output_dir / "en/2026/11/22/dam-levels/index.html").read_text()
    assert "two metres" in search_text(config.output_dir, "en")
    assert state.search.is_alive()
    release.set()
    state.wait_for_search(timeout=120)
    assert "eleven metres" in search_text(config.output_dir, "en")
    assert "two metres" not in search_text(config.output_dir, "en")
    monkeypatch.setattr(search, "build_bundle", real)
    assert site_bytes(config.output_dir) == site_bytes(clean_copy(config, tmp_path, "clean").output_dir)


@needs_pagefind
def test_a_build_meanwhile_makes_the_catch_up_stand_down(make_project, tmp_path, monkeypatch):
    """A build that runs while the search catches up (`build` beside `serve`) is not recorded
    over, and runs in full: the catch-up's build was never recorded."""
    config = make_project(FILES)
    state = BuildState()
    serve_rebuild(config, state)
    story = config.content_dir / "2026/11/22/dam-levels.md"
    story.write_text(EN_EARLIER.replace("two metres", "eleven metres"))
    release, indexing, real = hold_background_pagefind(monkeypatch)
    monkeypatch.setattr(search, "MAX_PARALLEL_RUNS", 1)
    assert rebuild(config.root / "config.yaml", state, Progress(quiet=True)) is not None
    assert indexing.wait(30)
    story.write_text(EN_EARLIER.replace("two metres", "twelve metres"))
    monkeypatch.setattr(search, "build_bundle", real)
    report = run_build(config)             # a command beside serve: it indexes by itself
    assert report.rendered > 0 and "render+write" in report.seconds
    release.set()
    state.wait_for_search(timeout=120)
    text = search_text(config.output_dir, "en")
    assert "twelve metres" in text and "eleven metres" not in text
    assert site_bytes(config.output_dir) == site_bytes(clean_copy(config, tmp_path, "clean").output_dir)
    assert run_build(config).rendered == 0
