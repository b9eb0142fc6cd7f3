"""`build.py statements PATH... [--json]`: the key statements that sources yield."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path


def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "statements", help="print the key statements found in one or more sources",
        description="Extract who said what (direct quotes and reported statements) from article sources. "
                    "With --json, print a JSON array of statements for one path, or an array of arrays "
                    "(one per path, in order) for several.")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article source (.md or wire .txt), or a folder: every source in it and below")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_statements)


def cmd_statements(args: argparse.Namespace) -> int:
    from ..config import ConfigError, load_config
    from ..segment import segment_articles
    from ..sources import SourceLoader, SourceLoadError
    from . import extract_statements, newsworthiness

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    loader = SourceLoader(config.content_dir, config.root, config.language_codes, config.timezone)
    articles = []
    failed = False
    for raw, path in _source_files(args.paths, config):
        if not path.is_file():
            print(f"{raw}:1: no such file", file=sys.stderr)
            failed = True
            continue
        try:
            articles.append(loader.load_file(path, default_date=dt.date.today()))
        except SourceLoadError as exc:
            print(str(exc.error), file=sys.stderr)
            failed = True
    if failed:
        return 1
    segmented = segment_articles(articles)
    results = [(seg, extract_statements(seg)) for seg in segmented]
    if args.json:
        arrays = [[asdict(s) for s in statements] for _, statements in results]
        payload = arrays[0] if len(arrays) == 1 else arrays
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if console.width < NARROW:
        _print_blocks(console, results, newsworthiness)
        return 0
    for seg, statements in results:
        table = Table(title=f"{seg.article.path} ({seg.article.lang}): {len(statements)} statements",
                      show_lines=True, title_justify="left")
        # Words are never split (Sorani and Arabic words broken mid-word read as other words): short
        # columns do not wrap, the others wrap between words.
        for column in ("#", "kind", "speaker", "cue", "channel", "text", "sent.", "score"):
            narrow = column in ("#", "kind", "sent.", "score")
            table.add_column(column, no_wrap=narrow, overflow="ellipsis",
                             ratio=None if narrow else (4 if column == "text" else 1))
        for n, s in enumerate(statements, 1):
            speaker = s.canonical_speaker if s.canonical_speaker == s.speaker else f"{s.canonical_speaker}\n({s.speaker})"
            table.add_row(str(n), s.kind, speaker, s.cue or "—", s.channel or "", s.text,
                          str(s.sentence) if s.sentence == s.last_sentence else f"{s.sentence}–{s.last_sentence}",
                          f"{newsworthiness(s, seg):.2f}")
        console.print(table)
    return 0


NARROW = 100          # columns below which statements are listed one block each instead of a table


def _source_files(paths: list[str], config) -> list[tuple[str, Path]]:
    """Each PATH, a folder standing for every source in it (newsroom translations left out:
    they are shown with their originals' pages, not as stories of their own)."""
    from ..sources import SourceLoader

    out: list[tuple[str, Path]] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            out.append((raw, path))
            continue
        walker = SourceLoader(path, config.root, config.language_codes, config.timezone)
        found = [p for p in walker.source_paths() if walker._translation_of(p) is None]
        if not found:
            print(f"{raw}: no sources (.md, .txt) in this folder", file=sys.stderr)
        out.extend((str(p), p) for p in found)
    return out


def _print_blocks(console, results, newsworthiness) -> None:
    """Statements one block each, text wrapped between words: for terminals too narrow for a table."""
    from rich.text import Text

    for seg, statements in results:
        console.print(Text(f"{seg.article.path} ({seg.article.lang}): {len(statements)} statements", style="bold"))
        for n, s in enumerate(statements, 1):
            sentences = str(s.sentence) if s.sentence == s.last_sentence else f"{s.sentence}–{s.last_sentence}"
            who = " · ".join(filter(None, [s.kind, s.canonical_speaker or s.speaker, s.cue, s.channel]))
            console.print(Text(f"{n}. {who} · sentence {sentences} · score {newsworthiness(s, seg):.2f}"))
            console.print(Text(s.text), overflow="fold")
            console.print()
