"""Editorial stage: which loaded articles a build publishes, their files, and what looks wrong.

Between loading and segmenting, every article is
- given its files (`hawal.storyfiles`): each image and document it refers to must exist next to
  it (else a `path:line` error); a lead image (`image:`) must be one the body shows;
- held back when it is a draft (`draft: true`), dated after the build (a scheduled story), or an
  untouched `new` scaffold (placeholder dateline, nothing written): drafts and scheduled stories
  are built by `serve` and by `build --drafts` / `--future`, marked as such; scaffolds never;
- checked for what is legal but likely wrong, reported as warnings (`path:line: warning: …`):
  a front-matter date on another day than the folder, a `lang:` the letters disagree with, a
  newsroom translation left as scaffolded, two stories in two languages that look like one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

from . import langs
from .digests import text_digest
from .language import LanguageUnclear, detect_language
from .sources import DATELINE, Article, EditorTranslation, SourceError, folder_date
from .storyfiles import FileProblem, StoryFile, is_remote, resolve

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True)
class SourceWarning(SourceError):
    """Something legal but likely wrong in a source: `path:line: warning: message`."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"


@dataclass
class Selection:
    """The articles a build publishes, and what it held back and why."""

    articles: list[Article] = field(default_factory=list)
    drafts: list[Article] = field(default_factory=list)          # held back: draft: true
    scheduled: list[Article] = field(default_factory=list)       # held back: dated after the build
    unfinished: list[Article] = field(default_factory=list)      # held back: untouched scaffolds
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)

    @property
    def next_scheduled(self) -> dt.datetime | None:
        return min((a.published for a in self.scheduled), default=None)


def visible_text(markdown: str) -> str:
    """What a reader would see of a Markdown body: without HTML comments and white space."""
    return _COMMENT.sub("", markdown).strip()


def placeholder_dateline(lang: str) -> tuple[str, str] | None:
    """(place, agency) of the language's placeholder dateline, as `new` writes it."""
    spec = langs.find(lang)
    m = DATELINE.match(spec.dateline_example) if spec else None
    return (m["place"].strip(), m["agency"].strip()) if m else None


def unfinished_reason(article: Article) -> str | None:
    """Why an article is an untouched scaffold that must not be published, or None."""
    placeholder = placeholder_dateline(article.lang)
    if placeholder and article.dateline and (article.dateline.place, article.dateline.agency) == placeholder:
        return (f"the dateline is still the placeholder `{placeholder[0]} ({placeholder[1]})`; write the real "
                "place and agency (or delete the line)")
    if not visible_text(article.body):
        return "nothing is written after the dateline yet"
    return None


def prepare_articles(articles: Sequence[Article], *, content_dir: Path, root: Path, now: dt.datetime,
                     drafts: bool = False, future: bool = False, lint: bool = True,
                     detected: dict[str, str | None] | None = None) -> Selection:
    """Resolve every article's files, hold back what must not be published, collect warnings.

    `drafts`/`future` include drafts and scheduled stories (marked: `Article.draft`,
    `Article.scheduled`). Articles with file errors are left out (the build fails on the errors
    unless it skips invalid sources). `detected` keeps the language each text reads as, by the
    text's digest, from build to build (the build cache; updated in place)."""
    selection = Selection()
    memo = detected if detected is not None else {}
    live: set[str] = set()
    for article in articles:
        files, problems = _files(article, content_dir, root)
        if problems:
            selection.errors.extend(SourceError(p.source, p.line, p.message) for p in problems)
            continue
        article, dropped = _finished_translations(article)
        selection.warnings.extend(dropped)
        article = replace(article, files=files) if files else article
        reason = unfinished_reason(article)
        if reason:
            selection.unfinished.append(article)
            selection.warnings.append(SourceWarning(
                article.path, article.body_line,
                f"unfinished `new` scaffold, not published: {reason}"))
            continue
        if lint:
            selection.warnings.extend(_lint(article, memo, live))
        if article.draft and not drafts:
            selection.drafts.append(article)
            continue
        if article.published > now:
            if not future:
                selection.scheduled.append(article)
                continue
            article = replace(article, scheduled=True)
        selection.articles.append(article)
    if lint:
        selection.warnings.extend(_same_story_warnings(selection.articles + selection.drafts + selection.scheduled))
    selection.warnings.sort(key=lambda w: (w.path, w.line))
    for key in set(memo) - live:
        del memo[key]
    return selection


def _files(article: Article, content_dir: Path, root: Path) -> tuple[tuple[StoryFile, ...], list[FileProblem]]:
    files: dict[str, StoryFile] = {}
    problems: list[FileProblem] = []
    for ref in article.references:
        if ref.image and is_remote(ref.url):
            continue                       # a remote image: a warning (see _lint), not a file
        found = resolve(ref, content_dir, root)
        if isinstance(found, FileProblem):
            problems.append(found)
        else:
            files.setdefault(found.url, found)
    if article.image:
        lead = files.get(article.image)
        if is_remote(article.image):
            problems.append(FileProblem(article.path, article.image_line,
                                        f"image: {article.image!r} is not a file next to the story; put the "
                                        "image beside the source and name it here"))
        elif lead is None or not lead.is_image or not any(r.image and r.url == article.image
                                                           for r in article.references if r.source == article.path):
            problems.append(FileProblem(
                article.path, article.image_line,
                f"image: {article.image!r} is not an image of the story's body; show it in the body as "
                f"![description]({article.image}) so readers get its description in every language"))
    return tuple(files.values()), problems


def _finished_translations(article: Article) -> tuple[Article, list[SourceWarning]]:
    """Drop newsroom translations that are still the `new --translation-of` scaffold."""
    kept: list[EditorTranslation] = []
    warnings = []
    for t in article.translations:
        if visible_text(t.body):
            kept.append(t)
        else:
            warnings.append(SourceWarning(t.path, 1, f"newsroom translation into {t.lang} has no text yet; "
                                                     "the machine translation is shown until it is written"))
    if len(kept) == len(article.translations):
        return article, warnings
    return replace(article, translations=tuple(kept)), warnings


def _detected_language(text: str, memo: dict[str, str | None], live: set[str]) -> str | None:
    """The language `text` reads as (None when unclear), once per text (detection reads every letter)."""
    key = text_digest(text)
    live.add(key)
    if key not in memo:
        try:
            memo[key] = detect_language(text)
        except LanguageUnclear:
            memo[key] = None
    return memo[key]


def _lint(article: Article, memo: dict[str, str | None] | None = None, live: set[str] | None = None) -> list[SourceWarning]:
    out: list[SourceWarning] = []
    date_line = article.meta_line("date")
    if date_line is not None:
        try:
            folder = folder_date(article.path)
        except Exception:                 # an impossible folder date is the loader's error
            folder = None
        if folder is not None and folder != article.date:
            out.append(SourceWarning(
                article.path, date_line,
                f"date {article.date.isoformat()} is not the folder's day {folder.isoformat()}: the story "
                f"appears in the briefing of {article.date.isoformat()}; move the file or correct the date"))
    lang_line = article.meta_line("lang")
    if lang_line is not None:
        detected = _detected_language(f"{article.title}\n{visible_text(article.body)}",
                                      {} if memo is None else memo, set() if live is None else live)
        if detected is not None and detected != article.lang:
            found, given = langs.find(detected), langs.find(article.lang)
            out.append(SourceWarning(
                article.path, lang_line,
                f"lang: {article.lang} ({given.english_name if given else article.lang}) but the text reads as "
                f"{found.english_name if found else detected}; correct `lang:` or remove it to detect the language"))
    for ref in article.references:
        if ref.image and is_remote(ref.url):
            out.append(SourceWarning(
                ref.source, ref.line,
                f"image {ref.url!r} from another site is not shown (pages load nothing from other sites, "
                "which would see every reader); put the file next to the story and write its file name"))
    return out


def _same_story_warnings(articles: Iterable[Article]) -> list[SourceWarning]:
    """Stories of one day in different languages with one source URL: likely one story written
    twice, which the briefing would then show (and quote) once per copy."""
    by_url: dict[tuple[dt.date, str], list[Article]] = {}
    for a in articles:
        if a.source_url:
            by_url.setdefault((a.date, a.source_url.strip().rstrip("/")), []).append(a)
    out = []
    for group in by_url.values():
        if len({a.lang for a in group}) < 2:
            continue
        first = min(group, key=lambda a: a.path)
        for other in sorted(group, key=lambda a: a.path):
            if other is first or other.lang == first.lang:
                continue
            stem = first.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            out.append(SourceWarning(
                other.path, other.meta_line("source_url") or 1,
                f"same source_url as {first.path}: if this is the same story in {other.lang}, make it one story "
                f"(rename this file to {stem}.{other.lang}.md beside it, or `build.py new --translation-of "
                f"{first.path} --lang {other.lang}`) so it is counted once per language"))
    return out
