"""Granting and revoking the coordinator role (audit-logged in role_changes)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass

from bot.core.callbacks import parse_int
from bot.db.roles import RoleQueries

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoleChange:
    """What /grant or /revoke did: `target` None means the argument was not a user id."""

    grant: bool
    target: int | None
    changed: bool = False
    configured: bool = False  # a coordinator by COORDINATOR_IDS: only the operator can revoke


def parse_user_id(args: list[str]) -> int | None:
    """The one argument of /grant and /revoke: a Telegram user id."""
    return parse_int(args[0], 1) if len(args) == 1 else None


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
