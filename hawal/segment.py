"""Segment stage: Markdown bodies into blocks and sentences, with character offsets.

Sentences are the unit that translation and statement extraction work on. Offsets point into
`Article.body`, so a translated body is the original with each sentence span replaced, which
keeps Markdown structure (headings, lists, quotes, code) intact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from .digests import text_digest
from .sources import Article

if TYPE_CHECKING:
    from spacy.language import Language

SENTENCE_END = [".", "!", "?", "؟", "…", "۔", "!", "?", "。"]
_PUNCT_AFTER_QUOTE = r"(?<=[»”’\"])[.!?؟،,؛:]"

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LEADING_QUOTE_MARKERS = re.compile(r"^\s*(?:>\s?)*\s*")
_LINE_PREFIX = re.compile(r"\n\s{0,3}(?:>\s?)*")


@dataclass(frozen=True)
class Block:
    """A Markdown block: paragraph, heading, list_item, quote, code, html or table."""

    index: int
    kind: str
    start: int          # offset of the block's text (after any Markdown prefix) in the body
    end: int
    level: int = 0      # heading level

    @property
    def translatable(self) -> bool:
        return self.kind in {"paragraph", "heading", "list_item", "quote"}


@dataclass(frozen=True)
class Sentence:
    index: int
    block: int
    start: int          # offsets into Article.body
    end: int
    text: str           # the sentence with line breaks and quote prefixes folded to spaces


@dataclass(frozen=True)
class SegmentedArticle:
    article: Article
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]

    @property
    def title_text(self) -> str:
        return self.article.title

    def sentences_of(self, block: Block) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.block == block.index)


def split_blocks(body: str) -> list[Block]:
    """Split a Markdown body into blocks, remembering where each block's text lies."""
    blocks: list[Block] = []
    lines = body.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        start = offsets[i]
        fence = _FENCE.match(line)
        if fence:
            j = i + 1
            while j < len(lines) and not lines[j].lstrip().startswith(fence[1]):
                j += 1
            end_line = min(j, len(lines) - 1)
            blocks.append(Block(len(blocks), "code", start, offsets[end_line] + len(lines[end_line])))
            i = j + 1
            continue
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Block(len(blocks), "heading", start + heading.end(), start + len(line.rstrip()), len(heading[1])))
            i += 1
            continue
        kind, prefix = "paragraph", None
        if (m := _LIST_ITEM.match(line)):
            kind, prefix = "list_item", m
        elif (m := _QUOTE.match(line)):
            kind, prefix = "quote", m
        elif line.lstrip().startswith("<"):
            kind = "html"
        elif line.lstrip().startswith("|"):
            kind = "table"
        j = i + 1
        while j < len(lines) and lines[j].strip():
            nxt = lines[j]
            if _HEADING.match(nxt) or _FENCE.match(nxt):
                break
            if kind == "list_item" and _LIST_ITEM.match(nxt):
                break
            if kind != "quote" and kind != "list_item" and _LIST_ITEM.match(nxt):
                break
            j += 1
        last = j - 1
        text_start = start + (prefix.end() if prefix else len(line) - len(line.lstrip()))
        blocks.append(Block(len(blocks), kind, text_start, offsets[last] + len(lines[last].rstrip())))
        i = j
    return blocks


@lru_cache(maxsize=None)
def sentence_pipeline(lang: str) -> "Language":
    """A blank spaCy pipeline (hawal.langs.nlp: the language's spec) with a sentencizer tuned for
    its punctuation and for quotation marks."""
    from .langs.nlp import blank_pipeline   # here, not at the top: a fully cached build never needs spaCy

    nlp = blank_pipeline(lang, [_PUNCT_AFTER_QUOTE, r"[»”’]"])
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_END})
    return nlp


def fold_sentence_text(raw: str) -> str:
    """Fold line breaks (and blockquote markers on continuation lines) into single spaces."""
    if "\n" in raw:
        raw = _LINE_PREFIX.sub(" ", raw)
    return " ".join(raw.split())        # runs of white space as one space, none at the ends


def segment_article(article: Article) -> SegmentedArticle:
    return segment_articles([article])[0]


def body_digest(article: Article) -> str:
    """Identity of an article's text for caches: language and body."""
    return text_digest(article.lang, article.body)


def segment_articles(articles: Sequence[Article], batch_size: int = 256,
                     cache: dict | None = None) -> list[SegmentedArticle]:
    """Split every article into blocks and sentences, batching spaCy work per language.

    `cache` maps body digests to earlier (blocks, sentences); it is updated in place.
    """
    cache = cache if cache is not None else {}
    digests = [body_digest(a) for a in articles]
    todo = [n for n, d in enumerate(digests) if d not in cache]
    for n, (blocks, sentences) in zip(todo, _segment([articles[n] for n in todo], batch_size)):
        cache[digests[n]] = (blocks, sentences)
    return [SegmentedArticle(a, *cache[d]) for a, d in zip(articles, digests)]


def _segment(articles: Sequence[Article], batch_size: int) -> list[tuple[tuple[Block, ...], tuple[Sentence, ...]]]:
    blocks_of = [split_blocks(a.body) for a in articles]
    sentences_of: list[list[Sentence]] = [[] for _ in articles]
    by_lang: dict[str, list[tuple[int, Block]]] = {}
    for n, (article, blocks) in enumerate(zip(articles, blocks_of)):
        for block in blocks:
            if block.translatable:
                by_lang.setdefault(article.lang, []).append((n, block))
    for lang, items in by_lang.items():
        nlp = sentence_pipeline(lang)
        texts = (articles[n].body[b.start:b.end] for n, b in items)
        for (n, block), doc in zip(items, nlp.pipe(texts, batch_size=batch_size)):
            body = articles[n].body
            for sent in _merge_orphans(doc.sents):
                s_start, s_end = sent
                raw = body[block.start + s_start: block.start + s_end]
                lead = len(raw) - len(_LEADING_QUOTE_MARKERS.sub("", raw, count=1))
                trail = len(raw) - len(raw.rstrip())
                start, end = block.start + s_start + lead, block.start + s_end - trail
                if end <= start:
                    continue
                sentences_of[n].append(Sentence(len(sentences_of[n]), block.index, start, end, fold_sentence_text(body[start:end])))
    return [(tuple(b), tuple(s)) for b, s in zip(blocks_of, sentences_of)]


OPENING_QUOTES = {"“", "«", "‘", "„", "‹"}


def _merge_orphans(sents: Iterable) -> list[tuple[int, int]]:
    """Sentence char spans, mended where the sentencizer errs on quotation marks.

    An opening quote left at the end of a sentence moves to the next one; a 'sentence' of only
    punctuation (a stray closing quote) joins the one before.
    """
    spans: list[tuple[int, int]] = []
    carry: int | None = None
    text = None          # Doc.text joins every token: read it once, not once per sentence
    for sent in sents:
        tokens = list(sent)
        if text is None and tokens:
            text = tokens[0].doc.text
        start, end = sent.start_char, sent.end_char
        if carry is not None:
            start, carry = carry, None
        k = len(tokens)
        while k > 1 and (tokens[k - 1].text in OPENING_QUOTES or tokens[k - 1].is_space or (
                tokens[k - 1].text in ('"', "'") and tokens[k - 1].idx > 0 and text[tokens[k - 1].idx - 1].isspace())):
            k -= 1
        if k < len(tokens) and any(not t.is_space for t in tokens[k:]):
            carry = tokens[k].idx
            end = tokens[k - 1].idx + len(tokens[k - 1].text)
        if spans and all(t.is_punct or t.is_space for t in tokens[:k]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def apply_sentence_translations(body: str, sentences: Sequence[Sentence], replacements: Sequence[str]) -> str:
    """Rebuild a body with each sentence span replaced by its counterpart, structure kept."""
    out = body
    for sentence, text in sorted(zip(sentences, replacements), key=lambda p: p[0].start, reverse=True):
        out = out[: sentence.start] + text + out[sentence.end:]
    return out
