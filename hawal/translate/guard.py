"""The guard on machine output: every machine-translated sentence and title is checked before a
reader sees it, and one that fails is shown in the original language with a notice instead.

NLLB-class models fail in a few recognisable ways: they loop ("the council said the council said
the council said …"), run on far past the source or stop early, copy the source untranslated,
answer in another script, or drop, change or invent numbers. Each check below catches one of them;
the thresholds and why they are what they are live here and nowhere else. The language facts the
checks need (a script's letters and the share of letters that makes a text "in" it, the digit
systems) come from the language registry (`hawal.langs`).

The checks judge the finished sentence against the source sentence, as a reader would compare
them. Spans the translation never touches (URLs, code, glossary "keep" words: the masker's
protected items) are taken out of both first, so a sentence that is mostly a link is judged on
its words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .. import langs

# --- thresholds, with their reasons ----------------------------------------------------------------

# Length: letters of the translation ÷ letters of the source. Between Arabic, Sorani and English a
# faithful sentence stays well within ±50% (Arabic drops short vowels, Sorani writes them; English
# needs more letters per word than either). A loop runs to 3–10× the source and a truncated answer
# keeps a fraction of it, so the band is wide: it catches those and nothing a translator would write.
MIN_LENGTH_RATIO = 0.4
MAX_LENGTH_RATIO = 2.5
# Below this many source letters the ratio says little ("Budget talks" → "محادثات الموازنة" is 2.1×).
MIN_LETTERS_FOR_LENGTH = 20

# Loops: a run of 1 to LOOP_MAX_NGRAM words repeated LOOP_REPEATS times in a row, more often than the
# source does it. Three in a row is how a decoder loop looks; news prose almost never says a phrase
# three times running (and when the source does, the translation may too).
LOOP_MAX_NGRAM = 4
LOOP_REPEATS = 3
# The same loop without spaces (a script without word breaks, or a sub-word loop "هههههه"): a group of
# 1 to CHAR_LOOP_MAX letters repeated CHAR_LOOP_REPEATS times in a row. No word of these languages
# repeats a letter group five times (Arabic and Sorani double a letter at most).
CHAR_LOOP_MAX = 3
CHAR_LOOP_REPEATS = 5
# Repeated word n-grams anywhere in the sentence (a loop interrupted by a word or two): a word
# trigram that occurs NGRAM_REPEATS times or more and more often than in the source.
NGRAM = 3
NGRAM_REPEATS = 3

# Copy: the model gave the source back. Identical text (once protected spans, punctuation and case
# are set aside) fails whenever the two languages differ. For languages that share a script (Arabic
# and Sorani), names and loan words are shared too, so only a translation whose words are nearly all
# the source's — COPY_SHARE of at least COPY_MIN_WORDS words — counts as copied.
COPY_SHARE = 0.8
COPY_MIN_WORDS = 4

# Script: the share of the translation's letters that must be in the target language's script is the
# one language detection uses (`Script.detection_share`: 0.6 for Arabic, 0.8 for Latin), so a text the
# guard accepts is one detection would place in the right script. Too few letters to judge: skipped.
MIN_LETTERS_FOR_SCRIPT = 8


@dataclass(frozen=True)
class GuardFailure:
    """Why a machine sentence is not shown: the check that failed and what it saw."""

    check: str          # "empty" | "length" | "loop" | "numbers" | "script" | "copy"
    detail: str         # for editors: "2.9× the source's length (at most 2.5×)"

    def __str__(self) -> str:
        return f"{self.check}: {self.detail}"


CHECKS = ("empty", "length", "loop", "numbers", "script", "copy")


# --- numbers ------------------------------------------------------------------------------------

def _digit_table() -> dict[int, str]:
    """Every registered digit system's digits → Western digits."""
    table: dict[int, str] = {}
    for digits in langs.DIGIT_SYSTEMS.values():
        for value, ch in enumerate(digits):
            table[ord(ch)] = str(value)
    return table


_DIGITS = _digit_table()
_DIGIT_CLASS = "".join(sorted({re.escape(d) for digits in langs.DIGIT_SYSTEMS.values() for d in digits}))
# A number: digits, with group or decimal separators between them (Western , . and Arabic ٬ ٫).
_NUMBER = re.compile(f"[{_DIGIT_CLASS}]+(?:[.,٫٬'’][{_DIGIT_CLASS}]+)*")


def numbers_in(text: str) -> Counter:
    """The numbers of a text as digit strings in Western digits, separators left out: "1,250",
    "١٬٢٥٠" and "1250" are all "1250"; "3.5" and "٣٫٥" are "35". Counted, so a dropped repeat shows."""
    return Counter(re.sub(r"\D", "", m[0].translate(_DIGITS)) for m in _NUMBER.finditer(text))


# --- words and letters ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _letters(text: str) -> Counter:
    """The letters of a text, counted (counting every character and keeping the letters is the
    fastest way in Python)."""
    return Counter({ch: n for ch, n in Counter(text).items() if ch.isalpha()})


def _without(text: str, spans: Iterable[str]) -> str:
    for span in sorted({s for s in spans if s}, key=len, reverse=True):
        text = text.replace(span, " ")
    return text


# A run of 1..LOOP_MAX_NGRAM words (each followed by one space) repeated LOOP_REPEATS times in a row.
_TANDEM = re.compile(rf"(?:^| )((?:[^ ]+ ){{1,{LOOP_MAX_NGRAM}}}?)\1{{{LOOP_REPEATS - 1}}}")


def _tandem_repeat(words: list[str]) -> str | None:
    """The first run of 1..LOOP_MAX_NGRAM words repeated LOOP_REPEATS times in a row, if any."""
    m = _TANDEM.search(" ".join(words) + " ")
    return m[1].strip() if m else None


_CHAR_LOOP = re.compile(rf"([^\W\d_]{{1,{CHAR_LOOP_MAX}}}?)\1{{{CHAR_LOOP_REPEATS - 1},}}")


def _ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


# --- the guard ------------------------------------------------------------------------------------

def check_translation(source: str, translation: str, source_lang: str, target_lang: str,
                      protected: Iterable[str] = ()) -> GuardFailure | None:
    """None when a machine translation may be shown; else the first check it fails.

    `protected`: spans the translation keeps unchanged (URLs, code, kept words), left out of the
    letter-based checks on both sides."""
    protected = tuple(protected)
    src = _without(source, protected)
    out = _without(translation, protected)
    src_letters, out_letters = _letters(src), _letters(out)
    src_total, out_total = src_letters.total(), out_letters.total()
    if src_total and not out_total:
        return GuardFailure("empty", "no words left in the translation")

    # Loops first: a looping answer also fails the length check, but "loop" says what happened.
    src_words, out_words = _words(src), _words(out)
    looped = _tandem_repeat(out_words)
    if looped is not None and _tandem_repeat(src_words) is None:
        return GuardFailure("loop", f"“{looped}” {LOOP_REPEATS} times in a row")
    src_ngrams, out_ngrams = _ngrams(src_words, NGRAM), _ngrams(out_words, NGRAM)
    for gram, count in out_ngrams.most_common(1):
        if count >= NGRAM_REPEATS and count > src_ngrams.get(gram, 0):
            return GuardFailure("loop", f"“{' '.join(gram)}” {count} times (the source: {src_ngrams.get(gram, 0)})")
    char_loop = _CHAR_LOOP.search(out)
    if char_loop is not None and _CHAR_LOOP.search(src) is None:
        return GuardFailure("loop", f"“{char_loop[1]}” repeated in “{char_loop[0][:24]}”")

    if src_total >= MIN_LETTERS_FOR_LENGTH:
        ratio = out_total / src_total
        if ratio > MAX_LENGTH_RATIO:
            return GuardFailure("length", f"{ratio:.1f}× the source's length (at most {MAX_LENGTH_RATIO}×)")
        if ratio < MIN_LENGTH_RATIO:
            return GuardFailure("length", f"{ratio:.2f}× the source's length (at least {MIN_LENGTH_RATIO}×)")

    src_numbers, out_numbers = numbers_in(source), numbers_in(translation)
    if src_numbers != out_numbers:
        lost = sorted((src_numbers - out_numbers).elements())
        added = sorted((out_numbers - src_numbers).elements())
        parts = ([f"lost {', '.join(lost)}"] if lost else []) + ([f"added {', '.join(added)}"] if added else [])
        return GuardFailure("numbers", "; ".join(parts))

    spec = langs.find(target_lang)
    if spec is not None and out_total >= MIN_LETTERS_FOR_SCRIPT:
        script = spec.script
        share = sum(n for ch, n in out_letters.items() if script.contains(ch)) / out_total
        if share < script.detection_share:
            return GuardFailure("script", f"{share:.0%} of its letters are {script.name} "
                                          f"(at least {script.detection_share:.0%} for {spec.english_name})")

    if source_lang != target_lang and out_words:
        if out_words == src_words:
            return GuardFailure("copy", "the source, untranslated")
        src_set = set(src_words)
        shared = sum(1 for w in out_words if w in src_set)
        if len(out_words) >= COPY_MIN_WORDS and shared / len(out_words) >= COPY_SHARE:
            return GuardFailure("copy", f"{shared} of its {len(out_words)} words are the source's")
    return None
