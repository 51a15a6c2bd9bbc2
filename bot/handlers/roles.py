"""/grant and /revoke (the routes are for coordinators only)."""

from __future__ import annotations

from telegram import Update

from bot.handlers.context import BotContext
from bot.handlers.messages import send
from bot.roles.pages import role_changed
from bot.roles.service import change_role


async def grant_role(update: Update, context: BotContext) -> None:
    """/grant <user id>: make someone a coordinator."""
    await _change(update, context, grant=True)


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
