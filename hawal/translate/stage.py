"""Translate stage: SegmentedArticles in, one ArticleVersion per (article, language) out.

The original language is passed through; an editor's translation wins over a machine one; where
no model can reach a language the version carries the original text and says so. Nothing here
ever invents a translation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..config import TranslationConfig
from ..progress import Progress
from ..segment import SegmentedArticle

INSTALL_HINT = "python build.py models install PATH.argosmodel"


@dataclass(frozen=True)
class Provenance:
    """Where the text of a page in one language comes from."""

    kind: str                        # "original" | "machine" | "newsroom" | "missing"
    source_lang: str
    route: tuple[str, ...] = ()      # languages along the way, e.g. ("ckb", "en", "ar")
    models: tuple[str, ...] = ()     # model names used along the route

    @property
    def install_hint(self) -> str:
        return INSTALL_HINT


@dataclass(frozen=True)
class ArticleVersion:
    """An article in one language, ready to render."""

    segmented: SegmentedArticle
    lang: str
    title: str
    body: str                        # Markdown in `lang` (the original text when kind is "missing")
    sentences: tuple[str, ...]       # aligned with segmented.sentences; () when not aligned
    provenance: Provenance

    @property
    def article(self):
        return self.segmented.article

    @property
    def text_lang(self) -> str:
        """The language the text really is in (the original's when not translated)."""
        return self.article.lang if self.provenance.kind == "missing" else self.lang


@dataclass
class TranslationCounts:
    computed: int = 0
    cached: int = 0
    missing: int = 0


@dataclass
class TranslationOutcome:
    versions: dict[tuple[str, str], ArticleVersion] = field(default_factory=dict)   # (article key, lang)
    missing_pairs: set[tuple[str, str]] = field(default_factory=set)
    counts: TranslationCounts = field(default_factory=TranslationCounts)


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


def translate_articles(
    segmented: Sequence[SegmentedArticle],
    languages: Sequence[str],
    config: TranslationConfig,
    progress: Progress | None = None,
    retranslate: bool = False,
) -> TranslationOutcome:
    """Produce every article in every language: original, newsroom, machine or marked missing."""
    outcome = TranslationOutcome()
    for seg in segmented:
        a = seg.article
        for lang in languages:
            if lang == a.lang:
                outcome.versions[(a.key, lang)] = original_version(seg)
                continue
            version = newsroom_version(seg, lang)
            if version is None:
                version = untranslated_version(seg, lang)
                outcome.missing_pairs.add((a.lang, lang))
                outcome.counts.missing += len(seg.sentences) + 1
            outcome.versions[(a.key, lang)] = version
    return outcome
