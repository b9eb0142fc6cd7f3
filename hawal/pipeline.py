"""The build pipeline: load → segment → translate → statements → assemble → render → write.

Each stage is a plain function with typed data in and out; this module only runs them in order,
times them and collects the report. Data flows one way.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterator

from .assemble import SitePlan, assemble_site
from .config import Config
from .feeds import atom_feeds, robots_txt, sitemap
from .output import BuildLock, write_build_marker, write_site
from .progress import Progress
from .render import OutputFile, SiteRenderer, static_files
from .segment import SegmentedArticle, segment_articles
from .sources import LoadResult, load_sources
from .translate import TranslationOutcome, translate_articles


@dataclass
class BuildOptions:
    skip_invalid: bool = False
    retranslate: bool = False
    wait: bool = False
    dry_run: bool = False                 # `check`: validate only, write nothing
    on_file: Callable[[OutputFile], None] | None = None   # called after each file is written (tests)


@dataclass
class BuildReport:
    ok: bool = False
    sources: int = 0
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    translation: dict[str, int] = field(default_factory=lambda: {"computed": 0, "cached": 0, "missing": 0})
    missing_pairs: list[str] = field(default_factory=list)
    statements: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


class BuildFailed(Exception):
    """The build stopped; the report says why and the site was left as it was."""

    def __init__(self, report: BuildReport):
        super().__init__("; ".join(report.errors) or "build failed")
        self.report = report


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.seconds[stage] = round(report.seconds.get(stage, 0.0) + time.perf_counter() - start, 4)


def load_stage(config: Config) -> LoadResult:
    return load_sources(config.content_dir, config.root, config.language_codes, config.timezone)


def statements_stage(segmented: list[SegmentedArticle]) -> tuple[dict[str, list], dict[str, list[float]]]:
    """Key statements of every article, with a newsworthiness score each."""
    from .statements import extract_statements, newsworthiness

    found: dict[str, list] = {}
    scores: dict[str, list[float]] = {}
    for seg in segmented:
        statements = extract_statements(seg)
        found[seg.article.key] = statements
        scores[seg.article.key] = [newsworthiness(s, seg) for s in statements]
    return found, scores


def render_stage(plan: SitePlan, config: Config) -> Iterator[OutputFile]:
    renderer = SiteRenderer(config)
    yield from renderer.render(plan)
    yield from atom_feeds(plan, renderer)
    yield sitemap(plan, config.base_url)
    yield robots_txt(config.base_url)
    yield from static_files(config)


def validate(config: Config, options: BuildOptions, report: BuildReport) -> LoadResult:
    with _timed(report, "load"):
        loaded = load_stage(config)
    report.sources = len(loaded.articles) + len({e.path for e in loaded.errors})
    report.errors = [str(e) for e in sorted(loaded.errors, key=lambda e: (e.path, e.line))]
    if loaded.errors and options.skip_invalid:
        report.skipped = sorted({e.path for e in loaded.errors})
    return loaded


def run_build(config: Config, options: BuildOptions | None = None, progress: Progress | None = None) -> BuildReport:
    """Build the whole site into config.output_dir; raise BuildFailed and leave it untouched on error."""
    options = options or BuildOptions()
    progress = progress or Progress(quiet=True)
    report = BuildReport()
    state_dir = config.root / ".hawal"
    lock = BuildLock(state_dir)
    if not options.dry_run:
        if options.wait:
            progress.line("waiting for the other build to finish…")
        lock.acquire(wait=options.wait)
    try:
        loaded = validate(config, options, report)
        if loaded.errors and not options.skip_invalid:
            raise BuildFailed(report)
        if not loaded.articles:
            report.errors.append(f"{config.content_dir}: no article sources found")
            raise BuildFailed(report)
        report.articles = len(loaded.articles)
        with _timed(report, "segment"):
            segmented = segment_articles(loaded.articles)
        if options.dry_run:
            report.ok = True
            return report
        with _timed(report, "translate"):
            outcome: TranslationOutcome = translate_articles(
                segmented, config.language_codes, config.translation, progress, options.retranslate)
        report.translation = {"computed": outcome.counts.computed, "cached": outcome.counts.cached,
                              "missing": outcome.counts.missing}
        report.missing_pairs = sorted(f"{a}→{b}" for a, b in outcome.missing_pairs)
        with _timed(report, "statements"):
            statements, scores = statements_stage(segmented)
        report.statements = sum(len(v) for v in statements.values())
        with _timed(report, "assemble"):
            plan = assemble_site(config.language_codes, outcome.versions, segmented, statements, scores,
                                 config.statements_per_day, dt.datetime.now(dt.timezone.utc), outcome.missing_pairs)
        pages: dict[str, int] = {}

        def count(output: OutputFile) -> None:
            if output.path.endswith(".html"):
                lang = output.path.split("/", 1)[0] if "/" in output.path else "root"
                pages[lang] = pages.get(lang, 0) + 1
            if options.on_file is not None:
                options.on_file(output)

        with _timed(report, "render+write"):
            written = write_site(render_stage(plan, config), config.output_dir, on_file=count)
        write_build_marker(state_dir, config.output_dir, written.files)
        report.pages, report.files, report.bytes = pages, written.files, written.bytes
        report.ok = True
        return report
    finally:
        lock.release()
