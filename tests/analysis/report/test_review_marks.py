"""The report separates machine and person decisions and marks every evidence-table value checked or not."""

from __future__ import annotations

import pandas as pd

from ketamine_evidence.analysis.report import build_context
from ketamine_evidence.analysis.report.prisma import HUMAN, MACHINE, prisma_flow
from ketamine_evidence.analysis.report.render import render_html, render_markdown
from tests.analysis.report.conftest import build_small_tables


def reviewed_tables():
    t = build_small_tables()
    t.studies["reviewed"] = [None, "included;n_participants", None, "included", None]
    t.studies["changed_since_review"] = [False, True, False, False, False]
    t.studies.loc[t.studies["study_id"] == "s4", "exclusion_reason"] = "wrong population"
    t.reviews = pd.DataFrame([
        {"study_id": "s2", "field": "n_participants", "value": "40", "machine_value": "44", "reviewer": "Ann",
         "reason": "arms added", "applied": True},
        {"study_id": "s2", "field": "included", "value": "true", "machine_value": "false", "reviewer": "Bob",
         "reason": None, "applied": True},
    ])
    return t


def test_flow_counts_person_and_machine_apart():
    flow = prisma_flow(reviewed_tables().studies)
    assert (flow.included, flow.included_by_human) == (3, 1)
    assert flow.eligibility_excluded.by_decider == {HUMAN: [("wrong population", 1)]}
    assert flow.removed.by_decider == {MACHINE: [("duplicate", 1)]} and flow.consistent
    assert flow.values_checked == 1 and flow.changed_since_review == 1


def test_values_show_who_checked_them():
    context = build_context(reviewed_tables(), generated="now")
    rows = {r.study_id: r for t in context["condition_tables"] for r in t.rows}
    assert rows["s2"].cells["n"].review == "n participants checked by Ann (why: arms added; machine: 44)"
    assert rows["s1"].cells["n"].review is None and "changed since review" in rows["s2"].flags
    html, md = render_html(context), render_markdown(context)
    assert "not checked by a person" in html and "1 values checked by a person" in html
    assert "Inclusions: 2 by the rules (machine), 1 by a person" in html and "✓ n participants checked by Ann" in md
