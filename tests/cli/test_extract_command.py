"""`ketamine-evidence extract` end to end on the bundled snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from ketamine_evidence.analysis import load_tables
from ketamine_evidence.cli import main
from ketamine_evidence.base.errors import EXIT_INPUT, EXIT_STORE
from tests.conftest import EVAL, REPO

PMC = REPO / "data" / "snapshot" / "pmc"


def _gold_keys() -> set[str]:
    line = (EVAL / "gold_chronic_pain_dev.jsonl").read_text().splitlines()[0]
    return set(json.loads(line)) - {"notes"}  # annotators' notes are not a field


def test_extract_input_writes_tables_and_gold_jsonl(home: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "tables"
    jsonl = tmp_path / "records.jsonl"
    rc = main(["extract", "--input", str(PMC), "--out", str(out), "--jsonl", str(jsonl), "--no-progress"])
    assert rc == 0
    printed = capsys.readouterr().out
    assert str(out) in printed
    for name in ("studies", "findings", "adverse_events"):
        assert (out / f"{name}.parquet").is_file() and (out / f"{name}.csv").is_file()
    t = load_tables(out)
    assert len(t.studies) == 29 and t.studies["study_id"].is_unique
    assert set(t.studies["intervention"]) == {"ketamine"}
    assert t.studies["has_fulltext"].sum() == 28  # one conference abstract has no body
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len(records) == 29
    gold_keys = _gold_keys()
    for rec in records:
        assert set(rec) == gold_keys | {"evidence"}
        assert isinstance(rec["evidence"], dict)
        assert rec["pmcid"].startswith("PMC")
    assert not (home / "data" / "processed").exists()  # --out was honoured


def test_extract_default_out_and_intervention_flag(home: Path, capsys) -> None:
    rc = main(["extract", "--input", str(PMC / "PMC3172326.nxml"), "--intervention", "lidocaine",
               "--no-progress"])
    assert rc == 0
    t = load_tables()  # data/processed under the test's home
    assert t.studies["intervention"].tolist() == ["lidocaine"]
    assert (home / "data" / "processed" / "studies.parquet").is_file()


def test_bad_input_path_is_one_line_error_exit_7(home: Path, tmp_path: Path, capsys) -> None:
    rc = main(["extract", "--input", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert rc == EXIT_INPUT
    err = capsys.readouterr().err.strip()
    assert err.startswith("ketamine-evidence: error:") and "missing" in err and "\n" not in err


def test_broken_xml_input_is_exit_7(home: Path, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.nxml"
    broken.write_bytes((PMC / "PMC3172326.nxml").read_bytes()[:5000])
    rc = main(["extract", "--input", str(broken), "--out", str(tmp_path / "o")])
    assert rc == EXIT_INPUT
    assert "broken XML" in capsys.readouterr().err


def test_missing_store_is_store_error(home: Path, tmp_path: Path, capsys) -> None:
    rc = main(["extract", "--store", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "o")])
    assert rc == EXIT_STORE
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.slow
def test_extract_from_store_after_snapshot_harvest(home: Path, tmp_path: Path, capsys) -> None:
    assert main(["harvest", "--source", "snapshot"]) == 0
    capsys.readouterr()
    out = tmp_path / "t"
    assert main(["extract", "--out", str(out), "--no-progress"]) == 0
    t = load_tables(out)
    s = t.studies
    assert s["study_id"].is_unique
    assert s["version"].notna().all() and s["first_seen"].notna().all()
    dup = s[s["duplicate_of"].notna()]
    assert (dup["exclusion_reason"] == "duplicate").all()
    assert set(dup["duplicate_of"]) <= set(s["study_id"])


def test_jobs_give_the_same_tables(home: Path, tmp_path: Path, capsys) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["extract", "--input", str(PMC), "--out", str(one), "--no-progress"]) == 0
    assert main(["extract", "--input", str(PMC), "--out", str(two), "--no-progress", "--jobs", "2"]) == 0
    a, b = load_tables(one), load_tables(two)
    for name in ("studies", "findings", "adverse_events"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert main(["extract", "--input", str(PMC), "--out", str(two), "--jobs", "0"]) == 2


def test_directory_without_xml_is_exit_7(home: Path, tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not XML")
    assert main(["extract", "--input", str(empty), "--out", str(tmp_path / "o")]) == EXIT_INPUT
    assert "no PubMed or PMC records" in capsys.readouterr().err


@pytest.mark.parametrize("intervention, pmid", [("duloxetine", "24843472"), ("Tai Chi", "17342248")])
def test_another_treatment_gets_its_own_evidence_tables(home: Path, tmp_path: Path, capsys,
                                                         intervention: str, pmid: str) -> None:
    """Issue 6: a run for another treatment includes that treatment's trials (``relevant`` stays the
    ketamine question, so inclusion reads ``intervention_relevant``); none of these trials is about ketamine."""
    out = tmp_path / "tables"
    assert main(["extract", "--input", str(EVAL / "chronic_pain_articles"), "--out", str(out),
                 "--intervention", intervention, "--no-progress"]) == 0
    studies = load_tables(out).studies
    included = studies[studies["included"]]
    assert list(included["study_id"]) == [pmid]
    assert not studies["relevant"].any()
    assert (studies["intervention"] == intervention.lower()).all()
    ketamine = tmp_path / "ketamine"
    assert main(["extract", "--input", str(EVAL / "chronic_pain_articles"), "--out", str(ketamine),
                 "--no-progress"]) == 0
    assert not load_tables(ketamine).studies["included"].any()
