"""What a message is when it is not a question: small talk, a feature of the bot, a hand-over.

`IntentDetector.detect(text)` is pure and fast (a few dictionary look-ups per word). A feature
or hand-over phrase wins wherever it stands in the message ("Hallo, könnt ihr mich an die
Frist erinnern?" is the reminders feature). Small talk wins only when the message is nothing
else: a greeting followed by a question ("Hallo, wie viel zahlt der Ausländerbeirat?") or a
thanks with a question ("Danke! Und bis wann läuft die WIR-Frist?") is a question, so `detect`
returns None and the matcher answers it. The phrases are data (knowledge/intents.toml).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

from rapidfuzz import fuzz, process

from bot.config import REPO_ROOT
from bot.knowledge.intents import IntentTable, load_intents
from bot.matching.facets import detect_facet
from bot.matching.frames import FRAME_TOKENS
from bot.matching.normalize import tokens
from bot.matching.phrases import common_prefix

PREFIX_MIN: Final = 4  # a phrase word this long also matches the words it begins
STEM_MIN: Final = 5  # … and a word sharing its first letters but one ending ("видаліть")
FUZZY_MIN: Final = 5  # … and this long, a word with a typo
FUZZY_CUTOFF: Final = 85
MAX_SMALLTALK_EXTRA: Final = 4  # other words beside small talk ("Danke, echt stark")
_ARABIC_CLITICS: Final = ("و", "ف", "ب", "ل")  # "وشكرا" and thanks, "بالدليل" in the directory
_ARABIC_SCRIPT: Final = re.compile("[\u0600-\u06ff]")
_QUESTION: Final = re.compile("[?؟]")


@dataclass(frozen=True)
class Intent:
    """What the reply needs: its kind, and the command its button leads to."""

    id: str  # greeting, thanks, register_org, application_status, …
    kind: str  # smalltalk | feature | handover
    command: str | None = None  # e.g. "register": the reply offers this command's page

    @property
    def handover(self) -> bool:
        """The message goes to the coordination office (with the user's consent)."""
        return self.kind == "handover"


@dataclass(frozen=True)
class _Phrase:
    intent: str
    groups: tuple[frozenset[str], ...]  # each group: alternatives, one of which must occur
    words: frozenset[str]  # all of them
    absent: frozenset[str] = frozenset()  # words that must not occur with them

    def said(self, present: set[str]) -> bool:
        return self.absent.isdisjoint(present) and all(
            not group.isdisjoint(present) for group in self.groups
        )


def _groups(phrase: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """A phrase's words, and the words that must not be said with them. A word written
    "antrag|unterlagen|geld" is one of several; "-взять|получить" must not occur ("где наши
    деньги?" asks after a payment, "где нам взять деньги на наш праздник?" for a program)."""
    out: list[frozenset[str]] = []
    absent: set[str] = set()
    for word in phrase.split():
        alternatives = frozenset(t for alt in word.split("|") for t in tokens(alt.rstrip("=")))
        if word.startswith("-"):
            absent |= alternatives
        elif "|" in word:
            out.append(alternatives)
        else:  # "по-русски" is two words
            out.extend(frozenset({t}) for t in tokens(word))
    return tuple(dict.fromkeys(g for g in out if g)), frozenset(absent)


# A phrase is said within one sentence: words scattered over a story ("registered … with …
# you") are not a request. Commas do not end a sentence: "Danke, tschüss" is one message.
_SENTENCE_END: Final = re.compile(r"[.!?;؟…\n]+(?:\s|$)|\n")


class IntentDetector:
    def __init__(self, table: IntentTable, answers: Callable[[str], bool] | None = None) -> None:
        """`answers(text)`: whether the knowledge base answers what is left of a message
        beside its small talk (`Matcher.answers`), which makes it a question."""
        self._answers = answers or (lambda text: False)
        self._intents = {s.id: Intent(s.id, s.kind, s.command) for s in table.intents.values()}
        self._order = {intent_id: n for n, intent_id in enumerate(self._intents)}
        self._phrases: dict[str, list[_Phrase]] = defaultdict(list)  # by the words of a group
        words: set[str] = set()
        for spec in table.intents.values():
            for phrase in {p for ps in spec.phrases.values() for p in ps}:
                groups, absent = _groups(phrase)
                if not groups:
                    continue
                every = frozenset().union(*groups)
                entry = _Phrase(spec.id, groups, every, absent)
                # indexed under each alternative of its most selective group
                for key in min(groups, key=lambda g: (len(g), -max(map(len, g)))):
                    self._phrases[key].append(entry)
                words |= every | absent
        self._words = frozenset(words)
        # words written "verilerim=": only themselves and the words they begin, no other
        # ending ("verilerim", my data, is not "verileri", the data)
        self._exact = frozenset(
            t
            for spec in table.intents.values()
            for ps in spec.phrases.values()
            for phrase in ps
            for word in phrase.split()
            for alt in word.split("|")
            if alt.endswith("=")
            for t in tokens(alt.rstrip("="))
        )
        self._smalltalk_words = frozenset(
            w
            for ps in self._phrases.values()
            for p in ps
            if self._intents[p.intent].kind == "smalltalk"
            for w in p.words
        )
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        for w in words:
            if len(w) >= STEM_MIN:
                self._by_stem[w[:STEM_MIN]].append(w)
        # typo candidates by first letter and length: a typo rarely hits the first letter
        self._long: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in sorted(words):
            if len(w) >= FUZZY_MIN:
                self._long[w[0], len(w)].append(w)
        self._fillers = frozenset(
            t for ws in table.fillers.values() for w in ws for t in tokens(w)
        )

    def detect(self, text: str) -> Intent | None:
        """The intent of the message, or None for a question (or nothing recognisable)."""
        words = tokens(text)
        if not words:
            return None
        found = {w: self._stems(w) for w in dict.fromkeys(words)}
        matched: list[_Phrase] = []
        for sentence in _SENTENCE_END.split(text):
            present = {stem for w in tokens(sentence) for stem in found.get(w, ())}
            matched.extend(
                p for stem in present for p in self._phrases.get(stem, ()) if p.said(present)
            )
        matched = list(dict.fromkeys(matched))
        if not matched:
            return None
        features = [p for p in matched if self._intents[p.intent].kind != "smalltalk"]
        if features:
            # the intent listed first in the file ("delete my data" before "my data")
            best = min(features, key=lambda p: (self._order[p.intent], -len(p.words)))
            return self._intents[best.intent]
        covered = {
            w for w, stems in found.items() if any(s in p.words for p in matched for s in stems)
        }
        if not self._only_smalltalk(words, found, covered, matched, bool(_QUESTION.search(text))):
            return None
        return self._intents[self._last(words, found, matched)]

    def _stems(self, word: str) -> set[str]:
        """The phrase words this message word matches: itself, its beginnings, typos."""
        forms = [word]
        if len(word) >= 4 and _ARABIC_SCRIPT.match(word):
            if word[0] in _ARABIC_CLITICS:
                forms.append(word[1:])
            forms.extend(_spoken_persian(word))
        out = set()
        for form in forms:
            if form in self._words:
                out.add(form)
            out.update(form[:n] for n in range(PREFIX_MIN, len(form)) if form[:n] in self._words)
            for w in self._by_stem.get(form[:STEM_MIN], ()):
                # another ending of the same word, not a longer word ("nasil" ≠ "nasilsin")
                if (
                    len(form) >= len(w) - 2
                    and common_prefix(form, w) >= max(len(form), len(w)) - 3
                    and w not in self._exact
                ):
                    out.add(w)
            if not out and len(form) >= FUZZY_MIN:
                near = [
                    c for n in range(-2, 3) for c in self._long.get((form[0], len(form) + n), ())
                ]
                out.update(_close(form, near) - self._exact)
        return out

    def _only_smalltalk(
        self,
        words: list[str],
        found: dict[str, set[str]],
        covered: set[str],
        matched: list[_Phrase],
        asked: bool,
    ) -> bool:
        if detect_facet(words) is not None:
            return False  # "Danke! Und bis wann …": asks for a fact
        rest = [
            w
            for w in words
            if w not in covered
            and w not in FRAME_TOKENS
            and not self._filler(w)
            and not w.isdigit()
            and len(w) > 1
            and not found[w] & self._smalltalk_words
        ]
        if not rest:
            return True
        if asked and len(rest) >= 2 and all(p.words <= FRAME_TOKENS for p in matched):
            # small talk made only of question words asks something when more follows:
            # "چطوری" alone is "how are you", "چطوری یه انجمن راه بندازیم؟" is "how do we …"
            return False
        return len(rest) <= MAX_SMALLTALK_EXTRA and not self._answers(" ".join(rest))

    def _filler(self, word: str) -> bool:
        """A filler word, or one with an ending ("راهنمایی‌تون": your guidance)."""
        if word in self._fillers:
            return True
        return any(word[:n] in self._fillers for n in range(PREFIX_MIN, len(word)))

    def _last(self, words: list[str], found: dict[str, set[str]], matched: list[_Phrase]) -> str:
        """Of several small-talk intents: an insult, else the one said last ("Danke, tschüss").
        A wish made only of filler words ("schönen Tag", "гарного дня") closes a thanks or a
        greeting without making it a goodbye: it counts only when nothing else was said."""
        intents = {p.intent for p in matched}
        if "insult" in intents:
            return "insult"
        last: dict[str, tuple[bool, int, int]] = {}  # intent -> (said, position, words)
        for i, w in enumerate(words):
            for p in matched:
                if found[w] & p.words:
                    key = (not p.words <= self._fillers, i, len(p.words))
                    last[p.intent] = max(last.get(p.intent, (False, -1, 0)), key)
        return max(intents, key=lambda i: (last.get(i, (False, -1, 0)), -self._order[i]))


def _spoken_persian(word: str) -> list[str]:
    """The written forms of spoken Persian: the object marker on the word ("زبونو", "دیتامو":
    the language, my data), and u for a before n ("زبون", "میتونم", "نشونم")."""
    forms = [word[:-1]] if word.endswith("و") else []
    forms += [f.replace("ون", "ان") for f in (word, *forms) if "ون" in f[1:]]
    return forms


def _close(word: str, near: list[str]) -> set[str]:
    return {
        c
        for c, _, _ in process.extract(
            word, near, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF, limit=3
        )
    }


@cache
def default_detector() -> IntentDetector:
    """The detector of this checkout's knowledge/intents.toml, without a vocabulary."""
    return IntentDetector(load_intents(REPO_ROOT / "knowledge"))


def detect(text: str) -> Intent | None:
    """`default_detector().detect(text)`; the bot builds its own with the matcher's words."""
    return default_detector().detect(text)
