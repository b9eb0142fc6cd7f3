#!/usr/bin/env python3
"""Build benchmark: synthetic sites of N articles; reports pages/s, seconds per stage and peak memory,
and rebuilds after editing one article side by side with the clean build (ratio): in the same
process, as `serve` rebuilds, and as a fresh `python build.py build` command.

Each size runs in its own process so peak memory (ru_maxrss) belongs to that build alone.
Usage: python bench/bench_build.py [--models] [N ...]   (default: 300 1000 3000)
  --models   install tiny random-weight translation models first (clean builds then translate)
"""
from __future__ import annotations

import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))      # conftest imports model_factory

PARAGRAPHS = {
    "en": [
        "Officials in {city} said on {weekday} that work on the new {thing} would start next month.",
        "“We have waited long enough for this,” a local council member told reporters in {city}.",
        "The ministry added that the budget for the {thing} had been approved by parliament.",
        "Residents said the project could create {n} jobs in the province, according to the governor's office.",
    ],
    "ar": [
        "قال مسؤولون في {city_ar} يوم {weekday_ar} إن العمل في المشروع الجديد سيبدأ الشهر المقبل.",
        "وأضاف عضو في مجلس المحافظة أن «السكان انتظروا طويلاً».",
        "وبحسب مكتب المحافظ، فإن المشروع قد يوفر {n} فرصة عمل في المحافظة.",
    ],
    "ckb": [
        "بەرپرسانی {city_ckb} ڕایانگەیاند کە کارکردن لە پرۆژە نوێیەکەدا مانگی داهاتوو دەست پێدەکات.",
        "ئەندامێکی ئەنجومەنی پارێزگا وتی «خەڵک ماوەیەکی زۆرە چاوەڕێی ئەم ڕۆژەن».",
        "بەپێی نووسینگەی پارێزگار، پرۆژەکە دەتوانێت {n} هەلی کار بڕەخسێنێت.",
    ],
}
CITIES = [("Erbil", "أربيل", "هەولێر"), ("Sulaimani", "السليمانية", "سلێمانی"), ("Duhok", "دهوك", "دهۆک"),
          ("Kirkuk", "كركوك", "کەرکووک"), ("Baghdad", "بغداد", "بەغدا")]
THINGS = ["bridge", "hospital", "water plant", "school", "highway"]


def write_synthetic_content(root: Path, count: int, seed: int = 7) -> None:
    """N articles over count/10 days, languages in turn, 4-8 paragraphs each."""
    rng = random.Random(seed)
    start = dt.date(2026, 1, 1)
    for i in range(count):
        lang = ("en", "ar", "ckb")[i % 3]
        day = start + dt.timedelta(days=i // 10)
        city = rng.choice(CITIES)
        fill = dict(city=city[0], city_ar=city[1], city_ckb=city[2], weekday="Monday", weekday_ar="الاثنين",
                    thing=rng.choice(THINGS), n=rng.randint(50, 900))
        body = "\n\n".join(rng.choice(PARAGRAPHS[lang]).format(**fill) for _ in range(rng.randint(4, 8)))
        title = {"en": f"Project {i} moves ahead in {city[0]}", "ar": f"مشروع {i} يتقدم في {city[1]}",
                 "ckb": f"پرۆژەی {i} لە {city[2]} بەرەوپێش دەچێت"}[lang]
        path = root / "content" / f"{day:%Y/%m/%d}" / f"story-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: \"{title}\"\ndate: {day.isoformat()}\nlang: {lang}\n"
                        f"tags: [{rng.choice(['economy', 'security', 'water'])}]\n---\n{body}\n", encoding="utf-8")


def _load_tests_module(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"hawal_tests_{name}", REPO / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _edit(config, name: str, words: str) -> None:
    edited = next(config.content_dir.rglob(name))
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


REPEATS = 3
MODEL_PAIRS = [("en", "ar"), ("ar", "en"), ("en", "ckb"), ("ckb", "en")]     # ar↔ckb through English


def run_one(count: int, models: bool = False) -> dict:
    """A clean build of `count` synthetic articles, then rebuilds after editing one of them: in the
    same process (what `serve` does) and as a fresh `python build.py` (imports and all).

    With `models`, tiny random-weight translation models (the tests' kind) are installed, so every
    article is machine translated and rebuilds go through the translation memory."""
    from hawal.pipeline import run_build

    write_project = _load_tests_module("conftest").write_project    # the project layout the tests use
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_synthetic_content(root, count)
        config = write_project(root, {})
        if models:
            _load_tests_module("model_factory").install_test_models(config.translation.models_dir, MODEL_PAIRS)
        started = time.perf_counter()
        clean = run_build(config)
        total = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        edit_times, incremental = [], None
        for n in range(REPEATS):                 # the median of a few: the machine is shared and noisy
            _edit(config, f"story-{n + 1}.md", "One more paragraph, added by an editor.")
            started = time.perf_counter()
            incremental = run_build(config)
            edit_times.append(time.perf_counter() - started)
        again = statistics.median(edit_times)
        started = time.perf_counter()
        run_build(config)
        unchanged = time.perf_counter() - started
        command = [sys.executable, str(REPO / "build.py"), "--config", str(root / "config.yaml"), "build", "--quiet"]
        cli_times = []
        for n in range(REPEATS):
            _edit(config, f"story-{n + 10}.md", "Another paragraph, from the command line.")
            started = time.perf_counter()
            subprocess.run(command, check=True)
            cli_times.append(time.perf_counter() - started)
        cli_edit = statistics.median(cli_times)
        started = time.perf_counter()
        subprocess.run(command, check=True)
        cli_unchanged = time.perf_counter() - started
    pages = sum(clean.pages.values())
    return {"articles": count, "models": models, "pages": pages, "seconds": round(total, 2), "pages_per_second": round(pages / total, 1),
            "peak_rss_mb": round(peak, 1), "stages": clean.seconds,
            "unchanged_seconds": round(unchanged, 2), "incremental_seconds": round(again, 2),
            "incremental_ratio": round(again / total, 3), "incremental_rendered": incremental.rendered,
            "incremental_stages": incremental.seconds, "cli_edit_seconds": round(cli_edit, 2),
            "cli_edit_ratio": round(cli_edit / total, 3), "cli_unchanged_seconds": round(cli_unchanged, 2)}


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--one":
        print(json.dumps(run_one(int(argv[1]), "--models" in argv)))
        return 0
    models = "--models" in argv
    sizes = [int(a) for a in argv if a != "--models"] or [300, 1000, 3000]
    print(f"{'articles':>8} {'pages':>7} {'clean s':>8} {'pages/s':>8} {'peak MB':>8} "
          f"{'edit-one s':>10} {'ratio':>6} {'CLI edit s':>10} {'ratio':>6}  clean stages (s)")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)] + ["--models"] * models,
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items())
        print(f"{r['articles']:>8} {r['pages']:>7} {r['seconds']:>8} {r['pages_per_second']:>8} {r['peak_rss_mb']:>8} "
              f"{r['incremental_seconds']:>10} {r['incremental_ratio']:>6} {r['cli_edit_seconds']:>10} "
              f"{r['cli_edit_ratio']:>6}  {stages}")
        inc = ", ".join(f"{k} {v:.2f}" for k, v in r["incremental_stages"].items())
        print(f"{'':>8} edit-one rebuild rendered {r['incremental_rendered']} files; stages: {inc}; "
              f"no-change rebuild {r['unchanged_seconds']} s in process, {r['cli_unchanged_seconds']} s as a command")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
