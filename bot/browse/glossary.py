"""Links from a text to the glossary entries of the German funding words it uses."""

from __future__ import annotations

from bot.core.reply import Button
from bot.knowledge import Entry, Knowledge
from bot.normalize import normalize


def glossary_for(text: str, knowledge: Knowledge, exclude: str = "") -> list[Entry]:
    """Glossary entries whose German term the text uses."""
    haystack = f" {normalize(text, limit=None)} "
    return [
        g
        for g in knowledge.of_kind("glossary")
        if g.id != exclude and any(f" {normalize(term)} " in haystack for term in g.terms)
    ]


def glossary_buttons(entry: Entry, shown: str, knowledge: Knowledge) -> list[tuple[Button, ...]]:
    """A "❓ term" button for every glossary word on the page, two to a row.

    The German terms stand in the German text of the entry, and often in the reader's
    language too, so both are searched.
    """
    german = entry.texts["de"]
    text = " ".join(
        filter(None, (shown, german.summary, german.who, german.when, german.next_step))
    )
    words = glossary_for(text, knowledge, exclude=entry.id)
    return [
        tuple(Button(f"❓ {g.name}", f"v:{g.id}") for g in words[i : i + 2])
        for i in range(0, len(words), 2)
    ]
