"""config.yaml values are validated, errors name config.yaml and the line, and the output folder
can never be one that a build's swap would take away from the project."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hawal.config import ConfigError, load_config
from hawal.pipeline import run_build

REPO = Path(__file__).resolve().parent.parent


def config_error(tmp_path: Path, text: str) -> str:
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as failure:
        load_config(tmp_path / "config.yaml")
    return str(failure.value)


@pytest.mark.parametrize("value, fragment", [
    ('"https://briefing.example.org/\\nDisallow: /"', "U+000A"),
    ('"https://briefing.example.org/\\rx"', "U+000D"),
    ('"javascript:alert(1)//"', "scheme 'javascript'"),
    ('"ftp://example.org/"', "scheme 'ftp'"),
    ('"//example.org/"', "must be an absolute"),
    ('"https://"', "has no host"),
    ('"https://example.org/ x"', "U+0020"),
    ('"https://example.org/?q=1"', "without ?query"),
    ("42", "must be text"),
    ("[https://example.org/]", "must be text"),
])
def test_base_url_is_validated(tmp_path, value, fragment):
    message = config_error(tmp_path, f"# site\nsite:\n  title: Hawal\n  base_url: {value}\n")
    assert message.startswith(f"{tmp_path / 'config.yaml'}:4: site.base_url") and fragment in message, message


@pytest.mark.parametrize("text, line, fragment", [
    ("site:\n  timezone: Mars/Olympus\n", 2, "unknown time zone"),
    ("site:\n  timezone: [UTC]\n", 2, "unknown time zone"),
    ('site:\n  title: "Hawal\\0"\n', 2, "control character U+0000"),
    ("site:\n  title: [a, b]\n", 2, "site.title: expected text"),
    ("site: hello\n", 1, "site: expected a mapping"),
    ("translation:\n  beam_size: two\n", 2, "translation.beam_size: expected a whole number"),
    ("translation:\n  beam_size: 0\n", 2, "expected 1 or more"),
    ("translation:\n  threads: true\n", 2, "expected a whole number"),
    ("translation:\n  max_batch_tokens: 1.5\n", 2, "expected a whole number"),
    ("translation:\n  device: tpu\n", 2, "expected auto, cpu or cuda"),
    ("briefing:\n  statements_per_day: -1\n", 2, "expected 0 or more"),
    ("languages:\n  en: {name: English}\n  fr: {}\n", 3, "unknown language 'fr'"),
    ("languages:\n  en: [English]\n", 2, "expected a mapping"),
    ("languages:\n  en: {digits: roman}\n", 2, "expected latn or arab"),
    ("languages:\n  en: {date_format: {x: 1}}\n", 2, "must be text"),
    ("topics:\n  water: [Water]\n", 2, "topics: expected a mapping"),
    ("publish: {name: x}\n", 1, "publish: expected a list"),
    ("content_dir: [a]\n", 1, "content_dir: expected a path"),
    ('content_dir: "con\\0tent"\n', 1, "control character"),
    ("site:\n  title: x\n  - y\n", 3, "not valid YAML"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested too deeply"),
])
def test_config_values_are_validated_with_file_and_line(tmp_path, text, line, fragment):
    message = config_error(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'config.yaml'}:{line}: ") or (
        "nested too deeply" in message and message.startswith(str(tmp_path / "config.yaml"))), message
    assert fragment in message, message


def test_config_that_is_not_utf8_or_not_a_mapping(tmp_path):
    (tmp_path / "config.yaml").write_bytes(b"site:\n  title: caf\xe9\n")
    with pytest.raises(ConfigError, match=r"config.yaml:2: not UTF-8"):
        load_config(tmp_path / "config.yaml")
    assert "expected a mapping at the top level" in config_error(tmp_path, "- a\n- b\n")


def test_yaml_aliases_do_not_blow_up_validation(tmp_path):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]" for n in range(1, 25)]
    (tmp_path / "config.yaml").write_text("x_unused:\n" + "\n".join("  " + l for l in lines) + "\n")
    load_config(tmp_path / "config.yaml")              # returns quickly: each shared list is visited once


@pytest.mark.parametrize("output_dir, fragment", [
    ("content", "overlaps the content folder"),
    ("content/site", "overlaps the content folder"),
    (".", "is or holds the project folder"),
    ("..", "is or holds the project folder"),
    ("/", "root of the file system"),
    ("static", "overlaps the static folder"),
    ("templates", "overlaps the templates folder"),
    ("locale", "overlaps the locale folder"),
    (".hawal", "overlaps the state (.hawal) folder"),
    (".hawal/site", "overlaps the state (.hawal) folder"),
    ("models", "holds the models folder"),
])
def test_output_dir_cannot_swallow_the_project(tmp_path, output_dir, fragment):
    (tmp_path / "content").mkdir()
    message = config_error(tmp_path, f"# c\ntranslation:\n  models_dir: models\noutput_dir: {output_dir}\n")
    assert message.startswith(f"{tmp_path / 'config.yaml'}:4: output_dir: ") and fragment in message, message


def test_output_dir_through_a_link_into_content_is_refused(tmp_path):
    (tmp_path / "content").mkdir()
    os.symlink(tmp_path / "content", tmp_path / "public")
    assert "overlaps the content folder" in config_error(tmp_path, "output_dir: public\n")


def test_the_build_never_moves_a_protected_folder(tmp_path):
    (tmp_path / "content/2026/11/23").mkdir(parents=True)
    (tmp_path / "content/2026/11/23/a.md").write_text("---\ntitle: T\n---\nThe council met on Monday in Erbil.\n")
    (tmp_path / "config.yaml").write_text("output_dir: content\n")
    proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(tmp_path / "config.yaml"), "build"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"error: {tmp_path / 'config.yaml'}:1: output_dir:")
    assert (tmp_path / "content/2026/11/23/a.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.yaml", "content"]


def test_a_good_config_still_loads(tmp_path):
    config = load_config(REPO / "config.yaml")
    assert config.base_url == "https://briefing.example.org/" and config.output_dir.name == "site"


def test_robots_txt_has_exactly_its_lines(make_project):
    config = make_project({"2026/11/23/a.md": "---\ntitle: T\n---\nThe council met on Monday in Erbil.\n"})
    run_build(config)
    robots = (config.output_dir / "robots.txt").read_text().splitlines()
    assert robots == ["User-agent: *", "Allow: /", f"Sitemap: {config.base_url}sitemap.xml"]
