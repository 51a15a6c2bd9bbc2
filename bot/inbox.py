"""Tell the coordinators about a question passed to the office (pseudonymous)."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from bot.context import Services
from bot.languages import NATIVE_NAMES
from bot.questions import HandOver
from bot.reply import bold, esc

log = logging.getLogger(__name__)


async def notify_coordinators(bot: Bot, services: Services, item: HandOver, user_id: int) -> int:
    """Send the question to every coordinator; returns how many were reached."""
    reached = 0
    pseudonym = services.user_key(user_id)[:8]
    for coordinator_id in sorted(services.config.coordinator_ids):
        user = await services.db.get_user(coordinator_id)
        locale = user.locale if user and user.locale else services.config.default_language
        t = services.catalogs.get(locale)
        text = "\n".join(
            [
                bold(
                    t.gettext(
                        "Question no. {number} for the coordination office", number=item.number
                    )
                ),
                esc(
                    t.gettext(
                        "Language: {language} · from: {pseudonym}",
                        language=NATIVE_NAMES.get(item.locale, item.locale),
                        pseudonym=pseudonym,
                    )
                ),
                "",
                esc(item.text),
            ]
        )
        try:
            await bot.send_message(coordinator_id, text)
            reached += 1
        except TelegramError as exc:
            log.warning("could not notify a coordinator of question %d: %s", item.number, exc)
    return reached
