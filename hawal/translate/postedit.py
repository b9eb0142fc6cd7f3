"""`python build.py translations export|import`: fix one machine sentence without retranslating the
article, in the tools translators already use.

`export` writes the machine translations of the chosen articles as XLIFF 2.0 (`.xlf`) or gettext PO
(`.po`): one unit per sentence and title, with the original, the machine's text and a stable unit id
(`units.py`). Poedit, OmegaT, Weblate and Lokalise open both. `import` reads an edited file back and
stores the targets a translator confirmed as reviewed corrections in the translation memory (through
its one writer, in one transaction): from the next build on they stand in for the machine's
sentences, whatever the model. A bad file is refused whole, with every problem named.

One file holds one language pair (XLIFF's srcLang/trgLang, PO's X-Source-Language/Language): an
export that spans several pairs writes one file per pair.

What counts as confirmed: XLIFF segments whose state is translated, reviewed or final, or whose
target differs from the machine text the export wrote; PO entries that are not fuzzy (the export
marks every machine target fuzzy, as Poedit's "Needs work") and not empty.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from .. import langs
from ..config import Config, ConfigError, load_config
from ..errors import InputError
from ..language import LanguageUnclear, detect_language, letter_profile, normalize_text
from ..progress import Progress
from ..segment import SegmentedArticle, segment_articles
from ..sources import Article, load_sources
from .backfill import Selection, select_articles
from .guard import MIN_LETTERS_FOR_SCRIPT
from .memory import (REVIEWED, ReviewNote, TranslationMemory, TranslationMemoryError, announce_change,
                     normalize_sentence)
from .protect import GlossaryError
from .stage import ArticleVersion, TranslationError, load_corrections, translate_articles
from .units import parse_unit_id, unit_id

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
FORMATS = {".xlf": "xliff", ".xliff": "xliff", ".po": "po"}
CONFIRMED_STATES = {"translated", "reviewed", "final"}
MACHINE_NOTE = "hawal:machine"        # category of the XLIFF note that holds the machine's text


class PosteditError(InputError):
    """A file cannot be exported or imported; `problems` lists every reason (nothing was written)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# --- what is exported ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ExportUnit:
    """One sentence (or title) of one article, as a translator's tool gets it."""

    id: str
    position: int                    # 0: the title; n: sentence n
    source: str
    target: str                      # the machine's text, the newsroom's correction, or "" (stopped by the guard)
    state: str                       # "machine" | "reviewed" | "failed"
    machine: str                     # the machine's text ("" when none is shown)
    line: int                        # where the sentence starts in its source file
    notes: tuple[str, ...] = ()


@dataclass
class ExportFile:
    """Everything of one language pair: the articles, each with its units."""

    source_lang: str
    target_lang: str
    articles: list[tuple[Article, list[ExportUnit]]] = field(default_factory=list)

    @property
    def pair(self) -> str:
        return f"{self.source_lang}-{self.target_lang}"

    @property
    def units(self) -> int:
        return sum(len(units) for _, units in self.articles)


@dataclass
class ExportResult:
    files: list[ExportFile]
    stale: list[str]                 # stale corrections among the chosen articles
    missing_pairs: list[tuple[str, str]]


def collect_units(config: Config, selection: Selection, *, failed_only: bool = False,
                  source_langs: tuple[str, ...] = (), progress: Progress | None = None) -> ExportResult:
    """The machine translations of the selected articles, unit by unit, one ExportFile per pair.

    Runs the translate stage as the build does (the translation memory answers what the build has
    translated; anything new is translated now)."""
    progress = progress or Progress(quiet=True)
    unknown = [lang for lang in selection.languages + source_langs if lang not in config.language_codes]
    if unknown:
        raise PosteditError([f"{', '.join(unknown)}: not a language of this site "
                             f"(configured: {', '.join(config.language_codes)})"])
    loaded = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    articles, problems = select_articles(loaded.articles, config.root, selection)
    if problems:
        raise PosteditError(problems)
    if source_langs:
        articles = [a for a in articles if a.lang in source_langs]
    if not articles:
        raise PosteditError([f"{config.content_dir}: no article sources match"])
    targets = selection.languages or config.language_codes
    segmented = segment_articles(articles)
    try:
        outcome = translate_articles(segmented, targets, config.translation, progress)
        corrections = load_corrections(config.translation)
    except (GlossaryError, TranslationError) as exc:
        raise PosteditError([str(exc)]) from None
    stale_by_unit = {(s.path, s.lang, s.position): s for s in outcome.stale}
    files: dict[tuple[str, str], ExportFile] = {}
    for seg in segmented:
        a = seg.article
        for lang in targets:
            version = outcome.versions.get((a.key, lang))
            if version is None or version.provenance.kind not in ("machine", "reviewed") or not version.units:
                continue
            units = _version_units(seg, version, corrections, stale_by_unit, failed_only)
            if units:
                files.setdefault((a.lang, lang), ExportFile(a.lang, lang)).articles.append((a, units))
    stale = [str(s) for s in outcome.stale]
    return ExportResult([files[k] for k in sorted(files)], stale, sorted(outcome.missing_pairs))


def _version_units(seg: SegmentedArticle, version: ArticleVersion, corrections, stale_by_unit, failed_only: bool
                   ) -> list[ExportUnit]:
    a = seg.article
    pair = f"{a.lang}-{version.lang}"
    in_pair = corrections.by_pair.get(pair, {})
    lead = len(a.body) - len(a.body.lstrip("\n"))
    units = []
    for u in version.units:
        if failed_only and u.status != "guarded":
            continue
        if u.position:
            sentence = seg.sentences[u.position - 1]
            line = a.body_line + a.body.count("\n", lead, sentence.start)
            where = f"sentence {u.position} of {a.path}"
        else:
            line = a.meta_line("title") or 1
            where = f"the title of {a.path}"
        notes = [where]
        if u.status == "reviewed":
            correction = in_pair[normalize_sentence(u.source)]
            target, state, machine = correction.target, "reviewed", correction.machine
            notes.append("reviewed by the newsroom; edit it to correct it again")
        elif u.status == "guarded":
            target, state, machine = "", "failed", ""
            notes.append(f"the machine translation failed the guard ({u.failure}) and readers see the original: "
                         f"please translate this one")
        else:
            target, state, machine = u.machine, "machine", u.machine
            notes.append(f"machine translation ({version.provenance.model_words}): correct it, or confirm it as it is")
        stale = stale_by_unit.get((a.path, version.lang, u.position))
        if stale is not None:
            notes.append(f"stale correction: an earlier version of this sentence (“{stale.source}”) was reviewed as "
                         f"“{stale.target}”; review this one again")
        units.append(ExportUnit(str(unit_id(a.key, version.lang, u.position == 0, u.source)), u.position, u.source,
                                target, state, machine, line, tuple(notes)))
    return units


# --- writing -----------------------------------------------------------------------------------------

def format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise PosteditError([f"{path}: unknown format {path.suffix or '(no suffix)'!r}: use .xlf (XLIFF 2.0) or .po"])
    return fmt


def write_xliff(export: ExportFile) -> bytes:
    """An XLIFF 2.0 document: one <file> per article, one <unit> per sentence or title."""
    from lxml import etree

    def el(parent, tag, text=None, **attrs):
        node = etree.SubElement(parent, f"{{{XLIFF_NS}}}{tag}", {k: v for k, v in attrs.items() if v})
        if text is not None:
            node.text = text
        return node

    root = etree.Element(f"{{{XLIFF_NS}}}xliff", {"version": "2.0", "srcLang": export.source_lang,
                                                   "trgLang": export.target_lang}, nsmap={None: XLIFF_NS})
    for article, units in export.articles:
        day, slug = article.key.split("/", 1)
        file = el(root, "file", id=f"{day}_{slug}", original=article.path,
                  srcDir=langs.direction(export.source_lang), trgDir=langs.direction(export.target_lang))
        for u in units:
            unit = el(file, "unit", id=u.id, name="title" if u.position == 0 else f"sentence-{u.position}")
            notes = el(unit, "notes")
            for text in u.notes:
                el(notes, "note", text, category="hawal")
            if u.machine:
                el(notes, "note", u.machine, category=MACHINE_NOTE)
            segment = el(unit, "segment", state="reviewed" if u.state == "reviewed" else "initial")
            el(segment, "source", u.source)
            if u.target:
                el(segment, "target", u.target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_po(export: ExportFile) -> bytes:
    """A gettext PO file: msgctxt the unit id, msgid the original, msgstr the machine's text (fuzzy)."""
    import polib

    from .. import __version__

    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"hawal {__version__}",
        "Language": export.target_lang,
        "X-Source-Language": export.source_lang,      # Poedit reads it
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "hawal translations export",
    }
    for article, units in export.articles:
        for u in units:
            notes = list(u.notes) + ([f"machine: {u.machine}"] if u.state == "reviewed" and u.machine else [])
            entry = polib.POEntry(msgctxt=u.id, msgid=u.source, msgstr=u.target, comment="\n".join(notes),
                                  occurrences=[(article.path, str(u.line))])
            if u.state == "machine":
                entry.flags.append("fuzzy")
            po.append(entry)
    return str(po).encode("utf-8")


def write_export(export: ExportFile, fmt: str) -> bytes:
    return write_xliff(export) if fmt == "xliff" else write_po(export)


# --- reading -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportedUnit:
    id: str
    source: str
    target: str
    confirmed: bool                  # the translator confirmed the target (see the module's docstring)
    machine: str = ""
    where: str = ""                  # "FILE:LINE" for messages


@dataclass
class ImportedFile:
    source_lang: str
    target_lang: str
    units: list[ImportedUnit]


def read_xliff(path: Path, data: bytes) -> ImportedFile:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else exc.lineno
        raise PosteditError([f"{path}:{line}: not well-formed XML: {exc.msg}"]) from None
    ns = f"{{{XLIFF_NS}}}"
    if root.tag != f"{ns}xliff" or not str(root.get("version", "")).startswith("2."):
        found = etree.QName(root).localname + (f" version {root.get('version')}" if root.get("version") else "")
        raise PosteditError([f"{path}:{root.sourceline}: not an XLIFF 2 document (found <{found}>); "
                             "export with `translations export -o FILE.xlf`"])
    problems = []
    src, tgt = root.get("srcLang", ""), root.get("trgLang", "")
    if not src or not tgt:
        problems.append(f"{path}:{root.sourceline}: <xliff> needs srcLang and trgLang")
    units = []
    for unit in root.iter(f"{ns}unit"):
        segments = unit.findall(f"{ns}segment")
        where = f"{path}:{unit.sourceline}"
        if len(segments) != 1:
            problems.append(f"{where}: unit {unit.get('id')!r} has {len(segments)} segments; hawal writes one per unit")
            continue
        segment = segments[0]
        source, target = segment.find(f"{ns}source"), segment.find(f"{ns}target")
        machine = next((n.text or "" for n in unit.iter(f"{ns}note") if n.get("category") == MACHINE_NOTE), "")
        source_text = "".join(source.itertext()) if source is not None else ""
        target_text = "".join(target.itertext()).strip() if target is not None else ""
        state = segment.get("state", "initial")
        confirmed = bool(target_text) and (state in CONFIRMED_STATES or target_text != machine.strip())
        units.append(ImportedUnit(unit.get("id", ""), source_text, target_text, confirmed, machine, where))
    if problems:
        raise PosteditError(problems)
    return ImportedFile(src, tgt, units)


def read_po(path: Path, data: bytes) -> ImportedFile:
    import polib

    try:
        po = polib.pofile(data.decode("utf-8"), wrapwidth=0)
    except UnicodeDecodeError as exc:
        raise PosteditError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    except (OSError, ValueError) as exc:
        raise PosteditError([f"{path}: not a PO file: {exc}"]) from None
    src, tgt = po.metadata.get("X-Source-Language", ""), po.metadata.get("Language", "")
    problems = []
    if not src or not tgt:
        problems.append(f"{path}: the header needs Language and X-Source-Language (as `translations export` writes)")
    units = []
    for entry in po:
        if entry.obsolete:
            continue
        confirmed = bool(entry.msgstr.strip()) and not entry.fuzzy
        units.append(ImportedUnit(entry.msgctxt or "", entry.msgid, entry.msgstr.strip(), confirmed,
                                  where=f"{path}:{entry.linenum}"))
    if problems:
        raise PosteditError(problems)
    return ImportedFile(src, tgt, units)


# --- importing -----------------------------------------------------------------------------------------

@dataclass
class ImportReport:
    pair: str = ""
    stored: int = 0
    unconfirmed: int = 0             # units left as machine translations (not confirmed by the translator)
    changed_since: list[str] = field(default_factory=list)   # units whose sentence changed after the export


def import_file(config: Config, path: Path) -> ImportReport:
    """Check an edited export and store its confirmed targets as reviewed corrections, all or nothing.
    Raises PosteditError listing every problem (nothing is stored then)."""
    fmt = format_of(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PosteditError([f"{path}: cannot read: {exc.strerror}"]) from None
    imported = read_xliff(path, data) if fmt == "xliff" else read_po(path, data)
    src, tgt = imported.source_lang, imported.target_lang
    problems = []
    for code in (src, tgt):
        if code not in config.language_codes:
            problems.append(f"{path}: language {code!r} is not one of this site's ({', '.join(config.language_codes)})")
    if src == tgt:
        problems.append(f"{path}: source and target are both {src!r}")
    if problems:
        raise PosteditError(problems)

    loaded = load_sources(config.content_dir, config.root, config.language_codes, config.timezone)
    by_key = {a.key: a for a in loaded.articles if a.lang == src}
    segmented = {s.article.key: s for s in segment_articles(list(by_key.values()))}
    report = ImportReport(f"{src}-{tgt}")
    seen: set[str] = set()
    translations: dict[str, str] = {}
    notes: dict[str, ReviewNote] = {}
    for u in imported.units:
        uid = parse_unit_id(u.id)
        if uid is None:
            problems.append(f"{u.where}: {u.id!r} is not a hawal unit id (ids must stay as `translations export` "
                            "wrote them)")
            continue
        if u.id in seen:
            problems.append(f"{u.where}: unit {u.id} appears twice")
            continue
        seen.add(u.id)
        if uid.lang != tgt:
            problems.append(f"{u.where}: unit {u.id} is for {uid.lang!r}, but the file's target language is {tgt!r}")
            continue
        seg = segmented.get(uid.article_key)
        if seg is None:
            problems.append(f"{u.where}: unit {u.id}: no {src} article {uid.article_key} in {config.content_dir}")
            continue
        if not uid.fits(u.source):
            problems.append(f"{u.where}: unit {u.id}: the source text does not belong to this id (the source must not "
                            "be edited)")
            continue
        if not u.confirmed:
            report.unconfirmed += 1
            continue
        problem = wrong_language(u.target, tgt, config.language_codes)
        if problem:
            problems.append(f"{u.where}: unit {u.id}: {problem}")
            continue
        texts = [seg.article.title] + [s.text for s in seg.sentences]
        keys = [normalize_sentence(t) for t in texts]
        source_key = normalize_sentence(u.source)
        if source_key not in keys:
            report.changed_since.append(f"{seg.article.path}: unit {u.id}: the sentence changed after the export; "
                                        "export again to review the new one")
            continue
        translations[source_key] = normalize_text(" ".join(u.target.split()), tgt)
        notes[source_key] = ReviewNote(u.id, keys.index(source_key), " ".join(u.machine.split()))
    if problems:
        raise PosteditError(problems)
    if translations:
        try:
            with TranslationMemory(config.translation.memory) as memory:
                memory.store("", "", f"{src}-{tgt}", translations, origin=REVIEWED, notes=notes)
        except TranslationMemoryError as exc:
            raise PosteditError([str(exc)]) from None
    report.stored = len(translations)
    return report


def wrong_language(text: str, lang: str, site_languages) -> str | None:
    """What is wrong with a target said to be in `lang`: detected as another language of the site,
    or (too short or mixed to tell the language) mostly letters of another script. None if fine."""
    try:
        found = detect_language(text, site=tuple(site_languages))
    except LanguageUnclear:
        found = None
    spec = langs.get(lang)
    if found is not None and found != lang:
        return f"the target is in {langs.get(found).english_name}, not {spec.english_name}"
    profile = letter_profile(text)
    letters = sum(profile.values())
    if letters >= MIN_LETTERS_FOR_SCRIPT and profile[spec.script.code] < spec.script.detection_share * letters:
        return f"the target is not written in {spec.script.name} letters, as {spec.english_name} is"
    return None


# --- command line ------------------------------------------------------------------------------------

def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "translations", help="post-edit machine translations in Poedit, OmegaT, Weblate or Lokalise (XLIFF or PO)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Export machine translations sentence by sentence as XLIFF 2.0 or PO for a translator's tool, and "
            "import the corrected file: confirmed targets become reviewed corrections in the translation memory "
            "and replace the machine's sentences from the next build on, through model upgrades and --retranslate. "
            "A page whose every sentence is reviewed is labelled as reviewed by the newsroom.", 88),
        epilog="examples:\n"
               "  python build.py translations export --lang ar -o review.xlf content/2026/11/23\n"
               "  python build.py translations export --failed --lang ckb -o failed.po\n"
               "  python build.py translations import review.xlf\n"
               "See the README, \"Correcting a machine translation\".")
    p.set_defaults(func=lambda args: (p.print_help(), 0)[1])
    sub = p.add_subparsers(dest="translations_command", metavar="ACTION")

    exp = sub.add_parser("export", help="write machine translations as XLIFF 2.0 (.xlf) or PO (.po)",
                         description="Write one unit per sentence and title: the original, the machine's text and a "
                                     "stable id. The format follows the file's suffix; without -o, XLIFF goes to "
                                     "standard output (--format po for PO). One file holds one language pair: with "
                                     "several pairs, -o FILE.xlf writes FILE.en-ar.xlf, FILE.ckb-ar.xlf, ….")
    exp.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                     help="only articles in these files or folders (default: all of content/)")
    exp.add_argument("--lang", action="append", metavar="L", default=[],
                     help="only translations into this language (repeat, or comma-separate)")
    exp.add_argument("--from", dest="from_lang", action="append", metavar="L", default=[],
                     help="only articles written in this language")
    exp.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help="only articles dated on or after this day")
    exp.add_argument("--failed", action="store_true",
                     help="only the sentences the guard stopped (readers see the original): for a human to translate")
    exp.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE (.xlf or .po) instead of stdout")
    exp.add_argument("--format", choices=("xlf", "po"), help="the format on stdout (default: xlf)")
    exp.set_defaults(func=cmd_export)

    imp = sub.add_parser("import", help="store a corrected XLIFF or PO file as reviewed corrections",
                         description="Check the file (well-formed, ids as exported, sources unchanged, targets in "
                                     "the target language) and store every confirmed target as a reviewed "
                                     "correction, all or nothing.")
    imp.add_argument("file", metavar="FILE", type=Path, help="an edited export (.xlf or .po)")
    imp.set_defaults(func=cmd_import)


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _config(args) -> Config | None:
    from ..commands import config_error_at_line

    try:
        return load_config(args.config)
    except ConfigError as exc:
        print(f"error: {config_error_at_line(args.config, str(exc))}", file=sys.stderr)
        return None


def cmd_export(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    progress = Progress()
    if args.output is not None:
        try:
            fmt = format_of(args.output)
        except PosteditError as exc:
            return _fail(exc.problems, 2)
    else:
        fmt = "po" if args.format == "po" else "xliff"
    selection = Selection(_codes(args.lang), args.since, tuple(args.paths))
    try:
        result = collect_units(config, selection, failed_only=args.failed, source_langs=_codes(args.from_lang),
                               progress=progress)
    except PosteditError as exc:
        return _fail(exc.problems, 1)
    for line in result.stale:
        print(f"warning: {line}", file=sys.stderr)
    if result.missing_pairs:
        print(f"no translation model for {', '.join(f'{a}→{b}' for a, b in result.missing_pairs)}: those pages show "
              "the original and have nothing to export", file=sys.stderr)
    files = [f for f in result.files if f.units]
    if not files:
        what = "no machine sentence failed the guard" if args.failed else "no machine translations to export"
        print(f"{what} in the chosen articles; nothing written", file=sys.stderr)
        return 0
    if args.output is None:
        if len(files) > 1:
            return _fail([f"the chosen articles span {len(files)} language pairs ({', '.join(f.pair for f in files)}) "
                          "and a file holds one: choose with --lang and --from, or give -o FILE to write one file "
                          "per pair"], 2)
        sys.stdout.buffer.write(write_export(files[0], fmt))
        sys.stdout.flush()
        print(f"{files[0].units} units ({files[0].pair})", file=sys.stderr)
        return 0
    for export in files:
        target = args.output if len(files) == 1 else args.output.with_name(
            f"{args.output.stem}.{export.pair}{args.output.suffix}")
        data = write_export(export, fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        print(f"wrote {target}: {export.units} units ({export.source_lang}→{export.target_lang}, "
              f"{len(export.articles)} articles)", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    config = _config(args)
    if config is None:
        return 2
    try:
        report = import_file(config, args.file)
    except PosteditError as exc:
        return _fail(exc.problems + [f"{args.file}: refused, nothing was stored ({len(exc.problems)} problem(s))"], 1)
    for line in report.changed_since:
        print(f"skipped: {line}", file=sys.stderr)
    if report.stored:
        announce_change(config.translation.memory)
    src, tgt = report.pair.split("-", 1)
    print(f"imported {report.stored} reviewed correction(s) ({src}→{tgt}) into {config.translation.memory}; "
          f"{report.unconfirmed} unit(s) not confirmed stay machine translations. The next build shows them.")
    return 0


def _fail(problems: list[str], code: int) -> int:
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    return code
