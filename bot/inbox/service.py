"""The handoff inbox: questions the bot could not answer go to the coordination office.

The coordinators get each question with the member's language, under a pseudonym unless the
member chose to share their name; a reply to that card (or /answer N) is delivered to the
member inside a message in the member's language. Cards and answers leave through the one
sender (bot.core.sending), so a member who blocked the bot is marked unreachable everywhere.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.config import Config
from bot.core.callbacks import parse_int
from bot.core.pseudonyms import Pseudonyms
from bot.core.reply import Reply
from bot.core.sending import Sender
from bot.db import Database
from bot.db.inbox import OpenQuestion
from bot.i18n import Catalogs, Translator
from bot.i18n.locale import decide_locale
from bot.inbox import pages

log = logging.getLogger(__name__)
LIST_LIMIT = 10


@dataclass(frozen=True)
class Delivered:
    ok: bool
    number: int
    blocked: bool = False


@dataclass(frozen=True)
class HandedOver:
    number: int
    text: str
    locale: str


@dataclass(frozen=True)
class Inbox:
    db: Database
    catalogs: Catalogs
    config: Config
    pseudonyms: Pseudonyms
    sender: Sender

    async def coordinator_ids(self) -> list[int]:
        """From COORDINATOR_IDS and those granted the role."""
        granted = set(await self.db.roles.coordinators_by_role())
        return sorted(self.config.coordinator_ids | granted)

    async def translator_for(self, user_id: int) -> Translator:
        locale, telegram = await self.db.users.languages_of(user_id)
        return self.catalogs.get(decide_locale(locale, telegram, self.config.default_language))

    async def send_card(self, chat_id: int, q: OpenQuestion) -> bool:
        """Send one question to one coordinator and remember the message for the reply."""
        t = await self.translator_for(chat_id)
        card = pages.question_card(t, q, self.pseudonyms.of(q.user_id)[:8])
        outcome = await self.sender.deliver(chat_id, Reply(card))
        if not outcome.sent or outcome.message_id is None:
            log.warning("could not show question %d to a coordinator: %s", q.id, outcome.kind)
            return False
        await self.db.inbox.add_inbox_message(chat_id, outcome.message_id, q.id)
        return True

    async def is_theirs(self, user_id: int, question_id: int) -> bool:
        """Whether the question was asked by this user (buttons carry only its number)."""
        asked = await self.db.questions.question_text(question_id, self.pseudonyms.of(user_id))
        return asked is not None

    async def hand_over(
        self, user_id: int, question_id: int, name: str | None
    ) -> HandedOver | None:
        """Pass the member's question on (once); None if the button was not theirs."""
        questions = self.db.questions
        asked = await questions.question_text(question_id, self.pseudonyms.of(user_id))
        if asked is None or not asked[0]:
            return None
        await questions.log_action(question_id, "hand_over")
        number = await questions.add_open_question(question_id, user_id, asked[1], asked[0])
        item = HandedOver(number, asked[0], asked[1])
        if await self.db.inbox.mark_notified(item.number, name):
            q = await self.db.inbox.get_open_question(item.number)
            if q is not None:
                for coordinator_id in await self.coordinator_ids():
                    await self.send_card(coordinator_id, q)
        return item

    async def deliver_answer(
        self, q: OpenQuestion, answer_html: str, coordinator_id: int
    ) -> Delivered:
        """Send the coordinator's answer to the member, framed in the member's language."""
        default = self.config.default_language
        t = self.catalogs.get(q.locale if q.locale in self.catalogs.languages else default)
        outcome = await self.sender.deliver(q.user_id, pages.answer_frame(t, q.id, answer_html))
        if outcome.kind == "blocked":
            return Delivered(False, q.id, blocked=True)
        if not outcome.sent:
            log.warning("could not deliver the answer to question %d: %s", q.id, outcome.kind)
            return Delivered(False, q.id)
        await self.db.inbox.record_answer(q.id, answer_html, coordinator_id)
        log.info("question %d answered", q.id)
        return Delivered(True, q.id)

    async def list_open(self, t: Translator, chat_id: int) -> Reply:
        """/inbox: the open questions as cards one can reply to, then a summary."""
        open_questions, total = await self.db.inbox.list_open_questions(LIST_LIMIT)
        for q in open_questions:
            await self.send_card(chat_id, q)
        return pages.open_summary(t, total, len(open_questions))


def delivery_note(t: Translator, result: Delivered) -> Reply:
    """What the coordinator is told after answering."""
    if result.ok:
        return pages.delivered(t, result.number)
    return pages.not_delivered(t, result.number, result.blocked)


def parse_answer_command(args: list[str]) -> tuple[int, str] | None:
    """/answer N text … → (N, text)."""
    number = parse_int(args[0], 1) if len(args) >= 2 else None
    return None if number is None else (number, " ".join(args[1:]))
