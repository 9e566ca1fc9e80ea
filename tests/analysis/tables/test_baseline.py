"""``baseline extract`` on Dask gives the tables a single-process ``extract`` gives for the same records.

The miniature mirror (tests/harvest/nlm_mirror.py) has three baseline files of genuine MEDLINE records and
one update file that revises one record and deletes another; the reference is ``extract`` over one file
holding the final versions, keeping the records that name the intervention.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from ketamine_evidence.analysis.extract.interventions import resolve_intervention
from ketamine_evidence.analysis.parse import iter_input
from ketamine_evidence.analysis.tables import baseline
from ketamine_evidence.analysis.tables.io import load_tables
from ketamine_evidence.cli import main
from tests.harvest.nlm_mirror import build_mirror, write_records

REVISED, DELETED = "25466483", "25840296"   # both name surgery
INTERVENTION = "surgery"


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    return build_mirror(tmp_path_factory.mktemp("nlm"), REVISED, DELETED)


@pytest.fixture(scope="module")
def reference(mirror, tmp_path_factory):
    """Single-process ``extract`` of the final record versions, restricted to records naming the intervention."""
    tmp = tmp_path_factory.mktemp("ref")
    xml = write_records(tmp / "final.xml.gz", mirror.records)
    assert main(["extract", "--input", str(xml), "--out", str(tmp / "tables"), "--intervention", INTERVENTION,
                 "--no-progress"]) == 0
    iv = resolve_intervention(INTERVENTION)
    naming = {a.pmid for a in iter_input(xml) if iv.mentioned_in(a.text)}
    t = load_tables(tmp / "tables")
    return {name: baseline.sort_table(getattr(t, name)[getattr(t, name)["pmid"].isin(naming)])
            for name in ("studies", "findings", "adverse_events")}, naming


def _extract(mirror, out, *extra):
    return main(["baseline", "extract", "--files", str(mirror.root), "--out", str(out), "--intervention",
                 INTERVENTION, "--no-progress", *extra])


def _same(out, reference):
    got = load_tables(out)
    for name, want in reference.items():
        pd.testing.assert_frame_equal(getattr(got, name).reset_index(drop=True), want.reset_index(drop=True),
                                      check_dtype=True)


@pytest.mark.slow
def test_two_workers_give_the_single_process_tables_with_the_update_applied(mirror, reference, tmp_path, capsys):
    ref, naming = reference
    assert _extract(mirror, tmp_path / "out", "--workers", "2") == 0
    _same(tmp_path / "out", ref)
    studies = load_tables(tmp_path / "out").studies
    assert set(studies["pmid"]) == naming and len(naming) > 50
    assert DELETED not in set(studies["pmid"])
    assert studies.loc[studies["pmid"] == REVISED, "title"].item() == mirror.revised_title
    assert "(1 deleted by update files)" in capsys.readouterr().out
    # The report and the notebooks read these tables as they read extract's.
    assert main(["report", "--tables", str(tmp_path / "out"), "--out", str(tmp_path / "report")]) == 0
    assert (tmp_path / "report" / "report.html").stat().st_size > 0
    from ketamine_evidence.analysis import load_tables as notebook_load
    assert len(notebook_load(tmp_path / "out").studies) == len(naming)


@pytest.mark.slow
def test_a_killed_run_resumes_per_file_and_gives_the_same_tables(mirror, reference, tmp_path):
    ref, _ = reference
    out = tmp_path / "out"
    assert _extract(mirror, out) == 0
    parts = out / baseline.PARTS
    kept = (parts / "pubmed16n0001" / "done.json").stat().st_mtime_ns
    # A kill leaves finished parts and, at most, a temporary folder that was never renamed into place.
    shutil.rmtree(parts / "pubmed16n0003")
    (parts / ".pubmed16n0003.tmp-1").mkdir()
    assert _extract(mirror, out, "--workers", "2") == 0
    assert (parts / "pubmed16n0001" / "done.json").stat().st_mtime_ns == kept  # not redone
    assert (parts / "pubmed16n0003" / "done.json").exists()
    _same(out, ref)


def test_files_are_applied_in_nlm_load_order(mirror):
    names = [p.name for p in baseline.data_files(mirror.root)]
    assert names == [f"pubmed16n{i:04d}.xml.gz" for i in range(1, 5)]


def test_missing_folder_is_one_line_exit_7(tmp_path, capsys):
    assert main(["baseline", "extract", "--files", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 7
    assert capsys.readouterr().err.strip() == f"ketamine-evidence: error: baseline folder not found: {tmp_path / 'nope'}"


def test_a_file_that_is_not_pubmed_xml_is_one_line_exit_7(tmp_path, capsys):
    import gzip
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "pubmed16n0001.xml.gz").write_bytes(gzip.compress(b"<html>not here</html>"))
    assert main(["baseline", "extract", "--files", str(tmp_path / "f"), "--out", str(tmp_path / "o"),
                 "--no-progress"]) == 7
    err = capsys.readouterr().err.strip()
    assert err.endswith("not a PubMed/MEDLINE XML file (no PubmedArticleSet or MedlineCitationSet)")
    assert len(err.splitlines()) == 1
