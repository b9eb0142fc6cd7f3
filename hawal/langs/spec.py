"""What a language is to hawal: `LanguageSpec`, and the `Script` and `Typography` it shares with
the other languages written in the same letters.

Modelled on spaCy's per-language `Defaults` (spacy/lang/ar/__init__.py): one frozen object per
language holding its facts, read by every stage instead of the stage naming languages itself.
docs/adding-a-language.md explains each field.
"""
from __future__ import annotations

import importlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping


def N_(message: str) -> str:
    """Mark an interface string for extraction (pybabel) without translating it here."""
    return message


def frozen_map(mapping: Mapping | None = None) -> Mapping:
    """A read-only mapping for a spec field."""
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, eq=False)
class Typography:
    """How a script is set on pages: site.css (templates/site.css) takes these values."""

    text_font: tuple[str, ...]       # font families for running text, first choice first
    ui_font: tuple[str, ...]         # for navigation, labels, the language chooser
    leading: str                     # line-height of running text
    leading_tight: str               # line-height of headings
    size_adjust: str | None = None   # `size-adjust` of the shipped webfont for the script, if any


@dataclass(frozen=True, eq=False)
class Script:
    """A writing system shared by languages: direction, which characters belong to it, typography,
    and what every language written in it needs (tokenizer fixes, search folds, digit forms)."""

    code: str                              # ISO 15924: "Arab", "Latn"
    name: str                              # in English, for messages
    direction: str                         # "rtl" | "ltr"
    contains: Callable[[str], bool]        # is this (letter or mark) character of the script?
    detection_share: float                 # share of a text's letters that makes it "in this script"
    typography: Typography
    joined: bool = False                   # letters join: no letter-spacing, links underlined lower
    tokenizer_suffixes: tuple[str, ...] = ()   # spaCy suffix patterns for its characters (used for every language)
    tokenizer_prefixes: tuple[str, ...] = ()   # spaCy prefix patterns for its characters
    tokenizer_infixes: tuple[str, ...] = ()    # spaCy infix patterns for its characters
    never_url: str = ""                        # tokens of this pattern are words, never a URL ("كلمة.كلمة")
    search_folds: Mapping[str, str | None] = field(default_factory=frozen_map)

    def __repr__(self) -> str:
        return f"Script({self.code!r})"


@dataclass(frozen=True, eq=False)
class Evidence:
    """What tells a language from the others written in the same script.

    Each letter (or other character) found in a text adds its weight; each common word adds
    `word_weight`. A negative weight marks a letter the language never writes but a neighbour
    does (Turkish ı ğ against Kurmanji): text full of them is not this language. A language wins
    when its score reaches `min_score`, at least `min_words` of its common words occur, and its
    score is at least `margin` times every other candidate's; otherwise the text is unclear (an
    error, never a guess).
    """

    letters: Mapping[str, float] = field(default_factory=frozen_map)
    words: frozenset[str] = frozenset()
    word_weight: float = 1.0
    min_score: float = 2.0
    margin: float = 2.0
    min_words: int = 0                     # common words needed besides the score (names alone are not a language)
    # Letters count once per word, by the word's strongest letter (a foreign one first): a name
    # with three diacritics (Şêxan) weighs as much as one common word, not three.
    letters_by_word: bool = False
    label: str = ""                        # how messages name the evidence, e.g. "Sorani-only letters"

    def score(self, text: str, words: list[str] | None = None) -> float:
        """This language's evidence in a text (`words`: its casefolded words, if already split)."""
        total = 0.0
        if self.letters:
            weights = self.letters
            if self.letters_by_word and words is not None:
                total += sum(self._word_letters(w) for w in words)
            else:
                counts = Counter(text)
                total += sum(weight * counts[ch] for ch, weight in weights.items() if ch in counts)
        if self.words:
            total += self.word_weight * sum(1 for w in (words or ()) if w in self.words)
        return total

    def _word_letters(self, word: str) -> float:
        found = [self.letters[ch] for ch in word if ch in self.letters]
        if not found:
            return 0.0
        return min(found) if min(found) < 0 else max(found)

    def word_count(self, words: list[str] | None) -> int:
        """How many of a text's (casefolded) words are this language's common words."""
        return sum(1 for w in (words or ()) if w in self.words) if self.words else 0

    def count(self, text: str) -> int:
        """How many characters of the text are this language's telling letters (for messages)."""
        return sum(1 for ch in text if self.letters.get(ch, 0.0) >= 1.0)


@dataclass(frozen=True, eq=False)
class LanguageSpec:
    """Everything hawal knows about one language. Defined in `hawal/langs/<code>/__init__.py`."""

    code: str                              # ISO 639 code: URLs, lang="", front matter, packages
    name: str                              # its own name ("کوردی"): the language chooser's default
    english_name: str                      # in English, marked with N_: messages, --help, provenance notes
    script: Script
    babel_locale: str                      # CLDR locale for dates and numbers ("ckb_IQ")
    digits: str                            # default digit system: "latn" or "arab" (config may override)
    date_format: str                       # default briefing date format: Babel name or CLDR pattern
    nllb_code: str                         # NLLB-200 language token ("ckb_Arab")
    quotes: tuple[str, str]                # opening and closing quotation marks
    dateline_example: str                  # `CITY (AGENCY) — ` in the language, for `new`
    evidence: Evidence = field(default_factory=Evidence)
    orthography: Callable[[str], str] | None = None    # spelling fixes after NFC (keyboard variants)
    spacy_lang: str = "xx"                 # spacy.blank() language for tokenizing and sentences
    tokenizer_suffixes: tuple[str, ...] = ()           # extra spaCy suffix patterns of this language
    tokenizer_exceptions: tuple[str, ...] = ()         # tokens kept whole, e.g. "Gen." (not a sentence end)
    argos_code: str = ""                   # its code in argos packages ("" means the same as `code`)
    in_argos_index: bool = False           # the Argos package index has models for it
    pivot: bool = False                    # translations between two other languages go through it
    search_folds: Mapping[str, str | None] = field(default_factory=frozen_map)   # on top of the script's
    proclitics: str = ""                   # one-letter prefixes written joined to a word (Arabic و ف ب ل ك)
    datetime_separator: str = " · "        # between a date and a time of day
    # Dates on cards and day links: a Babel name or CLDR pattern. It should read like `date_format`
    # without the weekday (CLDR's "medium" puts Sorani's year first, its headings put the day first).
    short_date_format: str = "medium"
    statements_module: str = ""            # module with its statement RULES ("" : hawal.langs.<code>.statements)
    # Latin letters for its letters (file names and slugs from headlines, hawal.langs.romanize):
    # letters (or letter groups) → Latin; `romanization_glides`: letters that are a consonant or a
    # vowel by position, → (consonant, vowel). Latin-script languages need neither.
    romanization: Mapping[str, str] = field(default_factory=frozen_map)
    romanization_glides: Mapping[str, tuple[str, str]] = field(default_factory=frozen_map)
    browser_tags: tuple[str, ...] = ()     # other language tags browsers send for it (`ku` for Kurmanji)

    def __post_init__(self):
        if not self.argos_code:
            object.__setattr__(self, "argos_code", self.code)
        if not self.statements_module:
            object.__setattr__(self, "statements_module", f"hawal.langs.{self.code}.statements")

    def __repr__(self) -> str:
        return f"LanguageSpec({self.code!r})"

    @property
    def direction(self) -> str:
        """"rtl" or "ltr": the `dir` of text in this language."""
        return self.script.direction

    @property
    def catalog_locale(self) -> str:
        """The locale of its gettext catalog (plural rules): the language part of `babel_locale`."""
        return self.babel_locale.split("_")[0]

    def normalize(self, text: str) -> str:
        """The text in Unicode NFC with this language's spelling fixes applied."""
        text = unicodedata.normalize("NFC", text)
        return self.orthography(text) if self.orthography else text

    def latin_slug(self, text: str) -> str:
        """A slug in ASCII Latin letters for a text in this language ("" when none can be made)."""
        from .romanize import latin_slug

        return latin_slug(self.normalize(text), self.romanization, self.romanization_glides)

    def statement_rules(self) -> Any | None:
        """This language's key-statement rules (`RULES` of its statements module), imported on first
        use because they pull in spaCy; None when the language has none yet."""
        try:
            module = importlib.import_module(self.statements_module)
        except ModuleNotFoundError as exc:
            if exc.name == self.statements_module:
                return None
            raise
        return getattr(module, "RULES", None)
