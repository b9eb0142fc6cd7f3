"""Site configuration: config.yaml read into typed, validated dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from . import langs


class ConfigError(ValueError):
    """config.yaml cannot be used; the message names the key."""


@dataclass(frozen=True)
class LanguageConfig:
    code: str
    name: str
    digits: str = "latn"
    date_format: str = "full"       # a Babel format name or CLDR pattern for briefing dates


@dataclass(frozen=True)
class TranslationConfig:
    models_dir: Path | None = None
    beam_size: int = 2
    compute_type: str = "int8"
    threads: int = 0
    device: str = "auto"
    max_batch_tokens: int = 4096
    glossary: Path | None = None
    memory: Path = Path(".hawal/translation-memory.sqlite3")


@dataclass(frozen=True)
class Config:
    root: Path
    titles: dict[str, str]
    base_url: str
    timezone: ZoneInfo
    languages: tuple[LanguageConfig, ...]
    content_dir: Path
    templates_dir: Path
    locale_dir: Path
    static_dir: Path
    output_dir: Path
    statements_per_day: int = 8
    translation: TranslationConfig = field(default_factory=TranslationConfig)
    publish: tuple[dict[str, Any], ...] = ()
    topics: dict[str, dict[str, str]] = field(default_factory=dict)    # topic slug -> {lang: name}
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def language(self, code: str) -> LanguageConfig:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    def topic_name(self, tag: str, lang: str) -> str:
        """A topic's name in a language (config `topics:`), else the tag as written."""
        names = self.topics.get(tag) or self.topics.get(tag.casefold()) or {}
        return names.get(lang, tag)

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or next(iter(self.titles.values()), "hawal")


def _path(root: Path, value: Any, key: str) -> Path:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key}: expected a path, got {value!r}")
    path = Path(value)
    return path if path.is_absolute() else root / path


def load_config(path: Path | str = "config.yaml", root: Path | None = None) -> Config:
    """Read and validate config.yaml; a missing file gives the defaults."""
    path = Path(path)
    root = (root or path.parent).resolve()
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise ConfigError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping at the top level")
    return config_from_dict(data, root)


def config_from_dict(data: dict[str, Any], root: Path) -> Config:
    """Build a Config from already-parsed YAML data (root resolves relative paths)."""
    site = data.get("site") or {}
    if not isinstance(site, dict):
        raise ConfigError("site: expected a mapping")
    languages_raw = data.get("languages") or {code: {} for code in langs.DEFAULT_SITE_LANGUAGES}
    if isinstance(languages_raw, list):
        languages_raw = {code: {} for code in languages_raw}
    if not isinstance(languages_raw, dict) or not languages_raw:
        raise ConfigError("languages: expected a mapping of language codes")
    languages = []
    for code, spec in languages_raw.items():
        known = langs.find(code) if isinstance(code, str) else None
        if known is None:
            raise ConfigError(f"languages: unknown language {code!r} (known: {', '.join(langs.codes())})")
        spec = spec or {}
        digits = spec.get("digits", known.digits)
        if digits not in langs.DIGIT_SYSTEMS:
            raise ConfigError(f"languages.{code}.digits: expected {' or '.join(langs.DIGIT_SYSTEMS)}, got {digits!r}")
        date_format = str(spec.get("date_format", known.date_format))
        languages.append(LanguageConfig(code, spec.get("name", known.name), digits, date_format))

    titles = site.get("title") or {}
    if isinstance(titles, str):
        titles = {lang.code: titles for lang in languages}
    base_url = str(site.get("base_url") or "http://localhost:8000/")
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"site.base_url: expected an http(s) URL, got {base_url!r}")
    if not base_url.endswith("/"):
        base_url += "/"
    tz_name = site.get("timezone", "UTC")
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"site.timezone: unknown time zone {tz_name!r}") from None

    briefing = data.get("briefing") or {}
    per_day = briefing.get("statements_per_day", 8)
    if not isinstance(per_day, int) or per_day < 0:
        raise ConfigError(f"briefing.statements_per_day: expected a whole number >= 0, got {per_day!r}")

    tr = data.get("translation") or {}
    translation = TranslationConfig(
        models_dir=_path(root, tr["models_dir"], "translation.models_dir") if tr.get("models_dir") else None,
        beam_size=int(tr.get("beam_size", 2)),
        compute_type=str(tr.get("compute_type", "int8")),
        threads=int(tr.get("threads", 0)),
        device=str(tr.get("device", "auto")),
        max_batch_tokens=int(tr.get("max_batch_tokens", 4096)),
        glossary=_path(root, tr["glossary"], "translation.glossary") if tr.get("glossary") else None,
        memory=_path(root, tr.get("memory", ".hawal/translation-memory.sqlite3"), "translation.memory"),
    )
    if translation.device not in {"auto", "cpu", "cuda"}:
        raise ConfigError(f"translation.device: expected auto, cpu or cuda, got {translation.device!r}")
    if translation.beam_size < 1:
        raise ConfigError("translation.beam_size: expected 1 or more")

    topics = data.get("topics") or {}
    if not isinstance(topics, dict) or not all(isinstance(v, dict) for v in topics.values()):
        raise ConfigError("topics: expected a mapping of topic to {language: name}")
    publish = data.get("publish") or []
    if not isinstance(publish, list):
        raise ConfigError("publish: expected a list of targets")

    return Config(
        root=root,
        titles=dict(titles),
        base_url=base_url,
        timezone=timezone,
        languages=tuple(languages),
        content_dir=_path(root, data.get("content_dir", "content"), "content_dir"),
        templates_dir=_path(root, data.get("templates_dir", "templates"), "templates_dir"),
        locale_dir=_path(root, data.get("locale_dir", "locale"), "locale_dir"),
        static_dir=_path(root, data.get("static_dir", "static"), "static_dir"),
        output_dir=_path(root, data.get("output_dir", "site"), "output_dir"),
        statements_per_day=per_day,
        translation=translation,
        publish=tuple(publish),
        topics={str(k): {str(l): str(n) for l, n in v.items()} for k, v in topics.items()},
        raw=data,
    )
