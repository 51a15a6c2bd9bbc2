"""/broadcast: text, versions per language, audience, preview, confirm, optional send time.

Every step re-checks the coordinator role: the conversation can outlive a /revoke.
"""

import warnings
from datetime import datetime

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.broadcast import audiences as bd
from bot.broadcast import service as bc
from bot.broadcast.delivery import delivery_of
from bot.core.reply import Reply, esc
from bot.handlers.common import callback_parts, refuse_button, send, show
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES

TEXT, MENU, AUDIENCE, CONFIRM, WHEN = range(5)
END = ConversationHandler.END
KEY = "broadcast_draft"
TIMEOUT_SECONDS = 3600  # a forgotten draft must not swallow the coordinator's messages


def _draft(context: BotContext) -> bc.Draft:
    draft = context.user_data.get(KEY) if context.user_data is not None else None
    return draft if isinstance(draft, bc.Draft) else bc.Draft()


def _keep(context: BotContext, draft: bc.Draft) -> None:
    if context.user_data is not None:
        context.user_data[KEY] = draft


async def start_broadcast(update: Update, context: BotContext) -> int:
    """/broadcast: ask for the text of the announcement."""
    if not await guard(update, context, "/broadcast"):
        return END
    _keep(context, bc.Draft())
    text = context.t.gettext(
        "Send me the text of the announcement. Formatting (bold, italic, links) is kept. "
        "It is the default version for everyone."
    )
    await send(update, context, Reply(esc(text), ((bc.cancel_button(context.t),),)))
    return TEXT


async def take_text(update: Update, context: BotContext) -> int:
    """A text: the default version or the language version asked for."""
    message = update.effective_message
    if not await guard(update, context, "broadcast text") or message is None:
        return END
    draft = bc.with_text(_draft(context), message.text_html)
    _keep(context, draft)
    await send(update, context, bc.draft_menu(context.t, draft))
    return MENU


async def pick_version(update: Update, context: BotContext) -> int:
    """bc:v:<lang>: the next text is that language's version."""
    parts = callback_parts(update, 3)
    if not await guard(update, context, "bc:v"):
        return END
    if parts is None or parts[2] not in LANGUAGES:
        await refuse_button(update, context)
        return MENU
    draft = _draft(context)
    draft.editing = parts[2]
    _keep(context, draft)
    text = context.t.gettext("Send me the {language} version.", language=NATIVE_NAMES[parts[2]])
    await show(update, context, Reply(esc(text), ((bc.cancel_button(context.t),),)))
    return TEXT


async def ask_audience(update: Update, context: BotContext) -> int:
    """bc:aud: who should get it."""
    if not await guard(update, context, "bc:aud"):
        return END
    targets = await bc.subscription_targets(context.services, context.t)
    await show(update, context, bc.audience_menu(context.t, targets))
    return AUDIENCE


async def pick_audience(update: Update, context: BotContext) -> int:
    """bc:a:all|lang|topic|district, bc:l:<lang>|ok, bc:s:<target>, bc:t|d:<id>."""
    parts = callback_parts(update, 3)
    if not await guard(update, context, "bc:audience"):
        return END
    draft = _draft(context)
    kind, arg = (parts[1], parts[2]) if parts else ("", "")
    if (kind, arg) == ("a", "all"):
        draft.audience = bc.Audience("all")
    elif (kind, arg) == ("a", "lang") or (kind == "l" and arg in LANGUAGES):
        draft.picked = tuple(x for x in LANGUAGES if (x in draft.picked) != (x == arg))
        await show(update, context, bc.language_picker(context.t, draft.picked))
        return AUDIENCE
    elif (kind, arg) == ("l", "ok") and draft.picked:
        draft.audience = bc.Audience("lang", draft.picked)
    elif kind == "s" and arg in dict(await bc.subscription_targets(context.services, context.t)):
        draft.audience = bc.Audience("sub", target=arg)
    elif kind == "a" and arg in bd.KINDS:  # MOs of a topic or district: pick which
        cancel = bc.cancel_button(context.t)
        await show(update, context, await bd.picker(context.services, context.t, arg, cancel))
        return AUDIENCE
    elif (dk := bd.kind_of_letter(kind)) and arg in await bd.choices(context.services, dk):
        draft.audience = bc.Audience(dk, target=arg)
    else:
        await refuse_button(update, context)
        return AUDIENCE
    return await _preview(update, context, draft)


async def _preview(update: Update, context: BotContext, draft: bc.Draft) -> int:
    assert draft.audience is not None
    people = await bc.recipients(context.services, draft.audience)
    if update.callback_query:
        await update.callback_query.answer()
    if not people:
        text = context.t.gettext("Nobody in this audience can be reached. Choose another one.")
        await send(update, context, Reply(esc(text)))
        return await ask_audience(update, context)
    for reply in bc.preview(context.t, draft, people):
        await send(update, context, reply)
    return CONFIRM


async def send_now(update: Update, context: BotContext) -> int:
    """bc:go: queue the broadcast and show its status message."""
    if not await guard(update, context, "bc:go") or context.user is None:
        return END
    number = await bc.submit(context.services, context.user.id, _draft(context), None)
    if update.callback_query:
        await update.callback_query.answer()
    delivery = delivery_of(context.application)
    stored = await context.services.db.outbox.get_broadcast(number)
    if delivery is not None and stored is not None:
        await delivery.show_report(stored, "sending")
        delivery.kick()
    return END


async def ask_time(update: Update, context: BotContext) -> int:
    """bc:later: ask for the send time."""
    if not await guard(update, context, "bc:later"):
        return END
    await show(update, context, Reply(esc(_time_prompt(context))))
    return WHEN


def _time_prompt(context: BotContext) -> str:
    return context.t.gettext(
        "When should it go out? For example 2025-12-01 18:00 or 01.12.2025 18:00 ({zone}).",
        zone=str(context.services.config.timezone),
    )


async def take_time(update: Update, context: BotContext) -> int:
    """A send time: schedule the broadcast, or ask again."""
    message = update.effective_message
    if not await guard(update, context, "broadcast time") or message is None or not context.user:
        return END
    zone = context.services.config.timezone
    when = bc.parse_send_time(message.text or "", zone, datetime.now(zone))
    if when is None:
        again = context.t.gettext("That is not a future date and time.")
        await send(update, context, Reply(esc(again + " " + _time_prompt(context))))
        return WHEN
    number = await bc.submit(context.services, context.user.id, _draft(context), when)
    text = context.t.gettext(
        "Broadcast no. {number} is scheduled for {when}.",
        number=number,
        when=context.t.datetime(when),
    )
    await send(update, context, Reply(esc(text), ((bc.stop_button(context.t, number),),)))
    return END


async def cancel_draft(update: Update, context: BotContext) -> int:
    """bc:x or /cancel: drop the draft; nothing is sent."""
    if context.user_data is not None:
        context.user_data.pop(KEY, None)
    await show(update, context, Reply(esc(context.t.gettext("Cancelled. Nothing was sent."))))
    return END


def conversation() -> ConversationHandler[BotContext]:
    """The /broadcast conversation, for the routing table."""
    text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        # Buttons are tracked per chat and user, not per message: intended, so no warning.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("broadcast", start_broadcast)],
            states={
                TEXT: [MessageHandler(text, take_text)],
                MENU: [
                    CallbackQueryHandler(pick_version, pattern=r"^bc:v:"),
                    CallbackQueryHandler(ask_audience, pattern=r"^bc:aud$"),
                ],
                AUDIENCE: [CallbackQueryHandler(pick_audience, pattern=r"^bc:[alstd]:")],
                CONFIRM: [
                    CallbackQueryHandler(send_now, pattern=r"^bc:go$"),
                    CallbackQueryHandler(ask_time, pattern=r"^bc:later$"),
                ],
                WHEN: [MessageHandler(text, take_time)],
            },
            fallbacks=[
                CallbackQueryHandler(cancel_draft, pattern=r"^bc:x$"),
                CommandHandler("cancel", cancel_draft),
            ],
            allow_reentry=True,
            conversation_timeout=TIMEOUT_SECONDS,
        )
