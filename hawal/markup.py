"""Inline Markdown to plain text, for places that show text without markup (titles, statements)."""
from __future__ import annotations

import html
import re
from functools import lru_cache

_TAGS = re.compile(r"<[^>]+>")


@lru_cache(maxsize=1)
def _converter():
    import markdown            # here: most builds never meet inline Markdown that needs it

    return markdown.Markdown(output_format="html")


@lru_cache(maxsize=8192)
def markdown_inline_to_text(text: str) -> str:
    """The words a reader sees in one line of inline Markdown: escapes, emphasis and links resolved."""
    if not any(ch in text for ch in "\\`*_[]<&"):
        return text
    converter = _converter()
    converter.reset()
    rendered = converter.convert(text)
    return html.unescape(_TAGS.sub("", rendered)).strip()
