"""/privacy, the first-contact notice, /mydata and /deletemydata."""

from telegram import Update

from bot.handlers.common import refuse_button, send, show
from bot.handlers.context import BotContext
from bot.privacy import service as mydata
from bot.privacy.pages import first_contact, notice


async def show_privacy(update: Update, context: BotContext) -> None:
    """What is stored, why, for how long, whom to ask."""
    config = context.services.config
    reply = notice(context.t, config.question_retention_days, config.followup_days)
    await send(update, context, reply)


async def notice_first_contact(update: Update, context: BotContext) -> None:
    """Called from group -1: a user's first update in a private chat gets the short notice."""
    chat = update.effective_chat
    if not context.services.config.privacy_notice:
        return
    if context.user is None or chat is None or chat.type != "private":
        return
    if await context.services.db.privacy.mark_privacy_noticed(context.user.id):
        await context.bot.send_message(chat.id, first_contact(context.t).text)


async def send_my_data(update: Update, context: BotContext) -> None:
    """/mydata: everything stored about the user, as a JSON file."""
    chat = update.effective_chat
    if context.user is None or chat is None:
        return
    content = await mydata.export(context.services, context.user.id)
    await context.bot.send_document(
        chat.id,
        content,
        filename="mo-lotse-my-data.json",
        caption=mydata.export_caption(context.t),
    )


async def ask_delete(update: Update, context: BotContext) -> None:
    """/deletemydata: ask for confirmation with a button."""
    await send(update, context, mydata.confirm(context.t))


async def confirm_delete(update: Update, context: BotContext) -> None:
    """del:yes erases the user's data, del:no keeps it; anything else is refused."""
    data = update.callback_query.data if update.callback_query else None
    if data not in (mydata.CONFIRM, mydata.CANCEL) or context.user is None:
        await refuse_button(update, context)
        return
    if data == mydata.CANCEL:
        await show(update, context, mydata.kept(context.t))
        return
    await mydata.erase(context.services, context.user.id)
    context.user = None  # the row is gone; group 1 must not think otherwise
    await show(update, context, mydata.erased(context.t))
