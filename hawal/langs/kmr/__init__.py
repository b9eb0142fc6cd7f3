"""The kmr language (Kurmanji, Northern Kurdish, in the Latin alphabet; in Iraq the Badini of
Duhok and Zakho): its facts live in this folder, its key-statement rules in `statements.py`.

Badini is also written in Arabic letters; this spec is the Latin (Hawar) alphabet only. Text in
Arabic letters is never taken for Kurmanji: it is told apart by the Arabic-script languages.
"""
from ..scripts import LATIN
from ..spec import Evidence, LanguageSpec, N_, frozen_map

# Letters of the Kurmanji alphabet that English does not write. ç and ş are Turkish too, so they
# weigh less than ê î û.
_KURMANJI_LETTERS = {"ê": 1.0, "î": 1.0, "û": 1.0, "ç": 0.5, "ş": 0.5}
# Letters Kurmanji never writes but its Latin-script neighbours do (Turkish ı ğ ö ü, French é è à,
# German ä ö ü ß): they count against it, so Turkish or French text with ç ş ê is not Kurmanji.
_FOREIGN_LETTERS = "ıİğĞöÖüÜäÄéÉèÈàÀâÂôÔßñ"
LETTERS = frozen_map({
    **_KURMANJI_LETTERS, **{ch.upper(): w for ch, w in _KURMANJI_LETTERS.items()},
    **{ch: -1.0 for ch in _FOREIGN_LETTERS},
})

# Common words: conjunctions, pre- and postpositions, pronouns, the ezafe, the copula and the
# verbs of news prose, as written and as typed without diacritics (jî → ji, bû → bu). Left out:
# forms that are also common English words (a, an, her, in, we, be, ten, yen).
WORDS = frozenset("""
    û u jî ku ko lê belê yan heke eger ger çimkî cimki herwiha wiha jixwe tenê tene êdî edi hêj niha
    îro iro duh sibê sibe dê
    ji li di bi de da ve re ra bo ser nav navbera navbêna digel ligel heta ta piştî pisti berî beri
    bêyî dijî gorî gori wekî weke wek
    ez em tu hûn hun ew ev min me te wî wi wê wan vî vê van xwe xwo xo hemû hemu gelek çend cend hin hinek
    yê ye ya yên ên
    e ne bû bu bûn bun bûye buye heye hene hebû nîne nine tune tuneye dibe dibin bibe bibin were
    hat hatin hatiye hatine tê tên kir kirin kiriye dike dikin got gotiye dibêje dibeje ragihand diyar
    zanîn zanin dan xwest dixwaze dikare dikarin divê
""".split())

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = ("Dr.", "Prof.", "Bnr.", "hwd.")

SPEC = LanguageSpec(
    code="kmr",
    name="Kurmancî",
    english_name=N_("Kurmanji Kurdish"),
    script=LATIN,
    # CLDR files Kurmanji under `ku` (Babel's alias table maps `kmr` to ku_Latn_TR, and `kmr_IQ`
    # wrongly to the Arabic-script ku_Arab_IQ): ku_Latn_IQ is Kurmanji in Latin letters in Iraq.
    babel_locale="ku_Latn_IQ",
    digits="latn",
    date_format="full",              # CLDR: "duşem, 23ê mijdara 2026an"
    short_date_format="long",        # as the headings, without the weekday: "23ê mijdara 2026an"
    nllb_code="kmr_Latn",
    in_argos_index=False,            # Kurmanji comes from NLLB-200 packed as argos packages
    quotes=("“", "”"),
    dateline_example="BAJAR (AJANS) — ",
    evidence=Evidence(letters=LETTERS, words=WORDS, min_score=3.0, margin=2.0, min_words=1, letters_by_word=True,
                      label="Kurmanji letters"),
    spacy_lang="kmr",
    tokenizer_exceptions=ABBREVIATIONS,
    # BCP 47 and CLDR name Kurmanji `ku` (Sorani is `ckb`): a browser set to Kurdish sends ku or ku-TR.
    browser_tags=("ku",),
)
