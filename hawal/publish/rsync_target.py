"""`rsync` target: the system rsync to a local or remote path."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import ClassVar

from ..config import Config
from .common import (BuiltSite, Changes, PublishError, PublishResult, TargetConfigError, check_not_protected,
                     expect_str, resolve_path)

# --delay-updates puts every new file in place only once all have arrived, and --delete-after
# removes old files last, so a reader sees the old site until the very end of the transfer.
BASE_OPTIONS = ("-a", "--delete", "--checksum", "--delay-updates", "--delete-after")
REMOTE_DEST = re.compile(r"^(rsync://|[^/]*:)")


def parse_itemized(lines: list[str]) -> Changes:
    """Files added, changed and removed from rsync's `--out-format='%i %n'` lines (folders skipped)."""
    changes = Changes()
    for line in lines:
        if line.startswith("*deleting"):
            path = line[len("*deleting"):].strip()
            if not path.endswith("/"):
                changes.removed.append(path)
            continue
        if len(line) < 13 or line[11] != " ":
            continue
        code, path = line[:11], line[12:]
        if code[1] == "d" or code[0] not in "<>c":      # folders; attribute-only updates (".f..t...")
            continue
        (changes.added if code[2:] == "+" * 9 else changes.changed).append(path)
    return changes.sorted()


@dataclass
class RsyncTarget:
    """rsync the site to `dest` (`host:path`, `user@host:path`, `rsync://...` or a local folder)."""
    name: str
    dest: str
    options: list[str] = field(default_factory=list)
    kind: ClassVar[str] = "rsync"
    required: ClassVar[tuple[str, ...]] = ("dest",)
    optional: ClassVar[tuple[str, ...]] = ("options",)

    @classmethod
    def from_options(cls, name: str, options: dict, config: Config) -> "RsyncTarget":
        dest = expect_str(name, "dest", options["dest"])
        if not REMOTE_DEST.match(dest):
            path = resolve_path(config, dest)
            check_not_protected(name, path, config)
            dest = str(path) + "/"
        extra = options.get("options", [])
        if not isinstance(extra, list) or not all(isinstance(o, str) for o in extra):
            raise TargetConfigError(f"publish target {name!r}: options: expected a list of rsync options")
        return cls(name, dest, extra)

    def describe(self) -> str:
        return f"rsync {self.dest}"

    def command(self, site: BuiltSite, dry_run: bool) -> list[str]:
        return ["rsync", *BASE_OPTIONS, *self.options, *(["--dry-run"] if dry_run else []),
                "--out-format=%i %n", f"{site.root}/", self.dest]

    def _run(self, site: BuiltSite, dry_run: bool) -> tuple[subprocess.CompletedProcess, Changes, str]:
        proc = subprocess.run(self.command(site, dry_run), capture_output=True, text=True, errors="replace")
        errors = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        reason = errors[0].removeprefix("rsync: ") if errors else f"exit status {proc.returncode}"
        return proc, parse_itemized(proc.stdout.splitlines()), reason

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult:
        if shutil.which("rsync") is None:
            raise PublishError(f"{self.name}: rsync is not installed (on Debian or Ubuntu: apt-get install rsync)")
        proc, planned, reason = self._run(site, dry_run=True)
        if proc.returncode != 0:
            raise PublishError(f"{self.name}: rsync could not compare with {self.dest} ({reason}); nothing was sent")
        if dry_run or planned.empty:
            return PublishResult(self.name, planned, dry_run)
        proc, done, reason = self._run(site, dry_run=False)
        if proc.returncode != 0:
            done_lines = set(done.lines())
            missing = [line for line in planned.lines() if line not in done_lines]
            raise PublishError(
                f"{self.name}: rsync to {self.dest} failed with exit status {proc.returncode} ({reason}); "
                f"{len(done_lines)} of {len(done_lines) + len(missing)} changes were reported done; "
                "run publish again to finish",
                [f"  done: {line}" for line in done.lines()] + [f"  not done: {line}" for line in missing])
        return PublishResult(self.name, done, False, f"synced to {self.dest}")
