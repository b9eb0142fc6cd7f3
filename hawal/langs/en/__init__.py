"""The en language (English): its facts and rules live in this folder."""
from ..scripts import LATIN
from ..spec import Evidence, LanguageSpec, N_

# Titles that spaCy's English exceptions lack; a period after them does not end a sentence.
TITLES = ("Brig.", "Gen.", "Col.", "Lt.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Adm.", "Gov.", "Sen.", "Rep.",
          "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Rev.", "Amb.", "Supt.", "Insp.",
          # units written with stops ("22.07 billion cu. m. - down on the year", https://www.thenewhumanitarian.org/
          # news/2008/05/22/ministry-issues-drought-warning): no sentence ends inside them
          "cu.", "sq.", "approx.")

# Common words of English prose, the evidence that tells it from Kurmanji (the other Latin-script
# language). Left out: words Kurmanji writes too (a, an, her, me, min, de).
WORDS = frozenset("""
    the of and to in is was for on that with said by at from as it has have had be are were will
    would his their its this which after who not but they he she been more than also or new into
    over about told says could should there when what all our one two three year last week people
    before during while against between under since because can may other some no up out if so we
    you these those them than then where how such any most many each only
""".split())

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
    evidence=Evidence(words=WORDS, min_score=2.0, margin=2.0, label="English words"),
    spacy_lang="en",
    tokenizer_exceptions=TITLES,
)
