"""The knowledge the running bot answers from: knowledge/ with the coordinators' quick fixes
applied, and the matcher built on it. Services read both from this one holder, so a quick fix
is used by the very next answer; the pair is replaced as a whole, never half.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from bot.knowledge import Knowledge
from bot.matching.documents import Document, document_for
from bot.matching.matcher import Matcher


class LiveKnowledge:
    """`base` is knowledge/ as loaded; `knowledge` and `matcher` are what answers now."""

    def __init__(self, base: Knowledge, matcher: Matcher | None = None) -> None:
        self.base = base
        self._now = (base, matcher or Matcher.from_knowledge(base))

    @property
    def knowledge(self) -> Knowledge:
        return self._now[0]

    @property
    def matcher(self) -> Matcher:
        return self._now[1]

    async def replace(self, knowledge: Knowledge) -> bool:
        """Answer from `knowledge` from now on. The matcher (0.3 s to build) is rebuilt, in a
        thread, only when what it reads changed: an amount or a date is a placeholder it
        never sees, a title or a summary is not. Returns whether it was rebuilt."""
        old, matcher = self._now
        rebuilt = _documents(knowledge) != _documents(old)
        if rebuilt:
            matcher = await asyncio.to_thread(Matcher.from_knowledge, knowledge)
        self._now = (knowledge, matcher)
        return rebuilt


def _documents(knowledge: Knowledge) -> Mapping[str, Document]:
    return {entry_id: document_for(e) for entry_id, e in knowledge.entries.items()}
