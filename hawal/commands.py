"""The core commands: build, check and new."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from . import langs
from .config import ConfigError, load_config
from .output import BuildLocked
from .pipeline import BuildFailed, BuildOptions, BuildReport, run_build
from .progress import Progress
from .sources import slugify, validate_slug
from .workers import default_jobs, usable_cores

def new_markdown(title: str, day: dt.date, lang: str, source: str, tags: list[str], draft: bool) -> str:
    """The front matter and placeholder dateline `new` writes for a Markdown article."""
    import yaml

    def value(v) -> str:
        return yaml.safe_dump(v, allow_unicode=True, default_flow_style=True, width=1000).strip().removesuffix("\n...")

    lines = ["---", f"title: {value(title)}", f"date: {day.isoformat()}", f"lang: {lang}",
             f"source: {value(source) if source else ''}".rstrip(), "source_url:", "author:",
             f"tags: {value(tags) if tags else '[]'}", "summary:"]
    if draft:
        lines.append("draft: true")
    return "\n".join(lines + ["---", "", langs.get(lang).dateline_example.rstrip() + " ", ""])


def new_translation(original, original_rel: str, lang: str) -> str:
    """A newsroom translation scaffold: front matter for its title, and the original in a comment
    for the translator (readers never see comments; with no text written, it is not used)."""
    name = langs.get(lang).english_name
    quoted = f"{original.title}\n\n{original.body}".replace("-->", "- ->")
    return (f"---\ntitle:\n---\n\n<!-- Newsroom translation into {name} of {original_rel}.\n"
            f"Write the {name} title above and the text below, then delete this comment. Until this file has "
            f"text, readers get the machine translation.\n\nThe original:\n\n{quoted}\n-->\n")




def add_subcommand(subparsers) -> None:
    build = subparsers.add_parser(
        "build", help="build the site into site/ (the default command)",
        description="Read content/, translate, extract key statements and write the site atomically into "
                    "the output folder. Any bad source fails the build and leaves the existing site untouched.")
    build.add_argument("--skip-invalid", action="store_true", help="build the valid sources and list the skipped ones")
    build.add_argument("--retranslate", action="store_true", help="ignore the translation memory and translate afresh")
    build.add_argument("--report", metavar="PATH", help="write a JSON summary of the build to PATH")
    build.add_argument("--wait", action="store_true", help="wait for a build already running instead of refusing")
    build.add_argument("--drafts", action="store_true",
                       help="include drafts (draft: true), marked as drafts on their pages (serve always does)")
    build.add_argument("--future", action="store_true",
                       help="include stories dated after now, marked as scheduled (serve always does); without it "
                            "a scheduled story appears with the first build after its date and time")
    build.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    build.add_argument("--verbose", "-v", action="store_true",
                       help="print details: every missing translation model and how to install it")
    add_jobs_option(build)
    build.set_defaults(func=cmd_build)

    check = subparsers.add_parser(
        "check", help="validate sources and config without writing anything",
        description="Load, validate and segment every source; print every problem as path:line: message, and "
                    "warnings for what is legal but likely wrong (a date on another day than the folder, a lang: "
                    "the letters disagree with, an untouched `new` scaffold, a remote image, one story written "
                    "twice in two languages).")
    check.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    check.set_defaults(func=cmd_check)

    new = subparsers.add_parser(
        "new", help="scaffold an article with front matter",
        description="Create content/YYYY/MM/DD/<slug>.md (or .txt wire copy) ready to edit.")
    new.add_argument("title", nargs="?", help="headline of the article")
    new.add_argument("--lang", required=True, choices=langs.codes(), metavar="LANG",
                     help=f"language of the article, one of config.yaml's languages (hawal knows {langs.describe()})")
    new.add_argument("--date", type=dt.date.fromisoformat, default=None,
                     help="day of the briefing, YYYY-MM-DD (default: today)")
    new.add_argument("--slug", help="file and URL name in Latin letters (default: the title's words written in "
                                    "Latin letters, e.g. هەولێر → hewler)")
    new.add_argument("--wire", action="store_true", help="create plain wire copy (.txt) instead of Markdown")
    new.add_argument("--source", default="", help="news agency or outlet")
    new.add_argument("--tags", default="", help="topics, comma-separated: --tags water,energy")
    new.add_argument("--draft", action="store_true",
                     help="mark it `draft: true`: serve shows it, build leaves it out until you remove the line")
    new.add_argument("--translation-of", metavar="PATH", dest="translation_of",
                     help="write the newsroom translation of the article at PATH into --lang (PATH's stem.LANG.md "
                          "beside it), so the story stays one story in every language; TITLE is then optional")
    new.add_argument("--edit", "-e", action="store_true", help="open the new file in $VISUAL or $EDITOR")
    new.set_defaults(func=cmd_new)


def add_jobs_option(parser) -> None:
    parser.add_argument(
        "--jobs", "-j", type=_positive_int, default=None, metavar="N",
        help="worker processes for big batches of work (a clean build, a template change); "
             "default: the cores other work leaves free (the cores less the other processes "
             "running, at least 1: %d of %d now); 1 runs everything in one process, for debugging"
             % (default_jobs(), usable_cores()))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _config(args):
    try:
        return load_config(args.config)
    except ConfigError as exc:
        print(f"error: {config_error_at_line(args.config, str(exc))}", file=sys.stderr)
        return None


_KEY_PATH = re.compile(r"^([A-Za-z_][\w]*(?:\.[\w<>-]+)*): ")


def config_error_at_line(config_path, message: str) -> str:
    """`config.yaml:LINE: message` for a config error that names its key (`site.timezone: …`);
    the line of a quoted sub-key the message names (`languages: unknown language 'fr'`) when there
    is one. Messages that already say where they are, or name no key, are left as they are."""
    m = _KEY_PATH.match(message)
    path = Path(config_path)
    if m is None or not path.is_file():
        return message
    import yaml

    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError, RecursionError):
        return message
    line = None
    for key in m.group(1).split("."):
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    if isinstance(node, yaml.MappingNode):          # a sub-key the message quotes: 'fr'
        for k, _v in node.value:
            if isinstance(k, yaml.ScalarNode) and f"'{k.value}'" in message[m.end():]:
                line = k.start_mark.line + 1
                break
    return f"{config_path}:{line}: {message}" if line else message


def print_warnings(report: BuildReport, stream=None) -> None:
    for line in report.warnings:
        print(line, file=stream or sys.stderr)


def _print_summary(report: BuildReport, config, progress: Progress, verbose: bool = False) -> None:
    per_lang = ", ".join(f"{lang}: {n}" for lang, n in sorted(report.pages.items()))
    total = sum(report.seconds.values())
    progress.line(f"built {sum(report.pages.values())} pages ({per_lang}) from {report.articles} articles "
                  f"into {config.output_dir} in {total:.1f}s")
    t = report.translation
    progress.line(f"translation: {t['computed']} sentences computed, {t['cached']} cached, {t['missing']} without a model")
    for line in postedit_lines(report, verbose):
        progress.line(line)
    progress.line(f"key statements: {report.statements}")
    for line in held_lines(report):
        progress.line(line)
    for line in missing_model_lines(report, config, verbose):
        progress.line(line)
    for path in report.skipped:
        progress.line(f"skipped: {path}")
    if not progress.quiet:
        from .search import search_unavailable_reason

        unavailable = search_unavailable_reason()
        if unavailable:
            progress.line(unavailable)


def postedit_lines(report: BuildReport, verbose: bool = False) -> list[str]:
    """What the guard stopped and the newsroom reviewed, in a line each; stale corrections one by one."""
    t = report.translation
    lines = []
    if t.get("guarded"):
        lines.append(f"guard: {t['guarded']} machine sentence(s) failed the checks and show the original with a "
                     "notice; `translations export --failed` lists them for a translator"
                     + ("" if verbose else " (`build --verbose` or --report names each)"))
        if verbose:
            lines += [f"  {g}" for g in report.guarded]
    if t.get("reviewed"):
        lines.append(f"reviewed: {t['reviewed']} sentence(s) shown as the newsroom corrected them")
    lines += [f"warning: {s}" for s in report.stale]
    return lines


def held_lines(report: BuildReport) -> list[str]:
    """What the build held back, in one line (and when the next scheduled story is due)."""
    if not report.held:
        return []
    from .pipeline import describe_held

    line = f"not published: {describe_held(report.held)}"
    if report.next_scheduled:
        line += f"; the next scheduled story is due {report.next_scheduled} (it appears with the first build after that)"
    hints = [flag for kind, flag in (("drafts", "--drafts"), ("scheduled", "--future")) if kind in report.held]
    if hints:
        line += f"; preview with `build.py serve` or `build {' '.join(hints)}`"
    return [line]


def missing_model_lines(report: BuildReport, config, verbose: bool) -> list[str]:
    """One summary line for missing translation models; every pair and how to install it with verbose."""
    if not report.missing_pairs:
        return []
    if not verbose:
        return [f"no translation model for {len(report.missing_pairs)} language pair(s) "
                f"({', '.join(report.missing_pairs)}): those pages show the original text; "
                "`build --verbose` says how to install models"]
    lines = ["missing translation models (pages show the original text with a notice):"]
    try:
        from .translate import describe_missing
        details = describe_missing({tuple(p.split("→")) for p in report.missing_pairs}, config.translation.models_dir)
    except ImportError:
        details = [f"{p}: python build.py models install PATH.argosmodel" for p in report.missing_pairs]
    return lines + ["  " + line.lstrip() for line in details]


def cmd_build(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    progress = Progress(quiet=args.quiet)
    options = BuildOptions(skip_invalid=args.skip_invalid, retranslate=args.retranslate, wait=args.wait,
                           drafts=args.drafts, future=args.future, jobs=args.jobs)
    try:
        report = run_build(config, options, progress)
    except BuildLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 75
    except BuildFailed as exc:
        report = exc.report
        for line in report.errors:
            print(line, file=sys.stderr)
        if not exc.storage:         # a storage failure is one line that says it all
            print(f"build failed: {len(report.errors)} problem(s); {config.output_dir} was left untouched",
                  file=sys.stderr)
        try:
            _write_report(args.report, report)
        except OSError:
            pass
        return exc.exit_code
    for line in report.errors:
        print(line, file=sys.stderr)
    print_warnings(report)
    _print_summary(report, config, progress, args.verbose)
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
        # Drafts and scheduled stories are checked like every other source.
        report = run_build(config, BuildOptions(dry_run=True, drafts=True, future=True))
    except BuildFailed as exc:
        for line in exc.report.errors:
            print(line, file=sys.stderr)
        print_warnings(exc.report)
        print(f"{len(exc.report.errors)} problem(s) found" + (
            f", {len(exc.report.warnings)} warning(s)" if exc.report.warnings else ""), file=sys.stderr)
        return exc.exit_code
    print_warnings(report)
    warned = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    print(f"ok: {report.articles} articles, configuration valid{warned}")
    return 1 if report.warnings and args.strict else 0


def cmd_new(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    if args.lang not in config.language_codes:
        print(f"error: --lang {args.lang}: not a language of this site ({', '.join(config.language_codes)}; "
              f"see languages: in {args.config})", file=sys.stderr)
        return 2
    if args.translation_of:
        path = _new_translation(args, config)
        if path is None:
            return 1
    else:
        if not args.title:
            print("error: give the article's headline (or --translation-of PATH)", file=sys.stderr)
            return 2
        path = _new_article(args, config)
        if path is None:
            return 1
    print(path)
    if args.edit:
        return _open_editor(path)
    return 0


def _new_article(args, config) -> Path | None:
    day = args.date or dt.datetime.now(config.timezone).date()
    slug = args.slug or langs.get(args.lang).latin_slug(args.title)
    if not slug:
        print("error: the headline has no letters or digits to make a file name from; give one with "
              "--slug NAME (Latin letters, digits and -)", file=sys.stderr)
        return None
    problem = validate_slug(slug)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return None
    folder = config.content_dir / f"{day:%Y/%m/%d}"
    path = folder / f"{slug}.{'txt' if args.wire else 'md'}"
    if path.exists():
        print(f"error: {path} already exists; choose another name with --slug", file=sys.stderr)
        return None
    folder.mkdir(parents=True, exist_ok=True)
    tags = [t.strip() for t in args.tags.split(",") if t.strip()]
    if args.wire:
        if tags or args.draft:
            print("error: wire copy has no front matter for --tags or --draft; create Markdown instead", file=sys.stderr)
            return None
        text = f"{args.title}\n{langs.get(args.lang).dateline_example.rstrip()} \n"
    else:
        text = new_markdown(args.title, day, args.lang, args.source, tags, args.draft)
    path.write_text(text, encoding="utf-8")
    if not args.slug and slug != slugify(args.title):
        print(f"file name {slug!r} from the headline's letters; to change the page's URL, set `slug:` in the "
              f"front matter (or rename the file, or use --slug)", file=sys.stderr)
    return path


def _new_translation(args, config) -> Path | None:
    from .sources import SourceLoader, SourceLoadError

    original_path = Path(args.translation_of)
    if not original_path.is_file():
        print(f"error: --translation-of {original_path}: no such file", file=sys.stderr)
        return None
    loader = SourceLoader(config.content_dir, config.root, config.language_codes, config.timezone)
    try:
        original = loader.load_file(original_path.resolve(), default_date=dt.date.today())
    except SourceLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    if original.lang == args.lang:
        print(f"error: {original_path} is already in {args.lang}; name the language to translate into", file=sys.stderr)
        return None
    stem = original_path.name.rsplit(".", 1)[0]
    path = original_path.with_name(f"{stem}.{args.lang}.md")
    if path.exists():
        print(f"error: {path} already exists", file=sys.stderr)
        return None
    path.write_text(new_translation(original, loader.rel(original_path.resolve()), args.lang), encoding="utf-8")
    return path


def _open_editor(path: Path) -> int:
    import os
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        print("no editor: set $EDITOR (e.g. export EDITOR=nano) to open new files with --edit", file=sys.stderr)
        return 0
    try:
        return subprocess.call([*shlex.split(editor), str(path)])
    except OSError as exc:
        print(f"error: cannot start the editor {editor!r}: {exc.strerror}", file=sys.stderr)
        return 1
