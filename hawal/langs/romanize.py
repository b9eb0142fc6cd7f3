"""Latin letters for names written in another script: file names and URL slugs for headlines.

Each language gives a letter table (`LanguageSpec.romanization`); what its table lacks is folded
to ASCII (ê → e). Arabic-script languages write و and ی both as consonants (w, y) and as long
vowels (u, i): between a consonant and a non-vowel they are read as vowels. This is a
transliteration for file names, not a scholarly romanization: short vowels unwritten in Arabic
stay unwritten (محافظة كركوك → mhafza-krkuk).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Mapping

# Letters that, written in the table's output, count as vowels for the و/ی rule.
_LATIN_VOWELS = set("aeiouêîûéáóú")


def romanize(text: str, table: Mapping[str, str], glides: Mapping[str, tuple[str, str]] = {}) -> str:
    """`text` in Latin letters: multi-letter keys of `table` first (longest first), glide letters
    (`{"و": ("w", "u")}`) as consonant or vowel by their neighbours, the rest folded to ASCII."""
    keys = sorted((k for k in table if len(k) > 1), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        multi = next((k for k in keys if text.startswith(k, i)), None)
        if multi:
            out.append(table[multi])
            i += len(multi)
            continue
        if ch in glides:
            consonant, vowel = glides[ch]
            before = "".join(out)[-1:].lower()
            after = text[i + 1: i + 2]
            after_latin = table.get(after, "")[:1].lower() if after and after not in glides else ""
            after_is_letter = bool(after) and (after.isalpha())
            after_vowel = after_latin in _LATIN_VOWELS
            before_consonant = before.isalpha() and before not in _LATIN_VOWELS
            # A vowel after a consonant unless a vowel follows; word-final after a consonant too.
            out.append(vowel if before_consonant and not after_vowel else consonant
                       if after_is_letter or not before_consonant else vowel)
            i += 1
            continue
        out.append(table.get(ch) if ch in table else str(unicodedata.digit(ch)) if ch.isdigit() else ch)
        i += 1
    return fold_to_ascii("".join(out))


def fold_to_ascii(text: str) -> str:
    """Latin letters without their marks (ê → e, ş → s); anything not ASCII is dropped."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ß", "ss"))
    return "".join(ch for ch in decomposed if ord(ch) < 128)


def latin_slug(text: str, table: Mapping[str, str] = {}, glides: Mapping[str, tuple[str, str]] = {},
               limit: int = 80) -> str:
    """A URL slug in ASCII Latin letters and digits, words joined by hyphens ("" when none)."""
    latin = romanize(unicodedata.normalize("NFC", text), table, glides).lower()
    words = re.findall(r"[a-z0-9]+", latin)
    slug = "-".join(words)[:limit]
    return slug.rsplit("-", 1)[0] if len(slug) == limit and "-" in slug else slug.strip("-")
