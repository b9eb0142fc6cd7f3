"""`git` target: commit the site to a branch (GitHub Pages style) and push it, fast-forward only.

The commit is made with git's plumbing from a throw-away index whose work tree is the site
folder, so no checkout anywhere is touched. Its parent is the remote branch's tip as fetched just
before: history someone else wrote stays, and a push is never forced. If the remote moves between
the fetch and the push, the push is refused by git and the commit is made again on the new tip.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..config import Config
from .common import (BuiltSite, Changes, PublishError, PublishResult, TargetConfigError, expect_str, inside,
                     resolve_path)

PUSH_ATTEMPTS = 3
MESSAGE_FIELDS = {"date", "time", "files", "added", "changed", "removed"}
REPOSITORY_VARIABLES = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
                        "GIT_NAMESPACE", "GIT_PREFIX"}


class GitFailed(PublishError):
    pass


@dataclass
class GitTarget:
    """Commit to `branch` of the local repository `repo`, then push it to `remote` (if set)."""
    name: str
    repo: Path
    branch: str = "gh-pages"
    remote: str | None = "origin"
    message: str = "Publish {date}"
    nojekyll: bool = True
    timezone: dt.tzinfo | None = None
    kind: ClassVar[str] = "git"
    required: ClassVar[tuple[str, ...]] = ("repo",)
    optional: ClassVar[tuple[str, ...]] = ("branch", "remote", "message", "nojekyll")

    @classmethod
    def from_options(cls, name: str, options: dict, config: Config) -> "GitTarget":
        repo = resolve_path(config, expect_str(name, "repo", options["repo"]))
        # The project's own repository (repo: .) is fine: nothing is ever written into a work tree.
        for folder in (config.output_dir.resolve(), config.content_dir.resolve()):
            if inside(repo, folder):
                raise TargetConfigError(f"publish target {name!r}: repo {repo} lies inside {folder}")
        branch = expect_str(name, "branch", options.get("branch", "gh-pages"))
        remote = options.get("remote", "origin")
        if remote is not None:
            remote = expect_str(name, "remote", remote, allow_empty=True) or None
        message = expect_str(name, "message", options.get("message", "Publish {date}"))
        try:
            message.format(**{f: "x" for f in MESSAGE_FIELDS})
        except (KeyError, IndexError, ValueError) as exc:
            raise TargetConfigError(f"publish target {name!r}: message: cannot fill {exc} "
                                    f"(use {', '.join('{' + f + '}' for f in sorted(MESSAGE_FIELDS))})") from None
        nojekyll = options.get("nojekyll", True)
        if not isinstance(nojekyll, bool):
            raise TargetConfigError(f"publish target {name!r}: nojekyll: expected true or false, got {nojekyll!r}")
        return cls(name, repo, branch, remote, message, nojekyll, config.timezone)

    def describe(self) -> str:
        where = f" → {self.remote}" if self.remote else ""
        return f"git {self.repo} branch {self.branch}{where}"

    # -- running git ---------------------------------------------------------------------------

    def _git(self, *args: str, env: dict | None = None, input: str | None = None, cwd: Path | None = None,
             check: bool = True) -> subprocess.CompletedProcess:
        cmd = ["git", "-c", "core.autocrlf=false", "-c", "core.safecrlf=false", *args]
        # Variables a git hook may have set would point every command at another repository.
        inherited = {k: v for k, v in os.environ.items() if k not in REPOSITORY_VARIABLES}
        proc = subprocess.run(cmd, cwd=cwd or self.repo, env={**inherited, "LC_ALL": "C", **(env or {})},
                              input=input, capture_output=True, text=True)
        if check and proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
            command = next(a for a in args if not a.startswith("-"))
            raise GitFailed(f"{self.name}: git {command} failed: {last.removeprefix('fatal: ')}")
        return proc

    def _out(self, *args: str, **kw) -> str:
        return self._git(*args, **kw).stdout.strip()

    def _rev(self, ref: str) -> str | None:
        proc = self._git("rev-parse", "--verify", "--quiet", ref, check=False)
        return proc.stdout.strip() or None

    # -- steps ---------------------------------------------------------------------------------

    def _check_repo(self) -> None:
        if shutil.which("git") is None:
            raise PublishError(f"{self.name}: git is not installed")
        if not self.repo.is_dir():
            raise PublishError(f"{self.name}: {self.repo} does not exist; clone the publishing repository there")
        proc = self._git("rev-parse", "--is-bare-repository", "--absolute-git-dir", check=False)
        if proc.returncode != 0:
            raise PublishError(f"{self.name}: {self.repo} is not a git repository")
        bare, git_dir = proc.stdout.splitlines()[:2]
        own_folder = Path(git_dir if bare == "true" else self._out("rev-parse", "--show-toplevel")).resolve()
        if own_folder != self.repo:
            # A plain folder inside some other checkout: never commit to that repository by accident.
            raise PublishError(f"{self.name}: {self.repo} is not a git repository itself (it lies inside {own_folder})")
        if self.remote and self._git("remote", "get-url", self.remote, check=False).returncode != 0:
            raise PublishError(f"{self.name}: {self.repo} has no remote named {self.remote!r}")

    def _remote_tip(self) -> str | None:
        ref = f"refs/heads/{self.branch}"
        for line in self._out("ls-remote", "--heads", self.remote, ref).splitlines():
            sha, _, name = line.partition("\t")
            if name == ref:
                return sha
        return None

    def _fetch_remote_tip(self) -> str | None:
        """The remote branch's tip, its objects fetched; no ref anywhere is changed."""
        for _ in range(PUSH_ATTEMPTS):
            tip = self._remote_tip()
            if tip is None:
                return None
            # --refmap= and --no-write-fetch-head: bring the objects, move no ref (dry runs too).
            self._git("fetch", "--quiet", "--no-tags", "--refmap=", "--no-write-fetch-head", self.remote,
                      f"refs/heads/{self.branch}")
            if self._git("cat-file", "-e", f"{tip}^{{commit}}", check=False).returncode == 0:
                return tip
            # the branch was replaced between listing and fetching: look again
        raise PublishError(f"{self.name}: {self.remote}/{self.branch} kept changing while being fetched; try again")

    def _checked_out(self) -> bool:
        worktrees = self._out("worktree", "list", "--porcelain")
        return f"branch refs/heads/{self.branch}" in worktrees.splitlines()

    def _tree_of(self, commit: str | None) -> dict[str, str]:
        if commit is None:
            return {}
        listing = self._git("ls-tree", "-r", "-z", "--full-tree", commit).stdout
        blobs = {}
        for entry in filter(None, listing.split("\0")):
            meta, path = entry.split("\t", 1)
            blobs[path] = meta.split()[2]
        return blobs

    def _site_blobs(self, site: BuiltSite) -> dict[str, str]:
        """Blob ids the site's files would get, computed without writing objects."""
        rels = sorted(site.files)
        shas = self._out("hash-object", "--no-filters", "--stdin-paths",
                         input="".join(str(site.files[r].source) + "\n" for r in rels)).split()
        blobs = dict(zip(rels, shas))
        if self.nojekyll and ".nojekyll" not in blobs:
            blobs[".nojekyll"] = self._out("hash-object", "--stdin", input="")
        return blobs

    def _write_tree(self, site: BuiltSite) -> str:
        with tempfile.TemporaryDirectory(prefix="hawal-publish-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            git_dir = self._out("rev-parse", "--absolute-git-dir")
            # -f: nothing is left out for a .gitignore in the site or the user's global excludes.
            self._git(f"--git-dir={git_dir}", f"--work-tree={site.root}", "add", "-A", "-f", "--", ".",
                      env=env, cwd=site.root)
            if self.nojekyll and ".nojekyll" not in site.files:
                empty = self._out("hash-object", "-w", "--stdin", input="")
                self._git("update-index", "--add", "--cacheinfo", f"100644,{empty},.nojekyll", env=env)
            return self._out("write-tree", env=env)

    def _commit(self, tree: str, parent: str | None, changes: Changes, files: int) -> str:
        now = dt.datetime.now(self.timezone)
        message = self.message.format(date=now.date().isoformat(), time=now.strftime("%H:%M"), files=files,
                                      added=len(changes.added), changed=len(changes.changed),
                                      removed=len(changes.removed))
        env = {}
        if not self._git("config", "user.name", check=False).stdout.strip():
            env.update(GIT_AUTHOR_NAME="hawal publish", GIT_COMMITTER_NAME="hawal publish")
        if not self._git("config", "user.email", check=False).stdout.strip():
            env.update(GIT_AUTHOR_EMAIL="hawal@localhost", GIT_COMMITTER_EMAIL="hawal@localhost")
        args = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
        return self._out(*args, env=env)

    def _diff(self, old: dict[str, str], new: dict[str, str]) -> Changes:
        return Changes(added=sorted(p for p in new if p not in old),
                       changed=sorted(p for p in new if p in old and old[p] != new[p]),
                       removed=sorted(p for p in old if p not in new))

    def _move_local_branch(self, commit: str) -> str:
        """Fast-forward the local branch to `commit` where that rewrites nothing; say what was done."""
        local = self._rev(f"refs/heads/{self.branch}")
        if local and self._git("merge-base", "--is-ancestor", local, commit, check=False).returncode != 0:
            return f"; local branch {self.branch} has commits of its own and was left where it was"
        if self._checked_out():
            return f"; local branch {self.branch} is checked out, so it was left for you to pull"
        self._git("update-ref", "-m", "hawal publish", f"refs/heads/{self.branch}", commit, local or "")
        return ""

    # -- publish -------------------------------------------------------------------------------

    def publish(self, site: BuiltSite, dry_run: bool = False) -> PublishResult:
        self._check_repo()
        if not self.remote and not dry_run and self._checked_out():
            raise PublishError(f"{self.name}: branch {self.branch} is checked out in {self.repo}; "
                               "publish to a branch that is not checked out, or set a remote")
        new_blobs = self._site_blobs(site)
        for attempt in range(PUSH_ATTEMPTS):
            fetched = None
            if self.remote:
                fetched = self._fetch_remote_tip()
                parent = fetched or self._rev(f"refs/heads/{self.branch}")
            else:
                parent = self._rev(f"refs/heads/{self.branch}")
            changes = self._diff(self._tree_of(parent), new_blobs)
            if dry_run:
                return PublishResult(self.name, changes, True)
            tree = self._write_tree(site)
            if parent and self._out("rev-parse", f"{parent}^{{tree}}") == tree:
                return PublishResult(self.name, Changes(), False, f"{self.branch} is at {parent[:10]}")
            commit = self._commit(tree, parent, changes, len(site.files))
            if not self.remote:
                self._git("update-ref", "-m", "hawal publish", f"refs/heads/{self.branch}", commit, parent or "")
                return PublishResult(self.name, changes, False, f"committed {commit[:10]} to {self.branch}")
            push = self._git("push", "--quiet", "--porcelain", self.remote, f"{commit}:refs/heads/{self.branch}",
                             check=False)
            if push.returncode == 0:
                self._git("update-ref", f"refs/remotes/{self.remote}/{self.branch}", commit, check=False)
                note = self._move_local_branch(commit)
                return PublishResult(self.name, changes, False,
                                     f"pushed {commit[:10]} to {self.remote}/{self.branch}{note}")
            if self._remote_tip() == fetched:
                raise PublishError(f"{self.name}: push to {self.remote} failed ({push_failure_reason(push)}); "
                                   f"{self.remote}/{self.branch} was left as it was")
            # The remote moved since the fetch: commit again on top of its new tip.
        raise PublishError(f"{self.name}: {self.remote}/{self.branch} kept moving during {PUSH_ATTEMPTS} tries; "
                           "it was left as it was, try again")


def push_failure_reason(push: subprocess.CompletedProcess) -> str:
    """Why `git push --porcelain` failed, in a few words: the ref's status and the remote's own message."""
    status = [ln.rsplit("\t", 1)[-1] for ln in push.stdout.splitlines() if ln.startswith("!")]
    said = [ln.removeprefix("remote:").strip() for ln in push.stderr.splitlines()
            if ln.startswith("remote:") and ln.removeprefix("remote:").strip()]
    errors = [ln.removeprefix("fatal: ").removeprefix("error: ") for ln in push.stderr.splitlines()
              if ln.startswith(("fatal:", "error:"))]
    parts = status[:1] + said[:1] or errors[-1:]
    return ": ".join(parts) or f"exit status {push.returncode}"
