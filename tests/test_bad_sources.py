"""The build reports every bad source at once, one `path:line: message` line each."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "data" / "sources"


def expected_cases() -> list[tuple[str, str, int, str]]:
    """(case, file, line, message fragment) rows from the table in the cases' README."""
    rows = []
    for line in (CASES / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([\w-]+)` \| `([^`]+)` \| (\d+) \| `(.+?)` \|", line)
        if m:
            rows.append((m[1], m[2], int(m[3]), m[4]))
    return rows


def test_every_case_folder_is_described():
    described = {case for case, *_ in expected_cases()}
    folders = {p.name for p in CASES.iterdir() if p.is_dir()} - {"html-injection"}
    assert described == folders and len(described) >= 13


def test_build_lists_all_bad_sources_and_writes_nothing(make_project):
    config = make_project({})
    for case in [p for p in CASES.iterdir() if p.is_dir() and p.name != "html-injection"]:
        shutil.copytree(case, config.content_dir / case.name)
    proc = subprocess.run([sys.executable, str(REPO / "build.py"), "--config", str(config.root / "config.yaml"), "build"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 1
    lines = [l for l in proc.stderr.splitlines() if l.startswith("content/")]
    for case, file, line, fragment in expected_cases():
        prefix = f"content/{case}/{file}:{line}: "
        matching = [l for l in lines if l.startswith(prefix)]
        assert len(matching) == 1 and fragment in matching[0], (prefix, fragment, lines)
    assert len(lines) == len(expected_cases())
    assert "left untouched" in proc.stderr
    assert not config.output_dir.exists()
