"""Weighted draws for the pilot generators: ``random.choices`` with the cumulative weights
of each table computed once (the generators draw tens of thousands of times)."""

from __future__ import annotations

import random
from bisect import bisect
from functools import cache
from itertools import accumulate


@cache
def _table(pairs: tuple) -> tuple[tuple, tuple]:
    values, weights = zip(*pairs, strict=True)
    return values, tuple(accumulate(weights))


def weighted(rng: random.Random, pairs: tuple):
    """One value of ``pairs`` ((value, weight), ...), drawn as ``rng.choices`` would."""
    values, cumulative = _table(pairs)
    return values[bisect(cumulative, rng.random() * cumulative[-1], 0, len(values) - 1)]
