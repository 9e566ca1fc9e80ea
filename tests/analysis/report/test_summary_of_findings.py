"""Summary of findings per outcome, the PRISMA diagram as SVG, open-ended relief, Markdown escaping."""

from __future__ import annotations

import math

from lxml import etree

from ketamine_evidence.analysis.report import build_context, build_report
from ketamine_evidence.analysis.report.evidence_tables import evidence_tables, included_studies
from ketamine_evidence.analysis.report.prisma import prisma_flow
from ketamine_evidence.analysis.report.render import md_escape, render_markdown, render_prisma_svg
from ketamine_evidence.analysis.report.summary_of_findings import summary_of_findings
from ketamine_evidence.analysis.synthesis.effect_sizes import log_risk_ratio
from ketamine_evidence.analysis.synthesis.meta_analysis import meta_analyse
from tests.analysis.report.conftest import build_small_tables, make_tables

SVG = "{http://www.w3.org/2000/svg}"


def _responders(sid: str, arm: str, events: int, n: int) -> dict:
    return {"study_id": sid, "field": "responders", "value": str(events), "arm": arm,
            "detail": {"arm": arm, "events": events, "n": n, "threshold": "50%"},
            "evidence_text": f"{events} of {n} responded with {arm}.", "evidence_start": 0}


def _summary(tables):
    return {o.key: o for o in summary_of_findings(included_studies(tables.studies), tables.findings,
                                                   tables.adverse_events, "ketamine")}


def test_outcomes_no_study_reports_say_the_store_cannot_answer(small_tables):
    rows = _summary(small_tables)
    assert list(rows) == ["pain", "responders", "relief", "adverse"]
    assert rows["responders"].cannot_answer == ("The store cannot answer this: no included study reports how many "
                                                "participants responded.")
    assert rows["responders"].certainty is None
    pain = rows["pain"]                          # s1 improved, s2 no difference (RCTs), s3 improved (cohort)
    assert (pain.n_studies, pain.n_rcts, pain.participants) == (3, 2, 300)
    assert pain.effect.startswith("no effect size extractable")
    assert "improved 1, no difference 1" in pain.effect
    assert pain.certainty.rating == "very low"   # blinding not stated, directions split, 100 participants


def test_responders_give_a_risk_ratio_and_events_per_1000():
    tables = make_tables(
        [{"study_id": "a", "title": "A randomised double-blind trial", "n_participants": 40},
         {"study_id": "b", "title": "A double-blind placebo-controlled trial", "n_participants": 40}],
        [_responders("a", "ketamine", 12, 20), _responders("a", "placebo", 5, 20),
         _responders("b", "ketamine", 10, 20), _responders("b", "placebo", 6, 20)])
    row = _summary(tables)["responders"]
    assert (row.n_studies, row.n_rcts, row.participants) == (2, 2, 80)
    assert row.effect.startswith("RR ") and row.effect.endswith(", 2 RCTs")
    # control risks 5/20 and 6/20: median 0.275 -> 275 per 1000 with control
    assert row.absolute.startswith("275 per 1000 with control; ")
    (ya, va), (yb, vb) = log_risk_ratio(12, 20, 5, 20), log_risk_ratio(10, 20, 6, 20)
    pooled = meta_analyse([ya, yb], [va, vb], method="REML", hartung_knapp=True)
    assert row.effect.startswith(f"RR {math.exp(pooled.estimate):.2f} (95% CI {math.exp(pooled.ci_low):.2f} to ")
    more = round(0.275 * (math.exp(pooled.estimate) - 1) * 1000)
    assert f"{more} more per 1000 with the intervention" in row.absolute
    judged = dict(row.certainty.judged)
    assert judged["risk of bias"].startswith("not serious by the proxy: 2 of 2 RCTs state blinding")


def test_adverse_events_with_counts_in_both_arms_give_a_risk_difference(small_tables):
    row = _summary(small_tables)["adverse"]
    # s1 counts nausea 6/30 with ketamine and 2/30 with placebo: RD = 0.1333 -> 133 more per 1000
    assert row.absolute.startswith("nausea: 133 more per 1000 with the intervention (from ")
    assert row.absolute.endswith("1 study with counts in both arms")
    assert "imprecision" in dict(row.certainty.judged)


def test_relief_to_the_last_follow_up_is_a_lower_bound(tmp_path):
    tables = make_tables([
        {"study_id": "a", "conditions": "crps", "relief_duration_days": 84, "follow_up_days": 84,
         "n_participants": 20},
        {"study_id": "b", "conditions": "crps", "relief_duration_days": 7, "follow_up_days": 90,
         "n_participants": 20},
        {"study_id": "c", "conditions": "crps", "relief_duration_days": 0, "follow_up_days": 0}])
    cells = {r.study_id: r.cells["relief"].text for r in evidence_tables(tables.studies, tables.findings)[0].rows}
    assert cells == {"a": "≥ 12 weeks (still present at the last follow-up)", "b": "7 days (follow-up 3 months)",
                     "c": "none (follow-up none)"}
    context = build_context(tables)
    assert context["relief_open_ended"] == 1
    assert "1 lasted to the last follow-up (at least that long)" in context["relief_chart"].alt
    relief = next(o for o in context["summary"] if o.key == "relief")
    assert "1 lasted to the last follow-up (≥: a lower bound)" in relief.effect
    assert dict(relief.certainty.judged)["indirectness"].startswith("serious: no comparison with a control group")
    claim = next(c for c in context["claims"] if c.id == "relief_lasts_weeks")
    assert "1 of the durations are lower bounds" in claim.finding
    assert any(b.value.startswith("≥ 12 weeks") for b in claim.studies)
    md = build_report(tables, tmp_path).markdown.read_text(encoding="utf-8")
    assert "≥ 12 weeks (still present at the last follow-up)" in md


def test_prisma_svg_is_well_formed_and_escapes_record_text(small_tables):
    studies = small_tables.studies.copy()
    studies.loc[studies["study_id"] == "s4", "exclusion_reason"] = "<script>alert(1)</script> & more"
    svg = str(render_prisma_svg(prisma_flow(studies)))
    root = etree.fromstring(svg.encode("utf-8"))                 # parses: well-formed XML
    assert root.tag == f"{SVG}svg" and not root.findall(f".//{SVG}script")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script> & more (n = 1)" in texts   # shown as text, escaped in the source
    assert "&lt;script&gt;" in svg
    for box in ("Records identified from:", "Records screened (n = 4)", "Reports sought for retrieval (n = 3)",
                "Full texts not retrieved (n = 3)", "Reports assessed for eligibility (n = 3)",
                "Studies included in review (n = 3)", "Records removed before screening (n = 1):", "duplicate (n = 1)"):
        assert box in texts
    assert {t.text for t in root.iter(f"{SVG}text") if t.get("transform")} == {"Identification", "Screening",
                                                                               "Included"}
    assert len(root.findall(f".//{SVG}line")) == 8               # 4 down the main path, 4 to the side boxes


def test_markdown_escapes_every_record_text():
    tables = build_small_tables()
    tables.studies.loc[0, "pmid"] = "123](javascript:alert(1))"
    tables.studies.loc[0, "title"] = "*Bold* _trial_ `code` <b>x</b> [link](http://example.org) # not a heading"
    tables.studies.loc[0, "intervention"] = "keta_mine*"
    md = render_markdown(build_context(tables))
    assert md_escape(tables.studies.loc[0, "title"]) in md
    assert r"\*Bold\* \_trial\_ \`code\` \<b\>x\</b\> \[link\](http://example.org) \# not a heading" in md
    assert "[PMID 123\\](javascript:alert(1))](https://pubmed.ncbi.nlm.nih.gov/123%5D%28javascript:alert%281%29%29/)" in md
    assert "keta\\_mine\\*" in md and "keta_mine*" not in md.replace("keta\\_mine\\*", "")
    assert md_escape(md_escape("a_b")) == r"a\_b"               # escaping twice does not double the backslashes
