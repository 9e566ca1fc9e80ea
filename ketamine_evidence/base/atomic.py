"""Atomic file writes: a temporary file beside the target, fsynced, renamed onto it only when complete.

A reader therefore sees the old file or the new one, never half of one, whatever happens during
the write (disk full, a kill, a bug). The target keeps its permission bits (a 0644 report stays
0644; a new file gets the usual ``0666 & ~umask``, not ``mkstemp``'s 0600).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def target_mode(path: Path) -> int:
    """The permission bits ``path`` has, or those a newly created file would get."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *, mode: int | None = None) -> Path:
    """Write ``data`` (str as UTF-8) to ``path`` atomically; raises OSError and leaves ``path`` as it was."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    bits = target_mode(path) if mode is None else mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, bits)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
