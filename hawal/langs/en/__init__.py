"""The en language (English): its facts and rules live in this folder."""
from ..scripts import LATIN
from ..spec import LanguageSpec, N_

# Titles that spaCy's English exceptions lack; a period after them does not end a sentence.
TITLES = ("Brig.", "Gen.", "Col.", "Lt.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Adm.", "Gov.", "Sen.", "Rep.",
          "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Rev.", "Amb.", "Supt.", "Insp.")

SPEC = LanguageSpec(
    code="en",
    name="English",
    english_name=N_("English"),
    script=LATIN,
    babel_locale="en",
    digits="latn",
    date_format="full",
    nllb_code="eng_Latn",
    in_argos_index=True,
    pivot=True,                      # nearly every model there is goes to or from English
    quotes=("“", "”"),
    dateline_example="CITY (AGENCY) — ",
    spacy_lang="en",
    tokenizer_exceptions=TITLES,
)
