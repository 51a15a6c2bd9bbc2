"""Trainings: /trainings (trl:), a training's page (trn:), sign-up (trs:) and cancel (trw:);
the coordinators' draft (trd:, trc:), attendance (trm:, tra:) and the trainings job.

The coordinator routes are declared with `coordinators=True` in the routing table.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.handlers.context import BotContext
from bot.handlers.jobs import App, fresh_job_queue
from bot.handlers.messages import refuse_button, reply, send, show
from bot.trainings import (
    COUNT,
    KIND,
    Attend,
    DeskStep,
    DraftChoice,
    Manage,
    SignUp,
    TrainingPage,
    Withdraw,
    desk_pages,
    drafts,
    pages,
)
from bot.trainings.drafts import Draft

log = logging.getLogger(__name__)
END = ConversationHandler.END
DRAFT, STATE, COUNTING = "training_draft", "training_state", "training_counted"
TIMEOUT_SECONDS = 20 * 60
JOB = "trainings"


def _store(context: BotContext) -> dict[Any, Any]:
    return context.user_data if context.user_data is not None else {}


def _draft(context: BotContext) -> Draft:
    draft = _store(context).get(DRAFT)
    return draft if isinstance(draft, Draft) else Draft()


async def show_trainings(update: Update, context: BotContext, data: object = None) -> None:
    """/trainings and trl: the upcoming trainings; coordinators also see past ones."""
    service, coordinator = context.services.trainings, context.is_coordinator
    past = await service.past() if coordinator else []
    page = pages.list_page(context.t, await service.upcoming(), past, coordinator)
    await reply(update, context, page)


async def show_training(update: Update, context: BotContext, data: TrainingPage) -> None:
    """trn:<id>: a member's view (sign up or cancel), or the coordinators' desk."""
    service, knowledge = context.services.trainings, context.services.knowledge
    training = await context.services.db.trainings.get_training(data.training)
    if training is None or context.user is None:
        await refuse_button(update, context)
        return
    if context.is_coordinator:
        page = desk_pages.desk_page(context.t, knowledge, training, service.begun(training))
    else:
        seat, position = await service.seat(training.id, context.user.id)
        open_ = service.open_for_signup(training)
        page = pages.training_page(
            context.t, knowledge, training, seat, position, open_, service.begun(training)
        )
    await reply(update, context, page)


async def sign_up(update: Update, context: BotContext, data: SignUp) -> None:
    """trs:<id>: a seat or the waiting list; a new message, so an announcement stays."""
    person = update.effective_user
    if context.user is None or person is None:
        return
    result = await context.services.trainings.sign_up(
        context.user.id, person.full_name[:80], data.training
    )
    if update.callback_query:
        await update.callback_query.answer()
    title = result.training.title(context.locale) if result.training else ""
    await send(update, context, pages.signed_up(context.t, result.status, title, result.position))


async def withdraw(update: Update, context: BotContext, data: Withdraw) -> None:
    """trw:<id>: give up the seat or waiting place; the first waiting moves up."""
    if context.user is None:
        return
    service = context.services.trainings
    training = await context.services.db.trainings.get_training(data.training)
    if training is None or await service.withdraw(context.user.id, data.training) is None:
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()
    await send(update, context, pages.withdrawn(context.t, training.title(context.locale)))


# --- the coordinators' draft -----------------------------------------------------------------


async def _goto(
    update: Update,
    context: BotContext,
    state: int,
    draft: Draft | None = None,
    error: bool = False,
) -> int:
    """Remember the draft and the step, and show the step."""
    if draft is not None:
        _store(context)[DRAFT] = draft
    _store(context)[STATE] = state
    page = desk_pages.prompt(context.t, context.services.knowledge, state, _draft(context), error)
    await reply(update, context, page)
    return state


def _state(context: BotContext) -> int:
    state = _store(context).get(STATE)
    return state if isinstance(state, int) else KIND


async def start_draft(update: Update, context: BotContext, data: object = None) -> int:
    """trd:new: a new training; first its kind."""
    return await _goto(update, context, KIND, Draft())


async def take_choice(update: Update, context: BotContext, data: DraftChoice) -> int:
    """trc:<field>:<value>: the kind, the topic, or a language whose title comes next."""
    state, topics = _state(context), context.services.knowledge.topics
    draft = drafts.apply_choice(_draft(context), state, data.field, data.value, topics)
    if draft is None:
        await refuse_button(update, context)
        return state
    after = state if data.field == "lang" else drafts.next_step(state)
    return await _goto(update, context, after, draft)


async def take_text(update: Update, context: BotContext) -> int:
    """A typed title, day, time, place, capacity or deadline."""
    state, service = _state(context), context.services.trainings
    text = update.effective_message.text if update.effective_message else None
    draft = drafts.apply_text(_draft(context), state, text or "", service.now(), service.tz)
    if draft is None:
        return await _goto(update, context, state, error=True)
    after = state if state == drafts.TITLE else drafts.next_step(state)
    return await _goto(update, context, after, draft)


async def take_step(update: Update, context: BotContext, data: DeskStep) -> int:
    """trd:next|back|x|save|dayb|start."""
    state, draft, service = _state(context), _draft(context), context.services.trainings
    if data.action == "x" or (data.action == "back" and drafts.previous_step(state) is None):
        return await cancel_draft(update, context)
    if data.action == "back":
        return await _goto(update, context, drafts.previous_step(state) or KIND)
    if data.action == "save" and state == drafts.CONFIRM and context.user is not None:
        return await _save(update, context, draft)
    moved = drafts.apply_step(draft, state, data.action, service.today())
    if moved is None:
        await refuse_button(update, context)
        return state
    return await _goto(update, context, drafts.next_step(state), moved)


async def _save(update: Update, context: BotContext, draft: Draft) -> int:
    assert context.user is not None
    training_id = await context.services.trainings.create(draft, context.user.id)
    if training_id is None:
        await send(update, context, desk_pages.start_passed(context.t))
        return await _goto(update, context, drafts.DAY)
    _store(context).pop(DRAFT, None)
    await show(update, context, desk_pages.saved(context.t, training_id))
    return END


async def cancel_draft(update: Update, context: BotContext, data: object = None) -> int:
    """trd:x or /cancel: drop the draft (or the count being typed)."""
    _store(context).pop(DRAFT, None)
    await show(update, context, desk_pages.draft_cancelled(context.t))
    return END


async def end_politely(update: Update, context: BotContext) -> None:
    """No answer for a while: the draft is dropped."""
    _store(context).pop(DRAFT, None)


# --- attendance and the training's desk -------------------------------------------------------


async def manage(update: Update, context: BotContext, data: Manage) -> int:
    """trm:<id>:att|cnt|cancel|cancelyes: attendance, a count, cancelling the training."""
    service, t = context.services.trainings, context.t
    training = await context.services.db.trainings.get_training(data.training)
    if training is None or data.action not in ("att", "cnt", "cancel", "cancelyes"):
        await refuse_button(update, context)
        return END
    if data.action == "cnt" and service.begun(training):
        _store(context)[COUNTING] = training.id
        await show(update, context, desk_pages.count_prompt(t))
        return COUNT
    if data.action == "att" and service.begun(training):
        seats = await context.services.db.trainings.seats(training.id)
        await show(update, context, desk_pages.attendance_page(t, training, seats))
    elif data.action == "cancel" and not service.begun(training):
        await show(update, context, desk_pages.confirm_cancel(t, training))
    elif data.action == "cancelyes" and not service.begun(training):
        told = await service.cancel(training.id)
        await show(update, context, desk_pages.training_cancelled(t, told))
    else:
        await refuse_button(update, context)
    return END


async def take_count(update: Update, context: BotContext) -> int:
    """The number of participants, typed after trm:<id>:cnt."""
    text = update.effective_message.text if update.effective_message else ""
    count = drafts.parse_count(text or "")
    training_id = _store(context).get(COUNTING)
    if count is None or not isinstance(training_id, int):
        await send(update, context, desk_pages.count_prompt(context.t))
        return COUNT
    _store(context).pop(COUNTING, None)
    await context.services.db.trainings.set_attended_count(training_id, count)
    await show_training(update, context, TrainingPage(training_id))
    return END


async def toggle_attendance(update: Update, context: BotContext, data: Attend) -> None:
    """tra:<id>:<seat>: mark someone as present, or undo it."""
    db = context.services.db.trainings
    training = await db.get_training(data.training)
    if training is None or not await db.toggle_attended(data.training, data.seat):
        await refuse_button(update, context)
        return
    page = desk_pages.attendance_page(context.t, training, await db.seats(training.id))
    await show(update, context, page)


async def trainings_job(context: BotContext) -> None:
    """Job: move people up into freed seats and send the reminders due."""
    moved, reminded = await context.services.trainings.tick()
    if moved or reminded:
        log.info("trainings: %d moved up, %d reminded", moved, reminded)


def schedule(app: App) -> None:
    """Every five minutes; the database says what is due, so a restart loses nothing."""
    jobs = fresh_job_queue(app, JOB)
    if jobs is None:
        return
    jobs.run_repeating(
        trainings_job,
        interval=300,
        first=30,
        name=JOB,
        # A missed run is covered by the next one.
        job_kwargs={"misfire_grace_time": 300, "coalesce": True},
    )
