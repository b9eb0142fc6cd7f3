"""hawal: a static-site generator for a trilingual daily news briefing (ckb, ar, en)."""

__version__ = "0.1.0"

SCRIPT_DIRECTION = {"ar": "rtl", "ckb": "rtl", "fa": "rtl", "en": "ltr", "kmr": "ltr"}


def text_direction(lang: str) -> str:
    """Return 'rtl' or 'ltr' for a language code."""
    return SCRIPT_DIRECTION.get(lang, "ltr")
