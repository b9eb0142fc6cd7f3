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
    ranks = _paragraph_ranks(segmented.blocks)
    if segmented.sentences and ranks:
        block = segmented.sentences[min(statement.sentence, len(segmented.sentences) - 1)].block
        rank = ranks.get(block, len(ranks))
        score += 0.2 * max(0.0, 1.0 - rank / 4)          # the first paragraphs carry the news
    if statement.channel:
        score += 0.05
    words = len(statement.text.split())
    if words < 5:
        score -= 0.1
    score += 0.1 * statement.confidence
    return round(min(1.0, max(0.0, score)), 3)


_last_ranks: tuple = ((), {})


def _paragraph_ranks(blocks) -> dict[int, int]:
    """Block index → its rank among the article's paragraphs; made once per article, not once per
    statement (an article of a thousand short paragraphs made that quadratic)."""
    global _last_ranks
    if _last_ranks[0] is not blocks:
        _last_ranks = (blocks, {b.index: n for n, b in enumerate(b for b in blocks if b.translatable)})
    return _last_ranks[1]
