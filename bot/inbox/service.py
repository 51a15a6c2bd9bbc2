"""The handoff inbox: questions the bot could not answer go to the coordination office.

The coordinators get each question with the member's language, under a pseudonym unless the
member chose to share their name; a reply to that message (or /answer N) is delivered to the
member inside a message in the member's language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from telegram import Bot
from telegram.error import Forbidden, TelegramError

from bot.ask import service as questions
from bot.ask.service import HandOver
from bot.core.office_hours import expectation
from bot.core.reply import Button, Reply, bold, esc
from bot.db.inbox import OpenQuestion
from bot.i18n import Translator
from bot.i18n.languages import NATIVE_NAMES
from bot.i18n.locale import decide_locale
from bot.services import Services

log = logging.getLogger(__name__)
LIST_LIMIT = 10


@dataclass(frozen=True)
class Delivered:
    ok: bool
    number: int
    blocked: bool = False


async def coordinator_ids(services: Services) -> list[int]:
    """From COORDINATOR_IDS and those granted the role."""
    return sorted(
        services.config.coordinator_ids | set(await services.db.roles.coordinators_by_role())
    )


async def translator_for(services: Services, user_id: int) -> Translator:
    locale, telegram = await services.db.users.languages_of(user_id)
    return services.catalogs.get(decide_locale(locale, telegram, services.config.default_language))


def question_card(t: Translator, services: Services, q: OpenQuestion) -> str:
    """The coordinators' copy of a question (HTML)."""
    language = NATIVE_NAMES.get(q.locale, q.locale)
    if q.shared_name:
        sender = t.gettext(
            "Language: {language} · from: {name} (name shared)",
            language=language,
            name=q.shared_name,
        )
    else:
        sender = t.gettext(
            "Language: {language} · from: {pseudonym}",
            language=language,
            pseudonym=services.user_key(q.user_id)[:8],
        )
    return "\n".join(
        [
            bold(t.gettext("Question no. {number} for the coordination office", number=q.id)),
            esc(sender),
            "",
            esc(q.text),
            "",
            esc(t.gettext("Reply to this message to answer; the member gets your reply.")),
        ]
    )


async def send_card(bot: Bot, services: Services, chat_id: int, q: OpenQuestion) -> bool:
    """Send one question to one coordinator and remember the message for the reply."""
    t = await translator_for(services, chat_id)
    try:
        message = await bot.send_message(chat_id, question_card(t, services, q))
    except TelegramError as exc:
        log.warning("could not show question %d to a coordinator: %s", q.id, exc)
        return False
    await services.db.inbox.add_inbox_message(chat_id, message.message_id, q.id)
    return True


async def notify_coordinators(bot: Bot, services: Services, item: HandOver, user_id: int) -> int:
    """Send the question to every coordinator; returns how many were reached."""
    q = await services.db.inbox.get_open_question(item.number)
    if q is None:
        return 0
    reached = 0
    for coordinator_id in await coordinator_ids(services):
        reached += await send_card(bot, services, coordinator_id, q)
    return reached


async def hand_over(
    bot: Bot, services: Services, user_id: int, question_id: int, name: str | None
) -> HandOver | None:
    """Pass the member's question on (once); None if the button was not theirs."""
    item = await questions.hand_over(services, user_id, question_id)
    if item is None:
        return None
    if await services.db.inbox.mark_notified(item.number, name):
        await notify_coordinators(bot, services, item, user_id)
    return item


def handed_over(t: Translator, services: Services, number: int, now: datetime) -> Reply:
    """What the member is told: the number, and when to expect an answer."""
    passed = t.gettext(
        "I have passed your question to the coordination office for migrant organisations "
        "(no. {number}).",
        number=number,
    )
    return Reply(esc(passed) + "\n\n" + esc(expectation(services.config.office_hours, t, now)))


def name_choice(t: Translator, question_id: int, name: str) -> Reply:
    """Ask whether the office may see the member's name; the pseudonym comes first."""
    text = t.gettext(
        "I will pass your question to the coordination office. Should they see your name? "
        "Without it they see only a pseudonym."
    )
    return Reply(
        esc(text),
        (
            (Button(t.pgettext("button", "Without my name"), f"hn:{question_id}:0"),),
            (
                Button(
                    t.pgettext("button", "With my name ({name})", name=name), f"hn:{question_id}:1"
                ),
            ),
        ),
    )


async def deliver_answer(
    bot: Bot, services: Services, q: OpenQuestion, answer_html: str, coordinator_id: int
) -> Delivered:
    """Send the coordinator's answer to the member, framed in the member's language."""
    default = services.config.default_language
    t = services.catalogs.get(q.locale if q.locale in services.catalogs.languages else default)
    head = t.gettext(
        "Answer of the coordination office to your question no. {number}:", number=q.id
    )
    try:
        await bot.send_message(q.user_id, f"{bold(head)}\n\n{answer_html}")
    except Forbidden:
        await services.db.users.mark_unreachable([q.user_id])
        return Delivered(False, q.id, blocked=True)
    except TelegramError as exc:
        log.warning("could not deliver the answer to question %d: %s", q.id, exc)
        return Delivered(False, q.id)
    await services.db.inbox.record_answer(q.id, answer_html, coordinator_id)
    log.info("question %d answered", q.id)
    return Delivered(True, q.id)


def delivery_note(t: Translator, result: Delivered) -> Reply:
    """What the coordinator is told after answering."""
    if result.ok:
        return Reply(
            esc(
                t.gettext(
                    "Your answer was delivered (question no. {number}).", number=result.number
                )
            ),
            (
                (
                    Button(
                        t.pgettext("button", "Save as suggested knowledge entry"),
                        f"kb:{result.number}",
                    ),
                ),
            ),
        )
    if result.blocked:
        text = t.gettext(
            "Not delivered: the member has blocked the bot (question no. {number}).",
            number=result.number,
        )
    else:
        text = t.gettext(
            "Not delivered because of a Telegram error; please try again (question no. {number}).",
            number=result.number,
        )
    return Reply(esc(text))


async def list_open(bot: Bot, services: Services, t: Translator, chat_id: int) -> Reply:
    """/inbox: the open questions as cards one can reply to, then a summary."""
    open_questions, total = await services.db.inbox.list_open_questions(LIST_LIMIT)
    for q in open_questions:
        await send_card(bot, services, chat_id, q)
    if not total:
        return Reply(esc(t.gettext("No open questions.")))
    text = t.ngettext("{n} open question.", "{n} open questions.", total)
    if total > len(open_questions):
        text += " " + t.gettext("Shown: the oldest {shown}.", shown=t.number(len(open_questions)))
    return Reply(esc(text))


def parse_answer_command(args: list[str]) -> tuple[int, str] | None:
    """/answer N text … → (N, text)."""
    if len(args) < 2 or not args[0].isdigit():
        return None
    return int(args[0]), " ".join(args[1:])
