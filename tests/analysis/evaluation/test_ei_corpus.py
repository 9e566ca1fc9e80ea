"""Evidence Inference corpus reading: all-outcome prompts with clear majorities, evidence spans, blind articles left out."""

from __future__ import annotations

import json
import shutil

import pytest

from ketamine_evidence.analysis.evaluation import ei_corpus
from ketamine_evidence.analysis.evaluation import evidence_inference as ei
from ketamine_evidence.base.errors import InputError
from ketamine_evidence.cli import main
from tests.conftest import EVAL

ROOT = EVAL / "external" / "evidence_inference"
pytestmark = pytest.mark.skipif(not (ROOT / "prompts_merged.csv").is_file(), reason="shared corpus not present")


def test_all_outcomes_keep_clear_majorities_with_their_evidence() -> None:
    pain = ei_corpus.load_prompts(ROOT, "pain")
    every = ei_corpus.load_prompts(ROOT, "all")
    assert len(every) > len(pain)  # outcomes other than pain in the same 79 articles
    assert any(not ei_corpus.PAIN_OUTCOME.search(p.outcome) for p in every)
    assert all(p.label in ei_corpus.LABELS and p.evidence for p in every)
    spans = ei_corpus.load_prompts(ROOT, "all", require_article=False)
    assert len(spans) > 2000 and len({p.pmcid for p in spans}) > 800


def test_blind_articles_are_left_out() -> None:
    blind = ei_corpus.blind_pmcids()
    assert blind
    assert not blind & {p.pmcid for p in ei_corpus.load_prompts(ROOT, "all", require_article=False, exclude=blind)}


def test_evaluate_all_outcomes_on_a_corpus_dir_in_the_same_layout(tmp_path, capsys) -> None:
    pmcid = ei_corpus.load_prompts(ROOT, "all")[0].pmcid
    for name in ("prompts_merged.csv", "v2_annotations.csv"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "articles" / f"PMC{pmcid}.txt", tmp_path / "articles")
    assert main(["evaluate", "--external", "evidence-inference", "--outcomes", "all", "--corpus-dir", str(tmp_path),
                 "--json"]) == 0
    out = capsys.readouterr().out

    result = json.loads(out)
    expected = ei.evaluate_evidence_inference(tmp_path, outcomes="all")
    assert result["n"] == expected["n"] == len([p for p in ei_corpus.load_prompts(ROOT, "all") if p.pmcid == pmcid])
    assert result["accuracy"] == expected["accuracy"] and "macro_f1" in result


def test_jats_article_reads_as_the_corpus_text() -> None:
    """PMC1084341 ships as both .txt and .nxml: the abstract's results read the same from either."""
    from_txt = ei_corpus.article_sentences(ROOT / "articles" / "PMC1084341.txt")
    from_xml = ei_corpus.article_sentences(ROOT / "articles" / "PMC1084341.nxml")
    results = [s.text for s in from_txt if s.section == "ABSTRACT.RESULTS"]
    assert results and results == [s.text for s in from_xml if s.section == "ABSTRACT.RESULTS"]
    assert from_xml[0].section == "TITLE" and from_xml[0].abstract
    assert any(s.section.startswith("BODY.") and not s.abstract for s in from_xml)


def test_article_path_prefers_the_text_and_finds_jats_elsewhere(tmp_path) -> None:
    shutil.copy(ROOT / "articles" / "PMC1084341.nxml", tmp_path)
    assert ei_corpus.article_path("1084341", [ROOT / "articles", tmp_path]).suffix == ".txt"
    assert ei_corpus.article_path("1084341", [tmp_path]) == tmp_path / "PMC1084341.nxml"
    assert ei_corpus.article_path("1084341", []) is None


def test_evaluate_reads_a_jats_only_article(tmp_path) -> None:
    pmcid = ei_corpus.load_prompts(ROOT, "all")[0].pmcid
    for name in ("prompts_merged.csv", "v2_annotations.csv"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "articles" / f"PMC{pmcid}.nxml", tmp_path / "articles")
    result = ei.evaluate_evidence_inference(tmp_path, outcomes="all")
    assert result["n"] == len([p for p in ei_corpus.load_prompts(ROOT, "all") if p.pmcid == pmcid])


def test_held_articles_are_every_article_text_we_hold() -> None:
    """The 79 corpus articles, the 450 of the shared pain pool, the 21 chronic-pain and 29 ketamine articles:
    573 distinct PMCIDs (PMC1084341 is both a corpus article and a ketamine article)."""
    held = ei_corpus.held_pmcids(ROOT)
    assert "1084341" in held and "3354371" in held and len(held) == 573
    assert all(i.isdigit() for i in held)


def test_held_articles_need_every_folder(tmp_path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "PMC123.txt").write_text("x", encoding="utf-8")
    assert ei_corpus.held_pmcids(tmp_path, []) == {"123"}
    with pytest.raises(InputError, match="no such folder"):
        ei_corpus.held_pmcids(tmp_path, [tmp_path / "missing"])
