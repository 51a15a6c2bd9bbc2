"""What a typed message is, and in which language to answer it (pure, no I/O).

First the language: when the message is clearly written in another of the nine languages
than the member's (bot.matching.language), the reply is in that language; the stored choice
changes only when the member presses "Keep answering in …". Then the intent: small talk, a
feature of the bot or a request for the coordination office (bot.ask.intents) is answered as
such and never reaches the knowledge base. Everything else is a question for the matcher;
one it recognises nothing in is answered in the member's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, Protocol

from bot.ask.intents import Intent, IntentDetector
from bot.knowledge import Entry, Knowledge
from bot.matching.language import detect as detect_language
from bot.matching.matcher import MatchResult

NOTHING: Final = MatchResult(())  # what an intent leaves for the matcher
Kind = Literal["smalltalk", "feature", "handover", "answer", "unsure", "out_of_scope"]
COORDINATION_OFFICE: Final = "koordinierungsstelle-mo"


class Matching(Protocol):
    def match(self, text: str, limit: int = 5) -> MatchResult: ...


@dataclass(frozen=True)
class Understood:
    text: str
    lang: str  # the language to answer in
    current: str  # the member's language (their choice, else Telegram's)
    intent: Intent | None = None
    result: MatchResult = NOTHING

    @property
    def switched(self) -> bool:
        """Answered in the question's language instead of the member's."""
        return self.lang != self.current

    @property
    def kind(self) -> Kind:
        if self.intent is not None:
            return "handover" if self.intent.handover else self.intent.kind  # type: ignore[return-value]
        if self.result.confident:
            return "answer"
        return "unsure" if self.result.matches else "out_of_scope"

    @property
    def outcome(self) -> str:
        """The outcome stored with a question (questions.outcome)."""
        return {"answer": "answered", "unsure": "unsure"}.get(self.kind, "no_match")


@dataclass(frozen=True)
class Understanding:
    matcher: Matching
    intents: IntentDetector

    def understand(self, text: str, current: str) -> Understood:
        lang = detect_language(text, current) or current
        intent = self.intents.detect(text)
        if intent is not None:
            return Understood(text, lang, current, intent)
        result = self.matcher.match(text)
        if not result.matches:
            # Nothing recognised (gibberish, a name, another topic): its language is no more
            # certain than its meaning, and the reply (no answer; the menu, the hand-over) is
            # best in the member's own language.
            lang = current
        return Understood(text, lang, current, result=result)


def answered_entry(understood: Understood, knowledge: Knowledge) -> Entry | None:
    """The entry a confident answer shows."""
    best = understood.result.best
    if understood.kind != "answer" or best is None:
        return None
    return knowledge.entries.get(best.entry_id)


def referral_targets(understood: Understood, knowledge: Knowledge) -> list[Entry]:
    """The offices the reply sends the member to: an office answered, the offices of another
    answer ("where to go"), or the coordination office for a hand-over."""
    if understood.kind == "handover":
        office = knowledge.entries.get(COORDINATION_OFFICE)
        return [office] if office else []
    entry = answered_entry(understood, knowledge)
    if entry is None:
        return []
    if entry.kind == "office":
        return [entry]
    return [knowledge.entries[o] for o in entry.offices if o in knowledge.entries]
