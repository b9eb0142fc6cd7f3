"""Command-line entry: `python build.py [build|check|new|...]`.

Each subcommand lives with its stage and registers itself through `add_subcommand(subparsers)`,
setting `func(args) -> int` as its handler. Global options (`--config`) are on the main parser.
"""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__

COMMAND_MODULES = (
    "hawal.commands",            # build, check, new
    "hawal.translate.cli",       # models list / install / pack-nllb
    "hawal.translate.backfill",  # translate (fill the translation memory; --cluster ray)
    "hawal.statements.cli",      # statements PATH...
    "hawal.publish",             # publish
    "hawal.serve",               # serve
)


def build_parser() -> argparse.ArgumentParser:
    from . import langs

    parser = argparse.ArgumentParser(
        prog="build.py",
        description=(
            f"hawal builds a static daily news briefing in the languages of config.yaml "
            f"(hawal knows {langs.english_names()}) from the article sources in content/, "
            "translating offline and extracting key statements."
        ),
        epilog="Run `python build.py COMMAND --help` for a command's options. With no command, `build` runs.",
    )
    parser.add_argument("--config", default="config.yaml", help="site configuration file (default: %(default)s)")
    parser.add_argument("--version", action="version", version=f"hawal {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:     # a command not built yet in this checkout
                continue
            raise
        module.add_subcommand(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if not any(a in known for a in argv if not a.startswith("-")) and not {"-h", "--help", "--version"} & set(argv):
        argv = _insert_default_command(argv, "build")
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _insert_default_command(argv: list[str], command: str) -> list[str]:
    """Put the default command after global options (`--config X`) so its own flags parse."""
    out, i = [], 0
    while i < len(argv) and argv[i] == "--config":
        out += argv[i:i + 2]
        i += 2
    while i < len(argv) and argv[i].startswith("--config="):
        out.append(argv[i])
        i += 1
    return out + [command] + argv[i:]
