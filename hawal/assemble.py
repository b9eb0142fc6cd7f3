"""Assemble stage: article versions and statements into a site plan of pages per language.

The plan says what pages exist and what each holds; rendering turns it into files. Paths are
site-relative folder paths ("en/2026/11/23/") so they work under any base URL or sub-path.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Sequence

from .markup import markdown_inline_to_text
from .segment import SegmentedArticle
from .translate.stage import ArticleVersion


@dataclass(frozen=True)
class KeyStatement:
    """A statement as shown on a page in one language."""

    kind: str
    speaker: str
    cue: str
    channel: str | None
    text: str                    # in the page's language where a translation exists
    text_lang: str               # the language `text` really is in
    original: str                # the words in the source language
    original_lang: str
    score: float
    article_url: str             # site path of the article page in the page's language
    article_title: str
    sentence: int


@dataclass(frozen=True)
class ArticlePage:
    version: ArticleVersion
    lang: str
    path: str                                   # "en/2026/11/23/slug/"
    alternates: tuple[tuple[str, str], ...]     # (lang, path) for every language, this one included
    found: tuple = ()                           # the article's statements as extracted, in its language
    scores: tuple[float, ...] = ()              # newsworthiness of each
    statements_key: str = ""                    # digest of what the statements were made from, if known
    statements_lang: str = ""                   # the language `found` was extracted in ("": the original's)

    @cached_property
    def statements(self) -> tuple[KeyStatement, ...]:
        """The key statements as this page shows them (made when first asked for: most pages of
        an incremental build are never rendered)."""
        return key_statements(self.version, self.path, self.found, self.scores, self.statements_lang)

    @property
    def article(self):
        return self.version.article

    @property
    def date(self) -> dt.date:
        return self.version.article.date


@dataclass(frozen=True)
class Briefing:
    lang: str
    date: dt.date
    path: str
    articles: tuple[ArticlePage, ...]           # lead first, then newest first
    statements_limit: int
    previous: dt.date | None = None
    next: dt.date | None = None

    @cached_property
    def statements(self) -> tuple[KeyStatement, ...]:
        """The day's most newsworthy statements, at most `statements_limit`."""
        return day_statements(self.articles, self.statements_limit)


@dataclass(frozen=True)
class ArchivePage:
    lang: str
    year: int
    month: int | None                           # None for a year archive
    path: str
    days: tuple[Briefing, ...]                  # newest first


@dataclass(frozen=True)
class TagPage:
    """One page of a topic's articles, newest first (long topics are split into numbered pages)."""

    lang: str
    tag: str
    path: str
    articles: tuple[ArticlePage, ...]           # this page's share, newest first
    number: int = 1
    count: int = 1                              # pages of this topic
    total: int = 0                              # articles of this topic

    def page_path(self, number: int, lang: str | None = None) -> str:
        return tag_page_path(lang or self.lang, self.tag, number)


def tag_page_path(lang: str, tag: str, number: int = 1) -> str:
    return f"{lang}/tags/{tag}/" + ("" if number == 1 else f"page/{number}/")


TAG_PAGE_SIZE = 50


@dataclass(frozen=True)
class LanguageSite:
    lang: str
    briefings: tuple[Briefing, ...]             # newest first
    articles: tuple[ArticlePage, ...]           # newest first
    archives: tuple[ArchivePage, ...]
    tags: tuple[TagPage, ...]                   # the first page of every topic
    tag_pages: tuple[TagPage, ...] = ()         # every page of every topic

    @property
    def latest(self) -> Briefing | None:
        return self.briefings[0] if self.briefings else None


@dataclass(frozen=True)
class SitePlan:
    languages: tuple[str, ...]
    sites: dict[str, LanguageSite]
    generated: dt.datetime
    missing_pairs: frozenset[tuple[str, str]] = field(default_factory=frozenset)


def day_path(lang: str, day: dt.date) -> str:
    return f"{lang}/{day.year:04d}/{day.month:02d}/{day.day:02d}/"


def article_path(lang: str, day: dt.date, slug: str) -> str:
    return f"{lang}/{day.year:04d}/{day.month:02d}/{day.day:02d}/{slug}/"


def tag_slug(tag: str) -> str:
    from .sources import slugify
    return slugify(tag)


def translation_key(article_key: str, lang: str) -> str:
    """Where the statements stage files the own statements of a newsroom translation."""
    return f"{article_key}@{lang}"


def _statement_text(version: ArticleVersion, statement, statements_lang: str) -> tuple[str, str]:
    """The statement in the version's language: its own words, or its translated sentences where aligned."""
    if statements_lang == version.lang:
        return statement.text, version.lang         # extracted from this version's own text
    kind = version.provenance.kind
    if kind in ("machine", "reviewed") and version.sentences:
        first, last = statement.sentence, max(statement.sentence, statement.last_sentence)
        parts = version.sentences[first:last + 1]
        # A sentence the guard stopped is the original: so is the statement.
        if parts and not version.guarded_sentences.intersection(range(first, last + 1)):
            return " ".join(parts), version.lang
    return statement.text, version.article.lang


def key_statements(
    version: ArticleVersion, path: str, statements: Sequence, scores: Sequence[float], statements_lang: str = ""
) -> tuple[KeyStatement, ...]:
    """Statements of one article, shown in the language of `version` (`statements_lang`: the language
    they were extracted in, the original's unless a newsroom translation was given its own)."""
    statements_lang = statements_lang or version.article.lang
    out = []
    for statement, score in zip(statements, scores):
        text, text_lang = _statement_text(version, statement, statements_lang)
        out.append(KeyStatement(
            kind=statement.kind, speaker=statement.canonical_speaker or statement.speaker, cue=statement.cue,
            channel=statement.channel, text=markdown_inline_to_text(text), text_lang=text_lang,
            original=markdown_inline_to_text(statement.text),
            original_lang=statements_lang, score=score, article_url=path, article_title=version.title,
            sentence=statement.sentence,
        ))
    return tuple(out)


def day_statements(pages: Iterable[ArticlePage], limit: int) -> tuple[KeyStatement, ...]:
    """A day's key statements in one language, most newsworthy first: each story counts once.

    A story is one page per language whatever languages the newsroom wrote it in (`story.ar.md`
    and `translations:` attach to it), so each page's statements are taken once; a statement
    a page repeats (the same words from the same speaker, as a newsroom translation may quote
    what the original quoted) is kept once. How a page gathers its statements (from the
    original or from the newsroom's text) is `ArticlePage.statements`."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[KeyStatement] = []
    for page in pages:
        for s in page.statements:
            key = (page.article.key, s.speaker, s.text)
            if key not in seen:
                seen.add(key)
                kept.append(s)
    kept.sort(key=lambda s: -s.score)
    return tuple(kept[:limit])


def _order_of_day(pages: Iterable[ArticlePage]) -> tuple[ArticlePage, ...]:
    """Lead first, then newest first; slug breaks ties so the order is stable."""
    pages = sorted(pages, key=lambda p: p.article.slug)
    pages.sort(key=lambda p: p.article.published, reverse=True)
    pages.sort(key=lambda p: not p.article.lead)
    return tuple(pages)


def assemble_site(
    languages: Sequence[str],
    versions: dict[tuple[str, str], ArticleVersion],
    segmented: Sequence[SegmentedArticle],
    statements: dict[str, list] | None = None,
    scores: dict[str, list[float]] | None = None,
    statements_per_day: int = 8,
    generated: dt.datetime | None = None,
    missing_pairs: Iterable[tuple[str, str]] = (),
    statement_keys: dict[str, str] | None = None,
) -> SitePlan:
    """Group every article version into briefings, archives and tag pages per language."""
    statements = statements or {}
    scores = scores or {}
    statement_keys = statement_keys or {}
    sites: dict[str, LanguageSite] = {}
    alternates_of = {seg.article.key: tuple((lang, article_path(lang, seg.article.date, seg.article.slug))
                                            for lang in languages) for seg in segmented}
    for position, lang in enumerate(languages):
        pages: list[ArticlePage] = []
        for seg in segmented:
            a = seg.article
            version = versions[(a.key, lang)]
            alternates = alternates_of[a.key]
            path = alternates[position][1]
            key, statements_lang = a.key, ""
            own = translation_key(a.key, lang)
            if version.provenance.kind == "newsroom" and own in statements:
                key, statements_lang = own, lang    # the newsroom's own words give the page its statements
            found = tuple(statements.get(key, ()))
            pages.append(ArticlePage(version, lang, path, alternates, found,
                                     tuple(scores.get(key, [1.0] * len(found))), statement_keys.get(key, ""),
                                     statements_lang))
        by_day: dict[dt.date, list[ArticlePage]] = defaultdict(list)
        for page in pages:
            by_day[page.date].append(page)
        days = sorted(by_day, reverse=True)
        briefings = []
        for i, day in enumerate(days):
            ordered = _order_of_day(by_day[day])
            briefings.append(Briefing(
                lang, day, day_path(lang, day), ordered, statements_per_day,
                previous=days[i + 1] if i + 1 < len(days) else None,
                next=days[i - 1] if i > 0 else None,
            ))
        archives = []
        for year in sorted({d.year for d in days}, reverse=True):
            year_days = tuple(b for b in briefings if b.date.year == year)
            archives.append(ArchivePage(lang, year, None, f"{lang}/{year}/", year_days))
            for month in sorted({b.date.month for b in year_days}, reverse=True):
                archives.append(ArchivePage(lang, year, month, f"{lang}/{year}/{month:02d}/",
                                            tuple(b for b in year_days if b.date.month == month)))
        newest = sorted(pages, key=lambda p: (p.article.published, p.article.slug), reverse=True)
        tagged: dict[str, list[ArticlePage]] = defaultdict(list)
        for page in newest:
            for tag in dict.fromkeys(tag_slug(t) for t in page.article.tags):
                tagged[tag].append(page)
        tag_pages = []
        for tag, tagged_pages in sorted(tagged.items()):
            count = max(1, -(-len(tagged_pages) // TAG_PAGE_SIZE))
            for number in range(1, count + 1):
                share = tuple(tagged_pages[(number - 1) * TAG_PAGE_SIZE: number * TAG_PAGE_SIZE])
                tag_pages.append(TagPage(lang, tag, tag_page_path(lang, tag, number), share, number, count,
                                         len(tagged_pages)))
        tags = tuple(t for t in tag_pages if t.number == 1)
        sites[lang] = LanguageSite(lang, tuple(briefings), tuple(newest), tuple(archives), tags, tuple(tag_pages))
    return SitePlan(tuple(languages), sites, generated or dt.datetime.now(dt.timezone.utc), frozenset(missing_pairs))
