"""Keeping the knowledge true: coordinators' quick fixes of a fact from an entry's page, and
the weekly message of what is due for review.

Button data: a field travels as a short token ("a.with_rooms", "d.deadline_2025",
"t.summary": an amount, a date, a German text) so that entry id and field fit in 64 bytes.
"""

from typing import Literal

from bot.core.callbacks import CallbackData

# The quick-fix conversation's steps.
CHOOSE, VALUE, YEAR, CONFIRM = "fix-choose", "fix-value", "fix-year", "fix-confirm"


class Fix(CallbackData, prefix="fx"):
    """The coordinators' "correct a fact" button on an entry's page."""

    entry: str


class FixField(CallbackData, prefix="fxf"):
    """Change this field of the entry (token, see the module docstring)."""

    entry: str
    field: str


class FixYear(CallbackData, prefix="fxy"):
    """The year a new yearly amount holds for."""

    year: int


class FixDone(CallbackData, prefix="fxd"):
    """Save the previewed fix, or cancel."""

    choice: Literal["save", "cancel"]


SAVE = FixDone("save")
CANCEL = FixDone("cancel")
