"""Bounded, validated input at harvest: ids that are not PMIDs and records over the size limit are
refused, counted in the run's account, and make the run partial; the adaptive efetch batch size.

The hostile ids are served by the stand-in as copies of real records whose PMID text is replaced
(the way a broken or malicious server, or a proxy, would hand them over).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from ketamine_evidence.cli import main
from ketamine_evidence.harvest.spiders.windows import BatchSizer, normal_pmcid, valid_pmid
from ketamine_evidence.harvest.store import Store
from tests.harvest.conftest import run_harvest, write_config
from tests.harvest.eutils_server import Collection, EutilsServer

HOSTILE = ["=HYPERLINK(\"http://x\")", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "12 34", "-5",
           "0042", "1e9"]


def _with_hostile_ids(collection: Collection) -> None:
    donor = next(iter(collection.records.values()))
    for text in HOSTILE:
        xml = donor.xml.replace(f">{donor.pmid}</PMID>".encode(), f">{text.replace('&', '&amp;').replace('<', '&lt;')}</PMID>".encode(), 1)
        collection.records[text] = dataclasses.replace(donor, pmid=text, xml=xml)


def _account(store: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["status", "--store", str(store), "--json"]) == 0
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    assert run["account_adds_up"]
    return run


def test_ids_that_are_not_pmids_are_refused_counted_and_never_stored(home: Path, collection: Collection,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    real = len(collection)
    _with_hostile_ids(collection)
    store = home / "store.sqlite"
    with EutilsServer(collection, seed=2) as server:
        run = run_harvest(home, server.url, store)
        asked = {i for r in server.log("efetch") for i in r.params.get("id", "").split(",") if i}
    assert run.returncode == 8, run.stderr[-2000:]
    assert f"{len(HOSTILE)} ids or records refused" in run.stderr
    assert not asked & set(HOSTILE)  # never even asked for
    info = _account(store, capsys)
    assert info["status"] == "partial"
    assert info["account"]["refused"] == len(HOSTILE) and info["account"]["new"] == real
    assert info["account"]["count"] == real + len(HOSTILE)
    with Store(store, read_only=True) as s:
        assert all(valid_pmid(r.key) for r in s.iter_records())


def test_records_over_the_size_limit_are_refused_and_counted(home: Path, collection: Collection,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    limit = 20_000
    large = {pmid for pmid, r in collection.records.items() if len(r.xml.strip()) > limit}
    assert 0 < len(large) < len(collection)
    write_config(home, max_record_mb=limit / 1_000_000)
    store = home / "store.sqlite"
    with EutilsServer(collection, seed=2) as server:
        run = run_harvest(home, server.url, store)
    assert run.returncode == 8, run.stderr[-2000:]
    assert "over the 20,000-byte record limit" in run.stderr
    info = _account(store, capsys)
    assert info["account"]["refused"] == len(large) == info["account"]["failed"]
    assert info["account"]["new"] == len(collection) - len(large)
    with Store(store, read_only=True) as s:
        assert not large & {r.key for r in s.iter_records()}


def test_pmid_and_pmcid_forms() -> None:
    assert [valid_pmid(t) for t in ["1", "40000000", "0", "0042", "12a", " 12", "<b>1</b>", "12345678901"]] == [
        True, True, False, False, False, False, False, False]
    assert [normal_pmcid(t) for t in ["PMC123", "pmc123", "123", "PMC", "PMC12x", "PMC<script>"]] == [
        "PMC123", "PMC123", "PMC123", None, None, None]


def test_batch_size_halves_on_cut_or_slow_bodies_and_grows_back() -> None:
    sizer = BatchSizer(maximum=500, slow_s=10.0)
    assert sizer.size == 500
    sizer.shrink()
    sizer.fetched(12.0)  # slow: halves again
    assert sizer.size == 125
    for _ in range(3):
        sizer.fetched(0.5)
    assert sizer.size == 250
    for _ in range(3):
        sizer.fetched(0.5)
    assert sizer.size == 500
    for _ in range(10):
        sizer.shrink()
    assert sizer.size == sizer.minimum == 10
