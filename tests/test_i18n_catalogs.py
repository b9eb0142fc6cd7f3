"""The gettext catalogs: complete Arabic, Sorani and Kurmanji translations, and a template that matches the templates."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from hawal import langs
from hawal.render import load_translations

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "locale"
TRANSLATED = ("ar", "ckb", "kmr")
EXPECTED_PLURALS = {"ar": 6, "ckb": 2, "en": 2, "kmr": 2}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _catalog(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def _ids(catalog) -> set[str | tuple[str, ...]]:
    return {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}


@pytest.fixture(scope="module")
def template():
    return _catalog(LOCALE / "messages.pot")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages of the templates as pybabel extracts them now, with the project's babel.cfg."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"),
                                "-o", str(out), str(REPO)])
    return _catalog(out)


def test_template_lists_every_message_of_the_templates(template, extracted):
    stale = _ids(template) - _ids(extracted)
    missing = _ids(extracted) - _ids(template)
    assert not missing and not stale, (
        f"locale/messages.pot is out of date (missing {sorted(map(str, missing))}, stale {sorted(map(str, stale))}); "
        "run: pybabel extract -F babel.cfg -o locale/messages.pot . && pybabel update -i locale/messages.pot -d locale")


def test_extraction_finds_the_interface_strings(extracted):
    ids = _ids(extracted)
    assert "Key statements" in ids and ("%(num)s article", "%(num)s articles") in ids


@pytest.mark.parametrize("lang", ("en",) + TRANSLATED)
def test_catalog_has_the_messages_of_the_template(lang, template):
    catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
    assert _ids(catalog) == _ids(template)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(lang, template):
    catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
    untranslated, fuzzy = [], []
    for message_id in _ids(template):
        key = message_id if isinstance(message_id, str) else message_id[0]
        message = catalog.get(key)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        if not all(s.strip() for s in strings):
            untranslated.append(message_id)
        if message.fuzzy:
            fuzzy.append(message_id)
    assert not untranslated, f"{lang}: untranslated {untranslated}"
    assert not fuzzy, f"{lang}: fuzzy entries are ignored at build time: {fuzzy}"


@pytest.mark.parametrize("lang", list(EXPECTED_PLURALS))
def test_plural_forms_header_and_entries_agree(lang):
    catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
    assert catalog.num_plurals == EXPECTED_PLURALS[lang]
    for message in catalog:
        if message.id and message.pluralizable and lang in TRANSLATED:
            assert len(message.string) == EXPECTED_PLURALS[lang], message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_use_only_placeholders_of_their_message(lang):
    catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
    assert [(m.id, str(e)) for m, errors in catalog.check() for e in errors] == []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        allowed = {name for i in ids for name in _PLACEHOLDER.findall(i)}
        for s in strings:
            assert set(_PLACEHOLDER.findall(s)) <= allowed, (message.id, s)
            assert s.count("%") == len(_PLACEHOLDER.findall(s)), f"stray % in {s!r}"


def test_arabic_plurals_pick_the_right_form_through_the_renderer():
    catalog = _catalog(LOCALE / "ar" / "LC_MESSAGES" / "messages.po")
    forms = catalog.get("%(num)s article").string
    translations = load_translations(LOCALE, "ar")
    # zero, one, two, few (3-10), many (11-99), other (100-102)
    for n, form in ((0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5), (102, 5), (103, 3)):
        assert translations.ngettext("%(num)s article", "%(num)s articles", n) == forms[form], n


@pytest.mark.parametrize("lang", TRANSLATED)
def test_renderer_reads_the_translated_catalog(lang):
    catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
    translations = load_translations(LOCALE, lang)
    for key in ("Key statements", "Latest briefing", "Skip to content"):
        assert translations.gettext(key) == catalog.get(key).string != key
    script = langs.get(lang).script           # written in the language's own letters
    assert all(script.contains(ch) for ch in translations.gettext("Archive") if ch.isalpha())


def test_built_pages_show_interface_strings_from_the_catalogs(make_project):
    from hawal.pipeline import run_build
    from html_tools import parse

    config = make_project({"2026/11/23/water-talks.md": (
        "---\ntitle: Water talks resume\ndate: 2026-11-23T10:30:00+03:00\n---\n"
        "BAGHDAD (Hawal) — Negotiators resumed talks on water sharing on Monday.\n")},
        languages=["en", *TRANSLATED])
    run_build(config)
    for lang in TRANSLATED:
        catalog = _catalog(LOCALE / lang / "LC_MESSAGES" / "messages.po")
        doc = parse(config.output_dir / lang / "index.html")
        nav = [a.text_content().strip() for a in doc.cssselect(".site-nav a")]
        assert catalog.get("Archive").string in nav and catalog.get("Topics").string in nav
        count = doc.cssselect(".briefing-header__count")[0].text_content().strip()
        one = "١" if config.language(lang).digits == "arab" else "1"
        assert count == load_translations(LOCALE, lang).ngettext("%(num)s article", "%(num)s articles", 1).replace(
            "%(num)s", one), count
        article = parse(config.output_dir / lang / "2026/11/23/water-talks/index.html")
        notice = article.cssselect(".provenance--missing")[0].text_content()
        assert catalog.get("English").string in notice
