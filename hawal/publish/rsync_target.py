"""`rsync` target: the system rsync to a local or remote path."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..config import Config
from .common import (MANIFEST, BuiltSite, Changes, PublishError, PublishResult, TargetConfigError,
                     check_not_protected, expect_str, manifest_bytes, parse_manifest, refuse_foreign_files,
                     resolve_path)

# --delay-updates puts every new file in place only once all have arrived, and --delete-after
# removes old files last, so a reader sees the old site until the very end of the transfer.
BASE_OPTIONS = ("-a", "--delete", "--checksum", "--delay-updates", "--delete-after")
NO_SUCH_FILE = 23         # rsync's "partial transfer due to error": the manifest is not there
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
        if path == MANIFEST or code[1] == "d" or code[0] not in "<>c":      # folders; attribute-only updates (".f..t...")
            continue
        (changes.added if code[2:] == "+" * 9 else changes.changed).append(path)
    return changes.sorted()


@dataclass
class RsyncTarget:
    """rsync the site to `dest` (`host:path`, `user@host:path`, `rsync://...` or a local folder)."""
    name: str
    dest: str
    options: list[str] = field(default_factory=list)
    force: bool = False               # delete or overwrite files hawal did not put there (`publish --force`)
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

    def command(self, site: BuiltSite, dry_run: bool, manifest_folder: str | None = None) -> list[str]:
        """The rsync command line; the manifest, when given, travels in the same transfer as the site."""
        return ["rsync", *BASE_OPTIONS, *self.options, *(["--dry-run"] if dry_run else []),
                "--out-format=%i %n", f"{site.root}/", *([f"{manifest_folder}/"] if manifest_folder else []),
                self.dest]

    def manifest_dest(self) -> str:
        """Where the manifest lies at the destination (`host:` alone is the remote home folder)."""
        return f"{self.dest}{MANIFEST}" if self.dest.endswith((":", "/")) else f"{self.dest}/{MANIFEST}"

    def published_by_hawal(self) -> tuple[set[str], bool]:
        """The files the previous publish put at the destination, and whether it left a manifest."""
        with tempfile.TemporaryDirectory(prefix="hawal-rsync-") as tmp:
            proc = subprocess.run(["rsync", *self.options, self.manifest_dest(), f"{tmp}/"],
                                  capture_output=True, text=True, errors="replace")
            copy = Path(tmp) / MANIFEST
            if proc.returncode == 0 and copy.is_file():
                return parse_manifest(copy.read_bytes()), True
        if proc.returncode == NO_SUCH_FILE and "No such file" in proc.stderr:
            return set(), False
        reason = next((ln.removeprefix("rsync: ") for ln in proc.stderr.splitlines() if ln.strip()),
                      f"exit status {proc.returncode}")
        raise PublishError(f"{self.name}: rsync could not read what hawal published at {self.dest} before "
                           f"({reason}); nothing was sent")

    def send_manifest(self, files: set[str]) -> None:
        with tempfile.TemporaryDirectory(prefix="hawal-rsync-") as tmp:
            (Path(tmp) / MANIFEST).write_bytes(manifest_bytes(files))
            proc = subprocess.run(["rsync", *self.options, "--checksum", f"{tmp}/{MANIFEST}", self.manifest_dest()],
                                  capture_output=True, text=True, errors="replace")
        if proc.returncode != 0:
            reason = next((ln.removeprefix("rsync: ") for ln in proc.stderr.splitlines() if ln.strip()),
                          f"exit status {proc.returncode}")
            raise PublishError(f"{self.name}: rsync could not write the list of files hawal put at {self.dest} "
                               f"({MANIFEST}: {reason}); run publish again")

    def _run(self, site: BuiltSite, dry_run: bool,
             manifest: set[str]) -> tuple[subprocess.CompletedProcess, Changes, str]:
        with tempfile.TemporaryDirectory(prefix="hawal-rsync-") as tmp:
            (Path(tmp) / MANIFEST).write_bytes(manifest_bytes(manifest))
            proc = subprocess.run(self.command(site, dry_run, tmp), capture_output=True, text=True, errors="replace")
        errors = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        reason = errors[0].removeprefix("rsync: ") if errors else f"exit status {proc.returncode}"
        return proc, parse_itemized(proc.stdout.splitlines()), reason

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult:
        if shutil.which("rsync") is None:
            raise PublishError(f"{self.name}: rsync is not installed (on Debian or Ubuntu: apt-get install rsync)")
        proc, planned, reason = self._run(site, True, set(site.files))
        if proc.returncode != 0:
            raise PublishError(f"{self.name}: rsync could not compare with {self.dest} ({reason}); nothing was sent")
        ours, has_manifest = self.published_by_hawal()
        if not self.force:
            refuse_foreign_files(self.name, self.dest, planned, ours)
        if dry_run or planned.empty:
            if not dry_run and (not has_manifest or ours != set(site.files)):
                self.send_manifest(set(site.files))       # a destination published before hawal kept a manifest
            return PublishResult(self.name, planned, dry_run)
        # The old files stay listed until the transfer is through, so a failed one leaves nothing of
        # hawal's that a later publish would take for someone else's.
        proc, done, reason = self._run(site, False, ours | set(site.files))
        if proc.returncode != 0:
            done_lines = set(done.lines())
            missing = [line for line in planned.lines() if line not in done_lines]
            raise PublishError(
                f"{self.name}: rsync to {self.dest} failed with exit status {proc.returncode} ({reason}); "
                f"{len(done_lines)} of {len(done_lines) + len(missing)} changes were reported done; "
                "run publish again to finish",
                [f"  done: {line}" for line in done.lines()] + [f"  not done: {line}" for line in missing])
        if ours - set(site.files):
            self.send_manifest(set(site.files))
        return PublishResult(self.name, done, False, f"synced to {self.dest}")
