"""Newsworthiness: a ranking score for statements in a daily briefing."""
from __future__ import annotations

from ..segment import SegmentedArticle
from .model import Statement
from .rules import rules_for


def newsworthiness(statement: Statement, segmented: SegmentedArticle) -> float:
    """Score in [0, 1]: official bodies and named people, direct quotes and lead paragraphs rank higher."""
    rules = rules_for(segmented.article.lang)
    score = 0.2
    kind = rules.mention_kind(statement.canonical_speaker)
    vague = any(w in statement.canonical_speaker.lower() for w in rules.vague_speakers)
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
