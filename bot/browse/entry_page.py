"""The page of one knowledge entry, with the buttons that belong to it (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from bot.ask.pages import entry_text, label
from bot.browse.glossary import glossary_buttons
from bot.core.reply import Button, Reply
from bot.home.pages import back_to_menu
from bot.i18n import Translator
from bot.knowledge import Entry, Knowledge

DEEP_LINK_PREFIX = "e_"  # /start e_<entry id> opens the entry's page


@dataclass(frozen=True)
class PageLinks:
    """What a page may link to beyond the knowledge base itself."""

    bot_username: str | None = None  # for the share button's t.me deep link
    remind: bool = False  # the entry has deadlines that reminders can follow


def deep_link(bot_username: str, entry: Entry) -> str:
    return f"https://t.me/{bot_username}?start={DEEP_LINK_PREFIX}{entry.id}"


def entry_page(
    entry: Entry, t: Translator, knowledge: Knowledge, links: PageLinks = PageLinks()
) -> Reply:
    """An entry's page: its text; offices, glossary words, remind me, share, back."""
    text = entry_text(entry, t, knowledge)
    rows: list[tuple[Button, ...]] = [
        (Button(label(knowledge.entries[o], t), f"v:{o}"),)
        for o in entry.offices
        if o in knowledge.entries
    ]
    rows += glossary_buttons(entry, text, knowledge)
    if links.remind and entry.kind == "program":
        rows.append(
            (Button(t.pgettext("button", "Remind me of the deadline"), f"remind:{entry.id}"),)
        )
    if links.bot_username:
        url = deep_link(links.bot_username, entry)
        share = f"https://t.me/share/url?url={quote(url, safe='')}&text={quote(label(entry, t))}"
        rows.append((Button(t.pgettext("button", "Share"), url=share),))
    back = (
        Button(t.pgettext("button", "All programs"), "menu:programs")
        if entry.kind == "program"
        else back_to_menu(t)
    )
    rows.append((back,))
    return Reply(text, tuple(rows))
