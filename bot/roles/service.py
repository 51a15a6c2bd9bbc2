"""Granting and revoking the coordinator role (audit-logged in role_changes)."""

from __future__ import annotations

import logging

from bot.core.reply import Reply, esc
from bot.i18n import Translator
from bot.services import Services

log = logging.getLogger(__name__)


def parse_user_id(args: list[str]) -> int | None:
    """The one argument of /grant and /revoke: a Telegram user id."""
    if len(args) != 1 or not args[0].isdigit():
        return None
    return int(args[0])


async def change_role(
    services: Services, t: Translator, actor_id: int, args: list[str], grant: bool
) -> Reply:
    """Grant or revoke, and say what happened. The caller has checked the actor's role."""
    target = parse_user_id(args)
    if target is None:
        usage = "/grant 123456789" if grant else "/revoke 123456789"
        return Reply(
            esc(
                t.gettext(
                    "Please give the person's Telegram user id, for example: {example}",
                    example=usage,
                )
            )
        )
    if not grant and target in services.config.coordinator_ids:
        return Reply(
            esc(
                t.gettext(
                    "This person is a coordinator by the bot's configuration "
                    "(COORDINATOR_IDS); only the operator can change that."
                )
            )
        )
    role = "coordinator" if grant else "member"
    changed = await services.db.roles.set_role(actor_id, target, role)
    if changed:
        log.info("coordinator role %s", "granted" if grant else "revoked")
    if grant:
        text = (
            t.gettext("User {user} is now a coordinator.", user=target)
            if changed
            else t.gettext("User {user} already is a coordinator.", user=target)
        )
    else:
        text = (
            t.gettext("User {user} is no longer a coordinator.", user=target)
            if changed
            else t.gettext("User {user} was not a coordinator.", user=target)
        )
    return Reply(esc(text))
