"""The handoff inbox: questions the bot could not answer go to the coordination office.

The coordinators get each question with the member's language, under a pseudonym unless the
member chose to share their name, in as many parts as Telegram needs (a reply to any part
answers); a reply to that card (or /answer N) is delivered to the member inside a message in
the member's language. Cards and answers leave through the one sender (bot.core.sending), so a
member who blocked the bot is marked unreachable everywhere. A member may pass
HANDOVERS_PER_DAY questions a day (no flood of cards to every coordinator).

With TRANSLATE_URL (translation.py), the card shows a German machine translation below the
question, and an answer can go with a machine translation into the member's language below
the coordinator's own text; without the service (down, slow) everything works untranslated.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time

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
from bot.inbox.translation import Translation

log = logging.getLogger(__name__)
LIST_LIMIT = 10
MAX_DRAFTS = 200  # answers waiting for "with or without translation" (in memory)


@dataclass(frozen=True)
class Delivered:
    ok: bool
    number: int
    blocked: bool = False
    gone: bool = False  # the member deleted their data: nothing can reach them
    translated_into: str | None = None
    translation_failed: bool = False


@dataclass(frozen=True)
class HandedOver:
    number: int
    text: str
    locale: str
    first: bool = True  # the office was not told yet: the cards go out now


@dataclass(frozen=True)
class Limited:
    """The member passed as many questions today as HANDOVERS_PER_DAY allows."""

    limit: int


@dataclass(frozen=True)
class Draft:
    """An answer waiting for the coordinator's choice: with the translation or without."""

    question: OpenQuestion
    answer_html: str
    translation: str
    language: str
    serial: int  # in the preview's buttons: an older preview never sends a newer answer


@dataclass(frozen=True)
class Inbox:
    db: Database
    catalogs: Catalogs
    config: Config
    pseudonyms: Pseudonyms
    sender: Sender
    translation: Translation
    drafts: dict[tuple[int, int], Draft] = field(default_factory=dict, compare=False)
    serials: Iterator[int] = field(default_factory=lambda: itertools.count(1), compare=False)

    async def coordinator_ids(self) -> list[int]:
        """From COORDINATOR_IDS and those granted the role."""
        granted = set(await self.db.roles.coordinators_by_role())
        return sorted(self.config.coordinator_ids | granted)

    async def translator_for(self, user_id: int) -> Translator:
        locale, telegram = await self.db.users.languages_of(user_id)
        return self.catalogs.get(decide_locale(locale, telegram, self.config.default_language))

    async def send_card(
        self,
        chat_id: int,
        q: OpenQuestion,
        german: str | None = None,
        preview: bool = False,
        t: Translator | None = None,
    ) -> bool:
        """Send one question to one coordinator (in `t`, else their stored language), part by
        part, and remember every part's message for the reply."""
        t = t or await self.translator_for(chat_id)
        pseudonym = self.pseudonyms.of(q.user_id)[:8]
        for part in pages.question_card(t, q, pseudonym, german, preview):
            outcome = await self.sender.deliver(chat_id, Reply(part))
            if not outcome.sent or outcome.message_id is None:
                log.warning("could not show question %d to a coordinator: %s", q.id, outcome.kind)
                return False
            await self.db.inbox.add_inbox_message(chat_id, outcome.message_id, q.id)
        return True

    async def language_of(self, user_id: int, question_id: int) -> str | None:
        """The language the question was answered in, if this user asked it (buttons carry
        only its number); None for someone else's or a forged number."""
        asked = await self.db.questions.question_text(question_id, self.pseudonyms.of(user_id))
        return None if asked is None else asked[1]

    async def limit_reached(self, user_id: int, question_id: int) -> bool:
        """Whether passing this question on would exceed HANDOVERS_PER_DAY (one passed on
        already does not count again)."""
        if await self.db.inbox.is_handed_over(question_id):
            return False
        tz = self.config.timezone
        midnight = datetime.combine(datetime.now(tz).date(), time(), tzinfo=tz)
        since = midnight.astimezone(UTC).isoformat(timespec="seconds")  # as created_at
        done = await self.db.inbox.handovers_since(user_id, since)
        return done >= self.config.handovers_per_day

    async def hand_over(
        self, user_id: int, question_id: int, name: str | None
    ) -> HandedOver | Limited | None:
        """Record the member's question for the office (once); None if the button was not
        theirs. The cards go out with `notify`, after the member has been told."""
        questions = self.db.questions
        asked = await questions.question_text(question_id, self.pseudonyms.of(user_id))
        if asked is None or not asked[0]:
            return None
        if await self.limit_reached(user_id, question_id):
            log.info("hand-over refused: the member's limit for today is reached")
            return Limited(self.config.handovers_per_day)
        await questions.log_action(question_id, "hand_over")
        number = await questions.add_open_question(question_id, user_id, asked[1], asked[0])
        first = await self.db.inbox.mark_notified(number, name)
        return HandedOver(number, asked[0], asked[1], first)

    async def notify(self, item: HandedOver) -> int:
        """The new question's card to every coordinator; how many got it."""
        q = await self.db.inbox.get_open_question(item.number)
        if q is None or not item.first:
            return 0
        german = await self.translation.of_question(q)
        shown = 0
        for coordinator_id in await self.coordinator_ids():
            shown += await self.send_card(coordinator_id, q, german)
        return shown

    async def answer(
        self, q: OpenQuestion, answer_html: str, coordinator_id: int
    ) -> Delivered | Draft:
        """A coordinator's answer: delivered at once, or, where a machine translation into
        the member's language is to be had, a draft the coordinator sends with or without."""
        if not q.user_id:
            return Delivered(False, q.id, gone=True)
        found = await self.translation.of_answer(q, answer_html)
        if found.text is None or found.language is None:
            return await self.deliver_answer(q, answer_html, coordinator_id, failed=found.failed)
        draft = Draft(q, answer_html, found.text, found.language, next(self.serials))
        if len(self.drafts) >= MAX_DRAFTS:
            self.drafts.pop(next(iter(self.drafts)))  # the oldest waits no longer
        self.drafts[(coordinator_id, q.id)] = draft
        return draft

    async def send_draft(
        self, coordinator_id: int, number: int, serial: int, translated: bool
    ) -> Delivered | None:
        """The waiting answer, with or without its translation; None if this one is not
        waiting (sent already, replaced by a newer answer, or lost in a restart)."""
        draft = self.drafts.get((coordinator_id, number))
        if draft is None or draft.serial != serial:
            return None
        del self.drafts[(coordinator_id, number)]
        translation = draft.translation if translated else None
        return await self.deliver_answer(
            draft.question, draft.answer_html, coordinator_id, translation, draft.language
        )

    async def deliver_answer(
        self,
        q: OpenQuestion,
        answer_html: str,
        coordinator_id: int,
        translation: str | None = None,
        language: str | None = None,
        failed: bool = False,
    ) -> Delivered:
        """Send the coordinator's answer to the member, framed in the member's language."""
        if not q.user_id:
            return Delivered(False, q.id, gone=True)
        default = self.config.default_language
        t = self.catalogs.get(q.locale if q.locale in self.catalogs.languages else default)
        frame = pages.answer_frame(t, q.id, answer_html, translation)
        outcome = await self.sender.deliver(q.user_id, frame)
        if outcome.kind == "blocked":
            return Delivered(False, q.id, blocked=True)
        if not outcome.sent:
            log.warning("could not deliver the answer to question %d: %s", q.id, outcome.kind)
            return Delivered(False, q.id)
        await self.db.inbox.record_answer(q.id, answer_html, coordinator_id)
        log.info("question %d answered%s", q.id, " with a translation" if translation else "")
        return Delivered(
            True,
            q.id,
            translated_into=language if translation else None,
            translation_failed=failed,
        )

    async def list_open(self, t: Translator, chat_id: int) -> Reply:
        """/inbox: the open questions as cards one can reply to (a long one shortened), then
        a summary."""
        open_questions, total = await self.db.inbox.list_open_questions(LIST_LIMIT)
        germans = await self.translation.of_questions(open_questions)
        for q, german in zip(open_questions, germans, strict=True):
            await self.send_card(chat_id, q, german, preview=True, t=t)
        return pages.open_summary(t, total, len(open_questions))

    async def show_one(self, t: Translator, chat_id: int, number: int) -> Reply | None:
        """/inbox N: question N whole, in parts; or why not."""
        q = await self.db.inbox.get_open_question(number)
        if q is None:
            return pages.no_such_question(t, number)
        if not q.user_id:
            return pages.member_gone(t, number)
        await self.send_card(chat_id, q, await self.translation.of_question(q), t=t)
        return None

    async def question_of_card(
        self, chat_id: int, message_id: int, card_text: str | None
    ) -> OpenQuestion | int | None:
        """The question a message in a coordinator's chat is a card of: the question; its
        number if the card is known but the question is gone (deleted data); None if the
        message is no card."""
        q = await self.db.inbox.question_for_message(chat_id, message_id)
        if q is not None:
            return q if q.user_id else q.id
        number = pages.card_number(card_text)  # the card's record went with the member's data
        if number is None:
            return None
        q = await self.db.inbox.get_open_question(number)
        return q if q is not None and q.user_id else number


def delivery_note(t: Translator, result: Delivered) -> Reply:
    """What the coordinator is told after answering."""
    if result.gone:
        return pages.member_gone(t, result.number)
    if result.ok:
        note = pages.translation_note(t, result.translated_into, result.translation_failed)
        return pages.delivered(t, result.number, note)
    return pages.not_delivered(t, result.number, result.blocked)


def parse_answer_command(args: list[str]) -> tuple[int, str] | None:
    """/answer N text … → (N, text)."""
    number = parse_int(args[0], 1) if len(args) >= 2 else None
    return None if number is None else (number, " ".join(args[1:]))


def parse_number(args: list[str]) -> int | None:
    """/inbox N → N; None if malformed."""
    return parse_int(args[0], 1) if len(args) == 1 else None
