"""Command-line entry: `python build.py [build|check|new|...]`.

Each subcommand lives with its stage and registers itself through `add_subcommand(subparsers)`,
setting `func(args) -> int` as its handler. Global options (`--config`) are on the main parser.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_IO, HawalError, describe_os_error

COMMAND_MODULES = (
    "hawal.commands",            # build, check, new
    "hawal.translate.cli",       # models list / install / pack-nllb
    "hawal.translate.backfill",  # translate (fill the translation memory; --cluster ray)
    "hawal.translate.postedit",  # translations export / import (XLIFF, PO: reviewed corrections)
    "hawal.statements.cli",      # statements PATH...
    "hawal.publish",             # publish
    "hawal.serve",               # serve
)


# The core commands, registered by hawal.commands: running one of them imports that module
# alone (a no-change build is mostly interpreter start-up). Other words, or help, load them all.
CORE_MODULE = "hawal.commands"
CORE_COMMANDS = ("build", "check", "new")


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
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

    for name in modules:
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
    word, asks = _first_word(argv), bool({"-h", "--help", "--version"} & set(argv))
    if word in CORE_COMMANDS or (word is None and not asks):
        parser = build_parser((CORE_MODULE,))
        if word is None:
            argv = _insert_default_command(argv, "build")
    else:
        parser = build_parser()
        known = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
        if not any(a in known for a in argv if not a.startswith("-")) and not asks:
            argv = _insert_default_command(argv, "build")
    args = parser.parse_args(argv)
    return run_command(args.func, args)


def run_command(func, args) -> int:
    """Run a command's handler; whatever escapes it becomes one line on stderr and an exit code.

    HawalError says what and where itself; an OSError names the file and the system's reason;
    anything else is a bug in hawal, reported as such (HAWAL_DEBUG=1 shows the traceback).
    """
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except HawalError as exc:
        if os.environ.get("HAWAL_DEBUG"):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        if os.environ.get("HAWAL_DEBUG"):
            raise
        print(f"error: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_IO
    except MemoryError:
        print("error: out of memory", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # the last resort: no command ends in a traceback
        if os.environ.get("HAWAL_DEBUG"):
            raise
        where = _innermost_frame(exc)
        print(f"internal error: {type(exc).__name__}: {_one_line(exc)}{where}. This is a bug in hawal; "
              "please report it with the command you ran (HAWAL_DEBUG=1 shows the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _innermost_frame(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return ""
    code = tb.tb_frame.f_code
    return f" (in {os.path.basename(code.co_filename)}:{tb.tb_lineno}, {code.co_name})"


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is neither an option nor the value of `--config`."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--config":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


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
