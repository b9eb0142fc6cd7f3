"""Translation memory: every sentence a model has translated, in SQLite (WAL).

Keyed by model identity and version, language pair and the normalized (masked) sentence, so an
unchanged sentence is never translated twice and a model update invalidates only its own entries.
Each finished batch is committed at once: a build killed mid-way keeps all the work it finished.

`TranslationMemory.store` is the one place entries are written (the build, `translate` and the
cluster backend's driver all go through it, and so does `translations import`). The schema is
versioned with SQLite's user_version: a change to it adds a step to MIGRATIONS and bumps
SCHEMA_VERSION.

Entries have an origin: "machine" (a model's output, keyed by the model and its version, dropped
when the model is upgraded) or "reviewed" (a newsroom correction of one sentence imported from a
translator's XLIFF or PO file: keyed by the language pair and the original sentence only, so it
outlives models, `--retranslate` and upgrades; it wins over any machine entry).

The memory is a cache of work done: a file SQLite finds damaged, or that is not a database at all,
is moved aside as `translation-memory.corrupt-<time>.sqlite3` (with its -wal and -shm files), the
`warn` callback says so, and an empty memory takes its place — at opening, or whenever a later
read or write meets the damage. A memory written by a newer hawal is refused untouched.
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ..errors import InputError

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
# 2: reviewed corrections. `origin` tells machine entries from the newsroom's; a reviewed entry has
# model and version "" and keeps where it was reviewed (`unit`: the export's unit id, which names the
# article and language; `position`: the sentence there, 0 for the title) and the machine text the
# reviewer saw.
REVIEWED_SCHEMA = """
ALTER TABLE memory ADD COLUMN origin TEXT NOT NULL DEFAULT 'machine';
ALTER TABLE memory ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE memory ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE memory ADD COLUMN machine TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS memory_origin ON memory (origin, pair);
"""
SCHEMA_VERSION = 2
# Version n-1 → n, applied in order to an older file (version 0: written before versions were kept,
# the same table as version 1).
# Version n-1 → n, applied in order to an older file (version 0: written before versions were kept,
# the same table as version 1).
MIGRATIONS: dict[int, str] = {1: SCHEMA, 2: REVIEWED_SCHEMA}
MACHINE = "machine"
REVIEWED = "reviewed"
_LOOKUP_CHUNK = 500


class TranslationMemoryError(InputError, RuntimeError):
    """The memory file cannot be used (written by a newer hawal, or not a memory)."""


def normalize_sentence(text: str) -> str:
    """The memory's key for a sentence: NFC with runs of white space folded to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Correction:
    """A newsroom correction of one machine-translated sentence (or title)."""

    pair: str              # "en-ar": the article's language → the page's
    source: str            # the original sentence, normalized (the key)
    target: str            # the reviewed translation
    unit: str = ""         # the unit id it was reviewed under (names the article and language)
    position: int = 0      # the sentence there (1-based; 0: the title)
    machine: str = ""      # the machine translation the reviewer corrected ("" if none was shown)


@dataclass(frozen=True)
class ReviewNote:
    """Where a correction was made, stored with it (`store(..., origin=REVIEWED, notes=…)`)."""

    unit: str
    position: int
    machine: str = ""


def normalize_sentence(text: str) -> str:
    """The memory's key for a sentence: NFC with runs of white space folded to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


class TranslationMemory:
    """A SQLite file of (model, version, pair, sentence) → translation."""

    def __init__(self, path: Path | str, warn: Callable[[str], None] | None = None):
        """Open (or create) the memory at `path`; `warn` hears about a damaged file (default: stderr)."""
        self.path = Path(path)
        self._name = str(path)
        self.warn = warn or _warn_on_stderr
        if self._name != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._pruned: set[tuple[str, str]] = set()
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self._start_afresh(exc)

    def _open(self) -> None:
        self.db = sqlite3.connect(self._name, timeout=30)
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
            self.db.execute("SELECT 1 FROM memory LIMIT 1").fetchall()
        except (sqlite3.DatabaseError, TranslationMemoryError):
            self.db.close()
            raise

    def _start_afresh(self, exc: sqlite3.DatabaseError) -> None:
        """Move a damaged memory file aside (with its -wal and -shm files) and open an empty one."""
        if self._name == ":memory:" or not (type(exc) is sqlite3.DatabaseError or _is_corruption(exc)):
            raise TranslationMemoryError(f"{self.path}: the translation memory cannot be used ({exc})") from None
        try:
            self.db.close()
        except (AttributeError, sqlite3.Error):
            pass
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{self.path.suffix}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{n}{self.path.suffix}")
        os.replace(self.path, aside)
        for extra in ("-wal", "-shm"):
            companion = Path(f"{self.path}{extra}")
            if companion.exists():
                os.replace(companion, Path(f"{aside}{extra}"))
        self.warn(f"warning: the translation memory {self.path} was damaged or not a translation memory ({exc}); "
                  f"it was moved aside as {aside.name} and a new one was started: sentences are translated again, "
                  f"and the newsroom's reviewed corrections it held must be imported again "
                  f"(python build.py translations import FILE)")
        self._open()
        self._pruned = set()

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
        try:
            return self._lookup(model, version, pair, sources)
        except sqlite3.DatabaseError as exc:
            self._start_afresh(exc)
            return {}

    def _lookup(self, model: str, version: str, pair: str, sources: Iterable[str]) -> dict[str, str]:
        keys = list(dict.fromkeys(normalize_sentence(s) for s in sources))
        found: dict[str, str] = {}
        for i in range(0, len(keys), _LOOKUP_CHUNK):
            chunk = keys[i:i + _LOOKUP_CHUNK]
            rows = self.db.execute(
                f"SELECT source, target FROM memory WHERE model=? AND version=? AND pair=? "
                f"AND source IN ({','.join('?' * len(chunk))})", (model, version, pair, *chunk))
            found.update(rows)
        return found

    def store(self, model: str, version: str, pair: str, translations: Mapping[str, str], *,
              origin: str = MACHINE, notes: Mapping[str, ReviewNote] | None = None) -> None:
        """Save one finished batch of translations and commit it, all or nothing. The only writer of
        entries.

        Machine entries (a model's batch): older versions of the same model are dropped once.
        Reviewed entries (`origin=REVIEWED`, model and version ""): corrections keyed by `pair`
        ("en-ar") and the original sentence, with `notes` saying where each was reviewed."""
        if origin not in (MACHINE, REVIEWED):
            raise ValueError(f"unknown origin {origin!r}")
        try:
            self._store(model, version, pair, translations, origin, notes or {})
        except sqlite3.DatabaseError as exc:
            self._start_afresh(exc)
            self._store(model, version, pair, translations, origin, notes or {})

    def _store(self, model: str, version: str, pair: str, translations: Mapping[str, str], origin: str,
               notes: Mapping[str, ReviewNote]) -> None:
        now = time.time()
        with self.db:
            if origin == MACHINE and (model, version) not in self._pruned:
                self.db.execute("DELETE FROM memory WHERE model=? AND version<>? AND origin=?", (model, version, MACHINE))
                self._pruned.add((model, version))
            rows = []
            for s, t in translations.items():
                note = notes.get(s, ReviewNote("", 0))
                rows.append((model, version, pair, normalize_sentence(s), t, now, origin, note.unit, note.position,
                             note.machine))
            self.db.executemany(
                "INSERT OR REPLACE INTO memory (model, version, pair, source, target, created, origin, unit, position, "
                "machine) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)

    def corrections(self) -> dict[tuple[str, str], Correction]:
        """Every reviewed correction, by (pair, normalized source)."""
        try:
            rows = self.db.execute("SELECT pair, source, target, unit, position, machine FROM memory WHERE origin=?",
                                   (REVIEWED,)).fetchall()
        except sqlite3.DatabaseError as exc:
            self._start_afresh(exc)
            return {}
        return {(r[0], r[1]): Correction(*r) for r in rows}

    def count(self, model: str | None = None) -> int:
        """Machine entries (of one model, or all)."""
        if model is None:
            return self.db.execute("SELECT COUNT(*) FROM memory WHERE origin=?", (MACHINE,)).fetchone()[0]
        return self.db.execute("SELECT COUNT(*) FROM memory WHERE model=?", (model,)).fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_CORRUPTION_WORDS = ("malformed", "not a database", "corrupt", "file is encrypted", "unsupported file format",
                     "disk image")


def change_marker(memory: Path | str) -> Path | None:
    """The file that says the memory was changed by a command other than a build (`translations
    import`), for `serve` to watch; None for a memory in RAM. The build's own writes do not touch it."""
    return None if str(memory) == ":memory:" else Path(f"{memory}.changed")


def announce_change(memory: Path | str) -> None:
    """Tell a running `serve` that the newsroom changed the memory. Written in place, not replaced,
    so a watch on the file keeps seeing it."""
    marker = change_marker(memory)
    if marker is None:
        return
    try:
        with open(marker, "a+", encoding="utf-8") as fh:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{time.time_ns()}\n")
    except OSError:
        pass            # a preview that misses it rebuilds on the next edit; the import itself is done


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in _CORRUPTION_WORDS)


def _warn_on_stderr(message: str) -> None:
    import sys
    print(message, file=sys.stderr, flush=True)
