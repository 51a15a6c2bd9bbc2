"""Roles: /grant and /revoke the coordinator role (audit-logged)."""

from typing import Literal

from bot.core.callbacks import CallbackData


class Grant(CallbackData, prefix="rg"):
    """The answer to "Make user N a coordinator?" (the confirmation of /grant N)."""

    user: int
    answer: Literal["yes", "no"]
