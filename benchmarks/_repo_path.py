"""Put the repository, not this folder, at the front of ``sys.path`` for a benchmark run as a script.

Run as ``python benchmarks/X.py``, Python puts ``benchmarks/`` first on the path, where
``benchmarks/harvest.py`` would shadow the ``harvest`` package. Every script imports this module
before any project module.
"""

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() not in (HERE, REPO)]


@lru_cache(maxsize=None)
def sibling(name: str):
    """Another script of this folder as a module, loaded once from its file (the folder is not on ``sys.path``)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module
