"""The slowest sources we know of, just under hawal's limits: CPU seconds each takes through a build.

For each shape (plain text at the size limit in each language, paragraphs at the paragraph
limit, unclosed brackets, tags and block lines just under the Markdown work budget, nesting at the
nesting limit, runs of punctuation…) the source is made as large as the limits allow and taken
through every per-article stage of a build (tests/article_timing.py: load and validate, segment,
statements, translate without a model, assemble, render every page, feeds, search records).
The promise is under a second each; a shape over a limit is refused by `check` instead.

Run: .venv/bin/python bench/bench_limits.py [--only NAME] [--repeat 3]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import model_factory  # noqa: E402,F401  (argos's settings in a throw-away home)
from article_timing import process_source, write_source  # noqa: E402
from conftest import write_project  # noqa: E402
from hawal import limits  # noqa: E402

FRONT = "---\ntitle: {title}\ndate: 2026-11-23\nlang: {lang}\n---\n"
SENTENCES = {
    "en": "The provincial council approved the water budget on Monday after a long debate in Erbil. ",
    "ar": "وافق مجلس المحافظة على ميزانية المياه يوم الاثنين بعد نقاش طويل في أربيل. ",
    "ckb": "ئەنجومەنی پارێزگا ڕۆژی دووشەممە دوای گفتوگۆیەکی درێژ بودجەی ئاوی پەسەند کرد. ",
}
QUOTES = {
    "en": '"We will finish the dam before the spring rains," the governor said on Monday. ',
    "ar": "«سننهي بناء السد قبل أمطار الربيع»، قال المحافظ يوم الاثنين. ",
    "ckb": "«پێش بارانەکانی بەهار بەنداوەکە تەواو دەکەین»، پارێزگار ڕۆژی دووشەممە گوتی. ",
}
LEAD = "ERBIL (Hawal) — The council met on Monday.\n\n"


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def source(body: str, lang: str = "en", title: str = "Limits") -> str:
    return FRONT.format(title=title, lang=lang) + body


SCALE = 1.0          # --scale: a fraction of the size limit, to time shapes that are refused


def at_size(make_paragraph, lang: str = "en") -> str:
    """Paragraphs from `make_paragraph` until the source is just under MAX_SOURCE_BYTES."""
    budget = int(limits.MAX_SOURCE_BYTES * SCALE) - 400
    parts, size = [], 0
    while True:
        paragraph = make_paragraph()
        grown = size + len((paragraph + "\n\n").encode("utf-8"))
        if grown > budget:
            break
        parts.append(paragraph)
        size = grown
    return source(LEAD + "\n\n".join(parts) + "\n", lang)


def under_budget(unit: str, prefix: str = "Intro.\n\n") -> str:
    """`unit` repeated as often as the Markdown work budget allows (binary search)."""
    low, high = 1, limits.MAX_PARAGRAPH_CHARS // len(unit)
    while low < high:
        mid = (low + high + 1) // 2
        if limits.markdown_work(prefix + unit * mid).total <= limits.MARKDOWN_WORK_BUDGET:
            low = mid
        else:
            high = mid - 1
    return source(LEAD + prefix + unit * low + "\n")


def nested_lines(prefix_of, line: str) -> str:
    depth = limits.MAX_NESTING
    block = "".join(prefix_of(d) + line + "\n" for d in range(depth)) + "\n"
    return at_size(lambda: block.rstrip("\n"))


def nested_under_budget(prefix_of, line: str, depth: int = limits.MAX_NESTING) -> str:
    """Blocks nested `depth` deep, as many as the work budget and the size limit allow."""
    block = "".join(prefix_of(d) + line + "\n" for d in range(depth)).rstrip("\n")
    parts: list[str] = []
    while True:
        candidate = LEAD + "\n\n".join(parts + [block]) + "\n"
        if (limits.markdown_work(candidate).total > limits.MARKDOWN_WORK_BUDGET
                or len(candidate.encode()) > limits.MAX_SOURCE_BYTES - 400):
            return source(LEAD + "\n\n".join(parts) + "\n")
        parts.append(block)


def max_blocks(unit: str, lang: str = "en") -> str:
    """As many paragraphs as an article may hold, each as long as the size limit then allows."""
    count = limits.MAX_BLOCKS - 2
    size = (int(limits.MAX_SOURCE_BYTES * SCALE) - 400) // count // len(unit[:10].encode()) * 10 - 2
    return source(LEAD + "\n\n".join(fill(unit, max(20, size)) for _ in range(count)) + "\n", lang)


def shapes() -> dict[str, str]:
    para = limits.MAX_PARAGRAPH_CHARS - 10
    out = {
        "plain-en-at-size": at_size(lambda: fill(SENTENCES["en"], 2000)),
        "plain-ar-at-size": at_size(lambda: fill(SENTENCES["ar"], 2000), "ar"),
        "plain-ckb-at-size": at_size(lambda: fill(SENTENCES["ckb"], 2000), "ckb"),
        "quotes-en-at-size": at_size(lambda: fill(QUOTES["en"], 1500)),
        "quotes-ar-at-size": at_size(lambda: fill(QUOTES["ar"], 1500), "ar"),
        "quotes-ckb-at-size": at_size(lambda: fill(QUOTES["ckb"], 1500), "ckb"),
        "max-paragraphs-en": at_size(lambda: fill(SENTENCES["en"], para)),
        "one-sentence-paragraphs": at_size(lambda: fill("word " * 3, para)),
        "dots": at_size(lambda: "." * para),
        "commas": at_size(lambda: "," * para),
        "bangs-quotes": at_size(lambda: fill('!"?»«', para)),
        "dashes": at_size(lambda: fill("— ", para)),
        "letters-no-space": at_size(lambda: "a" * para),
        "arabic-no-space": source(LEAD + "\n\n".join(["ب" * para] * 6), "ar"),
        "digits": at_size(lambda: fill("1234567890", para)),
        "emphasis": at_size(lambda: fill("*a* _b_ **c** __d__ ***e*** ", para)),
        "emphasis-unclosed": at_size(lambda: fill("*a _b **c __d ", para)),
        "links-valid": at_size(lambda: fill("[a](https://example.org/x) ", para)),
        "autolinks": at_size(lambda: fill("<https://example.org/x> ", para)),
        "html-tags": at_size(lambda: fill("<b>x</b> <i>y</i> ", para)),
        "entities": at_size(lambda: fill("&amp; &#1234; &lt; ", para)),
        "code-spans": at_size(lambda: fill("`a[b` ", para)),
        "brackets-under-budget": under_budget("["),
        "brackets-mixed-under-budget": under_budget("*[_"),
        "images-under-budget": under_budget("!["),
        "link-parens-under-budget": under_budget("[a]("),
        "tags-under-budget": under_budget("<a "),
        "autolink-open-under-budget": under_budget("x <http://"),
        "headings-under-budget": under_budget("#\n"),
        "items-under-budget": under_budget("\n- "),
        "rules-under-budget": under_budget("-\n"),
        "nested-lists": nested_lines(lambda d: "    " * d + "- ", "item of a nested list"),
        "nested-quotes": nested_lines(lambda d: "> " * (d + 1), "quoted line"),
        "definitions": at_size(lambda: "\n".join(["term", ": definition"] * limits.MAX_DEFINITIONS_IN_A_ROW)),
        "nested-lists-under-budget": nested_under_budget(lambda d: "    " * d + "- ", "item of a nested list"),
        "nested-quotes-under-budget": nested_under_budget(lambda d: "> " * (d + 1), "quoted line"),
        "definitions-under-budget": nested_under_budget(lambda d: "term\n: ", "definition", limits.MAX_DEFINITIONS_IN_A_ROW),
        "quotes-at-size-and-brackets": at_size(lambda: fill(QUOTES["en"], 1500))[:-3000].rstrip()
                                       + "\n\n" + under_budget("*[_", "")[len(FRONT) + len(LEAD) + 10:],
                "max-blocks-sentences": max_blocks(SENTENCES["en"]),
        "max-blocks-quotes": max_blocks(QUOTES["en"]),
        "max-blocks-quotes-ckb": max_blocks(QUOTES["ckb"], "ckb"),
        "max-blocks-items": source(LEAD + "\n".join("- " + fill(SENTENCES["en"], 70)
                                                    for _ in range(limits.MAX_BLOCKS - 2)) + "\n"),
                "wire-at-size": "ERBIL (Hawal) — " + "\n".join(
            fill(SENTENCES["en"], 2000) for _ in range(limits.MAX_SOURCE_BYTES // 2100)) + "\n",
        "wire-punctuation": "ERBIL (Hawal) — " + "\n".join(
            fill('<>&*_[]|#!"', 2000) for _ in range(limits.MAX_SOURCE_BYTES // 2100)) + "\n",
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="run only these shapes")
    parser.add_argument("--repeat", type=int, default=1, help="runs per shape; the median is shown")
    parser.add_argument("--no-budget", action="store_true",
                        help="lift the work budget, to time what it refuses (with --scale) and calibrate it")
    parser.add_argument("--scale", type=float, default=1.0, help="shapes at this fraction of the size limit")
    args = parser.parse_args()
    global SCALE
    SCALE = args.scale
    if args.no_budget:
        limits.MARKDOWN_WORK_BUDGET = 10**15
    tmp = Path(tempfile.mkdtemp(prefix="hawal-bench-limits-"))
    try:
        config = write_project(tmp, {"2026/11/23/warm.md": source(LEAD + SENTENCES["en"])})
        baseline = statistics.median(process_source(config).seconds for _ in range(3))
        print(f"{'shape':32} {'bytes':>8} {'cpu s':>7} {'work':>12}  errors")
        print(f"{'(one short article)':32} {'':>8} {baseline:7.3f}")
        worst = 0.0
        for name, text in shapes().items():
            if args.only and name not in args.only:
                continue
            rel = "2026/11/23/limits." + ("txt" if name.startswith("wire") else "md")
            runs = []
            for _ in range(args.repeat):
                write_source(config, rel, text)
                runs.append(process_source(config))
            seconds = statistics.median(r.seconds for r in runs)
            worst = max(worst, seconds)
            errors = runs[0].errors
            note = (errors[0][:70] + "…") if errors else ""
            body = text.split("---", 2)[2] if text.startswith("---") else text
            work = limits.markdown_work(body)
            print(f"{name:32} {len(text.encode()):8} {seconds:7.3f} {work.total:12} {work.cause:8}  {note}", flush=True)
        print(f"slowest: {worst:.3f} s CPU (limit per article: 1 s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
