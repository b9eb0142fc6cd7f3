#!/usr/bin/env python3
"""Build benchmark: a synthetic site of N articles built, re-rendered and rebuilt, as a user does.

For each size, every round measures, in this order:
- clean build: `python build.py build` with no site and no cache (pages/s, CPU seconds of the
  whole process tree, peak memory: the most the process tree held at once, as the sum of its
  processes' proportional set sizes, so memory shared by forked workers is counted once);
- warm full re-render: a template touched (a comment added), every cache warm, as a fresh
  command: every page is rendered again (pages/s);
- nothing changed, as a fresh command; edit one article, as a fresh command (seconds): the first
  edit after the re-render (it also brings the site's other tree up to date) apart, then the
  median of three;
- edit one article in `serve` (seconds): rebuilds in one long-lived process, as the preview
  server does them (`hawal.serve.rebuild`), with the process's memory after each, which must stay
  flat from rebuild to rebuild.
Each figure is the median over the rounds (three by default).

Usage: python bench/bench_build.py [N ...] [options]      (default N: 3000)
  --rounds R      rounds (default 3)
  --jobs J        pass --jobs J to hawal's builds (default: hawal's default, every core)
  --models        install tiny random-weight translation models first (clean builds translate)
  --against PATH  another checkout of hawal (`git worktree add /tmp/base main`): measured in the
                  same rounds, alternately, for before/after ratios (medians of per-round ratios)
  --hugo          build the same articles with Hugo in the same rounds (skipped, with a note,
                  where `hugo` is not installed: `apt-get install hugo`) and print the ratios
  --pelican PATH  also build them with Pelican (PATH: a `pelican` executable, say from a
                  throw-away venv: python -m venv /tmp/pelican-venv; /tmp/pelican-venv/bin/pip install pelican)
  --json PATH     write every measurement as JSON
  --only clean,rerender   measure only these (of clean, rerender, edits: the no-change and edit
                  rebuilds as commands and in `serve`); the clean build always runs first
  --edit-only     the same as --only edits: one clean build, then each round a no-change command,
                  three edits as commands and three in `serve` (pages updated, search updated, CPU)
The machine may be shared: the rounds interleave the variants so they see the same load, and
ratios are medians of per-round ratios. The load average is printed with the results.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

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


def synthetic_articles(count: int, seed: int = 7):
    """(i, lang, day, title, tag, body) of N articles over count/10 days, languages in turn,
    4-8 paragraphs each."""
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
        yield i, lang, day, title, rng.choice(["economy", "security", "water"]), body


def write_synthetic_content(root: Path, count: int, seed: int = 7) -> None:
    """The articles as hawal sources under root/content/YYYY/MM/DD/story-N.md."""
    for i, lang, day, title, tag, body in synthetic_articles(count, seed):
        path = root / "content" / f"{day:%Y/%m/%d}" / f"story-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: \"{title}\"\ndate: {day.isoformat()}\nlang: {lang}\n"
                        f"tags: [{tag}]\n---\n{body}\n", encoding="utf-8")


def _load_tests_module(name: str, repo: Path = REPO):
    import importlib.util

    sys.path.insert(0, str(repo))
    sys.path.insert(0, str(repo / "tests"))      # conftest imports model_factory
    spec = importlib.util.spec_from_file_location(f"hawal_tests_{name}", repo / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _edit(content: Path, name: str, words: str) -> None:
    edited = next(content.rglob(name))
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


MODEL_PAIRS = [("en", "ar"), ("ar", "en"), ("en", "ckb"), ("ckb", "en")]     # ar↔ckb through English


# ---------------------------------------------------------------------------------- measuring

def _tree_pss_kb(root_pid: int, root_program: str | None = None) -> tuple[int, int]:
    """Proportional set size of a process and all its descendants (KiB), and of those of them
    that run the same program as the first (the build's own processes, not Pagefind's)."""
    total, own, todo, seen = 0, 0, [root_pid], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/comm") as fh:
                program = fh.read().strip()
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        kb = int(line.split()[1])
                        total += kb
                        if root_program is None:
                            root_program = program
                        if program == root_program:
                            own += kb
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total, own


class PeakMemory:
    """Samples a process tree's memory while it runs; `peak_mb` is the most it held at once."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every, self.peak_kb, self.own_peak_kb = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total, own = _tree_pss_kb(self.pid)
            self.peak_kb, self.own_peak_kb = max(self.peak_kb, total), max(self.own_peak_kb, own)
            self._stop.wait(self.every)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def timed_command(command: list[str], cwd: Path, memory: bool = False) -> dict:
    """Run a command; wall seconds, CPU seconds of it and its children, peak memory (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakMemory(process.pid) if memory and os.path.isdir("/proc") else None
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak = sampler.stop() if sampler else None
    own_peak = sampler.own_peak_kb / 1024 if sampler else None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{out}\n{err}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak, "own_peak_mb": own_peak, "stdout": out}


class Hawal:
    """One checkout of hawal building its own copy of the bench project."""

    def __init__(self, name: str, repo: Path, work: Path, count: int, models: bool, jobs: int | None):
        self.name, self.repo, self.root = name, repo, work / name
        self.jobs, self.count = jobs, count
        code = (f"import sys, pathlib; sys.path.insert(0, {str(REPO / 'bench')!r});"
                f"import bench_build as bb; root = pathlib.Path({str(self.root)!r});"
                f"bb.write_synthetic_content(root, {count});"
                f"shutil = __import__('shutil'); shutil.copytree({str(repo / 'templates')!r}, root / 'templates');"
                f"config = bb._load_tests_module('conftest', pathlib.Path({str(repo)!r})).write_project("
                f"root, {{}}, templates_dir=str(root / 'templates'));"
                + (f"bb._load_tests_module('model_factory', pathlib.Path({str(repo)!r})).install_test_models("
                   f"config.translation.models_dir, bb.MODEL_PAIRS)" if models else ""))
        subprocess.run([sys.executable, "-c", code], check=True, cwd=repo)
        self.config = self.root / "config.yaml"
        self.edits = 0

    def command(self, report: Path | None = None) -> list[str]:
        cmd = [sys.executable, str(self.repo / "build.py"), "--config", str(self.config), "build", "--quiet"]
        if report is not None:
            cmd += ["--report", str(report)]
        if self.jobs is not None:
            cmd += ["--jobs", str(self.jobs)]
        return cmd

    def _build(self, memory: bool = False) -> dict:
        report = self.root / "report.json"
        result = timed_command(self.command(report), self.repo, memory)
        data = json.loads(report.read_text(encoding="utf-8"))
        result.update(pages=sum(data["pages"].values()), rendered=data.get("rendered"), stages=data["seconds"])
        return result

    def clean(self) -> dict:
        for name in ("site", "site.next", ".hawal"):
            shutil.rmtree(self.root / name, ignore_errors=True)
        return self._build(memory=True)

    def rerender(self) -> dict:
        base = self.root / "templates" / "base.html"
        with base.open("a", encoding="utf-8") as fh:
            fh.write(f"{{# touched {time.time()} #}}")
        return self._build()

    def edit_command(self) -> dict:
        self.edits += 1
        _edit(self.root / "content", f"story-{10 + self.edits}.md", "Another paragraph, from the command line.")
        return self._build()

    def unchanged_command(self) -> dict:
        return self._build()

    def serve_session(self, edits: int) -> dict:
        """Rebuilds in one process, as `serve` makes them: the first (nothing changed) then `edits`
        edits; seconds and the process's memory after each."""
        first = (self.count // 2 + 10 * self.edits) % max(1, self.count - edits)
        out = subprocess.run([sys.executable, __file__, "--serve-session", str(self.repo), str(self.config),
                              str(edits), str(first)],
                             capture_output=True, text=True, cwd=self.repo)
        if out.returncode != 0:
            raise RuntimeError(f"serve session failed:\n{out.stdout}\n{out.stderr}")
        self.edits += edits
        return json.loads(out.stdout.strip().splitlines()[-1])


def serve_session(repo: Path, config_path: Path, edits: int, first: int) -> dict:
    """In a process of its own: what `serve` does after its first build, timed."""
    sys.path.insert(0, str(repo))
    import gc

    from hawal.progress import Progress
    from hawal.serve import BuildState, rebuild
    from hawal.translate.engine import EnginePool

    def rss_mb() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    state, progress, engines = BuildState(), Progress(quiet=True), EnginePool()
    content = config_path.parent / "content"
    started = time.perf_counter()
    rebuild(config_path, state, progress, engines)        # serve's first build: nothing changed
    unchanged = time.perf_counter() - started
    import hawal.serve
    if hasattr(hawal.serve, "prepare_nlp"):               # what serve loads while the first page is read
        from hawal.config import load_config
        hawal.serve.prepare_nlp(load_config(config_path))
    times, search, cpu, memory, objects = [], [], [], [rss_mb()], [len(gc.get_objects())]
    for n in range(edits):
        _edit(content, f"story-{first + n}.md", "One more paragraph, added by an editor.")
        started, cpu_started = time.perf_counter(), time.process_time()
        if rebuild(config_path, state, progress, engines) is None:
            raise RuntimeError(state.error)
        times.append(time.perf_counter() - started)
        # Where the search index follows the pages (`hawal.catchup`): until it is in place too.
        getattr(state, "wait_for_search", lambda: None)()
        if state.error:
            raise RuntimeError(state.error)
        search.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        memory.append(rss_mb())
        objects.append(len(gc.get_objects()))
    started = time.perf_counter()
    rebuild(config_path, state, progress, engines)
    return {"unchanged_s": unchanged, "edit_s": times, "search_s": search, "cpu_s": cpu,
            "again_unchanged_s": time.perf_counter() - started, "rss_mb": memory, "objects": objects}


# ----------------------------------------------------------------------------------- others

HUGO_LAYOUT = {
    "layouts/_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}<a href="{{ "/tags/" | relURL }}">Topics</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main><footer>Built with Hugo.</footer></body></html>
""",
    "layouts/_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.tags }}{{ range . }} <a href="{{ (printf "/tags/%s/" (urlize .)) | relURL }}">{{ . }}</a>{{ end }}{{ end }}</p>
{{ .Content }}</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
""",
    "layouts/_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "layouts/_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}


class Hugo:
    """The same articles as a Hugo site (one language: Hugo has no translations to make)."""

    def __init__(self, work: Path, count: int):
        self.root = work / "hugo"
        (self.root / "content" / "posts").mkdir(parents=True, exist_ok=True)
        (self.root / "config.toml").write_text(
            'baseURL = "https://briefing.example.org/"\nlanguageCode = "en"\ntitle = "Hawal bench"\n'
            'paginate = 10\n[taxonomies]\ntag = "tags"\n', encoding="utf-8")
        for rel, text in HUGO_LAYOUT.items():
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.root / rel).write_text(text, encoding="utf-8")
        for i, lang, day, title, tag, body in synthetic_articles(count):
            path = self.root / "content" / "posts" / f"{day:%Y/%m/%d}" / f"story-{i}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"---\ntitle: \"{title}\"\ndate: {day.isoformat()}\ntags: [{tag}]\n---\n{body}\n",
                            encoding="utf-8")

    def clean(self) -> dict:
        for name in ("public", "resources"):
            shutil.rmtree(self.root / name, ignore_errors=True)
        result = timed_command(["hugo", "--source", str(self.root)], self.root, memory=True)
        pages = 0
        for line in result["stdout"].splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) >= 2 and cells[0] in ("Pages", "Paginator pages") and cells[1].isdigit():
                pages += int(cells[1])
        result["pages"] = pages
        return result


class Pelican:
    """The same articles as a Pelican site (one language, default theme)."""

    def __init__(self, work: Path, count: int, executable: str):
        self.root, self.executable = work / "pelican", executable
        (self.root / "content").mkdir(parents=True, exist_ok=True)
        (self.root / "pelicanconf.py").write_text(
            'SITENAME = "Hawal bench"\nSITEURL = ""\nTIMEZONE = "Asia/Baghdad"\nDEFAULT_LANG = "en"\n'
            "DEFAULT_PAGINATION = 10\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n", encoding="utf-8")
        for i, lang, day, title, tag, body in synthetic_articles(count):
            path = self.root / "content" / f"story-{i}.md"
            path.write_text(f"Title: {title}\nDate: {day.isoformat()}\nTags: {tag}\nSlug: story-{i}\n\n{body}\n",
                            encoding="utf-8")

    def clean(self) -> dict:
        shutil.rmtree(self.root / "output", ignore_errors=True)
        shutil.rmtree(self.root / "__pycache__", ignore_errors=True)
        result = timed_command([self.executable, str(self.root / "content"), "-o", str(self.root / "output"),
                                "-s", str(self.root / "pelicanconf.py"), "--ignore-cache", "-q"], self.root, memory=True)
        result["pages"] = sum(1 for _ in (self.root / "output").rglob("*.html"))
        return result


# ------------------------------------------------------------------------------------ report

def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _fmt(value, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


ALL_PARTS = ("clean", "rerender", "edits")


def run_size(count: int, rounds: int, jobs: int | None, models: bool, against: Path | None,
             hugo: bool, pelican: str | None, parts: tuple[str, ...] = ALL_PARTS) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"hawal-bench-{count}-"))
    try:
        checkouts = [Hawal("this", REPO, work, count, models, jobs)]
        if against is not None:
            checkouts.append(Hawal("against", against, work, count, models, jobs))
        others = {}
        if hugo:
            if shutil.which("hugo"):
                others["hugo"] = Hugo(work, count)
            else:
                print("hugo is not installed (apt-get install hugo): skipping the Hugo comparison", flush=True)
        if pelican:
            others["pelican"] = Pelican(work, count, pelican)
        results: dict[str, list[dict]] = {c.name: [] for c in checkouts} | {name: [] for name in others}
        for n in range(rounds):
            for checkout in checkouts:
                edit_only = parts == ("edits",)
                if edit_only and n:
                    r = {}          # the site of the first round's clean build, edited further
                else:
                    r = {"clean": checkout.clean()}
                if "rerender" in parts:
                    r["rerender"] = checkout.rerender()
                if "edits" in parts:
                    r["unchanged_command"] = checkout.unchanged_command()
                    if "rerender" in parts:
                        # The first edit after a full re-render also brings the other tree of the site
                        # up to date (every file changed): measured apart from the steady edits.
                        r["first_edit_command"] = checkout.edit_command()
                    else:
                        checkout.edit_command()        # both trees of the site up to date, as in steady use
                    edits = [checkout.edit_command() for _ in range(3)]
                    r["edit_command"] = min(edits, key=lambda e: abs(e["wall_s"] - _median([x["wall_s"] for x in edits])))
                    r["serve"] = checkout.serve_session(3)
                results[checkout.name].append(r)
                line = f"round {n + 1} {checkout.name}: "
                if "clean" in r:
                    line += (f"clean {r['clean']['wall_s']:.1f} s ({r['clean']['pages']} pages, "
                             f"{r['clean']['cpu_s']:.1f} s CPU, peak {r['clean']['peak_mb']:.0f} MB), ")
                if "rerender" in r:
                    line += f"re-render {r['rerender']['wall_s']:.1f} s ({r['rerender']['cpu_s']:.1f} s CPU), "
                if "edit_command" in r:
                    serve = r["serve"]
                    line += (f"edit command {r['edit_command']['wall_s']:.2f} s ({r['edit_command']['cpu_s']:.2f} s CPU)"
                             + (f" (first after the re-render {r['first_edit_command']['wall_s']:.2f} s)"
                                if "first_edit_command" in r else "")
                             + f", no-change command {r['unchanged_command']['wall_s']:.2f} s, "
                             f"serve edits {', '.join(f'{t:.2f}' for t in serve['edit_s'])} s"
                             + (f" (search updated {', '.join(f'{t:.2f}' for t in serve['search_s'])} s; "
                                f"CPU {', '.join(f'{t:.2f}' for t in serve['cpu_s'])} s)" if "search_s" in serve else ""))
                print(line.rstrip(", ") + f" (load {os.getloadavg()[0]:.1f})", flush=True)
            for name, other in others.items():
                r = {"clean": other.clean()}
                results[name].append(r)
                print(f"round {n + 1} {name}: clean {r['clean']['wall_s']:.2f} s ({r['clean']['pages']} pages, "
                      f"peak {r['clean']['peak_mb']:.0f} MB)", flush=True)
        return {"articles": count, "load": os.getloadavg(), "results": results}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def summarize_edits(out: dict) -> None:
    """The figures of `--edit-only`: edit one article, in serve and as a command."""
    count, results = out["articles"], out["results"]
    names = [n for n in ("this", "against") if n in results]

    def figures(r: dict) -> dict:
        serve = r["serve"]
        return {"serve pages s": _median(serve["edit_s"]),
                "serve search s": _median(serve.get("search_s", serve["edit_s"])),
                "serve CPU s": _median(serve["cpu_s"]) if "cpu_s" in serve else None,
                "cmd s": r["edit_command"]["wall_s"], "cmd CPU s": r["edit_command"]["cpu_s"],
                "no-change cmd s": r["unchanged_command"]["wall_s"]}

    per = {name: [figures(r) for r in results[name]] for name in names}
    columns = list(per["this"][0])
    print(f"\n{count} articles, edit one article; load average at the end "
          f"{', '.join(f'{x:.1f}' for x in out['load'])} on {os.cpu_count()} cores "
          f"(medians of {len(results['this'])} rounds; serve: median of 3 edits a round)")
    print(f"{'':>10} " + " ".join(f"{c:>15}" for c in columns))
    for name in names:
        cells = [_median([f[c] for f in per[name]]) for c in columns]
        print(f"{name:>10} " + " ".join(f"{'-' if v is None else f'{v:.2f}':>15}" for v in cells))
    if "against" in per:
        cells = []
        for c in columns:
            pairs = [(t[c], a[c]) for t, a in zip(per["this"], per["against"]) if t[c] and a[c]]
            cells.append(_median([a / t for t, a in pairs]) if pairs else None)
        print(f"{'ratio':>10} " + " ".join(f"{'-' if v is None else f'{v:.2f}x':>15}" for v in cells)
              + "   (median of per-round ratios, > 1: this is faster)")
    for name in names:
        stages = results[name][-1]["edit_command"]["stages"]
        print(f"{name} edit command stages (last round, s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))


def summarize(out: dict) -> None:
    count, results = out["articles"], out["results"]

    def med(name: str, *path) -> float | None:
        def get(r):
            for p in path:
                r = r.get(p) if isinstance(r, dict) else None
            return r
        return _median([get(r) for r in results.get(name, [])])

    print(f"\n{count} articles; load average at the end {', '.join(f'{x:.1f}' for x in out['load'])} "
          f"on {os.cpu_count()} cores (medians of {len(results['this'])} rounds)")
    print(f"{'':>10} {'pages':>6} {'clean s':>8} {'pages/s':>8} {'CPU s':>7} {'peak MB':>8} {'re-render s':>11} "
          f"{'CPU s':>6} {'pages/s':>8} {'edit serve s':>12} {'edit cmd s':>10} {'no-change cmd s':>15} {'no-change serve s':>17}")

    def per_s(pages, seconds):
        return None if pages is None or not seconds else pages / seconds

    for name in [n for n in ("this", "against") if n in results]:
        pages = med(name, "clean", "pages")
        clean, rerender = med(name, "clean", "wall_s"), med(name, "rerender", "wall_s")
        serve_edits = _median([_median(r["serve"]["edit_s"]) for r in results[name] if "serve" in r])
        print(f"{name:>10} {pages:>6.0f} {clean:>8.1f} {pages / clean:>8.0f} {med(name, 'clean', 'cpu_s'):>7.1f} "
              f"{med(name, 'clean', 'peak_mb'):>8.0f} {_fmt(rerender, 1):>11} {_fmt(med(name, 'rerender', 'cpu_s'), 1):>6} "
              f"{_fmt(per_s(pages, rerender), 0):>8} "
              f"{_fmt(serve_edits):>12} {_fmt(med(name, 'edit_command', 'wall_s')):>10} "
              f"{_fmt(med(name, 'unchanged_command', 'wall_s')):>15} {_fmt(med(name, 'serve', 'again_unchanged_s')):>17}")
    for name in [n for n in ("this", "against") if n in results]:
        print(f"{name}: first edit after a full re-render, as a command: {_fmt(med(name, 'first_edit_command', 'wall_s'))} s; "
              f"clean build CPU {med(name, 'clean', 'cpu_s'):.1f} s; peak memory of the build's own processes "
              f"{med(name, 'clean', 'own_peak_mb'):.0f} MB (the rest is Pagefind's)")
    for name in [n for n in ("this", "against") if n in results]:
        for kind in ("clean", "rerender"):
            if kind not in results[name][-1]:
                continue
            names = results[name][-1][kind]["stages"]
            print(f"{name} {kind} stages (medians, s): "
                  + ", ".join(f"{k} {_fmt(med(name, kind, 'stages', k))}" for k in names))
    serve = results["this"][-1].get("serve")
    if serve:
        print(f"serve rebuilds (last round): memory after each {', '.join(f'{m:.0f}' for m in serve['rss_mb'])} MB; "
              f"objects {', '.join(str(o) for o in serve['objects'])}")
    for name in [n for n in ("this", "against") if n in results]:
        if all("search_s" in r.get("serve", {}) for r in results[name]):
            print(f"{name}: edit in serve, pages updated {_median([_median(r['serve']['edit_s']) for r in results[name]]):.2f} s, "
                  f"search updated {_median([_median(r['serve']['search_s']) for r in results[name]]):.2f} s, "
                  f"CPU {_median([_median(r['serve']['cpu_s']) for r in results[name]]):.2f} s")
    if "against" in results:
        def ratio(path, invert=False):
            values = []
            for t, a in zip(results["this"], results["against"]):
                tv, av = t, a
                for p in path:
                    tv, av = tv.get(p), av.get(p)
                    if tv is None or av is None:
                        break
                if tv is None or av is None:
                    continue
                if isinstance(tv, list):
                    tv, av = _median(tv), _median(av)
                values.append(tv / av if invert else av / tv)
            return _median(values) or float("nan")
        print("this against the other checkout (median of per-round ratios; > 1: this is faster): "
              f"clean {ratio(('clean', 'wall_s')):.2f}x, re-render {ratio(('rerender', 'wall_s')):.2f}x, "
              f"edit serve {ratio(('serve', 'edit_s')):.2f}x, edit command {ratio(('edit_command', 'wall_s')):.2f}x, "
              f"no-change command {ratio(('unchanged_command', 'wall_s')):.2f}x, "
              f"peak memory {ratio(('clean', 'peak_mb'), invert=True):.2f} of the other's; "
              f"CPU: clean {ratio(('clean', 'cpu_s')):.2f}x, re-render {ratio(('rerender', 'cpu_s')):.2f}x")
    for name, label in (("hugo", "Hugo"), ("pelican", "Pelican")):
        if not results.get(name):
            continue
        ratios_rerender, ratios_clean = [], []
        for t, o in zip(results["this"], results[name]):
            other_pps = o["clean"]["pages"] / o["clean"]["wall_s"]
            if "rerender" in t:
                ratios_rerender.append((t["rerender"]["pages"] / t["rerender"]["wall_s"]) / other_pps)
            ratios_clean.append(t["clean"]["wall_s"] / o["clean"]["wall_s"])     # same articles
        print(f"{label}: {med(name, 'clean', 'pages'):.0f} pages in {med(name, 'clean', 'wall_s'):.2f} s "
              f"({med(name, 'clean', 'pages') / med(name, 'clean', 'wall_s'):.0f} pages/s, "
              f"{1000 * med(name, 'clean', 'wall_s') / count:.2f} ms per article, peak {med(name, 'clean', 'peak_mb'):.0f} MB); "
              f"hawal's warm re-render pages/s / {label}'s: {_fmt(_median(ratios_rerender))}; "
              f"hawal's clean build time per article / {label}'s: {_median(ratios_clean):.2f}")


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--serve-session":
        print(json.dumps(serve_session(Path(argv[1]), Path(argv[2]), int(argv[3]), int(argv[4]))))
        return 0
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    sizes, rounds, jobs, models, against, hugo, pelican, json_path = [], 3, None, False, None, False, None, None
    parts = ALL_PARTS
    args = iter(argv)
    for arg in args:
        if arg == "--rounds":
            rounds = int(next(args))
        elif arg == "--jobs":
            jobs = int(next(args))
        elif arg == "--models":
            models = True
        elif arg == "--against":
            against = Path(next(args)).resolve()
        elif arg == "--edit-only":
            parts = ("edits",)
        elif arg == "--hugo":
            hugo = True
        elif arg == "--pelican":
            pelican = next(args)
        elif arg == "--json":
            json_path = Path(next(args))
        elif arg == "--only":
            parts = tuple(p.strip() for p in next(args).split(",") if p.strip())
            unknown = set(parts) - set(ALL_PARTS)
            if unknown:
                raise SystemExit(f"--only: unknown part(s) {', '.join(sorted(unknown))} (known: {', '.join(ALL_PARTS)})")
        else:
            sizes.append(int(arg))
    everything = []
    for count in sizes or [3000]:
        edit_only = parts == ("edits",)
        out = run_size(count, rounds, jobs, models, against, hugo and not edit_only,
                       None if edit_only else pelican, parts)
        (summarize_edits if edit_only else summarize)(out)
        everything.append(out)
    if json_path:
        for out in everything:
            for rs in out["results"].values():
                for r in rs:
                    for v in r.values():
                        if isinstance(v, dict):
                            v.pop("stdout", None)
        json_path.write_text(json.dumps(everything, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
