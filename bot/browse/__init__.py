"""Browse: the programs, the offices by topic, the networks, and every entry's page."""

from bot.core.callbacks import CallbackData


class Topic(CallbackData, prefix="t"):
    """The offices of a topic."""

    topic: str


class View(CallbackData, prefix="v"):
    """An entry's page."""

    entry: str
