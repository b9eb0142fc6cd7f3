"""Protected spans, glossary and quotation marks around a model's output."""
from __future__ import annotations

import re

import pytest

from hawal.translate.protect import (GlossaryError, convert_quotes, finish, glossary_from_dict, load_glossary, mask,
                                     restore)
from hawal.translate.stage import describe_missing

GLOSSARY = glossary_from_dict({
    "terms": [{"en": "Green Zone", "ar": "المنطقة الخضراء", "ckb": "ناوچەی سەوز"},
              {"en": ["Kurdistan Regional Government", "KRG"], "ar": "حكومة إقليم كوردستان"}],
    "keep": ["UNAMI"],
})
SENTENCE = ("The **Green Zone** had 1,250 visitors in 2026, see [the report](https://example.org/a_(b)) "
            "and `run_job.py` or www.example.org/x_y.")


def placeholders(text):
    return [int(n) for n in re.findall(r"\[(\d+)\]", text)]


def test_mask_hides_urls_code_numbers_link_targets_emphasis_and_terms():
    m = mask(SENTENCE, "en", "ar", GLOSSARY)
    for kept in ("https://", "run_job", "1,250", "2026", "**", "Green Zone", "www."):
        assert kept not in m.text
    assert "the report" in m.text and "visitors" in m.text
    assert placeholders(m.text) == list(range(1, len(m.items) + 1))


def test_restore_with_every_placeholder_kept_gives_back_the_markdown():
    m = mask(SENTENCE, "en", "en")       # no glossary rendering into the same language
    assert restore(m.text, m) == SENTENCE


def test_glossary_term_gets_its_fixed_rendering_and_keep_words_pass_unchanged():
    m = mask("UNAMI met the KRG in the Green Zone.", "en", "ar", GLOSSARY)
    out = finish(m.text, m, "ar")
    assert "حكومة إقليم كوردستان" in out and "المنطقة الخضراء" in out and "UNAMI" in out
    assert "KRG" not in out and "Green Zone" not in out


def test_glossary_matches_whole_words_and_arabic_proclitics_only():
    assert mask("The KRGX office.", "en", "ar", GLOSSARY).items == ()
    m = mask("اجتمعوا في المنطقة الخضراء والمنطقة الخضراء.", "ar", "en",
             glossary_from_dict({"terms": [{"en": "Green Zone", "ar": "المنطقة الخضراء"}]}))
    assert [i.target for i in m.items] == ["Green Zone", "Green Zone"]


def test_dropped_content_is_put_back_and_broken_pairs_do_not_leave_half_markup():
    m = mask(SENTENCE, "en", "ar", GLOSSARY)
    out = restore("كلام بلا علامات.", m)             # the model kept nothing
    for item in ("المنطقة الخضراء", "1,250", "2026", "`run_job.py`", "www.example.org/x_y", "<https://example.org/a_(b)>"):
        assert item in out
    assert "**" not in out and "](" not in out and out.endswith(".")


def test_duplicated_and_spaced_placeholders_are_tidied():
    m = mask("Read **this** now.", "en", "ar")
    out = restore("[ 1 ] اقرأ [2] [2] هذا .", m)
    assert out == "**اقرأ** هذا."


def test_leading_number_lost_by_the_model_goes_back_in_front():
    m = mask("2026 will be a better year.", "en", "ar")
    assert restore("سنة أفضل.", m) == "2026 سنة أفضل."


def test_text_with_nothing_to_translate_needs_no_model():
    assert not mask("2026 — https://example.org", "en", "ar").needs_model
    assert mask("2026 was good", "en", "ar").needs_model


@pytest.mark.parametrize("text, lang, expected", [
    ('He said “no” and "yes".', "ar", "He said «no» and «yes»."),
    ("قال «لا».", "en", "قال “لا”."),
    ('"كلا"', "ckb", "«كلا»"),
])
def test_quotation_marks_follow_the_target_language(text, lang, expected):
    assert convert_quotes(text, lang) == expected


def test_quotes_inside_code_are_not_converted():
    m = mask('He typed `say "hi"` twice.', "en", "ar")
    assert '`say "hi"`' in finish(m.text, m, "ar")


def test_repository_glossary_loads_and_bad_glossary_is_reported(tmp_path):
    from pathlib import Path

    glossary = load_glossary(Path(__file__).resolve().parent.parent / "glossary.yaml")
    assert glossary.terms and glossary.keep
    bad = tmp_path / "g.yaml"
    bad.write_text("terms:\n  - en: [1, 2]\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"terms\[1\]\.en"):
        load_glossary(bad)


def test_describe_missing_gives_one_line_per_pair_with_how_to_install():
    lines = describe_missing({("ckb", "ar"), ("en", "ar")}, "/srv/models")
    assert len(lines) == 2
    ckb_ar = next(line for line in lines if line.startswith("ckb→ar"))
    assert "models install" in ckb_ar and "through English" in ckb_ar and "pack-nllb" in ckb_ar
    assert "/srv/models" in ckb_ar
    assert "--from-index en ar" in next(line for line in lines if line.startswith("en→ar"))
