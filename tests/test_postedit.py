"""Post-editing machine translations (issue 10 points 7 and 8): the guard on machine output, and
`translations export/import` with reviewed corrections in the translation memory.

Two kinds of tiny real models (tests/model_factory.py): en→ar is a piece-for-piece mapping model
whose output is in Arabic letters and of the source's length, so it passes the guard and pages show
it; en→ckb has random weights, loops and mixes scripts, so the guard stops every one of its
sentences. The Arabic the tests "review" is written by us.
"""
from __future__ import annotations

import json
import shutil
import sqlite3

import polib
import pytest
from lxml import etree

from hawal.cli import main
from hawal.config import load_config
from hawal.pipeline import BuildOptions, run_build
from hawal.translate.memory import TranslationMemory
from hawal.translate.postedit import XLIFF_NS
from html_tools import parse
from model_factory import install_test_models
from test_incremental import site_bytes

BUDGET = """---
title: Council approves the school budget
date: 2026-11-23
tags: [education]
---
The provincial council approved a budget of 1,250 million dinars for 14 new schools on Monday.

Work on the first buildings will start in March, the council's chairman said.

Parents asked for heating in every classroom before the winter.
"""
WATER = """---
title: New water station opens in the north
date: 2026-11-23
tags: [water]
---
The ministry opened a new water station in the north of the city on Tuesday.

Officials said that families would be connected before the end of the month.
"""
FILES = {"2026/11/23/council-budget.md": BUDGET, "2026/11/23/water-station.md": WATER}
# What an Arabic editor writes for the budget story (title and each sentence, in order).
REVIEWED_AR = [
    "المجلس يقرّ موازنة المدارس",
    "أقرّ مجلس المحافظة يوم الاثنين موازنة قدرها 1,250 مليون دينار لبناء 14 مدرسة جديدة.",
    "وقال رئيس المجلس إن العمل في المباني الأولى سيبدأ في آذار.",
    "وطالب أولياء الأمور بتدفئة كل صف دراسي قبل حلول الشتاء.",
]
SORANI = "ئەنجومەنی پارێزگا بودجەیەکی نوێی بۆ قوتابخانەکان پەسەند کرد و کارەکان لە مانگی ئاداردا دەست پێدەکەن."


@pytest.fixture
def project(make_project):
    config = make_project(FILES)
    install_test_models(config.translation.models_dir, [("en", "ar")], mapping=True)
    install_test_models(config.translation.models_dir, [("en", "ckb")])
    return config


def cli(config, *args) -> int:
    return main(["--config", str(config.root / "config.yaml"), *args])


def budget_page(config, lang="ar"):
    return parse(config.output_dir / f"{lang}/2026/11/23/council-budget/index.html")


def budget_path(config) -> str:
    return str(config.content_dir / "2026/11/23/council-budget.md")


def corrections(config) -> dict:
    with TranslationMemory(config.translation.memory) as memory:
        return memory.corrections()


def export_po(config, tmp_path, *args) -> polib.POFile:
    out = tmp_path / "export.po"
    assert cli(config, "translations", "export", "-o", str(out), *args) == 0
    return polib.pofile(str(out))


def review_po(po: polib.POFile, texts: list[str], path) -> None:
    """What Poedit does when a translator rewrites an entry: the new text, "Needs work" cleared."""
    for entry, text in zip(po, texts):
        entry.msgstr = text
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    po.save(str(path))


# --- the guard -------------------------------------------------------------------------------------

def test_guarded_machine_sentences_show_the_original_with_a_notice_and_are_counted(project, tmp_path, capsys):
    report_path = tmp_path / "report.json"
    assert cli(project, "build", "--report", str(report_path)) == 0
    out = capsys.readouterr().err
    report = json.loads(report_path.read_text())
    # Random weights: every ckb title and sentence fails; the mapping model's Arabic passes.
    ckb_units = 4 + 3
    assert report["translation"]["guarded"] == ckb_units
    assert len(report["guarded"]) == ckb_units and all(" ckb " in g for g in report["guarded"])
    assert {g.split(": ")[2] for g in report["guarded"]} <= {"loop", "length", "numbers", "script", "copy", "empty"}
    assert f"guard: {ckb_units} machine sentence(s) failed the checks" in out

    page = budget_page(project, "ckb")
    notice = page.cssselect(".provenance--guarded")[0]
    assert notice.get("role") == "note" and "ئینگلیزی" in notice.text_content()    # "English", in Sorani
    shown = page.cssselect(".article__body span.guarded")
    assert [s.get("lang") for s in shown] == ["en"] * 3 and {s.get("dir") for s in shown} == {"ltr"}
    assert shown[0].text_content().startswith("The provincial council approved a budget of 1,250 million dinars")
    title = page.cssselect("h1.article__title")[0]
    assert title.get("lang") == "en" and title.text_content() == "Council approves the school budget"
    # The Arabic page shows the model's text, nothing stopped.
    ar = budget_page(project)
    assert not ar.cssselect(".provenance--guarded, span.guarded") and ar.cssselect(".provenance--machine")
    assert "The provincial council" not in ar.cssselect(".article__body")[0].text_content()


def test_export_failed_lists_the_stopped_sentences_for_a_human(project, tmp_path):
    assert run_build(project).ok
    po = export_po(project, tmp_path, "--failed")
    assert po.metadata["Language"] == "ckb" and po.metadata["X-Source-Language"] == "en"
    assert len(po) == 7 and all(e.msgstr == "" for e in po)        # nothing to correct: translate afresh
    assert all("failed the guard" in e.comment for e in po)
    assert po[0].msgid == "Council approves the school budget" and po[0].occurrences[0][0].endswith("council-budget.md")
    # A Sorani translator's work on them is stored and replaces the original on the page.
    for entry in po:
        entry.msgstr = SORANI
    po.save(str(tmp_path / "done.po"))
    assert cli(project, "translations", "import", str(tmp_path / "done.po")) == 0
    report = run_build(project)
    assert report.translation["guarded"] == 0 and report.translation["reviewed"] == 7
    assert budget_page(project, "ckb").cssselect(".provenance--reviewed")


# --- export and import --------------------------------------------------------------------------------

def _check_xliff_2_core(root) -> None:
    """The XLIFF 2.0 core constraints on what hawal writes (the OASIS schema's element order,
    required attributes, NMTOKEN ids unique in their scope, the state values)."""
    ns = f"{{{XLIFF_NS}}}"
    nmtoken = r"^[\w.\-:]+$"
    import re

    assert root.tag == f"{ns}xliff" and root.get("version") == "2.0" and root.get("srcLang") and root.get("trgLang")
    assert set(root.attrib) <= {"version", "srcLang", "trgLang"}
    files = list(root)
    assert files and all(f.tag == f"{ns}file" for f in files)
    assert len({f.get("id") for f in files}) == len(files)
    for f in files:
        assert re.match(nmtoken, f.get("id")) and set(f.attrib) <= {"id", "original", "srcDir", "trgDir"}
        assert {f.get("srcDir"), f.get("trgDir")} <= {"ltr", "rtl", "auto", None}
        units = list(f)
        assert units and all(u.tag == f"{ns}unit" for u in units)
        assert len({u.get("id") for u in units}) == len(units)
        for u in units:
            assert re.match(nmtoken, u.get("id")) and set(u.attrib) <= {"id", "name"}
            children = [c.tag for c in u]
            assert children in ([f"{ns}notes", f"{ns}segment"], [f"{ns}segment"])
            for note in u.iter(f"{ns}note"):
                assert set(note.attrib) <= {"category"} and note.text
            [segment] = u.findall(f"{ns}segment")
            assert segment.get("state") in ("initial", "translated", "reviewed", "final")
            assert [c.tag for c in segment] in ([f"{ns}source"], [f"{ns}source", f"{ns}target"])
            assert all(len(c) == 0 for c in segment)          # plain text, no inline codes


def test_xliff_export_is_one_unit_per_sentence_with_source_machine_target_and_stable_ids(project, tmp_path):
    assert run_build(project).ok
    out = tmp_path / "review.xlf"
    assert cli(project, "translations", "export", "--lang", "ar", "-o", str(out)) == 0
    root = etree.parse(str(out)).getroot()
    _check_xliff_2_core(root)
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "ar")
    ns = {"x": XLIFF_NS}
    [budget] = root.xpath("x:file[@original='content/2026/11/23/council-budget.md']", namespaces=ns)
    assert budget.get("trgDir") == "rtl"
    units = budget.xpath("x:unit", namespaces=ns)
    assert [u.get("name") for u in units] == ["title", "sentence-1", "sentence-2", "sentence-3"]
    sources = [u.xpath("string(x:segment/x:source)", namespaces=ns) for u in units]
    assert sources[1] == "The provincial council approved a budget of 1,250 million dinars for 14 new schools on Monday."
    page = budget_page(project)
    assert units[0].xpath("string(x:segment/x:target)", namespaces=ns) == page.cssselect("h1")[0].text_content()
    assert all(u.xpath("x:segment/@state", namespaces=ns) == ["initial"] for u in units)
    # Stable: a second export (and one from a fresh build) gives the same ids.
    again = tmp_path / "again.xlf"
    assert cli(project, "translations", "export", "--lang", "ar", "-o", str(again)) == 0
    assert [u.get("id") for u in etree.parse(str(again)).getroot().iter(f"{{{XLIFF_NS}}}unit")] == \
           [u.get("id") for u in root.iter(f"{{{XLIFF_NS}}}unit")]


def test_xliff_export_validates_against_the_oasis_schema_when_it_is_at_hand(project, tmp_path):
    """The XLIFF 2.0 core schema (xliff_core_2.0.xsd, OASIS) is not shipped here and cannot be
    downloaded in tests; set HAWAL_XLIFF_CORE_XSD to a local copy to validate against it."""
    import os

    xsd = os.environ.get("HAWAL_XLIFF_CORE_XSD")
    if not xsd:
        pytest.skip("HAWAL_XLIFF_CORE_XSD not set (the structure is checked by the test above)")
    assert run_build(project).ok
    machine, failed = tmp_path / "review.xlf", tmp_path / "failed.xlf"
    assert cli(project, "translations", "export", "--lang", "ar", "-o", str(machine)) == 0
    assert cli(project, "translations", "export", "--lang", "ckb", "--failed", "-o", str(failed)) == 0
    schema = etree.XMLSchema(etree.parse(xsd))
    for out in (machine, failed):
        assert schema.validate(etree.parse(str(out))), schema.error_log


def test_several_language_pairs_need_a_file_each(project, tmp_path, capsys):
    assert run_build(project).ok
    assert cli(project, "translations", "export") == 2
    assert "2 language pairs (en-ar, en-ckb)" in capsys.readouterr().err
    assert cli(project, "translations", "export", "-o", str(tmp_path / "all.po")) == 0
    assert sorted(p.name for p in tmp_path.glob("all.*.po")) == ["all.en-ar.po", "all.en-ckb.po"]
    assert cli(project, "translations", "export", "-o", str(tmp_path / "x.docx")) == 2
    assert "unknown format '.docx'" in capsys.readouterr().err


def test_a_reviewed_page_is_labelled_and_survives_retranslate_and_model_upgrades(project, tmp_path, capsys):
    assert run_build(project).ok
    po = export_po(project, tmp_path, "--lang", "ar", budget_path(project))
    assert len(po) == 4 and all(e.fuzzy for e in po)                # machine text: "Needs work" in Poedit
    review_po(po, REVIEWED_AR, tmp_path / "reviewed.po")
    assert cli(project, "translations", "import", str(tmp_path / "reviewed.po")) == 0
    assert "imported 4 reviewed correction(s) (en→ar)" in capsys.readouterr().out

    def check_reviewed():
        page = budget_page(project)
        label = page.cssselect(".provenance--reviewed")[0]
        assert "راجعتها غرفة الأخبار" in label.text_content() and label.cssselect("a[hreflang=en]")
        assert page.cssselect("h1")[0].text_content() == REVIEWED_AR[0]
        body = page.cssselect(".article__body")[0].text_content()
        assert all(text in body for text in REVIEWED_AR[1:])
        card = parse(project.output_dir / "ar/2026/11/23/index.html").xpath(
            "//article[.//a[contains(@href, 'council-budget')]]")[0]
        assert card.cssselect(".badge--reviewed") and "ترجمة آلية" not in card.text_content()

    report = run_build(project)
    assert report.translation["reviewed"] == 4
    check_reviewed()
    # The other story stays a machine translation.
    assert parse(project.output_dir / "ar/2026/11/23/water-station/index.html").cssselect(".provenance--machine")
    assert run_build(project, BuildOptions(retranslate=True)).ok
    check_reviewed()
    # A new version of the model drops its own memory entries, not the newsroom's.
    shutil.rmtree(project.translation.models_dir / "translate-en_ar-1_0")
    install_test_models(project.translation.models_dir, [("en", "ar")], mapping=True, version="2.0")
    assert run_build(project).ok
    check_reviewed()


def test_a_partly_reviewed_page_and_a_stale_correction(project, tmp_path, capsys):
    assert run_build(project).ok
    out = tmp_path / "review.xlf"
    assert cli(project, "translations", "export", "--lang", "ar", "-o", str(out), budget_path(project)) == 0
    tree = etree.parse(str(out))
    ns = {"x": XLIFF_NS}
    segment = tree.xpath("//x:unit[@name='sentence-2']/x:segment", namespaces=ns)[0]
    segment.xpath("x:target", namespaces=ns)[0].text = REVIEWED_AR[2]    # OmegaT: a new target, state as it was
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    assert cli(project, "translations", "import", str(out)) == 0
    assert "1 reviewed correction(s)" in capsys.readouterr().out and len(corrections(project)) == 1

    run_build(project)
    page = budget_page(project)
    assert page.cssselect(".provenance--machine") and REVIEWED_AR[2] in page.text_content()
    assert "1 من 4" in page.cssselect(".provenance__reviewed")[0].text_content().replace("١", "1").replace("٤", "4")

    # The editor rewrites the reviewed sentence: the correction is not applied, and is reported.
    source = project.content_dir / "2026/11/23/council-budget.md"
    source.write_text(BUDGET.replace("will start in March", "will start in April"), encoding="utf-8")
    report_path = tmp_path / "report.json"
    assert cli(project, "build", "--report", str(report_path)) == 0
    err = capsys.readouterr().err
    assert "stale correction (ar, sentence 2)" in err
    assert json.loads(report_path.read_text())["stale"][0].startswith("content/2026/11/23/council-budget.md")
    assert REVIEWED_AR[2] not in budget_page(project).text_content()
    po = export_po(project, tmp_path, "--lang", "ar", str(source))
    [flagged] = [e for e in po if "stale correction" in e.comment]
    assert flagged.msgid.endswith("will start in April, the council's chairman said.") and REVIEWED_AR[2] in flagged.comment


@pytest.fixture
def exported(project, tmp_path):
    assert run_build(project).ok
    out = tmp_path / "review.xlf"
    assert cli(project, "translations", "export", "--lang", "ar", "-o", str(out), budget_path(project)) == 0
    return out


def _edited(path, tmp_path, name, change) -> str:
    tree = etree.parse(str(path))
    units = list(tree.getroot().iter(f"{{{XLIFF_NS}}}unit"))
    for n, unit in enumerate(units):              # a good correction in every file: all or nothing
        segment = unit.find(f"{{{XLIFF_NS}}}segment")
        segment.set("state", "translated")
        segment.find(f"{{{XLIFF_NS}}}target").text = REVIEWED_AR[n]
    change(units)
    out = tmp_path / name
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return str(out)


def _target(unit):
    return unit.find(f"{{{XLIFF_NS}}}segment/{{{XLIFF_NS}}}target")


@pytest.mark.parametrize("name, change, message", [
    ("wrong-id.xlf", lambda u: u[1].set("id", u[2].get("id")), "appears twice"),
    ("made-up-id.xlf", lambda u: u[1].set("id", "sentence-1"), "'sentence-1' is not a hawal unit id"),
    ("edited-source.xlf", lambda u: setattr(u[2].find(f"{{{XLIFF_NS}}}segment/{{{XLIFF_NS}}}source"), "text", "Edited."),
     "the source text does not belong to this id"),
    ("sorani-target.xlf", lambda u: setattr(_target(u[3]), "text", SORANI), "the target is in Sorani Kurdish, not Arabic"),
    ("english-target.xlf", lambda u: setattr(_target(u[3]), "text", "Parents asked for heating in every classroom."),
     "the target is in English, not Arabic"),
    ("other-article.xlf", lambda u: u[1].set("id", u[1].get("id").replace("council-budget", "no-such-story")),
     "no en article 2026-11-23/no-such-story"),
])
def test_a_bad_file_is_refused_whole_with_a_clear_error(project, exported, tmp_path, capsys, name, change, message):
    path = _edited(exported, tmp_path, name, change)
    capsys.readouterr()
    assert cli(project, "translations", "import", path) == 1
    err = capsys.readouterr().err
    assert message in err and "refused, nothing was stored" in err
    assert f"{name}:" in err                                   # the file and the line of the unit
    assert corrections(project) == {}


def test_broken_xml_a_broken_po_and_an_unknown_format_are_refused(project, exported, tmp_path, capsys):
    data = exported.read_text(encoding="utf-8")
    broken = tmp_path / "broken.xlf"
    broken.write_text(data[: len(data) // 2], encoding="utf-8")
    assert cli(project, "translations", "import", str(broken)) == 1
    assert "not well-formed XML" in capsys.readouterr().err
    xliff1 = tmp_path / "old.xlf"
    xliff1.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                      '<file original="x" source-language="en" target-language="ar" datatype="plaintext"><body/></file>'
                      '</xliff>', encoding="utf-8")
    assert cli(project, "translations", "import", str(xliff1)) == 1
    assert "not an XLIFF 2 document" in capsys.readouterr().err
    po = tmp_path / "broken.po"
    po.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    assert cli(project, "translations", "import", str(po)) == 1
    assert "broken.po" in capsys.readouterr().err
    other = tmp_path / "review.csv"
    other.write_text("a,b\n", encoding="utf-8")
    assert cli(project, "translations", "import", str(other)) == 1
    assert "unknown format '.csv'" in capsys.readouterr().err
    assert corrections(project) == {}


def test_unconfirmed_machine_targets_are_not_taken_as_reviewed(project, exported, capsys):
    assert cli(project, "translations", "import", str(exported)) == 0       # opened and saved, nothing confirmed
    assert "imported 0 reviewed correction(s)" in capsys.readouterr().out
    assert corrections(project) == {}


# --- incremental builds -----------------------------------------------------------------------------

def test_a_correction_renders_again_exactly_the_pages_it_affects(project, tmp_path):
    assert run_build(project).ok
    assert run_build(project).rendered == 0
    po = export_po(project, tmp_path, "--lang", "ar", budget_path(project))
    review_po(po, REVIEWED_AR, tmp_path / "reviewed.po")
    assert cli(project, "translations", "import", str(tmp_path / "reviewed.po")) == 0
    written = []
    report = run_build(project, BuildOptions(on_file=lambda f: written.append(f.path)))
    pages = {p for p in written if p.endswith(".html")}
    # The story's Arabic page and the Arabic pages that show its card (the day, the latest
    # briefing, its topic) or its title (the archives name a day by its first story); nothing in
    # English or Sorani, and not the other story's page.
    assert "ar/2026/11/23/council-budget/index.html" in pages
    assert "ar/2026/11/23/index.html" in pages and "ar/index.html" in pages
    assert pages <= {"ar/2026/11/23/council-budget/index.html", "ar/2026/11/23/index.html", "ar/index.html",
                     "ar/tags/education/index.html", "ar/archive/index.html", "ar/2026/index.html",
                     "ar/2026/11/index.html"}
    assert report.translation["reviewed"] == 4
    # Incremental equals clean: a fresh checkout with the same memory builds the same bytes.
    clean_root = tmp_path / "clean"
    shutil.copytree(project.root, clean_root, ignore=shutil.ignore_patterns("site", "site.*", "cache"))
    clean = load_config(clean_root / "config.yaml")
    assert run_build(clean).ok
    assert site_bytes(project.output_dir) == site_bytes(clean.output_dir)


def test_the_memory_keeps_corrections_in_their_own_rows(project, tmp_path):
    assert run_build(project).ok
    po = export_po(project, tmp_path, "--lang", "ar", budget_path(project))
    review_po(po, REVIEWED_AR, tmp_path / "reviewed.po")
    assert cli(project, "translations", "import", str(tmp_path / "reviewed.po")) == 0
    with sqlite3.connect(project.translation.memory) as db:
        rows = db.execute("SELECT model, version, pair, target, unit, position FROM memory WHERE origin='reviewed' "
                          "ORDER BY position").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("", "", "en-ar")] * 4
    assert [r[3] for r in rows] == REVIEWED_AR and [r[5] for r in rows] == [0, 1, 2, 3]
    assert all(r[4].startswith("2026-11-23_council-budget.ar.") for r in rows)


def test_serve_shows_an_imported_correction_at_once(project, tmp_path, monkeypatch):
    """`translations import` while `serve` runs: the watcher sees the memory's change marker and
    the preview's next build shows the correction (serve keeps its caches between builds)."""
    import threading
    import time

    from hawal import serve
    from hawal.progress import Progress
    from hawal.translate.memory import change_marker

    state = serve.BuildState()
    config_path = project.root / "config.yaml"
    assert serve.rebuild(config_path, state, Progress(quiet=True)) is not None
    state.wait_for_search(timeout=120)
    marker = change_marker(project.translation.memory)
    paths = serve.watched_paths(project, config_path)
    assert marker in paths and marker.exists()
    assert budget_page(project).cssselect(".provenance--machine")

    po = export_po(project, tmp_path, "--lang", "ar", budget_path(project))
    review_po(po, REVIEWED_AR, tmp_path / "reviewed.po")
    rebuilt = threading.Event()
    stop = threading.Event()

    real_rebuild = serve.rebuild

    def rebuild_once(*args, **kwargs):
        report = real_rebuild(*args, **kwargs)
        rebuilt.set()
        stop.set()
        return report

    monkeypatch.setattr(serve, "rebuild", rebuild_once)
    watcher = threading.Thread(target=serve.watch, daemon=True,
                               args=(config_path, state, Progress(quiet=True), stop, paths))
    before = marker.stat().st_ino
    try:
        watcher.start()
        time.sleep(0.5)                      # the watch is in place
        assert cli(project, "translations", "import", str(tmp_path / "reviewed.po")) == 0
        assert rebuilt.wait(timeout=60), "the watcher did not see the import"
        watcher.join(timeout=60)
    finally:
        stop.set()
    assert marker.stat().st_ino == before          # written in place: the watch on it holds
    state.wait_for_search(timeout=120)
    assert state.error is None, state.error
    page = budget_page(project)
    assert page.cssselect(".provenance--reviewed") and page.cssselect("h1")[0].text_content() == REVIEWED_AR[0]
