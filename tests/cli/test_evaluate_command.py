"""`ketamine-evidence evaluate` end to end on two real PMC articles and their gold records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ketamine_evidence.cli import main
from ketamine_evidence.base.errors import EXIT_INPUT, EXIT_USAGE
from tests.conftest import EVAL, PMC_KETAMINE

KEEP = ("PMC3172326", "PMC5557991")


@pytest.fixture
def small_gold(tmp_path: Path) -> tuple[Path, Path]:
    """Three gold records from gold_dev.jsonl, of which only two have their article in the input directory."""
    lines = [json.loads(line) for line in (EVAL / "gold_dev.jsonl").read_text().splitlines() if line.strip()]
    chosen = [r for r in lines if r["pmcid"] in KEEP] + [r for r in lines if r["pmcid"] == "PMC3460347"]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in chosen))
    articles = tmp_path / "articles"
    articles.mkdir()
    for pmcid in KEEP:
        shutil.copy(PMC_KETAMINE / f"{pmcid}.nxml", articles / f"{pmcid}.nxml")
    return gold, articles


def test_table_counts_missing_and_fits_sixteen_lines(home, small_gold, capsys, caplog):
    gold, articles = small_gold
    assert main(["evaluate", "--gold", str(gold), "--input", str(articles)]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[-15:]
    assert table[0].split()[:3] == ["field", "metric", "n"]
    assert [line.split()[0] for line in table[1:14]] == [
        "relevant", "design", "conditions", "routes", "n_participants", "relief_duration_days", "follow_up_days",
        "dose_mg_per_kg", "infusion_mg_per_kg_h", "pain_effect", "responder_rate_pct", "adverse_events",
        "negated_adverse_events"]
    assert table[-1].startswith("records: 3 in gold, 2 scored, 1 missing")
    assert "1 gold record(s) not found" in caplog.text and "23060793" in caplog.text


def test_json_and_jsonl_outputs(home, small_gold, capsys, tmp_path):
    gold, articles = small_gold
    out_path = tmp_path / "pred.jsonl"
    assert main(["evaluate", "--gold", str(gold), "--input", str(articles), "--json", "--jsonl", str(out_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["records"] == 3 and report["scored"] == 2 and report["missing"] == ["23060793"]
    assert set(report["fields"]) >= {"design", "adverse_events", "n_participants"}
    assert 0.0 <= report["fields"]["design"]["value"] <= 1.0
    predictions = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [p["pmcid"] for p in predictions] == list(KEEP)
    for p in predictions:
        assert p["intervention"] == "ketamine" and isinstance(p["evidence"], dict)
        assert set(p) >= {"pmid", "design", "adverse_events", "negated_adverse_events", "relief_duration_days"}


def test_show_errors_lists_fields_with_gold_and_prediction(home, small_gold, capsys):
    gold, articles = small_gold
    assert main(["evaluate", "--gold", str(gold), "--input", str(articles), "--intervention", "no-such-treatment",
                 "--show-errors"]) == 0
    out = capsys.readouterr().out
    # Read for a treatment the articles never name, ketamine's routes cannot be found: a mismatch is listed.
    assert "routes: gold=[\"intravenous\"] predicted=[]" in out


def test_usage_and_input_errors_are_one_line(home, small_gold, capsys, tmp_path):
    gold, articles = small_gold
    assert main(["evaluate", "--gold", str(gold)]) == EXIT_USAGE
    assert "needs --input" in capsys.readouterr().err
    assert main(["evaluate", "--input", str(articles)]) == EXIT_USAGE
    assert "needs --gold" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    assert main(["evaluate", "--gold", str(bad), "--input", str(articles)]) == EXIT_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not valid JSON" in err[0]
    assert main(["evaluate", "--gold", str(gold), "--input", str(tmp_path / "nowhere")]) == EXIT_INPUT


def test_external_ade_corpus_slice(home, capsys):
    assert main(["evaluate", "--external", "ade-corpus", "--corpus-dir", str(EVAL / "external" / "ade_corpus_v2"),
                 "--limit", "60"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("ADE-Corpus-V2 adverse-event sentence detection: 12 positive, 48 negative")
    assert lines[1].startswith("precision ") and " F1 " in lines[1]
    assert main(["evaluate", "--external", "ade-corpus", "--corpus-dir", str(home / "nowhere")]) == EXIT_INPUT


def test_error_kinds_count_without_naming_records(home, small_gold, capsys):
    gold, articles = small_gold
    argv = ["evaluate", "--gold", str(gold), "--input", str(articles), "--intervention", "no-such-treatment",
            "--error-kinds"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    block = out[out.index("error kinds"):].splitlines()
    assert any(line.startswith("  routes: ") and "missed intravenous 1" in line for line in block), block
    assert not any(key in "\n".join(block) for key in KEEP)
    assert main(argv + ["--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["error_kinds"]["routes"]["missed intravenous"] >= 1
    assert main(argv[:-1] + ["--json"]) == 0
    assert "error_kinds" not in json.loads(capsys.readouterr().out)


def test_error_kinds_pool_rare_kinds_for_blind_splits(home, small_gold, capsys):
    gold, articles = small_gold
    argv = ["evaluate", "--gold", str(gold), "--input", str(articles), "--intervention", "no-such-treatment",
            "--error-kinds", "--json"]
    assert main(argv) == 0
    plain = json.loads(capsys.readouterr().out)["error_kinds"]
    assert main(argv + ["--min-count", "1000"]) == 0
    pooled = json.loads(capsys.readouterr().out)["error_kinds"]
    for field, counts in plain.items():
        assert pooled[field] == ({"rarer kinds": sum(counts.values())} if counts else {})
    assert main(argv + ["--min-count", "0"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--min-count" in err[0]
