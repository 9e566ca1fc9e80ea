"""The SQLite store: versions, unchanged-writes-nothing, retractions, missing, atomic batches, lock, validation."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from ketamine_evidence.harvest.items import RawRecord
from ketamine_evidence.harvest.pubmed_xml import inspect_pubmed, iter_pubmed_records
from ketamine_evidence.harvest.store import APPLICATION_ID, SCHEMA_VERSION, Store
from ketamine_evidence.base.errors import StoreError, StoreLocked
from tests.conftest import PUBMED_XML, REPO

TWO_RECORDS = PUBMED_XML / "biopython_pubmed2.xml"  # PMIDs 11748933, 11700088


def real_records(source: str = "pubmed") -> list[RawRecord]:
    with TWO_RECORDS.open("rb") as fh:
        return list(iter_pubmed_records(fh, source))


def edited(record: RawRecord, edit) -> RawRecord:
    """The record re-inspected after ``edit(element)`` changed its XML (as NCBI revises a citation)."""
    el = etree.fromstring(record.xml)
    edit(el)
    return inspect_pubmed(el, record.source)


def revise(record: RawRecord) -> RawRecord:
    def bump(el: etree._Element) -> None:
        year = el.find("MedlineCitation/DateRevised/Year")
        year.text = str(int(year.text) + 1)
    return edited(record, bump)


class Observer:
    """ANOTHER connection watching ``PRAGMA data_version``, which changes iff some other connection commits."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)

    def __call__(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store.sqlite") as s:
        yield s


def test_new_store_is_marked_with_our_schema(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_new_unchanged_updated_and_every_version_kept(store: Store) -> None:
    first, second = real_records()
    run1 = store.begin_run("pubmed", "q")
    assert store.save_batch([first, second], run1) == {"new": 2, "updated": 0, "unchanged": 0}
    store.finish_run(run1, "ok")

    revised = revise(first)
    assert revised.xml != first.xml and revised.date_revised == "2007-11-15"
    run2 = store.begin_run("pubmed", "q")
    assert store.save_batch([revised, second], run2) == {"new": 0, "updated": 1, "unchanged": 1}
    info = store.finish_run(run2, "ok")
    assert (info.new, info.updated, info.unchanged) == (0, 1, 1)

    versions = store.versions(first.key)
    assert [v.version for v in versions] == [1, 2]
    assert [v.xml for v in versions] == [first.xml, revised.xml]  # the old XML is kept byte for byte
    assert [v.date_revised for v in versions] == ["2006-11-15", "2007-11-15"]
    assert [v.last_changed_run for v in versions] == [run1, run2]
    latest = {r.key: r for r in store.iter_records()}
    assert latest[first.key].xml == revised.xml and latest[first.key].version == 2
    assert latest[first.key].first_run == run1 and latest[first.key].last_changed_run == run2
    assert latest[second.key].version == 1 and latest[second.key].last_changed_run == run1
    assert store.changes(run2) == {"new": [], "revised": [first.key], "retracted": []}
    assert store.changes(run1)["new"] == sorted([first.key, second.key])
    assert store.changes() == store.changes(run2)


def test_unchanged_records_write_nothing(store: Store) -> None:
    records = real_records()
    run1 = store.begin_run("snapshot", None)
    store.save_batch(records, run1)
    store.finish_run(run1, "ok")
    run2 = store.begin_run("snapshot", None)
    data_version = Observer(store.path)
    before = data_version()
    assert store.save_batch(records, run2) == {"new": 0, "updated": 0, "unchanged": 2}
    assert data_version() == before  # the observer saw no commit at all
    assert store.status()["versions"] == 2
    store.save_batch([revise(records[0])], run2)
    assert data_version() != before  # (and it does see a real write)
    # the run's bookkeeping then stamps when they were last seen
    store.finish_run(run2, "ok")
    seen = sqlite3.connect(store.path).execute("SELECT DISTINCT last_seen_run FROM records").fetchall()
    assert seen == [(run2,)]
    assert (store.run(run2).unchanged, store.run(run2).updated) == (1, 1)


def test_retraction_is_flagged_from_publication_type(store: Store) -> None:
    """Retraction from real XML: the sample records are not retracted, so this test (only) adds
    ``<PublicationType>Retracted Publication</PublicationType>`` to a genuine record in code."""
    original, other = real_records()

    def add_type(el: etree._Element) -> None:
        pub_type = etree.SubElement(el.find("MedlineCitation/Article/PublicationTypeList"), "PublicationType")
        pub_type.text = "Retracted Publication"
        pub_type.set("UI", "D016441")

    retracted = edited(original, add_type)
    run1 = store.begin_run("pubmed", None)
    store.save_batch([original, other], run1)
    store.finish_run(run1, "ok")
    assert store.status()["retracted"] == []
    run2 = store.begin_run("pubmed", None)
    store.save_batch([retracted], run2)
    store.finish_run(run2, "ok")
    assert store.get(original.key).retracted is True
    assert [v.retracted for v in store.versions(original.key)] == [False, True]
    assert store.status()["retracted"] == [original.pmid]
    assert store.changes(run2) == {"new": [], "revised": [original.key], "retracted": [original.key]}


def test_retraction_is_flagged_from_retraction_in(store: Store) -> None:
    """This test adds a ``CommentsCorrections RefType="RetractionIn"`` to a genuine record in code."""
    original = real_records()[1]

    def add_notice(el: etree._Element) -> None:
        citation = el.find("MedlineCitation")
        holder = etree.Element("CommentsCorrectionsList")
        citation.find("MedlineJournalInfo").addnext(holder)
        comment = etree.SubElement(holder, "CommentsCorrections", RefType="RetractionIn")
        etree.SubElement(comment, "RefSource").text = "J Magn Reson. 2002;154(1):1"
    run = store.begin_run("pubmed", None)
    store.save_batch([edited(original, add_notice)], run)
    assert store.get(original.key).retracted is True
    assert store.changes(run)["retracted"] == [original.key]


def test_crash_mid_batch_leaves_no_partial_record(store: Store) -> None:
    first, second = real_records()
    run1 = store.begin_run("pubmed", None)
    store.save_batch([first], run1)
    run2 = store.begin_run("pubmed", None)
    data_version = Observer(store.path)
    before_version, before_rows = data_version(), store.status()["versions"]
    broken = replace(second, xml=second.xml.decode("utf-8"))  # not bytes: fails after two writes
    with pytest.raises(TypeError, match="xml must be bytes"):
        store.save_batch([revise(first), RawRecord(**{**_fields(second), "key": "99999999", "pmid": "99999999"}),
                          broken], run2)
    assert data_version() == before_version  # nothing committed
    assert store.status()["versions"] == before_rows
    assert [r.key for r in store.iter_records()] == [first.key]
    assert store.get(first.key).xml == first.xml and store.get("99999999") is None
    # the store is still usable afterwards
    assert store.save_batch([second], run2) == {"new": 1, "updated": 0, "unchanged": 0}


def _fields(record: RawRecord) -> dict:
    return {name: getattr(record, name) for name in record.__slots__}


def test_missing_records_are_kept_flagged_and_come_back(store: Store) -> None:
    first, second = real_records()
    run1 = store.begin_run("pubmed", None)
    store.save_batch([first, second], run1)
    store.finish_run(run1, "ok")
    run2 = store.begin_run("pubmed", None)
    assert store.mark_missing([first.key], run2) == 1
    assert store.finish_run(run2, "ok").missing == 1
    assert [r.key for r in store.iter_records()] == [second.key]
    assert {r.key: r.missing for r in store.iter_records(include_missing=True)} == {first.key: True, second.key: False}
    assert store.status()["missing"] == [first.key]
    assert store.pmids() == [second.pmid]
    run3 = store.begin_run("pubmed", None)
    assert store.save_batch([first], run3)["unchanged"] == 1
    assert store.get(first.key).missing is False and store.status()["missing"] == []


def test_runs_and_last_successful_run(store: Store) -> None:
    a = store.begin_run("pubmed", "ketamine")
    store.finish_run(a, "ok", windows=["2024/01/01:2024/06/30", "2024/07/01:2024/12/31"], note="fine")
    b = store.begin_run("pubmed", "ketamine")
    store.finish_run(b, "partial", failed=3)
    c = store.begin_run("snapshot", None)
    store.finish_run(c, "ok")
    d = store.begin_run("pubmed", "other query")
    store.finish_run(d, "failed", note="Unreachable: nope")
    assert store.last_successful_run("pubmed", "ketamine").id == a
    assert store.last_successful_run("pubmed", "ketamine").windows == ["2024/01/01:2024/06/30", "2024/07/01:2024/12/31"]
    assert store.last_successful_run("pubmed").id == a
    assert store.last_successful_run("pubmed", "other query") is None
    assert store.last_successful_run("snapshot").id == c
    assert [(r.id, r.status, r.failed) for r in store.runs()] == [(a, "ok", 0), (b, "partial", 3), (c, "ok", 0),
                                                                   (d, "failed", 0)]
    assert all(r.finished for r in store.runs())
    with pytest.raises(ValueError):
        store.finish_run(a, "done")


def test_a_killed_run_is_marked_failed_by_the_next_locked_run(store: Store) -> None:
    stale = store.begin_run("pubmed", "q")  # never finished, as if SIGKILLed
    with store.lock():
        fresh = store.begin_run("pubmed", "q")
    assert store.run(stale).status == "failed" and "interrupted" in store.run(stale).note
    assert store.run(fresh).status == "running"


def test_pmids_are_numerically_sorted_and_include_pmc_articles(store: Store) -> None:
    records = real_records()
    pmc = RawRecord(key="PMC123", kind="pmc", xml=b"<article/>", pmid="1234", pmcid="PMC123",
                    date_revised=None, retracted=False, source="pmc")
    run = store.begin_run("pubmed", None)
    store.save_batch(records + [pmc], run)
    assert store.pmids() == ["1234", "11700088", "11748933"]
    status = store.status()
    assert (status["records"], status["pubmed"], status["pmc"]) == (3, 2, 1)
    assert [r.key for r in store.iter_records(kind="pmc")] == ["PMC123"]


# -- opening: not ours, corrupt, missing --------------------------------------------------------

def test_garbage_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(bytes(range(256)) * 40)
    digest = sha(path)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert sha(path) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.sqlite"]


def test_other_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    digest = sha(path)
    with pytest.raises(StoreError, match="not a ketamine-evidence store"):
        Store(path)
    assert sha(path) == digest


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=99")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_damaged_store_fails_quick_check_and_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        run = store.begin_run("pubmed", None)
        for i in range(200):  # enough records for several b-tree pages
            rec = real_records()[0]
            store.save_batch([replace(rec, key=str(10_000_000 + i), pmid=str(10_000_000 + i))], run)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page:5 * page] = b"\xff" * (2 * page)  # scribble over two pages
    path.write_bytes(bytes(data))
    digest = sha(path)
    with pytest.raises(StoreError, match="corrupt|not a usable"):
        Store(path)
    assert sha(path) == digest


def test_missing_store_without_create(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "store.sqlite"
    with pytest.raises(StoreError, match="no store at"):
        Store(path, create=False)
    assert not path.parent.exists()


# -- the lock, across processes -----------------------------------------------------------------

HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from ketamine_evidence.harvest.store import Store
    store = Store(sys.argv[1])
    with store.lock():
        print("locked", flush=True)
        time.sleep(60)
""")


def _holder(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_lock_held_by_another_process_raises_store_locked(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    Store(path).close()
    holder = _holder(path)
    try:
        with Store(path) as store:
            assert store.lock_holder() == holder.pid
            with pytest.raises(StoreLocked, match=rf"locked by another harvest \(pid {holder.pid}\)"):
                with store.lock():
                    pass
    finally:
        holder.kill()
        holder.wait()
    with Store(path) as store:
        assert store.lock_holder() is None  # its pid is still in the file, but the process is gone
    # SIGKILL released it: the kernel drops flock locks with the process
    with Store(path) as store, store.lock():
        assert store.begin_run("pubmed", None) >= 1


def test_second_process_cannot_take_a_held_lock(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    with Store(path) as store, store.lock():
        probe = subprocess.run(
            [sys.executable, "-c", "import sys\nfrom ketamine_evidence.harvest.store import Store\n"
             "from ketamine_evidence.base.errors import StoreLocked\n"
             "try:\n    Store(sys.argv[1]).lock().__enter__()\nexcept StoreLocked as e:\n    print(e); sys.exit(6)",
             str(path)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert probe.returncode == 6, probe.stderr
    assert "locked by another harvest" in probe.stdout


KEEP_SAVING = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from ketamine_evidence.harvest.pubmed_xml import iter_pubmed_records
    from ketamine_evidence.harvest.store import Store
    with open(sys.argv[2], "rb") as fh:
        template = list(iter_pubmed_records(fh, "pubmed"))[0]
    store = Store(sys.argv[1])
    with store.lock():
        run = store.begin_run("pubmed", None)
        n = 0
        while True:  # batches of 50 new records, then revisions of them, until killed
            batch = []
            for i in range(50):
                key = str(20_000_000 + (n * 50 + i) % 2000)
                xml = template.xml.replace(template.key.encode(), key.encode()) + str(n).encode()
                batch.append(replace(template, key=key, pmid=key, xml=xml))
            store.save_batch(batch, run)
            n += 1
            if n == 3:
                print("saving", flush=True)
""")


def test_sigkill_mid_harvest_leaves_only_whole_records(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    Store(path).close()
    proc = subprocess.Popen([sys.executable, "-c", KEEP_SAVING, str(path), str(TWO_RECORDS)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "saving"
        time.sleep(0.5)
    finally:
        proc.kill()  # SIGKILL: no cleanup, no rollback in the process
        proc.wait()
    with Store(path) as store:  # passes quick_check
        conn = sqlite3.connect(path)
        (orphans,) = conn.execute(
            "SELECT count(*) FROM records r WHERE r.version != "
            "(SELECT count(*) FROM versions v WHERE v.key = r.key)").fetchone()
        (dangling,) = conn.execute("SELECT count(*) FROM versions v WHERE v.key NOT IN (SELECT key FROM records)"
                                   ).fetchone()
        saved = conn.execute("SELECT count(*) FROM versions").fetchone()[0]
        assert saved >= 150 and saved % 50 == 0  # whole batches only
        assert orphans == dangling == 0
        for record in store.iter_records():
            assert record.xml.startswith(b"<PubmedArticle")  # every latest version decompresses whole
        with store.lock():  # the lock died with the process
            store.begin_run("pubmed", None)
        assert store.runs()[0].status == "failed"  # the killed run is no longer 'running'


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    path.touch()  # e.g. made by a scheduler's touch: holds nothing that could be lost
    with Store(path) as store:
        assert store.status()["records"] == 0
    with Store(path, create=False) as store:
        assert store.runs() == []
