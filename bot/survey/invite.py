"""Starting a survey: invite every registered organisation's contact once, in their language."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import Forbidden, TelegramError

from bot.i18n.locale import decide_locale
from bot.services import Services
from bot.survey.service import invitation

log = logging.getLogger(__name__)


async def start_survey(bot: Bot, services: Services, created_by: int) -> tuple[int, int, int]:
    """Create the survey and send the first question; (survey id, reached, not reached).

    The invitations are few (one per registered organisation), so they are sent one after
    another here instead of through the broadcast outbox; PTB's rate limiter paces them.
    """
    db = services.db
    owners = sorted({o.owner_id for o in await db.directory.organisations()})
    survey_id = await db.survey.create_survey(created_by, owners)
    reached = 0
    for user_id in owners:
        stored, telegram = await db.users.languages_of(user_id)
        lang = decide_locale(stored, telegram, services.config.default_language)
        reply = invitation(services.catalogs.get(lang), survey_id)
        try:
            await bot.send_message(user_id, reply.text, reply_markup=reply.markup())
            reached += 1
        except (Forbidden, TelegramError) as exc:
            log.warning("survey %d: an invitation failed (%s)", survey_id, type(exc).__name__)
            await db.survey.set_survey_invite_state(survey_id, user_id, "failed")
    return survey_id, reached, len(owners) - reached
