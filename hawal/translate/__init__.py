"""Translate stage: every article into every configured language, offline."""
from .stage import (ArticleVersion, Provenance, TranslationCounts, TranslationError, TranslationOutcome,
                    describe_missing, translate_articles)

__all__ = ["ArticleVersion", "Provenance", "TranslationCounts", "TranslationError", "TranslationOutcome",
           "describe_missing", "translate_articles"]
