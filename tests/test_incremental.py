"""Incremental builds: only what depends on a change is rendered again, and the result is the
same, byte for byte, as a clean build of the same sources."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from hawal import render
from hawal.config import load_config
from hawal.pipeline import BuildFailed, BuildOptions, run_build
from test_build import EN_EARLIER, FILES


def site_bytes(site):
    """Every file's bytes, but the search bundle's: Pagefind writes its filter chunks in hash-map
    order, so two runs over the same pages differ in bytes (and so in chunk names); for it, the
    number of files and the entry's page counts must agree."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    bundle = {k: v for k, v in files.items() if k.startswith("pagefind/")}
    entry = json.loads(bundle.get("pagefind/pagefind-entry.json", b"{}") or b"{}")
    pages = {lang: index["page_count"] for lang, index in entry.get("languages", {}).items()}
    return {**{k: v for k, v in files.items() if k not in bundle}, "pagefind": (len(bundle), pages)}


def test_unchanged_rebuild_renders_nothing(make_project):
    config = make_project(FILES)
    first = run_build(config)           # also leaves a hard-linked copy as the next staging tree
    second = run_build(config)
    third = run_build(config)
    assert first.rendered == first.files
    assert second.rendered == 0 and second.reused == second.files
    assert third.rendered == 0 and third.reused == third.files
    assert site_bytes(config.output_dir) and (config.output_dir / "en/index.html").exists()


def test_build_after_a_failed_one_is_complete_and_correct(make_project, tmp_path):
    config = make_project(FILES)
    run_build(config)
    run_build(config)
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    edited.write_text(EN_EARLIER.replace("two metres", "four metres"))

    def explode(output):
        raise OSError("disk full (injected)")

    with pytest.raises(BuildFailed, match="injected"):
        run_build(config, BuildOptions(on_file=explode))
    assert "two metres" in (config.output_dir / "en/2026/11/22/dam-levels/index.html").read_text()
    run_build(config)
    clean_root = tmp_path / "clean"
    shutil.copytree(config.root, clean_root, ignore=shutil.ignore_patterns("site", "site.next", ".hawal"))
    clean = load_config(clean_root / "config.yaml")
    run_build(clean)
    assert site_bytes(config.output_dir) == site_bytes(clean.output_dir)


def test_editing_one_article_rerenders_only_its_dependents(make_project, tmp_path):
    config = make_project(FILES)
    run_build(config)
    path = config.content_dir / "2026/11/22/dam-levels.md"
    path.write_text(EN_EARLIER.replace("two metres", "three metres"))
    rendered = []
    run_build(config, BuildOptions(on_file=lambda output: rendered.append(output.path)))
    keyed = {p for p in rendered if p.endswith((".html", ".xml")) and p != "sitemap.xml"}
    expected = set()
    for lang in ("en", "ar", "ckb"):
        expected |= {f"{lang}/2026/11/22/dam-levels/index.html", f"{lang}/2026/11/22/index.html",
                     f"{lang}/tags/water/index.html", f"{lang}/feed.xml"}
    assert keyed == expected

    clean_root = tmp_path / "clean"
    shutil.copytree(config.root, clean_root, ignore=shutil.ignore_patterns("site", "site.next", ".hawal"))
    clean = load_config(clean_root / "config.yaml")
    run_build(clean)
    assert site_bytes(config.output_dir) == site_bytes(clean.output_dir)
    assert "three metres" in (config.output_dir / "en/2026/11/22/dam-levels/index.html").read_text()


def test_template_change_rerenders_every_page(make_project, tmp_path):
    templates = tmp_path / "templates"
    from conftest import REPO
    shutil.copytree(REPO / "templates", templates)
    config = make_project(FILES, templates_dir=str(templates))
    run_build(config)
    footer = templates / "partials" / "footer.html"
    footer.write_text(footer.read_text().replace("</footer>", "<p>extra line</p></footer>"))
    report = run_build(config)
    pages = sum(report.pages.values())
    assert report.rendered >= pages
    assert "extra line" in (config.output_dir / "ar/index.html").read_text()


def test_deleted_article_disappears(make_project):
    config = make_project(FILES)
    run_build(config)
    (config.content_dir / "2026/11/23/kahraba.md").unlink()
    run_build(config)
    assert not (config.output_dir / "en/2026/11/23/kahraba").exists()
    assert "kahraba" not in (config.output_dir / "en/2026/11/23/index.html").read_text()


def _inodes(tree):
    return {p.relative_to(tree).as_posix(): p.stat().st_ino for p in tree.rglob("*") if p.is_file()}


def test_first_build_leaves_a_linked_staging_tree(make_project):
    config = make_project(FILES)
    run_build(config)
    site, staging = config.output_dir, config.output_dir.with_name("site.next")
    assert staging.is_dir()
    assert _inodes(staging) == _inodes(site)            # the same files, linked, not copied
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    edited.write_text(EN_EARLIER.replace("two metres", "five metres"))
    report = run_build(config)
    assert 0 < report.rendered < report.files // 3 and report.reused == report.files - report.rendered
    assert "five metres" in (site / "en/2026/11/22/dam-levels/index.html").read_text()


def test_change_to_hawal_code_rerenders_every_page(make_project, monkeypatch):
    config = make_project(FILES)
    run_build(config)
    assert run_build(config).rendered == 0
    monkeypatch.setattr(render, "code_digest", lambda: "code of another version")
    report = run_build(config)
    assert report.rendered >= sum(report.pages.values())


def test_manifests_of_gone_trees_are_dropped(make_project):
    config = make_project(FILES)
    run_build(config)
    trees = config.root / ".hawal" / "cache" / "trees"
    stale = trees / "123456789.pickle"
    stale.write_bytes(b"a manifest of a tree that no longer exists")
    run_build(config)
    assert not stale.exists()
    live = {f"{t.stat().st_ino}.pickle" for t in (config.output_dir, config.output_dir.with_name("site.next"))}
    assert {p.name for p in trees.iterdir()} == live


def test_build_cache_of_other_code_is_not_unpickled(make_project):
    config = make_project(FILES)
    run_build(config)
    cache = config.root / ".hawal" / "cache" / "build.pickle"
    import pickle
    cache.write_bytes(pickle.dumps("digest of other code") + b"not a pickle at all")
    report = run_build(config)
    assert report.ok and report.rendered == 0


def test_fully_cached_build_does_not_import_spacy(make_project):
    """spaCy takes most of a small rebuild's start-up: it loads only when a source needs segmenting."""
    config = make_project(FILES)
    run_build(config)
    probe = (
        "import sys\n"
        "from hawal.config import load_config\n"
        "from hawal.pipeline import run_build\n"
        f"report = run_build(load_config({str(config.root / 'config.yaml')!r}))\n"
        "print(report.ok, report.rendered, 'spacy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(render.Path(render.__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["True", "0", "False"]
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    edited.write_text(EN_EARLIER.replace("two metres", "six metres"))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    ok, rendered, spacy_loaded = out.stdout.split()
    assert ok == "True" and int(rendered) > 0 and spacy_loaded == "True"
