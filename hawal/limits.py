"""Limits on what a source may hold, so that no source under them takes more than a second.

The figures are far above any real article (a long feature is 30 KB with 2,000-character
paragraphs) and well below what would hurt: past them the build stops with a clear error at the
line concerned. `bench/bench_limits.py` measures the slowest input we know of at each limit.

Python-Markdown's inline parser is quadratic in a few places: every `[` scans ahead for its `]`
(and a link's `(` for its `)`), every `<` that could open a tag scans for a `>`, and a block
that holds many block-level lines (headings, list items, `=`/`-` underlines) is sliced again at
each of them. 50 KB of unclosed brackets took ten minutes. `markdown_work` counts those scans in
one pass without running Markdown, and a source whose count is over MARKDOWN_WORK_BUDGET is
refused at the paragraph that costs most (with the cause in words). spaCy's tokenizer strips the
punctuation at a word's edges one character at a time (a 20,000-comma "word" took minutes), and
every paragraph costs every stage about half a millisecond, so long punctuation runs count in the
estimate and the number of paragraphs is limited. Nesting (lists, quotes, definition lists) is
limited too: Markdown recurses once per level, and 10,000 levels end in a RecursionError.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SOURCE_BYTES = 64 * 1024           # one source file (front matter and body): about 10,000 English words
MAX_PARAGRAPH_CHARS = 20_000           # one paragraph (a run of non-blank lines); spaCy's own limit is 1,000,000
MAX_NESTING = 16                       # list, quote and definition levels on one line
MAX_BLOCKS = 600                       # paragraphs, list items, headings, rules: about half a ms each
MAX_DEFINITIONS_IN_A_ROW = 16          # definition-list items (`: text`) without a blank line between
MAX_TITLE_CHARS = 300
MAX_NAME_CHARS = 200                   # source, author, place
MAX_SUMMARY_CHARS = 2_000
MAX_TAGS = 20
MAX_TAG_CHARS = 60
MAX_SLUG_CHARS = 100
MAX_SLUG_BYTES = 200                   # a slug is a folder name; file systems allow 255 bytes
EARLIEST_YEAR = 1900
YEARS_AHEAD = 100                      # scheduled far ahead is allowed; year 9999 is not
MAX_DAYS_FROM_FOLDER = 366             # front-matter date vs. content/YYYY/MM/DD/: further is an error
                                       # (a smaller gap is a `check` warning, hawal/editorial.py)
# Units are about a microsecond each (bench/bench_limits.py); with the rest of an article's processing
# at the size limit (0.2 to 0.45 s) this keeps every article well under a second.
MARKDOWN_WORK_BUDGET = 100_000

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCK_LINE = re.compile(r"^\s*(?:#|>|[-*+=_:~]|\d{1,9}[.)]|`{3})|^ {4}")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]|:[ \t])")
_DEFINITION = re.compile(r"^[ \t]{0,3}:[ \t]")
_TAG_START = re.compile(r"<[A-Za-z/!?]")


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines outside fenced code, as Markdown's block parser sees it."""

    start: int           # offset of its first character in the text
    end: int
    first_line: int      # 0-based line index of its first line
    lines: int


def paragraphs(text: str) -> list[Paragraph]:
    """Runs of non-blank lines, fenced code blocks left out (Markdown stashes those whole)."""
    found: list[Paragraph] = []
    offset = 0
    run_start = run_line = None
    fence: str | None = None
    run_lines = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        end = offset + len(line)
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
        elif (m := _FENCE.match(line)) is not None:
            if run_start is not None:
                found.append(Paragraph(run_start, offset - 1, run_line, run_lines))
                run_start = None
            fence = m.group(1)[0] * 3
        elif line.strip():
            if run_start is None:
                run_start, run_line, run_lines = offset, n, 0
            run_lines += 1
        elif run_start is not None:
            found.append(Paragraph(run_start, offset - 1, run_line, run_lines))
            run_start = None
        offset = end + 1
    if run_start is not None:
        found.append(Paragraph(run_start, len(text), run_line, run_lines))
    return found


def nesting_depth(line: str) -> int:
    """Container levels a line opens: quote markers, list markers and 4-space indents."""
    depth, pos = 0, 0
    while True:
        m = _CONTAINER.match(line, pos)
        if m is None or m.end() == pos:
            break
        depth += 1
        pos = m.end()
    indent = len(line) - len(line.lstrip(" \t"))
    return depth + line[:indent].expandtabs(4).count("    ")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of inline code spans, which Markdown takes out before it looks for links."""
    spans = []
    pos = 0
    while True:
        start = text.find("`", pos)
        if start < 0:
            return spans
        end = start
        while end < len(text) and text[end] == "`":
            end += 1
        ticks = text[start:end]
        close = text.find(ticks, end)
        while close >= 0 and close + len(ticks) < len(text) and text[close + len(ticks)] == "`":
            close = text.find(ticks, close + len(ticks) + 1)
        if close < 0:
            pos = end
            continue
        spans.append((start, close + len(ticks)))
        pos = close + len(ticks)


def bracket_work(text: str) -> int:
    """Characters Markdown's link parsers scan in one paragraph: from every `[` to its `]` (to the
    end when unclosed) and from every `](` to its `)`."""
    work = 0
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []
    skip = _code_spans(text) if "`" in text else []
    span = 0
    i, n = 0, len(text)
    while i < n:
        if span < len(skip) and i >= skip[span][0]:
            i = skip[span][1]
            span += 1
            continue
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            brackets.append(i)
        elif c == "]":
            if brackets:
                work += i - brackets.pop()
            if i + 1 < n and text[i + 1] == "(":
                parens.append((i + 1, True))
                i += 2
                continue
        elif c == "(":
            parens.append((i, False))
        elif c == ")":
            if parens:
                start, link = parens.pop()
                if link:
                    work += i - start
        i += 1
    work += sum(n - start for start in brackets)
    work += sum(n - start for start, link in parens if link)
    return work


def tag_work(text: str) -> int:
    """Characters scanned for the `>` that would close each `<` that could open a tag."""
    if "<" not in text:
        return 0
    work = 0
    for m in _TAG_START.finditer(text):
        close = text.find(">", m.start())
        work += (close if close >= 0 else len(text)) - m.start()
    return work


def block_work(text: str, paragraph: Paragraph) -> int:
    """Block-level lines (headings, list items, rules) in one run without blank lines, squared:
    Markdown's block parser handles each by splitting the run again."""
    chunk = text[paragraph.start:paragraph.end]
    splits = sum(1 for line in chunk.split("\n") if _BLOCK_LINE.match(line))
    return splits * splits if splits > 1 else 0


_BLOCK_START = re.compile(r"^ {0,3}(?:#|>|[-*+:][ \t]|\d{1,9}[.)][ \t]|[-=*_]+[ \t]*$)", re.M)


def blocks_of(chunk: str) -> list[tuple[int, int]]:
    """(start, end) of the blocks of a run that Markdown parses inline one by one: a new list item,
    heading, quote or definition line starts a block."""
    starts = [0] + [m.start() for m in _BLOCK_START.finditer(chunk) if m.start() > 0]
    return [(a, b - 1 if b < len(chunk) else b) for a, b in zip(starts, starts[1:] + [len(chunk)])]


_INLINE_MARK = re.compile(r"[*_`<&\[!]")
_WORD = re.compile(r"\S{41,}")
_EDGE = re.compile(r"^\W*|\W*$")


def inline_work(chunk: str) -> int:
    """Markup characters × paragraph length: every inline match (emphasis, code, tags, entities,
    links) makes Markdown rebuild the paragraph's string once."""
    marks = len(_INLINE_MARK.findall(chunk))
    return marks * len(chunk) if marks > 8 else 0


def token_work(chunk: str) -> int:
    """spaCy's tokenizer strips a word's leading and trailing punctuation one character at a time,
    searching the whole word each time: (punctuation at its edges) × length, for long words."""
    work = 0
    for m in _WORD.finditer(chunk):
        word = m.group()
        edges = sum(len(e) for e in _EDGE.findall(word))
        work += max(1, edges) * len(word)
    return work


def structure_work(chunk: str) -> int:
    """Length × depth²: Markdown parses a nested block again at every level it is nested in, and
    a run of definition-list items nests each in the one before."""
    depth = definitions = 0
    for line in chunk.split("\n"):
        if line[:1] in " \t>-*+:0123456789":
            depth = max(depth, nesting_depth(line))
        if _DEFINITION.match(line):
            definitions += 1
    depth = max(depth, definitions)
    return len(chunk) * depth * depth if depth > 2 else 0


@dataclass(frozen=True)
class Work:
    """Estimated processing work of a body (about a microsecond a unit), split by cause, and
    where most of it is."""

    total: int
    worst_line: int           # 0-based line of the paragraph that costs most
    cause: str = ""           # one of CAUSES


# Weights turn each count into about a microsecond a unit (measured with bench/bench_limits.py on
# the 2-core development machine: brackets 1.3 to 2.8 µs a character scanned, tags 1.5 µs per 4
# characters, block-level lines 1 µs per 25 of their count squared, nesting 1 µs per 12, inline
# rebuilds 1.2 µs per 300,
# tokenizer suffix searches 0.14 µs a character, counted twice as segmenting and statement
# extraction both tokenize).
BRACKET_WEIGHT = 2
TAG_WEIGHT = 1 / 4
BLOCK_WEIGHT = 1 / 25
NESTING_WEIGHT = 1 / 12
INLINE_WEIGHT = 1 / 300
WORD_WEIGHT = 1 / 5
CAUSES = {
    "brackets": "unclosed or deeply nested [ ] and ( ) (escape literal ones as \\[ \\])",
    "tags": "many < that open no tag (write &lt;)",
    "blocks": "very many headings, list items or rules without blank lines between them",
    "nesting": "much deeply nested text (lists, quotes, definition lists): flatten it",
    "inline": "a long paragraph packed with emphasis, code, links or entities (split it)",
    "words": "very long words without spaces made of punctuation (break them up)",
}


def markdown_work(text: str) -> Work:
    """Estimate the processing work for `text` (see the module's docstring)."""
    totals = {cause: 0.0 for cause in CAUSES}
    worst, worst_line, worst_cause = -1.0, 0, ""
    tags = tag_work(text) * TAG_WEIGHT
    totals["tags"] = tags
    for paragraph in paragraphs(text):
        chunk = text[paragraph.start:paragraph.end]
        parts = {
            "brackets": 0.0, "inline": 0.0,
            "blocks": block_work(text, paragraph) * BLOCK_WEIGHT,
            "nesting": structure_work(chunk) * NESTING_WEIGHT,
            "words": token_work(chunk) * WORD_WEIGHT,
        }
        for start, end in blocks_of(chunk) if "\n" in chunk else [(0, len(chunk))]:
            block = chunk[start:end]
            if "[" in block:
                parts["brackets"] += bracket_work(block) * BRACKET_WEIGHT
            parts["inline"] += inline_work(block) * INLINE_WEIGHT
        for cause, work in parts.items():
            totals[cause] += work
            if work > worst:
                worst, worst_line, worst_cause = work, paragraph.first_line, cause
    if tags > worst:
        first_tag = _TAG_START.search(text)
        worst_line = text.count("\n", 0, first_tag.start()) if first_tag else worst_line
        worst_cause = "tags"
    return Work(int(sum(totals.values())), worst_line, max(totals, key=totals.get) if worst_cause else "")
