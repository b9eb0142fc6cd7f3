"""Translate stage: SegmentedArticles in, one ArticleVersion per (article, language) out.

The original language is passed through; an editor's translation wins over a machine one; where
no model can reach a language the version carries the original text and says so. Nothing here
ever invents a translation.

Machine translation works on sentences (and titles). Every sentence of the build that needs one
model is gathered first, so each model runs a few large, length-sorted CTranslate2 calls; a pivot
route (ckb→en→ar) runs its second leg after all first legs. Results go through the translation
memory, committed per call. Finished versions are kept in a cache keyed by everything they are
made from (the article's text and title, the models' weights along the route, the glossary), so a
rebuild masks and restores only the sentences of articles that changed.

`python build.py translate` runs the same planning (`plan_translation`) and model runs
(`run_models`) without finishing versions, on the local engine or a Ray cluster's.

Two things stand between a model and a reader. The newsroom's reviewed corrections (imported with
`translations import`, kept in the translation memory) replace the machine sentence they correct,
whatever the model; a correction whose source sentence has changed since is reported as stale and
not applied. Every machine sentence and title that is left passes the guard (`guard.py`); one that
fails is shown in the original language, marked, and counted.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from .. import langs
from ..config import TranslationConfig
from ..digests import text_digest
from ..errors import InputError
from ..progress import Progress
from ..segment import SegmentedArticle, apply_sentence_translations, body_digest
from .engine import Engine, EnginePool, EngineSettings
from .guard import GuardFailure, check_translation
from .memory import Correction, TranslationMemory, TranslationMemoryError, normalize_sentence
from .units import parse_unit_id
from .packages import InstalledModel, PackageError, best_models, discover_models, find_route
from ..markup import markdown_inline_to_text
from .protect import Glossary, MaskedText, finish, load_glossary, mask

INSTALL_HINT = "python build.py models install PATH.argosmodel"


class TranslationError(InputError, RuntimeError):
    """A model that is installed cannot be used; the message names it."""


# Licences models are published under, by the id packages give (SPDX), with what readers may read.
LICENCE_URLS = {
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "MIT": "https://opensource.org/license/mit",
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
}


@dataclass(frozen=True)
class ModelCredit:
    """A translation model as readers are told about it: its name in words, who made it, its licence."""

    name: str                        # "NLLB-200"
    credit: str = ""                 # "Meta AI, No Language Left Behind"
    licence: str = ""                # "CC-BY-NC-4.0"; "" when the package states none

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def licence_words(self) -> str:
        """"CC BY-NC 4.0" for "CC-BY-NC-4.0": how the licence names itself."""
        if self.licence.startswith("CC-"):
            parts = self.licence.split("-")
            return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
        return self.licence


def model_credit(model: InstalledModel) -> ModelCredit:
    licence = model.licence if model.licence and model.licence != "not stated" else ""
    return ModelCredit(model.model_name or model.name, model.credit, licence)


@dataclass(frozen=True)
class Provenance:
    """Where the text of a page in one language comes from.

    `kind` decides the label readers see (templates/partials/provenance.html is the one place that
    words it; the card badge in partials/article_card.html follows it): "original", "machine"
    (with the models' credits and licences), "reviewed" (a machine translation whose every
    sentence the newsroom reviewed), "newsroom", or "missing" (no model: the original is shown).
    A new kind is one more value here and one more branch there."""

    kind: str                        # "original" | "machine" | "reviewed" | "newsroom" | "missing"
    source_lang: str
    route: tuple[str, ...] = ()      # languages along the way: source, pivot, target
    models: tuple[str, ...] = ()     # model names used along the route
    credits: tuple[ModelCredit, ...] = ()   # the models in words, with credit and licence (machine)
    units: int = 0                   # machine and reviewed: the title and sentences translated
    reviewed: int = 0                # … of which the newsroom reviewed
    guarded: int = 0                 # … of which failed the guard and are shown in the original

    @property
    def model_words(self) -> str:
        """The models in words, each once: "NLLB-200"."""
        return ", ".join(dict.fromkeys(c.name for c in self.credits)) or ", ".join(self.models)

    @property
    def licensed_credits(self) -> tuple[ModelCredit, ...]:
        """Each distinct model credit once (a pivot route may use one model twice)."""
        return tuple(dict.fromkeys(self.credits))

    @property
    def install_hint(self) -> str:
        return INSTALL_HINT

    @property
    def pivoted(self) -> bool:
        return len(self.route) > 2


@dataclass(frozen=True)
class UnitReport:
    """The title or one sentence of a machine-translated version: what the model made of it, and
    whether the guard let it through or the newsroom's correction stood in."""

    position: int                    # 0: the title; n: sentence n (1-based)
    source: str                      # the original text
    status: str                      # "machine" | "guarded" | "reviewed"
    machine: str = ""                # the model's finished text ("" when a correction stood in)
    failure: GuardFailure | None = None    # why the guard stopped it

    @property
    def is_title(self) -> bool:
        return self.position == 0


@dataclass(frozen=True)
class ArticleVersion:
    """An article in one language, ready to render."""

    segmented: SegmentedArticle
    lang: str
    title: str
    body: str                        # Markdown in `lang` (the original text when kind is "missing")
    sentences: tuple[str, ...]       # aligned with segmented.sentences; () when not aligned
    provenance: Provenance
    units: tuple[UnitReport, ...] = ()     # machine and reviewed versions: title, then each sentence

    @property
    def title_lang(self) -> str:
        """The language the title is in: the original's when the guard stopped the machine title."""
        if self.units and self.units[0].status == "guarded":
            return self.article.lang
        return self.text_lang

    @property
    def guarded_sentences(self) -> frozenset[int]:
        """Indices (0-based, into `sentences`) of sentences shown in the original language."""
        return frozenset(u.position - 1 for u in self.units if u.status == "guarded" and u.position)

    @property
    def article(self):
        return self.segmented.article

    @property
    def text_lang(self) -> str:
        """The language the text really is in (the original's when not translated)."""
        return self.article.lang if self.provenance.kind == "missing" else self.lang


@dataclass
class TranslationCounts:
    computed: int = 0                # sentences (and titles) a model translated in this build
    cached: int = 0                  # taken from the translation memory
    missing: int = 0                 # left untranslated for want of a model
    copied: int = 0                  # nothing to translate (only numbers, links, code): copied as is
    guarded: int = 0                 # machine output that failed the guard: the original is shown
    reviewed: int = 0                # the newsroom's reviewed corrections shown


@dataclass(frozen=True)
class StaleCorrection:
    """A reviewed correction of a sentence the article no longer has: not applied, reported."""

    path: str                        # the article's source file
    lang: str
    position: int                    # where the sentence was (0: the title)
    source: str                      # the sentence as it was reviewed
    target: str

    def __str__(self) -> str:
        where = "the title" if self.position == 0 else f"sentence {self.position}"
        return (f"{self.path}: stale correction ({self.lang}, {where}): the source sentence changed since it was "
                f"reviewed, so the machine translation is shown; export and review it again")


@dataclass(frozen=True)
class GuardedUnit:
    """A machine sentence or title the guard stopped, for the build's report."""

    path: str
    lang: str
    position: int
    failure: GuardFailure

    def __str__(self) -> str:
        where = "title" if self.position == 0 else f"sentence {self.position}"
        return f"{self.path}: {self.lang} {where}: {self.failure}"


@dataclass
class TranslationOutcome:
    versions: dict[tuple[str, str], ArticleVersion] = field(default_factory=dict)   # (article key, lang)
    missing_pairs: set[tuple[str, str]] = field(default_factory=set)
    counts: TranslationCounts = field(default_factory=TranslationCounts)
    calls: int = 0                   # CTranslate2 translate_batch calls made
    stale: list[StaleCorrection] = field(default_factory=list)
    guarded: list[GuardedUnit] = field(default_factory=list)


def original_version(seg: SegmentedArticle) -> ArticleVersion:
    a = seg.article
    return ArticleVersion(seg, a.lang, a.title, a.body, tuple(s.text for s in seg.sentences),
                          Provenance("original", a.lang, (a.lang,)))


def untranslated_version(seg: SegmentedArticle, lang: str) -> ArticleVersion:
    a = seg.article
    return ArticleVersion(seg, lang, a.title, a.body, tuple(s.text for s in seg.sentences),
                          Provenance("missing", a.lang, (a.lang, lang)))


def newsroom_version(seg: SegmentedArticle, lang: str) -> ArticleVersion | None:
    t = seg.article.editor_translation(lang)
    if t is None:
        return None
    return ArticleVersion(seg, lang, t.title, t.body, (), Provenance("newsroom", seg.article.lang, (seg.article.lang, lang)))


@dataclass
class _Job:
    """One article into one language along one route: its title and sentences, masked."""

    seg: SegmentedArticle
    lang: str
    route: list[InstalledModel]
    units: list[MaskedText]
    cache_key: str = ""
    legs: list[list[str | None]] = field(default_factory=list)   # per unit: the text after each leg
    reviewed: dict[int, str] = field(default_factory=dict)     # unit index → the newsroom's correction


@dataclass
class _ModelWork:
    model: InstalledModel
    results: dict[str, str] = field(default_factory=dict)        # masked input → masked output
    computed: set[str] = field(default_factory=set)


def translate_articles(
    segmented: Sequence[SegmentedArticle],
    languages: Sequence[str],
    config: TranslationConfig,
    progress: Progress | None = None,
    retranslate: bool = False,
    *,
    engine: Engine | None = None,
    cache: dict | None = None,
    engines: EnginePool | None = None,
) -> TranslationOutcome:
    """Produce every article in every language: original, newsroom, machine or marked missing.

    `cache` holds finished machine versions from earlier builds (updated in place; entries no
    longer wanted are dropped). `engines` lends engines that outlive the build (models stay loaded).
    `engine` is anything with `runner(model)` and `calls`: the local Engine, or a cluster's."""
    progress = progress or Progress(quiet=True)
    cache = cache if cache is not None else {}
    plan = plan_translation(segmented, languages, config, progress, retranslate, cache)
    if not plan.jobs:
        return plan.outcome
    settings = EngineSettings.from_config(config)
    engine = engine or (engines.get(settings) if engines is not None else Engine(settings))
    calls_before = engine.calls
    work = run_models(plan.jobs, engine, config, ModelTasks(progress), retranslate)
    plan.outcome.calls = engine.calls - calls_before
    for job in plan.jobs:
        version = _machine_version(job, work, plan.outcome.counts)
        plan.outcome.versions[(job.seg.article.key, job.lang)] = version
        _count_checks(plan.outcome, version)
        copied_units = sum(1 for i, trail in enumerate(job.legs) if trail[0] is None and i not in job.reviewed)
        cache[job.cache_key] = FinishedVersion(version.title, version.body, version.sentences, version.provenance,
                                               version.units, len(job.units) - copied_units - len(job.reviewed),
                                               copied_units)
    return plan.outcome


@dataclass(frozen=True)
class FinishedVersion:
    """A finished machine version in the build cache, keyed by what it is made from."""

    title: str
    body: str
    sentences: tuple[str, ...]
    provenance: Provenance
    units: tuple[UnitReport, ...]
    model_units: int                 # units the models translated (counted as cached when reused)
    copied_units: int                # units with nothing to translate


def _count_checks(outcome: TranslationOutcome, version: ArticleVersion) -> None:
    """Count a version's guarded and reviewed units and list the guarded ones (every build, cached or not)."""
    for u in version.units:
        if u.status == "guarded":
            outcome.counts.guarded += 1
            outcome.guarded.append(GuardedUnit(version.article.path, version.lang, u.position, u.failure))
        elif u.status == "reviewed":
            outcome.counts.reviewed += 1


@dataclass
class TranslationPlan:
    """What a run has to do: the versions known without a model, and the machine jobs (masked)."""

    outcome: TranslationOutcome
    jobs: list[_Job]


def plan_translation(segmented: Sequence[SegmentedArticle], languages: Sequence[str], config: TranslationConfig,
                     progress: Progress, retranslate: bool = False, cache: dict | None = None) -> TranslationPlan:
    """Sort every (article, language) into original, newsroom, missing, cached or a machine job."""
    cache = cache if cache is not None else {}
    outcome = TranslationOutcome()
    wanted: list[tuple[SegmentedArticle, str]] = []
    for seg in segmented:
        a = seg.article
        for lang in languages:
            if lang == a.lang:
                outcome.versions[(a.key, lang)] = original_version(seg)
            elif (version := newsroom_version(seg, lang)) is not None:
                outcome.versions[(a.key, lang)] = version
            else:
                wanted.append((seg, lang))
    if not wanted:
        cache.clear()
        return TranslationPlan(outcome, [])

    discovery = discover_models(config.models_dir)
    for problem in discovery.problems:
        progress.line(f"warning: skipping a package that cannot be used: {problem}")
    by_pair = best_models(discovery.models)
    glossary = load_glossary(config.glossary)
    corrections = load_corrections(config)
    route_keys: dict[tuple[str, ...], str] = {}
    live: set[str] = set()
    jobs: list[_Job] = []
    for seg, lang in wanted:
        a = seg.article
        texts = [a.title] + [s.text for s in seg.sentences]
        reviewed = corrections.for_version(seg, lang, texts, outcome.stale)
        route = find_route(by_pair, a.lang, lang)
        if len(reviewed) == len(texts):          # every sentence reviewed: no model needed
            version = reviewed_version(seg, lang, reviewed, route or [])
            outcome.versions[(a.key, lang)] = version
            _count_checks(outcome, version)
            continue
        if route is None:
            outcome.versions[(a.key, lang)] = untranslated_version(seg, lang)
            outcome.missing_pairs.add((a.lang, lang))
            outcome.counts.missing += len(seg.sentences) + 1
            continue
        key = _version_cache_key(seg, lang, route, glossary, route_keys, reviewed)
        live.add(key)
        if not retranslate and key in cache:
            found: FinishedVersion = cache[key]
            version = ArticleVersion(seg, lang, found.title, found.body, found.sentences, found.provenance, found.units)
            outcome.versions[(a.key, lang)] = version
            outcome.counts.cached += found.model_units
            outcome.counts.copied += found.copied_units
            _count_checks(outcome, version)
            continue
        jobs.append(_Job(seg, lang, route, [_mask(t, a.lang, lang, glossary) for t in texts], key, reviewed=reviewed))
    for key in set(cache) - live:
        del cache[key]
    return TranslationPlan(outcome, jobs)


class Corrections:
    """The newsroom's reviewed corrections, as the stage applies them: by language pair and original
    sentence, and by the article they were reviewed in (to tell which have gone stale)."""

    def __init__(self, entries: dict[tuple[str, str], Correction]):
        self.by_pair: dict[str, dict[str, Correction]] = {}
        self.by_version: dict[tuple[str, str], list[Correction]] = {}
        for (pair, source), correction in entries.items():
            self.by_pair.setdefault(pair, {})[source] = correction
            unit = parse_unit_id(correction.unit)
            if unit is not None:
                self.by_version.setdefault((unit.article_key, unit.lang), []).append(correction)

    def for_version(self, seg: SegmentedArticle, lang: str, texts: Sequence[str],
                    stale: list[StaleCorrection]) -> dict[int, str]:
        """The corrections that apply to an article in `lang` (unit index → reviewed text); those
        reviewed in this article for a sentence it no longer has are added to `stale`."""
        a = seg.article
        in_pair = self.by_pair.get(f"{a.lang}-{lang}")
        reviewed_here = self.by_version.get((a.key, lang), ())
        if not in_pair and not reviewed_here:
            return {}
        keys = [normalize_sentence(t) for t in texts]
        found = {i: in_pair[k].target for i, k in enumerate(keys) if in_pair and k in in_pair}
        present = set(keys)
        for c in reviewed_here:
            if c.source not in present and c.pair == f"{a.lang}-{lang}":
                stale.append(StaleCorrection(a.path, lang, c.position, c.source, c.target))
        return found


def load_corrections(config: TranslationConfig) -> Corrections:
    """The reviewed corrections in the translation memory (none when there is no memory yet)."""
    from pathlib import Path

    if str(config.memory) != ":memory:" and not Path(config.memory).exists():
        return Corrections({})
    try:
        with TranslationMemory(config.memory) as memory:
            return Corrections(memory.corrections())
    except TranslationMemoryError as exc:
        raise TranslationError(str(exc)) from None


def reviewed_version(seg: SegmentedArticle, lang: str, reviewed: dict[int, str],
                     route: Sequence[InstalledModel]) -> ArticleVersion:
    """An article whose title and every sentence the newsroom reviewed: no model runs."""
    a = seg.article
    texts = [a.title] + [s.text for s in seg.sentences]
    sentences = [reviewed[i + 1] for i in range(len(seg.sentences))]
    body = apply_sentence_translations(a.body, seg.sentences, sentences)
    units = tuple(UnitReport(i, t, "reviewed") for i, t in enumerate(texts))
    provenance = Provenance("reviewed", a.lang, tuple([a.lang] + [m.to_code for m in route]) if route else (a.lang, lang),
                            tuple(m.name for m in route), tuple(model_credit(m) for m in route),
                            units=len(units), reviewed=len(units))
    return ArticleVersion(seg, lang, markdown_inline_to_text(reviewed[0]), body, tuple(sentences), provenance, units)


class ModelTasks:
    """How the model work of a run is reported: the build shows one task per model and leg."""

    def __init__(self, progress: Progress):
        self.progress = progress

    def planned(self, todo: Sequence[tuple[InstalledModel, int]], later: int) -> None:
        """Called before the models of a leg run: what each must compute, and about how many
        sentences the legs after this one will add (pivot routes)."""

    @contextmanager
    def model(self, model: InstalledModel, seen: int, todo: int) -> Iterator[Callable[[int], None]]:
        """While one model runs: yields `advance(n)`, called as its batches finish."""
        with self.progress.task(f"Translating {model.from_code}→{model.to_code}", seen, unit="sentences") as bar:
            bar.advance(seen - todo)
            yield bar.advance


def run_models(jobs: list[_Job], engine: Engine, config: TranslationConfig, tasks: ModelTasks,
               retranslate: bool = False) -> dict[str, _ModelWork]:
    """Run every job through its route, leg by leg: each model gets all its sentences of the run,
    takes what the memory has and computes the rest, committing each finished call."""
    work: dict[str, _ModelWork] = {}
    try:
        memory = TranslationMemory(config.memory)
    except TranslationMemoryError as exc:
        raise TranslationError(str(exc)) from None
    try:
        for job in jobs:       # what needs no model (only numbers and links) or was reviewed skips the models
            job.legs = [[u.text if u.needs_model and i not in job.reviewed else None] for i, u in enumerate(job.units)]
        for leg in range(max(len(j.route) for j in jobs)):
            inputs: dict[str, list[str]] = {}
            for job in jobs:
                if leg < len(job.route):
                    model = job.route[leg]
                    work.setdefault(str(model.path), _ModelWork(model))
                    inputs.setdefault(str(model.path), []).extend(t[leg] for t in job.legs if t[leg] is not None)
            pending = {key: _pending(work[key], texts, memory, retranslate) for key, texts in inputs.items()}
            tasks.planned([(work[key].model, len(todo)) for key, (todo, _) in pending.items()],
                          _later_estimate(jobs, leg, pending))
            for key, (todo, seen) in pending.items():
                _compute(work[key], todo, seen, engine, memory, tasks)
            for job in jobs:
                if leg < len(job.route):
                    results = work[str(job.route[leg].path)].results
                    for trail in job.legs:
                        trail.append(results[trail[leg]] if trail[leg] is not None else None)
    finally:
        memory.close()
    return work


def _version_cache_key(seg: SegmentedArticle, lang: str, route: list[InstalledModel], glossary: Glossary,
                       route_keys: dict[tuple[str, ...], str], reviewed: dict[int, str] | None = None) -> str:
    """What a machine version is made from: the article's language, text and title, every model
    along the route (weights included), the glossary and the newsroom's corrections that apply."""
    route_id = tuple(str(m.path) for m in route)
    if route_id not in route_keys:       # version_key reads the weights' ends: once per route and build
        route_keys[route_id] = repr(([(m.identity(), m.version_key()) for m in route], glossary))
    a = seg.article
    corrections = repr(sorted(reviewed.items())) if reviewed else ""
    return text_digest(body_digest(a), a.title, lang, route_keys[route_id], corrections)


def _mask(text: str, src: str, tgt: str, glossary: Glossary) -> MaskedText:
    masked = mask(normalize_sentence(text), src, tgt, glossary)
    return MaskedText(normalize_sentence(masked.text), masked.items)


def _pending(work: _ModelWork, texts: list[str], memory: TranslationMemory, retranslate: bool
             ) -> tuple[list[str], int]:
    """The texts this model must compute (not seen in this run, not in the memory), and how many
    distinct new texts it was given; what the memory has goes straight into its results."""
    unique = [t for t in dict.fromkeys(texts) if t not in work.results]
    if not unique:
        return [], 0
    model = work.model
    cached = {} if retranslate else memory.lookup(model.identity(), model.version_key(),
                                                   f"{model.from_code}-{model.to_code}", unique)
    work.results.update(cached)
    return [t for t in unique if t not in cached], len(unique)


def _later_estimate(jobs: list[_Job], leg: int, pending: dict[str, tuple[list[str], int]]) -> int:
    """Distinct sentences the next leg will get from what this leg computes (the next leg's memory
    lookups are not known yet, so this is an upper bound)."""
    computing = {key: set(todo) for key, (todo, _) in pending.items()}
    onward: set[tuple[str, str]] = set()
    for job in jobs:
        if leg + 1 < len(job.route):
            todo = computing.get(str(job.route[leg].path), set())
            onward.update((str(job.route[leg + 1].path), t[leg]) for t in job.legs if t[leg] in todo)
    return len(onward)


def _compute(work: _ModelWork, todo: list[str], seen: int, engine: Engine, memory: TranslationMemory,
             tasks: ModelTasks) -> None:
    """Translate `todo` with this model, storing each finished call in the memory."""
    if not seen:
        return
    model = work.model
    identity, version, pair = model.identity(), model.version_key(), f"{model.from_code}-{model.to_code}"
    with tasks.model(model, seen, len(todo)) as advance:
        if not todo:
            return
        try:
            runner = engine.runner(model)
        except (OSError, RuntimeError, ValueError) as exc:
            raise TranslationError(f"{model.path}: the model cannot be loaded: {exc}") from exc

        def finished(indices: list[int], outputs: list[str]) -> None:
            batch = {todo[i]: normalize_sentence(out) for i, out in zip(indices, outputs)}
            memory.store(identity, version, pair, batch)
            work.results.update(batch)
            work.computed.update(batch)
            advance(len(batch))

        runner.translate(todo, on_batch=finished)


def _machine_version(job: _Job, work: dict[str, _ModelWork], counts: TranslationCounts) -> ArticleVersion:
    seg = job.seg
    a = seg.article
    sources = [a.title] + [s.text for s in seg.sentences]
    finished_texts: list[str] = []
    units: list[UnitReport] = []
    for position, (unit, trail, source) in enumerate(zip(job.units, job.legs, sources)):
        if position in job.reviewed:
            finished_texts.append(job.reviewed[position])
            units.append(UnitReport(position, source, "reviewed"))
            continue
        if trail[0] is None:
            counts.copied += 1
            finished_texts.append(finish(unit.text, unit, job.lang))
            continue
        computed = any(trail[leg] in work[str(m.path)].computed for leg, m in enumerate(job.route))
        if computed:
            counts.computed += 1
        else:
            counts.cached += 1
        text = finish(trail[-1], unit, job.lang)
        failure = check_translation(source, text, a.lang, job.lang, _kept_spans(unit))
        if failure is None:
            finished_texts.append(text)
            units.append(UnitReport(position, source, "machine", text))
        else:
            finished_texts.append(shown_in_original(source, a.lang) if position else source)
            units.append(UnitReport(position, source, "guarded", text, failure))
    title, sentences = markdown_inline_to_text(finished_texts[0]), finished_texts[1:]
    body = apply_sentence_translations(a.body, seg.sentences, sentences)
    route = tuple([job.route[0].from_code] + [m.to_code for m in job.route])
    reviewed = sum(1 for u in units if u.status == "reviewed")
    guarded = sum(1 for u in units if u.status == "guarded")
    kind = "reviewed" if units and reviewed == len(units) else "machine"
    provenance = Provenance(kind, a.lang, route, tuple(m.name for m in job.route),
                            tuple(model_credit(m) for m in job.route), units=len(units), reviewed=reviewed,
                            guarded=guarded)
    return ArticleVersion(seg, job.lang, title, body, tuple(sentences), provenance, tuple(units))


GUARDED_CLASS = "guarded"


def shown_in_original(sentence: str, lang: str) -> str:
    """A sentence the guard stopped, as the page shows it: the original, marked with its language
    (templates/partials/provenance.html says why above the text)."""
    return f'<span class="{GUARDED_CLASS}" lang="{lang}" dir="{langs.direction(lang)}">{sentence}</span>'


def _kept_spans(masked: MaskedText) -> list[str]:
    """What the translation keeps as it was (URLs, code, link targets, glossary terms), left out of
    the guard's letter checks; numbers stay in, since the guard compares them."""
    return [text for item in masked.items if not item.source[:1].isdigit() for text in (item.source, item.target)]


def describe_missing(missing_pairs, models_dir=None) -> list[str]:
    """One line per missing language pair: what is missing and how to install it."""
    where = f" into {models_dir}" if models_dir else ""
    pivot = langs.pivot()
    lines = []
    for src, tgt in sorted(set(missing_pairs)):
        ways = [f"`python build.py models install FILE.argosmodel` with a package for {src}→{tgt}{where}"]
        if pivot not in (src, tgt):
            ways[0] += f" (or {src}→{pivot} and {pivot}→{tgt}, used through {langs.get(pivot).english_name})"
        if not all(spec is not None and spec.in_argos_index for spec in (langs.find(src), langs.find(tgt))):
            codes = ",".join(dict.fromkeys((pivot, src, tgt)))
            ways.append(f"`python build.py models pack-nllb CT2_DIR --langs {codes}` from a local NLLB-200 conversion")
        else:
            ways.append(f"`python build.py models install --from-index {src} {tgt}` when online")
        lines.append(f"{src}→{tgt}: no model; pages show the {src} original. Install: " + ", or ".join(ways))
    return lines


__all__ = [
    "ArticleVersion", "Provenance", "ModelCredit", "TranslationCounts", "TranslationOutcome", "TranslationError",
    "UnitReport", "StaleCorrection", "GuardedUnit", "translate_articles", "describe_missing", "PackageError",
]
