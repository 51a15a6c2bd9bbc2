"""A member's question: match it, log it for the evaluation figures, compose the reply."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ask.pages import for_result, suggestions
from bot.core.pseudonyms import Pseudonyms
from bot.core.reply import Reply, esc
from bot.db.questions import QuestionQueries, ScoredId
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge
from bot.matching.matcher import Matcher

MAX_STORED = 4096


@dataclass(frozen=True)
class Asking:
    questions: QuestionQueries
    matcher: Matcher
    knowledge: Knowledge
    pseudonyms: Pseudonyms

    async def ask(self, t: Translator, user_id: int, text: str) -> Reply:
        """Answer a free-text question and log it (pseudonymous key, matches, outcome)."""
        result = self.matcher.match(text)
        outcome = "answered" if result.confident else ("unsure" if result.matches else "no_match")
        key = self.pseudonyms.of(user_id)
        question_id = await self.questions.log_question(
            key,
            t.locale,
            text[:MAX_STORED],
            outcome,
            [ScoredId(m.entry_id, m.score) for m in result.matches],
        )
        if result.confident and result.best:
            entry = self.knowledge.entries[result.best.entry_id]
            for target, kind in self._referred(entry):
                await self.questions.log_referral(key, target, kind, "answer", question_id)
        return for_result(result, question_id, t, self.knowledge)

    def _referred(self, entry: Entry) -> list[tuple[str, str]]:
        """Where an answer refers to: an FAQ answer to the offices it names (issue 13), so
        the figures and the follow-up count the office; any other entry to itself."""
        if entry.kind == "faq":
            offices = [self.knowledge.entries.get(x) for x in entry.offices]
            found = [(o.id, o.kind) for o in offices if o is not None]
            if found:
                return found
        return [(entry.id, entry.kind)]

    async def pick(self, user_id: int, question_id: int, entry_id: str) -> bool:
        """Log that the user chose another candidate; False if the button was not theirs."""
        entry = self.knowledge.entries.get(entry_id)
        key = self.pseudonyms.of(user_id)
        if entry is None or await self.questions.question_text(question_id, key) is None:
            return False
        await self.questions.log_action(question_id, "candidate", entry_id)
        for target, kind in self._referred(entry):
            await self.questions.log_referral(key, target, kind, "button", question_id)
        return True

    async def other_candidates(
        self, t: Translator, user_id: int, question_id: int
    ) -> Reply | None:
        """After "not what I meant": the other candidates and the hand-over; None if forged."""
        asked = await self.questions.question_text(question_id, self.pseudonyms.of(user_id))
        if asked is None:
            return None
        await self.questions.log_action(question_id, "not_what_i_meant")
        result = self.matcher.match(asked[0])
        entries = [self.knowledge.entries[m.entry_id] for m in result.matches[1:4]]
        intro = esc(
            t.gettext("Sorry. Perhaps one of these fits, or ask the coordination office:")
            if entries
            else t.gettext("Sorry. You can pass the question to the coordination office:")
        )
        return suggestions(entries, question_id, t, intro)

    async def log_view(self, user_id: int, entry_id: str, how: str) -> None:
        """An entry opened from a menu, a shared link or a button counts as a referral."""
        entry = self.knowledge.entries[entry_id]
        await self.questions.log_referral(self.pseudonyms.of(user_id), entry.id, entry.kind, how)
