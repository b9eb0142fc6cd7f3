"""Feeds and sitemap: one Atom feed per language and a sitemap with hreflang alternates."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from urllib.parse import quote
from typing import Iterator

from markupsafe import escape

from .assemble import ArticlePage, KeyStatement, SitePlan
from .config import Config
from .digests import digest
from .render import OutputFile, PageJob, SiteRenderer

FEED_LIMIT = 200


def _statements_html(statements: tuple[KeyStatement, ...]) -> str:
    if not statements:
        return ""
    items = "".join(
        f'<li><blockquote lang="{s.text_lang}">{escape(s.text)}</blockquote> — <bdi>{escape(s.speaker)}</bdi></li>'
        for s in statements
    )
    return f"<ul class=\"statements\">{items}</ul>"


@dataclass(frozen=True)
class Feed:
    """What the Atom feed of one language shows: its page digests (through `ContentKeys`) key it."""

    lang: str
    path: str                                  # "en/feed.xml"
    title: str
    entries: tuple[ArticlePage, ...]           # newest first, at most FEED_LIMIT
    updated: dt.datetime


def feed_of(plan: SitePlan, config: Config, lang: str) -> Feed:
    """The feed of one language: the newest articles, and when the newest was published."""
    site = plan.sites[lang]
    newest = site.articles[0].article.published if site.articles else plan.generated
    return Feed(lang, f"{lang}/feed.xml", config.title(lang), site.articles[:FEED_LIMIT], newest)


def atom_feeds(plan: SitePlan, renderer: SiteRenderer) -> Iterator[PageJob]:
    """An Atom feed per language: one entry per article, newest first, statements included."""
    for lang in plan.languages:
        feed = feed_of(plan, renderer.config, lang)
        key = digest(renderer.templates_digest, "feed", renderer.keys.of(feed))
        yield PageJob(feed.path, key, partial(atom_feed, feed, renderer))


def atom_feed(feed: Feed, renderer: SiteRenderer) -> OutputFile:
    """The Atom feed of one language, made only from `feed` (and the site's settings)."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    feed_url = renderer.absolute(feed.path)
    fg.id(feed_url)
    fg.title(feed.title)
    fg.language(feed.lang)
    fg.link(href=renderer.absolute(f"{feed.lang}/"), rel="alternate", type="text/html")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.author({"name": feed.title})
    fg.generator("hawal")
    fg.updated(feed.updated)
    enclosures = {}
    for page in reversed(feed.entries):     # feedgen prepends entries
        a, v = page.article, page.version
        entry = fg.add_entry()
        entry.id(renderer.absolute(page.path))
        entry.title(v.title)
        entry.link(href=renderer.absolute(page.path), rel="alternate", type="text/html")
        entry.published(a.published)
        entry.updated(a.published)
        if a.author:
            entry.author({"name": a.author})
        for tag in a.tags:
            entry.category(term=tag)
        if a.summary and v.provenance.kind != "machine":
            entry.summary(a.summary)
        lead = renderer.lead_image(v)
        if lead is not None:
            enclosures[renderer.absolute(page.path)] = lead
        entry.content(str(renderer.body_html(v, absolute=True)) + _statements_html(page.statements), type="html")
    return OutputFile(feed.path, _with_enclosures(fg.atom_str(pretty=True), enclosures, renderer))


def _with_enclosures(atom: bytes, enclosures: dict, renderer: SiteRenderer) -> bytes:
    """Add each story's lead image as `<link rel="enclosure">` (feedgen 1.0 drops link attributes
    of entries, so they are added to its output)."""
    if not enclosures:
        return atom
    from lxml import etree            # feedgen's own dependency

    ns = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(atom)
    for entry in root.iter(f"{ns}entry"):
        lead = enclosures.get(entry.findtext(f"{ns}id"))
        if lead is not None:
            link = etree.Element(f"{ns}link", href=renderer.absolute(quote(lead.file.site_path)), rel="enclosure",
                                 type=lead.file.media_type, length=str(lead.file.size), title=lead.alt)
            entry.find(f"{ns}link").addnext(link)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def sitemap_groups(plan: SitePlan) -> list[tuple[tuple[str, str], ...]]:
    """What the sitemap lists: each page as its (language, path) in every language."""
    groups: list[tuple[tuple[str, str], ...]] = []
    langs = plan.languages
    groups.append(tuple((l, f"{l}/") for l in langs))
    first = plan.sites[langs[0]]
    for briefing in first.briefings:
        groups.append(tuple((l, f"{l}/{briefing.date:%Y/%m/%d}/") for l in langs))
    for page in first.articles:
        groups.append(tuple(page.alternates))
    for archive in first.archives:
        suffix = archive.path[len(langs[0]) + 1:]
        groups.append(tuple((l, f"{l}/{suffix}") for l in langs))
    groups.append(tuple((l, f"{l}/archive/") for l in langs))
    groups.append(tuple((l, f"{l}/tags/") for l in langs))
    for tag in first.tag_pages:                 # every language has the same topics and pages
        groups.append(tuple((l, tag.page_path(tag.number, l)) for l in langs))
    return groups


def sitemap_job(plan: SitePlan, base_url: str) -> PageJob:
    """sitemap.xml as a job keyed by what it lists (it is written only when that changes)."""
    groups = sitemap_groups(plan)
    return PageJob("sitemap.xml", digest("sitemap", base_url, groups), partial(sitemap_of, groups, base_url))


def sitemap(plan: SitePlan, base_url: str) -> OutputFile:
    """sitemap.xml listing every page with its hreflang alternates and x-default."""
    return sitemap_of(sitemap_groups(plan), base_url)


def sitemap_of(groups, base_url: str) -> OutputFile:
    from xml.sax.saxutils import escape as xml_escape, quoteattr      # (it imports urllib.request)

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for group in groups:
        alternates = "".join(
            f'\n    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(base_url + path)}/>' for code, path in group
        ) + f'\n    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(base_url + group[0][1])}/>'
        for _code, path in group:
            lines.append(f"  <url>\n    <loc>{xml_escape(base_url + path)}</loc>{alternates}\n  </url>")
    lines.append("</urlset>")
    return OutputFile("sitemap.xml", ("\n".join(lines) + "\n").encode("utf-8"))


def robots_txt(base_url: str) -> OutputFile:
    return OutputFile("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n".encode())
