"""Inbox: questions the bot could not answer go to the coordination office, answers come back."""

from typing import Literal

from bot.core.callbacks import CallbackData


class HandOver(CallbackData, prefix="ho"):
    """Pass question no. … to the office (asks about the name first)."""

    question: int


class ShareName(CallbackData, prefix="hn"):
    """Pass it on, with ("1") or without ("0") the member's name."""

    question: int
    share: Literal["0", "1"]


class SaveSuggestion(CallbackData, prefix="kb"):
    """Save an answered question as a suggested knowledge entry."""

    question: int


class SendAnswer(CallbackData, prefix="ax"):
    """Send the previewed answer (draft no. …) to question no. … with ("1") or without ("0")
    its machine translation into the member's language."""

    question: int
    draft: int
    translated: Literal["0", "1"]
