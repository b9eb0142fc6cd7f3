"""Search stage: a search page per language and a Pagefind index built from folded text.

Readers type Sorani and Arabic on different keyboards (ي or ی, ك or ک, ە or ه‌, ة), with or
without diacritics and tatweel, and with Western, Arabic-Indic or Persian digits. Pagefind
matches words as written, so the index is built from text folded with
`hawal.language.fold_for_search`, and static/search.js folds the query with the same rules
(tests/test_search.py runs both folds over the same input so they cannot drift apart). Titles
and the opening words shown in results are the real text, carried as Pagefind metadata; Pagefind
indexes metadata too, so dates and languages travel as filters, which it does not index.

Pagefind (`pip install 'pagefind[extended]'`) ships its indexer as a binary; hawal runs it once
per build over a throw-away folder of one small HTML file per article page and language, and
caches the bundle by the digest of what went in. (The package's async PagefindIndex service is
not used: it polls the binary's answers every 0.1 s, one record per answer, so 3,000 records took
over five minutes; its get_files() can stall on a 2 MiB pipe limit and a crashed binary leaves it
waiting forever. The command line gives the same bundle, an exit status and an error message.) Without the package the site still builds and
the search pages say that search is unavailable; a binary that is there but cannot run fails the
build with a message that says so.

The search page loads the bundle with a module import, which browsers allow only over http(s):
search works when the site is served (from any sub-path), not when opened from disk.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import pickle
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from .assemble import ArticlePage, SitePlan
from .language import fold_for_search
from .render import OutputFile, SiteRenderer

BUNDLE_DIR = "pagefind"
INSTALL_HINT = "pip install 'pagefind[extended]>=1.1,<2'"
INDEX_TIMEOUT_S = 900
SUMMARY_WORDS = 40
# Pagefind's ready-made UIs: search.js talks to pagefind.js directly, so they are not published.
UNUSED_BUNDLE_FILES = re.compile(r"^(pagefind-ui|pagefind-modular-ui|pagefind-component-ui|pagefind-highlight)\.")
# Bump when the records or the way they are written change, to drop cached bundles.
RECORD_FORMAT = "2"

_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th|dd|dt|figcaption|ul|ol|table)>|<br\s*/?>|<hr\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")


class SearchIndexError(RuntimeError):
    """Pagefind is installed but could not build the index; the message says why."""


@dataclass(frozen=True)
class SearchRecord:
    """One article page as the search index of its language holds it."""

    url: str                 # site path of the page, "ckb/2026/11/23/slug/index.html"
    lang: str                # language of the index: the page's language
    text_lang: str           # language the text really is in (the original's where untranslated)
    title: str
    text: str                # title then body as plain text, whitespace collapsed to single spaces
    summary: str             # the body's first words, shown under the title in results
    date: str                # ISO date
    date_label: str          # the date as pages of `lang` write it

    @property
    def content(self) -> str:
        """What Pagefind indexes: the text folded for matching."""
        return fold_for_search(self.text)


def plain_text(html_text: str) -> str:
    """Visible text of an HTML fragment, one space between words and blocks."""
    text = _TAG.sub("", _BLOCK_END.sub(" ", html_text))
    return " ".join(html.unescape(text).split())


def page_record(page: ArticlePage, renderer: SiteRenderer) -> SearchRecord:
    """The search record of one article page (its version's text, in the page's index)."""
    version = page.version
    body = plain_text(str(renderer.body_html(version)))
    title = " ".join(version.title.split())
    return SearchRecord(
        url=page.path + "index.html", lang=page.lang, text_lang=version.text_lang, title=title,
        text=f"{title} {body}".strip(), summary=" ".join(body.split()[:SUMMARY_WORDS]), date=page.date.isoformat(),
        date_label=renderer.format_date(page.date, page.lang, "medium"),
    )


def search_records(plan: SitePlan, renderer: SiteRenderer) -> list[SearchRecord]:
    """Every article page of every language, newest first within a language."""
    return [page_record(page, renderer) for lang in plan.languages for page in plan.sites[lang].articles]


def pagefind_executable() -> Path | None:
    """The Pagefind binary of the installed `pagefind` package, or None without the package.

    PAGEFIND_BINARY_PATH, when set, names another binary (Pagefind's own convention)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    if found is None:
        raise SearchIndexError(f"search: the pagefind package is installed without its binary; {INSTALL_HINT}")
    return found


def search_unavailable_reason() -> str | None:
    """Why this build has no search (the package is not installed), or None when it has."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return f"search: Pagefind is not installed, so the site has no search index; {INSTALL_HINT}"
    return None


def record_html(record: SearchRecord) -> str:
    """The page Pagefind indexes for one record: folded text as the body, real text as metadata.

    Pagefind also indexes metadata, which is harmless for the title and summary (their words are
    in the body too and a folded query only matches them where folding changes nothing); dates
    and the text's language are filters, which are returned with results but never matched."""
    def tag(kind: str, name: str, value: str) -> str:
        return f'<meta data-pagefind-{kind}="{name}[content]" content="{html.escape(value)}">'
    return (
        f'<!doctype html><html lang="{html.escape(record.lang)}"><head><meta charset="utf-8"><title></title>'
        + tag("meta", "title", record.title) + tag("meta", "summary", record.summary)
        + tag("filter", "text_lang", record.text_lang) + tag("filter", "date", record.date)
        + tag("filter", "date_label", record.date_label)
        + f'</head><body><p data-pagefind-body>{html.escape(record.content)}</p></body></html>'
    )


def _run(command: list[str], cwd: Path, what: str) -> str:
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=INDEX_TIMEOUT_S,
                              env={k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")})
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"search: Pagefind ({command[0]}) did not finish {what} in {INDEX_TIMEOUT_S}s") from None
    except OSError as exc:
        raise SearchIndexError(f"search: the Pagefind binary {command[0]} cannot run ({exc.strerror or exc}); "
                               f"reinstall it: {INSTALL_HINT}") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(f"search: Pagefind ({command[0]}) failed {what} with exit status {done.returncode}"
                               + (f": {detail[-1]}" if detail else ""))
    return done.stdout


def pagefind_version(executable: Path) -> str:
    """`pagefind x.y.z` as the binary reports it (also proves that it runs on this machine)."""
    with tempfile.TemporaryDirectory(prefix="hawal-search-") as tmp:
        return _run([str(executable), "--version"], Path(tmp), "to start").strip()


