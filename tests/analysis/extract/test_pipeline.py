"""The extraction pipeline: intervention-specific extractors run only where the intervention is named."""

from __future__ import annotations

import pytest

from ketamine_evidence.analysis import extract as pipeline
from ketamine_evidence.analysis.extract import extract_findings
from ketamine_evidence.analysis.parse import parse_file
from tests.conftest import PMC_KETAMINE


def _article():
    return next(parse_file(PMC_KETAMINE / "PMC3172326.nxml"))  # an intravenous ketamine trial


@pytest.mark.parametrize("module", sorted(pipeline.INTERVENTION_SPECIFIC, key=lambda m: m.NAME))
def test_intervention_specific_extractors_are_skipped_where_it_is_not_named(module, monkeypatch):
    def refuse(ctx):
        raise AssertionError(f"{module.NAME} ran for an article that never names {ctx.intervention.name}")

    monkeypatch.setattr(module, "extract", refuse)
    findings = extract_findings(_article(), "acupuncture")
    assert {f.field for f in findings} >= {"design", "relevant"}  # the others still run


def test_the_same_extractors_run_where_it_is_named():
    fields = {f.field for f in extract_findings(_article(), "ketamine")}
    assert {"routes", "dose_mg_per_kg", "pain_effect"} <= fields


def test_the_plan_lists_every_extractor_in_order_with_its_own_checks():
    assert [m for m, _, _ in pipeline._PLAN] == list(pipeline.EXTRACTORS)
    for module, specific, named_in_part in pipeline._PLAN:
        assert specific == (module in pipeline.INTERVENTION_SPECIFIC)
        assert named_in_part is getattr(module, "named_in_part", None)
