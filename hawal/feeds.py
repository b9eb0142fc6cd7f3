"""Feeds and sitemap: one Atom feed per language and a sitemap with hreflang alternates."""
from __future__ import annotations

from functools import partial
from urllib.parse import quote
from typing import Iterator
from xml.sax.saxutils import escape as xml_escape, quoteattr

from feedgen.feed import FeedGenerator
from markupsafe import escape

from .assemble import KeyStatement, SitePlan
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


def atom_feeds(plan: SitePlan, renderer: SiteRenderer) -> Iterator[PageJob]:
    """An Atom feed per language: one entry per article, newest first, statements included."""
    for lang in plan.languages:
        entries = plan.sites[lang].articles[:FEED_LIMIT]
        key = digest(renderer.templates_digest, "feed", lang,
                      tuple(renderer.page_digest(p) for p in entries))
        yield PageJob(f"{lang}/feed.xml", key, partial(atom_feed, plan, renderer, lang))


def atom_feed(plan: SitePlan, renderer: SiteRenderer, lang: str) -> OutputFile:
    """The Atom feed of one language."""
    config = renderer.config
    site = plan.sites[lang]
    fg = FeedGenerator()
    feed_url = renderer.absolute(f"{lang}/feed.xml")
    fg.id(feed_url)
    fg.title(config.title(lang))
    fg.language(lang)
    fg.link(href=renderer.absolute(f"{lang}/"), rel="alternate", type="text/html")
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.author({"name": config.title(lang)})
    fg.generator("hawal")
    newest = site.articles[0].article.published if site.articles else plan.generated
    fg.updated(newest)
    enclosures = {}
    for page in reversed(site.articles[:FEED_LIMIT]):     # feedgen prepends entries
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
    return OutputFile(f"{lang}/feed.xml", _with_enclosures(fg.atom_str(pretty=True), enclosures, renderer))


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


def sitemap(plan: SitePlan, base_url: str) -> OutputFile:
    """sitemap.xml listing every page with its hreflang alternates and x-default."""
    groups: list[list[tuple[str, str]]] = []
    langs = plan.languages
    groups.append([(l, f"{l}/") for l in langs])
    first = plan.sites[langs[0]]
    for briefing in first.briefings:
        groups.append([(l, f"{l}/{briefing.date:%Y/%m/%d}/") for l in langs])
    for page in first.articles:
        groups.append(list(page.alternates))
    for archive in first.archives:
        suffix = archive.path[len(langs[0]) + 1:]
        groups.append([(l, f"{l}/{suffix}") for l in langs])
    groups.append([(l, f"{l}/archive/") for l in langs])
    groups.append([(l, f"{l}/tags/") for l in langs])
    for tag in first.tag_pages:                 # every language has the same topics and pages
        groups.append([(l, tag.page_path(tag.number, l)) for l in langs])
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
