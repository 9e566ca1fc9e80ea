"""A store and tables of the 29 PMC articles of the bundled snapshot, copied fresh for every test, and the
review page served from them by the real command (``ketamine-evidence review --port 0``)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ketamine_evidence.cli import main
from tests.conftest import REPO

SNAPSHOT_PMC = REPO / "data" / "snapshot" / "pmc"
# An included randomised trial (80 patients, PMID 21935491) and the title its article carries.
TRIAL = "21935491"
TRIAL_FILE = "PMC3172326.nxml"
TRIAL_TITLE = "Preemptive Use of Ketamine on Post Operative Pain of Appendectomy"


@dataclass
class Workspace:
    root: Path
    snapshot: Path
    store: Path
    tables: Path
    reports: Path

    def cli(self, *argv: str) -> int:
        return main([*argv])

    def harvest(self) -> None:
        assert self.cli("harvest", "--source", "snapshot", "--snapshot-dir", str(self.snapshot),
                        "--store", str(self.store)) == 0

    def extract(self) -> None:
        assert self.cli("extract", "--store", str(self.store), "--out", str(self.tables), "--no-progress") == 0

    def report(self) -> Path:
        assert self.cli("report", "--store", str(self.store), "--tables", str(self.tables),
                        "--out", str(self.reports)) == 0
        return self.reports / "report.html"

    def revise_title(self, filename: str, new_title: str) -> None:
        """NCBI revises an article: its title changes (escaped as XML text), the rest stays."""
        path = self.snapshot / "pmc" / filename
        xml = path.read_text(encoding="utf-8")
        escaped = new_title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        path.write_text(re.sub(r"<article-title>.*?</article-title>", f"<article-title>{escaped}</article-title>",
                               xml, count=1, flags=re.S), encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("review_built")
    ws = Workspace(root, root / "snapshot", root / "store.sqlite", root / "tables", root / "reports")
    shutil.copytree(SNAPSHOT_PMC, ws.snapshot / "pmc")
    ws.harvest()
    ws.extract()
    return ws


@pytest.fixture
def workspace(built: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """A private copy of the built store, tables and snapshot."""
    monkeypatch.setenv("KETAMINE_EVIDENCE_HOME", str(tmp_path))
    ws = Workspace(tmp_path, tmp_path / "snapshot", tmp_path / "store.sqlite", tmp_path / "tables",
                   tmp_path / "reports")
    shutil.copytree(built.snapshot, ws.snapshot)
    shutil.copytree(built.tables, ws.tables)
    shutil.copy2(built.store, ws.store)
    return ws


class Server:
    """``ketamine-evidence review`` in a subprocess; ``url`` as it printed it."""

    def __init__(self, ws: Workspace, *extra: str) -> None:
        env = {**os.environ, "KETAMINE_EVIDENCE_HOME": str(ws.root)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ketamine_evidence", "review", "--store", str(ws.store), "--tables",
             str(ws.tables), "--port", "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env)
        line = self.proc.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            self.stop()
            raise AssertionError(f"no URL printed: {line!r} {self.proc.stderr.read()[-2000:]}")
        self.url = match.group(1)
        self.base = self.url.split("?")[0].rstrip("/")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server(workspace: Workspace):
    srv = Server(workspace)
    yield srv
    srv.stop()
