"""Validation of config.yaml values, and the line of each key for error messages.

`config.py` reads the settings; the checks that keep a value from doing harm live here: typed
numbers, text without control characters, an http(s) `base_url` (a newline in it would add a line
to robots.txt), and an output folder that cannot swallow the project (a build swaps the output
folder away whole, so `output_dir: content` would move the sources, `.` the project).
Every ConfigError carries the key path it is about; `load_config` turns that into
`config.yaml:LINE: key: message`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from .textcheck import control_character
from .urlpolicy import url_problem

MAX_CONFIG_BYTES = 1024 * 1024


def yaml_lines(text: str, first_line: int = 1) -> dict[tuple, int]:
    """{key path: line} for a YAML document: ('site', 'base_url') → its line."""
    found: dict[tuple, int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return found
    stack = [(node, ())]
    seen = 0
    while stack and seen < 100_000:
        node, path = stack.pop()
        seen += 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    found.setdefault(path + (key.value,), key.start_mark.line + first_line)
                    stack.append((value, path + (key.value,)))
        elif isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                found.setdefault(path + (n,), item.start_mark.line + first_line)
                stack.append((item, path + (n,)))
    return found


def line_of(lines: dict[tuple, int], key: Iterable[Any]) -> int | None:
    """The line of a key path, or of its nearest parent that has one."""
    path = tuple(str(k) if not isinstance(k, int) else k for k in key)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None


def dotted(key: Iterable[Any]) -> str:
    return ".".join(f"[{k}]" if isinstance(k, int) else str(k) for k in key)


def check_strings(data: Any, error) -> None:
    """Every text value and key in the config: no control characters (they would reach pages and feeds)."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    seen: set[int] = set()
    while stack:
        value, path = stack.pop()
        if isinstance(value, (dict, list)):
            if id(value) in seen:          # YAML aliases share objects: visit each once
                continue
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and control_character(key):
                    raise error(path, f"{dotted(path) or 'config'}: a key holds a control character")
                stack.append((item, path + (key,)))
        elif isinstance(value, str):
            found = control_character(value)
            if found:
                raise error(path, f"{dotted(path)}: holds the control character {found[1]}; remove it")


def base_url_problem(value: Any) -> str | None:
    """What is wrong with site.base_url (absolute http(s), no query or fragment), or None."""
    problem = url_problem(value, relative=False, what="site.base_url")
    if problem:
        return problem
    if "?" in value or "#" in value:
        return f"site.base_url: expected an http(s) URL without ?query or #fragment, got {value[:80]!r}"
    return None


def date_format_problem(pattern: str) -> str | None:
    """Why Babel cannot format dates with `pattern` (a format name or CLDR pattern), or None."""
    if len(pattern) > 100:
        return "longer than 100 characters"
    import datetime as dt

    from babel.dates import format_date
    try:
        format_date(dt.date(2026, 11, 23), pattern, locale="root")
    except Exception as exc:           # Babel raises several kinds for a bad pattern
        return f"not a date format Babel understands ({type(exc).__name__}: {str(exc)[:80]})"
    return None


def whole_number(value: Any, key: str, minimum: int, error) -> int:
    """An integer setting (true/false and text are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(key, f"{key}: expected a whole number, got {type(value).__name__} {str(value)[:40]!r}")
    if value < minimum:
        raise error(key, f"{key}: expected {minimum} or more, got {value}")
    return value


def _overlaps(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def output_dir_problem(output: Path, root: Path, protected: dict[str, Path], contained: dict[str, Path]) -> str | None:
    """Why `output` cannot be the output folder, or None.

    The output folder is swapped away whole by every build, so it must not be, hold or lie in any
    `protected` folder (content, templates, static, locale, .hawal), must not be or hold the
    project root, and must not hold any of the `contained` files (config, models, glossary).
    """
    output = _resolved(output)
    root = _resolved(root)
    if output == Path(output.anchor):
        return f"{output} is the root of the file system"
    if output == root or output in root.parents:
        return f"{output} is or holds the project folder {root}; use a folder of its own such as site/"
    for name, folder in protected.items():
        folder = _resolved(folder)
        if _overlaps(output, folder):
            return f"{output} overlaps the {name} folder {folder}; use a folder of its own such as site/"
    for name, path in contained.items():
        path = _resolved(path)
        if path == output or output in path.parents:
            return f"{output} holds the {name} {path}; use a folder of its own such as site/"
    return None


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(path).absolute()
