"""Shared fixtures: throw-away site projects that use the repository's templates and assets."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import model_factory  # noqa: F401  (first: points argos's settings at a throw-away home, never ~)
import spacy  # noqa: F401  (urllib3, under spaCy, opens a local socket at import to probe IPv6: before sockets are blocked)

from hawal.config import Config, load_config

REPO = Path(__file__).resolve().parent.parent


# The languages of a test project unless the test names others: the three-language site the tests
# were written for, configured as config.yaml configures them. The example site (config.yaml,
# content/) adds Kurmanji: tests that build the example content pass `languages=example_languages()`.
THREE_LANGUAGES = ("en", "ar", "ckb")


def example_languages() -> dict:
    """The `languages:` of config.yaml: the example site's."""
    return yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))["languages"]


def three_languages() -> dict:
    languages = example_languages()
    return {code: languages[code] for code in THREE_LANGUAGES}


def write_project(root: Path, files: dict[str, str | bytes], **config_overrides) -> Config:
    """Create a project under `root` with content `files` (paths relative to content/), configured
    like config.yaml in the three languages (`languages=` overrides)."""
    for rel, data in files.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    (root / "content").mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    data.update(templates_dir=str(REPO / "templates"), locale_dir=str(REPO / "locale"),
                static_dir=str(REPO / "static"), content_dir="content", output_dir="site")
    data.setdefault("translation", {})
    data["translation"]["models_dir"] = str(root / "models")
    data["translation"]["glossary"] = str(REPO / "glossary.yaml") if (REPO / "glossary.yaml").exists() else None
    data["languages"] = three_languages()
    for key, value in config_overrides.items():
        data[key] = value
    (root / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_config(root / "config.yaml")


@pytest.fixture
def make_project(tmp_path):
    def make(files: dict[str, str | bytes], **overrides) -> Config:
        return write_project(tmp_path / "project", files, **overrides)
    return make


@pytest.fixture(scope="session")
def example_project(tmp_path_factory) -> Config:
    """A copy of the repository's example content, configured like the real site."""
    root = tmp_path_factory.mktemp("example")
    shutil.copytree(REPO / "content", root / "content")
    return write_project(root, {}, languages=example_languages())
