"""The satisfaction survey: /survey for coordinators (sq:), the answers of members (sv:)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.core.reply import Reply, esc
from bot.handlers.context import BotContext
from bot.handlers.messages import refuse_button, send, show
from bot.survey import MAX_TEXT, QUESTIONS, SCALE, TEXT, TEXT_QUESTION, SurveyAnswer, SurveyDesk
from bot.survey import pages as survey
from bot.survey.service import start_survey, survey_summary

END = ConversationHandler.END
KEY = "survey_answering"
TIMEOUT_SECONDS = 30 * 60


def _store(context: BotContext) -> dict[Any, Any]:
    """user_data (always there for updates from a user; a throwaway dict otherwise)."""
    return context.user_data if context.user_data is not None else {}


async def show_survey(update: Update, context: BotContext) -> None:
    """/survey: offer to start one; /survey results: the latest results."""
    if (context.args or [""])[0] == "results":
        await show_results(update, context)
        return
    count = await context.services.db.directory.organisation_count()
    await send(update, context, survey.start_page(context.t, count))


async def show_results(
    update: Update, context: BotContext, data: SurveyDesk | None = None
) -> None:
    """sq:res: counts, averages and suggestions of the latest survey."""
    summary = await survey_summary(context.services.db)
    await show(update, context, survey.results_page(context.t, summary))


async def launch(update: Update, context: BotContext, data: SurveyDesk) -> None:
    """sq:go: create the survey and invite every registered organisation's contact."""
    if context.user is None:
        return
    services = context.services
    number, reached, missed = await start_survey(
        services.db,
        services.catalogs,
        services.config.default_language,
        services.sender,
        context.user.id,
    )
    text = context.t.gettext(
        "Survey no. {number} was sent to {reached} organisations; {missed} could not be reached.",
        number=number,
        reached=reached,
        missed=missed,
    )
    await show(update, context, Reply(esc(text)))


async def take_scale(update: Update, context: BotContext, data: SurveyAnswer) -> int:
    """sv:<survey>:<question no.>:<1-5|skip>: store it and ask the next question."""
    db, t, index = context.services.db, context.t, data.question
    valid = index < len(QUESTIONS) and (
        data.value == "skip"
        if QUESTIONS[index] == TEXT_QUESTION
        else data.value in {str(v) for v in SCALE}
    )
    state = (
        await db.survey.survey_invite_state(data.survey, context.user.id) if context.user else None
    )
    if not valid or state != "asked" or context.user is None:
        await refuse_button(update, context)
        return END
    if data.value == "skip":
        return await _finish(update, context, data.survey, None)
    key = context.services.user_key(context.user.id)
    await db.survey.save_survey_answer(data.survey, key, QUESTIONS[index], int(data.value), None)
    await show(update, context, survey.question_page(t, data.survey, index + 1))
    _store(context)[KEY] = data.survey
    return TEXT if QUESTIONS[index + 1] == TEXT_QUESTION else END


async def take_text(update: Update, context: BotContext) -> int:
    """The free-text answer (the last question)."""
    message, survey_id = update.effective_message, _store(context).get(KEY)
    if message is None or not isinstance(survey_id, int):
        return END
    text = " ".join((message.text or "").split())
    if not text or len(text) > MAX_TEXT:
        hint = context.t.gettext(
            "Please write 1 to {max} characters, or press Skip.", max=MAX_TEXT
        )
        await send(update, context, Reply(esc(hint)))
        return TEXT
    return await _finish(update, context, survey_id, text)


async def _finish(update: Update, context: BotContext, survey_id: int, text: str | None) -> int:
    assert context.user is not None
    db = context.services.db
    if text is not None:
        key = context.services.user_key(context.user.id)
        await db.survey.save_survey_answer(survey_id, key, TEXT_QUESTION, None, text)
    await db.survey.set_survey_invite_state(survey_id, context.user.id, "answered")
    _store(context).pop(KEY, None)
    await show(update, context, survey.thanks(context.t))
    return END


async def end_politely(update: Update, context: BotContext) -> None:
    """No suggestion typed for a while: the scale answers are kept."""
    _store(context).pop(KEY, None)
    await send(update, context, Reply(esc(context.t.gettext("Thank you for your answers!"))))
