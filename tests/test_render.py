import posixpath

import pytest

from hawal.render import isolate_ltr_runs, localize_digits, markdown_to_html, relative_link


@pytest.mark.parametrize("page, target", [
    ("en/2026/11/23/slug/", "en/2026/11/23/"), ("", "en/"), ("en/", "static/site.css"), ("404.html", "en/"),
    ("en/2026/11/23/slug/", "en/2026/11/23/slug/"), ("en/", "en/"), ("en/tags/x/", "en/tags/"),
    ("en/2026/", "en/2026/11/"), ("ar/2026/11/23/a/", "en/2026/11/23/a/"), ("", "static/x.css"),
    ("en/feed.xml", "en/"), ("ckb/search/", "pagefind/pagefind.js"),
])
def test_relative_link_matches_posix_relpath(page, target):
    base = page.rstrip("/") if page.endswith("/") else posixpath.dirname(page)
    file_target = target + "index.html" if target.endswith("/") or not target else target
    assert relative_link(page, target) == posixpath.relpath(file_target, base or ".")


def test_latin_runs_in_rtl_text_are_isolated():
    html = isolate_ltr_runs('<p>قال Mike Pompeo إن 5,000 جندي <a href="https://x.org/a">هنا</a>.</p><code>keep me</code>')
    assert "<bdi>Mike Pompeo</bdi>" in html and "<bdi>5,000</bdi>" in html
    assert 'href="https://x.org/a"' in html and "<code>keep me</code>" in html


def test_eastern_arabic_digits():
    assert localize_digits("23 November 2026", "arab") == "٢٣ November ٢٠٢٦"
    assert localize_digits("23", "latn") == "23"


def test_markdown_is_sanitized():
    html = markdown_to_html('Hi <script>x()</script> [a](javascript:alert(1)) <b onclick="x()">b</b>\n\n## Head')
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html
    assert "<h2>Head</h2>" in html
