"""``baseline sync`` against a miniature NLM tree on 127.0.0.1: checksums, atomic writes, resume, no re-download."""

from __future__ import annotations

import hashlib

import pytest

from ketamine_evidence.cli import main
from tests.harvest.nlm_mirror import MirrorServer, build_mirror

REVISED, DELETED = "25466483", "25840296"


@pytest.fixture()
def served(tmp_path):
    mirror = build_mirror(tmp_path / "nlm", REVISED, DELETED)
    with MirrorServer(mirror.root.parent) as server:
        yield mirror, server


def _sync(url, dest, capsys):
    code = main(["baseline", "sync", "--url", url, "--dest", str(dest), "--pause", "0"])
    return code, capsys.readouterr()


def test_sync_mirrors_both_folders_with_checksums(served, tmp_path, capsys):
    mirror, server = served
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 0, out.err
    for sub, names in (("baseline", ["pubmed16n0001", "pubmed16n0002", "pubmed16n0003"]),
                       ("updatefiles", ["pubmed16n0004"])):
        for n in names:
            got = (tmp_path / "m" / sub / f"{n}.xml.gz").read_bytes()
            assert got == (mirror.root / sub / f"{n}.xml.gz").read_bytes()
            assert hashlib.md5(got).hexdigest() in (tmp_path / "m" / sub / f"{n}.xml.gz.md5").read_text()
    assert "4 files downloaded" in out.out
    assert not list((tmp_path / "m").rglob("*.part"))


def test_second_sync_of_an_unchanged_tree_fetches_no_data_file(served, tmp_path, capsys):
    _, server = served
    _sync(server.url, tmp_path / "m", capsys)
    assert server.data_gets() == 4
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 0
    assert server.data_gets() == 4  # only indexes and .md5 files were asked for again
    assert "0 files downloaded" in out.out and "4 already complete" in out.out


def test_a_file_changed_on_the_server_is_fetched_again(served, tmp_path, capsys):
    mirror, server = served
    _sync(server.url, tmp_path / "m", capsys)
    (mirror.root / "updatefiles" / "pubmed16n0004.xml.gz.md5").write_text("MD5(pubmed16n0004.xml.gz)= " + "0" * 32)
    server.corrupt.clear()
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 7  # the server's file no longer matches its own checksum: refused
    assert "pubmed16n0004.xml.gz" in out.err and "checksum" in out.err
    assert len(out.err.strip().splitlines()) == 1


def test_checksum_mismatch_is_retried_then_refused_and_nothing_is_kept(served, tmp_path, capsys):
    _, server = served
    server.corrupt.add("/pubmed/baseline/pubmed16n0002.xml.gz")
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 7
    assert out.err.strip() == ("ketamine-evidence: error: baseline/pubmed16n0002.xml.gz: checksum does not match "
                               "its .md5 after 3 attempts; nothing was kept")
    assert server.gets["/pubmed/baseline/pubmed16n0002.xml.gz"] == 3
    assert not (tmp_path / "m" / "baseline" / "pubmed16n0002.xml.gz").exists()
    assert not list((tmp_path / "m").rglob("*.part"))
    assert (tmp_path / "m" / "baseline" / "pubmed16n0003.xml.gz").exists()  # the other files are mirrored
    server.corrupt.clear()
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 0 and "1 files downloaded" in out.out and "3 already complete" in out.out


def test_resume_after_a_kill_fetches_only_the_unfinished_file(served, tmp_path, capsys):
    _, server = served
    _sync(server.url, tmp_path / "m", capsys)
    # What a kill mid-download leaves: a .part, and the final file not yet in place.
    target = tmp_path / "m" / "baseline" / "pubmed16n0003.xml.gz"
    target.with_name(target.name + ".part").write_bytes(target.read_bytes()[:100])
    target.unlink()
    before = server.data_gets()
    code, out = _sync(server.url, tmp_path / "m", capsys)
    assert code == 0 and server.data_gets() == before + 1
    assert "1 files downloaded" in out.out


def test_unreachable_tree_exits_3_with_one_line(tmp_path, capsys):
    code, out = _sync("http://127.0.0.1:9/pubmed/", tmp_path / "m", capsys)
    assert code == 3
    assert len(out.err.strip().splitlines()) == 1 and "cannot reach" in out.err
