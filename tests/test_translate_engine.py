"""The CTranslate2 engine: tokens in and out (NLLB tokens, underscores), batching, device settings."""
from __future__ import annotations

import datetime as dt

import model_factory as mf    # first: keeps argos's settings out of the home folder
from hawal.config import TranslationConfig
from hawal.segment import segment_articles
from hawal.sources import Article
from hawal.translate import translate_articles
from hawal.translate.engine import Engine, EngineSettings, plan_batches, resolve_compute_type, resolve_device
from hawal.translate.packages import discover_models


def nllb_runner(tmp_path, log=None):
    mf.install_test_models(tmp_path / "models", [("en", "ar")], nllb=True)
    model = discover_models(tmp_path / "models").models[0]
    factory = mf.recording_factory(log) if log is not None else None
    return Engine(EngineSettings(), translator_factory=factory).runner(model)


def test_nllb_source_gets_its_language_token_and_end_of_sentence(tmp_path):
    runner = nllb_runner(tmp_path)
    tokens = runner.tokenize("The ministry opened a station.")
    assert tokens[0] == "eng_Latn" and tokens[-1] == "</s>"
    assert runner.sp.decode_pieces(tokens[1:-1]) == "The ministry opened a station."


def test_nllb_target_prefix_is_passed_and_stripped_from_output(tmp_path):
    log: list = []
    runner = nllb_runner(tmp_path, log)
    outputs = runner.translate(["The ministry opened a station.", "Farmers asked for fuel."])
    call = log[0].calls[0]
    assert call["kwargs"]["target_prefix"] == [["arb_Arab"], ["arb_Arab"]]
    assert all(h[0] == "arb_Arab" for h in call["hypotheses"])        # the model emits the prefix…
    assert not any("arb_Arab" in out for out in outputs)               # …and it never reaches the page
    by_source = {tuple(s): h for s, h in zip(call["source"], call["hypotheses"])}
    texts = ["The ministry opened a station.", "Farmers asked for fuel."]
    assert outputs == [runner.detokenize(by_source[tuple(runner.tokenize(t))]) for t in texts]


def test_real_underscores_survive_detokenizing(tmp_path):
    from argostranslate.tokenizer import SentencePieceTokenizer

    runner = nllb_runner(tmp_path)
    pieces = runner.sp.encode("run snake_case names_now", out_type=str)
    assert "_" in "".join(pieces)                                      # real underscores, not the ▁ marker
    assert runner.detokenize(["arb_Arab", *pieces]) == "run snake_case names_now"
    argos = SentencePieceTokenizer(runner.model.tokenizer_file).decode(pieces)
    assert "_" not in argos                                            # what argos 1.11 would have printed


def test_plan_batches_sorts_by_length_and_keeps_each_call_within_budget():
    lengths = [5, 30, 12, 30, 1, 7, 18, 2]
    batches = plan_batches(lengths, 60)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(lengths, reverse=True)
    assert all(len(b) * max(lengths[i] for i in b) <= 60 for b in batches)
    assert plan_batches([500], 60) == [[0]]                            # an over-long sentence still goes


def test_device_auto_and_compute_type_fall_back_to_what_the_device_supports(monkeypatch):
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    assert resolve_device("auto") == "cpu"
    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    assert resolve_device("auto") == "cuda"
    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: {"float32", "float16"})
    assert resolve_compute_type("cuda", "int8") == "default"
    assert resolve_compute_type("cuda", "float16") == "float16"
    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: {"float32", "int8_float32"})
    assert resolve_compute_type("cpu", "int8") == "int8_float32"


def test_translator_that_rejects_the_compute_type_is_loaded_with_the_default(tmp_path):
    import ctranslate2

    mf.install_test_models(tmp_path / "models", [("en", "ar")])
    model = discover_models(tmp_path / "models").models[0]
    asked = []

    def picky(model_dir, compute_type, **kwargs):
        asked.append(compute_type)
        if compute_type != "default":
            raise ValueError(f"requested {compute_type} compute type, but the target device does not support it")
        return ctranslate2.Translator(model_dir, compute_type=compute_type, **kwargs)

    engine = Engine(EngineSettings(device="cpu"), translator_factory=picky)
    assert engine.runner(model).translate(["The ministry opened a station."])[0] is not None
    assert asked == ["int8", "default"] and engine.compute_type == "default"


def test_nllb_packed_models_translate_through_one_shared_translator(tmp_path):
    from hawal.translate.packages import pack_nllb, parse_nllb_langs

    pack_nllb(mf.make_nllb_ct2_dir(tmp_path / "ct2"), parse_nllb_langs("en,ar,ckb"), tmp_path / "models")
    log: list = []
    config = TranslationConfig(models_dir=tmp_path / "models", memory=tmp_path / "tm.sqlite3")
    seg = segment_articles([Article("content/a.md", "a", "ckb", dt.date(2026, 11, 23),
                                    dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), "وێستگەی ئاو",
                                    "وەزارەت وێستگەیەکی نوێی ئاو کردەوە.", 1, "markdown")])[0]
    engine = Engine(EngineSettings.from_config(config), translator_factory=mf.recording_factory(log))
    outcome = translate_articles([seg], ["en", "ar", "ckb"], config, engine=engine)
    assert len(log) == 1                                               # one model.bin, loaded once
    prefixes = {p[0] for c in log[0].calls for p in c["kwargs"]["target_prefix"]}
    firsts = {s[0] for c in log[0].calls for s in c["source"]}
    assert prefixes == {"eng_Latn", "arb_Arab"} and firsts == {"ckb_Arab"}
    ar = outcome.versions[(seg.article.key, "ar")]
    assert ar.provenance.route == ("ckb", "ar") and "arb_Arab" not in ar.body and "eng_Latn" not in ar.body


def test_a_sentence_translates_the_same_whatever_else_its_call_holds(tmp_path):
    # Random test models never stop before the decoding limit, so this fails if the limit of one
    # sentence depends on the longest sentence of its call (as it once did).
    mf.install_test_models(tmp_path / "models", [("en", "ar")])
    runner = Engine(EngineSettings()).runner(discover_models(tmp_path / "models").models[0])
    short = "Farmers asked for fuel."
    long = ("The ministry opened a new water station in the north of the city on Tuesday, and officials said "
            "that 1,250 families would be connected before the end of March.")
    alone = runner.translate([short])[0]
    plan = runner.plan([long, short])
    assert len(plan.batches) == 2                                      # different length groups: two calls
    assert runner.translate([long, short])[1] == alone
    assert runner.decoding_limit(len(runner.tokenize(short))) < runner.decoding_limit(len(runner.tokenize(long)))


def test_plan_batches_never_mixes_groups_in_one_call():
    lengths = [30, 29, 17, 16, 15, 2]
    groups = [32, 32, 32, 16, 16, 16]
    assert plan_batches(lengths, 1000, groups) == [[0, 1, 2], [3, 4, 5]]
    assert plan_batches(lengths, 1000) == [[0, 1, 2, 3, 4, 5]]
