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
from collections.abc import Iterable
from dataclasses import dataclass

from bot.knowledge import Knowledge
from bot.matching.compare import COMPARISON_TOKENS
from bot.matching.documents import Document, document_for
from bot.matching.facets import CUE_TOKENS, Facet, facet_cue
from bot.matching.focus import read
from bot.matching.frames import FRAME_TOKENS
from bot.matching.money import MONEY_TOKENS
from bot.matching.normalize import tokens
from bot.matching.phrases import PhraseSet
from bot.matching.scope import off_topic_signals
from bot.matching.scoring import Entries, Evidence
from bot.matching.translit import looks_transliterated, to_cyrillic
from bot.matching.vocabulary import ARABIC_CLITICS, Vocabulary

# Thresholds, on the 0..100 scale of `Match.score`.
CONFIDENT = 50.0  # the best match is answered directly at or above this …
MARGIN = 8.0  # … when it leads the runner-up by this much, or when it is very strong …
STRONG = 75.0
STRONG_MARGIN = 3.0  # … and still ahead: two strong siblings (office and program) are a doubt
CANDIDATE = 40.0  # below this an entry is not offered even as a suggestion
MAX_QUERY_TOKENS = 60
FOCUS_SHARE = 0.25  # a story's score: this much from its asking part alone
TRIGGER_WEIGHT = 1.0
PROSE_WEIGHT = 0.3
# Relative to the weight of a word that only one entry uses, so that scores mean the same
# for a knowledge base of any size:
SCALE = 1.15  # evidence at which strength reaches 63 % (1 - 1/e)
UNKNOWN_WEIGHT = 0.7  # a word the knowledge base has never seen still needs explaining
CAP_SLACK = 0.5
# Question frames ("wo bekommen wir", "how can we") and facet cues ("bis wann") are no evidence
# of which entry is meant: a question ignores them, a trigger phrase keeps a trace of them.
NOT_EVIDENCE = FRAME_TOKENS | CUE_TOKENS

CLITIC_WEIGHT = 0.6  # a trigger word without its one-letter clitic
FRAME_IDF = 0.05
SIBLING_OFFICE = 0.95  # an office beside a program it administers (see below) …
SIBLING_OFFICE_FACT = 0.8  # … when the question asks for a fact only the program states
SPECIFIC_NAME = 0.8  # an entry whose full name is part of another named entry's name
OFF_TOPIC = 0.8  # scores of a question about a private matter or another topic (scope.py)
W_FRAME_LEAN = 0.5  # how much a frame's lean towards a kind counts, against a content word's


@dataclass(frozen=True)
class Match:
    entry_id: str
    score: float


@dataclass(frozen=True)
class MatchResult:
    matches: tuple[Match, ...]
    facet: Facet | None = None  # the fact asked for: the answer states it first

    @property
    def confident(self) -> bool:
        if not self.matches:
            return False
        best = self.matches[0].score
        runner_up = self.matches[1].score if len(self.matches) > 1 else 0.0
        lead = best - runner_up
        return (best >= STRONG and lead >= STRONG_MARGIN) or (best >= CONFIDENT and lead >= MARGIN)

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


class Matcher:
    def __init__(self, documents: Iterable[Document]) -> None:
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._bags: list[dict[str, float]] = []  # token -> field weight, per entry
        phrases: list[list[tuple[str, ...]]] = []  # per entry, for the phrase sets below
        names: list[list[tuple[str, ...]]] = []
        kinds: list[str] = []
        self._facets: list[frozenset[str]] = []
        self._offices: dict[str, tuple[str, ...]] = {}
        for doc in documents:
            kinds.append(doc.kind)
            self._facets.append(doc.facets)
            if doc.kind == "program":
                self._offices[doc.entry_id] = doc.offices
            bag: dict[str, float] = {}
            for text in doc.prose:
                for tok in tokens(text):
                    bag[tok] = max(bag.get(tok, 0.0), PROSE_WEIGHT)
            phrase_tokens = []
            for text in dict.fromkeys((*doc.names, *doc.phrases)):
                toks = tuple(tokens(text))
                if toks:
                    phrase_tokens.append(toks)
                for tok in toks:
                    bag[tok] = TRIGGER_WEIGHT
                    if len(tok) >= 4 and tok[0] in ARABIC_CLITICS:
                        # "لمدينه" in a trigger answers "بمدينه" and "مدينه" in a question
                        bag.setdefault(tok[1:], CLITIC_WEIGHT)
            self._index[doc.entry_id] = len(self._ids)
            self._ids.append(doc.entry_id)
            self._bags.append(bag)
            phrases.append(phrase_tokens)
            names.append([t for t in (tuple(tokens(n)) for n in doc.names) if t])
        n = len(self._ids)
        # document frequency weighted like the fields: a word that other entries only
        # mention in their prose stays distinctive for the entry whose triggers use it
        df: dict[str, float] = defaultdict(float)
        for bag in self._bags:
            for tok, weight in bag.items():
                df[tok] += weight
        idf = {tok: math.log((n + 1) / (c + 0.5)) for tok, c in df.items()}
        # a frame still says which kind of answer is wanted ("wer ist zuständig" an office)
        self._frame_idf = {tok: w for tok, w in idf.items() if tok in NOT_EVIDENCE}
        self._idf = {
            tok: w * (FRAME_IDF if tok in NOT_EVIDENCE else 1.0) for tok, w in idf.items()
        }
        unique = math.log((n + 1) / 1.5)  # the weight of a word used by one entry only
        self._scale = SCALE * unique
        self._unknown = UNKNOWN_WEIGHT * unique
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, bag in enumerate(self._bags):
            for tok in bag:
                self._postings[tok].append(i)
        # How strongly a word points to a kind of answer: its share of trigger use in
        # entries of that kind, against the kind's share of all entries ("how much",
        # "deadline" lean to programs; "where", "address" to offices).
        self._kinds = kinds
        base = {k: self._kinds.count(k) / max(n, 1) for k in set(self._kinds)}
        self._lean: dict[str, dict[str, float]] = {}
        for tok, entries in self._postings.items():
            in_triggers = [i for i in entries if self._bags[i][tok] == TRIGGER_WEIGHT]
            if len(in_triggers) < 2:
                continue
            share = {
                k: sum(self._kinds[i] == k for i in in_triggers) / len(in_triggers) for k in base
            }
            self._lean[tok] = {k: share[k] - base[k] for k in base}
        self._trigger_sets = [PhraseSet(p, self._idf) for p in phrases]
        self._name_sets = [PhraseSet(p, self._idf) for p in names]
        self._entries = Entries(
            self._kinds, self._facets, self._trigger_sets, self._name_sets, self._scale
        )
        self._similar = Vocabulary(self._idf).similar

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Matcher:
        return cls(document_for(e) for e in knowledge.entries.values())

    def answers(self, text: str) -> bool:
        """Whether the text asks something an entry answers: its best match is a candidate
        scoring at least CONFIDENT, however close the runner-up (for the intent detector:
        "Hallo, Vereinsraum mieten?" is a question, "Hallo, echt super" is not)."""
        best = self.match(text).best
        return best is not None and best.score >= CONFIDENT

    def _most_specific_name_first(
        self, ranked: list[Match], hits: list[dict[str, float]]
    ) -> list[Match]:
        """Of two entries whose names the question says in full, the one whose name contains
        the other's is meant ("Integrationsabteilung im Amt für Zuwanderung und Integration")."""
        top = ranked[:5]
        named = {
            m.entry_id: self._name_sets[self._index[m.entry_id]].fully_covered(
                hits[self._index[m.entry_id]]
            )
            for m in top
        }
        inner = {a for a, na in named.items() for b, nb in named.items() if na and na < nb}
        if not inner:
            return ranked
        out = [
            Match(m.entry_id, round(m.score * SPECIFIC_NAME, 1)) if m.entry_id in inner else m
            for m in ranked
        ]
        out.sort(key=lambda m: (-m.score, m.entry_id))
        return out

    def _spelled_back(self, word: str) -> str:
        """A Latin word of transliterated Russian in Cyrillic, when only that form is known."""
        if not word.isascii() or word in self._idf:
            return word
        cyrillic = tokens(to_cyrillic(word))
        return cyrillic[0] if len(cyrillic) == 1 and self._similar(cyrillic[0]) else word

    # --- ranking -------------------------------------------------------------------------

    def match(self, text: str, limit: int = 5) -> MatchResult:
        story = read(text)
        words, asked = tokens(story.text), tokens(story.asked)
        stress = story.weights
        if looks_transliterated(story.text):
            words = [self._spelled_back(w) for w in words]
            asked = [self._spelled_back(w) for w in asked]
            stress = {self._spelled_back(w): v for w, v in stress.items()}
        # the fact asked for is in the question sentence, not in the story ("we got 2,000
        # euros … what must the report contain?" asks for no amount)
        said = asked or words
        found_cue = facet_cue(said)
        facet = found_cue[0] if found_cue else None
        cue = {said[n] for n in found_cue[1]} if found_cue else set()
        full = self._evidence(words, stress, cue)
        if full.total <= 0:
            return MatchResult((), facet)
        scores = self._entries.scores(full, facet)
        if asked:
            # a story: what its asking part alone points to counts too (in a long text every
            # entry it mentions covers a phrase and a name)
            asking = self._entries.scores(self._evidence(asked, {}, cue), facet)
            scores = {
                i: (1 - FOCUS_SHARE) * v + FOCUS_SHARE * asking.get(i, 0.0)
                for i, v in scores.items()
            }
        damp = OFF_TOPIC ** off_topic_signals(words)
        ranked = [
            Match(self._ids[i], round(100 * damp * min(v, 1.0), 1)) for i, v in scores.items()
        ]
        money = not MONEY_TOKENS.isdisjoint(said)
        ranked = _programs_before_their_offices(ranked, self._offices, facet, money)
        ranked.sort(key=lambda m: (-m.score, m.entry_id))
        ranked = self._most_specific_name_first(ranked, full.hits)
        return MatchResult(tuple(m for m in ranked[:limit] if m.score >= CANDIDATE), facet)

    def _evidence(self, words: list[str], stress: dict[str, float], cue: set[str]) -> Evidence:
        """How much each entry explains of the words (frames and facet cues aside)."""
        unique = list(dict.fromkeys(words))
        query = [q for q in unique if q not in NOT_EVIDENCE and q not in cue][:MAX_QUERY_TOKENS]
        found = Evidence([0.0] * len(self._ids), [{} for _ in self._ids])
        found.compares = not COMPARISON_TOKENS.isdisjoint(unique)
        evidence, hits, lean = found.evidence, found.hits, found.lean
        for q in unique:
            for k, d in self._lean.get(q, {}).items() if q in self._frame_idf else ():
                lean[k] += W_FRAME_LEAN * self._frame_idf[q] * d
        for q in query:
            similar = self._similar(q)
            boost = stress.get(q, 1.0)
            if not similar:
                found.total += boost * self._unknown if len(q) > 2 else 0.0
                continue
            # a common word must not become informative by resembling a rare one
            cap = self._idf[q] + CAP_SLACK if q in self._idf else math.inf
            best_for_entry: dict[int, float] = {}
            weight = 0.0
            for tok, sim in similar:
                value = boost * sim * min(self._idf[tok], cap)
                weight = max(weight, value)
                for i in self._postings[tok]:
                    v = value * self._bags[i][tok]
                    if v > best_for_entry.get(i, 0.0):
                        best_for_entry[i] = v
                    if sim > hits[i].get(tok, 0.0):
                        hits[i][tok] = sim
            found.total += weight
            mass = sum(sim for _, sim in similar)
            for tok, sim in similar:
                for k, d in self._lean.get(tok, {}).items():
                    lean[k] += weight * d * sim / mass
            for i, v in best_for_entry.items():
                evidence[i] += v
        return found


def _programs_before_their_offices(
    ranked: list[Match], offices: dict[str, tuple[str, ...]], facet: str | None, money: bool
) -> list[Match]:
    """An office that administers a program among the candidates shares its words ("Ausländer-
    beirat … Förderung"); unless the question asks whom to contact, the program answers it,
    the more so when the question asks for a fact or for money ("фонд культуры города")."""
    if facet == "contact":
        return ranked
    near = {m.entry_id for m in ranked if m.entry_id in offices}
    administering = {o for p in near for o in offices[p]}
    damp = SIBLING_OFFICE if facet is None and not money else SIBLING_OFFICE_FACT
    return [
        Match(m.entry_id, round(m.score * damp, 1)) if m.entry_id in administering else m
        for m in ranked
    ]
