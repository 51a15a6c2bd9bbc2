"""The main menu, /help, the language menu and the short texts around them (no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.core.reply import Button, Reply, bold, esc
from bot.home import MAIN, Language, Menu
from bot.i18n import Text, Translator
from bot.i18n.languages import LANGUAGES, NATIVE_NAMES


class CommandHelp(Protocol):
    """A command and its line in /help (the routing table's commands)."""

    @property
    def name(self) -> str: ...

    @property
    def help(self) -> Text: ...


def main_menu_buttons(t: Translator) -> tuple[tuple[Button, ...], ...]:
    return (
        (
            Button(t.pgettext("button", "Ask a question"), Menu("ask").data()),
            Button(t.pgettext("button", "Funding programs"), Menu("programs").data()),
        ),
        (Button(t.pgettext("button", "Which programs fit us?"), Menu("fit").data()),),
        (
            Button(t.pgettext("button", "Who is responsible?"), Menu("offices").data()),
            Button(t.pgettext("button", "Dates and networks"), Menu("dates").data()),
        ),
        (
            Button(t.pgettext("button", "Language"), Menu("language").data()),
            Button(t.pgettext("button", "Privacy"), Menu("privacy").data()),
        ),
    )


def welcome(t: Translator, first_name: str | None) -> Reply:
    greeting = (
        t.gettext("Welcome to MO-Lotse, {name}!", name=first_name)
        if first_name
        else t.gettext("Welcome to MO-Lotse!")
    )
    text = "\n".join(
        [
            bold(greeting),
            "",
            esc(
                t.gettext(
                    "I help migrant organisations in Wiesbaden: which funding program fits you, "
                    "which office is responsible, and when the networks meet."
                )
            ),
            esc(t.gettext("Just type your question in your own words and your own language.")),
        ]
    )
    return Reply(text, main_menu_buttons(t))


def help_text(t: Translator, commands: Sequence[CommandHelp]) -> Reply:
    """What the bot does, and every member command with its line of help."""
    lines = [
        bold(t.gettext("What I can do")),
        "",
        esc(
            t.gettext(
                "Type any question about funding, offices or networks, for example: "
                "“Where can we get money for a summer festival?”"
            )
        ),
        "",
        *(f"/{c.name} — {esc(t.text(c.help))}" for c in commands),
        "",
        esc(
            t.gettext(
                "If I cannot answer, I pass your question to the coordination office "
                "for migrant organisations."
            )
        ),
    ]
    return Reply("\n".join(lines), main_menu_buttons(t))


def language_menu(t: Translator) -> Reply:
    buttons = [Button(NATIVE_NAMES[lang], Language(lang).data()) for lang in LANGUAGES]
    rows = tuple(tuple(buttons[i : i + 3]) for i in range(0, len(buttons), 3))
    return Reply(esc(t.gettext("Choose your language:")), rows)


def back_to_menu(t: Translator) -> Button:
    return Button(t.pgettext("button", "Main menu"), MAIN.data())


def language_set(t: Translator, code: str) -> Reply:
    text = esc(t.gettext("Language set: {language}.", language=NATIVE_NAMES[code]))
    return Reply(text, main_menu_buttons(t))


def unknown_command(t: Translator) -> Reply:
    return Reply(esc(t.gettext("I do not know that command. /help shows what I can do.")))


def not_text(t: Translator) -> Reply:
    return Reply(esc(t.gettext("I can only read text. Please type your question.")))
