"""Broken state on disk and an unlucky machine: a damaged translation memory, a full or read-only
disk, scratch folders left by killed builds, the lock, publish targets holding others' files, and
the last-resort handler that keeps every command free of tracebacks."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import model_factory as mf    # noqa: F401
from hawal import output, scratch
from hawal.cli import main
from hawal.errors import EXIT_INTERNAL, EXIT_IO
from hawal.pipeline import BuildFailed, BuildOptions, run_build
from hawal.translate.memory import TranslationMemory, TranslationMemoryError

REPO = Path(__file__).resolve().parent.parent
FILES = {"2026/11/23/a.md": "---\ntitle: Council meets\n---\nERBIL (Hawal) — The council met on Monday in Erbil.\n"}


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# -- the translation memory -----------------------------------------------------------------------------

@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(b"this is not a database at all" * 100),
    lambda path: path.write_bytes(b"SQLite format 3\x00" + os.urandom(4000)),
    "truncate-pages",
])
def test_a_corrupt_translation_memory_is_moved_aside_and_rebuilt(tmp_path, damage):
    path = tmp_path / ".hawal" / "translation-memory.sqlite3"
    with TranslationMemory(path) as memory:
        memory.store("m", "1", "en-ar", {f"sentence {n}": f"جملة {n}" for n in range(2000)})
    if damage == "truncate-pages":
        data = path.read_bytes()
        path.write_bytes(data[:4096] + os.urandom(len(data) - 4096))
    else:
        damage(path)
    warnings: list[str] = []
    with TranslationMemory(path, warn=warnings.append) as memory:
        found = memory.lookup("m", "1", "en-ar", [f"sentence {n}" for n in range(2000)])
        memory.store("m", "1", "en-ar", {"hello": "مرحبا"})
        assert memory.lookup("m", "1", "en-ar", ["hello"]) == {"hello": "مرحبا"}
    assert len(warnings) == 1 and "moved aside as translation-memory.corrupt-" in warnings[0]
    assert found == {} or len(found) < 2000
    aside = list(path.parent.glob("translation-memory.corrupt-*.sqlite3"))
    assert len(aside) == 1 and path.exists()


def test_a_memory_damaged_while_open_is_rebuilt_on_the_next_write(tmp_path):
    path = tmp_path / "tm.sqlite3"
    warnings: list[str] = []
    memory = TranslationMemory(path, warn=warnings.append)
    real = memory.db

    class Broken:
        def __getattr__(self, name):
            if name in ("execute", "executemany"):
                raise sqlite3.DatabaseError("database disk image is malformed")
            return getattr(real, name)

        def __enter__(self):
            raise sqlite3.DatabaseError("database disk image is malformed")

        def __exit__(self, *exc):
            return False

    memory.db = Broken()
    memory.store("m", "1", "en-ar", {"a": "b"})
    assert memory.lookup("m", "1", "en-ar", ["a"]) == {"a": "b"} and warnings
    memory.close()


def test_a_locked_or_read_only_memory_is_not_mistaken_for_a_corrupt_one(tmp_path):
    path = tmp_path / "tm.sqlite3"
    TranslationMemory(path).close()
    memory = TranslationMemory(path)
    with pytest.raises(TranslationMemoryError, match="database is locked"):
        memory._start_afresh(sqlite3.OperationalError("database is locked"))
    memory.close()
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_build_with_a_corrupt_memory_says_so_and_builds(make_project, tmp_path, capsys):
    config = make_project(FILES)
    mf.install_test_models(config.translation.models_dir, [("en", "ar")])
    run_build(config)
    memory = config.translation.memory
    assert memory.exists()
    memory.write_bytes(b"garbage" * 1000)
    for extra in ("-wal", "-shm"):
        Path(f"{memory}{extra}").unlink(missing_ok=True)
    (config.root / ".hawal" / "cache").exists() and shutil.rmtree(config.root / ".hawal" / "cache")
    code = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
    err = capsys.readouterr().err
    assert code == 0 and "translation memory" in err and "moved aside" in err and "Traceback" not in err
    assert list(memory.parent.glob("translation-memory.corrupt-*.sqlite3"))


# -- disk full, read-only ----------------------------------------------------------------------------------

def _fail_writes_after(monkeypatch, count: int, code: int):
    real_open = open
    state = {"n": 0}

    def failing_open(path, mode="r", *args, **kwargs):
        if "x" in mode or "w" in mode:
            state["n"] += 1
            if state["n"] > count:
                raise OSError(code, os.strerror(code), str(path))
        return real_open(path, mode, *args, **kwargs)

    real_write_new = output._write_new

    def failing_write_new(path, data):                 # how the write stage makes its files
        state["n"] += 1
        if state["n"] > count:
            raise OSError(code, os.strerror(code), str(path))
        return real_write_new(path, data)

    monkeypatch.setattr(output, "open", failing_open, raising=False)
    monkeypatch.setattr(output, "_write_new", failing_write_new)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "no space left on the device"),
                                         (errno.EROFS, "the file system is read-only"),
                                         (errno.EACCES, "permission denied"),
                                         (errno.EDQUOT, "disk quota exceeded")])
def test_a_full_or_read_only_disk_is_one_line_and_the_site_is_untouched(make_project, monkeypatch, capsys, code, words):
    config = make_project(FILES)
    run_build(config)
    before = site_files(config.output_dir)
    (config.content_dir / "2026/11/23/a.md").write_text(FILES["2026/11/23/a.md"].replace("Monday", "Tuesday"))
    _fail_writes_after(monkeypatch, 3, code)
    status = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == EXIT_IO and len(err) == 1, err
    assert words in err[0] and str(config.output_dir) in err[0] and "site.next" in err[0], err
    assert site_files(config.output_dir) == before
    assert not (config.output_dir.parent / "site.next").exists()      # the space is given back
    monkeypatch.undo()
    run_build(config)                                                 # and the next build is whole
    assert "Tuesday" in (config.output_dir / "en/2026/11/23/a/index.html").read_text()


def test_a_read_only_project_is_one_line(make_project, monkeypatch, capsys):
    config = make_project(FILES)
    real_mkdir = Path.mkdir

    def read_only_mkdir(self, *args, **kwargs):
        if str(self).startswith(str(config.root)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only_mkdir)
    status = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == EXIT_IO and len(err) == 1 and "read-only" in err[0] and str(config.root) in err[0], err
    assert not config.output_dir.exists()


def test_a_small_tmpfs_fills_up(make_project, tmp_path, capsys):
    """The real thing where the machine allows it: the output folder on a tmpfs that fills up."""
    import yaml
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
    try:
        config = make_project(FILES)
        data = yaml.safe_load((config.root / "config.yaml").read_text())
        data["output_dir"] = str(mount / "site")
        (config.root / "config.yaml").write_text(yaml.safe_dump(data))
        assert main(["--config", str(config.root / "config.yaml"), "build", "--quiet"]) == 0
        before = site_files(mount / "site")
        free = os.statvfs(mount)
        with open(mount / "filler", "wb") as fh:              # leave about 16 KB free
            fh.write(bytes(max(0, free.f_bavail * free.f_frsize - 16 * 1024)))
        (config.content_dir / "2026/11/23/b.md").write_text(
            "---\ntitle: Big\n---\n" + ("The council met on Monday in Erbil. " * 40 + "\n\n") * 30)
        capsys.readouterr()
        status = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
        err = capsys.readouterr().err.strip().splitlines()
        assert status == EXIT_IO and len(err) == 1 and "no space left on the device" in err[0], err
        assert site_files(mount / "site") == before
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


# -- scratch folders, the lock ----------------------------------------------------------------------------

def test_scratch_folders_of_killed_builds_are_removed_at_the_next_start(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    leftover = tmp_path / f"hawal-search-{dead.pid}-abc123"
    (leftover / "sub").mkdir(parents=True)
    live = tmp_path / f"hawal-search-{os.getpid()}-def456"
    live.mkdir()
    old_style = tmp_path / "hawal-search-q1w2e3"
    old_style.mkdir()
    os.utime(old_style, (time.time() - 7 * 3600,) * 2)
    fresh_old_style = tmp_path / "hawal-search-r4t5y6"
    fresh_old_style.mkdir()
    other = tmp_path / "something-else-1"
    other.mkdir()
    removed = scratch.remove_stale(tmp_path, "hawal-search")
    assert sorted(p.name for p in removed) == sorted([leftover.name, old_style.name])
    assert live.exists() and fresh_old_style.exists() and other.exists() and not leftover.exists()


def test_the_search_stage_names_its_scratch_folders_after_its_process():
    import tempfile
    from hawal import search
    assert "scratch_prefix(\"hawal-search\")" in Path(search.__file__).read_text()
    prefix = scratch.scratch_prefix("hawal-search")
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        assert scratch.remove_stale(Path(tmp).parent, "hawal-search") == [] or Path(tmp).exists()


def test_deleting_the_state_folder_mid_build_does_not_let_a_second_build_in(make_project):
    config = make_project(FILES)
    first = output.BuildLock(config.root / ".hawal").acquire()
    try:
        shutil.rmtree(config.root / ".hawal")
        with pytest.raises(output.BuildLocked):
            output.BuildLock(config.root / ".hawal").acquire()
        with pytest.raises(output.BuildLocked):
            run_build(config)
    finally:
        first.release()
    run_build(config)


def test_the_lock_holds_across_processes(make_project):
    config = make_project(FILES)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from hawal.output import BuildLock; "
         f"BuildLock(Path({str(config.root / '.hawal')!r})).acquire(); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == "held"
        shutil.rmtree(config.root / ".hawal")
        proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml")],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert proc.returncode == 75 and "another build is running" in proc.stderr
    finally:
        holder.kill()
        holder.wait()


# -- no traceback, ever ------------------------------------------------------------------------------------

def test_an_unexpected_error_is_one_line_not_a_traceback(make_project, monkeypatch, capsys):
    config = make_project(FILES)
    from hawal import assemble           # the build imports its stages when it runs them

    def boom(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(assemble, "assemble_site", boom)
    status = main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == EXIT_INTERNAL and len(err) == 1 and err[0].startswith("internal error: KeyError"), err
    assert "This is a bug in hawal" in err[0] and "HAWAL_DEBUG" in err[0]


def test_hawal_debug_shows_the_traceback(make_project, monkeypatch):
    config = make_project(FILES)
    from hawal import assemble
    monkeypatch.setattr(assemble, "assemble_site", lambda *a, **k: 1 / 0)
    monkeypatch.setenv("HAWAL_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["--config", str(config.root / "config.yaml"), "build", "--quiet"])


@pytest.mark.parametrize("argv", [
    ["check"], ["build", "--quiet"], ["models", "list"], ["publish"], ["statements", "content/2026/11/23/a.md"],
    ["new", "Title", "--lang", "en", "--date", "2026-11-23"],
])
def test_commands_on_a_broken_config_end_in_one_line(tmp_path, argv):
    (tmp_path / "content/2026/11/23").mkdir(parents=True)
    (tmp_path / "content/2026/11/23/a.md").write_text(FILES["2026/11/23/a.md"])
    (tmp_path / "config.yaml").write_text("site:\n  base_url: \"https://x.org/\\nDisallow: /\"\n")
    proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(tmp_path / "config.yaml"), *argv],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "config.yaml:2:" in proc.stderr


# -- publish: files hawal did not put there ---------------------------------------------------------------

def test_a_dir_target_with_files_hawal_did_not_put_there_is_refused_without_force(make_project, tmp_path, capsys):
    import yaml
    www = tmp_path / "www"
    www.mkdir()
    (www / "index.html").write_text("someone's own site")
    (www / "photos").mkdir()
    (www / "photos" / "holiday.jpg").write_bytes(b"\xff\xd8")
    config = make_project(FILES)
    data = yaml.safe_load((config.root / "config.yaml").read_text())
    data["publish"] = [{"name": "mirror", "type": "dir", "path": str(www)}]
    (config.root / "config.yaml").write_text(yaml.safe_dump(data))
    run_build(config)
    cli = ["--config", str(config.root / "config.yaml"), "publish"]
    assert main(cli + ["--dry-run"]) == 1
    assert main(cli) == 1
    err = capsys.readouterr().err
    assert "holds 2 file(s) that hawal did not put there" in err and "--force" in err
    assert "  - photos/holiday.jpg" in err and "  ~ index.html" in err
    assert (www / "photos/holiday.jpg").exists() and (www / "index.html").read_text() == "someone's own site"
    assert main(cli + ["--force"]) == 0
    assert not (www / "photos").exists() and (www / "en/2026/11/23/a/index.html").exists()
    (config.content_dir / "2026/11/23/a.md").write_text(FILES["2026/11/23/a.md"].replace("Monday", "Friday"))
    run_build(config)
    assert main(cli) == 0                             # everything there is hawal's own now


@pytest.mark.parametrize("path", ["templates", "static", "locale", ".hawal", "..", "/", "models", "content/x"])
def test_a_dir_target_may_not_overlap_any_project_folder(make_project, path):
    import yaml
    from hawal.config import load_config
    from hawal.publish import TargetConfigError, parse_targets
    config = make_project(FILES)
    for name in ("templates", "static", "locale"):
        (config.root / name).mkdir(exist_ok=True)
    data = yaml.safe_load((config.root / "config.yaml").read_text())
    data.update(templates_dir="templates", static_dir="static", locale_dir="locale")
    data["publish"] = [{"name": "m", "type": "dir", "path": path}]
    (config.root / "config.yaml").write_text(yaml.safe_dump(data))
    config = load_config(config.root / "config.yaml")
    with pytest.raises(TargetConfigError, match="overlaps"):
        parse_targets(config.publish, config)


# Exceptions that never leave hawal: each is caught where it is raised and turned into a report line
# or a HawalError there.
INTERNAL_EXCEPTIONS = {
    "hawal.translate.backfill.TranslateFailed",    # carries the report of `translate`; the command prints it
    "hawal.translate.packagefs.PackageProblem",    # becomes a PackageError naming the package
    "hawal.sources.SourceLoadError",               # becomes the build's list of path:line problems
    "hawal.contentfs.UnsafePath",                  # an OSError the safe walker turns into a source problem
    "hawal.language.LanguageUnclear",              # detection's answer "no language", not a failure
    "hawal.langs.UnknownLanguage",                 # a KeyError of the registry, checked by config validation
    "hawal.pages.NoContentKey",                    # a page kind of hawal's own gave its template an unkeyed value: a bug
}


def test_every_error_a_user_can_meet_is_a_hawal_error():
    import importlib
    import inspect
    import pkgutil

    import hawal
    from hawal.errors import HawalError

    outside = []
    for info in pkgutil.walk_packages(hawal.__path__, "hawal."):
        if info.name.startswith("hawal.langs.") and info.name.count(".") > 2:
            continue                                           # language rules hold no exceptions
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == info.name
                    and not name.startswith("_") and not issubclass(value, HawalError)):
                outside.append(f"{info.name}.{name}")
    assert sorted(set(outside) - INTERNAL_EXCEPTIONS) == []
    assert INTERNAL_EXCEPTIONS <= set(outside), "an allowed exception was removed or renamed: update the list"
