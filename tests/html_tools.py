"""Helpers for tests that parse the built site."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

RESOURCE_ATTRS = (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("video", "src"), ("audio", "src"), ("object", "data"), ("embed", "src"))


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resource_urls(doc) -> list[str]:
    """URLs a browser would fetch when showing the page (not plain links)."""
    urls = []
    for tag, attr in RESOURCE_ATTRS:
        for el in doc.iter(tag):
            value = el.get(attr)
            if not value:
                continue
            if tag == "link" and el.get("rel") in ("canonical", "alternate"):
                continue
            urls.append(value)
    for el in doc.iter("style"):
        urls.append(el.text or "")
    return urls


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` points at."""
    target = urljoin(page.relative_to(site).as_posix(), urlsplit(href).path)
    return site / target
