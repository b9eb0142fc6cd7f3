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

With --cluster (needs `pip install -e '.[ray]'`), the same sentences through `translate`'s engines
instead, side by side on a local Ray cluster started by the benchmark:

  local         the local engine with 1 thread (one worker slot's worth of CPU)
  local-all     the local engine with every core
  ray-1         Ray, 1 worker of 1 CPU
  ray-2         Ray, 2 workers of 1 CPU each

then the per-worker rate, the scaling, the driver's own CPU per sentence, and what a
150,000-story archive costs at those rates. `--model nllb-600m` uses a random model of NLLB-200
600M's shape (12+12 layers, d_model 1024, 256k vocabulary) instead of the Argos-sized one.

    .venv/bin/python bench/bench_translate.py --cluster [--repeat 3] [--max-batch-tokens 1024]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import os
import statistics
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


# Random models of the sizes newsrooms run: Argos's transformer-base packages, and NLLB-200 600M.
MODEL_SHAPES = {
    "argos-base": dict(layers=(6, 6), d_model=512, heads=8, ffn=2048, vocab_size=8000),
    "nllb-600m": dict(layers=(12, 12), d_model=1024, heads=16, ffn=4096, vocab_size=256206),
}


def limit_sentences(segs: list[SegmentedArticle], limit: int) -> list[SegmentedArticle]:
    """The first articles whose title and sentences add up to about `limit`."""
    kept, total = [], 0
    for seg in segs:
        if total >= limit:
            break
        kept.append(seg)
        total += len(seg.sentences) + 1
    return kept


def cluster_main(args, work: Path, segs: list[SegmentedArticle], n_sentences: int) -> int:
    """Local engine against Ray at 1 and 2 workers, interleaved, on the same sentences."""
    env = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_USAGE_STATS_ENABLED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
           "HAWAL_WORKER_CACHE": str(work / "worker-cache")}
    os.environ.update(env)                   # before ray.init: the workers inherit it
    import ray

    from hawal.translate.cluster import RayEngine
    from hawal.translate.memory import TranslationMemory

    # 3 logical CPUs: ray-1's worker and ray-2's two workers all stay up (idle ones cost nothing)
    # on this machine's cores, so no run pays for starting workers.
    ray.init(num_cpus=3, include_dashboard=False, logging_level="WARNING", log_to_driver=False)
    settings = EngineSettings(beam_size=args.beam_size, compute_type=args.compute_type, threads=1,
                              device=args.device, max_batch_tokens=args.max_batch_tokens,
                              max_decoding_length=args.max_decoding_length)
    engines = {"local": Engine(settings), "local-all": Engine(replace(settings, threads=0)),
               "ray-1": RayEngine(settings, workers=1, cpus_per_worker=1),
               "ray-2": RayEngine(settings, workers=2, cpus_per_worker=1)}
    configs = {name: TranslationConfig(models_dir=work / "models", memory=work / f"tm-{name}.sqlite3",
                                       beam_size=args.beam_size, compute_type=args.compute_type, threads=1,
                                       device=args.device, max_batch_tokens=args.max_batch_tokens)
               for name in engines}
    print(f"Ray {ray.__version__}, {os.cpu_count()} cores; beam {args.beam_size}, max decoding length "
          f"{args.max_decoding_length}, max batch tokens {args.max_batch_tokens}")
    warm = segs[:3]
    for name, engine in engines.items():     # start workers, send and load the model: not timed
        t = time.perf_counter()
        translate_articles(warm, ["en", "ar"], configs[name], engine=engine, retranslate=True)
        if name.startswith("ray"):
            print(f"{name}: workers started and model sent and loaded in {time.perf_counter() - t:.1f}s")

    runs: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in engines}
    for _ in range(args.repeat):             # interleaved: the machine is shared, so runs are noisy
        for name, engine in engines.items():
            workers = engine.worker_cpu_seconds() if isinstance(engine, RayEngine) else 0.0
            wall, cpu = time.perf_counter(), time.process_time()
            outcome = translate_articles(segs, ["en", "ar"], configs[name], engine=engine, retranslate=True)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            workers = engine.worker_cpu_seconds() - workers if isinstance(engine, RayEngine) else 0.0
            runs[name].append((wall, cpu, workers, outcome.calls))
    for engine in engines.values():
        if isinstance(engine, RayEngine):
            engine.close()
    ray.shutdown()

    rows = {}
    for name in engines:
        with TranslationMemory(configs[name].memory) as memory:
            rows[name] = sorted(memory.db.execute("SELECT model, version, pair, source, target FROM memory"))
    same = all(r == rows["local"] for r in rows.values())
    computed = len(rows["local"])
    print(f"{computed} distinct sentences computed per run, {args.repeat} interleaved runs of each way "
          f"(best, and median):")
    print(f"{'way':<11}{'wall s':>8}{'sent/s':>8}{'median':>8}{'× local':>8}{'cpu ms/sent':>12}"
          f"{'driver':>8}{'cores got':>10}{'calls':>7}")
    best = {name: min(r[0] for r in runs[name]) for name in engines}
    for name in engines:
        wall, cpu, workers, calls = min(runs[name])
        median = statistics.median(r[0] for r in runs[name])
        cpu_all = min(r[1] + r[2] for r in runs[name])      # this process + the workers
        driver = f"{1000 * min(r[1] for r in runs[name]) / computed:.2f}" if name.startswith("ray") else "-"
        print(f"{name:<11}{wall:>8.2f}{computed / wall:>8.1f}{computed / median:>8.1f}"
              f"{best['local'] / wall:>8.2f}{1000 * cpu_all / computed:>12.1f}{driver:>8}"
              f"{(cpu + workers) / wall:>10.2f}{calls:>7}")
    print("(cpu ms/sent: this process and the Ray workers; driver: this process alone on Ray; cores got: CPU "
          "time / wall time in the best run, what the shared machine gave)")
    print(f"identical memory entries in every way: {'yes' if same else 'NO'}")
    rate = {name: computed / best[name] for name in engines}
    print(f"ray-1 / local (1 thread): {rate['ray-1'] / rate['local']:.2f}   (goal ≥ 0.8)")
    print(f"ray-2 / ray-1: {rate['ray-2'] / rate['ray-1']:.2f}   (2 workers on this machine's 2 cores, "
          f"sharing them with the driver)")
    ray_cpu = min(r[1] for r in runs["ray-2"])
    cost = {name: min(r[1] + r[2] for r in runs[name]) / computed for name in engines}
    print(f"CPU per sentence, ray-1 / local: {cost['ray-1'] / cost['local']:.2f}, ray-2 / ray-1: "
          f"{cost['ray-2'] / cost['ray-1']:.2f} (less noisy than wall time on a shared machine)")
    print(f"one worker with a core of its own: {1 / cost['ray-1']:.1f} sentences/s")
    print(f"driver CPU per sentence on Ray: {1000 * ray_cpu / computed:.2f} ms "
          f"(one driver core feeds at most ~{computed / ray_cpu:,.0f} sentences/s)")
    per_story = n_sentences / len(segs)
    total = 150_000 * per_story * 2
    print(f"a 150,000-story archive: {per_story:.1f} sentences a story (this text) × 2 target languages "
          f"= {total / 1e6:.1f} M sentences:")
    per_worker = {f"{name}'s measured": rate[name] for name in ("local", "ray-1")}
    per_worker["a worker with a core of its own"] = 1 / cost["ray-1"]
    for name, r in per_worker.items():
        hours = total / r / 3600
        print(f"  at {name} {r:.1f} sentences/s: {hours:,.0f} worker-hours "
              f"({hours / 16:,.1f} h on 16 workers, {hours / 64:,.1f} h on 64)")
    return 0


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
    parser.add_argument("--cluster", action="store_true",
                        help="compare the local engine with Ray at 1 and 2 workers (see above)")
    parser.add_argument("--model", choices=sorted(MODEL_SHAPES), default="argos-base",
                        help="shape of the random test model (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences of the text")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="hawal-bench-translate-"))
    t0 = time.perf_counter()
    shape = MODEL_SHAPES[args.model]
    mf.install_test_models(work / "models", [("en", "ar")], quantization="int8", **shape)
    model = discover_models(work / "models").models[0]
    print(f"model {args.model}: {shape['layers'][0]}+{shape['layers'][1]} layers, d_model {shape['d_model']}, "
          f"{shape['heads']} heads, ffn {shape['ffn']}, vocabulary {shape['vocab_size']}, int8 "
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
    if args.limit:
        segs = limit_sentences(segs, args.limit)
        paragraphs = [[s.article.title] + [x.text for x in s.sentences] for s in segs]
    sentences = [t for p in paragraphs for t in p]
    print(f"text: {len(sentences)} sentences (titles included) in {len(paragraphs)} paragraphs from {source}")
    if args.cluster:
        return cluster_main(args, work, segs, len(sentences))

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
