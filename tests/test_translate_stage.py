"""The translate stage end to end with tiny real models: routes, batching, memory, overrides, glossary."""
from __future__ import annotations

import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest

import model_factory as mf    # first: keeps argos's settings out of the home folder
from hawal.config import TranslationConfig
from hawal.progress import Progress
from hawal.segment import segment_articles
from hawal.sources import Article, EditorTranslation
from hawal.translate import translate_articles
from hawal.translate.engine import Engine, EngineSettings
from hawal.translate.protect import finish, load_glossary, mask

EN_BODY = """## Water for the north

The ministry opened a **new** station on Tuesday. It serves 1,250 families, see [the plan](https://example.org/plan_2026).

- Pumps run on `solar_power`.
- Engineers from Erbil helped.

> “We will not wait,” the governor said."""
CKB_BODY = "وەزارەت وێستگەیەکی نوێی ئاو کردەوە. جووتیاران داوای پشتگیری سووتەمەنییان کرد."


WORDS = ["north", "south", "river", "winter", "budget", "station", "school", "clinic"]


def article(slug: str, lang: str, title: str, body: str, translations=()) -> Article:
    return Article(f"content/2026/11/23/{slug}.md", slug, lang, dt.date(2026, 11, 23),
                   dt.datetime(2026, 11, 23, 8, tzinfo=dt.timezone.utc), title, body, 1, "markdown",
                   translations=tuple(translations))


@pytest.fixture
def site(tmp_path):
    """Models en↔ar, en↔ckb (no ar↔ckb: those go through English) and a config using them: mapping
    models, whose output passes the guard on machine output, so versions hold what they wrote."""
    mf.install_test_models(tmp_path / "models", [("en", "ar"), ("ar", "en"), ("en", "ckb"), ("ckb", "en")],
                           mapping=True)
    config = TranslationConfig(models_dir=tmp_path / "models", memory=tmp_path / "tm.sqlite3",
                               glossary=Path(__file__).resolve().parent.parent / "glossary.yaml")
    return tmp_path, config


def run(segs, config, *, languages=("en", "ar", "ckb"), retranslate=False, fail_on=None, progress=None, cache=None):
    log: list = []
    engine = Engine(EngineSettings.from_config(config), translator_factory=mf.recording_factory(log, fail_on))
    outcome = translate_articles(segs, languages, config, progress, retranslate, engine=engine, cache=cache)
    return outcome, log


def recorded_outputs(log, model_name: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Source tokens → hypothesis tokens for every sentence a model translated."""
    out = {}
    for recorder in log:
        if model_name in recorder.model_dir:
            for call in recorder.calls:
                out.update({tuple(s): tuple(h) for s, h in zip(call["source"], call["hypotheses"])})
    return out


def test_direct_translation_comes_from_the_model_and_keeps_markdown(site):
    tmp, config = site
    seg = segment_articles([article("water", "en", "Water station opens in Erbil", EN_BODY)])[0]
    outcome, log = run([seg], config)
    ar = outcome.versions[(seg.article.key, "ar")]
    assert ar.provenance.kind == "machine" and ar.provenance.route == ("en", "ar")
    assert ar.provenance.models == ("translate-en_ar-1_0",)
    # Every sentence is the model's own output for that sentence, finished (placeholders restored).
    from hawal.translate.packages import discover_models
    runner = Engine(EngineSettings()).runner(
        next(m for m in discover_models(config.models_dir).models if m.to_code == "ar"))
    outputs = recorded_outputs(log, "translate-en_ar")
    glossary = load_glossary(config.glossary)
    for sentence, translated in zip(seg.sentences, ar.sentences):
        masked = mask(sentence.text, "en", "ar", glossary)
        hypothesis = outputs[tuple(runner.tokenize(masked.text))]
        assert translated == finish(runner.detokenize(hypothesis), masked, "ar")
    # Structure and protected spans survive.
    lines = ar.body.split("\n")
    assert lines[0].startswith("## ") and lines[2] != EN_BODY.split("\n")[2]
    assert [line[:2] for line in lines[4:6]] == ["- ", "- "] and lines[7].startswith("> ")
    for kept in ("1,250", "https://example.org/plan_2026", "`solar_power`", "أربيل"):
        assert kept in ar.body
    assert "“" not in ar.body and "”" not in ar.body        # Arabic takes « »
    assert ar.title != seg.article.title and "أربيل" in ar.title
    assert outcome.counts.computed == 2 * (len(seg.sentences) + 1) and outcome.counts.cached == 0


def test_pivot_through_english_is_recorded_and_feeds_the_english_output_on(site):
    tmp, config = site
    seg = segment_articles([article("farm", "ckb", "وێستگەی ئاو", CKB_BODY)])[0]
    outcome, log = run([seg], config)
    ar = outcome.versions[(seg.article.key, "ar")]
    assert ar.provenance.route == ("ckb", "en", "ar")
    assert ar.provenance.models == ("translate-ckb_en-1_0", "translate-en_ar-1_0")
    en = outcome.versions[(seg.article.key, "en")]
    assert en.provenance.route == ("ckb", "en")
    # The en→ar leg was fed exactly what ckb→en produced (the English version, before finishing).
    en_ar_inputs = {tuple(s) for r in log if "en_ar" in r.model_dir for c in r.calls for s in c["source"]}
    ckb_en_outputs = {tuple(h) for r in log if "ckb_en" in r.model_dir for c in r.calls for h in c["hypotheses"]}
    assert en_ar_inputs and len(en_ar_inputs) <= len(ckb_en_outputs)
    assert all(ar.sentences)


def test_all_sentences_of_a_build_go_to_each_model_in_few_calls(site):
    tmp, config = site
    articles = [article(f"story-{n}", "en", f"Story about the {a} {b}",
                        f"The ministry opened the {a} station on Tuesday. Farmers by the {b} asked for fuel. "
                        f"Officials said talks will continue next week in Erbil.")
                for n, (a, b) in enumerate((a, b) for a in WORDS for b in WORDS[:4])]
    segs = segment_articles(articles)
    outcome, log = run(segs, config)
    en_ar = next(r for r in log if "en_ar" in r.model_dir)
    sentences = sum(len(s.sentences) + 1 for s in segs)
    assert sum(len(c["source"]) for c in en_ar.calls) <= sentences     # repeated sentences once
    assert len(en_ar.calls) <= 2 and len(en_ar.calls[0]["source"]) > 20      # many articles in one call
    lengths = [len(s) for s in en_ar.calls[0]["source"]]
    assert lengths == sorted(lengths, reverse=True)                    # sorted by length
    assert outcome.calls == sum(len(r.calls) for r in log)


def test_small_token_budget_splits_into_calls_within_budget(site):
    tmp, config = site
    from dataclasses import replace
    config = replace(config, max_batch_tokens=60)
    segs = segment_articles([article(f"s{n}", "en", f"Title about {w} here",
                                     f"This sentence is about {w} water. Another one about fuel for {w}.")
                             for n, w in enumerate(WORDS)])
    outcome, log = run(segs, config, languages=("en", "ar"))
    calls = next(r for r in log if "en_ar" in r.model_dir).calls
    assert len(calls) > 1
    assert all(len(c["source"]) * max(map(len, c["source"])) <= 60 or len(c["source"]) == 1 for c in calls)


def test_second_build_is_fully_cached_and_model_update_invalidates_only_its_entries(site):
    tmp, config = site
    segs = segment_articles([article("water", "en", "Water station opens", EN_BODY)])
    first, _ = run(segs, config)
    second, log = run(segs, config)
    assert second.counts.computed == 0 and second.counts.cached == first.counts.computed
    assert all(not r.calls for r in log)
    assert second.versions == first.versions
    # A new en→ar package (new version, new weights): only en→ar is translated again.
    mf.install_test_models(tmp / "models", [("en", "ar")], version="1.1")
    third, log = run(segs, config)
    units = len(segs[0].sentences) + 1
    assert third.counts.computed == units and third.counts.cached == units
    assert third.versions[(segs[0].article.key, "ar")].provenance.models == ("translate-en_ar-1_1",)
    assert [r.model_dir.split("/")[-2] for r in log if r.calls] == ["translate-en_ar-1_1"]


def test_retranslate_computes_everything_again(site):
    tmp, config = site
    segs = segment_articles([article("water", "en", "Water station opens", EN_BODY)])
    first, _ = run(segs, config)
    again, log = run(segs, config, retranslate=True)
    assert again.counts.cached == 0 and again.counts.computed == first.counts.computed
    assert sum(len(r.calls) for r in log) >= 2


def test_killed_build_keeps_the_batches_it_finished(site):
    tmp, config = site
    from dataclasses import replace
    config = replace(config, max_batch_tokens=40)
    segs = segment_articles([article(f"s{n}", "en", f"Title about {w} here",
                                     f"This sentence is about {w} water. Another one about fuel and {w} farms.")
                             for n, w in enumerate(WORDS)])
    with pytest.raises(KeyboardInterrupt):
        run(segs, config, languages=("en", "ar"), fail_on=3)          # dies in the third call
    with sqlite3.connect(config.memory) as db:
        kept = db.execute("SELECT COUNT(*) FROM memory").fetchone()[0]
    assert kept > 0
    resumed, log = run(segs, config, languages=("en", "ar"))
    assert resumed.counts.cached == kept and resumed.counts.computed > 0
    assert sum(len(c["source"]) for r in log for c in r.calls) == resumed.counts.computed


def test_editor_translation_wins_and_no_model_runs_for_it(site):
    tmp, config = site
    edited = EditorTranslation("ar", "عنوان المحرر", "نص كتبه المحررون.", "content/2026/11/23/water.ar.md")
    segs = segment_articles([article("water", "en", "Water station opens", EN_BODY, [edited])])
    outcome, log = run(segs, config)
    ar = outcome.versions[(segs[0].article.key, "ar")]
    assert ar.provenance.kind == "newsroom" and (ar.title, ar.body) == ("عنوان المحرر", "نص كتبه المحررون.")
    assert not any("en_ar" in r.model_dir and r.calls for r in log)
    assert outcome.versions[(segs[0].article.key, "ckb")].provenance.kind == "machine"


def test_missing_route_leaves_the_original_and_says_so(tmp_path):
    mf.install_test_models(tmp_path / "models", [("en", "ar")])
    config = TranslationConfig(models_dir=tmp_path / "models", memory=tmp_path / "tm.sqlite3")
    segs = segment_articles([article("farm", "ckb", "وێستگەی ئاو", CKB_BODY)])
    outcome, log = run(segs, config)
    for lang in ("en", "ar"):
        v = outcome.versions[(segs[0].article.key, lang)]
        assert v.provenance.kind == "missing" and v.body == CKB_BODY and v.text_lang == "ckb"
    assert outcome.missing_pairs == {("ckb", "en"), ("ckb", "ar")}
    assert outcome.counts.missing == 2 * (len(segs[0].sentences) + 1) and not log


def test_glossary_renderings_appear_in_every_translation(site):
    tmp, config = site
    segs = segment_articles([article("zone", "en", "UNAMI visits the Green Zone",
                                     "The Kurdistan Region Presidency met UNAMI staff in the Green Zone.")])
    outcome, _ = run(segs, config)
    ar = outcome.versions[(segs[0].article.key, "ar")]
    ckb = outcome.versions[(segs[0].article.key, "ckb")]
    assert "المنطقة الخضراء" in ar.title and "UNAMI" in ar.title
    assert "رئاسة إقليم كوردستان" in ar.body and "المنطقة الخضراء" in ar.body and "Green Zone" not in ar.body
    assert "سەرۆکایەتیی هەرێمی کوردستان" in ckb.body and "ناوچەی سەوز" in ckb.body


def test_progress_shows_a_task_per_language_pair_with_a_rate(site):
    tmp, config = site
    stream = io.StringIO()
    segs = segment_articles([article("water", "en", "Water station opens", EN_BODY)])
    run(segs, config, progress=Progress(stream=stream, interactive=False))
    text = stream.getvalue()
    assert "Translating en→ar" in text and "Translating en→ckb" in text and "sentences in" in text


def _no_masking(*args, **kwargs):
    raise AssertionError("a cached version was masked again")


def test_finished_versions_come_from_the_cache_until_an_input_changes(site, monkeypatch, tmp_path):
    import hawal.translate.stage as stage
    tmp, config = site
    water = article("water", "en", "Water station opens", EN_BODY)
    farm = article("farm", "ckb", "وێستگەی ئاو", CKB_BODY)
    cache: dict = {}
    first, _ = run(segment_articles([water, farm]), config, cache=cache)
    assert len(cache) == 4                               # two machine versions of each article
    real_mask = stage._mask
    monkeypatch.setattr(stage, "_mask", _no_masking)
    again, log = run(segment_articles([water, farm]), config, cache=cache)
    assert again.versions == first.versions and not any(r.calls for r in log)
    assert (again.counts.cached, again.counts.copied) == (first.counts.computed, first.counts.copied)

    # An edited article: only its versions are made again; the other's still come from the cache.
    masked = []
    monkeypatch.setattr(stage, "_mask", lambda text, *a: masked.append(text) or real_mask(text, *a))
    edited = article("water", "en", "Water station opens", EN_BODY + "\n\nFarmers asked for diesel.")
    changed, _ = run(segment_articles([edited, farm]), config, cache=cache)
    assert masked and all("وێستگە" not in t for t in masked) and "Farmers asked for diesel." in masked
    assert changed.counts.computed == 2                  # the new sentence, into ar and into ckb

    # Another glossary changes every machine version.
    masked.clear()
    glossary = tmp_path / "other-glossary.yaml"
    glossary.write_text("keep: [Erbil]\n", encoding="utf-8")
    from dataclasses import replace
    run(segment_articles([edited, farm]), replace(config, glossary=glossary), cache=cache)
    assert any("وێستگە" in t for t in masked) and any("Farmers" in t for t in masked)

    # Articles that are gone leave the cache.
    run(segment_articles([farm]), config, cache=cache)
    assert len(cache) == 2


def test_model_update_is_not_hidden_by_the_version_cache(site):
    tmp, config = site
    segs = segment_articles([article("water", "en", "Water station opens", EN_BODY)])
    cache: dict = {}
    run(segs, config, cache=cache)
    mf.install_test_models(tmp / "models", [("en", "ar")], version="1.1")
    updated, _ = run(segs, config, cache=cache)
    assert updated.counts.computed == len(segs[0].sentences) + 1
    assert updated.versions[(segs[0].article.key, "ar")].provenance.models == ("translate-en_ar-1_1",)


def test_engine_pool_keeps_models_loaded_from_build_to_build(site, monkeypatch):
    from hawal.translate.engine import EnginePool

    tmp, config = site
    loads = []
    real_load = Engine._load
    monkeypatch.setattr(Engine, "_load", lambda self, folder: loads.append(folder) or real_load(self, folder))
    pool = EnginePool()
    for n, word in enumerate(["north", "south"]):
        segs = segment_articles([article(f"a{n}", "en", f"Station in the {word}", f"The {word} station opened.")])
        outcome = translate_articles(segs, ("en", "ar"), config, engines=pool)
        assert outcome.counts.computed > 0
    assert len(loads) == 1                                  # en→ar, loaded by the first build only
    mf.install_test_models(tmp / "models", [("en", "ar")], version="1.1")
    segs = segment_articles([article("a2", "en", "Station in the west", "The west station opened.")])
    outcome = translate_articles(segs, ("en", "ar"), config, engines=pool)
    assert len(loads) == 2 and "1_1" in loads[-1]           # the new package is loaded, once
