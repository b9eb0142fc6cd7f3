"""What a model must not touch: protected spans in a sentence, the glossary, quotation marks.

Before translation, URLs, inline code, link targets, Markdown emphasis and link brackets, numbers,
glossary terms and do-not-translate words become numbered placeholders `[n]`. After translation
each placeholder is put back (glossary terms in their fixed rendering for the target language).
A model may drop or duplicate placeholders: duplicates are removed, a dropped item that carries
content is added back at the sentence's start or end, and a broken emphasis or link pair is
dropped rather than left half-open, so the Markdown never breaks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import langs
from ..errors import InputError
from ..language import normalize_text

PLACEHOLDER_OUT = re.compile(r"\[\s*(\d+)\s*\]")

_TOKENS = re.compile(
    r"""
     (?P<code>(?P<ticks>`+)[^`].*?(?P=ticks))                      # inline code
    |(?P<autolink><(?:https?://|mailto:)[^<>\s]+>)                 # <https://…>
    |(?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)            # inline HTML tag
    |(?P<literal>\[\d+\])                                          # text that looks like a placeholder
    |(?P<linkclose>\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\))   # ](target "title")
    |(?P<linkopen>!?\[)
    |(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'"»”’،؛])
    |(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
    |(?P<strong>\*\*|(?<!\w)__|__(?!\w))
    |(?P<em>\*|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))
    |(?P<number>\d+(?:[.,٫٬]\d+)*%?)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Protected:
    """One protected span: what the source had, what goes back into the translation."""

    id: int
    source: str
    target: str
    kind: str                 # "content" | "open" | "close"
    partner: int | None = None
    at_start: bool = False    # where a dropped content item is put back
    fallback: str = ""        # what a broken pair leaves (a bare link's URL), "" to drop


@dataclass(frozen=True)
class MaskedText:
    text: str                              # what the model sees
    items: tuple[Protected, ...]

    @property
    def needs_model(self) -> bool:
        """False when nothing but placeholders, digits and punctuation is left to translate."""
        return any(ch.isalpha() for ch in PLACEHOLDER_OUT.sub("", self.text))


# --- glossary ------------------------------------------------------------------------------------

class GlossaryError(InputError, ValueError):
    """glossary.yaml cannot be used; the message names the entry."""


@dataclass(frozen=True)
class GlossaryTerm:
    forms: dict[str, tuple[str, ...]]      # lang → spellings, the first is the fixed rendering


@dataclass(frozen=True)
class Glossary:
    """Fixed renderings per language, and words no model may translate."""

    terms: tuple[GlossaryTerm, ...] = ()
    keep: tuple[str, ...] = ()

    def spans(self, text: str, src: str, tgt: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, replacement) for every glossary hit in `text`, longest first."""
        candidates: list[tuple[str, str]] = []
        for word in self.keep:
            candidates.append((word, word))
        for term in self.terms:
            if src in term.forms and tgt in term.forms:
                for form in term.forms[src]:
                    candidates.append((form, term.forms[tgt][0]))
        candidates.sort(key=lambda c: -len(c[0]))
        taken: list[tuple[int, int, str]] = []
        folded = text.casefold()
        for form, rendering in candidates:
            needle = form.casefold()
            start = folded.find(needle)
            while start >= 0:
                end = start + len(needle)
                if _at_word_edges(text, start, end, src) and not any(s < end and start < e for s, e, _ in taken):
                    taken.append((start, end, rendering))
                start = folded.find(needle, end)
        return sorted(taken)


def _at_word_edges(text: str, start: int, end: int, lang: str) -> bool:
    after_ok = end >= len(text) or not text[end].isalnum()
    if start == 0 or not text[start - 1].isalnum():
        return after_ok
    # Arabic writes "and", "for", "to" as one-letter prefixes: والمنطقة الخضراء still names the Green Zone.
    spec = langs.find(lang)
    return after_ok and spec is not None and text[start - 1] in spec.proclitics and (
        start == 1 or not text[start - 2].isalnum())


def load_glossary(path: Path | None) -> Glossary:
    """Read glossary.yaml (`terms:` list of {lang: form or [forms]}, `keep:` list); absent → empty."""
    if path is None or not Path(path).exists():
        return Glossary()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise GlossaryError(f"{path}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise GlossaryError(f"{path}: expected a mapping with terms: and keep:")
    terms = []
    for n, entry in enumerate(data.get("terms") or [], 1):
        if not isinstance(entry, dict) or not entry:
            raise GlossaryError(f"{path}: terms[{n}]: expected a mapping of language → rendering")
        forms: dict[str, tuple[str, ...]] = {}
        for lang, value in entry.items():
            values = value if isinstance(value, list) else [value]
            if not values or not all(isinstance(v, str) and v.strip() for v in values):
                raise GlossaryError(f"{path}: terms[{n}].{lang}: expected text or a list of texts")
            forms[str(lang)] = tuple(normalize_text(v.strip(), str(lang)) for v in values)
        terms.append(GlossaryTerm(forms))
    keep = data.get("keep") or []
    if not isinstance(keep, list) or not all(isinstance(k, str) and k.strip() for k in keep):
        raise GlossaryError(f"{path}: keep: expected a list of words")
    return Glossary(tuple(terms), tuple(k.strip() for k in keep))


def glossary_from_dict(data: dict[str, Any]) -> Glossary:
    """A Glossary from already-parsed data (used by tests and callers with inline glossaries)."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as f:
        yaml.safe_dump(data, f, allow_unicode=True)
    try:
        return load_glossary(Path(f.name))
    finally:
        Path(f.name).unlink()


# --- masking -------------------------------------------------------------------------------------

def mask(text: str, src: str, tgt: str, glossary: Glossary | None = None) -> MaskedText:
    """Replace protected spans of one sentence with numbered placeholders `[n]`."""
    spans: list[tuple[int, int, str, str, str]] = []       # start, end, group, source, target
    glossary_spans = glossary.spans(text, src, tgt) if glossary else []
    for start, end, rendering in glossary_spans:
        spans.append((start, end, "glossary", text[start:end], rendering))
    for m in _TOKENS.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in glossary_spans):
            continue
        spans.append((m.start(), m.end(), m.lastgroup if m.lastgroup not in ("ticks", "target") else "code",
                      m[0], m[0]))
    spans.sort()
    spans = _pair(spans)
    first_letter = next((i for i, ch in enumerate(text) if ch.isalpha()), len(text))
    items: list[Protected] = []
    out: list[str] = []
    pos = 0
    for n, (start, end, kind, source, target, partner, fallback) in enumerate(spans, 1):
        out.append(text[pos:start])
        out.append(f"[{n}]")
        pos = end
        items.append(Protected(n, source, target, kind, partner, start < first_letter, fallback))
    out.append(text[pos:])
    return MaskedText("".join(out), tuple(items))


def _pair(spans):
    """Give emphasis markers and link brackets their partners; an unpaired one stays plain content."""
    entries = [{"start": s, "end": e, "group": g, "source": src, "target": tgt, "kind": "content",
                "partner": None, "fallback": ""} for s, e, g, src, tgt in spans]
    open_at: dict[str, int] = {}
    for n, entry in enumerate(entries):
        group = entry["group"]
        key = "link" if group in ("linkopen", "linkclose") else f"{group}:{entry['source']}"
        if group in ("strong", "em") and key not in open_at or group == "linkopen":
            open_at[key] = n
        elif group in ("strong", "em", "linkclose") and key in open_at:
            o = open_at.pop(key)
            entries[o].update(kind="open", partner=n + 1)
            entry.update(kind="close", partner=o + 1)
            if group == "linkclose":
                url = _link_url(entry["source"])
                entry["fallback"] = f"<{url}>" if url.startswith(("http://", "https://")) else ""
    return [(x["start"], x["end"], x["kind"], x["source"], x["target"], x["partner"], x["fallback"]) for x in entries]


def _link_url(close: str) -> str:
    inner = close[2:-1].strip()
    return inner.split()[0] if inner else ""


_TRAILING_PUNCT = re.compile(r"[\s.!?؟…۔:;,،؛»”’\"')\]]*$")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}>#|])")
_BULLET_AT_START = re.compile(r"^(\s*)([-+])(?=\s)")
_NUMBER_AT_START = re.compile(r"^(\s*\d+)([.)])(?=\s)")


def escape_markdown(text: str) -> str:
    """Model output is plain text: escape what Markdown would read as markup (code, emphasis,
    links, list markers, raw HTML), so only the protected spans carry structure."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    text = _BULLET_AT_START.sub(r"\1\\\2", text)
    return _NUMBER_AT_START.sub(r"\1\\\2", text)


def restore(translated: str, masked: MaskedText) -> str:
    """Put protected spans back into a translation of `masked.text`."""
    items = {item.id: item for item in masked.items}
    first_seen: dict[int, int] = {}
    for m in PLACEHOLDER_OUT.finditer(translated):
        n = int(m[1])
        if n in items and n not in first_seen:
            first_seen[n] = m.start()
    intact: set[int] = set()
    broken_fallbacks: list[str] = []
    for item in masked.items:
        if item.kind == "content":
            if item.id in first_seen:
                intact.add(item.id)
        elif item.kind == "open":
            close = items[item.partner]
            if item.id in first_seen and close.id in first_seen and first_seen[item.id] < first_seen[close.id]:
                intact |= {item.id, close.id}
            elif close.fallback:
                broken_fallbacks.append(close.fallback)

    # First pass: intact placeholders become private-use sentinels, everything else goes; the text is
    # tidied around them, then the sentinels become the protected text (which is never tidied).
    used: set[int] = set()

    def sentinel(m: re.Match) -> str:
        n = int(m[1])
        if n in intact and n not in used:
            used.add(n)
            return f"\ue000{n}\ue001"
        return "" if n in items else m[0]

    text = escape_markdown(PLACEHOLDER_OUT.sub(sentinel, translated))
    lost = [i for i in masked.items if i.kind == "content" and i.id not in intact]
    leading = " ".join(f"\ue000{i.id}\ue001" for i in lost if i.at_start)
    trailing = " ".join([f"\ue000{i.id}\ue001" for i in lost if not i.at_start] + broken_fallbacks)
    # Emphasis and link brackets hug their text, or Markdown stops reading them as markup; a pair
    # with nothing left between its halves goes.
    for item in masked.items:
        if item.id in intact and item.kind == "open":
            text = re.sub(f"\ue000{item.id}\ue001\\s*\ue000{item.partner}\ue001", "", text)
            text = re.sub(f"(\ue000{item.id}\ue001)\\s+", r"\1", text)
        elif item.id in intact and item.kind == "close":
            text = re.sub(f"\\s+(\ue000{item.id}\ue001)", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([.,!?؟،؛:;])", r"\1", text)
    if trailing:
        cut = _TRAILING_PUNCT.search(text).start()
        text = f"{text[:cut].rstrip()} {trailing}{text[cut:].lstrip()}" if text[:cut].strip() else f"{trailing}{text[cut:]}"
    if leading:
        text = f"{leading} {text.lstrip()}"
    text = re.sub("\ue000(\\d+)\ue001", lambda m: items[int(m[1])].target, text)
    return text.strip()


# --- quotation marks ----------------------------------------------------------------------------

_OPENERS = "“«„"
_CLOSERS = "”»"


def convert_quotes(text: str, lang: str) -> str:
    """Quotation marks in the target language's convention (its spec's `quotes`: “…”, «…»)."""
    spec = langs.find(lang)
    if spec is None:
        return text
    opening, closing = spec.quotes
    out = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            out.append(opening)
        elif ch in _CLOSERS:
            out.append(closing)
        elif ch == '"':
            before = text[i - 1] if i else " "
            out.append(opening if before.isspace() or before in "([{" + _OPENERS else closing)
        else:
            out.append(ch)
    return "".join(out)


def finish(translated: str, masked: MaskedText, tgt: str) -> str:
    """A model's output made ready for the page: quotes converted, protected spans put back."""
    return restore(convert_quotes(translated, tgt), masked)
