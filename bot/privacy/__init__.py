"""Privacy: the notices, /mydata, /deletemydata, and the erasure of old question texts."""

from typing import Literal

from bot.core.callbacks import CallbackData


class Erase(CallbackData, prefix="del"):
    """The answer to "Delete your data?"."""

    answer: Literal["yes", "no"]
