"""n_participants of pooled analyses (additions rule d): the sum of the arm counts, from the dev abstracts."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.extract import design, make_context, participants
from ketamine_evidence.analysis.extract.participants_pooled import pooled_count
from ketamine_evidence.analysis.records import Article, Section


def _article(title: str, *sentences: str) -> Article:
    return Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section("RESULTS", "RESULTS", " ".join(sentences))])


def _n(article: Article) -> int | None:
    ctx = make_context(article)
    ctx.findings.extend(design.extract(ctx))
    found = participants.extract(ctx)
    return found[0].value if found else None


def test_arm_counts_of_an_integrated_analysis_add_up() -> None:
    """Pool dev PMC3598551: the second arm's count has no people noun ('1,254 to comparators')."""
    article = _article("Safety and efficacy of pyronaridine-artesunate in uncomplicated acute malaria: an integrated "
                       "analysis of individual patient data from six randomized clinical trials",
                       "The safety population included 2,815 patients randomized to PA, 1,254 to comparators: "
                       "mefloquine + artesunate (MQ + AS), artemether-lumefantrine (AL), or chloroquine.")
    assert _n(article) == 4069


@pytest.mark.parametrize("count_sentence", [
    "A total of 823 patients were exposed",
    "Patients (n = 823) were exposed",  # the invariance rewrite 'count_bracket': the count in brackets after its noun
])
def test_pooled_studies_sum_every_arm(count_sentence: str) -> None:
    """Pool dev PMC3346068 (rule d's own example): 823 + 446 + 190, however the first count is written."""
    article = _article("Efficacy profile of liposome bupivacaine, a novel formulation of bupivacaine for postsurgical "
                       "analgesia",
                       "This analysis examined pooled efficacy data as reflected in cumulative pain scores from 10 "
                       "randomized, double-blind liposome bupivacaine clinical studies in which the study drug was "
                       "administered via local wound infiltration.",
                       f"{count_sentence} to liposome bupivacaine in 10 local wound infiltration "
                       "studies at doses ranging from 66 mg to 532 mg in five surgical settings; 446 patients received "
                       "bupivacaine HCl (dose: 75\u2013200 mg) and 190 received placebo.",
                       "Based on this integrated analysis of multiple efficacy measures, liposome bupivacaine appears to be "
                       "a potentially useful therapeutic option for prolonged reduction of postsurgical pain in soft "
                       "tissue and orthopedic surgeries.")
    assert _n(article) == 1459


def test_arms_given_only_as_rate_denominators() -> None:
    """Batch 5 dev PMC493273: an individual-patient meta-analysis of three trials gives its arms as '(4/49)'."""
    article = _article("Rofecoxib for dysmenorrhoea: meta-analysis using individual patient data",
                       "Individual patient information was available from three randomised, double blind, placebo and "
                       "active controlled trials of rofecoxib.",
                       "In the single-dose trial, the proportion of patients reporting any adverse effect was 8% (4/49) "
                       "with rofecoxib 50 mg, 12% (6/49) with ibuprofen 400 mg, and 6% (3/49) with placebo.",
                       "In the other two multiple dose trials, the proportion of patients reporting any adverse effect "
                       "was 23% (42/179) with rofecoxib 50 mg, 24% (45/181) with naproxen sodium 550 mg, and 18% (33/178) "
                       "with placebo.")
    assert _n(article) == 685


def test_a_single_trial_is_not_pooled() -> None:
    article = _article("Rofecoxib for dysmenorrhoea",
                       "In the single-dose trial, the proportion of patients reporting any adverse effect was 8% (4/49) "
                       "with rofecoxib 50 mg, 12% (6/49) with ibuprofen 400 mg, and 6% (3/49) with placebo.")
    assert pooled_count(make_context(article)) is None


def _count_pooled_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    real = design.pooled_analysis

    def counted(sentences, whole, lows):  # type: ignore[no-untyped-def]
        asked.append(whole)
        return real(sentences, whole, lows)

    monkeypatch.setattr(design, "pooled_analysis", counted)
    return asked


def test_pooled_analysis_is_asked_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pool dev PMC3598551: ``design`` asks, ``participants`` reads the kept answer (the sum is as before)."""
    asked = _count_pooled_calls(monkeypatch)
    test_arm_counts_of_an_integrated_analysis_add_up()
    assert len(asked) == 1


def test_pooled_analysis_is_asked_again_of_another_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch 5 dev PMC493273 with a Unicode hyphen ('double\u2010blind'): ``design`` reads the plain-hyphen copy,
    ``participants`` the article's text, so each is asked of its own text and the kept answer is not shared."""
    asked = _count_pooled_calls(monkeypatch)
    article = _article("Rofecoxib for dysmenorrhoea: meta-analysis using individual patient data",
                       "Individual patient information was available from three randomised, double\u2010blind, placebo "
                       "and active controlled trials of rofecoxib.",
                       "In the single-dose trial, the proportion of patients reporting any adverse effect was 8% (4/49) "
                       "with rofecoxib 50 mg, 12% (6/49) with ibuprofen 400 mg, and 6% (3/49) with placebo.",
                       "In the other two multiple dose trials, the proportion of patients reporting any adverse effect "
                       "was 23% (42/179) with rofecoxib 50 mg, 24% (45/181) with naproxen sodium 550 mg, and 18% (33/178) "
                       "with placebo.")
    n = _n(article)
    assert len(asked) == 2 and asked[0] != asked[1]
    assert n == 685
