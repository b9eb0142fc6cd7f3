"""Page kinds and their keys: a page's key is made from the context its template is given, so
changing anything a page shows changes its key; the output of a build does not depend on how
many worker processes made it."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest

from hawal import workers
from hawal.assemble import ArticlePage, Briefing, SitePlan, TagPage
from hawal.config import load_config
from hawal.feeds import feed_of
from hawal.pages import ArchiveDay, ArchiveMonth, ContentKeys, NoContentKey, Page, Topic, search_pages
from hawal.pipeline import BuildOptions, run_build
from hawal.render import SiteRenderer
from hawal.search import record_source
from hawal.segment import SegmentedArticle
from hawal.sources import Article
from hawal.storyfiles import StoryFile
from hawal.translate.stage import ArticleVersion, Provenance
from test_build import EN_EARLIER, FILES
from test_incremental import site_bytes
from test_kmr import KMR_ARTICLE
from test_workflow import IMAGE_STORY, NOW, story, write_image

# Everything a story can bring since the workflow and Kurmanji work: a fourth language, a lead
# image and a file next to a story (published once for every language), a newsroom translation
# with its own statements, a draft and a scheduled story (built with --drafts --future).
FEATURES = {
    **FILES,
    "2026/11/23/fair.md": KMR_ARTICLE,
    "2026/11/23/dukan.md": IMAGE_STORY,
    "2026/11/23/dukan.ar.md": "---\ntitle: سد دوكان\n---\n\nانخفض الخزان إلى ثلث سعته، كما قال المهندس.\n\n"
                              "![سد دوكان عند الفجر](dukan-dam.jpg)\n",
    "2026/11/23/secret.md": story("Unpublished plan", "draft: true\n"),
    "2099/01/01/later.md": story("Plan for later", "date: 2099-01-01\n"),
}

FEATURED_SLUGS = ("fair", "dukan", "secret", "later")


def write_features(root):
    """A project with FEATURES in the example site's languages (Kurmanji among them)."""
    from conftest import example_languages, write_project

    config = write_project(root, FEATURES, languages=example_languages())
    write_image(config.content_dir / "2026/11/23/dukan-dam.jpg", (64, 48), fmt="JPEG")
    (config.content_dir / "2026/11/23/reports").mkdir()
    (config.content_dir / "2026/11/23/reports/dukan-2026.pdf").write_bytes(b"%PDF-1.4\n%test\n")
    return config

# Fields made from others: a page shows them only through what they are made from, which the
# key covers (the segmenter makes blocks and sentences from the body; the statement stage makes
# statements and their scores from what `statements_key` digests).
DERIVED = {SegmentedArticle: {"blocks", "sentences"}, ArticlePage: {"found", "scores"}}


def _variants(value, path: tuple = ()):
    """(where, value) pairs: values that differ from `value` in one place each, deep into
    dataclasses; `where` names the fields on the way."""
    if len(path) > 8:
        return
    if isinstance(value, bool):
        yield path, not value
    elif isinstance(value, (int, float)):
        yield path, value + 1
    elif isinstance(value, str):
        yield path, value + "·"
    elif value is None:
        yield path, "something"
    elif isinstance(value, dt.datetime):
        yield path, value + dt.timedelta(minutes=1)
    elif isinstance(value, dt.date):
        yield path, value + dt.timedelta(days=1)
    elif isinstance(value, tuple):
        if not value:
            yield path, ("something",)
            return
        yield path, value[:-1]
        for n in {0, len(value) - 1}:               # the first and the last item, changed deeply
            for where, changed in _variants(value[n], path):
                yield where, value[:n] + (changed,) + value[n + 1:]
    elif isinstance(value, dict):
        yield path, {**value, "another": "value"}
        for k in list(value)[:2]:
            for where, changed in _variants(value[k], path):
                yield where, {**value, k: changed}
    elif dataclasses.is_dataclass(value):
        skip = DERIVED.get(type(value), set())
        if isinstance(value, ArticlePage) and not value.statements_key:
            skip = set()
        for f in dataclasses.fields(value):
            if f.name in skip:
                continue
            for where, changed in _variants(getattr(value, f.name), path + (f"{type(value).__name__}.{f.name}",)):
                yield where, dataclasses.replace(value, **{f.name: changed})


def _pages(config, plan: SitePlan, renderer: SiteRenderer) -> list[Page]:
    return list(renderer.pages(plan)) + list(search_pages(plan, {lang: [] for lang in plan.languages}))


@pytest.fixture(scope="module", params=["three languages", "every feature"])
def site(request, tmp_path_factory):
    from conftest import write_project
    from hawal.assemble import assemble_site
    from hawal.pipeline import BuildReport, statements_stage, validate
    from hawal.progress import Progress
    from hawal.segment import segment_articles
    from hawal.translate import translate_articles

    root = tmp_path_factory.mktemp("pages")
    config = write_project(root, FILES) if request.param == "three languages" else write_features(root)
    # As a build with --drafts --future prepares them: files resolved, drafts and dates to come kept.
    loaded = validate(config, BuildOptions(now=NOW, drafts=True, future=True), BuildReport())
    assert not loaded.errors
    segmented = segment_articles(loaded.articles)
    outcome = translate_articles(segmented, config.language_codes, config.translation, Progress(quiet=True), False)
    statements, scores, made_from = statements_stage(segmented)
    plan = assemble_site(config.language_codes, outcome.versions, segmented, statements, scores, 8,
                         dt.datetime(2026, 11, 24, tzinfo=dt.timezone.utc), outcome.missing_pairs, made_from)
    return config, plan


def test_every_page_kind_is_made(site):
    config, plan = site
    kinds = {page.kind for page in _pages(config, plan, SiteRenderer(config))}
    assert kinds == {"home", "404", "briefing", "article", "archive", "topics", "topic", "search"}


def test_changing_any_context_value_changes_the_page_key(site):
    config, plan = site
    renderer = SiteRenderer(config)
    checked = 0
    reached = set()
    seen_kinds = {}
    for page in _pages(config, plan, renderer):
        # One page of each kind and shape (latest briefing, a day's, a year and a month archive…).
        shape = (page.kind, tuple(sorted((k, type(v).__name__) for k, v in page.context.items())))
        # …and every article page of the stories that bring files, a draft, a date to come, a
        # newsroom translation or Kurmanji, in each language.
        featured = page.kind == "article" and any(f"/{slug}/" in page.path for slug in FEATURED_SLUGS)
        if seen_kinds.get(shape, 0) >= 1 and not featured:
            continue
        seen_kinds[shape] = 1
        key = renderer.page_key(page)
        for name, value in page.context.items():
            for where, changed in _variants(value):
                other = dataclasses.replace(page, context={**page.context, name: changed})
                assert renderer.page_key(other) != key, (page.kind, page.path, name, where, changed)
                reached.update(where)
                checked += 1
        for field in ("template", "lang", "path"):
            assert renderer.page_key(dataclasses.replace(page, **{field: getattr(page, field) + "x"})) != key
        other_alternates = page.alternates[:-1] if page.alternates else (("en", "en/"),)
        assert renderer.page_key(dataclasses.replace(page, alternates=other_alternates)) != key
    # Deep: every field of an article, of its version and provenance, of briefings, topics and archives.
    kinds = [Article, ArticleVersion, Provenance, Briefing, TagPage, ArchiveDay, ArchiveMonth, Topic]
    if "kmr" in plan.languages:                 # the feature-rich site: files next to a story too
        kinds.append(StoryFile)
        featured = {p.version.article.slug for lang in plan.languages for p in plan.sites[lang].articles
                    if p.version.article.slug in FEATURED_SLUGS}
        assert featured == set(FEATURED_SLUGS)
    for kind in kinds:
        fields = {f"{kind.__name__}.{f.name}" for f in dataclasses.fields(kind)} - {
            f"{kind.__name__}.{name}" for name in DERIVED.get(kind, ())}
        assert fields <= reached, (kind.__name__, fields - reached)
    assert checked > 200, checked


def test_feed_and_search_record_keys_cover_what_they_show(site):
    config, plan = site
    renderer = SiteRenderer(config)
    keys = ContentKeys()
    lang = plan.languages[0]
    for value in (feed_of(plan, config, lang), record_source(plan.sites[lang].articles[0], renderer)):
        key = keys.of(value)
        changed = [v for _where, v in _variants(value)]
        assert changed and all(keys.of(v) != key for v in changed)


def test_a_context_value_without_a_content_key_is_refused(site):
    config, plan = site
    renderer = SiteRenderer(config)
    page = next(p for p in renderer.pages(plan) if p.kind == "article")
    for value in (plan.sites["en"], plan, object()):
        with pytest.raises(NoContentKey):
            renderer.page_key(dataclasses.replace(page, context={**page.context, "site": value}))


def test_output_of_one_process_and_of_workers_is_the_same(make_project, tmp_path, monkeypatch):
    from conftest import write_project

    monkeypatch.setattr(workers, "PARALLEL_MIN", 1)         # small sites use workers too
    forks = []
    real = workers.ForkedMap.__init__
    monkeypatch.setattr(workers.ForkedMap, "__init__",
                        lambda self, task, count, jobs, chunk=1: forks.append(jobs) or real(self, task, count, jobs, chunk))
    one = write_project(tmp_path / "one", FILES)
    two = write_project(tmp_path / "two", FILES)
    run_build(one, BuildOptions(jobs=1))
    assert forks == []
    run_build(two, BuildOptions(jobs=2))
    # Segments, statements, bodies and pages each in one worker beside this process (two jobs).
    assert len(forks) >= 4 and set(forks) == {1}
    assert site_bytes(one.output_dir) == site_bytes(two.output_dir)
    # An edit, rebuilt by workers, gives the same site as a clean build of the edited sources.
    for config in (one, two):
        (config.content_dir / "2026/11/22/dam-levels.md").write_text(EN_EARLIER.replace("two metres", "six metres"))
    (two.root / ".hawal" / "cache" / "bodies.pickle").unlink()      # bodies made again, in workers
    run_build(two, BuildOptions(jobs=2))
    clean = load_config(one.root / "config.yaml")
    shutil.rmtree(clean.output_dir)
    shutil.rmtree(clean.root / ".hawal")
    run_build(clean, BuildOptions(jobs=1))
    assert site_bytes(two.output_dir) == site_bytes(clean.output_dir)
    assert "six metres" in (two.output_dir / "en/2026/11/22/dam-levels/index.html").read_text()


def test_every_feature_is_the_same_from_one_process_and_from_workers(tmp_path, monkeypatch):
    """Kurmanji, files next to a story, a newsroom translation, drafts and scheduled stories:
    workers give the bytes one process gives, and an incremental build the bytes of a clean one."""
    monkeypatch.setattr(workers, "PARALLEL_MIN", 1)
    options = dict(now=NOW, drafts=True, future=True)
    one, two = write_features(tmp_path / "one"), write_features(tmp_path / "two")
    run_build(one, BuildOptions(jobs=1, **options))
    report = run_build(two, BuildOptions(jobs=2, **options))
    assert report.ok and set(report.pages) >= {"kmr", "ckb", "ar", "en"}
    assert site_bytes(one.output_dir) == site_bytes(two.output_dir)
    assert (two.output_dir / "files/2026/11/23/dukan-dam.jpg").is_file()
    assert (two.output_dir / "kmr/2026/11/23/fair/index.html").is_file()
    assert (two.output_dir / "en/2099/01/01/later/index.html").is_file()
    # Edit what only the new features bring: the image, the newsroom translation, the Kurmanji story.
    for config in (one, two):
        write_image(config.content_dir / "2026/11/23/dukan-dam.jpg", (80, 40), fmt="JPEG")
        translation = config.content_dir / "2026/11/23/dukan.ar.md"
        translation.write_text(translation.read_text(encoding="utf-8").replace("ثلث", "ربع"), encoding="utf-8")
        fair = config.content_dir / "2026/11/23/fair.md"
        fair.write_text(fair.read_text(encoding="utf-8").replace("bi sedan", "bi hezaran"), encoding="utf-8")
    (two.root / ".hawal" / "cache" / "bodies.pickle").unlink()
    run_build(two, BuildOptions(jobs=2, **options))
    shutil.rmtree(one.output_dir)
    shutil.rmtree(one.root / ".hawal")
    run_build(one, BuildOptions(jobs=1, **options))
    assert site_bytes(two.output_dir) == site_bytes(one.output_dir)
    page = (two.output_dir / "ar/2026/11/23/dukan/index.html").read_text(encoding="utf-8")
    assert "ربع" in page and 'width="80"' in page
    assert "bi hezaran" in (two.output_dir / "kmr/2026/11/23/fair/index.html").read_text(encoding="utf-8")


def test_fragments_made_once_give_the_bytes_of_fragments_made_on_every_page(tmp_path, monkeypatch):
    """The page frame is rendered once per language and `link_scope` (`{% cache %}`): the site is
    the same, byte for byte, as one whose fragments are rendered again on every page."""
    from hawal.templating import FragmentCache

    options = dict(now=NOW, drafts=True, future=True)
    cached, every = write_features(tmp_path / "cached"), write_features(tmp_path / "every")
    calls, made = [], []
    real = FragmentCache.fragment

    def counted(self, name, *key, caller):
        calls.append(name)
        return real(self, name, *key, caller=lambda: made.append(name) or caller())

    monkeypatch.setattr(FragmentCache, "fragment", counted)
    run_build(cached, BuildOptions(jobs=1, **options))
    assert calls and len(made) < len(calls)               # pages paste fragments made for others
    monkeypatch.setattr(FragmentCache, "fragment", lambda self, name, *key, caller: caller())
    run_build(every, BuildOptions(jobs=1, **options))
    assert site_bytes(cached.output_dir) == site_bytes(every.output_dir)


def test_link_scope_decides_every_link_at_most_two_folders_deep():
    from hawal.render import link_scope, relative_link

    pages = ["", "404.html", "en/", "en/feed.xml", "en/archive/", "en/archive/2026/", "en/archive/2026/11/",
             "en/tags/", "en/tags/water/", "en/tags/water/page/2/", "en/search/", "en/2026/11/23/",
             "en/2026/11/23/dam-levels/", "en/2026/11/22/kahraba/", "en/2025/01/02/other/", "ar/2026/11/23/",
             "ckb/2026/11/23/dam-levels/", "static/site.css", "en/archive/2025/"]
    targets = ["", "en/", "ar/", "en/archive/", "en/tags/", "en/search/", "en/feed.xml", "static/site.css",
               "static/favicon.svg", "static/fonts/OFL.txt", "en/2026/", "ar/archive/", "sitemap.xml"]
    by_scope: dict[str, dict[str, str]] = {}
    for page in pages:
        links = {target: relative_link(page, target) for target in targets}
        assert by_scope.setdefault(link_scope(page), links) == links, page
    assert len(by_scope) < len(pages)


def test_default_jobs_are_the_cores_other_work_leaves_free(monkeypatch):
    monkeypatch.setattr(workers, "usable_cores", lambda: 4)
    for running, jobs in ((0, 4), (1, 3), (2, 2), (3, 1), (12, 1)):
        monkeypatch.setattr(workers, "others_running", lambda running=running: running)
        assert workers.default_jobs() == jobs, running
    assert workers.others_running() >= 0
