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
    for ch, n in Counter(text).items():          # each distinct character once: a text has few
        if not (ch.isalpha() or unicodedata.category(ch) == "Mn"):
            continue
        counts[next((s.code for s in scripts if s.contains(ch)), "other")] += n
    return counts


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, site: tuple[str, ...] | None = None) -> str:
    """The code of the language a text is written in, or LanguageUnclear saying why.

    The script comes from the share of its letters; between the registered languages of one
    script, the letters and common words each spec names as its evidence decide, by a clear margin
    (never a guess). `site` names the languages a site publishes in: a text no language clearly
    claims is still taken as the site's only language of its script when no other registered
    language of that script shows its own evidence in it (a site in English alone reads a terse
    English text as English, as it did before Kurmanji was registered); a site with two languages
    of the script gets an error instead.
    """
    profile = letter_profile(text)
    letters = sum(profile.values())
    if letters < MIN_LETTERS:
        raise LanguageUnclear(f"too little text to tell the language ({letters} letters); set lang in front matter")
    script = next((s for s in langs.SCRIPTS if profile[s.code] >= s.detection_share * letters), None)
    if script is None:
        counts = ", ".join(f"{profile[s.code]} {s.name}" for s in langs.SCRIPTS if profile[s.code])
        other = f", {profile['other']} other" if profile["other"] else ""
        raise LanguageUnclear(f"mixed scripts ({counts}{other} letters); set lang in front matter")
    in_script = [s for s in langs.registered() if s.script is script]
    if not in_script:
        raise LanguageUnclear(f"{script.name} script, which none of the languages hawal knows is written in; "
                              "set lang in front matter")
    if len(in_script) == 1:
        return in_script[0].code
    return _decide(text, in_script, script, site).code


def _shows_evidence(text: str, words: list[str], specs: list[LanguageSpec]) -> bool:
    """Does any of these languages reach its minimum score in the text, by letters or words?
    (Its other bars do not count here: a Kurmanji headline without a common word is still not
    English.)"""
    return any(s.evidence.score(text, words) >= s.evidence.min_score for s in specs)


def _decide(text: str, specs: list[LanguageSpec], script, site: tuple[str, ...] | None) -> LanguageSpec:
    with_words = any(s.evidence.words for s in specs)
    if with_words:
        # Composed letters (ê, not e + U+0302) for letter evidence and for word matching.
        text = unicodedata.normalize("NFC", text)
    words = _words(text) if with_words else None
    winner = _winner(text, words, specs)
    if winner is None:
        ours = [s for s in specs if site is not None and s.code in site]
        if len(ours) == 1 and not _shows_evidence(text, words or _words(text), [s for s in specs if s is not ours[0]]):
            return ours[0]
        raise LanguageUnclear(f"{script.name} script with {_evidence_found(text, words, specs)}; set lang in front matter")
    mixed = _other_language_sentences(text, specs, winner, with_words)
    if mixed:
        other, share = mixed
        raise LanguageUnclear(f"mixed text: {winner.english_name}, but {share:.0%} of its letters are in sentences "
                              f"that read as {other.english_name}; set lang in front matter")
    return winner


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _winner(text: str, words: list[str] | None, specs: list[LanguageSpec]) -> LanguageSpec | None:
    """The language whose evidence clears its own bars and beats every other by its margin."""
    scores = {s.code: s.evidence.score(text, words) for s in specs}
    for spec in specs:
        mine, evidence = scores[spec.code], spec.evidence
        if mine >= evidence.min_score and evidence.word_count(words) >= evidence.min_words and all(
                mine >= evidence.margin * scores[other.code] for other in specs if other is not spec):
            return spec
    return None


# A text is mixed when sentences that clearly read as another language hold this share of its letters
# (a quoted sentence or two in a long article is not enough).
MIXED_SHARE = 1 / 3
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟…])\s+|\n+")


def _other_language_sentences(text: str, specs: list[LanguageSpec], winner: LanguageSpec,
                              with_words: bool) -> tuple[LanguageSpec, float] | None:
    """The other language and its share of the letters, when a text's sentences read as two languages."""
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
    if len(sentences) < 2:
        return None
    total = sum(1 for ch in text if ch.isalpha()) or 1
    others: dict[str, int] = {}
    for sentence in sentences:
        found = _winner(sentence, _words(sentence) if with_words else None, specs)
        if found is not None and found is not winner:
            others[found.code] = others.get(found.code, 0) + sum(1 for ch in sentence if ch.isalpha())
    if not others:
        return None
    code, letters = max(others.items(), key=lambda item: item[1])
    share = letters / total
    return (next(s for s in specs if s.code == code), share) if share >= MIXED_SHARE else None


def _evidence_found(text: str, words: list[str] | None, specs: list[LanguageSpec]) -> str:
    """`2 Sorani-only letters and 0 Arabic-only letters`, `4 Kurmanji letters, 1 Kurmanji word and 3 English words`."""
    parts = []
    for s in specs:
        label = s.evidence.label or s.english_name + " letters"
        if s.evidence.letters:
            parts.append(f"{s.evidence.count(text)} {label}")
        if s.evidence.words:
            n = s.evidence.word_count(words)
            parts.append(f"{n} {s.english_name} word{'s' if n != 1 else ''}")
    return " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1] if parts else ""]))


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
