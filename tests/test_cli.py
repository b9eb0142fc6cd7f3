import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import yaml

from hawal.cli import main
from hawal.sources import load_sources

REPO = Path(__file__).resolve().parent.parent


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_help_lists_the_subcommands():
    proc = run("--help")
    assert proc.returncode == 0
    for command in ("build", "check", "new"):
        assert command in proc.stdout


def test_new_scaffolds_an_article_that_loads(make_project, capsys):
    config = make_project({})
    code = main(["--config", str(config.root / "config.yaml"), "new", "Kirkuk council meets", "--lang", "en",
                 "--date", "2026-11-24", "--source", "Hawal"])
    assert code == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == config.content_dir / "2026/11/24/kirkuk-council-meets.md"
    text = path.read_text()
    assert "title: Kirkuk council meets" in text and "date: 2026-11-24" in text and "lang: en" in text
    path.write_text(text + "Council members met on Tuesday to agree on the budget.\n")
    [article] = load_sources(config.content_dir, config.root, config.language_codes, config.timezone).articles
    assert article.date == dt.date(2026, 11, 24) and article.slug == "kirkuk-council-meets"
    assert main(["--config", str(config.root / "config.yaml"), "new", "Kirkuk council meets", "--lang", "en",
                 "--date", "2026-11-24"]) == 1            # never overwrites


def test_new_wire_copy_in_sorani(make_project, capsys):
    config = make_project({})
    assert main(["--config", str(config.root / "config.yaml"), "new", "بارانی زۆر", "--lang", "ckb",
                 "--date", "2026-11-24", "--wire", "--slug", "baran"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name == "baran.txt" and path.read_text().startswith("بارانی زۆر\n")


def test_check_reports_every_problem_and_writes_nothing(make_project):
    config = make_project({
        "2026/11/23/a.md": "---\ntitle: French\nlang: fr\n---\nUn article.\n",
        "2026/11/23/b.md": "---\ntitle: Empty\n---\n",
    })
    proc = run("--config", str(config.root / "config.yaml"), "check")
    assert proc.returncode == 1
    lines = [l for l in proc.stderr.splitlines() if l.startswith("content/")]
    assert len(lines) == 2 and lines[0].startswith("content/2026/11/23/a.md:3:")
    assert not config.output_dir.exists()


def test_bad_config_is_one_clear_line(tmp_path):
    (tmp_path / "config.yaml").write_text("languages:\n  fr: {}\n")
    proc = run("--config", str(tmp_path / "config.yaml"), "check")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {tmp_path / 'config.yaml'}:2: languages: unknown language 'fr' (known: ar, ckb, en, kmr)"


def test_config_errors_name_the_file_and_line(tmp_path):
    (tmp_path / "config.yaml").write_text("site:\n  title: Hawal\n  timezone: Mars/Olympus\nlanguages:\n"
                                          "  en: {}\n  ckb:\n    digits: arab\n")
    proc = run("--config", str(tmp_path / "config.yaml"), "check")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {tmp_path / 'config.yaml'}:3: site.timezone: unknown time zone 'Mars/Olympus'"
    (tmp_path / "config.yaml").write_text("languages:\n  en: {}\n  ckb:\n    digits: roman\n")
    proc = run("--config", str(tmp_path / "config.yaml"), "check")
    assert proc.stderr.startswith(f"error: {tmp_path / 'config.yaml'}:4: languages.ckb.digits: expected")


def test_build_is_the_default_command(make_project):
    config = make_project({"2026/11/23/a.md": "---\ntitle: T\n---\nThe council met on Monday in Erbil.\n"})
    proc = run("--config", str(config.root / "config.yaml"), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert (config.output_dir / "en/2026/11/23/a/index.html").exists()


def test_bad_glossary_is_reported_by_check(make_project):
    config = make_project({"2026/11/23/a.md": "---\ntitle: T\n---\nThe council met on Monday in Erbil.\n"})
    glossary = config.root / "glossary.yaml"
    glossary.write_text("terms: [unclosed\n")
    data = yaml.safe_load((config.root / "config.yaml").read_text())
    data["translation"]["glossary"] = str(glossary)
    (config.root / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    proc = run("--config", str(config.root / "config.yaml"), "check")
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "glossary" in proc.stderr.lower(), proc.stderr
