"""Key statements: who said what, quoted or reported, in Sorani Kurdish, Arabic and English."""
from .extract import Statement, extract_statements
from .score import newsworthiness

__all__ = ["Statement", "extract_statements", "newsworthiness"]
