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
import shutil
import threading
from functools import lru_cache, partial
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import nh3
from markupsafe import Markup, escape

from . import __version__, langs
from .assemble import ArticlePage, SitePlan, article_path, tag_slug
from .bodies import BodyCache, body_key
from .markup import markdown_inline_to_text
from .storyfiles import LeadImage, StoryFile, files_by_url, lead_image_alt, link_story_files
from .config import Config
from .contentfs import Listing, read_inside, walk_tree
from .errors import InputError
from .digests import code_digest, digest, tree_digest
from .pages import BodyHTML, ContentKeys, Page, site_pages
from .translate.stage import ArticleVersion

if TYPE_CHECKING:
    from babel import Locale
    from jinja2 import Environment

# Jinja2, Babel and Markdown are imported where they are first used: a build that renders
# nothing (every page unchanged) never loads them.


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> "Locale":
    """The CLDR locale of a language (its spec's `babel_locale`)."""
    from babel import Locale

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


def link_scope(from_page: str) -> str:
    """What `relative_link(from_page, target)` depends on for every target at most two folders
    deep: the depth of the page's folder and its first two folders ("5:en/2026"). Fragments of
    the page frame are made once per scope (`templating.FragmentCache`)."""
    base = from_page.rstrip("/") if from_page.endswith("/") else posixpath.dirname(from_page)
    parts = base.split("/") if base else []
    return f"{len(parts)}:{'/'.join(parts[:2])}"


def localize_digits(text: str, digits: str) -> str:
    """Write Western digits in the language's digit system ('latn' keeps them)."""
    return text if digits == "latn" else text.translate(_DIGIT_TABLES[digits])


def sanitize_html(html: str) -> str:
    """Allow only harmless markup: no scripts, event handlers, iframes or javascript: URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True, allowed_classes=ALLOWED_CLASSES)


from .bodycheck import MARKDOWN_EXTENSIONS  # noqa: E402 (one set of extensions for checking and rendering)


@lru_cache(maxsize=1)
def _markdown():
    import markdown

    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")


_MARKDOWN_LOCK = threading.Lock()          # one converter, reset per text: one text at a time


def markdown_to_html(text: str) -> str:
    """Markdown to sanitized HTML (the Markdown HTML that validation made of the same text in
    this build, where it made it: same settings, same result)."""
    from .bodycheck import take_rendered

    html = take_rendered(text)
    if html is None:
        with _MARKDOWN_LOCK:
            md = _markdown()
            md.reset()
            html = md.convert(text)
    return sanitize_html(html)


@lru_cache(maxsize=1)
def body_setup() -> str:
    """The digest of what turns a body into HTML besides its text: hawal's code, the Markdown
    extensions, the Markdown and sanitizer versions."""
    import markdown

    return digest(code_digest(), MARKDOWN_EXTENSIONS, markdown.__version__, getattr(nh3, "__version__", ""))


def render_body(body: str, rtl: bool) -> str:
    """An article body as the page shows it: sanitized HTML, Latin runs isolated in right-to-left text."""
    html = markdown_to_html(body)
    return isolate_ltr_runs(html) if rtl else html


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
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

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
    """Renders the pages of a SitePlan (`hawal.pages`) through the Jinja2 templates of a site.

    Every page's key is made from the context its template is given (`pages.ContentKeys`), and
    everything that is the same on many pages is made once per build: interface strings without
    arguments are translated when a template is compiled, dates and numbers are formatted once
    per value, and article bodies come from the body cache (`hawal.bodies`).
    """

    def __init__(self, config: Config, bodies: BodyCache | None = None):
        self.config = config
        self._cache_dir = config.root / ".hawal" / "cache" / "templates"
        self.keys = ContentKeys()
        self.bodies = bodies if bodies is not None else BodyCache(None)
        self._translations: dict[str, gettext.NullTranslations] = {}
        self._envs: dict[str, "Environment"] = {}
        self._formatted: dict[tuple, str] = {}
        self.templates_digest = digest(
            tree_digest(config.templates_dir, config.locale_dir), config.base_url, config.languages,
            config.titles, config.timezone.key, config.topics, __version__, code_digest())

    # -- per-language machinery, made when first needed (a build that renders nothing needs none)
    @property
    def translations(self) -> dict[str, gettext.NullTranslations]:
        for lang in self.config.language_codes:
            self.translation(lang)
        return self._translations

    def translation(self, lang: str) -> gettext.NullTranslations:
        found = self._translations.get(lang)
        if found is None:
            found = self._translations[lang] = load_translations(self.config.locale_dir, lang)
        return found

    @property
    def envs(self) -> dict[str, "Environment"]:
        return {lang: self.env(lang) for lang in self.config.language_codes}

    def env(self, lang: str) -> "Environment":
        found = self._envs.get(lang)
        if found is None:
            found = self._envs[lang] = self._environment(lang)
        return found

    def _environment(self, lang: str) -> "Environment":
        from .templating import site_environment

        lang_config = self.config.language(lang)
        # One bytecode cache per language and catalog: interface strings are translated at compile time.
        env = site_environment(self.config.templates_dir, self._bytecode_dir(lang), self.translation(lang))
        direction = _Directions().__getitem__            # a call from a template: a dict look-up
        env.globals.update(
            lang=lang, dir=direction(lang), direction=direction, site_title=self.config.title(lang),
            languages=[(l.code, l.name, direction(l.code)) for l in self.config.languages],
            absolute=self.absolute, lead_image=self.lead_image,
            language_name={l.code: l.name for l in self.config.languages}.__getitem__,
            language_word=partial(self.language_word, lang),
            digit_system=lang_config.digits, tag_slug=tag_slug,
            topic_name=partial(_topic_name, self.config, lang),
            site_titles={l: self.config.title(l) for l in self.config.language_codes},
            browser_aliases={tag: l.code for l in self.config.languages for tag in _browser_tags(l.code)},
            alternate_href=alternate_href,
            link_root=None,
        )
        env.filters.update(
            date=partial(self.format_date_in, lang),
            short_date=partial(self.format_short_date, lang),
            datetime=partial(self.format_datetime, lang=lang),
            published=partial(self.format_published, lang),
            number=partial(self.format_number, lang),
            digits=partial(self.format_digits, lang),
            isolate=_isolate if direction(lang) == "rtl" else escape,
        )
        return env

    def _bytecode_dir(self, lang: str) -> Path:
        po = self.config.locale_dir / lang / "LC_MESSAGES" / "messages.po"
        try:
            catalog = po.read_bytes()
        except OSError:
            catalog = b""
        name = f"{lang}-{hashlib.blake2b(catalog + code_digest().encode(), digest_size=8).hexdigest()}"
        folder = self._cache_dir / name
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            for other in self._cache_dir.glob(f"{lang}-*"):       # compiled for another catalog or code
                if other.name != name:
                    shutil.rmtree(other, ignore_errors=True)
        return folder

    def language_word(self, lang: str, code: str) -> str:
        """A language's name as a word of `lang` ("Arabic" on English pages, from the catalog),
        else its configured name."""
        spec = langs.find(code)
        if spec is None:
            return self.config.language(code).name
        return self.translation(lang).gettext(spec.english_name)

    def absolute(self, path: str) -> str:
        return self.config.base_url + path

    # -- values formatted once per build
    def format_date(self, day: dt.date, lang: str, fmt: str | None = None) -> str:
        key = ("date", day, lang, fmt)
        found = self._formatted.get(key)
        if found is None:
            lang_config = self.config.language(lang)
            from babel.dates import format_date

            text = format_date(day, fmt or lang_config.date_format, locale=babel_locale(lang))
            found = self._formatted[key] = localize_digits(text, lang_config.digits)
        return found

    def format_date_in(self, lang: str, day: dt.date, fmt: str | None = None) -> str:
        return self.format_date(day, lang, fmt)

    def format_short_date(self, lang: str, day: dt.date) -> str:
        """A date as cards and day links write it (the language's `short_date_format`)."""
        spec = langs.find(lang)
        return self.format_date(day, lang, spec.short_date_format if spec else "medium")

    def format_datetime(self, stamp: dt.datetime, lang: str) -> str:
        key = ("datetime", stamp, lang)
        found = self._formatted.get(key)
        if found is None:
            from babel.dates import format_date, format_time

            lang_config = self.config.language(lang)
            local = stamp.astimezone(self.config.timezone)
            locale = babel_locale(lang)
            spec = langs.find(lang)
            separator = spec.datetime_separator if spec else " · "
            text = (f"{format_date(local.date(), lang_config.date_format, locale=locale)}{separator}"
                    f"{format_time(local, 'HH:mm', locale=locale)}")
            found = self._formatted[key] = localize_digits(text, lang_config.digits)
        return found

    def format_published(self, lang: str, article) -> str:
        """When an article was published: date and time where the source gave a time."""
        return self.format_datetime(article.published, lang) if article.time_given else self.format_date(article.date, lang)

    def format_number(self, lang: str, n) -> str:
        key = ("number", n, lang)
        found = self._formatted.get(key)
        if found is None:
            from babel.numbers import format_decimal

            found = self._formatted[key] = localize_digits(format_decimal(n, locale=babel_locale(lang)),
                                                           self.config.language(lang).digits)
        return found

    def format_digits(self, lang: str, s) -> str:
        return localize_digits(str(s), self.config.language(lang).digits)

    def month_title(self, lang: str, year: int, month: int) -> str:
        return self.format_date(dt.date(year, month, 1), lang, "MMMM y")

    # -- article bodies
    def body_key(self, version: ArticleVersion) -> str:
        return body_key(body_setup(), version.body, langs.direction(version.text_lang) == "rtl")

    def body_html(self, version: ArticleVersion, absolute: bool = False) -> Markup:
        """An article version's body as sanitized HTML, its images and files linked to their
        published copy (absolute URLs for feeds). The Markdown and the sanitizer run once per
        body text: the body cache keeps their HTML from build to build. (Not kept here as well:
        each page, feed entry and search record asks once, and copies would only take memory.)"""
        cache_key = self.body_key(version)
        html = self.bodies.get(cache_key)
        if html is None:
            html = render_body(version.body, langs.direction(version.text_lang) == "rtl")
            self.bodies.put(cache_key, html)
        a = version.article
        if a.files or "<img" in html:
            page = article_path(version.lang, a.date, a.slug)
            html = link_story_files(html, files_by_url(a.files),
                                    self.absolute if absolute else partial(relative_link, page))
        return Markup(html)

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

    # -- pages
    def page(self, template: str, lang: str, path: str, alternates, **context) -> OutputFile:
        """Render one template at a site path (links in it are made relative to `path`)."""
        html = self._render(template, lang, path, alternates, context)
        return OutputFile(_file_path(path), html.encode("utf-8"))

    def render_page(self, page: Page) -> OutputFile:
        context = {name: self.body_html(value.version) if type(value) is BodyHTML else value
                   for name, value in page.context.items()}
        html = self._render(page.template, page.lang, page.path, page.alternates, context)
        return OutputFile(page.file_path, html.encode("utf-8"))

    def _render(self, template: str, lang: str, path: str, alternates, context: dict) -> str:
        link_root = context.get("link_root")
        if link_root is None:
            link, scope = partial(relative_link, path), link_scope(path)
        else:
            link, scope = partial(_rooted_link, link_root), "/" + link_root
        return self.env(lang).get_template(template).render(
            page_path=path, canonical=self.absolute(path), link_scope=scope,
            alternates=[(code, relative_link(path, p), self.absolute(p)) for code, p in alternates],
            link=link, asset=partial(_asset_link, link),
            **context,
        )

    def page_key(self, page: Page) -> str:
        """The digest of everything the page shows: its template (with the site's templates,
        catalogs, settings and hawal's code), its path and alternates, and its context."""
        return digest(self.templates_digest, page.template, page.lang, page.path, page.alternates,
                      self.keys.context(page.context))

    def job_for(self, page: Page) -> PageJob:
        """A page to render, keyed by the digest of what it shows (same key: same bytes)."""
        return PageJob(page.file_path, self.page_key(page), partial(self.render_page, page))

    def version_digest(self, version: ArticleVersion) -> str:
        """Digest of everything about an article version that a page can show."""
        return self.keys.version(version)

    def page_digest(self, page: ArticlePage) -> str:
        """Digest of an article page's content: its version and its key statements."""
        return self.keys.page(page)

    def pages(self, plan: SitePlan) -> Iterator[Page]:
        """Every HTML page of the site but the search pages (`search.SearchIndex.page_jobs`)."""
        link_root = urlsplit(self.config.base_url).path or "/"
        not_found = {lang: self.translation(lang).gettext("Page not found") for lang in plan.languages}
        return site_pages(plan, link_root, not_found, self.month_title)

    def render(self, plan: SitePlan) -> Iterator[PageJob]:
        """Every page of the site as jobs; feeds, sitemap and assets come from their own functions."""
        for page in self.pages(plan):
            yield self.job_for(page)

    def close(self) -> None:
        """Let go of the template environments and caches. Jinja's environments, templates and
        extensions refer to one another (and the globals and filters to this renderer): left as
        they are, each build's would stay in memory until a full garbage collection, which a
        build process runs rarely, so `serve` would grow with every rebuild."""
        for env in self._envs.values():
            for template in list((env.cache or {}).values()):
                # A compiled template is a module: its functions and their namespace refer to each
                # other (and to the environment). Emptied, they go when the last reference does.
                template.root_render_func.__globals__.clear()
            # The extensions refer to the environment and it to them (and to their methods).
            vars(env).clear()
        self._envs.clear()
        self._formatted.clear()
        self.keys.clear()
        from .bodycheck import forget_rendered

        forget_rendered()


class _Directions(dict):
    """Each language's direction (`langs.direction`), looked up once."""

    def __missing__(self, code: str) -> str:
        found = self[code] = langs.direction(code)
        return found


def alternate_href(alternates, code: str) -> str | None:
    """The relative link to the page in language `code`, from a page's alternates (None where
    the page has no version in it)."""
    for alternate in alternates or ():
        if alternate[0] == code:
            return alternate[1]
    return None


def _topic_name(config: Config, lang: str, tag: str) -> str:
    return config.topic_name(tag, lang)


def _isolate(s) -> Markup:
    return Markup(isolate_ltr_runs(str(escape(s))))


def _rooted_link(root: str, target: str) -> str:
    """A link from the site's root path (the 404 page is served at any depth)."""
    return root + (target if not target.endswith("/") and target else target + "index.html")


def _asset_link(link, name: str) -> str:
    return link("static/" + name)


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
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

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
