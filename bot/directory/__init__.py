"""Directory: the MO directory (/register, /myorg) and the coordinators' /directory."""

from typing import Literal

from bot.core.callbacks import CallbackData


class Org(CallbackData, prefix="org"):
    """The member's own entry: view, new, edit, del (ask), delyes (delete)."""

    action: str


class Step(CallbackData, prefix="og"):
    """A choice on the current registration step, or back, x (cancel), keep, ok."""

    choice: str


class Export(CallbackData, prefix="dir"):
    format: Literal["csv"]


class FindPartner(CallbackData, prefix="itm"):
    """From one's own entry: organisations to be introduced to (bot/cooperations), from any
    district or only one's own."""

    scope: Literal["any", "same"]


VIEW, NEW, EDIT, ASK_DELETE, DELETE = (Org(a) for a in ("view", "new", "edit", "del", "delyes"))
ASKING = 0
