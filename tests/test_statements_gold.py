"""Regression on the statements gold set: recall with the right speaker, precision and direct quotes
with the right speaker, per language, over every split (development articles, the blind held-out
rounds and the construction suite)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from statements_gold import (  # noqa: E402
    GOLD_DIR, HELDOUT2_DIR, HELDOUT3_DIR, HELDOUT4_DIR, HELDOUT5_DIR, HELDOUT6_DIR, HELDOUT7_DIR, HELDOUT8_DIR,
    HELDOUT9_DIR, HELDOUT_DIR,
    LANGS, SPLITS,
    evaluate, load_gold, report,
)

from hawal.statements import extract_statements  # noqa: E402

BAR = 0.90


@pytest.fixture(scope="module")
def results():
    """Scores on the whole gold set: development articles, held-out rounds and constructions."""
    return evaluate(extract_statements)


def _article_langs(split=None):
    return [seg.article.lang for seg, gold in load_gold(split) if not seg.article.path.startswith("constructions/")]


def test_gold_set_has_at_least_six_annotated_articles_per_language():
    langs = [lang for split in SPLITS if split != "constructions" for lang in _article_langs(split)]
    for lang in LANGS:
        assert langs.count(lang) >= 6, lang
    for folder in (GOLD_DIR, HELDOUT_DIR, HELDOUT2_DIR, HELDOUT3_DIR, HELDOUT4_DIR, HELDOUT5_DIR, HELDOUT6_DIR,
                   HELDOUT7_DIR, HELDOUT8_DIR, HELDOUT9_DIR):
        assert all(p.with_suffix(".yaml").exists() for p in folder.glob("*.md") if p.name != "README.md")


@pytest.mark.parametrize("split, least", [("heldout", 3), ("heldout2", 3), ("heldout3", 3), ("heldout4", 2),
                                          ("heldout5", 7), ("heldout6", 6), ("heldout7", 2),
                                          ("heldout8", 10), ("heldout9", 10)])
def test_heldout_splits_have_articles_in_every_language(split, least):
    langs = _article_langs(split)
    for lang in ("en", "ar", "ckb"):
        assert langs.count(lang) >= least, lang


def test_print_figures_per_split_and_language():
    figures = report(extract_statements)
    print("\n" + figures)
    lines = figures.splitlines()
    assert all("recall-with-speaker" in ln and "precision" in ln and "direct-with-speaker" in ln for ln in lines)
    for lang in LANGS:
        assert any(ln.startswith("full") and f" {lang} " in ln for ln in lines), lang
    assert len({ln.split()[0] for ln in lines}) == len(SPLITS) + 1


@pytest.mark.parametrize("lang", LANGS)
def test_recall_with_correct_speaker_and_precision_meet_the_bar(results, lang):
    scores, misses = results
    s = scores[lang]
    figures = (f"{lang}: recall-with-speaker {s.recall:.3f} ({s.found_right_speaker}/{s.gold}), "
               f"precision {s.precision:.3f} ({s.correct_predictions}/{s.predicted}), "
               f"direct-with-speaker {s.direct_recall:.3f} ({s.direct_found}/{s.direct_gold}), "
               f"kind agreement {s.right_kind}/{s.found_right_speaker}")
    print("\n" + figures)
    detail = "\n".join(misses[lang])
    assert s.recall >= BAR and s.precision >= BAR and s.direct_recall >= BAR, f"{figures}\n{detail}"


def test_kind_agrees_with_annotation_for_most_found_statements(results):
    scores, _ = results
    for lang, s in scores.items():
        assert s.right_kind >= 0.85 * s.found_right_speaker, lang
