"""Machine translation for the inbox (never for knowledge content): the member's question
into German for the coordinators, the coordinator's answer into the member's language.

Through bot.core.translate (LibreTranslate, TRANSLATE_URL): whenever it gives nothing (off,
down, slow, refusing), the inbox goes on untranslated. The member's language is the language
their question is written in where that is clear (bot.matching.language), else their chosen
one; the answer's is detected likewise and taken for German otherwise.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.reply import visible_text
from bot.core.translate import TranslateSettings, translate
from bot.db.inbox import OpenQuestion
from bot.matching.language import detect

OFFICE_LANGUAGE = "de"


@dataclass(frozen=True)
class Found:
    text: str | None  # the translation, or None
    language: str | None  # what it was translated into
    failed: bool = False  # one was wanted, and the service gave none


@dataclass(frozen=True)
class Translation:
    settings: TranslateSettings

    @property
    def on(self) -> bool:
        return bool(self.settings.url)

    def member_language(self, q: OpenQuestion) -> str:
        return (detect(q.text, q.locale) if q.text else None) or q.locale

    async def of_question(self, q: OpenQuestion) -> str | None:
        """The question in German for the coordinators (None: German already, or none)."""
        if not self.on or not q.text:
            return None
        source = self.member_language(q)
        if source == OFFICE_LANGUAGE:
            return None
        return await translate(q.text, source, OFFICE_LANGUAGE, self.settings)

    async def of_questions(self, questions: Sequence[OpenQuestion]) -> list[str | None]:
        """Several at once: a slow service costs one timeout, not one per question."""
        return list(await asyncio.gather(*(self.of_question(q) for q in questions)))

    async def of_answer(self, q: OpenQuestion, answer_html: str) -> Found:
        """The coordinator's answer in the member's language, where it is written in another."""
        if not self.on:
            return Found(None, None)
        target = self.member_language(q)
        text = visible_text(answer_html)
        source = detect(text, OFFICE_LANGUAGE) or OFFICE_LANGUAGE
        if source == target or not text.strip():
            return Found(None, None)
        translated = await translate(text, source, target, self.settings)
        return Found(translated, target, failed=translated is None)
