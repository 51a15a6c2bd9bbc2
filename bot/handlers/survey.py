"""The satisfaction survey: /survey for coordinators (sq:), the answers of members (sv:)."""

import warnings
from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.core.reply import Reply, esc
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard
from bot.survey import invite as survey_send
from bot.survey import service as survey

TEXT = 0
END = ConversationHandler.END
KEY = "survey_answering"
TIMEOUT_SECONDS = 30 * 60


def _store(context: BotContext) -> dict[Any, Any]:
    """user_data (always there for updates from a user; a throwaway dict otherwise)."""
    return context.user_data if context.user_data is not None else {}


async def show_survey(update: Update, context: BotContext) -> None:
    """/survey: offer to start one; /survey results: the latest results."""
    if not await guard(update, context, "/survey"):
        return
    if (context.args or [""])[0] == "results":
        await show_results(update, context)
        return
    count = await context.services.db.directory.organisation_count()
    await send(update, context, survey.start_page(context.t, count))


async def show_results(update: Update, context: BotContext) -> None:
    """sq:res: counts, averages and suggestions of the latest survey."""
    if not await guard(update, context, "sq:res"):
        return
    summary = await survey.survey_summary(context.services.db)
    await show(update, context, survey.results_page(context.t, summary))


async def launch(update: Update, context: BotContext) -> None:
    """sq:go: create the survey and invite every registered organisation's contact."""
    if not await guard(update, context, "sq:go") or context.user is None:
        return
    number, reached, missed = await survey_send.start_survey(
        context.bot, context.services, context.user.id
    )
    text = context.t.gettext(
        "Survey no. {number} was sent to {reached} organisations; {missed} could not be reached.",
        number=number,
        reached=reached,
        missed=missed,
    )
    await show(update, context, Reply(esc(text)))


async def take_scale(update: Update, context: BotContext) -> int:
    """sv:<survey>:<question no.>:<1-5|skip>: store it and ask the next question."""
    parts = callback_parts(update, 4)
    if parts is None or context.user is None or not (parts[1] + parts[2]).isdigit():
        await refuse_button(update, context)
        return END
    survey_id, index, value = int(parts[1]), int(parts[2]), parts[3]
    db, t = context.services.db, context.t
    valid = index < len(survey.QUESTIONS) and (
        value == "skip"
        if survey.QUESTIONS[index] == survey.TEXT_QUESTION
        else value in {str(v) for v in survey.SCALE}
    )
    if not valid or await db.survey.survey_invite_state(survey_id, context.user.id) != "asked":
        await refuse_button(update, context)
        return END
    if value == "skip":
        return await _finish(update, context, survey_id, None)
    key = context.services.user_key(context.user.id)
    await db.survey.save_survey_answer(survey_id, key, survey.QUESTIONS[index], int(value), None)
    await show(update, context, survey.question_page(t, survey_id, index + 1))
    is_text = survey.QUESTIONS[index + 1] == survey.TEXT_QUESTION
    _store(context)[KEY] = survey_id
    return TEXT if is_text else END


async def take_text(update: Update, context: BotContext) -> int:
    """The free-text answer (the last question)."""
    message, survey_id = update.effective_message, _store(context).get(KEY)
    if message is None or not isinstance(survey_id, int):
        return END
    text = " ".join((message.text or "").split())
    if not text or len(text) > survey.MAX_TEXT:
        hint = context.t.gettext(
            "Please write 1 to {max} characters, or press Skip.", max=survey.MAX_TEXT
        )
        await send(update, context, Reply(esc(hint)))
        return TEXT
    return await _finish(update, context, survey_id, text)


async def _finish(update: Update, context: BotContext, survey_id: int, text: str | None) -> int:
    assert context.user is not None
    db = context.services.db
    if text is not None:
        key = context.services.user_key(context.user.id)
        await db.survey.save_survey_answer(survey_id, key, survey.TEXT_QUESTION, None, text)
    await db.survey.set_survey_invite_state(survey_id, context.user.id, "answered")
    _store(context).pop(KEY, None)
    await show(update, context, survey.thanks(context.t))
    return END


async def end_politely(update: Update, context: BotContext) -> None:
    """No suggestion typed for a while: the scale answers are kept."""
    _store(context).pop(KEY, None)
    await send(update, context, Reply(esc(context.t.gettext("Thank you for your answers!"))))


def conversation() -> ConversationHandler[Any]:
    text = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBUserWarning)  # per chat and user, not per message
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(take_scale, pattern=r"^sv:")],
            states={
                TEXT: [
                    MessageHandler(text, take_text),
                    CallbackQueryHandler(take_scale, pattern=r"^sv:"),
                ],
                ConversationHandler.TIMEOUT: [TypeHandler(Update, end_politely)],
            },
            fallbacks=[],
            allow_reentry=True,
            conversation_timeout=TIMEOUT_SECONDS,
            name="survey",
        )
