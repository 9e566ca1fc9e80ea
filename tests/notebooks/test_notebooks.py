"""The numbered notebooks: stored clean, in sync with their generator, and run top to bottom.

They run with papermill on the venv's own ``python3`` kernel (jupyter_client starts the kernel
spec's ``python`` as ``sys.executable``, checked below), on tables extracted from the bundled
snapshot by ``ketamine-evidence extract``, and once on a fresh home with no tables at all.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from ketamine_evidence.analysis.tables.io import write_tables
from ketamine_evidence.cli import main
from tests.analysis.tables.test_notebooks import small_tables
from tests.conftest import REPO

NOTEBOOK_DIR = REPO / "notebooks"
NAMES = ["01-corpus-overview.ipynb", "02-relief-duration.ipynb", "03-adverse-events.ipynb",
         "04-meta-analysis.ipynb"]
SNAPSHOT_PMC = REPO / "data" / "snapshot" / "pmc"
KERNEL = "python3"


def _generator():
    spec = importlib.util.spec_from_file_location("make_notebooks", NOTEBOOK_DIR / "make_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs(nb: nbformat.NotebookNode) -> str:
    """All text the executed notebook printed or displayed."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _run(name: str, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    output = out_dir / name
    pm.execute_notebook(str(NOTEBOOK_DIR / name), str(output), parameters=parameters,
                        kernel_name=KERNEL, cwd=str(NOTEBOOK_DIR), progress_bar=False,
                        execution_timeout=120)
    return nbformat.read(output, as_version=4)


@pytest.fixture(scope="session")
def snapshot_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables")
    assert main(["extract", "--input", str(SNAPSHOT_PMC), "--out", str(out), "--no-progress"]) == 0
    return out


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs_and_parameterised(name):
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert "parameters" in code[0].metadata.get("tags", [])
    assert "tables_dir = None" in code[0].source and 'intervention = "ketamine"' in code[0].source
    assert nb.metadata["kernelspec"]["name"] == KERNEL


@pytest.mark.parametrize("name", NAMES)
def test_in_sync_with_generator(name):
    stored = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    built = _generator().build(name)
    assert [(c.cell_type, c.source) for c in stored.cells] == [(c.cell_type, c.source) for c in built.cells]


def test_kernel_is_this_virtualenv(tmp_path):
    nb = new_notebook(cells=[new_code_cell("import sys, ketamine_evidence.analysis as analysis; print(sys.prefix); print(analysis.__file__)")])
    NotebookClient(nb, kernel_name=KERNEL, timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    prefix, module = nb.cells[0].outputs[0]["text"].split()
    assert Path(prefix).resolve() == Path(sys.prefix).resolve()
    assert Path(module).resolve().parent == REPO / "analysis"


@pytest.mark.parametrize("name", NAMES)
def test_runs_top_to_bottom_on_snapshot_tables(name, snapshot_tables, tmp_path):
    nb = _run(name, tmp_path, tables_dir=str(snapshot_tables))
    text = _outputs(nb)
    assert "included studies of ketamine" in text
    outputs = [out for c in nb.cells for out in c.get("outputs", [])]
    assert all(out.get("output_type") != "error" for out in outputs)
    figures = [out for out in outputs if out.get("data", {}).get("text/plain", "").startswith("<Figure")]
    assert all("image/png" in out["data"] for out in figures)  # figures render inline, not as text


def test_runs_on_a_fresh_home_without_tables(tmp_path, monkeypatch):
    """No data/processed yet: the notebook builds the tables from the bundled snapshot."""
    monkeypatch.setenv("KETAMINE_EVIDENCE_HOME", str(tmp_path / "home"))
    nb = _run(NAMES[0], tmp_path)
    records = len(list(SNAPSHOT_PMC.glob("*.nxml")))
    assert records > 0
    summary = next(c for c in nb.cells if "corpus_summary(tables.studies)" in c.source)
    assert f"records     {records}" in summary.outputs[0]["data"]["text/plain"]
    assert not (tmp_path / "home" / "data" / "processed").exists()  # built in memory, nothing written


def test_condition_parameter_filters(snapshot_tables, tmp_path):
    nb = _run(NAMES[1], tmp_path, tables_dir=str(snapshot_tables), condition="crps")
    assert "for crps" in _outputs(nb)


def test_meta_analysis_notebook_pools_two_rcts(tmp_path):
    """On tables with two RCTs giving pain scores per arm, 04 pools them, draws the forest plot and
    shows the sensitivity table."""
    directory = tmp_path / "tables"
    write_tables(small_tables(), directory)
    nb = _run(NAMES[3], tmp_path, tables_dir=str(directory))
    text = _outputs(nb)
    assert "pooled analyses: 1" in text
    forest = next(c for c in nb.cells if "plot_forest(effects, row)" in c.source)
    assert any("image/png" in out.get("data", {}) for out in forest.outputs)
    sensitivity = next(c for c in nb.cells if "stated sizes only" in c.source)
    assert "DerSimonian-Laird" in sensitivity.outputs[0]["data"]["text/plain"]
