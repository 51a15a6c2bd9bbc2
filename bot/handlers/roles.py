"""/grant and /revoke (the routes are for coordinators only)."""

from __future__ import annotations

from telegram import Update

from bot.handlers.context import BotContext
from bot.handlers.messages import send, show
from bot.roles import Grant
from bot.roles.pages import role_changed
from bot.roles.service import ask_grant, change_role, confirm_grant


async def grant_role(update: Update, context: BotContext) -> None:
    """/grant <user id>: ask whether to make someone who wrote to the bot a coordinator."""
    services = context.services
    change = await ask_grant(
        services.db.users, services.config.coordinator_ids, context.args or []
    )
    await send(update, context, role_changed(context.t, change))


async def confirm_grant_role(update: Update, context: BotContext, data: Grant) -> None:
    """rg:<user id>:yes|no: the confirmation of /grant."""
    if context.user is None:
        return
    db = context.services.db
    change = await confirm_grant(
        db.roles, db.users, context.user.id, data.user, data.answer == "yes"
    )
    await show(update, context, role_changed(context.t, change))


async def revoke_role(update: Update, context: BotContext) -> None:
    """/revoke <user id>: take the coordinator role away."""
    await _change(update, context, grant=False)


async def _change(update: Update, context: BotContext, grant: bool) -> None:
    if context.user is None:
        return
    services = context.services
    change = await change_role(
        services.db.roles,
        services.config.coordinator_ids,
        context.user.id,
        context.args or [],
        grant,
    )
    await send(update, context, role_changed(context.t, change))
