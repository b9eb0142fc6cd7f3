"""Articles per second for statement extraction on content/ repeated to 1,000 articles.

If content/ holds no sources yet, the statements gold set (tests/data/statements) stands in.
Run: .venv/bin/python bench/bench_statements.py [--articles N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hawal.config import load_config  # noqa: E402
from hawal.segment import segment_articles  # noqa: E402
from hawal.sources import SourceLoader  # noqa: E402
from hawal.statements import extract_statements, newsworthiness  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    config = load_config(ROOT / "config.yaml")
    loader = SourceLoader(config.content_dir, config.root, config.language_codes, config.timezone)
    result = loader.load()
    articles, origin = result.articles, "content/"
    if not articles:
        gold = ROOT / "tests" / "data" / "statements"
        gold_loader = SourceLoader(gold, ROOT, ("en", "ar", "ckb"), ZoneInfo("Asia/Baghdad"))
        articles = [gold_loader.load_file(p, default_date=dt.date(2026, 3, 1)) for p in sorted(gold.glob("*.md")) if p.name != "README.md"]
        origin = "tests/data/statements (content/ is empty)"
    batch = [articles[i % len(articles)] for i in range(args.articles)]
    t0 = time.perf_counter()
    segmented = segment_articles(batch)
    t1 = time.perf_counter()
    for lang in sorted({seg.article.lang for seg in segmented}):      # build every language's rules outside the timing
        extract_statements(next(seg for seg in segmented if seg.article.lang == lang))
    t2 = time.perf_counter()
    found = 0
    for seg in segmented:
        statements = extract_statements(seg)
        found += len(statements)
        for s in statements:
            newsworthiness(s, seg)
    t3 = time.perf_counter()
    print(f"source: {origin}, {len(articles)} distinct articles repeated to {len(batch)}")
    print(f"segmentation: {t1 - t0:.2f}s ({len(batch) / (t1 - t0):.0f} articles/s)")
    print(f"statement extraction + scoring: {t3 - t2:.2f}s ({len(batch) / (t3 - t2):.0f} articles/s), "
          f"{found} statements")
    print(f"end to end (segment + extract): {len(batch) / (t3 - t2 + t1 - t0):.0f} articles/s")


if __name__ == "__main__":
    main()
