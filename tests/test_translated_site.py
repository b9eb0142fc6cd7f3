"""The example site built with (tiny, random-weight, real) translation models installed.

The models are piece-for-piece mapping models (tests/model_factory.py): their output is nonsense
in the right script and of the right length, so it passes the guard on machine output and pages
show it. The checks are on what is true of it: it came from the model, it is in the right page and
language, it was cached, and the page says where it came from.
"""
from __future__ import annotations

import shutil

import pytest

from hawal.pipeline import run_build
from html_tools import parse
from model_factory import install_test_models

PAIRS = [("en", "ar"), ("ar", "en"), ("en", "ckb"), ("ckb", "en"), ("en", "kmr"), ("kmr", "en")]


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory):
    from conftest import REPO, example_languages, write_project

    root = tmp_path_factory.mktemp("translated")
    shutil.copytree(REPO / "content", root / "content")
    config = write_project(root, {}, languages=example_languages())
    install_test_models(config.translation.models_dir, PAIRS, mapping=True)
    first = run_build(config)
    second = run_build(config)
    return config, first, second


def test_every_pair_is_reached_directly_or_through_english(translated_site):
    _, first, _ = translated_site
    assert first.missing_pairs == []
    assert first.translation["computed"] > 0 and first.translation["missing"] == 0


def test_machine_translated_page_names_model_and_holds_model_text(translated_site):
    config, _, _ = translated_site
    site = config.output_dir
    original = parse(site / "en/2026/11/23/sulaimani-teachers-end-boycott/index.html")
    page = parse(site / "ar/2026/11/23/sulaimani-teachers-end-boycott/index.html")
    label = page.cssselect(".provenance--machine")[0]
    notice = label.text_content()
    # The model in words (not its package folder), a link to the original, and the model's licence.
    assert "Argos Translate" in notice and "translate-en_ar" not in notice and "بترخيص MIT" in notice
    original_link = label.cssselect("a[hreflang=en]")[0]
    assert original_link.get("href") == "../../../../../en/2026/11/23/sulaimani-teachers-end-boycott/index.html"
    article = page.cssselect("article.article")[0]
    assert article.get("lang") == "ar" and article.get("dir") == "rtl"
    source_paragraphs = original.cssselect(".article__body p")
    paragraphs = page.cssselect(".article__body p")
    assert len(paragraphs) == len(source_paragraphs)                 # structure kept
    assert [p.text_content() for p in paragraphs] != [p.text_content() for p in source_paragraphs]
    assert original.cssselect(".article__body h2") and page.cssselect(".article__body h2")


def test_pivot_through_english_is_recorded(translated_site):
    config, _, _ = translated_site
    page = parse(config.output_dir / "ckb/2026/11/22/oil-exports-ceyhan-talks/index.html")
    notice = page.cssselect(".provenance--machine")[0].text_content()
    assert "Argos Translate" in notice and "ئینگلیزی" in notice          # through English, in Sorani words
    assert notice.count("Argos Open Technologies") == 1                  # one model family, credited once


def test_nllb_pages_name_the_model_and_its_non_commercial_licence(make_project):
    config = make_project({"2026/11/23/a.md": "---\ntitle: Council meets\nlang: en\n---\nThe council met on Monday.\n"})
    install_test_models(config.translation.models_dir, [("en", "ckb")], nllb=True)
    assert run_build(config).ok
    label = parse(config.output_dir / "ckb/2026/11/23/a/index.html").cssselect(".provenance--machine")[0]
    text = " ".join(label.text_content().split())
    assert "NLLB-200" in text and "Meta AI, No Language Left Behind" in text and "CC BY-NC 4.0" in text
    [licence] = label.cssselect("a[rel=license]")
    assert licence.get("href") == "https://creativecommons.org/licenses/by-nc/4.0/"


@pytest.mark.parametrize("path, source", [
    # Kurmanji to Arabic and to Sorani, and back, through English
    ("ar/2026/11/23/zaxo-apple-growers-fuel", "kmr"),
    ("ckb/2026/11/21/amedi-hotels-full", "kmr"),
    ("kmr/2026/11/22/oil-exports-ceyhan-talks", "ar"),
    ("kmr/2026/11/23/duhok-measles-vaccination", "ckb"),
])
def test_kurmanji_pairs_pivot_through_english(translated_site, path, source):
    from hawal import langs
    from hawal.render import load_translations

    config, _, _ = translated_site
    target = path.split("/")[0]
    page = parse(config.output_dir / path / "index.html")
    notice = page.cssselect(".provenance--machine")[0].text_content()
    words = load_translations(config.locale_dir, target)           # language names in the page's words
    assert words.gettext(langs.get(source).english_name) in notice and words.gettext("English") in notice, notice
    assert page.cssselect("article.article")[0].get("lang") == target


def test_newsroom_translation_wins(translated_site):
    config, _, _ = translated_site
    page = parse(config.output_dir / "ar/2026/11/22/round-the-clock-power/index.html")
    assert page.cssselect(".provenance--newsroom")
    source = (config.content_dir / "2026/11/22/round-the-clock-power.ar.md").read_text(encoding="utf-8")
    assert page.cssselect("h1.article__title")[0].text_content().strip() in source


def test_key_statements_come_from_translated_sentences(translated_site):
    config, _, _ = translated_site
    page = parse(config.output_dir / "ar/2026/11/23/index.html")
    statements = page.cssselect(".key-statements .statement")
    # statements of Arabic articles are shown as written; the others in Arabic, with the original a click away
    translated = [s for s in statements if s.cssselect(".statement__original p")]
    assert translated
    for s in translated:
        assert s.cssselect("blockquote")[0].get("lang") == "ar"
        original = s.cssselect(".statement__original p")[0]
        assert original.get("lang") in set(config.language_codes) - {"ar"}
        assert original.text_content().strip() != s.cssselect("blockquote")[0].text_content().strip()


def test_rebuild_translates_nothing_again(translated_site):
    _, first, second = translated_site
    assert second.translation["computed"] == 0
    assert second.translation["cached"] >= first.translation["computed"]
