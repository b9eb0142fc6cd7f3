"""The core commands: build, check and new."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import langs
from .config import ConfigError, load_config
from .output import BuildLocked
from .pipeline import BuildFailed, BuildOptions, BuildReport, run_build
from .progress import Progress
from .search import search_unavailable_reason
from .sources import slugify, validate_slug

NEW_TEMPLATE = """---
title: {title}
date: {date}
lang: {lang}
source: {source}
source_url:
author:
tags: []
summary:
---

{dateline}
"""


def add_subcommand(subparsers) -> None:
    build = subparsers.add_parser(
        "build", help="build the site into site/ (the default command)",
        description="Read content/, translate, extract key statements and write the site atomically into "
                    "the output folder. Any bad source fails the build and leaves the existing site untouched.")
    build.add_argument("--skip-invalid", action="store_true", help="build the valid sources and list the skipped ones")
    build.add_argument("--retranslate", action="store_true", help="ignore the translation memory and translate afresh")
    build.add_argument("--report", metavar="PATH", help="write a JSON summary of the build to PATH")
    build.add_argument("--wait", action="store_true", help="wait for a build already running instead of refusing")
    build.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    build.set_defaults(func=cmd_build)

    check = subparsers.add_parser(
        "check", help="validate sources and config without writing anything",
        description="Load, validate and segment every source; print every problem as path:line: message.")
    check.set_defaults(func=cmd_check)

    new = subparsers.add_parser(
        "new", help="scaffold an article with front matter",
        description="Create content/YYYY/MM/DD/<slug>.md (or .txt wire copy) ready to edit.")
    new.add_argument("title", help="headline of the article")
    new.add_argument("--lang", required=True, choices=langs.codes(), metavar="LANG",
                     help=f"language of the article, one of config.yaml's languages (hawal knows {langs.describe()})")
    new.add_argument("--date", type=dt.date.fromisoformat, default=None,
                     help="day of the briefing, YYYY-MM-DD (default: today)")
    new.add_argument("--slug", help="URL slug (default: from the title)")
    new.add_argument("--wire", action="store_true", help="create plain wire copy (.txt) instead of Markdown")
    new.add_argument("--source", default="", help="news agency or outlet")
    new.set_defaults(func=cmd_new)


def _config(args):
    try:
        return load_config(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _print_summary(report: BuildReport, config, progress: Progress) -> None:
    per_lang = ", ".join(f"{lang}: {n}" for lang, n in sorted(report.pages.items()))
    total = sum(report.seconds.values())
    progress.line(f"built {sum(report.pages.values())} pages ({per_lang}) from {report.articles} articles "
                  f"into {config.output_dir} in {total:.1f}s")
    t = report.translation
    progress.line(f"translation: {t['computed']} sentences computed, {t['cached']} cached, {t['missing']} without a model")
    progress.line(f"key statements: {report.statements}")
    if report.missing_pairs:
        progress.line("missing translation models (pages show the original text with a notice):")
        try:
            from .translate import describe_missing
            lines = describe_missing({tuple(p.split("→")) for p in report.missing_pairs})
        except ImportError:
            lines = [f"  {p}: python build.py models install PATH.argosmodel" for p in report.missing_pairs]
        for line in lines:
            progress.line(line if line.startswith(" ") else "  " + line)
    for path in report.skipped:
        progress.line(f"skipped: {path}")
    unavailable = search_unavailable_reason()
    if unavailable:
        progress.line(unavailable)


def cmd_build(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    progress = Progress(quiet=args.quiet)
    options = BuildOptions(skip_invalid=args.skip_invalid, retranslate=args.retranslate, wait=args.wait)
    try:
        report = run_build(config, options, progress)
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 75
    except BuildFailed as exc:
        report = exc.report
        for line in report.errors:
            print(line, file=sys.stderr)
        print(f"build failed: {len(report.errors)} problem(s); {config.output_dir} was left untouched",
              file=sys.stderr)
        _write_report(args.report, report)
        return 1
    for line in report.errors:
        print(line, file=sys.stderr)
    _print_summary(report, config, progress)
    _write_report(args.report, report)
    return 0


def _write_report(path: str | None, report: BuildReport) -> None:
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(report.to_json() + "\n", encoding="utf-8")


def cmd_check(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    try:
        report = run_build(config, BuildOptions(dry_run=True))
    except BuildFailed as exc:
        for line in exc.report.errors:
            print(line, file=sys.stderr)
        print(f"{len(exc.report.errors)} problem(s) found", file=sys.stderr)
        return 1
    print(f"ok: {report.articles} articles, configuration valid")
    return 0


def cmd_new(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    if args.lang not in config.language_codes:
        print(f"error: --lang {args.lang}: not a language of this site ({', '.join(config.language_codes)}; "
              f"see languages: in {args.config})", file=sys.stderr)
        return 2
    day = args.date or dt.datetime.now(config.timezone).date()
    slug = args.slug or slugify(args.title)
    problem = validate_slug(slug)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    folder = config.content_dir / f"{day:%Y/%m/%d}"
    path = folder / f"{slug}.{'txt' if args.wire else 'md'}"
    if path.exists():
        print(f"error: {path} already exists", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    if args.wire:
        text = f"{args.title}\n{langs.get(args.lang).dateline_example}\n"
    else:
        import yaml
        text = NEW_TEMPLATE.format(
            title=yaml.safe_dump(args.title, allow_unicode=True).strip().removesuffix("\n..."), date=day.isoformat(),
            lang=args.lang, source=yaml.safe_dump(args.source, allow_unicode=True).strip().removesuffix("\n...") if args.source else "",
            dateline=langs.get(args.lang).dateline_example)
    path.write_text(text, encoding="utf-8")
    print(path)
    return 0
