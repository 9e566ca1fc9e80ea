"""Put the repository, not this folder, at the front of ``sys.path`` for a benchmark run as a script.

Run as ``python benchmarks/X.py``, Python puts ``benchmarks/`` first on the path, where
``benchmarks/harvest.py`` would shadow the ``harvest`` package. Every script imports this module
before any project module.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() not in (HERE, REPO)]
