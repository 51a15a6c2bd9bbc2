"""An entry's score from the evidence of a question: the share it explains, the evidence
itself, how fully it covers one trigger phrase and its name, the kind of answer the wording
leans to, and whether it states the fact asked for."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.matching.facets import Facet
from bot.matching.phrases import PhraseSet

# The score mixes: the share of the question the entry explains, the absolute evidence,
# how fully one trigger phrase is covered, and how fully the entry's name is.
W_COVERAGE, W_STRENGTH, W_PHRASE, W_NAME = 0.4, 0.3, 0.3, 0.2
W_KIND = 0.25  # signed: the question's wording may lean towards or away from a kind
W_FACET = 0.3  # an entry that states the fact asked for (deadline, amount, who may apply)
W_COMPARE = 0.3  # a glossary entry, when the question asks for a difference (compare.py)
W_TOTAL = W_COVERAGE + W_STRENGTH + W_PHRASE + W_NAME


@dataclass
class Evidence:
    """What the words of a question say about each entry (indexed like the entries)."""

    evidence: list[float]
    hits: list[dict[str, float]]  # per entry: its words the question said, and how closely
    total: float = 0.0  # how much there is to explain: every word, known or not
    lean: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    compares: bool = False  # the question asks for the difference between two things


@dataclass(frozen=True)
class Entries:
    """What scoring needs of the entries, in the matcher's order."""

    kinds: Sequence[str]
    facets: Sequence[frozenset[str]]
    triggers: Sequence[PhraseSet]
    names: Sequence[PhraseSet]
    scale: float  # evidence at which strength reaches 63 %

    def scores(self, found: Evidence, facet: Facet | None) -> dict[int, float]:
        """Each entry's score (0..1) from its evidence, phrases, name, kind and facts."""
        scores: dict[int, float] = {}
        if found.total <= 0:
            return scores
        denominator = W_TOTAL + (W_FACET if facet else 0.0)
        kinds, hits = self.kinds, found.hits
        for i, ev in enumerate(found.evidence):
            if ev <= 0:
                continue
            coverage = ev / found.total
            strength = 1 - math.exp(-ev / self.scale)
            phrase = self.triggers[i].best_coverage(hits[i])
            named = self.names[i].best_coverage(hits[i])
            if kinds[i] == "glossary":
                named *= coverage  # a term named in passing is not the question
            fit = found.lean.get(kinds[i], 0.0) / found.total
            states = facet is not None and facet in self.facets[i]
            explains = found.compares and kinds[i] == "glossary"
            scores[i] = (
                W_COVERAGE * coverage
                + W_STRENGTH * strength
                + W_PHRASE * phrase
                + W_NAME * named
                + W_KIND * fit
                + W_FACET * states * coverage
                + W_COMPARE * explains * coverage
            ) / denominator
        return scores
