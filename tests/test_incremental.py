"""Incremental builds: only what depends on a change is rendered again, and the result is the
same, byte for byte, as a clean build of the same sources."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys

import pytest

from hawal import fingerprint, render
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


def clean_copy(config, tmp_path, name: str = "clean"):
    """The project copied without its site and state, built clean: what an incremental build must equal."""
    root = tmp_path / name
    shutil.copytree(config.root, root, ignore=shutil.ignore_patterns("site", "site.next", ".hawal"))
    clean = load_config(root / "config.yaml")
    run_build(clean)
    return clean


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


def test_a_file_rendered_again_with_the_same_bytes_is_not_written_again(make_project):
    """A template edit changes every page's key, often not its bytes: such files are kept as the
    tree holds them (the same inode), and files whose bytes changed are replaced."""
    config = make_project(FILES)
    templates = config.root / "templates"
    shutil.copytree(config.templates_dir, templates)
    config = dataclasses.replace(config, templates_dir=templates)
    run_build(config)
    site = config.output_dir
    before = _inodes(site)
    base = templates / "base.html"
    base.write_text("{# a comment: the same bytes #}" + base.read_text(encoding="utf-8"), encoding="utf-8")
    report = run_build(config)
    assert report.rendered >= sum(report.pages.values())
    html = {path for path in before if path.endswith(".html")}
    assert {p: i for p, i in _inodes(site).items() if p in html} == {p: before[p] for p in html}
    footer = templates / "partials" / "footer.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace("</footer>", "<p>Edited footer</p></footer>"),
                      encoding="utf-8")
    run_build(config)
    after = _inodes(site)
    page = "en/2026/11/22/dam-levels/index.html"
    assert after[page] != before[page] and "Edited footer" in (site / page).read_text(encoding="utf-8")
    assert after["sitemap.xml"] == before["sitemap.xml"]
    clean = dataclasses.replace(config, output_dir=config.root / "clean-site")
    run_build(clean)
    assert site_bytes(site) == site_bytes(clean.output_dir)


def test_change_to_hawal_code_rerenders_every_page(make_project, monkeypatch):
    config = make_project(FILES)
    run_build(config)
    assert run_build(config).rendered == 0
    for module in (render, fingerprint):          # every module that digests hawal's code
        monkeypatch.setattr(module, "code_digest", lambda: "code of another version")
    report = run_build(config)
    assert report.rendered >= sum(report.pages.values())


def test_manifests_of_gone_trees_are_dropped(make_project):
    config = make_project(FILES)
    run_build(config)
    trees = config.root / ".hawal" / "cache" / "trees"
    stale = trees / "123456789.pickle"
    stale.write_bytes(b"a manifest of a tree that no longer exists")
    fingerprint.forget(config.root / ".hawal")          # a full build (a no-change one writes nothing)
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
    fingerprint.forget(config.root / ".hawal")          # a full build, which reads the cache
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
        "from hawal.fingerprint import forget\n"
        f"forget(__import__('pathlib').Path({str(config.root / '.hawal')!r}))  # a full build, every stage cached\n"
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


def _probe(config, code: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(render.Path(render.__file__).resolve().parent.parent)}
    probe = (
        "import sys\n"
        "from hawal.config import load_config\n"
        "from hawal.pipeline import run_build\n"
        f"report = run_build(load_config({str(config.root / 'config.yaml')!r}))\n" + code
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                          check=True).stdout.split()


def test_no_change_build_stops_at_the_fingerprint_without_loading_the_stages(make_project):
    config = make_project(FILES)
    first = run_build(config)
    again = _probe(config, "print(report.ok, report.rendered, report.reused, sum(report.pages.values()), "
                           "sorted(report.seconds), any(m in sys.modules for m in "
                           "('jinja2', 'markdown', 'spacy', 'hawal.render', 'hawal.translate.stage')))\n")
    assert again == ["True", "0", str(first.files), str(sum(first.pages.values())), "['check']", "False"]


def _write_memory(config) -> None:
    """What `translate` leaves in the translation memory (through its only writer)."""
    from hawal.translate.memory import TranslationMemory

    with TranslationMemory(config.translation.memory) as memory:
        memory.store("en-xx", "1.0", "en-xx", {"Dam engineers in Duhok.": "Translated elsewhere."})


def test_any_changed_input_makes_a_full_build(make_project, tmp_path):
    templates = tmp_path / "templates"
    from conftest import REPO
    shutil.copytree(REPO / "templates", templates)
    shutil.copytree(REPO / "locale", tmp_path / "locale")
    shutil.copytree(REPO / "static", tmp_path / "static")
    glossary = tmp_path / "glossary.yaml"
    shutil.copy(REPO / "glossary.yaml", glossary)
    config = make_project(FILES, templates_dir=str(templates), locale_dir=str(tmp_path / "locale"),
                          static_dir=str(tmp_path / "static"))
    data = (config.root / "config.yaml").read_text()
    (config.root / "config.yaml").write_text(data.replace(f"glossary: {REPO / 'glossary.yaml'}", f"glossary: {glossary}"))
    config = load_config(config.root / "config.yaml")
    assert config.translation.glossary == glossary
    run_build(config)

    def full_build(**options) -> bool:
        report = run_build(load_config(config.root / "config.yaml"), BuildOptions(**options))
        return "load" in report.seconds

    assert not full_build()
    changes = [
        lambda: (config.content_dir / "2026/11/22/dam-levels.md").write_text(EN_EARLIER.replace("two", "seven")),
        lambda: (config.content_dir / "2026/11/22/photo.jpg").write_bytes(b"not a source, but under content/"),
        lambda: (templates / "partials" / "footer.html").write_text((templates / "partials" / "footer.html").read_text() + " "),
        lambda: (tmp_path / "locale" / "ar" / "LC_MESSAGES" / "messages.po").write_text(
            (tmp_path / "locale" / "ar" / "LC_MESSAGES" / "messages.po").read_text() + "\n"),
        lambda: (tmp_path / "static" / "extra.txt").write_text("a new static file"),
        lambda: glossary.write_text(glossary.read_text() + "\n"),
        lambda: (config.root / "config.yaml").write_text(
            (config.root / "config.yaml").read_text().replace("statements_per_day: 8", "statements_per_day: 7")),
        lambda: (config.root / "models" / "en-xx").mkdir(parents=True),
        # Reviewed corrections and `translate` land in the translation memory.
        lambda: _write_memory(config),
        lambda: shutil.rmtree(config.output_dir),
    ]
    for n, change in enumerate(changes):
        change()
        assert full_build(), n
        assert not full_build(), n
    assert full_build(retranslate=True)
    assert full_build(skip_invalid=True) and not full_build(skip_invalid=True)
    assert full_build() and not full_build(jobs=1)                # how a build runs is not an input


def test_rebuilds_in_one_process_leave_nothing_behind(make_project, monkeypatch):
    """`serve` rebuilds in one process with automatic garbage collection off during builds: a
    build must leave no cycle (template environments, compiled templates, the renderer) behind,
    or memory grows with every edit."""
    import gc

    import jinja2

    from hawal.render import SiteRenderer

    from hawal import pipeline

    # Collections during the build move what lives through them into older generations, as on
    # a big site: so the environments and templates of a build are old by its end.
    monkeypatch.setattr(pipeline, "COLLECT_EVERY", 3)
    kinds = (jinja2.Environment, jinja2.Template, SiteRenderer)
    before = {id(o) for o in gc.get_objects() if isinstance(o, kinds)}      # other tests' (tracebacks hold them)
    config = make_project(FILES)
    run_build(config)
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    counts = []
    for n in range(4):
        edited.write_text(EN_EARLIER.replace("two metres", f"{n + 3} metres"))
        assert run_build(config).rendered > 0
        # A young collection, as the collector runs by itself: what is left is in the oldest
        # generation, which only a full collection (rare in a big process) would free.
        gc.collect(1)
        alive = [o for o in gc.get_objects() if isinstance(o, kinds) and id(o) not in before]
        assert alive == []
        counts.append(len(gc.get_objects()))
    assert counts[-1] - counts[1] < 2000, counts          # no growth from edit to edit


def test_bodies_are_rendered_once_and_kept_from_build_to_build(make_project, tmp_path, monkeypatch):
    """Markdown and the sanitizer run once per body text: a template change, or a rebuild in a
    fresh process, takes every body's HTML from the body cache."""
    templates = tmp_path / "templates"
    from conftest import REPO
    shutil.copytree(REPO / "templates", templates)
    config = make_project(FILES, templates_dir=str(templates))
    made = []
    real = render.render_body
    monkeypatch.setattr(render, "render_body", lambda body, rtl: made.append(body) or real(body, rtl))
    run_build(config)
    first = len(made)
    assert first > 0
    footer = templates / "partials" / "footer.html"
    footer.write_text(footer.read_text().replace("</footer>", "<p>another line</p></footer>"))
    from hawal import bodies
    bodies._IN_MEMORY.clear()                          # as in a fresh process: read from the file
    report = run_build(config)
    assert report.rendered >= sum(report.pages.values()) and len(made) == first     # every page, no body
    edited = config.content_dir / "2026/11/22/dam-levels.md"
    edited.write_text(EN_EARLIER.replace("two metres", "eight metres"))
    made.clear()
    run_build(config)
    assert made and all("eight metres" in body for body in made)     # the edited body only
    import pickle
    with open(config.root / ".hawal" / "cache" / "bodies.pickle", "rb") as fh:
        kept = pickle.load(fh)
    assert not any("two metres" in html for html in kept.values())   # replaced bodies are dropped
    assert any("eight metres" in html for html in kept.values())
