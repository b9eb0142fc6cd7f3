"""Archive-like test projects for `translate` (locally and on Ray): many dated articles, tiny models."""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import model_factory as mf
from conftest import write_project

from hawal.config import Config

SUBJECTS = ["The council", "Farmers in the plain", "The water office", "Teachers in the north", "A spokesperson",
            "Engineers at the station", "Local traders", "The health office", "Drivers on the main road"]
VERBS = ["said", "asked", "reported", "confirmed", "warned", "promised"]
OBJECTS = ["that the budget talks would go on", "for fuel support after a dry winter", "a delay in salaries",
           "a plan to repair the water pipes", "that schools would open on Sunday", "higher demand for power",
           "new help for families in the villages", "that the road would close for a week"]
TAILS = ["", " on Tuesday", " in Erbil", " after a long meeting", ", according to a statement", " this week"]

ARABIC = ["قال المتحدث إن المحادثات ستستمر الأسبوع المقبل.", "طالب المزارعون بدعم الوقود بعد شتاء جاف.",
          "افتتحت الوزارة محطة مياه جديدة في شمال المدينة."]
SORANI = ["وتەبێژەکە گوتی گفتوگۆکان بەردەوام دەبن.", "جووتیاران داوای پشتگیری سووتەمەنییان کرد.",
          "وەزارەت وێستگەیەکی نوێی ئاو کردەوە."]


def english_articles(count: int, sentences: int = 5, seed: int = 3, first_day: int = 1) -> dict[str, str]:
    """`count` English Markdown sources, one a day from 2025-01-<first_day>, each of two paragraphs."""
    rng = random.Random(seed)
    files = {}
    for n in range(count):
        day = dt.date(2025, 1, first_day) + dt.timedelta(days=n)
        lines = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
                 for _ in range(sentences)]
        body = " ".join(lines[:2]) + "\n\n" + " ".join(lines[2:])
        files[f"{day:%Y/%m/%d}/story-{n}.md"] = (
            f"---\ntitle: Story {n} about {rng.choice(OBJECTS).split()[-1]}\ndate: {day.isoformat()}\n"
            f"lang: en\n---\n\n{body}\n")
    return files


def mixed_articles() -> dict[str, str]:
    """A few English, Arabic and Sorani sources (Arabic↔Sorani goes through English)."""
    files = english_articles(6, sentences=4)
    for n, text in enumerate(ARABIC):
        files[f"2025/02/{n + 1:02d}/khabar-{n}.md"] = f"---\ntitle: خبر {n}\ndate: 2025-02-{n + 1:02d}\nlang: ar\n---\n\n{text}\n"
    for n, text in enumerate(SORANI):
        files[f"2025/03/{n + 1:02d}/hawal-{n}.md"] = f"---\ntitle: هەواڵ {n}\ndate: 2025-03-{n + 1:02d}\nlang: ckb\n---\n\n{text}\n"
    return files


ALL_PAIRS = [("en", "ar"), ("ar", "en"), ("en", "ckb"), ("ckb", "en")]


def archive_project(root: Path, files: dict[str, str], pairs=ALL_PAIRS, languages=None, max_batch_tokens=4096
                    ) -> Config:
    """A project under `root` with `files` in content/ and tiny models for `pairs`."""
    overrides = {}
    if languages:
        overrides["languages"] = list(languages)
    config = write_project(root, files, **overrides)
    import yaml
    data = yaml.safe_load((root / "config.yaml").read_text(encoding="utf-8"))
    data["translation"]["max_batch_tokens"] = max_batch_tokens
    (root / "config.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    mf.install_test_models(root / "models", pairs)
    from hawal.config import load_config
    return load_config(root / "config.yaml")


def memory_rows(path: Path) -> list[tuple[str, ...]]:
    """Every entry of a translation memory, without its timestamp, sorted."""
    with sqlite3.connect(path) as db:
        return db.execute("SELECT model, version, pair, source, target FROM memory ORDER BY 1, 2, 3, 4").fetchall()


def memory_count(path: Path) -> int:
    if not Path(path).exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM memory").fetchone()[0]
    except sqlite3.OperationalError:     # not created yet
        return 0


def kill_after_first_commit(proc, memory: Path, timeout: float = 180.0) -> int:
    """SIGKILL a running `translate` once it has committed its first batches; returns the entries kept.

    The test takes the memory's write lock before the kill, so the process is stopped mid-run
    (waiting to commit its next batch) however fast it translates."""
    import signal
    import time

    deadline = time.monotonic() + timeout
    while memory_count(memory) == 0:
        if proc.poll() is not None:
            raise AssertionError(f"translate ended before committing anything:\n{proc.communicate()[1]}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("translate committed nothing in time")
        time.sleep(0.02)
    db = sqlite3.connect(memory, timeout=30, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")            # its next commit waits on this lock…
        proc.send_signal(signal.SIGKILL)         # …and it dies waiting
        proc.wait(timeout=60)
        db.execute("ROLLBACK")
    finally:
        db.close()
    return memory_count(memory)
