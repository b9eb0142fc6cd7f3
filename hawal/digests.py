"""Content digests that key caches and output files: same inputs, same digest, across processes."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path


def digest(*parts) -> str:
    """Digest of small values (their repr): strings, numbers, dates and tuples of them."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def text_digest(*parts: str | None) -> str:
    """Digest of a sequence of strings (None allowed); much faster than `digest` on long text."""
    joined = "\0".join("\1" if part is None else part for part in parts)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def tree_digest(*folders: Path, pattern: str = "*") -> str:
    """Digest of every file matching `pattern` under some folders (templates, catalogs, code)."""
    h = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of hawal's own code: any edit to it may change any output, so it is part of every key."""
    return tree_digest(Path(__file__).resolve().parent, pattern="*.py")
