"""What the statement extractor finds, kept apart from it so that loading cached statements does
not import spaCy."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    kind: str               # "direct" | "reported"
    speaker: str            # as written in the article
    canonical_speaker: str  # one canonical name per person/body within an article
    cue: str                # the cue word/phrase ("said", "قال", "ڕایگەیاند", "according to")
    channel: str | None     # "in a statement", "في بيان", ...
    text: str               # the statement text (quote content or reported clause)
    start: int              # character offsets into Article.body
    end: int
    sentence: int           # index of the first sentence (SegmentedArticle.sentences)
    last_sentence: int      # index of the last sentence it spans
    confidence: float
