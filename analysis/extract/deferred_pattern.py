"""A regex compiled on first use: the ``re.I`` original of a pattern whose lower-case copy does the work.

``fast_re`` runs a case-insensitive pattern as a lower-case copy and keeps the ``re.I`` original only for the
rare text where the two could differ. The intervention's names pattern is built for every article that names a
new treatment (a harvest of distinct trials: some 500-1,800 characters of alternatives each), and compiling the
original beside the copy was half of building it; ``Deferred`` compiles it only when something asks.
"""

from __future__ import annotations

import re
from typing import Any


class Deferred:
    """``re.compile(pattern, flags)``, made on first use; equal to another ``Deferred`` of the same source and
    flags, and hashed as them (not equal to a compiled ``re.Pattern``, whose hash differs: equal objects must hash
    alike). For a pattern without inline flags: ``flags`` are what the compiled pattern reports (``re.UNICODE``
    added)."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags if flags & (re.ASCII | re.LOCALE) else flags | re.UNICODE
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, finditer, sub, groups, groupindex ...
        if name.startswith("__") or name in Deferred.__slots__:
            # copy and pickle probe an instance whose slots are not set yet: asking ``compiled()`` there would
            # recurse through this method
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[type[Deferred], tuple[str, int]]:
        """Pickled as its source and flags (Dask workers, multiprocessing): the copy compiles on first use."""
        return (Deferred, (self.pattern, self.flags))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Deferred):
            return other.pattern == self.pattern and other.flags == self.flags
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"Deferred({self.pattern[:60]!r}, {self.flags})"


class Pending:
    """The lower-case copy of a ``fast_re.LowerPattern`` (``owner``) before its first scan: compiles it, puts it
    in the owner's ``low`` (so later scans call the compiled pattern directly) and runs the scan asked. A module
    pattern whose keys no text of a run holds is never compiled (the start-up of every command)."""

    __slots__ = ("owner", "deferred")

    def __init__(self, owner: Any, deferred: Deferred) -> None:
        self.owner = owner
        self.deferred = deferred

    def _compiled(self) -> re.Pattern[str]:
        low = self.owner.low = self.deferred.compiled()
        return low

    def search(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self._compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Any:
        return self._compiled().finditer(*args)

    def __getattr__(self, name: str) -> Any:  # findall, sub, pattern, groups ...
        if name.startswith("__"):  # copy and pickle probe an instance whose slots are not set yet
            raise AttributeError(name)
        return getattr(self._compiled(), name)
