"""The build's cache of rendered article bodies: Markdown → sanitized HTML, kept between builds.

A body's HTML depends only on its Markdown text, the direction of its language (right-to-left
text gets its Latin runs isolated), the Markdown extensions and hawal's own code (the sanitizer's
rules among it), so it is cached by the digest of exactly those (`body_key`): a template change,
a new translation of another article or a rebuild in a fresh process does not run Markdown or
the sanitizer again for a body that did not change.

The file (`.hawal/cache/bodies.pickle`) is read only when a body is first asked for, and written
only when a build made new bodies; then bodies no page uses any more are dropped. Worker
processes hand the bodies they made back to the parent (`take_fresh`, `merge`). The cache of a
file is kept in memory between builds of one process (`serve`) while the file is unchanged.
"""
from __future__ import annotations

import os
import pickle
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .digests import text_digest

# Bump when the way a body is turned into HTML changes outside hawal's code (it is in every key).
BODY_FORMAT = "1"


def body_key(setup: str, body: str, rtl: bool) -> str:
    """The cache key of one body's HTML: the text and its direction, and `setup`, the digest of
    what makes HTML of it (hawal's code, the Markdown extensions and library versions)."""
    return text_digest(BODY_FORMAT, setup, "rtl" if rtl else "ltr", body)


@dataclass
class _Loaded:
    stamp: tuple[int, int, int]
    entries: dict[str, str]


_IN_MEMORY: dict[str, _Loaded] = {}      # path → the last entries this process read or wrote there


class BodyCache:
    """Body HTML by `body_key`; `path` None keeps it in memory only (tests, one-off renders)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._entries: dict[str, str] | None = None if path is not None else {}
        self._fresh: dict[str, str] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, str]:
        if self._entries is None:
            with self._lock:                 # search indexes shards in threads that ask for bodies
                return self._read()
        return self._entries

    def _read(self) -> dict[str, str]:
        if self._entries is None:
            entries: dict[str, str] = {}
            try:
                stat = os.stat(self.path)
                stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
                kept = _IN_MEMORY.get(str(self.path))
                if kept is not None and kept.stamp == stamp:
                    entries = dict(kept.entries)
                else:
                    with open(self.path, "rb") as fh:
                        data = pickle.load(fh)
                    if isinstance(data, dict):
                        entries = data
                        _IN_MEMORY.clear()
                        _IN_MEMORY[str(self.path)] = _Loaded(stamp, dict(data))
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
                pass                # no cache, or an unreadable one: bodies are made afresh
            self._entries = entries          # whole, or not at all: other threads read it unlocked
        return self._entries

    def get(self, key: str) -> str | None:
        found = self._fresh.get(key)
        return found if found is not None else self._load().get(key)

    def put(self, key: str, html: str) -> None:
        self._fresh[key] = html

    def missing(self, keys: Iterable[str]) -> list[str]:
        entries = self._load()
        return [k for k in keys if k not in entries and k not in self._fresh]

    def take_fresh(self) -> dict[str, str]:
        """The bodies made since the last call (a worker hands them to the parent)."""
        entries = self._load()
        fresh, self._fresh = self._fresh, {}
        entries.update(fresh)
        return fresh

    def merge(self, fresh: dict[str, str]) -> None:
        """Bodies another process made."""
        self._fresh.update(fresh)

    @property
    def changed(self) -> bool:
        return bool(self._fresh)

    def save(self, live: Iterable[str]) -> None:
        """Write the cache with the bodies made in this build, keeping only `live` keys; nothing
        is written when no body was made."""
        if self.path is None or not self._fresh:
            return
        entries = self._load()
        entries.update(self._fresh)
        self._fresh = {}
        keep = {k: entries[k] for k in set(live) if k in entries}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(keep, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)
        self._entries = keep
        stat = os.stat(self.path)
        _IN_MEMORY.clear()             # one site per process is the common case: keep one
        _IN_MEMORY[str(self.path)] = _Loaded((stat.st_ino, stat.st_size, stat.st_mtime_ns), keep)
