"""The build pipeline: load → segment → translate → statements → assemble → render → write.

Each stage is a plain function with typed data in and out; this module only runs them in order,
times them and collects the report. Data flows one way.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import os
import pickle
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from . import fingerprint, workers
from .config import Config
from .digests import code_digest
from .errors import EXIT_IO, HawalError, describe_os_error
from .output import BuildLock, BuildLocked
from .progress import Progress
from .workers import default_jobs

if TYPE_CHECKING:
    from .assemble import SitePlan
    from .catchup import SearchCatchUp
    from .render import OutputFile, PageJob, SiteRenderer
    from .search import SearchIndex
    from .segment import SegmentedArticle
    from .sources import Article, EditorTranslation, LoadResult
    from .translate.engine import EnginePool

# The stages' modules (NLP, templates, Markdown, feeds, search) are imported by the functions
# that run them: a build that finds nothing changed (`hawal.fingerprint`) loads none of them.


@dataclass
class BuildOptions:
    skip_invalid: bool = False
    retranslate: bool = False
    wait: bool = False
    dry_run: bool = False                 # `check`: validate only, write nothing
    on_file: Callable[[OutputFile], None] | None = None   # called after each file is written (tests)
    engines: EnginePool | None = None     # translation engines that outlive the build (`serve`)
    drafts: bool = False                  # build drafts too, marked as drafts (`serve`, `--drafts`)
    future: bool = False                  # build stories dated after now, marked (`serve`, `--future`)
    now: dt.datetime | None = None        # the build's time (scheduled stories); default: the clock
    jobs: int | None = None               # processes for the work of many items; None: the free cores
    # `serve`: swap the pages in without waiting for Pagefind; the search index follows
    # (`hawal.catchup`): called with the SearchCatchUp to run once the build has let go of the lock.
    search_later: Callable[[SearchCatchUp], None] | None = None


@dataclass
class BuildReport:
    ok: bool = False
    sources: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)    # `path:line: warning: …`, never fatal
    skipped: list[str] = field(default_factory=list)
    held: dict[str, list[str]] = field(default_factory=dict)  # drafts, scheduled, unfinished: their paths
    next_scheduled: str | None = None                     # when the next held-back story is due
    pages: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    translation: dict[str, int] = field(default_factory=lambda: {"computed": 0, "cached": 0, "missing": 0,
                                                                 "guarded": 0, "reviewed": 0})
    guarded: list[str] = field(default_factory=list)      # `path: lang sentence n: check: detail`
    stale: list[str] = field(default_factory=list)        # reviewed corrections whose sentence changed
    missing_pairs: list[str] = field(default_factory=list)
    statements: int = 0
    rendered: int = 0              # files produced afresh
    reused: int = 0                # files carried over unchanged from the previous build
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


class BuildFailed(HawalError):
    """The build stopped; the report says why and the site was left as it was.

    `storage` is set when the disk refused (full, read-only, permissions): the report then holds
    one line saying what and where, and the exit code is EX_IOERR."""

    def __init__(self, report: BuildReport, storage: bool = False):
        super().__init__("; ".join(report.errors) or "build failed")
        self.report = report
        self.storage = storage
        if storage:
            self.exit_code = EXIT_IO


def _storage_failure(report: BuildReport, exc: OSError, output_dir: Path) -> BuildFailed:
    report.errors = [f"error: {describe_os_error(exc, 'cannot write')}; {output_dir} was left untouched"]
    return BuildFailed(report, storage=True)


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.seconds[stage] = round(report.seconds.get(stage, 0.0) + time.perf_counter() - start, 4)


COLLECT_EVERY = 500          # files made afresh between two collections of young garbage


class _CyclicGC:
    """Keeps Python's cyclic garbage collector off the build's long-lived data.

    A build makes millions of small, long-lived, acyclic objects (cached articles, sentences,
    pages, jobs): automatic collections traverse all of them again and again, which took two
    thirds of an incremental rebuild of a 3,000-article site and a fifth of a clean one. So
    automatic collection is off during the build; what does make cycles (each Jinja render leaves
    a small one) is young, and `collect_young` frees it now and then at the cost of the young
    objects only.
    """

    def __enter__(self) -> "_CyclicGC":
        self._enabled = gc.isenabled()
        gc.disable()
        return self

    @staticmethod
    def long_lived_made() -> None:
        """Everything made so far lives to the end of the build: never traverse it."""
        gc.freeze()

    @staticmethod
    def collect_young() -> None:
        gc.collect(1)

    def __exit__(self, *exc) -> None:
        gc.unfreeze()
        if self._enabled:
            gc.enable()


class BuildCache:
    """What a build can reuse from the last one: parsed sources, segmentation, finished machine
    translations and statements. Kept in .hawal/cache/; any change to hawal's code drops it."""

    def __init__(self, path: Path):
        self.path = path
        self.parsed: dict = {}
        self.segments: dict = {}
        self.statements: dict = {}
        self.translations: dict = {}
        self.languages: dict = {}          # the language each source's text reads as (`check` warnings)
        self.statuses: dict = {}           # sources.SourceStatus by path: unchanged files are not read again
        self._loaded_keys: tuple = ()

    def _keys(self) -> tuple:
        # Entries are keyed by content digests and never changed in place: same keys, same cache.
        return (tuple(frozenset(part) for part in (self.parsed, self.segments, self.statements, self.translations,
                                                   self.languages))
                + (frozenset(self.statuses.values()),))

    @classmethod
    def load(cls, path: Path) -> "BuildCache":
        """The cache at `path`; a process that read or wrote it last (`serve`) keeps its entries
        in memory and takes them from there while the file's status is as it left it."""
        cache = cls(path)
        try:
            stamp = _file_stamp(path)
            kept = _KEPT.get(str(path))
            if kept is not None and kept[0] == stamp:
                data = kept[1]
            else:
                with path.open("rb") as fh:
                    # The code digest comes first, alone: a cache from other code is not unpickled at all.
                    if pickle.load(fh) != CODE_DIGEST:
                        return cache
                    data = pickle.load(fh)
                _KEPT.clear()            # one project per process is the common case: keep one
                _KEPT[str(path)] = (stamp, data)
            cache.parsed, cache.segments, cache.statements = data["parsed"], data["segments"], data["statements"]
            cache.translations = data["translations"]
            cache.languages = data.get("languages", {})
            cache.statuses = data.setdefault("statuses", {})
            cache._loaded_keys = cache._keys()
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, ImportError, TypeError):
            pass          # no cache, or an unreadable one: start afresh
        return cache

    def save(self) -> None:
        """Write the cache, unless it holds just what was loaded."""
        if self._loaded_keys == self._keys():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"parsed": self.parsed, "segments": self.segments, "statements": self.statements,
                "translations": self.translations, "languages": self.languages, "statuses": self.statuses}
        with tmp.open("wb") as fh:
            pickle.dump(CODE_DIGEST, fh)
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)
        self._loaded_keys = self._keys()
        _KEPT.clear()
        _KEPT[str(self.path)] = (_file_stamp(self.path), data)


# path → (file status, entries) of the build cache this process last read or wrote: `serve`'s
# rebuilds take the entries from memory rather than unpickling the whole cache every edit. The
# entries are keyed by content digests, so entries a failed build added are still right.
_KEPT: dict[str, tuple[tuple, dict]] = {}


def _file_stamp(path: Path) -> tuple:
    st = os.stat(path)
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


CODE_DIGEST = code_digest()


def describe_held(held: dict[str, list[str]]) -> str:
    """"2 drafts, 1 scheduled story" from BuildReport.held."""
    words = {"drafts": ("draft", "drafts"), "scheduled": ("scheduled story", "scheduled stories"),
             "unfinished": ("unfinished scaffold", "unfinished scaffolds")}
    return ", ".join(f"{len(paths)} {words[kind][len(paths) != 1]}" for kind, paths in held.items() if paths)


def load_stage(config: Config, parsed: dict | None = None, statuses: dict | None = None) -> LoadResult:
    from .sources import load_sources

    return load_sources(config.content_dir, config.root, config.language_codes, config.timezone, parsed, statuses)


def statements_stage(segmented: list[SegmentedArticle], cache: dict | None = None
                     ) -> tuple[dict[str, list], dict[str, list[float]], dict[str, str]]:
    """Key statements of every article, with a newsworthiness score each, and the digest of what
    they were made from (the article's language and body; cached by it). A newsroom translation
    gets statements of its own, extracted from its text by its language's rules, under
    `translation_key(article key, language)`."""
    from .assemble import translation_key
    from .segment import body_digest, segment_articles

    cache = cache if cache is not None else {}
    found: dict[str, list] = {}
    scores: dict[str, list[float]] = {}
    made_from: dict[str, str] = {}
    live = set()

    def extract(key: str, seg: SegmentedArticle | None, article) -> None:
        if key not in cache:
            from .statements import extract_statements, newsworthiness     # imports spaCy: only when needed
            seg = seg or segment_articles([article])[0]
            statements = extract_statements(seg)
            cache[key] = (statements, [newsworthiness(s, seg) for s in statements])

    for seg in segmented:
        key = body_digest(seg.article)
        live.add(key)
        extract(key, seg, seg.article)
        found[seg.article.key], scores[seg.article.key] = cache[key]
        made_from[seg.article.key] = key
        for translation in seg.article.translations:
            article = newsroom_article(seg.article, translation)
            key = body_digest(article)
            live.add(key)
            extract(key, None, article)
            own = translation_key(seg.article.key, translation.lang)
            found[own], scores[own] = cache[key]
            made_from[own] = key
    for key in set(cache) - live:
        del cache[key]
    return found, scores, made_from


def newsroom_article(article: Article, translation: EditorTranslation) -> Article:
    """A newsroom translation as an article of its language, for extracting its own statements."""
    return replace(article, path=translation.path, lang=translation.lang, title=translation.title,
                   body=translation.body, translations=(), dateline=None)


def render_stage(plan: SitePlan, renderer: SiteRenderer, search: SearchIndex) -> Iterator[PageJob]:
    """Every file of the site as a job, but the search bundles (`search.bundle_jobs`)."""
    from .feeds import atom_feeds
    from .render import story_file_jobs

    yield from renderer.render(plan)
    yield from story_file_jobs(plan)
    yield from atom_feeds(plan, renderer)
    yield from other_jobs(plan, renderer, search)


def other_jobs(plan: SitePlan, renderer: SiteRenderer, search: SearchIndex) -> Iterator[PageJob]:
    """The files of the site that are not pages or feeds: sitemap, robots.txt, search pages, assets."""
    from .feeds import robots_txt, sitemap_job
    from .render import ready, static_files

    config = renderer.config
    yield sitemap_job(plan, config.base_url)
    yield ready(robots_txt(config.base_url))
    yield from search.page_jobs()
    for output in static_files(config):
        yield ready(output)


def _shown_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def validate(config: Config, options: BuildOptions, report: BuildReport, parsed: dict | None = None,
             detected: dict | None = None, statuses: dict | None = None) -> LoadResult:
    from .editorial import prepare_articles

    with _timed(report, "load"):
        loaded = load_stage(config, parsed, statuses)
        report.sources = len(loaded.articles) + len({e.path for e in loaded.errors})
        selection = prepare_articles(loaded.articles, content_dir=config.content_dir, root=config.root,
                                     now=options.now or dt.datetime.now(dt.timezone.utc),
                                     drafts=options.drafts, future=options.future, detected=detected)
    loaded.articles = selection.articles
    loaded.errors += selection.errors
    report.warnings = [str(w) for w in selection.warnings]
    report.held = {kind: [a.path for a in held] for kind, held in
                   (("drafts", selection.drafts), ("scheduled", selection.scheduled),
                    ("unfinished", selection.unfinished)) if held}
    report.next_scheduled = selection.next_scheduled.isoformat() if selection.next_scheduled else None
    report.errors = [str(e) for e in sorted(loaded.errors, key=lambda e: (e.path, e.line))]
    if loaded.errors and options.skip_invalid:
        report.skipped = sorted({e.path for e in loaded.errors})
    return loaded


def run_build(config: Config, options: BuildOptions | None = None, progress: Progress | None = None) -> BuildReport:
    """Build the whole site into config.output_dir; raise BuildFailed and leave it untouched on error."""
    with _CyclicGC() as cyclic_gc:
        return _run_build(config, options, progress, cyclic_gc)


def _run_build(config: Config, options: BuildOptions | None, progress: Progress | None,
               cyclic_gc: _CyclicGC) -> BuildReport:
    options = options or BuildOptions()
    progress = progress or Progress(quiet=True)
    report = BuildReport()
    state_dir = config.root / ".hawal"
    lock = BuildLock(state_dir)
    if not options.dry_run:
        try:
            try:
                lock.acquire()
            except BuildLocked as exc:
                if not options.wait:
                    raise
                # Said only when another build really holds the lock.
                progress.line(f"waiting: {exc.holder} holds the build lock…")
                lock.acquire(wait=True)
        except OSError as exc:
            raise _storage_failure(report, exc, config.output_dir) from None
    swapped = False

    def site_swapped() -> None:
        nonlocal swapped
        swapped = True

    try:
        inputs = None
        if not options.dry_run:
            with _timed(report, "check"):
                inputs = fingerprint.build_fingerprint(config, options)
                made_of = fingerprint.with_translation_memory(inputs, config)
                last = fingerprint.unchanged_report(state_dir, config.output_dir.resolve(), made_of)
            if last is not None and _still_current(last, options.now):
                return _unchanged(last, report)
        later: list[SearchCatchUp] = []
        recorded = _full_build(config, options, progress, cyclic_gc, report, state_dir, site_swapped, later)
        if later:               # recorded by the catch-up, once the search index is in place too
            catch_up = later[0]
            catch_up.report, catch_up.inputs = asdict(report), inputs if recorded else None
            assert options.search_later is not None
            options.search_later(catch_up)
        elif inputs is not None and recorded:
            try:
                # Inputs as they were when the build read them; the memory as the build left it.
                made_of = fingerprint.with_translation_memory(inputs, config)
                fingerprint.remember(state_dir, config.output_dir.resolve(), made_of, asdict(report))
            except OSError as exc:      # the next build runs in full: nothing is lost
                progress.warn(f"warning: {describe_os_error(exc, 'cannot record the build')}")
        return report
    except OSError as exc:
        if swapped:
            raise
        raise _storage_failure(report, exc, config.output_dir) from None
    finally:
        lock.release()


def _still_current(last: dict, now: dt.datetime | None = None) -> bool:
    """Whether a build's output can still stand: a story held back until a time that has come
    since makes the same inputs give another site."""
    due = last.get("next_scheduled")
    return not due or dt.datetime.fromisoformat(due) > (now or dt.datetime.now(dt.timezone.utc))


def _unchanged(last: dict, report: BuildReport) -> BuildReport:
    """The report of a build that found every input as the last complete build left it."""
    seconds = report.seconds
    for name, value in last.items():
        if hasattr(report, name):
            setattr(report, name, value)
    t = report.translation
    report.translation = {**t, "computed": 0, "cached": t.get("computed", 0) + t.get("cached", 0)}
    report.rendered, report.reused, report.seconds = 0, report.files, seconds
    report.ok = True
    return report


def _full_build(config: Config, options: BuildOptions, progress: Progress, cyclic_gc: _CyclicGC,
                report: BuildReport, state_dir: Path, site_swapped: Callable[[], None],
                later: list[SearchCatchUp] | None = None) -> bool:
    """Build the site (the caller holds the lock); whether the build could record itself
    (its marker and caches) once the new site was in place. With `options.search_later`, a
    build that swapped its pages in before the search index appends its catch-up to `later`."""
    from .assemble import assemble_site
    from .bodies import BodyCache
    from .feeds import atom_feeds
    from .output import TreeManifests, write_build_marker, write_site
    from .parallel import PagePrefetch, bodies_in_workers, known_keys, segment_in_workers, statements_in_workers
    from .render import SiteRenderer, static_listing, story_file_jobs
    from .search import SearchIndex, SearchIndexError
    from .segment import segment_articles
    from .translate import TranslationOutcome, translate_articles
    from .translate.protect import GlossaryError, load_glossary
    from .translate.stage import TranslationError

    cache = BuildCache.load(state_dir / "cache" / "build.pickle") if not options.dry_run else BuildCache(Path())
    loaded = validate(config, options, report, cache.parsed, cache.languages, cache.statuses)
    # static/ is published as it is: anything there that is not a regular file stops the build.
    refused_static = [f"{_shown_path(r.path, config.root)}:1: {r.reason}" for r in static_listing(config).refused]
    report.errors += refused_static
    if (loaded.errors and not options.skip_invalid) or refused_static:
        raise BuildFailed(report)
    if not loaded.articles:
        held = sum(len(paths) for paths in report.held.values())
        hint = ("; `build --drafts --future` includes drafts and scheduled stories"
                if {"drafts", "scheduled"} & set(report.held) else "")
        report.errors.append(f"{config.content_dir}: no article to publish" + (
            f" ({held} held back: {describe_held(report.held)}{hint})" if held else ": no article sources found"))
        raise BuildFailed(report)
    report.articles = len(loaded.articles)
    jobs = options.jobs or default_jobs()
    with _timed(report, "segment"):
        segment_in_workers(loaded.articles, cache.segments, jobs)
        segmented = segment_articles(loaded.articles, cache=cache.segments)
    if options.dry_run:
        try:
            load_glossary(config.translation.glossary)
        except GlossaryError as exc:
            report.errors.append(f"error: {exc}")
            raise BuildFailed(report) from None
        report.ok = True
        return False
    with _timed(report, "translate"):
        try:
            outcome: TranslationOutcome = translate_articles(
                segmented, config.language_codes, config.translation, progress, options.retranslate,
                cache=cache.translations, engines=options.engines)
        except (GlossaryError, TranslationError) as exc:
            report.errors.append(f"error: {exc}")
            raise BuildFailed(report) from None
    report.translation = {"computed": outcome.counts.computed, "cached": outcome.counts.cached,
                          "missing": outcome.counts.missing, "guarded": outcome.counts.guarded,
                          "reviewed": outcome.counts.reviewed}
    report.guarded = [str(g) for g in outcome.guarded]
    report.stale = [str(c) for c in outcome.stale]
    report.missing_pairs = sorted(f"{a}→{b}" for a, b in outcome.missing_pairs)
    with _timed(report, "statements"):
        statements_in_workers(segmented, cache.statements, jobs)
        statements, scores, statement_keys = statements_stage(segmented, cache.statements)
    report.statements = sum(len(v) for v in statements.values())
    with _timed(report, "assemble"):
        plan = assemble_site(config.language_codes, outcome.versions, segmented, statements, scores,
                             config.statements_per_day, dt.datetime.now(dt.timezone.utc), outcome.missing_pairs,
                             statement_keys)
    cyclic_gc.long_lived_made()
    pages: dict[str, int] = {}
    deferred: list = []
    made = 0

    def counted(jobs: list[PageJob], task) -> Iterator[PageJob]:
        nonlocal made
        for job in jobs:
            # Files either tree of the site holds are linked or kept, not rendered: they make no
            # garbage, and an edit-one rebuild goes through every file of the site (a collection
            # walks every young object, the whole site's jobs the first time).
            if not job.key or job.key not in known:
                made += 1
                if made % COLLECT_EVERY == 0:
                    cyclic_gc.collect_young()
            if job.path.endswith(".html"):
                lang = job.path.split("/", 1)[0] if "/" in job.path else "root"
                pages[lang] = pages.get(lang, 0) + 1
            yield job
            task.advance()

    with _timed(report, "render+write"):
        renderer = SiteRenderer(config, BodyCache(state_dir / "cache" / "bodies.pickle"))
        manifests = TreeManifests(state_dir / "cache" / "trees")
        try:
            rendered, feeds = list(renderer.render(plan)), list(atom_feeds(plan, renderer))
            page_jobs = rendered + feeds
            site_dir = config.output_dir.resolve()
            known = known_keys(manifests, site_dir, site_dir.with_name(f"{site_dir.name}.next"))
            if sum(1 for job in page_jobs if job.key not in known) >= workers.PARALLEL_MIN:
                bodies_in_workers(plan, renderer, jobs)
            # Workers are forked before Pagefind's threads start; they render while this
            # process indexes, links and writes.
            with PagePrefetch(page_jobs, renderer, known, jobs) as prefetch, \
                    SearchIndex(plan, renderer, runs=1 if prefetch.count else None) as search:
                # (While workers render, one Pagefind run at a time keeps up and keeps memory down.)
                jobs_list = ([prefetch.wrap(job) for job in rendered] + list(story_file_jobs(plan))
                             + [prefetch.wrap(job) for job in feeds] + list(other_jobs(plan, renderer, search)))
                with progress.task("Writing the site", len(jobs_list) + search.known_bundle_files(),
                                   unit="files") as task:
                    def bundles_now() -> list[PageJob]:
                        nonlocal deferred
                        if options.search_later is not None and later is not None and search.pending_shards():
                            found = search.bundle_jobs_so_far(manifests.read(site_dir) or {}, site_dir)
                            if found is not None:
                                deferred = search.pending_shards()
                                return found
                        return search.bundle_jobs()

                    def every_job() -> Iterator[PageJob]:
                        yield from counted(jobs_list, task)
                        bundles = bundles_now()
                        task.set_total(len(jobs_list) + len(bundles))
                        yield from counted(bundles, task)

                    written = write_site(every_job(), config.output_dir, manifests, options.on_file)
                    site_swapped()
                    if deferred and later is not None:
                        from .catchup import SearchCatchUp

                        search.keep_open()
                        later.append(SearchCatchUp(config, search, renderer, deferred, manifests, written.keys))
        except SearchIndexError as exc:
            report.errors.append(f"error: {exc}")
            raise BuildFailed(report) from None
        finally:
            if not later:
                renderer.close()
    recorded = True
    try:
        write_build_marker(state_dir, config.output_dir, written.files)

        def save_caches() -> None:
            cache.save()
            renderer.bodies.save(renderer.body_key(page.version) for lang in plan.languages
                                 for page in plan.sites[lang].articles)

        if later:       # saved by the catch-up, after Pagefind (which asks for bodies) and off the edit's time
            later[0].save_caches = save_caches
        else:
            save_caches()
    except OSError as exc:      # the new site is in place; only what speeds up the next build is missing
        recorded = False
        progress.warn(f"warning: {describe_os_error(exc, 'cannot save the build cache')} "
                      "(the site was written; `publish` waits for a build that can record itself)")
    report.pages, report.files, report.bytes = pages, written.files, written.bytes
    report.rendered, report.reused = written.rendered, written.reused
    report.ok = True
    return recorded
