"""A match of a lower-case copy of a pattern (``fast_re.LowerPattern``), read from the original text.

The copy runs on the lower-cased text, whose offsets are the original's (``fast_re`` falls back to the ``re.I``
pattern where lower-casing changes a length), so ``group()`` slices the original and keeps its case.
"""

from __future__ import annotations

import re
from typing import Any


class LowerMatch:
    """A match of the lower-case copy, read from the original text."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match[str], string: str) -> None:
        self._m = m
        self.string = string

    def group(self, *groups: int | str) -> Any:
        m, s = self._m, self.string
        if len(groups) <= 1:
            a, b = m.span(*groups)
            return None if a < 0 else s[a:b]
        return tuple(None if m.start(g) < 0 else s[m.start(g):m.end(g)] for g in groups)

    __getitem__ = group

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        m, s = self._m, self.string
        return tuple(default if m.start(g) < 0 else s[m.start(g):m.end(g)] for g in range(1, m.re.groups + 1))

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        m, s = self._m, self.string
        return {name: (default if m.start(g) < 0 else s[m.start(g):m.end(g)]) for name, g in m.re.groupindex.items()}

    def start(self, group: int | str = 0) -> int:
        return self._m.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._m.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._m.span(group)

    def __getattr__(self, name: str) -> Any:  # pos, endpos, lastindex, lastgroup, regs
        return getattr(self._m, name)

    def __repr__(self) -> str:
        return f"<LowerMatch span={self.span()} match={self.group()!r}>"
