"""A member's message: understand it, log what the figures need, compose the reply.

What is logged, and why:
- small talk and the bot's own features: nothing. They are no questions to the knowledge
  base, so storing their text would keep personal data for no purpose, and counting them
  would inflate the questions and the unanswered ones;
- a message for the coordination office (application status, "a person please"): stored
  like a question with its intent (migration 0008), because the hand-over buttons pass its
  text on; it counts in the figures only once handed over, never as unanswered;
- a question: as before (matches, outcome), and a confident answer as a referral to where
  it sends the member (an FAQ answer: to each office it names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.ask.pages import for_message, suggestions
from bot.ask.understanding import Understanding, answered_entry
from bot.browse.entry import NextDeadline
from bot.core.pseudonyms import Pseudonyms
from bot.core.reply import Reply, esc
from bot.db.questions import QuestionQueries, ScoredId
from bot.events.occurrences import Occurrence
from bot.events.service import Events
from bot.i18n import Catalogs, Translator
from bot.knowledge import Entry, Knowledge

MAX_STORED = 4096


async def next_deadline(events: Events, entry_id: str) -> NextDeadline | None:
    """The next deadline of a program that has not passed (a coordinator's date included)."""
    if not events.desk.catalog.deadline_events_for(entry_id):
        return None
    return first_deadline(await events.upcoming(), entry_id)


def first_deadline(occurrences: Iterable[Occurrence], entry_id: str) -> NextDeadline | None:
    """The first active deadline of the entry among occurrences sorted by date."""
    for occ in occurrences:
        if occ.entry_id == entry_id and occ.kind == "deadline" and not occ.cancelled:
            return NextDeadline(occ.day, occ.tentative)
    return None


@dataclass(frozen=True)
class Asking:
    questions: QuestionQueries
    understanding: Understanding
    knowledge: Knowledge
    pseudonyms: Pseudonyms
    catalogs: Catalogs
    events: Events

    async def ask(self, t: Translator, user_id: int, text: str) -> Reply:
        """Answer a typed message in its language and log it as the module docstring says."""
        understood = self.understanding.understand(text, t.locale)
        t = self.catalogs.get(understood.lang)
        question_id = 0
        key = self.pseudonyms.of(user_id)
        intent = understood.intent
        if intent is None or intent.handover:
            question_id = await self.questions.log_question(
                key,
                t.locale,
                text[:MAX_STORED],
                understood.outcome,
                [ScoredId(m.entry_id, m.score) for m in understood.result.matches],
                intent.id if intent else None,
            )
        entry = answered_entry(understood, self.knowledge)
        deadline = None
        if entry is not None:
            for target, kind in self._referred(entry):
                await self.questions.log_referral(key, target, kind, "answer", question_id)
            deadline = await next_deadline(self.events, entry.id)
        return for_message(understood, question_id, t, self.knowledge, deadline)

    async def pick(self, user_id: int, question_id: int, entry_id: str) -> str | None:
        """Log that the user chose another candidate; the question's language, or None if
        the button was not theirs."""
        entry = self.knowledge.entries.get(entry_id)
        key = self.pseudonyms.of(user_id)
        asked = await self.questions.question_text(question_id, key)
        if entry is None or asked is None:
            return None
        await self.questions.log_action(question_id, "candidate", entry_id)
        for target, kind in self._referred(entry):
            await self.questions.log_referral(key, target, kind, "button", question_id)
        return asked[1]

    def _referred(self, entry: Entry) -> list[tuple[str, str]]:
        """Where an answer refers to: an FAQ answer to the offices it names (issue 13), so
        the figures and the follow-up count the office; any other entry to itself."""
        if entry.kind == "faq":
            offices = [self.knowledge.entries.get(x) for x in entry.offices]
            found = [(o.id, o.kind) for o in offices if o is not None]
            if found:
                return found
        return [(entry.id, entry.kind)]

    async def other_candidates(self, user_id: int, question_id: int) -> Reply | None:
        """After "not what I meant": the other candidates and the hand-over, in the language
        the question was answered in; None if forged."""
        asked = await self.questions.question_text(question_id, self.pseudonyms.of(user_id))
        if asked is None:
            return None
        t = self.catalogs.get(asked[1] if asked[1] in self.catalogs.languages else "de")
        await self.questions.log_action(question_id, "not_what_i_meant")
        result = self.understanding.matcher.match(asked[0])
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
