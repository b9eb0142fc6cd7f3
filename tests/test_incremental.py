"""Incremental builds: only what depends on a change is rendered again, and the result is the
same, byte for byte, as a clean build of the same sources."""
from __future__ import annotations

import json
import shutil

from hawal.config import load_config
from hawal.pipeline import BuildOptions, run_build
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
    first = run_build(config)
    second = run_build(config)          # fills the staging tree by hard links from the site
    third = run_build(config)           # finds the staging tree already up to date
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

    try:
        run_build(config, BuildOptions(on_file=explode))
    except OSError:
        pass
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
