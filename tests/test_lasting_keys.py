"""Page keys in `serve`: digests of unchanged article versions and pages are kept from build to
build (`pages.LastingDigests`), and a changed one is digested afresh."""
from __future__ import annotations

from dataclasses import replace

from hawal import pages
from hawal.config import load_config
from hawal.pipeline import run_build
from hawal.render import SiteRenderer
from test_build import FILES


def plan_of(config):
    """The plan a build makes, by running the stages as `_full_build` does (one process)."""
    from hawal.assemble import assemble_site
    from hawal.pipeline import BuildOptions, BuildReport, statements_stage, validate
    from hawal.progress import Progress
    from hawal.segment import segment_articles
    from hawal.translate import translate_articles
    import datetime as dt

    loaded = validate(config, BuildOptions(), BuildReport())
    segmented = segment_articles(loaded.articles)
    outcome = translate_articles(segmented, config.language_codes, config.translation, Progress(quiet=True))
    statements, scores, keys = statements_stage(segmented)
    return assemble_site(config.language_codes, outcome.versions, segmented, statements, scores,
                         config.statements_per_day, dt.datetime.now(dt.timezone.utc), outcome.missing_pairs, keys)


def test_unchanged_versions_are_not_digested_again(make_project, monkeypatch):
    monkeypatch.setattr(pages.LASTING, "enabled", True)        # as `serve` has it
    config = make_project(FILES)
    run_build(config)
    first = SiteRenderer(config)
    keys = [first.page_key(page) for page in first.pages(plan_of(config))]
    first.close()
    made = []
    real = pages.ContentKeys._dataclass_digest

    def counted(self, value):
        made.append(type(value).__name__)
        return real(self, value)

    monkeypatch.setattr(pages.ContentKeys, "_dataclass_digest", counted)
    second = SiteRenderer(config)
    plan = plan_of(config)                  # a new build: new objects, the same values
    assert [second.page_key(page) for page in second.pages(plan)] == keys
    assert "ArticleVersion" not in made

    # A version whose title changed is digested again, and its pages' keys change.
    lang = plan.languages[0]
    page = plan.sites[lang].articles[0]
    changed = replace(page, version=replace(page.version, title=page.version.title + " (updated)"))
    assert second.keys.page(changed) != second.keys.page(page)
    assert "ArticleVersion" in made
    second.close()


def test_entries_a_build_did_not_use_are_dropped(make_project, monkeypatch):
    monkeypatch.setattr(pages.LASTING, "enabled", True)
    config = make_project(FILES)
    run_build(config)
    renderer = SiteRenderer(config)
    for page in renderer.pages(plan_of(config)):
        renderer.page_key(page)
    renderer.close()
    held = len(pages.LASTING.versions)
    assert held >= len(FILES) * len(config.language_codes)
    other = load_config(config.root / "config.yaml")
    (other.content_dir / "2026/11/23/kahraba.md").unlink()
    renderer = SiteRenderer(other)
    for page in renderer.pages(plan_of(other)):
        renderer.page_key(page)
    renderer.close()
    assert len(pages.LASTING.versions) == held - len(config.language_codes)


def test_a_one_build_process_keeps_nothing(make_project, monkeypatch):
    monkeypatch.setattr(pages.LASTING, "enabled", False)      # a command's process (serve turns it on)
    pages.LASTING.sweep()
    pages.LASTING.sweep()             # what other tests' builds left is gone
    config = make_project(FILES)
    run_build(config)
    assert pages.LASTING.versions == {} and pages.LASTING.pages == {}
