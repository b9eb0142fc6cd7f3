"""Kurmanji (kmr) as the fourth language: detection, its spec (Babel, spaCy, statements module),
search folding, translation through English, and a site in ckb, kmr, ar and en built from the
example content (its pages, and incremental builds equal to clean ones)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import sys
import types
import unicodedata

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

import model_factory as mf    # noqa: F401  (first: keeps argos's settings out of the home folder)
from conftest import REPO, write_project
from detection_sets import SETS, SITES, load_set, run
from hawal import langs
from hawal.config import load_config
from hawal.language import LanguageUnclear, detect_language, fold_for_search
from hawal.pipeline import run_build
from html_tools import pages, parse

FOUR = SITES["four-language site"]           # ckb, kmr, ar, en: the configuration
THREE = SITES["three-language site"]

KMR_ARTICLE = """---
title: "Pêşangeha pirtûkan li Hewlêrê vebû"
date: 2026-11-23T10:00:00+03:00
tags: [culture]
---
HEWLÊR (Hawal) — Pêşangeha pirtûkan a Hewlêrê îro bi beşdariya bi sedan weşanxaneyan dest pê kir.

Dr. Nazdar Omer got ku beşeke taybet ji bo pirtûkên zarokan hatiye veqetandin. “Em dixwazin zarok bi zimanê xwe bixwînin,” wê got.
"""
EN_ARTICLE = """---
title: Book fair opens in Erbil
date: 2026-11-23T09:00:00+03:00
tags: [culture]
---
The Erbil book fair opened on Monday with hundreds of publishers from the region and abroad.
"""


# --- detection ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def outcomes():
    return {(name, site): run(load_set(name), SITES[site]) for name in SETS for site in SITES}


# Misses of the blind held-out runs that no later change was made for (see /work/notes/kmr.md):
# two Kurmanji sentences around a shorter English one read as Kurmanji.
KNOWN_MISSES = ("Zanîngeha Dihokê beşeke nû vedike. Duhok University will open",)


def test_four_language_site_never_names_the_wrong_language(outcomes):
    """Kurmanji and English, long, short, without diacritics or full of each other's names: the
    answer is the right language or a refusal (LanguageUnclear), never the other language."""
    for name in SETS:
        wrong = [o for o in outcomes[name, "four-language site"] if o.verdict == "wrong" and not o.case.limitation]
        assert all(o.case.text.startswith(KNOWN_MISSES) for o in wrong), [(o.case.text, o.got) for o in wrong]


def test_long_texts_and_other_scripts_are_always_told(outcomes):
    for name in SETS:
        for o in outcomes[name, "four-language site"]:
            if o.case.cat in ("kmr-long", "en-long", "arabic-script", "foreign"):
                assert o.verdict == "right", (o.case.text, o.got)


def test_three_language_site_reads_english_as_before_kurmanji_was_registered(outcomes):
    """A site in en, ar and ckb: every text that is not Kurmanji (or mixed) gets the answer it got
    when English was the only Latin-script language (example sources and bad-source cases too), or
    is refused where its Kurmanji letters outweigh its English words; never another language."""
    texts = [(o.case.text, o.case.expect) for name in SETS for o in outcomes[name, "three-language site"]]
    for path in sorted((REPO / "content").rglob("*")) + sorted((REPO / "tests/data/sources").rglob("*")):
        if path.suffix in (".md", ".txt") and path.name != "README.md":
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            texts.append((text, "kmr" if _detect(text, FOUR) == "kmr" else "file"))
    after = [_detect(text, THREE) for text, _ in texts]
    english, kurmanji_spec = langs.get("en"), langs.get("kmr")
    langs.unregister("kmr")
    langs.register(dataclasses.replace(english, evidence=langs.Evidence()), replace=True)
    try:
        before = [_detect(text, THREE) for text, _ in texts]
    finally:
        langs.register(english, replace=True)
        langs.register(kurmanji_spec)
    changed = [(text[:70], b, a) for (text, expect), b, a in zip(texts, before, after)
               if a != b and expect not in ("kmr", "unclear")]
    assert all(a == "unclear" and _kurmanji_outweighs_english(text) for text, b, a in changed), changed
    kurmanji = [a for (text, expect), a in zip(texts, after) if expect == "kmr"]
    assert kurmanji.count("kmr") >= 0.8 * len(kurmanji)     # reported as not one of the site's languages


def _kurmanji_outweighs_english(text: str) -> bool:
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    kurmanji, english = langs.get("kmr").evidence, langs.get("en").evidence
    return kurmanji.score(text, words) >= english.score(text, words)


def _detect(text: str, site) -> str:
    try:
        return detect_language(text, site)
    except LanguageUnclear:
        return "unclear"


def test_decomposed_letters_capitals_and_wire_copy_are_kurmanji():
    text = "Rêveberiya Avê ya Dihokê ragihand ku du stasyonên nû hatin vekirin."
    assert detect_language(unicodedata.normalize("NFD", text)) == "kmr"
    assert detect_language("HEWLÊR (HAWAL) — " + text.upper()) == "kmr"


def test_unclear_text_says_what_evidence_it_found():
    with pytest.raises(LanguageUnclear, match=r"Latin script with 1 English word, 3 Kurmanji letters and 0 Kurmanji"):
        detect_language("Şêx Adî shrine reopens in Şêxan", FOUR)
    with pytest.raises(LanguageUnclear, match="mixed text: .* sentences that read as"):
        detect_language("Wezareta Perwerdeyê got ku azmûn dê bên kirin. The ministry said exams will be "
                        "held next month.", FOUR)


def test_a_terse_english_text_is_english_on_a_three_language_site_and_unclear_on_a_four_language_one():
    terse = "ERBIL (Hawal) — An article in an impossible folder date."
    assert detect_language(terse, THREE) == "en"
    with pytest.raises(LanguageUnclear):
        detect_language(terse, FOUR)
    # ... but a Kurmanji headline is never English, on any site
    with pytest.raises(LanguageUnclear):
        detect_language("Zanîngeha Dihokê beşeke nû vedike.", THREE)


def test_kurmanji_source_on_a_three_language_site_is_reported(make_project):
    from hawal.sources import load_sources

    config = make_project({"2026/11/23/fair.md": KMR_ARTICLE})
    result = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    [error] = result.errors
    assert "detected language 'kmr' is not one of this site's (en, ar, ckb)" in error.message


def test_kurmanji_source_is_detected_and_kept_as_written_on_a_four_language_site(make_project):
    from hawal.sources import load_sources

    config = make_project({"2026/11/23/fair.md": KMR_ARTICLE, "2026/11/23/fair-en.md": EN_ARTICLE},
                          languages=list(FOUR))
    result = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    assert not result.errors
    kmr = next(a for a in result.articles if a.slug == "fair")
    assert kmr.lang == "kmr" and kmr.title == "Pêşangeha pirtûkan li Hewlêrê vebû"
    assert kmr.dateline is None or kmr.dateline.place == "HEWLÊR"


# --- the spec: Babel, spaCy, statements ----------------------------------------------------------

def test_babel_locale_is_kurmanji_in_latin_letters_in_iraq():
    spec = langs.get("kmr")
    locale = Locale.parse(spec.babel_locale)
    assert (locale.language, locale.script, locale.territory) == ("ku", "Latn", "IQ")
    # Why not "kmr_IQ": Babel's alias table turns it into the Arabic-script ku_Arab_IQ.
    assert Locale.parse("kmr_IQ").script == "Arab"
    assert format_date(dt.date(2026, 11, 23), spec.date_format, locale=locale) == "duşem, 23ê mijdara 2026an"
    assert format_date(dt.date(2026, 11, 23), spec.short_date_format, locale=locale) == "23ê mijdara 2026an"
    assert format_decimal(1250.5, locale=locale) == "1.250,5"
    assert spec.catalog_locale == "ku" and spec.direction == "ltr" and spec.nllb_code == "kmr_Latn"


def test_kurmanji_is_segmented_by_spacy_kmr_without_splitting_after_titles():
    from hawal.segment import segment_articles, sentence_pipeline
    from hawal.sources import Article

    assert sentence_pipeline("kmr").lang == "kmr"
    body = ("Dr. Azad Berwarî got ku 1.800 malbat li herêmê dijîn. “Em ê alîkariyê bidin,” wî got. "
            "Prof. Şîrîn Ehmed jî beşdar bû.")
    article = Article("content/a.md", "a", "kmr", dt.date(2026, 11, 23),
                      dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), "Sernav", body, 1, "markdown")
    sentences = [s.text for s in segment_articles([article])[0].sentences]
    assert sentences == ["Dr. Azad Berwarî got ku 1.800 malbat li herêmê dijîn.",
                         "“Em ê alîkariyê bidin,” wî got.", "Prof. Şîrîn Ehmed jî beşdar bû."]


def test_statement_rules_come_from_hawal_langs_kmr_statements(monkeypatch):
    """The statements work puts Kurmanji rules in hawal/langs/kmr/statements.py; the spec finds
    them by that module path."""
    spec = langs.get("kmr")
    assert spec.statements_module == "hawal.langs.kmr.statements"
    rules = object()
    module = types.ModuleType(spec.statements_module)
    module.RULES = rules
    monkeypatch.setitem(sys.modules, spec.statements_module, module)
    assert spec.statement_rules() is rules


# --- search -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, typed", [
    ("Hewlêr", "Hewler"), ("HEWLÊR", "hewler"), ("Pêşangeha", "pesangeha"), ("çiyayê", "ciyaye"),
    ("Şêx", "sex"), ("Kerkûk", "kerkuk"), ("Amêdî", "amedi"), ("ẍ", "x"), ("Hewle\u0302r", "hewler"),
])
def test_kurmanji_folds_with_and_without_diacritics(written, typed):
    assert fold_for_search(written) == fold_for_search(typed) == typed.casefold()


@pytest.fixture(scope="module")
def four_language_site(tmp_path_factory):
    """The example content in the issue's configuration: languages [ckb, kmr, ar, en]."""
    root = tmp_path_factory.mktemp("four")
    shutil.copytree(REPO / "content", root / "content")
    config = write_project(root, {}, languages=list(FOUR))
    report = run_build(config)
    assert report.ok, report.errors
    return config, report


def test_kurmanji_words_are_found_typed_without_diacritics(four_language_site, tmp_path):
    from test_search import NODE, _node_search

    config, _ = four_language_site
    if NODE is None or not (config.output_dir / "pagefind/kmr").is_dir():
        pytest.skip("node or pagefind not installed")
    queries = ["Pesangeha", "pesangeha", "weşanxaneyan", "wesanxaneyan", "ZAXOYE"]
    found = _node_search(tmp_path, config.output_dir, "kmr", [(q, True) for q in queries])
    for query in queries[:4]:
        assert any("hewler-book-fair" in hit["url"] for hit in found[query]), (query, found[query])
    assert any("zaxo-apple-growers-fuel" in hit["url"] for hit in found["ZAXOYE"])
    # the result shows the word as written, marked where the folded query matched it
    assert "Pêşangeha" in next(h for h in found["pesangeha"] if "hewler-book-fair" in h["url"])["marked"]


# --- the four-language site -------------------------------------------------------------------------

def test_every_language_gets_every_page_and_ckb_is_x_default(four_language_site):
    config, report = four_language_site
    counts = {lang: report.pages[lang] for lang in FOUR}
    assert len(set(counts.values())) == 1 and counts["kmr"] > 20, counts
    site = config.output_dir
    for lang in FOUR:
        for page in pages(site / lang):
            root = parse(page)
            assert root.get("lang") == lang and root.get("dir") == langs.direction(lang), page
    home = parse(site / "kmr/index.html")
    switcher = [a.get("hreflang") for a in home.cssselect(".language-switcher a")]
    assert switcher == list(FOUR)
    assert home.xpath('//link[@rel="alternate"][@hreflang="x-default"]/@href') == [config.base_url + "ckb/"]


def test_kurmanji_pages_speak_kurmanji(four_language_site):
    config, _ = four_language_site
    site = config.output_dir
    day = parse(site / "kmr/2026/11/23/index.html")
    assert day.cssselect("h1 time")[0].text_content().strip() == "duşem, 23ê mijdara 2026an"
    text = day.text_content()
    assert "Nûçeyên rojê" in text and "Kurteya herî dawî" in text
    # an English article on a Kurmanji page: shown as written, said so in Kurmanji
    english = parse(site / "kmr/2026/11/23/erbil-exchange-markets/index.html")
    assert english.cssselect("article.article")[0].get("lang") == "en"
    assert "Ev nûçe tenê bi zimanê Îngilîzî heye." in english.cssselect(".provenance--missing")[0].text_content()
    # a Kurmanji article on a Sorani page: left to right, named in Sorani
    kurmanji = parse(site / "ckb/2026/11/23/zaxo-apple-growers-fuel/index.html")
    article = kurmanji.cssselect("article.article")[0]
    assert article.get("lang") == "kmr" and article.get("dir") == "ltr"
    assert "کوردی (کورمانجی)" in kurmanji.cssselect(".provenance--missing")[0].text_content()
    # the newsroom's own Kurmanji translation of an English article
    translated = parse(site / "kmr/2026/11/22/round-the-clock-power/index.html")
    assert translated.cssselect(".provenance--newsroom")
    assert translated.cssselect("h1.article__title")[0].text_content().startswith("Elektrîka bênavber")
    # topics named in Kurmanji, and Latin fonts for Kurmanji in the stylesheet
    assert "Çandinî" in parse(site / "kmr/tags/index.html").text_content()
    css = (site / "static/site.css").read_text(encoding="utf-8")
    assert re.search(r":lang\(en\),\n:lang\(kmr\) \{\n  --font-text: var\(--font-latin-text\);", css)


def test_root_page_sends_a_browser_set_to_kurdish_to_kurmanji(four_language_site):
    config, _ = four_language_site
    home = (config.output_dir / "index.html").read_text(encoding="utf-8")
    assert 'var aliases = {"ku": "kmr"};' in home


def test_editing_a_kurmanji_article_gives_the_same_site_as_a_clean_build(tmp_path):
    from test_incremental import site_bytes

    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    config = write_project(root, {}, languages=list(FOUR))
    run_build(config)
    edited = config.content_dir / "2026/11/21/amedi-hotels-full.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("430 hezar", "440 hezar"), encoding="utf-8")
    rendered = []
    from hawal.pipeline import BuildOptions
    run_build(config, BuildOptions(on_file=lambda output: rendered.append(output.path)))
    assert "kmr/2026/11/21/amedi-hotels-full/index.html" in rendered
    assert not any(path.startswith(("kmr/2026/11/20/", "en/2026/11/22/")) for path in rendered)
    clean_root = tmp_path / "clean"
    shutil.copytree(config.root, clean_root, ignore=shutil.ignore_patterns("site", "site.next", ".hawal"))
    clean = load_config(clean_root / "config.yaml")
    run_build(clean)
    assert site_bytes(config.output_dir) == site_bytes(clean.output_dir)


# --- translation -------------------------------------------------------------------------------------

def test_pack_nllb_packs_kurmanji_and_routes_kurmanji_through_english(tmp_path):
    from hawal.translate.packages import best_models, discover_models, find_route, pack_nllb, parse_nllb_langs

    assert parse_nllb_langs("en,ar,ckb,kmr") == {"en": "eng_Latn", "ar": "arb_Arab", "ckb": "ckb_Arab",
                                                  "kmr": "kmr_Latn"}
    models = pack_nllb(mf.make_nllb_ct2_dir(tmp_path / "ct2"), parse_nllb_langs("en,ar,ckb,kmr"), tmp_path / "nllb")
    assert len(models) == 12
    kmr_ar = next(m for m in models if (m.from_code, m.to_code) == ("kmr", "ar"))
    assert (kmr_ar.source_prefix, kmr_ar.target_prefix) == ("kmr_Latn", "arb_Arab")
    # argos-style packages to and from English only: Kurmanji ↔ Arabic and ↔ Sorani go through English
    mf.install_test_models(tmp_path / "argos", [("kmr", "en"), ("en", "kmr"), ("en", "ar"), ("ar", "en"),
                                                 ("en", "ckb"), ("ckb", "en")])
    by_pair = best_models(discover_models(tmp_path / "argos").models)
    for src, tgt in (("kmr", "ar"), ("ar", "kmr"), ("kmr", "ckb"), ("ckb", "kmr")):
        assert [(m.from_code, m.to_code) for m in find_route(by_pair, src, tgt)] == [(src, "en"), ("en", tgt)]


def test_nllb_packed_models_translate_kurmanji_with_its_language_token(tmp_path):
    from hawal.config import TranslationConfig
    from hawal.segment import segment_articles
    from hawal.sources import Article
    from hawal.translate import translate_articles
    from hawal.translate.engine import Engine, EngineSettings
    from hawal.translate.packages import pack_nllb, parse_nllb_langs

    pack_nllb(mf.make_nllb_ct2_dir(tmp_path / "ct2"), parse_nllb_langs("en,ar,ckb,kmr"), tmp_path / "models")
    log: list = []
    config = TranslationConfig(models_dir=tmp_path / "models", memory=tmp_path / "tm.sqlite3")
    seg = segment_articles([Article("content/a.md", "a", "kmr", dt.date(2026, 11, 23),
                                    dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), "Stasyona avê",
                                    "Wezaretê stasyoneke nû ya avê vekir.", 1, "markdown")])[0]
    engine = Engine(EngineSettings.from_config(config), translator_factory=mf.recording_factory(log))
    outcome = translate_articles([seg], list(FOUR), config, engine=engine)
    firsts = {s[0] for c in log[0].calls for s in c["source"]}
    prefixes = {p[0] for c in log[0].calls for p in c["kwargs"]["target_prefix"]}
    assert firsts == {"kmr_Latn"} and prefixes == {"eng_Latn", "arb_Arab", "ckb_Arab"}
    for target in ("ar", "ckb", "en"):
        version = outcome.versions[(seg.article.key, target)]
        assert version.provenance.route == ("kmr", target) and "kmr_Latn" not in version.body
