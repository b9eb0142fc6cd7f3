"""The statements driver reads the sentences of an article from one Doc (`read_sentences`): the tokens
must be exactly those of each sentence tokenized alone, whatever the sentences hold."""
from __future__ import annotations

import pytest

from hawal.statements import tokens
from hawal.statements.rules import rules_for


def _fields(toks_and_norms):
    toks, norms = toks_and_norms
    return ([(t.text, t.idx, t.norm_, t.lower_, t.is_punct, t.is_space, t.whitespace_) for t in toks],
            norms, toks.source)


def _alone(tokenizer, texts):
    return [_fields(tokens.tokens_and_norms(tokenizer(t), t)) for t in texts]


CASES = {
    "en": ["He said: “We will build it.”", "Officials  said (twice) that  it was\nlate —", "U.S. Sen. Hill said so.",
           "e.g. this", "“Go,” she said.", "It's 5 p.m.", "A\xa0non-breaking space, said Ali."],
    "ar": ["قال الوزير: «سنبني الجسر».", "وأضاف حميد\"ندين الهجوم\" غداً.", "ب. م", "ح. قال", "م. س قال إن",
           "وقال:\"نحن هنا\"", "الخبر ب.", "م السوق"],
    "ckb": ["وەزیر ڕایگەیاند: «پردەکە دروست دەکەین».", "گوتی\"ئێمە ئامادەین\"", "ئەمڕۆ یەکشەممە، ٢٢ی شوبات"],
    "kmr": ["Wezîr got: «Em ê pirê ava bikin».", "Wî got ku ew amade ne."],
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_sentences_read_from_one_doc_are_those_read_alone(lang):
    tokenizer = rules_for(lang).nlp.tokenizer
    texts = CASES[lang]
    got = [_fields(x) for x in tokens.read_sentences(tokenizer, texts)]
    assert got == _alone(tokenizer, texts)
    for k in range(1, len(texts)):      # every pair, in both orders: a special case may sit at either edge
        pair = [texts[k - 1], texts[k]]
        assert [_fields(x) for x in tokens.read_sentences(tokenizer, pair)] == _alone(tokenizer, pair)
        assert [_fields(x) for x in tokens.read_sentences(tokenizer, pair[::-1])] == _alone(tokenizer, pair[::-1])


def test_white_space_at_an_edge_and_special_cases_across_a_line_break_tokenize_alone():
    nlp = rules_for("en").nlp
    texts = [" leading space said", "trailing space said ", "plain said"]
    assert [_fields(x) for x in tokens.read_sentences(nlp.tokenizer, texts)] == _alone(nlp.tokenizer, texts)
    import spacy

    blank = spacy.blank("en")
    blank.tokenizer.add_special_case("end\nstart", [{"ORTH": "end\nstart"}])
    assert not tokens._joinable(blank.tokenizer)
    texts = ["it is the end", "start of it"]
    assert [_fields(x) for x in tokens.read_sentences(blank.tokenizer, texts)] == _alone(blank.tokenizer, texts)


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
