"""Translation memory: every sentence a model has translated, in SQLite (WAL).

Keyed by model identity and version, language pair and the normalized (masked) sentence, so an
unchanged sentence is never translated twice and a model update invalidates only its own entries.
Each finished batch is committed at once: a build killed mid-way keeps all the work it finished.

`TranslationMemory.store` is the one place entries are written (the build, `translate` and the
cluster backend's driver all go through it). The schema is versioned with SQLite's user_version:
a change to it adds a step to MIGRATIONS and bumps SCHEMA_VERSION.
"""
from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping

SCHEMA = """
CREATE TABLE IF NOT EXISTS memory (
    model   TEXT NOT NULL,
    version TEXT NOT NULL,
    pair    TEXT NOT NULL,
    source  TEXT NOT NULL,
    target  TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (model, version, pair, source)
) WITHOUT ROWID;
"""
SCHEMA_VERSION = 1
# Version n-1 → n, applied in order to an older file (version 0: written before versions were kept,
# the same table as version 1).
MIGRATIONS: dict[int, str] = {1: SCHEMA}
_LOOKUP_CHUNK = 500


class TranslationMemoryError(RuntimeError):
    """The memory file cannot be used (written by a newer hawal, or not a memory)."""


def normalize_sentence(text: str) -> str:
    """The memory's key for a sentence: NFC with runs of white space folded to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


class TranslationMemory:
    """A SQLite file of (model, version, pair, sentence) → translation."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise TranslationMemoryError(f"{self.path}: not a translation memory ({exc})") from None
        except TranslationMemoryError:
            self.db.close()
            raise
        self._pruned: set[tuple[str, str]] = set()

    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise TranslationMemoryError(
                f"{self.path}: written by a newer hawal (schema {current}, this one knows {SCHEMA_VERSION})")
        if current < SCHEMA_VERSION:
            with self.db:
                for version in range(current + 1, SCHEMA_VERSION + 1):
                    self.db.executescript(MIGRATIONS[version])
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def lookup(self, model: str, version: str, pair: str, sources: Iterable[str]) -> dict[str, str]:
        """Stored translations for those of `sources` that have one."""
        keys = list(dict.fromkeys(normalize_sentence(s) for s in sources))
        found: dict[str, str] = {}
        for i in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[i:i + _LOOKUP_CHUNK]
            rows = self.db.execute(
                f"SELECT source, target FROM memory WHERE model=? AND version=? AND pair=? "
                f"AND source IN ({','.join('?' * len(chunk))})", (model, version, pair, *chunk))
            found.update(rows)
        return found

    def store(self, model: str, version: str, pair: str, translations: Mapping[str, str]) -> None:
        """Save one finished batch of machine translations and commit it; older versions of the same
        model are dropped once. The only writer of entries."""
        now = time.time()
        with self.db:
            if (model, version) not in self._pruned:
                self.db.execute("DELETE FROM memory WHERE model=? AND version<>?", (model, version))
                self._pruned.add((model, version))
            self.db.executemany(
                "INSERT OR REPLACE INTO memory (model, version, pair, source, target, created) VALUES (?,?,?,?,?,?)",
                [(model, version, pair, normalize_sentence(s), t, now) for s, t in translations.items()])

    def count(self, model: str | None = None) -> int:
        if model is None:
            return self.db.execute("SELECT COUNT(*) FROM memory").fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM memory WHERE model=?", (model,)).fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
