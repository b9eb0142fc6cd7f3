"""Language detection from the letters themselves, and Sorani orthography normalization."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Letters that Sorani uses and Arabic does not.
SORANI_LETTERS = set("ەێۆڕڵڤۊ")
# Letters (and marks) that belong to Arabic orthography and not to standard Sorani.
ARABIC_ONLY_LETTERS = set("ةيكىأإؤًٌٍ")
# Shared letters typed from an Arabic keyboard in Sorani text; weak evidence for Arabic.
ARABIC_KEYBOARD_LETTERS = set("يك")
ZWNJ = "\u200c"
TATWEEL = "\u0640"
MIN_LETTERS = 12


class LanguageUnclear(ValueError):
    """The letters of a text do not clearly point to one language."""


def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def letter_profile(text: str) -> Counter:
    """Count Latin, Arabic-script, Sorani-only and Arabic-only letters of a text."""
    counts: Counter = Counter()
    for ch in text:
        if ch == ZWNJ:
            counts["zwnj"] += 1
            continue
        if not (ch.isalpha() or unicodedata.category(ch) == "Mn"):
            continue
        if _is_arabic_script(ch):
            counts["arabic_script"] += 1
            if ch in SORANI_LETTERS:
                counts["sorani"] += 1
            elif ch in ARABIC_KEYBOARD_LETTERS:
                counts["keyboard"] += 1
            elif ch in ARABIC_ONLY_LETTERS:
                counts["arabic"] += 1
        elif ch.isascii() or "LATIN" in unicodedata.name(ch, ""):
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts


def detect_language(text: str) -> str:
    """Return 'en', 'ar' or 'ckb' for a text, or raise LanguageUnclear saying why."""
    c = letter_profile(text)
    letters = c["latin"] + c["arabic_script"] + c["other"]
    if letters < MIN_LETTERS:
        raise LanguageUnclear(f"too little text to tell the language ({letters} letters); set lang in front matter")
    if c["latin"] >= 0.8 * letters:
        return "en"
    if c["arabic_script"] < 0.6 * letters:
        raise LanguageUnclear(
            f"mixed scripts ({c['latin']} Latin, {c['arabic_script']} Arabic-script letters); set lang in front matter"
        )
    sorani = c["sorani"] + c["zwnj"] * 0.5
    arabic = c["arabic"] + c["keyboard"] * 0.25
    if sorani >= 2 and sorani >= 2 * arabic:
        return "ckb"
    if arabic >= 2 and arabic >= 3 * sorani:
        return "ar"
    raise LanguageUnclear(
        f"Arabic script with {c['sorani']} Sorani-only and {c['arabic']} Arabic-only letters; set lang in front matter"
    )


_HEH_ZWNJ = re.compile("ه\u200c")
_SORANI_MAP = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", TATWEEL: None, "ھ": "ه"})


def normalize_text(text: str, lang: str) -> str:
    """Normalize a text's orthography: Sorani typed on an Arabic keyboard becomes standard Sorani.

    Arabic and English are only put in Unicode NFC; Arabic keeps its own letters.
    """
    text = unicodedata.normalize("NFC", text)
    if lang != "ckb":
        return text
    text = _HEH_ZWNJ.sub("ە", text)
    return text.translate(_SORANI_MAP)


_SEARCH_FOLD = str.maketrans(
    {
        "ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه", "ھ": "ه", "ة": "ه", TATWEEL: None, ZWNJ: None,
        "أ": "ا", "إ": "ا", "آ": "ا",
        # Sorani letters an Arabic keyboard lacks: readers type the bare letter instead.
        "ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def fold_for_search(text: str) -> str:
    """Fold keyboard variants, diacritics, tatweel and digit systems to one form for matching."""
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", text).translate(_SEARCH_FOLD).casefold()
