"""The build's stages on every core: each function fills a stage's cache in worker processes
(`hawal.workers`), so the stage itself, run afterwards in the build process as always, finds
everything made and the result is the same as a single-process build's by construction.

Used only for batches big enough to pay for the fork (a clean build, a template change);
an incremental build never forks.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from . import workers
from .render import OutputFile, PageJob

if TYPE_CHECKING:
    from .assemble import SitePlan
    from .output import TreeManifests
    from .render import SiteRenderer
    from .segment import SegmentedArticle
    from .sources import Article


def segment_in_workers(articles: Sequence["Article"], cache: dict, jobs: int) -> None:
    """Segment the articles `cache` lacks, in workers (see `segment.segment_articles`)."""
    from .segment import body_digest, segment_articles, sentence_pipeline

    todo = list({body_digest(a): a for a in articles if body_digest(a) not in cache}.values())
    if not workers.parallel(len(todo), jobs):
        return
    for lang in sorted({a.lang for a in todo}):
        sentence_pipeline(lang)                  # made once here, inherited by every worker
    chunks = workers.shares(todo, jobs * 4)

    def segment_chunk(n: int) -> dict:
        made: dict = {}
        segment_articles(chunks[n], cache=made)
        return made

    for made in workers.map_in_workers(segment_chunk, len(chunks), jobs):
        cache.update(made)


def statements_in_workers(segmented: Sequence["SegmentedArticle"], cache: dict, jobs: int) -> None:
    """Extract the statements `cache` lacks, in workers (see `pipeline.statements_stage`)."""
    from .pipeline import statements_stage
    from .segment import body_digest

    todo = list({body_digest(s.article): s for s in segmented if body_digest(s.article) not in cache}.values())
    if not workers.parallel(len(todo), jobs):
        return
    import hawal.statements as statements
    statements.extract_statements          # imports spaCy and the extractor once, before the fork
    chunks = workers.shares(todo, jobs * 4)

    def extract_chunk(n: int) -> dict:
        made: dict = {}
        statements_stage(chunks[n], made)
        return made

    for made in workers.map_in_workers(extract_chunk, len(chunks), jobs):
        cache.update(made)


def bodies_in_workers(plan: "SitePlan", renderer: "SiteRenderer", jobs: int) -> None:
    """Render the article bodies the body cache lacks, in workers: pages, feeds and search
    records then find every body made."""
    versions = {}
    for lang in plan.languages:
        for page in plan.sites[lang].articles:
            versions.setdefault(renderer.body_key(page.version), page.version)
    todo = renderer.bodies.missing(versions)
    if not workers.parallel(len(todo), jobs):
        return
    chunks = workers.shares([versions[k] for k in todo], jobs * 8)

    def render_chunk(n: int) -> dict[str, str]:
        for version in chunks[n]:
            renderer.body_html(version)
        return renderer.bodies.take_fresh()

    for made in workers.map_in_workers(render_chunk, len(chunks), jobs):
        renderer.bodies.merge(made)
    from .bodycheck import forget_rendered

    forget_rendered()              # what validation rendered for the workers' bodies: made and cached now


class PagePrefetch:
    """Pages rendered in workers ahead of the writer.

    Made with the jobs of a build, it forks workers at once for the jobs that no tree of the site
    has (those `write_site` will have to make) and starts them in order; `wrap` gives jobs whose
    `make` returns the workers' output. This process renders a share itself, as the writer
    reaches it (one chunk in `1 + processes`): it writes the site and feeds Pagefind too, and
    every forked process holds its own copy of what it touches, so one process fewer keeps the
    build's memory down at the same speed.
    """

    CHUNK = 8

    def __init__(self, jobs: list[PageJob], renderer: "SiteRenderer", known_keys: set[str], processes: int):
        todo = [job for job in jobs if not job.key or job.key not in known_keys]
        self._index: dict[int, int] = {}
        self._stash: dict[int, OutputFile] = {}
        self._map: workers.ForkedMap | None = None
        self._results = None
        if workers.parallel(len(todo), processes):
            share = processes + 1
            theirs = [job for n, job in enumerate(todo) if (n // self.CHUNK) % share != 0]
            self._index = {id(job): n for n, job in enumerate(theirs)}

            def make(n: int) -> tuple[int, str, bytes, dict[str, str]]:
                output = theirs[n].make()
                return n, output.path, output.data, renderer.bodies.take_fresh()

            self._map = workers.ForkedMap(make, len(theirs), max(1, processes - 1), self.CHUNK)
            self._results = iter(self._map)
        self.renderer = renderer
        self.count = len(self._index)

    def wrap(self, job: PageJob) -> PageJob:
        if id(job) not in self._index:
            return job
        return PageJob(job.path, job.key, lambda: self._take(job))

    def _take(self, job: PageJob) -> OutputFile:
        n = self._index[id(job)]
        while n not in self._stash:
            got, path, data, bodies = next(self._results)
            if bodies:
                self.renderer.bodies.merge(bodies)
            self._stash[got] = OutputFile(path, data)
        return self._stash.pop(n)

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None

    def __enter__(self) -> "PagePrefetch":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def known_keys(manifests: "TreeManifests", *trees) -> set[str]:
    """Every input digest the given output trees hold files for."""
    keys: set[str] = set()
    for tree in trees:
        if tree.exists():
            keys.update((manifests.read(tree) or {}).values())
    return keys
