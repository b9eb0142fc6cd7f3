import pytest

from hawal.language import LanguageUnclear, detect_language, fold_for_search, normalize_text


@pytest.mark.parametrize("text, expected", [
    ("The water directorate in Duhok opened two new pumping stations on Thursday.", "en"),
    ("حکومەتی هەرێم ڕایگەیاند کە پرۆژەکە لە ماوەی دوو ساڵدا تەواو دەبێت.", "ckb"),
    ("أعلنت الحكومة العراقية أن الاجتماع المقبل سيعقد في بغداد الأسبوع المقبل.", "ar"),
    # Sorani typed on an Arabic keyboard: ي and ك appear, but Sorani-only letters decide.
    ("حكومەتی هەرێم ڕايگەياند كە پڕۆژەكە دەستی پێكرد و بەردەوام دەبێت.", "ckb"),
])
def test_detects_language_from_letters(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", [
    "Hi",                                                        # too short
    "Erbil talks هەولێر وتووێژ Baghdad بەغدا meeting کۆبوونەوە",  # mixed scripts
    "سلام دنیا سلام دنیا سلام دنیا سلام",                          # Arabic script, no telling letters
])
def test_unclear_text_raises(text):
    with pytest.raises(LanguageUnclear):
        detect_language(text)


def test_sorani_normalization_fixes_arabic_keyboard_typing():
    typed = "كوردستان ده\u200cوڵه\u200cت ي\u0640\u0640ەك"
    assert normalize_text(typed, "ckb") == "کوردستان دەوڵەت یەک"


def test_arabic_is_left_in_arabic_orthography():
    text = "مدينة كركوك الجديدة"
    assert normalize_text(text, "ar") == text


def test_search_folding_joins_keyboard_variants_and_digits():
    assert fold_for_search("كوردستان ١٢") == fold_for_search("کوردستان 12")
    assert fold_for_search("هه\u200cولێر") == fold_for_search("هەولێر")
    assert fold_for_search("غداً") == fold_for_search("غدا")
    # typed without the Sorani-only letters ێ ۆ ڕ ڵ, which an Arabic keyboard lacks
    assert fold_for_search("ههولير") == fold_for_search("هەولێر")
    assert fold_for_search("كورد") == fold_for_search("کورد")
    assert fold_for_search("ريگا") == fold_for_search("ڕێگا")
