"""Granting and revoking the coordinator role (audit-logged in role_changes)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from bot.core.callbacks import parse_int
from bot.db.roles import RoleQueries
from bot.db.users import UserQueries

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoleChange:
    """What /grant or /revoke did: `target` None means the argument was not a user id."""

    grant: bool
    target: int | None
    changed: bool = False
    configured: bool = False  # a coordinator by COORDINATOR_IDS: only the operator can revoke
    unknown: bool = False  # never wrote to the bot (or deleted their data): cannot be granted
    confirm: bool = False  # /grant asks first, with a button
    kept: bool = False  # the confirmation was answered "no"


def parse_user_id(args: list[str]) -> int | None:
    """The one argument of /grant and /revoke: a Telegram user id."""
    return parse_int(args[0], 1) if len(args) == 1 else None


async def ask_grant(
    users: UserQueries, configured: Collection[int], args: list[str]
) -> RoleChange:
    """/grant N: only for someone who has written to the bot, and only after a confirmation
    (a mistyped number would otherwise hand the inbox and the broadcasts to a stranger)."""
    target = parse_user_id(args)
    if target is None:
        return RoleChange(True, None)
    user = await users.get_user(target)
    if user is None:
        return RoleChange(True, target, unknown=True)
    if target in configured or user.role == "coordinator":
        return RoleChange(True, target)  # already is one
    return RoleChange(True, target, confirm=True)


async def confirm_grant(
    roles: RoleQueries, users: UserQueries, actor_id: int, target: int, yes: bool
) -> RoleChange:
    """The confirmation's answer; the person is looked up again (they may have left since)."""
    if not yes:
        return RoleChange(True, target, kept=True)
    if await users.get_user(target) is None:
        return RoleChange(True, target, unknown=True)
    changed = await roles.set_role(actor_id, target, "coordinator")
    if changed:
        log.info("coordinator role granted")
    return RoleChange(True, target, changed)


async def change_role(
    roles: RoleQueries, configured: Collection[int], actor_id: int, args: list[str], grant: bool
) -> RoleChange:
    """Grant or revoke. The caller (the route) has checked the actor's role."""
    target = parse_user_id(args)
    if target is None:
        return RoleChange(grant, None)
    if not grant and target in configured:
        return RoleChange(grant, target, configured=True)
    changed = await roles.set_role(actor_id, target, "coordinator" if grant else "member")
    if changed:
        log.info("coordinator role %s", "granted" if grant else "revoked")
    return RoleChange(grant, target, changed)
