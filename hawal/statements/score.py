"""Newsworthiness: a ranking score for statements in a daily briefing."""
from __future__ import annotations

from ..segment import SegmentedArticle
from .extract import Statement, _mention_kind

_VAGUE = {"en": ("source", "sources", "resident", "residents", "farmer", "farmers", "shopkeeper", "driver"),
          "ar": ("مصدر", "مصادر", "تجار", "مواطن", "أحد"),
          "ckb": ("سەرچاوە", "جووتیار", "شۆفێر", "هاووڵاتی")}


def newsworthiness(statement: Statement, segmented: SegmentedArticle) -> float:
    """Score in [0, 1]: official bodies and named people, direct quotes and lead paragraphs rank higher."""
    lang = segmented.article.lang
    score = 0.2
    kind = _mention_kind(lang if lang in ("en", "ar", "ckb") else "en", statement.canonical_speaker)
    vague = any(w in statement.canonical_speaker.lower() for w in _VAGUE.get(lang, ()))
    if kind in ("person", "body") and not vague:
        score += 0.25
    elif not vague:
        score += 0.1
    if statement.kind == "direct":
        score += 0.2
    blocks = [b.index for b in segmented.blocks if b.translatable]
    if segmented.sentences and blocks:
        block = segmented.sentences[min(statement.sentence, len(segmented.sentences) - 1)].block
        rank = blocks.index(block) if block in blocks else len(blocks)
        score += 0.2 * max(0.0, 1.0 - rank / 4)          # the first paragraphs carry the news
    if statement.channel:
        score += 0.05
    words = len(statement.text.split())
    if words < 5:
        score -= 0.1
    score += 0.1 * statement.confidence
    return round(min(1.0, max(0.0, score)), 3)
