"""Render stage: a SitePlan into output files (HTML pages, feeds, sitemap, static assets).

Links between pages are relative and point at `index.html` files, so the site works from any
base URL, from a sub-path and when opened from disk; canonical and hreflang URLs are absolute,
built from `base_url`.
"""
from __future__ import annotations

import datetime as dt
import gettext
import hashlib
import io
import posixpath
import re
from functools import lru_cache, partial
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import markdown as markdown_lib
import nh3
from babel import Locale
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from . import __version__, langs
from .assemble import ArticlePage, SitePlan, article_path, tag_slug
from .markup import markdown_inline_to_text
from .storyfiles import LeadImage, StoryFile, files_by_url, lead_image_alt, link_story_files
from .config import Config
from .contentfs import Listing, read_inside, walk_tree
from .errors import InputError
from .digests import code_digest, digest, text_digest, tree_digest
from .translate.stage import ArticleVersion


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> Locale:
    """The CLDR locale of a language (its spec's `babel_locale`)."""
    spec = langs.find(lang)
    return Locale.parse(spec.babel_locale if spec else lang)


_DIGIT_TABLES = {name: str.maketrans("0123456789", digits) for name, digits in langs.DIGIT_SYSTEMS.items()}
ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul", "dl", "dt", "dd", "q", "cite", "mark", "figure", "figcaption",
}
ALLOWED_TAGS.add("img")
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"},
                      "img": {"src", "alt", "title"}, "*": {"dir", "lang"}}
LINK_SCHEMES = {"http", "https", "mailto"}
# A machine sentence the guard stopped is shown in the original, marked (translate.stage.shown_in_original).
ALLOWED_CLASSES = {"span": {"guarded"}}


@dataclass(frozen=True)
class OutputFile:
    path: str           # relative to the site root, '/'-separated
    data: bytes


@lru_cache(maxsize=65536)
def relative_link(from_page: str, target: str) -> str:
    """A relative link from the page at folder `from_page` to `target` (folder or file path)."""
    base = from_page.rstrip("/") if from_page.endswith("/") else posixpath.dirname(from_page)
    if target.endswith("/") or target == "":
        target = target + "index.html"
    base_parts = base.split("/") if base else []
    target_parts = target.split("/")
    common = 0
    while (common < len(base_parts) and common < len(target_parts) - 1
           and base_parts[common] == target_parts[common]):
        common += 1
    return "/".join([".."] * (len(base_parts) - common) + target_parts[common:])


def localize_digits(text: str, digits: str) -> str:
    """Write Western digits in the language's digit system ('latn' keeps them)."""
    return text if digits == "latn" else text.translate(_DIGIT_TABLES[digits])


def sanitize_html(html: str) -> str:
    """Allow only harmless markup: no scripts, event handlers, iframes or javascript: URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True, allowed_classes=ALLOWED_CLASSES)


_md = markdown_lib.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def markdown_to_html(text: str) -> str:
    """Markdown to sanitized HTML."""
    _md.reset()
    return sanitize_html(_md.convert(text))


_TAG_SPLIT = re.compile(r"(<[^>]+>)")
_LTR_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f.,’'&:/%+_→-]*(?:\s+[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f.,’'&:/%+_→-]*)*)")


def isolate_ltr_runs(html: str) -> str:
    """Wrap Latin words and Western-digit numbers inside right-to-left text in <bdi>."""
    out, skip = [], 0
    for part in _TAG_SPLIT.split(html):
        if part.startswith("<"):
            name = part[1:].split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in ("code", "pre", "bdi"):
                skip += 1
            elif name in ("/code", "/pre", "/bdi"):
                skip = max(0, skip - 1)
            out.append(part)
        elif skip or not part.strip():
            out.append(part)
        else:
            out.append(_LTR_RUN.sub(_wrap_run, part))
    return "".join(out)


def _wrap_run(m: re.Match) -> str:
    run = m.group(0)
    core = run.rstrip(".,:’'")
    return f"<bdi>{core}</bdi>{run[len(core):]}"


def _browser_tags(code: str) -> tuple[str, ...]:
    spec = langs.find(code)
    return spec.browser_tags if spec else ()


def load_translations(locale_dir: Path, lang: str) -> gettext.NullTranslations:
    """Interface strings of one language from locale/<lang>/LC_MESSAGES/messages.po."""
    po_path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as fh:
        spec = langs.find(lang)
        catalog = read_po(fh, locale=spec.catalog_locale if spec else lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class SiteRenderer:
    """Renders a SitePlan through the Jinja2 templates of a site."""

    def __init__(self, config: Config):
        self.config = config
        cache_dir = config.root / ".hawal" / "cache" / "templates"
        self._cache_dir = cache_dir
        self.translations = {lang: load_translations(config.locale_dir, lang) for lang in config.language_codes}
        self.envs = {lang: self._environment(lang) for lang in config.language_codes}
        self._markdown_cache: dict[tuple[str, str, str], str] = {}
        self._body_cache: dict[tuple[str, str], Markup] = {}
        self._version_digests: dict[tuple[str, str], str] = {}
        self._page_digests: dict[int, tuple[ArticlePage, str]] = {}
        self.templates_digest = digest(
            tree_digest(config.templates_dir, config.locale_dir), config.base_url, config.languages,
            config.titles, config.timezone.key, config.topics, __version__, code_digest())

    def _environment(self, lang: str) -> Environment:
        lang_config = self.config.language(lang)
        env = Environment(
            loader=FileSystemLoader(str(self.config.templates_dir)),
            # One cache per language: Jinja folds filters on literals at compile time.
            bytecode_cache=FileSystemBytecodeCache(str(_ensure_dir(self._cache_dir / lang))),
            autoescape=True, trim_blocks=True, lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"], undefined=StrictUndefined,
        )
        env.install_gettext_translations(self.translations[lang], newstyle=True)
        env.globals.update(
            lang=lang, dir=langs.direction(lang), direction=langs.direction, site_title=self.config.title(lang),
            languages=[(l.code, l.name, langs.direction(l.code)) for l in self.config.languages],
            link=_link, asset=_asset, absolute=self.absolute, lead_image=self.lead_image,
            language_name=lambda code: self.config.language(code).name,
            language_word=partial(self.language_word, lang),
            digit_system=lang_config.digits, tag_slug=tag_slug,
            topic_name=lambda tag: self.config.topic_name(tag, lang), site_titles={l: self.config.title(l) for l in self.config.language_codes},
            browser_aliases={tag: l.code for l in self.config.languages for tag in _browser_tags(l.code)},
            link_root=None,
        )
        env.filters.update(
            date=lambda d, fmt=None: self.format_date(d, lang, fmt),
            short_date=lambda d: self.format_date(d, lang, langs.find(lang).short_date_format if langs.find(lang)
                                                  else "medium"),
            datetime=lambda d: self.format_datetime(d, lang),
            published=lambda a: self.format_datetime(a.published, lang) if a.time_given else self.format_date(a.date, lang),
            number=lambda n: localize_digits(format_decimal(n, locale=babel_locale(lang)), lang_config.digits),
            digits=lambda s: localize_digits(str(s), lang_config.digits),
            isolate=(lambda s: Markup(isolate_ltr_runs(str(escape(s))))) if langs.direction(lang) == "rtl" else escape,
        )
        return env

    def language_word(self, lang: str, code: str) -> str:
        """A language's name as a word of `lang` ("Arabic" on English pages, from the catalog),
        else its configured name."""
        spec = langs.find(code)
        if spec is None:
            return self.config.language(code).name
        return self.translations[lang].gettext(spec.english_name)

    def absolute(self, path: str) -> str:
        return self.config.base_url + path

    def format_date(self, day: dt.date, lang: str, fmt: str | None = None) -> str:
        lang_config = self.config.language(lang)
        text = format_date(day, fmt or lang_config.date_format, locale=babel_locale(lang))
        return localize_digits(text, lang_config.digits)

    def format_datetime(self, stamp: dt.datetime, lang: str) -> str:
        lang_config = self.config.language(lang)
        local = stamp.astimezone(self.config.timezone)
        locale = babel_locale(lang)
        spec = langs.find(lang)
        separator = spec.datetime_separator if spec else " · "
        text = f"{format_date(local.date(), lang_config.date_format, locale=locale)}{separator}{format_time(local, 'HH:mm', locale=locale)}"
        return localize_digits(text, lang_config.digits)

    def body_html(self, version: ArticleVersion, absolute: bool = False) -> Markup:
        """An article version's body as sanitized HTML (cached: pages and search share it), its
        images and files linked to their published copy (absolute URLs for feeds)."""
        key = (version.article.key, version.lang, absolute)
        if key not in self._body_cache:
            # Every language without a translation shows the original body: Markdown runs once for it.
            same = version.body is version.article.body
            rendered_key = (version.article.key, "original" if same else version.lang, version.text_lang)
            html = self._markdown_cache.get(rendered_key)
            if html is None:
                html = markdown_to_html(version.body)
                if langs.direction(version.text_lang) == "rtl":
                    html = isolate_ltr_runs(html)
                self._markdown_cache[rendered_key] = html
            a = version.article
            page = article_path(version.lang, a.date, a.slug)
            html = link_story_files(html, files_by_url(a.files),
                                    self.absolute if absolute else partial(relative_link, page))
            self._body_cache[key] = Markup(html)
        return self._body_cache[key]

    def lead_image(self, version: ArticleVersion) -> LeadImage | None:
        """The story's lead image (`image:`) with its description in the version's language."""
        a = version.article
        if not a.image:
            return None
        found = files_by_url(a.files).get(a.image)
        if found is None:
            return None
        alt = lead_image_alt(version.body, a.image)
        if alt is None:                   # a newsroom translation without the image: the original's words
            alt = lead_image_alt(a.body, a.image) or ""
        return LeadImage(found, markdown_inline_to_text(alt))

    def page(self, template: str, lang: str, path: str, alternates, **context) -> OutputFile:
        env = self.envs[lang]
        html = env.get_template(template).render(
            page_path=path, canonical=self.absolute(path),
            alternates=[(code, relative_link(path, p), self.absolute(p)) for code, p in alternates],
            **context,
        )
        return OutputFile(_file_path(path), html.encode("utf-8"))

    def version_digest(self, version: ArticleVersion) -> str:
        """Digest of everything about an article version that a page can show."""
        key = (version.article.key, version.lang)
        found = self._version_digests.get(key)
        if found is None:
            a = version.article
            found = text_digest(a.key, a.published.isoformat(), str(a.time_given), str(a.lead), *a.tags, "",
                                a.source, a.source_url, a.author, a.summary, repr(a.dateline), a.kind,
                                str(a.draft), str(a.scheduled), a.image, repr(a.files),
                                version.lang, version.title, version.body, repr(version.provenance),
                                *version.sentences)
            self._version_digests[key] = found
        return found

    def page_digest(self, page: ArticlePage) -> str:
        """Digest of an article page's content: its version and its key statements."""
        found = self._page_digests.get(id(page))
        if found is None or found[0] is not page:
            # The statement stage names what a page's statements were made from; where a caller
            # did not, the extracted statements themselves are digested.
            statements = page.statements_key or digest(page.found, page.scores)
            found = (page, text_digest(page.path, self.version_digest(page.version), statements))
            self._page_digests[id(page)] = found
        return found[1]

    def job(self, key_parts: tuple, template: str, lang: str, path: str, alternates, **context) -> PageJob:
        """A page to render, keyed by the digest of what it shows (same key: same bytes)."""
        key = digest(self.templates_digest, template, lang, path, tuple(alternates), key_parts)

        def make() -> OutputFile:
            resolved = {k: v() if isinstance(v, Lazy) else v for k, v in context.items()}
            return self.page(template, lang, path, alternates, **resolved)
        return PageJob(_file_path(path), key, make)

    def _pages_digest(self, pages) -> tuple:
        return tuple(self.page_digest(p) for p in pages)

    def render(self, plan: SitePlan) -> Iterator[PageJob]:
        """Every page of the site as jobs; feeds, sitemap and assets come from their own functions."""
        langs = plan.languages
        yield self.job((langs,), "home.html", langs[0], "", [(l, f"{l}/") for l in langs], plan=plan)
        link_root = urlsplit(self.config.base_url).path or "/"
        not_found = {lang: self.translations[lang].gettext("Page not found") for lang in langs}
        yield self.job((langs, link_root), "404.html", langs[0], "404.html", [], plan=plan, link_root=link_root,
                       not_found=not_found)
        for lang in langs:
            site = plan.sites[lang]
            latest = site.latest
            for briefing, path, is_latest in [(latest, f"{lang}/", True)] + [(b, b.path, False) for b in site.briefings]:
                # The day's statements are chosen from its pages' by score: the pages and the limit decide them.
                key = (briefing.date, briefing.previous, briefing.next, self._pages_digest(briefing.articles),
                       briefing.statements_limit) if briefing else ()
                day = f"{briefing.date:%Y/%m/%d}/" if briefing and not is_latest else ""
                yield self.job(key, "briefing.html", lang, path, [(l, f"{l}/{day}") for l in langs],
                               briefing=briefing, site=site, is_latest=is_latest)
            for page in site.articles:
                yield self.job((self.page_digest(page),), "article.html", lang,
                               page.path, page.alternates, page=page, site=site,
                               body_html=Lazy(partial(self.body_html, page.version)),
                               provenance=page.version.provenance)
            archive_key = tuple((a.path, tuple((b.date, len(b.articles), b.articles[0].version.title) for b in a.days))
                                for a in site.archives)
            month_titles = {
                a.path: self.format_date(dt.date(a.year, a.month, 1), lang, "MMMM y") for a in site.archives if a.month
            }
            yield self.job(archive_key, "archive.html", lang, f"{lang}/archive/", [(l, f"{l}/archive/") for l in langs],
                           archive=None, site=site, month_titles=month_titles, archive_month_title="")
            for archive in site.archives:
                suffix = archive.path[len(lang) + 1:]
                yield self.job(archive_key, "archive.html", lang, archive.path, [(l, f"{l}/{suffix}") for l in langs],
                               archive=archive, site=site, month_titles=month_titles,
                               archive_month_title=month_titles.get(archive.path, ""))
            tags_key = tuple((t.tag, t.total) for t in site.tags)
            yield self.job(tags_key, "tags.html", lang, f"{lang}/tags/", [(l, f"{l}/tags/") for l in langs], site=site)
            for tag in site.tag_pages:
                yield self.job((tag.count, self._pages_digest(tag.articles)), "tag.html", lang, tag.path,
                               [(l, tag.page_path(tag.number, l)) for l in langs], tag=tag, site=site)


class Lazy:
    """A template value computed only when the page is really rendered."""

    def __init__(self, compute: Callable[[], object]):
        self.compute = compute

    def __call__(self):
        return self.compute()


@dataclass(frozen=True)
class PageJob:
    """One output file to produce; `key` digests its inputs so an unchanged file can be reused."""

    path: str
    key: str                                   # "" means: always produce
    make: Callable[[], OutputFile]


def ready(output: OutputFile) -> PageJob:
    """A job for a file whose bytes are already known (static assets, sitemap): keyed by content."""
    return PageJob(output.path, hashlib.blake2b(output.data, digest_size=16).hexdigest(), lambda: output)


def story_file_jobs(plan: SitePlan) -> Iterator[PageJob]:
    """One published copy of every file next to a story, shared by all its language versions."""
    seen: set[str] = set()
    first = plan.sites[plan.languages[0]] if plan.languages else None
    for page in first.articles if first else ():
        for f in page.article.files:
            if f.site_path not in seen:
                seen.add(f.site_path)
                yield PageJob(f.site_path, digest("story-file", f.site_path, f.disk_path, f.stamp),
                              partial(_read_story_file, f))


MAX_STORY_FILE_BYTES = 1024 * 1024 * 1024


def _read_story_file(f: StoryFile) -> OutputFile:
    # Checked when the build began; read again without following links, so a file swapped for a
    # link since then is refused rather than published.
    rel = f.site_path.split("/", 1)[1]
    disk = Path(f.disk_path)
    content_dir = Path(f.disk_path[: -len(rel)].rstrip("/")) if f.disk_path.endswith(rel) else disk.parent
    return OutputFile(f.site_path, read_inside(content_dir, disk, MAX_STORY_FILE_BYTES))


def _ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _file_path(path: str) -> str:
    return path + "index.html" if path.endswith("/") or not path else path


@pass_context
def _link(context, target: str) -> str:
    """Link from the page being rendered to a site path: relative, or from `link_root` when set.

    The 404 page is served at any depth, so it links from the site's root path instead.
    """
    root = context.get("link_root", None)
    if root is not None:
        return root + (target if not target.endswith("/") and target else target + "index.html")
    return relative_link(context["page_path"], target)


@pass_context
def _asset(context, name: str) -> str:
    return _link(context, "static/" + name)


MAX_STATIC_FILE_BYTES = 64 * 1024 * 1024


def static_listing(config: Config) -> Listing:
    """The regular files under static/ (links and special files are refused, never published)."""
    return walk_tree(config.static_dir, wanted=lambda name: True)


def static_files(config: Config) -> Iterator[OutputFile]:
    """The site's static assets (CSS, fonts, scripts, licences) under static/: the files of the
    static folder, and the stylesheets rendered from templates (which replace same-named files)."""
    rendered = list(stylesheets(config))
    names = {output.path for output in rendered}
    listing = static_listing(config)
    if listing.refused:          # `check` reports these; a build never publishes what they point to
        first = listing.refused[0]
        raise StaticFileError(f"{first.path}: {first.reason}")
    for path in listing.files:
        name = "static/" + path.relative_to(config.static_dir).as_posix()
        if name not in names:
            yield OutputFile(name, read_inside(config.static_dir, path, MAX_STATIC_FILE_BYTES))
    yield from rendered


CSS_LINE_LENGTH = 128


def stylesheets(config: Config) -> Iterator[OutputFile]:
    """Every `*.css` template at the top of the templates folder, rendered into static/.

    Language selectors and script fonts come from the language registry, so a new language
    gets its script's typography without an edit here."""
    folder = config.templates_dir
    if not folder.is_dir():
        return
    names = sorted(p.name for p in folder.glob("*.css") if p.is_file())
    if not names:
        return
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=False, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.globals.update(arabic=langs.scripts.ARABIC, latin=langs.scripts.LATIN,
                       scripts={s.code: s for s in langs.SCRIPTS},
                       selectors=css_language_selectors, font_variable=css_font_variable)
    for name in names:
        yield OutputFile("static/" + name, env.get_template(name).render().encode("utf-8"))


def css_language_selectors(script: langs.Script, pattern: str, separator: str = ",\n") -> str:
    """`pattern % code` for every registered language written in `script`, one per line (a
    selector that matches nothing when there is none)."""
    codes = [spec.code for spec in langs.registered() if spec.script is script]
    return separator.join(pattern % code for code in codes) if codes else pattern % "x-none"


def css_font_variable(name: str, families: tuple[str, ...]) -> str:
    """A CSS custom property holding a font stack, wrapped as the stylesheet is laid out."""
    lines, line = [], f"  {name}: "
    for n, family in enumerate(families):
        word = (f'"{family}"' if " " in family else family) + (";" if n == len(families) - 1 else ",")
        if line.strip() and line[-1] != " " and len(line) + 1 + len(word) > CSS_LINE_LENGTH:
            lines.append(line)
            line = "    " + word
        else:
            line += ("" if line.endswith(" ") else " ") + word
    lines.append(line)
    return "\n".join(lines)


class StaticFileError(InputError):
    """Something under static/ cannot be published."""
