"""Translate stage: every article into every configured language, offline."""
from .stage import ArticleVersion, Provenance, TranslationCounts, TranslationOutcome, translate_articles

__all__ = ["ArticleVersion", "Provenance", "TranslationCounts", "TranslationOutcome", "translate_articles"]
