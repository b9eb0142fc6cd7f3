"""Regression on the statements gold set: recall with the right speaker and precision per language."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from statements_gold import GOLD_DIR, HELDOUT2_DIR, HELDOUT_DIR, SPLITS, evaluate, load_gold, report  # noqa: E402

from hawal.statements import extract_statements  # noqa: E402

BAR = 0.85


@pytest.fixture(scope="module")
def results():
    """Scores on the full gold set: the dev articles and both held-out rounds."""
    return evaluate(extract_statements)


def test_gold_set_has_at_least_six_annotated_articles_per_language():
    langs = [seg.article.lang for seg, gold in load_gold() if gold is not None]
    for lang in ("en", "ar", "ckb"):
        assert langs.count(lang) >= 6, lang
    assert all(p.with_suffix(".yaml").exists() for p in GOLD_DIR.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("split, folder", [("heldout", HELDOUT_DIR), ("heldout2", HELDOUT2_DIR)])
def test_heldout_split_has_at_least_three_annotated_articles_per_language(split, folder):
    langs = [seg.article.lang for seg, gold in load_gold(split) if gold]
    for lang in ("en", "ar", "ckb"):
        assert langs.count(lang) >= 3, lang
    assert all(p.with_suffix(".yaml").exists() for p in folder.glob("*.md"))


def test_print_figures_per_split_and_language():
    figures = report(extract_statements)
    print("\n" + figures)
    assert figures.count("recall-with-speaker") == 3 * (len(SPLITS) + 1)


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_recall_with_correct_speaker_and_precision_meet_the_bar(results, lang):
    scores, misses = results
    s = scores[lang]
    figures = (f"{lang}: recall-with-speaker {s.recall:.3f} ({s.found_right_speaker}/{s.gold}), "
               f"precision {s.precision:.3f} ({s.correct_predictions}/{s.predicted}), "
               f"kind agreement {s.right_kind}/{s.found_right_speaker}")
    print("\n" + figures)
    detail = "\n".join(misses[lang])
    assert s.recall >= BAR and s.precision >= BAR, f"{figures}\n{detail}"


def test_kind_agrees_with_annotation_for_most_found_statements(results):
    scores, _ = results
    for lang, s in scores.items():
        assert s.right_kind >= 0.85 * s.found_right_speaker, lang
