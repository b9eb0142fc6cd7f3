#!/usr/bin/env python3
"""The template layer alone: every HTML page of a synthetic site rendered in one process, with
article bodies already made (Markdown and the sanitizer are not timed), so the figure is Jinja,
the template globals and filters, and page keys.

Usage: python bench/bench_templates.py [N] [--rounds R] [--against PATH]
  N           articles (default 1000)
  --against   another checkout of hawal (say, `git worktree add /tmp/base main`): each round
              renders with both, alternately, each in a fresh process, and the report gives the
              median of the per-round ratios of CPU seconds (the machine may be shared: CPU time
              of one process is steadier than wall time, and rounds alternate so both see the
              same load).

Each checkout builds its project once first (parsing, segmenting and statements are cached), so
only the first round is slow.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def measure(repo: Path, project: Path) -> dict:
    """In a process of its own: the plan of `project`, then every page rendered (timed)."""
    sys.path.insert(0, str(repo))
    import datetime as dt

    from hawal.assemble import assemble_site
    from hawal.config import load_config
    from hawal.pipeline import BuildCache, load_stage, statements_stage
    from hawal.progress import Progress
    from hawal.render import SiteRenderer
    from hawal.segment import segment_articles
    from hawal.translate import translate_articles

    config = load_config(project / "config.yaml")
    cache = BuildCache.load(project / ".hawal" / "cache" / "build.pickle")
    loaded = load_stage(config, cache.parsed)
    segmented = segment_articles(loaded.articles, cache=cache.segments)
    outcome = translate_articles(segmented, config.language_codes, config.translation, Progress(quiet=True),
                                 False, cache=cache.translations)
    statements, scores, keys = statements_stage(segmented, cache.statements)
    plan = assemble_site(config.language_codes, outcome.versions, segmented, statements, scores,
                         config.statements_per_day, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
                         outcome.missing_pairs, keys)
    renderer = SiteRenderer(config)
    for lang in plan.languages:
        for page in plan.sites[lang].articles:
            renderer.body_html(page.version)
            page.statements
        for briefing in plan.sites[lang].briefings:
            briefing.statements
    import gc
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    jobs = list(renderer.render(plan))
    keyed_cpu = time.process_time() - cpu
    size = 0
    for job in jobs:
        size += len(job.make().data)
    return {"pages": len(jobs), "cpu_s": time.process_time() - cpu, "keys_cpu_s": keyed_cpu,
            "wall_s": time.perf_counter() - wall, "bytes": size}


def prepare(repo: Path, project: Path, count: int) -> None:
    if (project / "config.yaml").exists():
        return
    code = (f"import sys; sys.path.insert(0, {str(repo)!r}); sys.path.insert(0, {str(repo / 'tests')!r});"
            f"sys.argv = ['bench_build']; import importlib.util, pathlib;"
            f"spec = importlib.util.spec_from_file_location('bb', {str(repo / 'bench' / 'bench_build.py')!r});"
            f"bb = importlib.util.module_from_spec(spec); spec.loader.exec_module(bb);"
            f"bb.write_synthetic_content(pathlib.Path({str(project)!r}), {count});"
            f"bb._load_tests_module('conftest').write_project(pathlib.Path({str(project)!r}), {{}})")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=repo)
    subprocess.run([sys.executable, str(repo / "build.py"), "--config", str(project / "config.yaml"), "build", "--quiet"],
                   check=True, cwd=repo)


def run(repo: Path, project: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", str(repo), str(project)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--measure":
        print(json.dumps(measure(Path(argv[1]), Path(argv[2]))))
        return 0
    count, rounds, against = 1000, 3, None
    args = iter(argv)
    for arg in args:
        if arg == "--rounds":
            rounds = int(next(args))
        elif arg == "--against":
            against = Path(next(args)).resolve()
        else:
            count = int(arg)
    work = Path(os.environ.get("HAWAL_BENCH_DIR", "/tmp")) / f"hawal-bench-templates-{count}"
    checkouts = {"this": REPO} | ({"against": against} if against else {})
    for name, repo in checkouts.items():
        prepare(repo, work / name, count)
    results: dict[str, list[dict]] = {name: [] for name in checkouts}
    for n in range(rounds):
        for name, repo in checkouts.items():
            r = run(repo, work / name)
            results[name].append(r)
            print(f"round {n + 1} {name:>8}: {r['pages']} pages, {r['cpu_s']:.2f} s CPU "
                  f"({r['pages'] / r['cpu_s']:.0f} pages per CPU second; keys {r['keys_cpu_s']:.2f} s), "
                  f"{r['wall_s']:.2f} s wall", flush=True)
    for name, rs in results.items():
        cpu = statistics.median(r["cpu_s"] for r in rs)
        print(f"{name}: median {cpu:.2f} s CPU for {rs[0]['pages']} pages: {rs[0]['pages'] / cpu:.0f} pages/s")
    if against:
        ratios = [a["cpu_s"] / t["cpu_s"] for t, a in zip(results["this"], results["against"])]
        print(f"speed-up (against / this, median of per-round CPU ratios): {statistics.median(ratios):.2f}x "
              f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
