"""Language detection from the letters themselves, orthography normalization and search folding,
driven by the registered languages' specs (hawal/langs/)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from . import langs
from .langs import ZWNJ, LanguageSpec

MIN_LETTERS = 12


class LanguageUnclear(ValueError):
    """The letters of a text do not clearly point to one language."""


def letter_profile(text: str) -> Counter:
    """Count a text's letters (and combining marks) by script code ("Arab", "Latn", … "other")."""
    counts: Counter = Counter()
    scripts = langs.SCRIPTS
    for ch in text:
        if not (ch.isalpha() or unicodedata.category(ch) == "Mn"):
            continue
        counts[next((s.code for s in scripts if s.contains(ch)), "other")] += 1
    return counts


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, among: tuple[str, ...] | None = None) -> str:
    """The code of the language a text is written in, or LanguageUnclear saying why.

    The script comes from the share of its letters; between languages of one script, the letters
    and common words each spec names as its evidence decide, by a clear margin (never a guess).
    `among` limits the candidates (a site's languages); by default every registered language.
    """
    profile = letter_profile(text)
    letters = sum(profile.values())
    if letters < MIN_LETTERS:
        raise LanguageUnclear(f"too little text to tell the language ({letters} letters); set lang in front matter")
    candidates = [s for s in langs.registered() if among is None or s.code in among]
    script = next((s for s in langs.SCRIPTS if profile[s.code] >= s.detection_share * letters), None)
    if script is None:
        counts = ", ".join(f"{profile[s.code]} {s.name}" for s in langs.SCRIPTS if profile[s.code])
        other = f", {profile['other']} other" if profile["other"] else ""
        raise LanguageUnclear(f"mixed scripts ({counts}{other} letters); set lang in front matter")
    in_script = [s for s in candidates if s.script is script]
    if not in_script:
        raise LanguageUnclear(f"{script.name} script, which none of the languages "
                              f"{'of this site' if among is not None else 'hawal knows'} is written in; "
                              "set lang in front matter")
    if len(in_script) == 1:
        return in_script[0].code
    return _decide(text, in_script, script).code


def _decide(text: str, specs: list[LanguageSpec], script) -> LanguageSpec:
    words = [w.casefold() for w in _WORD.findall(text)] if any(s.evidence.words for s in specs) else None
    scores = {s.code: s.evidence.score(text, words) for s in specs}
    for spec in specs:
        mine = scores[spec.code]
        if mine >= spec.evidence.min_score and all(
                mine >= spec.evidence.margin * scores[other.code] for other in specs if other is not spec):
            return spec
    found = " and ".join(f"{s.evidence.count(text)} {s.evidence.label or s.english_name + ' letters'}" for s in specs)
    raise LanguageUnclear(f"{script.name} script with {found}; set lang in front matter")


def normalize_text(text: str, lang: str) -> str:
    """Normalize a text's orthography: Unicode NFC, then the language's own spelling fixes
    (Sorani typed on an Arabic keyboard becomes standard Sorani; Arabic keeps its own letters)."""
    spec = langs.find(lang)
    return spec.normalize(text) if spec else unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4)
def _fold_table(specs: tuple[LanguageSpec, ...]) -> dict[int, str | None]:
    return str.maketrans(_search_folds(specs))


def search_folds() -> dict[str, str | None]:
    """Every registered script's and language's search folds, in one table (a query's language is
    not known, so one fold serves all; static/search.js holds the same table)."""
    return _search_folds(langs.registered())


def _search_folds(specs: tuple[LanguageSpec, ...]) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for spec in specs:
        for source in (spec.script.search_folds, spec.search_folds):
            for ch, to in source.items():
                if table.get(ch, to) != to:
                    raise ValueError(f"search folds disagree on {ch!r}: {table[ch]!r} and {to!r} ({spec.code})")
                table[ch] = to
    return table


def fold_for_search(text: str) -> str:
    """Fold keyboard variants, diacritics, tatweel and digit systems to one form for matching."""
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text).translate(_fold_table(langs.registered())).casefold()


__all__ = ["LanguageUnclear", "MIN_LETTERS", "ZWNJ", "detect_language", "fold_for_search", "letter_profile",
           "normalize_text", "search_folds"]
