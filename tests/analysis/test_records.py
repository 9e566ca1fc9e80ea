"""``StudyRecord.to_gold`` is ``asdict``'s copy of the record, made without ``copy.deepcopy``."""

from __future__ import annotations

import dataclasses
import json

from ketamine_evidence.analysis.extract import extract_article
from ketamine_evidence.analysis.parse import iter_input
from ketamine_evidence.analysis.records import StudyRecord
from tests.conftest import PMC_KETAMINE


def test_to_gold_is_asdict_on_the_ketamine_dev_articles() -> None:
    records = [extract_article(a, "ketamine")[0] for a in iter_input(PMC_KETAMINE)]
    assert sum(bool(r.evidence) for r in records) > 10
    for r in records:
        gold = r.to_gold()
        assert gold == dataclasses.asdict(r)
        assert json.dumps(gold, ensure_ascii=False) == json.dumps(dataclasses.asdict(r), ensure_ascii=False)
        assert gold["conditions"] is not r.conditions and gold["evidence"] is not r.evidence  # copies
        assert all(gold["evidence"][k] is not v for k, v in r.evidence.items())
        assert r.to_gold(with_evidence=False) == {k: v for k, v in gold.items() if k != "evidence"}


def test_a_value_that_is_not_json_like_goes_through_asdict() -> None:
    record = StudyRecord(pmid="1", pmcid=None, conditions=("crps",), evidence={"design": {"span": (3, 9)}})  # type: ignore[arg-type]
    assert record.to_gold() == dataclasses.asdict(record)
    assert record.to_gold()["conditions"] == ("crps",)
