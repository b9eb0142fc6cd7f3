"""Translation units: one sentence (or the title) of one article in one target language, named by a
stable id that translators' tools carry through XLIFF and PO files.

    2026-11-23_dam-levels.ar.s3f0c9a1b2d47

The article (its date and slug), the target language, and "t" (title) or "s" (sentence) with a
digest of the original text: the same sentence gets the same id in every export, an edited
sentence gets a new one, and an id that does not fit its source text was edited by hand. Ids are
XML NMTOKENs (XLIFF 2 requires it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..digests import text_digest
from .memory import normalize_sentence

_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})_(.+)\.([A-Za-z][A-Za-z0-9-]*)\.([ts])([0-9a-f]{12})$")


@dataclass(frozen=True)
class UnitId:
    article_key: str         # "2026-11-23/dam-levels" (Article.key)
    lang: str                # the target language
    title: bool
    digest: str

    def __str__(self) -> str:
        day, slug = self.article_key.split("/", 1)
        return f"{day}_{slug}.{self.lang}.{'t' if self.title else 's'}{self.digest}"

    def fits(self, source: str) -> bool:
        """Whether `source` is the text this id was made for."""
        return source_digest(self.article_key, self.lang, self.title, source) == self.digest


def source_digest(article_key: str, lang: str, title: bool, source: str) -> str:
    return text_digest(article_key, lang, "title" if title else "sentence", normalize_sentence(source))[:12]


def unit_id(article_key: str, lang: str, title: bool, source: str) -> UnitId:
    return UnitId(article_key, lang, title, source_digest(article_key, lang, title, source))


def parse_unit_id(text: str) -> UnitId | None:
    """The parts of a unit id, or None when `text` is not one."""
    m = _ID.match(text.strip())
    if m is None:
        return None
    return UnitId(f"{m[1]}/{m[2]}", m[3], m[4] == "t", m[5])
