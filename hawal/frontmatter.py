"""The declared schema of article front matter, and its validation: every violation, with its line.

YAML gives whatever the editor typed a type of its own: `title: [a, b]` is a list, `lead: "false"`
is a (true) string, `tags: [[1, 2], null]` holds a list and nothing. Nothing here guesses: each
key has a declared kind, length and allowed values, a value of another type is an error that says
what to write instead, and all the errors of a file are reported together, each at the line of its
key (or list item). Text values come back cleaned (hidden bidi/zero-width characters removed,
single-line fields folded to one line); control characters are errors.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import yaml

from . import limits
from .textcheck import control_problem, strip_hidden
from .urlpolicy import url_problem

Problem = tuple[int, str]          # (line, message)


@dataclass(frozen=True)
class Field:
    """One front-matter key: what kind of value it takes and its limits."""

    kind: str                      # "text" | "bool" | "date" | "lang" | "url" | "tags" | "slug" | "translations"
    max_chars: int = 0             # for text: the longest value (0: no limit of its own)
    one_line: bool = True          # text folded to one line (titles, names)
    help: str = ""                 # what to write, shown with a wrong type


SCHEMA: dict[str, Field] = {
    "title": Field("text", limits.MAX_TITLE_CHARS, help="the headline"),
    "date": Field("date", help="an ISO date (2026-11-23) or datetime with zone (2026-11-23T09:00:00+03:00)"),
    "lang": Field("lang", help="a language code of this site"),
    "source": Field("text", limits.MAX_NAME_CHARS, help="the agency or outlet"),
    "source_url": Field("url", help="an http(s) URL"),
    "author": Field("text", limits.MAX_NAME_CHARS, help="the author's name"),
    "tags": Field("tags", help="a list of topics, e.g. [economy, energy]"),
    "slug": Field("slug", help="the URL name, e.g. water-cuts"),
    "summary": Field("text", limits.MAX_SUMMARY_CHARS, one_line=False, help="a short summary"),
    "lead": Field("bool", help="true or false, without quotes"),
    "translations": Field("translations", help="a mapping of language to {title, body}"),
    "place": Field("text", limits.MAX_NAME_CHARS, help="a place name"),
    "draft": Field("bool", help="true or false, without quotes"),
    "image": Field("text", limits.MAX_NAME_CHARS, help="an image file next to the story, e.g. dam.jpg"),
}
TRANSLATION_KEYS = {"title", "body"}


def type_name(value: Any) -> str:
    """What YAML made of a value, in an editor's words (never the value itself: it may be huge)."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return type(value).__name__


def clean_text(value: str, *, one_line: bool) -> str:
    """A text value without hidden formatting characters; one-line fields have white space folded."""
    value = strip_hidden(value)
    return " ".join(value.split()) if one_line else value.strip()


@dataclass
class Checked:
    """Front matter after validation: the usable values and every problem found."""

    values: dict[str, Any]
    problems: list[Problem]


class _Lines:
    """Line numbers of front-matter keys and list items, composed only when a problem needs one."""

    def __init__(self, text: str):
        self._text = text
        self._map: dict[tuple, int] | None = None

    def __call__(self, *path: Any) -> int:
        if self._map is None:
            self._map = front_matter_lines(self._text)
        while path:
            if path in self._map:
                return self._map[path]
            path = path[:-1]
        return self._map.get((), 1)


def front_matter_lines(text: str) -> dict[tuple, int]:
    """{key path: line} for the front matter of a source's text: ('tags', 1) is the second tag."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}
    found: dict[tuple, int] = {(): 2}
    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return found

    def walk(node, path: tuple, depth: int) -> None:
        if depth > 4:
            return
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    found[path + (key.value,)] = key.start_mark.line + 2
                    walk(value, path + (key.value,), depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                found[path + (n,)] = item.start_mark.line + 2
                walk(item, path + (n,), depth + 1)

    if node is not None:
        walk(node, (), 0)
    return found


MAX_YAML_DEPTH = 32


def nesting_problem(raw: str) -> tuple[int, str] | None:
    """(line, message) when front matter nests deeper than any article needs, checked before YAML
    parses it: PyYAML's parser slows down quadratically with the depth of [ and { and recurses
    once per level."""
    depth = 0
    for n, line in enumerate(raw.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        if indent > 2 * MAX_YAML_DEPTH:
            return n + 2, f"front matter nested too deeply (indented {indent} spaces)"
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return n + 2, f"front matter nested too deeply (more than {MAX_YAML_DEPTH} levels of [ and {{)"
            elif ch in "]}":
                depth = max(0, depth - 1)
    return None


def check_front_matter(meta: dict, text: str, languages: Iterable[str], *,
                       keys: Iterable[str] | None = None) -> Checked:
    """Validate front matter against SCHEMA (or the named `keys` of it); report every violation.

    `text` is the whole source (for line numbers). Returned values hold only what is valid:
    text cleaned, tags as a tuple of strings, lead as a bool; dates, slugs and URLs as given
    when they pass (dates are read by the loader, which knows the time zone).
    """
    languages = tuple(languages)
    allowed = set(keys) if keys is not None else set(SCHEMA)
    line = _Lines(text)
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in meta.items():
        if not isinstance(key, str) or key not in allowed:
            known = ", ".join(sorted(allowed))
            shown = repr(key) if isinstance(key, str) and len(key) <= 40 else "(a key that is not a name)"
            problems.append((line(key if isinstance(key, str) else ()), f"unknown front matter key {shown} (known: {known})"))
            continue
        if value is None:                       # `author:` left empty: as if not given
            continue
        field = SCHEMA[key]
        checker = _CHECKERS[field.kind]
        result = checker(key, value, field, languages, lambda *p, key=key: line(key, *p))
        values_ok, found = result
        problems.extend(found)
        if values_ok is not _INVALID:
            values[key] = values_ok
    problems.sort()
    return Checked(values, problems)


_INVALID = object()


def _wrong_type(key: str, value: Any, field: Field) -> str:
    return f"{key} must be {field.help or field.kind}, got {type_name(value)}"


def _text(key, value, field, languages, line) -> tuple[Any, list[Problem]]:
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, (int, float, bool)) else ""
        return _INVALID, [(line(), f"{key} must be text, {field.help}; got {type_name(value)}{hint}")]
    problem = control_problem(value, key)
    if problem:
        return _INVALID, [(line(), problem)]
    cleaned = clean_text(value, one_line=field.one_line)
    if not cleaned:
        return _INVALID, [(line(), f"{key} is empty; write {field.help} or remove the key")]
    if field.max_chars and len(cleaned) > field.max_chars:
        return _INVALID, [(line(), f"{key} is {len(cleaned)} characters long; at most {field.max_chars} are allowed")]
    return cleaned, []


def _bool(key, value, field, languages, line):
    if isinstance(value, bool):
        return value, []
    if isinstance(value, str):              # `lead: "false"` is true to Python: say how to write it
        return _INVALID, [(line(), f"{key} must be true or false (without quotes)")]
    return _INVALID, [(line(), f"{key} must be true or false, got {type_name(value)}")]


def _date(key, value, field, languages, line):
    if isinstance(value, (dt.date, dt.datetime)):
        return value, []
    if not isinstance(value, str):
        return _INVALID, [(line(), _wrong_type(key, value, field))]
    problem = control_problem(value, key)
    if problem:
        return _INVALID, [(line(), problem)]
    return value, []


def _lang(key, value, field, languages, line):
    if not isinstance(value, str):
        return _INVALID, [(line(), f"{key} must be one of {', '.join(languages)}, got {type_name(value)}")]
    code = value.strip()
    if code not in languages:
        shown = repr(code) if len(code) <= 20 else repr(code[:20] + "…")
        return _INVALID, [(line(), f"unknown language {shown} (this site has {', '.join(languages)})")]
    return code, []


def _url(key, value, field, languages, line):
    if not isinstance(value, str):
        return _INVALID, [(line(), _wrong_type(key, value, field))]
    problem = url_problem(value.strip(), what=key)
    if problem:
        return _INVALID, [(line(), problem)]
    return value.strip(), []


def _tags(key, value, field, languages, line):
    if isinstance(value, str):
        items: list = [t for t in value.split(",")]
        item_line = lambda n: line()
    elif isinstance(value, list):
        items = value
        item_line = lambda n: line(n)
    else:
        return _INVALID, [(line(), _wrong_type(key, value, field))]
    problems: list[Problem] = []
    tags: list[str] = []
    if len(items) > limits.MAX_TAGS:
        problems.append((line(), f"{key}: {len(items)} tags; at most {limits.MAX_TAGS} are allowed"))
    for n, item in enumerate(items[: limits.MAX_TAGS * 4]):
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            problems.append((item_line(n), f"{key}: item {n + 1} must be a topic name, got {type_name(item)}"))
            continue
        text = str(item)
        problem = control_problem(text, f"{key}: item {n + 1}")
        if problem:
            problems.append((item_line(n), problem))
            continue
        text = clean_text(text, one_line=True)
        if not text:
            if isinstance(value, list):
                problems.append((item_line(n), f"{key}: item {n + 1} is empty"))
            continue
        if len(text) > limits.MAX_TAG_CHARS:
            problems.append((item_line(n), f"{key}: item {n + 1} is {len(text)} characters long; "
                                           f"at most {limits.MAX_TAG_CHARS} are allowed"))
            continue
        if text not in tags:
            tags.append(text)
    return (_INVALID if problems else tuple(tags)), problems


def _slug(key, value, field, languages, line):
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
        return _INVALID, [(line(), f"{key} must be text, {field.help}; got {type_name(value)}{hint}")]
    problem = control_problem(value, key)
    if problem:
        return _INVALID, [(line(), problem)]
    value = strip_hidden(value).strip()
    problem = slug_problem(value)
    if problem:
        return _INVALID, [(line(), problem)]
    return value, []


def _translations(key, value, field, languages, line):
    if not isinstance(value, dict):
        return _INVALID, [(line(), _wrong_type(key, value, field))]
    problems: list[Problem] = []
    out: dict[str, dict[str, str]] = {}
    for code, spec in value.items():
        if not isinstance(code, str) or code not in languages:
            shown = repr(code) if isinstance(code, str) and len(code) <= 20 else "a key that is not a language code"
            problems.append((line(code) if isinstance(code, str) else line(), f"{key}: {shown} is not a language of this site"))
            continue
        if not isinstance(spec, dict):
            problems.append((line(code), f"{key}.{code} must be a mapping with a body (and a title), got {type_name(spec)}"))
            continue
        entry: dict[str, str] = {}
        for part, text in spec.items():
            if part not in TRANSLATION_KEYS:
                shown = repr(part) if isinstance(part, str) and len(part) <= 40 else "(a key that is not a name)"
                problems.append((line(code, part) if isinstance(part, str) else line(code),
                                 f"{key}.{code}: unknown key {shown} (known: body, title)"))
                continue
            if text is None:
                continue
            limit = limits.MAX_TITLE_CHARS if part == "title" else 0
            cleaned, found = _text(f"{key}.{code}.{part}", text, Field("text", limit, one_line=part == "title",
                                   help="the headline" if part == "title" else "the translated text"),
                                   languages, lambda *p: line(code, part))
            problems.extend(found)
            if cleaned is not _INVALID:
                entry[part] = cleaned
        if "body" not in entry and not any(m.startswith(f"{key}.{code}.body") for _, m in problems):
            problems.append((line(code), f"{key}.{code} needs a body"))
        out[code] = entry
    return (_INVALID if problems else out), problems


_CHECKERS: dict[str, Callable] = {
    "text": _text, "bool": _bool, "date": _date, "lang": _lang, "url": _url, "tags": _tags, "slug": _slug,
    "translations": _translations,
}

_SLUG_OK = re.compile(r"^[\w][\w.-]*$", re.UNICODE)


def slug_problem(slug: str) -> str | None:
    """What is wrong with a slug (an output folder name), or None."""
    shown = repr(slug) if len(slug) <= 40 else repr(slug[:40] + "…")
    if "/" in slug or "\\" in slug or ".." in slug:
        return f"slug {shown} must not contain '/', '\\' or '..'"
    if not _SLUG_OK.match(slug):
        return f"slug {shown} may hold only letters, digits, '-', '_' and '.'"
    if len(slug) > limits.MAX_SLUG_CHARS or len(slug.encode("utf-8")) > limits.MAX_SLUG_BYTES:
        return (f"slug {shown} is too long ({len(slug)} characters, {len(slug.encode('utf-8'))} bytes); "
                f"at most {limits.MAX_SLUG_CHARS} characters and {limits.MAX_SLUG_BYTES} bytes, "
                "as it becomes a folder name")
    return None


def date_problem(day: dt.date, folder_day: dt.date | None, today: dt.date | None = None) -> str | None:
    """What is wrong with an article's date: absurd years, or far from the folder it is filed in."""
    today = today or dt.date.today()
    if not limits.EARLIEST_YEAR <= day.year <= today.year + limits.YEARS_AHEAD:
        return (f"date {day.isoformat()} is not plausible: years {limits.EARLIEST_YEAR} to "
                f"{today.year + limits.YEARS_AHEAD} are accepted")
    if folder_day is not None and abs((day - folder_day).days) > limits.MAX_DAYS_FROM_FOLDER:
        return (f"date {day.isoformat()} is {abs((day - folder_day).days)} days from its folder "
                f"{folder_day:%Y/%m/%d}; move the file or correct the date")
    return None
