#!/usr/bin/env python3
"""Statement extraction speed: articles per second on ONE core, extraction measured on its own.

Corpus: the whole statements gold (tests/data/statements, every split, the construction suite
included) plus content/, all four languages, repeated whole until it holds at least N articles
(default 1,000). The articles are read from THIS checkout, so every tree measured sees the same input.

Stages, timed apart (each figure says which it includes):
- segment: blocks and sentences (`segment_articles`), once per tree; its output is the input of
  extraction and is not part of the extraction figure;
- extract: `extract_statements` over every segmented article, the figure the floor of issue 9
  (500 articles/s on one core) is about: CPU time (`time.process_time`) and wall time of the
  process, per round; each language's rules (tokenizer, cue index) are built before the rounds;
- score: `newsworthiness` of every statement found, apart (the bench printed it with extraction before).
The process measuring a tree is pinned to one core (`os.sched_setaffinity`; `--cpu` picks it, or
run the whole bench under `taskset -c K`). Each figure is given as the median and the best of the
rounds.

Usage: python bench/bench_statements.py [options]
  --articles N         at least N articles (default 1000): the corpus repeated whole
  --rounds R           timed extraction passes per tree (default 5)
  --cpu K              the core to pin to (default: the last core this process may use)
  --against PATH       another checkout of hawal (say `git archive main | tar -x -C /tmp/base`): measured
                       in the same rounds, alternately (the order flips every round), with the ratio
                       this/other of articles per second (median of per-round ratios; > 1: this is faster)
  --compare-output PATH  no timing: extract every distinct corpus article with this tree and with the
                       tree at PATH, twice each (the second pass with every cache warm), and compare every
                       field of every statement; exits 1 and prints the first differences when any differ
  --dump FILE          no timing: write every statement of every distinct corpus article (all fields,
                       JSON lines) as extracted by this tree (or the --tree PATH one) to FILE
The machine may be shared: only figures measured side by side (--against) are comparable.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "statements"


# ---------------------------------------------------------------- inside one tree's process

def load_corpus(tree: Path) -> list:
    """The distinct corpus articles (gold of every split, constructions, content/), read by `tree`'s loader."""
    from zoneinfo import ZoneInfo

    from hawal.config import load_config
    from hawal.language import normalize_text
    from hawal.sources import Article, SourceLoader

    import yaml

    tz = ZoneInfo("Asia/Baghdad")
    langs = ("en", "ar", "ckb", "kmr")
    loader = SourceLoader(GOLD, GOLD, langs, tz)
    paths = sorted(p for p in GOLD.rglob("*.md") if p.name != "README.md")
    articles = [loader.load_file(p, default_date=dt.date(2026, 3, 1)) for p in paths]
    for path in sorted((GOLD / "constructions").glob("*.yaml")):     # as tests/statements_gold.py reads them
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            articles.append(Article(path=f"constructions/{path.stem}.yaml#{entry['id']}", slug=entry["id"],
                                    lang=path.stem, date=dt.date(2026, 3, 1),
                                    published=dt.datetime(2026, 3, 1, tzinfo=tz), title=entry["id"],
                                    body=normalize_text(entry["text"], path.stem).strip("\n"), body_line=1,
                                    kind="markdown"))
    config = load_config(REPO / "config.yaml")
    content = SourceLoader(REPO / "content", REPO, config.language_codes, config.timezone).load()
    return articles + list(content.articles)


def _statement_record(article, statements) -> dict:
    return {"article": article.path if isinstance(article.path, str) else str(article.path),
            "lang": article.lang,
            "statements": [[s.kind, s.speaker, s.canonical_speaker, s.cue, s.channel, s.text, s.start, s.end,
                            s.sentence, s.last_sentence, s.confidence] for s in statements]}


def worker(tree: Path, cpu: int | None, articles_wanted: int, mode: str, out: Path | None) -> None:
    """Run in a fresh process for one tree: segment the corpus, then answer the parent's commands."""
    sys.path.insert(0, str(tree))
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    import hawal
    from hawal.segment import segment_articles
    from hawal.statements import extract_statements, newsworthiness
    from hawal.statements.rules import rules_for

    assert Path(hawal.__file__).resolve().is_relative_to(tree.resolve()), hawal.__file__
    distinct = load_corpus(tree)
    if mode == "dump":
        segmented = segment_articles(distinct)
        passes = [[_statement_record(seg.article, extract_statements(seg)) for seg in segmented] for _ in range(2)]
        if passes[0] != passes[1]:
            raise SystemExit(f"{tree}: a second pass over the same articles found other statements")
        with open(out, "w", encoding="utf-8") as fh:
            for record in passes[0]:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(json.dumps({"articles": len(distinct), "statements": sum(len(r["statements"]) for r in passes[0])}),
              flush=True)
        return
    copies = max(1, math.ceil(articles_wanted / len(distinct)))
    batch = distinct * copies
    for lang in sorted({a.lang for a in batch}):
        rules = rules_for(lang)
        rules.nlp, rules.cue_index      # built once per language, outside the timing
    c0, w0 = time.process_time(), time.perf_counter()
    segmented = segment_articles(batch)
    seg_cpu, seg_wall = time.process_time() - c0, time.perf_counter() - w0
    for lang in sorted({a.lang for a in batch}):
        extract_statements(next(s for s in segmented if s.article.lang == lang))
    print(json.dumps({"distinct": len(distinct), "articles": len(batch), "copies": copies,
                      "langs": sorted({a.lang for a in distinct}), "segment_cpu": seg_cpu, "segment_wall": seg_wall,
                      "hawal": hawal.__file__}), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        found = [extract_statements(seg) for seg in segmented]
        ext_cpu, ext_wall = time.process_time() - c0, time.perf_counter() - w0
        c0, w0 = time.process_time(), time.perf_counter()
        for seg, statements in zip(segmented, found):
            for s in statements:
                newsworthiness(s, seg)
        score_cpu, score_wall = time.process_time() - c0, time.perf_counter() - w0
        print(json.dumps({"extract_cpu": ext_cpu, "extract_wall": ext_wall, "score_cpu": score_cpu,
                          "score_wall": score_wall, "statements": sum(map(len, found))}), flush=True)


# ---------------------------------------------------------------- the parent

class Tree:
    """A worker process measuring one checkout."""

    def __init__(self, name: str, path: Path, cpu: int | None, articles: int):
        self.name, self.path = name, path
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(path), "--articles", str(articles)]
        if cpu is not None:
            command += ["--cpu", str(cpu)]
        self.process = subprocess.Popen(command, cwd=str(path), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        self.info = self._read()
        self.rounds: list[dict] = []

    def _read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the worker for {self.path} stopped (exit {self.process.wait()})")
        return json.loads(line)

    def round(self) -> dict:
        self.process.stdin.write("round\n")
        self.process.stdin.flush()
        result = self._read()
        self.rounds.append(result)
        return result

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def _rate(articles: int, seconds: list[float]) -> str:
    return f"median {articles / statistics.median(seconds):.0f}, best {articles / min(seconds):.0f}"


def measure(args) -> None:
    cpu = args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))
    trees = [Tree("this", REPO, cpu, args.articles)]
    if args.against is not None:
        trees.append(Tree("against", args.against, cpu, args.articles))
    info = trees[0].info
    for r in range(args.rounds):
        for tree in (trees if r % 2 == 0 else trees[::-1]):
            tree.round()
    for tree in trees:
        tree.close()
    print(f"corpus: {info['distinct']} distinct articles (statements gold, every split and the construction suite, "
          f"+ content/; {', '.join(info['langs'])}) repeated {info['copies']}x = {info['articles']} articles")
    print(f"pinned to core {cpu}; {args.rounds} rounds{', trees alternating' if len(trees) > 1 else ''}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    n = info["articles"]
    for tree in trees:
        rounds = tree.rounds
        print(f"[{tree.name}] {tree.path}")
        print(f"  segment (input of extraction, once): {n / tree.info['segment_cpu']:.0f} articles/s CPU, "
              f"{n / tree.info['segment_wall']:.0f} wall")
        print(f"  extract (extract_statements alone; rules built before): articles/s CPU "
              f"{_rate(n, [x['extract_cpu'] for x in rounds])}; wall {_rate(n, [x['extract_wall'] for x in rounds])}; "
              f"{rounds[0]['statements']} statements")
        print(f"  score (newsworthiness of those statements, apart): articles/s CPU "
              f"{_rate(n, [x['score_cpu'] for x in rounds])}")
        print(f"  extract + score: articles/s CPU "
              f"{_rate(n, [x['extract_cpu'] + x['score_cpu'] for x in rounds])}")
    if len(trees) == 2:
        this, other = trees
        ratios = [o["extract_cpu"] / t["extract_cpu"] for t, o in zip(this.rounds, other.rounds)]
        walls = [o["extract_wall"] / t["extract_wall"] for t, o in zip(this.rounds, other.rounds)]
        print(f"this / against, extraction articles/s (median of per-round ratios; > 1: this is faster): "
              f"CPU {statistics.median(ratios):.2f}x, wall {statistics.median(walls):.2f}x "
              f"(per round CPU: {' '.join(f'{x:.2f}' for x in ratios)})")
        if this.rounds[0]["statements"] != other.rounds[0]["statements"]:
            print(f"NOTE: the trees found different numbers of statements ({this.rounds[0]['statements']} vs "
                  f"{other.rounds[0]['statements']}): see --compare-output")


def dump(tree: Path, out: Path) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(tree), "--mode", "dump",
               "--out", str(out)]
    done = subprocess.run(command, cwd=str(tree), stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare_output(other: Path) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        mine, theirs = Path(tmp) / "this.jsonl", Path(tmp) / "other.jsonl"
        counts = dump(REPO, mine)
        dump(other, theirs)
        a = mine.read_text(encoding="utf-8").splitlines()
        b = theirs.read_text(encoding="utf-8").splitlines()
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) != len(b) or differ:
        print(f"DIFFERENT: {len(differ)} of {len(a)} articles differ" + (f", {len(a)} vs {len(b)} articles"
                                                                          if len(a) != len(b) else ""))
        for x, y in differ[:5]:
            print(f"- this:  {x[:600]}\n  other: {y[:600]}")
        return 1
    print(f"identical: {counts['statements']} statements in {counts['articles']} articles "
          f"(every field; each tree ran the corpus twice in one process)")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    parser.add_argument("--articles", type=int, default=1000, help="at least this many articles (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes per tree (default 5)")
    parser.add_argument("--cpu", type=int, default=None, help="the core to pin to (default: the last allowed)")
    parser.add_argument("--against", type=Path, default=None, help="another checkout, measured alternately")
    parser.add_argument("--compare-output", type=Path, default=None, metavar="PATH",
                        help="compare every statement with the checkout at PATH (no timing)")
    parser.add_argument("--dump", type=Path, default=None, metavar="FILE", help="write every statement to FILE")
    parser.add_argument("--tree", type=Path, default=REPO, help="with --dump: the checkout to extract with")
    parser.add_argument("--worker", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="bench", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        worker(args.worker.resolve(), args.cpu, args.articles, args.mode, args.out)
    elif args.compare_output is not None:
        sys.exit(compare_output(args.compare_output.resolve()))
    elif args.dump is not None:
        print(dump(args.tree.resolve(), args.dump.resolve()))
    else:
        if args.against is not None:
            args.against = args.against.resolve()
        measure(args)


if __name__ == "__main__":
    main()
