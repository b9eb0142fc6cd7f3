"""The ckb language (Sorani Kurdish): its facts and rules live in this folder."""
import re

from ..scripts import ARABIC, TATWEEL, ZWNJ
from ..spec import Evidence, LanguageSpec, N_, frozen_map

# Letters Sorani uses and Arabic does not. ZWNJ is half a letter's evidence: Sorani typists use
# heh + ZWNJ for ە.
LETTERS = frozen_map({**{ch: 1.0 for ch in "ەێۆڕڵڤۊ"}, ZWNJ: 0.5})

_HEH_ZWNJ = re.compile("ه\u200c")
_KEYBOARD_MAP = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", TATWEEL: None, "ھ": "ه"})


def fix_keyboard_spelling(text: str) -> str:
    """Sorani typed on an Arabic keyboard (ي ك ى, heh + ZWNJ for ە, tatweel) in standard letters."""
    return _HEH_ZWNJ.sub("ە", text).translate(_KEYBOARD_MAP)


SPEC = LanguageSpec(
    code="ckb",
    name="کوردی",
    english_name=N_("Sorani Kurdish"),
    script=ARABIC,
    babel_locale="ckb_IQ",           # CLDR has ckb, but writes Latin digits: pages use digits below
    digits="arab",
    date_format="EEEE، d MMMM y",
    short_date_format="d MMMM y",     # as the headings, without the weekday
    nllb_code="ckb_Arab",
    in_argos_index=False,            # Sorani comes from NLLB-200 packed as argos packages
    quotes=("«", "»"),
    dateline_example="شار (ئاژانس) — ",
    evidence=Evidence(letters=LETTERS, min_score=2.0, margin=2.0, label="Sorani-only letters"),
    orthography=fix_keyboard_spelling,
    spacy_lang="xx",                 # spaCy has no ckb
    # Sorani letters an Arabic keyboard lacks: readers type the bare letter instead.
    search_folds=frozen_map({"ە": "ه", "ھ": "ه", "ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "ف"}),
    datetime_separator="، ",
    # Kurdish Latin (Hawar) letters, folded to ASCII in slugs: هەولێر → hewler, کوردی → kurdi.
    romanization=frozen_map({
        "ا": "a", "ب": "b", "پ": "p", "ت": "t", "ج": "c", "چ": "ç", "ح": "h", "خ": "x", "د": "d", "ر": "r",
        "ڕ": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "ş", "ع": "", "غ": "x", "ف": "f", "ڤ": "v", "ق": "q",
        "ک": "k", "گ": "g", "ل": "l", "ڵ": "ll", "م": "m", "ن": "n", "ه": "h", "ە": "e", "ۆ": "o", "ێ": "ê",
        "ئ": "", "وو": "û", "ء": "", "ة": "e",
    }),
    romanization_glides=frozen_map({"و": ("w", "u"), "ی": ("y", "î")}),
)
