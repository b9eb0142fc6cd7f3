"""`python build.py translate` on this machine: fills the memory the build reads, resumes, selects, reports.

(On a Ray cluster: tests/test_translate_cluster.py.)"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import model_factory as mf    # first: keeps argos's settings out of the home folder
from archive_project import (archive_project, english_articles, kill_after_first_commit, memory_count, memory_rows,
                             mixed_articles)
from hawal.cli import main
from hawal.pipeline import run_build
from hawal.translate.backfill import Selection, TranslateFailed, translate_archive
from hawal.translate.engine import Engine, EngineSettings

REPO = Path(__file__).resolve().parent.parent


def test_translate_fills_the_memory_a_build_would_and_the_build_then_computes_nothing(tmp_path):
    files = mixed_articles()
    built = archive_project(tmp_path / "built", files)
    translated = archive_project(tmp_path / "translated", files)
    first_build = run_build(built)
    assert first_build.translation["computed"] > 0

    report = translate_archive(translated)
    assert not translated.output_dir.exists()                      # nothing rendered
    rows = memory_rows(translated.translation.memory)
    assert rows == memory_rows(built.translation.memory)           # the build's entries, exactly
    assert report.computed == len(rows) and report.remembered == 0
    assert {d.pair for d in report.directions} == {"en→ar", "ar→en", "en→ckb", "ckb→en"}

    build = run_build(translated)
    assert build.translation["computed"] == 0
    assert build.translation["cached"] == first_build.translation["computed"]
    again = translate_archive(translated)
    assert again.computed == 0 and again.remembered == report.computed


def test_interrupted_translate_keeps_its_finished_batches_and_a_rerun_computes_the_rest(tmp_path):
    files = english_articles(12)
    config = archive_project(tmp_path / "p", files, pairs=[("en", "ar")], languages=("en", "ar"), max_batch_tokens=40)
    log: list = []
    engine = Engine(EngineSettings.from_config(config.translation), translator_factory=mf.recording_factory(log, 4))
    with pytest.raises(KeyboardInterrupt):                         # Ctrl-C in the fourth call
        translate_archive(config, engine=engine)
    kept = memory_count(config.translation.memory)
    assert kept == sum(len(c["source"]) for c in log[0].calls) > 0

    resumed = translate_archive(config)
    assert resumed.remembered == kept and resumed.computed > 0
    reference = archive_project(tmp_path / "ref", files, pairs=[("en", "ar")], languages=("en", "ar"),
                                max_batch_tokens=40)
    full = translate_archive(reference)
    assert resumed.computed + kept == full.computed
    assert memory_rows(config.translation.memory) == memory_rows(reference.translation.memory)


def translate_process(config, *args, env=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"),
                             "translate", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONFAULTHANDLER": "1", **(env or {})})


def test_killed_translate_loses_at_most_the_batch_in_flight(tmp_path):
    files = english_articles(40)
    config = archive_project(tmp_path / "p", files, pairs=[("en", "ar")], languages=("en", "ar"), max_batch_tokens=24)
    kept = kill_after_first_commit(translate_process(config), config.translation.memory)
    resumed = translate_archive(config)
    assert kept > 0 and resumed.remembered == kept and resumed.computed > 0
    assert run_build(config).translation["computed"] == 0


def test_language_date_and_path_select_what_is_translated(tmp_path, capsys):
    config = archive_project(tmp_path / "p", mixed_articles())
    cfg = str(config.root / "config.yaml")
    assert main(["--config", cfg, "translate", "--lang", "ar", "--since", "2025-01-04",
                 str(config.content_dir / "2025" / "01")]) == 0
    rows = memory_rows(config.translation.memory)
    assert {r[2] for r in rows} == {"en-ar"}
    assert "for 3 articles" in capsys.readouterr().err            # stories of the 4th to the 6th

    # Sorani into Arabic goes through English: both legs are remembered.
    report = translate_archive(config, Selection(("ar",), paths=(config.content_dir / "2025" / "03",)))
    assert report.articles == 3 and {d.pair for d in report.directions} == {"ckb→en", "en→ar"}

    # Everything else is left for the build, which computes only that.
    before = memory_count(config.translation.memory)
    build = run_build(config)
    assert build.translation["computed"] > 0 and build.translation["cached"] > 0
    assert memory_count(config.translation.memory) > before


def test_progress_bar_and_summary(tmp_path, capsys):
    config = archive_project(tmp_path / "p", mixed_articles())
    assert main(["--config", str(config.root / "config.yaml"), "translate"]) == 0
    err = capsys.readouterr().err
    total = memory_count(config.translation.memory)
    assert "translating on this machine" in err
    assert f"Translating: {total}/{total} sentences in" in err
    assert f"translated {total} sentences for 12 articles" in err and "sentences/s overall" in err
    assert "en→ar:" in err and "computed" in err


def test_bad_requests_say_what_is_wrong(tmp_path, capsys):
    config = archive_project(tmp_path / "p", {**english_articles(2), "2025/05/05/broken.md": "---\ntitle: [\n---\n"})
    cfg = str(config.root / "config.yaml")
    assert main(["--config", cfg, "translate", "--lang", "fr"]) == 1
    assert "--lang: fr is not a configured language" in capsys.readouterr().err
    assert main(["--config", cfg, "translate", str(tmp_path / "nowhere")]) == 1
    assert "no article sources there" in capsys.readouterr().err
    assert main(["--config", cfg, "translate"]) == 1
    err = capsys.readouterr().err
    assert "broken.md:" in err and "nothing was translated" in err and memory_count(config.translation.memory) == 0
    assert main(["--config", cfg, "translate", "--skip-invalid"]) == 0
    assert "skipped: content/2025/05/05/broken.md" in capsys.readouterr().err
    with pytest.raises(TranslateFailed):
        translate_archive(config, Selection(since=__import__("datetime").date(2030, 1, 1)), skip_invalid=True)


def test_without_ray_the_cluster_option_says_in_one_line_how_to_get_it(tmp_path, capsys, monkeypatch):
    config = archive_project(tmp_path / "p", english_articles(2), pairs=[("en", "ar")], languages=("en", "ar"))
    cfg = str(config.root / "config.yaml")
    monkeypatch.setitem(sys.modules, "ray", None)                  # `import ray` fails as if not installed
    assert main(["--config", cfg, "translate", "--cluster", "ray"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["error: Ray is not installed: pip install 'hawal[ray]'"]
    assert memory_count(config.translation.memory) == 0
    # `auto` means "Ray if there is one": without it, this machine translates.
    assert main(["--config", cfg, "translate", "--cluster", "auto"]) == 0
    err = capsys.readouterr().err
    assert "Ray is not installed (pip install 'hawal[ray]'): translating on this machine" in err
    assert memory_count(config.translation.memory) > 0


def test_ray_is_never_imported_by_a_build_or_a_local_translate(tmp_path):
    config = archive_project(tmp_path / "p", english_articles(2), pairs=[("en", "ar")], languages=("en", "ar"))
    cfg = str(config.root / "config.yaml")
    code = (f"import sys; from hawal.cli import main; "
            f"assert main(['--config', {cfg!r}, 'translate', '-q']) == 0; "
            f"assert main(['--config', {cfg!r}, 'build', '-q']) == 0; "
            f"assert 'ray' not in sys.modules, 'ray was imported'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 0, proc.stderr
    assert memory_count(config.translation.memory) > 0


def test_an_archive_goes_chunk_by_chunk_with_the_same_entries_and_one_bar(tmp_path, monkeypatch):
    import io

    from hawal.progress import Progress
    from hawal.translate import backfill

    files = mixed_articles()
    whole = archive_project(tmp_path / "whole", files)
    translate_archive(whole)
    monkeypatch.setattr(backfill, "CHUNK_ARTICLES", 4)             # 12 articles: 3 chunks
    chunked = archive_project(tmp_path / "chunked", files)
    stream = io.StringIO()
    report = translate_archive(chunked, progress=Progress(stream=stream, interactive=False))
    rows = memory_rows(chunked.translation.memory)
    assert rows == memory_rows(whole.translation.memory)
    assert report.computed == len(rows) and report.articles == 12
    lines = [line for line in stream.getvalue().splitlines() if line.startswith("Translating")]
    assert lines[-1].startswith(f"Translating: {len(rows)}/{len(rows)} sentences in")
