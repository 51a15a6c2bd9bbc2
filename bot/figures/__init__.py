"""Figures: the evaluation figures of seed 002 §3.3 (/stats, /gaps, the report, follow-ups)."""

from typing import Literal

from bot.core.callbacks import CallbackData


class FollowUp(CallbackData, prefix="fu"):
    """The answer to "did you contact them, and did it help?"."""

    referral: int
    answer: Literal["h", "c", "n"]
