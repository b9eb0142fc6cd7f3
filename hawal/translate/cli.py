"""`build.py models …`: list, install and pack translation models."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import langs
from ..config import ConfigError, load_config
from .packagefs import human_size
from .packages import (NLLB_KIND, NLLB_LICENCE, InstalledModel, PackageError, best_models, discover_models,
                       distinct_size, find_route, install_dir, install_packages, pack_nllb, parse_nllb_langs)
from .stage import describe_missing


def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "models", help="list, install and pack offline translation models",
        description="Translation models are argos packages (CTranslate2 + SentencePiece) in translation.models_dir "
                    "of config.yaml, else in argos's usual folder (ARGOS_PACKAGES_DIR).")
    p.set_defaults(func=lambda args: (p.print_help(), 0)[1])
    sub = p.add_subparsers(dest="models_command", metavar="ACTION")

    ls = sub.add_parser("list", help="installed language pairs and what configured pairs are missing",
                        description="Show installed packages (direction, name, version, size, kind, licence, "
                                    "location) and how each configured language pair is reached.")
    ls.set_defaults(func=cmd_list)

    inst = sub.add_parser(
        "install", help="install .argosmodel files or package folders (offline), or from the argos index",
        description="Install packages offline from .argosmodel files or unpacked package folders. Every package "
                    "is checked first; if one is bad, nothing is installed. With --from-index FROM TO, download "
                    "from the Argos package index (needs the network).")
    inst.add_argument("paths", nargs="+", metavar="PATH", help=".argosmodel file or package folder (with "
                      "--from-index: the two language codes)")
    inst.add_argument("--from-index", action="store_true", help="download FROM TO from the Argos package index")
    inst.set_defaults(func=cmd_install)

    pack = sub.add_parser(
        "pack-nllb", help="make argos packages for every direction from a local NLLB-200 CTranslate2 model",
        description="Turn a CTranslate2 conversion of an NLLB-200 model into one argos package per direction "
                    "between the chosen languages, all sharing one copy of the weights. NLLB is CC-BY-NC 4.0.")
    pack.add_argument("ct2_dir", metavar="CT2_DIR", type=Path, help="folder with model.bin and shared_vocabulary")
    pack.add_argument("--langs", required=True,
                      help=f"comma-separated codes, e.g. {','.join(langs.DEFAULT_SITE_LANGUAGES)} (built-in NLLB tokens: "
                           f"{', '.join(sorted(set(langs.codes()) | set(langs.OTHER_NLLB_TOKENS)))}; "
                           "code:xxx_Xxxx for any other language)")
    pack.add_argument("--version", default="1.0", help="package version to record (default: %(default)s)")
    pack.add_argument("--tokenizer", type=Path, help="SentencePiece model, if not in CT2_DIR")
    pack.set_defaults(func=cmd_pack_nllb)


def _models_dir(args):
    config = load_config(args.config)
    return config, config.translation.models_dir


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code



def cmd_list(args) -> int:
    try:
        config, models_dir = _models_dir(args)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    found = discover_models(models_dir)
    source = "translation.models_dir" if models_dir else "argos's default folder (ARGOS_PACKAGES_DIR)"
    print(f"models folder: {', '.join(map(str, found.searched))} ({source})")
    if found.models:
        rows = [("FROM", "TO", "PACKAGE", "VERSION", "SIZE", "KIND", "LICENCE", "LOCATION")]
        for m in sorted(found.models, key=lambda m: (m.from_code, m.to_code, m.name)):
            shared = " (shared)" if m.kind == NLLB_KIND else ""
            rows.append((m.from_code, m.to_code, m.name, m.version, human_size(m.size_bytes()) + shared, m.kind,
                         m.licence, str(m.path)))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        for r in rows:
            print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1])
        print(f"  {len(found.models)} packages, {human_size(distinct_size(found.models))} on disk "
              "(linked weights counted once)")
    else:
        print("  no packages installed")
    for problem in found.problems:
        print(f"  cannot use: {problem}")
    if any(m.kind == NLLB_KIND for m in found.models):
        print(f"licence: {NLLB_LICENCE}")

    by_pair = best_models(found.models)
    codes = config.language_codes
    print(f"configured languages: {', '.join(codes)}")
    missing = []
    for src in codes:
        for tgt in codes:
            if src == tgt:
                continue
            route = find_route(by_pair, src, tgt)
            if route is None:
                missing.append((src, tgt))
                print(f"  {src}→{tgt}: missing")
            elif len(route) == 1:
                print(f"  {src}→{tgt}: direct ({route[0].name} {route[0].version})")
            else:
                print(f"  {src}→{tgt}: via {langs.get(route[0].to_code).english_name} ({' + '.join(m.name for m in route)})")
    for line in describe_missing(missing, models_dir):
        print(f"  {line}")
    return 0


def cmd_install(args) -> int:
    try:
        _, models_dir = _models_dir(args)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    if args.from_index:
        return install_from_index(args.paths, models_dir)
    try:
        installed = install_packages([Path(p) for p in args.paths], models_dir)
    except PackageError as exc:
        return _fail(f"{exc}; nothing was installed")
    _print_installed(installed)
    return 0


def _print_installed(installed: list[InstalledModel]) -> None:
    for m in installed:
        print(f"installed {m.from_code}→{m.to_code} {m.name} {m.version} ({m.kind}) in {m.path}")


def fetch_index() -> list[dict]:
    """The Argos package index, downloaded now (raises OSError-like errors when offline)."""
    import urllib.request

    from argostranslate import settings

    with urllib.request.urlopen(settings.remote_package_index, timeout=20) as response:
        return json.loads(response.read().decode("utf-8"))


def install_from_index(codes: list[str], models_dir) -> int:
    if len(codes) != 2:
        return _fail("--from-index takes two language codes, e.g. `models install --from-index en ar`", 2)
    src, tgt = (langs.to_argos(code) for code in codes)
    pivot = langs.to_argos(langs.pivot())
    try:
        index = fetch_index()
    except Exception as exc:   # offline, DNS, proxy, blocked sockets: all mean "cannot reach the index"
        print(f"error: cannot reach the Argos package index ({type(exc).__name__}); this machine seems offline — "
              f"install a downloaded package with `python build.py models install FILE.argosmodel`", file=sys.stderr)
        return 1
    from argostranslate.package import AvailablePackage

    available = {(m.get("from_code"), m.get("to_code")): m for m in index if m.get("type", "translate") == "translate"}
    wanted = [(src, tgt)] if (src, tgt) in available else [(src, pivot), (pivot, tgt)]
    if not all(pair in available for pair in wanted):
        return _fail(f"the Argos index has no {src}→{tgt} package, directly or through "
                     f"{langs.get(langs.pivot()).english_name}")
    paths = []
    try:
        for pair in wanted:
            paths.append(AvailablePackage(available[pair]).download())
        installed = install_packages(paths, models_dir)
    except PackageError as exc:
        return _fail(f"{exc}; nothing was installed")
    except Exception as exc:
        return _fail(f"download failed: {exc}")
    finally:
        for path in paths:
            Path(path).unlink(missing_ok=True)
    _print_installed(installed)
    return 0


def cmd_pack_nllb(args) -> int:
    try:
        _, models_dir = _models_dir(args)
        langs = parse_nllb_langs(args.langs)
        installed = pack_nllb(args.ct2_dir, langs, models_dir, version=args.version, tokenizer=args.tokenizer)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    except PackageError as exc:
        return _fail(str(exc))
    _print_installed(installed)
    print(f"{len(installed)} directions share one copy of the weights ({human_size(distinct_size(installed))}) "
          f"in {install_dir(models_dir)}")
    print(f"licence: {NLLB_LICENCE}")
    return 0


def main(argv=None) -> int:      # `python -m hawal.translate.cli models list`
    parser = argparse.ArgumentParser(prog="hawal-models")
    parser.add_argument("--config", default="config.yaml")
    add_subcommand(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
