"""Readers of source formats, registered by file suffix (after Pelican's readers.py): Markdown with
YAML front matter (`.md`, `.markdown`) and wire copy (`.txt`). A third format is one more class:

    @register_reader
    class HtmlReader(Reader):
        suffixes = (".html",)
        kind = "html"

        def read(self, loader, path, rel, text, translations, default_date=None) -> Article:
            ...

`hawal.sources.SourceLoader` walks the content folder for every registered suffix and hands each
file's decoded text to its reader; a reader raises `_Invalid(line, message)` for a bad source.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .language import normalize_text
from .storyfiles import scan_references
from .sources import (DATELINE, Article, Dateline, EditorTranslation, SourceLoader, _Invalid, _meta_line, derive_title,
                      folder_date, slugify, split_front_matter, validate_slug)

FRONT_MATTER_KEYS = {
    "title", "date", "lang", "source", "source_url", "author", "tags", "slug", "summary",
    "lead", "translations", "place", "draft", "image",
}


class Reader:
    """Reads one source format into an Article; subclasses name their suffixes and article kind."""

    suffixes: tuple[str, ...] = ()
    kind: str = ""

    def read(self, loader: SourceLoader, path: Path, rel: str, text: str,
             translations: tuple[EditorTranslation, ...], default_date: dt.date | None = None) -> Article:
        """The article in `text` (the file's decoded content); `loader` knows the site's languages
        and time zone. Raises _Invalid(line, message) for a bad source."""
        raise NotImplementedError


READERS: dict[str, Reader] = {}


def register_reader(cls: type[Reader]) -> type[Reader]:
    """Register a reader class for its suffixes (a class decorator); a suffix has one reader."""
    reader = cls()
    for suffix in cls.suffixes:
        other = READERS.get(suffix)
        if other is not None and type(other) is not cls:
            raise ValueError(f"{suffix} files already have a reader: {type(other).__name__}")
        READERS[suffix] = reader
    return cls


def source_suffixes() -> tuple[str, ...]:
    """Every suffix a reader is registered for, in registration order."""
    return tuple(READERS)


def reader_for(path: Path) -> Reader:
    """The reader of a file by its suffix; _Invalid when no reader knows it."""
    reader = READERS.get(path.suffix)
    if reader is None:
        raise _Invalid(1, f"no reader for {path.suffix or 'suffix-less'} files (sources are {', '.join(READERS)})")
    return reader


@register_reader
class MarkdownReader(Reader):
    """Markdown with optional `---` YAML front matter (FRONT_MATTER_KEYS)."""

    suffixes = (".md", ".markdown")
    kind = "markdown"

    def read(self, loader: SourceLoader, path: Path, rel: str, text: str,
             translations: tuple[EditorTranslation, ...], default_date: dt.date | None = None) -> Article:
        meta, body, body_line = split_front_matter(text)
        for key in meta:
            if key not in FRONT_MATTER_KEYS:
                raise _Invalid(_meta_line(text, str(key)), f"unknown front matter key {key!r}")
        if not body.strip():
            raise _Invalid(body_line, "empty body")
        lang = loader.language(meta, str(meta.get("title", "")) + "\n" + body, _meta_line(text, "lang") if "lang" in meta else body_line)
        if "date" in meta:
            try:
                day, published = parse_date(meta["date"], loader.timezone)
                time_given = isinstance(meta["date"], dt.datetime) or (
                    isinstance(meta["date"], str) and ("T" in meta["date"] or " " in meta["date"].strip()))
            except ValueError as exc:
                raise _Invalid(_meta_line(text, "date"), str(exc)) from None
        else:
            day = folder_date(rel) or default_date
            if day is None:
                raise _Invalid(1, "no date: give `date:` in front matter or put the file under content/YYYY/MM/DD/")
            published = dt.datetime(day.year, day.month, day.day, tzinfo=loader.timezone)
            time_given = False
        first_line = body_line + len(body) - len(body.lstrip("\n"))     # the body's first written line
        body = normalize_text(body, lang).strip("\n")
        dateline = None
        m = DATELINE.match(body)
        if m and "\n" not in body[: m.end()]:
            dateline = Dateline(m["place"].strip(), m["agency"].strip())
            body = body[m.end():]
        title = meta.get("title")
        if title is None:
            title = derive_title(_first_text_line(body))
        slug = str(meta.get("slug") or slugify(path.stem))
        problem = validate_slug(slug)
        if problem:
            raise _Invalid(_meta_line(text, "slug"), problem)
        tags = meta.get("tags") or ()
        if isinstance(tags, str):
            tags = [t.strip() for t in tags.split(",")]
        if not isinstance(tags, (list, tuple)):
            raise _Invalid(_meta_line(text, "tags"), "tags must be a list")
        translations = translations + _front_matter_translations(meta, lang, rel, loader.languages, text)
        draft = meta.get("draft", False)
        if not isinstance(draft, bool):
            raise _Invalid(_meta_line(text, "draft"), "draft must be true or false (without quotes)")
        image = meta.get("image")
        if image is not None and (not isinstance(image, str) or not image.strip()):
            raise _Invalid(_meta_line(text, "image"), "image must name an image file next to the story, e.g. dam.jpg")
        references = scan_references(body, text, rel, body_line)
        for t in translations:
            if t.path == rel:            # `translations:` in this front matter: its bodies are in this file
                references += scan_references(t.body, text, rel, _meta_line(text, "translations"))
        return Article(
            path=rel, slug=slug, lang=lang, date=day, published=published,
            title=normalize_text(str(title), lang).strip(), body=body, body_line=first_line, kind=self.kind,
            source=_opt(meta.get("source"), lang), source_url=_opt(meta.get("source_url")),
            author=_opt(meta.get("author"), lang), tags=tuple(normalize_text(str(t), lang) for t in tags if str(t).strip()),
            summary=_opt(meta.get("summary"), lang), lead=bool(meta.get("lead", False)),
            dateline=dateline, translations=translations, time_given=time_given,
            draft=draft, image=image.strip() if image else None,
            image_line=_meta_line(text, "image") if image else 1, references=references,
            meta_lines=tuple((str(key), _meta_line(text, str(key))) for key in meta),
        )


@register_reader
class WireReader(Reader):
    """Agency wire copy: an optional headline line, then `CITY (AGENCY) —` and plain paragraphs."""

    suffixes = (".txt",)
    kind = "wire"

    def read(self, loader: SourceLoader, path: Path, rel: str, text: str,
             translations: tuple[EditorTranslation, ...], default_date: dt.date | None = None) -> Article:
        lines = text.split("\n")
        numbered = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
        if not numbered:
            raise _Invalid(1, "empty body")
        title = None
        first_line, first = numbered[0]
        if not DATELINE.match(first) and len(numbered) > 1 and DATELINE.match(numbered[1][1]):
            title, numbered = first, numbered[1:]
        lead_line, lead = numbered[0]
        m = DATELINE.match(lead)
        if not m:
            raise _Invalid(lead_line, "wire copy must open with a dateline such as `CITY (AGENCY) —`")
        dateline = Dateline(m["place"].strip(), m["agency"].strip())
        lead_text = lead[m.end():].strip()
        if not lead_text and len(numbered) < 2 and not title:
            raise _Invalid(lead_line, "empty body")
        body_text = "\n".join([lead_text] + [ln for _, ln in numbered[1:]])
        # A fresh `new --wire` scaffold has a headline and a dateline only: it loads (and is held
        # back as unfinished) instead of failing `serve` the moment it is created.
        lang = (_placeholder_language(m, loader.languages) if not body_text.strip() else None) or \
            loader.language({}, body_text.strip() or f"{title}\n{lead}", lead_line)
        day = folder_date(rel) or default_date
        if day is None:
            raise _Invalid(1, "no date: wire copy takes its date from content/YYYY/MM/DD/ (or `build.py new --date`)")
        paragraphs = [normalize_text(p, lang) for p in [lead_text] + [ln for _, ln in numbered[1:]] if p]
        body = "\n\n".join(escape_plain_text(p) for p in paragraphs)
        title = normalize_text(title, lang) if title else derive_title(paragraphs[0] if paragraphs else "")
        slug = slugify(path.stem)
        problem = validate_slug(slug)
        if problem:
            raise _Invalid(1, problem)
        return Article(
            path=rel, slug=slug, lang=lang, date=day,
            published=dt.datetime(day.year, day.month, day.day, tzinfo=loader.timezone),
            title=title, body=body, body_line=lead_line, kind=self.kind,
            source=normalize_text(dateline.agency, lang),
            dateline=Dateline(normalize_text(dateline.place, lang), normalize_text(dateline.agency, lang)),
            translations=translations,
        )


def _placeholder_language(dateline: re.Match, languages: tuple[str, ...]) -> str | None:
    """The language whose placeholder dateline (`new --wire`) this is, if it is one."""
    from . import langs

    for code in languages:
        spec = langs.find(code)
        example = DATELINE.match(spec.dateline_example) if spec else None
        if example and (example["place"].strip(), example["agency"].strip()) == (
                dateline["place"].strip(), dateline["agency"].strip()):
            return code
    return None


def parse_date(value: Any, tz: ZoneInfo) -> tuple[dt.date, dt.datetime]:
    """Front-matter date (date, datetime or ISO string) as (day, aware datetime)."""
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        stamp = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            stamp = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"impossible date {value!r} (use YYYY-MM-DD or an ISO datetime with zone)") from None
    else:
        raise ValueError(f"date must be an ISO date, got {value!r}")
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=tz)
    local = stamp.astimezone(tz)
    return local.date(), stamp


def escape_plain_text(text: str) -> str:
    """Escape wire copy so Markdown renders it as the plain text it is."""
    text = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)
    return re.sub(r"^(\s*)([#>+-]|\d+[.)])(\s)", r"\1\\\2\3", text, flags=re.MULTILINE)


def _opt(value: Any, lang: str | None = None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return (normalize_text(text, lang) if lang else text) or None


def _first_text_line(body: str) -> str:
    for line in body.split("\n"):
        line = line.strip().lstrip("#>-* ").strip()
        if line:
            m = DATELINE.match(line)
            return line[m.end():] if m else line
    return ""


def _front_matter_translations(meta, lang, rel, languages, text) -> tuple[EditorTranslation, ...]:
    raw = meta.get("translations") or {}
    if not isinstance(raw, dict):
        raise _Invalid(_meta_line(text, "translations"), "translations must map a language to {title, body}")
    out = []
    for code, spec in raw.items():
        if code not in languages or code == lang:
            raise _Invalid(_meta_line(text, "translations"), f"translations: {code!r} is not another language of this site")
        if not isinstance(spec, dict) or not str(spec.get("body", "")).strip():
            raise _Invalid(_meta_line(text, "translations"), f"translations.{code} needs a body")
        body = normalize_text(str(spec["body"]), code).strip()
        out.append(EditorTranslation(code, normalize_text(str(spec.get("title") or derive_title(body)), code), body, rel))
    return tuple(out)
