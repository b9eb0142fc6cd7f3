"""The language registry (hawal/langs/): every spec complete and consistent, the rest of hawal asking
it, and a language registered from outside (here: Persian, in a test) working without other code."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po

from hawal import langs
from hawal.language import LanguageUnclear, detect_language, normalize_text, search_folds
from hawal.langs import DIGIT_SYSTEMS, SCRIPTS, LanguageSpec, N_
from hawal.langs.scripts import ARABIC
from hawal.sources import DATELINE
from html_tools import pages, parse

REPO = Path(__file__).resolve().parent.parent
SPECS = langs.registered()


def test_every_language_folder_is_registered_under_its_code():
    folders = sorted(p.name for p in (REPO / "hawal/langs").iterdir() if (p / "__init__.py").is_file())
    assert list(langs.codes()) == folders
    for code in folders:
        assert langs.get(code).code == code


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_spec_is_complete_and_consistent(spec: LanguageSpec):
    assert re.fullmatch(r"[a-z]{2,3}", spec.code)
    assert spec.name and spec.english_name and spec.english_name.isascii()
    assert spec.script in SCRIPTS and spec.direction in ("ltr", "rtl")
    # The name is written in the language's own script.
    assert all(spec.script.contains(ch) for ch in spec.name if ch.isalpha())
    locale = Locale.parse(spec.babel_locale)
    assert locale.language == spec.catalog_locale
    assert spec.digits in DIGIT_SYSTEMS
    assert format_date(dt.date(2026, 11, 23), spec.date_format, locale=locale)
    # NLLB tokens are language_Script: the script must be the spec's.
    assert re.fullmatch(r"[a-z]{3}_[A-Z][a-z]{3}", spec.nllb_code)
    assert spec.nllb_code.split("_")[1] == spec.script.code
    assert langs.nllb_token(spec.code) == spec.nllb_code
    assert langs.from_argos(spec.argos_code) == spec.code and langs.to_argos(spec.code) == spec.argos_code
    assert len(spec.quotes) == 2 and all(len(q) == 1 for q in spec.quotes) and spec.quotes[0] != spec.quotes[1]
    assert DATELINE.match(spec.dateline_example + "x"), "`new` must scaffold a dateline the wire reader accepts"
    for ch in spec.evidence.letters:
        assert spec.script.contains(ch) or not ch.isalpha(), f"{spec.code}: evidence letter {ch!r} of another script"
    assert spec.normalize("x") == "x" and spec.normalize(spec.name) == spec.name
    assert all(spec.script.contains(ch) for ch in spec.proclitics)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_spec_names_a_spacy_language_and_its_fixes_compile(spec):
    from hawal.langs.nlp import blank_pipeline

    nlp = blank_pipeline(spec.code)
    assert nlp.lang == spec.spacy_lang
    for token in spec.tokenizer_exceptions:
        assert [t.text for t in nlp(f"{token} Test")][0] == token


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_statement_rules_load_on_demand(spec):
    # A language without a statements module yet has no rules (None), never an import error.
    module = REPO / "hawal/langs" / spec.code / "statements.py"
    rules = spec.statement_rules()
    assert (rules is None) == (not module.exists())


def test_language_names_are_translated_in_every_catalog():
    for catalog_path in sorted((REPO / "locale").glob("*/LC_MESSAGES/messages.po")):
        with catalog_path.open("rb") as fh:
            catalog = read_po(fh)
        for spec in SPECS:
            message = catalog.get(spec.english_name)
            assert message is not None, f"{catalog_path}: no entry for {spec.english_name!r}"
            if catalog_path.parts[-3] not in ("en",):
                assert message.string, f"{catalog_path}: {spec.english_name!r} untranslated"


def test_exactly_one_pivot_and_search_folds_agree():
    assert [s.code for s in SPECS if s.pivot] == [langs.pivot()]
    table = search_folds()
    for spec in SPECS:
        for ch, to in {**spec.script.search_folds, **spec.search_folds}.items():
            assert table[ch] == to


def test_search_js_folds_the_same_letters_as_the_registry():
    """static/search.js keeps its own copy of the fold table (the browser test compares every
    character through node); this catches a registry change without node."""
    js = (REPO / "static/search.js").read_text(encoding="utf-8")
    letters = js[js.index("const LETTERS"):js.index("]);", js.index("const LETTERS"))]
    pairs = {chr(int(a, 16)): chr(int(b, 16)) if b else None
             for a, b in re.findall(r'\["\\u([0-9A-F]{4})", "(?:\\u([0-9A-F]{4}))?"\]', letters)}
    table = {ch: to or None for ch, to in search_folds().items() if not ("\u0660" <= ch <= "\u06f9" and ch.isdigit())}
    assert pairs == table


def test_get_names_the_known_languages_and_register_refuses_a_second_spec_for_a_code():
    with pytest.raises(langs.UnknownLanguage, match=r"unknown language 'zz' \(known: ar \(Arabic\), ckb"):
        langs.get("zz")
    assert langs.find("zz") is None and langs.direction("zz") == "ltr"
    with pytest.raises(ValueError, match="already registered"):
        langs.register(LanguageSpec(code="en", name="x", english_name="x", script=ARABIC, babel_locale="en",
                                    digits="latn", date_format="full", nllb_code="eng_Latn", quotes=("«", "»"),
                                    dateline_example="X (Y) — "))


def test_direction_comes_from_the_script():
    for spec in SPECS:
        assert langs.direction(spec.code) == spec.script.direction


# --- a language registered from outside hawal/langs/ ------------------------------------------------

PERSIAN = LanguageSpec(
    code="fa", name="فارسی", english_name=N_("Persian"), script=ARABIC, babel_locale="fa_IR", digits="arab",
    date_format="full", nllb_code="pes_Arab", quotes=("«", "»"), dateline_example="تهران (خبرگزاری) — ",
    spacy_lang="fa",
)
FA_ARTICLE = """---
title: برنامه تازه برای برق زمستان
date: 2026-11-23
lang: fa
tags: [energy]
---
وزارت نیرو روز دوشنبه اعلام کرد که برای زمستان برنامه تازه‌ای آماده کرده است.

به گفته سخنگوی وزارت، این برنامه در سه مرحله اجرا می‌شود.
"""
EN_ARTICLE = """---
title: Power plan for the winter
date: 2026-11-23
---
The electricity ministry said on Monday that it had prepared a new plan for the winter.
"""


@pytest.fixture
def persian():
    langs.register(PERSIAN)
    try:
        yield PERSIAN
    finally:
        langs.unregister(PERSIAN.code)


def test_a_registered_language_is_known_to_config_detection_and_help(persian, make_project):
    from hawal.cli import build_parser

    config = make_project({}, languages={"en": {}, "fa": {}})
    assert config.language("fa").name == "فارسی" and config.language("fa").digits == "arab"
    assert "fa (Persian)" in build_parser()._subparsers._group_actions[0].choices["new"].format_help()
    # A language with no evidence of its own does not blur the others: Sorani stays Sorani.
    assert detect_language("حکومەتی هەرێم ڕایگەیاند کە پرۆژەکە لە ماوەی دوو ساڵدا تەواو دەبێت.") == "ckb"
    with pytest.raises(LanguageUnclear):
        detect_language("وزارت نیرو برنامه زمستان را اعلام کرد و گفت")
    assert normalize_text("كتاب", "fa") == "كتاب"                     # no spelling fixes of its own


def test_config_lists_registered_languages_when_one_is_unknown(persian, make_project):
    from hawal.config import ConfigError

    with pytest.raises(ConfigError, match=r"unknown language 'zz' \(known: ar, ckb, en, fa, kmr\)"):
        make_project({}, languages=["en", "zz"])


def test_a_registered_language_gets_dir_lang_digits_and_fonts_without_other_code(persian, make_project):
    from hawal.pipeline import run_build

    config = make_project({"2026/11/23/power-plan.md": FA_ARTICLE, "2026/11/23/power-plan-en.md": EN_ARTICLE},
                          languages={"en": {}, "fa": {}})
    run_build(config)
    site = config.output_dir
    briefing = parse(site / "fa/index.html")
    assert briefing.get("lang") == "fa" and briefing.get("dir") == "rtl"
    assert re.search("[٠-٩]", briefing.cssselect("time")[0].text_content())          # Eastern Arabic digits
    switcher = {a.get("lang"): a.get("dir") for a in briefing.cssselect(".language-switcher a")}
    assert switcher == {"en": "ltr", "fa": "rtl"}
    # The English page of the Persian article shows the original, marked as Persian and right to left.
    page = parse(site / "en/2026/11/23/power-plan/index.html")
    article = page.cssselect("article.article")[0]
    assert article.get("lang") == "fa" and article.get("dir") == "rtl"
    assert "Persian" in page.cssselect(".provenance")[0].text_content()
    css = (site / "static/site.css").read_text(encoding="utf-8")
    assert ":lang(ar),\n:lang(ckb),\n:lang(fa) {\n  --font-text: var(--font-arabic);" in css


# --- templates: every lang="" has the dir of its language -------------------------------------------

def test_templates_take_dir_from_the_registry(example_built):
    checked = 0
    for path in pages(example_built):
        for el in parse(path).iter():
            lang, direction = el.get("lang"), el.get("dir")
            if lang and direction:
                assert direction == langs.direction(lang), f"{path}: <{el.tag} lang={lang} dir={direction}>"
                checked += 1
    assert checked > 100


def test_no_template_or_module_outside_the_registry_names_a_language():
    """The done criterion of issue 13: language codes only in hawal/langs/ (hawal/statements/ is
    being moved there by its own work)."""
    found = subprocess.run(["git", "grep", "-nE", r"""['"](ar|ckb|en|kmr)['"]""", "--", "hawal", "templates"],
                           cwd=REPO, capture_output=True, text=True).stdout.splitlines()
    outside = [line for line in found if not line.startswith(("hawal/langs/", "hawal/statements/"))]
    assert not outside, "\n".join(outside)


@pytest.fixture(scope="module")
def example_built(tmp_path_factory):
    import shutil

    from conftest import example_languages, write_project
    from hawal.pipeline import run_build

    root = tmp_path_factory.mktemp("langs-example")
    shutil.copytree(REPO / "content", root / "content")
    config = write_project(root, {}, languages=example_languages())
    run_build(config)
    return config.output_dir
