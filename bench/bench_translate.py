#!/usr/bin/env python3
"""Translation speed: hawal's engine against the per-paragraph way (argostranslate's) and one raw call.

A random-weight transformer of realistic size (6+6 layers, d_model 512, 8 heads, FFN 2048, ~8k
vocabulary, int8) is built the way the tests build theirs. The sentences are those of content/
(or, while content/ is thin, generated sentence-like lines in paragraphs). Three ways, same model,
beam and decoding length:

  engine        translate_articles(): masking, memory, all sentences length-sorted in few calls
  paragraph     one translate_batch per paragraph, as argostranslate does
  raw           one translate_batch over all sentences at once (the upper bound), as one batch and
  raw-sorted    with CTranslate2's own length-sorted rebatching (max_batch_tokens)

then a rebuild with everything in the translation memory (nothing computed).

    .venv/bin/python bench/bench_translate.py [--sentences 200] [--repeat 2] [--max-decoding-length 32]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import model_factory as mf  # noqa: E402  (also keeps argos's settings in a temporary home)

from hawal.config import TranslationConfig, load_config  # noqa: E402
from hawal.segment import SegmentedArticle, segment_articles  # noqa: E402
from hawal.sources import Article, load_sources  # noqa: E402
from hawal.translate import translate_articles  # noqa: E402
from hawal.translate.engine import Engine, EngineSettings  # noqa: E402
from hawal.translate.packages import discover_models  # noqa: E402

SUBJECTS = ["The ministry", "A spokesperson for the council", "Farmers in the plain", "The provincial governor",
            "Engineers at the new station", "Teachers in the northern districts", "The electricity directorate",
            "A delegation from the capital", "Local traders", "The health office"]
VERBS = ["announced", "said", "warned", "confirmed", "asked", "reported", "denied", "promised"]
OBJECTS = ["that the budget talks would continue next week", "a plan to repair the main water pipes",
           "new support for families who lost their harvest", "that schools would reopen after the holiday",
           "delays in paying the salaries of public employees", "a meeting with representatives of the villages",
           "that fuel prices would stay the same until spring", "higher demand for power during the cold nights"]
TAILS = ["", " on Tuesday", " after a long meeting", ", according to a statement", " despite earlier objections",
         " in front of reporters at the entrance of the building", ", adding that more details would follow soon"]


def generated_articles(n_sentences: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles, made, k = [], 0, 0
    while made < n_sentences:
        paragraphs = []
        for _ in range(rng.randint(2, 4)):
            size = min(rng.randint(2, 5), n_sentences - made) or 1
            paragraphs.append(" ".join(
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
                for _ in range(size)))
            made += size
            if made >= n_sentences:
                break
        k += 1
        articles.append(Article(f"content/bench-{k}.md", f"bench-{k}", "en", dt.date(2026, 11, 23),
                                dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), f"Briefing item {k} on services",
                                "\n\n".join(paragraphs), 1, "markdown"))
    return articles


def content_articles() -> list[Article]:
    try:
        config = load_config(REPO / "config.yaml")
        loaded = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
        return list(loaded.articles)
    except Exception:        # content/ or the loader not ready: fall back to generated text
        return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--max-decoding-length", type=int, default=32)
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--max-batch-tokens", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--compute-type", default="int8")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved runs of each way; the best counts")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="hawal-bench-translate-"))
    t0 = time.perf_counter()
    mf.install_test_models(work / "models", [("en", "ar")], layers=(6, 6), d_model=512, heads=8, ffn=2048,
                           vocab_size=8000, quantization="int8")
    model = discover_models(work / "models").models[0]
    print(f"model: 6+6 layers, d_model 512, 8 heads, ffn 2048, vocabulary 8000, int8 "
          f"({model.size_bytes() / 2**20:.0f} MiB, ready in {time.perf_counter() - t0:.1f}s)")

    articles = content_articles()
    source = "content/"
    if len(articles) < 5:
        articles, source = generated_articles(args.sentences), "generated lines (content/ has too few sentences)"
    # Segmented in their own language, then all sent through the one en→ar test model: what is
    # timed is decoding real sentence lengths and counts, not the quality of the output.
    segs = [SegmentedArticle(replace(seg.article, lang="en", translations=()), seg.blocks, seg.sentences)
            for seg in segment_articles(articles)]
    paragraphs: list[list[str]] = []
    for seg in segs:
        paragraphs.append([seg.article.title])
        for block in seg.blocks:
            texts = [s.text for s in seg.sentences_of(block)]
            if texts:
                paragraphs.append(texts)
    sentences = [t for p in paragraphs for t in p]
    print(f"text: {len(sentences)} sentences (titles included) in {len(paragraphs)} paragraphs from {source}")

    settings = EngineSettings(beam_size=args.beam_size, compute_type=args.compute_type, threads=args.threads,
                              device=args.device, max_batch_tokens=args.max_batch_tokens,
                              max_decoding_length=args.max_decoding_length)
    engine = Engine(settings)
    runner = engine.runner(model)
    translator = runner.translator
    print(f"device {engine.device}, compute type {engine.compute_type}, beam {args.beam_size}, "
          f"max decoding length {args.max_decoding_length}, threads {args.threads or 'auto'}")
    tokenized = [runner.tokenize(s) for s in sentences]
    common = dict(beam_size=args.beam_size, max_decoding_length=args.max_decoding_length)
    translator.translate_batch(tokenized[:8], **common)     # warm-up

    config = TranslationConfig(models_dir=work / "models", memory=work / "tm.sqlite3", beam_size=args.beam_size,
                               compute_type=args.compute_type, threads=args.threads, device=args.device,
                               max_batch_tokens=args.max_batch_tokens)
    outcome = None

    def way_engine():
        nonlocal outcome
        outcome = translate_articles(segs, ["en", "ar"], config, engine=engine, retranslate=True)
        return outcome.calls

    def way_paragraph():
        start = 0
        for p in paragraphs:
            translator.translate_batch(tokenized[start:start + len(p)], **common)
            start += len(p)
        return len(paragraphs)

    def way_raw():
        translator.translate_batch(tokenized, **common)
        return 1

    def way_raw_sorted():
        translator.translate_batch(tokenized, max_batch_size=args.max_batch_tokens, batch_type="tokens", **common)
        return 1

    ways = {"engine": way_engine, "paragraph": way_paragraph, "raw": way_raw, "raw-sorted": way_raw_sorted}
    best: dict[str, tuple[float, float, int]] = {}
    # Interleaved repetitions, best of each: the machine is shared, so single runs are noisy.
    for _ in range(args.repeat):
        for name, way in ways.items():
            wall, cpu = time.perf_counter(), time.process_time()
            calls = way()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu, calls)

    t = time.perf_counter()
    cached = translate_articles(segs, ["en", "ar"], config, engine=Engine(settings))
    cached_s = time.perf_counter() - t

    n = len(sentences)
    print(f"best of {args.repeat} interleaved runs:")
    print(f"{'way':<12}{'wall s':>8}{'cpu s':>8}{'sent/s':>9}{'calls':>7}")
    for name, (wall, cpu, calls) in best.items():
        print(f"{name:<12}{wall:>8.2f}{cpu:>8.2f}{n / wall:>9.1f}{calls:>7}")
    upper = min(best["raw"][0], best["raw-sorted"][0])
    upper_cpu = min(best["raw"][1], best["raw-sorted"][1])
    print(f"engine speed / best raw call (upper bound): {upper / best['engine'][0]:.2f} wall, "
          f"{upper_cpu / best['engine'][1]:.2f} cpu   (goal ≥ 0.9)")
    print(f"engine speed / per-paragraph calls:         {best['paragraph'][0] / best['engine'][0]:.2f}× wall, "
          f"{best['paragraph'][1] / best['engine'][1]:.2f}× cpu   (goal ≥ 1.5×)")
    print(f"engine counts: computed {outcome.counts.computed}, cached {outcome.counts.cached}, "
          f"copied {outcome.counts.copied}")
    print(f"cached rebuild: {cached_s:.2f}s, computed {cached.counts.computed}, cached {cached.counts.cached}, "
          f"translate_batch calls {cached.calls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
