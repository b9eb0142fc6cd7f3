"""The statements driver's token helpers: what they compute quickly must be what the plain loops give."""
from __future__ import annotations

import pytest

from hawal.statements import tokens
from hawal.statements.rules import rules_for


TEXTS = {
    "en": "U.S. Sen. Hill said:  “We will build it,”\nshe added — it's 5 p.m.\xa0now.",
    "ar": "وأضاف حميد\"ندين الهجوم\" غداً، ب. م قال إن «الجسر» سيفتح.",
    "ckb": "وەزیر ڕایگەیاند: «پردەکە دروست دەکەین»، گوتی\"ئێمە ئامادەین\"",
    "kmr": "Wezîr got: «Em ê pirê ava bikin», û got ku ew amade ne.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_tokens_read_from_the_arrays_are_spacys_tokens(lang):
    tokenizer = rules_for(lang).nlp.tokenizer
    text = TEXTS[lang]
    doc = tokenizer(text)
    [(toks, norms)] = tokens.read_sentences(tokenizer, [text])
    assert [(t.text, t.idx, t.norm_, t.lower_, t.is_punct, t.is_space, t.whitespace_) for t in toks] == \
        [(t.text, t.idx, tokens.fold(t.text), t.text.lower(), t.is_punct, t.is_space, t.whitespace_) for t in doc]
    assert norms == [t.norm_ for t in toks] and toks.source == text


def test_token_at_and_frame_text():
    nlp = rules_for("en").nlp
    text = "He said “we will go” today."
    toks, norms = tokens.tokens_and_norms(nlp.tokenizer(text), text)
    frame = [not (2 <= i <= 6) for i in range(len(toks))]
    sent = tokens.Sentence(0, 10, 10 + len(text), 0, toks, frame, frame, 0, norms)
    for pos in range(10, 10 + len(text) + 2):
        rel = pos - 10
        expected = next((k for k, t in enumerate(toks) if t.idx + len(t.text) > rel), len(toks))
        assert sent.token_at(pos) == expected
    assert sent.frame_text() == "He said " + " " * 5 + "today."
    assert sent.norms == [t.norm_ for t in toks]


def test_frame_run_stops_at_the_first_closed_token_either_way():
    toks = tokens.Toks(tokens.Tok(w, 2 * k, False, False, " ", w, w) for k, w in enumerate("a b c d e f g".split()))
    toks.source = " ".join("a b c d e f g".split())
    for open_ in ([True] * 7, [False] * 7, [True, False, True, True, False, True, True], [False, True, True, True, True, True, False]):
        sent = tokens.Sentence(0, 0, 13, 0, toks, open_, open_, 0)
        for i in range(-2, 9):
            for step in (1, -1):
                j = i
                while 0 <= j < 7 and open_[j]:
                    j += step
                assert tokens.frame_run(sent, i, step) == j, (open_, i, step)
