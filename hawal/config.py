"""Site configuration: config.yaml read into typed, validated dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from . import langs
from .configcheck import (MAX_CONFIG_BYTES, base_url_problem, check_strings, date_format_problem, line_of,
                          output_dir_problem, whole_number, yaml_lines)
from .errors import ConfigurationError
from .textcheck import strip_hidden


class ConfigError(ConfigurationError, ValueError):
    """config.yaml cannot be used; the message names the key (and `key` is its path, for the line)."""

    def __init__(self, message: str, key: tuple | str | None = None):
        super().__init__(message)
        self.key = tuple(key.split(".")) if isinstance(key, str) else key


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
    if not isinstance(value, str) or not value or "\x00" in value:
        raise ConfigError(f"{key}: expected a path, got {str(value)[:80]!r}", key)
    path = Path(value)
    return path if path.is_absolute() else root / path


def load_config(path: Path | str = "config.yaml", root: Path | None = None) -> Config:
    """Read and validate config.yaml; a missing file gives the defaults."""
    path = Path(path)
    root = (root or path.parent).resolve()
    data: dict[str, Any] = {}
    text = ""
    if path.exists():
        try:
            raw = path.read_bytes()
            if len(raw) > MAX_CONFIG_BYTES:
                raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES // 1024} KiB; is this the right file?")
            text = raw.decode("utf-8-sig")
            data = yaml.safe_load(text) or {}
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ConfigError(f"{path}:{line}: not UTF-8 text") from None
        except RecursionError:
            raise ConfigError(f"{path}: nested too deeply") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            raise ConfigError(f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}:1: expected a mapping at the top level")
    try:
        return config_from_dict(data, root)
    except ConfigError as exc:
        line = line_of(yaml_lines(text), exc.key or ()) if text else None
        raise ConfigError(f"{path}:{line or 1}: {exc}", exc.key) from None


def config_from_dict(data: dict[str, Any], root: Path) -> Config:
    """Build a Config from already-parsed YAML data (root resolves relative paths)."""
    check_strings(data, lambda key, message: ConfigError(message, key))
    for section in ("site", "briefing", "translation", "topics"):
        if data.get(section) is not None and not isinstance(data[section], dict):
            raise ConfigError(f"{section}: expected a mapping", section)
    site = data.get("site") or {}
    languages_raw = data.get("languages") or {code: {} for code in langs.DEFAULT_SITE_LANGUAGES}
    if isinstance(languages_raw, list):
        languages_raw = {code: {} for code in languages_raw}
    if not isinstance(languages_raw, dict) or not languages_raw:
        raise ConfigError("languages: expected a mapping of language codes")
    languages = []
    for code, spec in languages_raw.items():
        known = langs.find(code) if isinstance(code, str) else None
        if known is None:
            raise ConfigError(f"languages: unknown language {str(code)[:20]!r} (known: {', '.join(langs.codes())})",
                              ("languages", code))
        spec = spec or {}
        if not isinstance(spec, dict):
            raise ConfigError(f"languages.{code}: expected a mapping such as {{name: …, digits: …}}", ("languages", code))
        if not isinstance(spec.get("name", ""), str) or not isinstance(spec.get("date_format", ""), str):
            raise ConfigError(f"languages.{code}: name and date_format must be text", ("languages", code))
        digits = spec.get("digits", known.digits)
        if digits not in langs.DIGIT_SYSTEMS:
            raise ConfigError(f"languages.{code}.digits: expected {' or '.join(langs.DIGIT_SYSTEMS)}, got {str(digits)[:20]!r}",
                              ("languages", code, "digits"))
        date_format = str(spec.get("date_format", known.date_format))
        if date_format_problem(date_format):
            raise ConfigError(f"languages.{code}.date_format: {date_format_problem(date_format)}",
                              ("languages", code, "date_format"))
        languages.append(LanguageConfig(code, spec.get("name", known.name), digits, date_format))

    titles = site.get("title") or {}
    if isinstance(titles, str):
        titles = {lang.code: titles for lang in languages}
    if not isinstance(titles, dict) or not all(isinstance(t, str) for t in titles.values()):
        raise ConfigError("site.title: expected text, or a mapping of language to text", ("site", "title"))
    titles = {str(code): " ".join(strip_hidden(t).split()) for code, t in titles.items()}
    base_url = site.get("base_url") or "http://localhost:8000/"
    problem = base_url_problem(base_url)
    if problem:
        raise ConfigError(problem, ("site", "base_url"))
    if not base_url.endswith("/"):
        base_url += "/"
    tz_name = site.get("timezone", "UTC")
    try:
        if not isinstance(tz_name, str):
            raise ValueError(tz_name)
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError(f"site.timezone: unknown time zone {str(tz_name)[:60]!r}", ("site", "timezone")) from None

    briefing = data.get("briefing") or {}
    error = lambda key, message: ConfigError(message, key)
    per_day = whole_number(briefing.get("statements_per_day", 8), "briefing.statements_per_day", 0, error)

    tr = data.get("translation") or {}
    translation = TranslationConfig(
        models_dir=_path(root, tr["models_dir"], "translation.models_dir") if tr.get("models_dir") else None,
        beam_size=whole_number(tr.get("beam_size", 2), "translation.beam_size", 1, error),
        compute_type=str(tr.get("compute_type", "int8")),
        threads=whole_number(tr.get("threads", 0), "translation.threads", 0, error),
        device=str(tr.get("device", "auto")),
        max_batch_tokens=whole_number(tr.get("max_batch_tokens", 4096), "translation.max_batch_tokens", 1, error),
        glossary=_path(root, tr["glossary"], "translation.glossary") if tr.get("glossary") else None,
        memory=_path(root, tr.get("memory", ".hawal/translation-memory.sqlite3"), "translation.memory"),
    )
    if translation.device not in {"auto", "cpu", "cuda"}:
        raise ConfigError(f"translation.device: expected auto, cpu or cuda, got {translation.device[:20]!r}",
                          ("translation", "device"))
    if translation.beam_size < 1:
        raise ConfigError("translation.beam_size: expected 1 or more")

    topics = data.get("topics") or {}
    for topic, names in topics.items():
        if not isinstance(names, dict) or not all(isinstance(n, (str, int)) and not isinstance(n, bool)
                                                  for n in names.values()):
            raise ConfigError("topics: expected a mapping of topic to {language: name}", ("topics", topic))
    publish = data.get("publish") or []
    if not isinstance(publish, list):
        raise ConfigError("publish: expected a list of targets", "publish")

    config = Config(
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
        topics={str(k): {str(l): " ".join(strip_hidden(str(n)).split()) for l, n in v.items()} for k, v in topics.items()},
        raw=data,
    )
    problem = output_dir_problem(
        config.output_dir, root,
        {"content": config.content_dir, "templates": config.templates_dir, "static": config.static_dir,
         "locale": config.locale_dir, "state (.hawal)": root / ".hawal"},
        {k: v for k, v in {"models folder": config.translation.models_dir, "glossary": config.translation.glossary,
                           "translation memory": config.translation.memory}.items() if v is not None})
    if problem:
        raise ConfigError(f"output_dir: {problem}", "output_dir")
    return config
