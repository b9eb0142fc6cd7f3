"""Languages hawal knows: one package per language (`hawal/langs/<code>/`), each holding that
language's facts (its `LanguageSpec`, named `SPEC` in its `__init__.py`) and its per-language rules
(key statements in `statements.py`). Everything else asks this registry instead of naming languages.

    from hawal import langs
    langs.get("ckb").direction        # "rtl"
    langs.codes()                     # ("ar", "ckb", "en")
    langs.direction("xx")             # "ltr" for a code nobody registered

Language packages are found on first use; `register` adds one from elsewhere (a plugin, a test).
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable

from .scripts import DIGIT_SYSTEMS, SCRIPTS, TATWEEL, ZWNJ
from .spec import Evidence, LanguageSpec, N_, Script, Typography, frozen_map

__all__ = [
    "DEFAULT_SITE_LANGUAGES", "DIGIT_SYSTEMS", "OTHER_NLLB_TOKENS", "SCRIPTS", "TATWEEL", "ZWNJ",
    "Evidence", "LanguageSpec", "N_", "Script", "Typography", "UnknownLanguage",
    "codes", "describe", "direction", "english_names", "find", "from_argos", "frozen_map", "get", "nllb_token",
    "pivot", "register", "registered", "to_argos", "unregister",
]


class UnknownLanguage(KeyError):
    """No language with this code is registered; the message lists the known ones."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown language"


# A site whose config.yaml names no languages publishes in these, the first being x-default.
DEFAULT_SITE_LANGUAGES = ("en", "ar", "ckb")

_registry: dict[str, LanguageSpec] = {}
_sorted: tuple[LanguageSpec, ...] | None = None      # registered(), kept until the registry changes
_discovered = False


def _discover() -> None:
    """Import every language package under hawal/langs/ once and register its SPEC."""
    global _discovered
    if _discovered:
        return
    _discovered = True          # first: a language package may itself ask the registry
    try:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.ispkg:
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            spec = getattr(module, "SPEC", None)
            if not isinstance(spec, LanguageSpec):
                raise TypeError(f"hawal/langs/{info.name}/__init__.py defines no SPEC (a LanguageSpec)")
            if spec.code != info.name:
                raise ValueError(f"hawal/langs/{info.name}/ holds the spec of {spec.code!r}; "
                                 f"the folder must be named {spec.code}")
            _registry.setdefault(spec.code, spec)
    except Exception:
        _discovered = False
        raise
    finally:
        _changed()


def _changed() -> None:
    global _sorted
    _sorted = None


def register(spec: LanguageSpec, *, replace: bool = False) -> LanguageSpec:
    """Add a language defined outside hawal/langs/ (a plugin, a test); returns the spec."""
    _discover()
    if spec.code in _registry and not replace and _registry[spec.code] is not spec:
        raise ValueError(f"language {spec.code!r} is already registered")
    _registry[spec.code] = spec
    _changed()
    return spec


def unregister(code: str) -> None:
    """Forget a language added with `register` (tests)."""
    _discover()
    _registry.pop(code, None)
    _changed()


def registered() -> tuple[LanguageSpec, ...]:
    """Every registered language, by code."""
    global _sorted
    if _sorted is None:
        _discover()
        _sorted = tuple(_registry[code] for code in sorted(_registry))
    return _sorted


def codes() -> tuple[str, ...]:
    """The codes of every registered language, sorted."""
    return tuple(spec.code for spec in registered())


def find(code: str) -> LanguageSpec | None:
    """The spec of a language, or None when no such language is registered."""
    _discover()
    return _registry.get(code)


def get(code: str) -> LanguageSpec:
    """The spec of a language; UnknownLanguage (a KeyError) names the known ones otherwise."""
    spec = find(code)
    if spec is None:
        raise UnknownLanguage(f"unknown language {code!r} (known: {describe()})")
    return spec


def direction(code: str) -> str:
    """"rtl" or "ltr" for a language code; "ltr" for one nobody registered."""
    spec = find(code)
    return spec.direction if spec else "ltr"


def pivot() -> str:
    """The language translations between two others go through (the spec marked `pivot`)."""
    found = [spec.code for spec in registered() if spec.pivot]
    if len(found) != 1:
        raise RuntimeError(f"exactly one registered language must be the pivot, found {found or 'none'}")
    return found[0]


def from_argos(argos_code: str) -> str:
    """The hawal code of a language as argos packages name it (itself when no spec differs)."""
    for spec in registered():
        if spec.argos_code == argos_code:
            return spec.code
    return argos_code


# NLLB-200 tokens of languages that are not registered (yet): `models pack-nllb --langs` can pack
# them for sites or tools beyond hawal's own languages. A registered spec's `nllb_code` comes first.
OTHER_NLLB_TOKENS = {"fa": "pes_Arab", "tr": "tur_Latn"}


def nllb_token(code: str) -> str:
    """The NLLB-200 language token of a code ("ckb" → "ckb_Arab"); "" when none is known."""
    spec = find(code)
    return spec.nllb_code if spec else OTHER_NLLB_TOKENS.get(code, "")


def to_argos(code: str) -> str:
    """The code argos packages use for a language (its spec's `argos_code`; else the code itself)."""
    spec = find(code)
    return spec.argos_code if spec else code


def english_names(specs: Iterable[LanguageSpec] | None = None) -> str:
    """`Arabic, Sorani Kurdish and English`: the languages' English names as a phrase."""
    names = [s.english_name for s in (registered() if specs is None else specs)]
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1] if names else ""]))


def describe(specs: Iterable[LanguageSpec] | None = None) -> str:
    """`ar (Arabic), ckb (Sorani Kurdish), en (English)`: for messages and --help."""
    return ", ".join(f"{s.code} ({s.english_name})" for s in (registered() if specs is None else specs))
