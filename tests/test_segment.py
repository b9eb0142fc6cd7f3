import datetime as dt

from hawal.segment import apply_sentence_translations, fold_sentence_text, segment_article, split_blocks
from hawal.sources import Article


def article(body: str, lang: str = "en") -> Article:
    return Article("content/x.md", "x", lang, dt.date(2026, 11, 23),
                   dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), "Title", body, 1, "markdown")


def texts(body, lang="en"):
    seg = segment_article(article(body, lang))
    for s in seg.sentences:       # offsets always point at the sentence in the body
        assert fold_sentence_text(body[s.start:s.end]) == s.text
    return [s.text for s in seg.sentences]


def test_english_abbreviations_do_not_end_sentences():
    assert texts("The U.S. Embassy said on Nov. 18 that it was safe. Staff stayed inside.") == [
        "The U.S. Embassy said on Nov. 18 that it was safe.", "Staff stayed inside."]


def test_military_and_civil_titles_do_not_end_sentences():
    assert texts("The patrol was led by Brig. Gen. Ali Kadhim, said Col. Sara Aziz. Dr. Omar agreed.") == [
        "The patrol was led by Brig. Gen. Ali Kadhim, said Col. Sara Aziz.", "Dr. Omar agreed."]


def test_quotes_stay_with_their_sentence():
    assert texts('He said: “We are safe.” Then he left. "Go now," she said.') == [
        "He said: “We are safe.”", "Then he left.", '"Go now," she said.']


def test_period_after_arabic_tanween_ends_a_sentence():
    assert texts("قال الوزير إن الاجتماع سيعقد غداً. وأضاف أن الوفد جاهز.", "ar") == [
        "قال الوزير إن الاجتماع سيعقد غداً.", "وأضاف أن الوفد جاهز."]


def test_guillemets_in_arabic_and_sorani():
    assert texts("وأضاف «لن نتراجع». ثم غادر القاعة؟ نعم.", "ar") == [
        "وأضاف «لن نتراجع».", "ثم غادر القاعة؟", "نعم."]
    assert texts("ئەو وتی کە کارەکە تەواو بووە. «ئێمە ئامادەین»، وتی.", "ckb") == [
        "ئەو وتی کە کارەکە تەواو بووە.", "«ئێمە ئامادەین»، وتی."]


def test_markdown_blocks_and_prefixes_are_not_part_of_sentences():
    body = "## A heading\n\n- first item. Second part.\n- next\n\n> Quoted one.\n> Quoted two.\n\n```\ncode. here.\n```"
    seg = segment_article(article(body))
    kinds = [b.kind for b in seg.blocks]
    assert kinds == ["heading", "list_item", "list_item", "quote", "code"]
    assert [s.text for s in seg.sentences] == [
        "A heading", "first item.", "Second part.", "next", "Quoted one.", "Quoted two."]


def test_replacing_sentences_keeps_markdown_structure():
    body = "## Head\n\n- One. Two.\n\n> Three."
    seg = segment_article(article(body))
    out = apply_sentence_translations(body, seg.sentences, [f"<{i}>" for i in range(len(seg.sentences))])
    assert out == "## <0>\n\n- <1> <2>\n\n> <3>"


def test_split_blocks_on_empty_body():
    assert split_blocks("") == []
