"""`ketamine-evidence run --source snapshot`, the README's main job, end to end in a private home."""

from __future__ import annotations

import pytest

from ketamine_evidence.cli import main

pytestmark = pytest.mark.slow


def test_run_on_the_snapshot_writes_store_tables_and_report(home, capsys):
    assert main(["run", "--source", "snapshot", "--no-progress"]) == 0
    out = capsys.readouterr().out
    report = home / "reports" / "report.html"
    assert f"done: open {report}" in out
    assert (home / "data" / "ketamine-evidence.sqlite").is_file()
    for name in ("studies", "findings", "adverse_events"):
        assert (home / "data" / "processed" / f"{name}.parquet").is_file()
    html = report.read_text(encoding="utf-8")
    assert (home / "reports" / "report.md").is_file()
    assert "This is the first harvest in the store" in html
    assert "records harvested" in html and "Findings belong to the intervention" in html

    # A second run harvests nothing new, and the report says what changed relative to the first.
    assert main(["run", "--source", "snapshot", "--no-progress"]) == 0
    html = report.read_text(encoding="utf-8")
    assert "Previous run: 1" in html
    assert '<td>new</td><td class="num">0</td>' in html


def test_run_stops_on_a_store_that_is_not_a_store_and_keeps_the_file(home, capsys):
    bogus = home / "notes.sqlite"
    bogus.write_bytes(b"my own notes, not a database" * 10)
    assert main(["run", "--source", "snapshot", "--store", str(bogus), "--no-progress"]) == 5
    assert "error:" in capsys.readouterr().err
    assert bogus.read_bytes() == b"my own notes, not a database" * 10
    assert not (home / "reports" / "report.html").exists()


def test_report_without_tables_says_to_run_extract(home, capsys):
    assert main(["report"]) == 7
    err = capsys.readouterr().err
    assert "run `ketamine-evidence extract` first" in err and "Traceback" not in err


def test_report_with_a_missing_store_is_an_input_error(home, capsys):
    assert main(["report", "--store", str(home / "absent.sqlite")]) == 7
    assert "store not found" in capsys.readouterr().err
