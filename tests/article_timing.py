"""How long one source takes through every per-article stage of a build, in CPU seconds.

A build does per article: read and validate the source (which renders its Markdown once), segment
it (spaCy), translate it (here: no model is installed, so every other language shows the original),
extract key statements, assemble it into the site plan, render its pages in every language, its
feed entries and the pages that list it, and write its search record. `process_source` runs
exactly those stages, in process, for a project whose content is the one source, and returns the
CPU time they took (time.process_time: what this process computed, not what other processes on a
shared machine made it wait). The Pagefind binary that indexes the search records is a separate
process and is left out; it is linear in the text.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from hawal.assemble import assemble_site
from hawal.config import Config
from hawal.feeds import atom_feeds, sitemap
from hawal.pipeline import _CyclicGC, load_stage, statements_stage
from hawal.render import SiteRenderer
from hawal.search import search_records
from hawal.segment import segment_articles
from hawal.translate import translate_articles


@dataclass
class Timed:
    seconds: float
    errors: list[str]
    pages: dict[str, bytes]


def process_source(config: Config) -> Timed:
    """Every per-article stage for the sources in config.content_dir; CPU seconds and what came out.

    The cyclic garbage collector is handled as a build handles it (hawal.pipeline._CyclicGC)."""
    with _CyclicGC():
        return _process(config)


def _process(config: Config) -> Timed:
    start = time.process_time()
    loaded = load_stage(config)
    errors = [str(e) for e in loaded.errors]
    pages: dict[str, bytes] = {}
    if loaded.articles:
        segmented = segment_articles(loaded.articles)
        outcome = translate_articles(segmented, config.language_codes, config.translation)
        statements, scores, keys = statements_stage(segmented)
        plan = assemble_site(config.language_codes, outcome.versions, segmented, statements, scores,
                             config.statements_per_day, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc),
                             outcome.missing_pairs, keys)
        renderer = SiteRenderer(config)
        for job in [*renderer.render(plan), *atom_feeds(plan, renderer)]:
            output = job.make()
            pages[output.path] = output.data
        pages["sitemap.xml"] = sitemap(plan, config.base_url).data
        for record in search_records(plan, renderer):
            pages[f"search:{record.url}.txt"] = (record.title + "\n" + record.content).encode("utf-8")
    return Timed(time.process_time() - start, errors, pages)


def write_source(config: Config, rel: str, data: str | bytes) -> Path:
    """Make `rel` the only source under the content folder."""
    import shutil
    shutil.rmtree(config.content_dir)
    path = config.content_dir / rel
    path.parent.mkdir(parents=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path
