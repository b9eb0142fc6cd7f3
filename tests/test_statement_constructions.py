"""The construction suite (tests/data/statements/constructions/<lang>.yaml): one construction of real
published news per entry, in our own words, each a test of its own; and the failure kinds of issue 9
(1 Sorani cue coverage, 2 time and place phrases taken as speakers, 3 attribution inside or after the
sentence, 4 Arabic follow-on clauses, 5 unquoted speech over several sentences, 6 outlets taken as
speakers, 7 acts and appeals with a plain object, 8 span edges) each covered."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from statements_gold import Score, constructions, load_constructions, score_article  # noqa: E402

from hawal.statements import extract_statements  # noqa: E402

CASES = load_constructions()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c, _, _ in CASES])
def test_construction(case):
    construction, segmented, gold = case
    statements = extract_statements(segmented)
    score, misses = Score(), []
    score_article(statements, gold, score, misses)
    got = "\n".join(f"  {s.kind} {s.canonical_speaker!r} ({s.speaker!r}) cue={s.cue!r}: {s.text!r}" for s in statements)
    assert not misses, f"{construction.source}\n{construction.text}\n" + "\n".join(misses) + f"\nfound:\n{got}"
    assert score.right_kind == score.found_right_speaker, f"kinds differ:\n{got}"


def test_every_construction_names_its_source():
    for c in constructions():
        assert c.source.strip(), c.id
        assert c.id.startswith(f"{c.lang}-"), c.id


@pytest.mark.parametrize("kind, langs", [
    (1, ["ckb"]), (2, ["en", "ar", "ckb", "kmr"]), (3, ["en"]), (4, ["ar"]), (5, ["ckb"]),
    (6, ["en", "ar", "ckb"]), (7, ["en", "ar", "ckb", "kmr"]), (8, ["en", "ar", "kmr"]),
])
def test_each_failure_kind_of_issue_9_has_constructions(kind, langs):
    for lang in langs:
        tagged = [c for c in constructions(lang) if kind in c.failure]
        assert tagged, f"no {lang} construction tests failure kind {kind}"


def test_suite_has_at_least_forty_constructions_per_language():
    """A construction is one annotated statement of an entry, or an entry that must yield none."""
    for lang, floor in (("en", 40), ("ar", 40), ("ckb", 40), ("kmr", 20)):
        entries = constructions(lang)
        count = sum(max(1, len(c.statements)) for c in entries)
        assert count >= floor, (lang, count)
