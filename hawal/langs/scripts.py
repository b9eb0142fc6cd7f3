"""Writing systems of the registered languages, and the digit systems pages can write numbers in."""
from __future__ import annotations

import unicodedata

from .spec import Script, Typography, frozen_map

ZWNJ = "\u200c"
TATWEEL = "\u0640"

# Digit systems by their CLDR name: the ten digits, zero first. Western, Arabic-Indic (Arabic, and
# Sorani as printed in Iraq) and Extended Arabic-Indic (Persian digits, as many Kurdish keyboards type).
DIGIT_SYSTEMS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5"     # Arabic-script letters, no marks or digits


def _is_arabic_script(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def _is_latin_script(ch: str) -> bool:
    return ch.isascii() or "LATIN" in unicodedata.name(ch, "")


ARABIC = Script(
    code="Arab", name="Arabic", direction="rtl", contains=_is_arabic_script, detection_share=0.6,
    typography=Typography(
        text_font=("Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Tahoma", "serif"),
        ui_font=("Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Tahoma", "serif"),
        leading="1.85", leading_tight="1.5",
        # Naskh letters are small for their nominal size next to Latin text.
        size_adjust="116%",
    ),
    joined=True,
    # Harakat and tanween directly before a period keep spaCy from splitting it off (غداً.).
    tokenizer_suffixes=(r"(?<=[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed])[.!?؟]",),
    # Copy typed with no space after a comma or a full stop (صديق،الاحد،رفض, بالانتخابات.وقال, ”.وأضاف):
    # the mark still ends the word. A stop after one or two letters is an abbreviation (د.محمد).
    tokenizer_prefixes=(rf"\.(?=[{_LETTERS}])",),
    tokenizer_infixes=(rf"(?<=[{_LETTERS}])[،؛](?=[{_LETTERS}])",),
    # spaCy splits letter.letter itself, unless the word reads as a URL: Arabic words never do.
    never_url=rf"(?:[{_LETTERS}،؛«»“”\"]|(?<=[{_LETTERS}«»“”\"]{{3}})\.)+",
    # Tatweel, ZWNJ and the Arabic-Indic and Persian digits fold away in every Arabic-script text.
    search_folds=frozen_map({
        TATWEEL: None, ZWNJ: None,
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }),
)

LATIN = Script(
    code="Latn", name="Latin", direction="ltr", contains=_is_latin_script, detection_share=0.8,
    typography=Typography(
        # Arabic-script names inside Latin text are set in the shipped Naskh, not a system font.
        text_font=("Noto Naskh Arabic Letters", "Charter", "Bitstream Charter", "Sitka Text", "Cambria", "Georgia",
                   "Noto Serif", "DejaVu Serif", "serif"),
        ui_font=("Noto Naskh Arabic Letters", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans",
                 "Helvetica Neue", "Arial", "sans-serif"),
        leading="1.6", leading_tight="1.22",
    ),
)

# In the order letters are classified when detecting a language (a character belongs to the first
# script that contains it).
SCRIPTS = (ARABIC, LATIN)
