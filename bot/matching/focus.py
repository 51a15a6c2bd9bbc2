"""The part of a long message that asks: a story's question sentences weigh more."""

from __future__ import annotations

import re
from typing import Final

from bot.matching.normalize import MAX_CHARS

LONG_TEXT: Final = 150  # characters: from here on a message is a story with a question in it

_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")
_QUESTION_MARK = re.compile(r"[?؟]")


def question_part(text: str) -> tuple[str, str]:
    """The text to match and the part that asks. In a story of several sentences the
    sentences with a question mark say what is wanted: their words weigh more, and in a
    text too long to read whole they are kept (with the first sentence) before the rest."""
    if len(text) < LONG_TEXT:
        return text, ""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    asking = [s for s in sentences if _QUESTION_MARK.search(s)]
    if len(sentences) < 2 or not asking:
        return text, ""
    focus = " ".join(asking)
    if len(text) <= MAX_CHARS:
        return text, focus
    rest = [s for s in sentences if s not in asking]
    return " ".join([focus, *rest]), focus
