"""The report's rules on small inline tables: flow counts, certainty, claims, side effects, evidence tables."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis.report.certainty import Domains, grade
from ketamine_evidence.analysis.report.claims import RULES, check_claims, load_claims
from ketamine_evidence.analysis.report.evidence_tables import evidence_tables, included_studies
from ketamine_evidence.analysis.report.prisma import prisma_flow
from ketamine_evidence.analysis.report.side_effects import summarise_events
from ketamine_evidence.analysis.report.values import days_text, split_list
from tests.analysis.report.conftest import make_tables


def test_flow_counts_each_record_once(small_tables):
    flow = prisma_flow(small_tables.studies)
    assert flow.identified == 5
    assert flow.removed.by_decider == {"machine": [("duplicate", 1)]}     # removed before screening
    assert flow.screened == 4
    assert flow.screening_excluded.merged == [("not pain", 1)]
    assert (flow.sought, flow.assessed, flow.eligibility_excluded.total, flow.included) == (3, 3, 0, 3)
    assert flow.not_retrieved == 3          # the small tables have no full texts: assessed on abstracts
    assert dict(flow.included_by_design) == {"RCT": 2, "retrospective observational": 1}
    assert flow.consistent and flow.deciders == ["machine"]


def test_flow_keeps_reviewer_decisions_apart(small_tables):
    studies = small_tables.studies.assign(decided_by=None, decision_stage=None)
    studies.loc[studies["study_id"] == "s3", ["included", "exclusion_reason", "decided_by"]] = \
        [False, "no control group", "human"]
    studies.loc[studies["study_id"] == "s4", ["decided_by", "decision_stage"]] = ["Human", "screening"]
    flow = prisma_flow(studies)
    assert flow.screening_excluded.by_decider == {"human": [("not pain", 1)]}
    assert flow.eligibility_excluded.by_decider == {"human": [("no control group", 1)]}
    assert flow.eligibility_excluded.count("machine") == 0 and flow.removed.count("machine") == 1
    assert (flow.sought, flow.assessed, flow.included) == (3, 3, 2)
    assert flow.consistent and flow.deciders == ["machine", "human"]


def test_flow_of_empty_tables():
    flow = prisma_flow(make_tables([]).studies)
    assert (flow.identified, flow.included, flow.sources) == (0, 0, [])
    assert flow.consistent


def test_flow_sources_come_from_the_run_log(small_tables):
    from ketamine_evidence.harvest.store import RunInfo

    def run(id_: int, source: str, started: str, query: str | None) -> RunInfo:
        return RunInfo(id_, started, started, source, query, "ok", [], 0, 0, 0, 0, 0, None)

    studies = small_tables.studies.assign(first_run=[1, 1, 2, 3, 3], source_format="pubmed")
    runs = [run(1, "pubmed", "2026-11-02T10:00:00Z", "ketamine AND pain"), run(2, "snapshot", "2026-11-03T09:00:00Z", None),
            run(3, "pubmed", "2026-12-01T08:00:00Z", "ketamine AND pain")]
    sources = {s.name: s for s in prisma_flow(studies, runs).sources}
    pubmed = sources["PubMed (NCBI E-utilities)"]
    assert (pubmed.records, pubmed.dates, pubmed.query) == (4, "searched 2026-11-02 to 2026-12-01", "ketamine AND pain")
    assert pubmed.formats == [("PubMed citations", 4)]
    assert sources["Bundled offline snapshot"].dates == "loaded 2026-11-03"
    without_store = prisma_flow(small_tables.studies).sources
    assert [(s.name, s.dates, s.records) for s in without_store] == [
        ("records with no harvest run in the store", "date not in the store", 5)]


@pytest.mark.parametrize("domains, rating", [
    (Domains(3, 0, 500, blinded=3), "moderate"),                        # RCTs start at moderate (capped)
    (Domains(3, 0, 500, blinded=1), "low"),                             # risk of bias: blinding rarely stated
    (Domains(3, 0, 120, blinded=3), "low"),                             # imprecision: few participants
    (Domains(3, 0, 120, blinded=3, agreement=0.5), "very low"),         # and inconsistency
    (Domains(3, 0, 900, blinded=3, i2=80.0), "low"),                    # inconsistency from I²
    (Domains(3, 0, 900, blinded=3, agreement=0.8, i2=40.0), "moderate"),
    (Domains(1, 2, 900, blinded=1), "low"),                             # a single RCT is imprecise
    (Domains(3, 0, 900, blinded=3, ci_includes_null=True), "low"),      # the CI includes no effect
    (Domains(3, 0, 120, blinded=3, ci_includes_null=True), "low"),      # two reasons for imprecision: one level
    (Domains(3, 0, 900, blinded=3, comparative=False), "low"),          # treated group only: indirect
    (Domains(12, 0, 2000, blinded=12, trials_with_data=12, egger_p=0.01), "low"),   # publication bias
    (Domains(12, 0, 2000, blinded=12, trials_with_data=12, egger_p=0.40), "moderate"),
    (Domains(0, 2, 0), "low"),
    (Domains(0, 0, 0), "very low"),
])
def test_certainty_rule(domains, rating):
    assert grade(domains).rating == rating


def test_certainty_says_which_domains_it_could_not_judge():
    few = grade(Domains(3, 0, 900, blinded=3, trials_with_data=3, egger_p=None))
    assert dict(few.judged)["publication bias"] == "not assessed: 3 trials with effect data (needs 10)"
    assert any("indirectness" in text for text in few.not_judged)
    assert any("allocation concealment" in text for text in few.not_judged)


def test_every_claim_names_a_known_rule():
    claims = load_claims()
    assert claims and all(c["rule"] in RULES for c in claims)
    assert all({"id", "text", "verdict", "supported_share"} <= set(c) for c in claims)


def test_claims_are_computed_from_the_tables(small_tables):
    claims = [{**c, "min_studies": 1} for c in load_claims()]
    checks = {c.id: c for c in check_claims(included_studies(small_tables.studies), "ketamine", claims)}
    weeks = checks["relief_lasts_weeks"]
    assert (weeks.hits, weeks.base) == (1, 3)          # 84 days of 84, 0, 1
    assert weeks.verdict == "not borne out"
    assert [b.supports for b in weeks.studies] == [True, False, False]
    few = checks["few_side_effects"]
    assert (few.hits, few.base) == (1, 3)               # s1-s3 report on adverse events; hallucinations in s1
    chronic = checks["works_for_chronic_pain"]
    assert (chronic.hits, chronic.base) == (1, 2)       # RCTs s1 improved, s2 no difference
    assert chronic.verdict == "borne out"


def test_claims_without_data_say_so():
    tables = make_tables([{"study_id": "a", "design": "case_report"}])
    checks = check_claims(included_studies(tables.studies), "ketamine")
    verdicts = {c.id: c.verdict for c in checks}
    cannot = "the store cannot answer"
    assert verdicts == {"relief_lasts_weeks": cannot, "few_side_effects": cannot,
                        "works_for_chronic_pain": cannot}     # silence about harms is not 'few side effects'
    assert checks[0].finding.startswith("No included study in chronic pain conditions states how long relief lasted. "
                                        "The store cannot answer this claim")
    assert "not evidence against (or for) the claim" in checks[0].finding


def test_claim_text_names_the_intervention(small_tables):
    checks = check_claims(included_studies(small_tables.studies), "lidocaine")
    assert all("lidocaine" in c.claim.lower() for c in checks)


def test_side_effects_share_and_pooled_incidence_skip_control_arms(small_tables):
    events = {e.event: e for e in summarise_events(included_studies(small_tables.studies),
                                                   small_tables.adverse_events)}
    nausea = events["nausea"]
    assert nausea.studies == 2 and nausea.share == pytest.approx(2 / 3)
    assert (nausea.count, nausea.n, nausea.counted_studies) == (26, 230, 2)   # placebo arm 2/30 left out
    assert events["hallucinations"].pooled_incidence is None
    assert events["serious_adverse_events"].negated == 1


def test_evidence_tables_group_by_condition_with_quotes(small_tables):
    tables = {t.condition: t for t in evidence_tables(small_tables.studies, small_tables.findings)}
    assert list(tables) == ["crps", "neuropathic"]
    crps_ids = [r.study_id for r in tables["crps"].rows]
    assert sorted(crps_ids) == ["s1", "s2"]                # duplicate s5 and excluded s4 are left out
    s1 = next(r for r in tables["crps"].rows if r.study_id == "s1")
    assert s1.cells["n"].text == "60"
    assert s1.cells["n"].quotes[0].text == "Sixty patients were randomised."
    assert s1.cells["regimen"].text == "0.35 mg/kg/h infusion; intravenous"
    assert s1.cells["relief"].text == "12 weeks"
    assert [q.values for q in s1.cells["adverse"].quotes] == [("adverse events = nausea",)]
    assert s1.intervention == "ketamine"


@pytest.mark.parametrize("days, text", [(0, "none"), (0.25, "6 h"), (1, "1 day"), (3, "3 days"),
                                        (14, "2 weeks"), (30, "1 month"), (84, "12 weeks"), (90, "3 months"),
                                        (45, "45 days"), (100, "3.3 months")])
def test_days_text(days, text):
    assert days_text(days) == text


def test_split_list_handles_nulls():
    assert split_list(None) == [] and split_list(float("nan")) == [] and split_list("a; b;") == ["a", "b"]


def test_studies_silent_on_harms_do_not_count_as_few_side_effects():
    tables = make_tables([{"study_id": "a", "adverse_events": "hallucinations"},
                          {"study_id": "b"}, {"study_id": "c"}, {"study_id": "d"}, {"study_id": "e"}])
    claims = [{**c, "min_studies": 1} for c in load_claims()]
    few = next(c for c in check_claims(included_studies(tables.studies), "ketamine", claims)
               if c.id == "few_side_effects")
    assert (few.hits, few.base, few.verdict) == (1, 1, "not borne out")
    assert "4 of 5 included studies say nothing about adverse events" in few.finding


def test_no_verdict_below_the_minimum_number_of_studies(small_tables):
    checks = check_claims(included_studies(small_tables.studies), "ketamine")   # 2-3 studies per claim
    assert {c.verdict for c in checks} == {"too few studies"}
    assert all("no verdict below 5 studies" in c.verdict_rule for c in checks)


def test_retracted_and_missing_studies_are_flagged_in_the_evidence_table():
    tables = make_tables([{"study_id": "a", "conditions": "crps", "retracted": True},
                          {"study_id": "b", "conditions": "crps", "missing": True},
                          {"study_id": "c", "conditions": "crps"}])
    rows = {r.study_id: r for r in evidence_tables(tables.studies, tables.findings)[0].rows}
    assert (rows["a"].flags, rows["b"].flags, rows["c"].flags) == (["retracted"], ["no longer in PubMed"], [])


def test_effect_cell_shows_the_responder_rate_with_its_sentence():
    tables = make_tables([{"study_id": "a", "conditions": "crps", "pain_effect": "improved", "responder_rate_pct": 45.5}],
                         [{"study_id": "a", "field": "responder_rate_pct", "value": "45.5",
                           "evidence_text": "Of the ketamine group, 45.5% responded."}])
    cell = evidence_tables(tables.studies, tables.findings)[0].rows[0].cells["effect"]
    assert cell.text == "improved; 45.5% responders"
    assert [q.text for q in cell.quotes] == ["Of the ketamine group, 45.5% responded."]


def test_a_sentence_behind_several_values_is_quoted_once():
    sentence = "Ketamine 0.5 mg/kg was given intravenously."
    tables = make_tables([{"study_id": "a", "conditions": "crps", "dose_mg_per_kg": 0.5, "routes": "intravenous"}],
                         [{"study_id": "a", "field": "dose_mg_per_kg", "value": "0.5", "evidence_text": sentence},
                          {"study_id": "a", "field": "routes", "value": "intravenous", "evidence_text": sentence}])
    cell = evidence_tables(tables.studies, tables.findings)[0].rows[0].cells["regimen"]
    assert [(q.text, q.values) for q in cell.quotes] == [
        (sentence, ("dose mg per kg = 0.5", "routes = intravenous"))]


def test_relief_claim_reads_chronic_conditions_and_still_shows_the_rest():
    tables = make_tables([{"study_id": "a", "conditions": "postoperative_acute", "relief_duration_days": 1},
                          {"study_id": "b", "conditions": "postoperative_acute", "relief_duration_days": 2}])
    weeks = check_claims(included_studies(tables.studies), "ketamine")[0]
    assert (weeks.id, weeks.verdict, weeks.base, weeks.studies) == ("relief_lasts_weeks", "the store cannot answer", 0, [])
    assert "Across all conditions, of 2 studies that state a duration, 0 of 2 (0%)" in weeks.finding
    assert "median stated duration is 1.5 days" in weeks.finding
