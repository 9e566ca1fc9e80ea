"""A plain (non-editable) wheel install runs the main job from an empty folder.

The wheel is built from this checkout and installed with ``--no-deps`` into a fresh venv in tmp;
the venv reaches the test environment's own dependencies through a ``.pth`` line (only that folder
on ``sys.path``: the checkout's editable finder there is not activated), so nothing is downloaded.
The run must write its store, tables and report under the working folder and nothing into the
venv's site-packages, and the bundled snapshot must come from the installed package data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _listing(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the venv's ``bin`` folder, its site-packages) with this checkout's wheel installed."""
    tmp = tmp_path_factory.mktemp("install")
    source, wheels = tmp / "source", tmp / "wheels"
    # A clean copy: setuptools' build/ folder in the checkout could hold stale modules.
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, source / name)
    skip = shutil.ignore_patterns("__pycache__", "processed", "*.sqlite*")
    for folder in ("ketamine_evidence", "harvest", "analysis", "data"):
        shutil.copytree(REPO / folder, source / folder, ignore=skip)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("ketamine_evidence-*.whl")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "test-env-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "-q", str(wheel)], check=True, capture_output=True, timeout=300)
    return env_dir / "bin", site


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("KETAMINE_EVIDENCE_", "PYTHON", "VIRTUAL_ENV", "NCBI_"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", MPLCONFIGDIR=str(tmp / "mpl"))
    return env


def test_the_wheel_holds_the_namespace_and_the_snapshot(installed: tuple[Path, Path]) -> None:
    _, site = installed
    assert not (site / "analysis").exists() and not (site / "harvest").exists()
    snapshot = site / "ketamine_evidence" / "snapshot"
    bundled = {p.relative_to(REPO / "data" / "snapshot") for p in (REPO / "data" / "snapshot").rglob("*")
               if p.is_file()}
    assert bundled and {p.relative_to(snapshot) for p in snapshot.rglob("*") if p.is_file()} == bundled


def test_run_from_an_empty_folder_writes_there_and_nowhere_in_site_packages(
        installed: tuple[Path, Path], tmp_path: Path) -> None:
    bin_dir, site = installed
    work = tmp_path / "empty"
    work.mkdir()
    before = _listing(site)
    done = subprocess.run([str(bin_dir / "ketamine-evidence"), "run", "--source", "snapshot", "--no-progress"],
                          cwd=work, env=_env(tmp_path), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (work / "reports" / "report.html").is_file()
    assert (work / "data" / "ketamine-evidence.sqlite").is_file()
    assert (work / "data" / "processed" / "studies.parquet").is_file()
    assert str(site) not in done.stdout
    assert _listing(site) == before
    assert not list(site.parent.parent.parent.rglob("*.sqlite"))  # no store anywhere in the venv


def test_home_option_and_variable_move_the_data(installed: tuple[Path, Path], tmp_path: Path) -> None:
    bin_dir, _ = installed
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    done = subprocess.run([str(bin_dir / "ketamine-evidence"), "harvest", "--source", "snapshot",
                           "--home", str(elsewhere)], cwd=work, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (elsewhere / "data" / "ketamine-evidence.sqlite").is_file() and not any(work.iterdir())
    env = {**_env(tmp_path), "KETAMINE_EVIDENCE_HOME": str(elsewhere)}
    status = subprocess.run([str(bin_dir / "ketamine-evidence"), "status"], cwd=work, env=env,
                            capture_output=True, text=True, timeout=120)
    assert status.returncode == 0 and str(elsewhere) in status.stdout


def test_evaluation_defaults_outside_a_checkout_fail_in_one_line(installed: tuple[Path, Path],
                                                                  tmp_path: Path) -> None:
    """The external corpora default to ../shared beside a checkout; installed, that is not there."""
    bin_dir, _ = installed
    for corpus in ("ade-corpus", "evidence-inference"):
        done = subprocess.run([str(bin_dir / "ketamine-evidence"), "evaluate", "--external", corpus],
                              cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 7 and len(lines) == 1, done.stderr
        assert lines[0].startswith("ketamine-evidence: error:") and "--corpus-dir" in lines[0]
