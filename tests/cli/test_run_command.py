"""`ketamine-evidence run --source snapshot`, the README's main job, end to end in a private home."""

from __future__ import annotations

import pytest

from ketamine_evidence.base.errors import EXIT_STORE
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
    assert "Records identified from:" in html and "Findings belong to the intervention" in html

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


def test_report_with_a_missing_store_exits_5_as_every_command_does(home, capsys):
    assert main(["report", "--store", str(home / "absent.sqlite")]) == EXIT_STORE
    assert "no store at" in capsys.readouterr().err
    assert not (home / "absent.sqlite").exists()


def _run_cli(home, *argv: str):
    """The CLI in a subprocess: each PubMed crawl needs a fresh Twisted reactor."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "KETAMINE_EVIDENCE_"))}
    env.update(KETAMINE_EVIDENCE_HOME=str(home), NCBI_API_KEY="stand-in-test-key",
               PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "ketamine_evidence", *argv], env=env, capture_output=True,
                          text=True, timeout=300, cwd=home)


def test_run_against_pubmed_reports_revised_and_retracted_records(home):
    """Harvest from the E-utilities stand-in (real corpus records), then again after NCBI revised one
    record and retracted another: the second report lists exactly those under 'what changed'."""
    from lxml import html as lxml_html

    from tests.conftest import PMC_KETAMINE, PUBMED_XML
    from tests.harvest.eutils_server import Collection, EutilsServer, Faults

    collection = Collection.from_corpus(PUBMED_XML, PMC_KETAMINE)
    revised, retracted = collection.pmids()[:2]
    with EutilsServer(collection, faults=Faults(), seed=7) as server:
        argv = ["run", "--source", "pubmed", "--eutils-url", server.url, "--query", "ketamine[tiab]", "--no-progress"]
        first = _run_cli(home, *argv)
        assert first.returncode == 0, first.stderr[-3000:]
        collection.revise(revised)
        collection.retract(retracted)
        second = _run_cli(home, *argv)
        assert second.returncode == 0, second.stderr[-3000:]
    doc = lxml_html.fromstring((home / "reports" / "report.html").read_text(encoding="utf-8"))
    rows = {tr.xpath("./td[1]")[0].text_content(): tr for tr in doc.xpath("//section[@id='changes']//tbody/tr")}
    assert rows["new"].xpath("./td[2]")[0].text_content() == "0"
    assert [a.get("href") for a in rows["revised"].xpath(".//a")] == [f"https://pubmed.ncbi.nlm.nih.gov/{revised}/"]
    assert [a.get("href") for a in rows["retracted"].xpath(".//a")] == [
        f"https://pubmed.ncbi.nlm.nih.gov/{retracted}/"]
    assert "Previous run: 1" in doc.text_content()
    flow_text = [t.text_content() for t in doc.xpath("//section[@id='flow']//*[local-name()='text']")]
    assert "search: ketamine[tiab]" in flow_text   # the search, in the PRISMA diagram


def test_partial_pubmed_harvest_is_still_reported_then_exits_8(home):
    """267 corpus records share one entry date, over a search limit of 200 hits: the harvest cannot list
    them all and ends 'partial'; the run still extracts and reports what arrived, then exits 8."""
    from tests.conftest import PMC_KETAMINE, PUBMED_XML
    from tests.harvest.eutils_server import Collection, EutilsServer, Faults

    (home / "ketamine-evidence.toml").write_text("[pubmed]\nmax_window_hits = 200\n")
    collection = Collection.from_corpus(PUBMED_XML, PMC_KETAMINE)
    with EutilsServer(collection, faults=Faults(), seed=7) as server:
        proc = _run_cli(home, "run", "--source", "pubmed", "--eutils-url", server.url, "--query", "ketamine[tiab]",
                        "--no-progress")
    assert proc.returncode == 8, proc.stderr[-3000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("ketamine-evidence: error:")]
    assert len(errors) == 1 and "partial" in errors[0]
    assert "report:" in proc.stdout and (home / "reports" / "report.html").is_file()
    html = (home / "reports" / "report.html").read_text(encoding="utf-8")
    assert "(pubmed, partial)" in html        # the latest run's status is on the page
    assert "ended <b>partial</b>: some records may be missing from this report" in html
    assert "ended **partial**" in (home / "reports" / "report.md").read_text(encoding="utf-8")


def test_run_for_another_intervention_says_so_in_the_report(home, capsys):
    assert main(["run", "--source", "snapshot", "--intervention", "intravenous lidocaine", "--no-progress"]) == 0
    html = (home / "reports" / "report.html").read_text(encoding="utf-8")
    assert 'Findings belong to the intervention: <span class="intervention">lidocaine</span>' in html
    assert "<title>Lidocaine for pain: evidence report</title>" in html
