"""`python build.py publish [--dry-run] [--target NAME ...]`."""
from __future__ import annotations

import sys
from dataclasses import fields, is_dataclass, replace
from typing import Callable, Sequence

from ..config import Config, ConfigError, load_config
from .common import BuildNotReady, PublishError, PublishLock, PublishResult, TargetConfigError, load_completed_build
from .targets import parse_targets, select_targets


def publish_site(config: Config, names: Sequence[str] | None = None, dry_run: bool = False,
                 report: Callable[[str], None] = print, verbose: bool = False,
                 force: bool = False) -> tuple[list[PublishResult], list[PublishError]]:
    """Publish the last complete build to the chosen targets, each on its own; results and failures.

    Raises TargetConfigError for a bad `publish:` list or name and BuildNotReady when there is no
    complete build or a build is running. The build lock is held throughout.
    """
    targets = select_targets(parse_targets(config.publish, config), names)
    if force:       # only targets that can hold others' files take it (dir, rsync, s3)
        targets = [replace(t, force=True) if is_dataclass(t) and "force" in {f.name for f in fields(t)} else t
                   for t in targets]
    if not targets:
        raise TargetConfigError("no publish targets in config.yaml: add a `publish:` list")
    results: list[PublishResult] = []
    failures: list[PublishError] = []
    with PublishLock(config):
        site = load_completed_build(config)
        for target in targets:
            try:
                result = target.publish(site, dry_run=dry_run)
            except PublishError as exc:
                failures.append(exc)
                continue
            results.append(result)
            summary = "nothing to change" if result.changes.empty else result.changes.summary(dry_run)
            report(f"{target.name} ({target.describe()}): {summary}" + (f"; {result.note}" if result.note else ""))
            if verbose:                  # every file; the summary line above counts them per action
                for line in result.changes.lines():
                    report(f"  {line}")
    return results, failures


def cmd_publish(args) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        from ..commands import config_error_at_line
        print(f"error: {config_error_at_line(args.config, str(exc))}", file=sys.stderr)
        return 2
    try:
        results, failures = publish_site(config, args.target, args.dry_run, verbose=args.verbose, force=args.force)
    except TargetConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BuildNotReady as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
        for line in failure.details:
            print(line, file=sys.stderr)
    return 1 if failures else 0


def add_subcommand(subparsers) -> None:
    p = subparsers.add_parser(
        "publish", help="deploy the last complete build to the targets in config.yaml",
        description=("Deploy the last complete build (the output folder) to the targets listed under `publish:` "
                     "in config.yaml: a folder (dir), a git branch (git), rsync, or an S3 bucket (s3). "
                     "Each target is updated on its own; a failed one is reported and left as it was where "
                     "the target allows it."))
    p.add_argument("--dry-run", action="store_true",
                   help="count what would be added, changed and removed at each target; change nothing")
    p.add_argument("--verbose", "-v", action="store_true", help="list every file added, changed or removed")
    p.add_argument("--force", action="store_true",
                   help="let dir, rsync and s3 targets delete or overwrite files that hawal did not put there "
                        "(without --force they are listed and nothing is changed)")
    p.add_argument("--target", action="extend", nargs="+", metavar="NAME",
                   help="publish only to these targets (default: all)")
    p.set_defaults(func=cmd_publish)
