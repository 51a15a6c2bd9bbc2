"""The part of a long message that asks: in a story, the question sentences weigh more.

A long message tells who we are, what happened, what we need, and then asks. The words of
its question sentences say most about what is wanted. A vague question ("Where do we find
them?", "What is required?") lets the sentence before it speak for it: that is the need
("we now have to account for the money").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from bot.matching.facets import CUE_TOKENS
from bot.matching.frames import FRAME_TOKENS
from bot.matching.normalize import MAX_CHARS, tokens

LONG_TEXT: Final = 150  # characters: from here on a message is a story with a question in it
ASKING: Final = 2.0  # the weight of the words of its question sentences (the rest: 1)
MIN_ASKING_WORDS: Final = 3  # a question sentence with fewer content words is vague

_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")
_QUESTION_MARK = re.compile(r"[?؟]")
_NOT_CONTENT: Final = FRAME_TOKENS | CUE_TOKENS


@dataclass(frozen=True)
class Story:
    """A message as the matcher reads it."""

    text: str  # what to match: in a text too long to read whole, the asking part first
    asked: str = ""  # the asking part of a story ("" for a short message)
    weights: dict[str, float] = field(default_factory=dict)  # a story's asking words: ASKING


def read(text: str) -> Story:
    """The text to match, its asking part and the weights of its words."""
    if len(text) < LONG_TEXT:
        return Story(text)
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    questions = [n for n, s in enumerate(sentences) if _QUESTION_MARK.search(s)]
    if len(sentences) < 2 or not questions:
        return Story(text)
    asking = set(questions)
    content = [w for n in questions for w in tokens(sentences[n]) if w not in _NOT_CONTENT]
    if len(set(content)) < MIN_ASKING_WORDS and questions[0] > 0:
        asking.add(questions[0] - 1)  # "… we need a room twice a week. Where do we look?"
    asked = " ".join(sentences[n] for n in sorted(asking))
    weights = dict.fromkeys(tokens(asked), ASKING)
    if len(text) > MAX_CHARS:  # matched on its beginning: the asking part goes first
        rest = [s for n, s in enumerate(sentences) if n not in asking]
        text = " ".join([asked, *rest])
    return Story(text, asked, weights)
