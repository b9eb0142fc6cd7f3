"""`python build.py translate`: fill the translation memory for a whole archive without building.

The build's own stages, without rendering: load → segment → the translate stage's planning and
masking (`plan_translation`) → an engine (this machine's, or a Ray cluster's) → the translation
memory (`run_models`, one commit per CTranslate2 call). A build afterwards finds every sentence
in the memory; an interrupted run keeps every finished call, so running it again computes the rest.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import textwrap
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..config import Config, ConfigError, load_config
from ..progress import Progress, format_duration
from ..segment import segment_articles
from ..sources import Article, load_sources
from .cluster import ClusterError
from .engine import Engine, EngineSettings
from .packages import InstalledModel
from .protect import GlossaryError
from .stage import ModelTasks, TranslationError, describe_missing, plan_translation, run_models

CHUNK_ARTICLES = 5000         # articles segmented, planned and translated at a time


@dataclass(frozen=True)
class Selection:
    """Which articles and languages a run covers (everything by default)."""

    languages: tuple[str, ...] = ()          # target languages; () means every configured one
    since: dt.date | None = None
    paths: tuple[Path, ...] = ()             # files or folders; () means all of content/


@dataclass
class DirectionCounts:
    pair: str                                # "en→ar"
    model: str
    computed: int = 0                        # distinct sentences (and titles) the model translated now
    remembered: int = 0                      # found in the translation memory


@dataclass
class TranslateReport:
    articles: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    directions: list[DirectionCounts] = field(default_factory=list)
    missing_pairs: list[tuple[str, str]] = field(default_factory=list)
    missing: int = 0                         # sentences left untranslated for want of a model
    calls: int = 0
    seconds: float = 0.0

    @property
    def computed(self) -> int:
        return sum(d.computed for d in self.directions)

    @property
    def remembered(self) -> int:
        return sum(d.remembered for d in self.directions)


class TranslateFailed(Exception):
    def __init__(self, report: TranslateReport):
        super().__init__("; ".join(report.errors))
        self.report = report


class JobProgress(ModelTasks):
    """One bar for the whole run: the sentences the models compute (done / total, rate, time left).

    The archive is planned chunk by chunk, so the total is an estimate until the last chunk is
    planned: what the planned chunks must compute, scaled to all the articles (a pivot's second
    leg counts at most, then exactly once it is planned)."""

    def __init__(self, progress: Progress, articles: int):
        super().__init__(progress)
        self._stack = ExitStack()
        self.bar = None
        self.articles = articles
        self.articles_planned = 0
        self.settled = 0                   # exact to-compute counts of earlier chunks
        self.chunk = 0                     # exact to-compute counts of this chunk's planned legs

    def start_chunk(self, articles: int) -> None:
        self.settled += self.chunk
        self.chunk = 0
        self.articles_planned += articles

    def planned(self, todo: Sequence[tuple[InstalledModel, int]], later: int) -> None:
        self.chunk += sum(n for _, n in todo)
        known = self.settled + self.chunk + later
        total = round(known * self.articles / max(self.articles_planned, 1))
        if self.bar is None or not self.bar.total:
            self._stack.close()
            self.bar = self._stack.enter_context(self.progress.task("Translating", total, unit="sentences"))
        else:
            self.bar.set_total(max(total, self.bar.done))

    @contextmanager
    def model(self, model: InstalledModel, seen: int, todo: int) -> Iterator[Callable[[int], None]]:
        yield self.bar.advance

    def close(self) -> None:
        self._stack.close()


def select_articles(articles: Sequence[Article], root: Path, selection: Selection) -> tuple[list[Article], list[str]]:
    """The articles a selection covers, and a line for each PATH that matches no source."""
    chosen = [a for a in articles if selection.since is None or a.date >= selection.since]
    if not selection.paths:
        return chosen, []
    wanted = [p.resolve() for p in selection.paths]
    problems = [f"{p}: no article sources there" for p in selection.paths if not p.exists()]

    def within(article: Article) -> bool:
        path = (root / article.path).resolve()
        return any(path == w or w in path.parents for w in wanted)

    matched = [a for a in chosen if within(a)]
    if not problems and not matched and not any(within(a) for a in articles):
        problems = [f"{', '.join(map(str, selection.paths))}: no article sources there"]
    return matched, problems


def translate_archive(config: Config, selection: Selection = Selection(), *, engine=None,
                      progress: Progress | None = None, skip_invalid: bool = False) -> TranslateReport:
    """Compute every machine translation the selection still lacks into the translation memory.

    `engine` is the local Engine by default, or a connected cluster's (`RayEngine`). Raises
    TranslateFailed when sources are invalid (unless skip_invalid) or the selection is empty."""
    progress = progress or Progress(quiet=True)
    report = TranslateReport()
    started = time.perf_counter()
    unknown = [lang for lang in selection.languages if lang not in config.language_codes]
    if unknown:
        report.errors.append(f"--lang: {', '.join(unknown)} is not a configured language "
                             f"(configured: {', '.join(config.language_codes)})")
        raise TranslateFailed(report)
    loaded = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    articles, problems = select_articles(loaded.articles, config.root, selection)
    if problems:
        report.errors.extend(problems)
        raise TranslateFailed(report)
    errors = [e for e in sorted(loaded.errors, key=lambda e: (e.path, e.line))
              if not selection.paths or any(_under(config.root / e.path, p) for p in selection.paths)]
    report.errors = [str(e) for e in errors]
    if errors:
        if not skip_invalid:
            raise TranslateFailed(report)
        report.skipped = sorted({e.path for e in errors})
    if not articles:
        report.errors.append(f"{config.content_dir}: no article sources match")
        raise TranslateFailed(report)
    report.articles = len(articles)

    languages = selection.languages or config.language_codes
    engine = engine or Engine(EngineSettings.from_config(config.translation))
    calls_before = engine.calls
    directions: dict[str, DirectionCounts] = {}
    missing_pairs: set[tuple[str, str]] = set()
    tasks = JobProgress(progress, len(articles))
    try:
        # Chunk by chunk: translation starts once the first chunk is planned, and the driver holds
        # one chunk's masked sentences at a time. Each model still gets thousands of calls a chunk.
        for start in range(0, len(articles), CHUNK_ARTICLES):
            chunk = articles[start:start + CHUNK_ARTICLES]
            if start == 0 and len(articles) > CHUNK_ARTICLES:
                progress.line(f"{len(articles)} articles, segmented and planned {CHUNK_ARTICLES} at a time")
            try:
                plan = plan_translation(segment_articles(chunk), languages, config.translation,
                                        progress if start == 0 else Progress(quiet=True))
            except GlossaryError as exc:
                raise TranslationError(str(exc)) from None
            report.missing += plan.outcome.counts.missing
            missing_pairs |= plan.outcome.missing_pairs
            tasks.start_chunk(len(chunk))
            if not plan.jobs:
                continue
            for w in run_models(plan.jobs, engine, config.translation, tasks).values():
                counts = directions.setdefault(str(w.model.path), DirectionCounts(w.model.pair, w.model.name))
                counts.computed += len(w.computed)
                counts.remembered += len(w.results) - len(w.computed)
    finally:
        tasks.close()
    report.calls = engine.calls - calls_before
    report.directions = list(directions.values())
    report.missing_pairs = sorted(missing_pairs)
    report.seconds = time.perf_counter() - started
    return report


def _under(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


# --- command line ---------------------------------------------------------------------------------

def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "translate", help="fill the translation memory without building (an archive; on a Ray cluster)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Compute every machine translation the articles still lack into the translation memory, without "
            "rendering: a build afterwards computes nothing. Each finished batch is committed at once, so an "
            "interrupted run (Ctrl-C, a killed process, a lost machine) keeps its work and the same command run "
            "again computes only the rest.", 88),
        epilog="examples:\n"
               "  python build.py translate                        everything, on this machine\n"
               "  python build.py translate --lang ar --since 2020-01-01 content/2020\n"
               "  python build.py translate --cluster ray://head:10001 --cpus-per-worker 2\n"
               "Ray is optional: pip install 'hawal[ray]'. See the README, \"Translating an archive on a cluster\".")
    p.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                   help="only sources in these files or folders (default: all of content/)")
    p.add_argument("--lang", action="append", metavar="L", default=[],
                   help="only into this language (repeat, or comma-separate; default: every configured language)")
    p.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="only articles dated on or after this day")
    p.add_argument("--skip-invalid", action="store_true", help="translate the valid sources and list the others")
    p.add_argument("--cluster", metavar="WHERE",
                   help="run on Ray: `ray` (the cluster in RAY_ADDRESS, else the one started here with `ray start`, "
                        "else a new one on this machine), `ray://HOST:PORT` (Ray Client) or `auto` (Ray when a "
                        "cluster is running, else this machine); default: this machine, no Ray")
    p.add_argument("--workers", type=int, metavar="N",
                   help="Ray workers (default: one per GPU, else one per --cpus-per-worker CPUs of the cluster)")
    p.add_argument("--cpus-per-worker", type=int, default=1, metavar="N",
                   help="CPUs (CTranslate2 threads) of each Ray worker on CPU nodes (default: %(default)s)")
    p.add_argument("--worker-models", metavar="DIR",
                   help="workers read the model packages from DIR (a shared or copied folder) instead of receiving "
                        "them through Ray's object store; each is checked against the driver's")
    p.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    p.set_defaults(func=cmd_translate)


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def cmd_translate(args) -> int:
    from ..commands import config_error_at_line

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        return _fail(config_error_at_line(args.config, str(exc)), 2)
    progress = Progress(quiet=args.quiet)
    selection = Selection(tuple(l.strip() for spec in args.lang for l in spec.split(",") if l.strip()),
                          args.since, tuple(args.paths))
    with ExitStack() as stack:
        engine, where = None, "on this machine"
        if args.cluster:
            from .cluster import RAY_HINT, ConnectTimedOut, RayEngine, connect, ray_available

            if args.cluster == "auto" and not ray_available():
                progress.line(f"Ray is not installed ({RAY_HINT}): translating on this machine")
            else:
                try:
                    connection = connect(args.cluster)
                    stack.callback(connection.close)
                    engine = stack.enter_context(RayEngine(
                        EngineSettings.from_config(config.translation), workers=args.workers,
                        cpus_per_worker=args.cpus_per_worker, worker_models=args.worker_models, line=progress.line))
                    engine.start()
                    where = f"on the {connection.description}: {engine.describe()}"
                except ClusterError as exc:
                    if isinstance(exc, ConnectTimedOut):
                        # Ray's connect is still stuck in its thread and would keep the process alive.
                        _fail(str(exc), 2)
                        sys.stdout.flush()
                        sys.stderr.flush()
                        os._exit(2)
                    if args.cluster != "auto":
                        return _fail(str(exc), 2)
                    progress.line(f"{exc}: translating on this machine")
                    engine = None
        progress.line(f"translating {where}")
        try:
            report = translate_archive(config, selection, engine=engine, progress=progress,
                                       skip_invalid=args.skip_invalid)
        except TranslateFailed as exc:
            for line in exc.report.errors:
                print(line, file=sys.stderr)
            print(f"translate failed: {len(exc.report.errors)} problem(s); nothing was translated", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("interrupted: every finished batch is in the translation memory; run the same command again "
                  "to translate the rest", file=sys.stderr)
            return 130
        except (TranslationError, ClusterError) as exc:
            return _fail(f"{exc}; every finished batch is in the translation memory")
    _print_summary(report, config, progress)
    return 0


def _print_summary(report: TranslateReport, config: Config, progress: Progress) -> None:
    for line in report.errors:
        print(line, file=sys.stderr)
    rate = report.computed / report.seconds if report.seconds > 0 else 0.0
    progress.line(f"translated {report.computed} sentences for {report.articles} articles in "
                  f"{format_duration(report.seconds)} ({rate:,.1f} sentences/s overall); "
                  f"{report.remembered} were already in the translation memory")
    for d in sorted(report.directions, key=lambda d: d.pair):
        progress.line(f"  {d.pair}: {d.computed} computed, {d.remembered} from memory ({d.model})")
    if report.missing_pairs:
        progress.line(f"{report.missing} sentences have no model (pages will show the original):")
        for line in describe_missing(report.missing_pairs, config.translation.models_dir):
            progress.line("  " + line)
    for path in report.skipped:
        progress.line(f"skipped: {path}")
