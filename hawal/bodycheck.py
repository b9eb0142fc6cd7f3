"""Validation of an article body: everything the build relies on, checked where `check` sees it.

`check_body` runs on every body a build will render (originals, newsroom translations) and
reports, each at its line:
- paragraphs longer than MAX_PARAGRAPH_CHARS (spaCy refuses texts past its max_length, E088);
- nesting deeper than MAX_NESTING (Python-Markdown recurses per level: RecursionError);
- Markdown that would take Markdown too long (see hawal.limits.markdown_work);
- every link, image and other URL in the rendered HTML that is not http(s), mailto: or relative
  (a `javascript:` link is an error, not just something the sanitizer drops).

The body is rendered once here with the same Markdown settings as the site, which also proves it
renders at all. The result of the whole check is cached with the parsed source (by digest).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Callable

from . import limits
from .urlpolicy import LINK_SCHEMES, url_problem

LineOf = Callable[[int], int]          # body offset → line in the source file
Problem = tuple[int, str]

URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "background", "cite", "data",
                  "xlink:href", "longdesc", "lowsrc", "dynsrc", "usemap", "ping", "manifest", "codebase",
                  "archive", "icon", "profile", "classid", "itemtype"}


class _URLCollector(HTMLParser):
    """Every URL-carrying attribute of rendered HTML, entities decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []      # (tag, attribute, value)

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                if name in ("srcset", "archive", "ping"):
                    for part in re.split(r",\s*|\s+" if name != "srcset" else r",", value):
                        part = part.strip().split()[0] if part.strip() else ""
                        if part:
                            self.urls.append((tag, name, part))
                else:
                    self.urls.append((tag, name, value.strip()))

    handle_startendtag = handle_starttag


_renderer = None
MARKDOWN_EXTENSIONS = ("extra", "sane_lists")      # the site's Markdown (render.py uses these too)
# Bodies rendered by the check, kept for the render stage of the same build (`take_rendered`),
# which sanitizes them instead of running Markdown on the same text a second time.
_rendered: dict[str, str] = {}
MAX_KEPT = 20000


def take_rendered(text: str) -> str | None:
    """The Markdown HTML the check made of `text` in this process, if it made it (once)."""
    return _rendered.pop(text, None) if _rendered else None


def forget_rendered() -> None:
    _rendered.clear()


def render_markdown(text: str) -> str:
    """The body as the site's Markdown settings render it (before sanitizing)."""
    global _renderer
    if _renderer is None:
        import markdown as markdown_lib
        _renderer = markdown_lib.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    _renderer.reset()
    try:
        return _renderer.convert(text)
    finally:
        _renderer.reset()


def check_body(body: str, line_of: LineOf, *, what: str = "body", render: bool = True) -> list[Problem]:
    """Every problem of a Markdown body that would stop or slow the build, with its line."""
    problems: list[Problem] = []
    lines = body.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)

    runs = limits.paragraphs(body)
    blocks = sum(len(limits.blocks_of(body[r.start:r.end])) if r.lines > 1 else 1 for r in runs)
    if blocks > limits.MAX_BLOCKS:
        problems.append((line_of(runs[limits.MAX_BLOCKS].start if len(runs) > limits.MAX_BLOCKS else runs[-1].start),
                         f"{blocks:,} paragraphs, list items and headings; at most {limits.MAX_BLOCKS:,} in one "
                         "article: split it into several"))
    for paragraph in runs:
        chunk = body[paragraph.start:paragraph.end]
        for start, end in limits.blocks_of(chunk) if paragraph.end - paragraph.start > limits.MAX_PARAGRAPH_CHARS else ():
            if end - start > limits.MAX_PARAGRAPH_CHARS:
                problems.append((line_of(paragraph.start + start), f"paragraph of {end - start:,} characters; at "
                                 f"most {limits.MAX_PARAGRAPH_CHARS:,} are allowed: split it with a blank line"))
    deep = next(((n, d) for n, d in ((n, limits.nesting_depth(l)) for n, l in enumerate(lines)
                                     if l[:1] in " \t>-*+:0123456789") if d > limits.MAX_NESTING), None)
    if deep is not None:
        problems.append((line_of(offsets[deep[0]]), f"nested {deep[1]} levels deep (lists, quotes, indents); "
                         f"at most {limits.MAX_NESTING} are allowed"))
    definitions = _longest_definition_run(lines)
    if definitions is not None:
        n, count = definitions
        problems.append((line_of(offsets[n]), f"{count} definition-list items (`: …` lines) in a row; at most "
                         f"{limits.MAX_DEFINITIONS_IN_A_ROW} without a blank line between them"))
    work = limits.markdown_work(body)
    if work.total > limits.MARKDOWN_WORK_BUDGET:
        problems.append((line_of(offsets[min(work.worst_line, len(offsets) - 1)]),
                         f"too costly to process: {limits.CAUSES.get(work.cause, 'split the text')}; the text "
                         f"would take about {work.total / 1e6:.1f} s (at most {limits.MARKDOWN_WORK_BUDGET / 1e6:.1f} "
                         "s of work per article)"))
    if problems or not render:
        return sorted(problems)
    try:
        rendered = render_markdown(body)
    except RecursionError:
        return [(line_of(0), f"{what} is nested too deeply for the Markdown parser")]
    problems.extend(url_problems(rendered, body, line_of))
    if not problems and len(_rendered) < MAX_KEPT:
        _rendered[body] = rendered
    return sorted(problems)


def _longest_definition_run(lines: list[str]) -> tuple[int, int] | None:
    """(first line index, count) of the first run of definition items over the limit."""
    run, first = 0, 0
    for n, line in enumerate(lines):
        if limits._DEFINITION.match(line):
            if run == 0:
                first = n
            run += 1
            if run > limits.MAX_DEFINITIONS_IN_A_ROW:
                return first, run
        elif not line.strip():
            run = 0
    return None


def url_problems(rendered: str, body: str, line_of: LineOf) -> list[Problem]:
    """A problem for every URL in rendered HTML that a page must not carry."""
    if "=" not in rendered:
        return []
    collector = _URLCollector()
    collector.feed(rendered)
    collector.close()
    problems = []
    seen: set[tuple[str, str]] = set()
    for tag, attribute, value in collector.urls:
        if (attribute, value) in seen:
            continue
        seen.add((attribute, value))
        what = "link" if attribute == "href" else ("image" if tag == "img" else f"<{tag} {attribute}>")
        problem = url_problem(value, schemes=LINK_SCHEMES, what=what)
        if problem:
            problems.append((line_of(_locate(value, body)), problem))
    return problems


def _locate(value: str, body: str) -> int:
    """Where a URL found in the rendered HTML was written in the body (0 when not found)."""
    for needle in (value, html.escape(value, quote=True)):
        at = body.find(needle)
        if at >= 0:
            return at
    lowered = body.lower()
    # Written with entities or escapes (&#106;avascript:): the longest tail that was written as is.
    for start in range(1, min(len(value) - 5, 64)):
        at = lowered.find(value[start:].lower())
        if at >= 0:
            return at
    return 0
