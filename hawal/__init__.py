"""hawal: a static-site generator for a multilingual daily news briefing (languages: hawal/langs/)."""

__version__ = "0.1.0"


def text_direction(lang: str) -> str:
    """Return 'rtl' or 'ltr' for a language code (from its spec in hawal/langs/)."""
    from .langs import direction

    return direction(lang)
