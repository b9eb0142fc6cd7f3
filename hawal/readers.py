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

import bisect
import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from . import limits
from .bodycheck import check_body
from .frontmatter import SCHEMA, check_front_matter, date_problem
from .language import normalize_text
from .sources import (DATELINE, Article, Dateline, EditorTranslation, SourceLoader, _Invalid, _leading_newlines,
                      _line_counter, _meta_line, derive_title, folder_date, slugify, split_front_matter,
                      validate_slug)
from .storyfiles import scan_references

FRONT_MATTER_KEYS = frozenset(SCHEMA)        # declared, with types and limits, in hawal.frontmatter


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
        checked = check_front_matter(meta, text, loader.languages)
        problems: list[tuple[int, str]] = list(checked.problems)   # all of them are reported together
        values = checked.values
        if not body.strip():
            raise _Invalid.of(problems + [(body_line, "empty body")])
        if "lang" in meta and "lang" not in values:      # a wrong `lang:` is reported; no guessing instead
            raise _Invalid.of(problems)
        try:
            lang = loader.language(values, str(values.get("title", "")) + "\n" + body,
                                  _meta_line(text, "lang") if "lang" in meta else body_line)
        except _Invalid as exc:
            raise _Invalid.of(problems + exc.problems) from None
        try:
            folder_day = folder_date(rel)
        except _Invalid as exc:
            folder_day = None
            problems += exc.problems
        day = published = None
        time_given = False
        if "date" in values:
            date_line = _meta_line(text, "date")
            try:
                day, published = parse_date(values["date"], loader.timezone)
                time_given = isinstance(values["date"], dt.datetime) or (
                    isinstance(values["date"], str) and ("T" in values["date"] or " " in values["date"].strip()))
            except ValueError as exc:
                problems.append((date_line, str(exc)))
            else:
                problem = date_problem(day, folder_day)
                if problem:
                    problems.append((date_line, problem))
        elif meta.get("date") is None:                   # absent, or `date:` left empty
            day = folder_day or default_date
            if day is None and not problems:
                problems.append((1, "no date: give `date:` in front matter or put the file under content/YYYY/MM/DD/"))
            if day is not None:
                published = dt.datetime(day.year, day.month, day.day, tzinfo=loader.timezone)
                problem = date_problem(day, None)
                if problem:
                    problems.append((1, f"the folder's {problem}"))
        first_line = body_line + _leading_newlines(body)
        body = normalize_text(body, lang).strip("\n")
        dateline = None
        m = DATELINE.match(body)
        if m and "\n" not in body[: m.end()]:
            dateline = Dateline(m["place"].strip(), m["agency"].strip())
            body = body[m.end():]
        title = values.get("title")
        if title is None:
            title = derive_title(_first_text_line(body))
        title = normalize_text(title, lang).strip()
        if not title and "title" not in meta:
            problems.append((first_line, "no title: give `title:` (the first line of the body gives none)"))
        slug = values.get("slug") or slugify(path.stem)
        problem = validate_slug(slug)
        if problem:
            problems.append((_meta_line(text, "slug") if "slug" in meta else 1, problem))
        problems += check_body(body, _line_counter(body, first_line))
        try:
            translations = translations + _front_matter_translations(values, lang, rel, loader.languages, text)
        except _Invalid as exc:
            problems += exc.problems
        if problems or day is None:
            raise _Invalid.of(problems or [(1, "no usable date")])
        draft = values.get("draft", False)
        image = values.get("image")
        references = scan_references(body, text, rel, body_line)
        for t in translations:
            if t.path == rel:            # `translations:` in this front matter: its bodies are in this file
                references += scan_references(t.body, text, rel, _meta_line(text, "translations"))
        return Article(
            path=rel, slug=slug, lang=lang, date=day, published=published,
            title=title, body=body, body_line=first_line, kind=self.kind,
            source=_opt(values.get("source"), lang), source_url=values.get("source_url"),
            author=_opt(values.get("author"), lang), tags=tuple(normalize_text(t, lang) for t in values.get("tags", ())),
            summary=_opt(values.get("summary"), lang), lead=values.get("lead", False),
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
        numbered = [(lead_line, lead_text)] + numbered[1:]
        paragraphs = [(n, normalize_text(p, lang)) for n, p in numbered if p]
        problems: list[tuple[int, str]] = []
        if date_problem(day, None):
            problems.append((1, f"the folder's {date_problem(day, None)}"))
        for n, p in paragraphs:
            if len(p) > limits.MAX_PARAGRAPH_CHARS:
                problems.append((n, f"paragraph of {len(p):,} characters; at most {limits.MAX_PARAGRAPH_CHARS:,} "
                                    "are allowed: split the line"))
        if title and len(title) > limits.MAX_TITLE_CHARS:
            problems.append((first_line, f"title line is {len(title)} characters long; at most "
                                         f"{limits.MAX_TITLE_CHARS} are allowed"))
        escaped = [escape_plain_text(p) for _, p in paragraphs]
        body = "\n\n".join(escaped)
        title = normalize_text(title, lang) if title else derive_title(paragraphs[0][1] if paragraphs else "")
        if not title.strip():
            problems.append((lead_line, "no title: the lead gives none; put a title line above the dateline"))
        slug = slugify(path.stem)
        problem = validate_slug(slug)
        if problem:
            problems.append((1, problem))
        if not problems:
            starts, offset = [], 0
            for part in escaped:
                starts.append(offset)
                offset += len(part) + 2
            lines = [n for n, _ in paragraphs]
            problems += check_body(body, lambda at: lines[max(0, bisect.bisect_right(starts, at) - 1)])
        if problems:
            raise _Invalid.of(problems)
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
    try:
        local = stamp.astimezone(tz)
    except (OverflowError, ValueError):
        raise ValueError(f"date {value!r} is out of range") from None
    return local.date(), stamp


def escape_plain_text(text: str) -> str:
    """Escape wire copy so Markdown renders it as the plain text it is."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"([\\`*_\[\]{}>|])", r"\\\1", text).replace("<", "&lt;")
    text = re.sub(r"^(\s*)([#+-])", r"\1\\\2", text, flags=re.MULTILINE)
    return re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", text, flags=re.MULTILINE)


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
    """Newsroom translations given in front matter (already type-checked by the schema)."""
    raw = meta.get("translations") or {}
    out = []
    problems: list[tuple[int, str]] = []
    line = _meta_line(text, "translations")
    for code, spec in raw.items():
        if code == lang:
            problems.append((line, f"translations: {code!r} is the article's own language"))
            continue
        body = normalize_text(spec["body"], code).strip()
        title = normalize_text(spec.get("title") or derive_title(body), code).strip()
        if not title:
            problems.append((line, f"translations.{code}: no title (give `title:`)"))
        problems += check_body(body, lambda at: line, what=f"translations.{code}.body")
        out.append(EditorTranslation(code, title, body, rel))
    if problems:
        raise _Invalid.of(problems)
    return tuple(out)
