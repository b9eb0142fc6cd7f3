"""The translation memory file: its schema version, and files from before or after this hawal."""
from __future__ import annotations

import sqlite3

import pytest

from hawal.translate.memory import REVIEWED, SCHEMA_VERSION, ReviewNote, TranslationMemory, TranslationMemoryError


def test_a_new_memory_records_its_schema_version(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite3") as memory:
        memory.store("m:en-ar", "1#abc", "en-ar", {"A station opened.": "افتتحت محطة."})
    with sqlite3.connect(tmp_path / "tm.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2


def test_a_memory_from_before_versions_were_kept_is_taken_over_with_its_entries(tmp_path):
    path = tmp_path / "tm.sqlite3"
    with sqlite3.connect(path) as db:                 # what hawal wrote before user_version was set
        db.executescript("""CREATE TABLE memory (model TEXT NOT NULL, version TEXT NOT NULL, pair TEXT NOT NULL,
                            source TEXT NOT NULL, target TEXT NOT NULL, created REAL NOT NULL,
                            PRIMARY KEY (model, version, pair, source)) WITHOUT ROWID;""")
        db.execute("INSERT INTO memory VALUES ('m:en-ar', '1#abc', 'en-ar', 'A station opened.', 'افتتحت محطة.', 0)")
    with TranslationMemory(path) as memory:
        assert memory.lookup("m:en-ar", "1#abc", "en-ar", ["A station opened."]) == {"A station opened.": "افتتحت محطة."}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_memory_from_a_newer_hawal_is_refused_untouched(tmp_path):
    path = tmp_path / "tm.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(TranslationMemoryError, match="newer hawal"):
        TranslationMemory(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_a_file_that_is_not_a_memory_is_named_moved_aside_and_replaced(tmp_path):
    path = tmp_path / "tm.sqlite3"
    path.write_bytes(b"not a database at all, just some bytes" * 100)
    warnings: list[str] = []
    with TranslationMemory(path, warn=warnings.append) as memory:
        memory.store("m:en-ar", "1#abc", "en-ar", {"A station opened.": "افتتحت محطة."})
    [aside] = tmp_path.glob("tm.corrupt-*.sqlite3")
    assert aside.read_bytes().startswith(b"not a database at all")
    assert len(warnings) == 1 and str(path) in warnings[0] and aside.name in warnings[0]


def test_a_version_1_memory_gains_reviewed_corrections_and_keeps_its_machine_entries(tmp_path):
    path = tmp_path / "tm.sqlite3"
    with sqlite3.connect(path) as db:                 # schema 1, as the cluster release wrote it
        db.executescript("""CREATE TABLE memory (model TEXT NOT NULL, version TEXT NOT NULL, pair TEXT NOT NULL,
                            source TEXT NOT NULL, target TEXT NOT NULL, created REAL NOT NULL,
                            PRIMARY KEY (model, version, pair, source)) WITHOUT ROWID; PRAGMA user_version=1;""")
        db.execute("INSERT INTO memory VALUES ('m:en-ar', '1#abc', 'en-ar', 'A station opened.', 'افتتحت محطة.', 0)")
    with TranslationMemory(path) as memory:
        assert memory.lookup("m:en-ar", "1#abc", "en-ar", ["A station opened."]) == {"A station opened.": "افتتحت محطة."}
        assert memory.corrections() == {}
        memory.store("", "", "en-ar", {"A station  opened.": "افتُتحت محطة جديدة."}, origin=REVIEWED,
                     notes={"A station  opened.": ReviewNote("2026-11-23_a.ar.s-0123456789ab", 1, "افتتحت محطة.")})
        # A new model version drops the old machine entries, never the newsroom's corrections.
        memory.store("m:en-ar", "2#def", "en-ar", {"Other.": "آخر."})
        assert memory.lookup("m:en-ar", "1#abc", "en-ar", ["A station opened."]) == {}
        [(key, correction)] = memory.corrections().items()
    assert key == ("en-ar", "A station opened.")
    assert correction.target == "افتُتحت محطة جديدة." and correction.position == 1 and correction.machine == "افتتحت محطة."
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
