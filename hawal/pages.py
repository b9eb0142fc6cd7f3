"""Page kinds: one function per kind of page, returning everything the page is made of.

Each function turns the site plan into `Page` values: the template, the site path, the
alternates and the context the template sees. A page's cache key is made from that very
context by `ContentKeys` (never written by hand beside it), so what a page shows and what its
key covers cannot drift apart: a value the template can read is a value the key digests. The
contexts therefore hold only what the templates show; a page that lists a summary of other pages
(archives, topics) gets small views made for it, not the whole language site.

After Pelican's generators (`pelican/generators.py`: one method per page kind).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Mapping

from .assemble import ArticlePage, LanguageSite, SitePlan
from .digests import text_digest
from .segment import SegmentedArticle
from .sources import Article
from .translate.stage import ArticleVersion, Provenance

if TYPE_CHECKING:
    from .config import Config


@dataclass(frozen=True, eq=False)
class Page:
    """One HTML page: its template, where it goes and what its template is given."""

    kind: str                                   # "article", "briefing", … (for reports and tests)
    template: str
    lang: str                                   # the language environment it is rendered in
    path: str                                   # site path: a folder ("en/2026/11/23/") or a file
    alternates: tuple[tuple[str, str], ...]     # (language, site path) of the page in every language
    context: Mapping[str, object]               # what the template reads, besides per-language globals

    @property
    def file_path(self) -> str:
        return self.path + "index.html" if self.path.endswith("/") or not self.path else self.path


@dataclass(frozen=True)
class BodyHTML:
    """An article version's body as HTML, made only when the page is really rendered."""

    version: ArticleVersion


# ------------------------------------------------------------------------------ views for listings

@dataclass(frozen=True)
class ArchiveDay:
    """A day as the archive lists it: link, date, how many articles, and the lead's title."""

    path: str
    date: dt.date
    count: int
    lead_title: str
    lead_lang: str


@dataclass(frozen=True)
class ArchiveMonth:
    path: str
    year: int
    month: int
    title: str                                  # "November 2026" in the page's language
    days: tuple[ArchiveDay, ...]                # newest first


@dataclass(frozen=True)
class ArchiveYear:
    path: str
    year: int


@dataclass(frozen=True)
class ArchiveHeading:
    """Which archive a page is: a year (month None) or a month, with the month's title."""

    year: int
    month: int | None
    title: str


@dataclass(frozen=True)
class Topic:
    """A topic as the topics page lists it."""

    tag: str
    path: str
    total: int


# ------------------------------------------------------------------------------------ the kinds

def home_page(plan: SitePlan) -> Page:
    """The language chooser at the site root."""
    langs = plan.languages
    return Page("home", "home.html", langs[0], "", tuple((l, f"{l}/") for l in langs),
                {"site_languages": langs})


def not_found_page(plan: SitePlan, link_root: str, not_found: Mapping[str, str]) -> Page:
    """404.html: served at any depth, so it links from the site's root path (`link_root`)."""
    return Page("404", "404.html", plan.languages[0], "404.html", (),
                {"link_root": link_root, "not_found": dict(not_found)})


def briefing_pages(plan: SitePlan, lang: str) -> Iterator[Page]:
    """The latest briefing at LANG/ and every day's briefing at LANG/YYYY/MM/DD/."""
    site = plan.sites[lang]
    for briefing, path, is_latest in [(site.latest, f"{lang}/", True)] + [(b, b.path, False) for b in site.briefings]:
        day = f"{briefing.date:%Y/%m/%d}/" if briefing and not is_latest else ""
        yield Page("briefing", "briefing.html", lang, path, tuple((l, f"{l}/{day}") for l in plan.languages),
                   {"briefing": briefing, "is_latest": is_latest})


def article_pages(plan: SitePlan, lang: str) -> Iterator[Page]:
    for page in plan.sites[lang].articles:
        yield Page("article", "article.html", lang, page.path, page.alternates,
                   {"page": page, "body_html": BodyHTML(page.version), "provenance": page.version.provenance})


def archive_pages(plan: SitePlan, lang: str, month_title: Callable[[int, int], str]) -> Iterator[Page]:
    """The archive of every month at LANG/archive/, then one page per year and per month.

    `month_title(year, month)` words a month in the language ("November 2026")."""
    site = plan.sites[lang]
    months = {a.path: ArchiveMonth(a.path, a.year, a.month, month_title(a.year, a.month),
                                   tuple(_archive_day(b) for b in a.days))
              for a in site.archives if a.month}
    alternates = tuple((l, f"{l}/archive/") for l in plan.languages)
    yield Page("archive", "archive.html", lang, f"{lang}/archive/", alternates,
               {"archive": None, "groups": tuple(months.values()),
                "years": tuple(ArchiveYear(a.path, a.year) for a in site.archives if not a.month)})
    for archive in site.archives:
        suffix = archive.path[len(lang) + 1:]
        if archive.month:
            heading = ArchiveHeading(archive.year, archive.month, months[archive.path].title)
            groups = (months[archive.path],)
        else:
            heading = ArchiveHeading(archive.year, None, "")
            groups = tuple(m for m in months.values() if m.year == archive.year)
        yield Page("archive", "archive.html", lang, archive.path, tuple((l, f"{l}/{suffix}") for l in plan.languages),
                   {"archive": heading, "groups": groups, "years": ()})


def _archive_day(briefing) -> ArchiveDay:
    lead = briefing.articles[0].version if briefing.articles else None
    return ArchiveDay(briefing.path, briefing.date, len(briefing.articles),
                      lead.title if lead else "", lead.text_lang if lead else "")


def topics_page(plan: SitePlan, lang: str) -> Page:
    site = plan.sites[lang]
    return Page("topics", "tags.html", lang, f"{lang}/tags/", tuple((l, f"{l}/tags/") for l in plan.languages),
                {"topics": tuple(Topic(t.tag, t.path, t.total) for t in site.tags)})


def topic_pages(plan: SitePlan, lang: str) -> Iterator[Page]:
    for tag in plan.sites[lang].tag_pages:
        yield Page("topic", "tag.html", lang, tag.path, tuple((l, tag.page_path(tag.number, l)) for l in plan.languages),
                   {"tag": tag})


def search_pages(plan: SitePlan, shards: Mapping[str, list]) -> Iterator[Page]:
    """The search page of every language; `shards` are each language's search bundles, newest first."""
    alternates = tuple((lang, f"{lang}/search/") for lang in plan.languages)
    for lang in plan.languages:
        paths = tuple(s.path for s in shards.get(lang, ()))
        yield Page("search", "search.html", lang, f"{lang}/search/", alternates,
                   {"search_available": bool(paths), "search_shards": paths})


def site_pages(plan: SitePlan, link_root: str, not_found: Mapping[str, str],
               month_title: Callable[[str, int, int], str]) -> Iterator[Page]:
    """Every HTML page of the site but the search pages (they depend on the search index)."""
    yield home_page(plan)
    yield not_found_page(plan, link_root, not_found)
    for lang in plan.languages:
        yield from briefing_pages(plan, lang)
        yield from article_pages(plan, lang)
        yield from archive_pages(plan, lang, lambda year, month, lang=lang: month_title(lang, year, month))
        yield topics_page(plan, lang)
        yield from topic_pages(plan, lang)


# --------------------------------------------------------------------------------------- the keys

_ARTICLE_PAGE_FIELDS = tuple(f.name for f in dataclasses.fields(ArticlePage))


class NoContentKey(TypeError):
    """A page's context holds a value the keys do not know how to digest."""


class ContentKeys:
    """Digests of what pages show, made from the very values their templates are given.

    Plain values (strings, numbers, dates, tuples, dicts) and frozen dataclasses are digested
    field by field, recursively; an article page by its version and its statements (digests
    kept per object, for pages shared by many listings). Anything else is refused
    (`NoContentKey`), so a template can never be handed a value its page's key leaves out.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, str]] = {}    # id → (object, digest): identity-checked
        self._fields: dict[type, Callable[[object, list[str]], None]] = {}
        self._values: dict[object, str] = {}
        self._handlers: dict[type, Callable[[object, list[str]], None]] = {
            str: _str_parts, type(None): _none_parts, int: _scalar_parts, float: _scalar_parts,
            bool: _scalar_parts, tuple: self._sequence_parts, list: self._sequence_parts,
            frozenset: self._set_parts, set: self._set_parts, dict: self._mapping_parts,
            dt.date: _time_parts, dt.datetime: _time_parts, dt.time: _time_parts,
            ArticlePage: lambda value, parts: parts.append(self.page(value)),
            ArticleVersion: lambda value, parts: parts.append(self.version(value)),
            # Blocks and sentences are made from the article's body by the segmenter.
            SegmentedArticle: lambda value, parts: parts.append("SegmentedArticle:" + value.article.content_digest),
            Article: lambda value, parts: parts.append("Article:" + value.content_digest),
            Provenance: self._provenance_parts,
            BodyHTML: lambda value, parts: parts.append("BodyHTML:" + self.version(value.version)),
        }

    def clear(self) -> None:
        """Forget every digest (the handlers refer back to this object: cleared, nothing is left
        for the garbage collector to find)."""
        LASTING.sweep()
        self._memo.clear()
        self._values.clear()
        self._fields.clear()
        self._handlers.clear()

    # -- entry points
    def context(self, context: Mapping[str, object]) -> str:
        parts: list[str] = []
        for name in sorted(context):
            parts.append(name)
            self._parts(context[name], parts)
        return text_digest(*parts)

    def of(self, value: object) -> str:
        """The digest of one value (as it enters a page's key)."""
        parts: list[str] = []
        self._parts(value, parts)
        return text_digest(*parts)

    def version(self, version: ArticleVersion) -> str:
        """Everything about an article version that a page can show: every field of the version
        and of its article (the segmentation is made from the body, so the body stands for it)."""
        return self._memoized(version, self._lasting_version)

    def page(self, page: ArticlePage) -> str:
        """An article page: its version, path, alternates, and its statements, by the digest of
        what they were made from where the statement stage gives it."""
        return self._memoized(page, self._lasting_page)

    def _lasting_version(self, version: ArticleVersion) -> str:
        # What the digest is made of, as a value: the article by its content digest (the
        # segmentation is made from its body), every other field as it is.
        inputs = (version.segmented.article.content_digest,) + _version_fields(version)[1:]
        return LASTING.get(LASTING.versions, inputs, version, self._dataclass_digest)

    def _lasting_page(self, page: ArticlePage) -> str:
        inputs = tuple(self.version(value) if name == "version" else
                       None if name in ("found", "scores") and page.statements_key else value
                       for name, value in zip(_ARTICLE_PAGE_FIELDS, _page_fields(page)))
        return LASTING.get(LASTING.pages, inputs, page, self._page_digest)

    # -- internals
    def _memoized(self, obj, make: Callable[[object], str]) -> str:
        found = self._memo.get(id(obj))
        if found is None or found[0] is not obj:
            found = (obj, make(obj))
            self._memo[id(obj)] = found
        return found[1]

    def _page_digest(self, page: ArticlePage) -> str:
        # Every field, so a field added to ArticlePage is covered; the statements and their
        # scores by the digest of what they were made from where the statement stage gives it.
        parts = ["ArticlePage"]
        for name in _ARTICLE_PAGE_FIELDS:
            parts.append(name)
            if name in ("found", "scores") and page.statements_key:
                continue
            self._parts(getattr(page, name), parts)
        return text_digest(*parts)

    def _dataclass_digest(self, obj) -> str:
        """Every field of a dataclass (even of one with a handler of its own, such as a version)."""
        kind = type(obj)
        handler = self._fields.get(kind)
        if handler is None:
            handler = self._fields[kind] = self._handler_for(kind)
        parts: list[str] = []
        handler(obj, parts)
        return text_digest(*parts)

    def _parts(self, value, parts: list[str]) -> None:
        handler = self._handlers.get(type(value))
        if handler is None:
            handler = self._handlers[type(value)] = self._handler_for(type(value))
        handler(value, parts)

    def _handler_for(self, kind: type) -> Callable[[object, list[str]], None]:
        if kind is LanguageSite or kind is SitePlan:
            def refuse(value, parts):
                raise NoContentKey(f"a whole {kind.__name__} cannot be a page's input: give the template what it shows")
            return refuse
        if dataclasses.is_dataclass(kind):
            names = tuple(f.name for f in dataclasses.fields(kind))
            values_of = operator.attrgetter(*names) if len(names) > 1 else (lambda value: (getattr(value, names[0]),))
            label = "\7" + kind.__qualname__
            handlers = self._handlers

            def dataclass_parts(value, parts):
                parts.append(label)
                for name, field_value in zip(names, values_of(value)):
                    parts.append(name)
                    if type(field_value) is str:          # most fields: inline, no call
                        parts.append(f"\2str{len(field_value)}")
                        parts.append(field_value)
                    else:
                        handler = handlers.get(type(field_value))
                        if handler is None:
                            handler = handlers[type(field_value)] = self._handler_for(type(field_value))
                        handler(field_value, parts)
            return dataclass_parts
        for base, handler in ((str, _str_parts), (bool, _scalar_parts), (int, _scalar_parts),
                              (float, _scalar_parts), (tuple, self._sequence_parts), (dict, self._mapping_parts)):
            if issubclass(kind, base):
                return handler
        if issubclass(kind, Mapping):
            return self._mapping_parts

        def unknown(value, parts):
            raise NoContentKey(f"no content key for a {kind.__module__}.{kind.__qualname__} in a page's context")
        return unknown

    def _provenance_parts(self, value: Provenance, parts: list[str]) -> None:
        # A few distinct provenances serve thousands of versions: digested once per value.
        found = self._values.get(value)
        if found is None:
            found = self._values[value] = self._dataclass_digest(value)
        parts.append(found)

    def _sequence_parts(self, value, parts: list[str]) -> None:
        parts.append(f"\6{len(value)}")
        for item in value:
            self._parts(item, parts)

    def _set_parts(self, value, parts: list[str]) -> None:
        self._sequence_parts(sorted(value, key=repr), parts)

    def _mapping_parts(self, value, parts: list[str]) -> None:
        parts.append(f"\5{len(value)}")
        for k in sorted(value, key=repr):
            self._parts(k, parts)
            self._parts(value[k], parts)


class LastingDigests:
    """Digests of article versions and article pages kept from one build to the next in one
    process (`serve`), found again by the values they were made from: an edit does not digest
    every version and page of the site again. Keyed by value, as the keys' own memo of
    provenances is, and compared by equality (the same code makes the same types from build to
    build). Entries that a build did not use are dropped when its renderer closes. Off unless
    `enabled` (`serve` turns it on): a one-build process would only pay for filling it."""

    enabled = False

    def __init__(self) -> None:
        self.versions: dict[tuple, list] = {}     # inputs → [digest, the build that last used it]
        self.pages: dict[tuple, list] = {}
        self._build = 0

    def get(self, table: dict[tuple, list], inputs: tuple, value, make: Callable[[object], str]) -> str:
        if not self.enabled:
            return make(value)
        try:
            found = table.get(inputs)
        except TypeError:              # a field that cannot be hashed: digested every time
            return make(value)
        if found is None:
            found = table[inputs] = [make(value), self._build]
        else:
            found[1] = self._build
        return found[0]

    def sweep(self) -> None:
        build = self._build
        for table in (self.versions, self.pages):
            for inputs in [k for k, (_digest, used) in table.items() if used != build]:
                del table[inputs]
        self._build += 1


LASTING = LastingDigests()
_version_fields = operator.attrgetter(*(f.name for f in dataclasses.fields(ArticleVersion)))
_page_fields = operator.attrgetter(*_ARTICLE_PAGE_FIELDS)


def _str_parts(value: str, parts: list[str]) -> None:
    parts.append(f"\2{type(value).__name__}{len(value)}")     # the length: no two strings run together
    parts.append(value)


def _none_parts(value, parts: list[str]) -> None:
    parts.append("\1")


def _scalar_parts(value, parts: list[str]) -> None:
    parts.append(f"\3{type(value).__name__}:{value!r}")


def _time_parts(value, parts: list[str]) -> None:
    parts.append(f"\4{type(value).__name__}:{value.isoformat()}")


def dataclass_digest(value) -> str:
    """Every field of a dataclass, digested as page keys digest it (`Article.content_digest`)."""
    return ContentKeys()._dataclass_digest(value)
