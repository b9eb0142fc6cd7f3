"""The guard on machine output (hawal/translate/guard.py): each way a model breaks is caught by
its check, and faithful translations — written by us, in the three languages — pass."""
from __future__ import annotations

import pytest

from hawal import langs
from hawal.translate.guard import (LOOP_REPEATS, MAX_LENGTH_RATIO, MIN_LENGTH_RATIO, check_translation, numbers_in)

EN = "The council approved a budget of 1,250 million dinars for 14 schools on Monday."
AR = "وافق المجلس يوم الاثنين على موازنة قدرها ١٬٢٥٠ مليون دينار لـ١٤ مدرسة."
CKB = "ئەنجومەنەکە ڕۆژی دووشەممە بودجەیەکی ۱۲۵۰ ملیۆن دیناری بۆ ۱٤ قوتابخانە پەسەند کرد."


@pytest.mark.parametrize("source, translation, src, tgt", [
    (EN, AR, "en", "ar"),
    (EN, CKB, "en", "ckb"),
    (AR, EN, "ar", "en"),
    (CKB, AR, "ckb", "ar"),
    ("Budget talks", "محادثات الموازنة", "en", "ar"),              # short: the length ratio is not judged
    ("See https://example.org/report for the full text.", "انظر https://example.org/report للنص الكامل.", "en", "ar"),
])
def test_faithful_translations_pass(source, translation, src, tgt):
    assert check_translation(source, translation, src, tgt, protected=["https://example.org/report"]) is None


def test_a_loop_is_caught_and_named():
    looping = "وافق المجلس على الموازنة على الموازنة على الموازنة على الموازنة"
    failure = check_translation(EN.replace("1,250 million dinars for 14 ", ""), looping, "en", "ar")
    assert failure.check == "loop" and "على الموازنة" in failure.detail
    # A loop inside a word (no spaces) too.
    assert check_translation("The council met on Monday.", "المجلسسسسسسسسسسسسسسسس", "en", "ar").check == "loop"


def test_a_repetition_the_source_has_is_not_a_loop():
    source = "Water, water, water: the word was on every banner in the square."
    translation = "ماء، ماء، ماء: كانت الكلمة على كل لافتة في الساحة."
    assert check_translation(source, translation, "en", "ar") is None


def test_length_far_off_the_source_fails_both_ways():
    long = check_translation("The council met on Monday to discuss the budget.",
                             "اجتمع المجلس يوم الاثنين لمناقشة الموازنة والخدمات والطرق والمدارس والمستشفيات "
                             "والكهرباء والمياه والصرف الصحي والنقل والإسكان والزراعة والصناعة والتجارة", "en", "ar")
    short = check_translation("The council met on Monday to discuss the budget.", "المجلس", "en", "ar")
    assert long.check == "length" and f"{MAX_LENGTH_RATIO}×" in long.detail
    assert short.check == "length" and f"{MIN_LENGTH_RATIO}×" in short.detail


@pytest.mark.parametrize("digits", sorted(langs.DIGIT_SYSTEMS))
def test_numbers_are_compared_by_value_in_every_digit_system_of_the_registry(digits):
    table = str.maketrans("0123456789", langs.DIGIT_SYSTEMS[digits])
    translation = AR.replace("١٬٢٥٠", "1,250".translate(table)).replace("١٤", "14".translate(table))
    assert check_translation(EN, translation, "en", "ar") is None
    changed = translation.replace("14".translate(table), "41".translate(table))
    failure = check_translation(EN, changed, "en", "ar")
    assert failure.check == "numbers" and "lost 14" in failure.detail and "added 41" in failure.detail


def test_numbers_dropped_or_invented_fail():
    assert check_translation(EN, AR.replace("١٤ ", ""), "en", "ar").check == "numbers"
    assert "added 2019" in check_translation(EN, AR + " 2019", "en", "ar").detail
    assert numbers_in("1,250 and ١٬٢٥٠ and ۱۲۵۰ and 3.5 ٣٫٥") == {"1250": 3, "35": 2}


def test_output_in_another_script_fails():
    failure = check_translation(EN, "The council approved a budget of 1,250 million dinars for 14 schools.", "en", "ar")
    assert failure.check == "script"
    assert "Arabic" in failure.detail


def test_the_source_copied_untranslated_fails_even_in_the_same_script():
    assert check_translation(CKB, CKB, "ckb", "ar").check == "copy"
    # Most words the source's, a name or two changed: still a copy.
    nearly = CKB.replace("دووشەممە", "سێشەممە")
    assert check_translation(CKB, nearly, "ckb", "ar").check == "copy"


def test_an_empty_answer_fails():
    assert check_translation(EN, "١٬٢٥٠ ١٤ .", "en", "ar").check == "empty"


def test_protected_spans_do_not_count_against_the_script():
    source = "Read `hawal build --verbose` and https://example.org/a/very/long/path/to/the/official/report now."
    translation = "اقرأ `hawal build --verbose` و https://example.org/a/very/long/path/to/the/official/report الآن."
    spans = ["`hawal build --verbose`", "https://example.org/a/very/long/path/to/the/official/report"]
    assert check_translation(source, translation, "en", "ar", protected=spans) is None
    assert check_translation(source, translation, "en", "ar").check == "script"


def test_loop_threshold_is_three_in_a_row():
    assert LOOP_REPEATS == 3
    twice = "قال المجلس قال المجلس إن الموازنة جاهزة للتصويت عليها الأسبوع المقبل"
    assert check_translation("The council said the budget is ready for a vote next week.", twice, "en", "ar") is None
