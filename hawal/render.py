"""Render stage: a SitePlan into output files (HTML pages, feeds, sitemap, static assets).

Links between pages are relative and point at `index.html` files, so the site works from any
base URL, from a sub-path and when opened from disk; canonical and hreflang URLs are absolute,
built from `base_url`.
"""
from __future__ import annotations

import datetime as dt
import gettext
import io
import posixpath
import re
from urllib.parse import urlsplit
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import markdown as markdown_lib
import nh3
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from . import text_direction
from .assemble import ArticlePage, SitePlan, tag_slug
from .config import Config
from .translate.stage import ArticleVersion

BABEL_LOCALE = {"en": "en", "ar": "ar_IQ", "ckb": "ckb_IQ"}
EASTERN_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ALLOWED_TAGS = {
    "a", "abbr", "b", "bdi", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul", "dl", "dt", "dd", "q", "cite", "mark", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"},
                      "*": {"dir", "lang"}}
LINK_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class OutputFile:
    path: str           # relative to the site root, '/'-separated
    data: bytes


def relative_link(from_page: str, target: str) -> str:
    """A relative link from the page at folder `from_page` to `target` (folder or file path)."""
    base = from_page.rstrip("/") if from_page.endswith("/") else posixpath.dirname(from_page)
    if target.endswith("/") or target == "":
        target = target + "index.html"
    return posixpath.relpath(target, base or ".")


def localize_digits(text: str, digits: str) -> str:
    """Write Western digits in the language's digit system ('latn' keeps them)."""
    return text.translate(EASTERN_ARABIC_DIGITS) if digits == "arab" else text


def sanitize_html(html: str) -> str:
    """Allow only harmless markup: no scripts, event handlers, iframes or javascript: URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)


_md = markdown_lib.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def markdown_to_html(text: str) -> str:
    """Markdown to sanitized HTML."""
    _md.reset()
    return sanitize_html(_md.convert(text))


_TAG_SPLIT = re.compile(r"(<[^>]+>)")
_LTR_RUN = re.compile(r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f.,’'&:/%+_-]*(?:\s+[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f.,’'&:/%+_-]*)*)")


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


def load_translations(locale_dir: Path, lang: str) -> gettext.NullTranslations:
    """Interface strings of one language from locale/<lang>/LC_MESSAGES/messages.po."""
    po_path = locale_dir / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=BABEL_LOCALE.get(lang, lang).split("_")[0] if lang != "ckb" else "ckb")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class SiteRenderer:
    """Renders a SitePlan through the Jinja2 templates of a site."""

    def __init__(self, config: Config):
        self.config = config
        self.envs = {lang: self._environment(lang) for lang in config.language_codes}
        self._body_cache: dict[tuple[str, str], Markup] = {}

    def _environment(self, lang: str) -> Environment:
        env = Environment(
            loader=FileSystemLoader(str(self.config.templates_dir)),
            autoescape=True, trim_blocks=True, lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"], undefined=StrictUndefined,
        )
        env.install_gettext_translations(load_translations(self.config.locale_dir, lang), newstyle=True)
        lang_config = self.config.language(lang)
        env.globals.update(
            lang=lang, dir=text_direction(lang), site_title=self.config.title(lang),
            languages=[(l.code, l.name, text_direction(l.code)) for l in self.config.languages],
            link=_link, asset=_asset, absolute=self.absolute,
            language_name=lambda code: self.config.language(code).name,
            tag_slug=tag_slug, site_titles={l: self.config.title(l) for l in self.config.language_codes},
            link_root=None,
        )
        env.filters.update(
            date=lambda d, fmt=None: self.format_date(d, lang, fmt),
            datetime=lambda d: self.format_datetime(d, lang),
            number=lambda n: localize_digits(format_decimal(n, locale=BABEL_LOCALE.get(lang, lang)), lang_config.digits),
            digits=lambda s: localize_digits(str(s), lang_config.digits),
            isolate=(lambda s: Markup(isolate_ltr_runs(str(escape(s))))) if text_direction(lang) == "rtl" else escape,
        )
        return env

    def absolute(self, path: str) -> str:
        return self.config.base_url + path

    def format_date(self, day: dt.date, lang: str, fmt: str | None = None) -> str:
        lang_config = self.config.language(lang)
        text = format_date(day, fmt or lang_config.date_format, locale=BABEL_LOCALE.get(lang, lang))
        return localize_digits(text, lang_config.digits)

    def format_datetime(self, stamp: dt.datetime, lang: str) -> str:
        lang_config = self.config.language(lang)
        local = stamp.astimezone(self.config.timezone)
        locale = BABEL_LOCALE.get(lang, lang)
        text = f"{format_date(local.date(), lang_config.date_format, locale=locale)} · {format_time(local, 'HH:mm', locale=locale)}"
        return localize_digits(text, lang_config.digits)

    def body_html(self, version: ArticleVersion) -> Markup:
        """An article version's body as sanitized HTML (cached: pages and feeds share it)."""
        key = (version.article.key, version.lang)
        if key not in self._body_cache:
            html = markdown_to_html(version.body)
            if text_direction(version.text_lang) == "rtl":
                html = isolate_ltr_runs(html)
            self._body_cache[key] = Markup(html)
        return self._body_cache[key]

    def page(self, template: str, lang: str, path: str, alternates, **context) -> OutputFile:
        env = self.envs[lang]
        html = env.get_template(template).render(
            page_path=path, canonical=self.absolute(path),
            alternates=[(code, relative_link(path, p), self.absolute(p)) for code, p in alternates],
            **context,
        )
        return OutputFile(path + "index.html" if path.endswith("/") or not path else path, html.encode("utf-8"))

    def render(self, plan: SitePlan) -> Iterator[OutputFile]:
        """Every page of the site; feeds, sitemap and assets come from their own functions."""
        langs = plan.languages
        yield self.page("home.html", langs[0], "", [(l, f"{l}/") for l in langs], plan=plan)
        yield self.page("404.html", langs[0], "404.html", [], plan=plan,
                        link_root=urlsplit(self.config.base_url).path or "/")
        for lang in langs:
            site = plan.sites[lang]
            latest = site.latest
            yield self.page("briefing.html", lang, f"{lang}/", [(l, f"{l}/") for l in langs],
                            briefing=latest, site=site, is_latest=True, body_html=self.body_html)
            for briefing in site.briefings:
                yield self.page("briefing.html", lang, briefing.path,
                                [(l, f"{l}/{briefing.date:%Y/%m/%d}/") for l in langs],
                                briefing=briefing, site=site, is_latest=False, body_html=self.body_html)
            for page in site.articles:
                yield self.page("article.html", lang, page.path, page.alternates, page=page, site=site,
                                body_html=self.body_html(page.version), provenance=page.version.provenance)
            month_titles = {
                a.path: self.format_date(dt.date(a.year, a.month, 1), lang, "MMMM y") for a in site.archives if a.month
            }
            yield self.page("archive.html", lang, f"{lang}/archive/", [(l, f"{l}/archive/") for l in langs],
                            archive=None, site=site, month_titles=month_titles, archive_month_title="")
            for archive in site.archives:
                suffix = archive.path[len(lang) + 1:]
                yield self.page("archive.html", lang, archive.path, [(l, f"{l}/{suffix}") for l in langs],
                                archive=archive, site=site, month_titles=month_titles,
                                archive_month_title=month_titles.get(archive.path, ""))
            yield self.page("tags.html", lang, f"{lang}/tags/", [(l, f"{l}/tags/") for l in langs], site=site)
            for tag in site.tags:
                yield self.page("tag.html", lang, tag.path, [(l, f"{l}/tags/{tag.tag}/") for l in langs],
                                tag=tag, site=site)


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


@lru_cache(maxsize=None)
def _static_files(static_dir: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in static_dir.rglob("*") if p.is_file()))


def static_files(config: Config) -> Iterator[OutputFile]:
    """The site's static assets (CSS, fonts, scripts, licences) under static/."""
    if not config.static_dir.is_dir():
        return
    for path in _static_files(config.static_dir):
        yield OutputFile("static/" + path.relative_to(config.static_dir).as_posix(), path.read_bytes())


def article_for_feed(renderer: SiteRenderer, page: ArticlePage) -> str:
    return str(renderer.body_html(page.version))
