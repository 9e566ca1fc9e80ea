"""Results kept for the texts of one article: one mechanism for every per-text cache of the extractors.

Several extractors ask about the same sentence, clause or slice of an abstract (is it a pain outcome, where
are its drug mentions, its time mentions, its lower-cased copy), so the answer is computed once and kept. Only
the current article's texts are kept: ``new_article()`` (called by ``extract_findings`` before each article)
empties every cache made with ``per_article``, so a harvest of distinct abstracts and a benchmark that
repeats a sample of them get the same hits (a cache that outlived its article would flatter the repeated
workload: ``benchmarks/distinct_texts.py``). The caches are ``functools.lru_cache`` (the lookup runs in C);
their size bounds memory where nothing marks articles (a caller of one function alone).

Caches of a vocabulary rather than of texts (section labels, publication types, lexicon words, compiled
per-name patterns) stay plain ``lru_cache``s: they are meant to span a harvest.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# Texts of one article at most: an abstract's sentences, clauses and slices (some 40-150 per cache); a long
# full text may hold more, then the least recently used go first, as before.
SIZE = 512

_CACHES: list[Any] = []
# The current article's number in a one-item list: ``article_number()`` for callers, the list itself for the
# one hot path (``fast_re``'s memo, read on every search) where a call per read would cost.
ARTICLE = [0]


def per_article(fn: F) -> F:
    """``fn`` (a pure function of its hashable arguments) with its results kept until the next article.
    A kept result is shared between callers: they only read it."""
    cached = lru_cache(maxsize=SIZE)(fn)
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def new_article() -> None:
    """Start a new article: every ``per_article`` cache forgets the previous article's texts."""
    ARTICLE[0] += 1
    for cached in _CACHES:
        cached.cache_clear()


def article_number() -> int:
    """The number of the article being read (``new_article`` counts them): results kept elsewhere for one
    article (the intervention pattern's ``search`` memo) compare it with theirs to know when to forget."""
    return ARTICLE[0]
