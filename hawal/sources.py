"""Load stage: article sources (Markdown with front matter, or wire copy) into Articles.

The loader walks the content folder and hands each file to the reader of its format
(`hawal.readers`, registered by file suffix); what is common to every format lives here.

Every problem found is collected as a SourceError (`path:line: what is wrong`) so that a build
can report all bad sources at once instead of stopping at the first.
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import time
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable
from zoneinfo import ZoneInfo

import yaml

from . import limits
from .bodycheck import check_body
from .contentfs import UnsafePath, read_inside, walk_tree
from .frontmatter import check_front_matter, nesting_problem, slug_problem
from .language import LanguageUnclear, detect_language, normalize_text
from .storyfiles import scan_references
from .textcheck import control_character, strip_hidden

_FOLDER_DATE = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})(?:/|$)")
# CITY (AGENCY) — ; cities in Latin capitals or Arabic script; the dash may be —, – or -.
DATELINE = re.compile(
    r"^\s*(?P<place>[^\s(][^()\n]{0,60}?)\s*\((?P<agency>[^()\n]{1,40})\)\s*[—–-]{1,2}\s*",
    re.UNICODE,
)


@dataclass(frozen=True)
class SourceError:
    """One problem with one source file, printed as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str


@dataclass(frozen=True)
class EditorTranslation:
    """A newsroom's own translation of an article into one language."""

    lang: str
    title: str
    body: str
    path: str
    references: tuple = ()         # storyfiles.FileReference: files its body refers to


@dataclass(frozen=True)
class Article:
    """One source article after loading and orthography normalization."""

    path: str                      # relative to the project root, for messages
    slug: str
    lang: str
    date: dt.date
    published: dt.datetime         # timezone-aware
    title: str
    body: str                      # Markdown; wire copy is escaped into plain paragraphs
    body_line: int                 # 1-based line of the body's first line in the file
    kind: str                      # "markdown" or "wire"
    source: str | None = None
    source_url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    lead: bool = False
    dateline: Dateline | None = None
    translations: tuple[EditorTranslation, ...] = ()
    time_given: bool = False       # the source gave a time of day, not just a date
    draft: bool = False            # `draft: true`: built only by `serve` and `build --drafts`
    image: str | None = None       # `image:`, the lead image: a file the body shows
    image_line: int = 1
    references: tuple = ()         # storyfiles.FileReference: files the body (and translations) refer to
    files: tuple = ()              # storyfiles.StoryFile: those files, checked by the build
    scheduled: bool = False        # dated after the build: shown only by `serve` and `build --future`
    meta_lines: tuple[tuple[str, int], ...] = ()   # (front-matter key, its line), for later checks

    def meta_line(self, key: str) -> int | None:
        """The line of a front-matter key in the source, if the source gave it."""
        return next((line for k, line in self.meta_lines if k == key), None)

    @cached_property
    def key(self) -> str:
        """Identity of the article across languages: date and slug."""
        return f"{self.date.isoformat()}/{self.slug}"

    @cached_property
    def content_digest(self) -> str:
        """Digest of every field, for the keys of the pages that show the article (kept with the
        parsed source in the build cache, so a rebuild does not walk every article again)."""
        from .pages import dataclass_digest        # the page keys' own way of digesting values

        return dataclass_digest(self)

    def editor_translation(self, lang: str) -> EditorTranslation | None:
        return next((t for t in self.translations if t.lang == lang), None)


@dataclass(frozen=True)
class SourceStatus:
    """A source as it was when last read: its file status (`contentfs.file_status`), the loader's
    settings then, and its key in the parsed-sources cache."""

    status: tuple
    salt: str
    key: tuple[str, str]


# A file changed less than this long before it was read may change again within the same clock
# tick without its status showing it (racy git's problem): its status is not trusted next time.
RACY_NS = 2_000_000_000


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so an impossible date is reported, not raised."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

if hasattr(yaml, "CSafeLoader"):
    class _FastFrontMatterLoader(yaml.CSafeLoader):
        """The same, parsed by libyaml (several times faster)."""

    _FastFrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                           lambda loader, node: loader.construct_scalar(node))
else:                                   # PyYAML built without libyaml
    _FastFrontMatterLoader = _FrontMatterLoader


def _parse_yaml(raw: str):
    """Front matter through libyaml; YAML it refuses goes through the pure-Python parser, whose
    messages (and marks) are the ones editors get."""
    try:
        return yaml.load(raw, Loader=_FastFrontMatterLoader)
    except yaml.YAMLError:
        return yaml.load(raw, Loader=_FrontMatterLoader)


class SourceLoadError(Exception):
    """A single source could not be loaded; `.error` says where and why."""

    def __init__(self, error: SourceError):
        super().__init__(str(error))
        self.error = error


class _Invalid(Exception):
    def __init__(self, line: int, message: str, more: Iterable[tuple[int, str]] = ()):
        super().__init__(message)
        self.line = line
        self.message = message
        self.problems = [(line, message), *more]

    @classmethod
    def of(cls, problems: list[tuple[int, str]]) -> "_Invalid":
        """All of a file's problems at once, sorted by line."""
        problems = sorted(problems)
        return cls(problems[0][0], problems[0][1], problems[1:])


def folder_date(rel_path: str) -> dt.date | None:
    """The date encoded in a content path such as 2026/11/23/story.md, if any."""
    m = _FOLDER_DATE.search(rel_path)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise _Invalid(1, f"impossible date {m[1]}-{m[2]}-{m[3]} in the folder path") from None


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Split `---` YAML front matter from a Markdown body; return (meta, body, body_line)."""
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            raw = "\n".join(lines[1:i])
            too_deep = nesting_problem(raw)
            if too_deep:
                raise _Invalid(*too_deep)
            try:
                meta = _parse_yaml(raw) if raw.strip() else {}
            except RecursionError:
                raise _Invalid(2, "front matter nested too deeply") from None
            except yaml.YAMLError as exc:
                # The context mark (an unclosed bracket, say) is where the editor must look.
                mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                problem = " ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)]))
                problem = problem or str(exc).splitlines()[0]
                raise _Invalid(line, f"bad YAML in front matter: {problem}") from None
            if meta is None:
                meta = {}
            if not isinstance(meta, dict):
                raise _Invalid(2, "front matter must be a YAML mapping of keys to values")
            return meta, "\n".join(lines[i + 1:]), i + 2
    raise _Invalid(1, "front matter opened with --- but never closed")


def _meta_line(text: str, key: str) -> int:
    m = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def slugify(text: str) -> str:
    """A URL slug from a title or file name: lowercase words joined by hyphens, Unicode kept."""
    text = unicodedata.normalize("NFC", text).casefold()
    words = re.findall(r"[^\W_]+", text, re.UNICODE)
    slug = "-".join(words)[:80].strip("-")
    while len(slug.encode("utf-8")) > limits.MAX_SLUG_BYTES // 2:     # a folder name: bytes count
        slug = slug[:-1].rstrip("-")
    return slug or "article"


def validate_slug(slug: str) -> str | None:
    """Return what is wrong with a slug, or None."""
    return slug_problem(slug)


def derive_title(lead: str, limit: int = 90) -> str:
    """A headline from a lead sentence: first sentence, trimmed at a word boundary."""
    sentence = re.split(r"(?<=[.!?؟])\s", lead.strip(), maxsplit=1)[0].rstrip(" .")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",،;:") + "…"


class SourceLoader:
    """Reads every source under a content folder into Articles, collecting all errors."""

    def __init__(self, content_dir: Path, root: Path, languages: Iterable[str], timezone: ZoneInfo,
                 parsed: dict | None = None, statuses: dict | None = None):
        self.content_dir = content_dir
        self.root = root
        self.languages = tuple(languages)
        self.timezone = timezone
        # Parsed sources by (path, content digest): lets a rebuild skip YAML and normalization
        # for files that did not change. Shared with the caller, who may persist it.
        self.parsed = parsed if parsed is not None else {}
        # The status of each source when it was last read (`SourceStatus`, by its path): a file
        # whose status is unchanged is not read again. Shared with the caller, like `parsed`.
        self.statuses = statuses if statuses is not None else {}
        self._listed_statuses: dict[str, tuple] = {}
        self._salt = f"{self.languages}|{self.timezone.key}"
        self.refused: list = []           # what source_paths() found but would not read

    def rel(self, path: Path) -> str:
        text, root = str(path), self._root_prefix
        if text.startswith(root):           # a string test: this runs for every source of every build
            return text[len(root):].replace(os.sep, "/")
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @cached_property
    def _root_prefix(self) -> str:
        return str(self.root).rstrip(os.sep) + os.sep

    def source_paths(self) -> list[Path]:
        """Every source file under the content folder, sorted; hidden and `_` names are skipped.

        Only regular files reached through real folders are listed: links, special files and
        mounted folders are refused (see `refused`), never read."""
        suffixes = _readers().source_suffixes()
        listing = walk_tree(self.content_dir, lambda name: os.path.splitext(name)[1] in suffixes,
                            skip=lambda name: name.startswith((".", "_")))
        self.refused = listing.refused
        self._listed = set(listing.files)
        self._listed_statuses = listing.statuses
        return listing.files

    def _translation_of(self, path: Path) -> tuple[str, Path] | None:
        """For `story.<lang>.md` beside `story.md` (or .txt) return (lang, original path)."""
        parts = path.name.split(".")
        if len(parts) >= 3 and parts[-2] in self.languages:
            stem = ".".join(parts[:-2])
            listed = getattr(self, "_listed", None)
            suffixes = _readers().source_suffixes()
            for suffix in suffixes:
                original = path.with_name(stem + suffix)
                if (original in listed) if listed is not None else original.exists():
                    return parts[-2], original
            names = " or ".join(f"{stem}{suffix}" for suffix in suffixes[::2])
            raise _Invalid(1, f"a newsroom translation into {parts[-2]} ({path.name}) without its original: "
                              f"add {names} beside it, or rename the file if it is an article of its own")
        return None

    def load(self) -> LoadResult:
        result = LoadResult()
        translations: dict[Path, list[EditorTranslation]] = {}
        originals: list[Path] = []
        paths = self.source_paths()
        for refused in self.refused:
            result.errors.append(SourceError(self.rel(refused.path), 1, refused.reason))
        for path in paths:
            try:
                found = self._translation_of(path)
            except _Invalid as exc:
                result.errors.extend(SourceError(self.rel(path), line, message) for line, message in exc.problems)
                continue
            if found is None:
                originals.append(path)
                continue
            lang, original = found
            try:
                translations.setdefault(original, []).append(self._load_translation(path, lang))
            except _Invalid as exc:
                result.errors.extend(SourceError(self.rel(path), line, message) for line, message in exc.problems)
        seen: dict[tuple[dt.date, str], str] = {}
        live_keys = set()
        for path in originals:
            try:
                article = self._load_cached(path, live_keys)
            except _Invalid as exc:
                result.errors.extend(SourceError(self.rel(path), line, message) for line, message in exc.problems)
                continue
            if path in translations:
                article = replace(article, translations=article.translations + tuple(translations[path]))
            other = seen.get((article.date, article.slug))
            if other is not None:
                text = self._decode(self._read_bytes(path))
                line = _meta_line(text, "slug") if re.search(r"^slug\s*:", text, re.MULTILINE) else 1
                result.errors.append(SourceError(
                    article.path, line,
                    f"slug {article.slug!r} on {article.date.isoformat()} is already used by {other}",
                ))
                continue
            seen[(article.date, article.slug)] = article.path
            result.articles.append(article)
        for key in set(self.parsed) - live_keys:      # forget deleted and edited files
            del self.parsed[key]
        for rel in set(self.statuses) - {key[0] for key in live_keys}:
            del self.statuses[rel]
        return result

    def _load_cached(self, path: Path, live_keys: set) -> Article:
        rel = self.rel(path)
        status = self._listed_statuses.get(str(path))
        known = self.statuses.get(rel)
        if (status is not None and known is not None and known.status == status and known.salt == self._salt
                and known.key in self.parsed):
            key = known.key                 # unchanged since it was read: not read again
            data = None
        else:
            data = self._read_bytes(path)
            key = (rel, hashlib.blake2b(data + self._salt.encode(), digest_size=16).hexdigest())
            if status is not None and time.time_ns() - max(status[3], status[4]) > RACY_NS:
                self.statuses[rel] = SourceStatus(status, self._salt, key)
            else:                           # changed just now: it could change again within the same tick
                self.statuses.pop(rel, None)
        live_keys.add(key)
        cached = self.parsed.get(key)
        if cached is None:
            assert data is not None
            try:
                cached = self._load_article(path, (), text=self._decode(data))
            except _Invalid as exc:
                cached = tuple(exc.problems)
            self.parsed[key] = cached
        if isinstance(cached, tuple):
            raise _Invalid.of(list(cached))
        return cached

    def load_file(self, path: Path, default_date: dt.date | None = None) -> Article:
        """Load one source by itself (no duplicate or translation checks).

        Raises SourceLoadError. Without a date in the file or its folder, `default_date` is used
        when given (commands such as `statements` that do not need one), else it is an error.
        """
        path = Path(path)
        try:
            return self._load_article(path, (), default_date)
        except _Invalid as exc:     # the first problem; `check` lists them all
            raise SourceLoadError(SourceError(self.rel(path), exc.line, exc.message)) from None
        except OSError as exc:
            raise SourceLoadError(SourceError(self.rel(path), 1, f"cannot read: {exc.strerror}")) from None

    def _read_bytes(self, path: Path) -> bytes:
        """A source's bytes: read inside the content folder without following links, up to the size limit."""
        limit = limits.MAX_SOURCE_BYTES
        try:
            if self.content_dir in path.parents:
                return read_inside(self.content_dir, path, limit)
            # A file named on the command line (`statements`): a regular file, never a pipe that blocks.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise UnsafePath(errno.EINVAL, "is not a regular file", str(path))
                data = fh.read(limit + 1)
            if len(data) > limit:
                raise OSError(errno.EFBIG, "too large", str(path))
            return data
        except UnsafePath as exc:
            raise _Invalid(1, f"{exc.strerror}; not read (sources must be regular files inside the content "
                              "folder)") from None
        except OSError as exc:
            if exc.errno == errno.EFBIG:
                raise _Invalid(1, f"the file is larger than {limit // 1024} KiB, the limit for one source; "
                                  "split it into several articles") from None
            raise _Invalid(1, f"cannot read: {exc.strerror}") from None

    def _read(self, path: Path) -> str:
        return self._decode(self._read_bytes(path))

    @staticmethod
    def _decode(data: bytes) -> str:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise _Invalid(line, f"not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        found = control_character(text)
        if found is not None:
            offset, code = found
            raise _Invalid(text.count("\n", 0, offset) + 1, f"control character {code} in the file; remove it "
                                                            "(it is invisible in most editors)")
        return strip_hidden(text)

    def _load_translation(self, path: Path, lang: str) -> EditorTranslation:
        text = self._read(path)
        meta, body, body_line = split_front_matter(text)
        checked = check_front_matter(meta, text, self.languages)
        problems = list(checked.problems)
        first_line = body_line + _leading_newlines(body)
        body = normalize_text(body, lang).strip()
        if not body:
            raise _Invalid.of(problems + [(body_line, "empty body")])
        m = DATELINE.match(body)
        if m and "\n" not in body[: m.end()]:
            body = body[m.end():]            # the article page shows the original's dateline
        title = normalize_text(checked.values.get("title") or derive_title(body), lang).strip()
        if not title and "title" not in meta:
            problems.append((first_line, "no title: give `title:` (the first line of the body gives none)"))
        problems += check_body(body, _line_counter(body, first_line))
        if problems:
            raise _Invalid.of(problems)
        rel = self.rel(path)
        return EditorTranslation(lang, title, body, rel, scan_references(body, text, rel, body_line))

    def _load_article(self, path: Path, translations: tuple[EditorTranslation, ...],
                      default_date: dt.date | None = None, text: str | None = None) -> Article:
        """One source through the reader of its format (hawal.readers, by file suffix)."""
        reader = _readers().reader_for(path)
        text = self._read(path) if text is None else text
        return reader.read(self, path, self.rel(path), text, translations, default_date)

    def language(self, meta: dict, text: str, line: int) -> str:
        """The language of a source: its front matter's `lang` (one of the site's), else detected
        from the text (`line` is where an error points)."""
        lang = meta.get("lang")
        if lang is not None:
            lang = str(lang).strip()
            if lang not in self.languages:
                raise _Invalid(line, f"unknown language {lang!r} (this site has {', '.join(self.languages)})")
            return lang
        try:
            lang = detect_language(text, self.languages)
        except LanguageUnclear as exc:
            raise _Invalid(line, f"language not clear: {exc}") from None
        if lang not in self.languages:
            raise _Invalid(line, f"detected language {lang!r} is not one of this site's ({', '.join(self.languages)})")
        return lang



def _leading_newlines(text: str) -> int:
    return len(text) - len(text.lstrip("\n"))


def _line_counter(body: str, first_line: int):
    """body offset → line in the file, for a body whose first line is `first_line`."""
    return lambda offset: first_line + body.count("\n", 0, offset)


def _readers():
    # hawal.readers builds on this module's model and helpers, so it is imported on first use.
    from . import readers

    return readers


def load_sources(content_dir: Path, root: Path, languages: Iterable[str], timezone: ZoneInfo,
                 parsed: dict | None = None, statuses: dict | None = None) -> LoadResult:
    """Load every source under content_dir; bad sources become errors, never exceptions.

    `parsed` is a cache of earlier parses (see SourceLoader.parsed) and `statuses` the status of
    each source when it was read (SourceLoader.statuses); both are updated in place.
    """
    return SourceLoader(content_dir, root, languages, timezone, parsed, statuses).load()
