"""Characters that must not reach a page: control characters are refused, hidden formatting removed.

Two kinds of character are handled where text enters the pipeline (a source file as it is read,
each front-matter value), so no later stage (titles, slugs, bodies, tags, speakers found by the
statement extractor, feeds) ever sees them:

- control characters (NUL, C0 but tab and newline, DEL, C1), lone surrogates and the
  non-characters U+FFFE/U+FFFF: XML (the feeds) cannot hold them and no editor means them, so they
  are an error at the line where they are;
- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width
  characters that join nothing (U+200B, U+2060–U+2064, U+FEFF, U+180E): invisible, they can
  reorder a headline (U+202E) or make two names look alike, so they are removed. The zero-width
  non-joiner and joiner (U+200C, U+200D) and the directional marks (U+200E, U+200F, U+061C) are
  part of Sorani, Arabic and Persian spelling and stay.
"""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_HIDDEN = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060-\u2064\ufeff\u180e]")
CONTROL_HINT = "remove it (it is invisible in most editors)"


def control_character(text: str) -> tuple[int, str] | None:
    """(offset, 'U+0000') of the first forbidden control character in `text`, or None."""
    m = _CONTROL.search(text)
    return (m.start(), f"U+{ord(m.group()):04X}") if m else None


def control_problem(text: str, what: str = "text") -> str | None:
    """A message for the first control character in `text`, or None."""
    found = control_character(text)
    if found is None:
        return None
    return f"{what} holds the control character {found[1]}; {CONTROL_HINT}"


def strip_hidden(text: str) -> str:
    """`text` without bidirectional overrides/isolates and joinerless zero-width characters."""
    return _HIDDEN.sub("", text) if _HIDDEN.search(text) else text


def line_of(text: str, offset: int, first_line: int = 1) -> int:
    return first_line + text.count("\n", 0, offset)
