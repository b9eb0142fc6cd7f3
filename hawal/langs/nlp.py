"""spaCy pipelines built from a language's spec (imported only where spaCy is needed)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from . import SCRIPTS, find

if TYPE_CHECKING:
    from spacy.language import Language


def blank_pipeline(lang: str, extra_suffixes: Sequence[str] = (), extra_infixes: Sequence[str] = ()) -> "Language":
    """A blank spaCy pipeline for a language: its spec's spaCy language ("xx" when unknown), the
    suffix fixes of every script (any text may quote another script) and of the language, then
    `extra_suffixes`, every script's prefix and infix fixes (then `extra_infixes`) and the words it never reads as a URL,
    and the tokens its spec keeps whole (e.g. English "Gen.")."""
    import re

    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    spec = find(lang)
    nlp = spacy.blank(spec.spacy_lang if spec else "xx")
    fixes = [p for script in SCRIPTS for p in script.tokenizer_suffixes] + list(spec.tokenizer_suffixes if spec else ())
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or []) + fixes + list(extra_suffixes)).search
    prefixes = [p for script in SCRIPTS for p in script.tokenizer_prefixes]
    if prefixes:
        nlp.tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes or []) + prefixes).search
    infixes = [p for script in SCRIPTS for p in script.tokenizer_infixes] + list(extra_infixes)
    if infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes or []) + infixes).finditer
    words = [script.never_url for script in SCRIPTS if script.never_url]
    url_match = nlp.tokenizer.url_match
    if words and url_match is not None:
        # one compiled pattern (a C call per token): a URL, unless the whole token is such a word
        pattern = getattr(url_match, "__self__", None)
        if isinstance(pattern, re.Pattern):
            word = "|".join(f"(?:{w})" for w in words)
            flags = re.match(r"(?:\(\?[aiLmsux]+\))*", pattern.pattern).end()     # global flags stay first
            source = pattern.pattern[:flags] + rf"(?!(?:{word})\Z)(?:{pattern.pattern[flags:]})"
            nlp.tokenizer.url_match = re.compile(source, pattern.flags).match
    for token in spec.tokenizer_exceptions if spec else ():
        nlp.tokenizer.add_special_case(token, [{"ORTH": token}])
    return nlp
