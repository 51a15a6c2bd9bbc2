"""The directory for coordinators: /directory [search words] and the CSV export (dir:csv)."""

from telegram import InputFile, Update

from bot.core.reply import esc
from bot.directory import export as directory_csv
from bot.directory import pages
from bot.directory.service import matches
from bot.handlers.common import callback_parts, refuse_button, send
from bot.handlers.context import BotContext
from bot.handlers.coordinator import guard


async def show_directory(update: Update, context: BotContext) -> None:
    """/directory [words]: every entry, or those the words match."""
    if not await guard(update, context, "/directory"):
        return
    t, knowledge = context.t, context.services.knowledge
    term = " ".join(context.args or []).strip() or None
    orgs = await context.services.db.directory.organisations()
    if term:
        orgs = [o for o in orgs if matches(o, term, t, knowledge)]
    await send(update, context, pages.directory_list(t, knowledge, orgs, term))


async def export_directory(update: Update, context: BotContext) -> None:
    """dir:csv: the whole directory as a CSV document."""
    if not await guard(update, context, "dir:csv"):
        return
    chat = update.effective_chat
    if callback_parts(update, 2) != ["dir", "csv"] or chat is None:
        await refuse_button(update, context)
        return
    if update.callback_query:
        await update.callback_query.answer()
    orgs = await context.services.db.directory.organisations()
    data = directory_csv.export(context.t, context.services.knowledge, orgs)
    caption = context.t.gettext(
        "The directory as a table (UTF-8, separated by semicolons; opens in Excel)."
    )
    await context.bot.send_document(
        chat.id, InputFile(data, filename=directory_csv.FILENAME), caption=esc(caption)
    )
