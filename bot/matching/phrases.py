"""Trigger phrases and names of one entry: how completely a question covers the best one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

FULL = 0.9  # a phrase word counts as said at this similarity (an inflection, a typo)
SLIGHT = 0.3  # a word weighing less (a frame such as "für") need not be said


class PhraseSet:
    """Phrases of one entry, indexed by word, with their total weight computed once."""

    def __init__(self, phrases: list[tuple[str, ...]], idf: Mapping[str, float]) -> None:
        self._idf = idf
        self._totals: list[float] = []
        self._words: list[frozenset[str]] = []
        # word -> (phrase, the share of the phrase's weight the word carries)
        self._shares: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for k, phrase in enumerate(phrases):
            words = set(phrase)
            self._words.append(frozenset(words))
            total = sum(idf[w] for w in words)
            self._totals.append(total)
            if total > 0:
                for w in words:
                    self._shares[w].append((k, idf[w] / total))

    def best_coverage(self, hit: Mapping[str, float]) -> float:
        """How completely the question covers the best-covered phrase (0..1)."""
        got: dict[int, float] = defaultdict(float)
        for word, sim in hit.items():
            for k, share in self._shares.get(word, ()):
                got[k] += share * sim
        return max(got.values(), default=0.0)

    def fully_covered(self, hit: Mapping[str, float]) -> frozenset[str]:
        """The words of the weightiest phrase the question covers completely (or none)."""
        best: tuple[float, frozenset[str]] = (0.0, frozenset())
        for k, words in enumerate(self._words):
            said = all(hit.get(w, 0.0) >= FULL or self._idf[w] < SLIGHT for w in words)
            if said and self._totals[k] > best[0]:
                best = (self._totals[k], words)
        return best[1]


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
