"""Navigator: "Which programs fit us?", a guided check one question at a time."""

from bot.core.callbacks import CallbackData


class Fit(CallbackData, prefix="fit"):
    """An answer to the current question, or back / cancel."""

    choice: str


ASKING = 0
