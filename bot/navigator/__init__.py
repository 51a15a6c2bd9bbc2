"""Navigator: "Which programs fit us?", a guided check one question at a time."""

from bot.core.callbacks import CallbackData


class Fit(CallbackData, prefix="fit"):
    """An answer to the current question, or back / cancel."""

    choice: str


ASKING = 0


class RuledOut(CallbackData, prefix="fo"):
    """The programs a finished check ruled out, with the reasons. `answers` holds the
    board's answers, one character each (service.encode), so the button works after the
    conversation has ended and after a restart."""

    answers: str
