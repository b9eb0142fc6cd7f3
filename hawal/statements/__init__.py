"""Key statements: who said what, quoted or reported, in Sorani Kurdish, Arabic and English.

The extractor and scorer import spaCy, so they load on first use: a build whose statements all
come from the cache never imports it.
"""
from .model import Statement

__all__ = ["Statement", "extract_statements", "newsworthiness"]


def __getattr__(name: str):
    if name == "extract_statements":
        from .extract import extract_statements
        return extract_statements
    if name == "newsworthiness":
        from .score import newsworthiness
        return newsworthiness
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
