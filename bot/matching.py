"""Rank knowledge entries for a free-text question (pure functions, no I/O).

Every entry is a bag of words from its trigger phrases, title and official name in all nine
languages (people mix languages), and, at a lower weight, its prose. A question's words are
matched to that vocabulary with typo tolerance (rapidfuzz ratio), shared stems (inflected
endings: "dernegimiz" ~ "dernek", "ферайна" ~ "ферайн") and compound parts
("vereinsraume" ⊃ "raume"). Words are weighted by how few entries use them (IDF), so
"Ausländerbeirat" counts and "how" hardly does. The score also rewards covering a whole
trigger phrase. Scores are 0..100; the confidence rule is in `MatchResult`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.knowledge import Entry, Knowledge
from bot.normalize import german_reading, tokens

# Thresholds, on the 0..100 scale of `Match.score`.
CONFIDENT = 62.0  # the best match is answered directly at or above this …
MARGIN = 6.0  # … when it leads the runner-up by this much (or is very strong)
STRONG = 85.0
CANDIDATE = 35.0  # below this an entry is not offered even as a suggestion
MAX_QUERY_TOKENS = 60
TRIGGER_WEIGHT = 1.0
PROSE_WEIGHT = 0.3
SCALE = 6.0  # evidence at which strength reaches 63 % (1 - 1/e)
UNKNOWN_WEIGHT = 1.5  # a word the knowledge base has never seen still needs explaining
CAP_SLACK = 0.5
W_COVERAGE, W_STRENGTH, W_PHRASE = 0.5, 0.3, 0.2


@dataclass(frozen=True)
class Match:
    entry_id: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    matches: tuple[Match, ...]

    @property
    def confident(self) -> bool:
        if not self.matches:
            return False
        best = self.matches[0].score
        runner_up = self.matches[1].score if len(self.matches) > 1 else 0.0
        return best >= STRONG or (best >= CONFIDENT and best - runner_up >= MARGIN)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True)
class Document:
    """One entry as the matcher sees it."""

    entry_id: str
    phrases: tuple[str, ...]  # triggers, titles, name: full weight
    prose: tuple[str, ...] = ()  # summaries etc.: lower weight


class Matcher:
    def __init__(self, documents: Iterable[Document]) -> None:
        self._ids: list[str] = []
        self._bags: list[dict[str, float]] = []  # token -> field weight, per entry
        self._phrases: list[list[tuple[str, ...]]] = []
        for doc in documents:
            bag: dict[str, float] = {}
            for text in doc.prose:
                for tok in tokens(text):
                    bag[tok] = max(bag.get(tok, 0.0), PROSE_WEIGHT)
            phrase_tokens = []
            for text in doc.phrases:
                toks = tuple(tokens(text))
                if toks:
                    phrase_tokens.append(toks)
                for tok in toks:
                    bag[tok] = TRIGGER_WEIGHT
            self._ids.append(doc.entry_id)
            self._bags.append(bag)
            self._phrases.append(phrase_tokens)
        n = len(self._ids)
        df: dict[str, int] = defaultdict(int)
        for bag in self._bags:
            for tok in bag:
                df[tok] += 1
        self._idf = {tok: math.log((n + 1) / (c + 0.5)) for tok, c in df.items()}
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, bag in enumerate(self._bags):
            for tok in bag:
                self._postings[tok].append(i)
        self._vocab = sorted(self._idf)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        for tok in self._vocab:
            if len(tok) >= 4:
                self._by_prefix[tok[:4]].append(tok)
        self._similar = lru_cache(maxsize=50_000)(self._similar_uncached)

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Matcher:
        return cls(document_for(e) for e in knowledge.entries.values())

    # --- token similarity ----------------------------------------------------------------

    def _similar_uncached(self, q: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words close to q (or to its German reading), similarity in (0, 1]."""
        found = self._close_words(q)
        reading = german_reading(q)
        if reading:
            for tok, sim in self._close_words(reading).items():
                found[tok] = max(found.get(tok, 0.0), 0.9 * sim)
        return tuple(found.items())

    def _close_words(self, q: str) -> dict[str, float]:
        found: dict[str, float] = {}
        if q in self._idf:
            found[q] = 1.0
        if len(q) >= 5:
            # typos: about one edit in a short word, two in a long one
            cutoff = 83 if len(q) <= 6 else 80 if len(q) <= 9 else 75
            for tok, score, _ in process.extract(
                q, self._vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                found[tok] = max(found.get(tok, 0.0), 0.9 * score / 100)
        if len(q) >= 4:
            # shared stem: inflected endings, agglutinated suffixes ("dernegimiz" ~ "dernek")
            for tok in self._by_prefix.get(q[:4], ()):
                common = _common_prefix(q, tok)
                shorter = min(len(q), len(tok))
                if common >= max(4, math.ceil(0.7 * shorter)) and common >= shorter - 3:
                    found[tok] = max(found.get(tok, 0.0), 0.85 if common == shorter else 0.75)
        if len(q) >= 8:
            # compound parts: "vereinsraume" contains "raume"
            for size in range(len(q) - 1, 4, -1):
                for begin in range(0, len(q) - size + 1):
                    part = q[begin : begin + size]
                    if part in self._idf and part not in found:
                        found[part] = 0.6
        return found

    # --- ranking -------------------------------------------------------------------------

    def match(self, text: str, limit: int = 5) -> MatchResult:
        query = list(dict.fromkeys(tokens(text)))[:MAX_QUERY_TOKENS]
        evidence = [0.0] * len(self._ids)
        hits: list[dict[str, float]] = [{} for _ in self._ids]
        total = 0.0  # how much there is to explain: every word, known or not
        for q in query:
            similar = self._similar(q)
            if not similar:
                total += UNKNOWN_WEIGHT if len(q) > 2 else 0.0
                continue
            # a common word must not become informative by resembling a rare one
            cap = self._idf[q] + CAP_SLACK if q in self._idf else math.inf
            best_for_entry: dict[int, float] = {}
            weight = 0.0
            for tok, sim in similar:
                value = sim * min(self._idf[tok], cap)
                weight = max(weight, value)
                for i in self._postings[tok]:
                    v = value * self._bags[i][tok]
                    if v > best_for_entry.get(i, 0.0):
                        best_for_entry[i] = v
                    if sim > hits[i].get(tok, 0.0):
                        hits[i][tok] = sim
            total += weight
            for i, v in best_for_entry.items():
                evidence[i] += v
        if total <= 0:
            return MatchResult(())
        ranked = []
        for i, ev in enumerate(evidence):
            if ev <= 0:
                continue
            coverage = ev / total
            strength = 1 - math.exp(-ev / SCALE)
            phrase = self._phrase_coverage(i, hits[i])
            score = W_COVERAGE * coverage + W_STRENGTH * strength + W_PHRASE * phrase
            ranked.append(Match(self._ids[i], round(100 * score, 1)))
        ranked.sort(key=lambda m: (-m.score, m.entry_id))
        return MatchResult(tuple(m for m in ranked[:limit] if m.score >= CANDIDATE))

    def _phrase_coverage(self, i: int, hit: Mapping[str, float]) -> float:
        """How completely the question covers the entry's best-covered trigger phrase."""
        best = 0.0
        for phrase in self._phrases[i]:
            total = sum(self._idf[t] for t in phrase)
            if total <= 0:
                continue
            got = sum(self._idf[t] * hit.get(t, 0.0) for t in phrase)
            best = max(best, got / total)
        return best


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def document_for(entry: Entry) -> Document:
    """The matcher's view of a knowledge entry: triggers, titles and name; prose lower."""
    phrases: list[str] = [entry.name]
    prose: list[str] = []
    for text in entry.texts.values():
        phrases.append(text.title)
        phrases.extend(text.triggers)
        prose.extend(p for p in (text.summary, text.who) if p)
    return Document(entry.id, tuple(phrases), tuple(prose))
