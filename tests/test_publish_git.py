"""publish to a git branch: against a bare repository made in tmp_path, through a clone of it."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from hawal.publish import git_target, publish_site
from test_publish import SITE_V1, SITE_V2, as_bytes, make_site, read_tree, rebuild, run_cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    """No user or system git configuration: the test sees what a bare machine sees."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR"):
        monkeypatch.delenv(var, raising=False)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def as_other_person(cwd: Path, *args: str) -> str:
    return git(cwd, "-c", "user.name=Desk Editor", "-c", "user.email=desk@example.org", *args)


@pytest.fixture
def remote(tmp_path) -> Path:
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(bare))
    return bare


@pytest.fixture
def clone(tmp_path, remote) -> Path:
    git(tmp_path, "clone", "--quiet", str(remote), str(tmp_path / "pages"))
    return tmp_path / "pages"


def branch_files(repo: Path, ref: str = "gh-pages") -> dict[str, bytes]:
    names = git(repo, "ls-tree", "-r", "--name-only", ref).splitlines()
    return {n: subprocess.run(["git", "show", f"{ref}:{n}"], cwd=repo, check=True, capture_output=True).stdout
            for n in names}


def commits(repo: Path, ref: str = "gh-pages") -> list[str]:
    return git(repo, "rev-list", ref).splitlines()


def pages_config(tmp_path, files=SITE_V1, **options):
    entry = {"name": "pages", "type": "git", "repo": "../pages", "branch": "gh-pages", "remote": "origin",
             "message": "Briefing {date}", **options}
    return make_site(tmp_path / "project", files, [entry])


def push_commit_by_someone_else(tmp_path, remote: Path, name: str, text: str) -> str:
    """Another person's clone adds a file on gh-pages and pushes it."""
    other = tmp_path / f"other-{name}"
    if not other.exists():
        git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(remote), str(other))
    else:
        git(other, "pull", "--quiet", "--ff-only")
    (other / name).write_text(text)
    git(other, "add", name)
    as_other_person(other, "commit", "--quiet", "-m", f"add {name} by hand")
    git(other, "push", "--quiet", "origin", "gh-pages")
    return git(other, "rev-parse", "HEAD")


def test_git_commits_the_site_with_nojekyll_and_pushes(tmp_path, remote, clone):
    config = pages_config(tmp_path)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures
    assert branch_files(remote) == {**as_bytes(SITE_V1), ".nojekyll": b""}
    [tip] = commits(remote)
    today = dt.datetime.now(config.timezone).date().isoformat()
    assert git(remote, "log", "-1", "--format=%s|%an", tip) == f"Briefing {today}|hawal publish"
    assert result.note.startswith(f"pushed {tip[:10]} to origin/gh-pages")
    assert git(clone, "rev-parse", "gh-pages") == tip                # the local branch follows
    assert git(clone, "status", "--porcelain") == ""                 # no checkout was touched
    assert sorted(result.changes.added) == sorted([*SITE_V1, ".nojekyll"])


def test_git_second_publish_without_change_makes_no_commit(tmp_path, remote, clone):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    [result], _ = publish_site(config, report=lambda line: None)
    assert result.changes.empty and result.note == f"gh-pages is at {commits(remote)[0][:10]}"
    assert len(commits(remote)) == 1


def test_git_changed_site_becomes_a_commit_on_top(tmp_path, remote, clone):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    [first] = commits(remote)
    rebuild(config.root, SITE_V2)
    [result], _ = publish_site(config, report=lambda line: None)
    assert (result.changes.added, result.changes.changed, result.changes.removed) == (
        ["ar/index.html"], ["en/index.html"], ["en/old-story/index.html"])
    second, parent = commits(remote)
    assert parent == first
    assert branch_files(remote) == {**as_bytes(SITE_V2), ".nojekyll": b""}


def test_git_keeps_commits_others_pushed_and_never_forces(tmp_path, remote, clone):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    theirs = push_commit_by_someone_else(tmp_path, remote, "CNAME", "briefing.example.org\n")
    rebuild(config.root, SITE_V2)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures
    tip = commits(remote)[0]
    assert git(remote, "rev-parse", f"{tip}^") == theirs               # our commit sits on their tip
    assert len(commits(remote)) == 3
    assert "CNAME" in result.changes.removed                           # the site replaces the tree...
    assert git(remote, "show", f"{theirs}:CNAME") == "briefing.example.org"   # ...but their commit stays


def test_git_commits_again_when_the_remote_moves_during_publish(tmp_path, remote, clone, monkeypatch):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    rebuild(config.root, SITE_V2)
    real_commit = git_target.GitTarget._commit
    raced = []

    def commit_while_someone_pushes(self, *args):
        made = real_commit(self, *args)
        if not raced:             # after our fetch, before our push
            raced.append(push_commit_by_someone_else(tmp_path, remote, "notes.txt", "pushed meanwhile\n"))
        return made

    monkeypatch.setattr(git_target.GitTarget, "_commit", commit_while_someone_pushes)
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and raced
    tip = commits(remote)[0]
    assert git(remote, "rev-parse", f"{tip}^") == raced[0]
    assert len(commits(remote)) == 3
    assert branch_files(remote) == {**as_bytes(SITE_V2), ".nojekyll": b""}


def test_git_refused_push_leaves_the_remote_and_local_branch(tmp_path, remote, clone):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    before_remote, before_local = commits(remote), git(clone, "rev-parse", "gh-pages")
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'publishing is frozen today' >&2\nexit 1\n")
    hook.chmod(0o755)
    rebuild(config.root, SITE_V2)
    _, [failure] = publish_site(config, report=lambda line: None)
    assert str(failure) == ("pages: push to origin failed ([remote rejected] (pre-receive hook declined): "
                            "publishing is frozen today); origin/gh-pages was left as it was")
    assert commits(remote) == before_remote
    assert git(clone, "rev-parse", "gh-pages") == before_local


def test_git_dry_run_lists_changes_and_commits_nothing(tmp_path, remote, clone, capsys):
    config = pages_config(tmp_path)
    publish_site(config, report=lambda line: None)
    rebuild(config.root, SITE_V2)
    refs_before = git(clone, "for-each-ref"), git(remote, "for-each-ref")
    assert run_cli(config, "--dry-run", "--verbose") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("pages (git ") and out[0].endswith("would add 1, change 1, remove 1")
    assert out[1:] == ["  + ar/index.html", "  ~ en/index.html", "  - en/old-story/index.html"]
    assert (git(clone, "for-each-ref"), git(remote, "for-each-ref")) == refs_before
    assert read_tree(config.output_dir) == as_bytes(SITE_V2)


def test_git_without_a_remote_commits_to_the_local_branch(tmp_path, remote):
    config = make_site(tmp_path / "project", SITE_V1, [
        {"name": "local", "type": "git", "repo": str(remote), "branch": "site", "remote": None, "nojekyll": False}])
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures and result.note.startswith("committed ")
    assert branch_files(remote, "site") == as_bytes(SITE_V1)            # no .nojekyll when asked not to


def test_git_ignore_files_in_the_site_do_not_hide_files(tmp_path, remote, clone):
    files = {**SITE_V1, ".gitignore": "*.xml\n"}
    config = pages_config(tmp_path, files)
    publish_site(config, report=lambda line: None)
    assert "en/feed.xml" in branch_files(remote)


def test_git_missing_repository_or_remote_is_one_line(tmp_path, remote, clone):
    config = make_site(tmp_path / "project", SITE_V1, [
        {"name": "nowhere", "type": "git", "repo": str(tmp_path / "absent")},
        {"name": "noremote", "type": "git", "repo": str(clone), "remote": "upstream"}])
    _, failures = publish_site(config, report=lambda line: None)
    assert [str(f) for f in failures] == [
        f"nowhere: {tmp_path / 'absent'} does not exist; clone the publishing repository there",
        f"noremote: {clone} has no remote named 'upstream'"]


def test_git_folder_inside_another_checkout_is_not_taken_for_a_repository(tmp_path, clone):
    (clone / "plain-folder").mkdir()
    config = make_site(tmp_path / "project", SITE_V1, [
        {"name": "pages", "type": "git", "repo": str(clone / "plain-folder")}])
    _, [failure] = publish_site(config, report=lambda line: None)
    assert str(failure) == (f"pages: {clone / 'plain-folder'} is not a git repository itself "
                            f"(it lies inside {clone.resolve()})")
    assert git(clone, "for-each-ref") == ""


def test_git_can_publish_a_branch_of_the_project_repository_itself(tmp_path):
    config = make_site(tmp_path / "project", SITE_V1, [
        {"name": "self", "type": "git", "repo": ".", "branch": "gh-pages", "remote": None}])
    git(config.root, "init", "--quiet", "--initial-branch", "main")
    [result], failures = publish_site(config, report=lambda line: None)
    assert not failures
    assert branch_files(config.root) == {**as_bytes(SITE_V1), ".nojekyll": b""}
    assert git(config.root, "symbolic-ref", "HEAD") == "refs/heads/main"
    assert git(config.root, "status", "--porcelain", "--untracked-files=no") == ""
