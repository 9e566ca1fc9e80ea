"""The treated condition, read once by the conditions extractor, is no adverse event (arms13, round 13;
analysis/extract/event_conditions.py, used by ``adverse_events._topic_terms``). Texts are dev abstracts: pool dev
PMC2784472 (gold conditions other, adverse_events []), batch 6 PMC4630743 (gold conditions postoperative_acute,
adverse_events ['other'])."""

from __future__ import annotations

from ketamine_evidence.analysis.extract import extract_findings, make_context
from ketamine_evidence.analysis.extract import adverse_events
from ketamine_evidence.analysis.extract.event_conditions import condition_terms
from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.records import Article, Section

GAS = "Bacillus coagulans probiotic dietary supplement (GanedenBC30)"
GAS_TITLE = ("A prospective, randomized, double-blind, placebo-controlled parallel-group dual site trial to evaluate the "
             "effects of a Bacillus coagulans-based product on functional intestinal gas symptoms")
GAS_ABSTRACT = [
    ("Background", "This randomized double blind placebo controlled dual site clinical trial compared a probiotic dietary "
     "supplement to placebo regarding effects on gastrointestinal symptoms in adults with post-prandial intestinal "
     "gas-related symptoms (abdominal pain, distention, flatulence) but no gastrointestinal (GI) diagnoses to explain "
     "the symptoms."),
    ("Methods", "Outcome criteria of interest included change from baseline in Gastrointestinal Symptom Rating Scale "
     "(GSRS) abdominal pain, abdominal distention, flatus, and the Severity of Dyspepsia Assessment (SODA) bloating and "
     "gas subscores over four weeks of product use."),
    ("Results", "Measured against the placebo, subjects in the probiotic group achieved significant improvements in GSRS "
     "abdominal pain subscore (p = 0.046) and the GSRS total score (p = 0.048), with a strong trend for improvement on "
     "the GSRS abdominal distension subscore (p = 0.061)."),
]

MISOPROSTOL = "vaginal misoprostol 400 ug for cervical priming"
MISOPROSTOL_TITLE = ("Effect of misoprostol for cervical priming before gynecological procedures on nonpregnant "
                     "premenopausal women")
MISOPROSTOL_RESULTS = (
    "The mean cervical dilatation was significantly higher (P < 0.0001) in misoprostol compared to placebo group (4.6 ± "
    "0.96 mm vs. 3.6 ± 0.82 mm), benefit were also observed on secondary outcome measures which were need for further "
    "dilatation, time taken for further dilatation, ease of dilatation, subjective assessment of pain by visual analog "
    "scale. Only 3.61% patients complained of intolerable pain during dilatation in the study group while in control "
    "group 48.74% complained of intolerable pain and required anesthesia. Most common side effects of misoprostol were "
    "abdominal pain and mild vaginal bleeding.")


def _context(title: str, sections: list[tuple[str, str]], name: str):  # type: ignore[no-untyped-def]
    art = Article(pmid="1", pmcid=None, doi=None, title=title, abstract=[Section(l, l, t) for l, t in sections])
    iv = resolve_intervention(name)
    findings = extract_findings(art, iv)
    ctx = make_context(art, iv)
    ctx.earlier = lambda field: [f for f in findings if f.field == field]  # type: ignore[method-assign]
    return ctx, findings


def _terms(ctx) -> set[str]:  # type: ignore[no-untyped-def]
    return condition_terms(ctx.earlier("conditions"),
                           lambda t, s, e: adverse_events._caused_by(t, s, e, ctx.intervention.pattern),
                           adverse_events._stem)


def test_the_pain_a_trial_measures_is_its_condition() -> None:
    """The GSRS 'abdominal pain' the conditions reader ties the trial to is its outcome, not a harm."""
    ctx, findings = _context(GAS_TITLE, GAS_ABSTRACT, GAS)
    assert [f.value for f in findings if f.field == "conditions"] == ["other"]
    assert _terms(ctx) == {"other:abdom pain"}
    assert "other:abdom pain" in adverse_events._topic_terms(ctx)
    assert not [f for f in findings if f.field == "adverse_events"]


def test_a_side_effect_sentence_names_no_condition() -> None:
    """'Most common side effects of misoprostol were abdominal pain ...': the sentence blames the treatment; the
    abdominal pain stays an adverse event even though the trial studies procedural pain (gold ['other'])."""
    ctx, findings = _context(MISOPROSTOL_TITLE, [("Results", MISOPROSTOL_RESULTS)], MISOPROSTOL)
    assert "other:abdom pain" not in _terms(ctx)
    assert [f.value for f in findings if f.field == "adverse_events"] == ["other"]
