"""Broadcast audiences from the MO directory: the organisations of a topic or a district.

The recipients are the contacts who registered the entries (bot/db/directory.py).
"""

from __future__ import annotations

from bot.core.reply import Button, Reply, esc, rows
from bot.directory.service import label
from bot.i18n import Translator
from bot.services import Services

# Audience.kind for the two directory audiences, and the callback letter of each picker.
KINDS = {"topic": "t", "district": "d"}
STEP = {"topic": "topics", "district": "district"}


def menu_buttons(t: Translator) -> list[tuple[Button, ...]]:
    """The two rows the audience menu adds (bc:a:topic, bc:a:district)."""
    return [
        (Button(t.pgettext("button", "MOs of a topic"), "bc:a:topic"),),
        (Button(t.pgettext("button", "MOs of a district"), "bc:a:district"),),
    ]


async def choices(services: Services, kind: str) -> list[str]:
    """The topics or districts at least one registered organisation has, in list order."""
    orgs = await services.db.directory.organisations()
    used = {x for o in orgs for x in (o.topics if kind == "topic" else (o.district,))}
    if kind == "topic":
        return [x for x in services.knowledge.topics if x in used]
    return sorted(used)


async def picker(services: Services, t: Translator, kind: str, cancel: Button) -> Reply:
    """bc:t:<topic> or bc:d:<district> buttons for what the directory holds."""
    found = await choices(services, kind)
    buttons = [
        Button(label(t, services.knowledge, STEP[kind], x), f"bc:{KINDS[kind]}:{x}") for x in found
    ]
    text = (
        t.gettext("Which topic? The contacts of the organisations working on it get it.")
        if kind == "topic"
        else t.gettext("Which district? The contacts of the organisations based there get it.")
    )
    if not found:
        text = t.gettext("No organisation is registered in the directory yet.")
    return Reply(esc(text), (*rows(buttons, 1), (cancel,)))


def kind_of_letter(letter: str) -> str | None:
    return next((k for k, v in KINDS.items() if v == letter), None)
