"""spaCy pipelines built from a language's spec (imported only where spaCy is needed)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from . import SCRIPTS, find

if TYPE_CHECKING:
    from spacy.language import Language


def blank_pipeline(lang: str, extra_suffixes: Sequence[str] = ()) -> "Language":
    """A blank spaCy pipeline for a language: its spec's spaCy language ("xx" when unknown), the
    suffix fixes of every script (any text may quote another script) and of the language, then
    `extra_suffixes`, and the tokens its spec keeps whole (e.g. English "Gen.")."""
    import spacy
    from spacy.util import compile_suffix_regex

    spec = find(lang)
    nlp = spacy.blank(spec.spacy_lang if spec else "xx")
    fixes = [p for script in SCRIPTS for p in script.tokenizer_suffixes] + list(spec.tokenizer_suffixes if spec else ())
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or []) + fixes + list(extra_suffixes)).search
    for token in spec.tokenizer_exceptions if spec else ():
        nlp.tokenizer.add_special_case(token, [{"ORTH": token}])
    return nlp
