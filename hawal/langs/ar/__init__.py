"""The ar language (Arabic): its facts and rules live in this folder."""
from ..scripts import ARABIC
from ..spec import Evidence, LanguageSpec, N_, frozen_map

# Letters (and tanween) of Arabic orthography that standard Sorani does not use. ي and ك are
# weak evidence: Sorani typed on an Arabic keyboard has them too.
LETTERS = frozen_map({**{ch: 1.0 for ch in "ةىأإؤًٌٍ"}, "ي": 0.25, "ك": 0.25})

SPEC = LanguageSpec(
    code="ar",
    name="العربية",
    english_name=N_("Arabic"),
    script=ARABIC,
    babel_locale="ar_IQ",
    digits="arab",
    date_format="full",
    nllb_code="arb_Arab",
    in_argos_index=True,
    quotes=("«", "»"),
    dateline_example="المدينة (الوكالة) — ",
    evidence=Evidence(letters=LETTERS, min_score=2.0, margin=3.0, label="Arabic-only letters"),
    spacy_lang="ar",
    # Keyboard variants and hamza seats fold to one letter, so any spelling finds the word.
    search_folds=frozen_map({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"}),
    # "and", "so", "with", "for", "like" are written joined to the next word: والمنطقة.
    proclitics="وفبلك",
    datetime_separator="، ",         # a middle dot would read as the Eastern Arabic zero ٠
    # Consonants as commonly written in Latin letters; short vowels are not written in Arabic and
    # stay unwritten: محافظة كركوك → mhafza-krkuk.
    romanization=frozen_map({
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
        "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
        "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
        "ى": "a", "ء": "", "ؤ": "", "ئ": "",
    }),
    romanization_glides=frozen_map({"و": ("w", "u"), "ي": ("y", "i")}),
)
